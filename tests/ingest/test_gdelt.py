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
