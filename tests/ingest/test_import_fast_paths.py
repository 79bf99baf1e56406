"""The import speed-ups of round 7 must give what the code before them gave: the same
records, bytes and report, and, for a record the fast check does not accept, the model's own
error. Each fast path is compared with the way it replaced (written out here or switched
back in with monkeypatch) on tricky inputs: bad codes, over-long names, odd dates, white
space, characters that case-blind patterns match (the Kelvin sign, the long s)."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

import kg.ingest.identity as identity
import kg.ingest.ofac as ofac
import kg.ingest.rows as rows
from kg.ingest import import_dataset, record_bytes, write_import
from kg.ingest.common import ImportReport
from kg.ingest.ftm_read import _clean
from kg.ingest.rows import checked
from kg.model.records import Actor, Citation, ReasonRef, Sanction
from kg.model.vocab import ActorKind, Measure, Reason

# --- kg.ingest.rows.checked: the Rust fast check, then the model ---------------------------

_CITE = Citation(source="ofac-file-sdn-csv")


def _actor(**over: Any) -> dict[str, Any]:
    fields = {"id": "ofac-9001", "name": "VESK, Orlan", "kind": ActorKind.PERSON,
              "country": "kp", "aliases": ["Orlan VESK"], "weak_aliases": ["THE ELDER"],
              "identifiers": {"ofac_uid": "9001", "passport": "836410039"},
              "birth_dates": ["1961-04-02", "1962"], "nationalities": ["kp"],
              "position": None, "description": "DOB 02 Apr 1961", "sources": [_CITE]}
    return {**fields, **over}


def _sanction(**over: Any) -> dict[str, Any]:
    fields = {"id": "ofac-9001-sdn", "imposers": ["us"], "authorities": ["us-ofac"],
              "targets": ["ofac-9001"], "measures": [Measure.ASSET_FREEZE],
              "reasons": [ReasonRef(category=Reason.OTHER, detail="DPRK3")],
              "program": "DPRK3", "sources": [_CITE]}
    return {**fields, **over}


TRICKY = [
    ("actor", {}),
    ("actor", {"country": "XX"}),  # not a code kg knows: the model's answer either way
    ("actor", {"country": "KP"}),
    ("actor", {"country": "usa"}),
    ("actor", {"nationalities": ["kp", "kp"]}),
    ("actor", {"name": "A" * 100_000}),
    ("actor", {"name": "A" * 100_001}),  # over-long: refused, by the model's message
    ("actor", {"name": " padded "}),  # white space the model strips
    ("actor", {"name": "x\x1f"}),
    ("actor", {"name": ""}),
    ("actor", {"birth_dates": ["1961-02-29"]}),  # not a leap year
    ("actor", {"birth_dates": ["1960-02-29"]}),
    ("actor", {"birth_dates": ["0999"]}),
    ("actor", {"birth_dates": ["2021-13"]}),
    ("actor", {"birth_dates": ["1961-4-2"]}),
    ("actor", {"birth_dates": ["\u0661\u0669\u0666\u0661"]}),  # Arabic-Indic digits
    ("actor", {"id": "ofac 9001"}),
    ("actor", {"id": "ofac-" + "9" * 200}),
    ("actor", {"id": "OFAC-9001"}),
    ("actor", {"weak_aliases": ["VESK, Orlan"]}),  # a weak alias that is the name
    ("actor", {"aliases": ["Orlan VESK", "Orlan VESK"]}),
    ("actor", {"identifiers": {"ofac_uid": " 9001 "}}),
    ("actor", {"description": "\ud800"}),  # a lone surrogate
    ("actor", {"kind": "person"}),
    ("actor", {"kind": "wizard"}),
    ("actor", {"sources": []}),
    ("actor", {"sources": [{"source": "ofac-file-sdn-csv"}]}),
    ("sanction", {}),
    ("sanction", {"targets": []}),
    ("sanction", {"targets": ["ofac-9001", "ofac-9001"]}),
    ("sanction", {"imposers": ["US"]}),
    ("sanction", {"program": " DPRK3 "}),
    ("sanction", {"program": None, "reasons": []}),
    ("sanction", {"date": "2021-02-29"}),
    ("sanction", {"date": "2021-02-28", "end_date": "2020-01-01"}),
    ("sanction", {"measures": ["asset_freeze"]}),
    ("sanction", {"measures": ["no_such_measure"]}),
    ("sanction", {"sources": []}),
]


def _model_way(model: type[BaseModel], fields: dict[str, Any]) -> Any:
    try:
        return model(**fields)
    except ValidationError as exc:
        return exc


@pytest.mark.parametrize(("kind", "over"), TRICKY)
def test_checked_is_the_model(kind: str, over: dict[str, Any]) -> None:
    """The same instance (fields, fields set, JSON line) as ``Model(**fields)``, or the same
    error with the same message."""
    model: type[BaseModel] = Actor if kind == "actor" else Sanction
    fields = _actor(**over) if kind == "actor" else _sanction(**over)
    slow = _model_way(model, dict(fields))
    try:
        fast = checked(model, dict(fields))
    except ValidationError as exc:
        assert isinstance(slow, ValidationError), f"the fast path refused {over}"
        assert str(exc) == str(slow)
        assert exc.errors(include_context=False) == slow.errors(include_context=False)
        return
    assert not isinstance(slow, ValidationError), f"the fast path took {over}"
    assert type(fast) is type(slow)
    assert fast == slow
    assert list(fast.__dict__) == list(slow.__dict__)
    assert fast.model_fields_set == slow.model_fields_set
    assert record_bytes(fast) == record_bytes(slow)


def test_an_over_long_name_fails_with_the_models_message() -> None:
    """A record the fast check refuses is decided by the model: the message the import
    gave before (the over-long OFAC name is refused, not cut)."""
    fields = _actor(name="A" * 100_001)
    with pytest.raises(ValidationError) as fast:
        checked(Actor, dict(fields))
    with pytest.raises(ValidationError) as slow:
        Actor(**fields)
    assert str(fast.value) == str(slow.value)
    assert "String should have at most 100000 characters" in str(fast.value)


# --- kg.ingest.ftm_read._clean: one value without a comprehension -----------------------


def _clean_before(props: Any) -> dict[str, list[str]] | None:
    """``_clean`` as it was before its shortcut for one value."""
    if not isinstance(props, dict):
        return None
    clean: dict[str, list[str]] = {}
    try:
        for prop, vals in props.items():
            if not isinstance(vals, list):
                return None
            kept = [s for v in vals if (s := v.strip())]
            if kept:
                clean[prop] = kept
    except AttributeError:
        return None
    return clean


_VALUES = st.one_of(st.sampled_from(["", " ", "\t", "\x1f", "\u3000", "x", " x ", "Orlan",
                                     "\ufeff", "\u200b"]),
                    st.text(max_size=6), st.integers(), st.none(), st.booleans(),
                    st.just({}), st.just([]))


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.dictionaries(st.sampled_from(["name", "alias", "country", "topics"]),
                                 st.one_of(st.lists(_VALUES, max_size=3), _VALUES),
                                 max_size=4),
                 _VALUES))
def test_clean_is_what_it_was(props: Any) -> None:
    assert _clean(props) == _clean_before(props)


# --- OFAC remarks: a pattern is run only where it may match -----------------------------

_PART_WORDS = ["DOB", "alt. DOB", "alt.DOB", "Nationality of Registration", "nationality",
               "NATIONALITY", "citizen", "alt. citizen", "Passport", "Diplomatic Passport",
               "alt. Passport No.", "Passport #", "National ID No.", "Cedula No.",
               "Identification Number", "Vessel Registration Identification IMO", "IMO",
               "Gender", "POB", "Linked To:", "a.k.a.", "Tax ID No.", "\u212aIMO", "D\u017fB",
               "IMO", "ImO", "dob", "Nationality of Regi\u017ftration"]
_PART_TAILS = ["", " ", " 02 Apr 1961", " Korea, North", " 1234567", " A123 (Iran)",
               " 12345678", " Male", "1961", " \u0661\u0662", ".", " Iran."]


def _part_before(raw: str) -> tuple[str, str] | None:
    part = raw.strip().rstrip(".")
    for key, pattern in identity._OFAC_PARTS.items():
        m = pattern.match(part)
        if m is not None:
            return key, m.group(1).strip()
    return None


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(["", " ", "  "]), st.sampled_from(_PART_WORDS),
       st.sampled_from(_PART_TAILS), st.text(max_size=4))
def test_each_remark_part_is_read_as_before(lead: str, word: str, tail: str,
                                            noise: str) -> None:
    for raw in (lead + word + tail, lead + word + noise + tail, noise + word + tail):
        assert identity._ofac_part(raw) == _part_before(raw)


_REMARK_PATTERNS = [(ofac._REGISTERED, "registration"), (ofac._WEAK_AKA, ".k.a."),
                    (ofac._LINKED, "linked to:")]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["Nationality of Registration Panama", "a.k.a. 'ABU ALI'",
                                 "F.K.A. \"X\"", "n.K.a., 'Y'", "Linked To: ACME",
                                 "LINKED TO: X", "Nationality of Regi\u017ftration Iran",
                                 "a.\u212a.a. 'Z'", "DOB 1961", " ; ", "nationality Iran"]),
                max_size=4),
       st.text(max_size=5))
def test_a_remark_pattern_is_skipped_only_where_it_cannot_match(parts: list[str],
                                                                noise: str) -> None:
    text = noise.join(parts)
    for pattern, word in _REMARK_PATTERNS:
        if pattern.search(text) or any(pattern.match(p) for p in text.split(";")):
            assert ofac._may_hold(text, word), (text, word)


def _sdn_rows() -> str:
    rows = [
        '9001,"VESK, Orlan","individual","DPRK3",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 02 '
        'Apr 1961; alt. DOB 1962; nationality Korea, North; Passport 836410039 (Korea, '
        'North); a.k.a. \'VESK THE ELDER\'; Gender Male."',
        '9002,"NORDLIGHT JSC",-0- ,"RUSSIA-EO14024] [UKRAINE-EO13662",-0- ,-0- ,-0- ,-0- ,'
        '-0- ,-0- ,-0- ,"Nationality of Registration Russia; Linked To: VESK, Orlan."',
        '9003,"CALM HORIZON","vessel","IRAN] [SDGT",-0- ,"9VAB1","Tanker","1","2","Panama",'
        '"Owner Co","Vessel Registration Identification IMO 9000001; F.K.A. \'OLD HORIZON\'."',
        '9004,"\u212aELVIN TRADING",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"a.\u212a.a. '
        '\'KELVIN CO\'; Nationality of Regi\u017ftration Iran; LINKED TO: CALM HORIZON."',
        '9005,"ZHOU, Mei","individual","CYBER2",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 1979 '
        'to 1981; DOB 31 Feb 1970; DOB 16-07-68; citizen Narnia; NATIONALITY China."',
        '9006,"MULTI LINE LLC",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"Linked\nTo: '
        'ZHOU, Mei;\n a.k.a.\n\'SPLIT NAME\'."',
        '9007,"  PADDED NAME  ",-0- ,"  ",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ',
    ]
    return "\r\n".join(rows) + "\r\n\x1a"


def _import_ofac(tmp: Path, name: str) -> tuple[bytes, dict[str, Any]]:
    folder = tmp / name
    folder.mkdir()
    (folder / "sdn.csv").write_text(_sdn_rows(), encoding="utf-8", newline="")
    (folder / "alt.csv").write_text('9001,1,"aka","VESK, Orlan Petrovich",-0- \r\n'
                                    '9001,2,"aka","VESK, Orlan",-0- \r\n', encoding="utf-8")
    (folder / "add.csv").write_text('9005,3,-0- ,"Shenzhen","China",-0- \r\n',
                                    encoding="utf-8")
    out = folder / "o.jsonl"
    report = write_import("ofac", [folder / n for n in ("sdn.csv", "alt.csv", "add.csv")],
                          out)
    data = report.to_dict()
    data["files"] = [Path(f).name for f in data["files"]]
    for item in (*data["skipped"], *data["changed"]):
        item["file"] = Path(item["file"]).name
    return out.read_bytes(), data


def test_ofac_csv_fast_paths_give_the_records_and_report_of_before(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The OFAC CSV import with every shortcut, and with each switched back to what it
    replaced (the model's own validation, every remark pattern run on every remark, every
    part of the remarks tried against every pattern): the same bytes and report."""
    fast = _import_ofac(tmp_path, "fast")
    with monkeypatch.context() as m:
        m.setattr(rows, "checked", lambda model, fields: model(**fields))
        m.setattr(ofac, "_may_hold", lambda text, word: True)
        m.setattr(identity, "_ofac_part", _part_before)
        slow = _import_ofac(tmp_path, "slow")
    assert fast == slow
    lines = [json.loads(x) for x in fast[0].splitlines()]
    actors = {x["id"]: x for x in lines if x["type"] == "actor"}
    assert actors["ofac-9001"]["weak_aliases"] == ["VESK THE ELDER"]
    assert actors["ofac-9001"]["birth_dates"] == ["1961-04-02", "1962"]
    assert actors["ofac-9002"]["country"] == "ru"
    assert actors["ofac-9003"]["identifiers"]["imo"] == "9000001"
    assert actors["ofac-9004"]["weak_aliases"] == ["KELVIN CO"]  # Kelvin sign in a.K.a.
    assert actors["ofac-9004"]["country"] == "ir"  # the long s in Regiſtration
    assert any(x["type"] == "relationship" and x["subject"] == "ofac-9004" for x in lines)
    assert fast[1]["changed"], "the odd dates of 9005 are reported"


