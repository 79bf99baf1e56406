"""A last resort for a sentence that names sanctions but where no trigger made an event:
"Sanctions on individuals remain in force", "Bern's measures against Syria stay". The
sanction noun stands for a measure in force (``imposed``); its imposer is the state that
owns it (a possessive, demonym or abbreviation just before it) or else the sentence's
subject; its targets follow "on"/"against"/"targeting", else the state the article is
about. Such events get a low confidence and say in ``explain`` that they come from here.
A definite noun phrase with no target of its own whose owner already imposed sanctions in
the article ("the European sanctions were based on lies") refers back to them: no event.
"""

from __future__ import annotations

import re

from kg.extract.actors import Mention
from kg.extract.context import Doc, Resolved
from kg.extract.dates import find_dates
from kg.extract.fields import Event, date_of, reasons_of, topic_targets
from kg.extract.lexicon import (
    NEGATION,
    SANCTION_NOUN,
    SPEECH,
    STATUS_MODIFIERS,
    call_cue,
)
from kg.extract.refer import refers_back
from kg.extract.text import Sentence
from kg.model.vocab import Status

__all__ = ["noun_only_event"]

_OWNER_GAP = re.compile(r"(?:['’]s|\.)?(?:\s+[\w-]+){0,2}\s+$")  # (".": "U.S. sanctions")
_SUBJECT = re.compile(r"\W*(?:(?:On|In|Late|Early)\s+[\w ]{1,25},\s+)?(?:the\s+)?$", re.I)
_TARGET_PREP = re.compile(r"\s+(?:imposed\s+)?(?:on|against|targeting)\s+(?:the\s+)?")
#: A sanction noun's past participle with no agent ("sanctions imposed on October 14",
#: "The sanctions, originally imposed to pressure ...").
_PARTICIPLE = re.compile(r",?\s+(?:(?:originally|first|initially|previously|earlier|already)\s+)?"
                         r"(?:imposed|introduced|slapped|reimposed)\b(?!\s+by\b)", re.I)
#: A measure coming into force after its noun phrase ("... took effect on Monday", "... are
#: now in force").
_IN_FORCE = re.compile(r"[^,;]{0,80}?\b(?:(?:took|takes|take) effect|(?:came|comes|come|entered|"
                       r"enters) into force|(?:went|goes) into effect|kick(?:s|ed) in|"
                       r"(?:are|is) now in (?:force|effect))\b", re.I)
#: The speaker closing the sentence (", the EU said", ", the Foreign Office announced"), which
#: may carry a clause of its own (", ECOWAS announced, after talks ended with no accord").
_SAID_BY = re.compile(r",\s+(?:the\s+)?[A-Z][^,;]{0,60}\s+(?:said|says|announced|confirmed)"
                      r"\b(?:[^,;]*$|,\s+(?:after|as|adding|citing|following|when|while)\b)")
_NOT_MEASURE = re.compile(r"\b(?:measures? (?:to|of|for)|sanctions? (?:relief|regime|law|"
                          r"policy|committee|list)|evad\w+|evasion|circumvent\w*)\b", re.I)

#: Words before the noun that make the sentence an opinion on sanctions, not a report of one
#: ("a joint statement condemning unilateral sanctions").
_OPINION = re.compile(r"\b(?:condemn\w*|denounc\w*|critici[sz]\w*|oppos\w*|reject\w*|"
                      r"welcom\w*|prais\w*|slam\w*|against|illegal|unilateral|any|more|"
                      r"further|new|tougher|possible)\b", re.I)


