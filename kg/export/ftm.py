"""The graph as FollowTheMoney JSON lines, so OpenSanctions tooling can take it.

* Actors become entities ``kg-<id>``: person -> Person, organization -> Organization,
  government_body, state and bloc -> PublicBody, group -> LegalEntity, vessel -> Vessel,
  aircraft -> Airplane.
  Names, aliases (``alias``), weak aliases (``weakAlias``), country, Wikidata id, position
  and notes are kept; a state or bloc that imposes sanctions is itself a PublicBody so that
  sanctions can name it. A person's dates of birth become ``birthDate`` and nationalities
  ``nationality``; identifiers become the FtM property of their scheme
  (:data:`kg.model.identity.FTM_PROPERTIES`: ``passportNumber``, ``idNumber``,
  ``imoNumber``, ``leiCode``, ``innCode``...) where the entity's schema has it
  (:data:`PROPERTY_SCHEMAS`), in FtM's form (:func:`kg.export.ftm_ids.ftm_value`: an IMO
  number as ``IMO9123453``). Nothing is dropped: a value FtM would refuse (a bad check
  digit), an identifier with no FtM property (a list
  reference such as ``un_reference``) or none on that schema, and a nationality FtM cannot
  hold, go into ``notes`` as ``scheme: value``.
* A sanction becomes one FtM ``Sanction`` per target (FtM links a sanction to one entity):
  ``kg-<sanction id>-<target id>`` with ``entity``, ``authority`` (the issuing bodies'
  names, else the imposers'), ``country`` (the imposers' countries), ``program``,
  ``reason`` (the source's words where known, else the category), ``provisions``
  (measures), ``startDate``/``endDate``, ``status`` and ``sourceUrl``. A target of a
  measure in force (imposed, extended, eased) gets the ``sanction`` topic, and of a
  retaliation in force ``sanction.counter``, as OpenSanctions does; a threatened, expected
  or lifted one gets neither (those tools read the topic as "is sanctioned").
* A relationship becomes the FtM interval of its kind, ``kg-<relationship id>``: ownership
  -> ``Ownership`` (``owner``, ``asset``, ``percentage`` when the share is known, ``role``),
  directorship -> ``Directorship`` (``director``, ``organization``, ``role``), family ->
  ``Family`` (``person``, ``relative``, ``relationship``), associate -> ``UnknownLink``
  (``subject``, ``object``, ``role``; FtM's ``Associate`` takes people only), each with
  ``startDate``/``endDate`` and ``sourceUrl``; ``kg import ftm`` reads them back as the same
  relationships (:data:`kg.ingest.ftm_links.LINK_SCHEMAS`).
* Statements have no FtM schema and are not written.

Only the standard library is used; the test suite reads every line back with the
``followthemoney`` library.
"""

from __future__ import annotations

import json
import os
import re
from collections import defaultdict
from pathlib import Path
from typing import Any, cast

import networkx as nx

from kg.export.ftm_ids import ftm_value
from kg.graph.schema import ActorNode, NodeType, SanctionNode, node_id, record_id, require_kg_graph
from kg.model.dates import PartialDate
from kg.model.identity import FTM_PROPERTIES, identifier_values
from kg.readwrite.atomic import atomic_open

#: Statuses of a measure in force: its targets get the FtM topic ``sanction``.
_IN_FORCE = frozenset({"imposed", "extended", "eased"})

__all__ = ["LINKS", "PROPERTY_SCHEMAS", "SCHEMAS", "ftm_entities", "write_ftm"]

#: Our actor kind -> FtM schema.
SCHEMAS = {"person": "Person", "organization": "Organization",
           "government_body": "PublicBody", "state": "PublicBody", "bloc": "PublicBody",
           "group": "LegalEntity", "vessel": "Vessel",
           "aircraft": "Airplane"}

