"""Words said that go on after their attribution, in the same sentence.

"Extremist settlers are eroding security, Foreign Secretary David Cameron said; the Israeli
authorities must crack down on those responsible": the clause after the semicolon has no
speech verb of its own and reports more of the speaker's words (:func:`goes_on`), so it is a
statement of the same speaker with its own stance (:func:`kg.extract.statements.find_statements`).
"""

from __future__ import annotations

import re

from kg.extract.lexicon import SPEECH

__all__ = ["goes_on"]

#: A clause closed by its attribution and a semicolon: ", Cameron said; ", ", the minister
#: told reporters on Friday; ".
_CLOSED = re.compile(r",\s+(?:[\w.'’-]+\s+){1,8}?(?:said|says|added|told(?:\s+\w+)?)"
                     r"(?:\s+(?:on|in|at)\s+\w+)?\s*;\s*$")


def goes_on(text: str, before: tuple[int, int], seg: tuple[int, int]) -> bool:
    """True if the clause ``seg`` of ``text`` continues the words said in the clause
    ``before``: that clause ends with its attribution and a semicolon, and ``seg`` has no
    speech word of its own.

    >>> t = "Settlers erode security, Cameron said; Israel must act."
    >>> goes_on(t, (0, 39), (39, len(t)))
    True
    >>> goes_on("Settlers erode security; Israel must act.", (0, 25), (25, 41))
    False
    """
    return bool(_CLOSED.search(text, before[0], before[1])) and not SPEECH.search(
        text, seg[0], seg[1])
