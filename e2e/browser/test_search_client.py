"""The page's own query code against the index the real binary built, compared with the Swift
side's answers on the same content.

In headless Chromium the test imports the site's modules (`query.js`, `match.js`,
`tokenize.js`, `status.js` under /site/assets/, as the binary shipped them), loads the index of
the built site over HTTP as the search page does (manifest, meta.bin, range requests), and
runs each query to its ranked hits. `policy search-answers` (hidden) gives, for the same
content and as-of date, what `SearchIndexReader` and `SearchRanking` answer — the Swift twin of
the query side, itself checked against a brute-force scan in SearchIndexTests. The two must
agree on every record found, its place in the ranking, its match count, its title hits, its
first body match (the snippet's anchor) and its status. On the sample site and on a site with
large keys (postings in pieces of their own, the cover chosen by their sizes), served with and
without byte ranges.
"""
from __future__ import annotations

import json

import pytest

from browser_support import AS_OF, REPO, run_policy
from test_search import FIXED_QUERIES, sampled_queries

RUN = """
const [site, queries, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
const base = new URL(site, location.href);
const load = (name) => import(new URL('assets/' + name, base).href);
Promise.all(['query.js', 'match.js', 'tokenize.js', 'status.js'].map(load)).then(async ([q, m, t, s]) => {
  const index = await q.loadIndex(new URL('search/', base));
  await index.metaReady;
  const day = s.dayOf(index.manifest.asOf);
  const out = [];
  for (const query of queries) {
    const hits = m.rank(m.onDay(await q.matchQuery(index, t.terms(query)), day, index.meta.docs));
    out.push(hits.map((h) => ({ record: h.rec.index, path: index.headers[h.rec.index].path, count: h.count,
      titleHits: h.titleHits, firstBody: h.snippetAt, status: h.status })));
  }
  done(out);
}).catch((e) => done({ error: String(e && e.stack || e) }));
"""

# Beyond the search page's queries: single characters and tokens (U and T keys), brackets in
# every style, a term next to a token on either side (L and R keys), terms in titles and 文号.
MORE_QUERIES = [
    "价", "《", "7", "GB", "第2", "号文", "示市监规[2023]2号", "示市监规(2023)2号", "2023 2号", "（一）", "解读 价格",
    "市场监督管理局", "明码标价 价格 经营者", "条", "年", "网络交易 平台",
]
LARGE_QUERIES = ["明码标价", "经营者应当明码标价", "价格应当真实清楚", "明码", "标价，价格", "真实 经营者", "应当", "价格"]


def swift_answers(content, queries):
    run = run_policy("search-answers", content, "--as-of", AS_OF, *[a for q in queries for a in ("--query", q)])
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    assert report["asOf"] == AS_OF
    return [[{k: h[k] for k in ("record", "path", "count", "titleHits", "firstBody", "status")} for h in a["hits"]]
            for a in report["queries"]]


def browser_answers(browser, served, site, queries):
    browser.get(served.url(f"/{site}/"))
    out = browser.execute_async_script(RUN, f"/{site}/", queries)
    assert not (isinstance(out, dict) and "error" in out), out
    return out


def assert_same(queries, swift, page):
    compared = 0
    for q, expected, found in zip(queries, swift, page):
        assert [h["path"] for h in found] == [h["path"] for h in expected], f"ranked results for {q!r}"
        for e, f in zip(expected, found):
            assert f == e, f"{q!r}: {e['path']}"
        compared += len(expected)
    return compared


def test_the_page_modules_answer_as_the_swift_reader(browser, served, library):
    queries = FIXED_QUERIES + MORE_QUERIES + sampled_queries(library, n=40, seed=11)
    swift = swift_answers(REPO / "content", queries)
    page = browser_answers(browser, served, "site", queries)
    assert len(page) == len(queries)
    compared = assert_same(queries, swift, page)
    assert compared > 300, "the queries find enough to compare"
    # The answers cover what they should: title hits, body-only hits, interpretations, several statuses.
    every = [h for answer in swift for h in answer]
    assert {h["titleHits"] for h in every} >= {0, 1, 2}
    assert any(h["firstBody"] < 0 for h in every) and any(h["firstBody"] >= 0 for h in every)
    assert len({h["status"] for h in every}) >= 4


@pytest.mark.parametrize("site", ["site-large", "site-large-whole"])
def test_large_keys_answer_as_the_swift_reader(browser, served, large_content, site):
    queries = LARGE_QUERIES + FIXED_QUERIES[:8]
    swift = swift_answers(large_content, queries)
    page = browser_answers(browser, served, site, queries)
    assert assert_same(queries, swift, page) > 50
    assert any(h["count"] > 3000 for answer in swift for h in answer), "a large key's postings were read"
