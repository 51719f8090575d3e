"""End to end: build the sample content/ with the real binary, then read the site like a
crawler would — pages, links, statuses, feed, sitemap, robots.txt, the OpenSearch description
and documents.json."""

from __future__ import annotations

import json
import posixpath
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from policy_e2e import STATUS_TEXT, expected_status

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
OPENSEARCH = "{http://a9.com/-/spec/opensearch/1.1/}"
URL_ATTRIBUTES = {"href", "src", "poster", "action"}
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


# ---------------------------------------------------------------------------------------
# Helpers


def site_target(site: Path, rel: str) -> Path | None:
    """The file a site-relative path names: a directory means its index.html."""
    path = site / rel if rel not in ("", ".") else site
    if path.is_dir():
        path = path / "index.html"
    return path if path.is_file() else None


def internal_path(content, page_path: str, url: str) -> str | None:
    """Site-relative path a URL on `page_path` points at, or None for an external URL.
    Absolute URLs under base_url count as internal."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        if url.startswith(content.base_url):
            return unquote(urlsplit(url[len(content.base_url):]).path)
        return None
    if not parts.path:
        return page_path
    return posixpath.normpath(posixpath.join(posixpath.dirname(page_path), unquote(parts.path)))


def page_url(content, rel_dir: str) -> str:
    """The absolute URL of a page directory, compared unquoted."""
    return content.base_url + rel_dir


def document_pages(content):
    for doc in content.docs.values():
        yield doc, f"d/{doc.id}/index.html"


def interpretation_pages(content):
    for doc in content.docs.values():
        for stem in doc.interpretations:
            yield doc, stem, f"d/{doc.id}/{stem}/index.html"


def status_badge(page):
    """The page's own status badge: the first `.badge` inside the first `.status`."""
    holders = page.find_class("status")
    assert holders, f"{page.path}: no element with class 'status'"
    badges = page.find_class("badge", within=holders[0])
    assert badges, f"{page.path}: no .badge inside .status"
    return badges[0], holders[0]


def successor(content, doc, as_of):
    later = [o for o in content.docs.values() if doc.id in o.supersedes and o.effective <= as_of]
    return min(later, key=lambda o: o.effective) if later else None


# ---------------------------------------------------------------------------------------
# Pages exist


def test_expected_pages_exist(site, content):
    expected = ["index.html", "search/index.html", "cleanup/index.html", "feed.xml", "sitemap.xml",
                "robots.txt", "opensearch.xml", "documents.json", "assets/style.css"]
    for folder in ("regulations", "normative", "policies"):
        expected.append(f"{folder}/index.html")
        for status in STATUS_TEXT:
            expected.append(f"{folder}/{status}/index.html")
    expected += [path for _, path in document_pages(content)]
    expected += [path for _, _, path in interpretation_pages(content)]
    expected += [f"cleanup/{batch.id}/index.html" for batch in content.cleanups]
    missing = [path for path in expected if not (site / path).is_file()]
    assert not missing, f"missing pages: {missing}"


def test_sample_content_covers_every_status(content, as_of):
    statuses = {expected_status(content, doc, as_of) for doc in content.docs.values()}
    assert statuses == set(STATUS_TEXT), f"statuses present at {as_of}: {sorted(statuses)}"


# ---------------------------------------------------------------------------------------
# Every page


def test_every_page_is_chinese_and_has_one_h1(pages):
    problems = []
    for page in pages.values():
        if page.root.get("lang") != "zh-CN":
            problems.append(f"{page.path}: <html lang={page.root.get('lang')!r}>")
        h1 = list(page.iter("h1"))
        if len(h1) != 1:
            problems.append(f"{page.path}: {len(h1)} <h1> elements")
        if not page.text(next(page.iter("title"), page.root)):
            problems.append(f"{page.path}: empty <title>")
        if len(list(page.iter("main"))) != 1:
            problems.append(f"{page.path}: not exactly one <main> landmark")
    assert not problems, "\n".join(problems)


def test_every_page_parses_without_html5_errors(pages):
    problems = [f"{page.path}: {page.errors[:3]}" for page in pages.values() if page.errors]
    assert not problems, "\n".join(problems)


