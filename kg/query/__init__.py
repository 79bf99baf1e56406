"""Questions asked of the sanctions graph: pure functions, graph first, options keyword-only.

* :mod:`kg.query.sanctions`: who sanctioned whom (:func:`relations`, :func:`who_sanctioned`,
  :func:`sanctioned_by`);
* :mod:`kg.query.speech`: what was said (:func:`statements`) and one actor's :func:`timeline`;
* :mod:`kg.query.patterns`: :func:`retaliation` chains and :func:`coalitions`;
* :mod:`kg.query.stats`: counts for charts;
* :mod:`kg.query.asof`: :func:`graph_as_of`, the graph of one day (what was in force), which
  every question answers from as from any graph;
* :mod:`kg.query._args`: the shared option checks and :func:`resolve_actor`.
"""

from __future__ import annotations

import typing as _typing

from kg._lazy import lazy_names as _lazy_names

if _typing.TYPE_CHECKING:
    from kg.query._args import resolve_actor
    from kg.query.asof import DayGraph, graph_as_of
    from kg.query.ownership import (
        PATHS,
        Exposure,
        ExposureReport,
        Holding,
        OwnershipPath,
        exposure,
        holdings,
        owners,
    )
    from kg.query.patterns import Coalition, RetaliationLink, coalitions, retaliation
    from kg.query.rows import Relation, Relations, TimelineEntry
    from kg.query.sanctions import relations, sanctioned_by, who_sanctioned
    from kg.query.speech import StatementRow, statements, timeline

# Imported on first use (PEP 562): kg.query.cold answers from a saved graph's index
# without importing networkx, which the graph questions need.
_HOME = {
    "resolve_actor": "kg.query._args",
    **dict.fromkeys(["DayGraph", "graph_as_of"], "kg.query.asof"),
    **dict.fromkeys(["PATHS", "Exposure", "ExposureReport", "Holding", "OwnershipPath",
                     "exposure", "holdings", "owners"], "kg.query.ownership"),
    **dict.fromkeys(["Coalition", "RetaliationLink", "coalitions", "retaliation"],
                    "kg.query.patterns"),
    **dict.fromkeys(["Relation", "Relations", "TimelineEntry"], "kg.query.rows"),
    **dict.fromkeys(["relations", "sanctioned_by", "who_sanctioned"], "kg.query.sanctions"),
    **dict.fromkeys(["StatementRow", "statements", "timeline"], "kg.query.speech"),
}


__getattr__, __dir__ = _lazy_names("kg.query", _HOME, globals())


__all__ = [
    "PATHS",
    "Coalition",
    "DayGraph",
    "Exposure",
    "ExposureReport",
    "Holding",
    "OwnershipPath",
    "Relation",
    "Relations",
    "RetaliationLink",
    "StatementRow",
    "TimelineEntry",
    "coalitions",
    "exposure",
    "graph_as_of",
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
