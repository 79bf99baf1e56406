"""What is named near a sanction but is not its target: the shapes of real reporting where a
state or a capitalised word sits in the target span without being sanctioned.

Each rule is a kind of prose, not a name:

* **The setting or the victim** (:func:`is_setting`): a state after "the invasion of", "war
  against", "the situation in", "the annexation of", "the crisis in", "sanctions over" is what
  the sanctions are about, not whom they hit ("sanctions against Russians involved in the
  invasion of Ukraine").
* **A state describing a named organisation** (:func:`describes_org`): a state written as the
  nationality of a company or body that is named beside it ("the U.S. military contractor
  Acme Corp", "Acme Corp, the US defence contractor", "Freedonia's Radio Nova") is no second
  target; the organisation is.
* **Words that are not names** (:func:`not_a_name`), though capitalised: a post alone
  ("Commissioner for Peace and Security ..."), a month abbreviation ("(Jan 22)"), and a
  nationality or religious adjective before a common noun ("the Islamic republic", "a
  Freedonian national", "the West African country").
* **The author of a text** (:func:`is_author`): a state after "drafted by", "sponsored by"
  ("a resolution drafted by the United States and China") wrote the measure; and a place
  written "X-based" is where a group is based, no name (:func:`not_a_name`).
* **A person in apposition with a post** (:func:`appositive_people`): a capitalised name of
  two or three words followed by ", head of ..." or after "its prosecutor, ..." is a person,
  not a company ("sanctioned Ana Reyes, head of the court's appeals division").
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.extract.mention import Mention
from kg.extract.words import TITLES

__all__ = ["POST_APPOSITION", "STATE_ORGAN", "appositive_people", "describes_org",
           "employers_dropped", "is_author", "is_barred_place", "is_delegate_state",
           "is_setting", "named_people", "not_a_name", "not_a_target", "people_listed"]

#: Nouns after which a state is the setting or the victim of what the sanctions answer.
_SETTING_BEFORE = re.compile(
    r"\b(?:(?:invasion|annexation|occupation|partition|dismemberment)\s+of|"
    r"(?:war|aggression|attacks?|offensive|hostilities)\s+(?:(?:of\s+aggression\s+)?"
    r"(?:against|on|in))|"
    r"(?:situation|crisis|conflict|fighting|violence|unrest|events|developments)\s+in|"
    r"in\s+view\s+of\s+the\s+situation\s+in|"
    r"(?:sanctions|measures|restrictions|penalties)\s+(?:\w+\s+)?over)\s+(?:the\s+)?$", re.I)


#: "Crimea's annexation", "Freedonia's occupation": with no "of" after it, the possessive is
#: the event's victim ("Russia's annexation of Crimea": the actor, not matched).
_SETTING_AFTER = re.compile(r"(?:['’]s)?\s+(?:[a-z]+\s+)?(?:invasion|annexation|occupation|"
                            r"partition|dismemberment)\b(?!\s+of\b)")


def is_setting(text: str, m: Mention) -> bool:
    """Whether the state (or capitalised name) ``m`` of sentence ``text`` is the setting or
    victim of the events the sanctions answer, not their target (see the module
    docstring)."""
    return m.kind in ("country", "org") and (bool(_SETTING_BEFORE.search(
        text, max(0, m.start - 60), m.start)) or bool(_SETTING_AFTER.match(text, m.end)))


#: Head nouns of an organisation's description ("contractor", "broadcaster").
_ORG_HEAD = (r"(?:contractor|company|firm|corporation|maker|manufacturer|producer|supplier|"
             r"group|conglomerate|giant|lender|bank|insurer|carrier|airline|operator|"
             r"broadcaster|outlet|newspaper|tabloid|daily|agency|organi[sz]ation|"
             r"institute|foundation|charity|ngo|think[- ]tank|developer|exporter|trader)")
#: "Acme Corp, the US aerospace and defence contractor", "Acme, Freedonia's main airline":
#: after a name, a comma, then the state and a description ending in an organisation noun.
_APPOSED_BEFORE = re.compile(r"[A-Z][\w&.+-]*,\s+(?:(?:the|a|an)\s+(?:\w+\s+)?)?$")
_DESCRIPTION_AFTER = re.compile(r"(?:['’]s|\.)?\s+(?:[a-z][\w-]*\s+(?:and\s+)?){0,4}"
                                + _ORG_HEAD + r"\b")
#: "the U.S. military contractor Acme Corp": the description, then the name.
_NAME_AFTER_HEAD = re.compile(r"\.?\s+(?:[a-z][\w-]*\s+(?:and\s+)?){0,4}" + _ORG_HEAD +
                              r"\s+[A-Z]")


#: The last word of a state's own organ ("Freedonia's Foreign Ministry"): the state itself, not
#: an organisation it owns.
STATE_ORGAN = re.compile(r"\b(?:Ministry|Department|Government|Cabinet|Council|Parliament|"
                         r"Office|Army|Navy|Guard|Forces|Police|Embassy)\s*$")


def describes_org(text: str, m: Mention) -> bool:
    """Whether the state mention ``m`` is the nationality of an organisation named beside it
    (see the module docstring): a possessive directly before a capitalised name
    ("Freedonia's Radio Nova"), a state before a description and a name ("the U.S. military
    contractor Acme Corp"), or a state in a description set after a name ("Acme Corp, the
    US defence contractor")."""
    if m.kind != "country":
        return False
    named = re.match(r"['’]s\s+((?:[A-Z][\w&.+-]*\s*)+)", text[m.end:]) if m.possessive else None
    if named:
        return not STATE_ORGAN.search(named.group(1))
    if _NAME_AFTER_HEAD.match(text, m.end):
        return True
    return bool(_DESCRIPTION_AFTER.match(text, m.end)) and bool(
        _APPOSED_BEFORE.search(text, max(0, m.start - 60), m.start))


#: "Ana Reyes (Freedonia) said": in UN meetings coverage, the delegate's state.
_DELEGATE_BEFORE = re.compile(r"[A-Z][\w'’-]+\s+\($")


#: "a resolution drafted by the United States and China": the authors of a text, not its
#: targets (one or more states listed after the participle).
_AUTHOR_BEFORE = re.compile(r"\b(?:drafted|sponsored|co-sponsored|proposed|tabled|penned|"
                            r"put\s+forward|written)\s+(?:jointly\s+)?by\s+(?:the\s+)?"
                            r"(?:[\w.’'-]+(?:\s+[\w.’'-]+){0,3}?(?:,\s+|\s+and\s+)(?:the\s+)?)*$")


def is_author(text: str, m: Mention) -> bool:
    """Whether the state ``m`` of sentence ``text`` is named as the author of a text after
    "drafted by", "sponsored by", "proposed by" ("a resolution drafted by the United States
    and China"), alone or in a list: no target."""
    return m.kind == "country" and bool(_AUTHOR_BEFORE.search(text, max(0, m.start - 80),
                                                              m.start))


def not_a_target(text: str, m: Mention) -> bool:
    """Whether mention ``m`` in the target span is the setting (:func:`is_setting`), the
    nationality of a named organisation (:func:`describes_org`), a delegate's state in
    parentheses after the delegate's name ("Ana Reyes (Freedonia), the drafter, said"), the
    author of a text (:func:`is_author`) or a place someone is barred from
    (:func:`is_barred_place`), not a target."""
    return is_setting(text, m) or describes_org(text, m) or is_delegate_state(text, m) \
        or is_author(text, m) or is_barred_place(text, m)


#: Before a place someone is barred from ("are barred from the mainland, Hong Kong and
#: Macao"): the imposer's own ground, not a target.
_BARRED_FROM = re.compile(r"\b(?:barred|banned|excluded|kept out)\s+from\s+[^.;]*$")


def is_barred_place(text: str, m: Mention) -> bool:
    """Whether the state mention ``m`` is a place someone is barred from ("barred from the
    mainland, Hong Kong and Macao"): where the measure applies, neither a target nor the
    state the article is about."""
    return m.kind == "country" and bool(
        _BARRED_FROM.search(text, max(0, m.start - 80), m.start))


def is_delegate_state(text: str, m: Mention) -> bool:
    """Whether the state mention ``m`` is in parentheses after a delegate's name ("Ana Reyes
    (Freedonia) said"): the speaker's state, neither a target nor the state the article
    is about."""
    return m.kind == "country" and text[m.end:m.end + 1] == ")" and bool(
        _DELEGATE_BEFORE.search(text, max(0, m.start - 40), m.start))


def employers_dropped(text: str, ms: list[Mention]) -> list[Mention]:
    """``ms`` without each organisation named just before a person's title ("Acme Watch
    director Ana Reyes", "Freedom Lodge president Tomas Velde"): the person's employer,
    said to place the person, is not a target of its own."""
    return [m for k, m in enumerate(ms) if not (
        m.kind == "org" and k + 1 < len(ms) and ms[k + 1].kind == "person"
        and ms[k + 1].title and not text[m.end:ms[k + 1].start].strip())]


_TITLE_WORDS = {w for t in TITLES for w in t.split()}
_MONTH_ABBREVIATIONS = {"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
                        "Nov", "Dec"}
#: Endings of nationality and religious adjectives ("Freedonian", "Islamic", "Lakish").
_ADJECTIVE_END = re.compile(r"(?:an|ese|ic|ish)$")
#: Lower-case words that may follow a name in a target list without being the noun it
#: modifies ("sanctions on Acme last week", "on Acme and Brill").
_FUNCTION_WORDS = {"and", "or", "on", "in", "of", "for", "from", "to", "at", "by", "with",
                   "over", "after", "before", "since", "until", "as", "is", "are", "was",
                   "were", "has", "have", "had", "will", "would", "could", "said", "says",
                   "last", "this", "next", "earlier", "later", "today", "yesterday", "which",
                   "who", "that", "but", "while", "because", "following", "amid", "also"}


def not_a_name(text: str, start: int, end: int) -> bool:
    """Whether the capitalised words ``text[start:end]`` are no organisation's name (see the
    module docstring): only title words, a month abbreviation, a state's organ named without
    its state ("the Foreign Ministry": the state speaks, it is no company), or a nationality
    or religious adjective directly before a lower-case noun."""
    words = text[start:end].split()
    if words and words[-1].lower().endswith("-based"):
        return True  # "Washington-based groups": where they are based, an adjective
    if all(w.lower().rstrip(".") in _TITLE_WORDS for w in words):
        return True  # "Commissioner for Peace and Security X": a post
    if len(words) == 1 and words[0].rstrip(".") in _MONTH_ABBREVIATIONS:
        return True
    if len(words) <= 3 and STATE_ORGAN.search(text[start:end]):
        return True  # "a Foreign Ministry statement": a state's organ, no state named
    nxt = re.match(r"[-\s]+([a-z][\w-]*)", text[end:])
    return nxt is not None and nxt.group(1) not in _FUNCTION_WORDS and bool(
        _ADJECTIVE_END.search(words[-1]))


#: A post set after a name between commas ("Ana Reyes, head of the appeals division").
POST_APPOSITION = (r",\s+(?:the\s+|a\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,2}?"
                   r"(?:head|chief|director|chair(?:man|woman|person)?|president|leader|"
                   r"founder|owner|deputy|secretary|registrar|prosecutor|judge|minister|"
                   r"commander|governor|spokes(?:man|woman|person)|ambassador|envoy|"
                   r"executive|manager|editor|member)\s+(?:of|at|for|to)\b")
_POST_AFTER = re.compile(POST_APPOSITION)
#: A post just before a name ("its prosecutor, Ana Reyes", "a Freedonian native Ana Reyes").
_POST_BEFORE = re.compile(r"\b(?:prosecutor|judge|registrar|director|head|chief|founder|"
                          r"owner|editor|lawyer|native|national|citizen|deputy|associate)"
                          r",?\s+$")


def appositive_people(text: str, ms: list[Mention]) -> list[Mention]:
    """``ms`` with each capitalised name of two or three words (an ``org`` mention found as a
    capitalised name) that stands in apposition with a post made a person (see the module
    docstring)."""
    out = []
    for m in ms:
        n = len((m.name or "").split())
        if m.kind == "org" and m.how == "capitalised name" and 2 <= n <= 3 and (
                _POST_AFTER.match(text, m.end)
                or _POST_BEFORE.search(text, max(0, m.start - 40), m.start)):
            m = replace(m, kind="person", how="a name in apposition with a post")
        out.append(m)
    return out


#: A state's rulers named as a body ("the ruling military council of Freedonia", "the junta
#: of Mali", "the military government in Yangon"): the body is the target, not the state.
_RULERS_OF = re.compile(r"(?:\b[Tt]he\s+)?(?P<body>(?:(?:ruling|military|transitional|"
                        r"self-proclaimed)\s+)*(?:military council|junta|military government|"
                        r"military rulers|transitional (?:council|authorities|authority)|"
                        r"ruling council))\s+(?:of|in)\s+(?:the\s+)?$")


def ruling_bodies(text: str, ms: list[Mention]) -> list[Mention]:
    """The target mentions ``ms`` with a state named after a ruling body (:data:`_RULERS_OF`)
    replaced by that body, an ``org`` mention named by the words ("ruling military council of
    Freedonia")."""
    out = []
    for m in ms:
        rb = _RULERS_OF.search(text, max(0, m.start - 60), m.start) \
            if m.kind in ("country", "org") and not m.possessive else None
        if rb is not None:
            name = text[rb.start("body"):m.end]
            m = Mention(rb.start("body"), m.end, name, "org", name=name,
                        how="a ruling body of the state")
        out.append(m)
    return out


def named_people(text: str, ms: list[Mention]) -> list[Mention]:
    """The target mentions ``ms`` with employers dropped (:func:`employers_dropped`), names
    in apposition with a post made people (:func:`appositive_people`) and a state's ruling
    body kept as the body (:func:`ruling_bodies`)."""
    return appositive_people(text, employers_dropped(text, ruling_bodies(text, ms)))


def people_listed(text: str, ms: list[Mention]) -> list[Mention]:
    """Names listed after a person are people too ("Senators Marco Rubio, Ted Cruz and Tom
    Cotton": two or three capitalised words each)."""
    out = list(ms)
    for k in range(1, len(out)):
        prev, m = out[k - 1], out[k]
        if prev.kind == "person" and m.kind == "org" and 2 <= len((m.name or "").split()) <= 3 \
                and re.fullmatch(r",\s*|,?\s+and\s+", text[prev.end:m.start]):
            out[k] = replace(m, kind="person", how="a name listed after a person")
    return out
