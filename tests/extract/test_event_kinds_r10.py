"""Event kinds of real reporting added in round 10 (issue 14); invented names where a real
one does not matter. Each failed on the extractor before."""

from __future__ import annotations

from tests.extract.test_event_kinds_r7 import events, run


def test_a_passive_sanction_noun_is_imposed_by_its_owner() -> None:
    assert events(run("US sanctions on Norland were lifted on Saturday.")) == [
        (["us"], ["Norland"], "lifted")]
    assert events(run("The EU's sanctions on Norland were removed on Saturday.")) == [
        (["eu"], ["Norland"], "lifted")]
    assert events(run("Washington's remaining sanctions on Norland will be eased next "
                      "month.")) == [(["us"], ["Norland"], "eased")]
    # with no owner and no state before, nobody is guessed
    assert events(run("Sanctions on Norland were lifted on Saturday.")) == []


def test_harsher_measures_promised_on_a_condition_are_a_threat() -> None:
    assert events(run("BRUSSELS - The EU cut its funding for Turkey on Monday. It warned "
                      "that harsher sanctions would follow if Ankara did not change "
                      "course.")) == [(["eu"], ["Türkiye"], "threatened")]
    assert events(run("BRUSSELS - The EU cut its funding for Turkey on Monday. Further "
                      "measures will follow unless Ankara withdraws, it said.")) == [
        (["eu"], ["Türkiye"], "threatened")]
    # no condition: not a threat
    assert events(run("BRUSSELS - The EU cut its funding for Turkey on Monday. Further "
                      "measures will follow next year, it said.")) == []
