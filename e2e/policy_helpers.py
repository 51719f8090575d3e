"""What every Python test folder needs (browser, quality, e2e) and bench/search_bench.py too:
the binary under test, building a site with it, a free port and waiting for a server on it.
The folders' own helper modules (browser_support.py, quality_support.py) import these and
add what is theirs.

The binary is $POLICY_BIN (absolute, or relative to the repository root), else
.build/release/policy, else .build/debug/policy. Sites are built at a fixed as-of date so
that no status depends on the day the tests run."""
from __future__ import annotations

import os
import socket
import subprocess
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
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


def wait_for_port(port: int, attempts: int = 100, pause: float = 0.1) -> bool:
    """Whether something accepts connections on 127.0.0.1:`port` within the attempts."""
    for _ in range(attempts):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return True
        except OSError:
            time.sleep(pause)
    return False
