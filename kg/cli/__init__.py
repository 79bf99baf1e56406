"""The ``kg`` command line: thin commands over the library.

* :mod:`kg.cli.app`: the ``kg`` group, :func:`main` (error mapping, exit codes), opening
  ``-d`` data and printing answers;
* :mod:`kg.cli.options`: options shared by several commands, declared once;
* :mod:`kg.cli.query`: ``kg query ...``; :mod:`kg.cli.ownership`: its ownership questions;
* :mod:`kg.cli.export`: ``kg demo``, ``kg export``, ``kg schema``;
* :mod:`kg.cli.data`: ``kg validate``, ``kg import``, ``kg merge``, ``kg build``;
* :mod:`kg.cli.extract`: ``kg extract``;
* :mod:`kg.cli.search`: ``kg search``, and the note every command gives when it takes a
  name that was not exact.

Only this package prints. It may import anything in ``kg``; nothing in ``kg`` imports it.
"""

from __future__ import annotations

# Each module registers its commands on the group when imported.
from kg.cli import data, export, extract, ownership, query, search  # noqa: F401
from kg.cli.app import cli, main

__all__ = ["cli", "main"]
