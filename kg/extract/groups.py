"""Unnamed groups in a sentence: "10 European individuals", "Chinese officials", "dozens
of Belarusian officials and companies", "Russian and Ukrainian officials" (one group per
demonym). A group needs a country or a count; a group noun coordinated after a group with
a country takes that country; groups coordinated before a place that closes the last of them
share it ("22 individuals and three entities from Belgium", "20 politicians and businessmen
from Guinea-Bissau": one group); a possessive state owns a group through other words
("Mali's transitional leaders").
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.extract.mention import Mention
from kg.extract.words import GROUP_NOUNS, MODIFIERS, NUMBERS
from kg.resolve.resolver import BLOCS, DEMONYMS, normalize

__all__ = ["find_groups", "ruling"]


def _count(words: list[str]) -> int | None:
    for w in words:
        lw = w.lower().replace(",", "")
        if lw.isdigit() and int(lw) > 0:  # "000" of a "1,000" split at its comma: no count
            return int(lw)
        if lw in NUMBERS:
            return NUMBERS[lw]
    return None


#: What defines an unnamed group after its noun ("the officers behind the coup", "those
#: involved in the crackdown", "individuals obstructing the transition").
_DEFINED_BY = re.compile(r"\s+(?:behind|responsible for|involved in|linked to|tied to|"
                         r"who|that|implicated in|obstructing|undermining|standing in the way|"
                         r"blocking|threatening)\b", re.I)
#: A capitalised name after "of / from / in" closing a group noun phrase (one to four
#: capitalised words, "&" and "+" inside company names).
_OF_NAME = re.compile(r"[A-Z][\w'’&+.-]*(?:\s+(?:[A-Z][\w'’&+.-]*|&))*")
_THE_BEFORE = re.compile(r"\b(?:the|those|any)\s+(?:[\w-]+\s+)?$", re.I)


def find_groups(text: str, toks: list[tuple[int, int, str, bool]], places: list[Mention]
                ) -> list[Mention]:
    """The group mentions of a sentence; ``toks``: its tokens (start, end, word,
    possessive), ``places``: its state, bloc and demonym mentions."""
    at = {m.start: m for m in places}
    at_end = {m.end: m for m in places}  # "North Korean": met from its last word
    out: list[Mention] = []
    for i, (s, e, word, _poss) in enumerate(toks):
        noun = word.lower()
        if noun not in GROUP_NOUNS or (word[0].isupper() and i > 0 and noun != "mps"):
            continue
        if i + 1 < len(toks) and toks[i + 1][2].lower() in GROUP_NOUNS \
                and not text[e:toks[i + 1][0]].strip():
            continue  # "shipping companies": the noun is the last word, not the first
        nxt = text[e:e + 40]
        if re.match(r"\s+(?:[A-Z]{2,}|[A-Z][a-z]+ [A-Z])", nxt) and not re.match(
                r"\s+(?:in|of|from|on|and)\b", nxt):
            continue  # "broadcasters RT and Sputnik": the names follow
        j, code, words = i - 1, None, []
        while j >= 0:
            ts, te, w, _poss = toks[j]
            lw = w.lower()
            place = at.get(ts) or at_end.get(te)
            if place is not None and (place.kind == "demonym" or place.possessive or (
                    place.kind == "country" and j == i - 1 and (  # "six Myanmar generals"
                        len(place.text) <= 4 or place.code not in BLOCS)
                    # "against Iran, officials said": a comma ends the noun phrase
                    and not re.search(r"[,;:]", text[place.end:s]))):
                code = code or place.code
                words.append(w)
                j -= 1
                while j >= 0 and toks[j][1] > place.start:
                    j -= 1
                continue
            if lw in MODIFIERS or lw in NUMBERS or lw.replace(",", "").isdigit() \
                    or lw in ("a", "handful", "of", "its", "their", "and", "or") \
                    or (w[0].isupper() and place is None and j == i - 1 and j > 0):
                if lw in ("and", "or") and not (j > 0 and (
                        (at.get(toks[j - 1][0]) is not None
                         and at[toks[j - 1][0]].kind == "demonym")
                        # "eight serving and former senior officials": joined modifiers
                        or (toks[j - 1][2].lower() in MODIFIERS and words
                            and words[-1].lower() in MODIFIERS))):
                    break
                if lw == "of" and not (j > 0 and toks[j - 1][2].lower() in set(NUMBERS) | {
                        "handful", "its", "their"}) and toks[j + 1][2].lower() not in (
                        "its", "their"):
                    break
                words.append(w)
                j -= 1
                continue
            break
        while j + 1 < i and toks[j + 1][2].lower() in ("a", "and", "of", "its", "their"):
            if toks[j + 1][2].lower() == "a" and j + 2 < i and toks[j + 2][2] == "handful":
                break
            j += 1
        start = toks[j + 1][0] if j + 1 < i else s
        end = e
        if code is None:
            m = re.match(r"\s+(?:of|from|in)\s+(?:the\s+)?", text[e:])
            if m:
                after = [p for p in places if p.start == e + m.end()]
                if after and after[0].code in BLOCS and _count(words) is None:
                    continue  # "the foreign ministers of Mercosur": the bloc itself acts
                if after:
                    code, end = after[0].code, after[0].end
                    # "ten officials in Hong Kong and Beijing": the places the group is in,
                    # one group, not further targets
                    while (more := next((p for p in places if re.fullmatch(
                            r",?\s+and\s+(?:the\s+)?|,\s+", text[end:p.start])), None)):
                        end = more.end
                    if after[0].kind == "demonym":
                        nm = re.match(r"\s+[A-Z]\w+", text[end:])
                        end += nm.end() if nm else 0
                elif not after and _count(words) is not None and \
                        (om := _OF_NAME.match(text, e + m.end())):
                    # "three officials of Freedonia", "12 executives of Acme Holdings": the
                    # counted people are the group, named with what they belong to; the
                    # unknown name is not a second target (a known state is handled above)
                    end = om.end()
        if code is None:
            # "Mali's transitional leaders": the state's, whatever the words between
            own = _OWNER_BEFORE.search(text, 0, start)
            owner = at_end.get(own.start() if own else -1) if own else None
            if owner is not None and owner.possessive and owner.kind in ("country", "demonym") \
                    and owner.code and owner.code not in BLOCS:
                code, start = owner.code, owner.start
        count = _count(words)
        unnamed = code is None and count is None and bool(
            _DEFINED_BY.match(text, e)) and bool(_THE_BEFORE.search(text, 0, start))
        if code is None and count is None and not unnamed and not (
                out and out[-1].code and re.fullmatch(r",?\s+and\s+", text[out[-1].end:start])):
            continue  # "Belarusian officials and companies": the second is the country's too
        if unnamed:
            # "the officers behind the coup": a group defined by what it did; its country is
            # the state the article is about (kg.extract.events)
            start = _THE_BEFORE.search(text, 0, start).start()  # type: ignore[union-attr]
            out.append(Mention(start, e, text[start:e], "group", None, name=text[start:e],
                               noun=noun, how="group defined by what it did"))
            continue
        out.append(Mention(start, end, text[start:end], "group", code,
                           name=text[start:end], count=count, noun=noun,
                           how="group noun" + (" + demonym" if code else "")))
    out += _demonym_plurals(text, toks, places, out)
    out.sort(key=lambda m: m.start)
    # "10 European individuals and four institutions": the second inherits the country.
    for k in range(1, len(out)):
        a, b = out[k - 1], out[k]
        if b.code is None and re.fullmatch(r",?\s+and\s+|,\s+", text[a.end:b.start]):
            out[k] = replace(b, code=a.code, how=b.how + " (country from the group before)")
    out = _shared_place(text, out)
    # "Russian and Ukrainian officials": one group per demonym.
    split: list[Mention] = []
    for g in out:
        dems = [p for p in places if p.kind == "demonym" and g.start <= p.start < g.end]
        if len(dems) > 1 and " and " in g.text:
            for d in dems:
                split.append(replace(g, code=d.code, how=g.how + " (coordinated demonyms)"))
        else:
            split.append(g)
    return split


#: A possessive state and up to two lower-case words before a group noun ("Mali's
#: transitional leaders"): the end of the state's mention.
_OWNER_BEFORE = re.compile(r"['’]s?\s+(?:[a-z][\w-]*\s+){0,2}$")
#: "from / of / in (the) <place>" closing a group ("businessmen from Guinea-Bissau").
_PLACE_AFTER = re.compile(r"\s+(?:from|of|in)\s+(?:the\s+)?\S")


def _shared_place(text: str, out: list[Mention]) -> list[Mention]:
    """Groups coordinated before a place that closes the last of them share it: "22
    individuals and three entities from the EU" (two groups of the EU), "20 politicians and
    businessmen from Guinea-Bissau" (one group of 20: the second noun has no count of its
    own)."""
    k = len(out) - 1
    while k > 0:
        a, b = out[k - 1], out[k]
        if a.code is None and b.code is not None and re.fullmatch(
                r",?\s+and\s+", text[a.end:b.start]) and _PLACE_AFTER.search(b.text):
            if b.count is None and a.count is not None and b.text.split()[0].lower() == b.noun:
                out[k - 1:k + 1] = [replace(a, end=b.end, text=text[a.start:b.end],
                                            name=text[a.start:b.end], code=b.code,
                                            how=a.how + " (one group with the nouns after it)")]
            else:
                out[k - 1] = replace(a, code=b.code,
                                     how=a.how + " (country from the place after the group "
                                     "after it)")
        k -= 1
    return out


_AFTER_PREP = re.compile(r"\b(?:on|against|to|of|targeting)\s+(?:the\s+)?$", re.I)


def _demonym_plurals(text: str, toks: list[tuple[int, int, str, bool]], places: list[Mention],
                     groups: list[Mention]) -> list[Mention]:
    """People named by a plural demonym with a count, a defining phrase or after a
    preposition ("963 Americans", "Russians involved in the invasion", "sanctions on
    Russians"): a group of that country, with its count if any.
    Only the demonyms of kg/curated/demonyms.yaml whose plural adds "s" ("Russians",
    "Saudis")."""
    out = []
    for i, (s, e, word, _poss) in enumerate(toks):
        if not (word[0].isupper() and word.endswith("s") and len(word) > 4):
            continue
        code, first = DEMONYMS.get(normalize(word[:-1])), i
        if code is None and i > 0 and toks[i - 1][2][0].isupper():  # "New Zealanders"
            code = DEMONYMS.get(normalize(toks[i - 1][2] + " " + word[:-1]))
            first, s = (i - 1, toks[i - 1][0]) if code else (i, s)
        if code is None or code in BLOCS or any(
                m.start < e and s < m.end for m in [*places, *groups]):
            continue
        i = first
        start, count = s, None
        if i > 0 and _count([toks[i - 1][2]]) is not None and \
                not text[toks[i - 1][1]:s].strip():
            start, count = toks[i - 1][0], _count([toks[i - 1][2]])
        elif not (_DEFINED_BY.match(text, e) or _AFTER_PREP.search(text, 0, s)):
            continue  # "Australians were told not to travel": the people at large
        out.append(Mention(start, e, text[start:e], "group", code, name=text[start:e],
                           count=count, noun="people", how="plural demonym"))
    return out


#: A group that governs its bloc ("EU leaders", "European heads of state", "G7 foreign
#: ministers"): it acts for it. (A state's leaders, "Myanmar's military leaders", are as often
#: a target and stay a group.)
_RULING = re.compile(r"(?:leaders|heads of (?:state|government)|(?:foreign )?ministers|"
                     r"governments|member states)$", re.I)


def ruling(m: Mention) -> Mention:
    """A group mention that names the rulers of a bloc (:data:`_RULING`, with no number:
    "three EU ministers" are people) as a mention of that bloc, for who
    acts in an event ("EU leaders agreed to impose ..."; as speakers they stay a group)."""
    if m.kind != "group" or m.code not in BLOCS or m.count is not None \
            or not _RULING.search(m.text):
        return m
    return replace(m, kind="country", how=m.how + ", its rulers act for it")
