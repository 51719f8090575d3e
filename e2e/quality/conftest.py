"""Fixtures for the quality tests: hostile content, HTML validity, accessibility, a real web
server (nginx) and interrupted builds.

The binary under test is $POLICY_BIN (relative to the repository root or absolute), else
.build/release/policy, else .build/debug/policy. Sites are built at a fixed as-of date so
nothing depends on the day the tests run.
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from quality_support import CHROMEDRIVER, CHROMIUM, NGINX_EXAMPLE, REPO, SUB_PATH, build_site, free_port, wait_for_port


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    """The sample content (content/) built once for the session."""
    return build_site(REPO / "content", tmp_path_factory.mktemp("quality-sample") / "site")


@pytest.fixture(scope="session")
def adversarial_site(tmp_path_factory) -> Path:
    """The adversarial library (adversarial.py) built once for the session."""
    from adversarial import write_library

    root = tmp_path_factory.mktemp("quality-adversarial")
    content = write_library(root)
    return build_site(content, root / "site")


def chrome_options():
    from selenium.webdriver.chrome.options import Options

    options = Options()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--lang=zh-CN"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return options


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the session (Debian's chromium and chromedriver)."""
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        pytest.skip(f"{CHROMIUM} or {CHROMEDRIVER} missing: apt-get install chromium chromium-driver")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=chrome_options())
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def require(tool: str, hint: str):
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} not installed: {hint}")




class Nginx:
    """Debian's nginx on 127.0.0.1 and a free port, running examples/nginx.conf as written
    except for the listen address and the site folder, inside a minimal main configuration
    of its own (pid, logs and temp folders in a temporary folder)."""

    def __init__(self, site: Path, workdir: Path):
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        if not Path(nginx).exists():
            pytest.skip("nginx not installed: apt-get install nginx-light (or nginx)")
        self.port = free_port()
        self.workdir = workdir
        workdir.mkdir(parents=True, exist_ok=True)
        example = NGINX_EXAMPLE.read_text(encoding="utf-8")
        for placeholder in ("listen 80;", "listen [::]:80;", "/srv/policy/site/"):
            assert placeholder in example, f"examples/nginx.conf no longer has {placeholder!r}"
        server = (example.replace("listen [::]:80;", "")
                  .replace("listen 80;", f"listen 127.0.0.1:{self.port};")
                  .replace("/srv/policy/site/", str(site.resolve()) + "/"))
        # The portal around the site answers for its own root, e.g. the favicon browsers ask for.
        cut = server.rstrip().rindex("}")
        server = server[:cut] + "    location = /favicon.ico { access_log off; return 204; }  # the portal's\n}\n"
        (workdir / "policy.conf").write_text(server, encoding="utf-8")
        temp = "\n".join(f"    {name}_temp_path {workdir}/{name};" for name in
                         ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        (workdir / "nginx.conf").write_text(f"""
user root;
worker_processes 1;
daemon off;
pid {workdir}/nginx.pid;
error_log {workdir}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {workdir}/access.log;
{temp}
    include {workdir}/policy.conf;
}}
""", encoding="utf-8")
        test = subprocess.run([nginx, "-t", "-c", str(workdir / "nginx.conf"), "-p", str(workdir)],
                              capture_output=True, text=True)
        assert test.returncode == 0, f"nginx -t rejects the configuration:\n{test.stderr}"
        self.proc = subprocess.Popen([nginx, "-c", str(workdir / "nginx.conf"), "-p", str(workdir)],
                                     stdout=subprocess.DEVNULL, stderr=open(workdir / "stderr.log", "w"))
        if wait_for_port(self.port, pause=0.05):
            return
        self.stop()
        raise RuntimeError("nginx did not start: " + (workdir / "stderr.log").read_text())

    def url(self, path: str = "") -> str:
        return f"http://127.0.0.1:{self.port}{SUB_PATH}{path.lstrip('/')}"

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


@pytest.fixture(scope="session")
def nginx(sample_site, tmp_path_factory):
    server = Nginx(sample_site, tmp_path_factory.mktemp("nginx"))
    yield server
    server.stop()


def pytest_terminal_summary(terminalreporter, config):
    """Names the folder the screenshot test wrote (test_screenshots.py), last thing of the run."""
    from page_views import SCREENSHOTS_WRITTEN

    folder = config.stash.get(SCREENSHOTS_WRITTEN, None)
    if folder is not None:
        count = len(list(folder.glob("*.png")))
        terminalreporter.write_sep("-", f"screenshots: {count} in {folder}")
        fonts = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True) \
            if shutil.which("fc-list") else None
        if fonts is not None and not fonts.stdout.strip():
            terminalreporter.write_line("(no Chinese font on this machine: the screenshots show Chinese text as boxes; "
                                        "make deps installs fonts-wqy-microhei)")
