"""Fixtures for the end-to-end tests of the real `policy` binary.

The binary is $POLICY_BIN (default .build/release/policy, relative to the repository root);
`make test` builds it first. The sample library is built once per session at a fixed as-of
date, so the expected statuses never depend on the day the tests run.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path

import html5lib
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from policy_e2e import Content, policy_bin, run_policy  # noqa: E402

AS_OF = dt.date(2026, 11, 29)


@dataclass
class Page:
    path: str  # relative to the site root, e.g. "d/x/index.html"
    root: object  # ElementTree element of <html>
    errors: list  # html5lib parse errors

    def iter(self, tag: str):
        return self.root.iter(tag)

    def text(self, element=None) -> str:
        return "".join((element if element is not None else self.root).itertext()).strip()

    def find_class(self, cls: str, tag: str | None = None, within=None):
        """Elements (in document order) whose class list contains `cls`."""
        scope = within if within is not None else self.root
        return [e for e in scope.iter(tag or "*") if cls in (e.get("class") or "").split()]

    @property
    def main(self):
        return next(self.root.iter("main"), self.root)


@pytest.fixture(scope="session")
def policy():
    path = policy_bin()
    if not path.is_file():
        pytest.fail(f"policy binary not found at {path}: run `make build` or set POLICY_BIN", pytrace=False)
    return path


@pytest.fixture(scope="session")
def content() -> Content:
    return Content.read()


@pytest.fixture(scope="session")
def as_of() -> dt.date:
    return AS_OF


@pytest.fixture(scope="session")
def site(policy, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("e2e-site") / "site"
    result = run_policy("build", "content", "--out", out, "--as-of", AS_OF.isoformat(), cwd=Path(__file__).resolve().parents[2])
    assert result.returncode == 0, f"policy build failed:\n{result.stdout}\n{result.stderr}"
    return out


@pytest.fixture(scope="session")
def pages(site) -> dict[str, Page]:
    """Every HTML page of the built site, parsed with html5lib (the HTML5 parsing algorithm)."""
    parsed: dict[str, Page] = {}
    for path in sorted(site.rglob("*.html")):
        parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"), namespaceHTMLElements=False)
        root = parser.parse(path.read_bytes(), transport_encoding="utf-8")
        parsed[path.relative_to(site).as_posix()] = Page(path.relative_to(site).as_posix(), root, list(parser.errors))
    assert parsed, "the site has no HTML pages"
    return parsed
