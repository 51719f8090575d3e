"""Helpers shared by the browser tests and bench/search_bench.py: those of every test folder
(`policy_helpers`: the binary, site builds, ports), a static server with its request log, and
headless Chromium. (A module of its own, not the
conftest, so that a test can import it by name: several test folders have a conftest.py.)"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # e2e/, for policy_helpers
from policy_helpers import (AS_OF, CHROMEDRIVER, CHROMIUM, REPO, build_site, free_port,  # noqa: E402,F401
                            policy_bin, run_policy, wait_for_port)


class Server:
    """`static_server.py` (Python's http.server with byte ranges) on 127.0.0.1 serving `root`,
    with its request log; paths under `ignore_ranges_under` are served whole, as by a server
    without range support."""

    def __init__(self, root: Path, ignore_ranges_under: str | None = None):
        self.root = root
        self.port = free_port()
        self.log_path = root / "http.log"
        self.log = open(self.log_path, "w")
        self.proc = subprocess.Popen(
            [sys.executable, str(Path(__file__).with_name("static_server.py")), str(self.port), "--bind", "127.0.0.1",
             "--directory", str(root)] + (["--ignore-ranges-under", ignore_ranges_under] if ignore_ranges_under else []),
            stdout=self.log, stderr=self.log, env={**os.environ, "PYTHONUNBUFFERED": "1"})
        if not wait_for_port(self.port):
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
