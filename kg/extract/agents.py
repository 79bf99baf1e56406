"""Who imposes a measure told in the passive ("Five officials were sanctioned by the
United States", "Mali was suspended from the African Union") or as its target's lot ("faces
EU sanctions"): after "by"/"from", the owner before the noun, the owner of the list a target
was put on, else the subject of "said"/"warned", the state that says it afterwards, the last
state that acted or spoke, the state of the article's dateline. Split out of
:mod:`kg.extract.events` (round 14)."""

from __future__ import annotations

import re

from kg.extract.actors import Mention
from kg.extract.anchors import clause_start, forward_list
from kg.extract.context import Doc, Resolved
from kg.extract.lexicon import SANCTION_NOUN
from kg.extract.owners import passive_owner
from kg.extract.refer import resolve
from kg.extract.text import Sentence

__all__ = ["list_owner", "passive_imposers"]

#: Kinds of mention that can impose.
IMPOSER_KINDS = ("country", "person", "pronoun")
#: The preposition before a list's possessive owner ("put on China's unreliable entity list").
_LIST_PREP = re.compile(r"\s+(?:to|on(?:to)?)\s+")
#: The list after its owner ("China's \"unreliable entity list\"", "Russia's stop list").
_LIST_AFTER = re.compile(r"(?:['’]s)?(?:\s+[\"“]?[\w-]+[\"”]?){0,3}?\s+[\"“]?(?:[\w-]+\s+)?"
                         r"list\b", re.I)


def list_owner(text: str, a_end: int, ms: list[Mention], doc: Doc, sent: Sentence
               ) -> list[Resolved]:
    """The owner of the list a passive listing names right after its verb: "Three American
    companies were put on China's \"unreliable entity list\"", "were added to Russia's stop
    list" (:data:`kg.extract.frames` passive listing frame): ``[Resolved]`` of the
    possessive state, or ``[]`` when the list has no possessive owner."""
    pm = _LIST_PREP.match(text, a_end)
    if not pm:
        return []
    m = next((m for m in ms if m.start == pm.end() and m.possessive and m.kind == "country"),
             None)
    if m is None or not _LIST_AFTER.match(text, m.end):
        return []
    return resolve(m, doc, sent, ms, True)


def passive_imposers(text: str, a_start: int, a_end: int, words: str, passive: bool,
                     subject_target: bool, ms: list[Mention], doc: Doc, sent: Sentence
                     ) -> tuple[list[Resolved], int]:
    """The imposers of a trigger ``text[a_start:a_end]`` (its words ``words``) in the passive
    (``passive``) or with its target as subject ("faces", "risks", ``subject_target``):
    ``(imposers, by_end)``, ``by_end`` the end of the last agent after "by" (else
    ``a_end``). ``imposers`` may be empty (no agent found)."""
    imposers: list[Resolved] = []
    by_end = a_end
    # "was readmitted to the African Union": the bloc readmitting is the agent
    bym = re.search(r"\b(?:by|from|to|into)\s+" if re.search(
        r"readmit|reinstat", words) else r"\b(?:by|from)\s+", text[a_end:])
    if bym and (passive or bym.group().startswith("from")):
        k = next((i for i, m in enumerate(ms) if m.start >= a_end + bym.end()
                  and m.kind in IMPOSER_KINDS), None)
        if k is not None and ms[k].start - (a_end + bym.end()) <= 4:
            for m in forward_list(ms, k, text, len(text)):
                imposers += resolve(m, doc, sent, ms, True)
                by_end = max(by_end, m.end)
    if subject_target or (passive and not imposers and not SANCTION_NOUN.match(words)):
        # "faces EU sanctions", "were hit with US sanctions": the noun's owner imposes
        mid = [m for m in ms if a_start < m.start < a_end and m.kind in
               ("country", "demonym")]
        for m in mid:
            # (UN sanctions are the Security Council's, as kg.extract.refer.resolve reads)
            cid = doc.country("unsc" if m.code == "un" else m.code) if m.code else None
            if cid:
                imposers.append(Resolved(cid, m.text, m.how + " before the noun",
                                         m.start))
    if passive and not imposers and SANCTION_NOUN.match(words):
        imposers = passive_owner(text, a_start, ms, doc, sent)  # "US sanctions were"
    if passive and not imposers:
        # "were put on China's unreliable entity list": the list's owner lists
        imposers = list_owner(text, a_end, ms, doc, sent)
    if not imposers:
        said = re.search(r"\b(?:said|says|announced|announces|decided|(?P<w>warn(?:ed|s)|"
                         r"told|tells))\b", text[:a_start])  # (who warns: the subject, first)
        who = [m for m in ms if said and m.end <= said.start() and m.kind in (
            "country", "person") and m.code][:1 if said and said["w"] else None]
        after = [m for m in ms if m.start > a_end and m.kind == "country"
                 and re.match(r"\s+(?:said|says|announced)\b", text[m.end:])
                 and re.search(r",\s*(?:the\s+)?$", text[:m.start])]
        if who and said and said["w"]:  # "Washington and the EU had told Turkey it could face"
            lo = clause_start(text, said.start())
            first = next((m for m in ms if lo <= m.start and m.end <= said.start() and m.kind in
                          ("country", "person") and m.code), who[0])
            for m in forward_list(ms, ms.index(first), text, said.start()):
                imposers += resolve(m, doc, sent, ms, True)
        elif who:
            imposers += resolve(who[-1], doc, sent, ms, True)
        elif after:  # "Mali was suspended after the coup, the African Union said"
            imposers += resolve(after[0], doc, sent, ms, True)
        elif doc.last_state:
            imposers.append(Resolved(doc.last_state, "", "no agent: the last state "
                                     "that acted or spoke", a_start))
        elif doc.dateline and (cid := doc.country(doc.dateline)):
            # "WASHINGTON - Five officials were sanctioned ...": the dateline's state
            imposers.append(Resolved(cid, "", "no agent: the state of the article's "
                                     "dateline", a_start))
    return imposers, by_end
