"""Helpers shared by the browser tests and bench/search_bench.py: the binary, site builds, a
static server with its request log, and headless Chromium. (A module of its own, not the
conftest, so that a test can import it by name: several test folders have a conftest.py.)"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
AS_OF = "2026-11-29"  # the build date of the main site: statuses never depend on the day tests run
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


def policy_bin() -> Path:
    if os.environ.get("POLICY_BIN"):
        return Path(os.environ["POLICY_BIN"]).resolve()
    for candidate in (REPO / ".build/release/policy", REPO / ".build/debug/policy"):
        if candidate.is_file():
            return candidate
    return REPO / ".build/release/policy"


def build_site(content: Path, out: Path, as_of: str) -> Path:
    binary = policy_bin()
    if not binary.is_file():
        pytest.fail(f"policy binary not found at {binary}: run `make build` or set POLICY_BIN", pytrace=False)
    run = subprocess.run([str(binary), "build", str(content), "--out", str(out), "--as-of", as_of],
                         capture_output=True, text=True)
    if run.returncode != 0:
        pytest.fail(f"policy build failed ({run.returncode}):\n{run.stdout}\n{run.stderr}", pytrace=False)
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`python3 -m http.server` on 127.0.0.1 serving `root`, with its request log."""

    def __init__(self, root: Path):
        self.root = root
        self.port = free_port()
        self.log_path = root / "http.log"
        self.log = open(self.log_path, "w")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "http.server", str(self.port), "--bind", "127.0.0.1", "--directory", str(root)],
            stdout=self.log, stderr=self.log, env={**os.environ, "PYTHONUNBUFFERED": "1"})
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("http.server did not start")

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path.lstrip('/')}"

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()


def new_driver(javascript: bool = True):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        pytest.skip("Debian chromium and chromium-driver are needed (apt-get install chromium chromium-driver)")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
              "--window-size=1280,1000", "--lang=zh-CN"):
        opts.add_argument(a)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if not javascript:
        opts.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