#: Our relationship kind -> (FtM schema, subject property, object property, role property).
LINKS = {"ownership": ("Ownership", "owner", "asset", "role"),
         "directorship": ("Directorship", "director", "organization", "role"),
         "family": ("Family", "person", "relative", "relationship"),
         "associate": ("UnknownLink", "subject", "object", "role")}

_LEGAL = frozenset({"Person", "Organization", "PublicBody", "LegalEntity"})
#: FtM property -> the schemas among :data:`SCHEMAS` that have it (from FtM's schemata:
#: ``LegalEntity`` and its descendants hold the registry identifiers, ``Person`` the
#: personal ones, ``Vessel`` the maritime ones).
PROPERTY_SCHEMAS: dict[str, frozenset[str]] = {
    **{p: _LEGAL for p in ("idNumber", "leiCode", "innCode", "ogrnCode", "taxNumber",
                           "swiftBic", "vatCode")},
    "registrationNumber": _LEGAL | {"Vessel", "Airplane"},
    "imoNumber": frozenset({"Organization", "PublicBody", "Vessel"}),
    "callSign": frozenset({"Vessel"}), "mmsi": frozenset({"Vessel"}),
    **{p: frozenset({"Person"}) for p in ("passportNumber", "birthPlace", "title",
                                          "birthDate", "nationality", "position")},
}

_COUNTRY = re.compile(r"^[a-z]{2}$")


def _date(value: Any) -> list[str]:
    # FtM dates are prefixes of the same ISO form as kg's partial dates.
    try:
        return [PartialDate(value).text] if value else []
    except ValueError:
        return []


def _eid(rid: str) -> str:
    return "kg-" + rid


