"""examples/nginx.conf, run by Debian's nginx: the site under a sub-path (/zcwj/), caching,
gzip, security headers with a Content-Security-Policy without 'unsafe-inline' — and the
pages work under that policy in headless Chromium (a CSP violation is a console error)."""
from __future__ import annotations

import gzip
import http.client
import time
import urllib.parse

import pytest

from quality_support import SUB_PATH


def fetch(nginx, path: str, headers: dict | None = None, method: str = "GET"):
    conn = http.client.HTTPConnection("127.0.0.1", nginx.port, timeout=10)
    conn.request(method, urllib.parse.quote(SUB_PATH + path.lstrip("/"), safe="/?=&%"), headers=headers or {})
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response, body


def first_shard(sample_site) -> str:
    shards = sorted(p for p in sample_site.glob("search/idx-*/**/*") if p.is_file())
    assert shards, "the search index has no content-hashed shard folder (search/idx-<hash>/)"
    return shards[0].relative_to(sample_site).as_posix()


SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
}


@pytest.mark.parametrize("path", ["", "normative/", "search/", "d/2022-relief-measures/", "assets/style.css",
                                  "assets/search.js", "search/manifest.json", "documents.json"])
def test_security_headers_on_every_kind_of_file(nginx, path):
    response, _ = fetch(nginx, path)
    assert response.status == 200, path
    for name, value in SECURITY_HEADERS.items():
        assert response.getheader(name) == value, (path, name)
    csp = response.getheader("Content-Security-Policy") or ""
    assert "script-src 'self'" in csp and "style-src 'self'" in csp and "default-src 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
    assert "camera=()" in (response.getheader("Permissions-Policy") or "")


def bundle_files(sample_site) -> list[str]:
    files = sorted(p.relative_to(sample_site).as_posix() for p in sample_site.glob("d/**/*")
                   if p.is_file() and p.name != "index.html")
    assert files, "the sample site publishes no bundle files"
    return files


def test_bundle_files_are_sandboxed_and_pages_are_not(nginx, sample_site):
    # An SVG or HTML attachment must not run scripts on the library's origin (PM005).
    for path in bundle_files(sample_site):
        response, _ = fetch(nginx, path)
        assert response.status == 200, path
        directives = [d.strip() for d in (response.getheader("Content-Security-Policy") or "").split(";")]
        assert "sandbox" in directives, path
    for path in ("", "d/2022-relief-measures/", "d/2022-relief-measures/index.html", "documents.json", "assets/style.css"):
        response, _ = fetch(nginx, path)
        directives = [d.strip() for d in (response.getheader("Content-Security-Policy") or "").split(";")]
        assert "sandbox" not in directives and "default-src 'none'" in directives, path


def test_html_and_manifests_are_revalidated_every_time(nginx):
    for path in ("", "d/2022-relief-measures/", "search/manifest.json", "documents.json", "assets/style.css"):
        response, _ = fetch(nginx, path)
        assert response.getheader("Cache-Control") == "no-cache", path
        etag = response.getheader("ETag")
        assert etag, path
        again, body = fetch(nginx, path, {"If-None-Match": etag})
        assert again.status == 304 and body == b"", path


def test_hashed_search_shards_are_cached_for_a_year(nginx, sample_site):
    shard = first_shard(sample_site)
    response, body = fetch(nginx, shard)
    assert response.status == 200
    assert response.getheader("Cache-Control") == "public, max-age=31536000, immutable"
    assert body == (sample_site / shard).read_bytes()


def test_packed_search_files_are_served_by_range(nginx, sample_site):
    """search.js reads each piece of the packed index files with a byte range: nginx answers
    206 with exactly those bytes, and does not gzip them (they are compressed at rest)."""
    packs = sorted(p for p in sample_site.glob("search/idx-*/[pkt]/*.bin"))
    assert packs, "no packed index files"
    path = packs[0].relative_to(sample_site).as_posix()
    whole = packs[0].read_bytes()
    response, body = fetch(nginx, path, {"Range": "bytes=3-40", "Accept-Encoding": "gzip"})
    assert response.status == 206
    assert response.getheader("Content-Range") == f"bytes 3-40/{len(whole)}"
    assert response.getheader("Content-Encoding") is None
    assert body == whole[3:41]


