"""End to end: the publishing gate. A bundle without its interpretation makes `check` and
`build` exit 1 naming the bundle and the rule, leaves an existing site byte-for-byte as it
was, shows up in every output format, and is stopped by the example pre-commit hook."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from policy_e2e import REPO, Content, copy_content, parse_date, run_policy, tree_digest


def gated_bundles(content: Content):
    """Documents that must carry an interpretation and do: post-`required_since`, not
    exempt, of a kind in `required_for`, with at least one interpretation file."""
    interpretation = content.site.get("interpretation") or {}
    since = parse_date(interpretation.get("required_since"))
    kinds = set(interpretation.get("required_for") or ["regulation", "normative", "policy"])
    folder_kind = {"regulations": "regulation", "normative": "normative", "policies": "policy"}
    return [
        doc for doc in content.docs.values()
        if doc.interpretations and not doc.meta.get("exempt") and folder_kind[doc.folder] in kinds
        and (since is None or doc.published >= since)
    ]


def strip_interpretations(content_root: Path, bundle: str) -> None:
    for path in (content_root / bundle).glob("*.md"):
        if path.name != "index.md":
            path.unlink()


@pytest.fixture(scope="module")
def victims():
    docs = gated_bundles(Content.read())
    assert len(docs) >= 2, "the sample content needs two documents that require an interpretation"
    # Prefer a normative document, the common case; then one of another kind.
    docs.sort(key=lambda d: (d.folder != "normative", d.id))
    first = docs[0]
    second = next(d for d in docs if d.folder != first.folder)
    return first, second


@pytest.fixture()
def broken(tmp_path, victims, policy) -> tuple[Path, str]:
    """A copy of content/ whose first victim lost its interpretation files: (workdir, bundle)."""
    copy_content(tmp_path / "content")
    strip_interpretations(tmp_path / "content", victims[0].bundle)
    return tmp_path, victims[0].bundle


def test_sample_content_passes_the_gate(policy):
    result = run_policy("check", "content", cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr


def test_strict_fails_exactly_when_there_are_warnings(policy):
    report = json.loads(run_policy("check", "content", "--format", "json", cwd=REPO).stdout)
    strict = run_policy("check", "content", "--strict", cwd=REPO)
    assert strict.returncode == (1 if report["warnings"] > 0 else 0), strict.stdout


def test_check_fails_naming_the_bundle_and_rule(broken):
    workdir, bundle = broken
    result = run_policy("check", "content", cwd=workdir)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "PI001" in output
    assert f"content/{bundle}" in output
    # Compiler-style location: file:line:column: severity [code name] message
    assert re.search(rf"^content/{re.escape(bundle)}/index\.md:\d+:\d+: 错误 \[PI001 ", output, re.M), output


def test_check_reports_every_problem_in_one_run(tmp_path, victims, policy):
    copy_content(tmp_path / "content")
    for doc in victims:
        strip_interpretations(tmp_path / "content", doc.bundle)
    result = run_policy("check", "content", "--format", "json", cwd=tmp_path)
    assert result.returncode == 1
    files = {d["file"] for d in json.loads(result.stdout)["diagnostics"] if d["code"] == "PI001"}
    assert files == {f"content/{doc.bundle}/index.md" for doc in victims}


def test_build_refuses_and_leaves_the_existing_site_unchanged(broken):
    workdir, bundle = broken
    shutil.copytree(REPO / "content", workdir / "good")
    first = run_policy("build", "good", "--out", "site", "--as-of", "2026-11-29", cwd=workdir)
    assert first.returncode == 0, first.stdout + first.stderr
    before = tree_digest(workdir / "site")
    assert "index.html" in before
    entries_before = sorted(p.name for p in workdir.iterdir())

    result = run_policy("build", "content", "--out", "site", "--as-of", "2026-11-29", cwd=workdir)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "PI001" in output and f"content/{bundle}" in output, output
    assert tree_digest(workdir / "site") == before, "a refused build changed site/"
    assert sorted(p.name for p in workdir.iterdir()) == entries_before, "a refused build left files beside site/"


def test_build_refuses_without_creating_a_missing_site(broken):
    workdir, _ = broken
    result = run_policy("build", "content", "--out", "fresh-site", cwd=workdir)
    assert result.returncode == 1
    assert not (workdir / "fresh-site").exists()


def test_github_format_emits_workflow_annotations(broken):
    workdir, bundle = broken
    result = run_policy("check", "content", "--format", "github", cwd=workdir)
    assert result.returncode == 1
    lines = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert lines, result.stdout
    for line in lines:
        assert re.match(r"^::(error|warning|notice) file=[^,]+,line=\d+(,col=\d+)?(,title=[^:]*)?::.+", line), line
    assert any(line.startswith(f"::error file=content/{bundle}/index.md,line=") and "PI001" in line
               for line in lines), lines


def test_json_format_parses(broken, policy):
    workdir, bundle = broken
    result = run_policy("check", "content", "--format", "json", cwd=workdir)
    assert result.returncode == 1
    report = json.loads(result.stdout)  # stdout is JSON and nothing else
    assert report["errors"] >= 1
    hits = [d for d in report["diagnostics"] if d["code"] == "PI001"]
    assert hits and hits[0]["severity"] == "error"
    assert hits[0]["file"] == f"content/{bundle}/index.md"
    assert isinstance(hits[0]["line"], int) and hits[0]["message"] and hits[0]["fix"]

    clean = run_policy("check", "content", "--format", "json", cwd=REPO)
    assert clean.returncode == 0
    assert json.loads(clean.stdout)["errors"] == 0


def test_new_scaffolds_a_bundle_that_passes_the_gate(tmp_path, policy):
    content = copy_content(tmp_path / "content")
    result = run_policy("new", "normative", "2026-test-doc", "--content", content)
    assert result.returncode == 0, result.stdout + result.stderr
    bundle = content / "normative" / "2026-test-doc"
    assert (bundle / "index.md").is_file() and (bundle / "解读.md").is_file()
    check = run_policy("check", "content", "--format", "json", cwd=tmp_path)
    report = json.loads(check.stdout)
    errors = [d for d in report["diagnostics"] if d["severity"] == "error"]
    assert check.returncode == 0 and not errors, errors

    again = run_policy("new", "normative", "2026-test-doc", "--content", content)
    assert again.returncode != 0, "policy new overwrote an existing bundle"
    bad = run_policy("new", "normative", "Bad_ID", "--content", content)
    assert bad.returncode != 0 and not (content / "normative" / "Bad_ID").exists()


# ---------------------------------------------------------------------------------------
# The example pre-commit hook


def git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, "GIT_AUTHOR_NAME": "e2e", "GIT_AUTHOR_EMAIL": "e2e@example.invalid",
           "GIT_COMMITTER_NAME": "e2e", "GIT_COMMITTER_EMAIL": "e2e@example.invalid"}
    result = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, env=env, timeout=300)
    if check:
        assert result.returncode == 0, f"git {' '.join(args)}:\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture()
def hooked_repo(tmp_path, policy, monkeypatch):
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    git(repo, "config", "core.hooksPath", ".git/hooks")
    git(repo, "config", "commit.gpgsign", "false")
    hook = repo / ".git" / "hooks" / "pre-commit"
    hook.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "examples" / "pre-commit", hook)
    hook.chmod(0o755)
    monkeypatch.setenv("POLICY_BIN", str(policy))
    copy_content(repo / "content")
    return repo


def test_pre_commit_hook_blocks_a_bundle_without_interpretation(hooked_repo, victims):
    repo = hooked_repo
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "sample content")  # valid content: the hook lets it through
    head = git(repo, "rev-parse", "HEAD").stdout

    strip_interpretations(repo / "content", victims[0].bundle)
    git(repo, "add", "-A")
    blocked = git(repo, "commit", "-q", "-m", "drop an interpretation", check=False)
    assert blocked.returncode != 0, "the hook let a bundle without interpretation through"
    assert "PI001" in blocked.stdout + blocked.stderr
    assert git(repo, "rev-parse", "HEAD").stdout == head


def test_pre_commit_hook_checks_the_staged_files_not_the_working_tree(hooked_repo, victims):
    repo = hooked_repo
    strip_interpretations(repo / "content", victims[0].bundle)
    git(repo, "add", "-A")
    # Restore the files in the working tree only: the index still lacks them.
    shutil.rmtree(repo / "content")
    copy_content(repo / "content")
    blocked = git(repo, "commit", "-q", "-m", "staged without interpretation", check=False)
    assert blocked.returncode != 0
    assert "PI001" in blocked.stdout + blocked.stderr
