"""End to end: `policy serve` over HTTP. A page is served with the live-reload script; an
edit shows up within seconds — of a document, a transcript, a caption file, a theme file or
site.yml; a deleted bundle's page goes; a bundle that loses its interpretation turns every
page into the error page naming the finding; restoring it brings the page back; Ctrl-C
(SIGINT) and SIGTERM stop the server with status 0. The preview lives in memory: it writes
nothing, neither site/ nor a temporary folder. Hostile clients (oversized request lines and
headers, a foreign Host, stalled half requests) are refused or held without harm: the server
still answers and still stops at once."""

from __future__ import annotations

import json
import os
import queue
import re
import shutil
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from gitrepo import strip_interpretations
from policy_e2e import REPO, Content, copy_content, policy_bin

AS_OF = "2026-11-29"
STARTUP_SECONDS = 60
CHANGE_SECONDS = 20


@dataclass
class Response:
    status: int
    url: str
    headers: dict
    body: str


def get(url: str, timeout: float = 10) -> Response:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return Response(r.status, r.geturl(), dict(r.headers), r.read().decode("utf-8"))
    except urllib.error.HTTPError as e:
        return Response(e.code, url, dict(e.headers), e.read().decode("utf-8"))


def until(what: str, probe, seconds: float = CHANGE_SECONDS, every: float = 0.2):
    """Calls `probe` until it returns something truthy; fails after `seconds`."""
    deadline = time.monotonic() + seconds
    last = None
    while time.monotonic() < deadline:
        last = probe()
        if last:
            return last
        time.sleep(every)
    pytest.fail(f"timed out after {seconds}s waiting for {what}; last: {last!r}"[:2000])


class Server:
    """`policy serve content --port 0` in `workdir`, its output read line by line, with a
    temporary folder of its own (TMPDIR) to show that it writes nothing there."""

    def __init__(self, workdir: Path, *args: str):
        self.lines: queue.Queue[str] = queue.Queue()
        self.output: list[str] = []
        self.tmp = workdir / "tmp"
        self.tmp.mkdir(exist_ok=True)
        self.process = subprocess.Popen(
            [str(policy_bin()), "serve", "content", "--port", "0", "--as-of", AS_OF, *args],
            cwd=workdir, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            text=True, encoding="utf-8", env={**os.environ, "TMPDIR": str(self.tmp)})
        threading.Thread(target=self._read, daemon=True).start()
        self.url = self.wait_for(r"预览地址：(http://\S+)", STARTUP_SECONDS).group(1)
        self.mechanism = self.wait_for(r"正在监视 .*（(\w+)）", 5).group(1)

    def _read(self):
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, pattern: str, seconds: float) -> re.Match:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                if self.process.poll() is not None and self.lines.empty():
                    break
                continue
            self.output.append(line)
            match = re.search(pattern, line)
            if match:
                return match
        pytest.fail(f"policy serve never printed {pattern!r}; output:\n" + "\n".join(self.output))

    def stop(self, sig=signal.SIGINT, seconds: float = 15) -> int:
        if self.process.poll() is None:
            self.process.send_signal(sig)
        try:
            return self.process.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            pytest.fail("policy serve did not stop after " + sig.name)


@pytest.fixture()
def workdir(tmp_path, policy) -> Path:
    copy_content(tmp_path / "content")
    return tmp_path


@pytest.fixture()
def server(workdir):
    s = Server(workdir)
    yield s
    s.stop()


def a_document(content_root: Path):
    """A normative document whose interpretation the gate requires (PI001 when it goes)."""
    content = Content.read(content_root)
    for doc in sorted(content.docs.values(), key=lambda d: (d.folder != "normative", d.id)):
        if doc.interpretations and not doc.meta.get("exempt"):
            return doc
    pytest.fail("no document with an interpretation in the sample content")


def title_of(page: str) -> str:
    return re.search(r"<h1>(.*?)</h1>", page, re.S).group(1)


