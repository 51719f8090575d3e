"""End to end: the commands of the CI examples in examples/, run for real.

Each example's `policy` commands are taken from the file itself (GitHub/Gitea Actions
`run:` steps, GitLab CI `script:` lines, the pre-commit hook as a whole) and run in a
sample content repository: the sample content on `main`, and a change that drops one
bundle's interpretation. Every gate must block (exit 1) and report the finding in its
format — `::error file=…,line=…,col=…,title=PI001 …::…` for GitHub. Each check command
is also run with `--changed-since main`, as a pull-request job would, which must block the
same change and leave out an older file-level finding outside it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from gitrepo import commit_all, git, init, strip_interpretations
from policy_e2e import CONTENT, REPO, Content, copy_content, policy_bin

EXAMPLES = REPO / "examples"
GITHUB_ANNOTATION = re.compile(
    r"^::error file=(?P<file>[^,]+),line=(?P<line>\d+),col=(?P<col>\d+),title=PI001 interpretation-required::(?P<msg>.+)$",
    re.M)
TEXT_FINDING = re.compile(r"^(?P<file>\S+):(?P<line>\d+):(?P<col>\d+): 错误 \[PI001 interpretation-required\] .+$", re.M)


def shell_lines(script: str) -> list[str]:
    """A `run:` block or `script:` item as logical lines (backslash continuations joined)."""
    joined = re.sub(r"\\\n\s*", " ", script)
    return [line.strip() for line in joined.splitlines() if line.strip() and not line.strip().startswith("#")]


def policy_commands(lines: list[str]) -> list[str]:
    return [line for line in lines if re.match(r"^policy\s", line)]


def github_commands() -> list[str]:
    workflow = yaml.safe_load((EXAMPLES / "github-actions.yml").read_text(encoding="utf-8"))
    lines = [line for job in workflow["jobs"].values() for step in job.get("steps", []) if "run" in step
             for line in shell_lines(step["run"])]
    return policy_commands(lines)


def gitlab_commands() -> list[str]:
    pipeline = yaml.safe_load((EXAMPLES / "gitlab-ci.yml").read_text(encoding="utf-8"))
    lines = [line for job in pipeline.values() if isinstance(job, dict)
             for key in ("before_script", "script") for item in job.get(key, []) or []
             for line in shell_lines(item)]
    return policy_commands(lines)


@pytest.fixture()
def sample_repo(tmp_path, policy):
    """A content repository: `main` with the sample content plus an old breakage (one bundle
    without interpretation, committed long ago), and the working branch `change` that drops
    another bundle's interpretation. `policy` is on PATH as in the examples. Returns
    (repo, environment, old bundle, new bundle)."""
    repo = init(tmp_path / "repo")
    copy_content(repo / "content")
    docs = [d for d in Content.read(repo / "content").docs.values() if d.interpretations and not d.meta.get("exempt")]
    docs.sort(key=lambda d: (d.folder != "normative", d.id))
    old, new = docs[0], docs[1]
    strip_interpretations(repo / "content" / old.bundle)
    commit_all(repo, "sample content (one bundle already lacks its interpretation)", "2026-01-05T10:00:00+08:00")
    git(repo, "checkout", "-q", "-b", "change")
    strip_interpretations(repo / "content" / new.bundle)
    commit_all(repo, "drop an interpretation", "2026-01-06T10:00:00+08:00")

    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "policy").symlink_to(policy_bin())
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "CI": "true"}
    return repo, env, old, new


def sh(command: str, repo: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-c", command], cwd=repo, env=env, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=300)


CHANGED_SINCE = re.compile(r"""\s--changed-since(?:=|\s+)(?:"[^"]*"|'[^']*'|\S+)""")


def without_changed_since(command: str) -> str:
    """The full gate: the command with any `--changed-since REF` of the example removed."""
    return CHANGED_SINCE.sub("", command)


def with_changed_since(command: str) -> str:
    """`policy check …` as a pull-request job runs it: limited to the change since main (an
    example's own `--changed-since $CI_VARIABLE` gets main instead; a redirection or `||`
    tail stays at the end)."""
    command = without_changed_since(command)
    tail = re.search(r"\s(?:>|\|\|)\s", command)
    cut = tail.start() if tail else len(command)
    return command[:cut] + " --changed-since main" + command[cut:]


