"""Nothing from content becomes markup.

The adversarial library (adversarial.py) puts script, event handlers, closing tags and
javascript:/data: URLs in every field a document can have. Its built site is parsed with
html5lib — the HTML5 parsing algorithm browsers use — and every element and attribute is
inspected: no script but our own external ones and JSON-LD data blocks, no event handler
attribute, no javascript:/vbscript:/data: URL, no frame, object, svg or style element. The
payloads must still be there as text, intact, so escaping (not deletion) is what is proven.
"""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import html5lib
import pytest

import adversarial as adv

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "data", "srcset", "background", "cite",
                  "ping", "xlink:href", "manifest", "longdesc", "lowsrc", "dynsrc"}
# Elements none of our templates writes; any of them in output came from content.
FOREIGN_ELEMENTS = {"iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "style", "base",
                    "marquee", "isindex", "xmp", "plaintext", "template"}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:")


def parse(path: Path):
    parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"), namespaceHTMLElements=False)
    return parser.parse(path.read_bytes(), transport_encoding="utf-8")


def local(tag) -> str:
    return tag.split("}")[-1].lower() if isinstance(tag, str) else ""


def url_is_dangerous(value: str) -> bool:
    # Browsers drop ASCII tab/newline anywhere and leading/trailing C0 controls and spaces.
    cleaned = re.sub(r"[\x00-\x20]", "", value).lower()
    return cleaned.startswith(BAD_SCHEMES)


def injected_in(root, page: str) -> list[str]:
    """Every element or attribute in a parsed page that content could have injected."""
    found = []
    for el in root.iter():
        tag = local(el.tag)
        if not tag:
            continue
        attrs = {local(k): v for k, v in el.attrib.items()}
        where = f"{page}: <{tag} {' '.join(f'{k}={v!r}' for k, v in attrs.items())}>"
        if tag == "script":
            src, kind = attrs.get("src"), attrs.get("type", "")
            if kind == "application/ld+json" and src is None:
                continue
            if src and not url_is_dangerous(src) and "//" not in src and src.endswith(".js") and "XSS" not in src:
                continue
            found.append("script " + where)
        if tag in FOREIGN_ELEMENTS:
            found.append("foreign element " + where)
        if tag == "meta" and "http-equiv" in attrs:
            found.append("meta http-equiv " + where)
        if tag == "img" and attrs.get("src") == "x":
            found.append("injected image " + where)
        for name, value in attrs.items():
            if name.startswith("on"):
                found.append(f"event handler {name} " + where)
            if name in URL_ATTRIBUTES and url_is_dangerous(value):
                found.append(f"dangerous URL in {name} " + where)
    return found


@pytest.fixture(scope="module")
def pages(adversarial_site):
    return {p.relative_to(adversarial_site).as_posix(): parse(p) for p in sorted(adversarial_site.rglob("*.html"))}


def test_no_injected_element_or_attribute_on_any_page(pages):
    assert len(pages) >= 10, f"only {len(pages)} pages built"
    injected = [hit for page, root in pages.items() for hit in injected_in(root, page)]
    print(f"adversarial site: {len(pages)} pages inspected, {len(injected)} injected elements or attributes")
    assert injected == [], "content became markup:\n" + "\n".join(injected)


def test_the_inspector_would_see_an_injection():
    # The same parse of an unescaped page finds every kind of payload, so zero above means zero.
    raw = ("<!doctype html><title>t</title><p>" + adv.TITLE + adv.NUMBER + adv.KEYWORD + adv.QA_TITLE
           + '<a href=" JaVa\tScRiPt:x">a</a><script src="search.js"></script><script>x()</script>')
    root = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"), namespaceHTMLElements=False).parse(raw)
    hits = injected_in(root, "raw")
    kinds = {hit.split(" <")[0].split(" ")[0] for hit in hits}
    assert {"script", "event", "foreign", "dangerous", "injected"} <= kinds, hits
    assert not any("search.js" in hit for hit in hits)


def text_of(el) -> str:
    return "".join(el.itertext())


def test_payloads_are_shown_as_text(pages):
    doc = pages["d/2024-evil-rules/index.html"]
    h1 = next(doc.iter("h1"))
    assert text_of(h1) == adv.TITLE
    meta = text_of(next(t for t in doc.iter("table")))
    for value in (adv.NUMBER, adv.OFFICE, adv.TOPIC, adv.KEYWORD, adv.ISSUER):
        assert value in meta, value
    body = text_of(next(e for e in doc.iter("div") if "prose" in (e.get("class") or "").split()))
    assert "点我" in body and "粗体" in body  # link text kept, only the URL is neutralised
    links = {text_of(a): a.get("href") for a in doc.iter("a")}
    assert links.get(adv.ATTACHMENT_TITLE, "").endswith(".pdf")
    interp = pages["d/2024-evil-rules/解读/index.html"]
    assert text_of(next(interp.iter("h1"))) == adv.INTERPRETATION_TITLE
    cleanup = pages["cleanup/2025-evil-cleanup/index.html"]
    assert adv.CLEANUP_TITLE in text_of(next(cleanup.iter("h1")))
    title = text_of(next(pages["index.html"].iter("title")))
    assert adv.SITE_TITLE in title


def test_attachment_files_named_like_urls_are_links_to_the_files(adversarial_site, pages):
    doc = pages["d/2024-evil-rules/index.html"]
    hrefs = [a.get("href") for a in doc.iter("a") if a.get("href")]
    for name in (adv.JS_FILE, adv.DATA_FILE):
        # The href is relative: its colon is percent-encoded, so it names the copied file.
        matching = [h for h in hrefs if h.endswith(".pdf") and "XSS" in h and not url_is_dangerous(h)]
        assert matching, hrefs
        assert (adversarial_site / "d/2024-evil-rules" / name).is_file()


def strings_in(data) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for k, v in data.items() for s in strings_in(k) + strings_in(v)]
    if isinstance(data, list):
        return [s for v in data for s in strings_in(v)]
    return []


def test_json_files_parse_and_keep_the_strings(adversarial_site):
    files = sorted(adversarial_site.rglob("*.json"))
    assert files
    values = []
    for path in files:
        values += strings_in(json.loads(path.read_text(encoding="utf-8")))
    for payload in adv.INTACT:
        assert any(payload in v for v in values), payload


def test_json_ld_blocks_parse_and_keep_the_strings(pages):
    blocks = [(page, el.text or "") for page, root in pages.items() for el in root.iter("script")
              if el.get("type") == "application/ld+json"]
    if not blocks:
        pytest.skip("the pages have no JSON-LD yet")
    values = []
    for page, text in blocks:
        assert "</script" not in text.lower(), page
        values += strings_in(json.loads(text))
    assert any(adv.TITLE in v for v in values)


def test_feeds_and_sitemap_are_well_formed_xml_with_the_strings(adversarial_site):
    xml_files = sorted(adversarial_site.rglob("*.xml"))
    assert xml_files
    texts = ""
    for path in xml_files:
        root = ET.parse(path).getroot()
        texts += "".join(root.itertext())
        for el in root.iter():
            for name, value in el.attrib.items():
                assert not url_is_dangerous(value), f"{path.name}: {name}={value!r}"
    assert adv.TITLE in texts
