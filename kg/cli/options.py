"""Options shared by several ``kg`` commands, declared once.

Vocabulary options take their choices from the model's enums (:mod:`kg.model.vocab`), so
``--help``, shell completion and the error for a wrong value follow the vocabulary when a
value is added.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable
from enum import StrEnum
from typing import Any, TypeVar, cast

import click

from kg.errors import UsageError
from kg.model.vocab import Reason, Stance, Status

__all__ = ["AS_OF_HELP", "FORMATS", "WIDTH_KEY", "as_of_option", "check_inputs", "choice",
           "data_option", "date_range", "format_option", "ids_option", "relation_filters",
           "width_option", "window_option", "words"]

F = TypeVar("F", bound=Callable[..., Any])

FORMATS = click.Choice(["table", "json", "csv"])
"""The output formats of every query."""


def choice(enum: type[StrEnum]) -> click.Choice:
    """A click choice of ``enum``'s values, in declaration order."""
    return click.Choice([str(e) for e in enum])


def _apply(f: F, *options: Callable[[F], F]) -> F:
    for opt in reversed(options):
        f = opt(f)
    return f


def check_inputs(paths: Iterable[str], *, option: str | None = None, files: str | None = None,
                 stdin: bool = False, data: bool = False) -> None:
    """Refuse, before any work, input paths that do not exist: a
    :class:`~kg.errors.UsageError` (exit 2) naming the path and, when given, the
    ``option`` it came with (``"-d"``). ``files``: when only files are read, what to say
    of a folder (``"kg import un reads files, not folders: give the files in it"``),
    which is refused too; ``stdin``: ``-`` (standard input) is accepted; ``data``: the
    paths are data to load (``-d``, ``kg validate``, ``kg merge``), and a folder holding
    no data file (:func:`kg.readwrite.load.holds_data`) gives no data at all, which is
    refused too. A path that exists but cannot be read is left to the reader, which
    names it and the reason."""
    for p in paths:
        if stdin and p == "-":
            continue
        where = f"{option} {p}" if option else p
        if not os.path.exists(p):  # a broken link too
            raise UsageError(f"{where}: no such file or folder")
        if files and os.path.isdir(p):
            raise UsageError(f"{where}: is a folder; {files}")
        if data and os.path.isdir(p):
            from kg.readwrite.load import holds_data  # only when a folder is given

            if not holds_data(p):
                raise UsageError(f"{where}: the folder holds no data file (.yaml, .yml, "
                                 ".json, .jsonl), so no data was given; name a file or a "
                                 "folder of data files")


def _existing(ctx: click.Context, param: click.Parameter,
              value: tuple[str, ...]) -> tuple[str, ...]:
    """Check ``-d/--data`` before any data is read (:func:`check_inputs`)."""
    check_inputs(value, option=param.opts[0] if param.opts else None, data=True)
    return value


def data_option(f: F) -> F:
    """``-d/--data PATH`` (repeatable); the bundled examples when absent. A path that does
    not exist, or a folder with no data file in it, is a usage error (exit 2) before
    anything is read."""
    return click.option(
        "-d", "--data", "data", multiple=True, metavar="PATH", callback=_existing,
        help="Data file or folder (.yaml, .json, .jsonl), or a saved graph (.kgz); "
             "repeatable. Default: the bundled example data.")(f)


def format_option(f: F) -> F:
    """``--format table|json|csv``, and ``--width N`` for tables (:func:`width_option`)."""
    f = width_option(f)
    return click.option("--format", "fmt", type=FORMATS, default="table", show_default=True,
                        help="Output format.")(f)


#: Where ``--width`` leaves its value in the click context's ``meta`` (read by
#: :func:`kg.cli.app.table_width`), so that no command needs a parameter for it.
WIDTH_KEY = "kg.width"


def _keep_width(ctx: click.Context, param: click.Parameter, value: int | None) -> None:
    if value is not None:
        ctx.meta[WIDTH_KEY] = value


