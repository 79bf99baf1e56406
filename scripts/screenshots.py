"""Draw the browser view's screenshots and print how legible each is at first view.

    python scripts/screenshots.py [--out DIR | --docs] [--only NAME ...]

Writes the PNG files to ``--out DIR`` (created if need be), by default to a new folder under
the system's temporary folder (printed at the end), so that a run never rewrites the
pictures the repository tracks; ``--docs`` writes them to this checkout's ``docs/``, to
refresh the README's pictures on purpose. Draws, in headless Chromium (Debian's
/usr/bin/chromium through Playwright, offline: every non-file: request is refused), at
1400x850:

* ``seed-graph.png``: the seed article (the README's picture), the US -> Chinese officials
  link selected;
* ``view-bundled-actors.png``, ``view-bundled-events.png``: the bundled data;
* ``view-bundled-focus-china.png``: the bundled data around China (``--focus China``, 2 hops:
  the focus node selected, its links labelled where there is room);
* ``view-1k-*.png``, ``view-5k-*.png``: generated graphs of about 1,000 and 5,000 nodes
  (``tests/export/conftest.py``'s ``synthetic_records``, seeded), both views;

and prints, for each, measured at first view before anything else is selected: the nodes
drawn, the node labels drawn, how many overlap another label, how many overlap a label or
another node, how many are cut at the edge, the link labels drawn and how many of those
overlap a label (``tests/export/label_boxes.py`` measures them, as the tests do).
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from functools import cache
from pathlib import Path
from typing import Any

from PIL import Image
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's kg and tests

from kg.export.html import write_html  # noqa: E402
from kg.graph.build import build  # noqa: E402
from kg.model.records import Dataset  # noqa: E402
from kg.readwrite.load import default_data_path, load  # noqa: E402
from tests.export.conftest import CHROMIUM, CHROMIUM_ARGS, synthetic_records  # noqa: E402
from tests.export.label_boxes import measure  # noqa: E402

SELECT_US_CN = """() => { const id = Object.keys(kgView.data.emeta).find(i => {
    const e = kgView.edges.get(i);
    return e.from === 'actor:us' && e.to === 'actor:cn-officials'; });
    if (id) { kgView.network.selectEdges([id]); kgView.showEdge(id); } }"""


def _save_small(png: bytes, path: Path) -> None:
    """The screenshot as a 256-colour PNG: a third of the size, the same to the eye."""
    img = Image.open(io.BytesIO(png)).convert("RGB")
    img.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)


@cache
def _graph(which: str) -> Any:
    data = default_data_path()
    if which == "seed":
        return build(load([data / "seed-article.yaml", data / "actors.yaml"]))
    if which == "bundled":
        return build(load())
    size = {"1k": (700, 300, 11), "5k": (3500, 1500, 5)}[which]
    return build(Dataset.model_validate(synthetic_records(*size[:2], seed=size[2])))


TITLE = "Who sanctioned whom: the seed article (22-23 March 2021)"
PICTURES: dict[str, tuple[str, dict[str, Any]]] = {
    "seed-graph": ("seed", {"title": TITLE}),
    "view-bundled-actors": ("bundled", {}),
    "view-bundled-events": ("bundled", {"view": "events"}),
    "view-bundled-focus-china": ("bundled", {"focus": "China"}),
    "view-1k-actors": ("1k", {}),
    "view-1k-events": ("1k", {"view": "events"}),
    "view-5k-actors": ("5k", {}),
    "view-5k-events": ("5k", {"view": "events"}),
}
"""Picture name -> (graph, write_html options)."""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    where = ap.add_mutually_exclusive_group()
    where.add_argument("--out", help="folder for the PNG files (default: a new temporary "
                                     "folder)")
    where.add_argument("--docs", action="store_true",
                       help=f"write to {ROOT / 'docs'} (the README's pictures, tracked)")
    ap.add_argument("--only", action="append", default=[], help="one picture by name")
    opts = ap.parse_args()
    unknown = [n for n in opts.only if n not in PICTURES]
    if unknown:
        print(f"unknown picture {unknown[0]!r}; one of: {', '.join(PICTURES)}", file=sys.stderr)
        return 2
    if opts.docs:
        out = ROOT / "docs"
    elif opts.out:
        out = Path(opts.out)
        out.mkdir(parents=True, exist_ok=True)
    else:
        out = Path(tempfile.mkdtemp(prefix="kg-screenshots-"))
    print(f"{'picture':<25} {'nodes':>6} {'labels':>6} {'on label':>8} {'on any':>7} "
          f"{'cut':>4} {'links':>5} {'on label':>8} {'secs':>5}")
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for name, (which, kw) in PICTURES.items():
            if opts.only and name not in opts.only:
                continue
            t0 = time.perf_counter()
            page_file = write_html(_graph(which), Path(tmp) / f"{name}.html", **kw)
            ctx = browser.new_context(viewport={"width": 1400, "height": 850},
                                      device_scale_factor=1)
            ctx.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:")
                      else r.abort())
            page = ctx.new_page()
            page.goto(page_file.resolve().as_uri())
            page.wait_for_function("window.kgReady !== undefined", timeout=120_000)
            m = measure(page)  # at first view, before anything is selected
            if name == "seed-graph":
                page.evaluate(SELECT_US_CN)  # what a click shows
                page.wait_for_timeout(200)
            _save_small(page.screenshot(), out / f"{name}.png")
            ctx.close()
            n = max(m["nodes"], 1)
            print(f"{name:<25} {m['nodes']:>6} {m['labelled']:>6} "
                  f"{m['overlapLabel']:>4} {m['overlapLabel'] / n:>3.0%} "
                  f"{m['overlapAny']:>3} {m['overlapAny'] / n:>3.0%} {m['clipped']:>4} "
                  f"{m['edgeLabels']:>5} {m['edgeOnLabel']:>8} "
                  f"{time.perf_counter() - t0:>5.1f}", flush=True)
        browser.close()
    print(f"wrote {out}/*.png (labels overlapping: on label = another label; on any = "
          "another label or node; % of nodes drawn; links = link labels drawn)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
