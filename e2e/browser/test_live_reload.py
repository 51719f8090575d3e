"""Browser test of `policy serve`'s live reload: an open page reloads by itself when its
document is edited, turns into the error page when the document loses its interpretation,
and comes back when the file is restored — all without the test navigating. And the search
page, reading the index the preview holds in memory, loses a deleted bundle's hits."""

from __future__ import annotations

import re
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from browser_support import REPO, new_driver, policy_bin

DOC = "normative/2020-price-tag-rules"


def wait(what: str, probe, seconds: float = 20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if probe():
                return
        except Exception:  # the page is reloading
            pass
        time.sleep(0.2)
    pytest.fail(f"timed out waiting for {what}")


@pytest.fixture()
def serve(tmp_path):
    shutil.copytree(REPO / "content", tmp_path / "content")
    process = subprocess.Popen([str(policy_bin()), "serve", "content", "--port", "0", "--as-of", "2026-11-29"],
                               cwd=tmp_path, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
    url = None
    deadline = time.monotonic() + 60
    while url is None and time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        match = re.search(r"预览地址：(http://\S+)", line)
        url = match and match.group(1)
    if url is None:
        process.kill()
        pytest.fail("policy serve did not print its address")
    yield tmp_path / "content", url
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=15) == 0


def test_open_page_follows_edits(serve):
    content, url = serve
    bundle = content / DOC
    driver = new_driver()
    try:
        driver.get(f"{url}d/{DOC.split('/')[1]}/")
        title = driver.find_element("tag name", "h1").text
        driver.execute_script("window.__notReloaded = true")

        index = bundle / "index.md"
        index.write_text(index.read_text(encoding="utf-8").replace(f"title: {title}", f"title: {title}（修订稿）", 1),
                         encoding="utf-8")
        wait("the reload with the new title", lambda: driver.find_element("tag name", "h1").text == f"{title}（修订稿）")
        assert driver.execute_script("return window.__notReloaded") is None

        interpretation = bundle / "解读.md"
        saved = interpretation.read_bytes()
        interpretation.unlink()
        wait("the error page", lambda: driver.title == "内容有错误，修正后自动刷新")
        assert "PI001" in driver.find_element("tag name", "main").text

        interpretation.write_bytes(saved)
        wait("the page to come back", lambda: driver.find_element("tag name", "h1").text == f"{title}（修订稿）")
        errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE" and "__policy" in e["message"]]
        assert not errors, errors
    finally:
        driver.quit()


def search_hits(driver, url: str, query: str) -> list[str]:
    """The paths of the hits the preview's search page shows for `query` (search.js reading
    the search index the preview holds in memory)."""
    driver.get(f"{url}search/?q={urllib.parse.quote(query)}")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        state = driver.execute_script(
            "var l = document.getElementById('search-results');"
            "return l ? [l.dataset.state || '', l.dataset.query] : ['', null];")
        if state[0] == "error":
            pytest.fail("search error: " + driver.find_element("id", "search-results").text)
        if state[0] == "done" and state[1] == query:
            return [h.get_attribute("data-path") for h in driver.find_elements("css selector", "li.search-hit")]
        time.sleep(0.05)
    pytest.fail(f"no results for {query!r}")


def test_a_deleted_bundle_leaves_the_search(serve):
    content, url = serve
    gone = "policies/2025-online-consumption-notice"
    driver = new_driver()
    try:
        assert any(gone.split("/")[1] in path for path in search_hits(driver, url, "网络消费环境提升行动"))
        shutil.rmtree(content / gone)
        wait("its page to go", lambda: _status(f"{url}d/{gone.split('/')[1]}/") == 404)
        hits = search_hits(driver, url, "网络消费环境提升行动")
        assert not any(gone.split("/")[1] in path for path in hits), hits
    finally:
        driver.quit()


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code
