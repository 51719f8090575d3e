"""README.md tells a newcomer what `make` installs and where everything lives; these tests keep
it true. The install list must name exactly the Debian packages and Python tools the Makefile
installs, and the folder tree must name every top-level folder and every Swift target."""
from __future__ import annotations

import re
import subprocess

from quality_support import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
MAKEFILE = (REPO / "Makefile").read_text(encoding="utf-8")


def makefile_list(variable: str) -> list[str]:
    """The words of a Makefile variable, following `\\` continuation lines."""
    match = re.search(rf"^{variable}\s*:?=\s*((?:.*\\\n)*.*)$", MAKEFILE, re.MULTILINE)
    assert match, f"{variable} not found in the Makefile"
    return match.group(1).replace("\\\n", " ").split()


def readme_list(label: str) -> list[str]:
    """The backquoted words after `label` in README's set-up paragraph (one code span)."""
    match = re.search(re.escape(label) + r"\s*`([^`]+)`", README)
    assert match, f"README has no list after {label!r}"
    return match.group(1).split()


def readme_tree() -> str:
    """The folder tree: the code block that starts with `Sources/`."""
    match = re.search(r"```\n(Sources/\n.*?)```", README, re.DOTALL)
    assert match, "README has no folder tree starting with Sources/"
    return match.group(1)


def test_readme_names_every_debian_package_the_makefile_installs():
    assert sorted(readme_list("the Debian packages")) == sorted(makefile_list("APT_PACKAGES"))


def test_readme_names_every_python_tool_the_makefile_installs():
    pip_names = [pair.split(":")[0] for pair in makefile_list("PIP_PACKAGES")]
    assert sorted(readme_list("the Python test tools")) == sorted(pip_names)


def tracked_folders() -> list[tuple[str, ...]]:
    """Every folder that holds a file in git, as path components."""
    # -z: names as they are (without it git quotes names with non-ASCII characters).
    files = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, text=True, check=True).stdout
    folders = set()
    for line in files.split("\0"):
        parts = tuple(line.split("/")[:-1])
        for depth in range(1, len(parts) + 1):
            folders.add(parts[:depth])
    return sorted(folders)


def test_readme_tree_names_every_folder_and_target():
    named = set(re.findall(r"^\s*([A-Za-z][\w.-]*)/", readme_tree(), re.MULTILINE))
    folders = tracked_folders()
    # Every top-level folder (hidden ones aside), every Swift target and test target.
    required = {f[0] for f in folders if len(f) == 1 and not f[0].startswith(".")}
    required |= {f[1] for f in folders if len(f) == 2 and f[0] in ("Sources", "Tests")}
    missing = sorted(required - named)
    assert not missing, f"README's folder tree does not mention: {missing}"
    existing = {name for f in folders for name in f}
    stale = sorted(named - existing)
    assert not stale, f"README's folder tree names folders that do not exist: {stale}"
