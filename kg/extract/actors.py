"""Finding who is named in a sentence: states and blocs (by name, short name, seat of
government, "the Kremlin"), people with their titles, unnamed groups ("10 European
individuals", "Chinese officials"), news agencies, pronouns and references to an earlier
statement ("the joint statement", "he said").

Country names, seats of government and demonyms come from :mod:`kg.resolve.resolver`; this module
adds only what an article needs around them: titles, group nouns, number words, a few more
seats and government bodies, and the names of a handful of leaders whose country a report
rarely spells out.

>>> [(m.kind, m.code) for m in find_mentions("Washington and the EU sanctioned Chinese officials.")]
[('country', 'us'), ('country', 'eu'), ('group', 'cn')]
"""

from __future__ import annotations

import re

from kg.curated import load_table
from kg.extract.bodies import NOT_PERSON, find_bodies, named_orgs
from kg.extract.groups import find_groups
from kg.extract.mention import Mention, slug
from kg.extract.point_back import point_back
from kg.extract.prefilter import Gated
from kg.extract.speaker_names import NAME_GROUPS, ORGAN_OF, POST_BEFORE, SPEAKER_NAME
from kg.extract.words import GROUP_NOUNS, NOT_NAMES, NUMBERS, TITLES
from kg.resolve.resolver import (
    BLOCS,
    DEMONYMS,
    SEATS,
    SHORT_NAMES,
    country_code,
    country_name,
    normalize,
)

__all__ = ["Mention", "find_mentions", "lookup_place", "slug"]

#: Phrases for a government that are not places (kg/curated/government_bodies.yaml) and bloc
#: names of several words, which news may write in lower case ("the UN security council").
EXTRA_PLACES: dict[str, str] = {
    **{normalize(n): code for code, (name, aliases) in BLOCS.items() for n in (name, *aliases)
       if " " in normalize(n)},
    **load_table("government_bodies"),
}

#: Leaders and officials whose country reports take as known (kg/curated/leaders.yaml).
LEADERS: dict[str, str] = dict(load_table("leaders"))

#: The leaders of :data:`LEADERS` written as one word ("putin"), for a surname alone.
_SURNAME_LEADERS = {k: v for k, v in LEADERS.items() if " " not in k}

#: Titles that default to a country when none is named ("Secretary of State" is American;
#: kg/curated/titles.yaml).
TITLE_COUNTRY: dict[str, str] = dict(load_table("titles"))

#: Seats and bodies that news writes in lower case after "the" ("the bloc", "the kremlin");
#: each is a key of SEATS or EXTRA_PLACES.
THE_LOWER_CASE = ("bloc", "treasury", "kremlin")

#: A double hyphen is a dash, never inside a word ("BEIJING--China acted": a dateline).
_NAME_TOKEN = (r"(?:[A-Z]\.(?=\s+[A-Z])|[A-Z](?:[\w’']|-(?!-))*[a-z](?:[\w’']|-(?!-))*|"
               r"al-[A-Z][\w’'-]*|bin|"
               r"von der|van der|von|van|de)")  # "Margaret T. Holloway": initials too
_NAME = rf"(?:{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,3}})"
_TITLED = re.compile(
    r"(?i:\b(?P<title>" + "|".join(re.escape(t) for t in TITLES) + r"))\b,?\s+"
    # "US Ambassador to Russia John Sullivan": the post's place between title and name
    r"(?:(?:to|at)\s+(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){1,3}?(?=[A-Z][a-z]+\s+[A-Z]))?"
    r"(?P<name>" + _NAME + r")")
#: One-word titles that may open a titled name ("President" in "chairman President X").
_TITLE_WORDS = {t.lower() for t in TITLES if " " not in t}
_TITLE_GAP = re.compile(r"(?:['’]s)?(?:\s+(?:former|deputy|acting|then|top|senior|chief|foreign|"
                        r"ministry|affairs|state|his|her|its|the|of|[A-Z][\w-]*))*\s*")
AGENCIES = re.compile(
    r"\b(?:(?:the\s+)?(?:[A-Z][\w-]*\s+){0,2}news agency|TASS|RIA(?: Novosti)?|Interfax|Xinhua|"
    r"Reuters|AFP|Associated Press|Bloomberg|Kyodo|Yonhap|IRNA|BelTA|Anadolu|Global Times|"
    r"CCTV|state media)\b")
