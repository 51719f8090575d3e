"""The search page of a system library: its 层级 and 地区 facets, from the bureaus of
library.yml, in headless Chromium. Two local sources — the sample content as the province and
again as a city (its own settings naming the city's bureau) — built with `policy build
library.yml`; a single bureau's search page shows neither facet (test_search.py's site)."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from browser_support import AS_OF, REPO, policy_bin
from search_page import SearchPage

LIBRARY = """\
title: 示例省市场监管系统行政规范性文件库
base_url: https://www.example.gov.cn/library/
timezone: Asia/Shanghai
sources:
  - id: province
    issuer: 示例省市场监督管理局
    level: 省
    region: 示例省
    path: province
  - id: city
    issuer: 甲市市场监督管理局
    level: 市
    region: 甲市
    parent: province
    path: city
"""


@pytest.fixture(scope="module")
def system_site(served, tmp_path_factory):
    root = tmp_path_factory.mktemp("system-search")
    shutil.copytree(REPO / "content", root / "province")
    shutil.copytree(REPO / "content", root / "city")
    settings = root / "city/site.yml"
    settings.write_text(re.sub(r"(?m)^issuer: .*$", "issuer: 甲市市场监督管理局", settings.read_text(encoding="utf-8")),
                        encoding="utf-8")
    (root / "library.yml").write_text(LIBRARY, encoding="utf-8")
    done = subprocess.run([str(policy_bin()), "build", str(root / "library.yml"), "--out", str(served.root / "site-system"),
                           "--as-of", AS_OF], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    return "site-system"


def test_level_and_region_facets_narrow_to_one_bureau(browser, served, system_site):
    page = SearchPage(browser, served, site=system_site).open(q="", all="1")
    facets = page.facets()
    assert set(facets["层级"]) == {"省", "市"}, facets.get("层级")
    assert set(facets["地区"]) == {"示例省", "甲市"}, facets.get("地区")
    # Two copies of one library: each bureau holds half of what is listed.
    assert facets["层级"]["省"] == facets["层级"]["市"] > 0
    page.facet_box("层级", "市").click()
    page.wait_done("")
    assert page.query_params()["level"] == ["市"]
    paths = page.all_hit_paths()
    assert paths and all(p.startswith("city/") for p in paths), paths[:5]
    # Shareable: the address alone gives the same list.
    page.open(q="", all="1", region="示例省")
    paths = page.all_hit_paths()
    assert paths and all(p.startswith("province/") for p in paths), paths[:5]


def test_a_single_bureaus_search_page_has_no_bureau_facets(page):
    page.open(q="", all="1")
    facets = page.facets()
    assert "层级" not in facets and "地区" not in facets, list(facets)
