"""Statements in one sentence: who said it, the stance, what it is about.

A statement needs a speech or stance verb ("said", "warned", "urged", "condemned",
"denies", "was cited by ... as saying") outside quotation marks and a speaker: the actor
after an inverted verb, the one before "was cited/quoted", the one after "according to", or
else the nearest actor before the verb. "he said" is the last person who spoke; "it said"
and "the statement" the speakers of the last statement; "the pair" the actors last named
together. News agencies are never speakers. A sentence holds one statement per clause (split
before "as he warned", "; ", ", but", ", which"); ", Zhao said." reports the whole sentence.

Kinds of speaker shape (tests in tests/extract/test_statement_kinds.py and ..._r8.py): a
negated speech verb is no statement; a speech verb coordinated with an earlier verb shares
its subject; a person in apposition is the speaker, not the body inside the apposition;
"X's government" speaks for X's state; an unnamed official is no speaker; a named person's
closing attribution after a reported view is a statement beside that view; a speech word
that says nothing (:func:`kg.extract.nothing_said.says_nothing`) is no verb; an office named back
("the minister said") is the person named with it before; a participle of judging after a
comma (", calling the decision illogical") is a second statement of the same speaker; an
imposer telling its own measure is the event's source, no statement (the shared cases).

Kinds of stance beyond the lexicon's cues: the speaker's own coming measure is a threat
(:mod:`kg.extract.stance`); a wrong named after the verb condemns, unless the speaker's own
measure in the sentence punishes it (then it supports); its own side's threatened measure
makes a neutral clause a threat; a person of a state whose decided measure the article
reports supports it (:func:`kg.extract.stance.imposing_side`). A threat word describing a
decided measure is no threat; a wrong in a name ("Human Rights Watch") or an accord is no
wrong; a call with an ultimatum threatens.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from kg.extract.about import sanctions_about
from kg.extract.actors import Mention
from kg.extract.context import Doc, Resolved
from kg.extract.continued import goes_on
from kg.extract.dates import find_dates
from kg.extract.events import Event
from kg.extract.lexicon import SPEECH, stance_of
from kg.extract.nothing_said import said_before
from kg.extract.offices import office_back
from kg.extract.speakers import (
    in_quotes,
    officials_state,
    resolve_speaker,
    says_nothing,
    speaker_mention,
)
from kg.extract.stance import (
    imposing_side,
    in_a_name,
    in_an_accord,
    is_forecast,
    names_decided,
    own_event_status,
    own_measure,
    ultimatum,
)
from kg.extract.text import Sentence
from kg.model.vocab import Reason, Stance
from kg.resolve.classify import classify_reason

__all__ = ["Said", "find_statements", "recheck_support"]

_SPLIT = re.compile(r";\s|,\s+but\s|,?\s+(?=(?:as|and|while)\s+(?:he|she|they|it)\s+"
                    r"(?:also\s+)?(?:warned|said|added|urged|threatened|insisted)\b)|"
                    r",\s+(?=which\s)|"
                    # "Zhao said ... and urged Washington to ...": a second verb, own stance
                    r"\s+(?=and\s+(?:(?:has|have|had)\s+)?(?:also\s+)?(?:urged|called\s+"
                    r"(?:on|for)|demanded|warned|vowed|threatened|condemned|denounced|welcomed|"
                    r"said)\b)")
#: "Washington condemned the step: Marco Rubio, the Secretary of State, posted ...": a name
#: after a colon opens a clause of its own speaker.
_COLON_NAME = re.compile(r":\s+(?=[A-Z][a-z]+\s+[A-Z][a-z]+,?\s)")
#: A participle of judging after a comma ("..., calling the decision illogical",
#: "..., denouncing the move", "..., warning of further reactions"): a second statement of
#: the clause's speaker ("..., warning they would not be embraced" reports the same words).
_PARTICIPLE = re.compile(r"(?:calling|describing|branding|denouncing|condemning|"
                         r"critici[sz]ing|accusing|urging|(?:warning|threatening)(?=\s+of\s+"
                         r"(?!a\b))|adding(?=\s+that\b))\b", re.I)
#: A relative clause of the speaker's own judgement ("which she called serious
#: interference", "which it condemned"), right after the words said.
_REL_PRONOUN_SPEECH = re.compile(r"which\s+(?:he|she|it|they)\s+(?:\w+ly\s+)?(?:called|"
                                 r"described|condemned|denounced|termed|branded)\b", re.I)
_REL_PRONOUN = re.compile(r"\b(?:that|which|what|who)\s+(?:it|he|she|they)\s+$", re.I)
#: People a wrong is done to, which alone name no wrong (kg/curated/reasons.yaml lists them
#: for reasons: "sanctions over the treatment of journalists").
_VICTIMS = re.compile(r"(?i:protesters|dissidents?|journalists?|activists?)")
#: "did not say", "would not comment": a negated speech verb is no statement.
_NEGATED = re.compile(r"\b(?:(?:did|does|do|would|could|will|has|have|had)\s+not|"
                      r"(?:did|does|do|would|could|wo|has|have|had)n['’]t|never)\s+$", re.I)
#: "Venezuela has called the sanctions illegal and Russia agrees, Kremlin spokesman Ivan
#: Bor told journalists": a speech verb after a comma and a few words closing the sentence
#: reports it all, a statement of its own beside the view it reports.
_CLOSING = re.compile(r",\s+(?!\w+ing\b)(?:[\w.'’-]+\s+){1,8}$")
_CLOSING_TOLD = re.compile(r",\s+(?!\w+ing\b)(?:[\w.'’-]+\s+){0,8}$")  # also ", according to"


@dataclass
class Said:
    """A statement found in a sentence."""

    sentence: Sentence
    start: int
    end: int
    speakers: list[Resolved]
    stance: Stance
    anaphoric: bool
    about_actors: list[str] = field(default_factory=list)
    about_sanctions: list[int] = field(default_factory=list)
    """Indexes (into the article's events) of the sanctions it is about."""
    date: str | None = None
    explain: dict[str, Any] = field(default_factory=dict)
    confidence: float = 0.5


def _segments(text: str) -> list[tuple[int, int]]:
    cuts = [0]
    for m in sorted(itertools.chain(_SPLIT.finditer(text), _COLON_NAME.finditer(text)),
                    key=lambda x: x.start()):
        if text.startswith("and", m.end()) and not SPEECH.search(text, cuts[-1], m.start()):
            continue  # "endorsed the move and called on ...": one clause, no speech before
        cuts.append(m.end())
    cuts.append(len(text))
    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a]


