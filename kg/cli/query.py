"""``kg query ...``: one thin command per question of :mod:`kg.query`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import click

from kg import query as q
from kg.cli.app import cli, emit, load_graph
from kg.cli.options import (
    data_option,
    date_range,
    format_option,
    relation_filters,
    stance_option,
    window_option,
)
from kg.cli.search import resolved

REL_COLS = ["imposer_name", "target_name", "reason", "status", "date", "sanction"]
REL_HEADS = ["imposer", "target", "reason", "status", "date", "sanction"]


@cli.group()
def query() -> None:
    """Ask the graph a question (actors by id, name or alias: "China", "PRC", "cn")."""


@query.command("relations")
@click.option("--imposer", help="Who imposed (id, name or alias).")
@click.option("--target", help="Who was targeted (id, name or alias).")
@relation_filters
@data_option
@format_option
def q_relations(data: tuple[str, ...], fmt: str, imposer: str | None, target: str | None,
                **filters: Any) -> None:
    """Imposer -> target -> reason triples, filtered."""
    G = load_graph(data)
    emit(q.relations(G, imposer=resolved(G, imposer), target=resolved(G, target), **filters),
         fmt, REL_COLS, REL_HEADS, kind=q.Relation)


@query.command("who-sanctioned")
@click.argument("target")
@relation_filters
@data_option
@format_option
def q_who_sanctioned(target: str, data: tuple[str, ...], fmt: str, **filters: Any) -> None:
    """Who sanctioned TARGET (and its officials and bodies), and why."""
    G = load_graph(data)
    emit(q.who_sanctioned(G, resolved(G, target), **filters), fmt, REL_COLS, REL_HEADS,
         kind=q.Relation)


@query.command("sanctioned-by")
@click.argument("imposer")
@relation_filters
@data_option
@format_option
def q_sanctioned_by(imposer: str, data: tuple[str, ...], fmt: str, **filters: Any) -> None:
    """Whom IMPOSER sanctioned, and why."""
    G = load_graph(data)
    emit(q.sanctioned_by(G, resolved(G, imposer), **filters), fmt, REL_COLS, REL_HEADS,
         kind=q.Relation)


@query.command("retaliation")
@click.option("--no-infer", is_flag=True, help="Only links stated in the data.")
@window_option(90, "a counter-sanction is suggested as a response")
@data_option
@format_option
def q_retaliation(data: tuple[str, ...], fmt: str, no_infer: bool, window_days: int) -> None:
    """Chains of sanction -> counter-sanction (stated, and inferred unless --no-infer)."""
    rows = q.retaliation(load_graph(data), infer=not no_infer, window_days=window_days)
    emit(rows, fmt, ["chain", "response", "response_imposers", "response_date", "original",
                     "original_imposers", "original_date", "inferred"],
         ["chain", "response", "by", "date", "answers", "by", "date", "inferred"],
         kind=q.RetaliationLink)


@query.command("coalitions")
@window_option(30, "sanctions on the same target count as joint action")
@click.option("--min-imposers", type=click.IntRange(1), default=2, show_default=True)
@date_range
@data_option
@format_option
def q_coalitions(data: tuple[str, ...], fmt: str, **opts: Any) -> None:
    """Imposers acting together on the same targets."""
    rows: Sequence[Any] = q.coalitions(load_graph(data), **opts)
    if fmt == "table":  # long lists would swamp a terminal: show a few names and counts
        rows = [{"imposers": c.imposer_names, "against": c.against_name,
                 "reasons": c.reasons, "first": c.first,
                 "sanctions": len(c.sanctions)} for c in rows]
    emit(rows, fmt, ["imposers", "against", "reasons", "first", "sanctions"], kind=q.Coalition)


@query.command("statements")
@click.option("--about", help="An actor the statements are about (or whose sanctions).")
@click.option("--speaker", help="Who spoke (a state finds its officials too).")
@stance_option
@date_range
@data_option
@format_option
def q_statements(data: tuple[str, ...], fmt: str, about: str | None, speaker: str | None,
                 **opts: Any) -> None:
    """What was said, by whom, about what."""
    G = load_graph(data)
    emit(q.statements(G, about=resolved(G, about), speaker=resolved(G, speaker), **opts), fmt,
         ["date", "speaker_names", "stance", "about", "quote"],
         ["date", "speakers", "stance", "about", "quote"], kind=q.StatementRow)


@query.command("timeline")
@click.argument("actor")
@date_range
@data_option
@format_option
def q_timeline(actor: str, data: tuple[str, ...], fmt: str, **opts: Any) -> None:
    """Everything ACTOR did or suffered, in date order."""
    G = load_graph(data)
    emit(q.timeline(G, resolved(G, actor), **opts), fmt,
         ["date", "role", "status", "summary", "record"], kind=q.TimelineEntry)


@query.command("merges")
@window_option(7, "duplicate events are merged")
@data_option
@format_option
def q_merges(data: tuple[str, ...], fmt: str, window_days: int) -> None:
    """The merges that combining the -d files would make (each file loaded on its own)."""
    from kg.merge import load_each, merge_datasets

    _, merges = merge_datasets(load_each(data), window_days=window_days)
    emit(merges, fmt, ["kind", "into", "merged", "rule"])
