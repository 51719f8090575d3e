#!/usr/bin/env python3
"""Preview benchmark: `policy serve` side by side with `hugo server` on the same documents (issue 20).

usage: bench/serve_bench.py [--edits N] [--sets x1,x4] [--work DIR] [--out docs/benchmarks.md] [--report-only]

For each set — the real corpus converted for each tool as bench/build_bench.py converts it (ours:
../shared/corpus/convert.py, x4 with `--copies 4`; Hugo's: ../shared/bench/hugo-pagefind/to_hugo.py,
x4 by four copies of each content file) — each server is started on its own, then:
  first page    from starting the process to the first 200 answer for a document's page
  edit → page   from writing one document's file (appending a sentence) to the first answer for
                that document's page that holds the sentence, polled every 5 ms; 1 warm-up edit and
                N timed ones (default 9), each of a different document, the same documents for both
                tools (matched by title); between edits the server is left to settle (ours: until
                its search index is current; both: 1 s more)
  peak memory   the server's peak resident memory (VmHWM) when the edits are done
and at x1 our full build (`policy build` into an empty folder) for the first-page goal. With --sets
naming some of the sets, the others keep their figures from WORK/serve-bench.json. The
results replace the "Preview" section of --out (the rest is bench/build_bench.py's) and go to
WORK/serve-bench.json. Edited files are restored at the end.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tarfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build_bench as bb  # noqa: E402  (the corpus sets, the policy binary, the full-build timing)

SECTION = "## Preview: `policy serve` against `hugo server`"
POLL_SECONDS = 0.005
SETTLE_SECONDS = 1.0


def get(url: str, timeout: float = 120) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status, r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return 0, ""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def peak_mib(pid: int) -> float:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def wait_for(url: str, needle: str | None, seconds: float = 600) -> float:
    """Polls `url` until it answers 200 (holding `needle`); returns the monotonic time then."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        status, body = get(url)
        if status == 200 and (needle is None or needle in body):
            return time.monotonic()
        time.sleep(POLL_SECONDS)
    raise SystemExit(f"timed out waiting for {url} to hold {needle!r}")


# ---------------------------------------------------------------- the two servers

class Ours:
    name = "policy serve"

    def __init__(self, content: str):
        self.content = content
        self.process = subprocess.Popen(
            [bb.POLICY, "serve", content, "--port", "0", "--as-of", bb.AS_OF], stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, encoding="utf-8")
        self.url = None
        found = threading.Event()

        def read():
            for line in self.process.stdout:
                m = re.search(r"预览地址：(http://\S+)", line)
                if m and not self.url:
                    self.url = m.group(1)
                    found.set()
        threading.Thread(target=read, daemon=True).start()
        found.wait(600)

    def page(self, doc: dict) -> str:
        return f"{self.url}d/{urllib.parse.quote(doc['id'])}/"

    def file(self, doc: dict) -> str:
        return doc["ours"]

    def settle(self):
        get(self.url + "search/manifest.json", timeout=600)  # answers once the index is current
        time.sleep(SETTLE_SECONDS)

    def stop(self):
        self.process.terminate()
        self.process.wait(60)


