"""End to end: `policy check --changed-since REF`. In a git repository of the sample content
with one bundle broken before REF and another broken after it, the file-level findings are
those of the changed bundle only (committed, staged, unstaged or untracked), while the
library-wide rules (references, duplicates, cycles) still report on everything."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from gitrepo import commit_all, front_matter_insert, git, init, strip_interpretations
from policy_e2e import Content, copy_content, policy_bin


# The rules marked `.library` (docs/rules.md): never limited by --changed-since.
LIBRARY_WIDE = {"PF007", "PF008", "PF009", "PF014", "PF015", "PR001", "PR002", "PR003", "PR004", "PR005", "PN003", "PM004", "PS003"}


def run(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(policy_bin()), *args], cwd=repo, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=300)


def gated(content_root: Path):
    """Documents with an interpretation that the gate requires, normative first."""
    docs = [d for d in Content.read(content_root).docs.values() if d.interpretations and not d.meta.get("exempt")]
    docs.sort(key=lambda d: (d.folder != "normative", d.id))
    return docs


@pytest.fixture()
def repo(tmp_path, policy):
    """main: the sample content, then OLD broken (no interpretation, and a supersedes naming
    no bundle — a library-wide PR001). REF = that commit. After it: NEW loses its
    interpretation in a commit."""
    repo = init(tmp_path / "repo")
    copy_content(repo / "content")
    commit_all(repo, "sample content", "2026-01-05T10:00:00+08:00")
    old, new = gated(repo / "content")[:2]
    strip_interpretations(repo / "content" / old.bundle)
    front_matter_insert(repo / "content" / old.bundle / "index.md", "supersedes: 2099-no-such-document")
    commit_all(repo, "old breakage", "2026-01-06T10:00:00+08:00")
    git(repo, "tag", "base")
    strip_interpretations(repo / "content" / new.bundle)
    commit_all(repo, "new breakage", "2026-01-07T10:00:00+08:00")
    return repo, old, new


def findings(result: subprocess.CompletedProcess) -> set[tuple[str, str]]:
    """Errors and warnings; notices (listed on every run whatever changed) are left out."""
    report = json.loads(result.stdout)
    return {(d["code"], d["file"]) for d in report["diagnostics"] if d["severity"] != "notice"}


def test_only_the_changed_bundle_gets_file_level_rules(repo):
    repo, old, new = repo
    old_index, new_index = f"content/{old.bundle}/index.md", f"content/{new.bundle}/index.md"

    full = run(repo, "check", "content", "--format", "json")
    assert full.returncode == 1
    assert {("PI001", old_index), ("PI001", new_index), ("PR001", old_index)} <= findings(full)

    scoped = run(repo, "check", "content", "--format", "json", "--changed-since", "base")
    assert scoped.returncode == 1, scoped.stderr
    got = findings(scoped)
    assert ("PI001", new_index) in got                      # file-level, changed bundle
    assert ("PI001", old_index) not in got                  # file-level, untouched bundle
    assert ("PR001", old_index) in got                      # library-wide, untouched bundle
    stray = [(code, f) for code, f in got if code not in LIBRARY_WIDE and not f.startswith(f"content/{new.bundle}/")]
    assert not stray, stray
    assert "改动的文件夹 1 个" in scoped.stderr              # the note goes to stderr, JSON stays clean
    # Every exemption is listed on every run, changed or not.
    notices = [d for d in json.loads(scoped.stdout)["diagnostics"] if d["severity"] == "notice"]
    assert any(d["code"] == "PI007" for d in notices), notices


def test_text_and_github_formats(repo):
    repo, old, new = repo
    text = run(repo, "check", "content", "--changed-since", "base")
    assert text.returncode == 1
    assert f"content/{new.bundle}/index.md:" in text.stdout and "[PI001 interpretation-required]" in text.stdout
    assert f"content/{old.bundle}/index.md:1:1: 错误 [PI001" not in text.stdout
    github = run(repo, "check", "content", "--format", "github", "--changed-since", "base")
    assert github.returncode == 1
    assert f"::error file=content/{new.bundle}/index.md,line=" in github.stdout
    assert ",title=PI001 interpretation-required::" in github.stdout


def test_uncommitted_and_untracked_changes_count(repo):
    repo, old, new = repo
    # Nothing changed since HEAD: only library-wide findings remain.
    clean = run(repo, "check", "content", "--format", "json", "--changed-since", "HEAD")
    assert {code for code, _ in findings(clean)} == {"PR001"}
    assert clean.returncode == 1  # PR001 is an error, and it is library-wide
    # An unstaged edit and an untracked bundle are changes too.
    third = gated(repo / "content")[2]
    strip_interpretations(repo / "content" / third.bundle)
    shutil.copytree(repo / "content" / new.bundle, repo / "content" / "normative" / "2099-untracked-draft")
    got = findings(run(repo, "check", "content", "--format", "json", "--changed-since", "HEAD"))
    assert ("PI001", f"content/{third.bundle}/index.md") in got
    assert any(code == "PI001" and f.startswith("content/normative/2099-untracked-draft/") for code, f in got)
    assert ("PI001", f"content/{new.bundle}/index.md") not in got


def test_a_settings_change_checks_everything(repo):
    repo, old, new = repo
    site = repo / "content" / "site.yml"
    site.write_text(site.read_text(encoding="utf-8") + "\n# 改动\n", encoding="utf-8")
    got = findings(run(repo, "check", "content", "--format", "json", "--changed-since", "HEAD"))
    assert ("PI001", f"content/{old.bundle}/index.md") in got


def test_bad_revision_and_no_repository(repo, tmp_path):
    repo, _, _ = repo
    bad = run(repo, "check", "content", "--changed-since", "no-such-branch")
    assert bad.returncode == 64 and "找不到提交“no-such-branch”" in bad.stderr
    dash = run(repo, "check", "content", "--changed-since=--output=x")
    assert dash.returncode == 64
    plain = tmp_path / "plain"
    copy_content(plain / "content")
    outside = run(plain, "check", "content", "--changed-since", "HEAD")
    assert outside.returncode == 64 and "git 仓库" in outside.stderr
