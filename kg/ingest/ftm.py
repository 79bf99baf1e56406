"""FollowTheMoney JSON lines (OpenSanctions ``entities.ftm.json``) -> records.

Each line is one entity: ``{"id", "schema", "properties": {prop: [values]}, "datasets",
"caption", ...}``.

* Person, Organization, Company, LegalEntity, PublicBody, Vessel and Airplane entities become
  actors ``ftm-<id>`` (names, ``alias`` and ``previousName`` as aliases, ``weakAlias`` as
  weak aliases, country, wikidataId, ``birthDate``, ``nationality``/``citizenship``,
  identifiers such as INN, IMO, LEI, passport and national id numbers
  (:data:`kg.ingest.identity.FTM_ID_PROPS`) and the OpenSanctions id), whether or not
  anything sanctions them.
* A Sanction entity becomes one sanction ``ftm-<id>`` against its ``entity``. The imposer
  is the polity ``country`` names, else the one ``authority`` stands for
  (:data:`kg.ingest.crosswalks.AUTHORITIES`); the authority is kept as the sanction's
  ``authorities``, a government_body actor part of that polity (``us-ofac``, ``gb-ofsi``...
  from kg/curated/issuing_bodies.yaml, else ``body-<name>``). ``reason`` is kept verbatim
  as the detail and classified; ``program`` fills in when there is no reason; ``provisions``
  become measures;
  ``startDate``/``listingDate`` the date, ``endDate`` the end date (in the past: lifted).
  A target carrying the ``sanction.counter`` topic makes the sanction a retaliation.
* An entity with the topic ``sanction`` in a dataset whose publisher kg knows
  (``us_ofac_sdn`` -> ``us``, ``eu_fsf`` -> ``eu``...), and no Sanction entity from that
  dataset, is a listing by that polity, derived from the dataset
  (:mod:`kg.ingest.ftm_derived`); ``sanction.linked`` gives none.
* OpenSanctions' ``targets.simple.csv`` is read too, told apart by its header
  (:mod:`kg.ingest.ftm_simple`).
* Ownership, Directorship, Family, Associate and UnknownLink become relationships
  (:mod:`kg.ingest.ftm_links`); other schemas (Address, ...) are counted in the notes.

The file is streamed; a sanction whose target has not been read yet waits in memory until it
arrives (OpenSanctions exports write an entity next to its sanctions), and one whose target
never arrives is reported as skipped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import chain, starmap
from pathlib import Path
from typing import Any

from kg._clock import today_iso
from kg.ingest.blocks import line_blocks
from kg.ingest.common import (
    MAX_NAME,
    ImportReport,
    Progress,
    Record,
    file_source,
    weak_names,
)
from kg.ingest.ftm_fast import (
    COUNTRY_PROPS,
    DESCRIPTION,
    POSITION,
    QID,
    QID_ASCII,
    WHO,
    actor_fast,
    first,
    iso_country,
    known,
    sanction_fast,
    sanction_raw,
)
from kg.ingest.ftm_fast import ON as FAST
from kg.ingest.ftm_links import LINK_SCHEMAS, Entity, Link, links_out, values
from kg.ingest.ftm_read import loads, parse_entity, plain_entity
from kg.ingest.ftm_sanctions import Hold, State, sanction
from kg.ingest.ftm_simple import ACTOR_SCHEMAS, is_simple_csv, read_simple
from kg.ingest.identity import Identity, ftm_identity
from kg.ingest.rows import Line, actor_line, checked_in, fit_name, source_id
from kg.ingest.written import Lines
from kg.model import trusted
from kg.model.records import Actor, Source
from kg.model.trusted import is_country, is_date
from kg.model.vocab import ActorKind

__all__ = ["ACTOR_SCHEMAS", "read_ftm"]

#: No values (shared: never changed).
_NONE: list[str] = []
#: FtM schema -> the kind of its actors, as written (what the report counts).
_KIND = {schema: kind.value for schema, kind in ACTOR_SCHEMAS.items()}


def read_ftm(paths: Iterable[Path], report: ImportReport, *,
             progress: Progress | None = None, today: str | None = None,
             lines: bool = False) -> Iterator[Record]:
    """Stream records from FtM JSON-lines files (see the module docstring).

    ``today`` (``YYYY-MM-DD``; default: the day it runs, from :func:`kg._clock.today_iso`)
    decides which end dates have passed: a sanction that ended on or before it is lifted.
    ``lines=True`` (for :func:`kg.ingest.write_import` alone) hands out each actor and
    sanction that needs no check as its JSONL line (a :class:`~kg.ingest.written.Line`, the
    bytes the record would be written as), never built as a record, and, with orjson, the
    common entity written straight from its JSON (:mod:`kg.ingest.ftm_fast`), the lines of
    such entities in a row handed out together (a :class:`~kg.ingest.written.Lines`).
    """
    st = State(report, today=today_iso(today), lines=lines)
    fast = lines and FAST
    for path in paths:
        report.files.append(str(path))
        src = file_source("ftm", path, "FollowTheMoney export")
        yield from st.seen.source(src)
        if is_simple_csv(path):
            yield from read_simple(path, src, report, st.seen, st.actors, st.derived,
                                   progress=progress, lines=lines)
            continue
        batch = _Batch()  # the lines written in a row since the last record handed out
        parts, types, kinds = batch.parts, batch.types, batch.kinds
        # the lines numbered a block at a time (no Python step a line: see line_blocks)
        for n, raw in chain.from_iterable(starmap(enumerate, line_blocks(
                path, report, progress=progress))):
            if not raw or raw.isspace():
                continue
            report.read += 1
            raw_key = given = entity = None
            if fast:  # the common entity is written straight from orjson's reading
                try:
                    loaded = loads(raw)
                except ValueError:  # read again, and reported, by parse_entity
                    loaded = None
                if type(loaded) is dict:
                    schema = loaded.get("schema")
                    if schema == "Sanction":  # a sanction like one read before: as read
                        given = loaded.get("properties")  # parse_entity may replace them
                        same, raw_key = sanction_raw(loaded, st)
                        if same is not None:
                            parts.append(same)
                            types.append("sanction")
                            if len(parts) >= BATCH:
                                yield batch.take()  # type: ignore[misc]  # write_import's
                            continue
                    elif type(schema) is str and (kind := ACTOR_SCHEMAS.get(schema)):
                        got = actor_fast(loaded, kind, st, src)
                        if got is not None:
                            if got[0]:
                                if parts:
                                    yield batch.take()  # type: ignore[misc]  # as above
                                yield from got[0]
                            parts.append(got[1])
                            types.append("actor")
                            kinds.append(_KIND[schema])
                            eid = loaded["id"]
                            if st.pending and eid in st.pending:
                                rest = _release_fast(eid, batch, st)
                                if rest:
                                    yield batch.take()  # type: ignore[misc]  # as above
                                    yield from _released(eid, src, st, rest)
                                    continue
                            if len(parts) >= BATCH:
                                yield batch.take()  # type: ignore[misc]  # as above
                            continue
                    entity = plain_entity(loaded)
                if entity is None:
                    entity = parse_entity(raw, path, n, report, loaded)
            else:
                entity = parse_entity(raw, path, n, report)
            if entity is None:
                continue
            schema = entity["schema"]
            if schema in ACTOR_SCHEMAS:  # read in full (actor_fast read it if it could)
                if parts:
                    yield batch.take()  # type: ignore[misc]  # as above
                yield from _actor(entity, src, path, n, st)
                continue
            if schema == "Sanction":
                if raw_key is not None and entity["properties"] is not given:
                    raw_key = None  # read with changes (reported): not remembered
                written = fast and sanction_fast(entity, st, raw_key)
                if written:
                    parts.append(written)
                    types.append("sanction")
                    if len(parts) >= BATCH:
                        yield batch.take()  # type: ignore[misc]  # as above
                    continue
                records = _sanction_or_hold(entity, src, path, n, st, raw_key)
                first_record = next(records, None)  # nothing when it waits for its targets
                if first_record is not None:
                    if parts:
                        yield batch.take()  # type: ignore[misc]  # as above
                    yield first_record
                    yield from records
            elif schema in LINK_SCHEMAS:
                new, cites = st.cites.of(entity, src, st.seen)
                if new:
                    if parts:
                        yield batch.take()  # type: ignore[misc]  # as above
                    yield from new
                st.links.append(Link(entity, cites, str(path), n))
            else:
                report.note(f"not imported: FtM {schema} entities (not an actor or a sanction)")
        if parts:
            yield batch.take()  # type: ignore[misc]  # as above
    for holds in st.pending.values():
        for hold in holds:
            if hold.missing:
                hold.missing.clear()  # report each hold once, under its first missing target
                gone = ", ".join(sorted(
                    i for i in values(hold.entity, "entity") if i not in st.actors))
                report.skip(hold.file, hold.line,
                            f"sanction {hold.entity['id']!r}: target entity {gone} is not in "
                            "the input as a person, organization, body or vessel")
    yield from st.derived.records(st.seen, report, lines=st.lines)
    yield from links_out(st.links, st.actors, report)


def _actor(entity: Entity, src: Source, path: Path, n: int,
           st: State) -> Iterator[Record]:
    eid = entity["id"]
    if eid in st.actors:
        st.report.skip(path, n, f"entity id {eid!r} appears twice; the first is kept")
        return
    props = entity.clean
    names = props.get("name", _NONE)
    caption = entity.get("caption")
    name = (caption.strip() if isinstance(caption, str) else None) or \
        (names[0] if names else None)
    if not name:
        st.report.skip(path, n, f"entity {eid!r} ({entity['schema']}) has no name")
        return
    whole = _NONE
    if len(name) > MAX_NAME:
        name, whole = fit_name(name, st.report, path, n, record=f"entity {eid!r}",
                               field="name")
    cut = bool(whole)
    alias, previous = props.get("alias"), props.get("previousName")
    if alias is None and previous is None and len(names) < 2 and not cut:  # most entities
        aliases = [names[0]] if names and names[0] != name else []
    else:  # the names, the cut name, aliases and previous names, each once
        aliases = [a for a in dict.fromkeys([*names, *whole, *(alias or _NONE),
                                             *(previous or _NONE)]) if a != name]
    weak_given = props.get("weakAlias")
    weak = weak_names([name, *aliases], weak_given) if weak_given else []
    country = None
    for prop in COUNTRY_PROPS:
        for code in props.get(prop, _NONE):
            country = iso_country(code)
            if country:
                break
            st.report.note(f"country codes that are not ISO 3166 left out ({code})")
        if country:
            break
    wikidata = None
    for q in props.get("wikidataId", _NONE):
        if QID.match(q):
            wikidata = q
            break
    if wikidata is None and QID.match(eid):
        wikidata = eid
    who = _NOBODY if props.keys().isdisjoint(WHO) else \
        ftm_identity(props, st.report, path, n, record=f"entity {eid!r}")
    new, cites = st.cites.of(entity, src, st.seen)
    kind = ACTOR_SCHEMAS[entity["schema"]]
    fields: dict[str, Any] = {
        "id": source_id("ftm", eid, st.report, path, n, record=f"entity {eid!r}", field="id",
                        kept="opensanctions"),
        "name": name, "kind": kind, "country": country,
        "aliases": aliases, "weak_aliases": weak, "wikidata_id": wikidata,
        "identifiers": {"opensanctions": eid, **who.joined()} if who.identifiers else
        {"opensanctions": eid}, "sources": cites,
        "birth_dates": who.birth_dates or [], "nationalities": who.nationalities or [],
        "position": first(props, POSITION) if kind is ActorKind.PERSON else None,
        "description": first(props, DESCRIPTION),
    }
    actor: Actor | Line | None
    if _sure_actor(entity, eid, cut, wikidata, who):
        actor = (st.lines and actor_line(fields, st.cites.json(cites))) or \
            trusted.build_actor(fields)
    else:
        actor = checked_in(Actor, fields, st.report, path, n, record=f"entity {eid!r}")
    if actor is None:
        return
    yield from new
    yield actor  # type: ignore[misc]  # a Line only for write_import (lines=True)
    known(entity, actor.id, st)
    yield from _released(eid, src, st)


#: How many lines :func:`read_ftm` hands out together at most.
BATCH = 512


class _Batch:
    """Lines written in a row (:class:`~kg.ingest.written.Lines`), handed out together:
    ``parts``, the lines, ``types``, the type of each line's record (actor, sanction) and
    ``kinds``, the kind of each actor (person, organization...), each appended to by
    :func:`read_ftm` (in place: the lists stay the same objects)."""

    __slots__ = ("kinds", "parts", "types")

    def __init__(self) -> None:
        self.parts: list[bytes] = []
        self.types: list[str] = []
        self.kinds: list[str] = []

    def take(self) -> Lines:
        """The lines added since the last take (none are left)."""
        out = Lines(Counter(self.types), b"".join(self.parts), Counter(self.kinds))
        self.parts.clear()
        self.types.clear()
        self.kinds.clear()
        return out


def _release_fast(eid: str, batch: _Batch, st: State) -> list[Hold]:
    """Add to ``batch`` the lines of the sanctions that waited for ``eid`` alone (now read
    as an actor), in their order, while :func:`~kg.ingest.ftm_fast.sanction_fast` writes
    them; the holds from the first one it does not write on (for :func:`_released`)."""
    holds = st.pending.pop(eid)
    for i, hold in enumerate(holds):
        hold.missing.discard(eid)
        if not hold.missing:
            written = sanction_fast(hold.entity, st, hold.raw)
            if written is None:
                return holds[i:]
            batch.parts.append(written)
            batch.types.append("sanction")
    return []


def _released(eid: str, src: Source, st: State,
              holds: list[Hold] | None = None) -> Iterator[Record]:
    """The sanctions that waited for ``eid`` alone (now read as an actor): of ``holds``,
    else of those waiting for it."""
    for hold in st.pending.pop(eid, ()) if holds is None else holds:
        hold.missing.discard(eid)
        if not hold.missing:
            written = st.lines and FAST and sanction_fast(hold.entity, st, hold.raw)
            if written:
                yield Line("sanction", hold.entity["id"], written)  # type: ignore[misc]
            else:
                yield from sanction(hold.entity, src, hold.file, hold.line, st)


def _sanction_or_hold(entity: Entity, src: Source, path: Path, n: int,
                      st: State, raw: bytes | None = None) -> Iterator[Record]:
    targets = entity.clean.get("entity")
    if not targets:
        st.report.skip(path, n, f"sanction {entity['id']!r} names no 'entity' (target)")
        return
    datasets = entity.get("datasets")
    names = [d for d in datasets if isinstance(d, str)] if isinstance(datasets, list) else []
    for t in targets:
        st.derived.has_sanction(t, names)
    missing = {t for t in targets if t not in st.actors}
    if not missing:
        yield from sanction(entity, src, path, n, st)
        return
    hold = Hold(entity, path, n, missing, raw)
    for t in dict.fromkeys(targets):  # in the file's order: the report is the same every run
        if t in missing:
            st.pending.setdefault(t, []).append(hold)


def _sure_actor(entity: Entity, eid: str, cut: bool, wikidata: str | None,
                who: Identity) -> bool:
    """True when the actor :func:`_actor` makes of ``entity`` passes the model as it is, so
    it is built without validation (:func:`kg.model.trusted.build_actor`).

    What is sure by construction: the id is a :func:`~kg.ingest.common.slug_id`; the kind
    comes from :data:`ACTOR_SCHEMAS`; the name, aliases, position and description are
    stripped non-blank property values (``str.strip`` removes all that pydantic strips) and
    the aliases never repeat the name; weak aliases are never a name or alias
    (:func:`~kg.ingest.common.weak_names`); the country matched :data:`_COUNTRY_RE` in a
    stripped value; identifiers other than the entity id are whitespace-collapsed; the
    citations are :class:`~kg.model.records.Citation` instances. What is checked here: the
    entity was read by orjson (no lone surrogate, which pydantic refuses), the name was not
    cut (the cut may end in a space), the entity id has no surrounding space (it is an
    identifier as written), the Wikidata id, the dates of birth and the nationalities.
    ``tests/ingest/test_ftm_trusted.py`` imports every fixture and generated hostile
    entities both ways and compares the bytes.
    """
    return (entity.plain and not cut and eid == eid.strip()
            and (wikidata is None or QID_ASCII.fullmatch(wikidata) is not None)
            and all(is_date(d) for d in who.birth_dates)
            and all(is_country(c) for c in who.nationalities))


#: An entity with none of :data:`~kg.ingest.ftm_fast.WHO` has no identity to read (its
#: lists are never handed out).
_NOBODY = Identity([], [], {})
