"""More speaker kinds of real reporting (issue 14, round 5), one test per kind, on sentences
written for these tests (invented people; real states so the country tables know them)."""

from __future__ import annotations

from kg.extract import extract_text


def speakers(text: str) -> list[list[str]]:
    return [st.speakers for st in extract_text(text, date="2023-05-10",
                                                source_id="t").dataset.statements]


def test_a_name_after_a_post_between_commas_is_the_speaker() -> None:
    assert speakers("Russia's envoy to the OPCW, Arkady Velmin, said the decision usurped the "
                    "powers of the Security Council.") == [["arkady-velmin"]]
    # places between commas are no person
    assert speakers("The measures were lifted in May, Moscow, Paris and Berlin said.") == [
        ["ru", "fr", "de"]]


def test_a_delegate_with_the_state_in_brackets_is_the_speaker() -> None:
    assert speakers("Ivo Marek (Chile), the drafter, said the measures had served their "
                    "purpose.") == [["ivo-marek"]]
    assert speakers("Ivo Marek (Chile) said the arms embargo had served its purpose.") == [
        ["ivo-marek"]]


def test_an_opening_time_phrase_with_no_comma_keeps_the_subject_first() -> None:
    assert speakers("Last week Washington recognised opposition leader Tomas Rell as interim "
                    "president and called on Vargo Dunn to step down.") == [["us"]]


def test_the_city_a_court_or_agency_sits_in_is_not_the_speaker() -> None:
    assert ["nl"] not in speakers("The Permanent Court of Arbitration in The Hague has "
                                  "condemned the sanctions on its registrar, Ilse Varn.")
