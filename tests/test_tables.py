"""Tables a person reads: every table query on the bundled data, at 80 and 120 columns,
fits the width and splits no word; names come first and ids only with ``--ids``."""

from __future__ import annotations

import json
import re

import pytest

from kg.cli.app import main
from kg.output.table import column_widths, format_table, plural, wrap_words
from tests.test_golden import QUERIES

WIDTHS = [80, 120]


def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, width: int,
        *args: str) -> str:
    monkeypatch.setenv("COLUMNS", str(width))
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    assert exc.value.code == 0, err
    return out


def words_of(value: object) -> set[str]:
    """Every whitespace-separated word in a JSON value's strings (trailing commas off), and
    the words of codes ("human_rights": "human", "rights"), which tables show as words."""
    if isinstance(value, str):
        return {p for w in value.split() for p in (w.rstrip(","), *w.rstrip(",").split("_"))}
    if isinstance(value, list):
        return set().union(*(words_of(v) for v in value)) if value else set()
    if isinstance(value, dict):
        return words_of(list(value.values()))
    return {str(value)}


@pytest.fixture(scope="module")
def vocabulary() -> set[str]:
    """The words a table may show: those of the bundled graph's labels and texts."""
    import kg

    G = kg.build(kg.load())
    out = {"sanctions", "sanction", "of", "&", "stated", "inferred", "True", "False"}
    for _, d in G.nodes(data=True):
        out |= words_of({k: v for k, v in d.items() if isinstance(v, str | list)})
    return out


def body_tokens(table: str) -> list[str]:
    """The words under the header rule of a table (trailing commas off)."""
    lines = table.splitlines()
    rule = next(i for i, line in enumerate(lines) if set(line) <= {"-", " "} and line)
    return [w.rstrip(",") for line in lines[rule + 1:] for w in line.split()]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", sorted(QUERIES))
