"""End to end: the privacy and secrecy review reads what the site publishes beyond the
Markdown — here the sample library's video transcript (rendered into its page) and its
PDFs — and says so when it cannot: without pdftotext one warning lists every PDF left
unread, and `--strict` then refuses the content."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from policy_e2e import copy_content, policy_bin

TRANSCRIPT = "regulations/2025-food-workshops-regulation/视频文稿.txt"


def check(cwd: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(policy_bin()), "check", "content", *args], cwd=cwd, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=300, env={**os.environ, **(env or {})})


def test_phone_number_in_transcript_is_an_error(tmp_path, policy):
    content = copy_content(tmp_path / "content")
    transcript = content / TRANSCRIPT
    transcript.write_text(transcript.read_text(encoding="utf-8") + "咨询电话：１３８ ００１３ ８０００（王科长）\n", encoding="utf-8")
    line = transcript.read_text(encoding="utf-8").count("\n")
    result = check(tmp_path, "--format", "json")
    assert result.returncode == 1, result.stdout + result.stderr
    findings = [d for d in json.loads(result.stdout)["diagnostics"] if d["code"] == "PP001"]
    assert [(d["file"], d["line"]) for d in findings] == [(f"content/{TRANSCRIPT}", line)], findings
    assert "１３８ **** *０００" in findings[0]["message"]
    assert "００１３" not in result.stdout


def test_without_pdftotext_one_warning_lists_the_unread_pdfs(tmp_path, policy):
    copy_content(tmp_path / "content")
    empty = tmp_path / "no-tools"
    empty.mkdir()
    result = check(tmp_path, "--format", "json", env={"PATH": str(empty)})
    assert result.returncode == 0, result.stdout + result.stderr
    warnings = [d for d in json.loads(result.stdout)["diagnostics"] if d["code"] == "PP003"]
    assert len(warnings) == 1, warnings
    pdfs = sorted(str(p.relative_to(tmp_path)) for p in (tmp_path / "content").rglob("*.pdf"))
    assert pdfs and all(pdf in warnings[0]["message"] for pdf in pdfs), warnings[0]["message"]
    assert f"{len(pdfs)} 个 PDF" in warnings[0]["message"]
    strict = check(tmp_path, "--strict", env={"PATH": str(empty)})
    assert strict.returncode == 1, strict.stdout + strict.stderr


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed; make deps installs it")
def test_with_pdftotext_the_sample_library_is_clean(tmp_path, policy):
    copy_content(tmp_path / "content")
    result = check(tmp_path, "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
