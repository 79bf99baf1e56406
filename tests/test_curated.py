"""The curated tables (kg/curated/*.yaml): each file says where it comes from, every key and
value is well-formed, every country code is one ISO 3166 (pycountry) knows, and no phrase is
in two tables that should not share it."""

from __future__ import annotations

import itertools
import re
from importlib import resources

import pycountry
import pytest
import yaml

from kg.curated import load_table, table_names
from kg.model.vocab import Measure, Reason, Stance, Status
from kg.resolve import normalize

BLOC_IDS = set(load_table("blocs"))
#: Phrase tables whose keys name a country or bloc; a phrase belongs to one of them only.
PHRASE_TABLES = ["seats", "short_names", "demonyms", "government_bodies", "leaders"]


#: Codes kg uses that ISO 3166 leaves to users: Kosovo, as the EU, OFAC and the UN write it.
USER_ASSIGNED = {"xk"}


def is_country(code: object) -> bool:
    """An ISO alpha-2 code, lower case, that pycountry knows (or Kosovo's ``xk``)."""
    return isinstance(code, str) and code == code.lower() and len(code) == 2 and (
        pycountry.countries.get(alpha_2=code.upper()) is not None or code in USER_ASSIGNED)


def is_code(code: object) -> bool:
    """An ISO alpha-2 country code (lower case) or a bloc id."""
    return is_country(code) or code in BLOC_IDS


def iso_names() -> set[str]:
    out = set()
    for c in pycountry.countries:
        out |= {normalize(getattr(c, a)) for a in ("name", "common_name", "official_name")
                if getattr(c, a, None)}
    return out


def bloc_names() -> set[str]:
    return {normalize(n) for e in load_table("blocs").values() for n in (e["name"], *e["aliases"])}


def test_the_loader_finds_every_file_and_caches_it() -> None:
    names = table_names()
    assert names == ["authorities", "blocs", "cameo", "csl_lists", "demonyms", "display_names",
                     "eu_programmes", "government_bodies", "issuing_bodies", "leaders", "measures",
                     "ofac_programs", "opensanctions_datasets", "reasons", "seats",
                     "short_names", "titles",
                     "uk_regimes", "un_regimes"]
    assert load_table("seats") is load_table("seats")
    with pytest.raises(FileNotFoundError):
        load_table("no-such-table")


@pytest.mark.parametrize("name", table_names())
def test_every_file_opens_with_its_source_and_rule(name: str) -> None:
    text = resources.files("kg.curated").joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    header = list(itertools.takewhile(lambda line: line.startswith("#"), text.splitlines()))
    assert len(header) >= 2, name
    assert "Source" in " ".join(header) or "source" in " ".join(header), name
    assert isinstance(load_table(name), dict) and load_table(name), name


@pytest.mark.parametrize("name", PHRASE_TABLES)
def test_phrase_keys_are_normalized_and_values_are_codes(name: str) -> None:
    table = load_table(name)
    assert [k for k in table if not isinstance(k, str) or normalize(k) != k] == []
    bad = {k: v for k, v in table.items() if not is_code(v) and (name, v) != ("demonyms", "west")}
    assert bad == {}


def test_phrase_tables_are_disjoint_and_do_not_repeat_country_or_bloc_names() -> None:
    tables = {n: set(load_table(n)) for n in PHRASE_TABLES}
    for (a, ka), (b, kb) in itertools.combinations(tables.items(), 2):
        assert ka & kb == set(), (a, b)
    taken = iso_names() | bloc_names()
    for name in ("seats", "demonyms", "government_bodies", "leaders"):
        assert tables[name] & taken == set(), name
    assert [n for n, keys in tables.items() if "kremlin" in keys] == ["seats"]


def test_display_names_are_for_iso_codes() -> None:
    table = load_table("display_names")
    assert [k for k in table if not is_country(k)] == []
    assert all(isinstance(v, str) and v.strip() == v and v for v in table.values())
    assert table["ru"] == "Russia"


def test_blocs_have_names_and_ids_that_are_not_country_codes() -> None:
    for code, entry in load_table("blocs").items():
        assert code == code.lower() and not is_country(code), code
        assert set(entry) == {"name", "aliases"}, code
        assert all(isinstance(n, str) and n for n in (entry["name"], *entry["aliases"])), code


def test_titles_map_lower_case_titles_to_countries() -> None:
    table = load_table("titles")
    assert all(k == k.lower() and is_country(v) for k, v in table.items())


def test_authorities_are_normalized_phrases_for_imposers() -> None:
    table = load_table("authorities")
    assert [k for k in table if normalize(k) != k] == []
    assert [v for v in table.values() if not is_code(v)] == []
    assert table["office of foreign assets control"] == "us"


