"""Statement kinds of real reporting added in round 13 (issue 14), on sentences written for
these tests (invented people; real states so the country tables know them): speakers named
in shapes the extractor missed or gave to another actor."""

from __future__ import annotations

from tests.extract.test_statement_kinds_r8 import speakers


def test_a_person_described_between_commas_speaks_not_the_body_in_the_description() -> None:
    assert speakers("Mara Lindqvist, speaking for the State Department, said the regime had "
                    "threatened an American think tank.") == [["mara-lindqvist"]]
    assert speakers("Tomas Brandt, once a senior U.S. diplomat and now at a think tank, "
                    "welcomed the joint action.") == [["tomas-brandt"]]
    # a post between the commas still names the person ("diplomat" is a post too)
    assert speakers("Tomas Brandt, a veteran French diplomat, condemned the "
                    "sanctions.") == [["tomas-brandt"]]


def test_a_name_with_an_initial_or_a_mc_prefix_is_one_person() -> None:
    assert speakers("Cutting the pair off shows the pressure on Tehran will grow, said Karl "
                    "J. Osterman, the Treasury's under secretary.") == [["karl-j-osterman"]]
    assert speakers("McAllister called the vote an outrageous grab for "
                    "power.") == [["mcallister"]]
