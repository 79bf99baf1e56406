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
from kg.ingest.ftm_read import plain_values
from kg.ingest.ftm_sanctions import COUNTER
from kg.ingest.identity import FTM_ID_PROPS, birth_dates, nationalities
from kg.ingest.rows import SHORTENED, sub_json
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
           "iso_country", "known", "sanction_fast", "sanction_raw"]

#: The properties an actor's country is read from, in order.
COUNTRY_PROPS = ("country", "nationality", "citizenship", "jurisdiction", "mainCountry", "flag")
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
#: How many actors' record ids an import remembers for the sanctions next (then none).
SLUGS = 8192
#: The longest sanction text (its properties as JSON) remembered by its JSON
#: (:func:`sanction_raw`): memory stays bounded whatever the texts' length.
MAX_KEY = 16_384


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


def _identifiers(eid: str, props: dict[str, list[str]], which: tuple[str, ...],
                 ) -> dict[str, str]:
    """The actor's identifiers as :func:`~kg.ingest.identity.ftm_identity` and
    :meth:`~kg.ingest.identity.Identity.joined` make them, the entity id first (``which``:
    the identifier properties ``props`` has, in :data:`FTM_ID_PROPS`' order)."""
    out = {"opensanctions": eid}
    for prop in which:
        got = props[prop]
        if len(got) == 1:  # most identifiers
            if v := " ".join(got[0].split()):
                out[FTM_ID_PROPS[prop]] = v
            continue
        kept: list[str] = []
        for v in got:
            v = " ".join(v.split())
            if v and v not in kept:
                kept.append(v)
        if kept:
            out[FTM_ID_PROPS[prop]] = SEPARATOR.join(kept)
    return out


#: What an actor's reading needs to know of the properties it has (see :func:`_plan`).
_Plan = tuple[str | None, str | None, bool, bool, bool, bool, tuple[str, ...], bool, bool]


#: The plan of each set of property names met lately (all forgotten at 1024: a list's
_PLANS: dict[tuple[str, ...], _Plan] = {}  # entities have a few shapes; cheaper than an LRU


def _plan(keys: tuple[str, ...]) -> _Plan:
    """For an entity with the cleaned properties ``keys``: (the property its country is
    read from, the one its description is, whether it has aliases or previous names, weak
    aliases, Wikidata ids, a position, its identifier properties in
    :data:`FTM_ID_PROPS`' order, dates of birth, nationalities or citizenships), remembered
    in :data:`_PLANS` (:func:`actor_fast` looks there first)."""
    if len(_PLANS) >= 1024:
        _PLANS.clear()
    has = set(keys)
    plan: _Plan = (next((p for p in COUNTRY_PROPS if p in has), None),
                   next((p for p in DESCRIPTION if p in has), None),
                   "alias" in has or "previousName" in has, "weakAlias" in has,
                   "wikidataId" in has, "position" in has,
                   tuple(p for p in FTM_ID_PROPS if p in has), "birthDate" in has,
                   "nationality" in has or "citizenship" in has)
    _PLANS[keys] = plan
    return plan