_PRONOUN = re.compile(
    r"\b(?P<p>he|she|it|they|the pair|the two allies|the two countries|the two sides|"
    r"those countries|these countries|those states|the allies|"
    r"both countries|the two|the (?P<n>one|two|three|four|five|six|seven|eight|nine|ten|\d+))\b",
    re.I)
_STATEMENT_REF = re.compile(r"\b(?:the|a|their|its) (?:joint )?statement\b|\bjoint statement\b",
                            re.I)
_TOKEN = re.compile(r"[A-Za-z0-9](?:[\w.’'&]|-(?!-))*\w|[A-Za-z0-9]")
#: Month names that are also surnames ("Theresa May", "Anna June"): after a given name and
#: not followed by a day number, the surname.
_MONTH_SURNAMES = {"May", "March", "June", "April", "August"}
_CODES_OK = {"US", "UK", "EU", "UN", "USA", "PRC", "UAE", "DPRK", "UNSC", "G7", "NATO",
             "ASEAN", "ECOWAS", "OFAC", "OFSI", "FCDO", "SECO", "EAER", "DFAT", "MOFCOM"}

#: The patterns a sentence is searched with whole, each behind the words it needs
#: (:mod:`kg.extract.prefilter`).
_GATED = [Gated(rx) for rx in (_TITLED, SPEAKER_NAME, AGENCIES, _STATEMENT_REF)]


def _is_demonym(key: str) -> bool:
    if key not in DEMONYMS or key in SHORT_NAMES or key in SEATS:
        return False
    return normalize(country_name(DEMONYMS[key]) or "") != key


def lookup_place(phrase: str) -> tuple[str, str] | None:
    """(code, how) for a capitalised phrase naming a country, bloc, seat or demonym."""
    key = normalize(phrase)
    if key in EXTRA_PLACES:
        return EXTRA_PLACES[key], "government body or seat"
    bare = phrase.replace(".", "")
    if len(bare) <= 3 and " " not in phrase and bare.upper() != bare:
        return None  # "It", "En": words, not the codes IT and EN
    if len(bare) <= 4 and " " not in phrase and bare.upper() == bare:
        code = country_code(phrase) if bare in _CODES_OK else None
        return (code, "abbreviation") if code else None
    code = country_code(phrase)
    if code is None or code == "west":
        return None
    if _is_demonym(key):
        return code, "demonym"
    return code, "seat of government" if key in SEATS else "country name"


def _tokens(text: str) -> list[tuple[int, int, str, bool]]:
    out = []
    for m in _TOKEN.finditer(text):
        word, end, poss = m.group(), m.end(), False
        if len(word) > 2 and word[-2:] in ("'s", "’s"):
            word, end, poss = word[:-2], end - 2, True
        out.append((m.start(), end, word, poss))
    return out


