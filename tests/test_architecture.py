"""The package's shape, as docs/architecture.md draws it: layers import only downwards, no
import cycles, no module past ~400 lines, a handful of plain modules at the top of ``kg/``."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

KG = Path(__file__).resolve().parent.parent / "kg"

# The base every part may use: errors, the curated tables, the clock, the JSON codec; they
# import nothing above them.
BASE = {"kg.errors", "kg._perf", "kg._clock", "kg._lazy", "kg._listing", "kg.curated"}

# What each part of kg/ may import from the rest of kg/ (besides itself and BASE). The order
# is the data flow of docs/architecture.md; "kg" is the package root's public names.
ALLOWED: dict[str, set[str]] = {
    "kg.errors": set(),
    "kg._perf": set(),
    "kg._lazy": set(),
    "kg._listing": set(),
    "kg._clock": {"kg.errors"},
    "kg.curated": set(),
    "kg.model": {"kg.errors"},
    "kg.resolve": {"kg.errors", "kg.model"},
    "kg.readwrite": {"kg.errors", "kg.model", "kg.resolve", "kg._perf"},
    "kg.output": {"kg.errors"},
    "kg.merge": {"kg.errors", "kg.model", "kg.resolve", "kg.readwrite"},
    "kg.graph": {"kg.errors", "kg.model", "kg.resolve", "kg.readwrite", "kg._perf"},
    "kg.query": {"kg.errors", "kg.model", "kg.resolve", "kg.graph"},
    "kg.ingest": {"kg.errors", "kg.model", "kg.resolve", "kg.readwrite", "kg.merge",
                  "kg._perf"},
    "kg.extract": {"kg.errors", "kg.model", "kg.resolve", "kg.readwrite"},
    "kg.export": {"kg.errors", "kg.model", "kg.resolve", "kg.readwrite", "kg.graph",
                  "kg.query", "kg._perf"},
    "kg.notebook": {"kg.export", "kg.graph", "kg.errors"},
    "kg": {"kg.errors", "kg.model", "kg.resolve", "kg.readwrite", "kg.graph", "kg.query",
           "kg.output"},
    "kg.cli": {"kg", "kg.errors", "kg.model", "kg.resolve", "kg.readwrite", "kg.graph",
               "kg.query", "kg.output", "kg.merge", "kg.ingest", "kg.extract", "kg.export"},
    "kg.__main__": {"kg.cli"},
}


def module_name(path: Path) -> str:
    parts = path.relative_to(KG.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def part(module: str) -> str:
    """The layer a module belongs to: kg.graph.build -> kg.graph, kg.errors -> kg.errors."""
    return ".".join(module.split(".")[:2])


def imports() -> nx.DiGraph:
    """Module -> kg module it imports (at any depth of the file, lazy imports included)."""
    modules = {module_name(p) for p in KG.rglob("*.py")}
    G = nx.DiGraph()
    for p in KG.rglob("*.py"):
        here = module_name(p)
        G.add_node(here)
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                # "from kg.query import stats" imports the module kg.query.stats
                targets = [f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in modules
                           else node.module for a in node.names]
            else:
                continue
            G.add_edges_from((here, t) for t in targets if t == "kg" or t.startswith("kg."))
    return G


def test_no_import_cycle_between_modules() -> None:
    cycles = [c for c in nx.simple_cycles(imports()) if len(c) > 1]
    assert cycles == []


def test_layers_import_only_what_they_may() -> None:
    wrong = sorted(
        f"{u} imports {v}" for u, v in imports().edges()
        if part(v) != part(u) and part(v) not in ALLOWED[part(u)]
        and not (part(v) in BASE and part(u) not in BASE)
    )
    assert wrong == []


def test_every_part_has_a_rule() -> None:
    assert {part(m) for m in imports()} <= set(ALLOWED)


def test_no_module_past_400_lines() -> None:
    long = {str(p.relative_to(KG)): n for p in KG.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert long == {}


def test_a_handful_of_plain_modules_at_the_top() -> None:
    top = sorted(p.name for p in KG.glob("*.py"))
    assert top == ["__init__.py", "__main__.py", "_clock.py", "_lazy.py", "_listing.py",
                   "_perf.py", "errors.py", "merge.py", "notebook.py"]


def test_nothing_but_the_entry_point_imports_the_cli() -> None:
    users = sorted(u for u, v in imports().edges() if part(v) == "kg.cli" and part(u) != "kg.cli")
    assert users == ["kg.__main__"]