def test_several_ranges_come_in_one_multipart_answer(nginx, sample_site):
    """A round of a query asks for all its pieces of one packed file in one request
    (ranges.js): nginx answers 206 multipart/byteranges, one part per range with its
    Content-Range, not gzipped — the framing ranges.js parses."""
    pack = max(sample_site.glob("search/idx-*/[pkt]/*.bin"), key=lambda p: p.stat().st_size)
    whole = pack.read_bytes()
    assert len(whole) > 200, "the sample's largest pack is too small to ask for three ranges"
    ranges = [(0, 9), (50, 80), (len(whole) - 20, len(whole) - 1)]
    header = "bytes=" + ",".join(f"{a}-{b}" for a, b in ranges)
    response, body = fetch(nginx, pack.relative_to(sample_site).as_posix(), {"Range": header, "Accept-Encoding": "gzip"})
    assert response.status == 206
    assert response.getheader("Content-Encoding") is None
    kind, _, boundary = response.getheader("Content-Type").partition("; boundary=")
    assert kind == "multipart/byteranges" and boundary
    parts = body.split(b"--" + boundary.encode())[1:-1]
    assert len(parts) == len(ranges)
    for part, (a, b) in zip(parts, ranges):
        head, _, data = part.partition(b"\r\n\r\n")
        assert f"Content-Range: bytes {a}-{b}/{len(whole)}".encode() in head
        assert data[:b - a + 1] == whole[a:b + 1] and data[b - a + 1:] == b"\r\n"


@pytest.mark.parametrize("path,kind", [("", "text/html"), ("assets/style.css", "text/css"),
                                       ("assets/search.js", "application/javascript"),
                                       ("documents.json", "application/json"), ("feed.xml", "xml")])
def test_text_is_gzipped(nginx, sample_site, path, kind):
    response, body = fetch(nginx, path, {"Accept-Encoding": "gzip"})
    assert kind in response.getheader("Content-Type"), response.getheader("Content-Type")
    assert response.getheader("Content-Encoding") == "gzip", path
    assert "Accept-Encoding" in (response.getheader("Vary") or "")
    plain = (sample_site / (path or "index.html")).read_bytes()
    assert gzip.decompress(body) == plain
    assert len(body) < len(plain)
    identity, raw = fetch(nginx, path)
    assert identity.getheader("Content-Encoding") is None and raw == plain


def test_sub_path_redirects_keep_the_host(nginx):
    response, _ = fetch(nginx, "d/2022-relief-measures")
    assert response.status == 301
    assert response.getheader("Location") == SUB_PATH + "d/2022-relief-measures/"
    conn = http.client.HTTPConnection("127.0.0.1", nginx.port, timeout=10)
    conn.request("GET", SUB_PATH.rstrip("/"))
    bare = conn.getresponse()
    assert bare.status == 301 and bare.getheader("Location") == SUB_PATH
    conn.close()


def test_nothing_outside_or_hidden_is_served(nginx, sample_site):
    (sample_site / ".hidden").write_text("secret")
    try:
        assert fetch(nginx, ".hidden")[0].status == 404
    finally:
        (sample_site / ".hidden").unlink()
    assert fetch(nginx, "../etc/passwd")[0].status in (400, 404)
    assert fetch(nginx, "assets/")[0].status in (403, 404)  # no folder listings
    assert fetch(nginx, "no-such-page/")[0].status == 404


def console_errors(driver) -> list[str]:
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] in ("SEVERE", "ERROR")]


PAGES = ["", "normative/", "d/2022-relief-measures/", "d/2024-price-behavior-compliance/解读/", "cleanup/",
         "search/?q=" + urllib.parse.quote("食品")]


@pytest.mark.parametrize("path", PAGES)
def test_pages_load_under_the_sub_path_with_no_console_errors(nginx, browser, path):
    browser.get_log("browser")  # drop what earlier pages left
    browser.get(nginx.url(path))
    end = time.time() + 10
    while browser.execute_script("return document.readyState") != "complete" and time.time() < end:
        time.sleep(0.05)
    # The stylesheet applied (CSP allowed it): the skip link is moved out of view.
    assert browser.execute_script(
        "var s = document.querySelector('.skip-link'); return s && s.getBoundingClientRect().top < 0 ||"
        " getComputedStyle(s).position !== 'static';"), "style.css did not apply"
    if path.startswith("search/"):
        end = time.time() + 15
        state = ""
        while time.time() < end:
            state = browser.execute_script(
                "var l = document.getElementById('search-results'); return l ? l.dataset.state || '' : '';")
            if state in ("done", "error"):
                break
            time.sleep(0.05)
        assert state == "done", f"search.js did not finish under the CSP (state {state!r})"
        assert browser.find_elements("css selector", "li.search-hit"), "no search results"
    errors = console_errors(browser)
    assert errors == [], "console errors (CSP violations show here):\n" + "\n".join(errors)


def test_a_csp_violation_would_show_as_a_console_error(nginx, browser):
    # The check above is only worth something if an inline script is reported: prove it.
    browser.get(nginx.url(""))
    browser.get_log("browser")
    browser.execute_script("var s = document.createElement('script'); s.textContent = 'window.__ran = 1';"
                           "document.body.appendChild(s);")
    time.sleep(0.2)
    assert browser.execute_script("return window.__ran") is None
    assert any("Content Security Policy" in m for m in console_errors(browser))
