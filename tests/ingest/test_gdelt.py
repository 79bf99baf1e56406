"""GDELT 2.0 event import: CAMEO codes, country codes, collapsing repeated reports."""

from kg.ingest import import_dataset
from kg.ingest.gdelt import cameo_country
from kg.model.vocab import Stance, Status


def test_events(fixtures):
    ds, report = import_dataset("gdelt", [fixtures / "events.export.CSV"])
    s = {x.id: x for x in ds.sanctions}
    urls = {x.id: x.url for x in ds.sources}
    # Three reports of US -> Russia on 1 March (two articles) are one event.
    us_ru = s["gdelt-1100001"]
    assert (us_ru.imposers, us_ru.targets, us_ru.status, us_ru.date) == (
        ["us"], ["ru"], Status.IMPOSED, "2022-03-01")
    assert [urls[c.source] for c in us_ru.sources] == [
        "https://news.example.com/us-sanctions-russia", "https://wire.example.net/story/123"]
    assert "gdelt-1100002" not in s and "gdelt-1100003" not in s
    assert s["gdelt-1100004"].imposers == ["eu"]  # known group EEC
    assert s["gdelt-1100005"].status is Status.THREATENED
    assert s["gdelt-1100006"].status is Status.EASED and s["gdelt-1100006"].targets == ["ve"]
    (st,) = ds.statements
    assert (st.speakers, st.stance, st.about_actors) == (["ru"], Stance.CALLS_FOR, ["us"])
    assert report.merged == 2
    assert [(x.line, x.message) for x in report.skipped] == [
        (10, "expected 61 (GDELT 2.0 events), 58 (GDELT 1.0 daily events) or 57 (GDELT 1.0 "
             "backfile events, before April 2013) tab-separated columns, found 4"),
        (11, "GLOBALEVENTID '1100011' or SQLDATE '2022032X' is not valid")]
    assert report.notes["rows with CAMEO codes not about sanctions (not imported)"] == 1
    assert report.notes["sanction rows with the same country on both sides (not imported)"] == 1


def test_cameo_countries():
    assert [cameo_country(c) for c in ("USA", "RUS", "ROM", "KOS", "EUR", "XYZ")] == [
        "us", "ru", "ro", "xk", None, None]


def test_an_over_long_or_odd_event_id_is_no_internal_error(fixtures, tmp_path):
    # A GLOBALEVENTID of 250 digits made an id the model refuses (an internal error); one
    # with a non-ASCII digit ('12²': str.isdigit is true) failed int() the same way. The
    # first is imported under a shortened id, reported; the second is a skipped row.
    [row] = [line for line in (fixtures / "events.export.CSV").read_text().splitlines()
             if line.split("\t")[0] == "1100004"]
    cells = row.split("\t")
    path = tmp_path / "e.export.CSV"
    path.write_text("\t".join(["9" * 250, *cells[1:]]) + "\n"
                    + "\t".join(["12²", *cells[1:]]) + "\n", encoding="utf-8")
    ds, report = import_dataset("gdelt", [path])
    [s] = ds.sanctions
    assert len(s.id) == 193 and s.id.startswith("gdelt-999")
    assert import_dataset("gdelt", [path])[0].sanctions[0].id == s.id  # stable
    assert [(c.line, c.record, c.field) for c in report.changed] == [
        (1, f"GLOBALEVENTID {'9' * 250}", "GLOBALEVENTID")]
    assert f"shortened to {s.id!r}" in report.changed[0].message
    assert [(x.line, x.message) for x in report.skipped] == [
        (2, "GLOBALEVENTID '12²' or SQLDATE '20220302' is not valid")]
