"""The import report: what an import read, made, merged, skipped and changed, each
skipped or changed value with its file, line, record and field (:class:`ImportReport`).
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from kg._listing import plural
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


@dataclass
class ImportReport:
    """Counts of an import and every record skipped, with its place and reason.

    ``read`` counts input records (lines, rows, XML entries); ``imported`` counts output
    records by type; ``merged`` counts records folded into another one; ``notes`` counts
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
        """Count an output record."""
        self.imported[record_type(record)] += 1

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

    def summary(self, limit: int | None = None) -> list[str]:
        """The report as readable lines (what ``kg import`` prints to stderr), every count
        in words (``1 file``, ``2 files``: :func:`kg._listing.plural`) and the skipped and
        changed values in input order (:meth:`in_order`); with ``limit``, only the first
        ``limit`` of each, then how many more :meth:`to_dict` (``--report FILE``) holds."""
        out = [f"import {self.kind}: {plural(len(self.files), 'file')}, "
               f"{plural(self.read, 'record')} read"]
        made = ", ".join(plural(n, k) for k, n in sorted(self.imported.items())) or "nothing"
        out.append(f"  imported: {made}")
        out.append(f"  merged: {self.merged}")
        out.append(f"  skipped: {self.skipped_total}")
        out += self._listed(self.skipped, self.skipped_total, limit)
        if self.changed_total:
            out.append(f"  changed: {self.changed_total}")
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
        """The report as JSON-ready data (``kg import --report FILE``): the skipped
        (``file``, ``line``, ``record``, ``field``, ``reason``) and changed values in
        input order (:meth:`in_order`)."""
        return {
            "kind": self.kind, "files": self.files, "read": self.read,
            "imported": dict(self.imported), "merged": self.merged,
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
        }
