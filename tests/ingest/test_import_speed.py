"""What the import speed-ups must not change: the JSONL line of a record, the records and
report of an FtM import whose values repeat (the per-value caches), and the order of the
report whatever the hash seed."""

import json
import os
import subprocess
import sys
from pathlib import Path

from kg.ingest import import_dataset, record_bytes, record_line, write_import
from kg.model.records import Actor, Citation, Sanction, Source
from kg.model.relations import Relationship


def test_record_bytes_is_record_line():
    odd = "x\x01\x1f\x7f\u2028 \t\n\r\b\f é 😀 \\ \" / <script>"
    records = [
        Source(id="s", title=odd, url="https://example.org/a?b=1&c=é"),
        Actor(id="a", name="Ösel " + odd, kind="person", aliases=["A", "B"],
              identifiers={"imo": "9000001"}, birth_dates=["1961-04"],
              sources=[Citation(source="s", quote=odd, start=0, end=3)]),
        Sanction(id="x", imposers=["us"], targets=["a"], reasons=["human_rights"],
                 measures=["asset_freeze"], date="2021", confidence=0.3333333333333333,
                 sources=[{"source": "s"}]),
        Relationship(id="r", kind="ownership", subject="a", object="b", share=51.5,
                     sources=[{"source": "s"}]),
    ]
    for rec in records:
        assert record_bytes(rec) == record_line(rec).encode("utf-8")
        assert json.loads(record_bytes(rec))["id"] == rec.id


def _entity(eid, schema, **props):
    return {"id": eid, "schema": schema, "properties": props, "datasets": ["us_ofac_sdn"]}


def test_repeated_values_give_the_same_records_each_time(tmp_path):
    """Citations, bodies, reasons and dates are read once per value: every entity that
    repeats them gets equal records, and each shared source or body is written once."""
    lines = []
    for i in range(3):
        lines.append(_entity(f"P{i}", "Person", name=[f"Person {i}"], country=["ir"],
                             sourceUrl=["https://example.org/list"]))
        lines.append(_entity(f"S{i}", "Sanction", entity=[f"P{i}"],
                             authority=["Ministry of Magic"], country=["gb"],
                             reason=["Human rights abuses"], startDate=["2021/03/04"]))
    path = tmp_path / "rep.ftm.json"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    ds, report = import_dataset("ftm", [path], today="2026-01-01")
    sanctions = sorted(ds.sanctions, key=lambda s: s.id)
    assert [s.authorities for s in sanctions] == [["body-ministry-of-magic"]] * 3
    assert [(r.category.value, r.detail) for s in sanctions for r in s.reasons] == \
        [("human_rights", "Human rights abuses")] * 3
    assert [s.date for s in sanctions] == ["2021-03-04"] * 3
    # each date read in another form is reported for each record, naming its line
    assert [(c.line, c.field) for c in report.changed] == \
        [(2, "startDate"), (4, "startDate"), (6, "startDate")]
    ids = [r.id for r in ds.sources] + [a.id for a in ds.actors]
    assert len(ids) == len(set(ids))
    assert sum(1 for a in ds.actors if a.id == "body-ministry-of-magic") == 1
    for actor in (a for a in ds.actors if a.kind.value == "person"):
        assert [c.source for c in actor.sources] == [
            "ftm-dataset-us-ofac-sdn", next(s.id for s in ds.sources if s.url)]
    out = tmp_path / "rep.jsonl"
    again = write_import("ftm", [path], out, today="2026-01-01")
    assert again.to_dict() == report.to_dict()
    assert len(out.read_text(encoding="utf-8").splitlines()) == \
        sum(report.imported.values())


def test_report_of_waiting_sanctions_does_not_depend_on_the_hash_seed(tmp_path):
    """A sanction waiting for several targets that never come is reported under its first
    target in the file: the same report whatever PYTHONHASHSEED is."""
    lines = [_entity("S1", "Sanction", entity=["a", "b"], country=["us"]),
             _entity("S2", "Sanction", entity=["b"], country=["us"]),
             _entity("S3", "Sanction", entity=["a"], country=["us"])]
    path = tmp_path / "held.ftm.json"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    code = ("import sys; from kg.ingest import ImportReport, read_records as r;"
            "rep = ImportReport('ftm'); list(r('ftm', [sys.argv[1]], rep));"
            "print([s.line for s in rep.skipped])")
    root = Path(__file__).resolve().parents[2]
    outs = set()
    for seed in ("1", "2", "3", "4"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(root)}
        run = subprocess.run([sys.executable, "-c", code, str(path)], env=env,
                             capture_output=True, text=True, check=True)
        outs.add(run.stdout.strip())
    assert outs == {"[1, 3, 2]"}
