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

__all__ = ["imposed_before"]

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
