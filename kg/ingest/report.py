"""The import report: what an import read, made, merged, skipped and changed, each
skipped or changed value with its file, line, record and field (:class:`ImportReport`).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from kg.errors import SKIPPED, Problem
from kg.model.records import Record, record_type

__all__ = ["CHANGED", "MAX_SKIPPED_KEPT", "ImportReport", "Skipped"]

#: How many skipped records an :class:`ImportReport` keeps in full; beyond that it counts.
MAX_SKIPPED_KEPT = 100_000


#: :attr:`Problem.kind` of a value an importer changed, shortened or read in another way
#: than the file says (a date read from ``06/10/2001``, a line re-read as Windows-1252).
CHANGED = "changed"

#: One input record that was not imported, and why: a :class:`~kg.errors.Problem` with its
#: file, line, ``kind=SKIPPED`` and the reason as its message.
Skipped = Problem


class _Files(list[str]):
    """:attr:`ImportReport.files`: each file added marks where its entries begin
    (:meth:`ImportReport.begin`), so importers that only list their files count per file."""

    def __init__(self, report: ImportReport, files: Iterable[str]) -> None:
        super().__init__(files)
        self._report = report

    def append(self, path: str) -> None:
        super().append(path)
        self._report.begin(path)

    def __iadd__(self, paths: Iterable[str]) -> _Files:  # type: ignore[override,misc]
        for p in paths:
            self.append(p)
        return self


#: What an entry of each kind of input gives (:meth:`ImportReport.summary`), so that the
#: entries read and the records made can be told apart and reconciled.
ENTRY_GIVES = {
    "ftm": "an FtM entity (a targets.simple.csv row) is an actor, a sanction or a "
           "relationship, and a listed entity with no Sanction entity gets one derived",
    "ofac": "an sdn.csv row (an XML entry) is a listed actor and its sanction; alt.csv and "
            "add.csv rows add aliases and addresses to it",
    "un": "an entry is a listed actor and its sanction",
    "uk": "a designation is a listed actor and its sanction (the CSV lists give one row per "
          "name variant: the rows of one target are one actor)",
    "eu": "a sanctionEntity is a listed actor and its sanction",
    "csl": "a row is a listing: its target (one actor per _id) and a sanction",
    "gdelt": "a row is a sanction or a statement; a row that reports an event again is "
             "merged into it",
}

#: The records an import makes beside those of the entries.
SHARED = ("the imposers and issuing bodies named (states, blocs, councils, offices), and "
          "the files and pages cited, are records too")


#: Plurals that are not the word and an ``s``.
_MANY = {"entry": "entries", "person": "people", "government body": "government bodies",
         "body": "bodies", "country": "countries", "authority": "authorities"}


def _n(n: int, word: str, many: str | None = None) -> str:
    """:func:`kg._listing.plural` with thousands separated: ``1,000 entries``."""
    return f"{n:,} {word if n == 1 else (many or _MANY.get(word) or word + 's')}"


@dataclass
class ImportReport:
    """Counts of an import and every record skipped, with its place and reason.

    ``read`` counts input entries (lines, rows, XML entries), and :meth:`read_by_file`
    per file; ``imported`` counts output records by type and ``actor_kinds`` the actors
    by kind; ``merged`` counts records folded into another one; ``notes`` counts
    things worth knowing that lose no data (a FtM schema we do not model);
    ``changed`` lists every value that was kept but changed, shortened or re-read (a date
    read from ``2001/10/06``, a line decoded as Windows-1252, a date left out), each with
    file, line, record and field (``kind=CHANGED``); ``merges`` holds
    :class:`kg.merge.Merge` entries when a merge ran.
    """

    kind: str
    files: list[str] = field(default_factory=list)
    read: int = 0
    imported: Counter[str] = field(default_factory=Counter)
    actor_kinds: Counter[str] = field(default_factory=Counter)
    """The actors made, by kind (``person``, ``state`` ...)."""
    merged: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    skipped_total: int = 0
    notes: Counter[str] = field(default_factory=Counter)
    merges: list[Any] = field(default_factory=list)
    changed: list[Problem] = field(default_factory=list)
    changed_total: int = 0
    written: Counter[str] = field(default_factory=Counter)
    """The records written, by type, when they differ from :attr:`imported` (an import
    merged into existing data writes both); empty when the output is what was imported."""
    _marks: list[tuple[str, int]] = field(default_factory=list, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.files = _Files(self, self.files)

    def begin(self, path: str | os.PathLike[str]) -> None:
        """Mark that the entries counted in :attr:`read` from now on are ``path``'s (until
        the next mark). Adding a file to :attr:`files` marks it; a reader that reads its
        files in another order than it lists them (OFAC's) marks each as it starts it."""
        self._marks.append((str(path), self.read))

    def read_by_file(self) -> dict[str, int]:
        """Entries read per file (every file of :attr:`files`, in that order, then any
        other marked), from the marks of :meth:`begin`."""
        out = dict.fromkeys(self.files, 0)
        ends = [at for _, at in self._marks[1:]] + [self.read]  # one more than marks
        for (path, at), end in zip(self._marks, ends[:len(self._marks)], strict=True):
            out[path] = out.get(path, 0) + end - at
        return out

    def skip(self, file: str | os.PathLike[str], line: int | None, reason: str, *,
             record: str | None = None, field: str | None = None) -> None:
        """Record a skipped input record (``record`` and ``field`` locate it further when
        known: the record id, the field whose value was refused)."""
        self.skipped_total += 1
        if len(self.skipped) < MAX_SKIPPED_KEPT:
            self.skipped.append(Problem(reason, file=str(file), line=line, record=record,
                                        field=field, kind=SKIPPED))

    def change(self, file: str | os.PathLike[str], line: int | None, message: str, *,
               record: str | None = None, field: str | None = None) -> None:
        """Record a value that was imported changed, shortened, re-read or left out
        (its record is imported): ``message`` says what was read and what was kept."""
        self.changed_total += 1
        if len(self.changed) < MAX_SKIPPED_KEPT:
            self.changed.append(Problem(message, file=str(file), line=line, record=record,
                                        field=field, kind=CHANGED))

    def note(self, message: str, n: int = 1) -> None:
        """Count something worth reporting that loses no data."""
        self.notes[message] += n

    def count(self, record: Record) -> None:
        """Count an output record (an actor by its kind too)."""
        kind = record_type(record)
        self.imported[kind] += 1
        if kind == "actor":
            self.actor_kinds[str(getattr(record, "kind", ""))] += 1

    @property
    def empty(self) -> bool:
        """True when no actor, sanction or statement came out (sources alone do not count)."""
        return not set(self.imported) - {"source"}

    @property
    def ok(self) -> bool:
        """True when nothing was skipped."""
        return self.skipped_total == 0

    def in_order(self, problems: list[Problem]) -> list[Problem]:
        """``problems`` (:attr:`skipped` or :attr:`changed`) in the order of the input: by
        file, in the order the import read its files (:attr:`files`; a file it did not list
        after them, by name), then by line (a problem about a whole file, with no line,
        first), and in the order they were found within one line (the sort is stable).
        Importers report some problems after reading on (a sanction whose target never
        came, an OFAC alias row whose entry is in another file): the report lists them in
        their place all the same."""
        rank = {f: i for i, f in enumerate(self.files)}
        return sorted(problems, key=lambda p: (rank.get(p.file or "", len(rank)),
                                               p.file or "", p.line or 0))

    def made(self, counts: Counter[str] | None = None) -> str:
        """The records made (``counts``, default :attr:`imported`), by type in the order
        actors, sanctions, statements, relationships, sources, the actors of
        :attr:`imported` by kind, most first: ``7 actors (2 organizations, 2 people, 1
        government body, 1 state, 1 vessel), 5 sanctions, 1 source``; ``nothing`` when
        there is none."""
        counts = self.imported if counts is None else counts
        order = ["actor", "sanction", "statement", "relationship", "source"]
        parts = []
        for kind in [*order, *sorted(set(counts) - set(order))]:
            if not counts.get(kind):
                continue
            text = _n(counts[kind], kind)
            if kind == "actor" and counts is self.imported and self.actor_kinds:
                kinds = sorted(self.actor_kinds.items(), key=lambda kv: (-kv[1], kv[0]))
                text += " (" + ", ".join(_n(n, k.replace("_", " ")) for k, n in kinds) + ")"
            parts.append(text)
        return ", ".join(parts) or "nothing"

    def totals(self) -> str:
        """The import in one line, each count saying what it counts: ``read 1,000 entries
        from 1 file -> wrote 950 actors, 840 sanctions, 1 source; skipped 3 entries, changed 5
        values``; ``merged N records into others`` when some were."""
        kept = self.written or self.imported
        counts = ", ".join(_n(kept[k], k) for k in
                           ["actor", "sanction", "statement", "relationship", "source"]
                           if kept.get(k)) or "nothing"
        tail = [f"skipped {_n(self.skipped_total, 'entry')}"]
        if self.merged:
            tail.append(f"merged {_n(self.merged, 'record')} into others")
        tail.append(f"changed {_n(self.changed_total, 'value')}")
        return (f"read {_n(self.read, 'entry')} from {_n(len(self.files), 'file')} -> "
                f"wrote {counts}; {', '.join(tail)}")

    def summary(self, limit: int | None = None) -> list[str]:
        """The report as readable lines (what ``kg import`` prints to stderr): the entries
        read (per file when there are several), those skipped, the records the others
        gave (actors by kind) and what an entry gives (:data:`ENTRY_GIVES`), records
        merged, values changed, notes and merges; every count in words (``1 file``, ``2
        files``, thousands separated) and the skipped and changed values in input order
        (:meth:`in_order`); with ``limit``, only the first ``limit`` of each, then how many
        more :meth:`to_dict` (``--report FILE``) holds."""
        per_file = self.read_by_file()
        files = (" (" + ", ".join(f"{os.path.basename(f)}: {n:,}" for f, n in per_file.items())
                 + ")") if len(per_file) > 1 else ""
        out = [f"import {self.kind}: read {_n(self.read, 'entry')} from "
               f"{_n(len(self.files), 'file')}{files}"]
        if self.skipped_total:
            out.append(f"  skipped {_n(self.skipped_total, 'entry')}, not "
                       "imported (file, line and reason):")
            out += self._listed(self.skipped, self.skipped_total, limit)
        else:
            out.append("  skipped 0 entries")
        rest = max(self.read - self.skipped_total, 0)
        other = "the other" if self.skipped_total else "the"
        out.append(f"  {other} {_n(rest, 'entry')} gave {self.made()}")
        gives = ENTRY_GIVES.get(self.kind)
        out.append(f"    ({gives + '; ' if gives else ''}{SHARED})")
        if self.merged:
            out.append(f"  merged {_n(self.merged, 'record')} into others (the same event "
                       "reported again, or a record of the data merged with)")
        if self.changed_total:
            out.append(f"  changed {_n(self.changed_total, 'value')} in the records "
                       "imported (file, line, record and field):")
            out += self._listed(self.changed, self.changed_total, limit)
        if self.notes:
            out.append("  notes:")
            out += [f"    {msg}: {n}" for msg, n in sorted(self.notes.items())]
        if self.merges:
            out.append("  merges:")
            out += [f"    {m}" for m in self.merges]
        return out

    def _listed(self, problems: list[Problem], total: int, limit: int | None) -> list[str]:
        kept = self.in_order(problems)
        shown = kept if limit is None else kept[:limit]
        out = [f"    {p}" for p in shown]
        if len(kept) > len(shown):
            out.append(f"    ... {total - len(shown)} more (kg import --report FILE writes "
                       "every one)")
        elif total > len(kept):
            out.append(f"    ... {total - len(kept)} more not listed")
        return out

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data (``kg import --report FILE``): the counts of
        :meth:`summary` (``read`` entries, ``read_per_file``: those of each of ``files``, in
        order; ``imported`` records by type,
        ``actor_kinds``, ``merged``, ``skipped_total``, ``changed_total``, ``written``),
        the one-line ``summary`` (:meth:`totals`), and the skipped (``file``, ``line``,
        ``record``, ``field``, ``reason``) and changed values in input order
        (:meth:`in_order`)."""
        per_file = self.read_by_file()
        return {
            "kind": self.kind, "files": list(self.files), "read": self.read,
            "read_per_file": [per_file.get(f, 0) for f in self.files],
            "imported": dict(self.imported), "actor_kinds": dict(self.actor_kinds),
            "merged": self.merged,
            "skipped_total": self.skipped_total,
            "skipped": [{"file": s.file, "line": s.line, "record": s.record,
                         "field": s.field, "reason": s.message}
                        for s in self.in_order(self.skipped)],
            "changed_total": self.changed_total,
            "changed": [{"file": c.file, "line": c.line, "record": c.record,
                         "field": c.field, "message": c.message}
                        for c in self.in_order(self.changed)],
            "notes": dict(self.notes),
            "merges": [m.to_dict() for m in self.merges],
            "written": dict(self.written or self.imported),
            "summary": self.totals(),
        }
