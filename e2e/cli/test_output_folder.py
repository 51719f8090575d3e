"""End to end: `policy build --out` replaces the whole folder, so it writes only into a folder
that does not exist, is empty, or holds a site this tool built (marked by `.policy-site`).
Everything else — the repository root, the content folder, a folder of somebody's files, a
file, the home folder — is refused with exit 64 and a Chinese message, and nothing is
deleted or written, beside it either."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from gitrepo import commit_all, init
from policy_e2e import copy_content, policy_bin, tree_digest

AS_OF = "2026-11-29"


def build(cwd: Path, out: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(policy_bin()), "build", "content", "--out", out, "--as-of", AS_OF], cwd=cwd,
                          capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=300,
                          env={**os.environ, **(env or {})})


@pytest.fixture()
def repo(tmp_path, policy) -> Path:
    """A git repository holding content/, a README and a folder of notes."""
    root = init(tmp_path / "repo")
    copy_content(root / "content")
    (root / "README.md").write_text("说明\n", encoding="utf-8")
    (root / "mydocs").mkdir()
    (root / "mydocs" / "notes.txt").write_text("别删我\n", encoding="utf-8")
    (root / "file.txt").write_text("别删我\n", encoding="utf-8")
    commit_all(root, "content")
    return root


def assert_refused(result: subprocess.CompletedProcess, reason: str):
    assert result.returncode == 64, result.stdout + result.stderr
    assert "不能把网站生成到" in result.stderr and reason in result.stderr, result.stderr
    assert "--out" in result.stderr
    assert "已生成" not in result.stdout


@pytest.mark.parametrize("out, reason", [
    (".", "git 仓库的根目录"),
    ("content", "内容目录本身"),
    ("content/site", "内容目录之内"),
    ("mydocs", ".policy-site"),
    ("file.txt", "是一个文件"),
    ("..", "包含"),
])
def test_a_folder_that_is_not_ours_is_refused_and_nothing_is_lost(repo, out, reason):
    before = tree_digest(repo.parent)
    assert_refused(build(repo, out), reason)
    assert tree_digest(repo.parent) == before


def test_the_home_folder_is_refused(tmp_path, policy):
    home = tmp_path / "home"
    copy_content(home / "content")
    (home / ".bashrc").write_text("# mine\n", encoding="utf-8")
    before = tree_digest(tmp_path)
    # Outside any repository and holding the content: the home folder is named as such.
    assert_refused(build(home, str(home), env={"HOME": str(home)}), "用户主目录")
    assert tree_digest(tmp_path) == before


def test_new_empty_and_own_folders_are_built_and_rebuilt(repo):
    assert build(repo, "site").returncode == 0
    marker = repo / "site" / ".policy-site"
    assert marker.is_file() and "policy build" in marker.read_text(encoding="utf-8")
    # Its own site, again with another as-of date: replaced.
    again = subprocess.run([str(policy_bin()), "build", "content", "--out", "site", "--as-of", "2026-12-01"],
                           cwd=repo, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    (repo / "empty").mkdir()
    assert build(repo, "empty").returncode == 0
    assert (repo / "empty" / "index.html").is_file()


def test_a_site_built_before_the_marker_is_still_replaced(repo):
    assert build(repo, "site").returncode == 0
    (repo / "site" / ".policy-site").unlink()  # as an earlier version left it, ledger beside it
    assert (repo / ".site.files").is_file()
    # Another as-of date, so that the build is not skipped as unchanged.
    again = subprocess.run([str(policy_bin()), "build", "content", "--out", "site", "--as-of", "2026-12-01"],
                           cwd=repo, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert (repo / "site" / ".policy-site").is_file()


def test_a_stale_ledger_does_not_vouch_for_a_new_folder_of_other_files(repo):
    assert build(repo, "site").returncode == 0
    shutil.rmtree(repo / "site")
    (repo / "site").mkdir()
    (repo / "site" / "thesis.txt").write_text("precious", encoding="utf-8")
    assert (repo / ".site.files").is_file()  # left beside it by the first build
    result = subprocess.run([str(policy_bin()), "build", "content", "--out", "site", "--as-of", "2026-12-01"],
                            cwd=repo, capture_output=True, text=True, timeout=300)
    assert result.returncode == 64, result.stderr
    assert (repo / "site" / "thesis.txt").read_text(encoding="utf-8") == "precious"


def test_an_emptied_site_folder_is_built_again_not_reported_up_to_date(repo):
    assert build(repo, "site").returncode == 0
    shutil.rmtree(repo / "site")
    (repo / "site").mkdir()
    again = build(repo, "site")  # same inputs as the first build
    assert again.returncode == 0, again.stderr
    assert (repo / "site" / "index.html").is_file()
    assert "已是最新" not in again.stdout


def test_a_site_folder_under_git_is_refused(repo):
    assert build(repo, "site").returncode == 0
    subprocess.run(["git", "init", "-q"], cwd=repo / "site", check=True)
    result = subprocess.run([str(policy_bin()), "build", "content", "--out", "site", "--as-of", "2026-12-01"],
                            cwd=repo, capture_output=True, text=True, timeout=300)
    assert result.returncode == 64, result.stderr
    assert "git" in result.stderr
    assert (repo / "site" / ".git").is_dir()
