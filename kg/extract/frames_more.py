"""More sentence shapes of real reporting that are sanctions (round 10 on; the rest are in
:mod:`kg.extract.frames`, which appends these to its ``FRAMES``): each is a regular
expression, the status it means and how its actors are found (``object``, ``passive``: see
:mod:`kg.extract.frames`).

>>> [(m.group(), str(s)) for rx, s, _ in MORE_FRAMES
...  for m in [rx.search("Nine MPs are now under Canadian sanctions.")] if m]
[('are now under Canadian sanctions', 'imposed')]
"""

from __future__ import annotations

import re

from kg.model.vocab import Status

__all__ = ["MORE_FRAMES", "frozen_assets"]


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


#: A verb of promising an answer, and (a lookahead) the owned sanction noun answered after
#: it ("vowed to respond to the latest EU sanctions", "vowed retaliation for the European
#: sanctions"): the two answer frames below.
_VOW = r"(?:vow(?:s|ed)?|pledg(?:e|es|ed)|promis(?:e|es|ed)|threaten(?:s|ed)?)"
_OWNED_AHEAD = (r"(?=(?:[\w-]+\s+){0,2}?(?:[A-Z][\w.]*|\w+['’]s)\s+(?:[\w-]+\s+)?(?:sanctions|"
                r"measures|penalties|restrictions))")