def actor_fast(data: dict[str, Any], kind: ActorKind, st: Any, src: Any,
               ) -> tuple[list[Any], bytes] | None:
    """(new source records, the JSONL line) of an actor entity as orjson read it (``data``,
    before it is read as an :class:`~kg.ingest.ftm_links.Entity`), noted as read
    (:func:`known`); :func:`kg.ingest.ftm._actor` reads it the same. None when the entity
    needs the full reading: anything :func:`kg.ingest.ftm_read.plain_entity` would not take
    as it is (values that are not strings, blank or with white space around them), anything
    reported (a repeated id, no name, a name cut, a country code that is not ISO, a date of
    birth or nationality not read as it is, an id shortened), or a value the model would
    check. Nothing is changed when it gives None."""
    eid = data.get("id")
    props = data.get("properties")
    if type(eid) is not str or type(props) is not dict or not eid or eid in st.actors \
            or eid != eid.strip():
        return None
    if not plain_values(props):  # as plain_entity takes them: what the full reading cleans
        return None
    names = props.get("name", _NONE)
    caption = data.get("caption")
    name = (caption.strip() if type(caption) is str else None) or \
        (names[0] if names else None)
    if not name or len(name) > MAX_NAME:
        return None
    made = slug_id("ftm", eid)
    if len(made) == SHORTENED:  # maybe shortened (reported)
        return None
    country_prop, desc_prop, many, weak, qids, position, ids, dobs, nats = \
        _PLANS.get(keys := tuple(props)) or _plan(keys)
    if many or len(names) > 1:  # each once, but the name (no comprehension: no frame)
        each = dict.fromkeys([*names, *props.get("alias", _NONE),
                              *props.get("previousName", _NONE)])
        each.pop(name, None)
        aliases = list(each)
    else:
        aliases = [names[0]] if names and names[0] != name else _NONE
    out: dict[str, Any] = {"type": "actor", "id": made, "name": name, "kind": kind}
    if country_prop is not None:
        country = iso_country(props[country_prop][0])
        if country is None:  # noted
            return None
        out["country"] = country
    if aliases:
        out["aliases"] = aliases
    if weak and (weak_aliases := weak_names([name, *aliases], props["weakAlias"])):
        out["weak_aliases"] = weak_aliases
    if desc_prop is not None:
        out["description"] = props[desc_prop][0]
    wikidata = None
    if qids:
        for q in props["wikidataId"]:
            if QID.match(q):
                wikidata = q
                break
    if wikidata is None and eid[0] == "Q" and QID.match(eid):
        wikidata = eid
    if wikidata is not None:
        if QID_ASCII.fullmatch(wikidata) is None:
            return None
        out["wikidata_id"] = wikidata
    if position and kind is ActorKind.PERSON:
        out["position"] = props["position"][0]
    out["identifiers"] = _identifiers(eid, props, ids) if ids else {"opensanctions": eid}
    if dobs:
        dates = _quiet_dates(tuple(props["birthDate"]))
        if dates is None:
            return None
        if dates:
            out["birth_dates"] = dates
    if nats:
        found = _quiet_nationalities((*props.get("nationality", _NONE),
                                      *props.get("citizenship", _NONE)))
        if found is None:
            return None
        if found:
            out["nationalities"] = found
    new, out["sources"] = st.cites.written_of(data, src, st.seen, props)  # never empty
    line = orjson.dumps(out, default=sub_json, option=orjson.OPT_APPEND_NEWLINE)
    st.actors.add(eid)  # what known does
    if len(slugs := st.slugs) >= SLUGS:
        slugs.clear()
    slugs[eid] = made
    if "topics" in props:
        _topics(data, eid, made, props["topics"], st)
    return new, line


def known(entity: dict[str, Any], actor_id: str, st: Any) -> None:
    """Note that ``entity`` was imported as the actor ``actor_id`` (its topics: a
    counter-sanctioning target, a listing to derive)."""
    eid = entity["id"]
    st.actors.add(eid)
    topics = entity["properties"].get("topics")
    if topics:
        _topics(entity, eid, actor_id, topics, st)


def _topics(entity: dict[str, Any], eid: str, actor_id: str, topics: list[str],
            st: Any) -> None:
    """:func:`known`'s reading of the entity's ``topics``."""
    if "sanction.counter" in topics:
        st.counter.add(eid)
    if "sanction" in topics:
        datasets = entity.get("datasets")
        st.derived.mark(eid, actor_id, [d for d in datasets if isinstance(d, str)]
                        if isinstance(datasets, list) else [], st.report)
    elif "sanction.linked" in topics:
        st.report.note("entities with the topic sanction.linked (linked to a sanctioned "
                       "entity, not listed themselves): no listing derived")


