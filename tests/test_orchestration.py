"""What the CLI does, done from Python: open ``-d`` data, export with focus, import then
merge, merge files. The commands are thin wrappers over these functions."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

from kg.errors import UsageError, ValidationFailed
from kg.export import EXPORTERS, export_graph
from kg.graph.build import build
from kg.graph.store import is_saved_graph, open_graph, write_graph
from kg.graph.subgraph import neighbourhood
from kg.ingest import import_into
from kg.merge import merge_files
from kg.readwrite.load import default_data_path, load

REPO = Path(__file__).resolve().parent.parent
FIX = REPO / "tests" / "ingest" / "fixtures"
EXAMPLES = REPO / "examples"


def edges(G: nx.MultiDiGraph) -> list[tuple[str, str, str]]:
    return sorted((u, v, d["type"]) for u, v, d in G.edges(data=True))


def test_open_graph_defaults_to_the_bundled_data() -> None:
    G = open_graph()
    assert edges(G) == edges(build(load()))
    assert open_graph([]).number_of_nodes() == G.number_of_nodes()


def test_open_graph_reads_a_saved_graph_alone(tmp_path: Path) -> None:
    G = open_graph([EXAMPLES / "actors.yaml", EXAMPLES / "seed-article.yaml"])
    saved = write_graph(G, tmp_path / "seed.kgz")
    assert is_saved_graph(saved) and not is_saved_graph(EXAMPLES / "actors.yaml")
    assert edges(open_graph(saved)) == edges(G)
    with pytest.raises(UsageError, match="cannot be combined"):
        open_graph([saved, EXAMPLES / "actors.yaml"])


def test_open_graph_reports_bad_data(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("sanctions:\n  - {id: s1, imposers: [ghost], targets: [us]}\n")
    with pytest.raises(ValidationFailed) as exc:
        open_graph([bad])
    assert "[imposers]: unknown actor 'ghost'" in "\n".join(exc.value.lines())


def test_export_graph_applies_focus_once(tmp_path: Path) -> None:
    G = open_graph()
    out = export_graph(G, "json", tmp_path / "f.json", focus="China", depth=1)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert sorted(n["id"] for n in data["nodes"]) == sorted(neighbourhood(G, "China", depth=1))
    assert list(EXPORTERS) == ["json", "graphml", "gexf", "html", "ftm", "neo4j"]
    with pytest.raises(UsageError, match="unknown export format 'png'"):
        export_graph(G, "png", tmp_path / "x.png")


def test_import_into_merges_with_existing_data(tmp_path: Path) -> None:
    out = tmp_path / "un.yaml"
    report = import_into("un", [FIX / "consolidated.xml"], out, merge_with=[EXAMPLES])
    merged = load(out)
    alone = load(EXAMPLES)
    assert {s.id for s in alone.sanctions} <= {s.id for s in merged.sanctions}
    assert len(merged.sanctions) > len(alone.sanctions)
    # The UN imposer the importer writes is the curated one: one record (combined, not a
    # merge), and nothing merged.
    assert report.merges == [] and report.merged == 0
    assert dict(report.notes) == {"records with the same id as in the data merged with, "
                                  "content differed: combined, every source kept": 1}


def test_import_into_streams_jsonl(tmp_path: Path) -> None:
    out = tmp_path / "un.jsonl"
    report = import_into("un", [FIX / "consolidated.xml"], out)
    assert report.merges == [] and out.is_file()
    assert len(load([default_data_path() / "actors.yaml", out]).sanctions) > 0


def test_merge_files_advises_on_files_that_refer_to_each_other(tmp_path: Path) -> None:
    with pytest.raises(ValidationFailed) as exc:
        merge_files([EXAMPLES / "seed-article.yaml", EXAMPLES / "actors.yaml"])
    assert "put files that refer to each other in one folder" in exc.value.problems[-1].message
    ds, merges = merge_files([EXAMPLES])
    assert len(ds.sanctions) == len(load(EXAMPLES).sanctions) and merges == []
