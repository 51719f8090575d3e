"""axe-core (PyPI axe-selenium-python) in headless Chromium reports zero violations on the
home page, a library page, a document page, an interpretation page, the search page with
results and the Q&A library — served by nginx under the sub-path, with its CSP."""
from __future__ import annotations

import time
import urllib.parse

import pytest

PAGES = {
    "home": "",
    "library": "normative/",
    "document": "d/2024-price-behavior-compliance/",
    "interpretation": "d/2024-price-behavior-compliance/解读/",
    "qa interpretation": "d/2022-relief-measures/问答/",
    "search with results": "search/?q=" + urllib.parse.quote("食品"),
    "Q&A library": "qa/",
}


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


@pytest.mark.parametrize("name", list(PAGES))
def test_no_axe_violations(nginx, browser, sample_site, name):
    Axe = pytest.importorskip("axe_selenium_python", reason="pip install axe-selenium-python").Axe
    path = PAGES[name]
    local = path.split("?")[0]
    if not (sample_site / local / "index.html").is_file():
        pytest.skip(f"{local}index.html is not built yet (no {name} page in this version)")
    browser.get(nginx.url(path))
    wait_ready(browser, search=path.startswith("search/"))
    axe = Axe(browser)
    axe.inject()
    results = axe.run(options={"resultTypes": ["violations"]})
    violations = results["violations"]
    report = "\n".join(f"{v['id']} ({v['impact']}): {v['help']} — "
                       + "; ".join(" ".join(n["target"]) for n in v["nodes"][:5]) for v in violations)
    print(f"axe-core on {name} ({path}): {len(violations)} violations")
    assert violations == [], f"axe-core violations on {name}:\n{report}"
