"""The search page in a real browser, on the sample site, against ground truths from the Markdown."""
from __future__ import annotations

import json
import random
import re
import time
import urllib.parse

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from search_page import SearchPage

FIXED_QUERIES = [
    "明码标价", "价格", "信用修复", "食品小作坊", "直播", "网络交易", "计量", "第一条", "解读", "经营者",
    "示市监规", "有效期", "问", "质量 标准", "价格 直播 合规", "不存在的检索词", "的", "2024", "2024年7月1日",
    "《价格法》", "（试行）",
]


def sampled_queries(library, n=25, seed=3):
    """Seeded substrings of the records' text, one to eight characters, within one line."""
    rng = random.Random(seed)
    out = []
    while len(out) < n:
        text = rng.choice(library.records).text
        size = rng.randint(1, 8)
        if len(text) <= size:
            continue
        i = rng.randrange(len(text) - size)
        q = text[i:i + size]
        if "\n" in q or q.strip() != q or not q.strip():
            continue
        out.append(q)
    return out


def test_result_sets_equal_the_substring_ground_truth(page, library):
    checked = 0
    for q in FIXED_QUERIES + sampled_queries(library):
        page.open(q=q, all="1")
        found = page.all_hit_paths()
        assert len(found) == len(set(found)), f"duplicates for {q!r}"
        assert set(found) == library.truth(q), f"results for {q!r}"
        assert page.count() == len(found)
        checked += 1
    assert checked >= 40


def test_default_shows_current_documents_and_one_click_shows_all(page, library, served):
    statuses = {d["id"]: d["status"] for d in json.loads((served.root / "site/documents.json").read_text())["documents"]}
    q = "价格"
    page.open(q=q, date="2026-11-29")
    current = page.all_hit_paths()
    truth = library.truth(q)
    # a standalone Q&A entry (kind 问答) is always shown as 现行有效; its stale basis is on its page
    status_of = {r.path: statuses[r.document_id] if r.document_id else "in-force" for r in library.records}
    assert set(current) == {p for p in truth if status_of[p] in ("in-force", "not-yet-in-force")}
    assert set(current) != truth, "the sample content has older documents about 价格"
    assert "未显示" in page.summary()
    button = page.d.find_element(By.XPATH, "//button[starts-with(normalize-space(.), '显示全部文件')]")
    assert button.get_attribute("aria-pressed") == "false"
    button.click()
    page.wait_done(q)
    assert set(page.all_hit_paths()) == truth
    assert page.query_params().get("all") == ["1"]


def test_ranking_puts_title_matches_first_then_current(page, library):
    q = "明码标价"
    page.open(q=q, all="1")
    paths = page.all_hit_paths()
    by_path = {r.path: r for r in library.records}
    in_title = [by_path[p].title_matches(q) for p in paths]
    assert in_title == sorted(in_title, reverse=True), "title and 文号 matches come first"
    assert any(in_title) and not all(in_title)
    badges = [h.get_attribute("data-status") for h in page.hits()]
    order = ["in-force", "not-yet-in-force", "superseded", "expired", "repealed"]
    first_block = [order.index(b) for b, t in zip(badges, in_title) if t]
    assert first_block == sorted(first_block), "within title matches, in-force first"


def test_matches_are_highlighted_and_escaped(page, library, tokens):
    for q in ["明码标价", "信用修复", "示市监规[2023]2号", "价格 直播"]:
        page.open(q=q, all="1")
        hits = page.hits()
        assert hits
        folded_terms = tokens.terms(q)
        for hit in hits:
            marks = hit.find_elements(By.TAG_NAME, "mark")
            assert marks, f"a result for {q!r} shows no highlighted match"
            for m in marks:
                assert any(t in tokens.fold(m.text) for t in folded_terms), (q, m.text)
            snippet = hit.find_element(By.CSS_SELECTOR, ".search-snippet")
            assert snippet.text
            # content is text, never markup: no element but <mark> inside titles and snippets
            inner = page.d.execute_script(
                "return Array.from(arguments[0].querySelectorAll('.search-snippet *, .search-title a *'))"
                ".map(e => e.tagName)", hit)
            assert set(inner) <= {"MARK"}


