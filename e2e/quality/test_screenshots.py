"""Screenshots of the home page, a library list, a document, an interpretation, the search
page and a 新旧对照 at 390 and 1280 px, in the normal mode and in 长者模式, written where
page_views.screenshot_folder() says (build/screenshots/ by default; the run prints it at the
end) for people to look at; and what they must show, checked in the browser: the library
list as cards at 390 px (still a table to screen readers), the document's table of contents
and the larger type of 长者模式."""
from __future__ import annotations

import base64
import re
import shutil
import struct

import pytest

from page_views import (PAGE_KINDS, SCREENSHOTS_WRITTEN, built, open_page, reset_browser, screenshot_folder,
                        set_viewport)

SHOTS = {
    "home": PAGE_KINDS["home"],
    "library": PAGE_KINDS["library"],
    "document": PAGE_KINDS["document"],
    "interpretation": PAGE_KINDS["interpretation"],
    "search": PAGE_KINDS["search with results"],
    "compare": PAGE_KINDS["compare"],
}
SHOT_WIDTHS = (390, 1280)
# Chromium cannot capture taller than this in one image; a longer page is cut there.
MAX_HEIGHT = 16000


@pytest.fixture
def page_browser(browser):
    yield browser
    reset_browser(browser)


@pytest.fixture(scope="module")
def folder(request):
    path = screenshot_folder()
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    request.config.stash[SCREENSHOTS_WRITTEN] = path
    return path


def full_page_png(browser, width: int) -> bytes:
    height = min(MAX_HEIGHT, browser.execute_script("return document.documentElement.scrollHeight"))
    set_viewport(browser, width, height)
    shot = browser.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})
    return base64.b64decode(shot["data"])


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("mode", ("normal", "elder"))
@pytest.mark.parametrize("name", list(SHOTS))
def test_screenshot(nginx, page_browser, sample_site, folder, name, mode):
    path = SHOTS[name]
    if not built(sample_site, path):
        pytest.skip(f"{path} is not built (no {name} page in this version)")
    open_page(page_browser, nginx.url(path), mode)
    for width in SHOT_WIDTHS:
        set_viewport(page_browser, width)
        png = full_page_png(page_browser, width)
        assert png_size(png)[0] == width
        (folder / f"{name}-{width}-{mode}.png").write_bytes(png)


def card_style(browser) -> dict:
    return browser.execute_script("""
        var row = document.querySelector('table.documents tbody tr:not([hidden])');
        var cell = row.querySelector('td[data-label]');
        var head = document.querySelector('table.documents thead');
        return {row: getComputedStyle(row).display, head: head.getBoundingClientRect().height,
                label: getComputedStyle(cell, '::before').content, labelText: cell.dataset.label,
                rowWidth: row.getBoundingClientRect().width, viewport: document.documentElement.clientWidth};""")


def table_roles(browser) -> dict:
    tree = browser.execute_cdp_cmd("Accessibility.getFullAXTree", {})
    roles = [node["role"]["value"] for node in tree["nodes"] if not node.get("ignored") and node.get("role")]
    return {role: roles.count(role) for role in ("table", "row", "columnheader", "cell")}


def test_library_list_is_cards_at_390_px_and_a_table_for_screen_readers(nginx, page_browser, sample_site):
    html = sample_site.joinpath("normative/index.html").read_text(encoding="utf-8")
    # Rows a visitor sees: not the header, not the hidden ones (status-live.js's candidates, 暂无).
    rows = sum(1 for tr in re.findall(r'<tr role="row"[^>]*>', html) if " hidden" not in tr) - 1
    open_page(page_browser, nginx.url(PAGE_KINDS["library"]), "normal", width=1280)
    wide = card_style(page_browser)
    assert wide["row"] == "table-row" and wide["head"] > 0 and wide["label"] == "none", wide
    set_viewport(page_browser, 390)
    narrow = card_style(page_browser)
    assert narrow["row"] == "block", f"at 390px a library row is not a card: {narrow}"
    assert narrow["head"] <= 1, "the column headings still show above the cards"
    assert narrow["labelText"] in narrow["label"], f"a card's cell is not labelled with its column: {narrow}"
    assert narrow["rowWidth"] <= narrow["viewport"]
    # Screen readers still get a table: every row and cell, with its column headers.
    roles = table_roles(page_browser)
    assert roles["table"] == 1 and roles["columnheader"] == 5 and roles["row"] == rows + 1, roles
    assert roles["cell"] == rows * 5, roles


def test_library_list_is_cards_in_elder_mode_on_a_tablet(nginx, page_browser):
    open_page(page_browser, nginx.url(PAGE_KINDS["library"]), "normal", width=768)
    assert card_style(page_browser)["row"] == "table-row"
    open_page(page_browser, nginx.url(PAGE_KINDS["library"]), "elder", width=768)
    assert card_style(page_browser)["row"] == "block", "in 长者模式 a 768px window should show cards"


def test_document_page_has_a_table_of_contents(nginx, page_browser, sample_site):
    html = sample_site.joinpath(PAGE_KINDS["document"], "index.html").read_text(encoding="utf-8")
    assert "第一章" in html, "the sample document for the TOC check has no chapters any more"
    open_page(page_browser, nginx.url(PAGE_KINDS["document"]), "normal")
    toc = page_browser.execute_script("""
        var nav = document.querySelector('nav.toc, nav[aria-label*="目录"], main nav[aria-labelledby]');
        if (!nav) return null;
        return Array.from(nav.querySelectorAll('a[href^="#"]')).map(function (a) {
            var target = document.getElementById(decodeURIComponent(a.hash.slice(1)));
            return {text: a.textContent.trim(), target: target ? target.textContent.trim() : null};
        });""")
    assert toc is not None, "the document page has no table of contents"
    assert any(entry["text"].startswith("第一章") for entry in toc), toc
    broken = [entry for entry in toc if entry["target"] is None]
    assert toc and broken == [], f"TOC links without a target: {broken}"


def test_elder_mode_enlarges_the_type(nginx, page_browser):
    sizes = {}
    for mode in ("normal", "elder"):
        open_page(page_browser, nginx.url(PAGE_KINDS["document"]), mode, width=390)
        sizes[mode] = page_browser.execute_script("""
            function px(sel) { var e = document.querySelector(sel); return e ? parseFloat(getComputedStyle(e).fontSize) : null; }
            var all = Array.from(document.body.querySelectorAll('*')).filter(function (e) {
                return e.offsetParent !== null && Array.from(e.childNodes).some(function (n) { return n.nodeType === 3 && n.data.trim(); });
            });
            return {body: px('.prose p') || px('main p'), smallest: Math.min.apply(null, all.map(function (e) {
                return parseFloat(getComputedStyle(e).fontSize); }))};""")
    assert sizes["elder"]["body"] >= 24, f"长者模式 body text is {sizes['elder']['body']}px, below 18pt (24px)"
    assert sizes["elder"]["body"] >= 1.3 * sizes["normal"]["body"], sizes
    assert sizes["elder"]["smallest"] >= 24, f"长者模式 still shows text at {sizes['elder']['smallest']}px"
