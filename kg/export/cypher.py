"""Cypher equivalents of every ``kg query``, for the Neo4j export (``queries.cypher``).

Each query is a block starting ``// name: <query>``; :func:`queries` returns them by name.
Parameters are actor ids, vocabulary values and ISO dates; a filter that is not wanted is
passed as the empty string ``''`` (not ``null``, so the same text runs unchanged in Neo4j and
in embedded Cypher engines that type parameters from their values). The timeline joins
disjoint parts with ``UNION ALL`` over ``RETURN DISTINCT`` parts (the same answer as
``UNION``). Coalitions avoid UNION altogether: in Ladybug 0.22 a UNION whose parts use
different parameters returned the first part's rows twice. The queries use only
openCypher that Neo4j 5 and Kùzu/Ladybug share, and the test suite runs every one of them in
Ladybug against ``kg.query`` on the same data.
"""

from __future__ import annotations

from kg.model.dates import cypher_range

__all__ = ["QUERIES", "queries"]

# An actor x "belongs to" $A (the way kg.query widens a target): it is A, has A as its
# country, or is part of A (through any chain of PART_OF).
_BELONGS = ("({x}.id = ${p} OR coalesce({x}.country, '') = ${p} "
            "OR EXISTS {{ MATCH ({x})-[:PART_OF*1..20]->(up:Actor) WHERE up.id = ${p} }})")


def _belongs(x: str, p: str) -> str:
    return _BELONGS.format(x=x, p=p)


# The date-range test of kg.query, written by the partial-date module (one definition).
_SINCE_S, _UNTIL_S = cypher_range("s.date")
_SINCE_ST, _UNTIL_ST = cypher_range("st.date")
_SINCE_R, _UNTIL_R = cypher_range("r.date")


_RELATIONS = """\
MATCH (i:Actor)-[:IMPOSED]->(s:Sanction)-[:TARGETS]->(t:Actor)
WHERE ($imposer = '' OR i.id = $imposer)
  AND ($target = '' OR {target})
  AND ($status = '' OR s.status = $status)
  AND {since}
  AND {until}
OPTIONAL MATCH (s)-[b:BECAUSE_OF]->(r:Reason)
WITH i, s, t, b, r
WHERE $reason = '' OR r.id = $reason
RETURN i.id AS imposer, i.name AS imposer_name, t.id AS target, t.name AS target_name,
       r.id AS reason, b.detail AS reason_detail, s.id AS sanction, s.status AS status,
       s.date AS date, s.sources AS sources
ORDER BY coalesce(date, '9999'), sanction, imposer, target, coalesce(reason, '');
""".format(target=_belongs("t", "target"), since=_SINCE_S, until=_UNTIL_S)

_PARTS = {
    "imposed": ("(x:Actor)-[:IMPOSED]->(r:Sanction)", "r.status", "r.label"),
    "targeted": ("(x:Actor)<-[:TARGETS]-(r:Sanction)", "r.status", "r.label"),
    "said": ("(x:Actor)-[:MADE]->(r:Statement)", "r.stance", "coalesce(r.summary, r.label)"),
    "mentioned": ("(x:Actor)<-[:ABOUT]-(r:Statement)", "r.stance",
                  "coalesce(r.summary, r.label)"),
}
_TIMELINE = "\nUNION ALL\n".join(
    f"MATCH {pattern}\nWHERE {_belongs('x', 'actor')}\n"
    f"  AND {_SINCE_R}\n"
    f"  AND {_UNTIL_R}\n"
    f"RETURN DISTINCT r.date AS date, '{role}' AS role, r.id AS record, {status} AS status, "
    f"{summary} AS summary"
    for role, (pattern, status, summary) in _PARTS.items()) + ";\n"

