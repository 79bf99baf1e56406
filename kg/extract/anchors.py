"""The triggers of a sentence and its clause structure: where a sanction is named (a verb
governing a sanction noun, a verb that is a sanction by itself, the frames of
:mod:`kg.extract.frames`, a noun phrase with its imposer, a relative clause), where a clause
starts, and which actors are listed together before or after a verb.
"""

from __future__ import annotations

import functools
import re

from kg.extract.actors import Mention
from kg.extract.frames import Anchor, frame_anchors, noun_phrase_anchors
from kg.extract.lexicon import KEEP_VERB, KEPT_FOR, SANCTION_NOUN, STANDALONE, TRADE_NOUN, TRIGGERS
from kg.extract.prefilter import Gates, folded, gate, may_match
from kg.extract.relative import relative_anchors
from kg.model.vocab import Status

__all__ = ["anchors", "clause_start", "coordinated", "forward_list",
           "next_clause", "object_of_verb_before"]

_BREAK = re.compile(r";|:|,\s+but\b|\bwhile\b|\bwhereas\b|\bafter\b|\bbefore\b|\bwhich\b|"
                    r"\bthat\b|,\s+as\b|\bwhen\b|\bif\b|\bbecause\b|\bdespite\b|\bsaying\b|"
                    r"[“”\"]")
_COORD = re.compile(r"\s*(?:,|,?\s*and|,?\s*as well as|,?\s*along with|,?\s*together with|&|"
                    r",\s*joined\s+by)"
                    r"\s*(?:the\s+)?", re.I)
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be|get|got)\s+(?:\w+ly\s+)?$", re.I)
#: A decision before a keeping verb ("decided to maintain the asset freeze"): a renewal.
#: "with" and up to three words right before a sanction noun ("hit back at the EU with new
#: sanctions"): the noun is the answer's measure.
_WITH_BEFORE = re.compile(r"\bwith\s+(?:[\w’'-]+\s+){0,3}$", re.I)
_DECIDED_TO = re.compile(r"\b(?:decided|agreed|voted|resolved|chose)\s+to\s+$", re.I)
#: A sanction noun as the subject of a passive ("Sanctions on Iran were lifted", "Asset freezes
#: and travel bans on 170 individuals and three companies will be dropped", "the arms embargo
#: is to be renewed"): the targets may stand between the noun and the verb.
_NOUN_PASSIVE = re.compile(r"^(?:\s+(?:on|against)(?:\s+(?!(?:were|was|have|has|had|are|is|will|"
                           r"would)\b)[\w,’'&+.-]+){1,10}?)?(?:,\s+(?:which|that|in\s+place|"
                           r"imposed|first|originally)\b[^,;]{1,80},)?"
                           r"\s+(?:were|was|have been|has been|had been|are|is|will be|"
                           r"would be|(?:are|is|were|was) to be|(?:are|is) being|"
                           # "the wider sanctions are due to be adopted on 31 July": a step
                           # reported as planned, ``expected``
                           r"(?:are|is|were|was)\s+(?P<exp>due|set|expected|likely|scheduled)"
                           r"\s+to\s+be)\s+"
                           r"(?:(?:first|originally|already|later|previously|"
                           r"also|now|partly|finally|again|in\s+turn|\w+ly)\s+)?(?P<v>impos\w*|lift\w*|"
                           r"extend\w*|"
                           r"eas\w*|renew\w*|reimpos\w*|dropped|removed|scrapped|rescinded|"
                           r"revoked|repealed|tightened|expanded|broadened|relaxed|loosened|"
                           r"prolonged|rolled over|announced|approved|adopted|introduced|placed|"
                           r"slapped|levied|unveiled|agreed|waived|suspended)\b|"
                           # "Sanctions against Russia will remain in force until July 31"
                           r"^(?:\s+(?:on|against)(?:\s+[\w’'-]+){1,4}?)?\s+(?:will\s+)?"
                           # ("stays in force until Egypt restores ...": a condition of its
                           # lifting, not a further period; round 14)
                           r"(?P<stay>remain|stay)s?\s+in\s+(?:force|place|effect)\s+(?:until\s+"
                           r"(?=(?:the\s+)?(?:end|middle|start|beginning)\b|\d|mid-|next\b|"
                           r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)|for\s+"
                           r"(?:another|a\s+further|(?:\w+\s+)?more))\b",
                           re.I)
