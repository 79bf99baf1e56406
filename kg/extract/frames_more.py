"""More sentence shapes of real reporting that are sanctions (round 10 on; the rest are in
:mod:`kg.extract.frames`, which appends these to its ``FRAMES``): each is a regular
expression, the status it means and how its actors are found (``object``, ``passive``: see
:mod:`kg.extract.frames`).

>>> [(m.group(), str(s)) for rx, s, _ in MORE_FRAMES
...  for m in [rx.search("Nine MPs are now under Canadian sanctions.")] if m]
[('are now under Canadian sanctions', 'imposed')]
"""

from __future__ import annotations

import re

from kg.model.vocab import Status

__all__ = ["MORE_FRAMES"]


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


#: (pattern, status, mode), as :data:`kg.extract.frames.FRAMES`.
MORE_FRAMES: list[tuple[re.Pattern[str], Status, str]] = [
    # "harsher sanctions would follow if Ankara did not change course": more measures
    # promised on a condition, a threat
    (_rx(r"\b(?:further|more|harsher|tougher|additional|stronger|wider|new)\s+(?:sanctions|"
         r"measures|penalties|steps)\s+(?:would|will|could|may|might)\s+(?:\w+\s+)?follow\b"
         r"(?=[^.;]*\b(?:if|unless|should|in case)\b)"),
     Status.THREATENED, "passive"),
    # "Seventeen Saudi nationals are now under Canadian sanctions", "five banks are subject
    # to EU sanctions": the targets before, the owner of the noun imposes
    (_rx(r"\b(?:is|are|was|were|be|been)\s+(?:now\s+|also\s+|already\s+)?(?:under|subject\s+"
         r"to)\s+(?:new\s+)?(?:[A-Z][\w.-]*\s+){0,3}?(?:sanctions|an?\s+(?:asset\s+freeze|travel\s+"
         r"ban|entry\s+ban))\b"), Status.IMPOSED, "passive"),
]
