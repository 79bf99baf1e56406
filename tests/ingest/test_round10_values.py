"""Values a newcomer and the property tests found read silently (round 10)."""

from __future__ import annotations

from kg.ingest.common import weak_names
from kg.ingest.identity import birth_dates, ofac_remarks
from kg.ingest.report import ImportReport


def test_a_weak_alias_equal_to_an_alias_that_normalises_to_nothing_is_dropped() -> None:
    # hypothesis found it: alias "\x00" and weak alias "\x00" were both written, and the
    # model refuses an actor whose weak alias repeats an alias
    assert weak_names(["Orlan Vesk", "\x00"], ["\x00", "Abu Ali"]) == ["Abu Ali"]


def test_ofac_numeric_dates_of_birth_are_reported_with_the_order_read() -> None:
    r = ImportReport("ofac")
    who = ofac_remarks("DOB 06/10/2001; alt. DOB 12/25/1980; alt. DOB 02 Apr 1961.", r,
                       "sdn.csv", 3, record="ofac-1")
    assert who.birth_dates == ["2001-10-06", "1980-12-25", "1961-04-02"]
    assert [(p.line, p.field, p.message) for p in r.changed] == [
        (3, "Remarks (DOB)", "date of birth '06/10/2001' read as day/month/year: 2001-10-06"),
        (3, "Remarks (DOB)", "date of birth '12/25/1980' read as month/day/year: 1980-12-25")]


def test_a_list_whose_documented_order_is_day_first_reports_only_dates_against_it() -> None:
    r = ImportReport("uk")
    got = birth_dates(["06/10/2001", "12/25/1980"], r, "uk.csv", 2, record="uk-1", field="DOB",
                      convention="dmy")
    assert got == ["2001-10-06", "1980-12-25"]
    assert [p.message for p in r.changed] == [
        "date of birth '12/25/1980' read as month/day/year: 1980-12-25"]
