"""sanctions-kg: a knowledge graph of sanctions events.

Data flows one way: files -> :func:`load` (validated :class:`Dataset`) -> :func:`build`
(a networkx MultiDiGraph) -> queries (:mod:`kg.query`) and exports (:mod:`kg.export`).

>>> import kg
>>> G = kg.build(kg.load())
>>> sorted({r.imposer_name for r in kg.who_sanctioned(G, "China", reason="human_rights",
...                                                   since="2021-03-22", until="2021-03-22")})
['Canada', 'European Union', 'United Kingdom', 'United States']
"""

from __future__ import annotations

__version__ = "0.1.0"

import typing as _typing

from kg._lazy import lazy_names as _lazy_names

if _typing.TYPE_CHECKING:
    from kg.errors import (
        DataError,
        KGError,
        OutputError,
        Problem,
        ResolveError,
        UsageError,
        ValidationFailed,
    )
    from kg.graph.build import build, who_sanctioned_whom
    from kg.model.records import (
        Actor,
        Citation,
        Dataset,
        ReasonRef,
        Sanction,
        Source,
        Statement,
    )
    from kg.output.table import to_dataframe, to_records
    from kg.query import (
        DayGraph,
        graph_as_of,
        relations,
        sanctioned_by,
        statements,
        timeline,
        who_sanctioned,
    )
    from kg.query.patterns import coalitions, retaliation
    from kg.readwrite.load import default_data_path, load
    from kg.resolve.resolver import Resolver

# Where each public name lives. They are imported on first use (PEP 562), so that
# `import kg.cli` for one cold query does not import networkx and every layer.
_HOME = {
    **dict.fromkeys(["DataError", "KGError", "OutputError", "Problem", "ResolveError",
                     "UsageError", "ValidationFailed"], "kg.errors"),
    **dict.fromkeys(["build", "who_sanctioned_whom"], "kg.graph.build"),
    **dict.fromkeys(["Actor", "Citation", "Dataset", "ReasonRef", "Sanction", "Source",
                     "Statement"], "kg.model.records"),
    **dict.fromkeys(["to_dataframe", "to_records"], "kg.output.table"),
    **dict.fromkeys(["DayGraph", "graph_as_of", "relations", "sanctioned_by", "statements",
                     "timeline", "who_sanctioned"], "kg.query"),
    **dict.fromkeys(["coalitions", "retaliation"], "kg.query.patterns"),
    **dict.fromkeys(["default_data_path", "load"], "kg.readwrite.load"),
    "Resolver": "kg.resolve.resolver",
}


__getattr__, __dir__ = _lazy_names("kg", _HOME, globals())


__all__ = [
    "Actor",
    "Citation",
    "DataError",
    "Dataset",
    "DayGraph",
    "KGError",
    "OutputError",
    "Problem",
    "ReasonRef",
    "ResolveError",
    "Resolver",
    "Sanction",
    "Source",
    "Statement",
    "UsageError",
    "ValidationFailed",
    "__version__",
    "build",
    "coalitions",
    "default_data_path",
    "graph_as_of",
    "load",
    "relations",
    "retaliation",
    "sanctioned_by",
    "statements",
    "timeline",
    "to_dataframe",
    "to_records",
    "who_sanctioned",
    "who_sanctioned_whom",
]
