"""ranges.js, the search page's reader of byte ranges, and the rounds of a query (query.js):
run in headless Chromium as shipped (the sample site's assets). First against answers made up
in the page (every kind of answer a server gives to `Range: bytes=a-b,c-d`: multipart, one
merged part, fewer parts, the whole file with or without `Accept-Ranges`), then against the
test server: a query's first round is one request (the postings' file), whatever the number
of its keys, and finds what a server with one range a request or none finds.
"""
from __future__ import annotations

import pytest

READER = """
const done = arguments[arguments.length - 1];
import(new URL('../assets/ranges.js', location.href).href).then(async (m) => {
  const enc = (s) => new TextEncoder().encode(s);
  const file = new Uint8Array(5000).map((_, i) => (i * 7 + 3) % 256);
  const txt = (b) => Array.from(b).join(',');
  const want = (from, to) => txt(file.subarray(from, to));
  // a fetch that answers as `answer(range header, call number)` says, and records the headers
  function server(answer) {
    const calls = [];
    const f = (url, init) => { calls.push(init.headers.Range); return Promise.resolve(answer(init.headers.Range, calls.length)); };
    return { calls, f };
  }
  function multipart(header, boundary) {
    const parts = header.slice(6).split(',').map((r) => r.split('-').map(Number));
    const chunks = [];
    for (const [a, b] of parts) {
      chunks.push(enc('\\r\\n--' + boundary + '\\r\\nContent-Type: application/octet-stream\\r\\nContent-Range: bytes ' + a + '-' + b + '/5000\\r\\n\\r\\n'));
      chunks.push(file.subarray(a, b + 1));
    }
    chunks.push(enc('\\r\\n--' + boundary + '--\\r\\n'));
    return new Blob(chunks);
  }
  const spans = [[4000, 4100], [10, 20], [20, 30], [2000, 2050]];   // out of order, two adjacent
  const out = {};

  // 1. multipart/byteranges: one request, ranges ascending and merged, every span right;
  //    a boundary that also occurs inside the binary data (a part's length comes from its range)
  let s = server((h) => new Response(multipart(h, 'Q'), { status: 206, headers: { 'Content-Type': 'multipart/byteranges; boundary="Q"' } }));
  let r = new m.RangeReader(s.f);
  let got = await r.read('/x.bin', spans);
  out.multipart = { calls: s.calls, ok: got.every((b, i) => txt(b) === want(...spans[i])), multipart: r.multipart };
  file.set(enc('\\r\\n--Q\\r\\n'), 4010);
  s = server((h) => new Response(multipart(h, 'Q'), { status: 206, headers: { 'Content-Type': 'multipart/byteranges; boundary=Q' } }));
  got = await new m.RangeReader(s.f).read('/x.bin', spans);
  out.boundaryInData = got.every((b, i) => txt(b) === want(...spans[i]));

  // 2. one part covering all the ranges (a server may merge them)
  s = server(() => new Response(file.slice(10, 4101), { status: 206, headers: { 'Content-Range': 'bytes 10-4100/5000' } }));
  got = await new m.RangeReader(s.f).read('/x.bin', spans);
  out.merged = { calls: s.calls.length, ok: got.every((b, i) => txt(b) === want(...spans[i])) };

  // 3. fewer parts than asked for (the first range only): the rest one by one
  s = server((h) => {
    const [a, b] = h.slice(6).split(',')[0].split('-').map(Number);
    return new Response(file.slice(a, b + 1), { status: 206, headers: { 'Content-Range': `bytes ${a}-${b}/5000` } });
  });
  r = new m.RangeReader(s.f);
  got = await r.read('/x.bin', spans);
  out.fewer = { calls: s.calls, ok: got.every((b, i) => txt(b) === want(...spans[i])), multipart: r.multipart };

  // 4. 200 with Accept-Ranges to several ranges (S3): dropped, then one range a request, for good
  s = server((h) => h.includes(',')
    ? new Response(file, { status: 200, headers: { 'Accept-Ranges': 'bytes' } })
    : (() => { const [a, b] = h.slice(6).split('-').map(Number);
               return new Response(file.slice(a, b + 1), { status: 206, headers: { 'Content-Range': `bytes ${a}-${b}/5000` } }); })());
  r = new m.RangeReader(s.f);
  got = await r.read('/x.bin', spans);
  const again = await r.read('/x.bin', [[100, 200], [1000, 1100]]);
  out.s3 = { calls: s.calls, ok: got.every((b, i) => txt(b) === want(...spans[i])) && txt(again[1]) === want(1000, 1100), multipart: r.multipart };

  // 5. 200 without Accept-Ranges (no range support): kept whole, later ranges cut from it
  s = server(() => new Response(file, { status: 200 }));
  r = new m.RangeReader(s.f);
  got = await r.read('/x.bin', spans);
  const cut = await r.read('/x.bin', [[4990, 5000]]);
  out.whole = { calls: s.calls.length, ok: got.every((b, i) => txt(b) === want(...spans[i])) && txt(cut[0]) === want(4990, 5000) };

  // 6. errors: a 404, a multipart body cut short
  s = server(() => new Response('', { status: 404 }));
  out.notFound = await new m.RangeReader(s.f).read('/x.bin', spans).then(() => 'resolved', (e) => String(e.message));
  s = server((h) => new Response(new Blob([multipart(h, 'Q')]).slice(0, 150), { status: 206, headers: { 'Content-Type': 'multipart/byteranges; boundary=Q' } }));
  out.short = await new m.RangeReader(s.f).read('/x.bin', spans).then(() => 'resolved', (e) => String(e.message));
  out.contentRange = [m.parseContentRange('bytes 3-40/5000'), m.parseContentRange('bytes */5000'), m.parseContentRange(null)];
  done(out);
}).catch((e) => done({ error: String(e && e.stack || e) }));
"""


