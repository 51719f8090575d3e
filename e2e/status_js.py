"""The status rules for the Python tests, from the one place they live in JavaScript:
`status.js` (Sources/PolicySite/Theme/Default/status.js, pinned to Status.swift by the shared
vectors, Tests/Vectors/status.json), run as it is in headless Chromium. The tests gather each
document's facts from the Markdown — dates, repeals, cleanup results, successors — and ask
status.js for the status on a day; they hold no copy of the rules."""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "browser"))
from browser_support import REPO, new_driver  # noqa: E402

STATUS_JS = REPO / "Sources" / "PolicySite" / "Theme" / "Default" / "status.js"

SCRIPT = """
const [source, facts, day, done] = [arguments[0], arguments[1], arguments[2], arguments[arguments.length - 1]];
import('data:text/javascript;charset=utf-8,' + encodeURIComponent(source)).then((s) => {
  const out = {};
  for (const [id, f] of Object.entries(facts)) out[id] = s.statusOf(s.readFacts(f), s.dayOf(day));
  done(out);
}, (e) => done({ error: String(e) }));
"""


def statuses(facts: dict[str, dict], day: dt.date) -> dict[str, str]:
    """{id: status code on `day`} for documents given by their facts, as pages carry them
    (`data-status-facts`: ISO dates; effective, expires, repealed {date}, endings
    [{effective, outcome}], successors [{published, effective}])."""
    driver = new_driver()
    try:
        out = driver.execute_async_script(SCRIPT, STATUS_JS.read_text(encoding="utf-8"), facts, day.isoformat())
    finally:
        driver.quit()
    if set(out) == {"error"}:
        raise RuntimeError(f"status.js: {out['error']}")
    return out
