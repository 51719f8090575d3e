"""Fixtures for the browser tests of the search page (headless Debian Chromium + selenium).

The sample content (`content/`) is built once per session with the real binary
($POLICY_BIN, default .build/release/policy, else .build/debug/policy) into a temporary
folder and served by `python3 -m http.server` from the folder *above* the site, so the site
lives under a sub-path (/site/) as it does on a government portal.

Ground truth is computed here from the Markdown itself (`corpus.py`), never from the index.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import Library  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
AS_OF = "2026-11-29"  # the build date of the main site: statuses never depend on the day tests run
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


def policy_bin() -> Path:
    if os.environ.get("POLICY_BIN"):
        return Path(os.environ["POLICY_BIN"]).resolve()
    for candidate in (REPO / ".build/release/policy", REPO / ".build/debug/policy"):
        if candidate.is_file():
            return candidate
    return REPO / ".build/release/policy"


def build_site(content: Path, out: Path, as_of: str) -> Path:
    binary = policy_bin()
    if not binary.is_file():
        pytest.fail(f"policy binary not found at {binary}: run `make build` or set POLICY_BIN", pytrace=False)
    run = subprocess.run([str(binary), "build", str(content), "--out", str(out), "--as-of", as_of],
                         capture_output=True, text=True)
    if run.returncode != 0:
        pytest.fail(f"policy build failed ({run.returncode}):\n{run.stdout}\n{run.stderr}", pytrace=False)
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`python3 -m http.server` on 127.0.0.1 serving `root`, with its request log."""

    def __init__(self, root: Path):
        self.root = root
        self.port = free_port()
        self.log_path = root / "http.log"
        self.log = open(self.log_path, "w")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "http.server", str(self.port), "--bind", "127.0.0.1", "--directory", str(root)],
            stdout=self.log, stderr=self.log, env={**os.environ, "PYTHONUNBUFFERED": "1"})
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("http.server did not start")

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path.lstrip('/')}"

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()


@pytest.fixture(scope="session")
def library() -> Library:
    return Library.read(REPO / "content")


@pytest.fixture(scope="session")
def served(tmp_path_factory):
    """The sample site built at AS_OF under /site/, plus builds at other dates on demand."""
    root = tmp_path_factory.mktemp("browser")
    build_site(REPO / "content", root / "site", AS_OF)
    server = Server(root)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def large_keys(served, tmp_path_factory) -> Library:
    """The sample content with one regulation made long by a repeated paragraph, so that some
    keys' postings get files of their own (k/…) and x.bin lists them: built as /site-large/,
    and copied as /site-large-cut/ with x.bin cut short, which the page must do without."""
    content = tmp_path_factory.mktemp("large") / "content"
    shutil.copytree(REPO / "content", content)
    index = content / "regulations/2018-commodity-market-regulation/index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n\n" + "经营者应当明码标价，价格应当真实清楚。" * 3000 + "\n",
                     encoding="utf-8")
    build_site(content, served.root / "site-large", AS_OF)
    shutil.copytree(served.root / "site-large", served.root / "site-large-cut")
    for x in (served.root / "site-large-cut/search").glob("idx-*/x.bin"):
        x.write_bytes(bytes([5]))  # says five keys, lists none
    return Library.read(content)


@pytest.fixture(scope="session")
def build_at(served):
    """Builds the sample content at another as-of date into /site-<date>/ and returns its folder."""
    def build(as_of: str) -> Path:
        out = served.root / f"site-{as_of}"
        if not out.exists():
            build_site(REPO / "content", out, as_of)
        return out
    return build


def new_driver(javascript: bool = True):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        pytest.skip("Debian chromium and chromium-driver are needed (apt-get install chromium chromium-driver)")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
              "--window-size=1280,1000", "--lang=zh-CN"):
        opts.add_argument(a)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if not javascript:
        opts.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)


@pytest.fixture(scope="session")
def browser():
    driver = new_driver()
    driver.set_script_timeout(60)
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def console(browser):
    """Every console entry of the session's browser, gathered as tests read them."""
    return []


@pytest.fixture
def page(browser, served, console):
    """The search page helper; console entries are kept for the no-errors test."""
    from search_page import SearchPage

    p = SearchPage(browser, served)
    yield p
    console.extend(browser.get_log("browser"))


@pytest.fixture
def fresh_browser():
    driver = new_driver()
    yield driver
    driver.quit()


@pytest.fixture
def no_js_browser():
    driver = new_driver(javascript=False)
    yield driver
    driver.quit()


def pytest_collection_modifyitems(items):
    # The console test reads what every other browser test left: run it last.
    items.sort(key=lambda item: item.name == "test_console_shows_no_errors")


@pytest.fixture(scope="session", autouse=True)
def _python_tools():
    pytest.importorskip("selenium")
    if not shutil.which("chromium") and not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed")
