"""The literal words a pattern needs (kg/extract/prefilter.py): never a sentence turned down
that the pattern matches."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from kg.extract.frames import FRAMES
from kg.extract.prefilter import folded, gate, may_match, needed

SHAPES = Path(__file__).with_name("real_shapes.yaml")


@pytest.mark.parametrize(("pattern", "flags", "want"), [
    # "designated" holds "designate": one test is enough
    (r"\bdesignat(?:e|es|ed|ing)\b(?!\s+as\b)", re.I, [("designating", "designate")]),
    # a lookahead reads the same sentence: what it needs is needed
    (r"\bblock(?:s|ed)?(?=\s+assets\b)", 0, [("assets",), ("block",)]),
    # many strings are cut to their first six letters
    (r"\b(?:alphabet|alphanumeric|betatron|betamax|gammaray)s?\b", 0,
     [("alphab", "alphan", "betama", "betatr", "gammar")]),
    # an optional or negative part needs nothing
    (r"(?:foo)?\w+(?!bar)", 0, []),
    # one of the alternatives: the union of what each needs
    (r"\bkeep\s+\w+|\bhold\s+\w+", 0, [("hold", "keep")]),
    # a character class of letters is a choice of strings; "[Tt]" is one
    (r"[Tt]he\s+list\s+names", 0, [("names",), ("list",), ("the",)]),
    (r"\bby\s+a\b", 0, [("by",)]),  # one letter is no test
    (r"\s+\w+", 0, []),
])
def test_needed(pattern: str, flags: int, want: list[tuple[str, ...]]) -> None:
    assert needed(re.compile(pattern, flags)) == want


def test_may_match_tests_every_set() -> None:
    gates = gate(re.compile(r"\bhas been (?:suspended|expelled) from", re.I))
    assert may_match(gates, folded("Mali HAS BEEN suspended from the bloc."))
    assert not may_match(gates, folded("Mali has been suspended."))  # no "from"
    assert not may_match(gates, folded("The bloc expelled Mali from its ranks."))


def test_letters_lower_case_misses_are_not_tested() -> None:
    # "ſ" (long s) matches "s" in a pattern without case, but lower() keeps it: no test
    rx = re.compile(r"suspended", re.I)
    assert rx.search("ſuspended") and folded("ſuspended") is None
    assert may_match(gate(rx), folded("ſuspended"))
    assert folded("Mali’s “suspension”") == "mali’s “suspension”"


def test_no_frame_sentence_is_turned_down() -> None:
    texts = [p["text"] for p in yaml.safe_load(SHAPES.read_text(encoding="utf-8"))]
    sentences = [s for t in texts for s in re.split(r"(?<=[.;])\s+", t)]
    hits = 0
    for rx, _status, _mode in FRAMES:
        gates = gate(rx)
        for s in sentences:
            if rx.search(s):
                hits += 1
                assert may_match(gates, folded(s)), (rx.pattern, s)
    assert hits > 10