def test_every_internal_link_resolves(site, content, pages):
    ids = {path: {e.get("id") for e in page.root.iter() if e.get("id")} for path, page in pages.items()}
    broken, absolute = [], []
    for page in pages.values():
        for element in page.root.iter():
            for attribute in URL_ATTRIBUTES & set(element.keys()):
                url = element.get(attribute).strip()
                if url.startswith("/") and not url.startswith("//"):
                    absolute.append(f"{page.path}: {element.tag} {attribute}={url}")
                    continue
                rel = internal_path(content, page.path, url)
                if rel is None:
                    continue
                if rel.startswith(".."):
                    broken.append(f"{page.path}: {url} leaves the site")
                    continue
                target = site_target(site, rel)
                if target is None:
                    broken.append(f"{page.path}: {element.tag} {attribute}={url} -> {rel} (missing)")
                    continue
                fragment = unquote(urlsplit(url).fragment)
                if fragment and target.suffix == ".html":
                    target_rel = target.relative_to(site).as_posix()
                    if fragment not in ids.get(target_rel, set()):
                        broken.append(f"{page.path}: {url} -> no id '{fragment}' in {target_rel}")
    assert not absolute, "root-absolute links break under a sub-path of base_url:\n" + "\n".join(absolute)
    assert not broken, "broken internal links:\n" + "\n".join(broken)


def test_every_bundle_file_a_page_links_is_published(site, pages):
    """Media on interpretation pages (images, video, captions) point at copied files."""
    for page in pages.values():
        for tag, attribute in (("img", "src"), ("source", "src"), ("track", "src"), ("video", "poster")):
            for element in page.iter(tag):
                url = element.get(attribute)
                if url and not urlsplit(url).scheme:
                    rel = posixpath.normpath(posixpath.join(posixpath.dirname(page.path), unquote(url)))
                    assert (site / rel).is_file(), f"{page.path}: <{tag} {attribute}={url}> missing"


# ---------------------------------------------------------------------------------------
# Statuses


def test_document_pages_show_the_computed_status(pages, content, as_of):
    problems = []
    for doc, path in document_pages(content):
        page = pages[path]
        status = expected_status(content, doc, as_of)
        badge, holder = status_badge(page)
        text = page.text(badge)
        if text != STATUS_TEXT[status]:
            problems.append(f"{doc.id}: badge says {text!r}, the status table gives {STATUS_TEXT[status]!r}")
        if f"badge-{status}" not in (badge.get("class") or "").split():
            problems.append(f"{doc.id}: badge class {badge.get('class')!r} lacks badge-{status}")
        explanation = page.text(holder)
        repealed = doc.meta.get("repealed") or {}
        if status == "repealed" and repealed.get("by"):
            by = content.docs[str(repealed["by"])]
            if f"《{by.meta['title']}》" not in explanation:
                problems.append(f"{doc.id}: repeal explanation {explanation!r} does not name 《{by.meta['title']}》")
        if status == "superseded":
            later = successor(content, doc, as_of)
            if f"《{later.meta['title']}》" not in explanation:
                problems.append(f"{doc.id}: explanation {explanation!r} does not name the superseding document")
    assert not problems, "\n".join(problems)


def test_document_page_shows_title_and_metadata(pages, content):
    problems = []
    for doc, path in document_pages(content):
        page = pages[path]
        h1 = page.text(next(page.iter("h1")))
        if h1 != str(doc.meta["title"]).strip():
            problems.append(f"{doc.id}: h1 {h1!r}")
        text = page.text(page.main)
        for label in ("成文日期", "发布日期", "施行日期"):
            if label not in text:
                problems.append(f"{doc.id}: no {label}")
        if doc.meta.get("number") and str(doc.meta["number"]) not in text:
            problems.append(f"{doc.id}: 文号 {doc.meta['number']} not shown")
        datetimes = {t.get("datetime") for t in page.iter("time")}
        for key in ("signed", "published"):
            if str(doc.meta[key]) not in datetimes:
                problems.append(f"{doc.id}: no <time datetime={doc.meta[key]}> for {key}")
        # Its interpretations are linked from it.
        hrefs = {posixpath.normpath(posixpath.join(f"d/{doc.id}", unquote(a.get("href") or "")))
                 for a in page.iter("a")}
        for stem in doc.interpretations:
            if f"d/{doc.id}/{stem}" not in hrefs:
                problems.append(f"{doc.id}: no link to interpretation {stem}")
        exempt = doc.meta.get("exempt")
        if exempt:
            # A plain reason, or a decision {reason, approved_by, approved_on}: all of it shown.
            shown = [str(exempt)] if not isinstance(exempt, dict) else [str(exempt[k]) for k in ("reason", "approved_by") if exempt.get(k)]
            if "approved_on" in (exempt if isinstance(exempt, dict) else {}):
                d = exempt["approved_on"]
                y, m, dd = (int(x) for x in str(d).split("-"))
                shown.append(f"{y}年{m}月{dd}日")
            for part in shown:
                if part not in text:
                    problems.append(f"{doc.id}: exemption ({part}) not shown")
    assert not problems, "\n".join(problems)


