"""Event kinds of real reporting added in round 11 (issue 14); invented names where a real
one does not matter. Each failed on the extractor before."""

from __future__ import annotations

from tests.extract.test_event_kinds_r7 import events, run


def test_a_measure_now_in_force_reported_by_its_imposer() -> None:
    # the reporting clause closes the sentence, and may carry a clause of its own
    assert events(run("Diplomatic, economic and financial sanctions against Guinea-Bissau are "
                      "now in force, the Economic Community of West African States announced, "
                      "after talks in Banjul ended with no accord.")) == [
        (["ecowas"], ["Guinea-Bissau"], "imposed")]
    assert events(run("Sanctions against Mali are now in force, ECOWAS said.")) == [
        (["ecowas"], ["Mali"], "imposed")]
    # in force with nobody reporting it: no imposer is guessed
    assert events(run("Sanctions against Mali are now in force.")) == []


def test_a_decreed_or_enacted_measure_is_imposed() -> None:
    assert events(run("Russia's president has decreed economic sanctions against Turkey.")) == [
        (["ru"], ["Türkiye"], "imposed")]
    assert events(run("Ukraine's parliament enacted sanctions on Russia on Tuesday.")) == [
        (["ua"], ["Russia"], "imposed")]


def test_a_law_punishing_its_targets_is_a_sanction() -> None:
    assert events(run("President Obama on Thursday signed a law punishing Venezuelan "
                      "officials accused of repressing protesters.")) == [
        (["us"], ["Venezuelan officials"], "imposed")]
    # a bill only submitted is not a law signed
    assert events(run("A bill submitted to the Duma on Monday would punish American "
                      "officials.")) == []