def test_facets_show_counts_and_filter(page, library):
    q = "价格"
    page.open(q=q, all="1")
    truth = [r for r in library.records if r.matches(q)]
    facets = page.facets()
    kinds = {"regulation": "规章", "normative": "行政规范性文件", "policy": "其他政策文件", "qa": "问答"}
    expected_kinds = {}
    for r in truth:
        expected_kinds[kinds[r.kind]] = expected_kinds.get(kinds[r.kind], 0) + 1
    assert facets["文件类别"] == expected_kinds
    expected_years = {}
    for r in truth:
        expected_years[r.published[:4] + "年"] = expected_years.get(r.published[:4] + "年", 0) + 1
    assert facets["发布年份"] == expected_years
    assert sum(facets["正文或解读"].values()) == len(truth)
    assert facets["正文或解读"]["正文"] == sum(1 for r in truth if r.form == "document")
    assert sum(facets["时效性"].values()) == len(truth)

    before = page.d.current_url
    page.facet_box("文件类别", "行政规范性文件").click()
    page.wait_done(q)
    expected = {r.path for r in truth if r.kind == "normative"}
    assert set(page.all_hit_paths()) == expected
    assert page.query_params()["kind"] == ["normative"]
    # counts of the other groups follow the filter; the kind group keeps its own counts
    assert page.facets()["文件类别"] == expected_kinds
    assert sum(page.facets()["正文或解读"].values()) == len(expected)
    page.d.back()
    page.wait_done(q)
    assert page.d.current_url == before
    assert set(page.all_hit_paths()) == {r.path for r in truth}


def test_question_entries_are_found_under_the_kind_facet(page, library):
    """A standalone Q&A entry is a record of kind 问答: found by exact substring of its answer,
    counted under 文件类别 → 问答, and the facet alone lists every entry."""
    q = "前七日内"
    page.open(q=q, all="1")
    assert set(page.all_hit_paths()) == library.truth(q) and "qa/hotline-2025-0302/" in library.truth(q)
    assert page.facets()["文件类别"].get("问答") == sum(1 for r in library.records if r.kind == "qa" and r.matches(q))
    page.facet_box("文件类别", "问答").click()
    page.wait_done(q)
    assert set(page.all_hit_paths()) == {"qa/hotline-2025-0302/"}
    assert page.query_params()["kind"] == ["qa"]
    hit = page.hits()[0]
    assert "问答" in hit.find_element(By.CSS_SELECTOR, ".entry-meta").text
    assert hit.find_element(By.CSS_SELECTOR, ".search-title").text == "商场打折时标的“原价”能随便写吗？"


def test_date_control_statuses_equal_builds_at_those_dates(page, served, build_at):
    page.open()
    for as_of in ["2019-01-01", "2022-06-30", "2023-11-28", "2024-07-01", "2024-08-31", "2024-09-01",
                  "2025-12-01", "2026-11-29", "2027-01-01", "2030-01-01"]:
        site = build_at(as_of) if as_of != "2026-11-29" else served.root / "site"
        built = {f"d/{d['id']}/": d["status"] for d in json.loads((site / "documents.json").read_text())["documents"]}
        computed = page.d.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "window.policySearch.statuses(arguments[0]).then(done, e => done({error: String(e)}));", as_of)
        # documents only: a Q&A entry (qa/<id>/) is not in documents.json
        computed = {urllib.parse.unquote(k): v for k, v in computed.items() if k.startswith("d/")}
        assert computed == built, f"statuses on {as_of}"


