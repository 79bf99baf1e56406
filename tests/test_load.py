from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from factory import actor, dataset, sanction, statement, write

from kg.errors import UsageError, ValidationFailed
from kg.readwrite.load import Limits, load

GOOD = dataset(
    actors=[actor("us", "United States"), actor("cn", "China"),
            actor("cn-officials", "Chinese officials", kind="group", country="cn")],
    sanctions=[sanction("s1", ["us"], ["cn-officials"], reasons=["human_rights"],
                        date="2021-03-22"),
               sanction("s2", ["cn"], ["us"], in_response_to=["s1"], date="2021-03-22")],
    statements=[statement("st1", ["cn"], stance="condemns", about_sanctions=["s1"])],
)


def problems(paths: list[Path], **kw: object) -> list[str]:
    with pytest.raises(ValidationFailed) as exc:
        load(paths, **kw)  # type: ignore[arg-type]
    return [str(p) for p in exc.value.problems]


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_loads_yaml_and_json(tmp_path: Path, suffix: str) -> None:
    ds = load(write(tmp_path / f"d{suffix}", GOOD))
    assert [s.id for s in ds.sanctions] == ["s1", "s2"]
    assert ds.sanctions[1].in_response_to == ["s1"]
    assert ds.statements[0].stance == "condemns"


def test_loads_jsonl_and_merges_several_files(tmp_path: Path) -> None:
    first = write(tmp_path / "a.yaml", dataset(actors=GOOD["actors"]))
    records = [{"type": "sanction", **s} for s in GOOD["sanctions"]]
    second = write(tmp_path / "b.jsonl", records)
    ds = load([first, second])
    assert len(ds.actors) == 3 and len(ds.sanctions) == 2 and len(ds.sources) == 1


