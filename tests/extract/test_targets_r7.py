"""Targets and reasons of real reporting, round 7 (issue 14; kg/extract/story.py and
kg/extract/targets.py): one test per kind of prose, on sentences written for the test
(states real, people and companies invented)."""

from __future__ import annotations

from kg.extract import extract_text


def reasons(text: str) -> list[list[str]]:
    ds = extract_text(text, date="2024-05-06", source_id="t").dataset
    return [[str(r.category) for r in s.reasons] for s in ds.sanctions]


def test_a_sanction_takes_the_grounds_stated_in_the_sentence_next_to_it() -> None:
    # the grounds after the measure
    assert reasons("ECOWAS suspended Guinea from all its bodies on Friday. Soldiers had "
                   "seized power in Conakry a week earlier.") == [["democracy"]]
    # the grounds before it
    assert reasons("Troops crossed into the north of the country on Monday. The EU imposed "
                   "sanctions on Russia on Tuesday.") == [["armed_conflict"]]
    # the sentence before wins over the sentence after
    assert reasons("Soldiers seized power in Bamako. ECOWAS suspended Mali on Friday. "
                   "Troops later crossed the border.") == [["democracy"]]


def test_a_sanction_with_grounds_of_its_own_or_next_to_a_counter_measure_takes_nothing() -> None:
    # its own reason is kept, the neighbour's is not added
    assert reasons("The EU imposed sanctions on Belarus over the rigged vote. Troops "
                   "crossed the border.") == [["democracy"]]
    # a retaliation cue next door belongs to the measure that answers
    assert reasons("Canada imposed sanctions on Mali. Mali announced a reciprocal ban on "
                   "Canadian flights.")[0] == []
    # two sentences away is no longer the same passage of the story
    assert reasons("Soldiers seized power in Bamako. Talks went on for weeks. ECOWAS "
                   "suspended Mali on Friday.") == [[]]


def targets(text: str) -> list[list[str]]:
    """(kind, name) of every target of every sanction."""
    ds = extract_text(text, date="2024-05-06", source_id="t").dataset
    actors = {a.id: a for a in ds.actors}
    return [[f"{actors[t].kind}:{actors[t].name}" if actors[t].draft else t for t in s.targets]
            for s in ds.sanctions]


def test_members_listed_after_include_join_the_group_sanctioned_before() -> None:
    got = targets("Norway imposed sanctions on 12 Belarusian officials on Monday. The 12 "
                  "individuals include General Tomas Velde and Ida Brennan.")
    assert got == [["group:12 Belarusian officials", "person:Tomas Velde", "person:Ida Brennan"]]
    # in the same sentence as the count, after a comma
    got = targets("Canada imposed sanctions on Belarus on Monday. The measures cover 19 "
                  "people, including Ana Reyes and Tomas Velde.")
    assert got[0][1:] == ["group:19 people", "person:Ana Reyes", "person:Tomas Velde"]


def test_a_sentence_saying_what_the_companies_are_names_them() -> None:
    got = targets("Beijing put seven US companies on its unreliable entity list on Tuesday. "
                  "The companies are Vantor Dynamics, Kessel Systems & Simulation and Brill "
                  "Industries.")
    assert got == [["group:Seven US companies", "organization:Vantor Dynamics",
                    "organization:Kessel Systems & Simulation",
                    "organization:Brill Industries"]]
    # the list's contents, with a slash in a name and a place's possessive before another
    got = targets("Tehran sanctioned 15 American companies on Sunday. The list runs from "
                  "missile maker Vantor Co. to Denver's Re/Kessel Holdings Inc.")
    assert got[0][1:] == ["organization:Vantor Co", "organization:Re/Kessel Holdings Inc"]


def test_names_said_to_be_among_those_hit_or_on_the_list_join_the_group() -> None:
    got = targets("Moscow barred 500 US citizens from entering Russia on Friday. Former "
                  "governor Ana Reyes is on the list, as are comedians Tomas Velde and Ida "
                  "Brennan, the ministry said.")
    assert got[0][1:] == ["person:Ana Reyes", "person:Tomas Velde", "person:Ida Brennan"]
    got = targets("Ankara imposed sanctions on three Sylvanian ministers on Monday. The "
                  "measures followed the launch of Operation Dawn; Defence Minister Ana Reyes "
                  "and Energy Minister Tomas Velde were hit.")
    assert got[0][1:] == ["person:Ana Reyes", "person:Tomas Velde"]


def test_what_places_a_member_is_not_a_member() -> None:
    # the employer before a post, the relative's kin, a name in quotes, a document, a speaker
    got = targets("Tokyo froze the assets of 17 Russian citizens on Tuesday. The list takes "
                  "in 11 State Duma deputies, Kessel chairman Tomas Velde and five relatives "
                  "of billionaire Ana Reyes, known as \"Brill's Banker\".")
    assert got[0][1:] == ["person:Tomas Velde"]
    got = targets("The Council imposed sanctions on six people on Friday. All sides should "
                  "respect its resolutions, Resolution 2397 among them, Ana Reyes said.")
    assert got[0][1:] == []
    # a sentence far from any sanction adds nothing
    got = targets("Norway sanctioned 12 Belarusian officials on Monday. Talks stalled. Trade "
                  "fell. Prices rose. The 12 individuals include Tomas Velde and Ida Brennan.")
    assert got == [["group:12 Belarusian officials"]]


