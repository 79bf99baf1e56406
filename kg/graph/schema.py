"""The graph schema: what :func:`kg.graph.build.build` writes and every reader may rely on.

A built graph is a :class:`networkx.MultiDiGraph` with ``G.graph["kg_graph_version"] ==
GRAPH_VERSION``. Its nodes are records, its edges the links between them:

* **Node ids** are ``<type>:<record id>`` (``actor:us``, ``sanction:xinjiang-2021-western``,
  ``reason:human_rights``); make and take them apart with :func:`node_id`,
  :func:`record_id` and :func:`node_type`, never by slicing.
* **Node types** (:class:`NodeType`) are actors, sanctions, statements, reasons, sources and
  relationships. Sanctions, statements and relationships (ownership, directorship, family)
  are nodes, not edges, because they carry dates, shares, measures and sources, and one
  pair of actors may have several. Every node has ``type`` and ``label``; the other
  attributes of each type, and their shapes, are the :class:`TypedDict` s below
  (:data:`NODE_SCHEMAS`).
* **Edge types** (:class:`EdgeType`) are the edge keys, and also each edge's ``type``
  attribute; :data:`EDGE_ENDS` says which node types each joins, :data:`EDGE_ATTRIBUTES`
  which attributes it carries besides ``type``. Two records have at most one edge of a type
  between them.
* **Statuses**: :data:`IN_FORCE` and :data:`TENTATIVE` (from :mod:`kg.model.vocab`) are what
  queries and views count as in force and as only threatened or expected.

A graph that kg did not build (a plain networkx graph, a GEXF export read back) lacks the
version mark; the queries and exporters refuse it with :func:`require_kg_graph` rather than
fail deep inside. A GraphML export keeps the mark, so read it back with
:func:`kg.export.graph.read_graphml`, which also turns its JSON-text lists back into lists
(``networkx.read_graphml`` alone does not, and the mark cannot tell).

>>> node_id(NodeType.SANCTION, "x"), record_id("sanction:x"), node_type("sanction:x")
('sanction:x', 'x', <NodeType.SANCTION: 'sanction'>)
>>> NODE_ATTRIBUTES[NodeType.REASON]
('type', 'label')
"""

from __future__ import annotations

import types
from enum import StrEnum
from typing import Any, Literal, TypedDict, get_args, get_origin, get_type_hints

from kg.errors import UsageError
from kg.model.vocab import IN_FORCE, TENTATIVE

__all__ = [
    "EDGE_ATTRIBUTES",
    "EDGE_ENDS",
    "GRAPH_VERSION",
    "GRAPH_VERSION_KEY",
    "IN_FORCE",
    "LIST_ATTRIBUTES",
    "NODE_ATTRIBUTES",
    "NODE_SCHEMAS",
    "TENTATIVE",
    "ActorNode",
    "EdgeType",
    "NodeType",
    "ReasonNode",
    "RelationshipNode",
    "SanctionNode",
    "SourceNode",
    "StatementNode",
    "attribute_types",
    "node_id",
    "node_type",
    "prefix",
    "record_id",
    "require_kg_graph",
]

GRAPH_VERSION = 5
"""Bumped whenever node ids, attribute names or shapes, or edge types change; saved graphs
(:mod:`kg.graph.store`) of another version are refused."""
GRAPH_VERSION_KEY = "kg_graph_version"
"""The ``G.graph`` key that marks a graph built by kg, holding :data:`GRAPH_VERSION`."""


class NodeType(StrEnum):
    """What a node stands for; also the prefix of its id."""

    ACTOR = "actor"
    SANCTION = "sanction"
    STATEMENT = "statement"
    REASON = "reason"
    SOURCE = "source"
    RELATIONSHIP = "relationship"


class EdgeType(StrEnum):
    """What an edge says; also its key and its ``type`` attribute."""

    IMPOSED = "IMPOSED"
    """actor -> sanction it imposed (one per imposer)."""
    ISSUED = "ISSUED"
    """government body -> sanction it issued for its polity (``authorities``)."""
    TARGETS = "TARGETS"
    """sanction -> actor it targets."""
    BECAUSE_OF = "BECAUSE_OF"
    """sanction -> reason, with the source's ``detail``."""
    RESPONDS_TO = "RESPONDS_TO"
    """sanction -> earlier sanction it answers (``in_response_to``)."""
    MADE = "MADE"
    """actor -> statement it made."""
    ABOUT = "ABOUT"
    """statement -> sanction or actor it is about."""
    MEMBER_OF = "MEMBER_OF"
    """actor -> bloc it belongs to."""
    PART_OF = "PART_OF"
    """actor -> actor it is part of (an official of a state, a ministry of a government)."""
    CITES = "CITES"
    """actor, sanction, statement or relationship -> source, with the first ``quote``."""
    OWNS = "OWNS"
    """owner (actor) -> ownership relationship -> asset (actor); the share, dates and
    sources are on the relationship node (one owner-asset pair may have several)."""
    DIRECTS = "DIRECTS"
    """director (actor) -> directorship relationship -> organisation (actor)."""
    RELATED_TO = "RELATED_TO"
    """person (actor) -> family or associate relationship -> relative or associate."""


