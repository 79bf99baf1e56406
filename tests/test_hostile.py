"""Hostile and broken input: random and mutated files, random arguments, bombs.

The only allowed outcomes are success, or a KGError shown as readable lines with exit 1 or 2:
never a traceback, an internal error (exit 70), a hang or another exception.
"""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.cli.app import main
from kg.errors import KGError, ValidationFailed
from kg.readwrite.load import Limits, load

REPO = Path(__file__).resolve().parent.parent
SEED = yaml.safe_load((REPO / "examples" / "seed-article.yaml").read_text(encoding="utf-8"))
ACTORS = yaml.safe_load((REPO / "examples" / "actors.yaml").read_text(encoding="utf-8"))
FUZZ = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    return int(exc.value.code or 0), out, err


def assert_clean_failure(code: int, err: str) -> None:
    assert code in (0, 1, 2), err
    assert "Traceback" not in err and "internal error" not in err
    if code == 1:  # bad data: one "kg: error:" line per problem
        assert err.strip() and all(line.startswith("kg: error: ")
                                   for line in err.splitlines()), err
    if code == 2:  # bad usage: our one-line error, or click's usage message
        assert "kg: error: " in err or "Usage: kg" in err, err


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True)
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                 max_size=4),
    max_leaves=12)


@FUZZ
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".yaml", ".json", ".jsonl"]))
def test_random_bytes_never_crash_validate(tmp_path_factory: pytest.TempPathFactory,
                                           capsys: pytest.CaptureFixture[str],
                                           data: bytes, suffix: str) -> None:
    path = tmp_path_factory.mktemp("fuzz") / f"input{suffix}"
    path.write_bytes(data)
    code, _, err = cli(capsys, "validate", str(path))
    assert_clean_failure(code, err)


@FUZZ
@given(section=st.sampled_from(["actors", "sanctions", "statements", "sources"]),
       index=st.integers(0, 20), key=st.text(min_size=1, max_size=15), value=json_values,
       delete=st.booleans())
def test_mutated_records_load_or_fail_cleanly(tmp_path_factory: pytest.TempPathFactory,
                                              section: str, index: int, key: str,
                                              value: Any, delete: bool) -> None:
    data = copy.deepcopy(SEED)
    items = data[section]
    rec = items[index % len(items)]
    fields = sorted(rec)
    if delete:
        rec.pop(fields[index % len(fields)])
    else:
        rec[key if index % 2 else fields[index % len(fields)]] = value
    folder = tmp_path_factory.mktemp("mut")
    (folder / "seed.json").write_text(json.dumps(data, default=str), encoding="utf-8")
    (folder / "actors.yaml").write_text(yaml.safe_dump(ACTORS), encoding="utf-8")
    try:
        load(folder)
    except ValidationFailed as exc:
        assert exc.problems and all(p.file for p in exc.problems)
        assert all(str(p) for p in exc.problems)


WORDS = ["query", "relations", "who-sanctioned", "sanctioned-by", "retaliation", "coalitions",
         "statements", "timeline", "export", "validate", "json", "csv", "table", "--format",
         "--since", "--until", "--reason", "--status", "--imposer", "--target", "--about",
         "--window", "--focus", "--depth", "China", "US", "2021-03-22", "2021-99", "-1",
         "human_rights", "imposed", "", "Ω", "--expand-blocs", "--speaker", "--stance",
         "-d", "/nonexistent", "schema", "graphml", "-o"]


@FUZZ
@given(args=st.lists(st.sampled_from(WORDS) | st.text(max_size=8), max_size=6))
def test_random_arguments_never_crash(capsys: pytest.CaptureFixture[str],
                                      tmp_path_factory: pytest.TempPathFactory,
                                      args: list[str]) -> None:
    cwd = os.getcwd()
    os.chdir(tmp_path_factory.mktemp("cli"))  # outputs land in a throwaway folder
    try:
        code, _, err = cli(capsys, *args)
    finally:
        os.chdir(cwd)
    assert_clean_failure(code, err)


