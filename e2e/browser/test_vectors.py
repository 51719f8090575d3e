"""The shared search vectors, run by the browser's own modules: `tokenize.js` against
Tests/Vectors/tokenize.json and `match.js` against Tests/Vectors/ranking.json, imported in
headless Chromium from the sample site that the real binary built (its assets are the theme's
modules as shipped, not copies). The Swift tests run the same files
(Tests/PolicyKitTests/Search/SearchVectorTests.swift), so the two sides cannot disagree.
"""
from __future__ import annotations

import json

from browser_support import REPO

VECTORS = REPO / "Tests" / "Vectors"

TOKENIZE = """
const [vectors, done] = [arguments[0], arguments[arguments.length - 1]];
import(new URL('../assets/tokenize.js', location.href).href).then((t) => {
  done(vectors.queries.map((c) => {
    const terms = t.terms(c.query);
    return {
      terms: terms.map(t.str),
      keys: terms.map((term) => t.partsOf(term, (key) => (c.cost || {})[key] || 0).map((p) => p.key + ' ' + p.offset)),
    };
  }));
}, (e) => done({error: String(e)}));
"""

RANK = """
const [vectors, done] = [arguments[0], arguments[arguments.length - 1]];
Promise.all([import(new URL('../assets/match.js', location.href).href),
             import(new URL('../assets/status.js', location.href).href)]).then(([m, s]) => {
  done(vectors.cases.map((c) => {
    // The records as meta.bin gives them (decode.js): number, body start, publication day.
    const recs = c.records.map((r, index) => {
      const head = [r.title].concat(r.number ? [r.number] : []).join('\\n') + '\\n';
      return { index, bodyStart: [...head].length, published: s.dayOf(r.published) };
    });
    const maps = c.matches.map((list) => new Map(list.map(([rec, count, first, firstBody]) => [rec, { count, first, firstBody }])));
    const hits = m.intersect(recs, maps);
    hits.forEach((hit) => { hit.status = c.records[hit.rec.index].status; });
    return m.rank(hits).map((hit) => hit.rec.index);
  }));
}, (e) => done({error: String(e)}));
"""


def run(browser, served, script, vectors):
    browser.get(served.url("/site/search/"))
    out = browser.execute_async_script(script, vectors)
    assert not (isinstance(out, dict) and "error" in out), out
    return out


def test_tokenize_js_gives_every_query_vector(browser, served):
    vectors = json.loads((VECTORS / "tokenize.json").read_text(encoding="utf-8"))
    found = run(browser, served, TOKENIZE, vectors)
    assert len(found) == len(vectors["queries"]) > 20
    for case, got in zip(vectors["queries"], found):
        assert got == {"terms": case["terms"], "keys": case["keys"]}, case["name"]


def test_match_js_ranks_every_ranking_vector(browser, served):
    vectors = json.loads((VECTORS / "ranking.json").read_text(encoding="utf-8"))
    found = run(browser, served, RANK, vectors)
    assert len(found) == len(vectors["cases"]) >= 10
    for case, order in zip(vectors["cases"], found):
        assert order == case["order"], case["name"]


WORKER = """
const done = arguments[arguments.length - 1];
const base = new URL('../assets/', location.href).href;
// A module worker has no document and no window: what loads there needs no page.
const source = `
  const names = ['tokenize.js', 'decode.js', 'match.js', 'query.js', 'status.js'];
  Promise.all(names.map((n) => import('${base}' + n))).then((mods) => {
    const t = mods[0];
    postMessage({ loaded: names, terms: t.terms('示市监规[2023]2号 GB').map(t.str), document: typeof document });
  }, (e) => postMessage({ error: String(e) }));
`;
const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })), { type: 'module' });
worker.onmessage = (e) => done(e.data);
worker.onerror = (e) => done({ error: e.message || 'worker error' });
"""


def test_the_query_modules_load_without_a_page(browser, served):
    """tokenize.js, decode.js, match.js, query.js and status.js touch no DOM when imported:
    they load in a module worker, where there is no document."""
    browser.get(served.url("/site/search/"))
    out = browser.execute_async_script(WORKER)
    assert out == {"loaded": ["tokenize.js", "decode.js", "match.js", "query.js", "status.js"],
                   "terms": ["示市监规〔2023〕2号", "gb"], "document": "undefined"}, out