def assert_blocks_with_annotations(result: subprocess.CompletedProcess, command: str, bundle: str) -> None:
    output = result.stdout + result.stderr
    assert result.returncode == 1, f"{command!r} exited {result.returncode}:\n{output}"
    if "--format github" in command:
        hits = [m for m in GITHUB_ANNOTATION.finditer(result.stdout) if m["file"] == f"content/{bundle}/index.md"]
        assert hits, f"no ::error annotation for content/{bundle}/index.md:\n{result.stdout}"
        assert int(hits[0]["line"]) >= 1 and int(hits[0]["col"]) >= 1 and "修改方法：" in hits[0]["msg"]
    elif "--format json" not in command:
        files = {m["file"] for m in TEXT_FINDING.finditer(output)}
        assert f"content/{bundle}/index.md" in files, output


def test_examples_are_there():
    for name in ("github-actions.yml", "gitlab-ci.yml", "pre-commit"):
        assert (EXAMPLES / name).is_file(), f"examples/{name} is missing"


@pytest.mark.parametrize("example", ["github-actions.yml", "gitlab-ci.yml"])
def test_ci_example_commands_block_the_change(example, sample_repo):
    repo, env, old, new = sample_repo
    commands = github_commands() if example == "github-actions.yml" else gitlab_commands()
    gates = [c for c in commands if re.match(r"^policy (check|build)\b", c)]
    assert gates, f"examples/{example} runs no policy check"
    assert any(c.startswith("policy check") for c in gates)
    if example == "github-actions.yml":
        assert any("--format github" in c for c in gates), "the GitHub example must annotate the diff"

    for command in commands:
        if command.startswith("policy --version"):
            assert sh(command, repo, env).returncode == 0
            continue
        command = without_changed_since(command)
        result = sh(command, repo, env)
        if "--format json" in command:
            # The report job: findings are a good report (exit 0 thanks to `|| [ $? -eq 1 ]`).
            target = re.search(r">\s*(\S+)", command)
            assert target, command
            report = json.loads((repo / target.group(1)).read_text(encoding="utf-8"))
            assert report["errors"] >= 1
            assert any(d["code"] == "PI001" and d["file"] == f"content/{new.bundle}/index.md" for d in report["diagnostics"])
            continue
        assert_blocks_with_annotations(result, command, new.bundle)
        if command.startswith("policy build"):
            out = re.search(r"--out\s+(\S+)", command)
            assert out and not (repo / out.group(1)).exists(), "a blocked build must not write the site"
            continue

        # The same gate limited to the pull request's change.
        scoped_command = with_changed_since(command)
        scoped = sh(scoped_command, repo, env)
        assert_blocks_with_annotations(scoped, scoped_command, new.bundle)
        assert f"content/{old.bundle}/index.md" not in scoped.stdout, \
            f"{scoped_command!r} reported a file-level finding outside the change:\n{scoped.stdout}"


def test_ci_example_gate_passes_a_good_change(sample_repo):
    """The scoped gate lets a change through that touches only good bundles, even though main
    still has an old file-level finding elsewhere."""
    repo, env, old, new = sample_repo
    git(repo, "checkout", "-q", "main")
    git(repo, "checkout", "-q", "-b", "good-change")
    index = repo / "content" / new.bundle / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n（本段为测试追加。）\n", encoding="utf-8")
    commit_all(repo, "a harmless edit", "2026-01-07T10:00:00+08:00")
    for command in github_commands() + gitlab_commands():
        if command.startswith("policy check") and "--format json" not in command:
            full = sh(without_changed_since(command), repo, env)
            assert full.returncode == 1  # the old breakage on main
            scoped = sh(with_changed_since(command), repo, env)
            assert scoped.returncode == 0, scoped.stdout + scoped.stderr


def test_pre_commit_hook_blocks_with_a_text_finding(tmp_path, policy, monkeypatch):
    repo = init(tmp_path / "repo")
    hook = repo / ".git" / "hooks" / "pre-commit"
    hook.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(EXAMPLES / "pre-commit", hook)
    hook.chmod(0o755)
    git(repo, "config", "core.hooksPath", ".git/hooks")
    monkeypatch.setenv("POLICY_BIN", str(policy))
    copy_content(repo / "content")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "sample content")
    bundle = next(d for d in sorted(Content.read(repo / "content").docs.values(), key=lambda d: d.id)
                  if d.interpretations and not d.meta.get("exempt"))
    strip_interpretations(repo / "content" / bundle.bundle)
    git(repo, "add", "-A")
    blocked = git(repo, "commit", "-q", "-m", "drop an interpretation", check=False)
    assert blocked.returncode == 1
    output = blocked.stdout + blocked.stderr
    assert f"content/{bundle.bundle}/index.md" in {m["file"] for m in TEXT_FINDING.finditer(output)}, output
    assert "提交已阻止" in output


# ---------------------------------------------------------------- the daily rebuild

