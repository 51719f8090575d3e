"""End to end: `policy new`. With flags (scripts, CI: standard input is not a terminal) it
writes what it was given; in a terminal it asks for what is missing, in Chinese, with
today's date as the default (driven here through a pseudo-terminal)."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import time
from pathlib import Path

import pytest

from policy_e2e import copy_content, policy_bin
from policy_e2e import front_matter

# Reproducible "today": 2026-03-02T02:00:00Z, already 10:00 in Shanghai (the site's zone).
EPOCH = "1772416800"
TODAY = "2026-03-02"


def run(cwd: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(policy_bin()), *args], cwd=cwd, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=120, env={**os.environ, **(env or {})})


def errors_of(cwd: Path) -> list[dict]:
    report = json.loads(run(cwd, "check", "content", "--format", "json").stdout)
    return [d for d in report["diagnostics"] if d["severity"] == "error"]


def test_flags_fill_the_bundle(tmp_path, policy):
    copy_content(tmp_path / "content")
    result = run(tmp_path, "new", "normative", "2026-cold-chain", "--title", "示例省冷链食品经营管理办法",
                 "--number", "示市监规〔2026〕9号", "--office", "食品经营安全监督管理处",
                 "--signed", "2026-02-27", "--published", "2026-03-02", env={"SOURCE_DATE_EPOCH": EPOCH})
    assert result.returncode == 0, result.stdout + result.stderr
    bundle = tmp_path / "content" / "normative" / "2026-cold-chain"
    meta, body = front_matter(bundle / "index.md")
    assert meta["title"] == "示例省冷链食品经营管理办法"
    assert meta["number"] == "示市监规〔2026〕9号"
    assert meta["office"] == "食品经营安全监督管理处"
    assert (meta["signed"], meta["published"], meta["effective"]) == ("2026-02-27", "2026-03-02", "2026-03-02")
    assert meta["expires"] == "2031-03-01"
    interpretation, _ = front_matter(bundle / "解读.md")
    assert interpretation["title"] == "《示例省冷链食品经营管理办法》政策解读"
    assert interpretation["published"] == "2026-03-02"
    assert "已创建 content/normative/2026-cold-chain/" in result.stdout
    assert "下一步" in result.stdout and "policy check content" in result.stdout
    assert "填写：" not in result.stdout  # nothing left as a placeholder in the header
    assert errors_of(tmp_path) == []


def test_without_a_terminal_nothing_is_asked(tmp_path, policy):
    copy_content(tmp_path / "content")
    missing = run(tmp_path, "new")
    assert missing.returncode == 64 and "请给出类型和编号" in missing.stderr
    placeholders = run(tmp_path, "new", "policy", "2026-draft", env={"SOURCE_DATE_EPOCH": EPOCH})
    assert placeholders.returncode == 0, placeholders.stderr
    meta, _ = front_matter(tmp_path / "content" / "policies" / "2026-draft" / "index.md")
    assert meta["published"] == TODAY and meta["title"] == "请填写文件标题"
    assert "填写：标题、起草处室" in placeholders.stdout


class Terminal:
    """The binary on a pseudo-terminal: standard input is a TTY, as for a person. `screen`
    is everything it printed (decoded as a whole: a read may split a character)."""

    def __init__(self, cwd: Path, *args: str, env: dict):
        try:
            self.master, slave = pty.openpty()
        except OSError as error:  # no pseudo-terminals in this sandbox
            pytest.skip(f"no pseudo-terminal: {error}")
        self.process = subprocess.Popen([str(policy_bin()), *args], cwd=cwd, stdin=slave, stdout=slave, stderr=slave,
                                        env={**os.environ, **env}, close_fds=True)
        os.close(slave)
        self.raw = b""
        self.seen = 0  # characters of `screen` already matched by answer()

    @property
    def screen(self) -> str:
        return self.raw.decode("utf-8", "replace")

    def _read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return False
        try:
            chunk = os.read(self.master, 4096)
        except OSError:  # the child closed the terminal
            return False
        self.raw += chunk
        return bool(chunk)

    def expect(self, text: str, seconds: float = 30) -> int:
        """Waits until `text` appears after what was matched so far; returns where it ends."""
        deadline = time.monotonic() + seconds
        while (at := self.screen.find(text, self.seen)) < 0:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or (not self._read(min(remaining, 0.5)) and self.process.poll() is not None):
                pytest.fail(f"never saw {text!r}; screen:\n{self.screen}")
        return at + len(text)

    def answer(self, prompt: str, text: str) -> None:
        self.seen = self.expect(prompt)
        os.write(self.master, (text + "\n").encode("utf-8"))

    def finish(self, seconds: float = 60) -> int:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and (self._read(0.2) or self.process.poll() is None):
            pass
        code = self.process.wait(timeout=5)
        os.close(self.master)
        return code


def test_terminal_asks_for_what_is_missing(tmp_path, policy):
    copy_content(tmp_path / "content")
    t = Terminal(tmp_path, "new", env={"SOURCE_DATE_EPOCH": EPOCH})
    t.answer("类型", "2")
    t.answer("编号", "Bad_ID")                       # refused, asked again
    t.expect("只能使用小写英文字母")
    t.answer("编号", "2026-cold-chain")
    t.answer("标题", "")                             # required: asked again
    t.expect("请填写标题")
    t.answer("标题", "示例省冷链食品经营管理办法")
    t.answer("文号", "示市监规〔2026〕9号")
    t.answer("起草处室", "食品经营安全监督管理处")
    t.answer(f"成文日期 [{TODAY}]", "2026-2-27")      # not YYYY-MM-DD: asked again
    t.expect("日期格式为 YYYY-MM-DD")
    t.answer(f"成文日期 [{TODAY}]", "2026-02-27")
    t.answer(f"发布日期 [{TODAY}]", "")               # Enter takes today
    t.answer(f"施行日期 [{TODAY}]", "")
    t.answer("有效期至 [2031-03-01]", "")
    assert t.finish() == 0, t.screen
    assert "已创建 content/normative/2026-cold-chain/" in t.screen
    meta, _ = front_matter(tmp_path / "content" / "normative" / "2026-cold-chain" / "index.md")
    assert meta["title"] == "示例省冷链食品经营管理办法" and meta["number"] == "示市监规〔2026〕9号"
    assert (meta["signed"], meta["published"], meta["effective"], meta["expires"]) == \
        ("2026-02-27", TODAY, TODAY, "2031-03-01")
    assert errors_of(tmp_path) == []


def test_terminal_only_asks_what_the_flags_left_out(tmp_path, policy):
    copy_content(tmp_path / "content")
    t = Terminal(tmp_path, "new", "policy", "2026-plan", "--title", "示例省质量提升行动计划",
                 env={"SOURCE_DATE_EPOCH": EPOCH})
    t.answer("文号（没有可直接回车）", "")
    t.answer("起草处室", "质量发展局")
    t.answer("成文日期", "")
    t.answer("发布日期", "")
    t.answer("施行日期", "")
    assert t.finish() == 0, t.screen
    assert "类型" not in t.screen.split("文号")[0]
    meta, _ = front_matter(tmp_path / "content" / "policies" / "2026-plan" / "index.md")
    assert meta["office"] == "质量发展局" and "number" not in meta


def test_end_of_input_cancels(tmp_path, policy):
    copy_content(tmp_path / "content")
    t = Terminal(tmp_path, "new", env={"SOURCE_DATE_EPOCH": EPOCH})
    t.expect("类型")
    os.write(t.master, b"\x04")  # Ctrl-D
    assert t.finish() != 0
    assert "已取消" in t.screen
    assert not (tmp_path / "content" / "normative" / "2026-cold-chain").exists()
