"""Two drafts extracted from two articles may name different unnamed groups by one id
("individuals"); merging them must not make one group of them (a newcomer's finding: the
EU's 69 individuals became the UK's 50)."""

from __future__ import annotations

from kg.extract import extract_text
from kg.merge import merge


def _draft(text: str, date: str, name: str):  # type: ignore[no-untyped-def]
    return extract_text(text, date=date, name=name).dataset


def test_two_articles_groups_of_one_id_stay_apart() -> None:
    a = _draft("Britain sanctioned 50 individuals on Friday.", "2024-02-23", "uk")
    b = _draft("The European Union sanctioned 69 individuals on Monday.", "2024-06-24", "eu")
    ga = [x for x in a.actors if x.count == 50]
    gb = [x for x in b.actors if x.count == 69]
    assert ga and gb and ga[0].id == gb[0].id  # the clash this guards against
    result = merge([a, b])
    ds = result.dataset
    groups = {x.id: x.count for x in ds.actors if x.kind.value == "group"}
    assert sorted(groups.values()) == [50, 69]
    eu_targets = [t for s in ds.sanctions if s.imposers == ["eu"] for t in s.targets]
    gb_targets = [t for s in ds.sanctions if s.imposers == ["gb"] for t in s.targets]
    assert [groups[t] for t in eu_targets] == [69] and [groups[t] for t in gb_targets] == [50]
    assert any("kept apart" in n and repr(gb[0].id) in n for n in result.notes)


def test_the_same_group_twice_is_one() -> None:
    text = "Britain sanctioned 50 individuals on Friday."
    a = _draft(text, "2024-02-23", "uk")
    b = _draft(text, "2024-02-23", "uk2")
    result = merge([a, b])
    assert [x.count for x in result.dataset.actors if x.kind.value == "group"] == [50]
    assert not any("kept apart" in n for n in result.notes)
