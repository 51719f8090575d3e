"""The client's tokenizer, `tokenize.js`, run in headless Chromium for the Python side of the
tests and the benchmark: a query's terms and a text's folding come from the module the site
ships (the shared vectors, Tests/Vectors/tokenize.json, pin it to Tokenizer.swift), never from
a Python copy of the rules."""
from __future__ import annotations

SCRIPT = """
const [url, op, items, done] = [arguments[0], arguments[1], arguments[2], arguments[arguments.length - 1]];
import(url).then((t) => {
  // String.fromCodePoint takes its code points as arguments: a long text goes in slices.
  const text = (cps) => { let s = ''; for (let i = 0; i < cps.length; i += 8192) s += t.str(cps.slice(i, i + 8192)); return s; };
  if (op === 'terms') done(items.map((q) => t.terms(q).map(text)));
  else done(items.map((s) => text(t.codePoints(s).map(t.fold))));
}, (e) => done({ error: String(e) }));
"""


class BrowserTokens:
    """`tokenize.js` of the site at `site_url` (http://…/site/), in `driver`, which this
    object keeps on a page of that site (a module is imported from its own origin)."""

    def __init__(self, driver, site_url: str):
        self.d = driver
        self.site_url = site_url
        self.module = site_url.rstrip("/") + "/assets/tokenize.js"
        self.d.set_script_timeout(120)
        self.d.get(site_url)
        self._terms: dict[str, list[str]] = {}

    def _run(self, op: str, items: list[str]) -> list:
        out = []
        for i in range(0, len(items), 200):   # WebDriver messages stay a few megabytes
            part = self.d.execute_async_script(SCRIPT, self.module, op, items[i:i + 200])
            if isinstance(part, dict):
                raise RuntimeError(f"tokenize.js: {part['error']}")
            out += part
        return out

    def terms(self, query: str) -> list[str]:
        """The query's terms, folded and split at spaces (tokenize.js `terms`)."""
        if query not in self._terms:
            self._terms[query] = self._run("terms", [query])[0]
        return self._terms[query]

    def fold_all(self, texts: list[str]) -> list[str]:
        """Each text with every character folded (tokenize.js `fold`): one for one, so positions hold."""
        return self._run("fold", texts)

    def fold(self, text: str) -> str:
        return self.fold_all([text])[0]
