"""Helpers shared by the quality tests: those of every test folder (`policy_helpers`), and
where the nginx example serves the site. (A module of its own, not the conftest, so that a test can
import it by name: several test folders have a conftest.py.)"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # e2e/, for policy_helpers
from policy_helpers import (AS_OF, CHROMEDRIVER, CHROMIUM, REPO, build_site, free_port,  # noqa: E402,F401
                            policy_bin, run_policy, wait_for_port)

NGINX_EXAMPLE = REPO / "examples/nginx.conf"
SUB_PATH = "/zcwj/"
