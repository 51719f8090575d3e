"""Statuses computed where they are read, in headless Chromium with its clock set through the
DevTools protocol (`Emulation.setVirtualTimePolicy` with `initialVirtualTime`).

The oracle is the build itself: the sample site built on day B and read on a later day D
(status-live.js recomputing from the facts the pages carry) must show, on every page kind
that shows a status, what the site built on D shows — the same badges, explanations, list
rows in the same order, counts, and a document's notice (本文件…已修改，仅供查阅). Windows are chosen with nothing published between B and
D, so the two builds hold the same documents. With JavaScript off, the page shows the
statuses of B, labelled with B. And status.js, loaded directly, must give every answer of the
shared vectors (Tests/Vectors/status.json), which the Swift tests also run.
"""
from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest

from browser_support import REPO, new_driver

VECTORS = REPO / "Tests" / "Vectors" / "status.json"

# Read on D, built on B: (B, D, the pages to compare, what must have changed between them).
REGULATION_AMENDED = ("2025-04-15", "2025-05-10", [
    "", "regulations/", "regulations/in-force/", "regulations/superseded/", "regulations/not-yet-in-force/",
    "d/2022-food-workshops-regulation/", "d/2025-food-workshops-regulation/",
    "d/2022-food-workshops-regulation/解读/", "d/2025-food-workshops-regulation/解读/",
    "d/2025-food-workshops-regulation/compare/2022-food-workshops-regulation/", "interpretations/", "qa/",
])
TRIAL_EXPIRED = ("2024-08-20", "2024-09-05", [
    "", "normative/", "normative/in-force/", "normative/expired/",
    "d/2022-livestream-marketing-trial/", "d/2022-livestream-marketing-trial/解读/",
    "cleanup/2023-normative-cleanup/", "interpretations/", "search/",
])

# What a page shows about statuses, read from the rendered page as a visitor sees it.
STATUS_VIEW = """
const visible = (el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
const badges = [...document.querySelectorAll('main .badge')].filter(visible)
  .map((b) => b.className.replace(/\\s+/g, ' ').trim() + ' ' + b.textContent);
const details = [...document.querySelectorAll('main .status-details')].filter(visible).map((d) => d.textContent);
const rows = [...document.querySelectorAll('main [data-id]')].filter(visible).map((r) => r.dataset.id);
const counts = [...document.querySelectorAll('main table.counts tbody td, main .filter-count, main .list-count')]
  .map((c) => c.textContent.trim() + (c.querySelector('a') ? ' →' + c.querySelector('a').getAttribute('href') : ''));
const empty = [...document.querySelectorAll('main .list-empty')].filter(visible).map((e) => e.textContent);
const notices = [...document.querySelectorAll('main .notice')].filter(visible)
  .map((n) => n.textContent.replace(/\s+/g, ' ').trim() + ' ' + [...n.querySelectorAll('a')].map((a) => a.getAttribute('href')).join(' '));
const label = [...document.querySelectorAll('main .status-label')].map((l) => l.textContent);
const footer = [...document.querySelectorAll('footer time.status-date')].map((t) => t.textContent);
return {badges, details, rows, counts, empty, notices, label, footer, live: document.documentElement.dataset.statusLive || null};
"""


def day_driver(day: str, javascript: bool = True):
    """A Chromium whose clock starts at 10:00 on `day` in Asia/Shanghai (02:00 UTC). Virtual
    time runs ahead of the wall clock (hours per page load, and a second initialVirtualTime
    does not set it back), so a test loads few pages per browser and allows a day or two;
    the windows below have no status change for weeks after D."""
    driver = new_driver(javascript=javascript)
    start = datetime.fromisoformat(day).replace(hour=2, tzinfo=timezone.utc).timestamp()
    driver.execute_cdp_cmd("Emulation.setVirtualTimePolicy",
                           {"policy": "pauseIfNetworkFetchesPending", "initialVirtualTime": start})
    return driver


def status_view(driver, url: str) -> dict:
    driver.get(url)  # returns after the load event: module scripts (status-live.js) have run
    return driver.execute_script(STATUS_VIEW)