def test_interpretation_pages_show_their_documents_status(pages, content, as_of):
    problems = []
    for doc, stem, path in interpretation_pages(content):
        page = pages[path]
        status = expected_status(content, doc, as_of)
        badge, _ = status_badge(page)
        if page.text(badge) != STATUS_TEXT[status]:
            problems.append(f"{doc.id}/{stem}: badge {page.text(badge)!r}, expected {STATUS_TEXT[status]!r}")
        back = {posixpath.normpath(posixpath.join(f"d/{doc.id}/{stem}", unquote(a.get("href") or "")))
                for a in page.iter("a")}
        if f"d/{doc.id}" not in back:
            problems.append(f"{doc.id}/{stem}: no link back to its document")
    assert not problems, "\n".join(problems)


def library_rows(page) -> list[str]:
    """Document ids linked from a library page's table, in order, as a reader without
    JavaScript sees it: not the hidden rows a status list carries for later days."""
    ids = []
    for table in page.find_class("documents", "table"):
        for tbody in table.iter("tbody"):
            for a in (a for row in tbody.iter("tr") if row.get("hidden") is None for a in row.iter("a")):
                match = re.search(r"d/([^/]+)/?$", unquote(a.get("href") or ""))
                if match:
                    ids.append(match.group(1))
    return ids


@pytest.mark.parametrize("folder", ["regulations", "normative", "policies"])
def test_library_pages_filter_by_status(pages, content, as_of, folder):
    docs = [d for d in content.docs.values() if d.folder == folder]
    status_of = {d.id: expected_status(content, d, as_of) for d in docs}
    rank = list(STATUS_TEXT)[::-1]  # in-force, not-yet-in-force, superseded, expired, repealed
    # The library opens on 现行有效; every document is on all/.
    landing = library_rows(pages[f"{folder}/index.html"])
    assert sorted(landing) == sorted(i for i, s in status_of.items() if s == "in-force"), f"{folder}/: lists {landing}"
    listed = library_rows(pages[f"{folder}/all/index.html"])
    assert sorted(listed) == sorted(status_of), f"{folder}/all/: lists {listed}, content has {sorted(status_of)}"
    in_force = [i for i in listed if status_of[i] == "in-force"]
    assert listed[:len(in_force)] == in_force, f"{folder}/: in-force documents are not listed first: {listed}"
    by_id = {d.id: d for d in docs}
    for a, b in zip(listed, listed[1:]):
        if status_of[a] == status_of[b]:
            assert by_id[a].published >= by_id[b].published, f"{folder}/: {a} listed before newer {b}"
        else:
            assert rank.index(status_of[a]) < rank.index(status_of[b]), f"{folder}/: order {a} before {b}"
    for status in STATUS_TEXT:
        rows = library_rows(pages[f"{folder}/{status}/index.html"])
        expected = sorted(i for i, s in status_of.items() if s == status)
        assert sorted(rows) == expected, f"{folder}/{status}/: lists {rows}, expected {expected}"


def test_documents_json_has_every_document_with_its_status(site, content, as_of):
    data = json.loads((site / "documents.json").read_text(encoding="utf-8"))
    entries = data["documents"] if isinstance(data, dict) else data
    by_id = {e["id"]: e for e in entries}
    assert set(by_id) == set(content.docs), "documents.json ids differ from content/ bundles"
    problems = []
    for doc in content.docs.values():
        entry = by_id[doc.id]
        status = expected_status(content, doc, as_of)
        if entry.get("status") != status:
            problems.append(f"{doc.id}: status {entry.get('status')!r}, expected {status!r}")
        if entry.get("status_text", STATUS_TEXT[status]) != STATUS_TEXT[status]:
            problems.append(f"{doc.id}: status_text {entry.get('status_text')!r}")
        if entry.get("title") != str(doc.meta["title"]).strip():
            problems.append(f"{doc.id}: title {entry.get('title')!r}")
        for key in ("signed", "published"):
            if entry.get(key) != str(doc.meta[key]):
                problems.append(f"{doc.id}: {key} {entry.get(key)!r}, content says {doc.meta[key]}")
        if entry.get("effective") != doc.effective.isoformat():
            problems.append(f"{doc.id}: effective {entry.get('effective')!r}, expected {doc.effective}")
        url = entry.get("url", "")
        if unquote(url) != page_url(content, f"d/{doc.id}/"):
            problems.append(f"{doc.id}: url {url!r}")
        stems = sorted(i["id"] for i in entry.get("interpretations", []))
        if stems != doc.interpretations:
            problems.append(f"{doc.id}: interpretations {stems}, bundle has {doc.interpretations}")
    if isinstance(data, dict) and "generated_as_of" in data:
        assert data["generated_as_of"] == as_of.isoformat()
    assert not problems, "\n".join(problems)


