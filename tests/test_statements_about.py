"""``statements --about X``: a target answering sanctions on it is about it, whoever of it
speaks; an imposer on its own measures is not (a newcomer missed Wang Yi's condemnation of
the sanctions on Chinese officials under --about China)."""

from __future__ import annotations

import networkx as nx

from kg.query import statements


def test_a_target_answering_is_about_it_an_imposer_on_its_own_is_not(
        G: nx.MultiDiGraph) -> None:
    china = statements(G, about="China")
    wang = [r for r in china if "Wang Yi" in r.speaker_names]
    assert wang and all(r.stance == "condemns" for r in wang)
    assert any(r.speaker_names == ("Sergey Lavrov",) for r in china)  # someone else, as before
    us = statements(G, about="United States")
    blinken = [r for r in statements(G, speaker="United States")
               if "Antony Blinken" in r.speaker_names and r.stance == "supports"]
    assert blinken  # Blinken backing the US's own sanctions of 2021-03-22 ...
    assert not {r.statement for r in blinken} & {r.statement for r in us}  # ... is not about it
