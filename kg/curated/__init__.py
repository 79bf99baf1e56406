"""Curated tables: the data kg keeps by hand, as YAML files in this folder.

Each file opens with a comment giving its source and its rule, and ``tests/test_curated.py``
checks every rule (well-formed keys and values, every country code known to ISO 3166,
no phrase in two tables that should not share it). The tables:

=====================  ===================================================================
file                   what it maps
=====================  ===================================================================
seats                  seats of government ("washington", "kremlin") -> country or bloc
short_names            short and former names ISO does not list ("uk", "burma") -> country
demonyms               "chinese", "european" -> country or bloc
display_names          ISO code -> the name readers expect ("ru" -> "Russia")
blocs                  bloc id -> name and aliases
government_bodies      "biden administration", "foreign office" -> country or bloc
leaders                "lavrov", "von der leyen" -> country or bloc
titles                 "secretary of state" -> country
authorities            issuing authority -> imposer id
issuing_bodies         issuing authorities kept as government bodies (id, name, polity)
ofac_programs          OFAC programme tag -> reasons
un_regimes             UN regime prefix and list type -> name and reasons
uk_regimes             UK (OFSI) regime name -> reasons
eu_programmes          EU programme code -> name and reasons
csl_lists              US Consolidated Screening List source lists and agencies
opensanctions_datasets OpenSanctions dataset -> the polity and body whose listings it holds
cameo                  CAMEO country, group and sanction event codes
reasons                the reason lexicon (:mod:`kg.resolve.lexicon`)
measures               the measure lexicon (:mod:`kg.resolve.lexicon`)
=====================  ===================================================================

The files are package data, read with :mod:`importlib.resources`, so an installed wheel
finds them. This module imports nothing from kg, so any layer may use it.

>>> load_table("seats")["kremlin"]
'ru'
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

import yaml

__all__ = ["load_table", "table_names"]


def table_names() -> list[str]:
    """The names of every curated table (the YAML files of this folder, without ``.yaml``)."""
    folder = resources.files(__package__)
    return sorted(p.name.removesuffix(".yaml") for p in folder.iterdir()
                  if p.name.endswith(".yaml"))


@functools.cache
def load_table(name: str) -> Any:
    """The curated table ``name`` (see the module docstring), as YAML loads it: a dict.

    Loaded once and cached, so callers must not change what they get (the modules that use
    a table copy it into their own typed constants). Raises :class:`FileNotFoundError` for
    a name with no file.
    """
    text = resources.files(__package__).joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)
