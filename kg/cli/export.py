"""``kg demo``, ``kg export FORMAT`` and ``kg schema``: writing the graph out."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import click

from kg.cli.app import AsOf, cli, load_graph_as_of, table_width
from kg.cli.options import as_of_option, data_option, width_option, words
from kg.cli.search import resolved
from kg.errors import Problem
from kg.export import EXPORTERS, export_graph


def _note(day: AsOf | None) -> None:
    note = day.note() if day is not None else None
    if note:
        click.echo(f"kg: {note}", err=True)


@cli.command()
@data_option
@click.option("-o", "--output", default="sanctions.html", show_default=True, metavar="FILE",
              help="Where to write the HTML view.")
@as_of_option
@width_option
def demo(data: tuple[str, ...], output: str, as_of: str | None) -> None:
    """Build the graph, print who sanctioned whom, and write the browser view (with
    --as-of, of what stood that day)."""
    from kg.export.html import write_html
    from kg.graph.build import who_sanctioned_whom
    from kg.output.table import format_table, plural
    from kg.query.stats import summary

    G, day = load_graph_as_of(data, as_of, statements=True)
    P = who_sanctioned_whom(G)
    counts = summary(G)
    click.echo(f"Graph: {plural(G.number_of_nodes(), 'node')}, "
               f"{plural(G.number_of_edges(), 'edge')} "
               f"({plural(cast(int, counts['sanctions']), 'sanction')}, "
               f"{plural(cast(int, counts['statements']), 'statement')})\n")
    rows = [{"imposer": P.nodes[u]["label"], "target": P.nodes[v]["label"],
             "reasons": words(e["reasons"]), "status": e["statuses"], "n": e["count"],
             "first": e["first"]}
            for u, v, e in sorted(P.edges(data=True),
                                  key=lambda x: (x[2]["first"] or "", x[0], x[1]))]
    path = write_html(G, output)  # before the table: "kg demo | head" still writes it
    click.echo("Who sanctioned whom" + (f" (as of {as_of}):" if as_of else ":"))
    click.echo(format_table(rows, ["imposer", "target", "reasons", "status", "n", "first"],
                            width=table_width()))
    click.echo(f"\nWrote the interactive view to {path} (open it in a browser).")
    _note(day)


@cli.command("export")
@click.argument("fmt", metavar="FORMAT", type=click.Choice(list(EXPORTERS)))
@click.option("-o", "--output", required=True, metavar="PATH",
              help="Output file (a folder for neo4j; - for standard output).")
@click.option("--focus", metavar="ACTOR",
              help="Only this actor's neighbourhood: what links to it within --depth hops, "
                   "its country counting as a link both ways (around a state, the companies, "
                   "people and bodies whose country it is; around those, their state).")
@click.option("--depth", type=click.IntRange(0, 10), default=2, show_default=True,
              help="Hops around --focus (a sanction, a statement, a country: one hop each).")
@click.option("--view", type=click.Choice(["actors", "events"]), default="actors",
              show_default=True, help="HTML only: who-sanctioned-whom, or the full graph.")
@as_of_option
@data_option
def export(fmt: str, output: str, focus: str | None, depth: int, view: str,
           as_of: str | None, data: tuple[str, ...]) -> None:
    """Write the graph as FORMAT: html, json (node-link), graphml, gexf, ftm (FollowTheMoney
    JSON lines), neo4j (a folder of neo4j-admin import CSV files and queries.cypher). With
    --as-of, the graph of that day: the sanctions in force, the statements made by then and
    the relationships covering it (GraphML, GEXF and JSON keep the day as the graph's
    "as_of")."""
    if output == "-" and fmt == "neo4j":
        raise click.UsageError("neo4j writes a folder of files: -o - (standard output) is for "
                               "the one-file formats")
    G, day = load_graph_as_of(data, as_of, statements=True)
    notes: list[Problem] = []
    if output == "-":  # standard output: written (and read back) to a file first, then copied
        import shutil
        import sys
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / f"graph.{fmt}"
            export_graph(G, fmt, out, focus=resolved(G, focus), depth=depth, view=view,
                         notes=notes)
            with out.open("rb") as fh:
                shutil.copyfileobj(fh, sys.stdout.buffer)
            sys.stdout.buffer.flush()
    else:
        export_graph(G, fmt, output, focus=resolved(G, focus), depth=depth, view=view,
                     notes=notes)
    for note in notes:
        click.echo(f"kg: note: {note}", err=True)
    _note(day)
    click.echo(f"wrote {'standard output' if output == '-' else output}", err=True)


@cli.command()
@click.option("-o", "--output", default="schemas", show_default=True, metavar="FOLDER",
              help="Folder to write the schemas to (made if missing).")
def schema(output: str) -> None:
    """Write the JSON Schema of every record type and of a dataset."""
    from kg.readwrite.write import write_schemas

    for p in write_schemas(output):
        click.echo(str(p))