def test_loads_folders_recursively_and_gzip_jsonl(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub" / "actors.yml", dataset(actors=GOOD["actors"]))
    lines = "".join(json.dumps({"type": "sanction", **s}) + "\n" for s in GOOD["sanctions"])
    (tmp_path / "events.jsonl.gz").write_bytes(gzip.compress(lines.encode()))
    (tmp_path / "notes.txt").write_text("ignored")
    ds = load(tmp_path)
    assert {s.id for s in ds.sanctions} == {"s1", "s2"}


def test_five_mistakes_are_all_reported_with_lines(tmp_path: Path) -> None:
    text = """\
sources:
  - id: src
actors:
  - {id: us, name: United States, kind: state}
  - {id: cn, name: China, kind: country}
sanctions:
  - id: s1
    imposers: [us]
    targets: [nowhere]
    status: imposed
    date: 2021-02-30
    sources: [{source: src}]
  - id: s1
    imposers: [us]
    targets: [us]
    reasons: [greed]
    sources: [{source: src}]
"""
    path = tmp_path / "bad.yaml"
    path.write_text(text)
    found = problems([path])
    f = str(path)
    assert found == [
        f"{f}:5 [actor 'cn'] [kind]: 'country' is not allowed; input should be 'state', "
        "'bloc', 'government_body', 'person', 'organization', 'group', 'vessel' or 'aircraft'",
        f"{f}:11 [sanction 's1'] [date]: '2021-02-30' is not a real calendar date",
        f"{f}:16 [sanction 's1'] [reasons.0.category]: 'greed' is not allowed; input should "
        "be 'human_rights', 'democracy', 'election_interference', 'armed_conflict', "
        "'terrorism', 'nuclear_proliferation', 'cyber', 'corruption', 'drug_trafficking', "
        "'disinformation', 'retaliation' or 'other'",
        f"{f}:13 [sanction 's1'] [id]: duplicate sanction id 's1' (first defined in {f}:7)",
        f"{f}:7 [sanction 's1'] [targets]: unknown actor 'nowhere'",
    ]


def test_duplicates_and_unknown_references_across_files(tmp_path: Path) -> None:
    a = write(tmp_path / "a.yaml", GOOD)
    b = write(tmp_path / "b.yaml", dataset(
        actors=[actor("cn-officials", "Other officials", kind="group", country="cn")],
        sanctions=[sanction("s9", ["us"], ["ghost"], in_response_to=["s404"])],
        statements=[statement("st9", ["us"], about_actors=["nobody"])]))
    found = problems([a, b])
    # The same source written identically in both files is one fact, kept once...
    assert not any("duplicate source" in p for p in found)
    # ...but the same id with different content is a duplicate.
    assert any("duplicate actor id 'cn-officials'" in p and f"first defined in {a}" in p
               for p in found)
    assert any("[sanction 's9'] [targets]: unknown actor 'ghost'" in p for p in found)
    assert any("[sanction 's9'] [in_response_to]: unknown sanction 's404'" in p for p in found)
    assert any("[statement 'st9'] [about_actors]: unknown actor 'nobody'" in p for p in found)


def test_jsonl_problems_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text('{"type": "source", "id": "src"}\n'
                    "{not json}\n"
                    '{"type": "planet", "id": "x"}\n'
                    '{"type": "actor", "id": "us", "name": "US", "kind": "state", "x": 1}\n')
    found = problems([path])
    assert found[0].startswith(f"{path}:2: invalid JSON")
    assert found[1] == (f"{path}:3 [line 3] [type]: 'type' must be one of source, actor, "
                        "sanction, statement, relationship, not 'planet'")
    assert found[2] == f"{path}:4 [actor 'us'] [x]: unknown field"


def test_a_jsonl_line_cut_short_is_said_to_be(tmp_path: Path) -> None:
    # a line whose JSON ends early (a file cut mid-write): the message says where, and that
    # the line ends first, never "Invalid control character" for the line's own end
    path = tmp_path / "d.jsonl"
    path.write_text('{"type": "source", "id": "src"}\n'
                    '{"type": "source", "id": "s2"\n'
                    '{"type": "source", "id": "s3", "ti\r\n'
                    '{"id": "s4"}\n')
    found = problems([path])
    assert found == [
        f"{path}:2: invalid JSON: Expecting ',' delimiter (column 30); the line ends before "
        "the JSON value does (cut short?)",
        f"{path}:3: invalid JSON: Unterminated string starting at (column 32); the text ends "
        "inside this string (cut short, or a closing quote missing?)",
        f"{path}:4 [line 4] [type]: 'type' must be one of source, actor, sanction, "
        "statement, relationship (the line has none)"]


def test_nothing_is_half_loaded(tmp_path: Path) -> None:
    good = write(tmp_path / "good.yaml", GOOD)
    bad = tmp_path / "bad.yaml"
    bad.write_text("sanctions: [")
    with pytest.raises(ValidationFailed) as exc:
        load([good, bad])
    assert "YAML syntax error" in str(exc.value.problems[0])


def test_missing_file_and_empty_list(tmp_path: Path) -> None:
    assert problems([tmp_path / "nope.yaml"]) == [f"{tmp_path / 'nope.yaml'}: no such file or folder"]
    with pytest.raises(UsageError):
        load([])


def test_binary_gzip_and_wrong_encodings_are_refused(tmp_path: Path) -> None:
    gz = tmp_path / "data.yaml"
    gz.write_bytes(gzip.compress(b"sources: []"))
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("actors:\n  - {id: fr, name: Fran\u00e7ois, kind: person}\n".encode("latin-1"))
    nul = tmp_path / "nul.json"
    nul.write_bytes(b'{"sources": []}\x00\x00')
    assert "gzip file" in problems([gz])[0]
    assert "not UTF-8 text (byte 0xe7" in problems([latin])[0]
    assert "NUL bytes" in problems([nul])[0]


def test_yaml_alias_bomb_is_refused_fast(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for i in range(1, 12):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text("\n".join(lines) + "\n")
    found = problems([bomb], limits=Limits(max_yaml_nodes=100_000))
    assert "expands to more than 100000 nodes (an alias bomb?)" in found[0]


def test_deep_nesting_and_long_lines_are_refused(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 5000 + "]" * 5000)
    assert "nested" in problems([deep])[0]
    long = tmp_path / "long.jsonl"
    long.write_text('{"type": "source", "id": "' + "a" * 5000 + '"}\n{"type": "source", "id": "ok"}\n')
    found = problems([long], limits=Limits(max_record_bytes=1000))
    assert found == [f"{long}:1: line is longer than 1000 bytes; skipped"]


def test_recursive_yaml_and_yaml_tags_are_refused(tmp_path: Path) -> None:
    loop = tmp_path / "loop.yaml"
    loop.write_text("sources: &a [*a]\n")
    assert "refers to itself" in problems([loop])[0]
    tag = tmp_path / "tag.yaml"
    tag.write_text("sources: !!python/object/apply:os.system ['echo pwned']\n")
    assert "the YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed" in problems([tag])[0]


def test_an_importers_state_stand_in_gives_way_to_the_curated_actor(tmp_path: Path) -> None:
    from kg.resolve.resolver import country_actor

    stand_in = {"type": "actor", **country_actor("us").model_dump(mode="json",
                                                                  exclude_defaults=True)}
    imported = write(tmp_path / "imported.jsonl", [stand_in])
    curated = write(tmp_path / "curated.yaml", dataset(actors=[
        actor("us", "United States", aliases=["USA"], wikidata_id="Q30")]))
    for order in ([imported, curated], [curated, imported]):
        ds = load(order)
        assert [(a.id, a.aliases, a.wikidata_id) for a in ds.actors] == [("us", ["USA"], "Q30")]
    # A different non-stand-in record with the same id is still a duplicate.
    other = write(tmp_path / "other.yaml", {"actors": [actor("us", "Uncle Sam")]})
    assert any("duplicate actor id 'us'" in p for p in problems([curated, other]))


def test_a_folder_reads_ndjson_like_jsonl(tmp_path: Path) -> None:
    (tmp_path / "a.ndjson").write_text(
        '{"type": "source", "id": "s1", "title": "Wire"}\n'
        '{"type": "actor", "id": "zz-x", "name": "X", "kind": "organization"}\n',
        encoding="utf-8")
    ds = load(tmp_path)
    assert ([s.id for s in ds.sources], [a.id for a in ds.actors]) == (["s1"], ["zz-x"])
