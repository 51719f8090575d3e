"""The sample content read straight from its Markdown, for ground truths independent of the index.

A record is a document or an interpretation, as the search shows them. Its text is what the
index is specified to hold (Sources/PolicySearch/SearchRecord.swift): title, 文号 (when
there is one) and the body as plain text, one per line. The body's plain text follows
cmark-gfm's, which the site uses: markup dropped (headings, emphasis, list markers, link and
image syntax — an image keeps its alt text), lines of one paragraph joined without a break,
table cells run together, blocks one a line.

Matching follows the documented semantics (Tokenizer.swift): a query's terms are ANDed, and a
term is found as an exact substring of the folded text, where a term that begins or ends with
a Latin letter or digit matches whole words there. The folding and the terms come from the
client's own tokenizer, `tokenize.js` run in Chromium (`tokens.py`; Library.read takes it):
this file holds no copy of the tokenizer, only the scan.
"""
from __future__ import annotations

import re
import unicodedata
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import yaml

KIND_BY_FOLDER = {"regulations": "regulation", "normative": "normative", "policies": "policy"}


def is_word(ch: str) -> bool:
    """A Latin letter or digit: where a term starting or ending with one must not continue a word."""
    return ch.isascii() and ch.isalnum()


def occurrences(term: str, text: str) -> int:
    n, i = 0, text.find(term)
    while i >= 0:
        end = i + len(term)
        ok = not (is_word(term[0]) and i > 0 and is_word(text[i - 1]))
        ok = ok and not (is_word(term[-1]) and end < len(text) and is_word(text[end]))
        n += ok
        i = text.find(term, i + 1)
    return n


def plain_text(markdown: str) -> str:
    """The body as cmark-gfm's plain text, for the constructs the sample content uses."""
    blocks, current, in_table = [], [], False

    def flush():
        nonlocal current
        if current:
            blocks.append("".join(current))
        current = []

    list_items: list[str] = []

    def flush_list():
        nonlocal list_items
        if list_items:
            blocks.append("\n".join(list_items))
        list_items = []

    for raw in markdown.split("\n"):
        line = raw.strip()
        if not line:
            flush()
            in_table = False
            continue
        if line.startswith("|"):
            flush()
            flush_list()
            if re.fullmatch(r"\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?", line):
                continue
            cells = [inline(c.strip()) for c in line.strip("|").split("|")]
            if in_table:
                blocks[-1] += "".join(cells)
            else:
                blocks.append("".join(cells))
                in_table = True
            continue
        m = re.match(r"^#{1,6}\s+(.*?)\s*#*$", line)
        if m:
            flush()
            flush_list()
            blocks.append(inline(m.group(1)))
            continue
        m = re.match(r"^(?:[-*+]|\d+[.)])\s+(.*)$", line)
        if m:
            flush()
            list_items.append(inline(m.group(1)))
            continue
        if list_items and not current:
            flush_list()
        current.append(inline(line))
    flush()
    flush_list()
    return "\n".join(blocks)


def inline(text: str) -> str:
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<(https?://[^>]+)>", r"\1", text)
    text = re.sub(r"<[^>]+>", "", text)
    text = strip_strong(text).replace("`", "")
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|])", r"\1", text)
    return text


def _punct(ch):
    return ch is not None and (ch in "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~" or unicodedata.category(ch).startswith("P"))


def _space(ch):
    return ch is None or ch.isspace()


def strip_strong(text: str) -> str:
    """Drops the `**` pairs CommonMark reads as strong emphasis and keeps the others — which
    happens in Chinese: `**标题。**正文` has a closing run after punctuation and before a letter,
    so it is not right-flanking and both runs stay literal text."""
    runs = [m.start() for m in re.finditer(r"(?<!\*)\*\*(?!\*)", text)]
    openers, remove = [], set()
    for pos in runs:
        prev = text[pos - 1] if pos > 0 else None
        nxt = text[pos + 2] if pos + 2 < len(text) else None
        left = not _space(nxt) and (not _punct(nxt) or _space(prev) or _punct(prev))
        right = not _space(prev) and (not _punct(prev) or _space(nxt) or _punct(nxt))
        if right and openers:
            remove |= {openers.pop(), pos}
        elif left:
            openers.append(pos)
    return "".join(ch for i, ch in enumerate(text) if not any(i in (r, r + 1) for r in remove))


