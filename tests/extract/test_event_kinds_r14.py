"""Event kinds of real reporting added in round 14 (issue 14), on sentences written for these
tests (real states so the country tables know them)."""

from __future__ import annotations

from kg.extract import extract_text


def events(text: str, date: str) -> list[tuple[list[str], list[str], str]]:
    ds = extract_text(text, date=date, source_id="t").dataset
    return [(s.imposers, s.targets, s.status.value) for s in ds.sanctions]


def test_sanctions_by_a_list_of_states() -> None:
    # "sanctions by X and Y": the noun's imposers after "by", with no participle
    got = events("It follows sanctions by the United States and Britain on Nicaraguan "
                 "officials.", "2024-09-02")
    assert [(e[0], e[2]) for e in got] == [(["us", "gb"], "imposed")]
    assert got[0][1] and all(t.startswith("ni") for t in got[0][1]), got
    # ... and with no target of their own, the targets of the measure told before
    got = events("The EU widened its sanctions on Nicaragua. It follows sanctions by the "
                 "United States and Britain over the worsening situation.", "2024-09-02")
    assert got == [(["eu"], ["ni"], "imposed"), (["us", "gb"], ["ni"], "imposed")]
    # lower case after "by" is no imposer
    assert events("It follows sanctions by decree on Nicaraguan officials.", "2024-09-02") == []


def test_put_on_a_states_list_in_the_passive() -> None:
    got = events('Three American companies were put on China\'s "unreliable entity list" on '
                 "Thursday.", "2025-01-02")
    assert [(e[0], e[2]) for e in got] == [(["cn"], "imposed")]
    # the state after "on" that owns no list is the target, not the imposer
    got = events("Sanctions were imposed on Russia's central bank by the European Union.",
                 "2022-02-28")
    assert [e[0] for e in got] == [["eu"]]


def test_told_a_state_it_could_face_sanctions() -> None:
    # the subject (all of a coordinated one) of "told" threatens; not the first state of the
    # sentence
    got = events("Ankara launched the operation on Wednesday; Washington and the European Union "
                 "had already told Turkey it could face sanctions over the assault.",
                 "2019-10-12")
    assert got == [(["us", "eu"], ["tr"], "threatened")]


def test_stopping_arms_sales_is_an_embargo() -> None:
    assert events("Berlin and Paris have stopped arms sales to Turkey over its offensive.",
                  "2019-10-12") == [(["de", "fr"], ["tr"], "imposed")]
    assert events("Sweden halted sales of military equipment to Turkey.", "2019-10-12") == [
        (["se"], ["tr"], "imposed")]
    assert events("Germany suspended weapons deliveries to Saudi Arabia.", "2018-11-20") == [
        (["de"], ["sa"], "imposed")]
    # approving arms sales is no measure
    assert events("The State Department approved arms sales to Taiwan.", "2019-07-08") == []


def test_withdrawn_visa_is_an_entry_ban() -> None:
    got = events("Washington has withdrawn the US entry visa of Fatou Bensouda, chief "
                 "prosecutor of the International Criminal Court.", "2019-04-05")
    assert got == [(["us"], ["fatou-bensouda"], "imposed")]
    got = events("Canada cancelled the visas of three Iranian diplomats.", "2019-04-05")
    assert [(e[0], e[2]) for e in got] == [(["ca"], "imposed")]


def test_progressive_sanctioning_is_active() -> None:
    # "is sanctioning" is the progressive of an active verb, not a passive with its agent
    # missing
    got = events("Canada is sanctioning 20 more Iranian officials, Prime Minister Justin "
                 "Trudeau announced.", "2022-10-07")
    assert [(e[0], e[2]) for e in got] == [(["ca"], "imposed")]
    assert got[0][1] and all(t.startswith("ir") for t in got[0][1]), got
    got = events("Britain is freezing the assets of five Russian banks.", "2022-03-01")
    assert [(e[0], e[2]) for e in got] == [(["gb"], "imposed")]
    # the passive still takes its agent after "by"
    got = events("Five Russian banks were sanctioned by Britain.", "2022-03-01")
    assert [(e[0], e[2]) for e in got] == [(["gb"], "imposed")]


