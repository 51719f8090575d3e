"""A throwaway git repository for the end-to-end tests: commits with fixed dates and a
fixed author, so that history and `--changed-since` results never depend on the machine."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

IDENTITY = {
    "GIT_AUTHOR_NAME": "e2e", "GIT_AUTHOR_EMAIL": "e2e@example.invalid",
    "GIT_COMMITTER_NAME": "e2e", "GIT_COMMITTER_EMAIL": "e2e@example.invalid",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(repo: Path, *args: str, date: str | None = None, check: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, **IDENTITY}
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = date
    result = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, env=env,
                            stdin=subprocess.DEVNULL, timeout=120)
    if check:
        assert result.returncode == 0, f"git {' '.join(args)}:\n{result.stdout}\n{result.stderr}"
    return result


def init(repo: Path) -> Path:
    repo.mkdir(parents=True, exist_ok=True)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "commit.gpgsign", "false")
    return repo


def commit_all(repo: Path, message: str, date: str = "2026-01-05T10:00:00+08:00") -> str:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--no-verify", "-m", message, date=date)
    return git(repo, "rev-parse", "HEAD").stdout.strip()


def strip_interpretations(bundle: Path) -> None:
    """Removes every interpretation (`*.md` other than index.md) of a bundle folder."""
    for path in bundle.glob("*.md"):
        if path.name != "index.md":
            path.unlink()


def front_matter_insert(index: Path, line: str) -> None:
    """Adds one line at the top of a document's front matter."""
    text = index.read_text(encoding="utf-8")
    assert text.startswith("---\n"), index
    index.write_text("---\n" + line + "\n" + text[4:], encoding="utf-8")
