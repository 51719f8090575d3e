"""End to end: history from git, without leaks. In a content repository, each document page
shows 收录日期 (first commit touching its bundle) and 最近更新 (last commit), in the site's time
zone — never a commit message: messages are notes between colleagues (a name, a phone
number) that no one reviewed for publication, so no byte of them may reach site/. The change
log a page shows (修订记录) is the bundle's own `changes:` list, which the gate reviews like any
text and the page escapes. Outside git there is no history section and no error. With
SOURCE_DATE_EPOCH the build is reproducible: the default as-of date is that day and two
builds are byte-identical."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from gitrepo import commit_all, init
from policy_e2e import Content, copy_content, policy_bin, tree_digest

# 2026-11-28T20:00:00Z is already 2026-11-29 in Asia/Shanghai.
EPOCH = "1795896000"
EPOCH_DAY = "2026-11-29"


def build(cwd: Path, out: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run([str(policy_bin()), "build", "content", "--out", str(out), *args], cwd=cwd,
                            capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=300,
                            env={**os.environ, **(env or {})})
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def section(page: str) -> str | None:
    match = re.search(r'<section aria-labelledby="history-heading">(.*?)</section>', page, re.S)
    return match.group(1) if match else None


# A commit message as colleagues write them: a name and a mobile number, and markup.
LEAKY_MESSAGE = "按处长意见修改，联系人手机13800138000 <script>alert(1)</script>"
LEAKS = ["13800138000", "按处长意见修改", "联系人手机", "alert(1)", "收录示例内容", "readme only"]


@pytest.fixture()
def repo(tmp_path, policy):
    repo = init(tmp_path / "repo")
    copy_content(repo / "content")
    commit_all(repo, "收录示例内容", "2026-01-05T23:30:00+08:00")
    docs = sorted(Content.read(repo / "content").docs.values(), key=lambda d: d.id)
    changed, untouched = docs[0], docs[1]
    index = repo / "content" / changed.bundle / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n（勘误。）\n", encoding="utf-8")
    commit_all(repo, LEAKY_MESSAGE, "2026-02-10T08:00:00+08:00")
    (repo / "README.md").write_text("outside content\n", encoding="utf-8")
    commit_all(repo, "readme only", "2026-03-01T08:00:00+08:00")
    return repo, changed, untouched


def site_files_containing(site: Path, needle: str) -> list[str]:
    """Every file of the built site (pages, feeds, JSON, search shards…) holding `needle`."""
    data = needle.encode("utf-8")
    return [str(p.relative_to(site)) for p in sorted(site.rglob("*")) if p.is_file() and data in p.read_bytes()]


def test_document_pages_show_history_dates(repo, tmp_path):
    repo, changed, untouched = repo
    out = tmp_path / "site"
    build(repo, out, "--as-of", EPOCH_DAY)

    page = (out / "d" / changed.id / "index.html").read_text(encoding="utf-8")
    history = section(page)
    assert history, "no history section on a document page of a git repository"
    assert "收录日期 <time datetime=\"2026-01-05\">2026年1月5日</time>" in history
    assert "最近更新 <time datetime=\"2026-02-10\">2026年2月10日</time>" in history

    other = section((out / "d" / untouched.id / "index.html").read_text(encoding="utf-8"))
    assert other and "最近更新 <time datetime=\"2026-01-05\">" in other


def test_commit_messages_appear_nowhere_in_the_site(repo, tmp_path):
    repo, changed, _ = repo
    out = tmp_path / "site"
    build(repo, out, "--as-of", EPOCH_DAY)
    assert (out / "d" / changed.id / "index.html").is_file()
    for needle in LEAKS:
        assert site_files_containing(out, needle) == [], f"commit message text {needle!r} was published"


def test_curated_changes_are_the_change_log_and_escaped(repo, tmp_path):
    repo, changed, _ = repo
    index = repo / "content" / changed.bundle / "index.md"
    text = index.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    index.write_text("---\nchanges:\n"
                     "  - { date: 2026-01-20, note: \"更正第二条 <b>错字</b> & 标点\" }\n"
                     "  - { date: 2026-02-03, note: 补充附件 }\n" + text[4:], encoding="utf-8")
    commit_all(repo, LEAKY_MESSAGE, "2026-02-12T08:00:00+08:00")
    out = tmp_path / "site"
    build(repo, out, "--as-of", EPOCH_DAY)
    page = (out / "d" / changed.id / "index.html").read_text(encoding="utf-8")
    log = re.search(r'<section aria-labelledby="changes-heading">(.*?)</section>', page, re.S)
    assert log, "no 修订记录 section"
    assert "修订记录" in log.group(1)
    entries = re.findall(r'<li><time datetime="([\d-]+)">[^<]+</time> <span class="history-note">(.*?)</span></li>', log.group(1))
    assert entries == [("2026-02-03", "补充附件"), ("2026-01-20", "更正第二条 &lt;b&gt;错字&lt;/b&gt; &amp; 标点")]
    assert "<b>错字</b>" not in page
    assert "最近更新 <time datetime=\"2026-02-12\">" in section(page)
    for needle in LEAKS:
        assert site_files_containing(out, needle) == [], f"commit message text {needle!r} was published"


def test_personal_data_in_change_notes_stops_the_build(repo, tmp_path):
    repo, changed, _ = repo
    index = repo / "content" / changed.bundle / "index.md"
    text = index.read_text(encoding="utf-8")
    index.write_text("---\nchanges:\n  - { date: 2026-01-20, note: 经办人电话 138-0013-8000 }\n" + text[4:], encoding="utf-8")
    out = tmp_path / "site"
    result = subprocess.run([str(policy_bin()), "build", "content", "--out", str(out), "--as-of", EPOCH_DAY], cwd=repo,
                            capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=300)
    assert result.returncode == 1, result.stdout + result.stderr
    report = result.stdout + result.stderr
    assert f"{changed.bundle}/index.md:3" in report and "PP001" in report and "138-****-*000" in report
    assert "0013" not in report
    assert not out.exists()


def test_no_git_no_history(tmp_path, policy):
    copy_content(tmp_path / "content")
    out = tmp_path / "site"
    build(tmp_path, out, "--as-of", EPOCH_DAY, env={"GIT_CEILING_DIRECTORIES": str(tmp_path.parent)})
    pages = list((out / "d").glob("*/index.html"))
    assert pages and all(section(p.read_text(encoding="utf-8")) is None for p in pages)


def test_git_missing_is_no_error(repo, tmp_path):
    repo, changed, _ = repo
    out = tmp_path / "site"
    env_path = str(tmp_path / "empty-path")
    Path(env_path).mkdir()
    build(repo, out, "--as-of", EPOCH_DAY, env={"PATH": env_path})
    assert section((out / "d" / changed.id / "index.html").read_text(encoding="utf-8")) is None


def test_source_date_epoch_makes_builds_reproducible(repo, tmp_path):
    repo, changed, _ = repo
    first, second = tmp_path / "one", tmp_path / "two"
    result = build(repo, first, env={"SOURCE_DATE_EPOCH": EPOCH})
    assert f"时效性计算日期 {EPOCH_DAY}" in result.stdout
    build(repo, second, env={"SOURCE_DATE_EPOCH": EPOCH})
    assert tree_digest(first) == tree_digest(second)
    home = (first / "index.html").read_text(encoding="utf-8")
    # The footer's 时效性计算日期 is the epoch's day.
    assert f'时效性计算日期：<time class="status-date" datetime="{EPOCH_DAY}">' in home