def test_every_table_fits_and_splits_no_word(name: str, width: int, vocabulary: set[str],
                                             capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    table = run(capsys, monkeypatch, width, *QUERIES[name])
    as_json = json.loads(run(capsys, monkeypatch, width, *QUERIES[name], "--format", "json"))
    assert max(len(line) for line in table.splitlines()) <= width
    known = vocabulary | words_of(as_json)
    split = [w for w in body_tokens(table) if w not in known and not w.isdigit()]
    assert split == []
    assert "…" not in table


def column_cells(table: str, column: int) -> list[str]:
    """The words of one column, read down the table (the column's spans from the rule)."""
    lines = table.splitlines()
    rule = next(i for i, line in enumerate(lines) if set(line) <= {"-", " "} and line)
    spans = [m.span() for m in re.finditer(r"-+", lines[rule])]
    start, end = spans[column]
    return [w for line in lines[rule + 1:] for w in line[start:end].split()]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("args", [["who-sanctioned", "Russia"], ["sanctioned-by", "China"],
                                  ["who-sanctioned", "Russia", "--expand-blocs"]])
def test_name_columns_read_back_word_for_word(args: list[str], width: int,
                                              capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    # Reading the imposer and target columns down the table gives every name, word for
    # word, in the JSON's order: no word is split across lines. (The table has one row per
    # sanction, the JSON one object per reason: its rows of one sanction are read once.)
    table = run(capsys, monkeypatch, width, "query", *args)
    every = json.loads(run(capsys, monkeypatch, width, "query", *args, "--format", "json"))
    firsts: dict[tuple[str, str, str | None, str], dict[str, str]] = {}
    for r in every:
        firsts.setdefault((r["sanction"], r["imposer"], r["via"], r["target"]), r)
    rows = list(firsts.values())
    target_col = 2 if "--expand-blocs" in args else 1
    assert column_cells(table, 0) == [w for r in rows for w in r["imposer_name"].split()]
    assert column_cells(table, target_col) == [w for r in rows
                                               for w in r["target_name"].split()]
    assert max(len(line) for line in table.splitlines()) <= width


def test_ids_only_with_the_option(capsys: pytest.CaptureFixture[str],
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    plain = run(capsys, monkeypatch, 80, "query", "who-sanctioned", "China")
    assert plain.splitlines()[0].split() == ["imposer", "target", "reason", "status", "date"]
    assert "xinjiang-2021-western" not in plain
    wide = run(capsys, monkeypatch, 120, "query", "who-sanctioned", "China", "--ids")
    assert wide.splitlines()[0].split()[-1] == "sanction"
    assert "xinjiang-2021-western" in wide  # whole, as there is room


def test_expanded_blocs_say_via_which_bloc(capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    out = run(capsys, monkeypatch, 120, "query", "relations", "--imposer", "France",
              "--target", "Russia", "--expand-blocs")
    head, _, first = out.splitlines()[:3]
    assert head.split()[:3] == ["imposer", "via", "target"]
    assert first.startswith("France") and "European Union" in first


def test_retaliation_shows_names_and_dates_in_date_order(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    out = run(capsys, monkeypatch, 80, "query", "retaliation")
    lines = out.splitlines()
    assert lines[0].split() == ["date", "by", "against", "answering", "their", "date",
                                "link", "chain"]
    dates = [line[:10] for line in lines[2:] if line[:4].isdigit()]
    assert dates == sorted(dates) and len(dates) >= 10
    assert "Russia" in out and "China" in out and "United States" in out
    assert "cn-2020-07-13-counter" not in out


def test_coalitions_count_sanctions_in_words(capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    out = run(capsys, monkeypatch, 120, "query", "coalitions")
    assert re.search(r"\b1 sanction$", out, re.M) and re.search(r"\b4 sanctions$", out, re.M)
    assert "1 sanctions" not in out
    firsts = [line[:10] for line in out.splitlines()[2:] if line[:4].isdigit()]
    assert firsts == sorted(firsts)


def test_wrap_words_breaks_between_words_then_compounds_then_folds() -> None:
    assert wrap_words("Alexander Bastrykin of Russia", 10) == ["Alexander", "Bastrykin",
                                                               "of Russia"]
    assert wrap_words("Congressional-Executive Commission", 15) == [
        "Congressional-", "Executive", "Commission"]
    assert wrap_words("nuclear_proliferation", 9) == ["nuclear_", "prolifera", "tion"]
    assert wrap_words("", 5) == [""]


def test_widths_use_the_room_there_is_and_fold_only_past_the_floor() -> None:
    cells = [["Switzerland", "The quick brown fox jumps over the lazy dog " * 3]]
    assert column_widths(["a", "b"], cells, 200) == [11, 132]  # all of it, one line
    w = column_widths(["a", "b"], cells, 40)
    assert w == [11, 27] and sum(w) + 2 == 40  # the full width, "Switzerland" whole
    table = format_table([{"a": "Switzerland", "b": "x"}], ["a", "b"], width=12)
    assert all(len(line) <= 12 for line in table.splitlines())
    # narrower than the word: folded onto the next line, every letter kept, none added
    assert [line.split()[0] for line in table.splitlines()[2:]] == ["Switzerla", "nd"]


def test_plural() -> None:
    assert [plural(n, "sanction") for n in (0, 1, 2)] == [
        "0 sanctions", "1 sanction", "2 sanctions"]
    assert plural(1, "entry", "entries") == "1 entry"
    assert plural(3, "entry", "entries") == "3 entries"


def test_a_list_of_names_keeps_its_words_while_ids_and_others_narrow() -> None:
    """kg search at 80 columns: the "sanctioned_by" names (a whole column) are not cut
    while an id column (and then the other columns) can still go down to NARROWEST."""
    from kg.output.table import NARROWEST

    heads = ["id", "name", "sanctioned by"]
    cells = [["officials-2014-04-28-others", "Sixteen Russian government officials",
              "Australia, Switzerland, European Union and 3 more"]]
    widths = column_widths(heads, cells, 32, ["id", "name", "sanctioned_by"])
    assert widths[2] == len("Switzerland,") and sum(widths) + 4 <= 32
    assert min(widths[:2]) >= NARROWEST
    text = format_table([dict(zip(["id", "name", "sanctioned_by"], cells[0], strict=True))],
                        ["id", "name", "sanctioned_by"], width=32)
    assert "Switzerland," in text and "Switzerl" + "…" not in text