def groups(text: str) -> list[list[tuple[str | None, int | None]]]:
    """(country, count) of every group target of every sanction."""
    ds = extract_text(text, date="2024-05-06", source_id="t").dataset
    actors = {a.id: a for a in ds.actors}
    return [[(actors[t].country, actors[t].count) for t in s.targets
             if str(actors[t].kind) == "group"] for s in ds.sanctions]


def test_groups_coordinated_before_a_place_share_it() -> None:
    # two counted groups: both of the place that closes the second
    assert groups("Iran imposed sanctions on 22 individuals and three entities from "
                  "Belgium.") == [[("be", 22), ("be", 3)]]
    assert groups("The EU suspended sanctions against 81 officials and eight firms in "
                  "Zimbabwe.") == [[("zw", 81), ("zw", 8)]]
    # a second noun with no count of its own is the same group
    assert groups("ECOWAS placed travel bans on 20 politicians and businessmen from "
                  "Guinea-Bissau.") == [[("gw", 20)]]
    # no place after them: no country is guessed
    assert groups("The EU lifted sanctions on 170 individuals and three companies.") == [
        [(None, 170), (None, 3)]]


def test_a_group_owned_by_a_state_through_other_words_is_that_states() -> None:
    assert groups("ECOWAS imposed sanctions on Mali's transitional leaders on Sunday.") == [
        [("ml", None)]]
    # modifiers joined by "and" stay in the group with its count
    assert groups("Moscow announced an entry ban on eight serving and former senior US "
                  "officials.") == [[("us", 8)]]


def test_sanctions_over_another_states_arms_sale_answer_it() -> None:
    assert reasons("Beijing will sanction Vantor Dynamics over American arms sales to "
                   "Taiwan.") == [["retaliation"]]
    assert reasons("China will impose sanctions on Kessel Corp for selling weapons to the "
                   "island.") == [["retaliation"]]
    # a reason of a category of its own is kept
    assert reasons("Beijing sanctioned Vantor Dynamics over arms sales that threaten its "
                   "sovereignty.") == [["armed_conflict"]]
    # the sale named before the measure is no reason of it
    assert reasons("After the arms sale to Taiwan, Washington imposed sanctions on Chinese "
                   "firms.") == [[]]


def test_a_president_ousted_or_toppled_is_a_reason_of_democracy() -> None:
    # kg/curated/reasons.yaml: every form of "oust" and "topple", as "overthrow" already was
    assert reasons("ECOWAS suspended Mali after the army toppled President Tomas Velde.") == [
        ["democracy"]]
    assert reasons("The AU suspended Guinea, a week after soldiers ousting President Ana Reyes "
                   "took power.") == [["democracy"]]


def test_the_authors_of_a_resolution_are_not_its_targets() -> None:
    got = targets("North Korea rejected the new UN sanctions. On Thursday the UN Security "
                  "Council unanimously passed a resolution, drafted by the United States and "
                  "China, that tightens Pyongyang's financial dealings and adds new names to "
                  "the UN blacklist.")
    assert got == [["kp"]]
    assert targets("The Council imposed sanctions on Mali in a text sponsored by "
                   "France.") == [["ml"]]


def test_a_place_written_x_based_is_no_organisation() -> None:
    got = targets("China imposed sanctions on Washington-based organisations that it accused "
                  "of meddling.")
    assert not any(t.startswith("organization:") for ts in got for t in ts)


def test_a_later_sentence_saying_the_steps_answer_an_act_makes_them_retaliation() -> None:
    got = reasons("China will sanction the Vantor Institute and Kessel Watch. Ana Reyes said "
                  "the steps answer Washington's signing of the Lakeside Act.")
    assert got == [["retaliation"]]
    got = reasons("Beijing barred Ana Reyes from entering China. Beijing said it was answering "
                  "her remarks on Hong Kong.")
    assert got == [["retaliation"]]
    # too far: three sentences on
    got = reasons("China will sanction the Vantor Institute. Talks stalled. Trade fell. Ana "
                  "Reyes said the steps answer Washington's signing of the Lakeside Act.")
    assert got == [[]]


def test_a_democratic_remedy_demanded_beside_a_sanction_makes_its_reason_democracy() -> None:
    assert reasons("The African Union suspended Sudan from all its activities on Thursday. "
                   "The suspension holds until a civilian-led transitional authority is in "
                   "place.") == [["democracy"]]
    assert reasons("ECOWAS imposed sanctions on Guinea, pressing for a return to "
                   "constitutional order.") == [["democracy"]]
    # a reason word of the lexicon next to it comes first
    assert reasons("ECOWAS imposed sanctions on Guinea. Troops had crossed the border, and "
                   "the bloc wants civilian rule.") == [["armed_conflict"]]
