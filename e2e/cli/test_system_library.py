"""End to end: a system library built from three bureaus' git repositories (issue 22).

A province (the sample library), a city and a county, each its own git repository with its
own site.yml and calendar.yml, named by a library.yml. The city's measure implements a
provincial document (`implements: province/<id>`) and shares that document's id — the ids
are qualified by source (`city/<id>`, `province/<id>`), so they do not collide. Then the
city commits a change that fails its own gate: the build still succeeds from the commit
library.lock recorded as passed, names the failing source, and the broken change is not on
the site; without a locked commit the build refuses, naming the source. `policy report
--source` gives each bureau's figures, which add up to the system's."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from gitrepo import commit_all, git, init
from policy_e2e import REPO, run_policy

AS_OF = "2026-11-29"
SHARED_ID = "2024-price-behavior-compliance"

LIBRARY = """\
title: 示例省市场监管系统行政规范性文件库
base_url: https://example.gov.cn/library/
timezone: Asia/Shanghai
sources:
  - id: province
    issuer: 示例省市场监督管理局
    level: 省
    region: 示例省
    git: ../repos/province
  - id: city
    issuer: 甲市市场监督管理局
    level: 市
    region: 甲市
    parent: province
    git: ../repos/city
    ref: main
  - id: county
    issuer: 乙县市场监督管理局
    level: 县
    region: 乙县
    parent: city
    git: ../repos/county
"""

SITE = """\
title: {issuer}政策文件库
base_url: https://example.gov.cn/{id}/
issuer: {issuer}
timezone: Asia/Shanghai
interpretation:
  required_for: []
"""

CITY_DOC = """\
---
title: 甲市贯彻落实经营者价格行为合规指引的实施方案
office: 价格监督检查科
signed: 2024-07-01
published: 2024-07-03
topics: [价格监管]
implements: province/2024-price-behavior-compliance
---

为贯彻落实《示例省经营者价格行为合规指引》，结合本市实际，制定本方案。
"""

# A city cleanup batch whose text links the city's document the way any bureau writes it:
# `/d/<id>/`, which the system root must take to the city's section.
CITY_CLEANUP = """\
---
title: 甲市2025年度规范性文件清理结果
published: 2025-01-10
results:
  - { document: 2024-price-behavior-compliance, result: 继续有效 }
---

经清理，[《甲市贯彻落实经营者价格行为合规指引的实施方案》](/d/2024-price-behavior-compliance/)继续有效。
"""

COUNTY_DOC = """\
---
title: 乙县优化营商环境若干措施
number: 乙县市监规〔2025〕1号
office: 综合科
signed: 2025-03-03
published: 2025-03-05
expires: 2030-03-04
implements: province/2022-medical-ad-review
---