#: "but sanctions on individuals remain in force", "travel bans stay in place for 12 people":
#: measures said to remain, with no further period (that is a renewal, ``_NOUN_PASSIVE``),
#: are in force, ``imposed`` (undated) -- only beside a lifting or easing the article has
#: already reported (``relief`` of :func:`anchors`), as the conventions of
#: benchmarks/extract_real/part_a.yaml, part_c.yaml and part_e.yaml read it.
_NOUN_KEPT = re.compile(r"^(?:\s+(?:on|against)(?:\s+[\w’'-]+){1,4}?)?"
                        # "Penalties that punished the crushing of protests stay in force"
                        r"(?:\s+(?:that|which)\s+[^,;.]{1,80}?)?\s+(?:will\s+)?"
                        r"(?:remain|stay)s?\s+in\s+(?:force|place|effect)\b", re.I)
#: A sanction noun that opens its clause, then a past participle with no auxiliary ("Penalties
#: imposed over the suppression of protests remain"): a measure in force, ``imposed``; the
#: participle must be followed by a preposition ("by" is a relative clause with its imposer,
#: :func:`kg.extract.relative.relative_anchors`).
_NOUN_PARTICIPLE = re.compile(r"^(?:\s+(?:on|against)(?:\s+[\w’'&+.-]+){1,6}?)?\s+(?P<v>imposed|"
                              r"put in place|introduced|adopted|levied)\s+(?=(?:over|on|"
                              r"against|in|since|after|following|for|under)\b)", re.I)
_SUBJECT_LEAD = re.compile(r"\W*(?:(?:the|all|most|some|many|[a-z-]+)\s+){0,3}$")
#: Scare quotes: a short quoted noun phrase with no punctuation inside ('imposed "gradual
#: sanctions" on the junta', 'the "resolution on sanctions"'). Its quote marks are not a
#: clause boundary, as the quotes of reported speech are.
_SCARE_QUOTED = re.compile(r"[“\"](?:[\w’'-]+\s+){0,3}[\w’'-]+[”\"]")


def clause_start(text: str, pos: int) -> int:
    """Where the clause holding ``text[pos]`` starts: after the last clause break before it
    (see ``_BREAK``; scare quotes, ``_SCARE_QUOTED``, are no break)."""
    scare = [(q.start(), q.end()) for q in _SCARE_QUOTED.finditer(text)] if (
        '"' in text or "“" in text) else []
    start = 0
    for m in _BREAK.finditer(text, 0, pos):
        if scare and m.group() in '"“”' and any(a <= m.start() < b for a, b in scare):
            continue
        start = m.end()
    return start


_BARE_MEASURES = re.compile(
    r"(?:restrictive|punitive|economic|new|its|their|own|nuclear-related|targeted|financial|"
    r"coordinated|tougher|further|individual|unilateral|coercive|trade|similar|such|these|"
    r"retaliatory|fresh|(?-i:U\.S\.|US|EU|UK|UN|[A-Z][a-z]+(?:an|ese|ish|ch)|[A-Z][\w.]*['’]s))\s+$",
    re.I)  # (an owner: "the U.S. measures against Justice de Moraes")


_THEM = re.compile(r"\s+(?:them|it)\b(?!\s+(?:to|was|is|would|will)\b)", re.I)


_POSS_PRONOUN = re.compile(r"\b(?:its|their)\b(?:\s+own\b)?", re.I)


_PP_BETWEEN = re.compile(r"\b(?:in retaliation for|in response to|in return for|because of|"
                         # ("renewed for a year its arms embargo": a duration)
                         r"for(?!\s+(?:a|another|one|two|three|six|twelve|\d+|a further)\s+"
                         r"(?:more\s+|further\s+)?(?:years?|months?|weeks?)\b)|over|after|"
                         r"despite)\b", re.I)


_OBJECT_NEXT = re.compile(r"\s+(?:\d|[A-Z]|(?:two|three|four|five|six|seven|eight|nine|ten|"
                          r"several|additional|more|further|new|dozens)\b)")


