#!/usr/bin/env python3
"""Our search on the real-law corpus, measured in headless Chromium (issue 3's benchmark).

usage: bench/search_bench.py [--out OUT_JSON] [--work DIR] [--runs N] [--limit N] [--as-of DATE]

Steps (each skipped cleanly, with a JSON note, when ../shared is absent — a user's clone has none):
  1. convert the corpus: python3 ../shared/corpus/convert.py --out WORK/content   (kept between runs)
  2. build it with our binary ($POLICY_BIN, default .build/release/policy) RUNS times, and RUNS
     times with POLICY_SEARCH_INDEX=off, for the index's share of the build's wall time;
  3. for every query of ../shared/bench/hugo-pagefind/queries.txt, in headless Chromium:
     cold  a fresh browser (empty HTTP cache) per query: open WORK/site/search/, then put the
           query in the box and fire one input event; time from that event to the rendered
           result list (the page's `policy-search:rendered` event) and to its snippets filled
           in (`policy-search:snippets`); bytes = every byte under /site/search/ the server
           sent from then on (shards and large keys' postings, then the text chunks of the ten
           results shown, each a range of a packed file; meta.bin — facts, titles, piece
           tables — is fetched when the page opens, and the query waits until it is in), from
           the server log (bytes of each response body, stored compressed as they are; headers
           not counted), as the shared driver counts file sizes;
     warm  one browser, page loaded and the index facts fetched once, every query in turn.
     floor ten fresh browsers, search page open: one small index file fetched, then ten at once
           (see fetch_floor) — what the two network rounds of a query cost on this machine alone.
  Recall and precision are against a ground truth from the Markdown (e2e/browser/corpus.py):
  records (documents and interpretations) whose plain text contains the query as an exact
  substring. The shared Pagefind driver indexes documents only, so document-only figures are
  given too.

Output: one JSON object (see `summary` for the figures `make bench` merges), also printed.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
import urllib.parse
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SHARED = Path(os.environ.get("SHARED", REPO.parent / "shared"))
sys.path.insert(0, str(REPO / "e2e" / "browser"))
from browser_support import Server as BrowserServer, new_driver, policy_bin  # noqa: E402  (the browser tests' helpers)

LOG_RE = re.compile(r'"GET (\S+) HTTP/[\d.]+" (\d{3}) (\d+|-)')


def skip(out, reason):
    note = {"tool": "policy", "skipped": reason}
    print(json.dumps(note, ensure_ascii=False))
    if out:
        Path(out).write_text(json.dumps(note, ensure_ascii=False, indent=1))
    sys.exit(0)


def timed(cmd, env=None):
    # `policy build` skips a build whose inputs have not changed (the `.<out>.cache` record
    # beside the output), keeps the pages of unchanged documents (the `.<out>.files` ledger)
    # and the postings of unchanged records (`.<out>.search`), and the digests of unchanged inputs
    # (`.<out>.stamps`): start every timed run from an
    # empty output and none of these, so each is a whole first build.
    out = Path(cmd[cmd.index("--out") + 1]) if "--out" in cmd else None
    if out is not None:
        for kept in out.parent.glob(f".{out.name}.*"):
            if kept.is_file():
                kept.unlink()
        shutil.rmtree(out, ignore_errors=True)
    t0 = time.monotonic()
    run = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wall = time.monotonic() - t0
    if run.returncode != 0:
        sys.exit(f"failed: {' '.join(map(str, cmd))}\n{run.stdout}\n{run.stderr}")
    return wall


def tree_size(path: Path, blocks=False):
    """Bytes (apparent size) and file count of a tree; with blocks, the bytes of disk blocks too."""
    files = [p for p in path.rglob("*") if p.is_file()]
    sizes = (sum(p.stat().st_size for p in files), len(files))
    return sizes + (sum(p.stat().st_blocks * 512 for p in files),) if blocks else sizes


def kind_of(path: str) -> str:
    if path.endswith("manifest.json"):
        return "manifest"
    if path.endswith("meta.bin"):
        return "meta"
    if "/p/" in path:
        return "shard"
    if "/k/" in path:
        return "postings"
    if "/t/" in path:
        return "text"
    return "other"


class Server(BrowserServer):
    """The browser tests' server (`python3 -m http.server` on WORK, its log in WORK/http.log),
    with a way to count what a query fetched."""

    def mark(self):
        self.log.flush()
        return os.path.getsize(self.log_path)

    def since(self, pos, prefix="/site/search/"):
        time.sleep(0.05)  # let the server threads finish their log lines
        with open(self.log_path, encoding="utf-8", errors="replace") as fh:
            fh.seek(pos)
            lines = fh.read().splitlines()
        n = b = 0
        kinds = {}
        for line in lines:
            m = LOG_RE.search(line)
            if not m:
                continue
            path = urllib.parse.unquote(m.group(1).split("?")[0])
            if not path.startswith(prefix):
                continue
            size = int(m.group(3)) if m.group(2) in ("200", "206") and m.group(3) != "-" else 0
            n += 1
            b += size
            k = kind_of(path)
            kinds[k] = kinds.get(k, 0) + size
        return n, b, kinds


JS_RUN = """
const q = arguments[0], done = arguments[arguments.length - 1];
const input = document.getElementById('q');
let listed = null;
document.addEventListener('policy-search:rendered', function on(e) {
  if (e.detail.query !== q) return;
  document.removeEventListener('policy-search:rendered', on);
  listed = {ms: e.detail.ms, count: e.detail.count, total: e.detail.total, results: window.policySearch.results({all: true})};
});
document.addEventListener('policy-search:snippets', function on(e) {
  if (e.detail.query !== q || !listed) return;
  document.removeEventListener('policy-search:snippets', on);
  done(Object.assign(listed, {snippets_ms: e.detail.ms}));
});
input.focus();
input.value = q;
input.dispatchEvent(new Event('input', {bubbles: true}));
"""


JS_FETCH = """
const ranges = arguments[0], done = arguments[arguments.length - 1];
const t0 = performance.now();
Promise.all(ranges.map(([u, from, to]) => fetch(u, {headers: {Range: `bytes=${from}-${to}`}}).then(r => r.arrayBuffer())))
  .then(() => done(performance.now() - t0), e => done(-1));
