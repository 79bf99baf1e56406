"""The ``kg`` command line: thin commands over the library.

* :mod:`kg.cli.app`: the ``kg`` group, shared options, error mapping and :func:`main`;
* :mod:`kg.cli.data`: the commands that make data (import, merge, extract, build).

Only this package prints. It may import anything in ``kg``; nothing imports it.
"""

from __future__ import annotations

from kg.cli import data as _data  # noqa: F401  (registers its commands on the groups)
from kg.cli.app import cli, main

__all__ = ["cli", "main"]
