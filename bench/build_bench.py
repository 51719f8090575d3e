#!/usr/bin/env python3
"""Build benchmark: our `policy` side by side with Hugo + Pagefind, in one run (issue 7).

usage: bench/build_bench.py [--runs N] [--sets x1,x4,synthetic] [--work DIR] [--out docs/benchmarks.md]
                            [--search-json FILE] [--report-only | --scaling-only | --floor-only]

For each content set — the converted real corpus at x1 and x4 (`../shared/corpus/convert.py`,
`--copies 4`) and a synthetic library of 20,000 small documents made here — it times, RUNS
times after one warm-up, as whole processes (wall, user+sys CPU, peak RSS from wait4):
  check      policy check (CHECK_RUN_FACTOR x RUNS times: it is short, and its median moves with the VM)
  full       policy build into an empty output folder
  no-op      policy build again, nothing changed
  one edit   policy build after appending a sentence to one document
and records the site's size and file count. On the x1 corpus it also times Hugo (Debian
`hugo`) building the same documents and Pagefind (PyPI `pagefind-bin-extended`) indexing
Hugo's output, with the shared converter `../shared/bench/hugo-pagefind/to_hugo.py`, and
reports our time divided by theirs. After the sets it measures the file-system floor of a
rebuild on the x1 site (bench/fs_floor.c, compiled with the system's C compiler). The x4 ÷ x1 ratio comes from x1 and x4 full builds run
in interleaved rounds, as the comparison with Hugo + Pagefind does. Without ../shared the
corpus sets and the comparison are skipped, and the report says so.

The report (median, min–max, the machine's core count) goes to --out and to stdout.
"""
from __future__ import annotations

import argparse
import glob
import datetime as dt
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
CONVERT = os.path.join(SHARED, "corpus", "convert.py")
TO_HUGO = os.path.join(SHARED, "bench", "hugo-pagefind", "to_hugo.py")
CORPUS_TAR = os.path.join(SHARED, "corpus", "laws-dev.tar.xz")
POLICY = os.environ.get("POLICY_BIN", os.path.join(ROOT, ".build", "release", "policy"))
AS_OF = "2026-11-29"


# ---------------------------------------------------------------- measuring

def run_once(cmd, env=None):
    """One whole-process run: wall seconds, CPU seconds (user+sys) and peak RSS of the child."""
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, env=env)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.monotonic() - t0
    rc = os.waitstatus_to_exitcode(status)
    return {"wall": wall, "cpu": ru.ru_utime + ru.ru_stime, "peak_mib": ru.ru_maxrss / 1024.0, "rc": rc}


# Seconds to wait after deleting a large output before a timed run. On ext4 without a journal
# (this benchmark machine's), inodes freed in the last few seconds are skipped when new ones are
# allocated, which makes creating the next site's files several times slower right after
# `rm -rf` of the last one — a cost of the deletion, not of the build being measured. Both
# sides get the same pause.
SETTLE_SECONDS = float(os.environ.get("BENCH_SETTLE_SECONDS", "6"))


def remove_output(out):
    """A site and what `policy build` keeps beside it between builds (`.<out>.cache`, the
    `.files` ledger, the `.search` postings segments, the `.stamps` of the inputs), so that the next build starts from
    nothing, as a first build does."""
    shutil.rmtree(out, ignore_errors=True)
    parent, name = os.path.split(os.path.abspath(out))
    for sibling in glob.glob(os.path.join(parent, f".{name}.*")):
        if os.path.isdir(sibling):
            shutil.rmtree(sibling, ignore_errors=True)
        else:
            os.unlink(sibling)


def settle():
    os.sync()
    time.sleep(SETTLE_SECONDS)