"""


def fetch_floor(server, site, manifest, browsers=10):
    """What the machine and the browser cost before any search code runs: on a cold page (a
    fresh Chromium, the search page open, its index facts in), the time to fetch one range
    of 1,200 bytes (about a text chunk) of a packed file, then ten at once (as many as a
    result page's snippets) — bytes the page has not fetched before. A query that needs a
    round of shards and a round of ten chunks cannot be faster than the two together."""
    packs = sorted((site / "search" / manifest["index"] / "t").iterdir())
    if not packs:
        return None
    base = f"http://127.0.0.1:{server.port}/site/search/{manifest['index']}t/"
    size = packs[0].stat().st_size
    step = max(1200, size // (browsers * 11 + 1))
    ranges = [(base + packs[0].name, i * step, i * step + 1199) for i in range(browsers * 11) if i * step + 1200 <= size]
    browsers = len(ranges) // 11
    one, ten = [], []
    for b in range(browsers):
        picks = ranges[b * 11:(b + 1) * 11]
        d = new_driver()
        d.set_script_timeout(60)
        try:
            d.get(f"http://127.0.0.1:{server.port}/site/search/")
            wait_ready(d)
            one.append(d.execute_async_script(JS_FETCH, [picks[0]]))
            ten.append(d.execute_async_script(JS_FETCH, picks[1:]))
        finally:
            d.quit()
    one, ten = [v for v in one if v >= 0], [v for v in ten if v >= 0]  # -1: a fetch failed
    if not one or not ten:
        return None
    spread = lambda v: {"min": min(v), "median": statistics.median(v), "max": max(v)}
    return {"browsers": browsers, "one_file_ms": spread(one), "ten_files_ms": spread(ten)}


def wait_ready(d, timeout=20):
    """Until what the page fetches when it opens (manifest, meta.bin) is in."""
    end = time.time() + timeout
    while time.time() < end:
        if d.execute_script("return document.getElementById('search-results').dataset.indexLoaded") == "true":
            time.sleep(0.05)  # let the server write its log lines
            return
        time.sleep(0.02)
    raise RuntimeError("the search page did not load its index facts")


def record_paths(site: Path, records: int):
    """Record number → page path, read from meta.bin's headers (IndexTables.swift)."""
    manifest = json.loads((site / "search/manifest.json").read_text())
    meta = zlib.decompress((site / "search" / manifest["index"] / "meta.bin").read_bytes(), -15)
    at = 0

    def varint():
        nonlocal at
        value = shift = 0
        while True:
            b = meta[at]
            at += 1
            value |= (b & 0x7F) << shift
            if b < 0x80:
                return value
            shift += 7

    def string():
        nonlocal at
        n = varint()
        at += n
        return meta[at - n:at].decode("utf-8")

    facts = varint()
    at += facts
    out = []
    for _ in range(records):
        path, _title, _number = string(), string(), string()
        out.append(urllib.parse.unquote(path))
    return out


def score(found_paths, truth):
    found = set(found_paths)
    return {
        "results": len(found_paths),
        "truth": len(truth),
        "recall": len(found & truth) / len(truth) if truth else None,
        "precision": len(found & truth) / len(found) if found else None,
        "missed": len(truth - found),
        "false_pos": len(found - truth),
    }


JS_STATUSES = """
const done = arguments[arguments.length - 1];
window.policySearch.statuses(arguments[0]).then(done, e => done({error: String(e)}));
"""


def compare_statuses(d, binary, content, work, site, args):
    """Every document's status as the browser computes it vs documents.json of a build at that date."""
    checks = {}
    dates = [args.as_of] + [x for x in args.status_dates.split(",") if x and x != args.as_of]
    for date in dates:
        built_site = site
        if date != args.as_of:
            built_site = work / f"site-{date}"
            timed([str(binary), "build", str(content), "--out", str(built_site), "--as-of", date],
                  {**os.environ, "POLICY_SEARCH_INDEX": "off"})
        built = {f"d/{x['id']}/": x["status"] for x in json.loads((built_site / "documents.json").read_text())["documents"]}
        computed = {urllib.parse.unquote(k): v for k, v in d.execute_async_script(JS_STATUSES, date).items()}
        mismatches = sorted(p for p in built if computed.get(p) != built[p])
        checks[date] = {"documents": len(built), "mismatches": len(mismatches), "examples": mismatches[:5]}
        print(f"statuses on {date}: {len(built) - len(mismatches)}/{len(built)} agree", flush=True)
    return checks


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=None)
    ap.add_argument("--work", default="/tmp/policy-search-bench")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--limit", type=int, default=0, help="convert only the first N laws")
    ap.add_argument("--as-of", default="2026-11-29")
    ap.add_argument("--skip-build", action="store_true", help="measure the site already in WORK/site")
    ap.add_argument("--status-dates", default="",
                    help="comma-separated extra dates: build at each (without index) and compare every document's "
                         "status with what the browser computes; the as-of date is always compared")
    ap.add_argument("--queries", default=str(SHARED / "bench/hugo-pagefind/queries.txt"))
    args = ap.parse_args()

    convert = SHARED / "corpus/convert.py"
    if not convert.is_file() or not Path(args.queries).is_file():
        skip(args.out, f"no shared corpus or queries at {SHARED}")
    try:
        import selenium  # noqa: F401
    except ImportError:
        skip(args.out, "selenium is not installed")
    if not Path("/usr/bin/chromium").exists():
        skip(args.out, "chromium is not installed")
    binary = policy_bin()
    if not binary.is_file():
        sys.exit(f"policy binary not found at {binary}: build it or set POLICY_BIN")

    work = Path(args.work)
    content = work / "content"
    stamp = work / f"converted-{args.limit}"
    if not stamp.exists():
        shutil.rmtree(content, ignore_errors=True)
        work.mkdir(parents=True, exist_ok=True)
        cmd = [sys.executable, str(convert), "--out", str(content)] + (["--limit", str(args.limit)] if args.limit else [])
        subprocess.run(cmd, check=True)
        for s in work.glob("converted-*"):
            s.unlink()
        stamp.touch()

    # ---- build times: with and without the index
    site = work / "site"
    build = [str(binary), "build", str(content), "--out", str(site), "--as-of", args.as_of]
    off_env = {**os.environ, "POLICY_SEARCH_INDEX": "off"}
    with_index, without_index = [], []
    if not args.skip_build:
        timed(build)  # warm-up (file cache)
        for _ in range(args.runs):
            without_index.append(timed(build, off_env))
            with_index.append(timed(build))
    index_bytes, index_files, index_disk_bytes = tree_size(site / "search", blocks=True)
    site_bytes, site_files = tree_size(site)
    manifest = json.loads((site / "search/manifest.json").read_text())
    meta_size = (site / "search" / manifest["index"] / "meta.bin").stat().st_size
    # the search page's script and the modules it imports (search.js and what it preloads)
    js_size = sum(f.stat().st_size for f in (site / "assets").glob("*.js") if f.name not in ("status-live.js", "mode.js"))

    server = Server(work)
    # ---- ground truth from the Markdown, folded and split into terms by the site's tokenize.js
    from corpus import Library
    from tokens import BrowserTokens
    tokens_driver = new_driver()
    try:
        library = Library.read(content, BrowserTokens(tokens_driver, f"http://127.0.0.1:{server.port}/site/"))
    except BaseException:
        tokens_driver.quit()
        server.stop()
        raise
    paths = record_paths(site, manifest["records"])
    by_path = {r.path: r for r in library.records}
    unquoted = {urllib.parse.unquote(p): p for p in by_path}
    assert set(unquoted) == set(paths), "records of the index and of the Markdown differ"
    queries = [line.strip() for line in open(args.queries, encoding="utf-8") if line.strip() and not line.startswith("#")]

    rows = []
    try:
        url = f"http://127.0.0.1:{server.port}/site/search/"
        for q in queries:
            d = new_driver()
            d.set_script_timeout(60)
            try:
                d.get(url)
                wait_ready(d)  # what the page fetches when it opens is not part of the query
                pos = server.mark()
                r = d.execute_async_script(JS_RUN, q)
                req, nbytes, kinds = server.since(pos)
                errors = [e for e in d.get_log("browser") if e["level"] == "SEVERE" and "favicon" not in e["message"]]
            finally:
                d.quit()
            found = [paths[i] for i in r["results"]]
            truth = {urllib.parse.unquote(p) for p, rec in by_path.items() if rec.matches(q)}
            truth_docs = {p for p in truth if by_path[unquoted[p]].form == "document"}
            found_docs = [p for p in found if by_path[unquoted[p]].form == "document"]
            row = {"query": q, "cold_ms": r["ms"], "cold_snippets_ms": r["snippets_ms"], "cold_requests": req, "cold_bytes": nbytes, "cold_kinds": kinds,
                   "console_errors": len(errors), **score(found, truth)}
            row["docs"] = score(found_docs, truth_docs)
            rows.append(row)
            print(f"cold {q}: truth={row['truth']} results={row['results']} recall={row['recall']} "
                  f"prec={row['precision']} list {row['cold_ms']:.1f} ms, snippets {row['cold_snippets_ms']:.1f} ms, "
                  f"{nbytes} B in {req} requests", flush=True)

        d = new_driver()
        d.set_script_timeout(60)
        try:
            d.get(url)
            wait_ready(d)
            d.execute_async_script(JS_RUN, "zzqxj")  # loads the index facts once
            for row in rows:
                pos = server.mark()
                r = d.execute_async_script(JS_RUN, row["query"])
                row["warm_ms"] = r["ms"]
                row["warm_snippets_ms"] = r["snippets_ms"]
                row["warm_requests"], row["warm_bytes"], _ = server.since(pos)
                r = d.execute_async_script(JS_RUN, row["query"] + " ")  # same terms again: all in memory
                row["repeat_ms"] = r["ms"]
            ua = d.execute_script("return navigator.userAgent")
            status_checks = compare_statuses(d, binary, content, work, site, args)
        finally:
            d.quit()
        floor = fetch_floor(server, site, manifest)
        print(f"fetch floor: {json.dumps(floor)}", flush=True)
    finally:
        tokens_driver.quit()
        server.stop()

    def mmm(key, sub=None):
        vals = [(r[sub][key] if sub else r[key]) for r in rows]
        vals = [v for v in vals if v is not None]
        return {"min": min(vals), "median": statistics.median(vals), "max": max(vals)} if vals else None

    build_with = statistics.median(with_index) if with_index else None
    build_without = statistics.median(without_index) if without_index else None
    summary = {
        "queries": len(rows),
        "recall": mmm("recall"), "precision": mmm("precision"),
        "recall_docs": mmm("recall", "docs"), "precision_docs": mmm("precision", "docs"),
        "all_exact": all(r["recall"] in (1.0, None) and r["precision"] in (1.0, None) for r in rows),
        "cold_bytes": mmm("cold_bytes"), "cold_ms": mmm("cold_ms"), "cold_snippets_ms": mmm("cold_snippets_ms"),
        "warm_ms": mmm("warm_ms"), "warm_snippets_ms": mmm("warm_snippets_ms"),
        "repeat_ms": mmm("repeat_ms"), "warm_bytes": mmm("warm_bytes"),
        "console_errors": sum(r["console_errors"] for r in rows),
        "statuses_agree": {k: v["mismatches"] == 0 for k, v in status_checks.items()},
        "build_s_with_index": build_with, "build_s_without_index": build_without,
        "index_share_of_build": (build_with - build_without) / build_without if with_index else None,
        "index_bytes": index_bytes, "index_disk_bytes": index_disk_bytes, "index_files": index_files,
        "meta_bytes": meta_size,
        "search_js_bytes": js_size, "site_bytes": site_bytes, "site_files": site_files,
        "fetch_floor": floor,
    }
    out = {"tool": "policy", "docs": len(library.documents()), "records": len(library.records),
           "as_of": args.as_of, "user_agent": ua, "builds": {"with_index_s": with_index, "without_index_s": without_index},
           "summary": summary, "status_checks": status_checks, "rows": rows}
    text = json.dumps(out, ensure_ascii=False, indent=1)
    if args.out:
        Path(args.out).write_text(text)
    print(json.dumps(summary, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
