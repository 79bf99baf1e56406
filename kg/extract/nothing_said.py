"""Speech words that say nothing (:func:`says_nothing`): the word is a noun, an adjective, a
passive or a name, the text of a law or a report, an addition to a list, an act declared, a
council's vote. Used by :func:`kg.extract.statements.find_statements` before it looks for a
speaker; the shapes come from the dev split of ``benchmarks/extract_real/``.
"""

from __future__ import annotations

import re

__all__ = ["said_before", "says_nothing"]


#: A speech verb's participle that says nothing: an adjective after a determiner or a
#: preposition, with at most an adverb between ("the so-called morality police", "a wave of
#: widely praised reforms"), or a passive participle with no object ("five officers accused
#: of abuses", "three men, described as financiers": an active "accused" has its object
#: before "of": "Moscow accused Kyiv of ...").
_ADJECTIVE_BEFORE = re.compile(r"(?:\b(?:a|an|the|of|its|their|his|her|this|these|those|for|"
                               r"with|in|on|by)\s+(?:\w+ly\s+)?|\bso-)$", re.I)
_PASSIVE = re.compile(r"(?:accused|suspected)\s+of\b|(?<=,\s)described\s+as\b|"
                      # "the opposition backed by the United States": a participle after its noun
                      r"(?:backed|supported)\s+by\b", re.I)
#: "pledged $3m to UN appeals", "pledged more military aid to Kyiv": a gift promised, no word
#: said.
_PLEDGED_THING = re.compile(r"\s+(?:(?:US|A|C)?[$€£¥]|\d|(?:more|new|further|fresh|additional|"
                            r"extra)\s+(?:\w+\s+)?(?:aid|funds|funding|money|troops|weapons|"
                            r"arms|loans?|grants?)\b)", re.I)

#: What is denied by an act, not in words ("visas denied", "entry was refused").
_ACT_DENIED = re.compile(r"\b(?:visas?|entry|access|permission|requests?|applications?|"
                         r"licen[cs]es?|bail|asylum)\s+(?:(?:was|were|is|are|be|been)\s+)?$",
                         re.I)

#: A speech word used as a noun that things win or draw ("won wide praise", "drew
#: condemnation", "met with criticism"): no one speaks.
_NOUN_BEFORE = re.compile(r"\b(?:w[io]n|wins|winning|dr[ae]w|draws|drawing|earn(?:s|ed)?|"
                          r"receiv(?:e|es|ed)|attract(?:s|ed)?|met with|sparked|triggered|"
                          r"provok(?:e|es|ed))\s+(?:(?:wide|widespread|broad|international|"
                          r"global|strong|sharp|fierce|much|some|little|high)\s+)?$", re.I)


#: A form of "be" right before a speech verb: a passive ("Lukashenko was formally declared the
#: winner", "Ukraine was added", "must be declared to SECO", "have been told"), or a name
#: ("also called the Magnitsky Law", "used to be called Coral Energy"). ("was quoted as
#: saying" names its speaker, and is not matched.)
_BE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:(?-i:[a-z]\w*ly)\s+)?$",
                        re.I)
#: What is declared that is an act, not words ("declared a curfew", "declared a state of
#: emergency", "declared martial law").
_DECLARED_THING = re.compile(r"\s+(?:a|an|martial|war|independence|victory)\b", re.I)
#: A council's members voting for a text ("All 15 members backed the resolution").
_MEMBERS_VOTE = re.compile(r"\bmembers(?:,\s+[^,;]{1,40},)?\s+(?:(?:\w+ly|all)\s+)?$", re.I)
# ("All 15 members, China included, backed the text": an aside between commas)
_VOTED_TEXT = re.compile(r"\s+(?:the|a|this)\s+(?:[\w.-]+\s+)?(?:text|resolution|draft|"
                         r"measures?|decision|motion)\b", re.I)
_ALSO_CALLED = re.compile(r"\b(?:also|formerly|once|often|sometimes)\s+$", re.I)
#: "added 43 people to its sanctions list", "adding more Americans to the list", "adding to
#: the weapons already there": an addition, not a word said.
_ADDED_TO = re.compile(r"\s+(?:to\b|(?!that\b)(?:[^,;:.\"“”]|\.(?=\S|\s+(?-i:[a-z])))"
                       r"{0,120}?\bto\s+(?:the|its|their|his|her|a|an|this)\s+[\"“]?"
                       r"(?:[\w'’-]+\s+){0,4}?(?:list|lists|blacklist|sanctions|register|"
                       r"registry|roster)\b)", re.I)
# (a dot inside a name, "Huawei Technologies Co. and its affiliates", and a list named in
# quotation marks, 'to an "entity list"', are part of the addition)
#: "added another round of sanctions", "keeps adding new sanctions": an addition whose object
#: is the measure or the people it lists, not a word said ("added that ...", ", he added,").
_ADDED_THING = re.compile(r"\s+(?!that\b)(?:[\w'’-]+\s+){0,4}?(?:sanctions|measures|names|"
                          r"entities|individuals|people|persons|companies|vessels|tankers)\b|"
                          # "the eight people added are ...": a participle after its noun
                          r"\s+(?:are|were|include|included|on|in|since)\b", re.I)
#: People a measure lists, described by what they back ("individuals and entities who support
#: Hamas").
_WHO_SUPPORT = re.compile(r"\b(?:individuals|entities|people|persons|those|groups|companies|"
                          r"firms|organi[sz]ations)\s+(?:who|that|which)\s+$", re.I)
