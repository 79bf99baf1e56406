"""OFSI ConList.csv import: one target per Group ID, Windows-1252, dd/mm/yyyy dates,
regimes, identifiers, skipped rows by line and field."""

import re

import pytest

from kg.ingest import import_dataset
from kg.ingest.regimes import UK_REGIMES, uk_regime_reasons
from kg.ingest.tabular import dmy_date
from kg.model.vocab import ActorKind, Measure, Reason

HEADER = ("Name 6,Name 1,Name 2,Name 3,Name 4,Name 5,Title,Name Non-Latin Script,DOB,"
          "Town of Birth,Country of Birth,Nationality,Passport Number,"
          "National Identification Number,Position,Address 1,Address 2,Address 3,Address 4,"
          "Address 5,Address 6,Post/Zip Code,Country,Other Information,Group Type,Alias Type,"
          "Alias Quality,Regime,Listed On,UK Sanctions List Date Designated,Last Updated,"
          "Group ID")


def line(**kw: str) -> str:
    cols = HEADER.split(",")
    return ",".join('"' + kw.get(re.sub(r"\W", "_", c), "") + '"' for c in cols)


def test_one_target_per_group_id_with_every_variant(fixtures):
    ds, report = import_dataset("uk", [fixtures / "ConList.csv"])
    assert report.ok and report.read == 7
    people = [a for a in ds.actors if a.id.startswith("uk-")]
    assert [a.id for a in people] == ["uk-90001", "uk-90002", "uk-90003", "uk-90004"]
    p = ds.actor("uk-90001")
    assert p.name == "Andrei Petrovich VESKOV" and p.kind is ActorKind.PERSON
    assert p.aliases == ["Andrey Petrovitch VESKOV"]          # the weak alias is kept apart
    assert p.weak_aliases == ["ANDRYUSHA"]                     # Alias Quality "Low"
    assert "ANDRYUSHA" not in (p.description or "")
    assert p.country == "ru" and p.position == "Deputy Minister of Examples"
    assert p.identifiers == {
        "uk_group_id": "90001", "birth_place": "Tver, Russia",
        "passport": "720011223", "title": "Mr",
        "uk_sanctions_list_ref": "RUS9001", "last_updated": "2023-04-20"}
    assert p.birth_dates == ["1961-05-12", "1962"] and p.nationalities == ["ru", "by"]
    # The FKA row comes after another group's row and still joins its group.
    org = ds.actor("uk-90002")
    assert org.aliases == ["FICTUS TRADING"] and org.identifiers["un_reference"] == "QDe.950"
    assert ds.actor("uk-90003").name == "DÉLICE SHIPPING CO"       # Windows-1252 0xC9
    ship = ds.actor("uk-90004")
    assert ship.kind is ActorKind.VESSEL and ship.identifiers["imo"] == "9000001"
    assert report.notes["ConList.csv: lines decoded as Windows-1252"] == 1
    src = ds.sources[0]
    assert src.publisher.endswith("(OFSI)") and src.published == "2023-04-21"


def test_sanctions_imposer_authority_dates_and_reasons(fixtures):
    ds, _ = import_dataset("uk", [fixtures / "ConList.csv"])
    s = {x.id: x for x in ds.sanctions}
    assert s["uk-90001-listing"].imposers == ["gb"] and s["uk-90001-listing"].date == "2022-03-15"
    assert s["uk-90001-listing"].measures == [Measure.ASSET_FREEZE]
    assert [(r.category, r.detail) for r in s["uk-90002-listing"].reasons] == [
        (Reason.TERRORISM, "ISIL (Da'esh) and Al-Qaida")]
    assert s["uk-90003-listing"].date == "2020-12-10"
    assert s["uk-90003-listing"].effective_date == "2020-12-31"
    # An unknown regime is "other", its words kept.
    assert [(r.category, r.detail) for r in s["uk-90004-listing"].reasons] == [
        (Reason.OTHER, "Maritime Examples")]
    ofsi = ds.actor("gb-ofsi")
    assert ofsi.kind is ActorKind.GOVERNMENT_BODY and ofsi.part_of == "gb"
    assert {x.imposers[0] for x in s.values()} == {"gb"}  # the polity imposes,
    assert {tuple(x.authorities) for x in s.values()} == {("gb-ofsi",)}  # OFSI issues