def noun_only_event(sent: Sentence, ms: list[Mention], doc: Doc) -> Event | None:
    """The measure a sentence names by a sanction noun alone, or None (see the module
    docstring). Call only for a sentence where :func:`kg.extract.events.find_events` found
    nothing and skipped nothing."""
    text = sent.text
    for n in SANCTION_NOUN.finditer(text):
        if n.group().lower() == "measures" or _NOT_MEASURE.match(text, n.start()):
            continue
        pre = text[max(0, n.start() - 60):n.start()].lower()
        in_force = _IN_FORCE.match(text, n.end())
        if NEGATION.search(pre) or (_OPINION.search(pre) and not in_force):
            continue
        part = _PARTICIPLE.match(text, n.end())
        if part and doc.recent:
            # "lift all the sanctions imposed on October 14", "The sanctions, originally
            # imposed to pressure the government ...": a measure in force the article has
            # been about, named by its noun and a past participle with no agent; its
            # imposers (and, unless "on X" follows, targets) are the last event's
            ev = _background(sent, n, part, ms, doc)
            if ev is not None:
                return ev
            continue
        if call_cue(pre, text) or any(rx.search(pre) for _s, rx in STATUS_MODIFIERS):
            continue
        imposers: list[Resolved] = []
        owner = [m for m in ms if m.end <= n.start() and m.kind in ("country", "demonym")
                 and m.code and _OWNER_GAP.fullmatch(text, m.end, n.start())]
        if owner:
            cid = doc.country(owner[-1].code or "")
            imposers = [Resolved(cid, owner[-1].text, "owner of the sanction noun",
                                 owner[-1].start)] if cid else []
        else:
            subj = next((m for m in ms if m.kind == "country" and m.code), None)
            if subj is not None and subj.start < n.start() and _SUBJECT.match(
                    text, 0, subj.start) and (
                    not SPEECH.search(text, subj.end, n.start())
                    or re.search(r"\b(?:its|their)\s+(?:[\w-]+\s+){0,3}$", pre)):
                # "Beijing said its halt to coal purchases ...": the speaker's own measure;
                # "Grenada's envoy said the embargo ...": not the speaker's
                cid = doc.actor_of(subj, sent.start)
                imposers = [Resolved(cid, subj.text, "subject of the sentence",
                                     subj.start)] if cid else []
        if not imposers and in_force and (said := _SAID_BY.search(text, in_force.end())):
            # "New sanctions on Russia took effect on Monday, the EU said": who reports its
            # own measure in force
            who = [m for m in ms if m.start >= said.start() and m.kind == "country" and m.code]
            cid = doc.actor_of(who[0], sent.start) if who else None
            imposers = [Resolved(cid, who[0].text, "who said the measure took effect",
                                 who[0].start)] if cid else []
        if not imposers:
            continue
        ids = {r.id for r in imposers}
        targets = _targets_after(sent, n.end(), ms, doc)
        if not targets and refers_back(text, n.start(), ids, doc):
            continue
        if not targets:
            targets = topic_targets(ids, doc)
        targets = [t for t in targets if t.id not in ids]
        if not targets:
            continue
        ev = Event(sent, (n.start(), n.end()), Status.IMPOSED, imposers, targets,
                   explain={"sentence": sent.index,
                            "trigger": {"words": n.group(), "status": "imposed",
                                        "from": "a sanction noun with no trigger verb"}})
        reasons_of(ev, text, 0, n.end(), n.group())
        date_of(ev, find_dates(text, doc.ref), doc)
        ev.confidence = 0.35
        ev.explain.update(imposers=[r.explain() for r in imposers],
                          targets=[r.explain() for r in targets], confidence=ev.confidence)
        doc.recent.append(([r.id for r in imposers], [t.id for t in targets]))
        return ev
    return None


def _targets_after(sent: Sentence, at: int, ms: list[Mention], doc: Doc) -> list[Resolved]:
    """The actor named right after "on"/"against"/"targeting" at ``at`` in ``sent``, if any."""
    tp = _TARGET_PREP.match(sent.text, at)
    return [Resolved(aid, m.text, m.how, m.start) for m in ms if tp and m.start == tp.end()
            and m.kind in ("country", "person", "group", "org")
            and (aid := doc.actor_of(m, sent.start))]


def _background(sent: Sentence, n: re.Match[str], part: re.Match[str], ms: list[Mention],
                doc: Doc) -> Event | None:
    """The ``imposed`` event of a sanction noun ``n`` with the agentless participle ``part``
    (see :func:`noun_only_event`): imposers of the article's last event; targets after
    "on"/"against" or else that event's; dated only by a date inside the participle's phrase
    (a standing measure otherwise has none)."""
    text = sent.text
    imp_ids, tgt_ids = doc.recent[-1]
    imposers = [Resolved(i, "", "no agent: the imposers of the event before", n.start())
                for i in imp_ids]
    targets = _targets_after(sent, part.end(), ms, doc)
    if not targets:
        targets = [Resolved(t, "", "the targets of the event before", n.start())
                   for t in tgt_ids]
    targets = [t for t in targets if t.id not in imp_ids]
    if not imposers or not targets:
        return None
    ev = Event(sent, (n.start(), part.end()), Status.IMPOSED, imposers, targets,
               explain={"sentence": sent.index,
                        "trigger": {"words": text[n.start():part.end()], "status": "imposed",
                                    "from": "a sanction noun and its past participle"}})
    phrase = re.split(r"[,;]", text[part.end():], maxsplit=1)[0]
    dates = find_dates(phrase, doc.ref)
    ev.date = dates[0].value if dates else None
    ev.confidence = 0.35
    ev.explain.update(imposers=[r.explain() for r in imposers],
                      targets=[r.explain() for r in targets], confidence=ev.confidence)
    doc.recent.append(([r.id for r in imposers], [t.id for t in targets]))
    return ev