def test_serve_edit_break_fix_and_stop(workdir, server):
    doc = a_document(workdir / "content")
    bundle = workdir / "content" / doc.bundle
    page_url = f"{server.url}d/{doc.id}/"

    home = get(server.url)
    assert home.status == 200
    assert '<script src="/__policy/reload.js" data-generation="' in home.body
    assert home.headers.get("Cache-Control") == "no-store"
    page = get(page_url)
    assert page.status == 200 and title_of(page.body) == doc.meta["title"]
    generation = int(re.search(r'data-generation="(\d+)"', page.body).group(1))

    script = get(server.url + "__policy/reload.js")
    assert script.status == 200 and "javascript" in script.headers["Content-Type"]
    assert "/__policy/events" in script.body
    # Nothing new yet: a long-poll for a future generation answers with the current one.
    assert get(f"{server.url}__policy/events?since=-1").body.strip() == str(generation)

    # A folder without its slash is redirected (pages link relatively).
    assert get(f"{server.url}d/{doc.id}").url.endswith(f"/d/{doc.id}/")

    # The search index's packed files are read by range, several ranges in one request
    # (assets/ranges.js), as from nginx.
    def index_folder():
        manifest = get(server.url + "search/manifest.json")  # built in the background
        return json.loads(manifest.body)["index"] if manifest.status == 200 else None
    index = until("the search index", index_folder)
    pack = f"{server.url}search/{index}t/0.bin"
    with urllib.request.urlopen(urllib.request.Request(pack, headers={"Range": "bytes=2-5,40-49"}), timeout=10) as r:
        assert r.status == 206 and r.headers["Content-Type"].startswith("multipart/byteranges; boundary=")
        multipart = r.read()
    with urllib.request.urlopen(pack, timeout=10) as r:
        whole = r.read()
    assert r.headers["Accept-Ranges"] == "bytes"
    for a, b in ((2, 5), (40, 49)):
        assert f"Content-Range: bytes {a}-{b}/{len(whole)}\r\n\r\n".encode() + whole[a:b + 1] in multipart

    # 1. Edit the title: the page changes, and a long-poll opened before the edit returns.
    poll: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: poll.put(get(f"{server.url}__policy/events?since={generation}", timeout=40)),
                     daemon=True).start()
    index = bundle / "index.md"
    original = index.read_text(encoding="utf-8")
    new_title = doc.meta["title"] + "（修订草稿）"
    index.write_text(original.replace(f"title: {doc.meta['title']}", f"title: {new_title}", 1), encoding="utf-8")
    until("the edited title", lambda: title_of(get(page_url).body) == new_title)
    event = poll.get(timeout=CHANGE_SECONDS)
    assert event.status == 200 and int(event.body) > generation

    # 2. Remove the interpretation: every page is the error page naming the finding.
    saved = {p.name: p.read_bytes() for p in bundle.glob("*.md") if p.name != "index.md"}
    strip_interpretations(bundle)
    broken = until("the error page", lambda: (r := get(page_url)).status == 500 and r)
    assert "<title>内容有错误，修正后自动刷新</title>" in broken.body
    assert f"content/{doc.bundle}/index.md:" in broken.body
    assert "PI001 interpretation-required" in broken.body
    assert "修改方法：" in broken.body
    assert '<script src="/__policy/reload.js"' in broken.body
    assert get(server.url).status == 500                        # every page, not only the broken one
    assert get(server.url + "assets/style.css").status == 200   # assets of the last good build stay

    # 3. Restore it: the page comes back by itself.
    for name, data in saved.items():
        (bundle / name).write_bytes(data)
    back = until("the page to come back", lambda: (r := get(page_url)).status == 200 and r)
    assert title_of(back.body) == new_title

    # 4. Ctrl-C: exit 0. Nothing was written: no site/, nothing in the temporary folder,
    #    nothing new in the content folder.
    assert server.stop(signal.SIGINT) == 0
    assert_nothing_written(workdir, server)