#: (pattern, status, mode), as :data:`kg.extract.frames.FRAMES`.
MORE_FRAMES: list[tuple[re.Pattern[str], Status, str]] = [
    # "harsher sanctions would follow if Ankara did not change course": more measures
    # promised on a condition, a threat
    # ("a second, harsher round would follow after 90 days if ...")
    (_rx(r"\b(?:further|more|harsher|tougher|additional|stronger|wider|new)\s+(?:sanctions|"
         r"measures|penalties|steps|round|package)\s+(?:would|will|could|may|might)\s+(?:\w+\s+)?"
         r"follow\b(?=[^.;]*\b(?:if|unless|should|in case)\b)"),
     Status.THREATENED, "passive"),
    # round 13: "every sanction will return if Iran breaks any of the conditions", "the
    # sanctions would snap back should Tehran ...": relief that can be undone, a threat
    (_rx(r"\b(?:sanctions?|measures|embargo)\s+(?:will|would|could|can)\s+(?:automatically\s+)?"
         r"(?:return|snap\s+back|be\s+(?:reimposed|restored|reinstated))\b"
         r"(?=[^.;]*\b(?:if|unless|should|in case)\b)"), Status.THREATENED, "passive"),
    # round 13: "warned that more sanctions could follow", "further measures may follow":
    # more measures held out as possible, a threat with no condition needed
    (_rx(r"\b(?:further|more|harsher|tougher|additional|stronger|wider|new)\s+(?:sanctions|"
         r"measures|penalties|steps)\s+(?:could|may|might)\s+(?:\w+\s+)?follow\b|\bwarn(?:s|ed|"
         r"ing)?\s+(?:that\s+)?(?:further|more|harsher|tougher|additional|new)\s+(?:sanctions|"
         r"measures|penalties)\s+(?:would|will)\s+(?:\w+\s+)?follow\b"),
     Status.THREATENED, "passive"),
    # round 14: "Berlin and Paris have stopped arms sales to Turkey", "suspended weapons
    # deliveries to Saudi Arabia", "halted sales of military equipment to Turkey": an arms
    # embargo told by the trade it stops (the buyer after "to")
    (_rx(r"\b(?:suspend(?:s|ed|ing)?|halt(?:s|ed|ing)?|stop(?:s|ped|ping)?|froze|frozen|"
         r"freez(?:e|es|ing)|ban(?:s|ned|ning)?|block(?:s|ed|ing)?)\s+(?:(?:all|new|further|"
         r"its|their|the|planned|future|every|any|and|,)\s*)*(?:(?:arms|weapons?|military|"
         r"defen[cs]e)(?:\s+equipment)?\s+(?:sales|exports?|deliveries|supplies|shipments|"
         r"transfers)|(?:sales|exports?|deliveries|supplies|shipments|transfers)\s+of\s+(?:arms|"
         r"weapons|military\s+(?:equipment|goods|hardware)))(?=\s+(?:to|for)\s)"),
     Status.IMPOSED, "object"),
    # round 14: "has withdrawn the US entry visa of Fatou Bensouda", "cancelled the visas of
    # three diplomats": an entry ban (kg.extract.frames reads "revoked"/"suspended")
    (_rx(r"\b(?:withdr(?:aw|aws|awn|ew|awing)|cancel(?:s|l?ed|l?ing)?)\s+(?:the\s+|their\s+|"
         r"its\s+)?(?:U\.?S\.?\s+|American\s+|British\s+)?(?:entry\s+)?visas?\s+(?:of|for)(?=\s)"),
     Status.IMPOSED, "object"),
    # round 14: "will answer the EU's sanctions by imposing its own on the European
    # individuals concerned": the measure left unsaid after "its own"
    (_rx(r"\b(?:impos(?:e|es|ed|ing)|adopt(?:s|ed|ing)?|introduc(?:e|es|ed|ing)|"
         r"announc(?:e|es|ed|ing))\s+(?:its|their)\s+own(?=\s+(?:on|against)\b)"),
     Status.IMPOSED, "object"),
    # round 14: 'Washington began the "snapback" on August 20', "triggered the snapback of UN
    # sanctions": the sanctions lifted under a deal restored, imposed
    (_rx(r"\b(?:trigger(?:s|ed|ing)?|invok(?:e|es|ed|ing)|initiat(?:e|es|ed|ing)|launch(?:es|ed|ing)?|"
         r"beg[ia]n|begins|start(?:s|ed|ing)?|activat(?:e|es|ed|ing))\s+(?:the\s+)?[\"“]?snap-?back\b"
         r"[\"”]?(?:\s+(?:mechanism|of\s+(?:the\s+)?(?:UN\s+|U\.N\.\s+)?sanctions))?"),
     Status.IMPOSED, "object"),
    # round 14: "Britain unfroze 300 million pounds of Libyan assets": an asset freeze lifted
    (_rx(r"\bunfr(?:oze|eeze|eezes|eezing|ozen)\b(?=[^.;]{0,50}?\bassets\b)"), Status.LIFTED,
     "object"),
    # round 13: "has shut Guinea-Bissau out of every body in which it takes decisions",
    # "expelled Niger from the bloc": a suspension told by its effect, the state after
    (re.compile(r"\b(?:shut(?:s|ting)?(?=(?:\s+[A-Z][\w’'-]*){1,3}\s+out\s+of\s+(?:all|"
                r"every|its|the)\b)|expel(?:s|led|ling)?(?=(?:\s+[A-Z][\w’'-]*){1,3}\s+from\s+"
                r"(?:all\s+|every\s+)?(?:the\s+|its\s+)?(?:[A-Z]|bloc|body|bodies|union)))"),
     Status.IMPOSED, "object"),
    # round 13: "Aid to Mali other than humanitarian help has already been halted by the
    # United States, France and the European Union": aid withheld, in the passive
    (_rx(r"\b(?:aid|assistance)\s+to\s+[^.;]{0,60}?\b(?P<t>(?:has|have|had|was|were)\s+(?:\w+\s+)?"
         r"(?:been\s+)?(?:halted|suspended|cut|frozen|stopped|withheld))(?=\s+by\b)"),
     Status.IMPOSED, "passive"),
    # round 13: "announced the expulsion of 10 diplomats and the blacklisting of 30 companies",
    # "the designation of five firms": a listing told by its noun, the listed after "of"
    (_rx(r"\b(?:blacklisting|sanctioning|designation|freezing\s+of\s+(?:the\s+)?assets)\s+of(?=\s+"
         r"(?!the\s+(?:group|movement|organi[sz]ation)\s+as\b))"), Status.IMPOSED, "object"),
    # "the AU had frozen Sudan's participation in its activities": a suspension
    (_rx(r"\b(?:froze|frozen|freez(?:e|es|ing)|suspend(?:s|ed|ing)?)\b(?=\s+(?:the\s+)?[A-Z][\w-]*"
         r"(?:['’]s)?\s+(?:participation|membership)\b)"), Status.IMPOSED, "object"),
    # round 13: "The Kremlin vowed to respond to the latest EU sanctions": a threat to answer
    # (its target the owner of the measure answered, after the verb)
    (_rx(r"\b(?:" + _VOW + r"\s+to|would|will)\s+(?:respond|retaliate|hit\s+back|answer)(?:\s+"
         r"in\s+kind)?\s+(?:to|against|at|for)\s+(?:the\s+)?" + _OWNED_AHEAD),
     Status.THREATENED, "object"),
    # round 13: "more sanctions on Russia's energy sector were under consideration": a step
    # in preparation
    (_rx(r"\b(?:sanctions|measures|penalties)\s+(?:on|against)\s+[^.;]{1,60}?\s+(?:is|are|were|was)"
         r"\s+(?:now\s+|also\s+)?under\s+(?:consideration|discussion|preparation)\b"),
     Status.EXPECTED, "passive"),
    # round 13: "Tehran has vowed retaliation for the European sanctions": a threat to answer
    (_rx(r"\b" + _VOW + r"\s+(?:swift\s+|firm\s+|a\s+(?:firm\s+|strong\s+|swift\s+)?)?(?:"
         r"retaliation|response|reprisals?|countermeasures)\s+(?:for|against|to)\s+(?:the\s+)?"
         + _OWNED_AHEAD), Status.THREATENED, "object"),
    # "Seventeen Saudi nationals are now under Canadian sanctions", "five banks are subject
    # to EU sanctions": the targets before, the owner of the noun imposes
    (_rx(r"\b(?:is|are|was|were|be|been)\s+(?:now\s+|also\s+|already\s+)?(?:under|subject\s+"
         r"to)\s+(?:new\s+)?(?:[A-Z][\w.-]*\s+){0,3}?(?:sanctions|an?\s+(?:asset\s+freeze|travel\s+"
         r"ban|entry\s+ban))\b"), Status.IMPOSED, "passive"),
    # "More sanctions will follow in the coming weeks": the actor's next step announced
    (_rx(r"\b(?:more|further|additional|new)\s+sanctions\s+(?:will|are\s+to)\s+follow\b"
         r"(?![^.;]*\b(?:if|unless|should)\b)"), Status.EXPECTED, "passive"),
    # "Beijing had earlier threatened to punish U.S. companies": a threat with no noun
    (_rx(r"\bthreat(?:en|ens|ened|ening)\s+to\s+(?:punish|penali[sz]e|retaliate\s+against|"
         r"hit\s+back\s+at)\b"), Status.THREATENED, "object"),
    # "Moscow barred the bulk of imported food from the European Union": a trade ban on the
    # states the goods come from
    (_rx(r"\b(?:barred|banned|bans|bars|barring|banning|blocked|prohibited)\s+(?:the\s+bulk\s+"
         r"of\s+|most\s+|all\s+|some\s+)?(?:[\w-]+\s+){0,2}?(?:imports?|food|foodstuffs|goods|"
         r"products|produce)(?=\s+(?:[\w-]+\s+){0,3}?from\s+(?:the\s+)?[A-Z])"),
     Status.IMPOSED, "object"),
    # "warned it could take the relief back should the agreement collapse": re-imposition
    # threatened on a condition
    (_rx(r"\b(?:take|took|taking|takes)\s+(?:the|its|this|that)\s+(?:relief|easing|licen[cs]e|"
         r"waiver)\s+back\b(?=[^.;]*\b(?:if|should|unless)\b)|\brevers(?:e|es|ed|ing)\s+(?:the|"
         r"its|this|that)\s+(?:relief|easing|decision)\b(?=[^.;]*\b(?:if|should|unless)\b)"),
     Status.THREATENED, "passive"),
    # "Obama signed a law punishing Venezuelan officials", "the Senate passed a bill
    # sanctioning ...": a law, order or decree adopted whose participle is the measure
    (_rx(r"\b(?:signed|enacted|passed|issued|adopted|approved)\s+(?:into\s+law\s+)?(?:a|an|the)\s+"
         r"(?:new\s+)?(?:[\w-]+\s+)?(?:law|bill|act|legislation|executive\s+order|decree|"
         r"ordinance)\s+(?:punishing|sanctioning|penali[sz]ing|blacklisting|that\s+(?:punishes|"
         r"sanctions|penali[sz]es|blacklists))\b"), Status.IMPOSED, "object"),
    # round 12: "added to its sanctions list 22 individuals and three entities": the listed
    # after the list
    (_rx(r"\badd(?:s|ed|ing)?\s+to\s+(?:its|their|the)\s+(?:[\w-]+\s+){0,2}?(?:sanctions?|"
         r"stop|entry[- ]ban|black)[- ]?list\b"), Status.IMPOSED, "object"),
    # round 12: "A further 21 people were listed by OFAC", "both already sanctioned by the
    # United States", "officials have been targeted by Washington": a listing in the passive
    # with its agent (the listed before, the agent after "by")
    (_rx(r"\b(?:(?:were|was|been|are|is|be)\s+(?:\w+ly\s+|also\s+|already\s+|now\s+)?|"
         r"already\s+|previously\s+)(?:listed|sanctioned|targeted|designated|blacklisted)"
         r"(?=\s+by\s+(?:the\s+)?(?-i:[A-Z]))"), Status.IMPOSED, "passive"),
    # round 12: "the sanctions the EU imposed in July", "sanctions that the European Union,
    # the United States and Canada have already imposed", "the sanctions Canberra has put
    # on it": a measure its imposers keep, told in a relative clause (the trigger is the
    # verb, group ``t``; its subject imposes). kg.extract.relative reads most relative
    # clauses; this one adds those with "put" and a pronoun target, which it does not.
    (re.compile(r"\b(?i:sanctions|measures|restrictions|penalties|embargo(?:es)?|bans|curbs)"
                r"\s+(?:that\s+|which\s+)?(?:the\s+)?(?-i:[A-Z][\w.'’-]*)(?:\s+(?-i:[A-Z]"
                r"[\w.'’-]*)){0,3}(?:,?\s+(?:and\s+)?(?:the\s+)?(?-i:[A-Z][\w.'’-]*)(?:\s+"
                r"(?-i:[A-Z][\w.'’-]*)){0,3}){0,4}\s+(?:(?:has|have|had)\s+)?(?:(?:already|also|"
                r"now|first)\s+)?(?P<t>imposed|adopted|placed|put|levied|slapped|introduced)\b"
                r"(?=\s+(?:on|against)\s+(?!(?i:Monday|Tuesday|Wednesday|Thursday|Friday|"
                r"Saturday|Sunday|January|February|March|April|May|June|July|August|September|"
                r"October|November|December)\b|\d))"),
     Status.IMPOSED, "object"),
]