def test_a_2gb_style_line_is_skipped_with_bounded_memory(tmp_path: Path) -> None:
    import tracemalloc

    path = tmp_path / "huge.jsonl"
    with path.open("wb") as fh:
        fh.write(b'{"type": "source", "id": "a", "title": "')
        fh.truncate(64 << 20)  # a 64 MiB line of NUL bytes, no newline (sparse on disk)
    tracemalloc.start()
    with pytest.raises(ValidationFailed) as exc:
        load(path, limits=Limits(max_record_bytes=1 << 20))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert [str(p) for p in exc.value.problems] == [
        f"{path}:1: line is longer than 1048576 bytes; skipped"]
    assert peak < 16 << 20


def test_limits_come_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text(json.dumps({"sources": [[[[[["x"]]]]]]}))
    monkeypatch.setenv("KG_MAX_DEPTH", "3")
    code, _, err = cli(capsys, "validate", str(deep))
    assert code == 1 and "nested more than 3 levels deep" in err
    monkeypatch.setenv("KG_MAX_DEPTH", "lots")
    code, _, err = cli(capsys, "validate", str(deep))
    assert code == 2 and "KG_MAX_DEPTH must be a positive whole number, not 'lots'" in err


def test_unicode_and_rtl_everywhere(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    data = {"sources": [{"id": "s", "title": "مصدر"}],
            "actors": [{"id": "cn", "name": "中华人民共和国", "kind": "state", "country": "cn"},
                       {"id": "ru", "name": "Российская Федерация", "kind": "state",
                        "country": "ru"},
                       {"id": "ug", "name": "ئۇيغۇر ئاپتونوم رايونى", "kind": "government_body",
                        "country": "cn", "aliases": ["Uyghur Region"]},
                       {"id": "ir", "name": "جمهوری اسلامی ایران", "kind": "state",
                        "country": "ir"}],
            "sanctions": [{"id": "x", "imposers": ["ru"], "targets": ["ug"],
                           "reasons": [{"category": "other", "detail": "«причина»"}],
                           "sources": [{"source": "s", "quote": "اقتباس \u202e reversed"}]}]}
    path = tmp_path / "u.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    code, out, _ = cli(capsys, "query", "who-sanctioned", "中华人民共和国", "-d", str(path),
                       "--format", "json")
    assert code == 0
    assert json.loads(out)[0]["target_name"] == "ئۇيغۇر ئاپتونوم رايونى"
    code, out, _ = cli(capsys, "query", "sanctioned-by", "российская федерация",
                       "-d", str(path), "--format", "csv")
    assert code == 0 and "ئۇيغۇر ئاپتونوم رايونى" in out and "«причина»" in out
    code, out, _ = cli(capsys, "query", "relations", "-d", str(path))
    assert code == 0 and "Российская" in out and "\u202e" not in out  # no terminal tricks


def test_csv_cells_cannot_run_as_formulas(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    data = {"sources": [{"id": "s"}],
            "actors": [{"id": "a", "name": "=HYPERLINK(\"http://x\",\"y\")", "kind": "person"},
                       {"id": "b", "name": "+1+cmd|' /C calc'!A0", "kind": "person"},
                       {"id": "c", "name": "@SUM(1)", "kind": "person"}],
            "sanctions": [{"id": "x", "imposers": ["a"], "targets": ["b", "c"],
                           "reasons": [{"category": "other", "detail": "-2+3"}],
                           "sources": [{"source": "s"}]}]}
    path = tmp_path / "f.json"
    path.write_text(json.dumps(data))
    code, out, _ = cli(capsys, "query", "relations", "-d", str(path), "--format", "csv")
    assert code == 0
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["imposer_name"] for r in rows] == ["'=HYPERLINK(\"http://x\",\"y\")"] * 2
    assert {r["target_name"] for r in rows} == {"'+1+cmd|' /C calc'!A0", "'@SUM(1)"}
    assert {r["reason_detail"] for r in rows} == {"'-2+3"}


