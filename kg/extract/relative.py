"""Sanctions named by a relative clause with their imposer ("the sanctions those countries
imposed on Russia", "the sanctions already put in place by the European Union"):
:func:`relative_anchors`, one of the trigger shapes :func:`kg.extract.anchors.anchors` reads."""

from __future__ import annotations

import re

from kg.extract.actors import Mention
from kg.extract.frames import Anchor
from kg.model.vocab import Status

__all__ = ["relative_anchors"]

_REL_LEAD = re.compile(r"\s+(?:that\s+|which\s+)?(?:(?:its|their|the)\s+(?=[A-Z]))?")
_REL_VERB = re.compile(r"\s+(?:had\s+|has\s+|have\s+)?(?:already\s+|previously\s+|first\s+)?"
                       r"(?:imposed|imposes|keeps imposing|took|taken|adopted|ordered|introduced|"
                       r"applied|"
                       r"put in place|placed|slapped|levied|announced|unveiled|approved|agreed)\b",
                       re.I)
#: Between the subject of a relative clause and its verb: the abbreviation's own dot ("the
#: sanctions the U.S. imposed") and a state's government named by its office ("the sanctions
#: the U.S. administration imposed", "the measures the French government adopted").
_REL_OFFICE = re.compile(r"\.?(?:\s+(?:administration|government|authorities|cabinet|"
                         r"Treasury|Treasury Department|State Department))?(?=\s)")
_REL_PASSIVE = re.compile(r"(?:\s+(?:on|against)\s+(?:the\s+)?(?-i:[A-Z])[\w.’'-]*(?:\s+(?-i:[A-Z])"
                          r"[\w.’'-]*){0,2})?"  # "sanctions (on Belarus) by the EU"
                          r"\s+by\s+(?:the\s+)?(?=(?-i:[A-Z]))|"
                          r",?\s+(?:(?:that|which)\s+(?:were|was|had been|have been)\s+)?"
                          r"(?:already\s+|previously\s+|[a-z]+ly\s+)?(?:imposed|put in place|"
                          r"adopted|introduced|ordered|slapped|placed|reimposed|announced|"
                          r"taken|decided|approved|unveiled)"
                          # "slapped on it by the U.S.", "imposed on Cuba by Washington"
                          r"(?:\s+(?:on|against)\s+(?:it|them|[A-Z][\w.’'-]*))?"
                          r"\s+by\s+(?:the\s+)?", re.I)
#: A first name before the name of the actor after "by" ("by the Joe Biden administration").
_GIVEN = re.compile(r"[A-Z][a-z]+\s+")
_REL_KINDS = ("country", "pronoun")
_LIST_GAP = re.compile(r"\s*(?:,|,?\s*and)\s*(?:the\s+)?", re.I)


def relative_anchors(text: str, nouns: list[tuple[int, int]], ms: list[Mention]
                     ) -> list[Anchor]:
    """Sanctions named by a relative clause with their imposer: "the sanctions those
    countries imposed on Russia", "the suspension its Peace and Security Council ordered",
    "the measures the EU took in January", "the sanctions Washington has announced against
    Venezuela's oil company", "the sanctions already put in place by the
    European Union, the United States and Canada". Background events, ``imposed``; mode
    ``rel``, the span running from the noun to the verb (or to the last imposer after
    "by"). ``nouns``: (start, end) of every sanction noun."""
    out = []
    for _n_start, n_end in nouns:
        pm = _REL_PASSIVE.match(text, n_end)
        if pm:
            given = _GIVEN.match(text, pm.end())
            chain = [m for m in ms if m.kind in _REL_KINDS and (m.start == pm.end() or (
                given is not None and m.start == given.end()))][:1]
            while chain:
                nxt = [m for m in ms if m.start > chain[-1].end and m.kind == "country"
                       and _LIST_GAP.fullmatch(text, chain[-1].end, m.start)]
                if not nxt:
                    break
                chain.append(nxt[0])
            if chain:
                out.append(Anchor(_n_start, chain[-1].end, Status.IMPOSED,
                                  text[_n_start:chain[-1].end], "rel"))
            continue
        lead = _REL_LEAD.match(text, n_end)
        given = _GIVEN.match(text, lead.end()) if lead else None  # "the Joe Biden administration"
        subj = [m for m in ms if lead and m.kind in _REL_KINDS and (m.start == lead.end() or (
            given is not None and m.start == given.end()) or (  # "the West African bloc"
            m.text.startswith("the ") and m.start == lead.end() - 4))]
        if not subj:
            continue
        end = subj[0].end
        for m in ms:  # "the sanctions the US and the EU imposed": a list of imposers
            if m.start > end and m.kind == "country" and _LIST_GAP.fullmatch(text, end, m.start):
                end = m.end
        # "the sanctions the West African bloc ECOWAS applied": the name after its description
        end = next((m.end for m in ms if m.start == end + 1 and m.kind == "country"), end)
        office = _REL_OFFICE.match(text, end)
        vm = _REL_VERB.match(text, office.end() if office else end)
        if vm:
            out.append(Anchor(_n_start, vm.end(), Status.IMPOSED, text[_n_start:vm.end()], "rel"))
    return out
