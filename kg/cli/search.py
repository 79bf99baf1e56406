"""``kg search NAME``: the actors a name may mean, ranked; and :func:`resolved`, which every
command that takes an actor name uses to say which actor it took when the name was not
exact."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, overload

import click

from kg._listing import listed
from kg.cli.app import AsOf, cli, emit, load_graph_as_of, table_width
from kg.cli.options import as_of_option, choice, data_option, format_option, words
from kg.errors import one_line
from kg.model.vocab import ActorKind
from kg.output.table import fits_whole

if TYPE_CHECKING:  # kg.graph.index where used: a cold query on a .kgz imports no networkx
    import networkx as nx

    from kg.graph.matches import ActorMatch

__all__ = ["resolved"]


@overload
def resolved(G: nx.MultiDiGraph, name: str) -> str: ...
@overload
def resolved(G: nx.MultiDiGraph, name: None) -> None: ...
@overload
def resolved(G: nx.MultiDiGraph, name: str | None) -> str | None: ...


def resolved(G: nx.MultiDiGraph, name: str | None) -> str | None:
    """``name`` as a query should receive it: unchanged when the exact lookup finds it (so
    exact names behave as they always have), else the id of the actor the matcher took,
    with a note on stderr saying which and why. Errors (no actor, several close) propagate.
    """
    if name is None:
        return None
    from kg.graph.index import resolve_name

    r = resolve_name(G, name)
    if r.exact:
        return name
    click.echo(one_line(f"kg: note: {name!r} taken as {r.name} ({r.id}): {r.reason}"),
               err=True)
    return r.id


@cli.command("search")
@click.argument("name")
@click.option("--kind", type=choice(ActorKind), help="Only actors of this kind.")
@click.option("--country", metavar="CC", help="Only actors of this country (ISO alpha-2).")
@click.option("--limit", type=click.IntRange(1), default=10, show_default=True,
              help="At most this many candidates.")
@as_of_option
@data_option
@format_option
def search(name: str, kind: str | None, country: str | None, limit: int, as_of: str | None,
           data: tuple[str, ...], fmt: str) -> None:
    """Actors NAME may mean, best first: word order, missing given names, legal forms
    (LLC, OOO...), other scripts (Олег Дерипаска), other romanisations and typos.

    Each candidate has a score in [0, 1], the name or alias that matched and how (exact,
    reordered, partial, transliterated, fuzzy), and the imposers whose sanctions target it.
    A capital or seat of government ("Beijing", "the Kremlin"), a demonym ("Chinese") or
    another country name finds the state it stands for. The table's "matched" says "name"
    when the name itself matched, else the alias (or weak alias) or the place name that
    did (seat of government "Beijing"). With --as-of, the imposers are those whose
    sanctions on it were in force that day.
    """
    if country is not None and not (len(country) == 2 and country.isalpha()):
        raise click.BadParameter(f"{country!r} is not an ISO alpha-2 country code",
                                 param_hint="--country")
    from kg.graph.matches import ActorMatch

    cold = _cold_search(data, name, kind=kind, country=country, limit=limit, as_of=as_of)
    if cold is not None:
        rows, day = cold
    else:
        from kg.graph.index import search_actors

        G, day = load_graph_as_of(data, as_of)
        rows = search_actors(G, name, kind=kind, country=country, limit=limit)
    if fmt == "table":
        table, cols, heads = _table(rows)
        emit(table, fmt, cols, heads, as_of=day, whole=["id"])
    else:
        emit(rows, fmt, [], kind=ActorMatch, as_of=day)


_COLUMNS = ["score", "id", "name", "kind", "country", "sanctioned_by", "matched", "how"]
_NARROW = ["score", "id", "name", "kind", "sanctioned_by", "matched"]


def _table(rows: Sequence[ActorMatch]) -> tuple[list[dict[str, str]], list[str], list[str]]:
    """The search table's cells, columns and headers: eight columns when every word and
    id fits the terminal whole; else six, the country beside the kind (``state (cn)``) and
    how beside what matched (``name (exact)``), so that an id (what a reader copies to ask
    by) and the names are not broken at 80 columns. Ids are kept whole in both."""
    full = [{"score": f"{r.score:.2f}", "id": r.id, "name": r.name, "kind": words(r.kind),
             "country": r.country or "", "sanctioned_by": _sanctioned_by(r),
             "matched": _matched(r), "how": r.how} for r in rows]
    heads = [c.replace("_", " ") for c in _COLUMNS]
    if fits_whole(full, _COLUMNS, headers=heads, width=table_width()):
        return full, _COLUMNS, heads
    narrow = [{**row, "kind": f"{row['kind']} ({row['country']})" if row["country"]
               else row["kind"], "matched": f"{row['matched']} ({row['how']})"}
              for row in full]
    return narrow, _NARROW, ["score", "id", "name", "kind (country)", "sanctioned by",
                             "matched (how)"]


def _sanctioned_by(r: ActorMatch) -> str:
    """The table's "sanctioned by" cell: the imposers of sanctions on the actor itself,
    then those whose sanctions reach it only through its officials, bodies or nationals,
    saying through whom ("United States, Canada via Chen Quanguo, Wang Junzheng and 5
    more"), each list shortened by :func:`kg._listing.listed` (JSON and CSV list them
    all)."""
    via_only = set(r.imposers_via)
    direct = [n for i, n in zip(r.imposers, r.imposer_names, strict=True) if i not in via_only]
    through = [n for i, n in zip(r.imposers, r.imposer_names, strict=True) if i in via_only]
    cell = listed(direct)
    if through:
        cell += ("; " if cell else "") + f"{listed(through)} via {listed(r.via_names, 2)}"
    return cell


def _matched(r: ActorMatch) -> str:
    """The table's "matched" cell: ``name`` when the actor's name matched, else
    ``alias "X"``, ``weak alias "X"`` or how a place name stands for the state
    (``seat of government "Beijing"``, ``demonym "Chinese"``; JSON gives the matched text
    itself and ``matched_as``)."""
    if r.matched_as is not None:
        return f'{r.matched_as} "{r.matched}"'
    if r.matched == r.name:
        return "name"
    return f'{"weak alias" if r.weak else "alias"} "{r.matched}"'


def _cold_search(data: tuple[str, ...], name: str, *, as_of: str | None, **opts: Any
                 ) -> tuple[list[ActorMatch], AsOf | None] | None:
    """The search (and, with ``as_of``, the day and its undated sanctions) answered from a
    saved graph's stored indexes (one ``.kgz`` given, saved with them), or None when the
    graph must be loaded."""
    from kg.graph.store import is_saved_graph

    if len(data) != 1 or not is_saved_graph(data[0]):
        return None
    from kg.query import cold

    index = cold.open_cold(data[0])
    if index is None:
        return None
    with index:
        rows = cold.search(index, name, as_of=as_of, **opts)
        return rows, None if as_of is None else AsOf(as_of, index.undated()[0])