def _answers(ev: Event) -> bool:
    """True if ``ev`` is a counter-measure (it answers another side's measure)."""
    return bool(ev.retaliation) or any(c == Reason.RETALIATION for c, _d in ev.reasons)


_PUNISHES = "(the wrong its own measure punishes)"
#: A call verb addressed to someone ("urged", "called on", "demanded", "asked"), not a
#: modal ("must", "should").
_ADDRESSED = re.compile(r"(?:urg|call|made the call|demand|ask|appeal|request)", re.I)
def recheck_support(said: list[Said], events: list[Event]) -> None:
    """Once the whole article is read: a statement that supported its own side's measure
    because of the wrong the measure punishes condemns instead when a later sentence shows
    that measure answers another side's ("Moscow said it had barred 150 British
    journalists ... The ministry called the move a response to London's hostile course").
    Changes ``said`` in place."""
    for st in said:
        cue = st.explain.get("stance", {}).get("cue", "")
        if st.stance is not Stance.SUPPORTS or not cue.endswith(_PUNISHES):
            continue
        if any(_answers(ev) and ev.sentence.index == st.sentence.index for ev in events):
            st.stance = Stance.CONDEMNS
            st.explain["stance"] = {"value": str(Stance.CONDEMNS),
                                    "cue": cue[: -len(_PUNISHES)] + "(a wrong named after "
                                    "the verb; its own measure answers another's)"}


def _said_inside(text: str, cue: re.Match[str], seg: tuple[int, int], pos: int) -> bool:
    """True if ``pos`` lies in the words said: inside quotation marks, or after the speech
    verb and before any "as"/"while"/"when" that returns to the narrative ("X said Britain
    must ban imports of Russian oil")."""
    if in_quotes(text, pos):
        return True
    return cue.end() <= pos < seg[1] and not re.search(r"\b(?:as|while|when|after)\b",
                                                       text[cue.end():pos])