def measure(label, runs, prepare, cmd, warmup=1, settled=False):
    """Runs `prepare()` then `cmd` warmup+runs times; keeps the timed runs' figures.
    With `settled`, the file system is synced and left to settle between the two."""
    results = []
    for i in range(warmup + runs):
        prepare()
        if settled:
            settle()
        r = run_once(cmd)
        if r["rc"] != 0:
            raise SystemExit(f"{label}: {' '.join(cmd)} exited {r['rc']}")
        if i >= warmup:
            results.append(r)
    return summarize(label, results)


def summarize(label, results):
    summary = {k: {"median": statistics.median(r[k] for r in results),
                   "min": min(r[k] for r in results), "max": max(r[k] for r in results)}
               for k in ("wall", "cpu", "peak_mib")}
    print(f"  {label:34} wall {summary['wall']['median']:7.2f} s  cpu {summary['cpu']['median']:7.2f} s  "
          f"peak {summary['peak_mib']['median']:7.0f} MiB", flush=True)
    return summary


def interleaved(runs, steps):
    """Each step once per round, 1 warm-up round + `runs` timed ones, so that every tool meets the
    machine in the same moments (a shared VM's speed drifts by a third within minutes).
    `steps`: (label, prepare, cmd); each run follows its prepare and a settle."""
    results = {label: [] for label, _, _ in steps}
    for i in range(1 + runs):
        for label, prepare, cmd in steps:
            prepare()
            settle()
            r = run_once(cmd)
            if r["rc"] != 0:
                raise SystemExit(f"{label}: {' '.join(cmd)} exited {r['rc']}")
            if i >= 1:
                results[label].append(r)
    return {label: summarize(label, rs) for label, rs in results.items()}


def measure_scaling(work, runs):
    """x1 and x4 full builds in interleaved rounds: the x4 ÷ x1 ratio from builds that met the
    machine in the same moments (measured set by set, minutes apart, the VM's drift alone moves
    it by a third)."""
    steps = []
    for copies in (1, 4):
        content = corpus_set(work, copies)
        out = os.path.join(work, f"site-x{copies}-scaling")
        steps.append((f"x{copies} full build (scaling)", lambda out=out: remove_output(out),
                      [POLICY, "build", content, "--out", out, "--as-of", AS_OF]))
    print("x1 and x4 full builds, interleaved", flush=True)
    figures = interleaved(runs, steps)
    return {"x1": figures[steps[0][0]], "x4": figures[steps[1][0]]}


FLOOR_SOURCE = os.path.join(ROOT, "bench", "fs_floor.c")


def measure_floor(work, runs):
    """The file-system floor of any rebuild of the x1 site with our output design (bench/fs_floor.c):
    hard-link every file into a staging tree and delete a tree as large, on all cores."""
    site = os.path.join(work, "site-x1")
    if not os.path.isdir(site):
        return {"skipped": "no x1 site was built"}
    compiler = shutil.which("cc") or shutil.which("gcc")
    if not compiler:
        return {"skipped": "no C compiler to build bench/fs_floor.c"}
    binary = os.path.join(work, "fs_floor")
    threads = len(os.sched_getaffinity(0))
    samples = []
    try:  # a failure here must not lose the figures measured before it
        subprocess.run([compiler, "-O2", "-pthread", "-o", binary, FLOOR_SOURCE], check=True)
        for _ in range(runs * CHECK_RUN_FACTOR):
            out = subprocess.run([binary, site, str(threads)], check=True, capture_output=True, text=True).stdout
            samples.append(json.loads(out))
    except (subprocess.CalledProcessError, OSError, ValueError) as error:
        return {"skipped": f"bench/fs_floor.c failed: {error}"}
    def spread(key):
        values = [s[key] for s in samples]
        return {"median": statistics.median(values), "min": min(values), "max": max(values)}
    for s in samples:
        s["total_ms"] = s["link_ms"] + s["delete_ms"]
    print(f"file-system floor: {spread('total_ms')['median']:.0f} ms", flush=True)
    return {"files": samples[0]["files"], "threads": samples[0]["threads"], "runs": len(samples),
            "link_ms": spread("link_ms"), "delete_ms": spread("delete_ms"), "total_ms": spread("total_ms")}


