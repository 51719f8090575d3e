"""Helpers for the end-to-end tests: run the real `policy` binary, read the content folder
independently of the Swift code, and compute validity statuses from the facts it states.

The content is read here, never through the Swift code. The status rules themselves
(docs/content-format.md, "Validity status") are not copied: the facts gathered from the
Markdown go to `status.js`, the browser's port of them (e2e/status_js.py), which the shared
vectors (Tests/Vectors/status.json) hold to Status.swift.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
CONTENT = REPO / "content"
KIND_FOLDERS = {"regulations": "regulation", "normative": "normative", "policies": "policy"}


def policy_bin() -> Path:
    """The binary under test: $POLICY_BIN (relative to the repo root), default .build/release/policy."""
    path = Path(os.environ.get("POLICY_BIN", ".build/release/policy"))
    return path if path.is_absolute() else REPO / path


def run_policy(*args: str | os.PathLike, cwd: Path | None = None, timeout: int = 300) -> subprocess.CompletedProcess:
    # No standard input: a terminal would make `policy new` ask questions.
    return subprocess.run([str(policy_bin()), *map(str, args)], cwd=cwd, capture_output=True,
                          stdin=subprocess.DEVNULL, text=True, timeout=timeout)


# ---------------------------------------------------------------------------------------
# YAML without implicit timestamps: dates stay the strings the author typed, so no date is
# ever shifted by a time zone; we turn them into datetime.date ourselves.


class _StringDateLoader(yaml.SafeLoader):
    pass


_StringDateLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(text: str):
    return yaml.load(text, Loader=_StringDateLoader)


def parse_date(value) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):  # never produced by our loader; kept for safety
        return value
    text = str(value).strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise ValueError(f"not a YYYY-MM-DD date: {value!r}")
    return dt.date.fromisoformat(text)


def front_matter(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    match = re.match(r"\A---\r?\n(.*?)\r?\n---\r?\n?(.*)\Z", text, re.S)
    if not match:
        return {}, text
    return load_yaml(match.group(1)) or {}, match.group(2)


def as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


# ---------------------------------------------------------------------------------------
# The content folder, read directly.


@dataclass
class Doc:
    id: str
    folder: str  # regulations | normative | policies
    meta: dict
    interpretations: list[str] = field(default_factory=list)  # file stems, sorted

    @property
    def bundle(self) -> str:
        return f"{self.folder}/{self.id}"

    @property
    def published(self) -> dt.date:
        return parse_date(self.meta["published"])

    @property
    def effective(self) -> dt.date:
        return parse_date(self.meta.get("effective")) or self.published

    @property
    def expires(self) -> dt.date | None:
        return parse_date(self.meta.get("expires"))

    @property
    def supersedes(self) -> list[str]:
        return [str(x) for x in as_list(self.meta.get("supersedes"))]


@dataclass
class Cleanup:
    id: str
    meta: dict

    @property
    def effective(self) -> dt.date:
        return parse_date(self.meta.get("effective")) or parse_date(self.meta["published"])

    @property
    def results(self) -> list[dict]:
        return as_list(self.meta.get("results"))


@dataclass
class Content:
    root: Path
    site: dict
    docs: dict[str, Doc]
    cleanups: list[Cleanup]

    @classmethod
    def read(cls, root: Path = CONTENT) -> "Content":
        site = load_yaml((root / "site.yml").read_text(encoding="utf-8")) or {}
        docs: dict[str, Doc] = {}
        for folder in KIND_FOLDERS:
            base = root / folder
            if not base.is_dir():
                continue
            for bundle in sorted(p for p in base.iterdir() if p.is_dir() and not p.name.startswith(".")):
                meta, _ = front_matter(bundle / "index.md")
                stems = sorted(p.stem for p in bundle.glob("*.md") if p.name != "index.md")
                docs[bundle.name] = Doc(bundle.name, folder, meta, stems)
        cleanups = []
        if (root / "cleanup").is_dir():
            for path in sorted((root / "cleanup").glob("*.md")):
                meta, _ = front_matter(path)
                cleanups.append(Cleanup(path.stem, meta))
        return cls(root, site, docs, cleanups)

    @property
    def base_url(self) -> str:
        url = str(self.site.get("base_url", "https://www.example.gov.cn/"))
        return url if url.endswith("/") else url + "/"


# ---------------------------------------------------------------------------------------
# Statuses: the facts from the Markdown, the rules from status.js.

STATUS_TEXT = {
    "repealed": "已废止",
    "expired": "已失效",
    "superseded": "已修改",
    "not-yet-in-force": "尚未生效",
    "in-force": "现行有效",
}


ENDING_OUTCOMES = {"废止": "repealed", "宣布失效": "declared-invalid"}


def status_facts(content: Content, doc: Doc) -> dict:
    """A document's facts as status.js reads them (data-status-facts): its dates, its own
    repeal, the cleanup results that end it, the documents that supersede it."""
    iso = dt.date.isoformat
    facts: dict = {"effective": iso(doc.effective)}
    if doc.expires is not None:
        facts["expires"] = iso(doc.expires)
    repealed = doc.meta.get("repealed")
    if isinstance(repealed, dict) and repealed.get("date"):
        facts["repealed"] = {"date": iso(parse_date(repealed["date"]))}
    facts["endings"] = [
        {"effective": iso(batch.effective), "outcome": ENDING_OUTCOMES[str(result.get("result"))]}
        for batch in sorted(content.cleanups, key=lambda b: b.effective)
        for result in batch.results
        if str(result.get("document")) == doc.id and str(result.get("result")) in ENDING_OUTCOMES
    ]
    facts["successors"] = [
        {"published": iso(other.published), "effective": iso(other.effective)}
        for other in content.docs.values() if doc.id in other.supersedes
    ]
    return facts


_statuses: dict[tuple[int, dt.date], dict[str, str]] = {}


def expected_status(content: Content, doc: Doc, as_of: dt.date) -> str:
    """The status of `doc` on `as_of`, by status.js (every document's at once, kept)."""
    key = (id(content), as_of)
    if key not in _statuses:
        sys.path.insert(0, str(REPO / "e2e"))
        from status_js import statuses

        _statuses[key] = statuses({d.id: status_facts(content, d) for d in content.docs.values()}, as_of)
    return _statuses[key][doc.id]


# ---------------------------------------------------------------------------------------
# Files.


def tree_digest(root: Path) -> dict[str, str]:
    """Every file under `root` (relative path → sha256), plus every directory (→ "dir")."""
    digest: dict[str, str] = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_symlink():
            digest[rel] = "link:" + os.readlink(path)
        elif path.is_dir():
            digest[rel] = "dir"
        else:
            digest[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return digest


def copy_content(target: Path) -> Path:
    shutil.copytree(CONTENT, target)
    return target
