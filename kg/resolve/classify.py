"""Free text -> reason and measure categories: the one lexicon that the list importers and
the news extractor share (kg/curated/reasons.yaml and measures.yaml).

The two callers read different text and want different answers from the same words, so
the policy is a parameter, not a second lexicon:

* a list's stated reason ("involved in the torture of detainees and electoral fraud") may
  give several categories: ``classify_reason(text)`` returns every category, in the order
  their words first occur;
* a news reason phrase ("over the crackdown on protesters after the rigged election") gives
  one: ``classify_reason(phrase, pick="first")`` returns the category whose words come
  first (on a tie, the more specific category, listed first in reasons.yaml);
* a list's provisions field is about measures, so a bare word says which
  (``classify_measures(["Asset freeze"])``); in news prose only a phrase that names a
  measure counts (``classify_measures([sentence], prose=True)``).

>>> [(m.reason.value, m.words) for m in classify_reason(
...     "crackdown on protesters after the rigged election")]
[('human_rights', 'crackdown'), ('democracy', 'rigged')]
>>> classify_reason("crackdown on protesters after the rigged election", pick="first")[0].reason
<Reason.HUMAN_RIGHTS: 'human_rights'>
>>> classify_reason("no reason given")
[ReasonMatch(reason=<Reason.OTHER: 'other'>, words=None, start=0)]
>>> [str(m) for m in classify_measures(["Asset freeze", "Arms embargo"])]
['asset_freeze', 'arms_embargo', 'trade_restrictions']
>>> [str(m) for m in classify_measures(["The EU froze the assets of ten officials."],
...                                     prose=True)]
['asset_freeze']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from kg.curated import load_table
from kg.model.vocab import Measure, Reason

__all__ = ["MEASURE_LEXICON", "REASON_LEXICON", "ReasonMatch", "classify_measures",
           "classify_reason"]


def _words(patterns: Iterable[str]) -> re.Pattern[str] | None:
    """One regular expression matching any of ``patterns`` as whole words."""
    patterns = list(patterns)
    if not patterns:
        return None
    return re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in patterns) + r")\b", re.I)


#: Reason category -> the words that mean it, most specific category first
#: (kg/curated/reasons.yaml).
REASON_LEXICON: dict[Reason, re.Pattern[str]] = {
    Reason(name): rx for name, words in load_table("reasons").items()
    if (rx := _words(words)) is not None
}

#: Measure -> (phrases that name it anywhere, words that name it in a provisions field),
#: in reporting order (kg/curated/measures.yaml).
MEASURE_LEXICON: dict[Measure, tuple[re.Pattern[str] | None, re.Pattern[str] | None]] = {
    Measure(name): (_words(entry.get("phrases", ())), _words(entry.get("words", ())))
    for name, entry in load_table("measures").items()
}


@dataclass(frozen=True, slots=True)
class ReasonMatch:
    """A reason category found in a text, with the words that decided it."""

    reason: Reason
    words: str | None
    """The words that matched (None for ``other``: nothing matched)."""
    start: int
    """Where ``words`` start in the text (0 for ``other``)."""


def classify_reason(text: str, *,
                    pick: Literal["all", "first"] = "all") -> list[ReasonMatch]:
    """The reason categories whose words occur in ``text``, in the order they first occur
    (on a tie, the more specific category first); ``[ReasonMatch(OTHER, None, 0)]`` when
    none do, so the list is never empty. Words a more specific category has matched do not
    count again for a more general one ("election meddling" is election_interference only,
    not also democracy for "election").

    ``pick="all"`` (the importers: a list's reason may give several categories) returns
    every category, once; ``pick="first"`` (the extractor: a reason phrase gives one)
    returns only the first. Raises :class:`ValueError` for another ``pick``.
    """
    if pick not in ("all", "first"):
        raise ValueError(f"pick must be 'all' or 'first', not {pick!r}")
    out = list(_classified(text))  # lists repeat their reasons: each text is read once
    return out[:1] if pick == "first" else out


@functools.lru_cache(maxsize=4096)
def _classified(text: str) -> tuple[ReasonMatch, ...]:
    found: list[tuple[int, int, ReasonMatch]] = []
    claimed: list[tuple[int, int]] = []  # words a more specific category has taken
    for rank, (reason, rx) in enumerate(REASON_LEXICON.items()):
        for m in rx.finditer(text):
            if not any(m.start() < end and start < m.end() for start, end in claimed):
                found.append((m.start(), rank, ReasonMatch(reason, m.group(), m.start())))
                claimed.append(m.span())
                break
    found.sort(key=lambda f: f[:2])
    return tuple(f[2] for f in found) or (ReasonMatch(Reason.OTHER, None, 0),)


def classify_measures(texts: Iterable[str], *, prose: bool = False) -> list[Measure]:
    """The measures ``texts`` name, each once, in the lexicon's order within each text.

    ``prose=False`` (a list's provisions, one measure label per text): a phrase or a word
    counts, and a text that names none adds ``unspecified``. ``prose=True`` (a news
    sentence): only phrases count ("froze the assets of", "travel ban", not "trade"), and
    a text that names none adds nothing.
    """
    out: list[Measure] = []
    for text in texts:
        found = [measure for measure, (phrases, words) in MEASURE_LEXICON.items()
                 if (phrases is not None and phrases.search(text))
                 or (not prose and words is not None and words.search(text))]
        if not found and not prose:
            found = [Measure.UNSPECIFIED]
        out += [m for m in found if m not in out]
    return out
