"""More kinds of real reporting's sanctions (issue 14, round 5): one test per kind of prose,
on sentences written for the test (people and companies invented)."""

from __future__ import annotations

from kg.extract import extract_text


def events(text: str) -> list[tuple[list[str], list[str], str]]:
    ds = extract_text(text, date="2024-05-06", source_id="t").dataset
    return [(list(s.imposers), list(s.targets), str(s.status)) for s in ds.sanctions]


def test_relative_clause_whose_subject_is_an_abbreviated_state_or_its_government() -> None:
    got = events("Ankara called the sanctions the U.S. administration imposed on "
                 "Turkey's ministers Aral Vennick and Osman Tirel illogical.")
    assert [(e[0], e[2]) for e in got] == [(["us"], "imposed")]
    got = events("Ankara called the sanctions the U.S. imposed on Turkey's "
                 "ministers unfriendly.")
    assert [(e[0], e[2]) for e in got] == [(["us"], "imposed")]


def test_scare_quotes_around_the_sanction_noun_do_not_cut_the_clause() -> None:
    assert events('West African leaders meeting in an extraordinary summit in New York on March 3, '
                  '2024 imposed "gradual sanctions" on the junta that rules Guinea, which '
                  'refuses to set a date for elections.') == [(["ecowas"], ["gn"], "imposed")]
    # quoted speech still starts a clause of its own: the speaker is no imposer
    assert events('Minister Dela Orvane said: "Sanctions on Mali will stay."') == []


def test_a_capital_where_the_actors_met_is_not_the_imposer() -> None:
    assert events('West African leaders meeting in an extraordinary summit in Paris on March 3, '
                  '2024 imposed "gradual sanctions" on the junta that rules Guinea, which '
                  'refuses to set a date for elections.') == [(["ecowas"], ["gn"], "imposed")]


def test_measures_said_to_remain_beside_a_lifting_are_imposed() -> None:
    got = events("Bern lifted its sanctions against Iran on Sunday. Financial restrictions and "
                 "travel bans stay in force for a few individuals, the government said.")
    assert [(e[0], e[2]) for e in got] == [(["ch"], "lifted"), (["ch"], "imposed")]
    # with no lifting reported, a measure said to remain is no new event
    assert events("Financial restrictions and travel bans stay in force for a small number of "
                  "individuals, the Swiss council said.") == []
    # a further period is a renewal, as before
    assert events("Sanctions against Iran will remain in force until July 31, the EU "
                  "said.")[0][2] == "extended"
    # the lifting in the same sentence
    got = events("Bern lifted its sanctions against Iran on Sunday, but an arms embargo "
                 "remains in force, the government said.")
    assert [(e[0], e[2]) for e in got] == [(["ch"], "lifted"), (["ch"], "imposed")]


def test_an_economic_blockade_is_a_sanction_a_bare_blockade_is_not() -> None:
    assert events("The Economic Community of West African States has lifted a trade and travel "
                  "blockade on Niger after the junta agreed to a civilian-led transition.") == [
        (["ecowas"], ["ne"], "lifted")]
    assert events("Turkey imposed an economic blockade on Armenia in 1993.") == [
        (["tr"], ["am"], "imposed")]
    assert events("The navy of Ruritania imposed a blockade on the port of Kessel.") == []


def test_putting_people_on_a_list_of_wrongdoers_is_a_listing() -> None:
    got = events("Caracas cut ties with Orvel Air after Panama put President Dario Vastelo and "
                 "his ministers on a list of possible money launderers.")
    assert [(e[0], e[2]) for e in got] == [(["pa"], "imposed")]
    # a list of candidates or guests is no listing
    assert events("Panama put President Dario Vastelo on a list of speakers for the summit.") \
        == []


def test_a_sanction_noun_due_or_expected_to_be_adopted_is_expected() -> None:
    assert events("The EU added four Russian officials to its blacklist on Monday. The legal "
                  "acts for the wider economic sanctions against Russia are due to be adopted "
                  "by written procedure on 31 July.")[-1] == (["eu"], ["ru"], "expected")
    assert events("Sanctions on Iran are expected to be lifted next week, the EU said.") == [
        (["eu"], ["ir"], "expected")]


def test_more_sanctions_coming_is_the_actors_next_step_expected() -> None:
    got = events("New Zealand on Friday imposed sanctions on top Russian officials over the war "
                 "in Ukraine. This is just the start, with more sanctions coming over the next "
                 "few weeks, minister Kiri Tane warned.")
    assert [(e[0], e[2]) for e in got] == [(["nz"], "imposed"), (["nz"], "expected")]


def test_a_demonstrative_opening_a_sentence_is_no_company_target() -> None:
    ds = extract_text("New Zealand on Friday imposed sanctions on top Russian officials over the "
                      "war in Ukraine. This is just the start, with more sanctions coming over "
                      "the next few weeks, minister Kiri Tane warned.", date="2024-05-06",
                      source_id="t").dataset
    assert "this" not in {t for s in ds.sanctions for t in s.targets}


def test_sanctions_after_to_is_the_noun_not_an_infinitive() -> None:
    assert events("China's Foreign Ministry on Monday repeated its opposition to sanctions on "
                  "Russia over the crisis in Ukraine.") == []
    # the singular after "to" is still the verb
    assert events("Canada decided to sanction three Russian banks.") == [
        (["ca"], ["ru-banks"], "imposed")]


def test_a_trigger_that_is_the_object_of_opposing_is_no_event() -> None:
    assert events("China has always opposed imposing or threatening sanctions in international "
                  "relations, spokesman Li Dawen said.") == []
    assert events("Brazil opposes imposing new penalties on Venezuela.") == []
    # opposing something else, then imposing: the event stays
    assert events("Brazil opposed the coup and imposed sanctions on Niger.") == [
        (["br"], ["ne"], "imposed")]


def test_a_state_invaded_or_at_war_is_never_the_imposer() -> None:
    got = events("The sixth package since the invasion of Ukraine bans most Russian oil "
                 "imports and cuts Orlbank off the SWIFT messaging system.")
    assert "ua" not in {i for e in got for i in e[0]}


def test_a_participle_spelling_out_a_relief_is_the_same_measure() -> None:
    assert events("The Swiss Federal Council on Friday lifted some of its sanctions on Syria, "
                  "dropping measures against the energy and transport sectors.") == [
        (["ch"], ["sy"], "eased")]
    # a participle that is a different act stays an event of its own
    assert [e[2] for e in events("Moscow hit back at Washington's sanctions on Friday, "
                                 "announcing entry bans on nine American senators.")][-1] \
        == "imposed"


def test_looking_at_or_considering_a_relief_is_relief_expected() -> None:
    assert events("Russia would also look at ending an embargo on Turkish food products, the "
                  "Kremlin said.") == [(["ru"], ["tr"], "expected")]
    assert events("Japan is considering lifting its ban on seafood from China.")[0][2] \
        == "expected"


def test_the_targets_own_conduct_joined_by_and_its_is_the_reason() -> None:
    text = ("Chile and Norway on Tuesday announced sanctions against the ruling council of "
            "Freedonia and its \"continued assault on civilians.\"")
    ds = extract_text(text, date="2023-06-20").dataset
    assert [[str(r.category) for r in s.reasons] for s in ds.sanctions] == [["human_rights"]]
    # without the conduct there is no reason to read
    plain = extract_text("Chile and Norway on Tuesday announced sanctions against the ruling "
                         "council of Freedonia.", date="2023-06-20").dataset
    assert [s.reasons for s in plain.sanctions] == [[]]