def tree_size(path, blocks=False):
    """Bytes (apparent size) and file count of a tree; with blocks, the bytes of disk blocks too."""
    size = count = disk = 0
    for root, _, files in os.walk(path):
        for f in files:
            st = os.stat(os.path.join(root, f))
            size += st.st_size
            disk += st.st_blocks * 512
            count += 1
    return (size, count, disk) if blocks else (size, count)


# ---------------------------------------------------------------- content sets

def corpus_set(work, copies):
    out = os.path.join(work, f"corpus-x{copies}")
    if not os.path.exists(os.path.join(out, "site.yml")):
        subprocess.run([sys.executable, CONVERT, "--out", out, "--copies", str(copies)], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if copies > 1:
            distinct_numbers(out)
    return out


COPY_FOLDER = re.compile(r"-c(\d+)$")
NUMBER_SERIAL = re.compile(r'^(number: "(?:.*\D)?)(\d+)(号.*)$', re.M)


def distinct_numbers(content):
    """The converter's copies repeat each 文号, which `policy check` rightly refuses (PN003,
    one number, one document). Copy N of a document gets serial + N×100000 instead, so the
    copies are a valid library of four times the size."""
    for kind in ("regulations", "normative", "policies"):
        folder = os.path.join(content, kind)
        for bundle in os.listdir(folder) if os.path.isdir(folder) else []:
            match = COPY_FOLDER.search(bundle)
            path = os.path.join(folder, bundle, "index.md")
            if not match or not os.path.exists(path):
                continue
            copy = int(match.group(1))
            text = open(path, encoding="utf-8").read()
            text = NUMBER_SERIAL.sub(lambda m: f"{m.group(1)}{int(m.group(2)) + copy * 100000}{m.group(3)}", text, count=1)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)


def synthetic_set(work, count=20000):
    """20,000 small documents, each with a same-day text interpretation: the shape of a big
    provincial library, generated so the benchmark needs nothing outside this repository."""
    out = os.path.join(work, f"synthetic-{count}")
    if os.path.exists(os.path.join(out, "site.yml")):
        return out
    shutil.copy(os.path.join(ROOT, "content", "site.yml"), os.path.join(work, "site.yml.tmp"))
    os.makedirs(out, exist_ok=True)
    shutil.move(os.path.join(work, "site.yml.tmp"), os.path.join(out, "site.yml"))
    shutil.copy(os.path.join(ROOT, "content", "calendar.yml"), os.path.join(out, "calendar.yml"))
    start = dt.date(2019, 1, 2)
    topics = ["食品安全", "价格监督", "广告监管", "质量发展", "网络交易", "信用监管", "知识产权", "计量标准"]
    for i in range(count):
        day = start + dt.timedelta(days=i % 2500)
        while day.weekday() >= 5:
            day += dt.timedelta(days=1)
        topic = topics[i % len(topics)]
        folder = os.path.join(out, "policies", f"syn-{i:05d}")
        os.makedirs(folder, exist_ok=True)
        articles = "\n\n".join(f"第{n}条　为规范{topic}第{i}号事项第{n}项工作，各级市场监督管理部门应当依法履行职责，"
                               f"加强监督检查，保护经营者和消费者的合法权益。" for n in range(1, 9))
        with open(os.path.join(folder, "index.md"), "w", encoding="utf-8") as f:
            f.write(f"---\ntitle: 关于做好{topic}第{i}号专项工作的通知\nkind: policy\noffice: 综合规划处\n"
                    f"signed: {day}\npublished: {day}\ntopics: [{topic}]\n---\n\n{articles}\n")
        with open(os.path.join(folder, "解读.md"), "w", encoding="utf-8") as f:
            f.write(f"---\ntitle: 《关于做好{topic}第{i}号专项工作的通知》解读\nform: text\npublished: {day}\n---\n\n"
                    f"## 背景依据\n\n近年来{topic}领域出现新情况，需要统一工作要求。\n\n"
                    f"## 主要内容\n\n明确职责分工、检查方式和结果运用。\n\n## 关键词\n\n专项工作：本通知部署的第{i}项任务。\n")
    return out


