"""Mentions that point back ("the ministry", "the council", "the bloc"): which state or bloc
each means (:func:`point_back`), and the head nouns of bodies a sentence names with their state
(:func:`named_heads`), which a later "the ministry" means. Moved from :mod:`kg.extract.actors`
in round 14.

"the ministry" is, in order: the body whose head noun a sentence named before; the state whose
seat or place the clause names ("the government in Bujumbura", "In Moscow, the foreign
ministry said"); the state the sentence opens with as its subject, when the ministry opens a
clause of its own after a semicolon or "and" ("On Thursday Pyongyang hit back ...; the
foreign ministry demanded ..."); else the last state that acted or spoke, else the first
state of the sentence.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.extract.bodies import LAST_BLOC, LAST_STATE
from kg.extract.mention import Mention
from kg.resolve.resolver import BLOCS

__all__ = ["named_heads", "point_back"]


#: Head nouns of government and bloc bodies that a later "the <noun>" points back to.
_HEADS = ("ministry", "council", "government", "commission", "administration", "cabinet",
          "department")
_HEAD_AFTER = re.compile(r"(?:['’]s)?(?:\s+[A-Z][\w-]*|\s+and|\s+of){0,4}\s+(?P<h>"
                         + "|".join(_HEADS) + r")\b", re.I)


def named_heads(text: str, ms: list[Mention]) -> dict[str, str]:
    """Head nouns of bodies a sentence names with their state or bloc ("The Russian Foreign
    Ministry", "the AU's Peace and Security Council"): head noun -> actor id."""
    out: dict[str, str] = {}
    for m in ms:
        if m.kind not in ("country", "demonym") or not m.code or m.code.startswith("@"):
            continue
        words = m.text.lower().split()
        head = words[-1] if words and words[-1] in _HEADS else None
        if head is None:
            hm = _HEAD_AFTER.match(text, m.end)
            head = hm["h"].lower() if hm else None
        if head is not None and not m.how.startswith("bloc or government described ('the"):
            out[head] = m.code
    return out


#: "In Moscow, the foreign ministry said": a clause opening with a place.
_IN_PLACE = re.compile(r"(?:^|[;:]\s+|\b(?:and|but)\s+)(?:In|in|From|from)\s+$")


#: The words before a sentence's first state when that state is its subject: a dateline, a
#: day ("On Thursday Pyongyang hit back"), "the".
#: A clause of its own ("...; the foreign ministry demanded", "... and the ministry said").
_NEW_CLAUSE = re.compile(r"(?:;|,?\s+and)\s+(?:the\s+)?$", re.I)
_SUBJECT_OPENS = re.compile(r"(?:[A-Z][A-Z ,.]+[-–—]+\s*)?(?:On\s+\w+day,?\s+)?(?:the\s+)?$",
                            re.I)


def point_back(ms: list[Mention], bloc: str | None, state: str | None,
                heads: dict[str, str], text: str = "") -> list[Mention]:
    """The mentions ``ms`` of a sentence ``text`` with each pointing-back code (of
    :mod:`kg.extract.bodies`) replaced by the state or bloc it means; ``bloc`` and ``state``
    are the last bloc and state of the article, ``heads`` the bodies named before by their
    head noun. A mention with no state to point to is left out."""
    out: list[Mention] = []
    country, subject = None, False
    for k, m in enumerate(ms):
        nxt = ms[k + 1] if k + 1 < len(ms) else None
        if m.code == LAST_STATE and nxt is not None and nxt.kind == "country" and nxt.code \
                and len(nxt.code) == 2 and re.fullmatch(r"\s+in\s+", text[m.end:nxt.start]) \
                and m.text.lower().endswith("government"):
            # "the government in Bujumbura": the state whose seat is named
            m = replace(m, code=nxt.code, how=m.how + f", its seat named ({nxt.code})")
        if m.code == LAST_STATE and out and out[-1].kind == "country" and out[-1].code \
                and len(out[-1].code) == 2 and re.fullmatch(r",?\s*", text[out[-1].end:m.start]) \
                and _IN_PLACE.search(text[:out[-1].start]):
            # "In Moscow the foreign ministry voiced disappointment": the place's state
            m = replace(m, code=out[-1].code, how=m.how + f", in the place named ({out[-1].code})")
        head = m.text.lower().split()[-1] if m.code in (LAST_BLOC, LAST_STATE) else None
        if head in heads:
            m = replace(m, code=heads[head], how=m.how + f", the last {head} named "
                        f"({heads[head]})")
        if m.code == LAST_BLOC:
            m = replace(m, code=bloc or "eu", how=m.how + (
                f", the last bloc named ({bloc})" if bloc else ", no bloc named before: the EU"))
        elif m.code == LAST_STATE:
            back = (country if subject and _NEW_CLAUSE.search(text, 0, m.start) else None) \
                or state or country
            if back is None and m.text.lower().endswith("administration"):
                back = "us"  # "the administration", no state named: Washington's, in news usage
            if back is None:
                continue
            m = replace(m, code=back, how=m.how + f", the last state named ({back})")
        words = m.text.lower().split()
        if m.kind == "country" and m.code and not m.code.startswith("@") and words \
                and words[-1] in _HEADS and not m.how.startswith("bloc or government"):
            # "The US Treasury Department imposed ..., according to a statement from the
            # department": a body named earlier in the sentence
            heads = {**heads, words[-1]: m.code}
        if m.kind == "country" and m.code in BLOCS:
            bloc = m.code
        elif m.kind == "country" and m.code and len(m.code) == 2:
            if country is None:
                subject = not m.possessive and bool(_SUBJECT_OPENS.match(text, 0, m.start))
            country = country or m.code  # the first state named: the sentence's subject
        out.append(m)
    return out
