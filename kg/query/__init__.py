"""Questions asked of the sanctions graph: pure functions, graph first, options keyword-only.

* :mod:`kg.query.sanctions`: who sanctioned whom (:func:`relations`, :func:`who_sanctioned`,
  :func:`sanctioned_by`);
* :mod:`kg.query.speech`: what was said (:func:`statements`) and one actor's :func:`timeline`;
* :mod:`kg.query.patterns`: :func:`retaliation` chains and :func:`coalitions`;
* :mod:`kg.query.stats`: counts for charts;
* :mod:`kg.query._args`: the shared option checks and :func:`resolve_actor`.
"""

from __future__ import annotations

from kg.query._args import resolve_actor
from kg.query.ownership import (
    MIN_SHARE,
    Exposure,
    ExposureReport,
    Holding,
    OwnershipPath,
    exposure,
    holdings,
    owners,
)
from kg.query.patterns import Coalition, RetaliationLink, coalitions, retaliation
from kg.query.sanctions import Relation, relations, sanctioned_by, who_sanctioned
from kg.query.speech import StatementRow, TimelineEntry, statements, timeline

__all__ = [
    "MIN_SHARE",
    "Coalition",
    "Exposure",
    "ExposureReport",
    "Holding",
    "OwnershipPath",
    "Relation",
    "RetaliationLink",
    "StatementRow",
    "TimelineEntry",
    "coalitions",
    "exposure",
    "holdings",
    "owners",
    "relations",
    "resolve_actor",
    "retaliation",
    "sanctioned_by",
    "statements",
    "timeline",
    "who_sanctioned",
]
