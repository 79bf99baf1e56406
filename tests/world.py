"""A small world for query tests: a joint sanction, a stated and an inferred retaliation,
a coalition, a bloc with members, a ministry and an official that are part of a state."""

from __future__ import annotations

from factory import actor, dataset, graph_of, sanction, statement

WORLD = dataset(
    actors=[
        actor("us", "United States"), actor("cn", "China"), actor("ru", "Russia"),
        actor("ca", "Canada"), actor("eu", "European Union", kind="bloc"),
        actor("fr", "France", member_of=["eu"]), actor("de", "Germany", member_of=["eu"]),
        actor("cn-officials", "Chinese officials", kind="group", country="cn"),
        actor("eu-people", "10 European individuals", kind="group", count=10),
        actor("lavrov", "Sergey Lavrov", kind="person", part_of="ru"),
        actor("mfa-ru", "Russian foreign ministry", kind="government_body", part_of="ru"),
    ],
    sanctions=[
        sanction("s1", ["us", "eu"], ["cn-officials"], date="2021-03-22",
                 reasons=[{"category": "human_rights", "detail": "Uighur abuses"}],
                 sources=[{"source": "src", "quote": "imposed sanctions"}]),
        sanction("s2", ["cn"], ["eu-people"], date="2021-03-22", reasons=["retaliation"],
                 in_response_to=["s1"]),
        sanction("s3", ["us"], ["ru"], date="2021-03-23", status="expected",
                 reasons=["election_interference"]),
        sanction("s4", ["ca"], ["cn-officials"], date="2021-03-25", reasons=["human_rights"]),
        sanction("s5", ["ru"], ["us"], date="2021-04-20"),
        sanction("s6", ["us"], ["mfa-ru"], date="2021-04-15", reasons=["cyber"]),
    ],
    statements=[
        statement("st1", ["lavrov"], stance="condemns", about_sanctions=["s1"],
                  date="2021-03-23", sources=[{"source": "src", "quote": "unacceptable"}]),
        statement("st2", ["cn"], stance="calls_for", about_actors=["us"], date="2021-03-24"),
        statement("st3", ["us"], stance="supports", about_sanctions=["s1"], date="2021-03-22"),
    ],
)


def world_graph():  # type: ignore[no-untyped-def]
    return graph_of(WORLD)
