"""Who a speaker mention stands for (moved out of :mod:`kg.extract.statements`).

"he"/"she" is the last person who spoke (or was named); "it" the speakers of the statement
before, or with none the last state or bloc that acted; "the statement" / "the joint
statement" the speakers of the last statement, or the states named just before it ("Russia
and China's joint statement"); "the two" the group of that size or the actors who spoke
together; an unnamed office holder with a demonym ("the Iranian foreign minister") and a
person's administration ("President X's administration") speak for the state.
"""

from __future__ import annotations

import re

from kg.extract.actors import Mention
from kg.extract.context import Doc, Resolved
from kg.extract.text import Sentence

__all__ = ["resolve_speaker"]

#: "President X's administration": a person's government speaks for the state.
_ADMINISTRATION = re.compile(r"['’]s\s*(?:administration|government|cabinet)\b", re.I)


def resolve_speaker(m: Mention, text: str, ms: list[Mention], doc: Doc, sent: Sentence
                     ) -> tuple[list[Resolved], bool]:
    """Speaker ids for the mention ``m`` of sentence ``sent`` (``text``, its mentions ``ms``)
    and whether they were found by reference (pronoun, "the statement")."""
    if m.kind == "demonym" and m.code:
        # "the Iranian foreign minister": an unnamed office holder speaks for the state.
        aid = doc.country(m.code)
        return ([Resolved(aid, m.text, "demonym and an office: speaks for the state",
                          m.start)] if aid else []), False
    if m.kind == "ref":
        poss = [x for x in ms if x.end <= m.start and x.possessive]
        if poss and m.start - poss[-1].end <= 3:
            chain = [x for x in ms if x.kind == "country" and x.end <= poss[-1].end
                     and m.start - x.end < 30]
            found = [(doc.actor_of(x, sent.start), x) for x in chain]
            return [Resolved(i, x.text, "named before 'joint statement'", x.start)
                    for i, x in found if i], True
        ids = doc.last_multi_speakers or doc.last_speakers
        return [Resolved(i, m.text, "the speakers of the statement before", m.start)
                for i in ids], True
    if m.kind == "pronoun":
        p = m.text.lower()
        if p in ("he", "she") and doc.last_person:
            return [Resolved(doc.last_person, m.text, "the last person who spoke", m.start)], True
        if p in ("he", "she") and doc.last_named:
            aid = doc.actor_of(doc.last_named)
            if aid:
                return [Resolved(aid, m.text, "the last person named", m.start)], True
        if p == "it" and any(doc.actors[i].kind != "person" if i in doc.actors else True
                             for i in doc.last_speakers):
            return [Resolved(i, m.text, "the speakers of the statement before", m.start)
                    for i in doc.last_speakers], True
        if p == "it" and doc.last_state:
            # "The European Council adopted sanctions ... It said ...": with no body that
            # spoke before, the last state or bloc that acted (never a person)
            return [Resolved(doc.last_state, m.text, "the last state or bloc that acted or "
                             "spoke", m.start)], True
        if m.count and m.count in doc.groups_by_count:
            return [Resolved(doc.groups_by_count[m.count], m.text, "the group of that size",
                             m.start)], True
        multi = doc.last_multi_speakers or doc.last_multi
        if multi:
            return [Resolved(i, m.text, "the actors who spoke together before", m.start)
                    for i in multi], True
        return [], True
    if m.kind == "person" and m.code and m.possessive \
            and _ADMINISTRATION.match(text, m.end):
        # "US President Donald Trump's administration has said": the state speaks
        aid = doc.country(m.code)
        if aid:
            return [Resolved(aid, m.text, "a person's administration: speaks for the state",
                             m.start)], False
    aid = doc.actor_of(m, sent.start)
    return ([Resolved(aid, m.text, m.how, m.start)] if aid else []), False