# ---------------------------------------------------------------- our side

CHECK_RUN_FACTOR = 3


def bench_policy(name, content, work, runs):
    out = os.path.join(work, f"site-{name}")
    edit_target = first_index_md(content)
    original = open(edit_target, encoding="utf-8").read()
    counter = [0]

    def clean():
        remove_output(out)

    def edit_one():
        counter[0] += 1
        with open(edit_target, "w", encoding="utf-8") as f:
            f.write(original + f"\n\n附：第{counter[0]}次修改说明。\n")

    build = [POLICY, "build", content, "--out", out, "--as-of", AS_OF]
    print(f"{name}: {content}", flush=True)
    figures = {
        # A check is short (a second at x1, a few at x4): more runs steady its median against the VM's drift.
        "check": measure(f"{name} check", runs * CHECK_RUN_FACTOR, lambda: None, [POLICY, "check", content]),
        "full": measure(f"{name} full build", runs, clean, build, settled=True),
        "noop": measure(f"{name} no-op rebuild", runs, lambda: None, build),
    }
    try:
        figures["edit"] = measure(f"{name} rebuild after one edit", runs, edit_one, build)
    finally:
        with open(edit_target, "w", encoding="utf-8") as f:
            f.write(original)
    subprocess.run(build, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    figures["site_bytes"], figures["site_files"] = tree_size(out)
    figures["documents"] = sum(1 for kind in ("regulations", "normative", "policies")
                               if os.path.isdir(os.path.join(content, kind))
                               for _ in os.listdir(os.path.join(content, kind)))
    return figures


def first_index_md(content):
    for kind in ("regulations", "normative", "policies"):
        folder = os.path.join(content, kind)
        if os.path.isdir(folder):
            for bundle in sorted(os.listdir(folder)):
                path = os.path.join(folder, bundle, "index.md")
                if os.path.exists(path):
                    return path
    raise SystemExit(f"no document in {content}")


# ---------------------------------------------------------------- their side

def bench_hugo_pagefind(work, runs, ours):
    """Hugo, then Pagefind on Hugo's output, interleaved round by round with `ours` (the
    command and output folder of our full build of the same corpus)."""
    if shutil.which("hugo") is None:
        return {"skipped": "hugo is not installed (apt-get install hugo)"}
    try:
        import pagefind_bin_extended  # noqa: F401
        pagefind = subprocess.run([sys.executable, "-c", "import pagefind_bin_extended as p; print(p.get_executable())"],
                                  capture_output=True, text=True, check=True).stdout.strip()
    except Exception:
        return {"skipped": "pagefind-bin-extended is not installed (pip install pagefind-bin-extended)"}
    corpus_dir = os.path.join(work, "hugo-corpus")
    if not os.path.isdir(corpus_dir):
        os.makedirs(corpus_dir)
        with tarfile.open(CORPUS_TAR) as tar:
            tar.extractall(corpus_dir)
    site_src = os.path.join(work, "hugo-site")
    if not os.path.isfile(os.path.join(site_src, "config.toml")):  # absent, or left half-made
        shutil.rmtree(site_src, ignore_errors=True)
        subprocess.run([sys.executable, TO_HUGO, corpus_dir, "dev", site_src], check=True, stdout=subprocess.DEVNULL)
    out = os.path.join(work, "hugo-out")
    our_cmd, our_out = ours
    print("ours, hugo and pagefind on the same corpus, interleaved", flush=True)
    figures = interleaved(runs, [
        ("ours (full build)", lambda: remove_output(our_out), our_cmd),
        ("hugo (empty output)", lambda: shutil.rmtree(out, ignore_errors=True),
         ["hugo", "--quiet", "-s", site_src, "-d", out]),
        ("pagefind (index from scratch)", lambda: shutil.rmtree(os.path.join(out, "pagefind"), ignore_errors=True),
         [pagefind, "--site", out, "--quiet"]),
    ])
    size, files = tree_size(out)
    index_bytes, index_files, index_disk = tree_size(os.path.join(out, "pagefind"), blocks=True)
    return {"ours": figures["ours (full build)"], "hugo": figures["hugo (empty output)"],
            "pagefind": figures["pagefind (index from scratch)"], "site_bytes": size, "site_files": files,
            "index_bytes": index_bytes, "index_files": index_files, "index_disk_bytes": index_disk,
            "search": pagefind_search(site_src, out, work)}


def pagefind_search(site_src, out, work):
    """Pagefind's search on the same queries, with the shared driver (cold: a fresh Chromium per
    query). Figures comparable with ours: everything fetched after the page loaded until the
    first ten results' data is in hand (init + search + data of 10), and the time for the same."""
    driver = os.path.join(SHARED, "bench", "hugo-pagefind", "search_bench.py")
    queries = os.path.join(SHARED, "bench", "hugo-pagefind", "queries.txt")
    result = os.path.join(work, "pagefind-search.json")
    print("pagefind search: shared driver, cold browser per query", flush=True)
    done = subprocess.run([sys.executable, driver, site_src, out, queries, result,
                           "--log", os.path.join(work, "pagefind-http.log")],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if done.returncode != 0 or not os.path.exists(result):
        return {"skipped": f"the shared search driver exited {done.returncode}"}
    rows = json.load(open(result, encoding="utf-8"))["rows"]

    def mmm(values):
        values = [v for v in values if v is not None]
        return {"min": min(values), "median": statistics.median(values), "max": max(values)}
    return {
        "queries": len(rows),
        "recall": mmm([r.get("recall") for r in rows]), "precision": mmm([r.get("precision") for r in rows]),
        "cold_bytes": mmm([r["init_bytes"] + r["search_bytes"] + r["data10_bytes"] for r in rows]),
        "cold_ms": mmm([r["init_ms"] + r["search_ms"] + r["data10_ms"] for r in rows]),
    }


# ---------------------------------------------------------------- report

def fmt(s, key="wall"):
    v = s[key]
    return f"{v['median']:.2f} ({v['min']:.2f}–{v['max']:.2f})"


def report(results, theirs, search, runs, scaling=None, check_runs=None, floor=None):
    """The Markdown report. `check_runs`: how many times `policy check` was timed (a run saved
    before checks were timed more often than builds has none: it was `runs`)."""
    check_runs = check_runs or runs
    lines = ["# Benchmarks", "",
             f"Generated by `make bench` (bench/build_bench.py) on {dt.date.today()}: {os.cpu_count()} cores, "
             f"{runs} timed runs after one warm-up ({check_runs} for `policy check`), median (min–max). "
             "Whole-process figures: wall seconds, "
             "CPU seconds (user + sys), peak resident memory. Statuses computed at " + AS_OF + ". "
             f"Before each full build (ours, Hugo's and Pagefind's) the output is deleted, synced, and left "
             f"{SETTLE_SECONDS:.0f} s to settle (see SETTLE_SECONDS in bench/build_bench.py).", ""]
    lines += ["## Our build", "",
              "| set | documents | step | wall s | CPU s | peak MiB |", "|---|---|---|---|---|---|"]
    names = {"check": "policy check", "full": "full build", "noop": "no-op rebuild", "edit": "rebuild after one edit"}
    for name, f in results.items():
        if "skipped" in f:
            lines.append(f"| {name} | – | skipped: {f['skipped']} | | | |")
            continue
        for step in ("check", "full", "noop", "edit"):
            lines.append(f"| {name} | {f['documents']:,} | {names[step]} | {fmt(f[step])} | {fmt(f[step], 'cpu')} | "
                         f"{f[step]['peak_mib']['median']:.0f} |")
    lines += ["", "| set | site size | files |", "|---|---|---|"]
    for name, f in results.items():
        if "skipped" not in f:
            lines.append(f"| {name} | {f['site_bytes'] / 1048576:.1f} MiB | {f['site_files']:,} |")
    lines += ["", "## Ratios", ""]
    if "x1" in results and "skipped" not in results["x1"]:
        x1 = results["x1"]
        full = x1["full"]["wall"]["median"]
        lines.append(f"- no-op rebuild ÷ full build (x1): {x1['noop']['wall']['median'] / full:.2f}")
        lines.append(f"- one-edit rebuild ÷ full build (x1): {x1['edit']['wall']['median'] / full:.2f}")
        if floor and "skipped" not in floor:
            total = floor["total_ms"]["median"] / 1000
            noop = x1["noop"]["wall"]["median"]
            lines.append(f"- the file-system floor of any rebuild that writes a new site beside the old one and swaps them "
                         f"(bench/fs_floor.c: hard-link all {floor['files']:,} files of the x1 site into a staging tree, "
                         f"then delete a tree as large, on {floor['threads']} threads, from a list made beforehand — "
                         f"nothing read, rendered or walked, and the deleted links' files live on in the site, so no "
                         f"file's data is freed; median of {floor['runs']}): link "
                         f"{floor['link_ms']['median']:.0f} ms + delete {floor['delete_ms']['median']:.0f} ms = "
                         f"{total:.2f} s = **{total / full:.3f}** of the full build; with the no-op rebuild's wall time "
                         f"({noop:.2f} s: start, settings, checking every input's stamp), {(total + noop) / full:.3f}")
        elif floor:
            lines.append(f"- file-system floor: skipped ({floor['skipped']})")
        if scaling:
            x1w, x4w = scaling["x1"]["wall"]["median"], scaling["x4"]["wall"]["median"]
            lines.append(f"- x4 full build ÷ x1 full build, wall, interleaved rounds: {x4w:.2f} s ÷ {x1w:.2f} s = "
                         f"**{x4w / x1w:.2f}** (goal ≤ 4.4); CPU: {scaling['x4']['cpu']['median']:.2f} s ÷ "
                         f"{scaling['x1']['cpu']['median']:.2f} s = "
                         f"{scaling['x4']['cpu']['median'] / scaling['x1']['cpu']['median']:.2f}")
        if "x4" in results and "skipped" not in results["x4"]:
            lines.append(f"- x4 full build ÷ x1 full build, from the table above (sets measured minutes apart): "
                         f"{results['x4']['full']['wall']['median'] / full:.2f}; "
                         f"x4 peak memory {results['x4']['full']['peak_mib']['median']:.0f} MiB (goal ≤ 1024)")
        if theirs and "skipped" not in theirs:
            total = theirs["hugo"]["wall"]["median"] + theirs["pagefind"]["wall"]["median"]
            cpu = theirs["hugo"]["cpu"]["median"] + theirs["pagefind"]["cpu"]["median"]
            ours = theirs["ours"]
            lines.append(f"- our full build ÷ (Hugo + Pagefind), wall, interleaved rounds: {ours['wall']['median']:.2f} s ÷ "
                         f"{total:.2f} s = **{ours['wall']['median'] / total:.2f}** (goal ≤ 0.5)")
            lines.append(f"- same, CPU: {ours['cpu']['median']:.2f} s ÷ {cpu:.2f} s = {ours['cpu']['median'] / cpu:.2f}")
    lines += ["", "## Hugo + Pagefind on the same corpus (x1)", ""]
    if not theirs:
        lines.append("Skipped: ../shared (the corpus and the Hugo converter) is not present.")
    elif "skipped" in theirs:
        lines.append(f"Skipped: {theirs['skipped']}.")
    else:
        lines += ["Measured in interleaved rounds with our full build (one of each per round, so that all three meet "
                  "the machine in the same moments).", "",
                  "| step | wall s | CPU s | peak MiB |", "|---|---|---|---|",
                  f"| ours: policy build (empty output) | {fmt(theirs['ours'])} | {fmt(theirs['ours'], 'cpu')} | {theirs['ours']['peak_mib']['median']:.0f} |",
                  f"| hugo (empty output) | {fmt(theirs['hugo'])} | {fmt(theirs['hugo'], 'cpu')} | {theirs['hugo']['peak_mib']['median']:.0f} |",
                  f"| pagefind (from scratch) | {fmt(theirs['pagefind'])} | {fmt(theirs['pagefind'], 'cpu')} | {theirs['pagefind']['peak_mib']['median']:.0f} |",
                  "", f"Site with index: {theirs['site_bytes'] / 1048576:.1f} MiB in {theirs['site_files']:,} files."]
    theirs_search = (theirs or {}).get("search") or {}
    ours_search = (search or {}).get("summary") or {}
    if ours_search and "recall" in ours_search:
        lines += ["", "## Search, side by side (same queries, cold browser per query)", "",
                  "Ours: bench/search_bench.py (documents and interpretations; time from the input event to the "
                  "rendered result list — title, status, kind, date, 文号 — and to its snippets filled in). Pagefind: the shared driver ../shared/bench/hugo-pagefind/search_bench.py "
                  "(documents; init + search + data of the first 10 results). Bytes: everything served after the "
                  "page had loaded.", "",
                  "| figure | ours median (min–max) | Pagefind median (min–max) |", "|---|---|---|"]

        def cell(d, key, unit=""):
            v = d.get(key)
            if not v:
                return "–"
            return f"{v['median']:,.2f}{unit} ({v['min']:,.2f}–{v['max']:,.2f})"
        for key, label, unit in (("recall", "recall", ""), ("precision", "precision", ""),
                                 ("cold_bytes", "bytes fetched, first query", " B"),
                                 ("cold_requests", "requests, first query", ""),
                                 ("cold_ms", "first query to results, ms (ours: the ranked list)", ""),
                                 ("cold_snippets_ms", "first query to snippets, ms", ""),
                                 ("warm_ms", "warm: a further query to its list, ms", ""),
                                 ("repeat_ms", "warm: a keystroke whose keys are in, ms", "")):
            lines.append(f"| {label} | {cell(ours_search, key, unit)} | {cell(theirs_search, key, unit)} |")
        if theirs and theirs.get("index_bytes") and ours_search.get("index_bytes"):
            lines += ["", "| index on disk (x1) | bytes | disk blocks | files |", "|---|---|---|---|",
                      f"| ours | {ours_search['index_bytes']:,} | {ours_search.get('index_disk_bytes', 0):,} | "
                      f"{ours_search['index_files']:,} |",
                      f"| Pagefind | {theirs['index_bytes']:,} | {theirs['index_disk_bytes']:,} | {theirs['index_files']:,} |",
                      f"| ours ÷ Pagefind | {ours_search['index_bytes'] / theirs['index_bytes']:.2f} | "
                      f"{ours_search.get('index_disk_bytes', 0) / theirs['index_disk_bytes']:.2f} | "
                      f"{ours_search['index_files'] / theirs['index_files']:.3f} |"]
        if "skipped" in theirs_search:
            lines.append(f"\nPagefind side skipped: {theirs_search['skipped']}.")
        floor = ours_search.get("fetch_floor")
        if floor:
            lines += ["", f"What the network rounds alone cost in this browser on this machine ({floor['browsers']} fresh "
                      "Chromiums, search page open, bytes not fetched before): one range of 1,200 bytes "
                      f"{cell(floor, 'one_file_ms')} ms, ten as ten requests at once {cell(floor, 'ten_files_ms')} ms, "
                      f"ten in one request {cell(floor, 'ten_ranges_one_request_ms')} ms. A query makes one round for its "
                      "keys' postings and shows its list, then one for the ten results' text chunks, each one request "
                      "per file it touches."]
    if search:
        lines += ["", "## Search (bench/search_bench.py), all figures", "", "```",
                  json.dumps(search.get("summary", search), ensure_ascii=False, indent=1), "```"]
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=int(os.environ.get("RUNS", 3)))
    ap.add_argument("--sets", default=os.environ.get("SETS", "x1,x4,synthetic"))
    ap.add_argument("--work", default=os.environ.get("BENCH_WORK", "/tmp/policy-bench"))
    ap.add_argument("--out", default=os.path.join(ROOT, "docs", "benchmarks.md"))
    ap.add_argument("--search-json", default=None, help="output of bench/search_bench.py to include")
    ap.add_argument("--scaling-only", action="store_true",
                    help="measure only the interleaved x1/x4 full builds, add them to WORK/build-bench.json and "
                         "write the report")
    ap.add_argument("--floor-only", action="store_true",
                    help="measure only the file-system floor on WORK/site-x1, add it to WORK/build-bench.json and "
                         "write the report")
    ap.add_argument("--report-only", action="store_true",
                    help="write the report from WORK/build-bench.json (the last run) and --search-json, measuring nothing")
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    if args.scaling_only or args.floor_only:
        args.report_only = True
    if args.report_only:
        saved = json.load(open(os.path.join(args.work, "build-bench.json")))
        search = json.load(open(args.search_json)) if args.search_json and os.path.exists(args.search_json) else None
        if args.scaling_only:
            saved["scaling"] = measure_scaling(args.work, args.runs)
        if args.floor_only:
            saved["floor"] = measure_floor(args.work, args.runs)
        if args.scaling_only or args.floor_only:
            with open(os.path.join(args.work, "build-bench.json"), "w") as f:
                json.dump(saved, f, indent=1)
        text = report(saved["ours"], saved["theirs"], search, saved.get("runs", args.runs), saved.get("scaling"),
                      saved.get("check_runs"), saved.get("floor"))
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(text)
        print(text)
        return
    have_shared = os.path.exists(CONVERT)
    results, theirs = {}, None
    for name in args.sets.split(","):
        if name in ("x1", "x4"):
            if not have_shared:
                results[name] = {"skipped": "../shared/corpus is not present"}
                continue
            content = corpus_set(args.work, 1 if name == "x1" else 4)
        elif name == "synthetic":
            content = synthetic_set(args.work)
        else:
            raise SystemExit(f"unknown set {name}")
        results[name] = bench_policy(name, content, args.work, args.runs)
        if name == "x1":
            out = os.path.join(args.work, "site-x1-interleaved")
            theirs = bench_hugo_pagefind(args.work, args.runs,
                                         ([POLICY, "build", content, "--out", out, "--as-of", AS_OF], out))
    scaling = None
    if all(name in results and "skipped" not in results[name] for name in ("x1", "x4")):
        scaling = measure_scaling(args.work, args.runs)
    floor = measure_floor(args.work, args.runs) if "x1" in results and "skipped" not in results["x1"] else None
    search = json.load(open(args.search_json)) if args.search_json and os.path.exists(args.search_json) else None
    check_runs = args.runs * CHECK_RUN_FACTOR
    text = report(results, theirs, search, args.runs, scaling, check_runs, floor)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(text)
    with open(os.path.join(args.work, "build-bench.json"), "w") as f:
        json.dump({"ours": results, "theirs": theirs, "runs": args.runs, "check_runs": check_runs, "scaling": scaling,
                   "floor": floor}, f, indent=1)
    print(text)


if __name__ == "__main__":
    main()
