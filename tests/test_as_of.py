"""``as_of``: what was in force on a day, with lifts, end dates, threats and undated records,
from the library and the CLI."""

from __future__ import annotations

import pytest

from kg.errors import UsageError
from kg.query import relations, sanctioned_by, who_sanctioned
from tests.factory import actor, dataset, graph_of, sanction, write
from tests.test_cli import run

DATA = dataset(
    actors=[actor("us"), actor("gb"), actor("fr"), actor("ru"), actor("ir"), actor("kp"),
            actor("eu", "European Union", kind="bloc"), actor("cu")],
    sanctions=[
        # Imposed, then lifted by the US only: the UK's part stays in force.
        sanction("joint", ["us", "gb"], ["ir"], date="2012-01-23"),
        sanction("us-lift", ["us"], ["ir"], status="lifted", date="2016-01-16"),
        # Ended by an end date.
        sanction("ending", ["us"], ["ru"], date="2014-03-17", end_date="2015-03-17"),
        # Eased counts; extended counts; partial dates count from their first day.
        sanction("eased", ["gb"], ["ru"], status="eased", date="2019-06"),
        sanction("extended", ["us"], ["kp"], status="extended", date="2017"),
        # Threats and expectations never count.
        sanction("threat", ["us"], ["cu"], status="threatened", date="2018-01-01"),
        sanction("expect", ["gb"], ["cu"], status="expected", date="2018-01-01"),
        # Lifted, then imposed again: the new imposition counts after the lift.
        sanction("cu-1", ["fr"], ["cu"], date="2010-01-01"),
        sanction("cu-lift", ["fr"], ["cu"], status="lifted", date="2012-01-01"),
        sanction("cu-2", ["fr"], ["cu"], date="2015-01-01"),
        # Undated: never placed on a day, counted.
        sanction("undated", ["us"], ["ru"]),
        # A bloc's sanction, lifted by the bloc.
        sanction("eu-kp", ["eu"], ["kp"], date="2016-05-01", effective_date="2016-06-01"),
        sanction("eu-kp-lift", ["eu"], ["kp"], status="lifted", date="2020-01-01"),
    ])


@pytest.fixture(scope="module")
def G():
    return graph_of(DATA)


def pairs(rows):
    return sorted({(r.imposer, r.target, r.sanction) for r in rows})


def test_lift_by_the_same_imposer_ends_only_its_part(G):
    assert pairs(who_sanctioned(G, "ir", as_of="2015-12-31")) == [
        ("gb", "ir", "joint"), ("us", "ir", "joint")]
    assert pairs(who_sanctioned(G, "ir", as_of="2016-01-16")) == [("gb", "ir", "joint")]
    assert pairs(who_sanctioned(G, "ir", as_of="2011-12-31")) == []


def test_end_dates_partial_dates_eased_and_extended(G):
    assert pairs(who_sanctioned(G, "ru", as_of="2015-03-16")) == [("us", "ru", "ending")]
    assert pairs(who_sanctioned(G, "ru", as_of="2015-03-17")) == []
    assert pairs(who_sanctioned(G, "ru", as_of="2019-06-01")) == [("gb", "ru", "eased")]
    assert pairs(who_sanctioned(G, "kp", as_of="2017-01-01")) == [
        ("eu", "kp", "eu-kp"), ("us", "kp", "extended")]


def test_effective_date_and_a_blocs_lift(G):
    assert pairs(who_sanctioned(G, "kp", as_of="2016-05-15")) == []
    assert pairs(who_sanctioned(G, "kp", as_of="2016-06-01")) == [("eu", "kp", "eu-kp")]
    assert pairs(who_sanctioned(G, "kp", as_of="2020-01-01")) == [("us", "kp", "extended")]


def test_threats_never_count_and_reimposition_after_a_lift_does(G):
    assert pairs(who_sanctioned(G, "cu", as_of="2011-01-01")) == [("fr", "cu", "cu-1")]
    assert pairs(who_sanctioned(G, "cu", as_of="2013-01-01")) == []
    assert pairs(who_sanctioned(G, "cu", as_of="2018-06-01")) == [("fr", "cu", "cu-2")]


def test_undated_records_are_left_out_and_counted(G):
    rows = sanctioned_by(G, "us", as_of="2014-06-01")
    assert pairs(rows) == [("us", "ir", "joint"), ("us", "ru", "ending")]
    assert rows.undated == 1
    assert relations(G, as_of="2014-06-01").undated == 1
    assert sanctioned_by(G, "gb", as_of="2014-06-01").undated == 0
    assert relations(G).undated == 0 and len(relations(G)) == 14


def test_a_bad_day_is_a_usage_error(G):
    with pytest.raises(UsageError, match="--as-of"):
        relations(G, as_of="2021-02-30")


def test_cli_as_of_with_the_note_on_stderr(tmp_path, capsys):
    f = write(tmp_path / "d.yaml", DATA)
    code, out, err = run(capsys, "query", "sanctioned-by", "us", "-d", str(f),
                         "--as-of", "2014-06-01", "--format", "csv")
    assert code == 0, err
    lines = out.strip().splitlines()
    assert [ln.split(",")[2] for ln in lines[1:]] == ["ir", "ru"]
    assert err == "note: 1 sanction with no date left out of --as-of\n"
    code, out, err = run(capsys, "query", "relations", "-d", str(f), "--as-of", "soon")
    assert code == 2 and "--as-of: 'soon' is not a date" in err
