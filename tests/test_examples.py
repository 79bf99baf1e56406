"""The bundled data: the seed article written out completely, each fact with its exact quote."""

from __future__ import annotations

from pathlib import Path

from kg.model.records import Dataset
from kg.readwrite.load import load

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def seed() -> Dataset:
    return load([EXAMPLES / "actors.yaml", EXAMPLES / "seed-article.yaml"])


def test_every_seed_quote_is_in_the_article() -> None:
    article = (EXAMPLES / "seed-article.txt").read_text(encoding="utf-8")
    ds = seed()
    quotes = [c.quote for rec in [*ds.sanctions, *ds.statements] for c in rec.sources]
    assert quotes and all(q for q in quotes), "every seed fact carries its quote"
    missing = [q for q in quotes if q not in article]
    assert missing == []


def test_the_seed_holds_every_event_of_the_article() -> None:
    ds = seed()
    by_id = {s.id: s for s in ds.sanctions}
    west = by_id["xinjiang-2021-western"]
    assert (west.imposers, west.targets, west.status, west.date) == (
        ["us", "eu", "gb", "ca"], ["cn-officials"], "imposed", "2021-03-22")
    counter = by_id["xinjiang-2021-cn-counter"]
    assert counter.in_response_to == ["xinjiang-2021-western"]
    assert {r.category for r in counter.reasons} == {"retaliation", "disinformation"}
    groups = {a.id: a.count for a in ds.actors if a.kind == "group"}
    assert groups == {"cn-officials": None, "eu-individuals": 10, "eu-institutions": 4}
    assert by_id["ru-election-2021-expected"].status == "expected"
    speakers = {sp for st in ds.statements for sp in st.speakers}
    assert {"ru", "cn", "blinken", "lavrov", "wang-yi"} <= speakers
    stances = {st.stance for st in ds.statements}
    assert {"calls_for", "condemns", "supports", "warns", "denies"} <= stances


def test_the_larger_example_is_large_and_sourced() -> None:
    ds = load(EXAMPLES)
    assert len(ds.sanctions) >= 45 and len(ds.statements) >= 18
    assert all(s.sources for s in ds.sanctions)
    urls = {s.id: s.url for s in ds.sources}
    assert sum(1 for u in urls.values() if u and u.startswith("https://")) >= 40
    links = sum(len(s.in_response_to) for s in ds.sanctions)
    assert links >= 6
    assert {s.status for s in ds.sanctions} >= {"threatened", "expected", "imposed",
                                                  "extended", "eased", "lifted"}
