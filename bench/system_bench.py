#!/usr/bin/env python3
"""System library benchmark (issue 22): one provincial, 16 city and 100 county bureaus.

usage: bench/system_bench.py [--runs N] [--work DIR] [--out docs/benchmarks.md] [--scale 1.0]
                             [--git] [--generate-only] [--report-only]

Generates a system — `library.yml` and one content folder per bureau, each with its own
site.yml and calendar.yml — of about 25,000 documents: the provincial bureau is the real-law
corpus (../shared/corpus/convert.py, 1,512 documents with their interpretations, supersedes
chains and cleanups), each of the 16 cities has 550 generated documents whose bodies are cut
from the real laws (so the search index meets real text at scale), each of the 100 counties
150 generated notices; `--scale` multiplies the counts (the corpus through convert.py's
`--limit`). Every generated document has a same-day text interpretation, every city document
implements a provincial one and every county document a document of its city
(`implements: <source>/<id>`), and the same ids recur in every city and every county (they
are qualified by source). Without ../shared the provincial bureau is generated like a city. With `--git` each bureau's folder is a git repository named by
`git:` (cloned into `.policy-sources/` by the first run), otherwise by `path:`.

It then times, as whole processes (wall, user+sys CPU, peak RSS from wait4), RUNS times
after one warm-up: `policy check library.yml` and `policy build library.yml` into an empty
folder, on the quarter system (x1, the same 117 bureaus with a quarter of the documents) and
the whole one (x4), and reports the x4 ÷ x1 ratio of the full build (linear: about 4), the
peak memory (limit 2 GB) and the site's size; then, in headless Chromium, the first query's
bytes and times on the x4 site (`first_queries`, with bench/search_bench.py's driver; no recall
score: that is search_bench.py's, on the real corpus).

The section "System library" of --out is replaced (or appended), the rest kept.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import re
import subprocess
import sys
import tarfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build_bench as bb  # noqa: E402

SECTION = "## System library: 1 province, 16 cities, 100 counties"
TOPICS = ["食品安全", "价格监督", "广告监管", "质量发展", "网络交易", "信用监管", "知识产权", "计量标准"]
CITIES = 16
COUNTIES = 100
PER_LEVEL = {"省": 1512, "市": 550, "县": 150}


def bureaus():
    """(id, issuer, level, region, parent) for every bureau, province first."""
    out = [("province", "示例省市场监督管理局", "省", "示例省", None)]
    for c in range(CITIES):
        out.append((f"city-{c:02d}", f"示例省第{c + 1}市市场监督管理局", "市", f"第{c + 1}市", "province"))
    for k in range(COUNTIES):
        city = k % CITIES
        out.append((f"county-{k:03d}", f"第{city + 1}市第{k + 1}县市场监督管理局", "县", f"第{k + 1}县", f"city-{city:02d}"))
    return out


def law_bodies():
    """The real laws' articles (after each file's header), cut to at most 6,000 characters;
    empty without ../shared."""
    if not os.path.exists(bb.CORPUS_TAR):
        return []
    bodies = []
    with tarfile.open(bb.CORPUS_TAR) as tar:
        for member in sorted((m for m in tar.getmembers() if m.isfile() and m.name.endswith(".md")), key=lambda m: m.name):
            _, _, body = tar.extractfile(member).read().decode("utf-8", "replace").partition("<!-- INFO END -->")
            paragraphs = [line.strip() for line in body.split("\n") if line.strip() and not line.startswith("#")]
            if sum(map(len, paragraphs)) > 400:
                bodies.append("\n\n".join(paragraphs)[:6000])
    return bodies


def real_province(folder, scale):
    """The real-law corpus as the provincial bureau; its document ids, sorted."""
    limit = [] if scale >= 1 else ["--limit", str(max(1, round(PER_LEVEL["省"] * scale)))]
    subprocess.run([sys.executable, bb.CONVERT, "--out", folder, *limit], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    settings = os.path.join(folder, "site.yml")
    text = open(settings, encoding="utf-8").read()
    with open(settings, "w", encoding="utf-8") as f:
        f.write(re.sub(r"(?m)^issuer: .*$", "issuer: 示例省市场监督管理局", text, count=1))
    return sorted(bundle for kind in ("regulations", "normative", "policies")
                  for bundle in (os.listdir(os.path.join(folder, kind)) if os.path.isdir(os.path.join(folder, kind)) else []))


def write_bureau(folder, issuer, level, count, parent, parent_ids, bodies):
    """A generated bureau; its document ids."""
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "site.yml"), "w", encoding="utf-8") as f:
        f.write(f"title: {issuer}政策文件库\nbase_url: https://www.example.gov.cn/\nissuer: {issuer}\ntimezone: Asia/Shanghai\n")
    shutil.copy(os.path.join(bb.ROOT, "content", "calendar.yml"), os.path.join(folder, "calendar.yml"))
    start = dt.date(2019, 1, 2)
    for i in range(count):
        day = start + dt.timedelta(days=(i * 7) % 2500)
        while day.weekday() >= 5:
            day += dt.timedelta(days=1)
        topic = TOPICS[i % len(TOPICS)]
        bundle = os.path.join(folder, "policies", f"doc-{i:05d}")
        os.makedirs(bundle, exist_ok=True)
        implements = f"implements: {parent}/{parent_ids[(i * 7) % len(parent_ids)]}\n" if parent else ""
        if level == "市" and bodies:
            articles = bodies[(i * CITIES + len(issuer)) % len(bodies)]
        else:
            articles = "\n\n".join(f"第{n}条　为规范{issuer}{topic}第{i}号事项第{n}项工作，应当依法履行职责，"
                                   f"加强监督检查，保护经营者和消费者的合法权益。" for n in range(1, 7))
        with open(os.path.join(bundle, "index.md"), "w", encoding="utf-8") as f:
            f.write(f"---\ntitle: {issuer}关于做好{topic}第{i}号专项工作的通知\nkind: policy\noffice: 综合科\n"
                    f"signed: {day}\npublished: {day}\ntopics: [{topic}]\n{implements}---\n\n{articles}\n")
        with open(os.path.join(bundle, "解读.md"), "w", encoding="utf-8") as f:
            f.write(f"---\ntitle: 《关于做好{topic}第{i}号专项工作的通知》解读\nform: text\npublished: {day}\n---\n\n"
                    f"## 背景依据\n\n近年来{topic}领域出现新情况，需要统一工作要求。\n\n"
                    f"## 主要内容\n\n明确职责分工、检查方式和结果运用。\n\n## 关键词\n\n专项工作：本通知部署的第{i}项任务。\n")
    return [f"doc-{i:05d}" for i in range(count)]


def git_commit(folder):
    env = {**os.environ, "GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.invalid",
           "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@example.invalid",
           "GIT_AUTHOR_DATE": "2026-01-05T10:00:00+08:00", "GIT_COMMITTER_DATE": "2026-01-05T10:00:00+08:00"}
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "--no-verify", "-m", "content"]):
        subprocess.run(["git", *args], cwd=folder, check=True, env=env, stdout=subprocess.DEVNULL)


def generate(work, scale, use_git):
    """The system under WORK/system-<scale>/: library.yml and bureaus/<id>/. Kept between runs."""
    root = os.path.join(work, f"system-{scale:g}{'-git' if use_git else ''}")
    manifest = os.path.join(root, "library.yml")
    if os.path.exists(manifest):
        return manifest
    counts = {level: max(1, round(n * scale)) for level, n in PER_LEVEL.items()}
    lines = ["title: 示例省市场监管系统行政规范性文件库", "base_url: https://www.example.gov.cn/library/",
             "timezone: Asia/Shanghai", "sources:"]
    bodies = law_bodies()
    ids = {}
    for id, issuer, level, region, parent in bureaus():
        folder = os.path.join(root, "bureaus", id)
        if level == "省" and bodies:
            ids[id] = real_province(folder, scale)
        else:
            ids[id] = write_bureau(folder, issuer, level, counts[level], parent, ids.get(parent, []), bodies)
        if use_git:
            git_commit(folder)
        lines += [f"  - id: {id}", f"    issuer: {issuer}", f"    level: {level}", f"    region: {region}"]
        if parent:
            lines.append(f"    parent: {parent}")
        lines.append(f"    git: bureaus/{id}" if use_git else f"    path: bureaus/{id}")
    with open(manifest, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return manifest


def bench(manifest, work, runs, name):
    out = os.path.join(work, f"site-{name}")
    build = [bb.POLICY, "build", manifest, "--out", out, "--as-of", bb.AS_OF]
    print(f"{name}: {manifest}", flush=True)
    figures = {
        "check": bb.measure(f"{name} check", runs, lambda: None, [bb.POLICY, "check", manifest, "--as-of", bb.AS_OF]),
        "full": bb.measure(f"{name} full build", runs, lambda: bb.remove_output(out), build, settled=True),
    }
    subprocess.run(build, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    figures["site_bytes"], figures["site_files"] = bb.tree_size(out)
    figures["documents"] = len(json.load(open(os.path.join(out, "documents.json"), encoding="utf-8"))["documents"])
    return figures


def first_queries(site, work):
    """The first query's bytes and times on the system site, cold (a fresh Chromium per query),
    with bench/search_bench.py's page driver and server over the shared queries. Recall is not
    scored here: its ground truth reads one content folder (search_bench.py scores it on the
    real corpus). None when Chromium, selenium or the queries are missing."""
    queries_file = os.path.join(bb.SHARED, "bench", "hugo-pagefind", "queries.txt")
    if not os.path.exists(queries_file) or not os.path.exists("/usr/bin/chromium"):
        return None
    try:
        import search_bench as sb  # the browser tests' helpers come with it
    except ImportError:
        return None
    served = os.path.join(work, "search-serve")
    os.makedirs(served, exist_ok=True)
    link = os.path.join(served, "site")
    if os.path.lexists(link):
        os.remove(link)
    os.symlink(os.path.abspath(site), link)
    queries = [q.strip() for q in open(queries_file, encoding="utf-8") if q.strip() and not q.startswith("#")]
    server = sb.Server(sb.Path(served))
    rows = []
    try:
        url = f"http://127.0.0.1:{server.port}/site/search/"
        for q in queries:
            d = sb.new_driver()
            d.set_script_timeout(60)
            try:
                d.get(url)
                sb.wait_ready(d)
                pos = server.mark()
                r = d.execute_async_script(sb.JS_RUN, q)
                requests, nbytes, _ = server.since(pos)
            finally:
                d.quit()
            rows.append({"query": q, "bytes": nbytes, "requests": requests, "list_ms": r["ms"],
                         "snippets_ms": r["snippets_ms"], "results": len(r["results"])})
            print(f"system cold {q}: {len(r['results'])} results, {nbytes} B in {requests} requests, "
                  f"list {r['ms']:.1f} ms", flush=True)
    finally:
        server.stop()
    manifest = json.load(open(os.path.join(site, "search", "manifest.json"), encoding="utf-8"))
    meta = os.path.getsize(os.path.join(site, "search", manifest["index"], "meta.bin"))
    pick = lambda key: statistics.median(r[key] for r in rows if r[key] is not None)
    return {"queries": len(rows), "bytes_median": pick("bytes"), "bytes_max": max(r["bytes"] for r in rows),
            "list_ms_median": pick("list_ms"), "snippets_ms_median": pick("snippets_ms"), "meta_bytes": meta,
            "rows": rows}


def report(results, runs):
    lines = [SECTION, "",
             f"Generated by `bench/system_bench.py` (`make bench`), {runs} runs after a warm-up, on "
             f"{os.cpu_count()} cores: `policy check|build library.yml` over 117 bureaus' content folders, "
             "each checked by its own gate: the province is the real-law corpus, the 16 cities' documents have "
             "bodies cut from the real laws, the 100 counties' are generated notices; x1 is the same system with "
             "a quarter of every bureau's documents. Median wall seconds (min–max), median CPU seconds, peak RSS.", "",
             "| set | documents | check | full build | peak memory | site |", "|---|---|---|---|---|---|"]
    for name, f in ((n, f) for n, f in results.items() if n in ("x1", "x4")):
        lines.append(f"| {name} | {f['documents']:,} | {bb.fmt(f['check'])} | {bb.fmt(f['full'])} "
                     f"(CPU {f['full']['cpu']['median']:.2f}) | {f['full']['peak_mib']['max']:.0f} MiB | "
                     f"{f['site_files']:,} files, {f['site_bytes'] / 2**20:.0f} MiB |")
    if "x1" in results and "x4" in results:
        ratio = results["x4"]["full"]["wall"]["median"] / results["x1"]["full"]["wall"]["median"]
        lines += ["", f"x4 ÷ x1 full build: {ratio:.2f} (linear is 4; goal ≤ 4.4); x4 peak memory "
                      f"{results['x4']['full']['peak_mib']['max']:.0f} MiB (goal ≤ 2,048)."]
    search = results.get("search")
    if search:
        lines += ["", f"First query on the x4 system site, cold (a fresh Chromium per query, {search['queries']} "
                      f"queries of the shared set; bench/search_bench.py's server and page driver): bytes median "
                      f"{search['bytes_median']:,.0f} (max {search['bytes_max']:,}; goal ≤ 61,440), list "
                      f"{search['list_ms_median']:.1f} ms and snippets {search['snippets_ms_median']:.1f} ms median; "
                      f"`meta.bin`, fetched when the page opens, {search['meta_bytes']:,} B."]
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=int(os.environ.get("RUNS", 3)))
    ap.add_argument("--work", default=os.environ.get("BENCH_WORK", "/tmp/policy-bench"))
    ap.add_argument("--out", default=os.path.join(bb.ROOT, "docs", "benchmarks.md"))
    ap.add_argument("--scale", type=float, default=1.0, help="multiplies the documents per bureau")
    ap.add_argument("--git", action="store_true", help="each bureau a git repository (git: sources)")
    ap.add_argument("--generate-only", action="store_true", help="write the system and print its library.yml")
    ap.add_argument("--report-only", action="store_true", help="write the section from WORK/system-bench.json")
    ap.add_argument("--skip-search", action="store_true", help="leave out the first-query measurement in Chromium")
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    saved = os.path.join(args.work, "system-bench.json")
    if args.generate_only:
        print(generate(args.work, args.scale, args.git))
        return
    if args.report_only:
        results = json.load(open(saved))
    else:
        results = {
            "x1": bench(generate(args.work, args.scale / 4, args.git), args.work, args.runs, "x1"),
            "x4": bench(generate(args.work, args.scale, args.git), args.work, args.runs, "x4"),
        }
        if not args.skip_search:
            results["search"] = first_queries(os.path.join(args.work, "site-x4"), args.work)
        json.dump(results, open(saved, "w"), indent=1)
    text = report(results, args.runs)
    print(text)
    old = open(args.out, encoding="utf-8").read() if os.path.exists(args.out) else "# Benchmarks\n"
    start = old.find(SECTION)
    if start >= 0:
        end = old.find("\n## ", start + len(SECTION))
        old = old[:start].rstrip("\n") + "\n" + (old[end:] if end >= 0 else "")
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(old.rstrip("\n") + "\n\n" + text)


if __name__ == "__main__":
    main()
