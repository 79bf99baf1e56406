"""A statistical second reader for sanctions events the hand-written rules miss.

The rules of :mod:`kg.extract.events` fire on a trigger verb governing a sanction noun; real
reporting often reports an event in shapes no rule covers ("the EU said Russia sanctions
would stay"). For a sentence where the rules made no event and set no trigger aside (see
:data:`MAY_READ`), this module asks two linear models, trained on the real-reporting DEV split of
benchmarks/extract_real/ (passages whose number is not a multiple of 3) and on
benchmarks/extract_dev/dev.yaml by ``benchmarks/train_extractor.py`` (scikit-learn
logistic regression; the weights are stored in ``kg/extract/data/event_model.json`` and
applied here in plain Python, a dot product over sparse binary features):

* **imposer model** (binary logistic regression), one candidate per actor mention that can
  impose (a state or bloc, also named by description or by its demonym, a person standing
  for their state, "it"/"they") in a sentence that names a measure
  (:data:`~kg.extract.lexicon.MODEL_CUE_STEMS`, :data:`~kg.extract.lexicon.MODEL_CUE_WORDS`;
  the verbs of :data:`~kg.extract.lexicon.MODEL_CHANGE_STEMS` count as cue words for the
  features only). Features: the two words before and after the mention; its kind (state,
  demonym, person, pronoun) and whether it is a bloc; its rank among the actors named and
  how many there are; whether it opens the sentence (the subject-ish position), is listed
  with others ("the US, the EU and Canada"), is possessive, is followed by "said", is a
  venue or a dateline city, is the dateline's state or the last state that acted before the
  sentence; the distance in words to the nearest cue word after and before it, that cue
  word, the words between it and the cue after, and whether those words hold a trigger verb
  of each status class (:data:`~kg.extract.lexicon.TRIGGERS`) or a verb of saying; whether
  the sentence is the article's first; and for the sentence: a negation, a call on others,
  a verb of saying, a quotation mark, the trigger classes and status modifiers it holds.
  Label in training: the actor imposes a gold event of the passage whose target the
  sentence names (or the rules made it impose there); an actor that imposes no gold event
  is a negative; an imposer whose event the sentence does not show, or an actor that is both
  imposer and target in the passage, is left out.
* **status model** (multinomial logistic regression) over the sentence: its words and
  word pairs, the four words before its first cue word and that word, the trigger and
  status-modifier classes of :mod:`kg.extract.lexicon` it holds, a negation. Label: the
  gold status of the events of a positive candidate (left out when they differ).

Every actor whose best mention scores at least the model's threshold (0.8, chosen by
5-fold passage-level cross-validation on the dev split, see the training script) imposes
(all such actors of a sentence: one event with several imposers); the status is the status
model's most probable class; the targets are the other states, groups, organisations and
people the sentence names after the cue (else before it), else the state the article is
about (:func:`~kg.extract.fields.topic_targets`);
reasons and date as for rule events. An event whose imposers and status an earlier event
of the article already has is not added again. Such events say in ``explain`` that they
come from the model, with its score, and get a lower confidence than rule events.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.errors import Problem
from kg.extract.actors import Mention
from kg.extract.context import Doc, Resolved
from kg.extract.dates import find_dates
from kg.extract.fields import Event, date_of, reasons_of, topic_targets
from kg.extract.lexicon import (
    MODEL_CHANGE_STEMS,
    MODEL_CUE_STEMS,
    MODEL_CUE_WORDS,
    NEGATION,
    SPEECH,
    STATUS_MODIFIERS,
    TRIGGERS,
    call_cue,
)
from kg.extract.refer import SUBJECT_FIRST, is_venue, resolve
from kg.extract.text import Sentence
from kg.model.vocab import Status
from kg.resolve.resolver import BLOCS

__all__ = ["MAY_READ", "MODEL_PATH", "Candidate", "EventModel", "bundled_model", "candidates",
           "first_cue", "read_before", "status_features"]

MODEL_PATH = Path(__file__).resolve().parent / "data" / "event_model.json"
"""The bundled weights, written by ``benchmarks/train_extractor.py``."""

_WORD = re.compile(r"[a-z0-9]+(?:[’'-][a-z0-9]+)*")
_SAID_AFTER = re.compile(r"\s*,?\s+(?:\w+ly\s+)?(?:said|says|announced|warned|added|told)\b",
                         re.I)
MAY_READ = ("no imposer found", "refers to sanctions reported before")
"""Skip notes after which the model may still read the sentence: the rules found a trigger
but no imposer, or took its noun for sanctions reported before."""
_DATELINE_AT = re.compile(r"(?:,\s*[A-Z][\w.]+)*\s*(?:\([^)]{1,20}\)\s*)?[-–—]")
_LIST = re.compile(r"\s*(?:,|and|, and|as well as)\s*(?:the\s+)?")
_IMPOSER_KINDS = ("country", "demonym", "person", "pronoun")
_TARGET_KINDS = ("country", "person", "group", "org")


@dataclass(frozen=True)
class Candidate:
    """One mention that may impose a sanction: the actor id it stands for and its features."""

    actor: str
    mention: Mention
    features: tuple[str, ...]


def _tokens(low: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(low)]


def _names_measure(word: str) -> bool:
    return word in MODEL_CUE_WORDS or word.startswith(MODEL_CUE_STEMS)


def _is_cue(word: str) -> bool:
    return _names_measure(word) or word.startswith(MODEL_CHANGE_STEMS)


def first_cue(text: str) -> tuple[int, int, str] | None:
    """The first cue word of a sentence (start, end, lower-cased word), or None."""
    return next((t for t in _tokens(text.lower()) if _is_cue(t[2])), None)


def _bucket(n: int) -> str:
    return "0" if n <= 0 else "1" if n == 1 else "2-3" if n <= 3 else "4-7" if n <= 7 else "8+"


def _actor(m: Mention, doc: Doc, sent: Sentence, ms: list[Mention]) -> list[str]:
    if m.kind == "demonym":
        cid = doc.country(m.code) if m.code else None
        return [cid] if cid else []
    return [r.id for r in resolve(m, doc, sent, ms, True)]


def candidates(sent: Sentence, ms: list[Mention], doc: Doc) -> list[Candidate]:
    """The imposer candidates of a sentence (``ms``: its mentions) with their features; an
    empty list when the sentence names no measure (:data:`~kg.extract.lexicon.MODEL_CUE_STEMS`,
    :data:`~kg.extract.lexicon.MODEL_CUE_WORDS`) or no actor that could impose. Cue words
    for the features are those and the verbs that change a measure
    (:data:`~kg.extract.lexicon.MODEL_CHANGE_STEMS`)."""
    text = sent.text
    low = text.lower()
    toks = _tokens(low)
    cues = [k for k, t in enumerate(toks) if _is_cue(t[2])]
    actors = [m for m in ms if m.kind in _IMPOSER_KINDS]
    if not actors or not any(_names_measure(toks[k][2]) for k in cues):
        return []
    starts = [t[0] for t in toks]
    ends = [t[1] for t in toks]
    shared: list[str] = [f"n_actors:{min(len(actors), 4)}"]
    if NEGATION.search(low):
        shared.append("neg")
    if call_cue(low, text):
        shared.append("call")
    if SPEECH.search(text):
        shared.append("speech")
    if re.search(r"[“”\"]", text):
        shared.append("quote")
    shared += [f"s_trig:{st}" for st, rx in TRIGGERS if rx.search(low)]
    shared += [f"s_mod:{st}" for st, rx in STATUS_MODIFIERS if rx.search(low)]
    out: list[Candidate] = []
    for n, m in enumerate(actors):
        ids = [i for i in _actor(m, doc, sent, ms) if len(i) >= 2]
        if not ids:
            continue
        first = bisect_right(ends, m.start)  # the mention's first word
        last = bisect_left(starts, m.end)  # the first word after it
        f = [f"kind:{m.kind}", f"pos:{min(n, 3)}"]
        f += [f"b1:{toks[first - 1][2]}" if first >= 1 else "b1:^",
              f"b2:{toks[first - 2][2]}" if first >= 2 else "b2:^",
              f"a1:{toks[last][2]}" if last < len(toks) else "a1:$",
              f"a2:{toks[last + 1][2]}" if last + 1 < len(toks) else "a2:$"]
        if sent.index == 0:
            f.append("lede")
        if any(_LIST.fullmatch(text, o.end, m.start) or _LIST.fullmatch(text, m.end, o.start)
               for o in actors if o is not m and o.kind == m.kind):
            f.append("in_list")
        if any(i in BLOCS for i in ids):
            f.append("bloc")
        if SUBJECT_FIRST.match(text, 0, m.start):
            f.append("opens")
        if m.possessive or text[m.end:m.end + 2] in ("'s", "’s"):
            f.append("poss")
        if _SAID_AFTER.match(text, m.end):
            f.append("said_after")
        if m.kind == "country" and is_venue(text, m.start, m.how):
            f.append("venue")
        if _DATELINE_AT.match(text, m.end) and not text[:m.start].strip(" ("):
            f.append("dateline_city")  # "ADDIS ABABA - The African Union ...": a place
        if doc.dateline and doc.dateline in ids:
            f.append("dateline")
        if doc.last_state and doc.last_state in ids:
            f.append("last_state")
        after = next((k for k in cues if k >= last), None)
        before = next((k for k in reversed(cues) if k < first), None)
        if after is not None:
            gap = [t[2] for t in toks[last:after]]
            f.append(f"cue_after:{_bucket(len(gap))}")
            f.append(f"cue_after_word:{toks[after][2][:6]}")
            f += [f"mid:{w}" for w in sorted(set(gap[:6]))]
            between = low[m.end:toks[after][0]]
            f += [f"gap_trig:{st}" for st, rx in TRIGGERS if rx.search(between)]
            if SPEECH.search(between):
                f.append("gap_speech")
            if len(between) > 80:
                f.append("gap_long")
        if before is not None:
            f.append(f"cue_before:{_bucket(first - before - 1)}")
            f.append(f"cue_before_word:{toks[before][2][:6]}")
        feats = tuple(f + shared)
        out += [Candidate(i, m, feats) for i in ids]
    return out


def read_before(sent: Sentence, ms: list[Mention], doc: Doc,
                before: tuple[str | None, list[str]]) -> list[Candidate]:
    """:func:`candidates` as read with the doc state ``before`` the rules read the sentence
    (the last state and list of states), so that no feature or pronoun sees what the rules
    found in it; the doc state is restored afterwards."""
    now = doc.last_state, doc.last_multi
    doc.last_state, doc.last_multi = before
    try:
        return candidates(sent, ms, doc)
    finally:
        doc.last_state, doc.last_multi = now


def status_features(text: str) -> list[str]:
    """The features of the status model for a sentence (see the module docstring)."""
    low = text.lower()
    words = [t[2] for t in _tokens(low)]
    f = {f"w:{w}" for w in words} | {f"bg:{a}_{b}" for a, b in itertools.pairwise(words)}
    cue = first_cue(text)
    if cue:
        pre = [t[2] for t in _tokens(low[max(0, cue[0] - 40):cue[0]])][-4:]
        f |= {f"pre:{w}" for w in pre}
        f.add(f"cue:{cue[2][:6]}")
    f |= {f"trig:{s}" for s, rx in TRIGGERS if rx.search(low)}
    f |= {f"mod:{s}" for s, rx in STATUS_MODIFIERS if rx.search(low)}
    if NEGATION.search(low):
        f.add("neg")
    return sorted(f)


@dataclass
class EventModel:
    """The two linear models (weights as written by ``benchmarks/train_extractor.py``)."""

    imposer_bias: float
    imposer_weights: dict[str, float]
    threshold: float
    threshold_fired: float
    status_classes: list[str]
    status_bias: list[float]
    status_weights: dict[str, list[float]]
    about: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> EventModel:
        """The model of a parsed event_model.json; KeyError/TypeError on a bad file."""
        imp, st = data["imposer"], data["status"]
        return cls(float(imp["bias"]), {k: float(v) for k, v in imp["weights"].items()},
                   float(imp["threshold"]), float(imp["threshold_fired"]),
                   list(st["classes"]),
                   [float(b) for b in st["bias"]],
                   {k: [float(x) for x in v] for k, v in st["weights"].items()},
                   dict(data.get("about") or {}))

    def imposer_score(self, features: tuple[str, ...] | list[str]) -> float:
        """The probability (0..1) that a candidate with these features imposes."""
        z = self.imposer_bias + sum(self.imposer_weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def status_of(self, text: str) -> tuple[Status, float]:
        """The most probable status of a sanction the sentence reports, and its probability."""
        z = list(self.status_bias)
        for f in status_features(text):
            w = self.status_weights.get(f)
            if w is not None:
                z = [a + b for a, b in zip(z, w, strict=True)]
        top = max(z)
        exp = [math.exp(v - top) for v in z]
        k = z.index(top)
        return Status(self.status_classes[k]), exp[k] / sum(exp)

    def observe(self, sent: Sentence, ms: list[Mention], doc: Doc, events: list[Event],
                skipped: list[Problem], before: tuple[str | None, list[str]]) -> list[Event]:
        """The model's event for a sentence, if any. ``events``: every event of the article
        so far (the rules' events of this sentence included); ``skipped``: the skip notes
        the rules wrote on this sentence (a trigger set aside for a reason of the rules' own,
        :data:`MAY_READ` apart, keeps the model out: "did not impose", "urged the EU to
        impose", no target yet, which a second look reads); ``before``: the doc's last state
        and last list of states before the rules read the sentence. In a sentence where the
        rules made events, only an actor in none of them may impose, and only at the higher
        ``threshold_fired``."""
        if any(not p.message.startswith(MAY_READ) for p in skipped):
            return []
        here = list(itertools.takewhile(lambda e: e.sentence.index == sent.index,
                                        reversed(events)))
        if here and self.threshold_fired >= 1.0:
            return []  # no actor beside the rules' events (the bundled setting)
        taken = {r.id for e in here for r in [*e.imposers, *e.targets]}
        threshold = self.threshold_fired if here else self.threshold
        best: dict[str, tuple[float, Candidate]] = {}
        for c in read_before(sent, ms, doc, before):
            if c.actor in taken:
                continue
            p = self.imposer_score(c.features)
            if p >= threshold and (c.actor not in best or p > best[c.actor][0]):
                best[c.actor] = (p, c)
        if not best:
            return []
        status, p_status = self.status_of(sent.text)
        ids = sorted(best, key=lambda i: best[i][1].mention.start)
        if any({r.id for r in e.imposers} == set(ids) and e.status is status for e in events):
            return []
        ev = self._event(sent, ms, doc, ids, best, status, p_status)
        if ev is None:
            return []
        doc.recent.append(([r.id for r in ev.imposers], [t.id for t in ev.targets]))
        return [ev]

    def _event(self, sent: Sentence, ms: list[Mention], doc: Doc, ids: list[str],
               best: dict[str, tuple[float, Candidate]], status: Status,
               p_status: float) -> Event | None:
        text = sent.text
        cue = first_cue(text)
        assert cue is not None  # candidates exist only in a sentence with a cue
        imposers = [Resolved(i, best[i][1].mention.text, f"statistical model (imposer score "
                             f"{best[i][0]:.2f})", best[i][1].mention.start) for i in ids]
        used = {m for m in ms if any(m is best[i][1].mention for i in ids)}
        others = [m for m in ms if m.kind in _TARGET_KINDS and m not in used
                  and not is_venue(text, m.start, m.how)]
        pick = [m for m in others if m.start >= cue[0]] or others
        targets = [r for m in pick for r in resolve(m, doc, sent, ms, False)]
        targets = list({t.id: t for t in targets if t.id not in ids}.values())
        if not targets:
            targets = topic_targets(set(ids), doc)
        if not targets:
            return None
        ev = Event(sent, (cue[0], cue[1]), status, imposers, targets, explain={
            "sentence": sent.index, "trigger": {
                "words": text[cue[0]:cue[1]], "status": str(status),
                "from": "statistical model (kg/extract/data/event_model.json), status "
                        f"probability {p_status:.2f}"}})
        reasons_of(ev, text, 0, cue[1], text[cue[0]:cue[1]])
        date_of(ev, find_dates(text, doc.ref), doc)
        ev.confidence = round(max(0.05, min(0.5, 0.5 * min(best[i][0] for i in ids))), 2)
        ev.explain.update(imposers=[r.explain() for r in imposers],
                          targets=[r.explain() for r in targets], confidence=ev.confidence)
        return ev


@lru_cache(maxsize=1)
def bundled_model() -> EventModel | None:
    """The bundled model (:data:`MODEL_PATH`), or None when the file is absent (the
    extractor then runs on its rules alone)."""
    if not MODEL_PATH.is_file():
        return None
    return EventModel.from_json(json.loads(MODEL_PATH.read_text(encoding="utf-8")))
