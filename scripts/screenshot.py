"""Write docs/seed-graph.png: the browser view of the seed article, drawn by headless Chromium.

    python scripts/screenshot.py [-o docs/seed-graph.png] [--view actors|events]

Uses Debian's /usr/bin/chromium through Playwright, offline (every non-file: request is
refused), from the bundled seed-article.yaml and actors.yaml.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's kg

from kg.export.html import write_html
from kg.graph.build import build
from kg.readwrite.load import default_data_path, load

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-o", "--output", default="docs/seed-graph.png")
    ap.add_argument("--view", choices=["actors", "events"], default="actors")
    opts = ap.parse_args()
    data = default_data_path()
    G = build(load([data / "seed-article.yaml", data / "actors.yaml"]))
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        page_file = write_html(G, Path(tmp) / "seed.html", view=opts.view,
                               title="Who sanctioned whom: the seed article (22-23 March 2021)")
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        ctx = browser.new_context(viewport={"width": 1400, "height": 860},
                                  device_scale_factor=1)
        ctx.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:")
                  else r.abort())
        page = ctx.new_page()
        page.goto(page_file.resolve().as_uri())
        page.wait_for_function("window.kgReady !== undefined")
        # Show what a click shows: the details of the US -> Chinese officials link.
        page.evaluate("""() => { const id = Object.keys(kgView.data.emeta).find(i => {
            const e = kgView.edges.get(i);
            return e.from === 'actor:us' && e.to === 'actor:cn-officials'; });
            if (id) { kgView.network.selectEdges([id]); kgView.showEdge(id); } }""")
        page.wait_for_timeout(200)
        Path(opts.output).parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=opts.output)
        browser.close()
    print(opts.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