def split_front_matter(text: str) -> tuple[dict, str]:
    if not text.startswith("---\n"):
        return {}, text
    fm, body = text[4:].split("\n---\n", 1)
    return yaml.safe_load(fm) or {}, body


@dataclass
class Record:
    path: str          # site path, percent-encoded like the site's links
    title: str
    number: str | None
    body: str
    kind: str
    form: str          # "document" or the interpretation form
    published: str
    document_id: str | None  # None for a standalone Q&A entry (kind "qa")
    topics: list = field(default_factory=list)
    office: str | None = None
    # Set by Library.read: the text folded by tokenize.js, and the tokenizer for queries.
    folded: str = ""
    tokens: object = None

    @property
    def text(self) -> str:
        head = self.title + "\n" + (self.number + "\n" if self.number else "")
        return head + self.body

    def matches(self, query: str) -> bool:
        ts = self.tokens.terms(query)
        return bool(ts) and all(occurrences(t, self.folded) > 0 for t in ts)

    def title_matches(self, query: str) -> bool:
        # folding is one character for one, so the title and 文号 are the folded text's start
        zone = self.folded[:len(self.title + "\n" + (self.number or ""))]
        return any(occurrences(t, zone) > 0 for t in self.tokens.terms(query))


@dataclass
class Library:
    records: list

    @classmethod
    def read(cls, content: Path, tokens) -> "Library":
        """The records of `content`; `tokens`: the client's tokenizer (tokens.BrowserTokens)."""
        site, _ = split_front_matter("---\n" + (content / "site.yml").read_text(encoding="utf-8") + "\n---\n")
        records = []
        for folder, kind in KIND_BY_FOLDER.items():
            for bundle in sorted((content / folder).iterdir()) if (content / folder).exists() else []:
                index = bundle / "index.md"
                if not index.exists():
                    continue
                fm, body = split_front_matter(index.read_text(encoding="utf-8"))
                doc_id = bundle.name
                doc_kind = fm.get("kind") if fm.get("kind") in KIND_BY_FOLDER.values() else kind
                records.append(Record(
                    path=f"d/{doc_id}/", title=str(fm["title"]), number=fm.get("number"), body=plain_text(body),
                    kind=doc_kind, form="document",
                    published=str(fm["published"]), document_id=doc_id, topics=list(fm.get("topics") or []),
                    office=fm.get("office")))
                for md in sorted(bundle.glob("*.md")):
                    if md.name == "index.md":
                        continue
                    ifm, ibody = split_front_matter(md.read_text(encoding="utf-8"))
                    records.append(Record(
                        path=f"d/{doc_id}/{urllib.parse.quote(md.stem, safe='')}/", title=str(ifm["title"]),
                        number=None, body=plain_text(ibody), kind=doc_kind,
                        form=str(ifm["form"]), published=str(ifm["published"]), document_id=doc_id,
                        topics=list(fm.get("topics") or []), office=ifm.get("office") or fm.get("office")))
        records += cls.questions(content)
        for record, folded in zip(records, tokens.fold_all([r.text for r in records])):
            record.folded = folded
            record.tokens = tokens
        return cls(records)

    @staticmethod
    def questions(content: Path) -> list:
        """Standalone Q&A entries (content/qa/): records of kind "qa" whose title is the
        question and body the answer, at qa/<id>/ (docs/search.md)."""
        folder = content / "qa"
        entries = []
        for path in sorted(folder.glob("*.md")) if folder.exists() else []:
            fm, body = split_front_matter(path.read_text(encoding="utf-8"))
            entries.append(dict(fm, id=path.stem, answer=body))
        for path in sorted(list(folder.glob("*.yml")) + list(folder.glob("*.yaml"))) if folder.exists() else []:
            entries += [e for e in yaml.safe_load(path.read_text(encoding="utf-8")) or [] if isinstance(e, dict)]
        topics = lambda e: e.get("topics") if isinstance(e.get("topics"), list) else [e["topics"]] if e.get("topics") else []
        return [Record(path=f"qa/{urllib.parse.quote(str(e['id']), safe='')}/", title=str(e["question"]), number=None,
                       body=plain_text(str(e["answer"]).strip()), kind="qa", form="document",
                       published=str(e["answered"]), document_id=None, topics=topics(e), office=e.get("office"))
                for e in entries]

    def truth(self, query: str) -> set:
        return {r.path for r in self.records if r.matches(query)}

    def documents(self) -> list:
        return [r for r in self.records if r.form == "document"]
