"""Dataset -> networkx MultiDiGraph, and access to it: the graph's schema, which every
reader relies on (:mod:`~kg.graph.schema`: node and edge types, node ids, attributes, the
version mark), :mod:`~kg.graph.build`, the lookups kept beside a graph
(:mod:`~kg.graph.index`), one actor's neighbourhood (:mod:`~kg.graph.subgraph`) and saved
graphs (:mod:`~kg.graph.store`). :mod:`~kg.graph._nx` is the one module that touches
networkx internals.

May import :mod:`kg.model`, :mod:`kg.resolve`, :mod:`kg.readwrite` and :mod:`kg.errors`.
"""
