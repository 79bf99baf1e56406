"""Who a mention in a sentence stands for: pronouns ("it", "they", "its", "their") point
back to actors named before, a person as imposer stands for their country, and an unnamed
group defined by what it did ("the officers behind the coup") is of the state the article
is about.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.extract.actors import Mention
from kg.extract.anchors import clause_start
from kg.extract.context import Doc, Resolved
from kg.extract.fields import topic_targets
from kg.extract.text import Sentence

__all__ = ["SUBJECT_FIRST", "is_venue", "possessor", "refers_back", "resolve"]

#: Words before a sentence's first actor when that actor is the subject ("The", "On
#: Friday, the"), so a later "it" means it.
#: (an opening time phrase with no comma counts too: "Last week Washington recognised ...")
SUBJECT_FIRST = re.compile(r"\W*(?:(?:On|In|Late|Early)\s+[\w ]{1,25},\s+|(?:(?:Last|This|Earlier "
                           r"this)\s+(?:week|month|year|\w+day)|Earlier|Yesterday|Today),?\s+)?"
                           r"(?:the\s+)?\W*$", re.I)
#: A day opening the sentence with no comma ("On Friday the Council adopted ...; it bans"):
#: the actor after it is still the subject "it" points back to.
_DAY_FIRST = re.compile(r"\W*(?:On|Late|Early)\s+\w+day\s+(?:the\s+)?$", re.I)
_SAID_AFTER = re.compile(r"\s+(?:\w+ly\s+)?(?:said|says|announced|warned|added)\b")
#: A verb of saying right before "they" ("said on Monday that they would").
_THEY_SAID = re.compile(r"\b(?:said|announced|agreed|decided|declared)\s+(?:[\w,]+\s+){0,4}?"
                        r"(?:that\s+)?$")
_PREP_BEFORE = re.compile(r"\b(?:with|on|against|from|to|of|in|for|at|into|over|by|"
                          r"after)\s+(?:the\s+)?$", re.I)


#: A verb of warning or telling right before its object ("warned Turkey (that) it could").
_WARNED_BEFORE = re.compile(r"\b(?:warn|told|tell|remind|caution|advis)\w*\s+(?:the\s+)?$", re.I)


def resolve(m: Mention, doc: Doc, sent: Sentence, ms: list[Mention], imposer: bool
            ) -> list[Resolved]:
    """The actors mention ``m`` of sentence ``sent`` stands for (``ms``: the sentence's
    mentions): "it"/"they" point back, a person as imposer is their country, an unnamed
    group defined by what it did takes the state the article is about."""
    if m.kind == "pronoun":
        p = m.text.lower()
        if p == "it":
            prior = [x for x in ms if x.end <= m.start and x.kind == "country"]
            spoke = [x for x in prior if _SAID_AFTER.match(sent.text, x.end)]
            warned = [x for x in prior if re.fullmatch(r"\s+(?:that\s+)?", sent.text[x.end:m.start])
                      and _WARNED_BEFORE.search(sent.text, 0, x.start)]
            if warned:  # "The US warned Turkey it could face sanctions": the one warned
                prior = warned[-1:]
            elif spoke:
                # "..., the AU's Peace and Security Council said, warning that it would":
                # the one who spoke
                prior = spoke[-1:]
            elif prior and (SUBJECT_FIRST.match(sent.text, 0, prior[0].start)
                            or _DAY_FIRST.match(sent.text, 0, prior[0].start)):
                # "The AU suspended Burkina Faso and said it would ...": the subject
                prior = prior[:1]
            if prior:
                cid = doc.actor_of(prior[-1], sent.start)
                return [Resolved(cid, m.text, f"'it' = {prior[-1].text}", m.start)] if cid else []
            if doc.last_state:
                return [Resolved(doc.last_state, m.text, "'it' = the last state named", m.start)]
        if p in ("he", "she") and imposer:
            # "President X said he would lift sanctions": the person named before, as
            # imposer their country (a leader or an official whose country is known)
            people = [x for x in ms if x.end <= m.start and x.kind == "person" and x.code]
            if people and people[-1].code and (cid := doc.country(people[-1].code)):
                return [Resolved(cid, m.text, f"'{p}' = {people[-1].text}, as imposer "
                                 "their country", m.start)]
            last = doc.actors.get(doc.last_person or "")
            if last is not None and last.country and not any(
                    x.kind == "person" for x in ms if x.end <= m.start) \
                    and (cid := doc.country(last.country)):
                return [Resolved(cid, m.text, f"'{p}' = {last.name}, as imposer their "
                                 "country", m.start)]
            return []
        if p == "they" and (said := _THEY_SAID.search(sent.text, 0, m.start)):
            # "EU foreign ministers said on Monday that they would keep ...": the speakers,
            # the subject of the verb of saying, are "they"
            subj = [x for x in ms if x.end <= said.start() and x.kind == "country" and
                    SUBJECT_FIRST.match(sent.text, 0, x.start)]
            if subj and (cid := doc.actor_of(subj[0], sent.start)):
                return [Resolved(cid, m.text, f"'they' = {subj[0].text}, who said it",
                                 m.start)]
        if p in ("they", "the pair", "the two allies", "the two countries", "both countries",
                 "those countries", "these countries", "those states", "the allies") \
                and doc.last_multi:
            return [Resolved(a, m.text, "the actors named together before", m.start)
                    for a in doc.last_multi]
        return []
    if m.kind == "person" and imposer:
        if not m.code:
            return []
        cid = doc.country(m.code)
        return [Resolved(cid, m.text, f"country of {m.name}", m.start)] if cid else []
    if m.kind == "group" and m.code is None and m.count is None and not imposer:
        topic = topic_targets(set(), doc)
        if topic and len(topic[0].id) == 2:
            m = replace(m, code=topic[0].id, how=m.how + "; its country is the state the "
                        "article is about")
    if imposer and m.kind == "country" and m.code == "un" and (cid := doc.country("unsc")):
        # "The United Nations imposed an arms embargo": UN sanctions are the Security
        # Council's (the General Assembly imposes none), as kg.extract.owners reads "UN
        # sanctions" and the annotators of benchmarks/extract_real/ write them
        return [Resolved(cid, m.text, m.how + "; UN sanctions are the Security Council's",
                         m.start)]
    aid = doc.actor_of(m, sent.start)
    return [Resolved(aid, m.text, m.how, m.start)] if aid else []


def possessor(word: str, at: int, doc: Doc, sent: Sentence, ms: list[Mention]
              ) -> list[Resolved]:
    """Who "its"/"their" at ``at`` is: the state written as a possessive just before in the
    clause ("Washington's arms sale to Taiwan and its sanctions"), else what "it"/"they"
    would be."""
    cstart = clause_start(sent.text, at)
    owner = [m for m in ms if cstart <= m.start and m.end <= at and m.possessive
             and m.kind == "country"]
    if owner:
        return resolve(owner[-1], doc, sent, ms, True)
    # "the EU decided to keep its own sanctions": the actor of the clause, not one after a
    # preposition
    acting = [m for m in ms if cstart <= m.start and m.end <= at and m.kind == "country"
              and not _PREP_BEFORE.search(sent.text, cstart, m.start)]
    if acting:
        return resolve(acting[-1], doc, sent, ms, True)
    pron = Mention(at, at + len(word), "it" if word == "its" else "they", "pronoun")
    return resolve(pron, doc, sent, ms, True)


#: A seat of government where someone met or spoke ("told reporters in Addis Ababa", "a news
#: conference in Abuja", "Meeting in Addis Ababa on Tuesday"): a venue, not an actor.
_VENUE_BEFORE = re.compile(r"\b(?:told|said|says|spoke|speaking|met|meet|meeting|meetings|"
                           r"summit|conference|session|talks|reporters|journalists|"
                           r"held|gathered|gathering|convened)\b(?:\s+[\w’'-]+){0,6}?\s+in\s+$",
                           re.I)

#: Reported speech just before the noun phrase ("Hua said the European sanctions"): the
#: speaker comments on the measure, as statements do, and does not report a new one.
_SAID_THAT = re.compile(r"\b(?:said|says|told\s+\w+|stated|added|insisted|argued)\s+(?:that\s+)?"
                        r"(?:the|these|those|such|its|their)\s+(?:[\w’'-]+\s+){0,3}$", re.I)

#: A definite noun phrase before a sanction noun ("the European", "these", "the EU's new").
_DEFINITE = re.compile(r"\b(?:the|these|those|such|its|their)\s+(?:[\w’'-]+\s+){0,3}$|['’]s\s+"
                       r"(?:[\w-]+\s+){0,2}$", re.I)


def refers_back(text: str, start: int, imposers: set[str], doc: Doc) -> bool:
    """Whether the sanction noun at ``start`` of sentence ``text``, with no target of its own,
    is a definite noun phrase just after a verb of saying ("Hua said the European sanctions
    were based on lies") whose owners (``imposers``) already imposed sanctions in the
    article: a reference back to them, not a new event."""
    return bool(imposers) and bool(_DEFINITE.search(text[max(0, start - 60):start])) and any(
        imposers & set(imps) for imps, _t in doc.recent) and bool(
        _SAID_THAT.search(text[max(0, start - 40):start]))


def is_venue(text: str, start: int, how: str) -> bool:
    """Whether the seat of government named at ``start`` of sentence ``text`` (its mention's
    ``how`` says "seat of government") is only where a meeting or a statement took place
    ("told reporters in Addis Ababa"): such a city is no target, and no state the article
    names for "the country" or "the last state" later."""
    return how.startswith("seat of government") and bool(
        _VENUE_BEFORE.search(text, max(0, start - 60), start))


#: An act a body adopted, opening a relative clause ("a resolution that takes ... off").
_ACT_THAT = re.compile(r"\b(?:resolution|decision|decree|law|text|order|regulation|package|"
                       r"bill)\s+(?:that|which)\s+(?:also\s+)?$", re.I)


def act_subject(text: str, at: int, ms: list[Mention]) -> int | None:
    """The index in ``ms`` of the sentence's subject (a state or bloc opening it) when the
    trigger at ``at`` opens a relative clause on the act that subject adopted ("The UN
    Security Council adopted a resolution that takes X off the sanctions list": the Council
    acts), else None."""
    if not _ACT_THAT.search(text, 0, at):
        return None
    return next((i for i, m in enumerate(ms) if m.kind == "country" and m.end <= at
                 and SUBJECT_FIRST.match(text, 0, m.start)), None)

