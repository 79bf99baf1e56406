"""A ministry or an unnamed office holder that speaks keeps its own actor, part of its state.

Real reporting gives a statement to "the Russian Foreign Ministry", "China's Ministry of
Commerce", "the ministry", "Iran's foreign minister" or "the national security adviser".
The extractor first reads such a speaker as its state (who acts, whose measure it is, which
sanction the statement is about all follow from the state); :func:`office_speaker` then
gives the statement the body or office itself: a ``government_body`` actor ("Russian
Foreign Ministry", id ``ru-foreign-ministry``) or, for an office holder the text does not
name, a ``person`` actor with the office as its ``position`` ("Iranian Foreign Minister",
id ``ir-foreign-minister``), each ``part_of`` its state and ``draft`` (a person should
review it). ``kg query statements --speaker Russia`` still finds them (a body speaks for
the state it is part of).

Which ministry "the ministry" is: the last ministry of that state that spoke, else the last
ministry the article named before it, else its foreign ministry (the ministry that speaks
for a state on other states' measures). A named person is never replaced ("Foreign Minister
Wang Yi said" stays Wang Yi), nor a state named alone ("Moscow said"), a bloc, or a
department that news uses for the state as imposer ("the Treasury").

>>> office_phrase("the Chinese foreign ministry")
('ministry', 'Foreign Ministry')
>>> office_phrase("Ministry of Trade, Industry and Energy")
('ministry', 'Ministry of Trade, Industry and Energy')
>>> office_phrase("the national security adviser")
('office', 'National Security Adviser')
"""

from __future__ import annotations

import re

from kg.curated import load_table
from kg.extract.context import Doc, Resolved
from kg.extract.mention import Mention, slug
from kg.model.records import Actor
from kg.model.vocab import ActorKind
from kg.resolve.resolver import country_name

__all__ = ["named_holder", "office_back", "office_phrase", "office_speaker"]

_CAP = r"[A-Z][\w’'-]*"
#: "Ministry of Foreign Affairs", "Ministry of Trade, Industry and Energy" (capitalised words
#: joined by commas and "and"; never a post: "Ministry of Foreign Affairs Spokesperson").
_OF_NAME = (rf"(?:(?!(?:Spokes\w+|Minister|Secretary|Director|Head|Chief|Deputy)\b){_CAP}"
            rf"(?:(?:,\s+|\s+and\s+|\s+&\s+|\s+)(?!(?:Spokes\w+|Minister|Secretary|Director|"
            rf"Head|Chief|Deputy|said|says)\b){_CAP})*)")
_DOMAIN = (r"(?i:foreign|commerce|trade|finance|defen[cs]e|economy|economic|interior|energy|"
           r"justice|external|home|industry)(?:\s+(?i:affairs))?")
_MINISTRY = re.compile(
    r"(?:(?P<dom>" + _DOMAIN + r")\s+)?(?P<m>[Mm]inistry)\b"
    r"(?:\s+of\s+(?P<of>" + _OF_NAME + "))?")
_MINISTER = re.compile(r"(?P<dom>(?:deputy\s+)?" + _DOMAIN + r"|prime)\s+minister\b", re.I)
_TITLES: dict[str, str] = dict(load_table("titles"))
_TITLE = re.compile(r"\b(?P<t>" + "|".join(re.escape(t) for t in sorted(
    _TITLES, key=len, reverse=True)) + r")\b", re.I)
#: The words right after a state's mention that make it a ministry or office speaking:
#: "Russia's foreign ministry", "the Iranian Foreign Ministry", "China's Ministry of Commerce",
#: "Iran's foreign minister" (not when a name follows: "Iran's foreign minister Ali Vaez").
_AFTER = re.compile(r"(?:['’]s)?\s+(?P<office>(?:" + _DOMAIN + r"\s+)?(?:[Mm]inistry\b"
                    r"(?:\s+of\s+" + _OF_NAME + r")?|(?i:prime\s+)?[Mm]inister\b))")
_FOREIGN = {"foreign", "foreign affairs", "external affairs", "external"}
_FOREIGN_OF = {"foreign affairs", "external affairs"}
_ADJ: dict[str, str] = {}
for _word, _code in load_table("demonyms").items():
    _ADJ.setdefault(str(_code), _word)
_ADJ_FIXED = {"us": "US", "gb": "British"}


def _adjective(code: str) -> str:
    """How a body's name says whose it is: "Russian", "US"; the country's name when the
    demonyms table (kg/curated/demonyms.yaml) has no adjective for it."""
    if code in _ADJ_FIXED:
        return _ADJ_FIXED[code]
    word = _ADJ.get(code)
    if word:
        return " ".join(w.capitalize() for w in word.split())
    return country_name(code) or code.upper()


def office_phrase(words: str) -> tuple[str, str] | None:
    """``("ministry", name)`` or ``("office", title)`` for words naming a ministry or an
    office without a person ("the foreign ministry" -> ``("ministry", "Foreign Ministry")``,
    "Iran's foreign minister" -> ``("office", "Foreign Minister")``); None for anything else.
    A ministry's name is written the same way however the text writes it ("the Ministry of
    Foreign Affairs" is the "Foreign Ministry")."""
    m = _MINISTRY.search(words)
    if m:
        of = (m["of"] or "").strip()
        dom = (m["dom"] or "").lower()
        if of.lower() in _FOREIGN_OF or (not of and dom in _FOREIGN):
            return "ministry", "Foreign Ministry"
        if of:
            return "ministry", f"Ministry of {of}"
        if dom:
            return "ministry", f"Ministry of {dom.title()}"
        return "ministry", ""  # "the ministry": which one is decided by the article
    m = _MINISTER.search(words)
    if m:
        return "office", " ".join(w.capitalize() for w in m.group().split())
    m = _TITLE.search(words)
    if m:
        return "office", " ".join(w.capitalize() if w not in ("of", "for") else w
                                  for w in m["t"].lower().split())
    return None


