"""Files <-> records: careful reading (:mod:`~kg.readwrite.readers`: bounded decoding, YAML
with line numbers, JSONL), validation into a :class:`~kg.model.Dataset`
(:mod:`~kg.readwrite.load`) and atomic writing (:mod:`~kg.readwrite.write`).

May import :mod:`kg.model`, :mod:`kg.resolve` and :mod:`kg.errors`; nothing from the graph up.
"""
