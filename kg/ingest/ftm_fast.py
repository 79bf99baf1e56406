"""The common FtM entity written straight to its JSONL line (:func:`actor_fast`,
:func:`sanction_fast`), for :func:`kg.ingest.ftm.read_ftm` when it writes lines
(:func:`kg.ingest.write_import`).

Most entities of an export have one shape: an actor whose every value is sure to pass the
model and whose reading reports nothing, a sanction whose text (every property but its
targets) an earlier sanction had. Such an entity is written here with no record, no
intermediate fields and no generator; any other one gives None, with nothing changed (no
report line, no state), and :mod:`kg.ingest.ftm` reads it in full. What these functions
decide is exactly what the full reading decides for the same entity: each check that the
full reading could report, or that could make the record go through the model, sends the
entity back. ``tests/ingest/test_ftm_fast.py`` imports the fixtures, generated hostile
entities and the benchmark's file both ways and compares the bytes and the reports.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from kg.ingest.common import MAX_NAME, ImportReport, slug_id, weak_names
from kg.ingest.ftm_derived import dataset_named
from kg.ingest.ftm_links import Entity
from kg.ingest.ftm_sanctions import COUNTER
from kg.ingest.identity import FTM_ID_PROPS, birth_dates, nationalities
from kg.ingest.rows import SHORTENED, Line, sub_json
from kg.model.identity import SEPARATOR
from kg.model.trusted import is_country, is_date
from kg.model.vocab import ActorKind, Reason, Status
from kg.resolve.resolver import is_country_code

try:
    import orjson
except ImportError:  # pragma: no cover - without orjson every entity is read in full
    orjson = None  # type: ignore[assignment]

#: Whether entities can be written here at all (orjson is installed).
ON = orjson is not None

__all__ = ["COUNTRY_PROPS", "ON", "QID", "QID_ASCII", "WHO", "actor_fast", "first",
           "iso_country", "sanction_fast"]

#: The properties an actor's country is read from, in order.
COUNTRY_PROPS = ("country", "nationality", "citizenship", "jurisdiction", "mainCountry",
                 "flag")
_COUNTRY_RE = re.compile(r"^[a-z]{2}(-[a-z0-9]{1,3})?$")
QID = re.compile(r"^Q[1-9]\d*$")
QID_ASCII = re.compile(r"Q[1-9][0-9]*", re.ASCII)
#: The properties :func:`~kg.ingest.identity.ftm_identity` reads.
WHO = frozenset([*FTM_ID_PROPS, "birthDate", "nationality", "citizenship"])
POSITION = ("position",)
DESCRIPTION = ("description", "notes", "summary")
_NONE: list[str] = []
#: How many sanction texts' lines an import remembers at most (then it forgets them all).
TEMPLATES = 4096


def first(props: dict[str, list[str]], names: tuple[str, ...]) -> str | None:
    """The first value of the first of ``names`` that ``props`` (an entity's cleaned
    values: never blank) has, or None (:func:`kg.ingest.ftm_links.first_value`)."""
    for name in names:
        vals = props.get(name)
        if vals:
            return vals[0]
    return None


@functools.lru_cache(maxsize=4096)  # lists repeat their countries on every entity
def iso_country(code: str) -> str | None:
    """``code`` in lower case when it is an ISO 3166 code (or a subdivision) kg knows,
    else None."""
    low = code.lower()
    return low if _COUNTRY_RE.match(low) and is_country_code(low) else None


@functools.lru_cache(maxsize=4096)
def _quiet_dates(values: tuple[str, ...]) -> list[str] | None:
    """The dates of birth :func:`~kg.ingest.identity.birth_dates` reads in ``values`` when
    it reports nothing and each passes the model as it is; else None (shared: never
    changed)."""
    report = ImportReport("ftm")
    got = birth_dates(values, report, "", None, record="", field="birthDate")
    return got if not report.changed_total and all(is_date(d) for d in got) else None


@functools.lru_cache(maxsize=4096)
def _quiet_nationalities(values: tuple[str, ...]) -> list[str] | None:
    """:func:`~kg.ingest.identity.nationalities` of ``values`` when it reports nothing
    and each code passes the model; else None (shared: never changed)."""
    report = ImportReport("ftm")
    got = nationalities(values, report, "", None, record="", field="nationality")
    return got if not report.changed_total and all(is_country(c) for c in got) else None


def _identifiers(eid: str, props: dict[str, list[str]]) -> dict[str, str]:
    """The actor's identifiers as :func:`~kg.ingest.identity.ftm_identity` and
    :meth:`~kg.ingest.identity.Identity.joined` make them, the entity id first."""
    out = {"opensanctions": eid}
    for prop, scheme in FTM_ID_PROPS.items():
        got = props.get(prop)
        if got:
            kept: list[str] = []
            for v in got:
                v = " ".join(v.split())
                if v and v not in kept:
                    kept.append(v)
            if kept:
                out[scheme] = SEPARATOR.join(kept)
    return out


def actor_fast(entity: Entity, kind: ActorKind, st: Any, src: Any,
               ) -> tuple[list[Any], Line] | None:
    """(new source records, the actor's line) of an actor entity
    (:func:`kg.ingest.ftm._actor` reads it the same), or None when the entity needs the
    full reading: anything reported (a repeated id, no name, a name cut, a country code
    that is not ISO, a date of birth or nationality not read as it is, an id shortened),
    or a value the model would check. Nothing is changed when it gives None."""
    eid = entity["id"]
    props = entity.clean
    if not entity.plain or eid in st.actors or eid != eid.strip():
        return None
    names = props.get("name", _NONE)
    caption = entity.get("caption")
    name = (caption.strip() if isinstance(caption, str) else None) or \
        (names[0] if names else None)
    if not name or len(name) > MAX_NAME:
        return None
    made = slug_id("ftm", eid)
    if len(made) == SHORTENED:  # maybe shortened (reported)
        return None
    alias, previous = props.get("alias"), props.get("previousName")
    if alias is None and previous is None and len(names) < 2:
        aliases = [names[0]] if names and names[0] != name else _NONE
    else:
        aliases = [a for a in dict.fromkeys([*names, *(alias or _NONE),
                                             *(previous or _NONE)]) if a != name]
    out: dict[str, Any] = {"type": "actor", "id": made, "name": name, "kind": kind}
    country = None
    for prop in COUNTRY_PROPS:
        codes = props.get(prop)
        if codes:
            country = iso_country(codes[0])
            if country is None:  # noted
                return None
            out["country"] = country
            break
    if aliases:
        out["aliases"] = aliases
    weak_given = props.get("weakAlias")
    if weak_given and (weak := weak_names([name, *aliases], weak_given)):
        out["weak_aliases"] = weak
    desc = first(props, DESCRIPTION)
    if desc is not None:
        out["description"] = desc
    wikidata = None
    for q in props.get("wikidataId", _NONE):
        if QID.match(q):
            wikidata = q
            break
    if wikidata is None and QID.match(eid):
        wikidata = eid
    if wikidata is not None:
        if QID_ASCII.fullmatch(wikidata) is None:
            return None
        out["wikidata_id"] = wikidata
    if kind is ActorKind.PERSON and (position := first(props, POSITION)) is not None:
        out["position"] = position
    if props.keys().isdisjoint(WHO):
        out["identifiers"] = {"opensanctions": eid}
    else:
        out["identifiers"] = _identifiers(eid, props)
        dobs = props.get("birthDate")
        if dobs:
            dates = _quiet_dates(tuple(dobs))
            if dates is None:
                return None
            if dates:
                out["birth_dates"] = dates
        nat, cit = props.get("nationality"), props.get("citizenship")
        if nat or cit:
            nats = _quiet_nationalities((*(nat or ()), *(cit or ())))
            if nats is None:
                return None
            if nats:
                out["nationalities"] = nats
    new, cites = st.cites.of(entity, src, st.seen)
    out["sources"] = st.cites.json(cites)  # never empty (the file at least)
    return new, Line("actor", made, orjson.dumps(out, default=sub_json,
                                                 option=orjson.OPT_APPEND_NEWLINE))


def sanction_fast(entity: Entity, st: Any) -> Line | None:
    """The line of a Sanction entity whose targets were all read as actors and whose text
    an earlier sanction of this import had (:attr:`kg.ingest.ftm_sanctions.State.same`),
    sure to pass the model (:func:`kg.ingest.ftm_sanctions.sanction` writes the same line);
    None, with nothing changed, for any other (a repeated id, an id shortened, a target
    repeated under another spelling...). Notes the sanction's targets and datasets as
    :func:`kg.ingest.ftm._sanction_or_hold` does."""
    props = entity.clean
    targets = props.get("entity")
    sid = entity["id"]
    if not targets or not entity.plain or sid in st.sanctions:
        return None
    actors = st.actors
    for t in targets:
        if t not in actors:
            return None
    datasets = entity.get("datasets")
    key = (tuple([(k, tuple(v)) for k, v in props.items() if k != "entity"]),
           tuple(datasets) if type(datasets) is list else None,
           bool(st.counter) and any(t in st.counter for t in targets))
    try:
        hit = st.templates.get(key)
    except TypeError:  # a list or mapping among the datasets
        return None
    if hit is None:
        text = st.same.get(key[:2])
        if text is None or not text[9]:  # not read yet, or dates the model checks
            return None
        hit = _template(text, st, key[1] or (), key[2])
        if len(st.templates) >= TEMPLATES:
            st.templates.clear()
        st.templates[key] = hit
    made = slug_id("ftm", sid)
    ids = [slug_id("ftm", t) for t in dict.fromkeys(targets)]
    if len(made) == SHORTENED or len(set(ids)) != len(ids):
        return None
    known = hit[2]
    if known:
        sanctioned = st.derived.sanctioned
        for t in targets:
            for name in known:
                sanctioned.add((t, name))
    st.sanctions.add(sid)
    return Line("sanction", made, b"".join((
        b'{"type":"sanction","id":', orjson.dumps(made), hit[0], orjson.dumps(ids),
        hit[1])))


def _template(text: tuple[Any, ...], st: Any, datasets: tuple[Any, ...], countered: bool,
              ) -> tuple[bytes, bytes, list[str]]:
    """(the bytes between a sanction's id and its targets, the bytes after its targets, the
    names of its ``datasets`` kg knows) of the line :func:`kg.ingest.rows.sanction_line`
    writes for a sanction with this text (:data:`kg.ingest.ftm_sanctions._Text`), against
    a counter-sanctioning target when ``countered``."""
    imposers, authorities, program, reasons, date, end, status, measures, cites, _ = text
    if countered and not any(r.category is Reason.RETALIATION for r in reasons):
        reasons = [*reasons, COUNTER]
    head: dict[str, Any] = {"imposers": imposers}
    if authorities:
        head["authorities"] = authorities
    tail: dict[str, Any] = {}
    if status is not Status.IMPOSED:
        tail["status"] = status
    if measures:
        tail["measures"] = measures
    if reasons:
        tail["reasons"] = reasons
    if date is not None:
        tail["date"] = date
    if end is not None:
        tail["end_date"] = end
    if program is not None:
        tail["program"] = program
    tail["sources"] = st.cites.json(cites)
    known = [n for d in datasets if isinstance(d, str) and (n := dataset_named(d)) is not None]
    return (b"," + orjson.dumps(head, default=sub_json)[1:-1] + b',"targets":',
            b"," + orjson.dumps(tail, default=sub_json)[1:] + b"\n", known)
