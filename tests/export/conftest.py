"""Browser fixtures: Debian's Chromium driven headless through Playwright.

The browser is /usr/bin/chromium (``.ci/run`` installs the ``chromium`` package); never a
downloaded one. When it is missing the browser tests fail, loudly: a skip would hide that
the HTML view went untested.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package "
                    "(apt-get install chromium) to run the browser tests", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@dataclass
class PageLog:
    """What a page did: every request it attempted, its console errors and page errors."""

    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)


@pytest.fixture
def open_page(browser: Any) -> Iterator[Any]:
    """``open_page(path) -> (page, log)``: load a file with every non-file: request blocked
    (and recorded), wait until the view has drawn."""
    contexts = []

    def _open(path: Path) -> tuple[Any, PageLog]:
        log = PageLog()
        ctx = browser.new_context(viewport={"width": 1400, "height": 850})
        contexts.append(ctx)

        def route(r: Any) -> None:
            if r.request.url.startswith("file:"):
                r.continue_()
            else:
                log.blocked.append(r.request.url)
                r.abort()

        ctx.route("**/*", route)
        page = ctx.new_page()
        page.on("request", lambda req: log.requests.append(req.url))
        page.on("console", lambda m: log.console_errors.append(m.text)
                if m.type == "error" else None)
        page.on("pageerror", lambda e: log.page_errors.append(str(e)))
        page.goto(path.resolve().as_uri())
        page.wait_for_function("window.kgReady !== undefined", timeout=60_000)
        return page, log

    yield _open
    for ctx in contexts:
        ctx.close()


HOSTILE_NAME = ('<img src=x onerror="window.__pwned=1">'
                '<script>window.__pwned=2</script> "Evil" Corp')
HOSTILE_QUOTE = '</script><script>window.__pwned=3</script><!-- <b>quoted</b>'
HOSTILE_URL = "javascript:window.__pwned=4"


def hostile_records() -> dict[str, list[dict[str, Any]]]:
    """A source, an actor and a sanction whose texts try to run script in the page."""
    return {
        "sources": [{"id": "evil-src", "title": "<b>Evil</b> source", "url": HOSTILE_URL}],
        "actors": [{"id": "evil", "name": HOSTILE_NAME, "kind": "organization",
                    "aliases": ["</script><script>window.__pwned=5</script>"]}],
        "sanctions": [{"id": "evil-sanction", "imposers": ["us"], "targets": ["evil"],
                       "reasons": [{"category": "cyber", "detail": HOSTILE_QUOTE}],
                       "date": "2022-01-01",
                       "sources": [{"source": "evil-src", "quote": HOSTILE_QUOTE}]}],
    }


def synthetic_records(n_actors: int = 3500, n_sanctions: int = 1600,
                      seed: int = 5) -> dict[str, list[dict[str, Any]]]:
    """A generated dataset: a few dozen imposing states, thousands of persons and
    organisations sanctioned in events over ten years (``n_actors + n_sanctions`` nodes and
    more in the events view)."""
    rng = random.Random(seed)
    states = ["us"] + [f"s{i:02d}" for i in range(39)]
    actors = [{"id": s, "name": f"State {s.upper()}", "kind": "state"} for s in states]
    actors += [{"id": f"a{i}", "name": f"Target {i} {rng.choice(['Ltd', 'Bank', 'Person'])}",
                "kind": rng.choice(["person", "organization", "government_body"])}
               for i in range(n_actors - len(states))]
    reasons = ["human_rights", "cyber", "terrorism", "corruption", "armed_conflict"]
    statuses = ["imposed"] * 6 + ["expected", "threatened", "lifted", "extended"]
    sanctions = []
    for i in range(n_sanctions):
        imposers = rng.sample(states[:12], rng.choice([1, 1, 2, 3]))
        targets = [f"a{rng.randrange(n_actors - len(states))}"
                   for _ in range(rng.choice([1, 2, 3, 5]))]
        sanctions.append({
            "id": f"x{i}", "imposers": imposers, "targets": sorted(set(targets)),
            "status": rng.choice(statuses), "reasons": rng.sample(reasons, rng.choice([1, 2])),
            "date": f"{rng.randrange(2014, 2025)}-{rng.randrange(1, 13):02d}-"
                    f"{rng.randrange(1, 29):02d}",
            "sources": [{"source": "gen", "quote": f"measure {i}"}]})
    # Every actor takes part, so the graph really has that many nodes.
    used = {t for s in sanctions for t in s["targets"]}
    for j, a in enumerate(a for a in actors[len(states):] if a["id"] not in used):
        sanctions[j % n_sanctions]["targets"].append(a["id"])
    return {"sources": [{"id": "gen", "title": "Generated", "url": "https://example.org/gen"}],
            "actors": actors, "sanctions": sanctions}


def ties_records() -> dict[str, list[dict[str, Any]]]:
    """A small ownership world (made up): the US sanctions the person Pavel Ore; he owns all
    of Alpha Holding, which owns 75% of Beta Trading (a chain; since 2019); he holds an
    unstated share of Gamma Shipping, and held 80% of Delta until 2019 then 10%; Dora Vance
    directs Alpha (a directorship whose role is hostile text) and is his sister; two
    birth dates, a nationality and a passport on him."""
    def own(rid: str, owner: str, asset: str, share: float | None,
            **kw: Any) -> dict[str, Any]:
        return {"id": rid, "kind": "ownership", "subject": owner, "object": asset,
                "sources": [{"source": "reg", "quote": f"{owner} holds {asset}"}],
                **({"share": share} if share is not None else {}), **kw}
    return {
        "sources": [{"id": "reg", "title": "Company register", "url": "https://example.org/r"},
                    {"id": "lst", "title": "Sanctions list"}],
        "actors": [
            {"id": "us", "name": "United States", "kind": "state", "country": "us"},
            {"id": "ore", "name": "Pavel Ore", "kind": "person", "country": "cy",
             "birth_dates": ["1961-04-02", "1962"], "nationalities": ["cy"],
             "identifiers": {"passport": "K1234567"}},
            {"id": "vance", "name": "Dora Vance", "kind": "person"},
            {"id": "alpha", "name": "Alpha Holding", "kind": "organization"},
            {"id": "beta", "name": "Beta Trading", "kind": "organization"},
            {"id": "gamma", "name": "Gamma Shipping", "kind": "organization"},
            {"id": "delta", "name": "Delta Metals", "kind": "organization"}],
        "sanctions": [{"id": "us-ore", "imposers": ["us"], "targets": ["ore"],
                       "date": "2022-03-11", "reasons": ["armed_conflict"],
                       "sources": [{"source": "lst"}]}],
        "relationships": [
            own("o-alpha", "ore", "alpha", 100),
            own("o-beta", "alpha", "beta", 75, start_date="2019"),
            own("o-gamma", "ore", "gamma", None),
            own("o-delta1", "ore", "delta", 80, start_date="2015", end_date="2019-12-31"),
            own("o-delta2", "ore", "delta", 10, start_date="2020-01-01"),
            {"id": "d-alpha", "kind": "directorship", "subject": "vance", "object": "alpha",
             "role": '<img src=x onerror="window.__pwned=7">Director',
             "sources": [{"source": "reg"}]},
            {"id": "f-ore", "kind": "family", "subject": "vance", "object": "ore",
             "role": "sister", "sources": [{"source": "reg"}]}],
    }


@pytest.fixture(scope="session")
def html_cases() -> SimpleNamespace:
    """The hostile texts and the data generators, for the browser tests."""
    return SimpleNamespace(name=HOSTILE_NAME, quote=HOSTILE_QUOTE, url=HOSTILE_URL,
                           hostile_records=hostile_records, synthetic_records=synthetic_records,
                           ties_records=ties_records)
