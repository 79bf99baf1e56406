"""The ``kg`` group, its entry point and what every command shares: opening ``-d`` data
and printing answers.

Errors never print a traceback: a :class:`~kg.errors.KGError` becomes one readable line per
problem on stderr and exit code 1 (bad data) or 2 (bad usage). ``KG_DEBUG=1`` shows the
traceback of an unexpected internal error.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import json
import os
import sys
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

import click

from kg.errors import KGError
from kg.output.table import (
    format_csv,
    format_json,
    format_table,
    plural,
    terminal_width,
    to_records,
)

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["AsOf", "cli", "emit", "load_graph", "load_graph_as_of", "main", "table_width"]

try:
    __version__ = version("sanctions-kg")
except PackageNotFoundError:  # pragma: no cover - running from a tree that is not installed
    from kg import __version__


def load_graph(data: Sequence[str]) -> nx.MultiDiGraph:
    """:func:`kg.graph.store.open_graph`, then freeze the graph for the rest of the process.

    The graph lives until the command ends: freezing moves its millions of objects out of the
    garbage collector's full passes (seconds on a million-event graph). Only the CLI does
    this; library callers keep their collector as it is. No command changes the graph, so
    a saved graph's plain edge attributes are shared (``share_attrs``: ~750 MB less at a
    million events).
    """
    from kg.graph.store import open_graph  # here: a cold query on a .kgz needs no graph

    G = open_graph(list(data), share_attrs=True)
    gc.freeze()
    return G


@dataclasses.dataclass(frozen=True, slots=True)
class AsOf:
    """An ``--as-of`` answer's day and how many records it left out for having no date."""

    day: str
    sanctions: int = 0
    statements: int = 0

    def note(self) -> str | None:
        """The stderr note, or None when nothing was left out."""
        parts = [plural(n, what) for n, what in ((self.sanctions, "sanction"),
                                                 (self.statements, "statement")) if n]
        return f"note: {' and '.join(parts)} with no date left out of --as-of" if parts \
            else None


def load_graph_as_of(data: Sequence[str], as_of: str | None, *, sanctions: bool = True,
                     statements: bool = False) -> tuple[nx.MultiDiGraph, AsOf | None]:
    """:func:`load_graph`, then, with ``as_of``, the graph of that day
    (:func:`kg.query.graph_as_of`) and what it left out: the undated sanctions and/or
    statements, as the command's answer depends on them."""
    G = load_graph(data)
    if as_of is None:
        return G, None
    from kg.query.asof import graph_as_of

    view = graph_as_of(G, as_of)
    return view.graph, AsOf(view.day, len(view.undated_sanctions) if sanctions else 0,
                            len(view.undated_statements) if statements else 0)


def table_width() -> int:
    """The width the command's tables are made for: ``--width N`` when given
    (:func:`kg.cli.options.width_option`; 0: no limit), else ``$COLUMNS`` when set, else
    the terminal's width when standard output is a terminal, else 0 (no limit: a table
    piped to ``less`` or written to a file has every name whole, on one line)."""
    from kg.cli.options import WIDTH_KEY

    ctx = click.get_current_context(silent=True)
    if ctx is not None and WIDTH_KEY in ctx.meta:
        return int(ctx.meta[WIDTH_KEY])
    columns = os.environ.get("COLUMNS", "").strip()
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        tty = sys.stdout is not None and sys.stdout.isatty()
    except (ValueError, OSError, AttributeError):  # a closed, detached or odd stream
        tty = False
    return terminal_width() if tty else 0


def emit(rows: Sequence[Any], fmt: str, columns: Sequence[str],
         headers: Sequence[str] | None = None, *, kind: type | None = None,
         as_of: AsOf | None = None, whole: Sequence[str] = ()) -> None:
    """Print query answers as a table, JSON or CSV. ``kind`` (the answer's dataclass) gives
    the CSV header, so an empty answer still prints one.

    With ``as_of`` (an ``--as-of`` answer), JSON is an object ``{"as_of": DAY, "undated":
    {"sanctions": N, "statements": M}, "results": [...]}`` instead of the bare array, and a
    note on stderr counts the undated records left out (when there are any). ``whole``:
    table columns never broken while another can give (:func:`format_table`). Tables are
    made for :func:`table_width` (no limit when piped or redirected)."""
    if fmt == "json" and as_of is not None:
        click.echo(json.dumps({"as_of": as_of.day, "undated": {
            "sanctions": as_of.sanctions, "statements": as_of.statements},
            "results": to_records(rows)}, ensure_ascii=False, indent=2))
    elif fmt == "json":
        click.echo(format_json(rows))
    elif fmt == "csv":
        fields = [f.name for f in dataclasses.fields(kind)] if kind is not None else None
        click.echo(format_csv(rows, fields), nl=False)
    elif not rows:
        click.echo("(no results)")
    else:
        click.echo(format_table(rows, columns, headers=headers, whole=whole,
                                width=table_width()))
    note = as_of.note() if as_of is not None else None
    if note:
        click.echo(note, err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="kg")