def _present_verb(text: str, start: int, end: int, ms: list[Mention]) -> bool:
    """True if "sanctions" at ``text[start:end]`` is the present tense of the verb, as
    headlines and government releases write it: the state that opens the clause just before
    it, an object just after ("Canada sanctions 14 Iranian officials")."""
    subj = [m for m in ms if m.kind == "country" and not m.possessive and m.end <= start
            and not text[m.end:start].strip()]
    return bool(subj) and re.fullmatch(r"\W*(?:the\s+)?", text[clause_start(
        text, subj[0].start):subj[0].start], re.I) is not None and bool(
        _OBJECT_NEXT.match(text, end))


#: A second clause between a verb and a sanction noun (", and the entry bans are ..."): the
#: verb does not govern the noun.
_NEW_CLAUSE = re.compile(r",\s+(?:and|but|while|whereas)\s+(?:the|its|their|these|those)\s")


@functools.cache
def _trigger_gates() -> list[Gates]:
    return [gate(rx) for _status, rx in TRIGGERS]


@functools.cache
def _standalone_gates() -> Gates:
    return gate(STANDALONE)


def anchors(text: str, ms: list[Mention], *, relief: bool = False) -> list[Anchor]:
    """Every trigger in a sentence, in order (see :class:`kg.extract.frames.Anchor`);
    ``relief``: whether the article has reported a lifting or easing before this sentence
    (measures said to remain are an event only then, ``_NOUN_KEPT``)."""
    found: list[Anchor] = []
    used: set[int] = set()
    free: list[tuple[int, int]] = []  # sanction nouns no verb governs
    low = folded(text)
    # the trigger verbs that may occur in the sentence at all (kg.extract.prefilter)
    triggers = [t for t, g in zip(TRIGGERS, _trigger_gates(), strict=True) if may_match(g, low)]
    all_nouns = list(SANCTION_NOUN.finditer(text))
    for n in all_nouns:
        bare = n.group().lower() == "measures" and not _BARE_MEASURES.search(text[:n.start()])
        window_start = max(clause_start(text, n.start()), n.start() - 70)
        best = None
        for status, rx in triggers:
            for v in rx.finditer(text, window_start, n.start()):
                if re.match(r"ban|order|put|end|halt|stop|curb", v.group(), re.I) and re.search(
                        r"(?:\b(?:the|a|an|its|their)|['’]s)\s+$", text[:v.start()], re.I):
                    continue  # "Russia's ban on food imports": a noun, not the verb
                if KEEP_VERB.match(v.group()) and not KEPT_FOR.match(text, n.end()) and not \
                        _DECIDED_TO.search(text, 0, v.start()):
                    continue  # "kept an arms embargo in place": no renewal
                if _PP_BETWEEN.search(text, v.end(), n.start()):
                    continue  # "ordered the step in retaliation for the sanctions"
                if _NEW_CLAUSE.search(text, v.end(), n.start()):
                    continue  # "by hitting its officials personally, and the entry bans are"
                if best is None or v.start() > best[0]:
                    best = (v.start(), v.end(), status)
        if best is not None and re.match(r"(?:hit(?:s|ting)? back\b.*\bat|retaliat\w+\s+against)\b",
                                         text[best[0]:n.start()], re.I | re.S) and not \
                _WITH_BEFORE.search(text, best[1], n.start()):
            best = None  # "hit back at Washington's sanctions": the sanctions answered (not
            # "hit back at the EU with sanctions", the answer)
        if best is not None and re.match(r"(?:hit|slap)", text[best[0]:best[1]], re.I) and \
                re.match(r"\w+\s+(?!with\b|back\b)\S.*?\bwith\s+(?:[\w-]+\s+){0,3}$",
                         text[best[0]:n.start()], re.I | re.S) and \
                not _PASSIVE.search(text, 0, best[0]):
            continue  # "hit the Central Bank with new sanctions": the object is the target
        if best is not None and re.match(r"put", text[best[0]:best[1]], re.I) and re.match(
                r"(?:\s+[\w’'-]+){0,4}?\s+on\s+hold\b", text[n.end():]):
            best = (best[0], best[1], Status.EASED)  # "put its sanctions on Burma on hold"
        if best is not None and best[2] is Status.EASED and TRADE_NOUN.match(n.group()) \
                and re.match(r"suspend", text[best[0]:best[1]], re.I):
            best = (best[0], best[1], Status.IMPOSED)  # "suspended imports of seafood"
        if best is not None and n.group().lower() == "sanction" and re.search(
                r"\b(?:to|will|would|shall|could|may|might)\s+$", text[:n.start()], re.I):
            continue  # "agreed to sanction 12 officials": the verb (below), not the noun
        if best is not None and re.match(r"\s+lists?\b", text[n.end():], re.I) and re.search(
                r"\b(?:from|off|on|to)\s+(?:its|their|the)\s+(?:[\w-]+\s+){0,2}$", text[:n.start()]
        ):
            # "removed five officials from its sanctions list": a listing lifted; "put
            # three officials on its sanctions list": a listing (kg.extract.frames)
            continue
        if best is not None:
            if best[0] in used:
                continue
            used.add(best[0])
            # "were placed under sanctions by Britain", "was hit with sanctions by the EU",
            # "has been hit by US and EU sanctions"
            mode = "passive" if _PASSIVE.search(text, 0, best[0]) and re.match(
                r"\w+\s+(?:under|with|by)\b", text[best[0]:n.start()]) else "verb"
            found.append(Anchor(best[0], n.end(), best[2], text[best[0]:n.end()], mode))
            continue
        if bare or re.match(r"\s+(?:list|lists|regime|law|committee)\b", text[n.end():], re.I):
            continue  # "its sanctions list": a list, not a measure
        pm = _NOUN_PASSIVE.match(text[n.end():])
        if pm is None and _SUBJECT_LEAD.fullmatch(text, clause_start(text, n.start()),
                                                  n.start()):
            pm = _NOUN_PARTICIPLE.match(text[n.end():])
        if pm is None and (relief or any(a.status in (Status.LIFTED, Status.EASED)
                                         for a in found)) and (
                km := _NOUN_KEPT.match(text[n.end():])):
            found.append(Anchor(n.start(), n.end() + km.end(), Status.IMPOSED,
                                text[n.start():n.end() + km.end()], "passive"))
        elif pm:
            verb = (pm["v"] or "").lower()
            status = Status.EXTENDED if pm.groupdict().get("stay") else Status.EXPECTED \
                if pm.groupdict().get("exp") else next(
                    (s for s, rx in TRIGGERS if rx.match(verb)), Status.IMPOSED)
            found.append(Anchor(n.start(), n.end() + pm.end(), status,
                                text[n.start():n.end() + pm.end()], "passive"))
        elif not TRADE_NOUN.fullmatch(n.group()):  # "Moscow's purchases of weapons": no measure
            free.append((n.start(), n.end()))
    # "the Security Council renewed them": a trigger verb whose object is a pronoun for the
    # sanctions named earlier in the sentence.
    first_noun = all_nouns[0] if all_nouns else None
    if first_noun is not None:
        for status, rx in triggers:
            for v in rx.finditer(text, first_noun.end()):
                pm = _THEM.match(text, v.end())
                if pm and not any(a.start <= v.start() < a.end for a in found):
                    found.append(Anchor(v.start(), pm.end(), status, text[v.start():pm.end()],
                                        "verb"))
    for v in STANDALONE.finditer(text) if may_match(_standalone_gates(), low) else ():
        word = v.group().lower()
        if word in ("sanction", "sanctions") and not (word == "sanction" and re.search(
                r"\b(?:to|will|would|shall|could|may|might|not)\s+$", text[:v.start()], re.I)) \
                and not _present_verb(text, v.start(), v.end(), ms):
            # the noun, not "will sanction"/"decided to sanction"; "sanctions" after "to" is
            # always the noun ("its opposition to sanctions on Russia")
            continue
        if re.search(r"\b(?:the|a|an|of|its|their|those)\s+$", text[:v.start()], re.I):
            continue  # "the sanctioned companies": an adjective
        if word.startswith(("froze", "freez")) and not re.match(r"\s+(?:\w+\s+){0,2}assets",
                                                                 text[v.end():]):
            continue
        if any(a.start <= v.start() < a.end for a in found):
            continue
        # ("is sanctioning 20 officials", "is freezing the assets of": active, progressive)
        passive = bool(_PASSIVE.search(text[:v.start()])) and not word.endswith("ing")
        found.append(Anchor(v.start(), v.end(), Status.IMPOSED, v.group(),
                            "passive" if passive else "object"))
    for a in frame_anchors(text, relief or any(a.status in (Status.LIFTED, Status.EASED)
                                               for a in found)):
        if not any(f.start < a.end and a.start < f.end for f in found):
            found.append(a)
    owners = [(m.start, m.end, m.possessive) for m in ms if m.kind in ("country", "demonym")
              and m.code and (m.possessive or m.kind == "demonym" or m.how == "abbreviation"
                              or m.text.replace(".", "") in ("US", "EU", "UN", "UK"))]
    # "its own sanctions on Moscow", "their sanctions lists": a possessive pronoun owns the
    # noun (resolved in kg.extract.events)
    owners += [(p.start(), p.end(), True) for p in _POSS_PRONOUN.finditer(text)]
    owners.sort()
    for a in noun_phrase_anchors(text, free, owners):
        if not any(f.start < a.end and a.start < f.end for f in found):
            found.append(a)
    nouns = [(n.start(), n.end()) for n in all_nouns]
    rel = relative_anchors(text, nouns, ms)
    found += [a for a in rel if not any(f.mode == "rel" and f.start == a.start for f in found)]
    found.sort()
    found = [_nominal(text, a) for a in found]
    return [a for k, a in enumerate(found) if not _elaborates(text, a, found[:k])]


