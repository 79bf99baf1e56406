"""What the extractor remembers while it reads an article: the actors it has made, who was
named, who spoke last, which statement "the statement" means, and the explanations."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from kg.errors import NOT_AN_EVENT, Problem, ResolveError
from kg.extract.actors import Mention, slug
from kg.model.records import Actor, Citation
from kg.model.vocab import ActorKind
from kg.resolve.resolver import SEATS, Resolver, country_actor, normalize

__all__ = ["Doc", "Resolved", "dateline_end", "dateline_state", "without_dateline"]

#: States whose seat of government bears the state's name, so a dateline names both ("SINGAPORE
#: - ..."); kg/curated/seats.yaml keeps no country names. ISO 3166-1 alpha-2. (Not Luxembourg:
#: EU ministers meet there, and a dateline there is the bloc's.)
_CITY_STATES = {"singapore": "sg", "monaco": "mc", "kuwait": "kw",
                "djibouti": "dj", "san marino": "sm", "vatican": "va", "vatican city": "va"}
#: A wire dateline opening an article: a place (with its state or a date after commas), maybe
#: the agency in brackets, then a dash ("WASHINGTON (Reuters) - ", "Tokyo - ", "BEIJING,
#: March 3 (Xinhua) -- "), or a colon after a place in capitals ("KABUL (Pajhwok): ",
#: "NEW DELHI: "; a capitalised word and a colon is a heading, "Sanctions: ...").
_DATELINE = re.compile(
    r"\s*(?:(?P<city>[A-Z][A-Za-z.’' ]{1,30}?)(?:,\s*[A-Z][A-Za-z.]+(?:\s+\d{1,2})?)*\s*"
    r"(?:\([^()\n]{1,30}\)\s*)?[-–—]{1,2}"
    r"|(?P<caps>[A-Z][A-Z.’' ]{1,30}?)(?:,\s*[A-Z][A-Za-z.]+(?:\s+\d{1,2})?)*\s*"
    r"(?:\([^()\n]{1,30}\)\s*)?:)\s+(?=[A-Z\"“])")


def dateline_state(text: str) -> str | None:
    """The state or bloc whose seat of government opens an article as its dateline
    ("WASHINGTON (Reuters) - ...", "Tokyo - ...", "BRUSSELS, June 3 -"): ``"us"``, ``"jp"``,
    ``"eu"``; None when the article has no dateline or its place is not a seat of
    government (kg/curated/seats.yaml). Only capitals count: a reporter in Zurich or Geneva
    says nothing of who acts.

    >>> dateline_state("OTTAWA (Reuters) - Canada acted."), dateline_state("ZURICH - It did.")
    ('ca', None)
    >>> dateline_state("SINGAPORE - Banks will be barred ...")  # a city-state
    'sg'
    """
    m = _DATELINE.match(text)
    if m is None:
        return None
    place = normalize(m["city"] or m["caps"])
    return SEATS.get(place) or _CITY_STATES.get(place)


def dateline_end(text: str) -> int:
    """Where the opening wire dateline of ``text`` ends (0 when there is none): the place a
    reporter writes from is no speaker ("ABUJA - West Africa's regional bloc has removed
    ..., saying ...").

    >>> dateline_end("ABUJA - The bloc acted."), dateline_end("The bloc acted.")
    (8, 0)
    """
    m = _DATELINE.match(text)
    return 0 if m is None else m.end()


def without_dateline(text: str) -> str:
    """``text`` with its opening wire dateline (:func:`dateline_state`'s shapes, any place)
    blanked out by spaces, so offsets stay the same: the place a reporter writes from is not
    an actor of the story ("KABUL (Pajhwok): Russia prolonged its embargo ..." names no
    Afghan act). The dateline's state is still :attr:`Doc.dateline`.

    >>> without_dateline("MOSCOW - Russia acted.")
    '         Russia acted.'
    """
    m = _DATELINE.match(text)
    return text if m is None else " " * m.end() + text[m.end():]


@dataclass
class Resolved:
    """An actor id found for some words, and how."""

    id: str
    words: str
    how: str
    start: int = -1

    def explain(self) -> dict[str, Any]:
        return {"words": self.words, "id": self.id, "how": self.how}


@dataclass
class Doc:
    """State of one extraction run."""

    text: str
    ref: dt.date
    source_id: str
    known: Resolver | None = None
    actors: dict[str, Actor] = field(default_factory=dict)
    people: dict[str, Mention] = field(default_factory=dict)
    """Name token ("Lavrov") -> the first mention of that person (offsets in the article)."""
    last_person: str | None = None
    """Id of the last person named as a speaker (for "he said")."""
    last_speakers: list[str] = field(default_factory=list)
    last_multi: list[str] = field(default_factory=list)
    """The last group of several actors named together ("Russia and China")."""
    last_multi_speakers: list[str] = field(default_factory=list)
    """The speakers of the last statement made by several actors together."""
    last_named: Mention | None = None
    """The last person named with a title (offsets in the article)."""
    last_state: str | None = None
    """The last state or bloc that acted or spoke (for "it", "the foreign ministry")."""
    last_bloc: str | None = None
    """The last bloc named (for "the bloc", "the council")."""
    lead_state: str | None = None
    """The state imposing the first measure of the last sentence that told one (for "the
    ministry said" after "China is placing sanctions ... in response to Washington's ...")."""
    last_country: str | None = None
    """The last state named (for "the ministry" when no state has acted or spoken)."""
    dateline: str | None = None
    """The state or bloc of the article's dateline (:func:`dateline_state`): who acts in a
    sentence that names no actor when no state has acted or spoken before it."""
    heads: dict[str, str] = field(default_factory=dict)
    """Head noun ("ministry", "council") -> the state or bloc whose body was named last."""
    last_ministry: dict[str, str] = field(default_factory=dict)
    """State code -> the name of its ministry that spoke last (:mod:`kg.extract.offices`)."""
    recent: list[tuple[list[str], list[str]]] = field(default_factory=list)
    """(imposer ids, target ids) of every event found so far, in order."""
    relief_seen: bool = False
    """Whether an event lifted or eased has been found so far (for measures said to remain)."""
    groups_by_count: dict[int, str] = field(default_factory=dict)
    last_event_date: str | None = None
    """Date of the last event whose date the text gave (carried to undated follow-ups)."""
    skipped: list[Problem] = field(default_factory=list)
    state_counts: dict[str, int] = field(default_factory=dict)
    """How often each state (not bloc) is named in the article so far."""
    topic_hint: str | None = None
    """The state the whole article names most, set for a second look at sentences whose
    sanction had no target (:func:`kg.extract.fields.topic_targets`)."""

    # -- actors -------------------------------------------------------------------------

    def _known(self, *names: str) -> str | None:
        if self.known is None:
            return None
        for n in names:
            if not n:
                continue
            found = self.known.candidates(n)
            if len(found) == 1:
                self.actors.setdefault(found[0], self.known.actors[found[0]])
                return found[0]
        return None

    def known_body(self, state: str, *names: str) -> str | None:
        """The id of a known government body (with ``-d``) of ``state`` (its ``part_of`` or
        ``country``) that one of ``names`` names: its name or an alias, compared without
        case and with "Ministry of X Affairs" read as "X Ministry" ("Russian Foreign
        Ministry" is the known "Russian foreign ministry", alias "Russian Ministry of Foreign
        Affairs"); the actor is reused. None without known data or a match."""
        if self.known is None:
            return None
        want = {_body_key(n) for n in names if n}
        for aid, a in self.known.actors.items():
            if a.kind is ActorKind.GOVERNMENT_BODY and state in (a.part_of, a.country) and any(
                    _body_key(x) in want for x in (a.name, *a.aliases)):
                self.actors.setdefault(aid, a)
                return aid
        return None

    def cite(self, words: str, start: int) -> Citation:
        return Citation(source=self.source_id, quote=words, start=start, end=start + len(words))

    def country(self, code: str) -> str | None:
        """The id of the state or bloc ``code``, adding its actor on first use."""
        hit = self._known(code)
        if hit:
            return hit
        if code not in self.actors:
            try:
                self.actors[code] = country_actor(code)
            except ResolveError:
                return None
        return code

    def _new_id(self, base: str) -> str:
        # A drafted actor never takes the id of a known one: loaded together, they would clash.
        taken = self.known.actors if self.known is not None else {}
        if base not in self.actors and base not in taken:
            return base
        n = 2
        while f"{base}-{n}" in self.actors or f"{base}-{n}" in taken:
            n += 1
        return f"{base}-{n}"

    def actor_of(self, m: Mention, base: int = 0) -> str | None:
        """The actor id a mention stands for (creating draft actors for people and groups);
        None for pronouns, references and news agencies (resolved elsewhere)."""
        if m.kind == "country" and m.code:
            return self.country(m.code)
        if m.kind == "person" and m.name:
            hit = self._known(m.name, m.name.split()[-1])
            if hit:
                return hit
            pid = slug(m.name)
            toks = m.name.split()
            # "Lavrov" after "Sergey Lavrov", "Wang" after "Wang Yi": a one-word name, or the
            # same surname; not a shared given name ("John McCain" after "John Boehner")
            for tok in toks if len(toks) == 1 else toks[-1:]:
                first = self.people.get(tok)
                if first is not None and first.name and first.name != m.name \
                        and len(first.name) > len(m.name):
                    return self.actor_of(first)  # "Lavrov" after "Sergey Lavrov"
            if pid not in self.actors:
                country = self.country(m.code) if m.code else None
                self.actors[pid] = Actor(
                    id=pid, name=m.name, kind=ActorKind.PERSON,
                    country=country if country and len(country) == 2 else None,
                    position=_position(m.title), draft=True,
                    sources=[self.cite(m.text, base + m.start)])
            return pid
        if m.kind == "group":
            return self._group(m, base)
        if m.kind == "org" and m.name:
            hit = self._known(m.name)
            if hit:
                return hit
            oid = slug(m.name)
            if oid not in self.actors:
                self.actors[oid] = Actor(id=oid, name=m.name, kind=ActorKind.ORGANIZATION,
                                         draft=True, sources=[self.cite(m.text, base + m.start)])
            return oid
        return None

    def _group(self, m: Mention, base: int) -> str:
        noun = m.noun or "group"
        stem = f"{m.code}-{noun}" if m.code else noun
        for a in self.actors.values():
            if a.kind is ActorKind.GROUP and a.id.startswith(stem) and a.count == m.count \
                    and (a.description or "") == m.text:
                return a.id
        known = self._known_group(m, stem)
        if known is not None:
            return known
        gid = self._new_id(stem if stem not in self.actors else f"{stem}-{m.count or 'x'}")
        country = m.code if m.code and len(m.code) == 2 else None
        if country:
            self.country(country)
        self.actors[gid] = Actor(
            id=gid, name=_group_name(m), kind=ActorKind.GROUP, country=country,
            count=m.count, description=m.text, draft=True,
            sources=[self.cite(m.text, base + m.start)])
        if m.count:
            self.groups_by_count[m.count] = gid
        return gid

    def _known_group(self, m: Mention, stem: str) -> str | None:
        """A known group the mention names again, reused (with ``-d``), or None.

        A known group is the same group when its name (or an alias) is the mention's and it
        has the mention's count, or, for a counted group ("four institutions" beside the
        known "Four European institutions"), when its id is the mention's id stem
        (``eu-institutions``, ``eu-institutions-2``) and its count the mention's.
        """
        if self.known is None:
            return None
        known = self.known.actors
        hits = [i for i in self.known.candidates(_group_name(m))
                if known[i].kind is ActorKind.GROUP and known[i].count == m.count]
        if not hits and m.count:
            hits = sorted(i for i, a in known.items()
                          if a.kind is ActorKind.GROUP and a.count == m.count
                          and (i == stem or i.startswith(stem + "-")))
        if len(hits) != 1:
            return None
        self.actors.setdefault(hits[0], known[hits[0]])
        return hits[0]

    def note_skip(self, sentence: int, words: str, why: str) -> None:
        """Record a trigger in sentence ``sentence`` (0-based) that makes no event, and why."""
        self.skipped.append(Problem(why, record=f"{_SENTENCE}{sentence}", kind=NOT_AN_EVENT,
                                    words=words))


_SENTENCE = "sentence "


def skip_entry(problem: Problem) -> dict[str, Any]:
    """A skipped trigger as ``--explain`` writes it: ``{"sentence", "words", "why"}``."""
    return {"sentence": int((problem.record or "").removeprefix(_SENTENCE)),
            "words": problem.words, "why": problem.message}


def _position(title: str | None) -> str | None:
    if not title or title.lower().rstrip(".") in ("mr", "mrs", "ms", "dr", "counterpart"):
        return None
    return title[0].upper() + title[1:]


def _group_name(m: Mention) -> str:
    text = m.text
    for lead in ("a handful of ", "several ", "some "):
        if text.lower().startswith(lead):
            text = text[len(lead):]
    return text[0].upper() + text[1:] if text else "Group"


def _body_key(name: str) -> str:
    """A government body's name compared: lower case, no "the", "Ministry of Foreign
    Affairs" as "foreign ministry" (see :meth:`Doc.known_body`)."""
    key = re.sub(r"^the\s+", "", " ".join(name.lower().split()))
    return re.sub(r"\bministry of (?:the )?(\w+)(?: affairs)?\b", r"\1 ministry", key)
