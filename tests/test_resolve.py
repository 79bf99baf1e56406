from __future__ import annotations

import pytest

from kg.errors import ResolveError
from kg.model.records import Actor
from kg.resolve.resolver import Resolver, country_actor, country_code, country_name, normalize

ACTORS = [
    Actor(id="us", name="United States", kind="state", country="us"),
    Actor(id="cn", name="China", kind="state", country="cn"),
    Actor(id="ru", name="Russia", kind="state", country="ru"),
    Actor(id="eu", name="European Union", kind="bloc"),
    Actor(id="wang-yi", name="Wang Yi", kind="person", country="cn", aliases=["Wang"]),
    Actor(id="wang-jun", name="Wang Jun", kind="person", country="cn", aliases=["Wang"]),
    Actor(id="zelensky", name="Volodymyr Zelenskyy", kind="person", aliases=["Зеленський"]),
]


@pytest.mark.parametrize(("name", "expected"), [
    ("U.S.", "us"), ("United States", "us"), ("US", "us"), ("us", "us"),
    ("Washington", "us"), ("the United States of America", "us"), ("USA", "us"),
    ("Beijing", "cn"), ("PRC", "cn"), ("People's Republic of China", "cn"),
    ("the Kremlin", "ru"), ("Moscow", "ru"), ("Russian Federation", "ru"),
    ("Brussels", "eu"), ("EU", "eu"), ("european union", "eu"),
    ("WANG YI", "wang-yi"), ("Зеленський", "zelensky"), ("volodymyr zelenskyy", "zelensky"),
])
def test_resolves_names_aliases_codes_and_seats(name: str, expected: str) -> None:
    assert Resolver(ACTORS).resolve(name) == expected


def test_ambiguous_name_lists_candidates() -> None:
    with pytest.raises(ResolveError) as exc:
        Resolver(ACTORS).resolve("Wang")
    assert str(exc.value) == ("'Wang' is ambiguous: it could be wang-jun (Wang Jun), "
                              "wang-yi (Wang Yi); use an id")


def test_unknown_name_suggests_close_ones() -> None:
    with pytest.raises(ResolveError) as exc:
        Resolver(ACTORS).resolve("Chna")
    assert str(exc.value) == "no actor is called 'Chna'; did you mean 'China'?"
    assert exc.value.exit_code == 2


def test_a_country_not_in_the_data_is_not_invented() -> None:
    with pytest.raises(ResolveError, match="no actor is called 'France'"):
        Resolver(ACTORS).resolve("France")


def test_normalize_folds_case_accents_punctuation() -> None:
    assert normalize("Côte d’Ivoire") == normalize("COTE D'IVOIRE") == "cote divoire"
    assert normalize("The U.K.") == "uk"
    assert normalize("Al-Qa'ida") == "al qaida"


def test_country_helpers() -> None:
    assert country_code("Türkiye") == country_code("Turkey") == "tr"
    assert country_code("Chinese") == "cn"
    assert country_code("Narnia") is None
    assert country_name("ir") == "Iran" and country_name("zz") is None
    a = country_actor("kp")
    assert (a.id, a.name, a.kind, a.country) == ("kp", "North Korea", "state", "kp")
    with pytest.raises(ResolveError):
        country_actor("zz")
