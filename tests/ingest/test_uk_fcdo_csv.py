"""The FCDO's UK Sanctions List as CSV: the same records as its XML, told apart by header."""

from kg.ingest import import_dataset
from kg.ingest.uk import uk_format
from kg.model.vocab import ActorKind, Measure

CSV = "UK_Sanctions_List.csv"
XML = "UK_Sanctions_List.xml"


def _records(ds):
    """Actors and sanctions as dicts, without the citations (their source is the file)."""
    drop = {"sources"}
    return ([a.model_dump(exclude=drop) for a in ds.actors],
            [s.model_dump(exclude=drop) for s in ds.sanctions])


def test_csv_and_xml_of_the_same_list_give_the_same_records(fixtures):
    from_csv, _ = import_dataset("uk", [fixtures / CSV])
    from_xml, _ = import_dataset("uk", [fixtures / XML])
    assert _records(from_csv) == _records(from_xml)
    assert [a.id for a in from_csv.actors] == [
        "gb", "gb-fcdo", "uk-rus9001", "uk-cti9002", "uk-rus9003"]
    ivan = from_csv.actor("uk-rus9001")
    assert ivan.aliases == ["Ivan EXAMPLEOFF", "Иван Петрович Экзамплов"]
    assert ivan.weak_aliases == ["VANYA"]  # its row comes after another designation's
    assert ivan.birth_dates == ["1965-07-04"] and ivan.nationalities == ["ru"]
    assert ivan.description == ("UK statement of reasons: Member of an example council.\n"
                                "Fictional person written for the tests.")
    listing = {s.id: s for s in from_csv.sanctions}["uk-rus9001-listing"]
    assert (listing.imposers, listing.authorities, listing.date) == (
        ["gb"], ["gb-fcdo"], "2022-03-15")
    assert listing.measures == [Measure.ASSET_FREEZE, Measure.TRAVEL_BAN]
    ship = from_csv.actor("uk-rus9003")
    assert ship.kind is ActorKind.VESSEL and ship.identifiers["imo"] == "9000003"
    assert ship.country == "pa"
    assert from_csv.sources[0].id == "uk-file-uk_sanctions_list.csv"


def test_csv_reports_what_the_xml_reports_and_what_it_did_not_read(fixtures):
    _, csv_report = import_dataset("uk", [fixtures / CSV])
    _, xml_report = import_dataset("uk", [fixtures / XML])
    changed = [(c.record, c.field, c.message) for c in csv_report.changed]
    assert changed == [(c.record, c.field, c.message) for c in xml_report.changed]
    assert [(c.record, c.field) for c in csv_report.changed] == [
        ("uk-rus9001", "DOB"), ("uk-rus9003", "DateDesignated")]
    assert csv_report.skipped == []
    assert ("UK_Sanctions_List.csv: columns not read (as the XML reader does not read them): "
            "Gender, Non-latin script language, Non-latin script type, Type of ship"
            ) in csv_report.notes


def test_format_is_told_by_content_not_by_name(fixtures, tmp_path):
    assert uk_format(fixtures / CSV) == "fcdo-csv"
    assert uk_format(fixtures / XML) == "fcdo-xml"
    assert uk_format(fixtures / "ConList.csv") == "conlist"
    renamed = tmp_path / "list.txt"
    renamed.write_bytes(b"\xef\xbb\xbf" + (fixtures / XML).read_bytes())
    assert uk_format(renamed) == "fcdo-xml"
    ds, _ = import_dataset("uk", [renamed])
    assert ds.actor("uk-rus9001").name == "Ivan Petrovich EXAMPLEOV"


def test_older_header_numbered_cells_and_unknown_day_or_month(tmp_path):
    path = tmp_path / "uksl.csv"
    path.write_bytes(
        "Report Date: 01-Jan-2024\n"
        "Last Updated,Date Designated,Unique ID,OFSI Group ID,UN Reference Number,Name 6,"
        "Name 1,Name 2,Name 3,Name 4,Name 5,Name type,Alias strength,Title,"
        "Name non-latin script,Regime,Individual/Entity/Ship,Designation source,"
        "Sanctions Imposed,Other Information,UK Statement of Reasons,DOB,Nationality\n"
        "02/01/2024,01/06/2023,GHR9010,,,DOE,Jan,,,,,Primary name,,,,Global Human Rights,"
        "Individual,UK,Asset freeze|Travel Ban,,\"Line one\nline two\","
        "dd/mm/1970,(1) Russia (2) Belarus\n"
        "02/01/2024,01/06/2023,GHR9010,,,DOE,Jan,,,,,Primary name,,,,Global Human Rights,"
        "Individual,UK,Asset freeze|Travel Ban,,\"Line one\nline two\","
        "00/05/1971,Russia\n"
        ",,,,,NO ID,,,,,,Primary name,,,,Russia,Entity,UK,,,,,\n".encode("cp1252"))
    ds, report = import_dataset("uk", [path])
    doe = ds.actor("uk-ghr9010")
    assert doe.kind is ActorKind.PERSON and doe.name == "Jan DOE"
    assert doe.birth_dates == ["1970", "1971-05"] and doe.nationalities == ["ru", "by"]
    assert doe.description == "UK statement of reasons: Line one line two"
    listing = ds.sanctions[0]
    assert (listing.date, listing.program) == ("2023-06-01", "Global Human Rights")
    assert report.changed == []
    assert [(x.line, x.message) for x in report.skipped] == [
        (7, "field 'Unique ID' is empty; row skipped")]


def _ods(path, rows):
    """A minimal OpenDocument spreadsheet holding ``rows`` (written for the tests)."""
    import zipfile
    from xml.sax.saxutils import escape

    def cells(row):  # a run of blank cells is one cell repeated, as spreadsheets write it
        out, blanks = [], 0
        for text in [*row, "x"]:
            if not text:
                blanks += 1
                continue
            if blanks:
                out.append(f'<table:table-cell table:number-columns-repeated="{blanks}"/>')
                blanks = 0
            paras = "".join(f"<text:p>{escape(p)}</text:p>" for p in text.split("\n"))
            out.append(f'<table:table-cell office:value-type="string">{paras}</table:table-cell>')
        return "".join(out[:-1])

    body = "".join(f"<table:table-row>{cells(r)}</table:table-row>" for r in rows)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body>'
        '<office:spreadsheet><table:table table:name="Sheet1">'
        '<table:table-row table:number-rows-repeated="2"><table:table-cell/></table:table-row>'
        f"{body}</table:table></office:spreadsheet></office:body></office:document-content>")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content)


def test_ods_edition_gives_the_same_records_as_the_csv(fixtures, tmp_path):
    import csv

    with (fixtures / CSV).open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    path = tmp_path / "UK_Sanctions_List.ods"
    _ods(path, rows)
    assert uk_format(path) == "fcdo-ods"
    from_ods, report = import_dataset("uk", [path])
    from_csv, _ = import_dataset("uk", [fixtures / CSV])
    assert _records(from_ods) == _records(from_csv)
    assert [(c.record, c.field) for c in report.changed] == [
        ("uk-rus9001", "DOB"), ("uk-rus9003", "DateDesignated")]
    assert report.skipped == []


def test_a_broken_ods_is_reported_not_raised(tmp_path):
    path = tmp_path / "list.ods"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    ds, report = import_dataset("uk", [path])
    assert ds.actors == [] and [x.message.split(":")[0] for x in report.skipped] == [
        "cannot read as an OpenDocument spreadsheet"]
