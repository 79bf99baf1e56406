"""Every module kg/ imports is the standard library's, kg's own, or a distribution that
pyproject.toml declares (a dependency, or an extra for an optional import): a clean venv
installs what the code needs, nothing comes from whatever else happens to be installed."""

from __future__ import annotations

import ast
import importlib.metadata as md
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    reqs = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        reqs += extra
    return {_norm(re.match(r"[A-Za-z0-9_.-]+", r).group()) for r in reqs}  # type: ignore[union-attr]


def _imported() -> dict[str, str]:
    """Top-level module imported -> the first file that imports it."""
    found: dict[str, str] = {}
    for path in sorted((ROOT / "kg").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module] if isinstance(node, ast.ImportFrom) and node.level == 0
                and node.module else [])
            for name in names:
                found.setdefault(name.split(".")[0], str(path.relative_to(ROOT)))
    return found


def test_every_import_of_kg_is_declared() -> None:
    declared = _declared()
    owners = md.packages_distributions()
    missing = []
    for module, where in _imported().items():
        if module == "kg" or module in sys.stdlib_module_names or module == "__future__":
            continue
        dists = {_norm(d) for d in owners.get(module, [module])}
        if not dists & declared:
            missing.append(f"{module} ({where}; distribution {sorted(dists)})")
    assert missing == []


def test_the_check_sees_a_third_party_import() -> None:
    imported = _imported()
    # modules kg really imports, so the walk over kg/ cannot be silently empty
    assert {"networkx", "pydantic", "pydantic_core", "yaml"} <= set(imported)
    assert "pydantic-core" in _declared() and "pyyaml" in _declared()