def _places(text: str, toks: list[tuple[int, int, str, bool]]) -> list[Mention]:
    found: list[Mention] = []
    # for each token, the next one at or after it that is a lower-case word other than
    # "of", "the", "and" (no place name holds one), and the next possessive other than
    # "People's": read once, not for every phrase tried
    lower_at = [len(toks)] * (len(toks) + 1)
    poss_at = [len(toks)] * (len(toks) + 1)
    for j in range(len(toks) - 1, -1, -1):
        w = toks[j][2]
        lower_at[j] = j if w[0].islower() and w not in ("of", "the", "and") else lower_at[j + 1]
        poss_at[j] = j if toks[j][3] and w != "People" else poss_at[j + 1]
    i = 0
    while i < len(toks):
        hit = None
        if toks[i][2][0].isupper() or toks[i][2][0].isdigit():
            # up to seven words: "Economic Community of West African States"
            for n in range(min(7, len(toks) - i), 0, -1):
                last = toks[i + n - 1]
                if lower_at[i + 1] < i + n \
                        and normalize(text[toks[i][0]:last[1]]) not in EXTRA_PLACES:
                    continue
                if n > 1 and poss_at[i] < i + n - 1:
                    continue  # a possessive inside, not "Democratic People's Republic of ..."
                phrase = text[toks[i][0]:last[1]]
                got = lookup_place(phrase)
                if got and n > 1 and got[0] in BLOCS and i > 0 and toks[i - 1][2][0].isupper() \
                        and toks[i - 1][2].lower() not in ("the", "a", "an", "its", "their") \
                        and not (found and found[-1].end == toks[i - 1][1]):
                    # "a National Security Council meeting": a state's body inside a longer
                    # name, not the bloc's
                    got = None
                if got:
                    kind = "demonym" if got[1] == "demonym" else "country"
                    hit = Mention(toks[i][0], last[1], phrase, kind, got[0], possessive=last[3],
                                  how=got[1])
                    i += n
                    break
        if hit is None and toks[i][2].lower() == "the" and i + 1 < len(toks) \
                and toks[i + 1][2].lower() in THE_LOWER_CASE \
                and not toks[i + 1][2][0].isupper():
            got = lookup_place("the " + toks[i + 1][2])
            if got:
                hit = Mention(toks[i][0], toks[i + 1][1], text[toks[i][0]:toks[i + 1][1]],
                              "country", got[0], how="reference to a bloc or body")
            i += 2
            if hit:
                found.append(hit)
            continue
        if hit:
            found.append(hit)
        else:
            i += 1
    return found