def sanction_raw(data: Any, st: Any) -> tuple[bytes | None, bytes | None]:
    """(the line of a Sanction entity as orjson read it, before it is read as an
    :class:`~kg.ingest.ftm_links.Entity`, or None; the key its written text is remembered
    under in :attr:`~kg.ingest.ftm_sanctions.State.templates`, with whether a target
    counter-sanctions: its properties but its targets and its datasets, as JSON). The line
    when an earlier sanction of this import with the same key was read with nothing
    reported and written by :func:`sanction_fast` (which remembers it under the key), and
    this one's targets were all read as actors (see :func:`sanction_fast`); else None,
    with nothing changed."""
    props = data.get("properties")
    sid = data.get("id")
    if type(props) is not dict or type(sid) is not str or not sid.strip() or \
            sid in st.sanctions:
        return None, None
    given = props.get("entity")
    if type(given) is not list:
        return None, None
    try:
        if len(given) == 1:  # most sanctions (no comprehension: no frame)
            one = given[0].strip()
            targets = [one] if one else _NONE
        else:
            targets = [s for v in given if (s := v.strip())]
    except AttributeError:  # not a string: reported by the full reading
        return None, None
    if not targets:
        return None, None
    rest = props.copy()
    del rest["entity"]
    key = orjson.dumps([rest, data.get("datasets")])
    if len(key) > MAX_KEY:
        return None, None
    actors = st.actors
    for t in targets:
        if t not in actors:
            return None, key
    hit = st.templates.get((key, bool(st.counter) and not st.counter.isdisjoint(targets)))
    return (None if hit is None else _write(sid, targets, hit, st)), key


def sanction_fast(entity: Entity, st: Any, raw_key: bytes | None = None) -> bytes | None:
    """The line of a Sanction entity whose targets were all read as actors and whose text
    an earlier sanction of this import had (:attr:`kg.ingest.ftm_sanctions.State.same`),
    sure to pass the model (:func:`kg.ingest.ftm_sanctions.sanction` writes the same line);
    None, with nothing changed, for any other (a repeated id, an id shortened, a target
    repeated under another spelling...). Notes the sanction's targets and datasets as
    :func:`kg.ingest.ftm._sanction_or_hold` does. ``raw_key``: the key
    :func:`sanction_raw` gave for this entity when reading it reported nothing (its
    properties as read): the text's line is remembered under it too."""
    props = entity.clean
    targets = props.get("entity")
    sid = entity["id"]
    if not targets or not entity.plain or sid in st.sanctions:
        return None
    actors = st.actors
    for t in targets:
        if t not in actors:
            return None
    countered = bool(st.counter) and not st.counter.isdisjoint(targets)
    if raw_key is not None and (hit := st.templates.get((raw_key, countered))) is not None:
        return _write(sid, targets, hit, st)
    datasets = entity.get("datasets")
    key = (tuple([(k, tuple(v)) for k, v in props.items() if k != "entity"]),
           tuple(datasets) if type(datasets) is list else None, countered)
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
    line = _write(sid, targets, hit, st)
    if line is not None and raw_key is not None:
        st.templates[raw_key, countered] = hit
    return line


def _write(sid: str, targets: list[str], hit: tuple[bytes, bytes, list[str]],
           st: Any) -> bytes | None:
    """The line of sanction ``sid`` against ``targets`` (cleaned values) with the written
    text ``hit`` (:func:`_template`), noted as read; None when its id or targets need the
    full reading."""
    made = slug_id("ftm", sid)
    if len(made) == SHORTENED:
        return None
    slugs = st.slugs  # the ids of the actors read lately: what slug_id makes of them
    if len(targets) == 1:  # most sanctions
        ids = slugs.get(targets[0]) or slug_id("ftm", targets[0])
    else:
        many = [slugs.get(t) or slug_id("ftm", t) for t in dict.fromkeys(targets)]
        if len(set(many)) != len(many):
            return None
        ids = '","'.join(many)
    known = hit[2]
    if known:
        # Only listed targets' pairs are looked up (Derived.records); all were read here, and
        listed = st.derived.listed  # one not listed now never will be (marked when read)
        for t in targets:
            if t in listed:
                for name in known:
                    st.derived.sanctioned.add((t, name))
    st.sanctions.add(sid)
    # A slug id needs no escaping in JSON (letters, digits and ``._:-``): written as is.
    return b'{"type":"sanction","id":"%b"%b["%b"]%b' % (made.encode(), hit[0], ids.encode(),
                                                       hit[1])


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