CRON_FIELDS = (("minute", 0, 59), ("hour", 0, 23), ("day of month", 1, 31), ("month", 1, 12), ("day of week", 0, 7))


def cron_values(expression: str) -> list[set[int]]:
    """The values each of a five-field cron expression's fields allows (POSIX cron syntax:
    `*`, numbers, `a-b` ranges, `/step` and `,` lists); AssertionError on anything else."""
    fields = expression.split()
    assert len(fields) == 5, f"{expression!r}: a cron schedule has 5 fields, not {len(fields)}"
    out = []
    for text, (name, low, high) in zip(fields, CRON_FIELDS):
        values: set[int] = set()
        for part in text.split(","):
            m = re.fullmatch(r"(\*|(\d+)(?:-(\d+))?)(?:/(\d+))?", part)
            assert m, f"{expression!r}: {name} field {text!r} is not cron syntax"
            start, end = (low, high) if m[1] == "*" else (int(m[2]), int(m[3] or m[2]))
            step = int(m[4] or 1)
            assert low <= start <= end <= high and step >= 1, f"{expression!r}: {name} {part!r} is out of {low}–{high}"
            values |= set(range(start, end + 1, step))
        out.append(values)
    return out


def site_time_zone() -> str:
    return yaml.safe_load((CONTENT / "site.yml").read_text(encoding="utf-8"))["timezone"]