def test_date_control_lists_what_was_in_force_that_day(page, served, build_at, library):
    as_of = "2024-08-31"
    built = {f"d/{d['id']}/": d["status"] for d in json.loads((build_at(as_of) / "documents.json").read_text())["documents"]}
    page.open(q="", form="document", all="1")
    date = page.d.find_element(By.ID, "search-date")
    page.d.execute_script("arguments[0].value = arguments[1];"
                          "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", date, as_of)
    page.wait_done("")
    assert page.query_params()["date"] == [as_of]
    shown = {h.get_attribute("data-path"): h.get_attribute("data-status") for h in page.hits()}
    page.all_hit_paths()
    shown = {h.get_attribute("data-path"): h.get_attribute("data-status") for h in page.hits()
             if h.get_attribute("data-path").startswith("d/")}
    assert {urllib.parse.unquote(k): v for k, v in shown.items()} == built
    # now only what was in force (or about to be) that day
    page.d.find_element(By.XPATH, "//button[@aria-pressed='true']").click()
    page.wait_done("")
    current = {urllib.parse.unquote(p) for p in page.all_hit_paths() if p.startswith("d/")}
    assert current == {p for p, s in built.items() if s in ("in-force", "not-yet-in-force")}


@pytest.mark.parametrize("typed", ["示市监规[2023]2号", "示市监规(2023)2号", "示市监规（2023）2号",
                                   "示市监规【2023】2号", "示市监规〔2023〕2号", "2023 2号"])
def test_document_numbers_fold_brackets(page, library, typed):
    page.open(q=typed, all="1")
    found = set(page.all_hit_paths())
    assert found == library.truth(typed)
    numbered = [r.path for r in library.records if r.number == "示市监规〔2023〕2号"]
    assert numbered and set(numbered) <= found


def test_typing_searches_as_you_type_and_the_url_follows(page, library):
    page.open()
    box = page.d.find_element(By.ID, "q")
    box.click()
    box.send_keys("信用")
    page.wait_done("信用")
    box.send_keys("修复")
    page.wait_done("信用修复")
    assert page.query_params()["q"] == ["信用修复"]
    current = set(page.all_hit_paths())
    assert current and current <= library.truth("信用修复")
    live = page.d.find_element(By.ID, "search-results")
    assert live.get_attribute("aria-live") == "polite"
    assert f"共 {len(current)} 条结果" in live.text


LARGE_KEY_QUERIES = ["明码标价", "经营者应当明码标价", "价格应当真实清楚", "明码", "标价，价格", "真实 经营者"]


@pytest.mark.parametrize("site", ["site-large", "site-large-whole", "site-large-single"])
def test_large_keys_are_found_by_range_and_from_whole_files(browser, served, large_keys, site):
    """Keys with postings of their own, in a query from the address (run while the page loads
    meta.bin) and typed: the same exact results whether the server answers the page's range
    requests (206, only the pieces asked for, several in one request), ignores them (200, each
    packed file once) or answers one range a request only (a 200 to several, then 206s)."""
    page = SearchPage(browser, served, site=site)
    served.log.flush()
    log_start = served.log_path.stat().st_size
    for q in LARGE_KEY_QUERIES:
        page.open(q=q, all="1")
        assert set(page.all_hit_paths()) == large_keys.truth(q), f"{q!r} from the address"
    page.open(all="1")
    end = time.time() + 10
    while page.d.execute_script("return document.getElementById('search-results').dataset.indexLoaded") != "true":
        assert time.time() < end, "the page did not finish loading its index facts"
        time.sleep(0.03)
    box = page.d.find_element(By.ID, "q")
    for q in LARGE_KEY_QUERIES:
        box.clear()
        box.send_keys(q)
        page.wait_done(q)
        assert set(page.all_hit_paths()) == large_keys.truth(q), f"{q!r} typed"
        assert all(s.text for s in page.d.find_elements(By.CSS_SELECTOR, ".search-snippet")), "every snippet filled in"
    time.sleep(0.1)  # the server writes its log line after the response
    with open(served.log_path, encoding="utf-8", errors="replace") as fh:
        fh.seek(log_start)
        log = fh.read()
    requested = [line for line in log.splitlines() if f"/{site}/search/" in line]
    assert any("/p/" in line for line in requested), "the queries used postings' pieces"
    assert not [line for line in requested if '" 404 ' in line or '" 416 ' in line], "every piece asked for exists"
    packs = [line for line in requested if re.search(r"/(p|k|t)/\d+\.bin", line)]
    if site == "site-large":
        assert packs and all('" 206 ' in line for line in packs), "pieces come by range"
    elif site == "site-large-single":
        # the first request for several ranges is answered whole (and dropped); the page then
        # asks for one range a request
        assert packs and all('" 206 ' in line or '" 200 ' in line for line in packs)
        assert any('" 206 ' in line for line in packs), "single ranges after the whole-file answer"
    else:
        # 304: the browser revalidated a whole file it already had
        assert packs and all('" 200 ' in line or '" 304 ' in line for line in packs), "whole files from a server without ranges"
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE" and "favicon" not in e["message"]]
    assert not errors


