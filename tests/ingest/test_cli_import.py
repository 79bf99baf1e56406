"""`kg import`, `kg merge`, `kg query merges` and queries/exports on imported data."""

import json
import subprocess
import sys

import networkx as nx
import pytest

from kg.graph.build import build
from kg.query import who_sanctioned
from kg.readwrite.load import load


def kg(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd)


@pytest.fixture
def imported(tmp_path, fixtures):
    out = {}
    for kind, names in [("ftm", ["entities.ftm.json"]), ("un", ["consolidated.xml"]),
                        ("ofac", ["sdn.csv", "alt.csv", "add.csv"]),
                        ("gdelt", ["events.export.CSV"])]:
        path = tmp_path / f"{kind}.jsonl"
        r = kg("import", kind, *[fixtures / n for n in names], "-o", path,
               "--report", tmp_path / f"{kind}.json")
        assert r.returncode == 1, r.stderr  # every fixture has a bad record on purpose
        assert f"wrote {path}: " in r.stderr
        assert (f"skipped (each listed above with its file, line and reason); {path} holds "
                "the others; exit 1 because the input was not read whole") in r.stderr
        assert r.stdout == ""
        out[kind] = path
    return out


def test_import_report_on_stderr_and_json(imported, tmp_path):
    report = json.loads((tmp_path / "ofac.json").read_text())
    assert report["imported"] == {"actor": 7, "sanction": 5, "source": 1}  # with us, OFAC
    assert report["skipped_total"] == 3
    assert {s["line"] for s in report["skipped"]} == {4, 5}


def test_imports_load_together_and_queries_work(imported):
    r = kg("validate", *imported.values())
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "valid: 16 sources, 25 actors, 16 sanctions, 1 statement"
    G = build(load(list(imported.values())))
    rows = who_sanctioned(G, "Russia")
    assert sorted((x.imposer, x.sanction) for x in rows) == [
        ("eu", "ftm-eu-fsf-nordlight"), ("eu", "gdelt-1100004"), ("us", "gdelt-1100001"),
        ("us", "ofac-9006-sdn")]
    r = kg("query", "who-sanctioned", "ofac-9005", "-d", imported["ofac"], "--format", "json")
    assert [(x["imposer"], x["reason"]) for x in json.loads(r.stdout)] == [
        ("us", "cyber"), ("us", "election_interference")]


def test_html_free_exports_on_imported_data(imported, tmp_path):
    out = tmp_path / "g.graphml"
    r = kg("export", "graphml", "-d", imported["un"], "-o", out)
    assert r.returncode == 0, r.stderr
    G = nx.read_graphml(out)
    assert G.nodes["sanction:un-kpi-901-listing"]["type"] == "sanction"
    r = kg("export", "json", "-d", imported["gdelt"], "-o", tmp_path / "g.json")
    data = json.loads((tmp_path / "g.json").read_text())
    assert "actor:ve" in {n["id"] for n in data["nodes"]}


def test_merge_with_and_query_merges(imported, tmp_path, fixtures):
    out = tmp_path / "both.jsonl"
    r = kg("import", "ofac", fixtures / "sdn.csv", "-o", out, "--merge-with", imported["ftm"],
           "--merge-with", imported["un"])
    assert "merges:" in r.stderr
    ds = load(out)
    assert ds.actor("ofac-9001") is None  # folded into the FtM record, which came first
    r = kg("query", "merges", "-d", imported["ftm"], "-d", imported["un"], "-d",
           imported["ofac"], "--format", "json")
    # FtM and OFAC agree on his date of birth; the UN entry has none (name alone: apart).
    assert json.loads(r.stdout) == [{"kind": "actor", "into": "ftm-nk-vesk7qa-8135a39e",
                                     "merged": ["ofac-9001"], "rule": "name+birth date",
                                     "conflicts": []}]
    r = kg("merge", *imported.values(), "-o", tmp_path / "all.jsonl")
    assert r.returncode == 0
    assert "  merged as duplicates of records with other ids: 1 actor\n" in r.stderr


def test_bad_usage_and_nothing_imported(tmp_path):
    r = kg("import", "nosuch", "x", "-o", tmp_path / "o.jsonl")
    assert r.returncode == 2
    bad = tmp_path / "bad.json"
    bad.write_text("{not json\n")
    r = kg("import", "ftm", bad, "-o", tmp_path / "o.jsonl")
    assert r.returncode == 1
    assert f"{bad}:1: invalid JSON" in r.stderr
    assert (f"kg: error: nothing could be imported from 1 entry; {tmp_path / 'o.jsonl'} "
            "not written") in r.stderr
    assert not (tmp_path / "o.jsonl").exists()
    assert "Traceback" not in r.stderr


def test_identical_duplicates_load_once_different_ones_do_not(tmp_path):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text('{"type": "actor", "id": "us", "name": "United States", "kind": "state"}\n')
    b.write_text('{"type": "actor", "id": "us", "name": "United States", "kind": "state"}\n')
    assert len(load([a, b]).actors) == 1
    b.write_text('{"type": "actor", "id": "us", "name": "USA", "kind": "state"}\n')
    r = kg("validate", a, b)
    assert r.returncode == 1 and "duplicate actor id 'us'" in r.stderr


def test_who_sanctioned_shows_the_issuing_authority(tmp_path, fixtures):
    data = tmp_path / "ofac.jsonl"
    assert kg("import", "ofac", fixtures / "sdn.xml", "-o", data).returncode == 1
    saved = tmp_path / "g.kgz"
    assert kg("build", "-d", data, "-o", saved).returncode == 0
    for source in (data, saved):  # the graph, and a saved graph's index (cold)
        r = kg("query", "who-sanctioned", "CALM HORIZON", "-d", source, "--format", "json")
        rows = json.loads(r.stdout)
        assert {(x["imposer"], x["authority"], tuple(x["authority_ids"])) for x in rows} == {
            ("us", "Office of Foreign Assets Control", ("us-ofac",))}
    table = kg("query", "who-sanctioned", "CALM HORIZON", "-d", data).stdout
    assert table.splitlines()[0].split()[-1] == "authority"
    assert "Office of Foreign" in table
    # a sanction that names no authority has an empty one
    r = kg("query", "who-sanctioned", "Russia", "--format", "json")
    assert r.returncode == 0 and all(x["authority"] is None for x in json.loads(r.stdout))
