"""News text -> a draft :class:`~kg.model.Dataset`, with the words behind every field.

:func:`extract_text` reads an article sentence by sentence: it finds who is named
(:mod:`kg.extract.actors`), the sanctions events (:mod:`kg.extract.events`) and the
statements (:mod:`kg.extract.statements`), then joins events reported twice, links
retaliation to the event it answers, and builds a Dataset that
:func:`kg.model.refs.ensure_valid`
accepts. Every sanction and statement cites the article with the sentence it came from and
its character offsets in the article text (for HTML, in the text extracted from the page).
States and blocs are the usual ISO/bloc actors; people, groups and organisations the
extractor had to create are marked ``draft: true`` for review.

The result is deterministic: the same text and options give the same Dataset.

>>> r = extract_text("The EU imposed sanctions on Belarus on Monday over the crackdown "
...                  "on protesters.", date="2021-06-22")
>>> s = r.dataset.sanctions[0]
>>> s.imposers, s.targets, str(s.status), str(s.reasons[0].category), s.date
(['eu'], ['by'], 'imposed', 'human_rights', '2021-06-21')
>>> r.explain[s.id]["trigger"]
{'words': 'imposed sanctions', 'status': 'imposed'}
"""

from __future__ import annotations

import itertools
import os
import re
import sys
import urllib.parse
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from kg.errors import Problem, SourceFormatError, UsageError
from kg.extract.actors import Mention, find_mentions, slug
from kg.extract.alike import alike_events
from kg.extract.background import imposed_before, undone_measures
from kg.extract.context import Doc, dateline_state, skip_entry, without_dateline
from kg.extract.dates import parse_iso_date
from kg.extract.events import NO_TARGET, Event, find_events
from kg.extract.fallback import noun_only_event
from kg.extract.fields import carry_reasons, count_before, followup_reasons
from kg.extract.links import mark_retaliation, response_links
from kg.extract.members import add_members
from kg.extract.merging import fold_answered, merge_events
from kg.extract.offices import office_speaker
from kg.extract.point_back import named_heads
from kg.extract.refer import is_venue
from kg.extract.repeats import drop_neutral_repeats, fold_extra_stances
from kg.extract.statements import Said, find_statements, recheck_support
from kg.extract.story import article_reasons
from kg.extract.targets import is_barred_place, is_delegate_state
from kg.extract.text import Sentence, html_to_text, looks_like_html, split_sentences
from kg.extract.threats import vague_threats
from kg.model.records import Actor, Dataset, ReasonRef, Sanction, Source, Statement
from kg.model.refs import ensure_valid
from kg.resolve.classify import classify_measures
from kg.resolve.resolver import BLOCS, Resolver

__all__ = ["MAX_BYTES", "Extraction", "extract_file", "extract_text", "format_explain",
           "read_article"]

MAX_BYTES = 20 << 20
"""Largest article read (20 MiB); news articles are a few kilobytes."""

