"""``kg query exposure``, ``owners`` and ``holdings``: the ownership questions (in a
module of their own, beside :mod:`kg.cli.query`, on the same ``kg query`` group)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import click

from kg import query as q
from kg.cli.app import AsOf, emit, load_graph
from kg.cli.options import as_of_option, data_option, format_option
from kg.cli.query import query
from kg.output.table import plural


@query.command("exposure")
@click.option("--imposer", help="Whose sanctions (id, name or alias); each imposer if not given.")
@click.option("--threshold", type=float, default=50.0, show_default=True,
              help="Aggregate percent held by sanctioned owners that exposes an entity.")
@as_of_option
@click.option("--paths", type=int, default=10, show_default=True,
              help="Paths shown per row (the largest first), of however many there are.")
@click.option("--rule", type=click.Choice(["multiply", "cascade"]), default="multiply",
              show_default=True, help="multiply shares along a chain, or count a company "
              "caught at the threshold in full for what it owns (OFAC's reading).")
@data_option
@format_option
def q_exposure(data: tuple[str, ...], fmt: str, **opts: Any) -> None:
    """Entities no list of the imposer names but owned, in aggregate and through chains, at
    least --threshold percent by actors it sanctions (the arithmetic of OFAC's 50 Percent
    Rule, not a legal determination). Holdings of unknown share come apart as "possibly
    exposed"; directorships and family ties are context only. Without --as-of: the sanctions
    imposed or extended, and the holdings covering today."""
    rep = q.exposure(load_graph(data), **opts)
    rows = [*rep.exposed, *rep.possibly_exposed]
    table: Sequence[Any] = rows
    if fmt == "table":
        table = [{"entity": e.name, "share": f"{e.share:g}%" + ("+?" if e.possibly else ""),
                  "status": "possibly exposed" if e.possibly else "exposed",
                  "imposers": ", ".join(e.imposers),
                  "paths": "; ".join(p.text for p in e.paths)
                  + (f" (of {e.path_count:,} paths)" if e.path_count > len(e.paths) else ""),
                  "context": "; ".join(e.context)} for e in rows]
    elif fmt == "csv":  # one cell per path list: the paths as text, the records kept in JSON
        table = [{**{f: getattr(e, f) for f in e.__dataclass_fields__},
                  "paths": [p.text for p in e.paths]} for e in rows]
    emit(table, fmt, ["entity", "share", "status", "imposers", "paths", "context"],
         kind=q.Exposure,
         as_of=None if opts["as_of"] is None else AsOf(rep.as_of, rep.undated))
    if fmt == "table":
        click.echo(f"as of {rep.as_of}, threshold {rep.threshold:g}%, rule {rep.rule}: "
                   f"{len(rep.exposed)} exposed, {len(rep.possibly_exposed)} possibly exposed"
                   + (f"; {plural(rep.cut_paths, 'path')} inside large ownership cycles "
                      "not followed further" if rep.cut_paths else ""))


def _show_holdings(rows: Sequence[q.Holding], fmt: str, as_of: str | None) -> None:
    """Holdings as a table or JSON/CSV. With ``as_of``, the holdings covering that day (a
    record with no start or end date has no bound on that side: nothing is left out)."""
    table: Sequence[Any] = rows
    if fmt == "table":
        table = [{"depth": h.depth, "owner": h.owner_name, "asset": h.asset_name,
                  "share": "?" if h.share is None else f"{h.share:g}%",
                  "from": h.start_date or "", "to": h.end_date or "",
                  "sources": ", ".join(h.sources)} for h in rows]
    emit(table, fmt, ["depth", "owner", "share", "asset", "from", "to", "sources"],
         kind=q.Holding, as_of=None if as_of is None else AsOf(as_of))


@query.command("owners")
@click.argument("entity")
@as_of_option
@data_option
@format_option
def q_owners(entity: str, data: tuple[str, ...], fmt: str, as_of: str | None) -> None:
    """Who owns ENTITY, directly and up the chain, with shares, dates and sources."""
    G = load_graph(data)
    _show_holdings(q.owners(G, entity, as_of=as_of), fmt, as_of)


@query.command("holdings")
@click.argument("actor")
@as_of_option
@data_option
@format_option
def q_holdings(actor: str, data: tuple[str, ...], fmt: str, as_of: str | None) -> None:
    """What ACTOR owns, directly and down the chain, with shares, dates and sources."""
    G = load_graph(data)
    _show_holdings(q.holdings(G, actor, as_of=as_of), fmt, as_of)
