"""FtM relationship entities (``Ownership``, ``Directorship``, ``Family``, ``Associate``,
``UnknownLink``) -> :class:`~kg.model.relations.Relationship` records.

Read by :func:`kg.ingest.ftm.read_ftm`: a link is held until the whole input is read (its
two ends may come after it), then imported when both ends were imported as actors, else
reported as skipped with its file and line.

* ``Ownership``: ``owner`` -> ``asset``, ``percentage`` as the share (``51``, ``51.5``,
  ``51%``; a value outside (0, 100] or not a number is left out, reported); ``sharesValue``
  and ``sharesCount`` are amounts, not percentages, and are not read as a share;
* ``Directorship``: ``director`` -> ``organization``, ``role``;
* ``Family``: ``person`` -> ``relative``, ``relationship`` as the role;
* ``Associate``: ``person`` -> ``associate``; ``UnknownLink``: ``subject`` -> ``object``;
* ``startDate`` and ``endDate`` on each (read as the lists' dates are, changes reported).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from kg.ingest.common import ImportReport, read_date, slug_id
from kg.ingest.rows import source_id
from kg.model.records import Citation, Relationship
from kg.model.vocab import RelationKind

__all__ = ["LINK_SCHEMAS", "Entity", "Link", "first_value", "links_out", "values"]

#: FtM schema -> (relationship kind, subject property, object property, role property).
LINK_SCHEMAS: dict[str, tuple[RelationKind, str, str, str | None]] = {
    "Ownership": (RelationKind.OWNERSHIP, "owner", "asset", "role"),
    "Directorship": (RelationKind.DIRECTORSHIP, "director", "organization", "role"),
    "Family": (RelationKind.FAMILY, "person", "relative", "relationship"),
    "Associate": (RelationKind.ASSOCIATE, "person", "associate", "relationship"),
    "UnknownLink": (RelationKind.ASSOCIATE, "subject", "object", "role"),
}

_PERCENT = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*%?\s*$")


@dataclass
class Link:
    """A link entity held until its ends are known."""

    entity: dict[str, Any]
    cites: list[Citation]
    file: str
    line: int


class Entity(dict[str, Any]):
    """An FtM entity as read from its JSON (a dict), with :attr:`clean`: each property's
    non-blank values, stripped, read once (properties with none are left out), and
    :attr:`plain`: True when orjson read it, so no string in it holds a lone surrogate."""

    __slots__ = ("clean", "plain")

    clean: dict[str, list[str]]
    plain: bool


def values(entity: dict[str, Any], prop: str) -> list[str]:
    """The non-blank values of property ``prop`` of an FtM entity, stripped (for an
    :class:`Entity`, the list it holds: read it, do not change it)."""
    if type(entity) is Entity:
        return entity.clean.get(prop) or []
    return [s for v in entity["properties"].get(prop, ()) if (s := v.strip())]


def first_value(entity: dict[str, Any], *props: str) -> str | None:
    """The first non-blank value of the first of ``props`` that has one, or None."""
    for p in props:
        for v in values(entity, p):
            return v
    return None


def _share(entity: dict[str, Any], link: Link, report: ImportReport, rec: str) -> float | None:
    for raw in values(entity, "percentage"):
        m = _PERCENT.match(raw)
        value = float(m.group(1).replace(",", ".")) if m else None
        if value is not None and 0 < value <= 100:
            return value
        report.change(link.file, link.line, f"percentage {raw!r} is not a share in (0, 100]; "
                      "left out (the share is unknown)", record=rec, field="percentage")
    return None


def links_out(links: list[Link], actors: set[str], report: ImportReport) -> Iterator[Relationship]:
    """The relationships of ``links`` whose two ends are in ``actors`` (FtM ids), in input
    order; every other link is reported as skipped, naming the missing end."""
    for link in links:
        e = link.entity
        kind, subj_prop, obj_prop, role_prop = LINK_SCHEMAS[e["schema"]]
        rec = f"entity {e['id']!r}"
        subj, obj = values(e, subj_prop)[:1], values(e, obj_prop)[:1]
        missing = [f"{p} {v[0]!r}" if v else f"no {p}" for p, v in
                   ((subj_prop, subj), (obj_prop, obj)) if not v or v[0] not in actors]
        if missing:
            report.skip(link.file, link.line, f"{e['schema']} {e['id']!r}: "
                        f"{', '.join(missing)} not in the input as an actor")
            continue
        if subj[0] == obj[0]:
            report.skip(link.file, link.line, f"{e['schema']} {e['id']!r} links "
                        f"{subj[0]!r} to itself")
            continue
        start = read_date(next(iter(values(e, "startDate")), None), report, link.file,
                          link.line, record=rec, field="startDate")
        end = read_date(next(iter(values(e, "endDate")), None), report, link.file,
                        link.line, record=rec, field="endDate")
        if start and end and end < start:
            report.change(link.file, link.line, f"endDate {end} is before startDate {start}; "
                          "endDate left out", record=rec, field="endDate")
            end = None
        roles = values(e, role_prop) if role_prop else []
        yield Relationship(
            id=source_id("ftm", e["id"], report, link.file, link.line, record=rec, field="id"),
            kind=kind, subject=slug_id("ftm", subj[0]),
            object=slug_id("ftm", obj[0]),
            share=_share(e, link, report, rec) if kind is RelationKind.OWNERSHIP else None,
            role="; ".join(dict.fromkeys(roles)) or None, start_date=start, end_date=end,
            sources=link.cites)
