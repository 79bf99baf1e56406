"""Tables measured in terminal cells, not characters: CJK names take two cells a character,
combining accents none; and a word wider than its column is folded onto the next lines
with every character kept, at any ``--width``."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from factory import actor, dataset, sanction, write
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.output.table import cells_wide, column_widths, format_table, wrap_words

NAMES = ["王毅", "中国石油天然气集团有限公司", "Zoe\u0308 Cafe\u0301", "김정은",
         "Supercalifragilisticexpialidociousness Holdings", "Ｆｕｌｌｗｉｄｔｈ Ltd"]


def _data(tmp_path: Path) -> Path:
    actors = [actor("us", "United States"), actor("cn", "China")]
    actors += [actor(f"p{i}", name, kind="organization", country="cn")
               for i, name in enumerate(NAMES)]
    sanctions = [sanction(f"s{i}", ["us"], [f"p{i}"], date=f"2021-03-{10 + i}",
                          reasons=["human_rights"]) for i in range(len(NAMES))]
    return write(tmp_path / "wide.yaml", dataset(actors, sanctions))


def _kg(*args: str) -> str:
    r = subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, timeout=300,
                       text=True, encoding="utf-8")
    assert r.returncode == 0, r.stderr
    return r.stdout


def _one_char_a_cell(line: str) -> str:
    """``line`` with one character a terminal cell: a wide one padded, a combining one
    dropped, so that a string index is a cell on the terminal."""
    return "".join(c + " " * (cells_wide(c) - 1) for c in line if cells_wide(c))


def _rule(lines: list[str]) -> int:
    """The index of the header rule (the header may wrap onto several lines)."""
    return next(i for i, line in enumerate(lines) if line and set(line) <= {"-", " "})


def _starts(rule: str) -> list[int]:
    return [i for i, c in enumerate(rule) if c == "-" and (i == 0 or rule[i - 1] == " ")]


def _columns(table: str) -> list[list[str]]:
    """Each body line of ``table`` cut into its columns at the cells where the header
    rule's runs of dashes start (cells, not characters: a CJK character takes two)."""
    lines = table.splitlines()
    r = _rule(lines)
    starts = _starts(lines[r])
    out = []
    for line in lines[r + 1:]:
        cols = [""] * len(starts)
        at = 0
        for c in line:
            col = max(i for i, s in enumerate(starts) if s <= at)
            cols[col] += c
            at += cells_wide(c)
        out.append(cols)
    return out


def test_cells_wide_counts_terminal_cells() -> None:
    assert cells_wide("王毅") == 4
    assert cells_wide("Zoe\u0308") == 3 == cells_wide(unicodedata.normalize("NFC", "Zoe\u0308"))
    assert cells_wide("Ｆｕｌｌ") == 8
    assert cells_wide("") == 0


@pytest.mark.parametrize("width", [0, 120, 60, 40, 30])
def test_wide_names_keep_the_columns_aligned(tmp_path: Path, width: int) -> None:
    table = _kg("query", "sanctioned-by", "United States", "-d", str(_data(tmp_path)),
                "--width", str(width))
    lines = table.splitlines()
    # every line ends at or before the width, counted in cells
    if width:
        assert max(cells_wide(line) for line in lines) <= width
    # each column starts at the same cell on every line: the cell just before a column's
    # start is a space on every line (two-space gap), whatever the names' scripts
    starts = _starts(lines[_rule(lines)])
    assert len(starts) == 5
    for line in lines:
        cells = _one_char_a_cell(line)
        for s in starts[1:]:
            if len(cells) > s:  # the two cells before a column are its gap, on every line
                assert cells[s - 2:s] == "  ", (line, s)
    # the dates (the last column) start at one cell on every row
    assert {cells_wide(line[:line.index("2021")]) for line in lines if "2021" in line} == {
        starts[4]}


def test_an_unlimited_table_is_one_line_a_row_with_the_dates_in_one_column(
        tmp_path: Path) -> None:
    table = _kg("query", "sanctioned-by", "United States", "-d", str(_data(tmp_path)),
                "--width", "0")
    lines = table.splitlines()
    assert len(lines) == 2 + len(NAMES)
    ends = {cells_wide(line) for line in lines[2:]}
    assert ends == {cells_wide(lines[1])}  # every row as wide as the rule: aligned
    assert {cells_wide(line[:line.index("2021")]) for line in lines[2:]} == {
        cells_wide(lines[1]) - 10}
    assert "王毅" in table and "中国石油天然气集团有限公司" in table
    assert "Zoe\u0308 Cafe\u0301" in table  # the accents stay on their letters


@pytest.mark.parametrize("width", [1, 2, 3, 5, 8, 12, 20, 33, 50, 80])
def test_no_character_of_a_cell_is_lost_at_any_width(tmp_path: Path, width: int) -> None:
    table = _kg("query", "sanctioned-by", "United States", "-d", str(_data(tmp_path)),
                "--width", str(width), "--ids")
    rows = _columns(table)
    assert all(len(r) == 6 for r in rows)  # imposer, target, reason, status, date, sanction
    # the target column read down gives every name, every character in order
    target = "".join(r[1] for r in rows).replace(" ", "")
    assert target == "".join(n.replace(" ", "") for n in NAMES)
    assert "".join(r[5] for r in rows).replace(" ", "") == "".join(
        f"s{i}" for i in range(len(NAMES)))
    assert "".join(r[4] for r in rows).replace(" ", "") == "".join(
        f"2021-03-{10 + i}" for i in range(len(NAMES)))
    assert "…" not in table


def test_wrap_words_folds_a_long_word_keeping_every_character() -> None:
    assert wrap_words("Supercalifragilistic Holdings", 8) == [
        "Supercal", "ifragili", "stic", "Holdings"]
    assert wrap_words("中国石油天然气集团有限公司", 6) == ["中国石", "油天然", "气集团",
                                                         "有限公", "司"]
    assert wrap_words("中国石油", 5) == ["中国", "石油"]  # a wide character is not halved
    # a combining accent stays with its letter
    assert wrap_words("Cafe\u0301s", 4) == ["Cafe\u0301", "s"]
    assert wrap_words("ab", 1) == ["ab"]  # width below 2 is taken as 2
    assert wrap_words("abc", 1) == ["ab", "c"]


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("ab-_ 中国ëe\u0301Ｆ")), max_size=40),
       width=st.integers(min_value=0, max_value=14))
def test_wrapping_loses_nothing_and_fits(text: str, width: int) -> None:
    lines = wrap_words(text, width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    # every line fits, unless one cluster alone is wider than the column
    assert all(cells_wide(line) <= max(width, 2) for line in lines)


def test_column_widths_are_cells() -> None:
    assert column_widths(["a", "b"], [["王毅", "Zoe\u0308"]], 0) == [4, 3]
    table = format_table([{"a": "王毅", "b": "x"}, {"a": "Li", "b": "y"}], ["a", "b"],
                         width=0)
    assert table.splitlines() == ["a     b", "----  -", "王毅  x", "Li    y"]
