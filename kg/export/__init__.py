"""Exporters: one module per output format, all taking a built graph.

* :mod:`kg.export.graph` — node-link JSON, GraphML, GEXF (read back by networkx)
* :mod:`kg.export.html` — the interactive, self-contained browser view
"""
