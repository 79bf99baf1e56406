"""Merging datasets: same id, same actor (wikidata or name+country+kind), same event."""

from kg.merge import merge_datasets
from kg.model.records import Actor, Dataset, Sanction, Source
from kg.model.refs import ensure_valid


def _src(i):
    return Source(id=i, url=f"https://example.org/{i}")


def test_name_alone_never_merges():
    a = Dataset(actors=[Actor(id="a1", name="John Smith", kind="person", country="gb")])
    b = Dataset(actors=[Actor(id="b1", name="John Smith", kind="person", country="us")])
    c = Dataset(actors=[Actor(id="c1", name="John Smith", kind="person")])
    d = Dataset(actors=[Actor(id="d1", name="John Smith", kind="organization", country="gb")])
    ds, merges = merge_datasets([a, b, c, d])
    assert merges == [] and len(ds.actors) == 4


def test_wikidata_merge_keeps_everything_and_rewrites_references():
    a = Dataset(sources=[_src("s1")],
                actors=[Actor(id="us", name="United States", kind="state", country="us"),
                        Actor(id="acme", name="Acme", kind="organization", wikidata_id="Q5",
                              identifiers={"opensanctions": "x"})],
                sanctions=[Sanction(id="one", imposers=["us"], targets=["acme"],
                                    date="2021-01-01", sources=[{"source": "s1"}])])
    b = Dataset(sources=[_src("s2")],
                actors=[Actor(id="us", name="United States", kind="state", country="us"),
                        Actor(id="ofac-1", name="ACME LTD", kind="organization",
                              wikidata_id="Q5", aliases=["Acme Limited"],
                              identifiers={"ofac_uid": "1"})],
                sanctions=[Sanction(id="two", imposers=["us"], targets=["ofac-1"],
                                    date="2021-01-05", program="SDGT", reasons=["terrorism"],
                                    sources=[{"source": "s2"}])])
    ds, merges = merge_datasets([a, b], window_days=7)
    ensure_valid(ds)
    (acme,) = [x for x in ds.actors if x.id != "us"]
    assert acme.id == "acme" and acme.aliases == ["ACME LTD", "Acme Limited"]
    assert acme.identifiers == {"ofac_uid": "1", "opensanctions": "x"}
    assert [(m.id, m.rule) for m in acme.merged_from] == [("ofac-1", "wikidata Q5")]
    (s,) = ds.sanctions
    assert s.id == "one" and s.targets == ["acme"] and s.date == "2021-01-01"
    assert [c.source for c in s.sources] == ["s1", "s2"]
    assert s.program == "SDGT" and [r.category for r in s.reasons] == ["terrorism"]
    assert [(m.id, m.rule) for m in s.merged_from] == [("two", "same event")]
    assert [str(m) for m in merges] == ["actor acme <- ofac-1 (wikidata Q5)",
                                        "sanction one <- two (same event)"]


def test_events_outside_window_or_other_status_stay_apart():
    base = dict(imposers=["us"], targets=["cn"], sources=[{"source": "s"}])
    actors = [Actor(id="us", name="US", kind="state"), Actor(id="cn", name="China", kind="state")]
    first = Dataset(sources=[_src("s")], actors=actors,
                    sanctions=[Sanction(id="a", date="2021-01-01", **base)])
    second = Dataset(sources=[_src("s")], actors=actors,
                     sanctions=[Sanction(id="b", date="2021-03-01", **base),
                                Sanction(id="c", date="2021-01-02", status="threatened", **base),
                                Sanction(id="d", date="2021-01-02", program="X", **base),
                                Sanction(id="e", date="2021-01-03", program="Y", **base),
                                Sanction(id="f", date="2021-01-04", reasons=["cyber"], **base)])
    out, merges = merge_datasets([first, second], window_days=7)
    assert sorted(s.id for s in out.sanctions) == ["a", "b", "c", "e", "f"]
    assert [str(m) for m in merges] == ["sanction a <- d (same event)"]


