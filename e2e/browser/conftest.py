"""Fixtures for the browser tests of the search page (headless Debian Chromium + selenium).

The sample content (`content/`) is built once per session with the real binary
($POLICY_BIN, default .build/release/policy, else .build/debug/policy) into a temporary
folder and served by `python3 -m http.server` from the folder *above* the site, so the site
lives under a sub-path (/site/) as it does on a government portal.

Ground truth is computed here from the Markdown itself (`corpus.py`), never from the index;
its folding and terms come from the site's tokenize.js (`tokens.py`), not a Python copy.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import Library  # noqa: E402

from browser_support import AS_OF, CHROMIUM, REPO, Server, build_site, new_driver  # noqa: E402


@pytest.fixture(scope="session")
def tokens(served):
    """The client's tokenizer (tokenize.js of the built site) in a Chromium of its own."""
    from tokens import BrowserTokens

    driver = new_driver()
    yield BrowserTokens(driver, served.url("/site/"))
    driver.quit()


@pytest.fixture(scope="session")
def library(tokens) -> Library:
    return Library.read(REPO / "content", tokens)


@pytest.fixture(scope="session")
def served(tmp_path_factory):
    """The sample site built at AS_OF under /site/, plus builds at other dates on demand."""
    root = tmp_path_factory.mktemp("browser")
    build_site(REPO / "content", root / "site", AS_OF)
    server = Server(root, ignore_ranges_under="/site-large-whole/")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def large_content(served, tmp_path_factory) -> Path:
    """The sample content with one regulation made long by a repeated paragraph, so that some
    keys' postings get pieces of their own (k/…): built as /site-large/, and copied as
    /site-large-whole/, which the test server serves without byte ranges (whole files)."""
    content = tmp_path_factory.mktemp("large") / "content"
    shutil.copytree(REPO / "content", content)
    index = content / "regulations/2018-commodity-market-regulation/index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n\n" + "经营者应当明码标价，价格应当真实清楚。" * 3000 + "\n",
                     encoding="utf-8")
    build_site(content, served.root / "site-large", AS_OF)
    shutil.copytree(served.root / "site-large", served.root / "site-large-whole")
    return content


@pytest.fixture(scope="session")
def large_keys(large_content, tokens) -> Library:
    """The library of `large_content`, read from its Markdown."""
    return Library.read(large_content, tokens)


@pytest.fixture(scope="session")
def build_at(served):
    """Builds the sample content at another as-of date into /site-<date>/ and returns its folder."""
    def build(as_of: str) -> Path:
        out = served.root / f"site-{as_of}"
        if not out.exists():
            build_site(REPO / "content", out, as_of)
        return out
    return build


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
