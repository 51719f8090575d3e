"""A rebuild into the same folder equals a clean build of the same content, also when the
change is to a file that is not Markdown: a transcript is rendered into its interpretation's
page, so editing it must reach that page (the stale-page case of issue 20)."""
from __future__ import annotations

import filecmp
import shutil
from pathlib import Path

from policy_e2e import CONTENT, run_policy

AS_OF = "2026-11-29"
TRANSCRIPT = "regulations/2025-food-workshops-regulation/视频文稿.txt"
PAGE = "d/2025-food-workshops-regulation/视频解读/index.html"


def build(content: Path, out: Path) -> None:
    result = run_policy("build", content, "--out", out, "--as-of", AS_OF)
    assert result.returncode == 0, result.stderr


def differing(a: Path, b: Path) -> list[str]:
    """Files present in only one tree or with different bytes, relative paths."""
    names_a = {p.relative_to(a) for p in a.rglob("*") if p.is_file()}
    names_b = {p.relative_to(b) for p in b.rglob("*") if p.is_file()}
    diff = sorted(str(p) for p in names_a ^ names_b)
    diff += sorted(str(p) for p in names_a & names_b if not filecmp.cmp(a / p, b / p, shallow=False))
    return diff


def test_an_edited_transcript_reaches_its_page_and_the_rebuild_equals_a_clean_build(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    site = tmp_path / "site"
    build(content, site)
    sentence = "本段为测试追加的文字稿内容。"
    assert sentence not in (site / PAGE).read_text(encoding="utf-8")

    with open(content / TRANSCRIPT, "a", encoding="utf-8") as transcript:
        transcript.write("\n\n" + sentence + "\n")
    build(content, site)
    assert sentence in (site / PAGE).read_text(encoding="utf-8")

    clean = tmp_path / "clean"
    build(content, clean)
    assert differing(site, clean) == []


CAPTIONS = "regulations/2025-food-workshops-regulation/视频字幕.vtt"
PUBLISHED_CAPTIONS = "d/2025-food-workshops-regulation/视频字幕.vtt"


def test_an_edited_caption_file_is_published_and_the_rebuild_equals_a_clean_build(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    site = tmp_path / "site"
    build(content, site)
    page = (site / PAGE).read_text(encoding="utf-8")
    assert "%E8%A7%86%E9%A2%91%E5%AD%97%E5%B9%95.vtt" in page, "the video page offers the captions (视频字幕.vtt)"
    cue = "本句字幕为测试追加。"

    with open(content / CAPTIONS, "a", encoding="utf-8") as captions:
        captions.write("\n99:00:00.000 --> 99:00:02.000\n" + cue + "\n")
    build(content, site)
    assert cue in (site / PUBLISHED_CAPTIONS).read_text(encoding="utf-8")

    clean = tmp_path / "clean"
    build(content, clean)
    assert differing(site, clean) == []


def test_a_rebuild_after_the_transcript_is_restored_equals_a_clean_build_again(tmp_path):
    """Undoing an edit brings the old page back: reuse is decided by content, not by time."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    site = tmp_path / "site"
    build(content, site)
    original = (site / PAGE).read_bytes()
    transcript = content / TRANSCRIPT
    text = transcript.read_bytes()

    transcript.write_bytes(text + "\n\n撤销前追加的一段。\n".encode())
    build(content, site)
    assert (site / PAGE).read_bytes() != original
    transcript.write_bytes(text)
    build(content, site)
    assert (site / PAGE).read_bytes() == original

    clean = tmp_path / "clean"
    build(content, clean)
    assert differing(site, clean) == []
