"""Property: whatever happens to a real-format sample on its way to us (a byte-order mark,
CRLF line ends, a line break inside a quoted field, stray control characters, bytes in
another encoding), every importer either imports each record or reports it: never a
traceback, never a record lost without a skipped or changed entry in the report."""

from __future__ import annotations

import codecs
import os
import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.ingest import import_dataset

FIXTURES = Path(__file__).parent / "fixtures"
#: sample -> (importer, its files): every format each importer reads.
SAMPLES = {"ftm": ("ftm", ["entities.ftm.json"]), "ftm-simple": ("ftm", ["targets.simple.csv"]),
           "ofac": ("ofac", ["sdn.csv", "alt.csv", "add.csv"]), "ofac-xml": ("ofac", ["sdn.xml"]),
           "un": ("un", ["consolidated.xml"]), "gdelt": ("gdelt", ["events.export.CSV"]),
           "uk": ("uk", ["ConList.csv"]), "uk-fcdo-xml": ("uk", ["UK_Sanctions_List.xml"]),
           "uk-fcdo-csv": ("uk", ["UK_Sanctions_List.csv"]),
           "eu": ("eu", ["xmlFullSanctionsList_1_1.xml"]), "csl": ("csl", ["consolidated.csv"])}

Mutation = tuple[str, float, int]
mutations = st.lists(st.tuples(
    st.sampled_from(["bom", "crlf", "quoted_break", "control", "cp1252", "latin_byte"]),
    st.floats(min_value=0, max_value=1, exclude_max=True),
    st.sampled_from([0x01, 0x08, 0x0b, 0x0c, 0x1b, 0x1f, 0x7f])), min_size=1, max_size=4)


def _mutate(data: bytes, ops: list[Mutation]) -> bytes:
    for op, where, byte in ops:
        at = int(where * len(data))
        if op == "bom":
            data = codecs.BOM_UTF8 + data.removeprefix(codecs.BOM_UTF8)
        elif op == "crlf":
            data = data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
        elif op == "quoted_break":  # after the next space inside a quoted field, if any
            line_start = data.rfind(b"\n", 0, at) + 1
            space = data.find(b" ", at)
            if space > 0 and data.count(b'"', line_start, space) % 2 == 1:
                data = data[:space] + b"\r\n" + data[space + 1:]
        elif op == "control":
            data = data[:at] + bytes([byte]) + data[at:]
        elif op == "cp1252":  # one UTF-8 character written as Windows-1252
            data = data[:at] + "é".encode("cp1252") + data[at:]
        elif op == "latin_byte":  # a byte no text encoding kg reads can decode
            data = data[:at] + b"\x81" + data[at:]
    return data


def _ids(kind: str, paths: list[Path]) -> tuple[set[str], object]:
    ds, report = import_dataset(kind, paths, today="2024-01-01")
    ids = {r.id for r in (*ds.actors, *ds.sanctions, *ds.statements)
           if r.id.startswith(f"{kind}-")}
    return ids, report


BASELINE = {sample: _ids(kind, [FIXTURES / n for n in names])[0]
            for sample, (kind, names) in SAMPLES.items()}


@settings(max_examples=int(os.environ.get("KG_MUTATIONS", "60")), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sample=st.sampled_from(sorted(SAMPLES)), which=st.integers(0, 2), ops=mutations)
def test_every_importer_imports_or_reports_each_record(tmp_path_factory, sample, which, ops):
    folder = tmp_path_factory.mktemp(sample)
    kind, names = SAMPLES[sample]
    paths = []
    for i, name in enumerate(names):
        target = folder / name
        if i == which % len(names):
            target.write_bytes(_mutate((FIXTURES / name).read_bytes(), ops))
        else:
            shutil.copy(FIXTURES / name, target)
        paths.append(target)
    ids, report = _ids(kind, paths)  # never raises
    lost = BASELINE[sample] - ids
    if lost:
        assert report.skipped_total + report.changed_total > 0, (  # type: ignore[attr-defined]
            f"{sample}: {sorted(lost)} lost without a word after {ops}")
