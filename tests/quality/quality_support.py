"""Helpers shared by the quality tests: the binary, site builds, free ports, and where the
nginx example serves the site. (A module of its own, not the conftest, so that a test can
import it by name: several test folders have a conftest.py.)"""
from __future__ import annotations

import os
import socket
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
AS_OF = "2026-11-29"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


def policy_bin() -> Path:
    if os.environ.get("POLICY_BIN"):
        path = Path(os.environ["POLICY_BIN"])
        return path if path.is_absolute() else REPO / path
    for candidate in (REPO / ".build/release/policy", REPO / ".build/debug/policy"):
        if candidate.is_file():
            return candidate
    return REPO / ".build/release/policy"


def run_policy(*args, timeout: int = 600, **kwargs) -> subprocess.CompletedProcess:
    binary = policy_bin()
    if not binary.is_file():
        pytest.fail(f"policy binary not found at {binary}: run `make build` or set POLICY_BIN", pytrace=False)
    return subprocess.run([str(binary), *map(str, args)], capture_output=True, text=True, timeout=timeout, **kwargs)


def build_site(content: Path, out: Path, as_of: str = AS_OF) -> Path:
    run = run_policy("build", content, "--out", out, "--as-of", as_of)
    if run.returncode != 0:
        pytest.fail(f"policy build {content} failed ({run.returncode}):\n{run.stdout}\n{run.stderr}", pytrace=False)
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


NGINX_EXAMPLE = REPO / "examples/nginx.conf"
SUB_PATH = "/zcwj/"
