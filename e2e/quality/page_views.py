"""The page kinds of the sample site and how the browser tests view them: at a given width,
in the normal mode or in 长者模式 (large type, high contrast), switched the way a reader
switches it (the header link). Shared by test_accessibility.py and test_screenshots.py.
(A module of its own, not the conftest: several test folders have a conftest.py.)"""
from __future__ import annotations

import os
import time
import urllib.parse
from pathlib import Path

import pytest

from quality_support import REPO

# One page of every kind the site builds (the sample content has no chain long enough for
# a versions/ page). Paths are relative to the site root.
PAGE_KINDS = {
    "home": "",
    "library": "normative/",
    "status list": "regulations/in-force/",
    "document": "d/2025-food-workshops-regulation/",
    "interpretation": "d/2024-price-behavior-compliance/解读/",
    "qa interpretation": "d/2022-relief-measures/问答/",
    "video interpretation": "d/2025-food-workshops-regulation/视频解读/",
    "compare": "d/2025-food-workshops-regulation/compare/2022-food-workshops-regulation/",
    "search with results": "search/?q=" + urllib.parse.quote("食品"),
    "Q&A library": "qa/",
    "Q&A by document": "qa/by-document/",
    "Q&A entry": "qa/mailbox-2025-credit-repair/",
    "interpretations": "interpretations/",
    "cleanups": "cleanup/",
    "cleanup batch": "cleanup/2025-normative-cleanup/",
    "report": "report/",
}

WIDTHS = (320, 768, 1280)
MODES = ("normal", "elder")
# The localStorage key assets/mode.js keeps the reader's choice under.
MODE_KEY = "policy-elder-mode"


def screenshot_folder() -> Path:
    """Where `make test` leaves its screenshots: $POLICY_SCREENSHOTS, else build/screenshots/
    in the repository (git-ignored)."""
    return Path(os.environ.get("POLICY_SCREENSHOTS") or REPO / "build/screenshots").resolve()


# conftest.py prints the folder at the end of the run when a test wrote screenshots there.
SCREENSHOTS_WRITTEN = pytest.StashKey[Path]()


def built(site: Path, path: str) -> bool:
    return (site / path.split("?")[0] / "index.html").is_file()


def wait_ready(browser, search: bool):
    end = time.time() + 15
    while browser.execute_script("return document.readyState") != "complete" and time.time() < end:
        time.sleep(0.05)
    if search:
        while time.time() < end:
            state = browser.execute_script(
                "var l = document.getElementById('search-results'); return l ? l.dataset.state || '' : '';")
            if state == "done":
                break
            time.sleep(0.05)
        assert browser.find_elements("css selector", "li.search-hit"), "the search page shows no results"


def set_viewport(browser, width: int, height: int = 900):
    """A viewport of exactly `width` CSS pixels (the window size would include the frame)."""
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
    browser.execute_script("return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def reset_browser(browser):
    """Leaves the session's browser as other tests expect it: its own window size, no mode kept."""
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    if browser.current_url.startswith("http"):
        browser.execute_script(f"localStorage.removeItem('{MODE_KEY}')")


def in_elder_mode(browser) -> bool:
    return browser.execute_script("return document.documentElement.classList.contains('elder-mode')")


def set_mode(browser, mode: str):
    """Switches to `mode` with the visible header link, as a reader does, and checks it took."""
    want = mode == "elder"
    if in_elder_mode(browser) != want:
        browser.find_element("css selector", "a.mode-on" if want else "a.mode-off").click()
    assert in_elder_mode(browser) == want, f"the header switch did not turn 长者模式 {'on' if want else 'off'}"


def open_page(browser, url: str, mode: str, width: int = 1280):
    set_viewport(browser, width)
    browser.get(url)
    wait_ready(browser, search="/search/" in url)
    set_mode(browser, mode)


def horizontal_overflow(browser) -> int:
    """How many CSS pixels the page is wider than the viewport (0: no sideways scrolling)."""
    return browser.execute_script(
        "return Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth)")