class Hugo:
    name = "hugo server"

    def __init__(self, site: str):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.process = subprocess.Popen(
            ["hugo", "server", "-s", site, "--bind", "127.0.0.1", "--port", str(self.port), "--baseURL", self.url,
             "--appendPort=false"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.site = site

    def page(self, doc: dict) -> str:
        return f"{self.url}{doc['hugo_n']}/"

    def file(self, doc: dict) -> str:
        return os.path.join(self.site, "content", f"{doc['hugo_n']}.md")

    def settle(self):
        time.sleep(SETTLE_SECONDS)

    def stop(self):
        self.process.terminate()
        self.process.wait(60)


def run_server(server_cls, arg: str, docs: list[dict]) -> dict:
    started = time.monotonic()
    server = server_cls(arg)
    try:
        first = wait_for(server.page(docs[0]), None) - started
        server.settle()
        samples = []
        for i, doc in enumerate(docs):
            path = server.file(doc)
            marker = f"预览计时第{i}次修改{os.getpid()}号"
            with open(path, encoding="utf-8") as f:
                text = f.read()
            t0 = time.monotonic()
            with open(path, "w", encoding="utf-8") as f:
                f.write(text + f"\n\n{marker}。\n")
            samples.append(wait_for(server.page(doc), marker, seconds=300) - t0)
            server.settle()
        peak = peak_mib(server.process.pid)
    finally:
        server.stop()
    timed = samples[1:]  # the first edit is a warm-up
    figures = {"first_page": first, "edits": timed, "median": statistics.median(timed), "min": min(timed),
               "max": max(timed), "peak_mib": peak}
    print(f"  {server_cls.name:14} first page {first:6.2f} s  edit → page median {figures['median']:.3f} s "
          f"({figures['min']:.3f}–{figures['max']:.3f}) over {len(timed)}  peak {peak:.0f} MiB", flush=True)
    return figures


# ---------------------------------------------------------------- the same documents on both sides

def hugo_site(work: str, copies: int) -> str:
    base = os.path.join(work, "hugo-site")
    if not os.path.isfile(os.path.join(base, "config.toml")):
        corpus_dir = os.path.join(work, "hugo-corpus")
        if not os.path.isdir(corpus_dir):
            os.makedirs(corpus_dir)
            with tarfile.open(bb.CORPUS_TAR) as tar:
                tar.extractall(corpus_dir)
        shutil.rmtree(base, ignore_errors=True)
        subprocess.run([sys.executable, bb.TO_HUGO, corpus_dir, "dev", base], check=True, stdout=subprocess.DEVNULL)
    if copies == 1:
        return base
    site = os.path.join(work, f"hugo-site-x{copies}")
    if not os.path.isfile(os.path.join(site, "config.toml")):
        shutil.rmtree(site, ignore_errors=True)
        shutil.copytree(base, site)
        content = os.path.join(site, "content")
        for name in sorted(os.listdir(content)):
            stem, ext = os.path.splitext(name)
            for k in range(1, copies):
                shutil.copy(os.path.join(content, name), os.path.join(content, f"{stem}-c{k}{ext}"))
    return site


def title_of(index_md: str) -> str | None:
    with open(index_md, encoding="utf-8") as f:
        m = re.search(r"^title: *(.+)$", f.read().split("\n---", 1)[0], re.M)
    return m.group(1).strip().strip('"\'') if m else None


def same_documents(content: str, site: str, count: int) -> list[dict]:
    """`count` documents found on both sides by title (unique on each), spread over the corpus."""
    ours: dict[str, list[str]] = {}
    for kind in ("regulations", "normative", "policies"):
        folder = os.path.join(content, kind)
        for bundle in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
            if bb.COPY_FOLDER.search(bundle):
                continue
            index = os.path.join(folder, bundle, "index.md")
            if os.path.exists(index) and (title := title_of(index)):
                ours.setdefault(title, []).append(index)
    theirs: dict[str, list[str]] = {}
    with open(os.path.join(site, "manifest.tsv"), encoding="utf-8") as f:
        for line in f:
            n, _, title, _ = line.rstrip("\n").split("\t")
            theirs.setdefault(title, []).append(n)
    common = sorted(t for t in ours if len(ours[t]) == 1 and len(theirs.get(t, [])) == 1)
    if len(common) < count:
        raise SystemExit(f"only {len(common)} documents have the same title on both sides")
    step = len(common) // count
    picked = [common[i * step] for i in range(count)]
    return [{"title": t, "ours": ours[t][0], "id": os.path.basename(os.path.dirname(ours[t][0])),
             "hugo_n": theirs[t][0]} for t in picked]


# ---------------------------------------------------------------- the run

def bench_set(name: str, work: str, edits: int) -> dict:
    copies = 1 if name == "x1" else 4
    content = bb.corpus_set(work, copies)
    site = hugo_site(work, copies)
    docs = same_documents(content, hugo_site(work, 1), edits + 1)
    saved = {path: open(path, encoding="utf-8").read() for d in docs
             for path in (d["ours"], os.path.join(site, "content", f"{d['hugo_n']}.md"))}
    print(f"{name}: {content} and {site}, {len(docs)} documents", flush=True)
    load = os.getloadavg()[0]  # a shared machine's load moves every figure: reported with them
    try:
        ours = run_server(Ours, content, docs)
        for path, text in saved.items():
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
        theirs = run_server(Hugo, site, docs)
    finally:
        for path, text in saved.items():
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
    figures = {"ours": ours, "hugo": theirs, "documents": [d["title"] for d in docs[1:]], "load": load}
    if name == "x1":
        out = os.path.join(work, "site-x1-serve-bench")
        figures["full_build"] = bb.measure("x1 full build", 1, lambda: bb.remove_output(out),
                                           [bb.POLICY, "build", content, "--out", out, "--as-of", bb.AS_OF],
                                           warmup=0, settled=True)
    return figures


def section(results: dict, edits: int) -> str:
    lines = [SECTION, "",
             f"Generated by `make bench` (bench/serve_bench.py) on {dt.date.today()}: {os.cpu_count()} cores. Each "
             "server on its own, started on the corpus as each tool's converter makes it (ours: "
             "../shared/corpus/convert.py, x4 with 4 copies of every document; Hugo's: "
             "../shared/bench/hugo-pagefind/to_hugo.py, x4 with 4 copies of every content file), `hugo server` "
             "with its defaults (rendering to memory, fast render). **Edit → page**: from writing one document's "
             "file (a sentence appended) to the first answer for that document's page holding the sentence, "
             f"polled every {POLL_SECONDS * 1000:.0f} ms; {edits} edits of {edits} different documents, the same "
             "on both sides (matched by title), after one warm-up edit; between edits each server is left to settle "
             f"(ours until its search index is current), then {SETTLE_SECONDS:.0f} s. **First page**: from starting "
             "the process to the first answer for a document's page. **Peak memory**: the server's VmHWM after the "
             "edits.", "",
             "| set | server | edit → page, median s (min–max) | first page s | peak MiB |", "|---|---|---|---|---|"]
    for name, f in results.items():
        if "skipped" in f:
            lines.append(f"| {name} | skipped: {f['skipped']} | | | |")
            continue
        for key, label in (("ours", "policy serve"), ("hugo", "hugo server")):
            s = f[key]
            lines.append(f"| {name} | {label} | {s['median']:.3f} ({s['min']:.3f}–{s['max']:.3f}) | "
                         f"{s['first_page']:.2f} | {s['peak_mib']:.0f} |")
    lines += ["", "Goals (issue 20):", ""]
    for name, f in results.items():
        if "skipped" in f:
            continue
        o, h = f["ours"]["median"], f["hugo"]["median"]
        lines.append(f"- {name}: edit → page, ours ÷ Hugo's = {o:.3f} s ÷ {h:.3f} s = **{o / h:.2f}** (goal ≤ 1)")
        if "full_build" in f:
            full = f["full_build"]["wall"]["median"]
            lines.append(f"- {name}: first page after start {f['ours']['first_page']:.2f} s against a full "
                         f"`policy build` of {full:.2f} s (goal ≤ the full build)")
        if name == "x4":
            lines.append(f"- x4: preview peak memory {f['ours']['peak_mib']:.0f} MiB (goal ≤ 1024)")
    loads = [f"{name} {f['load']:.1f}" for name, f in results.items() if "load" in f]
    if loads:
        lines += ["", "The machine's load average (1 min) when each set started: " + ", ".join(loads) + "."]
    lines += ["", "Each edit (s), ours then Hugo's, by set: " + "; ".join(
        f"{name}: " + ", ".join(f"{v:.3f}" for v in f["ours"]["edits"]) + " | "
        + ", ".join(f"{v:.3f}" for v in f["hugo"]["edits"]) for name, f in results.items() if "skipped" not in f)]
    return "\n".join(lines) + "\n"


def write_section(out: str, text: str):
    """Replaces the Preview section of `out` (or appends it), leaving the rest as it is."""
    old = open(out, encoding="utf-8").read() if os.path.exists(out) else "# Benchmarks\n"
    start = old.find(SECTION)
    if start >= 0:
        end = old.find("\n## ", start + len(SECTION))
        old = old[:start].rstrip("\n") + "\n" + (old[end:] if end >= 0 else "")
    with open(out, "w", encoding="utf-8") as f:
        f.write(old.rstrip("\n") + "\n\n" + text)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--edits", type=int, default=int(os.environ.get("EDITS", 9)))
    ap.add_argument("--sets", default=os.environ.get("SERVE_SETS", "x1,x4"))
    ap.add_argument("--work", default=os.environ.get("BENCH_WORK", "/tmp/policy-bench"))
    ap.add_argument("--out", default=os.path.join(bb.ROOT, "docs", "benchmarks.md"))
    ap.add_argument("--report-only", action="store_true", help="write the section from WORK/serve-bench.json")
    args = ap.parse_args()
    saved = os.path.join(args.work, "serve-bench.json")
    if args.report_only:
        data = json.load(open(saved))
        results, edits = data["results"], data["edits"]
    else:
        os.makedirs(args.work, exist_ok=True)
        # Sets not measured this time keep their figures from the last run (same edit count).
        results = {}
        if os.path.exists(saved):
            data = json.load(open(saved))
            if data.get("edits") == args.edits:
                results = data["results"]
        for name in args.sets.split(","):
            if not os.path.exists(bb.CONVERT):
                results[name] = {"skipped": "../shared/corpus is not present"}
            elif shutil.which("hugo") is None:
                results[name] = {"skipped": "hugo is not installed (make bench-deps)"}
            else:
                results[name] = bench_set(name, args.work, args.edits)
        edits = args.edits
        with open(saved, "w") as f:
            json.dump({"results": results, "edits": edits}, f, indent=1, ensure_ascii=False)
    text = section(results, edits)
    write_section(args.out, text)
    print(text)


if __name__ == "__main__":
    main()
