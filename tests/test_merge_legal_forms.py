"""Organisations whose names differ by their legal form only ("Rosneft Trading S.A.",
"Rosneft Trading SA", "Rosneft Trading"; "OOO Romashka", "Romashka LLC") are one, by the
same country; the merge says which names it took as one, and keeps every spelling. A shared
stem is not a name, and a person's name is never read for a legal form."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from kg.merge import merge
from kg.model.records import Actor, Dataset, Source
from kg.resolve.legal_form import legal_forms, name_aside_legal_form, org_name_key


def _org(aid: str, name: str, country: str | None = "ch", kind: str = "organization",
         **kw: object) -> Actor:
    return Actor(id=aid, name=name, kind=kind, country=country, **kw)


def _ds(src: str, *actors: Actor) -> Dataset:
    return Dataset(sources=[Source(id=src, url=f"https://example.org/{src}")],
                   actors=list(actors))


@pytest.mark.parametrize(("a", "b"), [
    ("Rosneft Trading S.A.", "Rosneft Trading SA"),
    ("Rosneft Trading S.A.", "Rosneft Trading"),
    ("OOO Romashka", "Romashka LLC"),
    ("ООО Ромашка", "Ромашка"),
    ("PJSC Gazprom Neft", "Gazprom Neft"),
    ("Public Joint Stock Company Sberbank", "Sberbank PJSC"),
    ("Siemens Aktiengesellschaft", "Siemens AG"),
    ("Acme GmbH", "ACME"),
    ("Kronshtadt JSC", "AO Kronshtadt"),
    ("Acme Limited", "Acme Ltd."),
])
def test_names_that_differ_by_their_legal_form_meet(a: str, b: str) -> None:
    assert org_name_key(a) == org_name_key(b)


@pytest.mark.parametrize(("a", "b"), [
    ("Rosneft Trading SA", "Rosneft Oil Company"),
    ("Rosneft Trading SA", "Rosneft"),
    ("Gazprom Neft PJSC", "Gazprom PJSC"),
    ("Sabrina Trading", "Brina Trading"),
])
def test_names_that_share_a_stem_do_not(a: str, b: str) -> None:
    assert org_name_key(a) != org_name_key(b)


def test_a_name_that_is_only_a_legal_form_is_kept_whole() -> None:
    assert name_aside_legal_form("Ltd") == "ltd"
    assert legal_forms("Rosneft Trading S.A.") == ["s.a."]
    assert legal_forms("Agrotech Holding") == []  # "ag" inside a word is no legal form


def test_three_spellings_merge_into_one_with_every_name_and_the_reason() -> None:
    r = merge([_ds("a", _org("a1", "Rosneft Trading S.A.")),
               _ds("b", _org("b1", "Rosneft Trading SA")),
               _ds("c", _org("c1", "Rosneft Trading"))])
    assert [a.id for a in r.dataset.actors] == ["a1"]
    kept = r.dataset.actors[0]
    assert kept.name == "Rosneft Trading S.A."
    assert kept.aliases == ["Rosneft Trading SA", "Rosneft Trading"]
    assert [(m.id, m.rule) for m in kept.merged_from] == [
        ("b1", 'name+country+kind, legal form aside: "Rosneft Trading SA" as '
               '"Rosneft Trading S.A."'),
        ("c1", 'name+country+kind, legal form aside: "Rosneft Trading" as '
               '"Rosneft Trading S.A."')]
    assert [str(m) for m in r.merges] == [
        'actor a1 <- b1, c1 (name+country+kind, legal form aside: "Rosneft Trading SA" as '
        '"Rosneft Trading S.A."; name+country+kind, legal form aside: "Rosneft Trading" as '
        '"Rosneft Trading S.A.")']


def test_the_same_name_says_only_the_plain_rule() -> None:
    r = merge([_ds("a", _org("a1", "Rosneft Trading S.A.")),
               _ds("b", _org("b1", "ROSNEFT TRADING S.A."))])
    assert [str(m) for m in r.merges] == ["actor a1 <- b1 (name+country+kind)"]
    assert r.dataset.actors[0].aliases == []  # a change of case is no new spelling


def test_a_shared_stem_another_country_or_a_person_is_no_merge() -> None:
    r = merge([_ds("a", _org("a1", "Rosneft Trading SA", country="ru"),
                   _org("a2", "John Smith Ltd", kind="person", country="gb",
                        birth_dates=["1960"])),
               _ds("b", _org("b1", "Rosneft Oil Company", country="ru"),
                   _org("b2", "Rosneft Trading", country="ch"),
                   _org("b3", "John Smith", kind="person", country="gb",
                        birth_dates=["1960"]))])
    assert r.merges == []
    assert len(r.dataset.actors) == 5
    # the same name but for its legal form, in another country: left for a person, saying so
    assert [(d.ids, d.why) for d in r.possible_duplicates] == [
        (("a1", "b2"), 'a1 / b2: only the name matches, legal form aside: "Rosneft Trading" '
                       'as "Rosneft Trading SA"')]


def test_kg_merge_reports_the_names_taken_as_one(tmp_path: Path) -> None:
    a = {"sources": [{"id": "sa", "title": "List A"}], "actors": [
        {"id": "a-rt", "name": "Rosneft Trading S.A.", "kind": "organization", "country": "ch"},
        {"id": "a-roc", "name": "Rosneft Oil Company", "kind": "organization",
         "country": "ru"},
        {"id": "a-rom", "name": "OOO Romashka", "kind": "organization", "country": "ru"}]}
    b = {"sources": [{"id": "sb", "title": "List B"}], "actors": [
        {"id": "b-rt", "name": "Rosneft Trading", "kind": "organization", "country": "ch"},
        {"id": "b-rom", "name": "Romashka LLC", "kind": "organization", "country": "ru"}]}
    (tmp_path / "a.yaml").write_text(yaml.safe_dump(a), encoding="utf-8")
    (tmp_path / "b.yaml").write_text(yaml.safe_dump(b), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "kg", "merge", "a.yaml", "b.yaml", "-o",
                          "m.json", "--format", "json"], cwd=tmp_path, capture_output=True,
                         timeout=300, text=True)
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    assert [(m["into"], m["merged"], m["rule"]) for m in report["merges"]] == [
        ("a-rt", ["b-rt"],
         'name+country+kind, legal form aside: "Rosneft Trading" as "Rosneft Trading S.A."'),
        ("a-rom", ["b-rom"],
         'name+country+kind, legal form aside: "Romashka LLC" as "OOO Romashka"')]
    actors = {a["id"]: a for a in json.loads((tmp_path / "m.json").read_text())["actors"]}
    assert sorted(actors) == ["a-roc", "a-rom", "a-rt"]
    assert actors["a-rt"]["aliases"] == ["Rosneft Trading"]
    assert actors["a-rom"]["aliases"] == ["Romashka LLC"]
    text = subprocess.run([sys.executable, "-m", "kg", "merge", "a.yaml", "b.yaml", "-o",
                           "m.json"], cwd=tmp_path, capture_output=True, timeout=300,
                          text=True)
    assert ('merged actor a-rom <- b-rom (name+country+kind, legal form aside: '
            '"Romashka LLC" as "OOO Romashka")') in text.stderr.splitlines()