@dataclass
class Extraction:
    """What :func:`extract_text` returns."""

    dataset: Dataset
    """The draft dataset: one source, actors, sanctions, statements."""
    text: str
    """The article text the offsets point into."""
    explain: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Record id -> the words that produced each field."""
    skipped: list[Problem] = field(default_factory=list)
    """Triggers that produced no record, and why (negated, a call on others, no imposer):
    problems of kind ``not_an_event``, with ``record="sentence N"`` and the trigger's
    ``words``."""


def _source_id(url: str | None, title: str | None, name: str | None) -> str:
    if url:
        u = urllib.parse.urlsplit(url)
        base = f"{u.netloc.removeprefix('www.')}{u.path}".rstrip("/").replace(".", "-")
        if base:
            return slug(base)
    return slug(title or name or "article")


def extract_text(text: str, *, date: str, url: str | None = None, title: str | None = None,
                 source_id: str | None = None,
                 known: Dataset | Iterable[Actor] | None = None,
                 name: str | None = None) -> Extraction:
    """Extract sanctions and statements from an article's text (plain text or HTML).

    ``date`` (YYYY-MM-DD) is the publication date that "on Monday" and "last week" are
    resolved against; ``known`` actors (a dataset, e.g. ``load()``, or its actors) are
    reused by name instead of drafting new ones. A reused actor is copied whole, with the
    sources it cites and the actors it is part or a member of when ``known`` is a dataset,
    so the draft validates alone and loads beside the known data (identical records are
    kept once).
    """
    known_ds = known if isinstance(known, Dataset) else None
    if isinstance(known, Dataset):
        known = known.actors
    try:
        ref = parse_iso_date(date)
    except ValueError as exc:
        raise UsageError(f"--date: {exc}") from None
    if looks_like_html(text):
        text, page_title = html_to_text(text)
        title = title or page_title
    sid = source_id or _source_id(url, title, name)
    doc = Doc(text=text, ref=ref, source_id=sid,
              known=Resolver(list(known)) if known is not None else None,
              dateline=dateline_state(text))
    # A dateline's place the story never names again is only where the reporter was
    # ("KABUL (Pajhwok): Russia prolonged its embargo ..."): not an actor of the story.
    if (body := without_dateline(text)) != text and (doc.dateline is None or not any(
            m.code == doc.dateline for m in find_mentions(body, {}))):
        text = body
    events: list[Event] = []
    said: list[Said] = []
    no_target: list[_Pending] = []
    for sent in (sentences := split_sentences(text)):
        # a ministry or government is a state's, not a bloc's
        # (when no state has acted or spoken: the dateline's state before the last one named,
        # "SINGAPORE - ... over the invasion of Ukraine ..., the Ministry of Foreign Affairs")
        state = doc.lead_state or (doc.last_state if doc.last_state and len(
            doc.last_state) == 2 and doc.last_state not in BLOCS
            else _state_of(doc.dateline) or doc.last_country)
        ms = _remember(find_mentions(sent.text, doc.people, last_bloc=doc.last_bloc,
                                     last_state=state, heads=doc.heads), doc, sent.text)
        doc.heads.update(named_heads(sent.text, ms))
        for m in ms:
            if m.kind == "person" and m.name and not m.how.startswith("surname"):
                absolute = replace(m, start=m.start + sent.start, end=m.end + sent.start)
                doc.last_named = absolute
                for tok in m.name.split():
                    if tok[0].isupper() and len(tok) > 1:
                        doc.people.setdefault(tok, absolute)
        countries = [m for m in ms if m.kind == "country"]
        chain: list[Mention] = []
        for a, b in itertools.pairwise(countries):
            # "the United States, the EU, Canada and Norway": the whole list is named together
            if re.fullmatch(r"\s*(?:,|and|, and)\s*(?:the\s+)?", sent.text[a.end:b.start]):
                chain = [*(chain if chain and chain[-1] is a else [a]), b]
                ids = [doc.country(m.code or "") for m in chain]
                doc.last_multi = [i for i in ids if i]
        first = len(events)
        n_skipped = len(doc.skipped)
        events += find_events(sent, ms, doc)
        events += alike_events(sent, ms, doc, events)
        events += imposed_before(sent, events[first:], doc)
        events += vague_threats(sent, ms, doc, events, first)
        if any(p.message == NO_TARGET for p in doc.skipped[n_skipped:]):
            no_target.append((sent, ms, {e.anchor for e in events[first:]},
                              (doc.last_state, doc.last_multi, len(doc.recent))))
        if len(events) == first and len(doc.skipped) == n_skipped:
            extra = noun_only_event(sent, ms, doc)
            events += [extra] if extra is not None else []
        lead = [e.imposers[0].id for e in events[first:] if e.imposers]
        if lead:
            doc.lead_state = lead[0] if len(lead[0]) == 2 and lead[0] not in BLOCS else None
        add_members(sent, ms, doc, events, first)
        if len(events) == first and events:
            followup_reasons(sent.text, events[count_before(events, events[-1].sentence.index):])
        said += find_statements(sent, ms, doc, events, list(range(first, len(events))))
    events += _second_look(no_target, doc)
    events += undone_measures(events, text, len(sentences))
    carry_reasons(events)
    article_reasons(events, sentences)
    recheck_support(said, events)
    return _build(doc, events, said, url=url, title=title, known=known_ds)


#: A sentence with a trigger that had no target: the sentence, its mentions, the anchors that
#: made events, and the reading state then (last state, last list of states, events so far).
_Pending = tuple[Sentence, list[Mention], set[tuple[int, int]], tuple[str | None, list[str], int]]


def _second_look(no_target: list[_Pending], doc: Doc) -> list[Event]:
    """Sanctions whose sentence named no target and no state before it ("The EU extended
    its sanctions by six months" as an article's first sentence), read again once the
    whole article is known: their target is the state the article names most among those
    that imposed nothing in it. Only the
    triggers that made no event the first time give events here; their skip notes go."""
    acted = {i for imps, _t in doc.recent for i in imps}
    named = {c: n for c, n in doc.state_counts.items() if c not in acted}
    if not no_target or not named:
        return []
    # the state named most that never imposed anything in the article
    doc.topic_hint = max(named, key=lambda c: named[c])
    found: list[Event] = []
    recent = doc.recent
    for sent, ms, had, (last_state, last_multi, n_recent) in no_target:
        # read the sentence as it was read the first time, but for the target
        doc.last_state, doc.last_multi, doc.recent = last_state, last_multi, recent[:n_recent]
        before = list(doc.skipped)
        # a sentence naming neither imposer nor target ("Imposed under the Act, the
        # measures freeze ...") describes the event before again: no new event
        new = [e for e in find_events(sent, ms, doc) if e.anchor not in had and not all(
            r.how.startswith("no imposer in the sentence") for r in e.imposers)]
        doc.skipped = before
        if new:
            doc.skipped = [p for p in before if not (
                p.message == NO_TARGET and p.record == f"sentence {sent.index}")]
            found += new
    doc.topic_hint, doc.recent = None, recent
    return found


def _state_of(code: str | None) -> str | None:
    """``code`` when it is a state's (two letters, not a bloc), else None."""
    return code if code and len(code) == 2 and code not in BLOCS else None


def _remember(ms: list[Mention], doc: Doc, text: str) -> list[Mention]:
    """Remember the last bloc and state a sentence names (for "the bloc", "the ministry");
    a city where someone only met or spoke (:func:`kg.extract.refer.is_venue`) is not, nor
    a state that is no target (:func:`kg.extract.targets.not_a_target`)."""
    for m in ms:
        if m.kind == "country" and m.code in BLOCS:
            doc.last_bloc = m.code
        elif m.kind == "country" and m.code and len(m.code) == 2 \
                and not is_venue(text, m.start, m.how) and not is_delegate_state(text, m) \
                and not is_barred_place(text, m):
            doc.last_country = m.code
            doc.state_counts[m.code] = doc.state_counts.get(m.code, 0) + 1
    return ms


def _country_of(doc: Doc, aid: str) -> str:
    a = doc.actors.get(aid)
    return (a.country or aid) if a is not None else aid


def _build(doc: Doc, events: list[Event], said: list[Said], *, url: str | None,
           title: str | None, known: Dataset | None = None) -> Extraction:
    sid = doc.source_id
    explain: dict[str, dict[str, Any]] = {}
    kept, where, extra = merge_events(events, doc)
    links = response_links(kept, lambda aid: _country_of(doc, aid))
    kept, where, extra, links = fold_answered(kept, where, extra, links, doc,
                                              lambda aid: _country_of(doc, aid))
    ids = [f"{sid}-sanction-{n + 1}" for n in range(len(kept))]
    responds: dict[int, list[str]] = {}
    for k, (j, why) in links.items():
        responds[k] = [ids[j]]
        kept[k].explain["in_response_to"] = {"id": ids[j], "why": why}
        mark_retaliation(kept[k], why)
    sanctions: list[Sanction] = []
    for k, ev in enumerate(kept):
        cites = [doc.cite(e.sentence.text, e.sentence.start) for e in [ev, *extra[k]]]
        measures = classify_measures([ev.sentence.text], prose=True)
        sanctions.append(Sanction(
            id=ids[k], imposers=[r.id for r in ev.imposers], targets=[t.id for t in ev.targets],
            status=ev.status, measures=measures,
            reasons=[ReasonRef(category=c, detail=d) for c, d in ev.reasons],
            date=ev.date, in_response_to=responds.get(k, []), sources=cites,
            confidence=ev.confidence))
        explain[ids[k]] = {"quote": ev.sentence.text, **ev.explain}
    statements: list[Statement] = []
    st_explain: list[dict[str, Any]] = []
    offices: dict[str, str] = {}
    for s in said:
        about = sorted({ids[where[i]] for i in s.about_sanctions}, key=ids.index)
        spk = list(dict.fromkeys(office_speaker(doc, s.sentence.text, r, offices,
                                                doc.text[:s.sentence.start])
                                 for r in s.speakers))
        offices = {p: a for a in spk if (p := doc.actors[a].part_of)}
        cite = doc.cite(s.sentence.text, s.sentence.start)
        prev = statements[-1] if statements else None
        if prev is not None and s.anaphoric and prev.speakers == spk and prev.stance == s.stance:
            if all(c.start != cite.start for c in prev.sources):
                prev.sources.append(cite)
            prev.about_sanctions += [a for a in about if a not in prev.about_sanctions]
            st_explain[-1].setdefault("also", []).append(s.explain)
            continue
        statements.append(Statement(
            id=f"{sid}-statement-{len(statements) + 1}", speakers=spk, date=s.date,
            stance=s.stance, about_sanctions=about,
            about_actors=[a for a in s.about_actors if a not in spk], sources=[cite],
            confidence=s.confidence))
        st_explain.append({"quote": s.sentence.text, **s.explain})
    statements, st_explain = drop_neutral_repeats(
        statements, st_explain, lambda a: (doc.actors[a].part_of or a) if a in doc.actors else a)
    statements, st_explain = fold_extra_stances(
        statements, st_explain, lambda a: (doc.actors[a].part_of or a) if a in doc.actors else a)
    for st, ex in zip(statements, st_explain, strict=True):
        explain[st.id] = ex
    used: set[str] = set()
    for sa in sanctions:
        used.update(sa.imposers, sa.targets)
    for st in statements:
        used.update(st.speakers, st.about_actors)
    used.update(p for a in list(used) if a in doc.actors and (p := doc.actors[a].part_of))
    actors = [a for aid, a in sorted(doc.actors.items()) if aid in used]
    source = Source(id=sid, url=url, title=title, published=doc.ref.isoformat())
    actors, sources = _with_references(actors, known)
    ds = Dataset(sources=[source, *sources], actors=actors, sanctions=sanctions,
                 statements=statements)
    return Extraction(ensure_valid(ds), doc.text, explain, doc.skipped)


def _with_references(actors: list[Actor],
                     known: Dataset | None) -> tuple[list[Actor], list[Source]]:
    """The draft's actors plus what reused ones refer to (their parents, blocs and sources),
    taken from ``known``; without it, a reused actor's references are dropped."""
    if known is None:
        return [a if not (a.sources or a.part_of or a.member_of) or a.draft
                else a.model_copy(update={"sources": [], "part_of": None, "member_of": []})
                for a in actors], []
    by_id = {a.id: a for a in known.actors}
    src_by_id = {s.id: s for s in known.sources}
    out = {a.id: a for a in actors}
    stack = [a for a in actors if a.id in by_id]
    while stack:
        a = stack.pop()
        for ref in [*a.member_of, *([a.part_of] if a.part_of else [])]:
            if ref not in out and ref in by_id:
                out[ref] = by_id[ref]
                stack.append(by_id[ref])
    sources = {c.source: src_by_id[c.source] for a in out.values() if a.id in by_id
               for c in a.sources if c.source in src_by_id}
    return sorted(out.values(), key=lambda a: a.id), sorted(sources.values(), key=lambda s: s.id)


def read_article(path: str | os.PathLike[str]) -> str:
    """The text of a file (or stdin for ``-``): UTF-8, not binary, at most :data:`MAX_BYTES`."""
    name = str(path)
    try:
        if name == "-":
            raw = sys.stdin.buffer.read(MAX_BYTES + 1)
            name = "<stdin>"
        else:
            with open(path, "rb") as fh:
                raw = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise SourceFormatError(f"{name}: cannot read: {exc.strerror or exc}") from None
    if len(raw) > MAX_BYTES:
        raise SourceFormatError(f"{name}: larger than {MAX_BYTES >> 20} MiB; not an article")
    if b"\x00" in raw[:8192]:
        raise SourceFormatError(f"{name}: looks like a binary file, not text or HTML")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceFormatError(
            f"{name}: not UTF-8 text (byte {exc.start}); convert it to UTF-8 first") from None


def extract_file(path: str | os.PathLike[str], *, date: str, url: str | None = None,
                 title: str | None = None,
                 known: Dataset | Iterable[Actor] | None = None,
                 source_id: str | None = None) -> Extraction:
    """:func:`extract_text` on a file (``-`` for stdin); the source id is ``source_id``,
    else made from ``url``, the title or the file name."""
    try:
        parse_iso_date(date)
    except ValueError as exc:
        raise UsageError(f"--date: {exc}") from None
    text = read_article(path)
    stem = None if str(path) == "-" else Path(path).stem
    return extract_text(text, date=date, url=url, title=title, known=known, name=stem,
                        source_id=source_id)


def format_explain(result: Extraction) -> str:
    """The explanations as YAML text: per record, the words behind each field; then what
    was skipped and why."""
    import yaml

    doc: dict[str, Any] = {"records": result.explain,
                           "skipped": [skip_entry(p) for p in result.skipped]}
    return str(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=100))
