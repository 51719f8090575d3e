"""Browser test of `policy serve`'s live reload: an open page reloads by itself when its
document is edited, turns into the error page when the document loses its interpretation,
and comes back when the file is restored — all without the test navigating."""

from __future__ import annotations

import re
import shutil
import signal
import subprocess
import time

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
