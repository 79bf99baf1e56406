"""Print how legible the browser view is at first view, for the bundled data's actors and
events views: nodes, labels drawn, labels overlapping another label, labels overlapping
another label or node, labels cut at the canvas edge, link labels drawn and how many of
them overlap another label.

    python scripts/label_overlap.py [-d PATH ...]

Uses Debian's /usr/bin/chromium through Playwright, offline, with the test suite's 1400x850
window.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's kg and tests

from kg.export.html import write_html  # noqa: E402
from kg.graph.build import build  # noqa: E402
from kg.readwrite.load import load  # noqa: E402
from tests.export.label_boxes import measure  # noqa: E402

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-d", "--data", action="append", default=[])
    opts = ap.parse_args()
    G = build(load(opts.data or None))
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for view in ("actors", "events"):
            path = write_html(G, Path(tmp) / f"{view}.html", view=view)
            ctx = browser.new_context(viewport={"width": 1400, "height": 850})
            ctx.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:")
                      else r.abort())
            page = ctx.new_page()
            page.goto(path.resolve().as_uri())
            page.wait_for_function("window.kgReady !== undefined", timeout=60_000)
            m = measure(page)
            print(f"{view}: {m['nodes']} nodes, {m['labelled']} labels drawn; "
                  f"{m['overlapLabel']} overlap another label "
                  f"({m['overlapLabel'] / m['nodes']:.0%} of nodes), "
                  f"{m['overlapAny']} overlap a label or node "
                  f"({m['overlapAny'] / m['nodes']:.0%}), {m['clipped']} cut at the edge; "
                  f"{m['edgeLabels']} link labels drawn, {m['edgeOnLabel']} on another label")
            ctx.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
