"""Errors raised by sanctions-kg.

Every error a user can cause is a :class:`KGError`; the command line turns one into
readable lines on stderr and an exit code, never a traceback::

    KGError                      base class; ``exit_code`` says how the CLI exits
    ├── DataError                bad input data (exit 1)
    │   ├── ValidationFailed     one or more problems found while loading or checking data;
    │   │                        carries every :class:`Problem` (file, record, field, message)
    │   ├── SourceFormatError    a file that is not in the format it claims (import, extract)
    │   └── SavedGraphError      a saved graph that is damaged or from another format version
    ├── UsageError               bad command-line use or bad arguments to a function (exit 2)
    │   └── ResolveError         a name that matches no actor, or several; suggests the closest
    └── OutputError              an output file or folder that cannot be written (exit 1; 2
                                 when the output path's folder does not exist)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

__all__ = [
    "NOT_AN_EVENT",
    "SKIPPED",
    "UNKNOWN_REF",
    "DataError",
    "KGError",
    "OutputError",
    "Problem",
    "ResolveError",
    "SavedGraphError",
    "SourceFormatError",
    "UsageError",
    "ValidationFailed",
]


#: :attr:`Problem.kind` of a reference to a record that does not exist (or not here: files
#: that refer to each other must be loaded together).
UNKNOWN_REF = "unknown_ref"
#: :attr:`Problem.kind` of an input record an importer could not import.
SKIPPED = "skipped"
#: :attr:`Problem.kind` of a sanction trigger in news text that makes no record (negated,
#: a call on others, no imposer).
NOT_AN_EVENT = "not_an_event"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the input, located as precisely as we can: what the loader and
    checker find (:class:`ValidationFailed`), what an importer skips
    (``ImportReport.skipped``) and what the news extractor passes over
    (``Extraction.skipped``, located by ``record="sentence N"``).

    >>> str(Problem("unknown actor 'eu'", file="a.yaml", line=3, record="actor 'fr'",
    ...             field="member_of", kind=UNKNOWN_REF))
    "a.yaml:3 [actor 'fr'] [member_of]: unknown actor 'eu'"
    """

    message: str
    file: str | None = None
    line: int | None = None
    record: str | None = None
    field: str | None = None
    kind: str | None = None
    """What sort of problem, for code that acts on it: :data:`UNKNOWN_REF`,
    :data:`SKIPPED`, :data:`NOT_AN_EVENT`; None when nothing needs to tell it apart."""
    words: str | None = None
    """The input words the problem is about, when they are not a whole record (the
    extractor's trigger phrase)."""

    def __str__(self) -> str:
        where = ""
        if self.file:
            where = self.file + (f":{self.line}" if self.line else "")
        parts = [p for p in (where, self.record, self.field) if p]
        loc = " ".join(f"[{p}]" if i else p for i, p in enumerate(parts))
        text = f"{loc}: {self.message}" if loc else self.message
        return one_line(text)


def one_line(text: str) -> str:
    r"""``text`` on one line with no control characters, safe to print to a terminal.

    >>> one_line("bad\n  value\x1b[31m")
    'bad value [31m'
    """
    cleaned = "".join(c if c.isprintable() else " " for c in text)
    return " ".join(cleaned.split())


class KGError(Exception):
    """Base class of every error a user of sanctions-kg can cause."""

    exit_code: int = 1

    def lines(self) -> list[str]:
        """The error as readable lines, one per problem."""
        return [one_line(str(self))]


class DataError(KGError):
    """The input data is wrong: unreadable, malformed or inconsistent."""


class ValidationFailed(DataError):
    """Loading or checking found problems; ``problems`` lists them all."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: list[Problem] = list(problems)
        n = len(self.problems)
        super().__init__(f"{n} problem{'s' if n != 1 else ''} found")

    def lines(self) -> list[str]:
        return [str(p) for p in self.problems] + [str(self)]


class SourceFormatError(DataError):
    """A file is not in the format it should be (raised by importers and the extractor)."""


class SavedGraphError(DataError):
    """A saved graph file is damaged or was written by another format version."""


class UsageError(KGError):
    """A command or function was called the wrong way."""

    exit_code = 2


class ResolveError(UsageError):
    """A name matches no actor, or more than one; the message suggests close names."""

    def __init__(self, message: str, suggestions: Iterable[str] = ()) -> None:
        self.suggestions = list(suggestions)
        if self.suggestions:
            message += "; did you mean " + ", ".join(repr(s) for s in self.suggestions) + "?"
        super().__init__(message)


class OutputError(KGError):
    """An output file or folder cannot be written. ``usage=True`` (an output path whose
    folder does not exist: the argument is wrong, not the data) makes the CLI exit 2."""

    def __init__(self, message: str, *, usage: bool = False) -> None:
        super().__init__(message)
        if usage:
            self.exit_code = 2