def test_interrupted_and_failed_writes_keep_the_previous_output(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    import errno

    import kg.readwrite.write

    out = tmp_path / "graph.json"
    out.write_text("previous")

    def full_disk(*_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(kg.readwrite.write.os, "fsync", full_disk)
    code, _, err = cli(capsys, "export", "json", "-o", str(out))
    assert code == 1 and "No space left on device" in err and "Traceback" not in err
    assert out.read_text() == "previous"

    def interrupt(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(kg.readwrite.write.os, "fsync", interrupt)
    code, _, err = cli(capsys, "export", "json", "-o", str(out))
    assert code == 130 and err.strip() == "kg: interrupted"
    assert out.read_text() == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.json"]


def test_every_kg_error_has_an_exit_code() -> None:
    import kg.errors as errors

    classes = [getattr(errors, n) for n in errors.__all__]
    codes = {c.__name__: c.exit_code for c in classes if isinstance(c, type)
             and issubclass(c, KGError)}
    assert codes == {"DataError": 1, "KGError": 1, "OutputError": 1, "ResolveError": 2,
                     "SavedGraphError": 1, "SourceFormatError": 1, "UsageError": 2,
                     "ValidationFailed": 1}


SENTENCE_PARTS = ["The United States", "Beijing", "the EU", "Russia", "imposed sanctions on",
                  "threatened", "ruled out sanctions against", "10 European individuals",
                  "in retaliation", "over human rights", "on Monday", "last week", "said",
                  "“Quoted words,” he said.", "<script>alert(1)</script>", "\u202e", "\x00",
                  "Chinese officials", ".", ",", "and", "did not impose", "lifted", "UN"]


@FUZZ
@given(parts=st.lists(st.sampled_from(SENTENCE_PARTS) | st.text(max_size=30), max_size=25),
       date=st.dates().map(lambda d: d.isoformat()))
def test_extract_yields_a_valid_draft_or_a_clear_error(parts: list[str], date: str) -> None:
    from kg.extract import extract_text
    from kg.model.refs import ensure_valid

    text = " ".join(parts)
    try:
        result = extract_text(text, date=date)
    except KGError as exc:
        assert exc.lines()
        return
    ensure_valid(result.dataset)
    for rec in [*result.dataset.sanctions, *result.dataset.statements]:
        for c in rec.sources:
            if c.start is not None and c.end is not None:
                assert text[c.start:c.end] == c.quote


@FUZZ
@given(data=st.binary(max_size=300))
def test_extract_cli_on_random_bytes(tmp_path_factory: pytest.TempPathFactory,
                                     capsys: pytest.CaptureFixture[str], data: bytes) -> None:
    folder = tmp_path_factory.mktemp("ex")
    path = folder / "article.html"
    path.write_bytes(data)
    code, _, err = cli(capsys, "extract", str(path), "--date", "2021-03-23", "-o",
                       str(folder / "out.yaml"))
    assert_clean_failure(code, err)
    if code:
        assert not (folder / "out.yaml").exists()


FIXTURES = REPO / "tests" / "ingest" / "fixtures"
IMPORT_FILES = {"ftm": "entities.ftm.json", "ofac": "sdn.csv", "un": "consolidated.xml",
                "gdelt": "events.export.CSV"}


@FUZZ
@given(kind=st.sampled_from(sorted(IMPORT_FILES)), cut=st.integers(0, 4000),
       junk=st.binary(max_size=200), mode=st.sampled_from(["truncate", "insert", "replace"]))
def test_mutated_list_files_import_or_fail_cleanly(tmp_path_factory: pytest.TempPathFactory,
                                                   capsys: pytest.CaptureFixture[str],
                                                   kind: str, cut: int, junk: bytes,
                                                   mode: str) -> None:
    original = (FIXTURES / IMPORT_FILES[kind]).read_bytes()
    at = cut % (len(original) + 1)
    data = {"truncate": original[:at], "insert": original[:at] + junk + original[at:],
            "replace": original[:at] + junk + original[at + len(junk):]}[mode]
    folder = tmp_path_factory.mktemp("imp")
    src = folder / IMPORT_FILES[kind]
    src.write_bytes(data)
    out = folder / "out.jsonl"
    out.write_text("previous\n")
    code, _, err = cli(capsys, "import", kind, str(src), "-o", str(out))
    assert code in (0, 1, 2), err
    assert "Traceback" not in err and "internal error" not in err
    if out.read_text() != "previous\n":
        # Whatever was written is a complete, valid dataset.
        load(out)
    assert [p.name for p in folder.iterdir() if p.name.startswith(".")] == []