_FROZEN = _rx(r"\b(?:were|was|will\s+be|would\s+be|(?:have|has|had)\s+(?:\w+\s+)?been|are|is|be|"
              r"being|(?:are|is)\s+to\s+be)\s+(?:\w+ly\s+)?frozen\b")
#: What is frozen, earlier in the clause ("The assets of 12 officials were frozen").
_ASSETS_BEFORE = _rx(r"\b(?:assets|funds|accounts|property|properties|holdings)\b[^.;:]{0,100}$")
_HAD_FROZEN = _rx(r"\b(?:had|have|has|will\s+have|would\s+have)\s+(?:all\s+)?(?:their|its|his|"
                  r"her)\s+(?:[\w-]+\s+){0,2}?(?:assets|funds|accounts)\s+(?:\w+ly\s+)?frozen\b")


#: The agent right after the verb ("were frozen by the EU"); with no agent, the freeze is
#: most often a detail of a measure the article has told already.
_BY = re.compile(r"\s+(?:\w+ly\s+)?by\s+(?:the\s+)?[A-Z]")


def frozen_assets(text: str) -> list[tuple[int, int, Status, str, str]]:
    """Asset freezes told in the passive with their agent, as (start, end, status, words,
    mode) of :class:`kg.extract.frames.Anchor`: "The assets of 12 officials were frozen by
    the EU", "1,000 companies had their assets frozen by the EU". Each is ``imposed``, mode
    ``passive`` (the owners of the assets, before, are the targets; the agent after "by"
    imposes). Without an agent ("Russian state assets will be frozen") the freeze was most
    often a detail of a measure told before: counted as a separate event it cost precision
    on the frozen split (312/420 -> 318/435 of 532 imposers+status), so it is left out."""
    if "frozen" not in text.lower():
        return []  # both patterns need the word
    out = [(m.start(), m.end(), Status.IMPOSED, m.group(), "passive")
           for m in _HAD_FROZEN.finditer(text) if _BY.match(text, m.end())]
    for m in _FROZEN.finditer(text):
        if _ASSETS_BEFORE.search(text, 0, m.start()) and _BY.match(text, m.end()) and not any(
                s <= m.start() < e for s, e, *_ in out):
            out.append((m.start(), m.end(), Status.IMPOSED, m.group(), "passive"))
    return out
