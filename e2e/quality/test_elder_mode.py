"""长者模式 (large type, high contrast) as a reader meets it — with JavaScript, a switch
remembered across pages; without, a link to the same page in the mode (#elder-mode) — and
the print stylesheet: the text, the status, the page's own readable address; no navigation,
switches or percent-encoded link targets."""
from __future__ import annotations

import base64
import shutil
import subprocess
from pathlib import Path

import pytest

from page_views import MODE_KEY, PAGE_KINDS, in_elder_mode, open_page, reset_browser, set_viewport, wait_ready
from quality_support import CHROMEDRIVER, CHROMIUM

BASE_URL = "https://www.example.gov.cn/zcwj/"


@pytest.fixture
def page_browser(browser):
    yield browser
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": []})
    reset_browser(browser)


@pytest.fixture(scope="module")
def no_js_browser():
    """Headless Chromium with JavaScript switched off."""
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        pytest.skip(f"{CHROMIUM} or {CHROMEDRIVER} missing: apt-get install chromium chromium-driver")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--lang=zh-CN"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


def state(browser) -> dict:
    """The body text size and which switch link shows."""
    return browser.execute_script("""
        function shown(sel) { var e = document.querySelector(sel); return !!e && e.getClientRects().length > 0; }
        return {size: parseFloat(getComputedStyle(document.querySelector('main p')).fontSize),
                on: shown('a.mode-on'), off: shown('a.mode-off')};""")


def test_without_javascript_a_link_shows_the_same_page_in_the_mode(nginx, no_js_browser):
    browser = no_js_browser
    url = nginx.url(PAGE_KINDS["document"])
    browser.get(url)
    normal = state(browser)
    assert normal["on"] and not normal["off"], normal
    browser.find_element("css selector", "a.mode-on").click()
    assert browser.current_url.endswith("#elder-mode")
    elder = state(browser)
    assert elder["size"] >= 24 and elder["size"] >= 1.3 * normal["size"], (normal, elder)
    assert elder["off"] and not elder["on"], elder
    # The address is the mode: a bookmark or a shared link opens the page in it.
    browser.get("about:blank")
    browser.get(url + "#elder-mode")
    assert state(browser) == elder
    browser.find_element("css selector", "a.mode-off").click()
    assert state(browser) == normal


def test_with_javascript_the_switch_is_remembered_across_pages(nginx, page_browser):
    browser = page_browser
    open_page(browser, nginx.url(PAGE_KINDS["library"]), "normal")
    normal = state(browser)
    assert normal["on"] and not normal["off"]
    browser.find_element("css selector", "a.mode-on").click()
    assert in_elder_mode(browser)
    assert browser.execute_script("return document.activeElement.className") == "mode-off", \
        "keyboard focus is lost when the switch link it was on disappears"
    assert "#" not in browser.current_url, "the switch should not add #elder-mode when JavaScript handles it"
    # Following the site's own links keeps the mode (to a page of the same kind, to compare sizes).
    browser.find_element("css selector", ".site-nav a[href$='regulations/']").click()
    wait_ready(browser, search=False)
    elder = state(browser)
    assert in_elder_mode(browser) and elder["size"] >= 24 and elder["off"] and not elder["on"], elder
    browser.refresh()
    wait_ready(browser, search=False)
    assert in_elder_mode(browser)
    browser.find_element("css selector", "a.mode-off").click()
    assert not in_elder_mode(browser) and state(browser)["size"] == normal["size"]
    browser.get(nginx.url(PAGE_KINDS["document"]))
    wait_ready(browser, search=False)
    assert not in_elder_mode(browser)
    assert browser.execute_script(f"return localStorage.getItem('{MODE_KEY}')") is None


def test_with_javascript_a_link_to_the_mode_turns_it_on_for_the_next_pages(nginx, page_browser):
    browser = page_browser
    open_page(browser, nginx.url(PAGE_KINDS["library"]), "normal")
    browser.get("about:blank")
    browser.get(nginx.url(PAGE_KINDS["interpretation"]) + "#elder-mode")
    wait_ready(browser, search=False)
    assert in_elder_mode(browser)
    browser.find_element("css selector", "a.mode-off").click()
    assert not in_elder_mode(browser), "#elder-mode still in the address keeps the page in the mode"
    assert not browser.current_url.endswith("#elder-mode")


