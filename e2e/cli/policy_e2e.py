"""Helpers for the end-to-end tests: run the real `policy` binary, read the content folder
independently of the Swift code, and compute validity statuses with a small port of the
spec's status table (docs/content-format.md, "Validity status").

Nothing here imports the Swift implementation's ideas beyond the published contract, so a
bug in the Swift model shows up as a disagreement.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
import subprocess
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
# The status table: first match wins.

STATUS_TEXT = {
    "repealed": "已废止",
    "expired": "已失效",
    "superseded": "已修改",
    "not-yet-in-force": "尚未生效",
    "in-force": "现行有效",
}


def expected_status(content: Content, doc: Doc, as_of: dt.date) -> str:
    repealed = doc.meta.get("repealed")
    if isinstance(repealed, dict) and parse_date(repealed.get("date")) <= as_of:
        return "repealed"
    in_effect = [
        str(result.get("result"))
        for batch in content.cleanups if batch.effective <= as_of
        for result in batch.results if str(result.get("document")) == doc.id
    ]
    if "废止" in in_effect:
        return "repealed"
    if doc.expires is not None and doc.expires < as_of:
        return "expired"
    if "宣布失效" in in_effect:
        return "expired"
    if any(doc.id in other.supersedes and other.effective <= as_of for other in content.docs.values()):
        return "superseded"
    if as_of < doc.effective:
        return "not-yet-in-force"
    return "in-force"


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
