"""gov.cn conventions and navigable long texts on the built sample site, checked against the
content itself: every chapter of a long text is in its table of contents, every article
(第X条) of every document has an anchor and a link to it, the interpretations' and
新旧对照's article links land on those anchors, and every page carries the
government-website meta tags and the footer's site identification from site.yml."""
from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote

import pytest

from policy_e2e import front_matter

NUMERAL = "零〇一二三四五六七八九十百千两0-9"
CHAPTER = re.compile(rf"^(?:#+\s*)?(?:\*\*)?(第[{NUMERAL}]+章)(?:\*\*)?[ \u3000]+(\S.*?)(?:\*\*)?\s*$")
ARTICLE = re.compile(rf"^(?:#+\s*)?(?:\*\*)?(第[{NUMERAL}]+条(?:之[{NUMERAL}]+)?)(?:\*\*)?(?:[\s\u3000：:。]|$)")
ARTICLE_PAGES = ("d/",)


def body_lines(content, doc) -> list[str]:
    _, body = front_matter(content.root / doc.folder / doc.id / "index.md")
    return [line.strip() for line in body.splitlines() if line.strip()]


def ids(page) -> dict[str, object]:
    return {e.get("id"): e for e in page.root.iter() if e.get("id")}


def article_text(page, element) -> str:
    """An article's text without its own "link to this article" anchor."""
    text = page.text(element)
    link = next((a for a in element.iter("a") if "article-link" in (a.get("class") or "")), None)
    return (text[len(page.text(link)):] if link is not None and text.startswith(page.text(link)) else text).strip()


def resolve(path: str, href: str) -> tuple[str, str]:
    """(page path, fragment) a relative href from the page at `path` points to."""
    target, _, fragment = href.partition("#")
    folder = posixpath.dirname(path)
    joined = posixpath.normpath(posixpath.join(folder, unquote(target))) if target else folder
    return (joined + "/index.html" if not joined.endswith(".html") else joined).lstrip("./"), fragment


def test_long_texts_have_a_table_of_contents_of_their_chapters(pages, content):
    checked = 0
    for doc in content.docs.values():
        chapters = [m.group(1) + " " + m.group(2) for line in body_lines(content, doc) if (m := CHAPTER.match(line))]
        page = pages[f"d/{doc.id}/index.html"]
        toc = page.find_class("toc", "nav")
        if len(chapters) < 2:
            assert not toc, f"{doc.id}: a table of contents without two chapters"
            continue
        checked += 1
        assert toc, f"{doc.id}: {len(chapters)} chapters but no table of contents"
        links = [a for a in toc[0].iter("a")]
        anchors = ids(page)
        top = [a for a in links if page.text(a) in chapters]
        assert [page.text(a) for a in top] == chapters, f"{doc.id}: TOC {[page.text(a) for a in links]}"
        for a in top:
            target = anchors.get(a.get("href", "").lstrip("#"))
            assert target is not None, f"{doc.id}: TOC link {a.get('href')} has no target"
            assert page.text(a) in page.text(target), f"{doc.id}: {a.get('href')} lands on {page.text(target)[:40]!r}"
    assert checked >= 1, "the sample has no document with chapters"


def test_every_article_has_an_anchor_and_a_link_to_itself(pages, content):
    checked = 0
    for doc in content.docs.values():
        labels = [m.group(1) for line in body_lines(content, doc) if (m := ARTICLE.match(line))]
        page = pages[f"d/{doc.id}/index.html"]
        articles = page.find_class("article", "div")
        seen = []
        for element in articles:
            link = next((a for a in element.iter("a") if "article-link" in (a.get("class") or "")), None)
            assert link is not None and link.get("href") == "#" + element.get("id"), f"{doc.id}: {element.get('id')}"
            text = article_text(page, element)
            label = page.text(link).lstrip("#").removesuffix("的链接")
            assert text.startswith(label), f"{doc.id}: #{element.get('id')} is {label}, text {text[:20]!r}"
            seen.append(label)
        assert seen == labels, f"{doc.id}: anchored {seen}, the text has {labels}"
        checked += len(labels)
    assert checked >= 50, f"only {checked} articles in the sample"


