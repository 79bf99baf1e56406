"""Page size and time to a usable page of the browser view (``kg export html``).

    python benchmarks/html_view.py [--runs 5]
    python benchmarks/html_view.py --page big.html [--page other.html]   # pages you made

For the seed data and a generated 5,000-node graph, in both views: the time to render the
page in Python, its size, and the time from navigation to the first drawn frame in headless
Chromium (Debian's /usr/bin/chromium, offline), each the median of ``--runs`` runs, with the
ratio to an empty page loaded in the same browser as a baseline.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's kg

from playwright.sync_api import sync_playwright

from kg.export.html import render_html
from kg.graph.build import build
from kg.model.records import Dataset
from kg.readwrite.load import load

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]


def _synthetic():  # type: ignore[no-untyped-def]
    path = Path(__file__).resolve().parent.parent / "tests" / "export" / "conftest.py"
    spec = importlib.util.spec_from_file_location("_html_conftest", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up
    spec.loader.exec_module(mod)
    return build(Dataset.model_validate(mod.synthetic_records()))


def _load_ms(browser, url: str, ready: str) -> float:  # type: ignore[no-untyped-def]
    ctx = browser.new_context(viewport={"width": 1400, "height": 850})
    ctx.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:")
              else r.abort())
    page = ctx.new_page()
    t0 = time.perf_counter()
    page.goto(url)
    page.wait_for_function(ready, timeout=120_000)
    ms = (time.perf_counter() - t0) * 1000
    ctx.close()
    return ms


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--page", action="append", default=[],
                    help="Time this existing page (e.g. kg export html on a big graph) only.")
    args = ap.parse_args()
    runs = args.runs
    if args.page:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            for page in args.page:
                path = Path(page).resolve()
                usable = statistics.median(
                    _load_ms(browser, path.as_uri(), "window.kgReady !== undefined")
                    for _ in range(runs))
                print(f"{path.name}: {path.stat().st_size / 1e6:.1f} MB, usable in "
                      f"{usable:.0f} ms (median of {runs})", flush=True)
            browser.close()
        return 0
    graphs = {"seed": build(load()), "5k generated": _synthetic()}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        empty = Path(tmp) / "empty.html"
        empty.write_text("<!DOCTYPE html><title>x</title><script>window.kgReady=1</script>")
        base = statistics.median(_load_ms(browser, empty.as_uri(), "window.kgReady")
                                 for _ in range(runs))
        print(f"baseline: empty page ready in {base:.0f} ms (median of {runs})")
        print(f"{'graph':14} {'view':7} {'nodes':>6} {'edges':>6} {'size':>9} "
              f"{'render':>9} {'usable':>9} {'ratio':>6}")
        for name, G in graphs.items():
            for view in ("actors", "events"):
                times = []
                for _ in range(runs):
                    t0 = time.perf_counter()
                    page = render_html(G, view=view)
                    times.append((time.perf_counter() - t0) * 1000)
                path = Path(tmp) / f"{name[:4]}-{view}.html"
                path.write_text(page, encoding="utf-8")
                usable = statistics.median(
                    _load_ms(browser, path.as_uri(), "window.kgReady !== undefined")
                    for _ in range(runs))
                print(f"{name:14} {view:7} {G.number_of_nodes():6} {G.number_of_edges():6} "
                      f"{path.stat().st_size / 1e6:7.2f}MB {statistics.median(times):7.0f}ms "
                      f"{usable:7.0f}ms {usable / base:6.1f}", flush=True)
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