def test_bad_rows_reported_by_line_and_field(tmp_path):
    f = tmp_path / "ConList.csv"
    rows = [
        "Last Updated,01/01/2024",
        HEADER,
        line(Name_6="GOOD", Group_Type="Entity", Alias_Type="Primary name", Regime="Cyber",
             Listed_On="31/02/2020", Group_ID="1"),
        line(Name_6="NO GROUP", Group_Type="Entity", Regime="Cyber", Group_ID="x1"),
        line(Name_6="", Group_Type="Entity", Regime="Cyber", Group_ID="2"),
        '"SHORT","ROW"',
        line(Name_6="Привет", Name_Non_Latin_Script="Прив", Group_Type="Entity",
             Alias_Type="Primary name", Regime="Cyber", Listed_On="00/03/2021", Group_ID="3"),
    ]
    data = "\r\n".join(rows).encode("utf-8")
    data = data.replace(b"GOOD", b"GO\x81D")              # undefined in Windows-1252
    f.write_bytes(b"\xef\xbb\xbf" + data + b"\r\n")
    ds, report = import_dataset("uk", [f])
    assert [(s.line, s.message) for s in report.skipped] == [
        (3, "field 'Listed On': '31/02/2020' is not a dd/mm/yyyy date; left out "
            "(the rest of the row is kept)"),
        (4, "field 'Group ID': 'x1' is not a number; row skipped"),
        (5, "field 'Name 6': Group ID 2 row has no name; row skipped"),
        (6, "expected 32 columns, found 2"),
    ]
    assert ds.actor("uk-1").name == "GO\ufffdD"
    assert "ConList.csv: line 3: byte 0x81 at column 4 is not Windows-1252; kept as U+FFFD" \
        in report.notes
    assert "ConList.csv: leading UTF-8 byte-order mark dropped" in report.notes
    assert ds.actor("uk-3").aliases == ["Прив"]
    assert next(s for s in ds.sanctions if s.id == "uk-3-listing").date == "2021-03"
    assert next(s for s in ds.sanctions if s.id == "uk-1-listing").date is None


def test_not_a_conlist(tmp_path):
    f = tmp_path / "other.csv"
    f.write_text("a,b\n1,2\n")
    ds, report = import_dataset("uk", [f])
    assert ds.actors == [] and "no header row with a 'Group ID' column" in \
        report.skipped[0].message


@pytest.mark.parametrize(("text", "iso"), [
    ("28/04/1937", "1937-04-28"), ("00/00/1970", "1970"), ("00/05/1970", "1970-05"),
    ("1/2/2003", "2003-02-01"), ("31/02/2020", None), ("05/00/1970", None), ("soon", None),
    ("2021-03-04", "2021-03-04")])
def test_dmy_dates(text, iso):
    assert dmy_date(text) == iso


#: The reviewed UK regime table, restated: a change to kg/curated/uk_regimes.yaml must be
#: made here too, on purpose.
REVIEWED = {
    "Afghanistan": ["terrorism"], "Belarus": ["democracy", "human_rights"],
    "Bosnia and Herzegovina": ["armed_conflict"], "Burundi": ["human_rights"],
    "Central African Republic": ["armed_conflict"], "Chemical Weapons": ["nuclear_proliferation"],
    "Counter-Terrorism (Domestic)": ["terrorism"],
    "Counter-Terrorism (International)": ["terrorism"], "Cyber": ["cyber"],
    "Democratic People's Republic of Korea": ["nuclear_proliferation"],
    "Democratic Republic of the Congo": ["armed_conflict"],
    "Global Anti-Corruption": ["corruption"], "Global Human Rights": ["human_rights"],
    "Global Irregular Migration and Trafficking in Persons": ["human_rights"],
    "Guatemala": ["corruption"], "Guinea": ["human_rights"], "Guinea-Bissau": ["democracy"],
    "Haiti": ["armed_conflict"], "Iran": ["human_rights"],
    "Iran (Nuclear)": ["nuclear_proliferation"], "Iraq": ["other"],
    "ISIL (Da'esh) and Al-Qaida": ["terrorism"], "Lebanon": ["terrorism"],
    "Libya": ["armed_conflict", "human_rights"], "Mali": ["armed_conflict"],
    "Moldova": ["democracy"], "Myanmar": ["human_rights", "democracy"],
    "Nicaragua": ["democracy", "human_rights"], "Russia": ["armed_conflict"],
    "Somalia": ["armed_conflict", "terrorism"], "South Sudan": ["armed_conflict"],
    "Sudan": ["armed_conflict", "human_rights"], "Syria": ["human_rights", "armed_conflict"],
    "Ukraine": ["armed_conflict"], "Venezuela": ["democracy", "human_rights"],
    "Yemen": ["armed_conflict"], "Zimbabwe": ["democracy", "human_rights"],
}


@pytest.mark.parametrize("regime", sorted(REVIEWED))
def test_every_uk_regime_entry(regime):
    assert [str(r) for r in uk_regime_reasons(regime)] == REVIEWED[regime]


def test_the_review_covers_the_whole_table():
    assert len(UK_REGIMES) == len(REVIEWED)
    assert uk_regime_reasons("Atlantis") == (Reason.OTHER,)