def chinese(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


@pytest.mark.parametrize("window", [REGULATION_AMENDED, TRIAL_EXPIRED], ids=["regulation-amended", "trial-expired"])
def test_a_page_read_later_shows_the_statuses_of_that_day(window, served, build_at):
    built, read, pages = window
    build_at(built)
    build_at(read)
    # Without JavaScript: what the site built on D shows (the truth), and what the site built on
    # B shows (the fallback), which must differ where the window changes something.
    driver = day_driver(read, javascript=False)
    try:
        truth = {page: status_view(driver, served.url(f"site-{read}/{page}")) for page in pages}
        fallback = {page: status_view(driver, served.url(f"site-{built}/{page}")) for page in pages}
    finally:
        driver.quit()
    changed = [p for p in pages if any(fallback[p][key] != truth[p][key] for key in ("badges", "rows", "counts"))]
    # A document that leaves 现行有效 in the window gains its notice (本文件…已修改/已失效).
    assert any(fallback[p]["notices"] != truth[p]["notices"] for p in pages if p.startswith("d/")), \
        "the window changes no document's notice"
    must_change = [p for p in pages if p.startswith(("d/", "regulations/", "normative/")) or p == ""]
    assert set(must_change) <= set(changed), f"the window changes nothing on {sorted(set(must_change) - set(changed))}"

    for page in pages:
        # A browser per page: virtual time runs ahead with every load and cannot be set back.
        driver = day_driver(read)
        try:
            live = status_view(driver, served.url(f"site-{built}/{page}"))
            # status-live.js ran, for the day the browser says it is (within the clock's drift).
            assert live["live"] not in (None, "build"), f"{page}: status-live.js did not run ({live['live']})"
            used = date.fromisoformat(live["live"])
            assert date.fromisoformat(read) <= used <= date.fromisoformat(read) + timedelta(days=2), (page, used)
            assert all(f"按{chinese(used)}计算" in label for label in live["label"]), (page, live["label"])
            # The footer's 时效性计算日期 names the same day as the badges.
            assert live["footer"] == [chinese(used)], (page, live["footer"])
            # A document's notice follows the day; the Q&A library's notes on an answer's
            # basis (本问答所依据的文件已修改) change with a build (docs/site.md).
            keys = ("badges", "details", "rows", "counts", "empty") + (("notices",) if page.startswith("d/") else ())
            for key in keys:
                assert live[key] == truth[page][key], \
                    f"{page} {key}: built {built}, read {read}\n{live[key]}\n!=\n{truth[page][key]}"
        finally:
            driver.quit()


def test_lists_move_the_entry(served, build_at):
    """The concrete moves, spelled out: a regulation amended between build and reading leaves
    现行有效 for 已修改; its successor leaves 尚未生效 (which becomes empty) for 现行有效."""
    built, read, _ = REGULATION_AMENDED
    build_at(built)
    driver = day_driver(read)
    try:
        def rows(path):
            return status_view(driver, served.url(f"site-{built}/regulations/{path}"))

        in_force, superseded, not_yet = rows("in-force/"), rows("superseded/"), rows("not-yet-in-force/")
        assert "2022-food-workshops-regulation" not in in_force["rows"]
        assert "2025-food-workshops-regulation" in in_force["rows"]
        assert "2022-food-workshops-regulation" in superseded["rows"]
        assert not_yet["rows"] == [] and not_yet["empty"], not_yet
        # The library opens on 现行有效 and moves the entry too; all/ lists everything.
        landing = rows("")
        assert landing["rows"] == in_force["rows"], (landing, in_force)
        everything = rows("all/")["rows"]
        assert everything.index("2025-food-workshops-regulation") < everything.index("2022-food-workshops-regulation")
        home = status_view(driver, served.url(f"site-{built}/"))
        # 最新发布 listed the successor as 尚未生效 on B; no document is on D.
        assert home["badges"] and not any("尚未生效" in b for b in home["badges"]), home["badges"]
    finally:
        driver.quit()


def test_without_javascript_the_build_time_status_shows_with_its_date(served, build_at):
    built, read, _ = REGULATION_AMENDED
    build_at(built)
    driver = day_driver(read, javascript=False)
    try:
        page = status_view(driver, served.url(f"site-{built}/d/2022-food-workshops-regulation/"))
        assert page["live"] is None
        # The document page's 时效性 row: the badge, then the date it was computed for.
        assert page["label"] == [f"（按{chinese(date.fromisoformat(built))}计算）"]
        assert page["badges"][0] == "badge badge-in-force 现行有效"
        listed = status_view(driver, served.url(f"site-{built}/regulations/in-force/"))
        assert "2022-food-workshops-regulation" in listed["rows"]
        assert "2025-food-workshops-regulation" not in listed["rows"]  # carried, hidden, for later days
        html = driver.page_source
        assert 'data-id="2025-food-workshops-regulation"' in html
    finally:
        driver.quit()


def test_a_page_read_on_its_build_day_is_left_as_built(served, build_at):
    built, _, _ = REGULATION_AMENDED
    build_at(built)
    driver = day_driver(built)
    try:
        page = status_view(driver, served.url(f"site-{built}/d/2022-food-workshops-regulation/"))
        assert page["live"] == "build"
        assert page["badges"][0] == "badge badge-in-force 现行有效"
    finally:
        driver.quit()


def test_status_js_gives_every_vector(served, browser):
    """status.js, loaded by itself as the module it is, against the shared vectors."""
    vectors = json.loads(VECTORS.read_text(encoding="utf-8"))
    browser.get(served.url("site/"))
    results = browser.execute_async_script("""
        const [cases, done] = arguments;
        import(new URL('assets/status.js', location.href).href).then((m) => {
          done(cases.map((c) => c.expect.map((e) => {
            const facts = m.readFacts(c.facts), report = m.statusReport(facts, m.dayOf(e.date));
            return { status: report.status, since: report.since === null ? null : m.isoOf(report.since),
                     explanation: m.explanation(facts, report) };
          })));
        }, (error) => done(String(error)));
    """, vectors["cases"])
    assert isinstance(results, list), results
    for case, got in zip(vectors["cases"], results):
        for expected, answer in zip(case["expect"], got):
            want = {k: expected[k] for k in ("status", "since", "explanation")}
            assert answer == want, f"{case['name']} on {expected['date']}"


def test_search_shares_the_status_module():
    """The status rules exist once in JavaScript: status.js. The search (match.js, which
    ranks and filters by status) and status-live.js import it; no other module has rules."""
    theme = REPO / "Sources" / "PolicySite" / "Theme" / "Default"
    modules = {p.name: p.read_text(encoding="utf-8") for p in theme.glob("*.js")}
    assert "from './status.js'" in modules["match.js"] and "from './status.js'" in modules["status-live.js"]
    for name, source in modules.items():
        if name != "status.js":
            assert "function statusOf" not in source and "function statusReport" not in source, name
            assert "'superseded'" not in source and "'expired'" not in source, f"{name} names statuses itself"
