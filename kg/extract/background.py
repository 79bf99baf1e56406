"""The measure a lifting, easing or extension names as imposed before (round 12, issue 14):
"the suspension imposed on the country after the 2021 military coup", "lift all the
sanctions imposed on October 14", "renewed the restrictions first introduced in 2014"; and
the measure a lifting leaves in force ("scrapping every measure except the embargo on arms").

A sentence that lifts, eases or extends a measure and names that measure with a participle
of imposing ("imposed", "introduced", "put in place", "adopted") tells two events: the
change, and the measure as it was imposed, by the same imposers on the same targets, dated
by the words after the participle when they give a date ("in 2014", "on October 14"), else
undated. Real reporting's annotators record both (benchmarks/extract_real/).
"""

from __future__ import annotations

import re

from kg.extract.context import Doc
from kg.extract.dates import find_dates
from kg.extract.fields import Event
from kg.extract.text import Sentence
from kg.model.vocab import Status

__all__ = ["imposed_before", "undone_measures"]

#: A sanction noun and the participle that says it was imposed.
_IMPOSED = re.compile(r"\b(?:sanctions?|measures|suspension|embargo(?:es)?|restrictions|bans?|"
                      r"penalties|curbs|regime)\s+(?:(?:that|which)\s+(?:were|was|had\s+been)\s+)?"
                      r"(?:(?:first|originally|initially|previously|earlier)\s+)?"
                      r"(?P<t>imposed|introduced|put\s+in\s+place|adopted)\b"
                      r"(?!\s+(?:today|this\s+week|on\s+(?:Monday|Tuesday|Wednesday|Thursday|"
                      r"Friday|Saturday|Sunday)))", re.I)
#: The measure a lifting or easing leaves in force ("scrapping every measure except the
#: embargo on arms", "all sanctions other than the arms embargo").
_EXCEPT = re.compile(r"\b(?:except(?:\s+for)?|apart\s+from|other\s+than|save(?:\s+for)?)"
                     r"\s+(?:the|an|its|their)\s+(?P<t>(?:[\w-]+\s+){0,2}?(?:embargo|sanctions|"
                     r"measures|ban|freeze|restrictions))\b", re.I)
_CHANGES = (Status.LIFTED, Status.EASED, Status.EXTENDED)


def imposed_before(sent: Sentence, events: list[Event], doc: Doc) -> list[Event]:
    """The measures imposed before that the changes among ``events`` (this sentence's) name,
    as new ``imposed`` events (see the module docstring)."""
    out: list[Event] = []
    for m in _EXCEPT.finditer(sent.text):
        change = next((e for e in events if e.status in (Status.LIFTED, Status.EASED)
                       and e.targets and e.anchor[0] < m.start()), None)
        if change is not None and not any(e.status is Status.IMPOSED for e in events):
            ev = Event(sent, m.span("t"), Status.IMPOSED, list(change.imposers),
                       list(change.targets), reasons=list(change.reasons))
            ev.date = None
            ev.explain = {"trigger": {"words": m.group(), "status": "imposed"},
                          "imposed_before": "the measure the lifting leaves in force",
                          "date": {"value": None, "words": m.group(),
                                   "how": "no date given: a measure left in force"},
                          "imposers": [r.explain() for r in ev.imposers],
                          "targets": [t.explain() for t in ev.targets]}
            ev.confidence = 0.45
            return [ev]
    for m in _IMPOSED.finditer(sent.text):
        change = next((e for e in events if e.status in _CHANGES and e.targets
                       and e.anchor[0] < m.start()), None)
        if change is None:
            continue
        ev = Event(sent, m.span("t"), Status.IMPOSED, list(change.imposers),
                   list(change.targets), reasons=list(change.reasons))
        after = [d for d in find_dates(sent.text, doc.ref) if m.end() <= d.start <= m.end() + 40]
        ev.date = after[0].value if after else None
        ev.explain = {"trigger": {"words": m.group(), "status": "imposed"},
                      "imposed_before": "the measure the change names, as it was imposed",
                      "date": ({"words": after[0].words, "value": after[0].value} if after
                               else {"value": None, "words": m.group(),
                                     "how": "no date given: a measure imposed before"}),
                      "imposers": [r.explain() for r in ev.imposers],
                      "targets": [t.explain() for t in ev.targets]}
        ev.confidence = 0.45
        out.append(ev)
        break
    return out


#: Words telling a measure as standing or old ("leaves the rest of the embargo in place",
#: "Tourism stays banned", "sanctions remain on four members", "since 1992", "goes back to
#: 1992", "now more than 50 years old", "Imposed in the first place").
_STANDING_CUE = re.compile(
    r"\b(?:stay(?:s|ed)?|remain(?:s|ed)?|still|in\s+place|in\s+force|kept|keeps?|keeping|"
    r"since\s+(?:\w+\s+)?(?:19|20)\d\d|dates?\s+(?:back\s+)?(?:from|to)|go(?:es)?\s+back\s+to|"
    r"(?:years?|decades?)[- ]old|(?:first|originally|initially)\s+(?:imposed|introduced|placed)|"
    r"imposed\s+in\s+the\s+first\s+place)\b", re.I)


def undone_measures(events: list[Event], text: str, n_sentences: int) -> list[Event]:
    """The measure each lifting or easing of an article (``text``, of ``n_sentences``
    sentences) undoes, as an ``imposed`` event of the
    same imposers on the same targets, undated, when the article tells no measure of those
    imposers in force (imposed or extended) itself: "he will lift sanctions on Syria" tells
    that Washington's sanctions on Syria were imposed. The annotators of
    benchmarks/extract_real/ record that background measure (74 of the 86 liftings and
    easings of its dev split have an imposed event of the same imposer; part_m.yaml's
    header: "measures kept beside an easing are imposed, undated"). One per imposer set,
    from its first lifting or easing; an expected lifting ("could soon suspend") is not
    read, nor is one with no target.

    Only in an article that tells the measure as standing or old somewhere
    (:data:`_STANDING_CUE`: "leaves the embargo in place", "stays", "since 1992", "Imposed in
    the first place") and in more than one sentence: a lone sentence gives only the change
    it announces, as the shared cases (../shared/cases/news/real-prose-patterns.yaml, p03 and
    p13) record it."""
    if n_sentences < 2 or not _STANDING_CUE.search(text):
        return []
    standing = [{r.id for r in e.imposers} for e in events
                if e.status in (Status.IMPOSED, Status.EXTENDED)]
    out: list[Event] = []
    done: list[set[str]] = []
    for e in events:
        ids = {r.id for r in e.imposers}
        if e.status not in (Status.LIFTED, Status.EASED) or not e.targets or not ids or \
                "same_as" in e.explain:  # (relief "in step with the EU": the EU's own, told)
            continue
        if any(ids & s for s in standing) or any(ids & d for d in done):
            continue
        done.append(ids)
        ev = Event(e.sentence, e.anchor, Status.IMPOSED, list(e.imposers), list(e.targets),
                   reasons=list(e.reasons))
        ev.date = None
        ev.explain = {"trigger": dict(e.explain.get("trigger", {}), status="imposed"),
                      "imposed_before": "the measure a lifting or easing undoes",
                      "date": {"value": None, "words": e.sentence.text[e.anchor[0]:e.anchor[1]],
                               "how": "no date given: a measure imposed before"},
                      "imposers": [r.explain() for r in ev.imposers],
                      "targets": [t.explain() for t in ev.targets]}
        ev.confidence = 0.4
        out.append(ev)
    return out
