"""The members of a sanctioned group, named in a sentence of their own: real reports give a
measure on "25 individuals" or "seven US companies", then list who they are.

Each rule is a kind of prose, not a name. A sentence that makes no sanction of its own and
names people or organisations as the members of those just sanctioned adds them to the
targets of the last sanction told before it (within two sentences):

* **a list after "include"** said of the sanctioned or of a group noun ("Those sanctioned
  include Ana Reyes and the Vantor Institute", "The 25 individuals include ...", "the
  measures cover 19 people, including ...");
* **a list that the sanctioned are** ("The companies are Acme Corp, Brill Ltd and ...");
* **a list introduced as the list's contents** ("The list takes in ...", "The list runs from
  Acme Corp to Brill Ltd");
* **names said to be among them or on the list** ("Ana Reyes and Tomas Velde are among
  those hit", "... are on the list, as are ...", "Ana Reyes, Tomas Velde and Ida Berg were
  hit").

A person or organisation that speaks in the sentence ("..., Ana Reyes said") or is named in
a reported-speech tail is not a member.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.extract.bodies import ORG_WORDS
from kg.extract.context import Doc, Resolved
from kg.extract.fields import Event, recent_events
from kg.extract.frames import capitalised_names
from kg.extract.mention import Mention
from kg.extract.targets import named_people, not_a_target, people_listed
from kg.extract.text import Sentence
from kg.extract.words import TITLES

__all__ = ["add_members", "members"]

_GROUPISH = (r"(?:individuals|people|persons|entities|companies|firms|officials|"
             r"organi[sz]ations|institutions|businessmen|figures|members|names|targets|"
             r"those(?:\s+\w+){0,2}|them|list)")
#: Cues after which the members are listed ("Those sanctioned include", "The companies
#: are", "The list takes in").
_LIST_AFTER = re.compile(
    r"(?i:\b" + _GROUPISH + r")(?:\s+[\w-]+){0,2}?,?\s+includ(?:e|es|ed|ing)\b"
    r"|^(?:The|These|Those)\s+(?:\w+\s+){0,2}?(?:companies|firms|entities|individuals|people|"
    r"officials|persons|organi[sz]ations)\s+(?:are|were)\s+(?=[A-Z])"
    r"|\b[Tt]he\s+list\s+(?:takes\s+in|runs\s+from|comprises|covers|names|features)\b")
#: Cues before which the members are named ("Ana Reyes and Tomas Velde are among those hit",
#: "..., Ana Reyes among them,", "are on the list", "were hit").
_LIST_BEFORE = re.compile(
    r"\s+(?:(?:is|are|was|were)\s+(?:also\s+)?among\s+(?:those|the)\b"
    r"|among\s+them\b"
    r"|(?:is|are|was|were)\s+(?:also\s+)?on\s+the\s+(?:\w+\s+)?list\b"
    r"|(?:were|was)\s+(?:also\s+)?(?:hit|targeted|named|listed|designated)\s*(?:[.;]|$))")
_TITLE_WORDS = {w for t in TITLES for w in t.split()}
#: More members after a "before" cue ("..., as are ...").
_AS_ARE = re.compile(r",?\s+as\s+(?:is|are|was|were)\b")
#: A name after "<noun> of" or "<noun> at" is someone or something the member is related to
#: ("five relatives of billionaire Ana Reyes", "two figures at the tabloid Kessel"), not a
#: member.
_KIN_OF = re.compile(r"\b[a-z]+\s+(?:of|at)\s+(?:the\s+)?(?:[A-Za-z]+\s+){0,2}$")
#: The cue's group is people ("The 25 individuals include", "Those named include").
_PEOPLE = re.compile(r"\b(?:individuals|people|persons|officials|figures|those|them|names)\b",
                     re.I)
#: A reported-speech tail or a speaker ("..., the ministry said", "Ana Reyes told").
_SPEECH_AFTER = re.compile(r"\s*,?\s*(?:\w+\s+)?(?:said|says|told|wrote|added|announced|"
                           r"stated)\b")
_TAIL = re.compile(r",\s+(?:(?:the|a|an|its|his|her)\s+)?(?:[\w'’-]+\s+){0,5}?"
                   r"(?:said|says|told|wrote|added|stated)\b[^;]*$")
#: A name before a lower-case noun is its modifier ("Quds Force commander Ana Reyes", "Acme
#: chairman Tomas Velde", "11 State Duma deputies"): it places the member, it is not one.
_POST_THEN_NAME = re.compile(r"\s+(?!(?:and|or|to|of|in|as|at|on|from|with|among|are|is|was|"
                             r"were)\b)[a-z][\w-]*\b")
#: Last words of company and body names (beside :data:`kg.extract.bodies.ORG_WORDS`): a name
#: ending in one is no person's ("Anduril Industries", "Evin Prison"). Source: kg's own
#: list of the heads of company and institution names in English-language reporting.
_ORG_HEADS = {"Industries", "Systems", "Solutions", "Electronics", "Technologies", "Holdings",
              "Prison", "Police", "Airlines", "Airways", "Energy", "Media", "News", "Motors",
              "Steel", "Shipping", "Lines", "Capital", "Partners", "Trust", "Services",
              "Simulation", "Aerospace", "Defense", "Defence", "Dynamics", "Laboratories",
              "Networks", "Telecom", "Petroleum", "Resources", "Mining", "Metals",
              "Chemicals", "Logistics", "Trading", "Enterprises", "Investments",
              "University", "College", "School", "Center", "Centre", "Hospital", "Studies",
              "Research", "Brigade", "Corps", "Front", "Movement", "Network", "Radio",
              "Television", "Force", "Agreement", "Accord", "Operation", "State", "Inc",
              "Corp", "Co", "Ltd", "LLC", "Plc", "AG", "SA", "GmbH"}
#: Head words of documents and operations named beside members ("the Conakry Agreement",
#: "Resolution 2397", "Operation Spring Shield"): no member.
_DOCUMENTS = re.compile(r"\b(?:Resolution|Agreement|Accord|Protocol|Act|Law|Operation|"
                        r"Treaty|Declaration|Convention)\b")


def _spans(text: str) -> list[tuple[int, int, bool]]:
    """Where sentence ``text`` lists members, clause by clause, and whether they are people
    (see the module docstring); [] when it has no membership cue."""
    tail = _TAIL.search(text)
    end = tail.start() if tail else len(text)
    out = []
    lo = 0
    for clause in re.finditer(r"[^;]+", text[:end]):
        c0, c1 = clause.span()
        after = _LIST_AFTER.search(text, c0, c1)
        before = _LIST_BEFORE.search(text, c0, c1)
        if after:
            out.append((after.end(), c1, bool(_PEOPLE.search(after.group()))))
        elif before:
            lo = c0
            if before.group().lstrip().startswith("among them"):
                lo = max(text.rfind(",", c0, before.start()), c0)
            if before.group().split()[0] in ("is", "are", "was", "were") and not \
                    re.search(r"among|list", before.group()) and not _only_names(
                        text[lo:before.start()]):
                continue  # "after Ana Reyes was ousted, ... was named": no list
            out.append((lo, before.start(), True))
            more = _AS_ARE.match(text, before.end(), c1)
            if more:  # "..., as are comedians Ana Reyes and Tomas Velde"
                out.append((more.end(), c1, True))
    return out


def _only_names(words: str) -> bool:
    """Whether ``words`` are only capitalised names, posts, commas and "and" ("Defence
    Minister Ana Reyes and Energy Minister Tomas Velde")."""
    return all(w[:1].isupper() or w.lower() in _TITLE_WORDS or w == "and"
               for w in re.findall(r"[\w'’-]+", words))


def _person_like(m: Mention) -> bool:
    words = (m.name or m.text).split()
    return m.how == "capitalised name" and 2 <= len(words) <= 3 and all(
        w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words) and not (
        set(words) & (_ORG_HEADS | set(ORG_WORDS)))


def _owner_cut(text: str, m: Mention) -> Mention:
    """An organisation's name without the possessive that places it ("Denver's Acme
    Holdings": Acme Holdings)."""
    own = re.match(r"[A-Z][\w-]*['’]s\s+(?=[A-Z])", m.text) if m.kind == "org" else None
    if own is None:
        return m
    name = m.text[own.end():]
    return replace(m, start=m.start + own.end(), text=name, name=name)


def members(sent: Sentence, ms: list[Mention]) -> list[Mention]:
    """The people and organisations sentence ``sent`` names as the members of a sanctioned
    group (``ms``: its mentions), in order; [] when it has no membership cue."""
    text = sent.text
    spans = _spans(text)
    found = [m for lo, hi, _p in spans for m in ms
             if m.kind in ("person", "org") and lo <= m.start and m.end <= hi]
    found = sorted(found + [m for lo, hi, _p in spans
                            for m in capitalised_names(text, lo, hi, ms)],
                   key=lambda m: m.start)
    quoted = [q.span() for q in re.finditer(r"[\"“][^\"”]*[\"”]", text)]
    found = [m for m in found if not not_a_target(text, m)
             and not _SPEECH_AFTER.match(text, m.end)
             and not any(a <= m.start < b for a, b in quoted)
             and not _KIN_OF.search(text, 0, m.start)
             and not (m.kind == "org" and (_POST_THEN_NAME.match(text, m.end)
                                           or _DOCUMENTS.search(m.text)
                                           or re.fullmatch(r"[A-Z]{2,}s", m.text)))]
    found = [_owner_cut(text, m) for m in found]
    people = [(lo, hi) for lo, hi, p in spans if p]
    found = [replace(m, kind="person", how="a name listed as a member")
             if m.kind == "org" and _person_like(m) and any(lo <= m.start < hi
                                                            for lo, hi in people)
             else m for m in found]
    return people_listed(text, named_people(text, found))


def add_members(sent: Sentence, ms: list[Mention], doc: Doc, events: list[Event],
                first: int) -> None:
    """Add the members sentence ``sent`` names (:func:`members`) to the targets of the last
    event of ``events`` told within the two sentences before it that has a group or an
    organisation among its targets (else of the last of them), when the sentence made no
    event of its own (``events[first:]`` empty); changes that event in place."""
    own = events[first:]
    near = own or recent_events(events, sent.index, 2)
    if not near:
        return
    found = members(sent, ms)
    if not found:
        return
    from kg.extract.refer import resolve  # refer imports fields, which this module needs
    kinds = {aid: str(a.kind) for aid, a in doc.actors.items()}
    ev = next((e for e in reversed(near) if any(
        kinds.get(t.id) in ("group", "organization") for t in e.targets)), near[-1])
    have = {t.id for t in ev.targets} | {r.id for r in ev.imposers}
    for m in found:
        for r in resolve(m, doc, sent, ms, False):
            if r.id not in have:
                have.add(r.id)
                ev.targets.append(Resolved(r.id, r.words, r.how + " (named as a member of "
                                           "the group sanctioned before)", -1))
