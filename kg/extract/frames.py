"""Sentence shapes of real reporting that are sanctions without "imposed sanctions":
designations, suspensions from a bloc, entry bans and visa stops, readmission, and the
sanctions a noun phrase names with its imposer ("Washington's sanctions on Cuba", "the US
embargo on Cuba").

Each shape is a regular expression with the status it means and how its actors are found
(``mode``):

* ``object``: the imposer is the subject before the verb, the targets its object after it
  ("the Treasury designated 12 individuals", "the AU suspended Sudan from ...");
* ``passive``: the targets come before, the imposer after "by"/"from" ("Egypt was
  suspended from the African Union");
* ``np``: the imposer is inside the noun phrase, the targets after "on"/"against"
  (:func:`noun_phrase_anchors`).

>>> [(a.words, str(a.status), a.mode) for a in frame_anchors(
...     "The AU suspended Mali from all its activities and designated two officials.")]
[('suspended', 'imposed', 'object'), ('designated', 'imposed', 'object')]
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from kg.extract.actors import Mention
from kg.extract.frames_more import MORE_FRAMES, frozen_assets
from kg.extract.lexicon import SANCTION_NOUN
from kg.extract.prefilter import Gates, folded, gate, may_match
from kg.extract.targets import POST_APPOSITION, STATE_ORGAN, not_a_name
from kg.model.vocab import Status

__all__ = ["TARGET_STOP", "Anchor", "capitalised_names", "frame_anchors", "noun_phrase_anchors",
           "noun_subject_targets"]


class Anchor(NamedTuple):
    """A trigger: where, the status it means, its words and how to find its actors
    (``verb``: imposer before, targets after "on"/"against"; ``object``, ``passive``,
    ``np``: see the module docstring)."""

    start: int
    end: int
    status: Status
    words: str
    mode: str


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


#: Names of the lists a listing puts someone on: sanctions lists, blacklists, the US Entity
#: List, Russia's "stop list" of people barred from entry.
LISTS = (r"(?:sanctions? lists?|blacklists?|(?:unreliable\s+)?entit(?:y|ies) list|stop[- ]lists?|"
         r"export[- ]control(?:led)? (?:control )?lists?|"
         r"(?:entry|travel|visa)[- ]ban lists?|no-entry lists?|list of sanctioned|"
         # a list that names wrongdoers to be shunned ("put the president on a list of possible
         # money launderers", "a list of terrorist organisations", "a high-risk list")
         r"list of (?:[\w-]+\s+){0,2}(?:money launderers|terrorists|terrorist "
         r"organi[sz]ations|sponsors of terrorism)|high[- ]risk list|"
         # a list defined by the ban it carries ("the list of countries from which it bans
         # food imports", "the list of persons with whom banks may not do business")
         r"list of (?:[\w-]+\s+){1,4}?(?:from which|with whom|with which|whose|who are|subject to"
         r"|(?=barred|banned|denied))\b[^.;]{0,60}?\b(?:ban\w*|barr\w*|may not|cannot|sanction\w*|"
         r"refus\w*|restrict\w*|prohibit\w*|denied|freez\w*))")

#: An adverb between an auxiliary and "been" ("have also been suspended").
_ADV = r"(?:(?:also|already|since|now|both|all|each|likewise|similarly|[a-z]+ly)\s+)?"
#: Relief given ("will provide limited, temporary relief", "gave Iran sanctions relief"),
#: not humanitarian, debt or tax relief; a trigger only in a sentence that speaks of
#: sanctions or an embargo (:func:`frame_anchors`).
_RELIEF_GIVEN = _rx(r"\b(?:provid|giv|gave|grant|offer|deliver|extend)(?:e|es|ed|ing|s)?\b(?=(?:\s+"
                    r"(?!humanitarian|debt|tax|disaster|emergency|famine|food|flood)"
                    r"[\w$,.’'-]+){0,6}?\s+(?:sanctions?\s+)?relief\b)")
_ABOUT_SANCTIONS = _rx(r"\bsanction|\bembargo")
#: A relief told before that could be undone ("the decision could be reversed if progress
#: stalled"): a trigger only after a lifting or easing (:func:`frame_anchors`).
_REVERSAL = _rx(r"\b(?:decision|suspension|lifting|move|step)\s+(?:could|would|may|"
                r"might|will)\s+(?:also\s+)?be\s+(?:reversed|revoked|withdrawn|rescinded|"
                r"(?:left|allowed)\s+to\s+lapse|reimposed|undone)\b")
#: A passive auxiliary right before a trigger.
_BEEN = _rx(r"\b(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+)?$")
#: What a state or firm is cut off from ("cut seven banks off from SWIFT", "cut six
#: companies off from American technology", "disconnected from the dollar system").
_CUT_FROM = (r"(?:off\s+(?:from\s+)?|from\s+)(?:the\s+)?(?:SWIFT\b|(?:[\w.-]+\s+){0,2}"
             r"(?:technology|technologies|exports|supplies|chips|semiconductors|components|"
             r"software|(?:financial|dollar|payment|banking)\s+system|markets?)\b)")
#: (pattern, status, mode). A pattern's match is the trigger's words.
FRAMES: list[tuple[re.Pattern[str], Status, str]] = [
    (_rx(r"\b(?:has|have|had|was|were|been|is|are|be|being)\s+" + _ADV +
         r"(?:been\s+)?(?:suspended|barred|shut out|expelled)(?=\s+from\s+(?:all\s+)?"
         # not an obligation the measure puts on the imposer's own people ("EU citizens are
         # barred from making funds available to them")
         r"(?!(?:making|doing|dealing|providing|buying|selling|investing|trading)\b)"
         r"(?:the\s+)?(?:[A-Z]|activities|entering|travel))"),
     Status.IMPOSED, "passive"),
    # "Guinea-Bissau was shut out after a military takeover": a suspension without "from"
    # ("Mali and Chad have also been suspended.": the sentence ends)
    (re.compile(r"\b(?:has|have|had|was|were)\s+" + _ADV + r"(?:been\s+)?(?:suspended|"
                r"shut out|expelled)(?=\s+(?:after|over|following|since|in \d{4})\b|\s*[.;])"),
     Status.IMPOSED, "passive"),
    # "Niger was suspended by ECOWAS": the passive with its agent
    (_rx(r"\b(?:has|have|had|was|were)\s+" + _ADV +
         r"(?:been\s+)?(?:suspended|expelled)(?=\s+by\s+)"),
     Status.IMPOSED, "passive"),
    # "Mali and Guinea, both suspended from the 15-member bloc since their coups": a
    # participle in apposition to the states suspended
    (re.compile(r",\s+(?:(?:both|all|each|already|still|also|now|since)\s+)?(?:suspended|"
                r"expelled)(?=\s+from\s+(?:all\s+)?(?:the\s+)?(?:[A-Z]|\d|[\w-]+\s+"
                r"(?:bloc|body|union|grouping)|activities))"), Status.IMPOSED, "passive"),
    # "Four people linked to ... stay on the blacklist"
    (_rx(r"\b(?:stay|stays|stayed|remain|remains|remained)\s+(?:on|in)\s+(?:the\s+)?(?:EU\s+)?"
         r"(?:blacklist|sanctions list|list)\b"), Status.IMPOSED, "passive"),
    (_rx(r"\b(?:stay|stays|remain|remains|remained|stayed)\s+suspended(?=\s+from\b)"),
     Status.EXTENDED, "passive"),
    (re.compile(r"\b(?:kept|keep|keeps|keeping)(?=\s+(?:[A-Z][\w-]*[\s,]+(?:and\s+)?){1,8}"
                r"suspended\b)"), Status.EXTENDED, "object"),
    # "suspended the country": the state the article is about (kg.extract.fields.topic_targets)
    (re.compile(r"\bsuspend(?:s|ed|ing)?(?=\s+(?:the\s+)?(?:[A-Z]|(?:country|nation|state|"
                r"junta)\b))"), Status.IMPOSED, "object"),
    # "closed its borders with Niger", "suspended all commercial and financial transactions
    # with Niger": the trade measures of a bloc against a member
    # ("is closing its borders to 500 Americans": an entry ban)
    (_rx(r"\b(?:clos(?:e|es|ed|ing)|shut(?:s|ting)?)\s+(?:(?:its|their|the|all|land|air|and)\s+)*(?:"
         r"borders?|markets?|doors)(?=\s+(?:\w+ly\s+)?(?:with|to)\b)"), Status.IMPOSED, "object"),
    # ("halted all trade with Israel", "cut off trade with Qatar")
    (_rx(r"\b(?:suspend(?:s|ed|ing)?|halt(?:s|ed|ing)?|stop(?:s|ped|ping)?|cut(?:s|ting)?\s+off|"
         r"froze|freez(?:e|es|ing))\s+(?:(?:all|commercial|financial|trade|and|economic|its|"
         r"their)\s+)+(?:transactions|exchanges|trade|relations)(?=\s+with\b)"),
     Status.IMPOSED, "object"),
    # "revoked the visas of 20 Nicaraguan officials": an entry ban
    (_rx(r"\b(?:revok(?:e|es|ed|ing)|suspend(?:s|ed|ing)?)\s+(?:the\s+)?(?:entry\s+)?visas?\s+(?:of|for)(?=\s)"),
     Status.IMPOSED, "object"),
    # "while keeping Oleg Petrovsky himself on the list": sanctions that stay
    (re.compile(r"\b(?:keep|keeps|keeping|kept)(?=\s+(?:[A-Z][\w.’'-]*\s+){1,4}(?:himself\s+|"
                r"herself\s+|itself\s+)?(?:on|under)\s+(?:the\s+)?(?:\w+\s+)?(?:list|"
                r"blacklist|sanctions)\b)"), Status.IMPOSED, "object"),
    (_rx(r"\bdesignat(?:e|es|ed|ing)\b(?!\s+(?:as|by)\b)"), Status.IMPOSED, "object"),
    (_rx(r"\b(?:barred|banned|bars|bans|barring|banning|bar|ban)\b(?=(?:\s+[\w,’'-]+){1,14}?"
         r"\s+from\s+(?:entering|travel|visiting|the country|its territory|coming|its skies|"
         r"its airspace|flying\s+(?:in)?to|landing))"),
     Status.IMPOSED, "object"),
    (_rx(r"\b(?:st(?:op|ops|opped|opping) issuing|den(?:y|ies|ied|ying)|refus(?:e|es|ed|ing)"
         r") (?:entry )?visas to\b"), Status.IMPOSED, "object"),
    # "stopped non-humanitarian aid to Mali", "suspended military assistance to Niger": aid
    # withheld as a measure against the state it went to
    (_rx(r"\b(?:suspend(?:s|ed|ing)?|halt(?:s|ed|ing)?|stop(?:s|ped|ping)?|cut(?:s|ting)?|"
         r"froze|freez(?:e|es|ing)|withh(?:o|e)ld(?:s|ing)?)\s+(?:off\s+)?(?:(?:part|some|most|"
         r"much)\s+of\s+)?(?:(?:all|most|much|"
         r"its|their|some|non-humanitarian|military|development|economic|financial|budget|"
         r"budgetary|direct|security|foreign|bilateral|and|,)\s*)*(?:aid|assistance)"
         r"(?=\s+(?:to|for)\s)"), Status.IMPOSED, "object"),
    # "will take countermeasures against the U.S. firms": a counter-measure (the modal makes
    # it a threat)
    (_rx(r"\bt(?:ake|akes|aking|ook|aken)\s+(?:(?:firm|resolute|necessary|reciprocal|strong|"
         r"all|the)\s+)*(?:counter-?measures|retaliatory measures|reciprocal measures)"
         r"(?=\s+(?:against|on)\b)"), Status.IMPOSED, "object"),
    # "has not ruled out sanctions on India", "refused to rule out sanctions": a threat
    (_rx(r"\b(?:(?:not|never)\s+(?:\w+\s+)?rul(?:e|ed|es|ing)|refus\w*\s+to\s+rule)\s+out"
         r"(?=\s+(?:\w+\s+){0,2}(?:sanctions|penalties|an? (?:\w+\s+)?embargo)\b)"),
     Status.THREATENED, "object"),
    # "closed its airspace to Russian aircraft": a flight ban
    (_rx(r"\b(?:clos(?:e|es|ed|ing)|shut(?:s|ting)?)\s+(?:its|their|the)\s+airspace(?=\s+to\b)"),
     Status.IMPOSED, "object"),
    # "issued a general licence allowing ...", "granted a waiver to Iraq": relief
    (_rx(r"\b(?:issu|grant)(?:e|es|ed|ing)\s+(?:[A-Z][\w-]*\s+)?(?:a\s+|an\s+)?(?:new\s+|[\d-]+\w*"
         r"\s+)?(?:general\s+|specific\s+|sanctions?\s+)?(?:licen[cs]es?|waivers?|exemptions?)\b"),
     Status.EASED, "object"),
    # "will provide limited relief from sanctions to Iran", "gave Iran sanctions relief":
    # relief granted (the target after the verb), in a sentence about sanctions
    (_RELIEF_GIVEN, Status.EASED, "object"),
    # "Thein Sein and 200 other Burmese will come off Australia's sanctions list", "260
    # people will be freed from the restrictions": a listing lifted, told of its targets
    (_rx(r"\b(?:come|comes|came|coming)\s+off\s+(?:the\s+)?(?:[\w’'-]+\s+){0,5}?" + LISTS +
         r"|\b(?:be|been|are|were|is|was)\s+freed\s+(?:from|of)\s+(?:the\s+)?(?:\w+\s+)?"
         r"(?:sanctions|restrictions|measures)\b"), Status.LIFTED, "passive"),
    # "restored Mali's membership": a suspension lifted
    (_rx(r"\brestor(?:e|es|ed|ing)\b(?=\s+(?:the\s+)?[\w-]+['’]s\s+(?:full\s+)?membership)"),
     Status.LIFTED, "object"),
    # "readmitted Mali", "reinstated Guinea" (a state back in a bloc: "reinstated sanctions"
    # is a trigger, kg.extract.lexicon)
    (re.compile(r"\b[Rr]einstat(?:e|es|ed|ing)\b(?=\s+(?:the\s+)?[A-Z])"), Status.LIFTED,
     "object"),
    (_rx(r"\b(?:has|have|had|was|were)\s+(?:been\s+)?(?:readmitted|reinstated)(?=\s+(?:to|into|in)\s)"),
     Status.LIFTED, "passive"),
    (_rx(r"\breadmit(?:s|ted|ting)?\b"), Status.LIFTED, "object"),
    # "added 20 Iranian entities to its sanctions list", "placed Huawei on its Entity List",
    # "added 500 Americans to its stop list", 'placed Huawei on an "entity list"'
    (_rx(r"\b(?:add(?:s|ed|ing)?|plac(?:e|es|ed|ing)|put(?:s|ting)?)\b(?=(?:\s+[\w,’'&+.-]+)"
         r"{1,16}?\s+(?:to|on)\s+(?:its|their|the|an?)\s+[\"“]?(?:[\w-]+\s+){0,2}" + LISTS +
         r"\b)"),
     Status.IMPOSED, "object"),
    # "seven US companies have been put on the unreliable entity list": the listing in the
    # passive (its imposer is the state that reports it, kg.extract.events)
    (_rx(r"\b(?:has|have|had|was|were|been|is|are|be|being)\s+(?:been\s+)?(?:added|placed|"
         r"put)(?=\s+(?:to|on)\s+(?:its|their|the|an?|(?-i:[A-Z])[\w.]*['’]s)\s+[\"“]?"
         r"(?:[\w-]+\s+){0,2}" + LISTS + r"\b)"), Status.IMPOSED, "passive"),
    # "Moscow has closed entry indefinitely to 36 citizens of New Zealand": an entry ban
    (_rx(r"\b(?:clos(?:e|es|ed|ing)|shut(?:s|ting)?)\s+entry\b(?=(?:\s+[\w,’'-]+){0,6}?\s+to\b)"),
     Status.IMPOSED, "object"),
    # "removed Cuba from its list of state sponsors of terrorism", "took two banks off the
    # sanctions list", "delisted", "revoked Cuba's designation": the listing lifted
    (_rx(r"\b(?:remov(?:e|es|ed|ing)|delist(?:s|ed|ing)?|t(?:ake|akes|ook|aken|aking))\b(?=(?:\s+"
         r"[\w,’'&+.-]+){1,16}?\s+(?:from|off)\s+(?:its|their|the)\s+(?:[\w-]+\s+){0,4}"
         r"(?:" + LISTS + r"|list of (?:state )?sponsors)\b)"), Status.LIFTED, "object"),
    (_rx(r"\bdelist(?:s|ed|ing)?\b"), Status.LIFTED, "object"),
    (_rx(r"\brevok(?:e|es|ed|ing)\b(?=\s+(?:the\s+)?(?:[\w-]+['’]s|its|their)\s+(?:[\w-]+\s+)?"
         r"designation)"), Status.LIFTED, "object"),
    # "banned entry to 963 Americans", "cut seven banks off from SWIFT", "blocked the assets of"
    # "London targeted Russian banks with a new round of sanctions"
    # "hit the Central Bank with new unilateral sanctions"
    (_rx(r"\b(?:target(?:s|ed|ing)?|(?:hit(?:s|ting)?|slap(?:s|ped)?)(?!\s+back\b))\b(?=(?:\s+"
         r"[\w,’'&+.-]+)"
         r"{1,12}?\s+with\s+(?:a\s+)?"
         r"(?:[\w-]+\s+){0,3}(?:sanctions|measures|penalties|asset freezes|travel bans)\b)"),
     Status.IMPOSED, "object"),
    (_rx(r"\b(?:ban(?:s|ned)?|bar(?:s|red)?|den(?:y|ies|ied)) entry to\b"), Status.IMPOSED,
     "object"),
    (_rx(r"\b(?:cut(?:s|ting)?|disconnect(?:s|ed|ing)?)\b(?=(?:\s+[\w,’'&+.-]+){1,10}?\s+"
         + _CUT_FROM + ")"), Status.IMPOSED, "object"),
    # "The new sanctions target 12 officials", "The EU's measures freeze the assets of ...":
    # a sanction noun opening the sentence as the subject of what it does; the imposer is
    # its owner, else the imposers of the event before (kg.extract.events)
    (re.compile(r"^\W*(?:(?!(?:since|after|over|of|on|against|for|in|by|to)\b)[\w’'-]+\s+){0,4}?"
                r"(?P<t>(?:sanctions|measures|package|penalties|restrictions)(?:,[^,;]{1,80},)?\s+(?:(?:"
                r"also|will|now|further)\s+)?(?:target|targets|hit|hits|freeze|freezes|bar|bars|ban|bans|"
                r"cover|covers|affect|affects|blacklist|blacklists))\b"), Status.IMPOSED, "object"),
    # "The groups named include the National Endowment for Democracy, ... and Freedom House",
    # "Those sanctioned include ...", "The list also names ...": more targets of the event
    # before (kg.extract.events takes its imposers; kg.extract.extract merges the two)
    (re.compile(r"\b(?:[Tt]hose|[Tt]he\s+(?:people|individuals|entities|companies|groups|"
                r"organi[sz]ations|officials|firms))\s+(?:(?:named|listed|sanctioned|targeted|"
                r"designated|affected|banned|barred)\s+)?(?:also\s+)?(?:include|includes|"
                r"included)\b|\b(?:[Tt]hose|[Tt]he\s+(?:people|individuals|entities|companies|"
                r"groups|organi[sz]ations|officials|firms))\s+(?:named|listed|sanctioned|"
                r"targeted|designated|banned|barred)\s+(?:are|were)\b|\b[Tt]he\s+(?:new\s+)?"
                r"list\s+(?:also\s+)?(?:names|includes|contains)\b"), Status.IMPOSED, "object"),
    # "set up a sanctions regime for Mali": the regime is the measure
    (_rx(r"\b(?:set(?:s|ting)? up|establish(?:es|ed|ing)?|creat(?:e|es|ed|ing))\s+(?:a|an|the)\s+"
         r"(?:new\s+)?sanctions? regime(?=\s+(?:for|on|against)\b)"), Status.IMPOSED, "object"),
    # "with more sanctions coming over the next few weeks", "further measures are on the
    # way": the actor's own next step announced, ``expected``
    (_rx(r"\b(?:more|further|additional|new)\s+(?:sanctions|measures|penalties)\s+(?:(?:are|is|"
         r"will be)\s+)?(?:coming|to come|on the way|in the pipeline)\b"), Status.EXPECTED,
     "passive"),
    # "the relief could be reversed", "the licence may be revoked": re-imposition threatened
    (_rx(r"\b(?:relief|easing|licen[cs]e|waiver)\s+(?:could|would|may|might|will)\s+be\s+"
         r"(?:reversed|revoked|withdrawn|rescinded|cancell?ed)\b"), Status.THREATENED, "passive"),
    # "the decision could be reversed if ...", "the suspension could be left to lapse": the
    # same threat, when the article has told of a relief (:func:`frame_anchors`)
    (_REVERSAL, Status.THREATENED, "passive"),
    # "warns of significant action should the North launch again"
    (_rx(r"\b(?:warn(?:s|ed|ing)?\s+of|threaten(?:s|ed|ing)?)\s+(?:(?:significant|further|tough|"
         r"strong|punitive|serious|severe|firm|decisive)\s+)+(?:action|consequences|steps|measures)\b"),
     Status.THREATENED, "object"),
    (_rx(r"\bblock(?:s|ed|ing)?(?=\s+(?:all\s+)?(?:the\s+)?(?:\w+\s+)?assets\s+(?:of|held|"
         r"belonging)\b)"), Status.IMPOSED, "object"),
    *MORE_FRAMES,
]

@functools.cache
def _frame_gates() -> list[Gates]:
    """The words each pattern of :data:`FRAMES` needs (:mod:`kg.extract.prefilter`)."""
    return [gate(rx) for rx, _status, _mode in FRAMES]


def frame_anchors(text: str, relief: bool = False) -> list[Anchor]:
    """The triggers of :data:`FRAMES` in a sentence, in order, not overlapping; ``relief``:
    whether the article told of a lifting or easing before (then a reversal is a threat)."""
    out: list[Anchor] = []
    low = folded(text)
    for (rx, status, mode), gates in zip(FRAMES, _frame_gates(), strict=True):
        if not may_match(gates, low) or (rx is _RELIEF_GIVEN and not _ABOUT_SANCTIONS.search(
                text)) or (rx is _REVERSAL and not relief):
            continue  # (without the words a pattern needs, it cannot match)
        for m in rx.finditer(text):
            s, e = m.span("t") if "t" in rx.groupindex else m.span()  # ("t": the trigger)
            if any(a.start < e and s < a.end for a in out):
                continue
            if mode == "object" and _BEEN.search(text, 0, s) and not re.match(
                    r"\w+ing\b", text[s:e]):
                mode = "passive"  # "Iran has been cut off from ... by US sanctions"
            out.append(Anchor(s, e, status, text[s:e], mode))
    out += [a for a in map(Anchor._make, frozen_assets(text)) if not any(
        b.start < a.end and a.start < b.end for b in out)]
    out.sort()
    return out


# Between an imposer and its sanction noun: up to three words, no verb of speech, no comma
# ("Washington's Crimea sanctions", "the US economic embargo", "EU's new sanctions").
_NP_GAP = re.compile(r"(?:\s+(?!(?:said|says|and|or|to|on|of|is|are|was|were)\b)"
                     r"[\w’'-]+){0,3}\s+")


def noun_phrase_anchors(text: str, nouns: list[tuple[int, int]],
                        owners: list[tuple[int, int, bool]]) -> list[Anchor]:
    """Sanction nouns whose imposer stands before them in the same noun phrase.

    ``nouns``: (start, end) of sanction nouns no trigger governs; ``owners``: (start, end,
    possessive) of the mentions that may own them (states and blocs written as a
    possessive, an abbreviation or a demonym). Returns ``np`` anchors whose span runs from
    the owner to the noun.
    """
    out = []
    for n_start, n_end in nouns:
        for o_start, o_end, _poss in reversed(owners):
            if o_end > n_start:
                continue
            gap = text[o_end:n_start]
            if gap.startswith(("'s", "’s")) or (gap[:1] == "." and "." in text[o_start:o_end]):
                gap = gap[1 if gap[0] == "." else 2:]  # (".": "U.S. sanctions")
            if _NP_GAP.fullmatch(gap) or not gap.strip():
                out.append(Anchor(o_start, n_end, Status.IMPOSED, text[o_start:n_end], "np"))
            break
    return out


_ORG = re.compile(r"(?:[A-Z][\w&.’'+/-]*)(?:\s+(?:[A-Z][\w&.’'+/-]*|del|de|la|of|al|bin|&)"
                  r"(?=\s+[A-Z]|$|[\s,.;]))*")
_ORG_STOP = {"The", "On", "In", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
             "Saturday", "Sunday", "This", "That", "Those", "These", "Its", "Their", "Sanctions",
             "January", "February", "March", "April", "May", "June",
             "July", "August", "September", "October", "November", "December", "Western",
             "New", "Fresh", "Further", "Additional", "Tougher",
             # function words capitalised at the start of a sentence ("Under a ... statement")
             "Under", "After", "Before", "With", "At", "By", "For", "From", "As", "Since",
             "Despite", "Amid", "During", "Besides", "Among", "A", "An", "Unless", "If", "Should",
             "Once", "When"}


def capitalised_names(text: str, lo: int, hi: int, ms: list[Mention]) -> list[Mention]:
    """Capitalised names in ``text[lo:hi]`` that no mention in ``ms`` covers ("Lockheed
    Martin", "En+ Group"), as ``org`` mentions: the targets a list of companies names."""
    out: list[Mention] = []
    for m in _ORG.finditer(text, lo, hi):
        words = m.group().rstrip(".,;:").split()
        while words and words[0] in _ORG_STOP:
            words.pop(0)
        while words and words[-1] in _ORG_STOP:
            words.pop()
        if not words:
            continue
        name = " ".join(words)
        start = m.start() + m.group().index(words[0])
        end = start + len(name)
        owner = next((x for x in ms if x.possessive and x.start <= start < x.end < end), None)
        rest = re.match(r"['’]s\s+", text[owner.end:]) if owner else None
        if owner is not None and rest and not STATE_ORGAN.search(name):
            start = owner.end + rest.end()  # "Freedonia's Radio Nova": the name after it
            name = text[start:end]
        if any(x.start < end and start < x.end for x in ms) or not_a_name(text, start, end):
            continue  # a post, a month, an adjective: kg.extract.targets
        if out and text[out[-1].end:start] == ", " and " & " in name \
                and len(name.split(" & ")[0].split()) == 1:
            # "Boeing Defense, Space & Security": a name that lists fields with "&" after a
            # comma goes on the name before it (one field before the "&": "Acme Corp,
            # Kessel Systems & Simulation" are two companies)
            start, name = out[-1].start, text[out[-1].start:end]
            out.pop()
        out.append(Mention(start, end, name, "org", name=name, how="capitalised name"))
    return out


_NOUN_THEN_PREP = re.compile(r"\S.*?\s(?:on|against)\s")


def noun_subject_targets(text: str, words: str, start: int, end: int, ms: list[Mention]
                         ) -> list[Mention] | None:
    """The targets of a passive whose subject is a sanction noun, named between the noun and
    the verb ("Asset freezes and travel bans on 170 individuals and three companies will be
    dropped"): the mentions (and capitalised names) after "on"/"against" in the trigger's
    words ``words`` = ``text[start:end]``, in order; None when the trigger does not open with
    a sanction noun followed by "on"/"against"."""
    inner = _NOUN_THEN_PREP.match(words) if SANCTION_NOUN.match(words) else None
    if inner is None:
        return None
    lo = start + inner.end()
    return sorted([m for m in ms if lo <= m.start and m.end <= end and m.kind in
                   ("country", "person", "group", "org")] + capitalised_names(text, lo, end, ms),
                  key=lambda m: m.start)


#: Where the target list after a trigger ends: a clause break, a reason cue, the list the
#: targets are placed on, a closing attribution ("..., Chief Cabinet Secretary X said").
TARGET_STOP = re.compile(
    r"[;:]|\bwith\s+(?:a\s+)?(?:[\w-]+\s+){0,3}(?:sanctions|measures|penalties)\b|"
    r"\b(?:to|on|from|off)\s+(?:its|their|the|an?)\s+[\"“]?(?:[\w-]+\s+){0,4}(?i:" + LISTS +
    r"|list of)\b|\b" + _CUT_FROM + "|"
    r",\s+(?:including|which|who|while|but|as|and|with|\w+ing)\b|" + POST_APPOSITION + "|"
    r",\s+(?:[\w’'-]+\s+){1,8}(?:said|says|announced|told|added)\b|"
    r"\b(?:over|for|because of|due to|in response to|in retaliation|citing|accusing|after|"
    r"following|as|if|unless|should|while|which|who|that|linked to|saying|said|but|"
    r"to (?!the\b|a\b)[a-z]+|"
    # an answer cue ("in answer to Freedonia's sanctions") or what defines the group ("two
    # firms tied to the annexation of ..."): what follows names no further target
    r"in (?:answer|reply) to|in return for|tied to|involved in|responsible for|implicated in|"
    r"connected (?:to|with)|by (?:the )?[A-Z])\b")