def test_sigterm_stops_cleanly_and_errors_show_from_the_start(workdir):
    doc = a_document(workdir / "content")
    strip_interpretations(workdir / "content" / doc.bundle)
    s = Server(workdir, "--host", "127.0.0.1")
    try:
        assert s.url.startswith("http://127.0.0.1:")
        page = get(s.url)
        assert page.status == 500 and "PI001" in page.body
        assert get(s.url + "__policy/preview.css").status == 200
        assert get(s.url + "no/such/page/").status == 500  # the errors come first
    finally:
        code = s.stop(signal.SIGTERM)
    assert code == 0
    assert_nothing_written(workdir, s)


def test_theme_edits_rebuild_too(workdir):
    theme = workdir / "theme"
    theme.mkdir()
    s = Server(workdir)
    try:
        (theme / "assets").mkdir()
        (theme / "assets" / "style.css").write_text("/* 预览主题 */ body { color: #123456; }\n", encoding="utf-8")
        until("the theme's stylesheet", lambda: "#123456" in get(s.url + "assets/style.css").body)
    finally:
        assert s.stop() == 0


def test_a_taken_port_is_reported(workdir):
    first = Server(workdir)
    try:
        port = first.url.rsplit(":", 1)[1].strip("/")
        result = subprocess.run([str(policy_bin()), "serve", "content", "--port", port], cwd=workdir,
                                stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)
        assert result.returncode != 0
        assert "无法监听" in result.stderr
    finally:
        assert first.stop() == 0


def raw(url: str, data: bytes, seconds: float = 5) -> tuple[bytes, bool, float]:
    """Sends `data` on a fresh connection; returns what came back, whether the server closed
    the connection within `seconds`, and how long that took."""
    host, port = url.split("//")[1].strip("/").rsplit(":", 1)
    started = time.monotonic()
    with socket.create_connection((host, int(port)), timeout=seconds) as s:
        try:
            s.sendall(data)
        except OSError:
            pass  # refused mid-way: the answer is still there to read
        received = b""
        try:
            while chunk := s.recv(65536):
                received += chunk
            closed = True
        except (socket.timeout, ConnectionResetError):
            closed = False
    return received, closed, time.monotonic() - started


def test_hostile_requests_are_refused_and_the_server_stays_responsive(workdir):
    s = Server(workdir)
    try:
        host = s.url.split("//")[1].strip("/")
        line, closed, took = raw(s.url, b"GET /" + b"a" * 300_000 + b" HTTP/1.1\r\nHost: " + host.encode() + b"\r\n\r\n")
        assert line.startswith(b"HTTP/1.1 414 URI Too Long\r\n") and closed and took < 3
        header, closed, _ = raw(s.url, b"GET / HTTP/1.1\r\nHost: " + host.encode() + b"\r\nCookie: " + b"c" * 300_000 + b"\r\n\r\n")
        assert header.startswith(b"HTTP/1.1 431 ") and closed
        # DNS rebinding: a page on attacker.example whose name now points at 127.0.0.1.
        port = host.rsplit(":", 1)[1]
        rebound, _, _ = raw(s.url, f"GET / HTTP/1.1\r\nHost: attacker.example:{port}\r\n\r\n".encode())
        assert rebound.startswith(b"HTTP/1.1 403 ")
        assert raw(s.url, b"GET / HTTP/1.1\r\n\r\n")[0].startswith(b"HTTP/1.1 400 ")  # no Host

        # Clients that start a request and stall, others that stream an endless line.
        hostile = []
        for i in range(6):
            c = socket.create_connection(("127.0.0.1", int(port)), timeout=5)
            c.sendall(b"GET / HTTP/1.1\r\nX-Half: " if i % 2 else b"GET /" + b"a" * 4000)
            hostile.append(c)
        try:
            assert get(s.url).status == 200
            started = time.monotonic()
            assert s.stop(signal.SIGTERM, seconds=10) == 0
            assert time.monotonic() - started < 3
        finally:
            for c in hostile:
                c.close()
    finally:
        s.stop()