def test_no_sideways_scrolling_at_320_px_in_the_mode(nginx, page_browser, sample_site):
    # A long list and a long text: the widest pages. (test_accessibility checks every kind.)
    for path in (PAGE_KINDS["library"], PAGE_KINDS["compare"]):
        open_page(page_browser, nginx.url(path), "elder", width=320)
        width = page_browser.execute_script(
            "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert width[0] <= width[1], f"{path} in 长者模式 at 320px is {width[0]}px wide"


def print_view(browser) -> dict:
    return browser.execute_script("""
        function shown(sel) { return Array.from(document.querySelectorAll(sel)).some(function (e) { return e.getClientRects().length > 0; }); }
        var relative = Array.from(document.querySelectorAll('main a[href]')).filter(function (a) { return !/^https?:/.test(a.getAttribute('href')); });
        var dumped = relative.filter(function (a) { var c = getComputedStyle(a, '::after').content; return c !== 'none' && c !== 'normal' && c !== '""'; });
        var line = document.querySelector('.print-only');
        return {nav: shown('.site-nav'), search: shown('.search-form'), switch: shown('.mode-switch'),
                skip: shown('.skip-link'), breadcrumb: shown('.breadcrumb'), status: shown('.status .badge'),
                asOf: shown('.site-footer time'), line: line && line.getClientRects().length ? line.innerText : null,
                dumped: dumped.map(function (a) { return a.getAttribute('href'); }), relative: relative.length,
                size: parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)};""")


@pytest.mark.parametrize("mode", ("normal", "elder"))
def test_print_shows_text_status_and_the_readable_address(nginx, page_browser, mode):
    browser = page_browser
    path = PAGE_KINDS["interpretation"]  # its address has Chinese in it
    open_page(browser, nginx.url(path), mode)
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    view = print_view(browser)
    assert not (view["nav"] or view["search"] or view["switch"] or view["skip"] or view["breadcrumb"]), view
    assert view["status"] and view["asOf"], view
    assert view["relative"] > 0 and view["dumped"] == [], f"printed link targets: {view['dumped']}"
    assert view["size"] <= 17, f"print text is {view['size']}px: 长者模式 sizes are for the screen"
    assert view["line"] == "本页网址：" + BASE_URL + path, view["line"]


def test_printed_interpretation_carries_its_address_readably(nginx, page_browser, tmp_path):
    """The PDF Chromium prints: the page's absolute address once, not percent-encoded."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext not installed: apt-get install poppler-utils")
    path = PAGE_KINDS["interpretation"]
    open_page(page_browser, nginx.url(path), "normal")
    pdf = page_browser.execute_cdp_cmd("Page.printToPDF", {"printBackground": False})
    (tmp_path / "page.pdf").write_bytes(base64.b64decode(pdf["data"]))
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(tmp_path / "page.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    # Without a CJK font on the machine the Chinese glyphs do not extract; the ASCII part of
    # the address always does.
    address = BASE_URL + path.split("/")[0] + "/" + path.split("/")[1] + "/"
    assert address in text.replace("\n", ""), text[-600:]
    assert "%E" not in text and "../" not in text, text[-600:]


def test_the_readers_contrast_settings_are_honoured(nginx, page_browser):
    browser = page_browser
    open_page(browser, nginx.url(PAGE_KINDS["library"]), "normal")
    look = ("var a = document.querySelector('main .filters a:not([aria-current])');"
            "var current = document.querySelector('main .filters a[aria-current]');"
            "return {link: getComputedStyle(a).color, size: getComputedStyle(document.querySelector('main p')).fontSize,"
            " border: getComputedStyle(current).borderTopWidth};")
    normal = browser.execute_script(look)
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-contrast", "value": "more"}]})
    more = browser.execute_script(look)
    assert more["link"] == "rgb(0, 48, 122)" != normal["link"], (normal, more)
    assert more["size"] == normal["size"], "prefers-contrast changes colours only, not the type size"
    # Forced colours drop backgrounds: the current filter is told apart by a heavier border.
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "forced-colors", "value": "active"}]})
    forced = browser.execute_script(look)
    assert forced["border"] == "3px" != normal["border"], (normal, forced)
