"""The one rule by which kg shortens a list of names in text: a table cell, a node's
label, a timeline summary. At most ``shown`` names and how many more ("A, B, C and 4
more"), never "and 1 more" (the name is shorter), and the names the reader asked about
always among those shown. JSON and CSV output keep the full lists; this is for text only.
And the one rule for a count in words (:func:`plural`: "1 file", "2 files"), which every
summary kg prints uses.

>>> listed(["A", "B"]), listed(["A", "B", "C", "D"]), listed(list("ABCDEFG"))
('A, B', 'A, B, C, D', 'A, B, C and 4 more')
>>> listed(list("ABCDEFG"), 2, keep=[5])
'A, F and 5 more'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

__all__ = ["listed", "plural"]


def listed(names: Sequence[str], shown: int = 3, *, keep: Iterable[int] = ()) -> str:
    """``names`` joined by ", ", shortened to ``shown`` names and "and N more" when there
    are more than ``shown + 1`` (``shown`` at least 1).

    ``keep``: indexes into ``names`` that must be shown, most wanted first (the actor a
    query asks about, then the people and bodies it stands for); they take the places of
    the last names shown, up to ``shown`` of them. The names shown keep their order in
    ``names``. Indexes out of range are ignored.
    """
    shown = max(shown, 1)
    if len(names) <= shown + 1:
        return ", ".join(names)
    chosen: list[int] = []
    for i in keep:
        if 0 <= i < len(names) and i not in chosen and len(chosen) < shown:
            chosen.append(i)
    for i in range(len(names)):
        if len(chosen) >= shown:
            break
        if i not in chosen:
            chosen.append(i)
    picked = sorted(chosen)
    return f"{', '.join(names[i] for i in picked)} and {len(names) - shown} more"


def plural(n: int, word: str, many: str | None = None) -> str:
    """``"1 sanction"``, ``"2 sanctions"``: ``n`` and ``word``, or ``many`` (default
    ``word + "s"``) unless ``n`` is 1 (``0 sanctions``).

    >>> plural(1, "file"), plural(3, "record"), plural(2, "entity", "entities")
    ('1 file', '3 records', '2 entities')
    """
    return f"{n} {word if n == 1 else (many or word + 's')}"
