"""Drives the search page the way a visitor does, and reads what it shows."""
from __future__ import annotations

import time
import urllib.parse

from selenium.webdriver.common.by import By


class SearchPage:
    def __init__(self, driver, server, site: str = "site"):
        self.d = driver
        self.server = server
        self.site = site

    # ---- navigation

    def open(self, **params) -> "SearchPage":
        query = urllib.parse.urlencode(params, doseq=True)
        self.d.get(self.server.url(f"/{self.site}/search/" + ("?" + query if query else "")))
        if params:
            self.wait_done(params.get("q", ""))
        return self

    def wait_done(self, query: str | None = None, timeout: float = 15):
        """Until the page has rendered results for `query` (the live region's data-state)."""
        end = time.time() + timeout
        while time.time() < end:
            state = self.d.execute_script(
                "var l = document.getElementById('search-results');"
                "return l ? [l.dataset.state || '', l.dataset.query] : ['', null];")
            if state[0] == "error":
                raise AssertionError("search error: " + self.summary())
            if state[0] == "done" and (query is None or state[1] == query):
                return
            time.sleep(0.03)
        raise AssertionError(f"no results rendered for {query!r}: {self.summary()!r}")

    # ---- reading

    def summary(self) -> str:
        return self.d.find_element(By.ID, "search-results").text

    def hits(self):
        return self.d.find_elements(By.CSS_SELECTOR, "li.search-hit")

    def hit_paths(self) -> list[str]:
        return [h.get_attribute("data-path") for h in self.hits()]

    def all_hit_paths(self) -> list[str]:
        """Every result, pressing “显示更多结果” until it is gone."""
        while True:
            more = self.d.find_element(By.CSS_SELECTOR, ".search-more")
            if not more.is_displayed():
                return self.hit_paths()
            before = len(self.hits())
            more.click()
            end = time.time() + 10
            while len(self.hits()) <= before and time.time() < end:
                time.sleep(0.03)

    def count(self) -> int:
        return int(self.d.find_element(By.ID, "search-results").get_attribute("data-count"))

    def facets(self) -> dict:
        """{facet legend: {value label: count}} as shown."""
        out = {}
        for fs in self.d.find_elements(By.CSS_SELECTOR, ".search-facet"):
            legend = fs.find_element(By.TAG_NAME, "legend").text
            values = {}
            for label in fs.find_elements(By.CSS_SELECTOR, ".search-facet-value label"):
                count = label.find_element(By.CSS_SELECTOR, ".search-count").text
                values[label.text[: -len(count)].strip()] = int(count.strip("()"))
            out[legend] = values
        return out

    def facet_box(self, legend: str, label: str):
        for fs in self.d.find_elements(By.CSS_SELECTOR, ".search-facet"):
            if fs.find_element(By.TAG_NAME, "legend").text != legend:
                continue
            for value in fs.find_elements(By.CSS_SELECTOR, ".search-facet-value"):
                lab = value.find_element(By.TAG_NAME, "label")
                if lab.text.startswith(label + " "):
                    return value.find_element(By.TAG_NAME, "input")
        raise AssertionError(f"no facet value {legend}/{label}")

    def query_params(self) -> dict:
        return urllib.parse.parse_qs(urllib.parse.urlparse(self.d.current_url).query)
