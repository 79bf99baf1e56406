"""Answers as text: records, JSON, CSV and terminal tables (:mod:`~kg.output.table`).

Returns strings; never prints. May import :mod:`kg.errors` only.
"""