#: A noun naming what was done to the measure that follows ("the formal renewal of its
#: sanctions", "announced the lifting of the arms embargo", "an end to the sanctions").
_NOMINAL = re.compile(r"\b(?P<w>renewal|extension|prolongation|roll-?over|lifting|removal|"
                      r"scrapping|repeal|end|easing|relaxation|loosening|suspension)\s+"
                      r"(?:of|to)\s+(?:(?:the|its|their|[\w'’.-]+)\s+){0,4}$", re.I)
_NOMINAL_STATUS = {"renewal": Status.EXTENDED, "extension": Status.EXTENDED,
                   "prolongation": Status.EXTENDED, "rollover": Status.EXTENDED,
                   "roll-over": Status.EXTENDED, "lifting": Status.LIFTED,
                   "removal": Status.LIFTED, "scrapping": Status.LIFTED,
                   "repeal": Status.LIFTED, "end": Status.LIFTED, "easing": Status.EASED,
                   "relaxation": Status.EASED, "loosening": Status.EASED,
                   "suspension": Status.EASED}


def _nominal(text: str, a: Anchor) -> Anchor:
    """``a`` with the status a noun before its sanction noun gives it ("the renewal of its
    sanctions on Russia": extended, not imposed), when its trigger is an owner or a verb of
    announcing (``np`` or ``verb`` anchors with status ``imposed``)."""
    if a.status is not Status.IMPOSED or a.mode not in ("np", "verb"):
        return a
    nouns = list(SANCTION_NOUN.finditer(text, a.start, a.end))
    if not nouns:
        return a
    m = _NOMINAL.search(text, max(0, a.start - 60), nouns[-1].start())
    if m is None or (m.group().lower().startswith("end") and " to " not in m.group().lower()):
        return a  # "by the end of the sanctions" is a time; "an end to the sanctions" is not
    return a._replace(status=_NOMINAL_STATUS[m["w"].lower()])