#: An office named back by a definite description right before the speech verb ("the
#: minister said", "the spokeswoman added", "the foreign minister told reporters").
_BACK_OFFICE = re.compile(
    r"\b[Tt]he\s+(?P<o>(?:(?i:foreign|prime|defen[cs]e|finance|trade|deputy)\s+)?"
    r"(?i:minister|spokes(?:man|woman|person)|ambassador|secretary|envoy|president|chancellor))"
    r"\s+(?:\w+ly\s+)?(?:also\s+)?$")


def named_holder(doc: Doc, title: str, code: str | None) -> str | None:
    """The actor id of the one person the article named before with ``title`` ("Foreign
    Minister Penny Wong" for "the foreign minister"; a bare "minister" matches any post
    ending in it), of the state ``code`` when the person's state is known; None when no one
    or several people were. An office named back is that person ("The listings are meant to
    ..., the minister said" after "Foreign Minister Penny Wong announced ...")."""
    want = " ".join(title.lower().split())
    names: dict[str, Mention] = {}
    for m in doc.people.values():
        has = " ".join((m.title or "").lower().split())
        if has and (has == want or has.endswith(" " + want)) and m.name and not (
                code and m.code and m.code != code):
            names.setdefault(m.name, m)
    if len(names) != 1:
        return None
    (m,) = names.values()
    return doc.actor_of(m)


def office_back(doc: Doc, text: str, end: int) -> tuple[str, str, int] | None:
    """(actor id, words, start) of the person an office named back right before ``end`` in
    ``text`` stands for (:func:`named_holder`), or None."""
    m = _BACK_OFFICE.search(text, 0, end)
    if m is None:
        return None
    pid = named_holder(doc, m["o"], None)
    return (pid, m.group().strip(), m.start()) if pid else None


def _last_ministry(prior: str) -> str | None:
    """The name of the last ministry named in ``prior`` ("the Ministry of Commerce"), or
    None. Read back from the end, one "ministry" at a time (a long article is not read
    through with the whole pattern for every "the ministry")."""
    low, end = prior.lower(), len(prior)
    while (at := low.rfind("ministry", 0, end)) >= 0:
        for m in _MINISTRY.finditer(prior, max(0, at - 40), min(len(prior), at + 160)):
            if m.start("m") == at and (f := office_phrase(m.group())) and f[1]:
                return f[1]
        end = at
    return None


def office_speaker(doc: Doc, sentence: str, r: Resolved,
                   before: dict[str, str] | None = None, prior: str = "") -> str:
    """The id to record as the speaker ``r`` of a statement in ``sentence``: the ministry or
    office the words at ``r`` name (an actor added to ``doc``, ``part_of`` the state), or
    ``r.id`` unchanged (see the module docstring). ``before`` maps a state to the ministry or
    office that spoke for it in the statement before: "it" and "the statement" that point
    back to that statement's speakers take the same ministry. ``prior`` is the article's
    text before the sentence: "the ministry" is the last ministry named in it."""
    state = doc.actors.get(r.id)
    if state is None or state.kind is not ActorKind.STATE or not state.country:
        return r.id
    if before and r.how == "the speakers of the statement before" and r.id in before:
        return before[r.id]
    found: tuple[str, str] | None = None
    written = r.words
    if r.how.startswith("bloc or government described"):
        found = office_phrase(r.words)
    elif r.start >= 0 and (r.how in ("country name", "demonym", "seat of government")
                           or "and an office" in r.how):
        m = _AFTER.match(sentence, r.start + len(r.words))
        if m and not re.match(r",?\s+[A-Z][a-z]", sentence[m.end():]):  # a name follows
            found = office_phrase(m["office"])
            written = sentence[r.start:m.end()]
    if found is None:
        return r.id
    kind, name = found
    code = state.country
    if kind == "office" and (pid := named_holder(doc, name, code)):
        return pid  # "the Japanese foreign minister" after "Foreign Minister Ren Oda"
    if kind == "ministry" and not name:
        name = doc.last_ministry.get(code) or _last_ministry(prior) or "Foreign Ministry"
    if kind == "ministry":
        doc.last_ministry[code] = name
    full = f"{_adjective(code)} {name}"
    if kind == "ministry" and (hit := doc.known_body(r.id, full, written)):
        return hit  # "Russia's Foreign Ministry" with -d examples: the bundled ru-mfa
    aid = f"{code}-{slug(name)}"
    if aid not in doc.actors:
        if kind == "ministry":
            doc.actors[aid] = Actor(id=aid, name=full, kind=ActorKind.GOVERNMENT_BODY,
                                    country=code, part_of=r.id, draft=True)
        else:
            doc.actors[aid] = Actor(id=aid, name=full, kind=ActorKind.PERSON, country=code,
                                    part_of=r.id, position=name, draft=True,
                                    description="an office holder the source does not name")
    # the words as the source writes them ("Iran's foreign minister", "the national security
    # adviser") are an alias, so a search by them finds the actor
    alias = re.sub(r"^(?:[Tt]he|[Aa]n?)\s+", "", " ".join(written.split()))
    a = doc.actors[aid]
    if len(alias.split()) > 1 and alias.lower() not in {n.lower() for n in (a.name, *a.aliases)}:
        a.aliases.append(alias)  # ("the ministry" is no name: one word after "the")
    return aid