def test_ofac_refused_entry_is_reported_as_before(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """An entry the fast check refuses goes the old way, with the same answer; an over-long
    name is cut and reported (:func:`kg.ingest.rows.fit_name`), an over-long id shortened
    and reported (:func:`kg.ingest.rows.fit_ids`), either way."""
    path = tmp_path / "sdn.csv"
    path.write_text('1,"OK NAME",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n'
                    f'2,"{"A" * 100_001}",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- '
                    '\r\n'
                    f'{"3" * 200},"LONG ID",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- '
                    '\r\n', encoding="utf-8")
    out = []
    for way in ("fast", "slow"):
        with monkeypatch.context() as m:
            if way == "slow":
                m.setattr(rows, "checked", lambda model, fields: model(**fields))
            report = write_import("ofac", [path], tmp_path / f"{way}.jsonl")
        out.append(((tmp_path / f"{way}.jsonl").read_bytes(),
                    [str(p) for p in report.skipped], [str(p) for p in report.changed]))
    assert out[0] == out[1]
    data, skipped, changed = out[0]
    short = f"ofac-{'3' * 175}-{hashlib.sha1(('ofac-' + '3' * 200).encode()).hexdigest()[:12]}"
    assert [json.loads(x)["id"] for x in data.splitlines()
            if json.loads(x)["type"] == "actor"] == ["us", "us-ofac", "ofac-1", "ofac-2",
                                                      short]
    assert changed[0] == (f"{path}:2 [ofac-2] [SDN_Name]: name of 100001 characters cut to "
                          "100000 (the longest name a record holds); the whole name is kept "
                          "as an alias")
    # An id over 200 characters was a refusal (the entry left out); it is shortened now,
    # the same either way, and reported (the actor's, then its sanction's).
    assert [c.split(": ", 1)[1][:60] for c in changed[1:]] == [
        "id of 205 characters is longer than the 200 a record's id ho",
        "id of 209 characters is longer than the 200 a record's id ho"]
    assert skipped == []


# --- FtM: citations of several datasets, states and bodies written once -----------------


def test_ftm_citations_of_several_datasets_each_source_once(tmp_path: Path) -> None:
    lines = []
    for i in range(3):
        lines.append({"id": f"P{i}", "schema": "Person",
                      "properties": {"name": [f"Person {i}"]},
                      "datasets": ["us_ofac_sdn", "eu_fsf", "us_ofac_sdn", " eu_fsf"]})
        lines.append({"id": f"S{i}", "schema": "Sanction",
                      "properties": {"entity": [f"P{i}"], "country": ["us", "gb"],
                                     "authority": ["Ministry of Magic"]},
                      "datasets": ["eu_fsf", "us_ofac_sdn"]})
    path = tmp_path / "ds.ftm.json"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    ds, report = import_dataset("ftm", [path], today="2026-01-01")
    people = sorted((a for a in ds.actors if a.kind is ActorKind.PERSON), key=lambda a: a.id)
    assert [[c.source for c in a.sources] for a in people] == \
        [["ftm-dataset-us-ofac-sdn", "ftm-dataset-eu-fsf"]] * 3
    sanctions = sorted(ds.sanctions, key=lambda s: s.id)
    assert [[c.source for c in s.sources] for s in sanctions] == \
        [["ftm-dataset-eu-fsf", "ftm-dataset-us-ofac-sdn"]] * 3
    assert [s.imposers for s in sanctions] == [["us", "gb"]] * 3
    ids = [a.id for a in ds.actors]
    assert ids.count("us") == ids.count("gb") == ids.count("body-ministry-of-magic") == 1
    assert report.skipped_total == 0


def test_nationality_and_citizenship_read_as_before() -> None:
    report = ImportReport("ftm")
    got = identity.ftm_identity({"nationality": [], "citizenship": ["Iranian", "Narnia"],
                                 "innCode": ["  77 00 "], "birthDate": ["1961-02-30"]},
                                report, "f", 1, record="r")
    assert got.nationalities == ["ir"]
    assert got.identifiers == {"inn": ["77 00"]}
    assert got.birth_dates == []
    assert [c.field for c in report.changed] == ["birthDate", "nationality"]
    assert re.search("Narnia", report.changed[1].message)


# --- kg.ingest.rows.source_id: the whole id is made again only at the shortened length ------

def _source_id_before(prefix: str, raw: str, report: ImportReport) -> str:
    """source_id as it was: both slugs made for every id."""
    made, whole = rows.slug_id(prefix, raw), rows.full_slug_id(prefix, raw)
    if made != whole:
        report.change("f", 1, rows._shortened(len(whole), made, None), record="r", field="id")
    return made


_ID_PARTS = st.sampled_from(["a", "A", "é", "\u0130", " ", "-", "Q1", "x" * 50, "\u212a"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ID_PARTS, min_size=1, max_size=12).map("".join),
       st.integers(min_value=0, max_value=200), st.sampled_from(["ftm", "ofac", "x" * 40]))
def test_source_id_gives_the_id_and_report_it_gave(parts: str, pad: int, prefix: str) -> None:
    raw = parts + "b" * pad  # lengths on both sides of the limit, case, accents, "İ".lower()
    old, new = ImportReport("ftm"), ImportReport("ftm")
    assert rows.source_id(prefix, raw, new, "f", 1, record="r", field="id") == \
        _source_id_before(prefix, raw, old)
    assert new.to_dict() == old.to_dict()


def test_every_shortened_id_has_the_one_length_source_id_checks() -> None:
    for n in (201, 202, 250, 1000):
        assert len(rows.shorten_id("x" * n)) == rows.SHORTENED == 193
    whole = "ftm-" + "b" * 189  # 193 characters and whole: made again, nothing reported
    report = ImportReport("ftm")
    assert rows.source_id("ftm", "b" * 189, report, "f", 1, record="r", field="id") == whole
    assert report.to_dict() == ImportReport("ftm").to_dict()
    report = ImportReport("ftm")
    made = rows.source_id("ftm", "b" * 197, report, "f", 1, record="r", field="id")
    assert len(made) == 193 and report.to_dict() != ImportReport("ftm").to_dict()
