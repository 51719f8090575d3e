#!/usr/bin/env python3
"""Writes the hostile seeds of issue 16 into fuzz/seeds/ (and the known crash into
fuzz/regressions/). Run again after editing; the files are committed, so `make fuzz`
needs no Python. Input format (see fuzz/FuzzBuild.swift): index.md, then optionally
`\\n@@@@\\n` and 解读.md, then `\\n@@@@\\n` and calendar.yml."""
from pathlib import Path

SEP = "\n@@@@\n"
HERE = Path(__file__).parent

def doc(front: str = "", body: str = "正文。\n", title: str = "示例省模糊测试管理办法") -> str:
    return (f"---\ntitle: {title}\nkind: normative\nnumber: 示市监规〔2024〕3号\noffice: 法规处\n"
            f"signed: 2024-02-26\npublished: 2024-03-01\neffective: 2024-04-01\nexpires: 2029-03-31\n"
            f"{front}---\n\n{body}")

INTERPRETATION = ("---\ntitle: 《示例省模糊测试管理办法》政策解读\nform: {form}\npublished: {published}\n{extra}---\n\n"
                  "## 一、背景依据\n\n依据有关规定。\n\n## 二、主要内容\n\n主要措施。\n\n## 三、关键词\n\n名词解释。\n")

def interp(form="text", published="2024-03-01", extra=""):
    return INTERPRETATION.format(form=form, published=published, extra=extra)

seeds = {
    "valid.md": doc(),
    "number-list.md": doc().replace("number: 示市监规〔2024〕3号", "number: [示市监规〔2024〕3号]"),
    "media-string.md": doc() + SEP + interp(form="video", extra="media: x.mp4\n"),
    "long-title.md": doc(title="示例省" + "很长的标题" * 4000 + "办法"),
    "alias-string-bomb.md": doc(front="x0: &s " + "长" * 600 + "\nkeywords: [" + ", ".join(["*s"] * 200) + "]\n"),
    "nul-bytes.md": doc(body="正文\0中间有\0空字节。\n"),
    "calendar-lists.md": doc() + SEP + interp() + SEP
        + "holidays:\n  - [2024-01-01, 2024-01-02]\n  - {from: 2024-02-10}\nworkdays: [[2024-02-04]]\n",
    # One erased byte away from the known `www.` crash below (`x` keeps cmark from seeing an
    # autolink): the fuzzer finds the crash from here (15,000 executions in one trial).
    "www-one-byte-away.md": doc(body="详情请登录门户网站\nxwww.samr.gov.cn 查询。\n"),
    "calendar-garbage.md": doc() + SEP + interp() + SEP + "holidays: 2024-13-45..2024-01-01\nworkdays: x\n",
}
for name, text in seeds.items():
    (HERE / "seeds" / name).write_text(text, encoding="utf-8")
# UTF-16 text (little-endian with a BOM), as an editor on Windows may save it.
(HERE / "seeds" / "utf16.md").write_bytes(doc().encode("utf-16"))

# Known crashes: inputs that crash on this branch because of open bugs owned elsewhere.
# Issue 16 case 3: a required field as a list or map passes the check, then the document
# vanishes from the site (the target's "document/interpretation is in the library" property).
known = {
    "title-list.md": doc().replace("title: 示例省模糊测试管理办法", "title: [甲, 乙]"),
    "signed-map.md": doc().replace("signed: 2024-02-26", "signed: {a: b}"),
    "published-list.md": doc().replace("published: 2024-03-01", "published: [2024-03-01, 2024-03-02]"),
    # ... and an interpretation whose form or published is a list is dropped.
    "interpretation-form-list.md": doc() + SEP + interp(form="[text, video]"),
    "interpretation-published-list.md": doc() + SEP + interp(published="[2024-03-01]"),
}
for name, text in known.items():
    (HERE / "regressions" / name).write_text(text, encoding="utf-8")

# Once a crash (issue 16 case 2, fixed): a line that starts with `www.`.
(HERE / "regressions" / "www-autolink-line-start.md").write_text(
    doc(body="详情请登录门户网站\nwww.samr.gov.cn 查询。\n"), encoding="utf-8")
