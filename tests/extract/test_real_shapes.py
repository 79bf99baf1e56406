"""The sentence shapes of real reporting (issue 14): every passage of real_shapes.yaml
gives exactly the events and statements written beside it (and, where given, the reason
categories and dates of its events)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from kg.extract import extract_text

CASES = yaml.safe_load((Path(__file__).parent / "real_shapes.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_real_shape(case: dict[str, Any]) -> None:
    ds = extract_text(case["text"], date=str(case["date"])).dataset
    if "events" in case:
        got = [[s.imposers, s.targets, str(s.status)] for s in ds.sanctions]
        assert got == case["events"]
    if "statements" in case:
        assert [[st.speakers, str(st.stance)] for st in ds.statements] == case["statements"]
    if "reasons" in case:
        assert [[str(r.category) for r in s.reasons] for s in ds.sanctions] == case["reasons"]
    if "dates" in case:
        assert [s.date for s in ds.sanctions] == case["dates"]
    for st_index, ev_index in (case.get("about") or {}).items():
        assert ds.statements[st_index - 2].about_sanctions == [ds.sanctions[ev_index].id]