def assert_daily_morning(expression: str, cron_zone: str, site_zone: str) -> None:
    """`expression`, read in `cron_zone`, fires once a day at a morning hour of `site_zone`."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    minutes, hours, days, months, weekdays = cron_values(expression)
    assert len(minutes) == 1 and len(hours) == 1, f"{expression!r} does not run once a day"
    assert days == set(range(1, 32)) and months == set(range(1, 13)) and weekdays >= set(range(0, 7)), \
        f"{expression!r} does not run every day"
    for month in (1, 7):  # winter and summer: a zone with daylight saving must stay in the morning
        fired = datetime(2026, month, 15, next(iter(hours)), next(iter(minutes)), tzinfo=ZoneInfo(cron_zone))
        local = fired.astimezone(ZoneInfo(site_zone))
        assert 5 <= local.hour < 9, f"{expression!r} ({cron_zone}) runs at {local:%H:%M} in {site_zone}, not in the morning"


def test_cron_syntax_checker_rejects_bad_schedules():
    for bad in ("0 22 * *", "0 24 * * *", "60 1 * * *", "0 22 * * mon-fri", "0 22 ? * *", "0 5-3 * * *"):
        with pytest.raises(AssertionError):
            cron_values(bad)
    assert cron_values("*/15 22 1-31 * *")[0] == {0, 15, 30, 45}
    with pytest.raises(AssertionError):
        assert_daily_morning("0 6 * * *", "UTC", "Asia/Shanghai")  # 14:00 in Shanghai
    with pytest.raises(AssertionError):
        assert_daily_morning("0 22 * * 1", "UTC", "Asia/Shanghai")  # only Tuesdays


def github_condition(expression: str | None, event: str, ref: str = "refs/heads/main") -> bool:
    """A step's `if:` as GitHub evaluates it for `event` on `ref` (the forms the example uses:
    `github.event_name`, `github.ref`, `steps.*.outputs.*`, `hashFiles(…)`, ==, !=, &&, ||)."""
    if expression is None:
        return True
    python = expression
    python = re.sub(r"hashFiles\([^)]*\)", "''", python)  # nothing vendored: option B
    python = re.sub(r"steps\.[\w-]+\.outputs\.[\w-]+", "''", python)
    python = python.replace("github.event_name", repr(event)).replace("github.ref", repr(ref))
    python = python.replace("&&", " and ").replace("||", " or ")
    assert re.fullmatch(r"[\s'\w/.=!()-]*(?:\s(?:and|or)\s[\s'\w/.=!()-]*)*", python), f"unsupported condition {expression!r}"
    return bool(eval(python, {"__builtins__": {}}))  # noqa: S307 — only literals and comparisons are left


def github_run_commands(event: str) -> list[str]:
    workflow = yaml.safe_load((EXAMPLES / "github-actions.yml").read_text(encoding="utf-8"))
    return policy_commands([line for job in workflow["jobs"].values() for step in job.get("steps", [])
                            if "run" in step and github_condition(step.get("if"), event)
                            for line in shell_lines(step["run"])])


def test_github_example_rebuilds_every_morning_with_the_push_build(tmp_path):
    workflow = yaml.safe_load((EXAMPLES / "github-actions.yml").read_text(encoding="utf-8"))
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    schedules = triggers.get("schedule") or []
    assert schedules, "examples/github-actions.yml has no schedule trigger"
    for entry in schedules:
        assert_daily_morning(entry["cron"], "UTC", site_time_zone())

    push, daily = github_run_commands("push"), github_run_commands("schedule")
    assert any(c.startswith("policy build") for c in push)
    assert daily == push, f"the scheduled run differs from the push build:\n{daily}\n{push}"
    assert not any(c.startswith("policy build") for c in github_run_commands("pull_request"))
    # The site is kept (deployed) on the schedule too.
    kept = [s for job in workflow["jobs"].values() for s in job["steps"] if "upload-artifact" in str(s.get("uses", ""))]
    assert kept and all(github_condition(s.get("if"), "schedule") for s in kept)


def gitlab_rules_match(rules: list[dict] | None, variables: dict[str, str]) -> bool:
    """Whether a job with these `rules:` runs in a pipeline with `variables` (the `$A == $B`,
    `$A == "x"`, `&&`, `||` forms)."""
    if not rules:
        return True
    for rule in rules:
        condition = rule.get("if")
        if condition is None:
            return rule.get("when") != "never"
        python = re.sub(r"\$(\w+)", lambda m: repr(variables.get(m[1], "")), condition)
        python = python.replace("&&", " and ").replace("||", " or ")
        assert re.fullmatch(r"[\s'\"\w/.=!()-]*", python), f"unsupported rule {condition!r}"
        if eval(python, {"__builtins__": {}}):  # noqa: S307 — only literals and comparisons are left
            return rule.get("when") != "never"
    return False


def gitlab_pipeline_commands(variables: dict[str, str]) -> list[str]:
    pipeline = yaml.safe_load((EXAMPLES / "gitlab-ci.yml").read_text(encoding="utf-8"))
    return policy_commands([line for name, job in pipeline.items() if isinstance(job, dict) and not name.startswith(".")
                            and gitlab_rules_match(job.get("rules"), variables)
                            for item in job.get("script", []) or [] for line in shell_lines(item)])


def test_gitlab_example_rebuilds_every_morning_with_the_push_build():
    text = (EXAMPLES / "gitlab-ci.yml").read_text(encoding="utf-8")
    # The schedule lives in the project; the file documents it as an API call.
    cron = re.search(r'--form cron="([^"]+)"', text)
    zone = re.search(r'--form cron_timezone="([^"]+)"', text)
    assert cron and zone, "examples/gitlab-ci.yml does not document its pipeline schedule"
    assert zone[1] == site_time_zone()
    assert_daily_morning(cron[1], zone[1], site_time_zone())

    on_push = {"CI_PIPELINE_SOURCE": "push", "CI_COMMIT_BRANCH": "main", "CI_DEFAULT_BRANCH": "main"}
    on_schedule = {**on_push, "CI_PIPELINE_SOURCE": "schedule"}
    merge_request = {"CI_PIPELINE_SOURCE": "merge_request_event", "CI_DEFAULT_BRANCH": "main"}
    push, daily = gitlab_pipeline_commands(on_push), gitlab_pipeline_commands(on_schedule)
    assert any(c.startswith("policy build") for c in push)
    assert daily == push, f"the scheduled pipeline differs from the push pipeline:\n{daily}\n{push}"
    assert not any(c.startswith("policy build") for c in gitlab_pipeline_commands(merge_request))


@pytest.mark.parametrize("example", ["github-actions.yml", "gitlab-ci.yml"])
def test_scheduled_build_builds_the_site(example, tmp_path, policy):
    """The scheduled run's commands, run for real on good content, build the site."""
    repo = init(tmp_path / "repo")
    copy_content(repo / "content")
    commit_all(repo, "sample content", "2026-01-05T10:00:00+08:00")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "policy").symlink_to(policy_bin())
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "CI": "true"}
    commands = (github_run_commands("schedule") if example == "github-actions.yml" else
                gitlab_pipeline_commands({"CI_PIPELINE_SOURCE": "schedule", "CI_COMMIT_BRANCH": "main",
                                          "CI_DEFAULT_BRANCH": "main"}))
    for command in commands:
        result = sh(command, repo, env)
        if "--format json" in command:
            assert result.returncode == 0, result.stdout + result.stderr
            continue
        assert result.returncode == 0, f"{command!r} exited {result.returncode}:\n{result.stdout}{result.stderr}"
    out = re.search(r"--out\s+(\S+)", next(c for c in commands if c.startswith("policy build")))
    assert (repo / out[1] / "index.html").is_file() and (repo / out[1] / "sitemap.xml").is_file()
