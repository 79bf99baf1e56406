"""Words around a trigger that change the status of what it announces: modal and planning
verbs before it ("is expected to impose", "could lift"), reported speech ("said the UK
would freeze"), and conditions ("will impose sanctions if ...") that make it a threat.
Patterns run on lower-cased text. Source: kg's own reading of the hand-written and
real-reporting passages (benchmarks/extract_dev/, benchmarks/extract_real/).
"""

from __future__ import annotations

import re

from kg.model.vocab import Status

__all__ = ["CONDITION", "RELIEF_EXPECTED", "REPORTED_WOULD", "STATUS_MODIFIERS", "conditional",
           "planned"]


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


#: The modal "may", not the month ("on 9 May 2011 the EU adopted", "in May the EU adopted"):
#: no day number before or after it, no preposition of time before it.
_MAY = (r"(?<!\d )(?<!\bin )(?<!\bsince )(?<!\bof )(?<!\buntil )(?<!\bby )(?<!\bfrom )"
        r"(?<!\blast )(?<!\bearly )(?<!\blate )(?<!\bmid-)(?<!\bon )may(?!\s+\d)(?!,? \d{4})")

#: "may no longer" is a prohibition, the measure in force ("Forty-eight more Australians
#: may no longer enter Russia", "Russian sovereign bonds may no longer be issued"), not a
#: possibility: no threat (round 14; the dev split of benchmarks/extract_real/ reads all
#: eleven such sentences as imposed).
_NO_LONGER = r"(?!\s+no\s+longer\b)"

#: Words before a trigger that change its status ("is expected to impose"). A bare "will"
#: does not: "China will impose sanctions on X", as the government that decides announces
#: it, is the decision (``imposed``), as both annotators of benchmarks/extract_real/ read it
#: and DESIGN.md's ``expected`` (a reported plan or likely step) does not cover; a plan
#: reported by others carries its own cue ("is expected to", "plans to", "is set to").
STATUS_MODIFIERS: list[tuple[Status, re.Pattern[str]]] = [
    (Status.THREATENED, _rx(r"\b(?:threat(?:en|ens|ened|ening)|vow(?:s|ed)?|warn(?:s|ed|ing)?|"
                            r"could|might|" + _MAY + _NO_LONGER +
                            r"|would|promis(?:e|es|ed)|ready to|"
                            r"st(?:and|ands|ood) ready|willing to)\b")),
    (Status.EXPECTED, _rx(r"\b(?:(?:is|are|was|were) (?:widely )?expected|"
                          r"(?:is|are|was|were) (?:set|poised|likely|due|preparing|planning)|"
                          r"plans? to|planning to|prepar(?:e|es|ed|ing) to|intends? to|"
                          r"intending to|(?:is|are|was|were) about to|"
                          r"expected to|set to|poised to|likely to|brac(?:e|es|ed|ing)|"
                          r"consider(?:s|ed|ing)?|weigh(?:s|ed|ing)?|mull(?:s|ed|ing)?)\b")),
]

#: Reported speech backshifts "will" to "would" ("Tokyo would freeze the assets of ...", "said
#: the UK would freeze Russian state assets"): after a verb of saying, with no condition in
#: the sentence, "would" is the announced decision a bare "will" is (``imposed``), as the
#: annotators of benchmarks/extract_real/ read it; "said it would ... if/unless" stays a
#: threat, and "would face sanctions" (the target as subject) keeps its own reading. Only
#: a state or government named as the reported clause's subject ("said the UK would"): a
#: state saying "it would" of itself ("Tehran said it would announce sanctions") is a vow.
#: The second of two reported clauses counts too ("said Ms Pelosi had interfered ..., and
#: that China would impose sanctions on her": round 14).
REPORTED_WOULD = _rx(r"\b(?:(?:said|announced|confirmed|stated|added)\s+|"
                     r"(?:told|informed)\s+(?:[\w-]+\s+){1,5}?|"
                     # "said Ms Pelosi had interfered ..., and that China would impose"
                     r"(?:said|announced|stated|told)\s[^.;]*?,?\s+and\s+)(?:that\s+)?"
                     r"(?!(?:it|they|we)\s)(?:[\w’'-]+\s+){1,4}?would\s+(?:also\s+|now\s+)?$")