为优化本县营商环境，制定以下措施。
"""


def bureau(root: Path, id: str, issuer: str, docs: dict[str, str]) -> Path:
    repo = init(root / "repos" / id)
    content = repo / "content"
    content.mkdir()
    (content / "site.yml").write_text(SITE.format(issuer=issuer, id=id), encoding="utf-8")
    shutil.copy(REPO / "content/calendar.yml", content / "calendar.yml")
    for path, text in docs.items():
        (content / path).parent.mkdir(parents=True, exist_ok=True)
        (content / path).write_text(text, encoding="utf-8")
    commit_all(repo, f"{id} content")
    return repo


@pytest.fixture(scope="module")
def system(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("system")
    province = init(root / "repos/province")
    shutil.copytree(REPO / "content", province / "content")
    commit_all(province, "province content")
    city = bureau(root, "city", "甲市市场监督管理局", {f"policies/{SHARED_ID}/index.md": CITY_DOC,
                                                        "cleanup/2025-city-cleanup.md": CITY_CLEANUP})
    bureau(root, "county", "乙县市场监督管理局", {"normative/2025-county-measures/index.md": COUNTY_DOC})
    library = root / "library"
    library.mkdir()
    (library / "library.yml").write_text(LIBRARY, encoding="utf-8")

    first = run_policy("build", library / "library.yml", "--out", root / "site", "--as-of", AS_OF)
    assert first.returncode == 0, first.stdout + first.stderr
    lock_before = (library / "library.lock").read_text(encoding="utf-8")
    good_city = git(city, "rev-parse", "HEAD").stdout.strip()

    # The city's next commit fails its gate (a 13th month) and carries a visible change.
    doc = city / "content/policies" / SHARED_ID / "index.md"
    doc.write_text(CITY_DOC.replace("实施方案", "实施方案（未经审核的改动）").replace("2024-07-01", "2024-13-01"),
                   encoding="utf-8")
    bad_city = commit_all(city, "broken", date="2026-02-05T10:00:00+08:00")
    second = run_policy("build", library / "library.yml", "--out", root / "site2", "--as-of", AS_OF)
    check = run_policy("check", library / "library.yml", "--as-of", AS_OF)
    reports = {
        source: json.loads(run_policy("report", library / "library.yml", "--format", "json", "--year", "2025",
                                      "--as-of", AS_OF, *(["--source", source] if source else [])).stdout)
        for source in (None, "province", "city", "county")
    }
    return {"root": root, "library": library, "first": first, "second": second, "check": check,
            "lock_before": lock_before, "good_city": good_city, "bad_city": bad_city, "reports": reports}


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_first_build_locks_every_git_source(system):
    lock = (system["library"] / "library.lock").read_text(encoding="utf-8")
    assert system["lock_before"].count("commit:") == 3
    assert f"commit: {system['good_city']}" in system["lock_before"]
    assert "passed: 2026-11-29" in system["lock_before"]
    # The failing commit never enters the lock.
    assert lock == system["lock_before"]
    assert system["bad_city"] not in lock


def test_failing_source_falls_back_to_its_locked_commit(system):
    second = system["second"]
    assert second.returncode == 0, second.stdout + second.stderr
    assert "来源“city”" in second.stderr and system["bad_city"][:12] in second.stderr
    assert "PF005" in second.stderr and "city@" in second.stderr  # the failing commit's own findings, by source
    site = system["root"] / "site2"
    page = read(site, f"city/d/{SHARED_ID}/index.html")
    assert "未经审核的改动" not in page
    assert "甲市贯彻落实经营者价格行为合规指引的实施方案" in page
    assert not any("未经审核的改动" in p.read_text(encoding="utf-8", errors="ignore")
                   for p in site.rglob("*") if p.is_file() and p.suffix in {".html", ".json", ".xml"})


def test_check_fails_and_names_the_source_and_commit(system):
    check = system["check"]
    assert check.returncode == 1
    out = check.stdout + check.stderr
    assert "PL005" in out and "来源“city”" in out and system["good_city"][:12] in out


def test_without_a_locked_commit_the_build_refuses(system, tmp_path):
    library = tmp_path / "library"
    library.mkdir()
    (library / "library.yml").write_text(LIBRARY.replace("../repos/", f"{system['root']}/repos/"), encoding="utf-8")
    run = run_policy("build", library / "library.yml", "--out", tmp_path / "site", "--as-of", AS_OF)
    assert run.returncode == 1
    assert "来源“city”" in run.stderr and "library.lock 中没有可用的已通过提交" in run.stderr
    assert not (tmp_path / "site").exists()


def test_colliding_ids_are_qualified_by_source(system):
    data = json.loads(read(system["root"] / "site", "documents.json"))
    by_id = {d["id"]: d for d in data["documents"]}
    assert f"province/{SHARED_ID}" in by_id and f"city/{SHARED_ID}" in by_id
    city = by_id[f"city/{SHARED_ID}"]
    assert (city["source"], city["level"], city["region"]) == ("city", "市", "甲市")
    assert city["url"] == f"https://example.gov.cn/library/city/d/{SHARED_ID}/"
    assert city["issuers"] == ["甲市市场监督管理局"]


def test_implementing_and_implemented_pages_link_each_other(system):
    site = system["root"] / "site"
    city = read(site, f"city/d/{SHARED_ID}/index.html")
    assert "上位文件" in city and f'href="../../../province/d/{SHARED_ID}/"' in city
    province = read(site, f"province/d/{SHARED_ID}/index.html")
    assert "下级配套文件" in province and f'href="../../../city/d/{SHARED_ID}/"' in province
    medical = read(site, "province/d/2022-medical-ad-review/index.html")
    assert 'href="../../../county/d/2025-county-measures/"' in medical


def test_home_page_and_sections(system):
    site = system["root"] / "site"
    home = read(site, "index.html")
    assert "各单位现行有效文件" in home
    for issuer, href in (("示例省市场监督管理局", "province/"), ("甲市市场监督管理局", "city/"), ("乙县市场监督管理局", "county/")):
        assert issuer in home and f'href="{href}"' in home
    assert home.index("省级") < home.index("市级") < home.index("县级")
    # Each bureau's section is its own site: library pages and feeds.
    for source in ("province", "city", "county"):
        assert (site / source / "index.html").is_file()
        assert (site / source / "feed.xml").is_file()
        assert (site / source / "policies/all/index.html").is_file()
    # A section's pages lead back to the system's home page.
    assert '<p class="system-link"><a href="../">示例省市场监管系统行政规范性文件库</a></p>' in read(site, "city/index.html")
    assert 'class="system-link"><a href="../../../">' in read(site, f"city/d/{SHARED_ID}/index.html")
    assert "system-link" not in home
    # The system's own lists cover every bureau, each row naming its issuer.
    assert "（甲市市场监督管理局）" in read(site, "policies/all/index.html")
    assert f'href="../../city/d/{SHARED_ID}/"' in read(site, "policies/all/index.html")
    assert 'href="../../county/d/2025-county-measures/"' in read(site, "normative/all/index.html")


def test_report_per_source_adds_up_to_the_system(system):
    reports = system["reports"]
    whole = reports[None]["disclosure"]
    parts = [reports[s]["disclosure"] for s in ("province", "city", "county")]
    figures = lambda rows: {(r["kind"], key): r[key] for r in rows for key in ("issued", "repealed", "in_force")}
    assert len({repr(sorted(figures(p).items())) for p in parts}) == 3
    total = {k: sum(figures(p)[k] for p in parts) for k in figures(whole)}
    assert total == figures(whole)
    assert figures(reports["county"]["disclosure"])[("normative", "issued")] == 1


def test_serve_previews_the_system_in_memory(system):
    """`policy serve library.yml`: the same site, from memory, on a local port."""
    import subprocess
    import urllib.request

    from policy_e2e import policy_bin

    proc = subprocess.Popen([str(policy_bin()), "serve", str(system["library"] / "library.yml"), "--port", "0",
                             "--as-of", AS_OF], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        assert line.startswith("预览地址："), line + proc.stderr.read()
        url = line.split("：", 1)[1].strip()
        home = urllib.request.urlopen(url).read().decode("utf-8")
        assert "各单位现行有效文件" in home
        page = urllib.request.urlopen(f"{url}city/d/{SHARED_ID}/").read().decode("utf-8")
        assert "上位文件" in page and "未经审核的改动" not in page
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    assert proc.returncode == 0
    assert not (system["library"] / "site").exists()


def test_every_internal_link_of_the_system_site_resolves(system):
    """Root and sections alike: lists, Q&A answers and cleanup texts at the root link into
    the sections, and a section's links stay in it or reach another bureau's."""
    import posixpath
    import re
    from urllib.parse import unquote, urlsplit

    site = system["root"] / "site"
    broken = []
    for page in site.rglob("*.html"):
        rel_page = page.relative_to(site).as_posix()
        for url in re.findall(r'(?:href|src)="([^"]*)"', page.read_text(encoding="utf-8")):
            url = url.replace("&amp;", "&")
            parts = urlsplit(url)
            if parts.scheme or url.startswith(("//", "#")) or not parts.path:
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(rel_page), unquote(parts.path)))
            if target.startswith(".."):
                broken.append(f"{rel_page}: {url} leaves the site")
                continue
            path = site / target
            if not (path.is_file() or (path / "index.html").is_file()):
                broken.append(f"{rel_page}: {url} -> {target}")
    assert not broken, "broken internal links:\n" + "\n".join(sorted(set(broken))[:40])
    cleanup = read(site, "cleanup/city/2025-city-cleanup/index.html")
    assert f'href="../../../city/d/{SHARED_ID}/"' in cleanup


def test_report_names_the_sources_when_one_is_unknown(system):
    run = run_policy("report", system["library"] / "library.yml", "--source", "town", "--as-of", AS_OF)
    assert run.returncode == 64
    assert "town" in run.stderr and "province、city、county" in run.stderr


def test_a_bureaus_standalone_qa_entries_are_in_its_section_and_the_systems_library(system):
    """The province's hotline and mailbox entries (content/qa/) keep their pages in its section,
    and the system's 政策问答库 and qa.json list them under qualified ids, linking there."""
    site = system["root"] / "site"
    own = sorted(p.parent.name for p in (site / "province/qa").glob("*/index.html")
                 if p.parent.name not in ("by-channel", "by-document"))
    assert own, "the province's section has no Q&A entry pages"
    root_qa = read(site, "qa/index.html")
    root_data = json.loads(read(site, "qa.json"))
    ids = json.dumps(root_data, ensure_ascii=False)
    for entry in own:
        assert f'href="../province/qa/{entry}/"' in root_qa, entry
        assert f"province/{entry}" in ids, entry
    # The root writes no entry pages of its own: they live in the sections.
    assert not any(p.parent.name not in ("by-channel", "by-document") for p in (site / "qa").glob("*/index.html"))