def cli() -> None:
    """sanctions-kg: a knowledge graph of who sanctioned whom, when, why, who retaliated,
    who acted together, and what was said about it.

    Every command that reads data takes -d/--data PATH; without it, the bundled example
    data (the seed article and a larger set of public events) is used.
    """


def _tolerant_streams() -> None:
    """Let stdout and stderr replace what their encoding cannot show (a Cyrillic name on a
    Windows-1252 console prints as ``?``) instead of stopping with UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and (getattr(stream, "errors", None) or "strict") == "strict":
            with contextlib.suppress(ValueError, OSError):  # a closed or detached stream
                reconfigure(errors="replace")


def bundled_hint(exc: KGError) -> str | None:
    """For data that names actors only the bundled data declares (``us``, ``eu``, the
    people of ``examples/actors.yaml``) without loading it: a sentence saying which and
    the file to pass beside the user's; and for an unknown actor id that nothing in the
    user's data comes close to (no "did you mean"), the bundled actors close to it
    (``'russia' may be 'ru' (Russia) of the bundled data``); else None."""
    from kg.errors import UNKNOWN_REF, ValidationFailed

    if not isinstance(exc, ValidationFailed):
        return None
    unknown = [p.message for p in exc.problems
               if p.kind == UNKNOWN_REF and p.message.startswith("unknown actor '")]
    wanted = list(dict.fromkeys(m.split("'")[1] for m in unknown))
    if not wanted:
        return None
    try:
        from kg.readwrite.load import default_data_path, load

        actors = default_data_path() / "actors.yaml"
        bundled = load([actors]).actors
    except (KGError, OSError):
        return None
    known = {a.id for a in bundled}
    found = [i for i in wanted if i in known]
    unsuggested = list(dict.fromkeys(m.split("'")[1] for m in unknown
                                     if "did you mean" not in m))
    from kg.resolve.suggest import Suggester

    close = Suggester({"actor": bundled})
    near = [(i, close.close(i, "actor")) for i in unsuggested if i not in known]
    near = [(i, found_) for i, found_ in near if found_]
    if not found and not near:
        return None
    from kg._listing import listed

    here = os.path.relpath(actors)
    n = len(found) + len(near)
    parts = []
    if found:
        parts.append(f"{listed([repr(i) for i in found], 4)} "
                     f"{'is an actor' if len(found) == 1 else 'are actors'} of the bundled data")
    parts += [f"{i!r} may be {' or '.join(ids)} of the bundled data" for i, ids in near[:4]]
    return (f"{'; '.join(parts)}: pass {actors if here.startswith('..') else here} beside "
            f"your files (or declare {'it' if n == 1 else 'them'})")


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the ``kg`` console script."""
    _tolerant_streams()
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="kg",
                 standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except SystemExit as exc:
        # click turns a broken pipe (| head) into exit 1, its streams wrapped to stay quiet:
        # the reader went away, which is no error of ours
        if exc.code == 1 and type(sys.stdout).__name__.endswith("PacifyFlushWrapper"):
            sys.exit(0)
        raise
    except click.ClickException as exc:
        if isinstance(exc, click.UsageError) and exc.ctx is None:
            # click 8.5 raises some parser errors ("--format requires an argument") without
            # a context, so it would print no usage line: say it as our own error.
            click.echo(f"kg: error: {exc.format_message()}", err=True)
            sys.exit(2)
        exc.show()
        sys.exit(2 if isinstance(exc, click.UsageError) else exc.exit_code)
    except click.exceptions.Abort:
        click.echo("kg: interrupted", err=True)
        sys.exit(130)
    except KGError as exc:
        for line in exc.lines():
            click.echo(f"kg: error: {line}", err=True)
        hint = bundled_hint(exc)
        if hint:
            click.echo(f"kg: hint: {hint}", err=True)
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