def test_retaliatory_tariffs_are_a_measure() -> None:
    assert events("Turkey imposed retaliatory tariffs on American goods worth $1.8 billion.",
                  "2018-08-15") == [(["tr"], ["us"], "imposed")]
    # tariffs with no word of punishment are trade policy, not a sanction
    assert events("Turkey imposed tariffs on American goods.", "2018-08-15") == []


def test_borders_shut_to_a_counted_group() -> None:
    # "to eight" is not "to" + a verb: the target list opens after "to"
    got = events("Moscow on Friday shut its borders to eight German officials.", "2021-04-30")
    assert [(e[0], e[2]) for e in got] == [(["ru"], "imposed")]
    assert got[0][1] and all(t.startswith("de") for t in got[0][1]), got


def test_keeping_the_right_to_respond_is_no_measure() -> None:
    assert events("The EU keeps the right to respond with appropriate measures of its own.",
                  "2021-04-30") == []
    assert events("Moscow reserves the right to impose countermeasures on Britain.",
                  "2021-04-30") == []


def test_those_sanctioned_continue_the_main_event_not_the_one_answered() -> None:
    # the measure the first sentence names in passing (a relative clause) is not the one
    # "Those barred" continues
    got = events("Moscow on Friday shut its borders to eight officials from European Union "
                 "countries, hitting back at sanctions the bloc had placed on Russian citizens. "
                 "Those barred include European Parliament President David Sassoli, the "
                 "Russian foreign ministry said.", "2021-04-30")
    barred = [e for e in got if "david-sassoli" in e[1]]
    assert barred and all(e[0] == ["ru"] for e in barred), got


def test_warned_a_state_of_sanctions() -> None:
    # the one warned stands between the verb and "of": the target of the threat
    got = events("Washington has warned Ankara of sanctions if it buys more Russian air "
                 "defence systems.", "2019-07-10")
    assert got == [(["us"], ["tr"], "threatened")]
    assert events("The State Department warned of sanctions against Serbia.", "2019-07-10") == [
        (["us"], ["rs"], "threatened")]


def test_wanting_another_to_sanction_is_a_call() -> None:
    # "wants the EU to sanction": a call on the EU, no measure of the EU's
    assert events("France wants the EU to sanction Russian oligarchs.", "2022-03-01") == []


def test_hit_back_at_a_state_with_sanctions() -> None:
    # the noun after "with" is the answer; the one hit back at is its target
    assert events("Tehran has hit back at the European Union with sanctions of its own.",
                  "2022-11-16") == [(["ir"], ["eu"], "imposed")]
    got = events("Beijing retaliated against Washington with sanctions on US lawmakers.",
                 "2020-08-10")
    assert [(e[0], e[2]) for e in got] == [(["cn"], "imposed")]
    assert got[0][1] and all(t.startswith("us") for t in got[0][1]), got
    # "hit back at Washington's sanctions" names the measure answered, not a new one
    got = events("Beijing hit back at Washington's sanctions on Monday.", "2020-08-10")
    assert all(e[0] != ["cn"] or e[2] != "imposed" for e in got), got


def test_imposing_its_own_is_a_measure() -> None:
    got = events("Russia has responded to the EU measures by imposing its own on 20 EU "
                 "officials.", "2021-03-02")
    assert (["ru"], "imposed") in [(e[0], e[2]) for e in got], got
    assert (["eu"], ["ru"], "imposed") in got, got


def test_sanctions_on_a_state_by_another() -> None:
    # the state after "on" is the target, the one after "by" imposes
    assert events("Minsk condemned sanctions on Belarus by the EU.", "2021-06-24") == [
        (["eu"], ["by"], "imposed")]


