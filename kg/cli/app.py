"""The ``kg`` command line: parses arguments, calls the library, prints.

Errors never print a traceback: a :class:`~kg.errors.KGError` becomes one readable line per
problem on stderr and exit code 1 (bad data) or 2 (bad usage). ``KG_DEBUG=1`` shows the
traceback of an unexpected internal error.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import click
import networkx as nx

from kg import __version__
from kg.errors import KGError, UsageError
from kg.query import Relation, StatementRow, TimelineEntry
from kg.query.patterns import Coalition, RetaliationLink

F = TypeVar("F", bound=Callable[..., Any])

FORMATS = click.Choice(["table", "json", "csv"])


def data_option(f: F) -> F:
    """``-d/--data PATH`` (repeatable); the bundled examples when absent."""
    return click.option(
        "-d", "--data", "data", multiple=True, metavar="PATH",
        help="Data file or folder (.yaml, .json, .jsonl), or a saved graph (.kgz); "
             "repeatable. Default: the bundled example data.")(f)


def format_option(f: F) -> F:
    return click.option("--format", "fmt", type=FORMATS, default="table", show_default=True,
                        help="Output format.")(f)


def load_graph(data: Sequence[str]) -> nx.MultiDiGraph:
    """Load the data files (or a saved graph) and build the graph."""
    import gc

    from kg._perf import paused_gc
    from kg.graph.build import build
    from kg.readwrite.load import load

    paths = list(data) or None
    # The graph lives until the command ends: build it with the garbage collector paused
    # and freeze it, so its millions of objects never get the collector's full passes
    # (seconds on a million-event graph).
    with paused_gc():
        if paths and any(p.endswith(".kgz") for p in paths):
            from kg.graph.store import read_graph

            if len(paths) != 1:
                raise UsageError("a saved graph (.kgz) cannot be combined with other data")
            G = read_graph(paths[0])
        else:
            G = build(load(paths), consume=True)
        gc.freeze()
    return G


def emit(rows: Sequence[Any], fmt: str, columns: Sequence[str],
         headers: Sequence[str] | None = None, *, kind: type | None = None) -> None:
    """Print query answers as a table, JSON or CSV. ``kind`` (the answer's dataclass) gives
    the CSV header, so an empty answer still prints one."""
    import dataclasses

    from kg.output.table import format_csv, format_json, format_table

    if fmt == "json":
        click.echo(format_json(rows))
    elif fmt == "csv":
        fields = [f.name for f in dataclasses.fields(kind)] if kind is not None else None
        click.echo(format_csv(rows, fields), nl=False)
    elif not rows:
        click.echo("(no results)")
    else:
        click.echo(format_table(rows, columns, headers=headers))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="kg")
def cli() -> None:
    """sanctions-kg: a knowledge graph of who sanctioned whom, when, why, who retaliated,
    who acted together, and what was said about it.

    Every command that reads data takes -d/--data PATH; without it, the bundled example
    data (the seed article and a larger set of public events) is used.
    """


@cli.command()
@data_option
@click.option("-o", "--output", default="sanctions.html", show_default=True,
              help="Where to write the HTML view.")
def demo(data: tuple[str, ...], output: str) -> None:
    """Build the graph, print who sanctioned whom, and write the browser view."""
    from kg.export.html import write_html
    from kg.graph.build import who_sanctioned_whom
    from kg.output.table import format_table

    G = load_graph(data)
    P = who_sanctioned_whom(G)
    n_s = sum(1 for _, d in G.nodes(data=True) if d.get("type") == "sanction")
    n_st = sum(1 for _, d in G.nodes(data=True) if d.get("type") == "statement")
    click.echo(f"Graph: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges "
               f"({n_s} sanctions, {n_st} statements)\n")
    rows = [{"imposer": P.nodes[u]["label"], "target": P.nodes[v]["label"],
             "reasons": e["reasons"], "status": e["statuses"], "n": e["count"],
             "first": e["first"]}
            for u, v, e in sorted(P.edges(data=True),
                                  key=lambda x: (x[2]["first"] or "", x[0], x[1]))]
    click.echo("Who sanctioned whom:")
    click.echo(format_table(rows, ["imposer", "target", "reasons", "status", "n", "first"]))
    path = write_html(G, output)
    click.echo(f"\nWrote the interactive view to {path} (open it in a browser).")


@cli.command()
@click.argument("paths", nargs=-1, required=True)
def validate(paths: tuple[str, ...]) -> None:
    """Check data files and folders; list every problem (exit 1) or say they are valid."""
    from kg.readwrite.load import load

    ds = load(list(paths))
    click.echo(f"valid: {len(ds.sources)} sources, {len(ds.actors)} actors, "
               f"{len(ds.sanctions)} sanctions, {len(ds.statements)} statements")


@cli.group()
def query() -> None:
    """Ask the graph a question (actors by id, name or alias: "China", "PRC", "cn")."""


REL_COLS = ["imposer_name", "target_name", "reason", "status", "date", "sanction"]
REL_HEADS = ["imposer", "target", "reason", "status", "date", "sanction"]


def relation_filters(f: F) -> F:
    for opt in reversed([
        click.option("--reason", help="Reason category (human_rights, retaliation, ...)."),
        click.option("--status", help="threatened, expected, imposed, extended, eased, lifted."),
        click.option("--since", metavar="DATE", help="On or after this date (YYYY[-MM[-DD]])."),
        click.option("--until", metavar="DATE", help="On or before this date."),
        click.option("--expand-blocs", is_flag=True,
                     help="Answer a bloc's sanctions for each member too (France via the EU)."),
    ]):
        f = opt(f)
    return f


@query.command("relations")
@click.option("--imposer", help="Who imposed (id, name or alias).")
@click.option("--target", help="Who was targeted (id, name or alias).")
@relation_filters
@data_option
@format_option
def q_relations(data: tuple[str, ...], fmt: str, **filters: Any) -> None:
    """Imposer -> target -> reason triples, filtered."""
    from kg.query import relations

    emit(relations(load_graph(data), **filters), fmt, REL_COLS, REL_HEADS, kind=Relation)


@query.command("who-sanctioned")
@click.argument("target")
@relation_filters
@data_option
@format_option
def q_who_sanctioned(target: str, data: tuple[str, ...], fmt: str, **filters: Any) -> None:
    """Who sanctioned TARGET (and its officials and bodies), and why."""
    from kg.query import who_sanctioned

    emit(who_sanctioned(load_graph(data), target, **filters), fmt, REL_COLS, REL_HEADS,
         kind=Relation)


@query.command("sanctioned-by")
@click.argument("imposer")
@relation_filters
@data_option
@format_option
def q_sanctioned_by(imposer: str, data: tuple[str, ...], fmt: str, **filters: Any) -> None:
    """Whom IMPOSER sanctioned, and why."""
    from kg.query import sanctioned_by

    emit(sanctioned_by(load_graph(data), imposer, **filters), fmt, REL_COLS, REL_HEADS,
         kind=Relation)


@query.command("retaliation")
@click.option("--no-infer", is_flag=True, help="Only links stated in the data.")
@click.option("--window", "window_days", type=click.IntRange(0), default=90, show_default=True,
              help="Days within which a counter-sanction is suggested as a response.")
@data_option
@format_option
def q_retaliation(data: tuple[str, ...], fmt: str, no_infer: bool, window_days: int) -> None:
    """Chains of sanction -> counter-sanction (stated, and inferred unless --no-infer)."""
    from kg.query.patterns import retaliation

    rows = retaliation(load_graph(data), infer=not no_infer, window_days=window_days)
    emit(rows, fmt, ["chain", "response", "response_imposers", "response_date", "original",
                     "original_imposers", "original_date", "inferred"],
         ["chain", "response", "by", "date", "answers", "by", "date", "inferred"],
         kind=RetaliationLink)


@query.command("coalitions")
@click.option("--window", "window_days", type=click.IntRange(0), default=30, show_default=True,
              help="Days within which sanctions on the same target count as joint action.")
@click.option("--min-imposers", type=click.IntRange(1), default=2, show_default=True)
@click.option("--since", metavar="DATE")
@click.option("--until", metavar="DATE")
@data_option
@format_option
def q_coalitions(data: tuple[str, ...], fmt: str, **opts: Any) -> None:
    """Imposers acting together on the same targets."""
    from kg.query.patterns import coalitions

    rows: Sequence[Any] = coalitions(load_graph(data), **opts)
    if fmt == "table":  # long lists would swamp a terminal: show a few names and counts
        rows = [{"imposers": c.imposer_names, "against": c.against_name,
                 "reasons": c.reasons, "first": c.first,
                 "sanctions": len(c.sanctions)} for c in rows]
    emit(rows, fmt, ["imposers", "against", "reasons", "first", "sanctions"], kind=Coalition)


@query.command("statements")
@click.option("--about", help="An actor the statements are about (or whose sanctions).")
@click.option("--speaker", help="Who spoke (a state finds its officials too).")
@click.option("--stance", help="condemns, supports, calls_for, warns, threatens, denies, ...")
@click.option("--since", metavar="DATE")
@click.option("--until", metavar="DATE")
@data_option
@format_option
def q_statements(data: tuple[str, ...], fmt: str, **opts: Any) -> None:
    """What was said, by whom, about what."""
    from kg.query import statements

    emit(statements(load_graph(data), **opts), fmt,
         ["date", "speaker_names", "stance", "about", "quote"],
         ["date", "speakers", "stance", "about", "quote"], kind=StatementRow)


@query.command("timeline")
@click.argument("actor")
@click.option("--since", metavar="DATE")
@click.option("--until", metavar="DATE")
@data_option
@format_option
def q_timeline(actor: str, data: tuple[str, ...], fmt: str, **opts: Any) -> None:
    """Everything ACTOR did or suffered, in date order."""
    from kg.query import timeline

    emit(timeline(load_graph(data), actor, **opts), fmt,
         ["date", "role", "status", "summary", "record"], kind=TimelineEntry)


EXPORT_FORMATS = ["json", "graphml", "gexf", "html", "ftm", "neo4j"]


@cli.command("export")
@click.argument("fmt", metavar="FORMAT", type=click.Choice(EXPORT_FORMATS))
@click.option("-o", "--output", required=True, help="Output file (or folder).")
@click.option("--focus", metavar="ACTOR", help="Only this actor's neighbourhood.")
@click.option("--depth", type=click.IntRange(0, 10), default=2, show_default=True,
              help="Hops around --focus.")
@click.option("--view", type=click.Choice(["actors", "events"]), default="actors",
              show_default=True, help="HTML only: who-sanctioned-whom, or the full graph.")
@data_option
def export(fmt: str, output: str, focus: str | None, depth: int, view: str,
           data: tuple[str, ...]) -> None:
    """Write the graph as FORMAT: html, json (node-link), graphml, gexf, ftm (FollowTheMoney
    JSON lines), neo4j (a folder of neo4j-admin import CSV files and queries.cypher)."""
    from kg.export import graph as gx
    from kg.graph.subgraph import neighbourhood

    G = load_graph(data)
    if fmt == "html":
        from kg.export.html import write_html

        write_html(G, output, view=view, focus=focus, depth=depth)
    elif fmt == "ftm":
        from kg.export.ftm import write_ftm

        write_ftm(neighbourhood(G, focus, depth=depth) if focus else G, output)
    else:
        if focus:
            G = neighbourhood(G, focus, depth=depth)
        if fmt == "neo4j":
            from kg.export.neo4j import write_neo4j

            write_neo4j(G, output)
        else:
            {"json": gx.write_json, "graphml": gx.write_graphml, "gexf": gx.write_gexf}[fmt](
                G, output)
    click.echo(f"wrote {output}", err=True)


@cli.command()
@click.option("-o", "--output", default="schemas", show_default=True, help="Folder.")
def schema(output: str) -> None:
    """Write the JSON Schema of every record type and of a dataset."""
    from kg.model.jsonschema import write_schemas

    for p in write_schemas(output):
        click.echo(str(p))



def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the ``kg`` console script."""
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="kg",
                 standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(2 if isinstance(exc, click.UsageError) else exc.exit_code)
    except click.exceptions.Abort:
        click.echo("kg: interrupted", err=True)
        sys.exit(130)
    except KGError as exc:
        for line in exc.lines():
            click.echo(f"kg: error: {line}", err=True)
        sys.exit(exc.exit_code)
    except BrokenPipeError:
        # The reader went away (| head); nothing more to say.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
    except KeyboardInterrupt:
        click.echo("kg: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # a bug: say so in one line unless debugging
        if os.environ.get("KG_DEBUG"):
            raise
        click.echo(f"kg: internal error: {type(exc).__name__}: {exc} "
                   "(set KG_DEBUG=1 for details and please report it)", err=True)
        sys.exit(70)
    sys.exit(0)

