"""One problem type: loader problems, import skips and the extractor's passed-over triggers
are all kg.errors.Problem; code that acts on one asks its kind, not its wording."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.cli.app import main
from kg.errors import NOT_AN_EVENT, SKIPPED, UNKNOWN_REF, Problem, ValidationFailed
from kg.extract import extract_text
from kg.ingest import ImportReport, Skipped
from kg.readwrite.load import load


def test_an_import_skip_is_a_problem_rendered_as_before() -> None:
    report = ImportReport("ofac")
    report.skip(Path("sdn.csv"), 7, "no name")
    report.skip("x.csv", None, "cannot read: gone")
    assert Skipped is Problem
    assert report.skipped == [Problem("no name", file="sdn.csv", line=7, kind=SKIPPED),
                              Problem("cannot read: gone", file="x.csv", kind=SKIPPED)]
    assert [str(s) for s in report.skipped] == ["sdn.csv:7: no name", "x.csv: cannot read: gone"]
    assert report.to_dict()["skipped"] == [
        {"file": "sdn.csv", "line": 7, "record": None, "field": None, "reason": "no name"},
        {"file": "x.csv", "line": None, "record": None, "field": None,
         "reason": "cannot read: gone"}]


def test_an_unknown_reference_has_its_kind(tmp_path: Path) -> None:
    f = tmp_path / "a.yaml"
    f.write_text("actors:\n- {id: fr, name: France, kind: state, member_of: [eu]}\n")
    with pytest.raises(ValidationFailed) as exc:
        load(f)
    assert [(p.kind, p.field, p.message) for p in exc.value.problems] == [
        (UNKNOWN_REF, "member_of", "unknown actor 'eu'")]


def test_a_passed_over_trigger_is_a_problem_in_its_sentence() -> None:
    r = extract_text("Spain welcomed the talks. Britain did not impose sanctions on Iran.",
                     date="2020-09-15")
    assert r.skipped == [Problem("negated by 'not'", record="sentence 1", kind=NOT_AN_EVENT,
                                 words="Britain did not impose sanctions")]
    assert str(r.skipped[0]) == "sentence 1: negated by 'not'"


ADVICE = "each PATH is merged as one dataset"


@pytest.mark.parametrize("text, advised", [
    ("actors:\n- {id: fr, name: France, kind: state, member_of: [eu]}\n", True),
    # "unknown" in the message, but not a reference: merging one folder would not help.
    ("actors: []\nunknown_things: []\n", False),
])
def test_merge_advice_follows_the_problem_kind(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                               text: str, advised: bool) -> None:
    f = tmp_path / "a.yaml"
    f.write_text(text)
    with pytest.raises(SystemExit) as exc:
        main(["merge", str(f), "-o", str(tmp_path / "out.jsonl")])
    err = capsys.readouterr().err
    assert exc.value.code == 1 and "unknown" in err
    assert (ADVICE in err) is advised
