"""``kg query ...``: one thin command per question of :mod:`kg.query`.

Tables show names and dates, in date order, and leave the ids to ``--ids`` (and to
``--format json|csv``, which always have them): an id cut to fit 80 columns would be of no
use, and a whole one leaves no room for the names.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

import click

from kg import query as q  # a lazy package: each question imports what it needs
from kg.cli.app import AsOf, cli, emit, load_graph, load_graph_as_of
from kg.cli.options import (
    as_of_option,
    data_option,
    date_range,
    format_option,
    ids_option,
    relation_filters,
    stance_option,
    window_option,
    words,
)
from kg.errors import one_line
from kg.output.table import (
    listed,
    one_row_per_sanction,
    plural,
    tell_apart,
    terminal_width,
    wrap_words,
)

if TYPE_CHECKING:
    import networkx as nx

# kg.graph.index, kg.graph.schema and kg.query._args are imported where used: a cold query
# on a saved graph (kg.query.cold) needs neither networkx nor the graph layer.


def _resolved(G: nx.MultiDiGraph, name: str | None) -> Any:
    """:func:`kg.cli.search.resolved` (the matcher's note on stderr), imported when used."""
    from kg.cli.search import resolved

    return resolved(G, name)


def _cold_relations(index: Any, **filters: Any) -> list[q.Relation]:
    """:func:`kg.query.cold.relations` (imported when a saved graph is queried)."""
    from kg.query.cold import relations

    return relations(index, **filters)


def _names(G: nx.MultiDiGraph, ids: Iterable[str]) -> list[str]:
    from kg.graph.index import index_of
    from kg.query._args import actor_name

    idx = index_of(G)
    return list(dict.fromkeys(actor_name(idx, i) for i in ids))


def _cold_or_graph(data: tuple[str, ...], ask_cold: Callable[[Any], Sequence[Any]],
                   ask_graph: Callable[[nx.MultiDiGraph], Sequence[Any]]
                   ) -> tuple[Sequence[Any], Callable[[str], str]]:
    """The answer, and an actor-name lookup for the table: from a saved graph's index when
    ``data`` is one ``.kgz`` with one (nothing else is loaded), else from the graph."""
    from kg.graph.store import is_saved_graph

    if len(data) == 1 and is_saved_graph(data[0]):
        from kg.query import cold

        index = cold.open_cold(data[0])
        if index is not None:
            try:
                answer = ask_cold(index)
            except cold.NeedsGraph:
                index.close()
            else:
                for name, label, aid, why in index.notes:  # as kg.cli.search.resolved
                    click.echo(one_line(f"kg: note: {name!r} taken as {label} ({aid}): "
                                        f"{why}"), err=True)
                return answer, index.name
    from kg.graph.index import index_of
    from kg.query._args import actor_name

    G = load_graph(data)
    idx = index_of(G)
    return ask_graph(G), lambda a: actor_name(idx, a)


def _show_relations(name: Callable[[str], str], rows: Sequence[q.Relation], fmt: str,
                    ids: bool, expand_blocs: bool = False, as_of: str | None = None) -> None:
    """Relations as a table (imposer, via — the bloc when blocs are expanded, the
    imposer's own body or official that imposed, when any row goes through one —, target,
    reason, status, date, the issuing authority when any row names one — JSON/CSV always
    — and the sanction id with ``--ids``; one row per sanction, its reasons joined), or as
    JSON/CSV (one object per imposer -> target -> reason)."""
    authority = ["authority"] if fmt != "table" or any(r.authority for r in rows) else []
    via = expand_blocs or any(r.via for r in rows)
    cols = ["imposer", *(["via"] if via else []), "target", "reason", "status",
            "date", *authority, *(["sanction"] if ids else [])]
    table: Sequence[Any] = rows
    if fmt == "table":
        table = [{"imposer": r.imposer_name, "target": r.target_name,
                  "authority": r.authority or "",
                  # "other": a programme the reviewed tables do not map, in the list's words
                  "reason": f"other ({r.program})" if r.reason == "other" and r.program
                  else words(r.reason),
                  "status": r.status, "date": r.date,
                  "sanction": r.sanction, "via": name(r.via) if r.via else ""}
                 for r in rows]
        tell_apart(table, rows, cols)
        table = one_row_per_sanction(table, rows)
    emit(table, fmt, cols, kind=q.Relation,
         as_of=None if as_of is None else AsOf(as_of, getattr(rows, "undated", 0)))


@cli.group()
def query() -> None:
    """Ask the graph a question (actors by id, name or alias: "China", "PRC", "cn")."""


@query.command("relations")
@click.option("--imposer", help="Who imposed (id, name or alias).")
@click.option("--target", help="Who was targeted (id, name or alias).")
@relation_filters
@data_option
@format_option
@ids_option
def q_relations(data: tuple[str, ...], fmt: str, ids: bool, **filters: Any) -> None:
    """Imposer -> target -> reason triples, filtered."""
    rows, name = _cold_or_graph(data, lambda c: _cold_relations(c, **filters),
                                lambda G: q.relations(G, **{
                                    **filters, "imposer": _resolved(G, filters["imposer"]),
                                    "target": _resolved(G, filters["target"])}))
    _show_relations(name, rows, fmt, ids, filters["expand_blocs"], filters["as_of"])


@query.command("who-sanctioned")
@click.argument("target")
@relation_filters
@data_option
@format_option
@ids_option
def q_who_sanctioned(target: str, data: tuple[str, ...], fmt: str, ids: bool,
                     **filters: Any) -> None:
    """Who sanctioned TARGET (and its officials and bodies), and why."""
    rows, name = _cold_or_graph(data, lambda c: _cold_relations(c, target=target, **filters),
                                lambda G: q.who_sanctioned(G, _resolved(G, target), **filters))
    _show_relations(name, rows, fmt, ids, filters["expand_blocs"], filters["as_of"])


@query.command("sanctioned-by")
@click.argument("imposer")
@relation_filters
@data_option
@format_option
@ids_option
def q_sanctioned_by(imposer: str, data: tuple[str, ...], fmt: str, ids: bool,
                    **filters: Any) -> None:
    """Whom IMPOSER sanctioned, and why."""
    rows, name = _cold_or_graph(data, lambda c: _cold_relations(c, imposer=imposer, **filters),
                                lambda G: q.sanctioned_by(G, _resolved(G, imposer), **filters))
    _show_relations(name, rows, fmt, ids, filters["expand_blocs"], filters["as_of"])


@query.command("retaliation")
@click.option("--no-infer", is_flag=True, help="Only links stated in the data.")
@window_option(90, "a counter-sanction is suggested as a response")
@as_of_option
@data_option
@format_option
@ids_option
def q_retaliation(data: tuple[str, ...], fmt: str, ids: bool, no_infer: bool,
                  window_days: int, as_of: str | None) -> None:
    """Chains of sanction -> counter-sanction (stated, and inferred unless --no-infer).
    The table is in date order: who answered, against whom, whose sanctions of which date
    they answered, whether the data says so ("stated") or it is suggested ("inferred").

    "chain": rows with the same number are one tit-for-tat run (links that share a
    sanction: one answer to several sanctions, or an answer answered in turn), numbered
    1, 2 ... by their earliest sanction's date."""
    G, day = load_graph_as_of(data, as_of)
    rows: Sequence[Any] = q.retaliation(G, infer=not no_infer, window_days=window_days)
    cols = ["date", "by", "against", "answers", "of", "link", "chain",
            *(["response", "original"] if ids else [])]
    if fmt == "table":
        # Long lists shortened by the one listing rule ("A, B, C and 2 more"); JSON and
        # CSV keep every id.
        rows = [{"date": r.response_date, "by": listed(_names(G, r.response_imposers)),
                 "against": listed(_against(G, r.response)),
                 "answers": listed(_names(G, r.original_imposers)), "of": r.original_date,
                 "link": "inferred" if r.inferred else "stated", "chain": r.chain,
                 "response": r.response, "original": r.original}
                for r in sorted(rows, key=lambda r: (r.response_date or "9999",
                                                     r.original_date or "", r.response,
                                                     r.original))]
    heads = [{"answers": "answering", "of": "their date"}.get(c, c) for c in cols]
    emit(rows, fmt, cols, heads, kind=q.RetaliationLink, as_of=day)
    if fmt == "table" and rows:
        click.echo("\n".join(wrap_words(
            "chain: rows of one number are one tit-for-tat run (they share a sanction), "
            "numbered by its first date", terminal_width())), err=True)  # stdout: the table


def _against(G: nx.MultiDiGraph, sanction: str) -> list[str]:
    """The states (or blocs, or actors) a sanction's targets stand for, by name."""
    from kg.graph.index import index_of
    from kg.graph.schema import NodeType, node_id

    idx = index_of(G)
    targets = G.nodes[node_id(NodeType.SANCTION, sanction)]["targets"]
    return _names(G, (idx.polity(t) for t in targets))


@query.command("coalitions")
@window_option(30, "sanctions on the same target count as joint action")
@click.option("--min-imposers", type=click.IntRange(1), default=2, show_default=True,
              help="Only groups of at least this many imposers.")
@date_range
@as_of_option
@data_option
@format_option
@ids_option
def q_coalitions(data: tuple[str, ...], fmt: str, ids: bool, as_of: str | None,
                 **opts: Any) -> None:
    """Imposers acting together on the same targets (the table in date order)."""
    G, day = load_graph_as_of(data, as_of)
    rows: Sequence[Any] = q.coalitions(G, **opts)
    if fmt == "table":  # long lists would swamp a terminal: names and a count
        rows = [{"first": c.first, "last": c.last, "against": c.against_name,
                 "imposers": c.imposer_names, "reasons": words(c.reasons),
                 "sanctions": c.sanctions if ids else plural(len(c.sanctions), "sanction")}
                for c in sorted(rows, key=lambda c: (c.first or "9999", -len(c.imposers),
                                                     c.sanctions))]
    emit(rows, fmt, ["first", "last", "against", "imposers", "reasons", "sanctions"],
         kind=q.Coalition, as_of=day)


@query.command("statements")
@click.option("--about", help="An actor the statements are about (or whose sanctions).")
@click.option("--speaker", help="Who spoke (a state finds its officials too).")
@stance_option
@date_range
@as_of_option
@data_option
@format_option
@ids_option
def q_statements(data: tuple[str, ...], fmt: str, ids: bool, as_of: str | None,
                 **opts: Any) -> None:
    """What was said, by whom, about what. The table shows the quote, or the summary when
    the data has no quote; what a statement is about, by name (a sanction as its
    imposers' sanctions of its date)."""
    G, day = load_graph_as_of(data, as_of, sanctions=False, statements=True)
    opts.update(about=_resolved(G, opts["about"]), speaker=_resolved(G, opts["speaker"]))
    rows: Sequence[Any] = q.statements(G, **opts)
    if fmt == "table":
        rows = [{"date": r.date, "speakers": r.speaker_names, "stance": words(r.stance),
                 "about": [_about(G, a) for a in r.about], "said": r.quote or r.summary,
                 "statement": r.statement} for r in rows]
    emit(rows, fmt, ["date", "speakers", "stance", "about", "said",
                     *(["statement"] if ids else [])], kind=q.StatementRow, as_of=day)


def _about(G: nx.MultiDiGraph, ref: str) -> str:
    """An actor's name; a sanction as "<imposers> sanctions of <date>"."""
    from kg.graph.index import index_of
    from kg.graph.schema import NodeType, node_id
    from kg.query._args import actor_name

    d = G.nodes.get(node_id(NodeType.SANCTION, ref))
    if d is None:
        return actor_name(index_of(G), ref)
    return f"{' & '.join(_names(G, d['imposers']))} sanctions of {d.get('date') or '?'}"


@query.command("timeline")
@click.argument("actor")
@date_range
@as_of_option
@data_option
@format_option
@ids_option
def q_timeline(actor: str, data: tuple[str, ...], fmt: str, ids: bool, as_of: str | None,
               **opts: Any) -> None:
    """Everything ACTOR did or suffered, in date order (with "via" every person or body of
    ACTOR's that did or suffered it: "A, B, C and 4 more" in a table, all in JSON/CSV); with
    --as-of, the sanctions in force that day and the statements made by then."""
    day: AsOf | None = None

    def ask_cold(index: Any) -> list[q.TimelineEntry]:
        from kg.query.cold import timeline  # imported when a saved graph is queried

        nonlocal day
        day = None if as_of is None else AsOf(as_of, *index.undated())
        return timeline(index, actor, as_of=as_of, **opts)

    def ask_graph(G: nx.MultiDiGraph) -> list[q.TimelineEntry]:
        nonlocal day
        if as_of is not None:  # the graph of that day, and what it left out
            v = q.graph_as_of(G, as_of)
            G, day = v.graph, AsOf(v.day, len(v.undated_sanctions), len(v.undated_statements))
        return q.timeline(G, _resolved(G, actor), **opts)

    rows, name = _cold_or_graph(data, ask_cold, ask_graph)
    cols = ["date", "role", "status", "summary"]
    if fmt == "table":
        if any(r.via for r in rows):
            cols.insert(2, "via")
        rows = [{"date": r.date, "role": r.role, "status": words(r.status),
                 "summary": _timeline_summary(r, name),
                 "via": listed([name(v) for v in r.via]), "record": r.record}
                for r in rows]
    emit(rows, fmt, cols + (["record"] if ids else []), kind=q.TimelineEntry, as_of=day)


def _timeline_summary(r: q.TimelineEntry, name: Callable[[str], str]) -> str:
    """A timeline row's summary for a table: a statement's own summary, else who → whom (a
    sanction) or who said it, each list shortened by the one rule
    (:func:`kg._listing.listed`) with the actor asked about, then the people and bodies of
    its the row stands for, always among the names shown."""
    wanted = [r.actor, *r.via]

    def names(ids: tuple[str, ...], shown: int) -> str:
        keep = [ids.index(w) for w in wanted if w in ids]
        return listed([name(i) for i in ids], shown, keep=keep)

    if r.record.startswith("sanction:") and (r.imposers or r.targets):
        return f"{names(r.imposers, 3)} → {names(r.targets, 2)}"
    if r.speakers and r.summary == f"{listed([name(i) for i in r.speakers], 2)}: {r.status}":
        return f"{names(r.speakers, 2)}: {r.status}"  # a statement with no summary: its label
    return r.summary


@query.command("merges")
@window_option(7, "duplicate events are merged")
@data_option
@format_option
def q_merges(data: tuple[str, ...], fmt: str, window_days: int) -> None:
    """Why each merge happened: those kept in merged data ("merged_from") and those the
    -d files (each loaded on its own) would make, one row per record folded in, with its
    rule; and records of one id in several files that differed (combined, not merged)."""
    from kg.merge import Merge, load_each, merge

    result = merge(load_each(data), window_days=window_days)
    ds = result.dataset
    # The values the merges of this run dropped (the kept one, the others, from which
    # record and -d path), on the row of each record that held a dropped value.
    dropped: dict[tuple[str, str, str], list[Any]] = {}
    for m in result.merges:
        for c in m.conflicts:
            for rid in dict.fromkeys(d.record for d in c.dropped):
                dropped.setdefault((m.kind, m.into, rid), []).append(c)
    rows = [Merge(kind, r.id, (m.id,), m.rule, tuple(dropped.get((kind, r.id, m.id), ())))
            for kind, records in (("actor", ds.actors), ("sanction", ds.sanctions),
                                  ("statement", ds.statements))
            for r in records for m in r.merged_from]
    # A same-id record folds nothing in: its id is named once, under "into".
    rows += [Merge(s.kind, s.id, (), f"same id: content differed "
                   f"({', '.join(s.differed)}), combined", s.conflicts)
             for s in result.same_id if s.differed]
    cols = ["kind", "into", "merged", "rule"]
    if fmt == "json":
        emit(rows, fmt, cols, kind=Merge)
        return
    # Tables and CSV: the values as text, "country: kept 'kp' (a.yaml), dropped ...".
    paths = list(data)
    text = [{"kind": r.kind, "into": r.into, "merged": r.merged, "rule": r.rule,
             "conflicts": "; ".join(c.text(paths) for c in r.conflicts)} for r in rows]
    if any(r.conflicts for r in rows):
        cols.append("values")
        text = [{**t, "values": t["conflicts"]} for t in text]
    emit(text, fmt, cols, kind=Merge)