#: "said a senior official who asked not to be named": the speaker's wish for anonymity.
_ANONYMOUS = re.compile(r"\s+not\s+to\s+be\s+(?:named|identified|quoted)\b", re.I)
#: A past saying that dates something else ("The protests began when President X said he
#: would run", "A month after President Barack Obama said", "since Takaichi said", "who in
#: July said"): background, no statement of the story. (A bare "after X said" is often the
#: story's own statement; only a time before "after" dates.)
_WHEN_SAID = re.compile(r"\b(?:(?:when|since|(?:days?|weeks?|months?|years?)\s+after)\s+"
                        r"(?:(?:the\s+)?(?-i:[A-Z][\w.'’-]*)\s+){1,5}|who\s+in\s+(?-i:[A-Z][a-z]+)\s+)$",
                        re.I)
_WHEN_VERBS = ("said", "declared", "announced", "told")


#: A document as the subject ("a law calling for visa bans", "as the Annan plan demands",
#: "the act supports the protesters"): the text of a law or plan, not a speaker.
_DOCUMENT_BEFORE = re.compile(r"\b(?:law|act|bill|plan|decree|legislation|treaty|"
                              r"agreement|accord|statute|order)\s+(?:(?:that|which)\s+)?"
                              r"(?:also\s+)?$", re.I)


#: A relative clause naming why a measure hits people ("Venezuelan officials whom Washington
#: accuses of repression", "four Burundians it accuses of undermining talks").
_ACCUSED_WHOM = re.compile(r"(?:\b(?:whom|which)\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){1,3}|"
                           r"\b[A-Za-z]+s\s+(?:it|they)\s+)$")
#: Speech words that are nouns too, and are nouns after a determiner or a preposition.
_NOUN_TOO = {"support", "supports", "demand", "demands", "call", "calls", "protest", "protests",
             "vow", "vows", "pledge", "pledges", "welcome", "praise"}
_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|in|of|for|with|this|these|those|any|no|such|"
                                r"new|renewed|growing|repeated|strong|broad|full|public|"
                                r"its|their|his|her|our)\s+$", re.I)


#: An adjective before a noun ("more non-lethal support", "military support").
_ADJECTIVE_NOUN = re.compile(r"\b(?:non-\w+|\w+(?:al|ive|ic|ful|ous|ary))\s+$", re.I)


def says_nothing(text: str, lo: int, cue: re.Match[str]) -> bool:
    """True if the speech word ``cue`` (in a clause starting at ``lo``) says nothing: a noun
    after a possessive ("its support for Ukraine", "their call"), or a participle used as an
    adjective or passive (see above), a passive or a name after "be" ("was declared the
    winner", "also called the X Law"), an addition to a list ("added 43 people to its
    sanctions list"), or a law or plan's text ("a law calling for visa bans")."""
    before = text[max(0, cue.start() - 30):cue.start()]
    if re.search(r"\b(?:its|their|his|her|our)\s+$", before):
        return True
    if before.endswith("-"):
        return True  # "Iran-supported Hezbollah", "Western-backed": a compound adjective
    if _MEMBERS_VOTE.search(before) and _VOTED_TEXT.match(text, cue.end()):
        return True  # "All 15 members backed the text": a council's vote, no words said
    if _NOUN_BEFORE.search(text, max(0, cue.start() - 30), cue.start()):
        return True  # "reforms that have won wide praise", "drew international condemnation"
    word = cue.group().lower()
    if word not in ("quoted", "cited") and not word.startswith("accord") \
            and not word.endswith("ing") and _BE_BEFORE.search(before):  # ("was threatening")
        return True
    if word == "called" and _ALSO_CALLED.search(before):
        return True
    if word.startswith("declar") and _DECLARED_THING.match(text, cue.end()):
        return True  # "declared a curfew", "declared martial law": an act, no words said
    if word in ("added", "adding", "add", "adds") and (_ADDED_TO.match(text, cue.end())
                                                        or _ADDED_THING.match(text, cue.end())):
        return True
    if _WHO_SUPPORT.search(before) and word.startswith(("support", "back", "oppos")):
        return True  # "entities who support Hamas": why they are listed, no word said
    if word.startswith("pledg") and _PLEDGED_THING.match(text, cue.end()):
        return True
    if word == "asked" and _ANONYMOUS.match(text, cue.end()):
        return True
    if _DOCUMENT_BEFORE.search(before):
        return True
    if word.startswith(("accus", "blam")) and _ACCUSED_WHOM.search(before):
        return True  # "officials whom Washington accuses of repression": why, not a word said
    if word in ("denied", "rejected", "refused") and _ACT_DENIED.search(before):
        return True  # "their visas denied or revoked": a request turned down, no words said
    if word == "voice" and not re.match(r"\s+(?:its|their|his|her|our|concern|support|"
                                        r"opposition|regret|hope|alarm)\b", text[cue.end():]):
        return True  # "the regime's main voice around the world": a noun
    if word.split()[0] in _NOUN_TOO and (_DETERMINER_BEFORE.search(before)
                                         or _ADJECTIVE_NOUN.search(before)):
        return True  # "in support of the protesters", "renewed calls for", "the demands"
    return cue.group().endswith("ed") and bool(
        _ADJECTIVE_BEFORE.search(text, max(lo, cue.start() - 30), cue.start())
        or _PASSIVE.match(text, cue.start()))


def said_before(text: str, lo: int, cue: re.Match[str]) -> bool:
    """True if the speech verb ``cue`` (in a clause starting at ``lo``) tells a past saying
    that dates something else ("The protests began when President X said he would run",
    "since Takaichi said an attack could threaten Japan", "who in July said"): background,
    and the words it reports are no statement either."""
    return cue.group().lower() in _WHEN_VERBS and bool(
        _WHEN_SAID.search(text, max(lo, cue.start() - 80), cue.start()))