def test_un_sanctions_a_state_is_under_are_the_security_councils() -> None:
    assert events("North Korea has been under UN sanctions since 2006.", "2017-09-12") == [
        (["unsc"], ["kp"], "imposed")]


def test_one_of_those_sanctioned_is_no_new_measure() -> None:
    got = events("China sanctioned Skydio and two other firms. The move is an attempt to knock "
                 "out the leading US drone company, chief executive Adam Bry, himself one of "
                 "those sanctioned, wrote.", "2024-10-11")
    assert [(e[0], e[2]) for e in got] == [(["cn"], "imposed")], got


def test_a_city_states_dateline_gives_the_ministry_its_state() -> None:
    # "SINGAPORE -": the unnamed ministry is Singapore's, not that of the last state named
    # in a reason ("the invasion of Ukraine")
    got = events("SINGAPORE - Singapore is imposing sanctions on Russia over the invasion of "
                 "Ukraine. Exports of electronics to Russia will also be banned, the Ministry "
                 "of Foreign Affairs said.", "2022-03-05")
    assert got and all(e[0] == ["sg"] for e in got), got


def test_snapback_restores_sanctions() -> None:
    assert events("The United States triggered the snapback of UN sanctions on Iran.",
                  "2020-09-20") == [(["us"], ["ir"], "imposed")]
    assert events("Britain, France and Germany triggered the snapback mechanism against Iran "
                  "on Thursday.", "2025-08-28") == [(["gb", "fr", "de"], ["ir"], "imposed")]


def test_bans_placed_on_in_the_passive() -> None:
    got = events("Travel bans had been placed on 12 Israeli settlers, New Zealand said.",
                 "2024-07-04")
    assert [(e[0], e[2]) for e in got] == [(["nz"], "imposed")], got


def test_pledged_sanctions_are_expected() -> None:
    got = events("The G7 leaders, among them those of France, Germany, Britain and the United "
                 "States, pledged more military aid to Kyiv and more sanctions on Russia.",
                 "2023-05-20")
    assert got == [(["fr", "de", "gb", "us"], ["ru"], "expected")]
    # a promise on a condition stays a threat
    assert events("Biden promised tough sanctions on Russia if it invaded Ukraine.",
                  "2022-01-20") == [(["us"], ["ru"], "threatened")]


def test_a_measure_in_preparation_is_expected() -> None:
    for text, who in (("The EU is readying new sanctions against Belarus.", "eu"),
                      ("Britain signalled further sanctions on Iran.", "gb"),
                      ("Washington is lining up sanctions on Chinese banks.", "us")):
        got = events(text, "2024-05-10")
        assert [(e[0], e[2]) for e in got] == [([who], "expected")], (text, got)
    # a drafter who speaks is no measure in preparation
    got = events("The Security Council ended its sanctions on Liberia. David Pressman, who "
                 "drafted the text, said the sanctions had each been imposed to help.",
                 "2016-05-25")
    assert all(e[2] != "expected" for e in got), got


def test_a_lifting_in_the_passive_with_an_adverb_or_an_aside() -> None:
    assert events("Sanctions on Sudan were formally revoked by Washington in October 2017.",
                  "2017-10-12") == [(["us"], ["sd"], "lifted")]
    assert events("The arms embargo on Vietnam, in place since 1984, was fully lifted by "
                  "President Obama.", "2016-05-23") == [(["us"], ["vn"], "lifted")]


def test_unfrozen_assets_are_a_freeze_lifted() -> None:
    assert events("Britain unfroze £300 million of Libyan assets.", "2011-09-01") == [
        (["gb"], ["ly"], "lifted")]


def test_relief_promised_is_expected() -> None:
    assert events("The EU promised to lift sanctions on Syria.", "2024-05-10") == [
        (["eu"], ["sy"], "expected")]
    assert events("The EU lifted sanctions on Syria.", "2025-05-20") == [
        (["eu"], ["sy"], "lifted")]