_STATEMENTS = """\
MATCH (st:Statement)
WHERE ($stance = '' OR st.stance = $stance)
  AND {since}
  AND {until}
  AND ($speaker = '' OR EXISTS {{ MATCH (p:Actor)-[:MADE]->(st)
        WHERE p.id = $speaker
           OR EXISTS {{ MATCH (p)-[:PART_OF*1..20]->(up:Actor) WHERE up.id = $speaker }} }})
  AND ($about = ''
       OR EXISTS {{ MATCH (st)-[:ABOUT]->(x:Actor) WHERE {about} }}
       OR EXISTS {{ MATCH (st)-[:ABOUT]->(:Sanction)-[:TARGETS]->(x:Actor) WHERE {about} }}
       OR (EXISTS {{ MATCH (q:Actor)-[:MADE]->(st) WHERE NOT ({speaker_about}) }}
           AND EXISTS {{ MATCH (st)-[:ABOUT]->(:Sanction)<-[:IMPOSED]-(x:Actor)
                         WHERE {about} }}))
RETURN st.id AS statement, st.date AS date, st.speakers AS speakers, st.stance AS stance,
       st.about_actors AS about_actors, st.about_sanctions AS about_sanctions,
       st.summary AS summary, st.sources AS sources
ORDER BY coalesce(date, '9999'), statement;
""".format(about=_belongs("x", "about"), speaker_about=_belongs("q", "about"),
           since=_SINCE_ST, until=_UNTIL_ST)

QUERIES = f"""\
// Cypher equivalents of `kg query`, for the graph loaded from this folder.
// Parameters: actor ids (as in actors.csv), vocabulary values, ISO dates (YYYY[-MM[-DD]]).
// A filter you do not want is passed as '' (empty string). In cypher-shell:
//   :param target => 'cn';  :param since => '2021-01-01';  ...
// Partial dates (2021-03) are compared the way kg does: a date range keeps an event whose
// date overlaps it. `day` is days since 1970-01-01 (full dates only).

// name: relations
// kg query relations --imposer A --target B --reason R --status S --since D --until D
// params: $imposer, $target, $reason, $status, $since, $until
// The target matches itself, actors whose country it is, and actors part of it.
{_RELATIONS}
// name: who-sanctioned
// kg query who-sanctioned TARGET [--reason R --status S --since D --until D]
// params: $target, $reason, $status, $since, $until (and $imposer = '')
{_RELATIONS}
// name: sanctioned-by
// kg query sanctioned-by IMPOSER [--reason R --status S --since D --until D]
// params: $imposer, $reason, $status, $since, $until (and $target = '')
{_RELATIONS}
// name: retaliation
// kg query retaliation --no-infer: sanctions that state they answer earlier ones.
// (kg also suggests unstated links heuristically; that part is not Cypher.)
// params: none
MATCH (r:Sanction)-[:RESPONDS_TO]->(o:Sanction)
RETURN r.id AS response, r.imposers AS response_imposers, r.date AS response_date,
       o.id AS original, o.imposers AS original_imposers, o.date AS original_date
ORDER BY coalesce(original_date, ''), coalesce(response_date, ''), response;

// name: coalitions
// kg query coalitions --window W --since D --until D: sanctions in force, dated, and not
// retaliations, with the state (or actor) each acts against: `polity` is a target's
// country, or the target itself. Group the rows client-side as kg does: per `against`, in
// date order, a group runs from its first sanction's date for $window_days days; keep
// groups with at least --min-imposers imposers.
// params: $since, $until
MATCH (s:Sanction)-[:TARGETS]->(t:Actor)
WHERE s.status IN ['imposed', 'extended'] AND s.date IS NOT NULL AND s.date <> ''
  AND coalesce(size(s.in_response_to), 0) = 0
  AND NOT coalesce('retaliation' IN s.reasons, false)
  AND {_SINCE_S}
  AND {_UNTIL_S}
RETURN DISTINCT t.polity AS against, s.id AS sanction, s.date AS date, s.day AS day,
       s.imposers AS imposers
ORDER BY against, date, sanction;

// name: statements
// kg query statements --about X --speaker Y --stance S --since D --until D
// A speaker finds the statements of its officials and bodies too; `about` finds
// statements about X (or what belongs to it), or about sanctions X suffered, or about
// sanctions X imposed when someone else speaks.
// params: $about, $speaker, $stance, $since, $until
{_STATEMENTS}
// name: timeline
// kg query timeline ACTOR --since D --until D: what the actor (and its officials, bodies
// and nationals) imposed, suffered, said, and where it was mentioned. Sort by date.
// params: $actor, $since, $until
{_TIMELINE}"""


def queries() -> dict[str, str]:
    """The queries of ``queries.cypher`` by name (text without comments or final ``;``)."""
    out: dict[str, str] = {}
    for block in QUERIES.split("// name: ")[1:]:
        name, _, rest = block.partition("\n")
        body = "\n".join(ln for ln in rest.splitlines() if not ln.startswith("//"))
        out[name.strip()] = body.strip().rstrip(";")
    return out
