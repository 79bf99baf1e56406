"""Shared fixtures: the bundled example data and its graph."""

from __future__ import annotations

import networkx as nx
import pytest

from kg.graph.build import build
from kg.model.records import Dataset
from kg.readwrite.load import load


@pytest.fixture(scope="session")
def bundled() -> Dataset:
    return load()


@pytest.fixture(scope="session")
def G(bundled: Dataset) -> nx.MultiDiGraph:
    return build(bundled)
