"""The graph as FollowTheMoney JSON lines, so OpenSanctions tooling can take it.

* Actors become entities ``kg-<id>``: person -> Person, organization -> Organization,
  government_body, state and bloc -> PublicBody, group -> LegalEntity, vessel -> Vessel,
  aircraft -> Airplane.
  Names, aliases (``alias``), weak aliases (``weakAlias``), country, Wikidata id, position
  and notes are kept; a state or bloc that imposes sanctions is itself a PublicBody so that
  sanctions can name it.
* A sanction becomes one FtM ``Sanction`` per target (FtM links a sanction to one entity):
  ``kg-<sanction id>-<target id>`` with ``entity``, ``authority`` (the issuing bodies'
  names, else the imposers'), ``country`` (the imposers' countries), ``program``,
  ``reason`` (the source's words where known, else the category), ``provisions``
  (measures), ``startDate``/``endDate``, ``status`` and ``sourceUrl``. A retaliation adds
  the ``sanction.counter`` topic to its targets, as OpenSanctions does.
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

from kg.graph.schema import ActorNode, NodeType, SanctionNode, node_id, record_id, require_kg_graph
from kg.model.dates import PartialDate
from kg.readwrite.atomic import atomic_open

__all__ = ["LINKS", "SCHEMAS", "ftm_entities", "write_ftm"]

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
        retaliation = "retaliation" in s["reasons"]
        for t in s["targets"]:
            if retaliation:
                topics[t].append("sanction.counter")
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
        out.append({"id": _eid(aid), "schema": schema, "properties": _clean(props)})
    return out + sanctions + _links(G, urls)


def write_ftm(G: nx.MultiDiGraph, path: str | os.PathLike[str]) -> Path:
    """Write the graph as FtM JSON lines (one entity per line), atomically."""
    target = Path(path)
    with atomic_open(target) as fh:
        for entity in ftm_entities(G):
            fh.write(json.dumps(entity, ensure_ascii=False, sort_keys=True) + "\n")
    return target