CONDITION = _rx(r"\b(?:if|unless|should|in case|provided|otherwise|were it)\b")

#: Before a relief trigger (lifted, eased, extended): relief only expected ("are expected to
#: lift", "is set to extend", "is preparing to take Rusal off its list", "intends to remove",
#: "could soon suspend", "may lift"), not done.
RELIEF_EXPECTED = _rx(r"\b(?:(?:(?:is|are) (?:widely )?expected|expected|set|poised|due|"
                      r"(?:is|are) (?:preparing|planning|about)|plans?|planning|"
                      r"intends?|intending|aims?|promis(?:e|es|ed|ing)|pledg(?:e|es|ed|ing)|"
                      r"vow(?:s|ed)?|expects?(?:\s+[\w-]+){1,3}?)"
                      r" to|(?:look\w* at|consider(?:s|ed|ing)?|weigh\w*)\s+$|"
                      r"(?:could|" + _MAY + r"|might)\s+(?:\w+ly\s+|soon\s+|now\s+|also\s+)?$)")


_MODAL = re.compile(r"\b(?:will|would|could|shall)\s+(?:\w+\s+)?$|['’]ll\s+(?:\w+\s+)?$")
_PASSIVE_MODAL = re.compile(r"\b(?:will|would|could|might|shall)\s+(?:\w+\s+)?be\s+[a-z]+(?:ed|en)"
                            r"(?:\s+(?:on|against))?\s*$")
_COND_AFTER = re.compile(r"\b(?:if|unless|in case|once|as soon as|provided|"
                         r"should (?:it|they|he|she|the \w+))\b")


def conditional(status: Status, text: str, pre: str, a_end: int) -> str | None:
    """Why a measure a sentence announces or plans is only a threat (``threatened``), or
    None: a condition before the clause ("Should troops cross the border, the United States
    will impose ...") or after the measure ("will impose sanctions if the junta delays the
    vote", "It will consider more sanctions in December if no progress is made"), with a
    future or modal verb before the trigger (``pre``: the words before it, lower case) or a
    trigger of planning (``expected``). A past measure with a condition on its lifting
    ("imposed sanctions that will be lifted if ...") is not one: no modal before it."""
    if status not in (Status.IMPOSED, Status.EXPECTED):
        return None
    # ("Further sanctions would be imposed if Moscow does not withdraw": the modal of a
    # passive trigger is among its words; round 14)
    modal = _MODAL.search(pre) or _PASSIVE_MODAL.search(text, max(0, a_end - 40), a_end)
    if modal and re.match(r"\W*(?:Should|Unless|If|Were)\b", text):
        return "a condition before the clause"
    if (modal or status is Status.EXPECTED) and _COND_AFTER.search(text, a_end):
        return "a condition after the measure"
    return None


_BARE_WILL = re.compile(r"\b(?:will|would)\s+(?:also\s+|now\s+)?$|['’]ll\s+$")
#: A time still to come after the measure ("within days", "next week", "in the coming
#: weeks", "before the day was out", "soon").
_FUTURE_TIME = re.compile(r"\b(?:within\s+(?:days|weeks|hours|the\s+(?:next|coming)\s+\w+)|in\s+"
                          r"the\s+(?:coming|next)\s+(?:days|weeks|months)|next\s+(?:week|month)|"
                          r"later\s+(?:this|in\s+the)\s+(?:week|month)|before\s+the\s+(?:day|week)\s+"
                          r"(?:was|is)\s+out|soon|shortly)\b", re.I)


def planned(status: Status, text: str, pre: str, a_end: int) -> str | None:
    """Why a measure announced with a bare "will"/"would" is only ``expected``, or None: a
    time still to come follows it in its clause ("Washington will hit Iran with new
    sanctions within days", "said Washington would unveil fresh sanctions before the day
    was out"), a plan, as the annotators of benchmarks/extract_real/ read it; without such
    a time, "will impose" stays the decision (``imposed``, see :data:`STATUS_MODIFIERS`).
    ``pre``: the words before the trigger, lower case."""
    if status is not Status.IMPOSED or not _BARE_WILL.search(pre):
        return None
    clause = re.split(r"[;:]|,\s+(?:and|but|while|as)\b", text[a_end:], maxsplit=1)[0]
    m = _FUTURE_TIME.search(clause)
    return m.group() if m else None