@pytest.mark.parametrize("source_id", ["../victim", "..", "a/../../victim"])
def test_a_source_id_that_is_no_folder_name_never_reaches_git(tmp_path, source_id):
    """A source's clone folder is named by its id: an id like `../victim` must be refused
    (PL002) before anything is cloned, not clone over (and so delete) the folder it names."""
    repo = init(tmp_path / "repos/city")
    (repo / "content").mkdir()
    (repo / "content/site.yml").write_text(SITE.format(issuer="甲市市场监督管理局", id="city"), encoding="utf-8")
    shutil.copy(REPO / "content/calendar.yml", repo / "content/calendar.yml")
    commit_all(repo, "city content")
    library = tmp_path / "library"
    # `.policy-sources/../victim` is library/victim; `.policy-sources/..` is the library's own folder.
    (library / "victim").mkdir(parents=True)
    (library / "victim/keep.txt").write_text("must survive", encoding="utf-8")
    (library / ".policy-sources").mkdir(parents=True)
    (library / "library.yml").write_text(
        "title: 系统文件库\nbase_url: https://example.gov.cn/library/\ntimezone: Asia/Shanghai\nsources:\n"
        f"  - id: \"{source_id}\"\n    issuer: 甲市市场监督管理局\n    level: 市\n    region: 甲市\n"
        f"    git: {repo}\n", encoding="utf-8")
    for command in (["check", library / "library.yml"], ["build", library / "library.yml", "--out", tmp_path / "site"]):
        result = run_policy(*command, "--as-of", AS_OF)
        assert result.returncode != 0, result.stdout + result.stderr
        assert "PL002" in result.stdout + result.stderr
    assert (library / "victim/keep.txt").read_text(encoding="utf-8") == "must survive"
    assert (library / "library.yml").is_file()
    assert not (tmp_path / "site").exists()