def width_option(f: F) -> F:
    """``--width N``: the width tables are made for (0: no limit, as wide as the content
    needs). Without it, ``$COLUMNS``, else the terminal's width when standard output is a
    terminal, else no limit (piped or redirected: names are never wrapped or cut). The value
    is left in the context (:data:`WIDTH_KEY`), not passed to the command."""
    return click.option(
        "--width", type=click.IntRange(min=0), metavar="N", expose_value=False,
        callback=_keep_width, is_eager=True,
        help="Tables: fit N characters (0: no limit). Default: the terminal's width; no "
             "limit when the output is piped or redirected, so no name is wrapped or "
             "cut.")(f)


def ids_option(f: F) -> F:
    """``--ids``: tables add the id columns (sanction and record ids)."""
    return click.option(
        "--ids", is_flag=True,
        help="Tables: add the sanction (or record) ids as the last column. Without it "
             "tables show names and dates only; JSON and CSV always have the ids.")(f)


def _in_order(since: str | None, until: str | None) -> None:
    """A usage error when ``--since`` begins after ``--until`` ends (no date could be in
    both); dates that are not dates are left to the query, which names the option."""
    from kg.model.dates import first_day, last_day
    from kg.query._args import check_bound

    try:
        since, until = check_bound(since, "since"), check_bound(until, "until")
    except UsageError:
        return
    if since and until and first_day(since) > last_day(until):
        raise UsageError(f"--since {since} is after --until {until}: no date is in both "
                         "(swap them?)")


def date_range(f: F) -> F:
    """``--since DATE`` and ``--until DATE``: partial dates, both ends included; a
    ``--since`` after the ``--until`` is a usage error (exit 2)."""

    @functools.wraps(f)
    def checked(*args: Any, **kwargs: Any) -> Any:
        _in_order(kwargs.get("since"), kwargs.get("until"))
        return f(*args, **kwargs)

    return _apply(
        cast(F, checked),
        click.option("--since", metavar="DATE",
                     help="On or after this date (YYYY, YYYY-MM or YYYY-MM-DD)."),
        click.option("--until", metavar="DATE",
                     help="On or before this date (a partial date covers its whole period)."),
    )


def window_option(default: int, what: str) -> Callable[[F], F]:
    """``--window DAYS`` with its default and what it groups."""
    return click.option("--window", "window_days", type=click.IntRange(0), default=default,
                        show_default=True, metavar="DAYS", help=f"Days within which {what}.")


AS_OF_HELP = ("Only what stood that day (YYYY, YYYY-MM or YYYY-MM-DD): sanctions imposed, "
              "extended or eased on or before it, not ended and not lifted since by the same "
              "imposer for the same target (threats and expectations never count); "
              "statements made on or before it; holdings covering it. Undated records are "
              "left out and counted on stderr (and in JSON output).")
"""The help of ``--as-of``: the rule of :mod:`kg.query.asof`."""


def _day(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """Check ``--as-of`` before any data is read: a usage error (exit 2) naming it."""
    from kg.query._args import check_bound

    return check_bound(value, "as-of")


def as_of_option(f: F) -> F:
    """``--as-of DATE``: answer from the graph of that day (:func:`kg.query.graph_as_of`);
    a value that is not a date is refused before any data is read."""
    return click.option("--as-of", "as_of", metavar="DATE", callback=_day, help=AS_OF_HELP)(f)


def relation_filters(f: F) -> F:
    """The filters of the who-sanctioned-whom questions."""
    return _apply(
        f,
        click.option("--reason", type=choice(Reason), help="Reason category."),
        click.option("--status", type=choice(Status), help="Status of the sanction."),
        date_range,
        click.option("--expand-blocs", is_flag=True,
                     help="Answer a bloc's sanctions for each member too (France via the EU)."),
        as_of_option,
    )


def stance_option(f: F) -> F:
    """``--stance`` from the stance vocabulary."""
    return click.option("--stance", type=choice(Stance), help="Stance of the statement.")(f)


def words(code: str | Iterable[str] | None) -> Any:
    """A vocabulary code (or a list of them) as words for a table: ``"human_rights"`` ->
    ``"human rights"``; None stays None."""
    if code is None or isinstance(code, str):
        return code and code.replace("_", " ")
    return [c.replace("_", " ") for c in code]
