"""The record contract: what a sanction, a statement, an actor and a source are.

* :mod:`kg.model.vocab`: the controlled vocabularies (kinds, statuses, measures, reasons,
  stances) as StrEnums;
* :mod:`kg.model.dates`: partial dates (:class:`PartialDate`): checks, periods, ranges;
* :mod:`kg.model.records`: the Pydantic records and :class:`Dataset`;
* :mod:`kg.model.refs`: the reference fields (read from their ``Ref`` tags) and the checks
  across records (unknown ids, membership cycles, :func:`~kg.model.refs.ensure_valid`);
* :mod:`kg.model.jsonschema`: the JSON Schema written from the records.

This package imports nothing from the rest of ``kg`` but :mod:`kg.errors`.
"""

from __future__ import annotations

from kg.model.dates import DateText, PartialDate
from kg.model.records import (
    RECORD_TYPES,
    Actor,
    Citation,
    Dataset,
    ReasonRef,
    Record,
    Relationship,
    Sanction,
    Slug,
    Source,
    Statement,
)

__all__ = [
    "RECORD_TYPES",
    "Actor",
    "Citation",
    "Dataset",
    "DateText",
    "PartialDate",
    "ReasonRef",
    "Record",
    "Relationship",
    "Sanction",
    "Slug",
    "Source",
    "Statement",
]