def _persons(text: str, places: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for m in _GATED[0].finditer(text):
        name = m["name"]
        toks = name.split()
        lead = 0  # characters of titles before the name
        while len(toks) > 2 and toks[0].lower() in _TITLE_WORDS:
            lead += len(toks.pop(0)) + 1  # "ECOWAS chairman President Nana Akufo-Addo"
        while toks and toks[-1].lower() in NOT_NAMES | {"von", "der", "van", "de", "bin"}:
            if len(toks) == len(name.split()) >= 2 and toks[-1] in _MONTH_SURNAMES and not \
                    re.match(r"\s*\d", text[m.end("name"):]):
                break  # "Prime Minister Theresa May announced": a surname, no date follows
            toks.pop()
        if not toks or toks[0].lower() in NOT_NAMES or lookup_place(" ".join(toks)) \
                or NOT_PERSON.search(" ".join(toks)):
            continue
        name = " ".join(toks)
        poss = bool(re.search(r"['’]s$", name))
        if poss:
            name = name[:-2]  # "President Tomas Velder's administration": the name is Velder
        title = m["title"].lower()
        code = None
        left = [p for p in places if m.start() - 40 <= p.end <= m.start()
                and _TITLE_GAP.fullmatch(text[p.end:m.start()])]
        if left:
            code = left[-1].code
        code = code or TITLE_COUNTRY.get(title) or _leader(name)
        start = left[-1].start if left else m.start()
        out.append(Mention(start, m.start("name") + lead + len(name), text[
                   start:m.start("name") + lead + len(name)], "person", code, name=name,
                   title=m["title"],
                   possessive=poss, how=f"title {m['title']!r}"))
    for m in _GATED[1].finditer(text):
        key = next(k for k in NAME_GROUPS if m[k])
        name, s = m[key], m.start(key)
        if key == "name4" and not POST_BEFORE.search(text, max(0, s - 120), s):
            continue
        first = name.split()[0].lower()
        if first in NOT_NAMES or first in GROUP_NOUNS or lookup_place(name) or any(
                p.start <= s < p.end for p in out) or lookup_place(re.sub(
                    r"['’]s$", "", name.split()[0])) or NOT_PERSON.search(name) \
                or re.search(r"\b(?:in|from|at)\s+$", text[:s]) \
                or ORGAN_OF.search(text, max(0, s - 100), s):
            continue  # "the embassy in Conakry said": a place, not a speaker
        out.append(Mention(s, s + len(name), name, "person", _leader(name), name=name,
                           how="name next to a speech verb"))
    return out


def _leader(name: str) -> str | None:
    key = normalize(name)
    if key in LEADERS:
        return LEADERS[key]
    parts = key.split()
    for n in (3, 2, 1):
        if " ".join(parts[-n:]) in LEADERS:
            return LEADERS[" ".join(parts[-n:])]
    return None


def _overlaps(m: Mention, taken: list[Mention]) -> bool:
    return any(m.start < t.end and t.start < m.end for t in taken)


def find_mentions(text: str, known_people: dict[str, Mention] | None = None, *,
                  last_bloc: str | None = None, last_state: str | None = None,
                  heads: dict[str, str] | None = None) -> list[Mention]:
    """Every actor mention in a sentence, in order; ``known_people`` maps a name token
    ("Lavrov") of someone named earlier to their first mention.

    A description that points back (:mod:`kg.extract.bodies`) takes the bloc or state the
    article named last: "the bloc" the last bloc named before it in the sentence, else
    ``last_bloc``, else the EU; "the ministry" ``last_state``, else the first state named
    before it in the sentence (its subject), else it is dropped. ``heads`` (head noun ->
    actor id, see :func:`named_heads`) goes first: "the ministry" is the state whose
    ministry was named last ("The Russian Foreign Ministry published ... the ministry
    warned"), "the council" the bloc whose council was."""
    toks = _tokens(text)
    places = _places(text, toks)
    taken: list[Mention] = []
    for am in _GATED[2].finditer(text):
        taken.append(Mention(am.start(), am.end(), am.group(), "agency", how="news agency"))
    bodies = [Mention(b.start, b.end, b.text, "country", b.code, how=b.how)
              for b in find_bodies(text)]
    places = [p for p in places if not _overlaps(p, bodies)]
    # "The State Secretariat for Economic Affairs added": a body's name, not a person's
    offices = [p for p in places if p.how == "government body or seat" and " " in p.text]
    for p in _persons(text, places):
        if not _overlaps(p, taken) and not _overlaps(p, bodies) and not any(
                o.start <= p.start and p.end <= o.end for o in offices):
            taken.append(p)
    taken += [b for b in bodies if not _overlaps(b, taken)]
    for g in find_groups(text, toks, places):
        if not _overlaps(g, [t for t in taken if t.kind != "group"]):
            taken.append(g)
    for o in [Mention(b.start, b.end, b.text, "org", name=b.code, how=b.how)
              for b in named_orgs(text)]:
        if not _overlaps(o, taken) and not lookup_place(o.text):
            taken.append(o)
    for p in places:
        if not _overlaps(p, taken) and not (p.how == "seat of government"
                                            and _NAMES_A_DEAL.match(text, p.end)):
            taken.append(p)
    for s, e, word, poss in toks:
        if known_people and word in known_people and word[0].isupper():
            first = known_people[word]
            sur = Mention(s, e, word, "person", first.code, name=first.name, title=first.title,
                          possessive=poss, how=f"surname of {first.name}")
            if not _overlaps(sur, taken):
                taken.append(sur)
    for s, e, word, poss in toks:
        # "Putin signed a decree", "Trump lifted sanctions": a leader news names by surname
        # alone (kg/curated/leaders.yaml) is a person of that country
        if word[:1].isupper() and word.lower() in _SURNAME_LEADERS and not (
                known_people and word in known_people):
            ld = Mention(s, e, word, "person", _SURNAME_LEADERS[word.lower()], name=word,
                         possessive=poss, how="a leader named by surname")
            if not _overlaps(ld, taken):
                taken.append(ld)
    for sm in _GATED[3].finditer(text):
        r = Mention(sm.start(), sm.end(), sm.group(), "ref", how="reference to a statement")
        if not _overlaps(r, taken):
            taken.append(r)
    for pm in _PRONOUN.finditer(text):
        n = pm["n"]
        cnt = None if n is None else (int(n) if n.isdigit() else NUMBERS[n.lower()])
        r = Mention(pm.start(), pm.end(), pm.group(), "pronoun", count=cnt, how="pronoun")
        if not _overlaps(r, taken):
            taken.append(r)
    taken.sort(key=lambda m: m.start)
    return point_back(taken, last_bloc, last_state, heads or {}, text)


#: After a capital that names a deal or a meeting, not its state ("the Minsk accords",
#: "the Geneva talks", "the Paris agreement").
_NAMES_A_DEAL = re.compile(r"\s+(?:accords?|agreements?|talks|process|format|protocols?|deal|"
                           r"summit|conference|convention|peace)\b", re.I)