def _clean(props: dict[str, list[Any]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for k, values in props.items():
        vals = [str(v) for v in dict.fromkeys(values) if v is not None and str(v).strip()]
        if vals:
            out[k] = vals
    return out


def _links(G: nx.MultiDiGraph, urls: dict[str, Any]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    found = [(n, d) for n, d in G.nodes(data=True) if d.get("type") == "relationship"]
    for node, r in sorted(found, key=lambda nd: nd[0]):
        schema, subj, obj, role = LINKS[r["kind"]]
        share = r.get("share")
        out.append({"id": _eid(record_id(node)), "schema": schema, "properties": _clean({
            subj: [_eid(r["subject"])], obj: [_eid(r["object"])], role: [r.get("role")],
            "percentage": [] if share is None else [f"{share:g}"],
            "startDate": _date(r.get("start_date")), "endDate": _date(r.get("end_date")),
            "sourceUrl": [u for u in (urls.get(x) for x in r["sources"])
                          if u and re.match(r"^https?://", u)]})})
    return out


def _identity(a: ActorNode, schema: str, props: dict[str, list[Any]]) -> None:
    """Add the actor's dates of birth, nationalities and identifiers to ``props`` (see the
    module docstring); what has no property on ``schema`` goes into ``notes``."""
    def put(prop: str | None, values: list[Any], note: str) -> None:
        if prop is not None and schema in PROPERTY_SCHEMAS.get(prop, ()):
            props.setdefault(prop, []).extend(values)
        else:
            props["notes"].extend(f"{note}: {v}" for v in values)

    births = [str(b) for b in a.get("birth_dates") or []]
    put("birthDate", [d for b in births for d in _date(b)], "date of birth")
    put(None, [b for b in births if not _date(b)], "date of birth")
    nats = list(a.get("nationalities") or [])
    put("nationality", [c for c in nats if _COUNTRY.match(c)], "nationality")
    put(None, [c for c in nats if not _COUNTRY.match(c)], "nationality")
    for scheme, raw in sorted((a.get("identifiers") or {}).items()):
        prop = FTM_PROPERTIES.get(scheme)
        for v in identifier_values({scheme: raw}, scheme):
            kept = ftm_value(prop, v) if prop else None
            if prop and kept is None:  # FtM would drop it: a note says why
                put(None, [v], f"{scheme} (not a valid {prop} for FtM)")
            else:
                put(prop, [kept or v], scheme)
                if kept and len(kept) < len(re.sub(r"\s", "", v)):  # a BIC's branch
                    put(None, [v], scheme)


def ftm_entities(G: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """The graph's actors, sanctions and relationships as FtM entity dicts (``id``,
    ``schema``, ``properties``), in that order."""
    require_kg_graph(G)
    actors = cast(dict[str, ActorNode],
                  {n: d for n, d in G.nodes(data=True) if d.get("type") == "actor"})
    urls = {record_id(n): d.get("url") for n, d in G.nodes(data=True)
            if d.get("type") == "source"}
    topics: dict[str, list[str]] = defaultdict(list)
    sanctions: list[dict[str, Any]] = []
    found = cast(list[tuple[str, SanctionNode]],
                 [(n, d) for n, d in G.nodes(data=True) if d.get("type") == "sanction"])
    for node, s in sorted(found, key=lambda nd: nd[0]):
        sid = record_id(node)
        imposers: list[ActorNode | dict[str, Any]] = [
            actors.get(node_id(NodeType.ACTOR, i), {}) for i in s["imposers"]]
        countries = [a.get("country") for a in imposers]
        countries += [i for i in s["imposers"] if _COUNTRY.match(i)]
        reasons = [d or c for c, d in zip(s["reasons"], s["reason_details"], strict=False)]
        # FtM's authority is the issuing body when the sanction names one, else the imposer
        issuers: list[ActorNode | dict[str, Any]] = [
            actors.get(node_id(NodeType.ACTOR, i), {})
            for i in s.get("authorities") or ()] or imposers
        # Only a measure in force lists its target: OpenSanctions tools read the topic
        # "sanction" as "is sanctioned", so a threat, an expectation or a lifted measure
        # gives none (the Sanction entity, with its status, is still written)
        in_force = s["status"] in _IN_FORCE
        retaliation = "retaliation" in s["reasons"] and in_force
        for t in s["targets"]:
            if retaliation:
                topics[t].append("sanction.counter")
            if in_force:
                topics[t].append("sanction")
            sanctions.append({
                "id": _eid(f"{sid}-{t}"), "schema": "Sanction",
                "properties": _clean({
                    "entity": [_eid(t)],
                    "authority": [a.get("label") for a in issuers],
                    "country": [c for c in countries if c and _COUNTRY.match(c)],
                    "program": [s.get("program")],
                    "reason": reasons,
                    "provisions": [m.replace("_", " ") for m in s["measures"]],
                    "startDate": _date(s.get("date")),
                    "endDate": _date(s.get("end_date")),
                    "status": [s["status"]],
                    "sourceUrl": [u for u in (urls.get(x) for x in s["sources"])
                                  if u and re.match(r"^https?://", u)],
                }),
            })
    out: list[dict[str, Any]] = []
    for node, a in sorted(actors.items(), key=lambda nd: nd[0]):
        aid = record_id(node)
        schema = SCHEMAS.get(a.get("kind", ""), "LegalEntity")
        props: dict[str, list[Any]] = {
            "name": [a.get("label")],
            "alias": list(a.get("aliases") or []),
            "weakAlias": list(a.get("weak_aliases") or []),
            "country": [a.get("country")] if _COUNTRY.match(a.get("country") or "") else [],
            "wikidataId": [a.get("wikidata_id")],
            "notes": [a.get("description")],
            "topics": topics.get(aid, []),
        }
        if schema == "Person":
            props["position"] = [a.get("position")]
        _identity(a, schema, props)
        out.append({"id": _eid(aid), "schema": schema, "properties": _clean(props)})
    return out + sanctions + _links(G, urls)


def write_ftm(G: nx.MultiDiGraph, path: str | os.PathLike[str]) -> Path:
    """Write the graph as FtM JSON lines (one entity per line), atomically."""
    target = Path(path)
    with atomic_open(target) as fh:
        for entity in ftm_entities(G):
            fh.write(json.dumps(entity, ensure_ascii=False, sort_keys=True) + "\n")
    return target
