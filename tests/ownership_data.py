"""A small inline ownership world for the tests (no real companies or people).

Sanctioned by ``us``: the person ``x`` and the person ``y``; by ``eu``: ``x`` only.

* chain: x 60% of b, b 60% of c (36% indirect), y 20% of c (56% for us, 36% for eu);
* two owners: x 30% of d, y 25% of d (55% for us);
* a cycle: x 70% of e, e 50% of f, f 40% of e;
* unknown share: x holds an unstated share of g;
* dated: x 80% of h from 2015 to 2019-12-31, then 10% from 2020;
* listed: ``lst`` is sanctioned by us and 100% owned by x;
* context: y directs c; x and y are family.
"""

from __future__ import annotations

from typing import Any

from kg.model.records import Actor, Dataset, Relationship, Sanction, Source


def _own(rid: str, owner: str, asset: str, share: float | None, **kw: Any) -> Relationship:
    return Relationship(id=rid, kind="ownership", subject=owner, object=asset, share=share,
                        sources=[{"source": "register"}], **kw)


def ownership_dataset() -> Dataset:
    """The world in the module docstring, valid on its own."""
    people = [Actor(id=i, name=i.upper(), kind="person") for i in ("x", "y")]
    firms = [Actor(id=i, name=f"{i.upper()} Ltd", kind="organization")
             for i in ("b", "c", "d", "e", "f", "g", "h", "lst")]
    return Dataset(
        sources=[Source(id="register", title="Company register"),
                 Source(id="list", title="Sanctions list")],
        actors=[Actor(id="us", name="United States", kind="state"),
                Actor(id="eu", name="European Union", kind="bloc"), *people, *firms],
        sanctions=[
            Sanction(id="us-1", imposers=["us"], targets=["x", "y", "lst"], date="2014-03-20",
                     sources=[{"source": "list"}]),
            Sanction(id="eu-1", imposers=["eu"], targets=["x"], date="2014-03-21",
                     sources=[{"source": "list"}])],
        relationships=[
            _own("o-xb", "x", "b", 60), _own("o-bc", "b", "c", 60), _own("o-yc", "y", "c", 20),
            _own("o-xd", "x", "d", 30), _own("o-yd", "y", "d", 25),
            _own("o-xe", "x", "e", 70), _own("o-ef", "e", "f", 50), _own("o-fe", "f", "e", 40),
            _own("o-xg", "x", "g", None),
            _own("o-xh1", "x", "h", 80, start_date="2015", end_date="2019-12-31"),
            _own("o-xh2", "x", "h", 10, start_date="2020-01-01"),
            _own("o-xl", "x", "lst", 100),
            Relationship(id="d-yc", kind="directorship", subject="y", object="c", role="CEO",
                         sources=[{"source": "register"}]),
            Relationship(id="f-xy", kind="family", subject="x", object="y", role="spouse",
                         sources=[{"source": "register"}])])