def test_article_links_land_on_the_article(pages, content):
    """Interpretations' 第X条 and 新旧对照's rows link to an existing article anchor whose
    text begins with the label the link shows."""
    checked = 0
    for path, page in pages.items():
        for a in page.main.iter("a"):
            href = a.get("href") or ""
            if "#art-" not in href or "article-link" in (a.get("class") or ""):
                continue
            target_path, fragment = resolve(path, href)
            target = ids(pages[target_path]).get(fragment)
            assert target is not None, f"{path}: {href} → {target_path} has no #{fragment}"
            label = re.search(rf"第[{NUMERAL}]+条(?:之[{NUMERAL}]+)?", page.text(a)).group(0)
            assert article_text(pages[target_path], target).startswith(label), f"{path}: {href} ({label})"
            checked += 1
    interpretations = [p for p in pages if p.count("/") == 3 and "#art-" in "".join(
        a.get("href") or "" for a in pages[p].main.iter("a"))]
    assert interpretations, "no interpretation links to an article"
    assert any("/compare/" in p for p in pages if any("#art-" in (a.get("href") or "") for a in pages[p].main.iter("a")))
    assert checked >= 10


def meta(page) -> dict[str, str]:
    return {m.get("name"): m.get("content") for m in page.root.iter("meta") if m.get("name")}


@pytest.mark.parametrize("path,article", [
    ("index.html", False), ("normative/index.html", False), ("normative/all/index.html", False),
    ("search/index.html", False), ("cleanup/index.html", False), ("interpretations/index.html", False),
    ("d/2025-food-workshops-regulation/index.html", True), ("d/2025-food-workshops-regulation/解读/index.html", True),
])
def test_government_meta_tags(pages, content, path, article):
    tags = meta(pages[path])
    website = content.site["website"]
    assert tags["SiteName"] == content.site["title"]
    assert tags["SiteIDCode"] == str(website["id_code"])
    assert tags["SiteDomain"] == website["domain"]
    for name in ("ColumnName", "ColumnType", "Keywords", "Description"):
        assert tags.get(name), f"{path}: no {name}"
    for name in ("ArticleTitle", "PubDate", "ContentSource"):
        assert (name in tags) == article, f"{path}: {name}"
    if article:
        doc = content.docs["2025-food-workshops-regulation"]
        if path.count("/") == 2:
            assert tags["ArticleTitle"] == doc.meta["title"]
            assert tags["PubDate"] == str(doc.meta["published"])
            assert tags["ContentSource"] == doc.meta["issuer"]


def test_every_page_footer_identifies_the_site(pages, content):
    website = content.site["website"]
    digits = re.sub(r"\D", "", website["public_security"])
    for path, page in pages.items():
        footer = next(page.root.iter("footer"), None)
        assert footer is not None, path
        text = page.text(footer)
        assert f"主办单位：{website['sponsor']}" in text, path
        assert f"网站标识码：{website['id_code']}" in text, path
        links = {a.get("href"): page.text(a) for a in footer.iter("a")}
        assert links.get("https://beian.miit.gov.cn/") == website["icp"], path
        assert links.get(f"https://beian.mps.gov.cn/#/query/webSearch?code={digits}") == website["public_security"], path


def test_metadata_table_follows_gov_cn_labels(pages, content):
    for doc in content.docs.values():
        page = pages[f"d/{doc.id}/index.html"]
        table = page.find_class("meta", "table")[0]
        rows = {page.text(th): page.text(td) for tr in table.iter("tr")
                for th, td in [(tr.find("th"), tr.find("td"))] if th is not None and td is not None}
        number_label = "令号" if doc.folder == "regulations" else "发文字号"
        if doc.meta.get("number"):
            assert rows.get(number_label) == doc.meta["number"], f"{doc.id}: {rows}"
        assert "时效性" in rows and "公开方式" in rows and "成文日期" in rows, f"{doc.id}: {list(rows)}"
        if doc.meta.get("topics"):
            assert rows.get("主题分类") == "、".join(doc.meta["topics"]), doc.id