def test_one_datasets_own_events_never_fold_and_the_window_starts_at_the_first():
    base = dict(imposers=["us"], targets=["cn"], sources=[{"source": "s"}])
    actors = [Actor(id="us", name="US", kind="state"), Actor(id="cn", name="China", kind="state")]
    curated = Dataset(sources=[_src("s")], actors=actors,
                      sanctions=[Sanction(id="p1", date="2022-02-23", **base),
                                 Sanction(id="p2", date="2022-02-25", **base)])
    out, merges = merge_datasets([curated], window_days=7)
    assert sorted(s.id for s in out.sanctions) == ["p1", "p2"] and merges == []
    a = Dataset(sources=[_src("s")], actors=actors,
                sanctions=[Sanction(id="x1", date="2021-01-01", **base)])
    b = Dataset(sources=[_src("s")], actors=actors,
                sanctions=[Sanction(id="x2", date="2021-01-06", **base)])
    c = Dataset(sources=[_src("s")], actors=actors,
                sanctions=[Sanction(id="x3", date="2021-01-12", **base)])
    out, merges = merge_datasets([a, b, c], window_days=7)
    assert sorted(s.id for s in out.sanctions) == ["x1", "x3"]
    assert [str(m) for m in merges] == ["sanction x1 <- x2 (same event)"]


def test_same_id_different_content_is_combined_and_recorded():
    from kg.merge import merge

    a = Dataset(actors=[Actor(id="x", name="X", kind="person", aliases=["Ex"])])
    b = Dataset(actors=[Actor(id="x", name="X", kind="person", country="fr",
                              aliases=["Iks"])])
    result = merge([a, b])
    ds = result.dataset
    assert ds.actors[0].aliases == ["Ex", "Iks"] and ds.actors[0].country == "fr"
    # One id is one record: combined and reported, but not a merge.
    assert result.merges == []
    assert [str(s) for s in result.same_id] == [
        "actor x in inputs 1, 2: content differed (country, aliases), combined"]


def test_three_sources_one_person(fixtures_dir=None):
    from pathlib import Path

    from kg.ingest import import_dataset

    f = Path(__file__).parent / "ingest" / "fixtures"
    parts = [import_dataset("ftm", [f / "entities.ftm.json"])[0],
             import_dataset("un", [f / "consolidated.xml"])[0],
             import_dataset("ofac", [f / "sdn.csv", f / "alt.csv", f / "add.csv"])[0]]
    ds, merges = merge_datasets(parts)
    ensure_valid(ds)
    vesk = [m for m in merges if m.kind == "actor"]
    # FtM and OFAC both give his date of birth (1961-04-02): merged on name + birth date.
    # The UN entry gives none: the same name alone is evidence of nothing, so it stays
    # apart and is listed as a possible duplicate.
    assert [(m.merged, m.rule) for m in vesk] == [(("ofac-9001",), "name+birth date")]
    person = ds.actor(vesk[0].into)
    assert {c.source for c in person.sources} == {"ftm-dataset-us-ofac-sdn", "ofac-file-sdn.csv"}
    assert person.identifiers["ofac_uid"] == "9001" and person.birth_dates == ["1961-04-02"]
    on_him = sorted(s.id for s in ds.sanctions if person.id in s.targets)
    assert on_him == ["ftm-ofac-san-vesk", "ofac-9001-sdn"]
    from kg.merge import merge
    dupes = merge(parts).possible_duplicates
    assert [(d.ids, d.why) for d in dupes if "un-kpi-901" in d.ids] == [
        ((person.id, "un-kpi-901"), f"{person.id} / un-kpi-901: only the name matches "
                                    "(no date of birth on both to compare)")]


def test_the_earliest_inputs_record_keeps_its_id_and_date():
    base = dict(imposers=["us"], targets=["cn"], sources=[{"source": "s"}])
    actors = [Actor(id="us", name="US", kind="state"), Actor(id="cn", name="China", kind="state")]
    curated = Dataset(sources=[_src("s")], actors=actors,
                      sanctions=[Sanction(id="oil-ban", date="2022-03-08", **base)])
    news = Dataset(sources=[_src("s"), _src("t")], actors=actors,
                   sanctions=[Sanction(id="gdelt-1", date="2022-03-03", imposers=["us"],
                                       targets=["cn"], sources=[{"source": "t"}])])
    out, merges = merge_datasets([curated, news], window_days=7)
    [s] = out.sanctions
    assert (s.id, s.date, [c.source for c in s.sources]) == ("oil-ban", "2022-03-08", ["s", "t"])
    assert [str(m) for m in merges][-1] == "sanction oil-ban <- gdelt-1 (same event)"