@pytest.mark.parametrize("body_id", sorted(load_table("issuing_bodies")))
def test_each_issuing_body_is_part_of_the_polity_its_names_stand_for(body_id: str) -> None:
    from kg.ingest.bodies import body, body_for_authority
    from kg.ingest.crosswalks import imposer_for_authority

    actor = body(body_id)
    assert actor.part_of is not None and is_code(actor.part_of)
    assert body_id.startswith(actor.part_of + "-")
    for name in (actor.name, *actor.aliases):
        assert body_for_authority(name) is actor, name
        # authorities.yaml gives the same polity for every name of the body
        assert imposer_for_authority(name) in (actor.part_of, None), name
    assert imposer_for_authority(actor.name) == actor.part_of


def test_ofac_programmes_map_tags_to_reasons() -> None:
    table = load_table("ofac_programs")
    reasons = {r.value for r in Reason}
    for tag, values in table.items():
        assert isinstance(tag, str) and tag == tag.upper() and tag.strip() == tag, tag
        assert values and set(values) <= reasons, tag
    assert table["UKRAINE-"] == ["armed_conflict"]


def test_un_regimes_and_list_types() -> None:
    table = load_table("un_regimes")
    reasons = {r.value for r in Reason}
    for prefix, entry in table["regimes"].items():
        assert re.fullmatch(r"[A-Z]{2}", prefix), prefix
        assert entry["name"] and set(entry["reasons"]) <= reasons, prefix
    assert set(table["list_types"].values()) <= set(table["regimes"])
    assert all(isinstance(k, str) and k == k.lower() for k in table["list_types"])


def test_cameo_codes() -> None:
    table = load_table("cameo")
    for code, iso in table["countries"].items():
        assert re.fullmatch(r"[A-Z]{3}", code), code
        assert iso is None or is_country(iso), code
        listed = pycountry.countries.get(alpha_3=code)
        assert listed is None or listed.alpha_2.lower() == iso, code  # never contradicts ISO
    assert set(table["groups"].values()) <= BLOC_IDS
    for code, entry in table["events"].items():
        assert isinstance(code, str) and code.isdigit(), code
        kinds = set(entry) - {"name"}
        assert kinds in ({"sanction"}, {"statement"}), code
        if "sanction" in entry:
            Status(entry["sanction"])
        else:
            Stance(entry["statement"])
    assert table["events"]["081"]["sanction"] == "eased"


def test_seats_written_in_lower_case_after_the_resolve() -> None:
    from kg.extract.actors import THE_LOWER_CASE, find_mentions

    for word in THE_LOWER_CASE:
        found = find_mentions(f"Russia condemned the {word} on Monday.")
        assert [m.code for m in found if m.text == f"the {word}"] != [None], word
    assert [m.code for m in find_mentions("Russia condemned the bloc.")] == ["ru", "eu"]
    assert [m.code for m in find_mentions("Talks in The Hague failed.")] == ["nl"]
def test_reason_lexicon_is_well_formed() -> None:
    table = load_table("reasons")
    assert set(table) == {r.value for r in Reason if r is not Reason.OTHER}
    for reason, words in table.items():
        assert words and all(isinstance(w, str) and w.strip() == w and w for w in words), reason
        assert all(re.fullmatch(w, "") is None for w in words), reason  # none matches nothing


def test_measure_lexicon_is_well_formed() -> None:
    table = load_table("measures")
    assert set(table) <= {m.value for m in Measure} - {"unspecified"}
    for measure, entry in table.items():
        assert set(entry) <= {"phrases", "words"} and entry, measure
        for w in (*entry.get("phrases", []), *entry.get("words", [])):
            assert isinstance(w, str) and w.strip() == w and w, measure
            assert re.fullmatch(w, "") is None, measure


class _NoRepeats(yaml.SafeLoader):
    """A YAML loader that fails on a key written twice in one mapping (PyYAML keeps the last
    silently, so a table edited by two hands could lose an entry unseen)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:  # type: ignore[override]
        keys = [self.construct_object(k, deep=deep) for k, _v in node.value]
        repeated = sorted({str(k) for k in keys if keys.count(k) > 1})
        assert not repeated, f"line {node.start_mark.line + 1}: keys written twice: {repeated}"
        return super().construct_mapping(node, deep=deep)


@pytest.mark.parametrize("table", sorted(table_names()))
def test_no_curated_table_writes_a_key_twice(table: str) -> None:
    text = resources.files("kg.curated").joinpath(f"{table}.yaml").read_text(encoding="utf-8")
    assert yaml.load(text, Loader=_NoRepeats) is not None


def test_the_repeat_check_catches_a_repeat() -> None:
    with pytest.raises(AssertionError, match=r"keys written twice: \['yemeni'\]"):
        yaml.load("yemeni: ye\nomani: om\nyemeni: ye\n", Loader=_NoRepeats)