_RELIEF = (Status.LIFTED, Status.EASED)


def _elaborates(text: str, a: Anchor, earlier: list[Anchor]) -> bool:
    """A relief trigger in a participle clause after a comma that spells out a relief the
    sentence already named ("lifted some of its sanctions on Syria, dropping measures
    against the energy sector"): the same measure, not a second event."""
    return a.status in _RELIEF and a.mode == "verb" and bool(
        re.match(r"\w+ing\b", a.words)) and bool(re.search(r",\s*$", text[:a.start])) and any(
        e.status in _RELIEF for e in earlier)


def coordinated(ms: list[Mention], idx: int, text: str) -> list[Mention]:
    chain = [ms[idx]]
    j = idx - 1
    links = []
    while j >= 0 and _COORD.fullmatch(text[ms[j].end:chain[0].start]) and \
            text[ms[j].end:chain[0].start].strip():
        links.append(text[ms[j].end:chain[0].start])
        chain.insert(0, ms[j])
        j -= 1
    if links and not re.search(r"\band\b|\bwith\b|&|as well as|joined by", links[0], re.I):
        # "Following Eritrea's rapprochement with Ethiopia, the Security Council ...": a
        # comma alone ends an opening phrase; a list's last link is "and"
        chain = chain[-1:]
    return chain