def find_statements(sent: Sentence, ms: list[Mention], doc: Doc, events: list[Event],
                    sentence_events: list[int]) -> list[Said]:
    """The statements of one sentence; ``sentence_events`` index the events found in it."""
    text = sent.text
    out: list[Said] = []
    if not re.search(r"[.!?][”\"’)]*$", text):
        return out  # a headline or subheading sums up what follows; the body says it
    segs = _segments(text)
    for k, seg in enumerate(segs):
        prior: Said | None = None
        dropped: list[Resolved] = []  # the speakers of an own measure told (no statement)
        for cue in SPEECH.finditer(text, seg[0], seg[1]):
            if in_quotes(text, cue.start()) or _NEGATED.search(text, seg[0], cue.start()):
                continue
            if said_before(text, seg[0], cue):
                break  # "Ties worsened since Tanaka said ...": a past saying dates the clause
            if says_nothing(text, seg[0], cue):
                continue  # "its support for", "the so-called police", "accused of"
            if prior is not None and cue.group().lower() in ("calling", "branding", "terming"):
                continue  # (a judging participle after a statement tells that statement's view)
            hangs = (prior is not None or dropped) and _PARTICIPLE.match(
                text, cue.start()) and re.search(r",\s+$", text[seg[0]:cue.start()])
            closing = _CLOSING.search(text, seg[0], cue.start()) or (cue.group().lower() in (
                "said", "says") and re.search(r",\s+$", text[seg[0]:cue.start()]))  # ", said X"
            if prior is not None and not hangs and not closing:
                continue  # after a statement, only a closing attribution is another one
            if _REL_PRONOUN.search(text[seg[0]:cue.start()]):
                break  # "that it said had damaged": an attribution inside a clause
            speakers: list[Resolved] = []
            anaphoric = False
            if hangs:
                # "Ankara urged Washington to ..., calling the decision illogical": a participle
                # after a comma is the same speaker's, with its own stance (also after an own
                # measure told: "Mali has been suspended, the council announced, warning ...")
                speakers = list(prior.speakers if prior else dropped)
                how = "the speaker the participle hangs on"
                anaphoric = True
            elif out and re.fullmatch(r"\s*(?:and\s+)?(?:also\s+)?", text[seg[0]:cue.start()]):
                # "... and urged Washington to ...", "..., but argued that ...": the same
                speakers, how = list(out[-1].speakers), "the speaker of the clause before"
                anaphoric = True  # one statement with the clause before if the stance agrees
            else:
                got = speaker_mention(text, ms, seg, cue)
                back = office_back(doc, text[:cue.start()], cue.start()) if got is None \
                    else None
                if got is None and back is None:
                    continue
                chain, how = got or ([], "an office named back: the person named with it")
                if back is not None:
                    speakers.append(Resolved(back[0], back[1], how, back[2]))
                for m in chain:
                    r, ana = resolve_speaker(m, text, ms, doc, sent)
                    speakers += r
                    anaphoric = anaphoric or ana
            speakers = list({s.id: s for s in map(partial(officials_state, doc),
                                                  speakers)}.values())
            if not speakers or (prior is not None and not hangs and ([
                    s.id for s in prior.speakers] == [
                    s.id for s in speakers] or not all(s.id in doc.actors and doc.actors[
                    s.id].kind == "person" for s in speakers))):
                continue  # a closing attribution is a named person's
            if cue.group().lower().startswith(("threat", "vow")) and any(
                    events[i].status == "threatened" and {s.id for s in speakers}
                    <= {r.id for r in events[i].imposers} for i in sentence_events):
                break  # a state's threat of sanctions is the sanction record itself
            verb = text[cue.start():min(cue.end() + 25, seg[1])]
            said = text[seg[0]:seg[1]] if not hangs else text[cue.start():seg[1]]
            if k + 1 < len(segs) and _REL_PRONOUN_SPEECH.match(text, segs[k + 1][0]):
                # "Hua said the steps answer the Act, which she called serious interference":
                # the speaker's own relative clause tells the stance of the words said
                said = text[seg[0]:segs[k + 1][1]]
            if seg[0] and re.match(r"\s*which\b", said) and len(
                    text[cue.end():seg[1]].split()) <= 5 and re.search(
                    r",\s+(?:\S+\s+){1,8}$", text[seg[0]:cue.start()]):
                # "Beijing opposes the sales, which harm its security, Zhao said.": the
                # closing attribution reports the whole sentence
                said = text[:seg[1]]
            stance, scue = stance_of(verb, said.replace(cue.group(), " ", 1))
            if stance is Stance.THREATENS and (scue or "").lower().startswith("threaten") \
                    and not cue.group().lower().startswith("threaten"):
                # "said the arms sales threaten peace ...": a "threaten" the verb's window
                # cut short is read again with all its object ("threaten peace" condemns)
                stance, scue = stance_of(cue.group(), said.replace(cue.group(), " ", 1))
            if stance is Stance.THREATENS and scue and stance_of(verb, "")[0] is not stance \
                    and names_decided(text, seg, scue, events, sentence_events):
                stance, scue = Stance.OTHER, None
            own = {doc.actors[x.id].country or x.id if x.id in doc.actors else x.id
                   for x in speakers}
            if stance is Stance.CALLS_FOR and scue == "should" and is_forecast(said):
                stance, scue = Stance.EXPECTS, "should with a time (a forecast)"
            if stance is Stance.CALLS_FOR and ultimatum(said):
                stance, scue = Stance.THREATENS, "a call with an ultimatum"
            if stance in (Stance.OTHER, Stance.WARNS, Stance.CALLS_FOR):
                decided = [events[i].anchor[0] for i in sentence_events
                           if events[i].status not in ("threatened", "expected")]
                threat = own_measure(said, 0 if said.startswith(text[:seg[1]]) else seg[0],
                                      ms, doc, sent, own, decided)
                if threat and (stance is not Stance.CALLS_FOR or (
                        stance_of(verb, "")[0] is not stance
                        and said.find(threat) < said.lower().find((scue or "").lower()))):
                    # (a call in the words after the own side's measure: "answered that Israel
                    # would take steps ... and would urge its friends to impose sanctions")
                    stance, scue = Stance.THREATENS, f"{threat} (the speaker's own measure)"
            told = own_event_status(events, sentence_events, own, lambda a: (
                doc.actors[a].country or a) if a in doc.actors else a, seg)
            if stance is Stance.OTHER and told == "threatened":
                stance, scue = Stance.THREATENS, "its own side's measure, threatened"
            if stance is Stance.OTHER:
                # people a measure is taken against ("barred 150 citizens, lawmakers and
                # journalists among them") are no wrong the speaker names; an act against
                # them is ("the jailing of journalists": the lexicon's "jail" words)
                words = text[cue.end():seg[1]]
                first = next((r for r in classify_reason(words)
                              if not _VICTIMS.fullmatch(r.words or "")
                              and not in_a_name(words, r.words)
                              and not in_an_accord(words, r.words)),
                             classify_reason("")[0])
                cat, kw = first.reason, first.words
                if cat not in (Reason.OTHER, Reason.RETALIATION):
                    stance, scue = Stance.CONDEMNS, f"{kw} (a wrong named after the verb)"
                    if any(events[i].status in ("imposed", "extended") and own & {
                            r.id for r in events[i].imposers} and _said_inside(
                            text, cue, seg, events[i].anchor[0])
                            and not _answers(events[i]) for i in sentence_events):
                        # "Beijing said its halt to coal purchases showed it was serious
                        # about punishing Pyongyang for its nuclear programme": the wrong
                        # justifies the speaker's own measure, which it supports (not when
                        # that measure is a counter-measure: "said the European move was
                        # based on lies and announced sanctions in return" condemns;
                        # recheck_support looks again once later sentences are read)
                        stance, scue = Stance.SUPPORTS, f"{kw} {_PUNISHES}"
            if stance is Stance.CALLS_FOR and not _ADDRESSED.match(scue or "") and any(
                    events[i].status in ("imposed", "extended") and own & {
                        r.id for r in events[i].imposers}
                    and not _said_inside(text, cue, seg, events[i].anchor[0])
                    for i in sentence_events):
                # "These individuals must face consequences," the Treasury Secretary said as
                # the department sanctioned 17 people: the imposing side backs its measure (a
                # measure inside the words said is what the call asks for; a call addressed
                # to someone, "agreed to impose sanctions and called on their airlines to
                # avoid its airspace", is a call of its own)
                stance, scue = Stance.SUPPORTS, "speaks for the side imposing in this sentence"
            in_person = [s for s in speakers if s.id in doc.actors
                         and doc.actors[s.id].kind == "person"]
            if stance is Stance.OTHER and in_person and len(in_person) == len(speakers) \
                    and imposing_side(events, {x for x in own if len(x) == 2}, {
                        aid for m in ms if m.kind == "country" and cue.end() <= m.start < seg[1]
                        and (aid := doc.actor_of(m, sent.start))} if not any(
                        len(x) == 2 for x in own) else set(),
                        lambda a: doc.actors[a].kind if a in doc.actors else None):
                stance, scue = Stance.SUPPORTS, "a person of the state whose measure it is"
            if stance is Stance.OTHER and not anaphoric and not any(
                    r.id in doc.actors and doc.actors[r.id].kind == "person" for r in speakers
            ) and any(
                    {(doc.actors[r.id].country or r.id) if r.id in doc.actors else r.id
                     for r in events[i].imposers} == own
                    and (_said_inside(text, cue, seg, events[i].anchor[0]) or (
                        seg[0] <= events[i].anchor[0] < cue.start()
                        and _CLOSING_TOLD.search(text, events[i].anchor[1], cue.start())))
                    for i in sentence_events):
                # "West African leaders will shut their borders with Mali ..., the 15-nation
                # bloc said": the imposer telling its own measure is where the event comes
                # from, not a view of it (the event cites the sentence); it still spoke
                # last ("It added ..." is the bloc)
                _spoke(doc, [r.id for r in speakers])
                dropped = speakers
                continue
            st = Said(sent, seg[0], seg[1], speakers, stance, anaphoric)
            st.explain = {"sentence": sent.index, "verb": cue.group(), "speaker_how": how,
                          "speakers": [s.explain() for s in speakers],
                          "stance": {"value": str(stance), "cue": scue}}
            _about(st, text, ms, doc, events, sentence_events, speakers)
            if not st.about_sanctions and out and how == "the speaker of the clause before":
                # "The council endorsed the ECOWAS move and called on the UN to back it": the
                # clause joined by "and" is about what the clause before is about
                st.about_sanctions = list(out[-1].about_sanctions)
            dates = [d for d in find_dates(said, doc.ref)]
            st.date = dates[0].value if dates else doc.ref.isoformat()
            st.confidence = round(0.7 - (0.15 if anaphoric else 0) + (0.1 if scue else 0), 2)
            out.append(st)
            _spoke(doc, [s.id for s in speakers])
            if prior is not None:
                break
            prior = st
        if k and out and out[-1].start == segs[k - 1][0] and out[-1].end == seg[0] \
                and goes_on(text, segs[k - 1], seg):
            # "Settlers are eroding security, Cameron said; Israel must crack down on them":
            # the words after the semicolon are the same speaker's, with their own stance
            stance, scue = stance_of("", text[seg[0]:seg[1]])
            if stance is not Stance.OTHER:
                st = Said(sent, seg[0], seg[1], list(out[-1].speakers), stance, True)
                st.explain = {"sentence": sent.index, "verb": out[-1].explain.get("verb"),
                              "speaker_how": "the words go on after the attribution",
                              "speakers": [s.explain() for s in st.speakers],
                              "stance": {"value": str(stance), "cue": scue}}
                _about(st, text, ms, doc, events, sentence_events, st.speakers)
                st.date, st.confidence = out[-1].date, 0.6
                out.append(st)
    return out