# ---------------------------------------------------------------------------------------
# Feed, sitemap, robots.txt


def test_feed_is_valid_atom(site, content):
    root = ET.parse(site / "feed.xml").getroot()
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        element = root.find(f"{ATOM}{name}")
        assert element is not None and (element.text or "").strip(), f"feed lacks <{name}>"
    assert RFC3339.match(root.find(f"{ATOM}updated").text.strip())
    assert root.findall(f"{ATOM}link"), "feed lacks <link>"
    assert root.find(f"{ATOM}author") is not None or all(
        e.find(f"{ATOM}author") is not None for e in root.findall(f"{ATOM}entry")), "Atom needs an author"
    entries = root.findall(f"{ATOM}entry")
    assert entries, "feed has no entries"
    ids = []
    for entry in entries:
        for name in ("id", "title", "updated"):
            element = entry.find(f"{ATOM}{name}")
            assert element is not None and (element.text or "").strip(), f"entry lacks <{name}>"
        assert RFC3339.match(entry.find(f"{ATOM}updated").text.strip())
        ids.append(entry.find(f"{ATOM}id").text.strip())
        link = entry.find(f"{ATOM}link")
        assert link is not None, "entry lacks <link>"
        href = link.get("href", "")
        assert href.startswith(content.base_url), f"entry link {href} not under base_url"
        rel = unquote(urlsplit(href[len(content.base_url):]).path)
        assert site_target(site, rel) is not None, f"entry link {href} has no page"
    assert len(ids) == len(set(ids)), "duplicate entry ids"


def test_opensearch_description_adds_the_sites_search(site, content):
    """A browser adds the search from opensearch.xml: valid OpenSearch 1.1 whose template is the
    search page's shareable address with `q`, absolute under base_url; every page links it."""
    root = ET.parse(site / "opensearch.xml").getroot()
    assert root.tag == f"{OPENSEARCH}OpenSearchDescription"
    short = root.find(f"{OPENSEARCH}ShortName").text
    assert short and len(short) <= 16, "ShortName: at most 16 characters"
    assert (root.find(f"{OPENSEARCH}Description").text or "").strip()
    assert root.find(f"{OPENSEARCH}InputEncoding").text == "UTF-8"
    html = [u for u in root.findall(f"{OPENSEARCH}Url") if u.get("type") == "text/html"]
    assert len(html) == 1
    template = html[0].get("template")
    assert template == content.base_url + "search/?q={searchTerms}", template
    assert site_target(site, urlsplit(template).path[len(urlsplit(content.base_url).path):]) is not None
    own = [u for u in root.findall(f"{OPENSEARCH}Url") if u.get("rel") == "self"]
    assert own and own[0].get("template") == content.base_url + "opensearch.xml"
    pages = sorted(site.rglob("*.html"))
    assert pages
    for page in pages:
        text = page.read_text(encoding="utf-8")
        m = re.search(r'<link rel="search" type="application/opensearchdescription\+xml" title="[^"]+" href="([^"]+)">', text)
        assert m, f"{page} does not link opensearch.xml"
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page.relative_to(site).as_posix()), m.group(1)))
        assert target == "opensearch.xml", f"{page}: {m.group(1)}"


def test_sitemap_lists_every_document_and_interpretation(site, content):
    root = ET.parse(site / "sitemap.xml").getroot()
    assert root.tag == f"{SITEMAP}urlset"
    locs = [(u.find(f"{SITEMAP}loc").text or "").strip() for u in root.findall(f"{SITEMAP}url")]
    assert locs, "empty sitemap"
    for loc in locs:
        assert loc.startswith(content.base_url), f"{loc} not under base_url"
        assert urlsplit(loc).scheme in ("http", "https")
        assert site_target(site, unquote(urlsplit(loc[len(content.base_url):]).path)) is not None, f"{loc} has no page"
    listed = {unquote(loc) for loc in locs}
    for doc, _ in document_pages(content):
        assert page_url(content, f"d/{doc.id}/") in listed, f"sitemap lacks {doc.id}"
    for doc, stem, _ in interpretation_pages(content):
        assert page_url(content, f"d/{doc.id}/{stem}/") in listed, f"sitemap lacks {doc.id}/{stem}"


def test_robots_txt_points_at_the_sitemap(site, content):
    text = (site / "robots.txt").read_text(encoding="utf-8")
    assert re.search(r"(?im)^user-agent:\s*\*", text)
    assert f"Sitemap: {content.base_url}sitemap.xml" in text
