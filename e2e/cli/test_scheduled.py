"""Scheduled publication and 公开方式 end to end: a document dated after --as-of, and one
that is 依申请公开, are absent from every file of the built site (pages, lists, home, feeds,
sitemap, open data, search index) — grepped byte for byte for their id and title — and
`check` lists them as notices that do not fail the gate. Built again with --as-of on the
scheduled day, the scheduled document is there."""

from __future__ import annotations

import json
from pathlib import Path

from policy_e2e import copy_content, run_policy

SCHEDULED_ID = "2026-scheduled-measures"
SCHEDULED_TITLE = "示例省定时发布测试办法"
WITHHELD_ID = "2026-on-request-rules"
WITHHELD_TITLE = "示例省依申请公开测试规定"


def bundle(title: str, number: str, published: str, extra: str = "") -> tuple[str, str]:
    index = f"""---
title: {title}
number: {number}
office: 法规处
signed: 2026-11-20
published: {published}
expires: 2031-11-01
{extra}---

第一条 为规范相关工作，制定本办法。
"""
    interpretation = f"""---
title: 《{title}》政策解读
form: text
published: {published}
---

## 一、背景和依据

为落实有关要求，起草了本办法。

## 二、主要内容

办法明确了各方责任和办理程序。

## 三、关键词解释

办理程序：申请、受理、审查和决定。
"""
    return index, interpretation


def write_bundle(content: Path, id: str, files: tuple[str, str]) -> None:
    folder = content / "normative" / id
    folder.mkdir(parents=True)
    (folder / "index.md").write_text(files[0], encoding="utf-8")
    (folder / "解读.md").write_text(files[1], encoding="utf-8")


def occurrences(site: Path, needles: list[str]) -> list[str]:
    """Files of the site (relative paths) whose bytes contain any needle."""
    encoded = [n.encode() for n in needles]
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*")
                  if p.is_file() and any(n in p.read_bytes() for n in encoded))


def test_scheduled_and_withheld_documents_stay_off_the_site(tmp_path):
    content = copy_content(tmp_path / "content")
    write_bundle(content, SCHEDULED_ID, bundle(SCHEDULED_TITLE, "示市监规〔2026〕31号", "2026-12-07"))
    write_bundle(content, WITHHELD_ID,
                 bundle(WITHHELD_TITLE, "示市监规〔2026〕32号", "2026-11-25", extra="disclosure: 依申请公开\n"))

    # check lists both as notices; they do not fail the gate, not even with --strict.
    checked = run_policy("check", content, "--as-of", "2026-11-29", "--format", "json", "--strict")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    report = json.loads(checked.stdout)
    codes = {(d["code"], d["severity"], d["file"].split("/")[-2]) for d in report["diagnostics"]}
    assert ("PS001", "notice", SCHEDULED_ID) in codes
    assert ("PS002", "notice", WITHHELD_ID) in codes
    assert report["notices"] >= 2
    github = run_policy("check", content, "--as-of", "2026-11-29", "--format", "github")
    assert any(line.startswith("::notice file=") and "PS001" in line for line in github.stdout.splitlines())

    site = tmp_path / "site"
    before = run_policy("build", content, "--out", site, "--as-of", "2026-11-29")
    assert before.returncode == 0, before.stderr
    assert occurrences(site, [SCHEDULED_ID, SCHEDULED_TITLE]) == []
    assert occurrences(site, [WITHHELD_ID, WITHHELD_TITLE]) == []
    assert (site / "index.html").is_file()

    after = run_policy("build", content, "--out", site, "--as-of", "2026-12-07")
    assert after.returncode == 0, after.stderr
    present = occurrences(site, [SCHEDULED_ID])
    for expected in [f"d/{SCHEDULED_ID}/index.html", f"d/{SCHEDULED_ID}/解读/index.html", "index.html",
                     "normative/index.html", "feed.xml", "sitemap.xml"]:
        assert expected in present, (expected, present)
    assert occurrences(site, [WITHHELD_ID, WITHHELD_TITLE]) == [], "依申请公开 stays off the site on any day"


def test_public_page_linking_to_withheld_document_is_refused(tmp_path):
    content = copy_content(tmp_path / "content")
    write_bundle(content, WITHHELD_ID,
                 bundle(WITHHELD_TITLE, "示市监规〔2026〕32号", "2026-11-25", extra="disclosure: 不予公开\n"))
    public = bundle(SCHEDULED_TITLE, "示市监规〔2026〕31号", "2026-11-25")
    write_bundle(content, SCHEDULED_ID, (public[0] + f"\n参见[规定](/d/{WITHHELD_ID}/)。\n", public[1]))
    site = tmp_path / "site"
    built = run_policy("build", content, "--out", site, "--as-of", "2026-11-29")
    assert built.returncode == 1
    assert "PS003" in built.stderr
    assert not site.exists()
