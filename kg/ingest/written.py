"""Records an importer hands :func:`kg.ingest.write_import` already written as their JSONL
lines, never built: one (:class:`Line`, :mod:`kg.ingest.rows`) or many in a row
(:class:`Lines`, :mod:`kg.ingest.ftm`). Only write_import's own stream sees these;
:func:`kg.ingest.read_records` yields records."""

from __future__ import annotations

__all__ = ["Line", "Lines"]


class Line:
    """A record already written as its JSONL line (``data``, with the line end), with its
    ``type`` and ``id``: what an importer hands :func:`kg.ingest.write_import` in place of a
    record it never built (:func:`kg.ingest.rows.actor_line`,
    :func:`~kg.ingest.rows.sanction_line`). Only write_import's
    own stream sees these; :func:`kg.ingest.read_records` yields records."""

    __slots__ = ("data", "id", "type")

    def __init__(self, type_: str, id_: str, data: bytes) -> None:
        self.type, self.id, self.data = type_, id_, data


class Lines:
    """Records written as JSONL lines one after the other: ``data``, their lines (each with
    its line end), ``counts``, how many records of each type they are, the types in the
    order their first line comes (what :attr:`kg.ingest.ImportReport.imported` counts), and
    ``kinds``, how many of the actors are of each kind (person, organization...: what
    :attr:`kg.ingest.ImportReport.actor_kinds` counts)."""

    __slots__ = ("counts", "data", "kinds")

    def __init__(self, counts: dict[str, int], data: bytes,
                 kinds: dict[str, int] | None = None) -> None:
        self.counts, self.data, self.kinds = counts, data, kinds or {}