def assert_nothing_written(workdir: Path, server: Server):
    """The preview keeps its site in memory: no site/ beside the content, no file in its
    temporary folder, and the content folder holds only what the test put there."""
    assert not (workdir / "site").exists()
    assert list(server.tmp.iterdir()) == []
    assert not list((workdir / "content").rglob(".site*")) and not list(workdir.glob(".site*"))


VIDEO_DOC = "regulations/2025-food-workshops-regulation"


def generation_of(page: str) -> int:
    return int(re.search(r'data-generation="(\d+)"', page).group(1))


def test_transcript_captions_theme_and_settings_edits_reach_the_page(workdir):
    """Each kind of input the pages are made of, edited while serving, is on the next page
    served: a transcript, a caption file, a --theme template and stylesheet, site.yml."""
    theme = workdir / "mytheme"
    (theme / "templates").mkdir(parents=True)
    s = Server(workdir, "--theme", "mytheme")
    try:
        if os.uname().sysname == "Linux":
            assert s.mechanism == "inotify"
        bundle = workdir / "content" / VIDEO_DOC
        page_url = f"{s.url}d/{VIDEO_DOC.split('/')[1]}/%E8%A7%86%E9%A2%91%E8%A7%A3%E8%AF%BB/"  # 视频解读
        first = get(page_url)
        assert first.status == 200

        # The transcript is printed on the interpretation's page.
        with open(bundle / "视频文稿.txt", "a", encoding="utf-8") as f:
            f.write("\n预览测试：转写稿新增的一句话。\n")
        until("the transcript's new sentence", lambda: "转写稿新增的一句话" in get(page_url).body)

        # The captions are the video's track: the served file, and a new generation of the page.
        before = generation_of(get(page_url).body)
        with open(bundle / "视频字幕.vtt", "a", encoding="utf-8") as f:
            f.write("\n5\n00:00:05.000 --> 00:00:06.000\n预览测试：字幕新增的一句话。\n")
        until("a new generation", lambda: generation_of(get(page_url).body) > before)
        track = get(f"{s.url}d/{VIDEO_DOC.split('/')[1]}/%E8%A7%86%E9%A2%91%E5%AD%97%E5%B9%95.vtt")  # 视频字幕.vtt
        assert track.status == 200 and "字幕新增的一句话" in track.body

        # A theme template and a theme stylesheet.
        template = REPO / "Sources" / "PolicySite" / "Theme" / "Default" / "interpretation.mustache"
        (theme / "templates" / "interpretation.mustache").write_text(
            template.read_text(encoding="utf-8").replace("<h1>", "<p>主题模板测试标记</p><h1>", 1), encoding="utf-8")
        until("the theme template's mark", lambda: "主题模板测试标记" in get(page_url).body)
        (theme / "assets").mkdir()
        (theme / "assets" / "style.css").write_text("/* 预览主题 */ body { color: #654321; }\n", encoding="utf-8")
        until("the theme's stylesheet", lambda: "#654321" in get(s.url + "assets/style.css").body)

        # site.yml: the site's title is on every page.
        site_yml = workdir / "content" / "site.yml"
        text = site_yml.read_text(encoding="utf-8")
        title = re.search(r"^title: *(.+)$", text, re.M).group(1).strip().strip('"')
        site_yml.write_text(text.replace(title, title + "（预览）", 1), encoding="utf-8")
        until("the new site title", lambda: title + "（预览）" in get(page_url).body)
    finally:
        assert s.stop() == 0
    assert_nothing_written(workdir, s)


def test_a_deleted_bundle_loses_its_page(workdir, server):
    doc = "policies/2025-online-consumption-notice"
    page_url = f"{server.url}d/{doc.split('/')[1]}/"
    assert get(page_url).status == 200
    shutil.rmtree(workdir / "content" / doc)
    until("the page to go", lambda: get(page_url).status == 404)
    assert doc.split("/")[1] not in get(server.url + "policies/").body
