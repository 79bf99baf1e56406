"""Text fields a list gives at any length (remarks, other information) are kept whole by
every importer: none is cut at 4,000 characters without a word (the model takes them at
any length; only names have a limit, :func:`kg.ingest.rows.fit_name`). Each case takes a
bundled fixture and makes one of its remarks 5,000 characters long."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.ingest import write_import

FIXTURES = Path(__file__).parent / "fixtures"
LONG = "ZORVEK " + "remark " * 714  # 5,005 characters

# kind, fixture, its encoding, the words of one of its remarks (replaced by LONG)
CASES = {
    "eu": ("eu", "xmlFullSanctionsList_1_1.xml", "utf-8",
           "Fictional member of an example council."),
    "ofac-xml": ("ofac", "sdn.xml", "utf-8",
                 "DOB 02 Apr 1961; nationality Korea, North; Gender Male."),
    "uk-ofsi": ("uk", "ConList.csv", "latin-1", "Fictional entry for tests."),
    "uk-fcdo": ("uk", "UK_Sanctions_List.xml", "utf-8", "Fictional person written for the tests."),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_long_remark_is_kept_whole(tmp_path: Path, case: str) -> None:
    kind, name, encoding, words = CASES[case]
    text = (FIXTURES / name).read_text(encoding=encoding)
    assert words in text
    src = tmp_path / name
    src.write_text(text.replace(words, LONG.strip()), encoding=encoding)
    out = tmp_path / "out.jsonl"
    write_import(kind, [src], out)
    assert LONG.strip() in out.read_text(encoding="utf-8").replace("\\n", " ")