_A, _S, _T, _R = NodeType.ACTOR, NodeType.SANCTION, NodeType.STATEMENT, NodeType.RELATIONSHIP
#: Edge type -> (node types it starts from, node types it ends at).
EDGE_ENDS: dict[EdgeType, tuple[frozenset[NodeType], frozenset[NodeType]]] = {
    EdgeType.IMPOSED: (frozenset({_A}), frozenset({_S})),
    EdgeType.ISSUED: (frozenset({_A}), frozenset({_S})),
    EdgeType.TARGETS: (frozenset({_S}), frozenset({_A})),
    EdgeType.BECAUSE_OF: (frozenset({_S}), frozenset({NodeType.REASON})),
    EdgeType.RESPONDS_TO: (frozenset({_S}), frozenset({_S})),
    EdgeType.MADE: (frozenset({_A}), frozenset({_T})),
    EdgeType.ABOUT: (frozenset({_T}), frozenset({_S, _A})),
    EdgeType.MEMBER_OF: (frozenset({_A}), frozenset({_A})),
    EdgeType.PART_OF: (frozenset({_A}), frozenset({_A})),
    EdgeType.CITES: (frozenset({_A, _S, _T, _R}), frozenset({NodeType.SOURCE})),
    **{t: (frozenset({_A, _R}), frozenset({_R, _A}))
       for t in (EdgeType.OWNS, EdgeType.DIRECTS, EdgeType.RELATED_TO)},
}
#: Edge type -> the attributes its edges carry besides ``type`` (each may be None).
EDGE_ATTRIBUTES: dict[EdgeType, tuple[str, ...]] = {
    **{t: () for t in EdgeType}, EdgeType.BECAUSE_OF: ("detail",), EdgeType.CITES: ("quote",)}


# --- node ids ------------------------------------------------------------------------------

_PREFIX: dict[str, str] = {t: f"{t}:" for t in NodeType}
_TYPE: dict[str, NodeType] = {str(t): t for t in NodeType}


def prefix(kind: NodeType | str) -> str:
    """The id prefix of a node type: ``prefix(NodeType.ACTOR) == "actor:"``. For code that
    makes ids in bulk and shares the strings (see :func:`kg.graph.build.build`).

    Raises ValueError for a string that is not a node type.
    """
    try:
        return _PREFIX[kind]
    except KeyError:
        raise ValueError(f"{kind!r} is not a node type") from None


def node_id(kind: NodeType | str, rid: str) -> str:
    """The id of the node of record ``rid``: ``node_id(NodeType.ACTOR, "us") == "actor:us"``.

    Raises ValueError for a ``kind`` that is not a node type.
    """
    try:
        return _PREFIX[kind] + rid
    except KeyError:
        raise ValueError(f"{kind!r} is not a node type") from None


def record_id(node: str) -> str:
    """The record id in a node id (``"x"`` for ``"sanction:x"``); the inverse of
    :func:`node_id`. Record ids may hold colons; type names do not.

    Raises ValueError for a string that is not a node id of a known type.
    """
    kind, sep, rid = node.partition(":")
    if not sep or kind not in _TYPE:
        raise ValueError(f"{node!r} is not a node id (type:record)")
    return rid


def node_type(node: str) -> NodeType:
    """The type named by a node id's prefix: ``node_type("actor:us") is NodeType.ACTOR``.

    Raises ValueError for a string that is not a node id of a known type.
    """
    kind, sep, _ = node.partition(":")
    if not sep or kind not in _TYPE:
        raise ValueError(f"{node!r} is not a node id (type:record)")
    return _TYPE[kind]


# --- node attributes -----------------------------------------------------------------------
# One TypedDict per node type, keys in the order build writes them (the exporters' column
# order). Every key is always present; "| None" marks the ones that may hold None. Ids in
# lists (imposers, targets...) are record ids, not node ids. Dates are ISO strings, possibly
# partial ("2021", "2021-03"), which sort and compare as text.


class ActorNode(TypedDict):
    """An ``actor:<id>`` node (from :class:`kg.model.records.Actor`)."""

    type: Literal["actor"]
    label: str
    """The actor's name."""
    kind: str
    """An :class:`~kg.model.vocab.ActorKind` value."""
    country: str | None
    aliases: list[str]
    weak_aliases: list[str]
    """Names the list flags as weak (:attr:`kg.model.records.Actor.weak_aliases`)."""
    count: int | None
    description: str | None
    wikidata_id: str | None
    position: str | None
    identifiers: dict[str, str]
    """Scheme -> value(s) (:data:`kg.model.identity.IDENTIFIER_SCHEMES`)."""
    birth_dates: list[str]
    """Dates of birth as the sources give them (partial dates allowed)."""
    nationalities: list[str]
    """Nationalities, ISO 3166-1 alpha-2 in lower case."""
    draft: bool
    sources: list[str]
    """Ids of the sources that cite the actor (each quote is on its CITES edge)."""


