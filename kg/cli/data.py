"""``kg validate``, ``kg import``, ``kg merge`` and ``kg build``: the commands that check,
bring in, combine and save data."""

from __future__ import annotations

import gc
import json
import sys
import time
from collections.abc import Callable, Mapping
from typing import Any

import click

from kg.cli.app import cli, emit
from kg.cli.options import check_inputs, data_option, format_option, window_option
from kg.errors import DataError, UsageError
from kg.ingest import KINDS, import_into
from kg.model.records import RECORD_TYPES
from kg.output.table import plural
from kg.query.diff import ListingChange, diff_datasets
from kg.readwrite.atomic import atomic_open

# kg.graph.store, kg.merge and kg.readwrite are imported by the commands that use them, so
# that starting `kg` for one cold query does not import networkx and the loaders.


def _progress(label: str) -> Callable[[int, int], None] | None:
    """A progress callback drawing on stderr, or None when stderr is not a terminal."""
    if not sys.stderr.isatty():
        return None
    last = [-1]

    def show(done: int, total: int) -> None:
        pct = int(100 * done / total) if total else 100
        if pct != last[0]:
            last[0] = pct
            click.echo(f"\r{label}: {pct:3d}%", err=True, nl=pct >= 100)

    return show


def record_counts(counts: Mapping[str, int]) -> str:
    """Every record kind of ``counts`` (record type -> number) in the order of
    :data:`~kg.model.records.RECORD_TYPES`: sources, actors, sanctions and statements
    always (``0 statements``), relationships when there are any.

    >>> record_counts({"actor": 3, "sanction": 1, "source": 2})
    '2 sources, 3 actors, 1 sanction, 0 statements'
    """
    return ", ".join(plural(counts.get(kind, 0), kind) for kind in RECORD_TYPES
                     if kind != "relationship" or counts.get(kind))


#: How many skipped and how many changed values ``kg import`` lists on stderr; the rest are
#: counted there and every one is in ``--report FILE`` (a file of the wrong kind otherwise
#: printed a line for each of its thousands of lines).
TERMINAL_LIMIT = 20


def _finish_report(report: Any, output: str, report_path: str | None) -> None:
    """Print the import report to stderr, then what was written where (``wrote OUT: ...``,
    and the JSON report if asked); exit 1, saying why, when records were skipped or nothing
    could be imported."""
    for line in report.summary(limit=TERMINAL_LIMIT):
        click.echo(line, err=True)
    if not report.empty:
        click.echo(f"wrote {output}: {record_counts(report.written or report.imported)}",
                   err=True)
    if report_path:
        with atomic_open(report_path) as fh:
            json.dump(report.to_dict(), fh, ensure_ascii=False, indent=2)
            fh.write("\n")
        click.echo(f"wrote {report_path}: the import report as JSON", err=True)
    if not report.empty:
        # The whole import in one line, each count saying what it counts.
        listed = report.skipped_total + report.changed_total
        shown = (min(report.skipped_total, TERMINAL_LIMIT)
                 + min(report.changed_total, TERMINAL_LIMIT))
        where = ("" if not listed else " (listed above)" if listed <= shown else
                 f" (the first {TERMINAL_LIMIT} of each listed above; every one in "
                 f"{report_path or '--report FILE'})")
        click.echo(f"import {report.kind}: {report.totals()}{where}", err=True)
    if report.empty:
        raise DataError(f"nothing could be imported from "
                        f"{plural(report.read, 'entry', 'entries')}; "
                        f"{output} not written (is each file one that kg import "
                        f"{report.kind} reads? kg import --help lists them)")
    if not report.ok:
        of = (f"{report.skipped_total} of {plural(report.read, 'entry', 'entries')}"
              if report.skipped_total <= report.read
              else plural(report.skipped_total, "entry", "entries"))
        raise DataError(f"{of} skipped (each listed above with its file, line and reason); "
                        f"{output} holds the others; exit 1 because the input was not "
                        "read whole")


@cli.command()
@click.argument("paths", nargs=-1, required=True)
def validate(paths: tuple[str, ...]) -> None:
    """Check data files and folders; list every problem (exit 1) or say they are valid."""
    from kg.readwrite.load import load

    check_inputs(paths, data=True)
    ds = load(list(paths))
    click.echo(f"valid: {plural(len(ds.sources), 'source')}, "
               f"{plural(len(ds.actors), 'actor')}, {plural(len(ds.sanctions), 'sanction')}, "
               f"{plural(len(ds.statements), 'statement')}")


@cli.command("import")
@click.argument("kind", metavar="SOURCE_KIND", type=click.Choice(KINDS))
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", required=True, metavar="FILE",
              help="Output file (.jsonl, .json or .yaml).")