def test_keyboard_only(page, library):
    page.open()
    d = page.d
    actions = ActionChains(d)
    # from the top of the page, Tab reaches the search box
    d.find_element(By.TAG_NAME, "body").click()
    for _ in range(40):
        actions.send_keys(Keys.TAB).perform()
        if d.switch_to.active_element.get_attribute("id") == "q":
            break
    assert d.switch_to.active_element.get_attribute("id") == "q"
    actions.send_keys("价格").send_keys(Keys.ENTER).perform()
    page.wait_done("价格")
    assert page.query_params()["q"] == ["价格"]
    # Tab on to a facet checkbox and tick it with the space bar
    for _ in range(40):
        actions.send_keys(Keys.TAB).perform()
        if d.switch_to.active_element.get_attribute("data-facet"):
            break
    box = d.switch_to.active_element
    assert box.get_attribute("data-facet")
    facet, value = box.get_attribute("data-facet"), box.get_attribute("value")
    actions.send_keys(Keys.SPACE).perform()
    page.wait_done("价格")
    assert page.query_params()[facet] == [value]
    assert d.switch_to.active_element.get_attribute("value") == value, "focus stays on the ticked box"
    # and on to the first result's link, which Enter follows
    for _ in range(80):
        actions.send_keys(Keys.TAB).perform()
        el = d.switch_to.active_element
        if el.tag_name == "a" and d.execute_script("return !!arguments[0].closest('.search-hit')", el):
            break
    href = d.switch_to.active_element.get_attribute("href")
    assert "/site/d/" in href
    actions.send_keys(Keys.ENTER).perform()
    end = time.time() + 5
    while d.current_url != href and time.time() < end:
        time.sleep(0.05)
    assert d.current_url == href


def test_more_results_keep_focus_in_the_list(page, library):
    page.open(q="的", all="1")
    total = page.count()
    assert total > 10 and total == len(library.truth("的"))
    page.d.find_element(By.CSS_SELECTOR, ".search-more").click()
    end = time.time() + 5
    while len(page.hits()) <= 10 and time.time() < end:
        time.sleep(0.03)
    assert len(page.hits()) == min(20, total)
    focused = page.d.switch_to.active_element
    assert page.d.execute_script("return arguments[0].closest('li.search-hit') === "
                                 "document.querySelectorAll('li.search-hit')[10]", focused)


def test_without_javascript_the_page_says_so(no_js_browser, served):
    no_js_browser.get(served.url("/site/search/?q=价格"))
    text = no_js_browser.find_element(By.TAG_NAME, "main").text
    assert "需要启用 JavaScript" in text
    links = no_js_browser.find_elements(By.CSS_SELECTOR, "main noscript + *, main a")
    assert links, "the page offers the libraries to browse instead"
    assert not no_js_browser.find_elements(By.CSS_SELECTOR, "li.search-hit")


def test_console_shows_no_errors(browser, console):
    entries = console + browser.get_log("browser")
    errors = [e for e in entries if e["level"] in ("SEVERE", "ERROR") and "favicon.ico" not in e["message"]]
    assert not errors, errors
