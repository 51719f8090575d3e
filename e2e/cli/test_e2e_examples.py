"""The CI examples under examples/ are valid YAML, run the gate with the documented
formats, and their shell steps are valid bash; .ci/run is exactly README's test command."""

from __future__ import annotations

import subprocess

import yaml

from policy_e2e import REPO

EXAMPLES = REPO / "examples"


def shell_ok(script: str) -> None:
    result = subprocess.run(["bash", "-n"], input=script, capture_output=True, text=True)
    assert result.returncode == 0, f"{result.stderr}\n---\n{script}"


def test_github_actions_example_runs_the_gate_with_annotations():
    workflow = yaml.safe_load((EXAMPLES / "github-actions.yml").read_text(encoding="utf-8"))
    triggers = workflow.get("on", workflow.get(True))  # PyYAML reads a bare `on` as True
    assert "pull_request" in triggers
    steps = workflow["jobs"]["check"]["steps"]
    runs = [step["run"] for step in steps if "run" in step]
    assert any(step.get("uses", "").startswith("actions/checkout@") for step in steps)
    assert any("policy check content --format github" in run for run in runs)
    for run in runs:
        shell_ok(run)


def test_gitlab_example_runs_text_gate_and_keeps_json_report():
    pipeline = yaml.safe_load((EXAMPLES / "gitlab-ci.yml").read_text(encoding="utf-8"))
    assert "policy check content --format text" in pipeline["policy-check"]["script"]
    report = pipeline["policy-report"]
    assert any("--format json" in line for line in report["script"])
    assert report["artifacts"]["when"] == "always"
    assert "policy-report.json" in report["artifacts"]["paths"]
    for job in pipeline.values():
        if isinstance(job, dict):
            for key in ("before_script", "script"):
                for line in job.get(key, []):
                    shell_ok(line)


def test_pre_commit_hook_is_executable_bash():
    hook = EXAMPLES / "pre-commit"
    assert hook.stat().st_mode & 0o111, "examples/pre-commit is not executable"
    shell_ok(hook.read_text(encoding="utf-8"))


def test_ci_entry_point_runs_make_test():
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert script.startswith("#!/usr/bin/env bash\n")
    assert "set -euo pipefail" in script
    commands = [line.strip() for line in script.splitlines()
                if line.strip() and not line.lstrip().startswith("#") and not line.startswith("set ")]
    assert commands[-1] == "make test"
    assert "make test" in (REPO / "README.md").read_text(encoding="utf-8")
