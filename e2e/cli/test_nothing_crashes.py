"""End to end: realistic text and faults that used to crash the tool or pass `check` and then
fail `build` end in a Chinese diagnostic naming the file, never a signal or an NSError."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from policy_e2e import copy_content, policy_bin, run_policy

AS_OF = "2026-11-29"


def first_document(content: Path) -> Path:
    return sorted((content / "normative").iterdir())[0] / "index.md"


def assert_no_crash(result: subprocess.CompletedProcess):
    assert result.returncode in (0, 1), f"rc {result.returncode}\n{result.stdout}\n{result.stderr}"
    for dump in ("Fatal error", "NSCocoaErrorDomain", "Error Domain=", "Range requires"):
        assert dump not in result.stderr + result.stdout, result.stderr


def test_a_line_starting_with_www_checks_and_builds(tmp_path, policy):
    content = copy_content(tmp_path / "content")
    index = first_document(content)
    index.write_text(index.read_text(encoding="utf-8") + "\n详情请登录门户网站\nwww.samr.gov.cn 查询。\n", encoding="utf-8")
    check = run_policy("check", "content", cwd=tmp_path)
    assert_no_crash(check)
    assert check.returncode == 0, check.stdout + check.stderr
    built = run_policy("build", "content", "--out", "site", "--as-of", AS_OF, cwd=tmp_path)
    assert built.returncode == 0, built.stdout + built.stderr
    page = tmp_path / "site" / "d" / index.parent.name / "index.html"
    assert "www.samr.gov.cn" in page.read_text(encoding="utf-8")


def test_a_killed_preview_leaves_nothing_behind(tmp_path, policy):
    """The preview keeps its site in memory: killed (no chance to clean up), it leaves no
    folder in TMPDIR and no site/."""
    copy_content(tmp_path / "content")
    temp = tmp_path / "tmp"
    temp.mkdir()
    process = subprocess.Popen([str(policy_bin()), "serve", "content", "--port", "0", "--as-of", AS_OF],
                               cwd=tmp_path, env={**os.environ, "TMPDIR": str(temp)}, stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8")
    try:
        for line in process.stdout:
            if line.startswith("预览地址："):
                break
        else:
            pytest.fail("policy serve never printed its address")
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    assert list(temp.iterdir()) == []
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("year", ["9223372036854775807", "-9223372036854775808", "0", "10000"])
def test_a_report_year_out_of_range_is_a_usage_error(year, policy):
    result = run_policy("report", "content", f"--year={year}")
    assert result.returncode == 64, result.stdout + result.stderr
    assert "统计年度" in result.stderr and "超出范围" in result.stderr


def write_theme(root: Path, name: str, text: str):
    (root / "theme" / "templates").mkdir(parents=True, exist_ok=True)
    (root / "theme" / "templates" / name).write_text(text, encoding="utf-8")


@pytest.mark.parametrize("template, says", [
    ("<b>{{> badge}}</b>", "包含了自己"),          # SIGSEGV: the partial recursed until the stack ran out
    ("<b>{{text</b>", "标签没有正确结束"),          # was `unfinishedName`
])
def test_a_broken_theme_is_a_chinese_error_naming_the_template(tmp_path, policy, template, says):
    copy_content(tmp_path / "content")
    write_theme(tmp_path, "badge.mustache", template)
    result = run_policy("build", "content", "--out", "site", "--as-of", AS_OF, cwd=tmp_path)
    assert_no_crash(result)
    assert result.returncode == 1
    assert "badge.mustache" in result.stderr and says in result.stderr, result.stderr
    assert not (tmp_path / "site").exists()


def attach(index: Path, name: str):
    text = index.read_text(encoding="utf-8")
    head, rest = text.split("\n", 1)
    index.write_text(f"{head}\nattachments:\n  - {{ file: \"{name}\", title: 附件 }}\n{rest}", encoding="utf-8")
    (index.parent / name).write_bytes(b"%PDF-1.4\n")


@pytest.mark.parametrize("name, code", [("index.html", "PF011"), ("图解.svg", "PM005")])
def test_what_check_passes_build_renders_and_what_it_refuses_it_names(tmp_path, policy, name, code):
    content = copy_content(tmp_path / "content")
    index = next(p for p in sorted(content.glob("normative/*/index.md")) if (p.parent / "解读.md").exists())
    attach(index, name)
    check = run_policy("check", "content", cwd=tmp_path)
    assert_no_crash(check)
    assert code in check.stdout + check.stderr
    built = run_policy("build", "content", "--out", "site", "--as-of", AS_OF, cwd=tmp_path)
    assert_no_crash(built)
    assert built.returncode == check.returncode


def test_an_attachment_named_like_an_interpretation_is_refused_by_check(tmp_path, policy):
    # d/<id>/解读/ is the interpretation's page: a file 解读 there made build fail with NSError 516.
    content = copy_content(tmp_path / "content")
    index = next(p for p in sorted(content.glob("normative/*/index.md")) if (p.parent / "解读.md").exists())
    attach(index, "解读")
    check = run_policy("check", "content", cwd=tmp_path)
    assert check.returncode == 1 and "PF011" in check.stdout, check.stdout
    built = run_policy("build", "content", "--out", "site", "--as-of", AS_OF, cwd=tmp_path)
    assert_no_crash(built)
    assert built.returncode == 1 and "PF011" in built.stderr


def test_a_utf16_file_is_named_as_such(tmp_path, policy):
    content = copy_content(tmp_path / "content")
    index = first_document(content)
    index.write_bytes(index.read_text(encoding="utf-8").encode("utf-16"))
    check = run_policy("check", "content", cwd=tmp_path)
    assert check.returncode == 1
    assert "UTF-16 编码，请另存为 UTF-8" in check.stdout and "空字节" not in check.stdout, check.stdout


def test_a_base_url_with_a_newline_is_refused(tmp_path, policy):
    content = copy_content(tmp_path / "content")
    site = content / "site.yml"
    text = site.read_text(encoding="utf-8")
    line = next(l for l in text.splitlines() if l.startswith("base_url:"))
    url = line.split(":", 1)[1].strip().strip("\"'")
    site.write_text(text.replace(line, f'base_url: "{url}\\nDisallow: /"'), encoding="utf-8")
    check = run_policy("check", "content", cwd=tmp_path)
    assert check.returncode == 1 and "PF008" in check.stdout and "控制字符" in check.stdout, check.stdout