class SanctionNode(TypedDict):
    """A ``sanction:<id>`` node (from :class:`kg.model.records.Sanction`)."""

    type: Literal["sanction"]
    label: str
    """``"imposers → targets"`` by name, a few of each."""
    status: str
    """A :class:`~kg.model.vocab.Status` value."""
    imposers: list[str]
    authorities: list[str]
    """The issuing bodies' actor ids (``Sanction.authorities``)."""
    targets: list[str]
    measures: list[str]
    """:class:`~kg.model.vocab.Measure` values."""
    reasons: list[str]
    """:class:`~kg.model.vocab.Reason` values, in the record's order."""
    reason_details: list[str | None]
    """The source's words for each of ``reasons``, position by position."""
    date: str | None
    effective_date: str | None
    end_date: str | None
    program: str | None
    legal_basis: str | None
    in_response_to: list[str]
    """Ids of the sanctions this one answers."""
    sources: list[str]
    quotes: list[str | None]
    """The quote of each of ``sources``, position by position."""
    confidence: float | None


class StatementNode(TypedDict):
    """A ``statement:<id>`` node (from :class:`kg.model.records.Statement`)."""

    type: Literal["statement"]
    label: str
    """``"speakers: stance"``."""
    stance: str
    """A :class:`~kg.model.vocab.Stance` value."""
    speakers: list[str]
    date: str | None
    summary: str | None
    about_sanctions: list[str]
    about_actors: list[str]
    sources: list[str]
    quotes: list[str | None]
    confidence: float | None


class ReasonNode(TypedDict):
    """A ``reason:<category>`` node, one per :class:`~kg.model.vocab.Reason` in use."""

    type: Literal["reason"]
    label: str
    """The category with spaces (``human rights``)."""


class SourceNode(TypedDict):
    """A ``source:<id>`` node (from :class:`kg.model.records.Source`)."""

    type: Literal["source"]
    label: str
    """The title, else the publisher, else the id."""
    url: str | None
    title: str | None
    publisher: str | None
    published: str | None


class RelationshipNode(TypedDict):
    """A ``relationship:<id>`` node (from :class:`kg.model.relations.Relationship`)."""

    type: Literal["relationship"]
    label: str
    """``"A owns 60% of B"``, ``"A directs B (CEO)"``, ``"A – B (daughter)"``."""
    kind: str
    """A :class:`~kg.model.vocab.RelationKind` value."""
    subject: str
    """The owner, director or person (an actor id)."""
    object: str
    """The asset, organisation, relative or associate (an actor id)."""
    share: float | None
    """For ownership: the percentage held; None when not known."""
    role: str | None
    start_date: str | None
    end_date: str | None
    sources: list[str]
    quotes: list[str | None]


#: Node type -> the TypedDict of its attributes.
NODE_SCHEMAS: dict[NodeType, type[Any]] = {
    NodeType.ACTOR: ActorNode, NodeType.SANCTION: SanctionNode,
    NodeType.STATEMENT: StatementNode, NodeType.REASON: ReasonNode,
    NodeType.SOURCE: SourceNode, NodeType.RELATIONSHIP: RelationshipNode,
}


def attribute_types(kind: NodeType) -> dict[str, Any]:
    """Attribute name -> its type (``str | None``, ``list[str]``...) for nodes of ``kind``,
    in the order build writes them."""
    return get_type_hints(NODE_SCHEMAS[kind])


def _is_collection(tp: Any) -> bool:
    options = get_args(tp) if isinstance(tp, types.UnionType) else (tp,)
    return any(get_origin(o) in (list, dict) for o in options)


#: Node type -> its attribute names, in the order build writes them.
NODE_ATTRIBUTES: dict[NodeType, tuple[str, ...]] = {
    t: tuple(attribute_types(t)) for t in NodeType}
#: Attribute names whose values are lists or mappings (on any node type).
LIST_ATTRIBUTES: frozenset[str] = frozenset(
    a for t in NodeType for a, tp in attribute_types(t).items() if _is_collection(tp))


# --- the version mark ----------------------------------------------------------------------


def require_kg_graph(G: Any) -> None:
    """Refuse, with :class:`~kg.errors.UsageError`, a graph that :func:`kg.build` did not
    make (or that an older or newer sanctions-kg made): queries and exporters read node ids
    and attributes as this module declares them, which another graph need not have.

    Called at the door of every public query and exporter; costs one dict lookup.
    """
    attrs = getattr(G, "graph", None)
    if not isinstance(attrs, dict):
        raise UsageError(f"expected a graph built by kg.build, got {type(G).__name__}; "
                         "build one with kg.build(kg.load(...)) or read a saved .kgz")
    version = attrs.get(GRAPH_VERSION_KEY)
    if version == GRAPH_VERSION:
        return
    if version is None:
        raise UsageError(f"this graph was not built by kg.build (no {GRAPH_VERSION_KEY}); "
                         "build it with kg.build(kg.load(...)) or read a saved .kgz")
    raise UsageError(f"this graph has kg graph schema v{version!r}; this sanctions-kg reads "
                     f"v{GRAPH_VERSION}: build it again with kg.build(kg.load(...))")
