"""Sanctions events in one sentence: trigger, status, imposers, targets, reasons, date.

A sanction is found where a trigger verb governs a sanction noun ("imposed sanctions",
"lifted nuclear-related sanctions", "hit back with sanctions") or where a verb is the
sanction by itself ("sanctioned", "blacklisted", "froze the assets of"). Words before the
verb in the same clause can change the status ("is expected to impose": expected;
"threatened to impose": threatened), cancel it ("did not impose", "refused to") or make it
someone else's call ("urged the EU to impose"). Imposers are the coordinated actors nearest
before the verb (after "by" in the passive); targets follow "on"/"against" (or the verb);
reasons follow a cue ("over", "for", "because of", ...).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from kg.extract.actors import Mention
from kg.extract.after import TARGET_KINDS as _TARGET_KINDS
from kg.extract.after import anti_targets, target_end, targets_after
from kg.extract.agents import IMPOSER_KINDS, passive_imposers
from kg.extract.anchors import (
    anchors,
    clause_start,
    coordinated,
    forward_list,
    object_of_verb_before,
)
from kg.extract.context import Doc, Resolved
from kg.extract.coord import next_limit, same_subject
from kg.extract.dates import find_dates
from kg.extract.fields import Event, background_targets, date_of, reasons_of, topic_targets
from kg.extract.frames import capitalised_names, noun_subject_targets
from kg.extract.groups import ruling
from kg.extract.lexicon import (
    ABSTAINING,
    CAPABILITY,
    CONDITION,
    FACE_THREAT,
    FRAMEWORK,
    NEGATION,
    ON_AFTER,
    OPPOSED,
    REPORTED_WOULD,
    SANCTION_NOUN,
    STANDALONE,
    STATUS_MODIFIERS,
    call_cue,
    conditional,
)
from kg.extract.modals import RELIEF_EXPECTED, planned
from kg.extract.owners import NP_ON, not_the_actor, np_answered, np_imposers
from kg.extract.refer import SUBJECT_FIRST, act_subject, is_venue, refers_back, resolve
from kg.extract.targets import not_a_target
from kg.extract.text import Sentence
from kg.model.vocab import Reason, Status
from kg.resolve.classify import classify_reason
from kg.resolve.resolver import BLOCS

__all__ = ["NO_TARGET", "Event", "find_events"]

#: The skip note of a trigger with an imposer but no target.
NO_TARGET = "no target found"

_OFFICE_AFTER = re.compile(r"\s+(?:[a-z-]+\s+){0,2}(?:ministry|government|cabinet|council|"
                           r"authorities|administration|foreign ministry)\b")
_COORDINATION = re.compile(r"\b(?:and|but|then|before|after)\b")

_NOMINAL_BEFORE = re.compile(r",\s+(?:a|an)\s+(?:[\w-]+\s+)?$", re.I)
_WHICH_BEFORE = re.compile(r",\s*which\s+(?:also\s+|has\s+|have\s+|had\s+)?$", re.I)
_MODAL_AFTER = re.compile(r"\s+(?:would|could|might|may|will)\b", re.I)
_PARTLY = re.compile(r"\b(?:some|part|parts|certain|several|a number) of\b|\bpartly\b|\blimits?\b|"
                     r"\bpartially\b", re.I)
#: Between an actor and the trigger: a predicate, then ", and" (a second predicate begins).
_SECOND_PREDICATE = re.compile(r"\s+[a-z][^,;]*,\s+and\s+(?:\w+ly\s+)?$")
_IMPOSER_KINDS = IMPOSER_KINDS
_ON_BEFORE = re.compile(r"\b(?:on|against)\s+(?:the\s+)?$", re.I)
_ANSWER_AT = re.compile(r"(?:hit\w*\s+back\s+at|retaliat\w+\s+against)\s", re.I)
#: "to" after an object-taking trigger, before a lower-case word that opens its target.
_TO_AFTER = re.compile(r"\s+(?:\w+ly\s+)?to\s+(?=[a-z])")


def find_events(sent: Sentence, ms: list[Mention], doc: Doc) -> list[Event]:
    """The sanctions events of one sentence (``ms``: its mentions, offsets in the sentence)."""
    text, low, ms = sent.text, sent.text.lower(), [ruling(m) for m in ms]
    dates = find_dates(text, doc.ref)
    events: list[Event] = []
    found = anchors(text, ms, relief=doc.relief_seen)
    for n_anchor, (a_start, a_end, status, words, mode) in enumerate(found):
        passive = mode == "passive"
        limit = next_limit(found, n_anchor, status, len(text))
        ex: dict[str, Any] = {"sentence": sent.index, "trigger": {"words": words,
                                                                   "status": str(status)}}
        conf = 0.6
        cstart = clause_start(text, a_start)
        pre = low[max(cstart, a_start - 60):a_start]
        # A modal or negation before a coordinated verb ("would respond and announced
        # sanctions") governs that verb, not the trigger: look only past the last "and".
        pre = _COORDINATION.split(pre)[-1]
        neg = NEGATION.search(pre) or OPPOSED.search(pre) or CAPABILITY.search(pre)
        if neg:
            doc.note_skip(sent.index, text[cstart:a_end], f"negated by {neg.group()!r}")
            continue
        if passive and SANCTION_NOUN.match(words) and re.search(r"\b(?:such|any)\s+$", pre):
            # "before such measures were adopted": measures in general, none in particular
            doc.note_skip(sent.index, text[cstart:a_end], "sanctions spoken of in general")
            continue
        call = call_cue(pre, text)
        if call:
            doc.note_skip(sent.index, text[cstart:a_end], f"a call on others ({call.group()!r})")
            continue
        if status in (Status.IMPOSED, Status.EXPECTED) and not np_answered(mode, pre):
            for mstatus, rx in STATUS_MODIFIERS:
                mod = rx.search(pre)
                if mod and mod.group().lower() == "would" and not re.match(
                        r"brac|fac|risk", words, re.I) and REPORTED_WOULD.search(
                        low[:a_start]) and not CONDITION.search(low):
                    break  # "told reporters that Tokyo would freeze": backshifted "will"
                if mod:
                    status = mstatus
                    ex["status_modifier"] = mod.group()
                    conf -= 0.05
                    break
        elif status in (Status.LIFTED, Status.EASED, Status.EXTENDED):
            mod = RELIEF_EXPECTED.search(pre)
            if mod:  # "are expected to lift", "is set to extend": expected
                status = Status.EXPECTED
                ex["status_modifier"] = mod.group()
        part = _PARTLY.search(words) if status is Status.LIFTED else None
        if part:
            status = Status.EASED  # "lifted some of its sanctions on Syria": a partial lifting
            ex["status_modifier"] = part.group()
        if (plan := planned(status, text, pre, a_end)) is not None:
            status, ex["status_modifier"] = Status.EXPECTED, plan  # "will ... within days"
        iff = conditional(status, text, pre, a_end)
        if found[n_anchor].status in (Status.LIFTED, Status.EASED):
            # "will lift sanctions if ...": relief offered on a condition is expected
            if conditional(Status.IMPOSED, text, pre, a_end):
                status, ex["status_modifier"] = Status.EXPECTED, "relief on a condition"
        elif iff:  # "Should troops cross the border, ... will impose", "will impose ... if"
            status, ex["status_modifier"] = Status.THREATENED, iff
        if mode == "np" and _MODAL_AFTER.match(text, a_end):
            # "new British sanctions would be met with a firm response": a hypothesis
            doc.note_skip(sent.index, text[a_start:a_end], "sanctions spoken of as a "
                          "hypothesis (a modal verb follows)")
            continue
        subject_target = bool(re.match(r"brac|fac|risk", words, re.I))
        before = [i for i, m in enumerate(ms) if cstart <= m.start and m.end <= a_start]
        imposers: list[Resolved] = []
        targets: list[Resolved] = []
        by_end = a_end
        if passive or subject_target:
            imposers, by_end = passive_imposers(text, a_start, a_end, words, passive,
                                                subject_target, ms, doc, sent)
            if subject_target and FACE_THREAT.search(pre):
                # "... until July to offer a timetable or face", "or they will face"
                status = Status.THREATENED
        elif mode == "rel":  # "the sanctions those countries imposed": the clause's subject
            n_end = SANCTION_NOUN.match(text, a_start)
            for m in ms:
                if n_end and n_end.end() < m.start and m.end <= a_end and m.kind in (
                        "country", "pronoun"):
                    if _ON_BEFORE.search(text, 0, m.start):  # "sanctions on Belarus by the EU"
                        targets += resolve(m, doc, sent, ms, False)
                    else:
                        imposers += resolve(m, doc, sent, ms, True)
        elif mode == "np":  # "Washington's sanctions", "US and EU sanctions"
            imposers += np_imposers(text, a_start, a_end, ms, doc, sent)
        else:
            cands = [i for i in before if ms[i].kind in _IMPOSER_KINDS
                     and not (ms[i].kind == "person" and not ms[i].code)
                     and not not_the_actor(text, ms[i])
                     and not is_venue(text, ms[i].start, ms[i].how)  # "met in Paris"
                     and not ABSTAINING.match(text, ms[i].end)]
            if re.search(r"(?:,|\bby)\s*$", text[:a_start]) and words.split()[0].endswith("ing"):
                # ", announcing entry bans on ...", "by imposing": the main clause's subject acts
                subj = [i for i, m in enumerate(ms) if m.end <= a_start and
                        m.kind in _IMPOSER_KINDS and not (m.kind == "person" and not m.code)]
                cands = subj[:1] if subj else cands
            if not cands and re.match(r"\W*(?:and|then)\s", text[cstart:a_start]):
                # "The Chinese foreign ministry said ... and announced sanctions": the subject
                # of the sentence
                first = next((m for m in ms if m.kind in _IMPOSER_KINDS or (
                    m.kind == "demonym" and _OFFICE_AFTER.match(text, m.end))), None)
                if first is not None and first.kind == "demonym" and first.code:
                    cid = doc.country(first.code)
                    imposers += [Resolved(cid, first.text, "the subject of the sentence",
                                          first.start)] if cid else []
                elif first is not None:
                    imposers += resolve(first, doc, sent, ms, True)
            if not cands and (k := act_subject(text, a_start, ms)) is not None:
                cands = [k]  # "adopted a resolution that takes X off the list"
            which = _WHICH_BEFORE.search(text, 0, a_start)
            if not cands and which:
                # "alongside the US, Canada and the UK, which imposed new sanctions"
                cands = [i for i, m in enumerate(ms) if m.end <= which.start()
                         and m.kind == "country"][-1:]
            # "The Japanese government is weighing sanctions": the state whose office acts
            office = [ms[i] for i in before if ms[i].kind == "demonym" and ms[i].code
                      and _OFFICE_AFTER.match(text, ms[i].end)]
            cid = doc.country(office[-1].code or "") if office and not (cands or imposers) \
                else None
            if cid:
                imposers.append(Resolved(cid, office[-1].text, "the state whose office acts",
                                         office[-1].start))
            chain: list[Mention] = []
            if cands and _NOMINAL_BEFORE.search(text, 0, a_start):
                # "The administration granted a license ... in Venezuela, a modest easing of
                # sanctions": a noun in apposition; the subject of the clause acts
                chain = forward_list(ms, cands[0], text, a_start)
            elif cands:
                chain = coordinated(ms, cands[-1], text)
                earlier = [i for i in cands if ms[i].end <= chain[0].start]
                if earlier and object_of_verb_before(text, chain, a_start):
                    # "ECOWAS members kept Mali, Burkina Faso and Guinea suspended and
                    # imposed travel bans": the list is the object of the first verb; the
                    # subject before it imposes
                    chain = coordinated(ms, earlier[-1], text)
                elif earlier and _SECOND_PREDICATE.search(text, chain[-1].end, a_start) and \
                        SUBJECT_FIRST.match(text, 0, ms[earlier[0]].start):
                    # "ECOWAS leaders gave the soldiers holding Bazoum in Niger one week to
                    # free him, and ordered immediate sanctions": a second predicate of the
                    # sentence's subject, not of the actor inside the first one
                    chain = coordinated(ms, earlier[0], text)
            joined = re.search(r"\b(?:join|follow)(?:s|ed|ing)?\s+(?:the\s+)?$",
                               text[:chain[0].start]) \
                if chain else None
            if joined is not None:  # "Japan joined the US and Europe in imposing sanctions"
                chain = [m for m in ms if m.end <= joined.start() and m.kind in _IMPOSER_KINDS
                         and m.start >= cstart][-1:] + chain
            for m in chain:
                if m.kind in _IMPOSER_KINDS:
                    imposers += resolve(m, doc, sent, ms, True)
        if not imposers and not passive and doc.recent and mode != "np":
            # "The British-drafted text also renewed the arms embargo on Somalia": no actor
            # before the verb; the imposers of the event before act again
            # (not a measure named in passing, in a relative clause: the last actor's)
            prev = next((imps for imps, _t in reversed(doc.recent) if doc.last_state in imps),
                        doc.recent[-1][0])
            imposers = [Resolved(i, "", "no imposer in the sentence: the imposers of the "
                                 "event before", a_start) for i in prev]
            conf -= 0.15
        if (shared := same_subject(text, a_start, a_end, mode, events)) is not None:
            imposers = shared[0]  # "has frozen the assets of X and barred them": one subject
        inner = noun_subject_targets(text, words, a_start, a_end, ms) if passive else None
        if inner is not None:  # "Asset freezes and travel bans on 170 individuals will be ..."
            for m in inner:
                targets += resolve(m, doc, sent, ms, False)
            t_end = a_end
        elif passive or subject_target:
            orgs = capitalised_names(text, cstart, a_start, ms)
            mset = sorted([*ms, *orgs], key=lambda m: m.start)
            cands = [i for i, m in enumerate(mset) if m.kind in _TARGET_KINDS
                     and cstart <= m.start and m.end <= a_start]
            if cands:
                for m in coordinated(mset, cands[-1], text):
                    targets += resolve(m, doc, sent, ms, False)
            t_end = max(a_end, by_end)
            on = ON_AFTER.match(text, a_end) if SANCTION_NOUN.match(words) else None
            if not targets and on:  # "Sanctions were imposed on three Iranian firms": after
                t_end = target_end(text, on.end(), limit, ms)
                targets = targets_after(text, on.end(), t_end, ms, doc, sent)
        else:
            t_lo = a_end
            if words.lower().startswith(("threat", "warn")):  # "warned Ankara of sanctions"
                obj = [m for m in ms if a_start < m.start < a_end and m.kind in _TARGET_KINDS]
                if obj and re.search(r"\b(?:with|of)\b", text[obj[-1].end:a_end]):
                    for m in obj:
                        targets += resolve(m, doc, sent, ms, False)
                    t_lo = -1
            if mode == "object" or STANDALONE.fullmatch(words):
                am = re.match(r"\s+(?:all\s+)?(?:the\s+)?(?:\w+\s+)?assets\s+(?:of|held (?:in "
                              r"\w+ )?by|belonging to)\s+",
                              text[a_end:])
                t_lo = a_end + (am.end() if am else 0)
                if tm := _TO_AFTER.match(text, t_lo):
                    t_lo = tm.end()  # "shut its borders to eight officials" (not "to" + verb)
            elif mode == "np":
                pm = NP_ON.match(text, a_end)
                t_lo = pm.end() if pm else -1
                if not pm:  # "Tokyo's Russia sanctions": the country named inside
                    targets += [r for m in ms if a_start < m.start and m.end <= a_end
                                and m.kind == "country" and not m.possessive
                                for r in resolve(m, doc, sent, ms, False)]
            else:
                preps = "on|against|targeting|at|upon|over"
                if re.search(r"suspension|imports?|exports?|purchases|blacklist", words, re.I):
                    preps += "|of|from"
                elif status is Status.EXTENDED or re.match(r"expand|broaden", words, re.I):
                    preps += "|to"
                for pm in re.finditer(rf"\b(?:{preps})\b", text[a_end:a_end + 50]):
                    p = a_end + pm.start()
                    if any(d.start == p for d in dates) or pm.group() == "over":
                        continue
                    t_lo = a_end + pm.end()
                    if pm.group() == "to" and re.search(r"\b(?:it|they|which)\s", text[a_end:p]):
                        t_lo = -1  # "renewed the restrictions it applies to Russia": no widening
                    elif pm.group() == "to":  # "extended sanctions to 20 more officials"
                        status = Status.IMPOSED
                    break
                else:
                    t_lo = -1
                    # "imposed new Myanmar sanctions": the state named inside; "hit back at
                    # the EU with sanctions": the one answered (a bloc too)
                    answer = _ANSWER_AT.match(words)
                    targets += [r for m in ms if mode == "verb" and a_start < m.start
                                and m.end <= a_end
                                and m.kind == "country" and not m.possessive
                                and (m.code not in BLOCS or answer)
                                for r in resolve(m, doc, sent, ms, False)]
            t_end = target_end(text, t_lo, limit, ms) if t_lo >= 0 else a_end
            if t_lo >= 0 and not targets:
                targets = targets_after(text, t_lo, t_end, ms, doc, sent)
        targets = shared[1] if shared is not None and shared[1] else targets
        imposer_ids = {r.id for r in imposers}
        targets = [t for t in targets if t.id not in imposer_ids]  # then the fallbacks
        if not targets:  # "its anti-Russian sanctions": the state they are against
            targets = anti_targets(text, a_start, a_end, doc, imposer_ids)
        if mode == "np" and not targets and refers_back(text, a_start, imposer_ids, doc):
            doc.note_skip(sent.index, text[a_start:a_end], "refers to sanctions reported before")
            continue
        if imposers and not targets and mode != "rel":
            # "Once Iran met its commitments, the EU took the steps needed to lift the
            # nuclear-related sanctions": the state named first in the sentence
            first = next((m for m in ms if m.kind in ("country", "demonym") and m.code and
                          len(m.code) == 2 and m.code not in BLOCS
                          and m.code not in imposer_ids and not not_a_target(text, m)
                          and not is_venue(text, m.start, m.how)), None)
            if first is not None:
                targets += [replace(r, how=r.how + " (no target after the trigger: the first "
                                    "other state in the sentence)")
                            for r in resolve(first, doc, sent, ms, False)]
                conf -= 0.15
        if mode == "rel" and imposers and not targets:
            targets = background_targets(text, a_start, imposer_ids, events, doc)
        elif imposers and not targets and mode != "np" and not FRAMEWORK.search(words):
            # "ECOWAS had imposed a trade and financial embargo in January": the state the
            # article is about
            targets = topic_targets(imposer_ids, doc)
            conf -= 0.15
        targets = list({t.id: t for t in targets if t.id not in imposer_ids}.values())
        imposers = list({r.id: r for r in imposers}.values())
        if not imposers or not targets:
            doc.note_skip(sent.index, text[cstart:t_end].strip(),
                          "no imposer found" if not imposers else NO_TARGET)
            continue
        if any("=" in r.how or "together before" in r.how for r in imposers):
            conf -= 0.1
        else:
            conf += 0.1
        conf += 0.1 if any(not t.id.endswith(("officials", "individuals")) for t in targets) else 0
        ev = Event(sent, (a_start, a_end), status, imposers, targets, explain=ex)
        # a background sanction answered ("in retaliation for the sanctions X imposed") is
        # not itself retaliation: its reasons are read from the clause on
        reasons_of(ev, text[:max(limit, t_end)], a_start if mode == "rel" else cstart, t_end,
                   words)
        if not ev.reasons and ex.get("status_modifier") == "a condition before the clause":
            # "Should troops cross the border, ... will impose": the condition is the reason
            cond = classify_reason(text[:text.find(",", 0, a_start) + 1], pick="first")[0]
            if cond.reason is not Reason.OTHER:
                ev.reasons.append((cond.reason, None))
                ex["reasons"] = [{"category": str(cond.reason), "keyword": cond.words,
                                  "from": "the condition"}]
        conf += 0.05 if ev.reasons else 0
        date_of(ev, dates, doc)
        ev.confidence = round(max(0.05, min(0.95, conf)), 2)
        ex.update(imposers=[r.explain() for r in imposers],
                  targets=[r.explain() for r in targets], confidence=ev.confidence)
        doc.recent.append(([r.id for r in imposers], [t.id for t in targets]))
        doc.relief_seen = doc.relief_seen or status in (Status.LIFTED, Status.EASED)
        if mode != "rel":
            doc.last_state = imposers[0].id
        if len(imposers) > 1:
            doc.last_multi = [r.id for r in imposers]
        events.append(ev)
    return events