@click.option("--merge-with", "merge_with", multiple=True, metavar="PATH",
              help="Existing data (repeatable) to merge the import into; the output holds "
                   "both, with the same actors and events merged.")
@window_option(7, "duplicate events are merged (with --merge-with)")
@click.option("--report", "report_path", metavar="FILE",
              help="Also write the import report (counts, skipped records, merges) as JSON.")
def import_cmd(kind: str, paths: tuple[str, ...], output: str, merge_with: tuple[str, ...],
               window_days: int, report_path: str | None) -> None:
    """Import SOURCE_KIND files (ftm, ofac, un, gdelt, uk, eu, csl) into our records.

    The report goes to stderr: the entries read (rows, lines, list entries; per file),
    every entry skipped with its file, line and reason, the records the others gave
    (actors by kind, sanctions, statements, sources), records merged, every value changed,
    and last the whole import in one line ("read 13 entries from 3 files -> wrote 7
    actors, 5 sanctions, 1 source; skipped 3 entries, changed 3 values"). Exit 1 when
    entries were skipped; the output still holds everything that could be read.

    \b
    The files each SOURCE_KIND reads:
      ftm    OpenSanctions entities.ftm.json (FollowTheMoney), or targets.simple.csv
      ofac   OFAC sdn.csv with alt.csv and add.csv (legacy CSV), or sdn.xml
             (consolidated.xml, cons_*.csv: the non-SDN list)
      un     the UN Security Council's consolidated.xml
      gdelt  GDELT 1.0 / 2.0 event files (*.export.CSV)
      uk     OFSI's ConList.csv, or the FCDO's UK_Sanctions_List (.xml, .csv, .ods)
      eu     the EU's xmlFullSanctionsList_1_1.xml
      csl    the US Consolidated Screening List, consolidated.csv
    """
    check_inputs(paths, files=f"kg import {kind} reads files, not folders: give the "
                              "files in it")
    check_inputs(merge_with, option="--merge-with", data=True)
    report = import_into(kind, paths, output, merge_with=merge_with, window_days=window_days,
                         progress=_progress(f"import {kind}"))
    _finish_report(report, output, report_path)


@cli.command("merge")
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", required=True, metavar="FILE",
              help="Output file (.jsonl, .json or .yaml).")
@window_option(7, "duplicate events are merged")
@click.option("--judgements", "judgements_path", metavar="FILE",
              help="YAML or JSON list of {ids: [a, b], same: true|false}: people's decisions "
                   "that every merge respects (same: false keeps apart even on a shared "
                   "identifier; same: true merges).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True,
              help="text: the merge report on stderr; json: the report (counts, merges, "
                   "same-id records, possible duplicates, notes) as JSON on stdout.")
def merge_cmd(paths: tuple[str, ...], output: str, window_days: int,
              judgements_path: str | None, fmt: str) -> None:
    """Merge data files (imports, curated data): the same actors and events become one,
    keeping every alias, identifier and source. Earlier files keep their ids.

    Actors merge on a judgement, a shared strong identifier (UN reference, IMO, passport,
    national id, Wikidata ...) or the same name with evidence (date of birth; country for an
    organisation, whose name is compared without its legal form: "Rosneft Trading S.A." =
    "Rosneft Trading SA" = "Rosneft Trading", the report saying which names were taken as
    one), never across a conflict (dates of birth, nationalities, identifiers).
    Same-name actors left apart are listed as possible duplicates. Why each actor was
    merged is kept in the output (its "merged_from"; kg query merges -d OUT shows it).

    The report tells apart records only one input holds, records several inputs hold under
    the same id (identical: kept once; differing: combined, every source kept; not merges)
    and records merged as duplicates of records with other ids.
    """
    from kg.merge import merge_paths
    from kg.readwrite.judgements import load_judgements
    from kg.readwrite.write import write_dataset

    check_inputs(paths, data=True)
    if judgements_path:
        check_inputs([judgements_path], option="--judgements",
                     files="--judgements takes one YAML or JSON file")
    judgements = load_judgements(judgements_path) if judgements_path else []
    result = merge_paths(paths, window_days=window_days, judgements=judgements)
    ds = result.dataset
    write_dataset(ds, output)
    counts = result.counts()
    if fmt == "json":
        click.echo(json.dumps({
            "output": output, "counts": counts,
            "merges": [m.to_dict() for m in result.merges],
            "same_id": [s.to_dict() for s in result.same_id],
            "possible_duplicates": [d.to_dict() for d in result.possible_duplicates],
            "notes": result.notes}, ensure_ascii=False, indent=2))
    else:
        # Under each merge and same-id record, every single value that was dropped: the
        # one kept and the others, with the file (and record) each came from.
        for m in result.merges:
            click.echo(f"merged {m}", err=True)
            for c in m.conflicts:
                click.echo(f"  {c.text(paths)}", err=True)
        for s in result.same_id:
            if s.differed:  # identical copies are only counted
                held = ", ".join(paths[i - 1] for i in s.inputs)
                kept = f"; sources kept: {', '.join(s.sources)}" if s.sources else ""
                click.echo(f"same id: {s.kind} {s.id} in {held}: content differed "
                           f"({', '.join(s.differed)}), combined{kept}", err=True)
                for c in s.conflicts:
                    click.echo(f"  {c.text(paths)}", err=True)
        for d in result.possible_duplicates:
            # d.why names every id (once where it can): the ids are not listed again
            click.echo(f"possible duplicate, not merged: {d.name}: {d.why}", err=True)
        for note in result.notes:
            click.echo(f"note: {note}", err=True)
    click.echo(f"wrote {output}: "
               f"{record_counts({k: len(ds.section(k)) for k in RECORD_TYPES})}", err=True)
    for line in _merge_summary(counts, len(result.possible_duplicates)):
        click.echo(f"  {line}", err=True)


