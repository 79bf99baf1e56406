"""Finding actors by the names people type (kg.resolve.match, kg.graph.index, kg search),
on tests/fixtures/search-names.yaml: OFAC-style names written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import kg
from kg.cli.app import main
from kg.errors import ResolveError
from kg.graph.index import resolve_actor, resolve_name, search_actors
from kg.resolve.choose import UnclearName, decide
from kg.resolve.match import ActorNames, NameIndex
from kg.resolve.translit import name_tokens, spelling_key, surname_positions

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "search-names.yaml"
G = kg.build(kg.load([FIXTURE]))
DERIPASKA, RUSAL = "sdn-1001", "sdn-1002"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    return int(exc.value.code or 0), out, err


@pytest.mark.parametrize(("query", "how"), [
    ("Oleg Deripaska", "partial"),            # patronymic left out, other order
    ("Deripaska", "partial"),                 # the surname alone
    ("Олег Дерипаска", "transliterated"),     # Cyrillic
    ("Oleg Deripasca", "transliterated"),     # c for k: another romanisation
    ("Oleg Derpaska", "fuzzy"),               # a typo
    ("Oleg Vladimirovich Deripaska", "reordered"),
    ("DERIPASKA, Oleg Vladimirovich", "exact"),
    ("O. Deripaska", "partial"),              # an initial
])
def test_deripaska_comes_first(query: str, how: str) -> None:
    found = search_actors(G, query)
    assert found[0].id == DERIPASKA and found[0].how == how
    assert found[0].imposers == ["gb", "us"]
    assert found[0].imposer_names == ["United Kingdom", "United States"]


def test_scores_order_the_ways_of_matching() -> None:
    score = {q: search_actors(G, q)[0].score for q in
             ("DERIPASKA, Oleg Vladimirovich", "Oleg Deripaska", "Oleg Deripasca",
              "Deripaska", "Oleg Derpaska")}
    assert score["DERIPASKA, Oleg Vladimirovich"] == 1.0
    assert 1.0 > score["Oleg Deripaska"] > score["Oleg Deripasca"] > score["Deripaska"] > 0.7
    assert score["Oleg Derpaska"] < score["Oleg Deripasca"]
    # The company one letter away comes well behind the exact surname.
    second = search_actors(G, "Deripaska")[1]
    assert (second.id, second.how) == ("sdn-1006", "fuzzy")
    assert score["Deripaska"] - second.score > 0.1


@pytest.mark.parametrize(("query", "expected", "how"), [
    ("Rusal", RUSAL, "partial"),
    ("UC Rusal", RUSAL, "partial"),                    # initials of United Company
    ("United Company Rusal", RUSAL, "exact"),           # the legal form does not count
    ("Stroygazmontazh LLC", "sdn-1009", "exact"),       # OOO and LLC both dropped
    ("Mohammed Suleyman", "sdn-1007", "transliterated"),
    ("محمد سليمان", "sdn-1007", "transliterated"),      # Arabic script
    ("张伟", "sdn-1008", "transliterated"),              # Chinese: against the alias
    ("李小明", "sdn-1012", "transliterated"),            # Chinese: against the Latin name
    ("Wei Zhang", "sdn-1008", "reordered"),
    ("Νικόλαος Παπαδόπουλος", "sdn-1011", "transliterated"),  # Greek
    ("Pavel Hodorkovsky", "sdn-1010", "transliterated"),      # kh/h, -y/-iy
])
def test_other_names_scripts_and_spellings(query: str, expected: str, how: str) -> None:
    found = search_actors(G, query)
    assert (found[0].id, found[0].how) == (expected, how)


def test_rusal_matched_and_scored() -> None:
    (hit,) = search_actors(G, "Rusal")
    assert (hit.name, hit.matched, hit.score, hit.imposers) == (
        "UNITED COMPANY RUSAL PLC", "UNITED COMPANY RUSAL PLC", 0.73, ["us"])


def test_filters_and_limit() -> None:
    olegs = search_actors(G, "Oleg", limit=None)
    assert {c.id for c in olegs} == {"sdn-1001", "sdn-1003", "sdn-1004", "sdn-1005"}
    assert [c.id for c in search_actors(G, "Oleg", country="BY")] == ["sdn-1005"]
    assert search_actors(G, "Rusal", kind="person") == []
    assert len(search_actors(G, "Oleg", limit=2)) == 2
    assert search_actors(G, "Narnia") == [] and search_actors(G, "  ,, ") == []


def test_index_and_linear_scan_agree() -> None:
    idx = kg.graph.index.index_of(G).names
    for q in ("Oleg Deripaska", "Deripasca", "Олег Дерипаска", "Rusal", "Oleg", "Sulejman",
              "Xiaoming Li", "UC Rusal"):
        assert idx.search(q, limit=None) == idx.scan(q, limit=None), q


def test_weak_aliases_count_less_and_say_so() -> None:
    idx = NameIndex([ActorNames("a", "Ivan PETROV", (), "person", "ru", ["Vanya PETROV"]),
                     ActorNames("b", "Vanya PETROVSKY", ("Vanya PETROV",), "person")])
    a, b = idx.search("Vanya Petrov", limit=None)[::-1]
    assert (b.id, b.how, b.weak, b.score) == ("b", "exact", False, 1.0)
    assert (a.id, a.how, a.weak, a.score) == ("a", "exact", True, 0.8)
    alone = NameIndex([ActorNames("a", "Ivan PETROV", (), "person", "ru", ["Vanya PETROV"])])
    d = decide(alone.search("Vanya Petrov"))
    # A weak alias alone never picks an actor, even the only candidate with a good score.
    assert d.chose is None
    assert d.why == ("it matches only 'Vanya PETROV', a weak alias of 'Ivan PETROV'; a weak "
                     "alias alone never picks an actor")
    assert [(c.id, c.weak) for c in d.candidates] == [("a", True)]
    # The actor's own name still picks it.
    assert decide(alone.search("Ivan Petrov")).chose.id == "a"  # type: ignore[union-attr]


def test_decide_thresholds() -> None:
    assert decide([]).chose is None and decide([]).why == "no name comes close"
    oleg = decide(search_actors_candidates("Oleg"))
    assert oleg.chose is None and oleg.why == "a given name alone never picks a person"
    assert len(oleg.candidates) == 4
    one_word = decide(search_actors_candidates("Deripasca"))
    assert one_word.chose is None and one_word.why == "one inexact word is too little to go on"
    taken = decide(search_actors_candidates("Deripaska"))
    assert taken.chose is not None and taken.chose.id == DERIPASKA
    assert taken.why == ("partial match of 'DERIPASKA, Oleg Vladimirovich', score 0.78; "
                         "the next best, 'DERIPASKO TRADING LLC', scores 0.60")


def search_actors_candidates(q: str) -> list:
    return kg.graph.index.index_of(G).names.search(q)


def test_resolve_name_exact_first_then_the_matcher() -> None:
    exact = resolve_name(G, "USA")
    assert (exact.id, exact.how, exact.exact) == ("us", "exact", True)
    assert resolve_name(G, DERIPASKA).exact
    r = resolve_name(G, "Oleg Deripaska")
    assert (r.id, r.how, r.matched, r.exact) == (
        DERIPASKA, "partial", "DERIPASKA, Oleg Vladimirovich", False)
    assert r.reason.startswith("partial match of 'DERIPASKA, Oleg Vladimirovich', score 0.89")
    assert resolve_actor(G, "Олег Дерипаска") == DERIPASKA
    assert resolve_actor(G, "Rusal") == RUSAL


def test_unclear_names_list_candidates_and_unknown_names_stay_unknown() -> None:
    with pytest.raises(UnclearName) as exc:
        resolve_actor(G, "Oleg")
    assert exc.value.exit_code == 2
    lines = exc.value.lines()
    assert lines[0].startswith("no actor is called 'Oleg' (a given name alone never picks a "
                               "person; use a fuller name or an id); did you mean ")
    assert len(lines) == 5 and all(line.startswith("candidate sdn-10") for line in lines[1:])
    assert "candidate sdn-1001: DERIPASKA, Oleg Vladimirovich (person, ru; partial" in \
        "\n".join(lines)
    with pytest.raises(ResolveError) as unknown:
        resolve_actor(G, "Narnia")
    assert str(unknown.value) == "no actor is called 'Narnia'"
    assert not isinstance(unknown.value, UnclearName)


def test_query_answers_and_names_the_entity(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "query", "who-sanctioned", "Oleg Deripaska", "-d",
                         str(FIXTURE), "--format", "json")
    assert code == 0
    assert err == ("kg: note: 'Oleg Deripaska' taken as DERIPASKA, Oleg Vladimirovich "
                   "(sdn-1001): partial match of 'DERIPASKA, Oleg Vladimirovich', score "
                   "0.89; no other name comes close\n")
    rows = json.loads(out)
    assert [(r["imposer"], r["target"]) for r in rows] == [("us", DERIPASKA),
                                                           ("gb", DERIPASKA)]
    # The same answer, in the same shape, as asking by id.
    code, by_id, err = run(capsys, "query", "who-sanctioned", DERIPASKA, "-d", str(FIXTURE),
                           "--format", "json")
    assert code == 0 and by_id == out and err == ""


def test_query_with_a_lone_given_name_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "query", "who-sanctioned", "Oleg", "-d", str(FIXTURE))
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert lines[0].startswith("kg: error: no actor is called 'Oleg' (a given name alone")
    assert sorted(line.split(":")[2].strip() for line in lines[1:]) == [
        "candidate sdn-1001", "candidate sdn-1003", "candidate sdn-1004", "candidate sdn-1005"]


def test_other_commands_take_names_the_same_way(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "query", "timeline", "Rusal", "-d", str(FIXTURE))
    assert code == 0 and "2018-04-06" in out and "taken as UNITED COMPANY RUSAL PLC" in err
    code, out, err = run(capsys, "query", "relations", "--target", "Deripaska", "--imposer",
                         "United Kingdom", "-d", str(FIXTURE), "--format", "csv")
    assert code == 0 and out.count("gb-2022-03-10") == 1 and err.count("kg: note:") == 1


def test_search_command_formats(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "search", "Олег Дерипаска", "-d", str(FIXTURE),
                         "--format", "json", "--limit", "2")
    assert code == 0 and err == ""
    rows = json.loads(out)
    assert len(rows) == 2
    assert rows[0] == {"id": DERIPASKA, "name": "DERIPASKA, Oleg Vladimirovich",
                       "kind": "person", "country": "ru", "score": 0.8875,
                       "matched": "DERIPASKA, Oleg Vladimirovich", "how": "transliterated",
                       "weak": False, "imposers": ["gb", "us"],
                       "imposer_names": ["United Kingdom", "United States"],
                       "matched_as": None, "imposers_via": [], "via": [], "via_names": []}
    code, out, _ = run(capsys, "search", "Rusal", "-d", str(FIXTURE), "--format", "csv")
    assert out.splitlines() == [
        "id,name,kind,country,score,matched,how,weak,imposers,imposer_names,matched_as,"
        "imposers_via,via,via_names",
        "sdn-1002,UNITED COMPANY RUSAL PLC,organization,je,0.73,UNITED COMPANY RUSAL PLC,"
        "partial,False,us,United States,,,,"]
    code, out, _ = run(capsys, "search", "Oleg", "-d", str(FIXTURE), "--kind", "person",
                       "--country", "by")
    assert code == 0 and out.splitlines()[2].split()[:3] == ["0.66", "sdn-1005", "BELOV,"]
    code, out, _ = run(capsys, "search", "Narnia", "-d", str(FIXTURE))
    assert (code, out) == (0, "(no results)\n")
    assert run(capsys, "search", "x", "-d", str(FIXTURE), "--kind", "planet")[0] == 2
    code, _, err = run(capsys, "search", "x", "-d", str(FIXTURE), "--country", "Russia")
    assert code == 2 and "not an ISO alpha-2 country code" in err


def test_name_folding() -> None:
    assert name_tokens("OOO STROYGAZMONTAZH") == name_tokens("Stroygazmontazh, LLC") == [
        "stroygazmontazh"]
    assert name_tokens("PAO Sberbank of Russia") == ["sberbank", "russia"]
    assert len({spelling_key(w) for w in ("Suleiman", "Suleyman", "Sulejman")}) == 1
    assert spelling_key("Ivanoff") == spelling_key("Ivanov")
    assert spelling_key("Oleg") != spelling_key("Olga")
    assert surname_positions("DERIPASKA, Oleg Vladimirovich",
                             ["deripaska", "oleg", "vladimirovich"]) == {0}
    assert surname_positions("Oleg Vladimirovich DERIPASKA",
                             ["oleg", "vladimirovich", "deripaska"]) == {2}
    assert surname_positions("Oleg Deripaska", ["oleg", "deripaska"]) == {1}