_AND_GAP = re.compile(r"\s+(?P<w>(?:[\w-]+\s+){0,7})and\s+(?:\w+ly\s+)?(?:to\s+)?")
#: A list of predicates: the object's clause runs on to a comma before the next verb ("The
#: bloc suspended Guinea from all its bodies until order returns, put sanctions on ...").
_COMMA_GAP = re.compile(r"[^.;,]{0,80},\s+(?:and\s+)?(?:to\s+)?")
#: A past-tense verb right before the actors ("The EU condemned Russia and imposed ...",
#: "declared Venezuela a threat ... and ordered"): they are its object.
_VERB_BEFORE = re.compile(r"\b[a-z]{2,}ed\s+(?:the\s+)?$")
_PREP_BEFORE = re.compile(r"\b(?:with|on|against|from|to|of|in|for|at|into|over|upon)\s+"
                          r"(?:the\s+)?$", re.I)


def object_of_verb_before(text: str, chain: list[Mention], trigger: int) -> bool:
    """True if the actors nearest a coordinated verb are the object of the verb before it
    ("kept Mali suspended and imposed", "shut their borders with Mali and freeze", "The EU
    condemned Russia and imposed", "suspended Guinea from all its bodies ..., put sanctions
    on")."""
    gap = _AND_GAP.fullmatch(text, chain[-1].end, trigger)
    if gap is None:
        return bool(_COMMA_GAP.fullmatch(text, chain[-1].end, trigger)) and bool(
            _VERB_BEFORE.search(text, 0, chain[0].start))
    return bool(gap["w"].strip()) or bool(_PREP_BEFORE.search(text, 0, chain[0].start)) \
        or bool(_VERB_BEFORE.search(text, 0, chain[0].start))


def forward_list(ms: list[Mention], first: int, text: str, stop: int) -> list[Mention]:
    chain = [ms[first]]
    k = first + 1
    while k < len(ms) and ms[k].start < stop and _COORD.fullmatch(text[chain[-1].end:ms[k].start]):
        chain.append(ms[k])
        k += 1
    return chain


#: "and"/"while" opening a second clause whose subject is named next ("... on Russia's central
#: bank and Britain froze ...").
_NEXT_SUBJECT = re.compile(r"(?:,\s*)?\b(?:and|while|whereas|but|as)\s+(?:the\s+)?$", re.I)


def next_clause(text: str, ms: list[Mention], lo: int, hi: int, limit: int) -> int:
    """Where a target span ``text[lo:hi]`` ends when the sentence's next trigger (at
    ``limit``) starts a clause of its own: at the "and" before that clause's subject ("The
    US imposed sanctions on Iran and Britain froze the assets of ...": Britain acts, it is
    not a target)."""
    if limit >= hi:
        return hi
    verb = re.search(r"(?:,\s*)?\b(?:and|while)\s+(?:also\s+|then\s+|\w+ly\s+)?$", text[lo:limit])
    if verb is not None:  # "... on Sudan and froze the assets of ...": a second predicate
        return min(hi, lo + verb.start())
    for m in ms:
        if lo < m.start < limit and m.kind in ("country", "person", "pronoun", "demonym") \
                and re.fullmatch(r"[\s\w'’.-]*?\s*", text[m.end:limit]) is not None \
                and not re.search(r"\b(?:on|against|of|to|from|and)\b", text[m.end:limit]):
            conj = _NEXT_SUBJECT.search(text, lo, m.start)
            if conj is not None:
                return min(hi, conj.start())
    return hi
