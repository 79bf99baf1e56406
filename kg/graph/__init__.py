"""Dataset -> networkx MultiDiGraph, and access to it: :mod:`~kg.graph.build`, the lookups
kept beside a graph (:mod:`~kg.graph.index`), one actor's neighbourhood
(:mod:`~kg.graph.subgraph`) and saved graphs (:mod:`~kg.graph.store`).

May import :mod:`kg.model`, :mod:`kg.resolve`, :mod:`kg.readwrite` and :mod:`kg.errors`.
"""
