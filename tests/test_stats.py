from __future__ import annotations

from world import world_graph

from kg.notebook import View
from kg.query.stats import most_targeted, reasons_by_imposer, sanctions_per_year, summary

G = world_graph()


def test_counts_for_charts() -> None:
    per_year = sanctions_per_year(G)
    # imposed/extended only: s1 (us, eu), s2 (cn), s4 (ca), s5 (ru), s6 (us); s3 is expected
    assert sorted((r.key, r.group, r.count) for r in per_year) == [
        ("2021", "Canada", 1), ("2021", "China", 1), ("2021", "European Union", 1),
        ("2021", "Russia", 1), ("2021", "United States", 2)]
    assert [(r.group, r.count) for r in sanctions_per_year(G, top=1)] == [
        ("United States", 2), ("others", 4)]
    targeted = most_targeted(G, n=2)
    assert [(r.key, r.count) for r in targeted] == [("Chinese officials", 2),
                                                    ("10 European individuals", 1)]
    by_state = most_targeted(G, n=1, by_state=True)
    assert [(r.key, r.group, r.count) for r in by_state] == [("China", "state", 2)]
    reasons = {(r.key, r.group): r.count for r in reasons_by_imposer(G)}
    assert reasons[("United States", "human_rights")] == 1
    assert reasons[("Russia", "unstated")] == 1
    assert summary(G) == {"actors": 11, "sanctions": 6, "statements": 3, "sources": 1,
                          "first": "2021-03-22", "last": "2021-04-20"}


def test_notebook_view_cannot_break_out_of_its_iframe() -> None:
    html = View('<p title="x">"></iframe><script>alert(1)</script></p>')._repr_html_()
    assert html.count("<iframe") == 1 and html.count("</iframe>") == 1
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'sandbox="allow-scripts"' in html