def _merge_summary(counts: dict[str, dict[str, int]], possible: int) -> list[str]:
    """The lines under ``wrote OUT``: per column of :meth:`kg.merge.MergeResult.counts`,
    the total and its record types (``3 (2 actors, 1 sanction)``)."""
    def total(col: str) -> str:
        parts = [plural(c[col], kind) for kind, c in counts.items() if c[col]]
        n = sum(c[col] for c in counts.values())
        return "0" if not n else parts[0] if len(parts) == 1 else f"{n} ({', '.join(parts)})"

    return [f"only in one input: {total('only_in_one_input')}",
            f"same id in several inputs (one record each, not a merge): "
            f"{total('same_id_identical')} identical, kept once; "
            f"{total('same_id_differed')} differing, combined with every source kept",
            f"merged as duplicates of records with other ids: "
            f"{total('merged_as_duplicates')}",
            f"possible duplicates left apart: {possible}"]


@cli.command("build")
@data_option
@click.option("-o", "--output", required=True, metavar="FILE.kgz",
              help="Where to save the built graph.")
def build_cmd(data: tuple[str, ...], output: str) -> None:
    """Load, validate and build the graph once, and save it as one file (.kgz: the graph,
    its query index and its name-search index) for fast reuse: kg query who-sanctioned,
    sanctioned-by, relations and timeline, and kg search, with -d graph.kgz, answer from
    the indexes without loading the graph; every other command loads the graph from the
    .kgz in seconds. -d takes data files and folders here, not a saved graph."""
    from kg._perf import paused_gc
    from kg.graph.store import build_saved, is_saved_graph
    from kg.readwrite.load import load

    if not is_saved_graph(output):
        raise UsageError(f"{output}: a saved graph's name must end in .kgz")
    if any(is_saved_graph(p) for p in data):
        raise UsageError("kg build reads data files, not a saved graph")
    start = time.perf_counter()
    with paused_gc():  # the graph is streamed to the file, never held whole
        path, nodes, edges = build_saved(load(list(data) or None), output)
        # What the build left (the name index's parts, caches: ~650,000 objects at 100,000
        # events) lives until the command ends: out of the collector's sight, as
        # load_graph does, or the first collection after the pause walks it all (~1 s).
        gc.freeze()
    click.echo(f"saved {plural(nodes, 'node')} and {plural(edges, 'edge')} with "
               f"their indexes to {path} ({path.stat().st_size / 1e6:.1f} MB) in "
               f"{time.perf_counter() - start:.1f}s", err=True)


@cli.command("diff")
@click.argument("old")
@click.argument("new")
@format_option
def diff_cmd(old: str, new: str, fmt: str) -> None:
    """Compare two datasets (two imports of a list, or any two data files or folders):
    listings added, removed and changed, with the fields that changed. A summary goes to
    stderr."""
    from kg.readwrite.load import load

    check_inputs([old, new], data=True)
    changes = diff_datasets(load([old]), load([new]))
    rows: list[Any] = list(changes)
    if fmt == "table":
        rows = [{"change": c.change, "target": c.target_name, "fields": ", ".join(c.fields),
                 "sanction": c.sanction} for c in changes]
    emit(rows, fmt, ["change", "target", "fields", "sanction"], kind=ListingChange)
    counts = {k: sum(c.change == k for c in changes) for k in ("added", "removed", "changed")}
    click.echo(", ".join(f"{n} {k}" for k, n in counts.items()), err=True)