def test_reader_reads_every_kind_of_answer(browser, served):
    browser.get(served.url("/site/search/"))
    out = browser.execute_async_script(READER)
    assert "error" not in out, out
    assert out["multipart"] == {"calls": ["bytes=10-29,2000-2049,4000-4099"], "ok": True, "multipart": None}
    assert out["boundaryInData"]
    assert out["merged"] == {"calls": 1, "ok": True}
    assert out["fewer"] == {"calls": ["bytes=10-29,2000-2049,4000-4099", "bytes=2000-2049", "bytes=4000-4099"],
                            "ok": True, "multipart": False}
    assert out["s3"] == {"calls": ["bytes=10-29,2000-2049,4000-4099", "bytes=10-29", "bytes=2000-2049", "bytes=4000-4099",
                                   "bytes=100-199", "bytes=1000-1099"], "ok": True, "multipart": False}
    assert out["whole"] == {"calls": 1, "ok": True}, "a server without ranges: the file once"
    assert out["notFound"] == "无法读取检索索引（404）"
    assert out["short"] == "索引文件不完整"
    assert out["contentRange"] == [{"start": 3, "end": 40}, None, None]


ROUND = """
const [q, done] = [arguments[0], arguments[arguments.length - 1]];
Promise.all([import(new URL('../assets/query.js', location.href).href),
             import(new URL('../assets/tokenize.js', location.href).href)]).then(async ([query, t]) => {
  const index = await query.loadIndex(new URL('./', location.href));
  await index.metaReady;
  const before = performance.getEntriesByType('resource').length;
  const hits = await query.matchQuery(index, t.terms(q));
  const files = new Set([...index.pieces.keys()].map((k) => k.split(':')[0]));
  const requests = performance.getEntriesByType('resource').slice(before).filter((e) => /\\/[pkt]\\/\\d+\\.bin/.test(e.name)).length;
  done({ paths: hits.map((h) => index.headers[h.rec.index].path), pieces: index.pieces.size, files: [...files].sort(),
         requests, multipart: index.reader.multipart });
}).catch((e) => done({ error: String(e && e.stack || e) }));
"""


@pytest.mark.parametrize("site", ["site-large", "site-large-single", "site-large-whole"])
def test_a_querys_first_round_is_one_request_per_file(browser, served, large_keys, site):
    """`经营者应当明码标价 商品交易市场`: two terms, several keys — shards and large keys' own
    pieces, both in p/ — in one round: one request from a server that answers several ranges,
    and the same records from one that answers one range a request or none."""
    q = "经营者应当明码标价 商品交易市场"
    browser.get(served.url(f"/{site}/search/"))
    out = browser.execute_async_script(ROUND, q)
    assert "error" not in out, out
    found = {p.rstrip("/") + "/" for p in out["paths"]}
    assert found == {p.rstrip("/") + "/" for p in large_keys.truth(q)}
    # shards and large keys' own pieces, all in the postings' file p/0
    assert out["pieces"] > 2 and out["files"] == ["p/0"], out
    if site == "site-large":
        assert out["requests"] == len(out["files"]) and out["multipart"] is None, out
    elif site == "site-large-single":
        assert out["multipart"] is False and out["requests"] > len(out["files"]), out
    else:
        assert out["multipart"] is None, "a server without ranges is not taken for one without multipart"