def _about(st: Said, text: str, ms: list[Mention], doc: Doc, events: list[Event],
           sentence_events: list[int], speakers: list[Resolved]) -> None:
    seg = text[st.start:st.end]
    named = [(m.start - st.start, m.end - st.start, aid) for m in ms
             if m.kind == "country" and st.start <= m.start < st.end
             and (aid := doc.actor_of(m, st.sentence.start))]
    st.about_sanctions, why = sanctions_about(seg, st.sentence.index, st.stance, speakers,
                                              doc, events, sentence_events, named)
    if why:
        st.explain["about"] = {"id_index": st.about_sanctions[0], "why": why}
    spk = {s.id for s in speakers}
    for m in ms:
        if m.kind == "country" and st.start <= m.start < st.end and m.code:
            aid = doc.country(m.code)
            if aid and aid not in spk and aid not in st.about_actors:
                st.about_actors.append(aid)


def _spoke(doc: Doc, ids: list[str]) -> None:
    """Remember who spoke last (for "he said", "it added", "the two"): ``ids`` the speakers."""
    doc.last_speakers = ids
    if len(ids) > 1:
        doc.last_multi = doc.last_multi_speakers = ids
    persons = [s for s in ids if s in doc.actors and doc.actors[s].kind == "person"]
    if persons:
        doc.last_person = persons[-1]
    elif ids[0] in doc.actors and doc.actors[ids[0]].kind in ("state", "bloc"):
        doc.last_state = ids[0]
        doc.lead_state = None  # "the ministry" is now the state that spoke
