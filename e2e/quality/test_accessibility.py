"""axe-core (PyPI axe-selenium-python) in headless Chromium reports zero violations on every
page kind of the sample site (page_views.PAGE_KINDS) at 320, 768 and 1280 px, in the normal
mode and in 长者模式, and no page scrolls sideways at any of those widths — served by nginx
under the sub-path, with its CSP. The Nu HTML checker reads each page kind once per mode as
the browser holds it after its scripts ran (the markup does not change with the width;
test_validity.py checks every built file as written).

Each page is loaded once per mode and axe re-run at each width, and the Nu check reuses the
pages the axe matrix loaded, which is what keeps the matrix quick."""
from __future__ import annotations

import pytest

from page_views import MODES, PAGE_KINDS, WIDTHS, built, horizontal_overflow, open_page, reset_browser, set_viewport
from test_validity import nu_errors


# (page kind, mode) → the page as the browser held it, kept by the axe matrix for the Nu check.
RENDERED: dict[tuple[str, str], str] = {}


def rendered_html(browser, mode: str) -> str:
    html = browser.execute_script("return '<!DOCTYPE html>\\n' + document.documentElement.outerHTML")
    html_tag = html.split(">", 2)[1]
    assert ('class="has-mode-script elder-mode"' in html_tag) == (mode == "elder"), html_tag
    return html


@pytest.fixture
def page_browser(browser):
    yield browser
    reset_browser(browser)


def axe_report(violations) -> str:
    return "\n".join(f"{v['id']} ({v['impact']}): {v['help']} — "
                     + "; ".join(" ".join(n["target"]) for n in v["nodes"][:5]) for v in violations)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", list(PAGE_KINDS))
def test_no_axe_violations_and_no_sideways_scrolling(nginx, page_browser, sample_site, name, mode):
    Axe = pytest.importorskip("axe_selenium_python", reason="pip install axe-selenium-python").Axe
    path = PAGE_KINDS[name]
    if not built(sample_site, path):
        pytest.skip(f"{path} is not built (no {name} page in this version)")
    open_page(page_browser, nginx.url(path), mode)
    RENDERED[(name, mode)] = rendered_html(page_browser, mode)
    axe = Axe(page_browser)
    axe.inject()
    failures = []
    for width in WIDTHS:
        set_viewport(page_browser, width)
        violations = axe.run(options={"resultTypes": ["violations"]})["violations"]
        print(f"axe-core on {name} ({path}), {mode}, {width}px: {len(violations)} violations")
        if violations:
            failures.append(f"at {width}px:\n{axe_report(violations)}")
        overflow = horizontal_overflow(page_browser)
        if overflow:
            failures.append(f"at {width}px the page is {overflow}px wider than the window (sideways scrolling)")
    assert failures == [], f"{name} in the {mode} mode:\n" + "\n".join(failures)


def test_pages_as_rendered_have_zero_nu_errors_in_both_modes(nginx, page_browser, sample_site, tmp_path):
    pages = tmp_path / "site"
    pages.mkdir()
    for name, path in PAGE_KINDS.items():
        if not built(sample_site, path):
            continue
        for mode in MODES:
            if (name, mode) not in RENDERED:
                open_page(page_browser, nginx.url(path), mode)
                RENDERED[(name, mode)] = rendered_html(page_browser, mode)
            file = pages / f"{name.replace(' ', '-').replace('&', 'and')}-{mode}.html"
            file.write_text(RENDERED[(name, mode)], encoding="utf-8")
    count, errors = nu_errors(pages)
    print(f"Nu HTML checker: {count} rendered pages (every page kind, both modes), {len(errors)} errors")
    assert errors == [], "\n".join(errors)
