"""``kg`` commands that make data: ``import``, ``merge``, ``query merges``, ``extract`` and
``build``. They register on the groups of :mod:`kg.cli.app`, which imports this module."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import Any

import click

from kg.cli.app import cli, data_option, emit, format_option, load_graph, query
from kg.errors import UNKNOWN_REF, Problem, UsageError, ValidationFailed

# --- import, merge and FtM (issue 5: real data in) --------------------------------------


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


def _finish_report(report: Any, report_path: str | None) -> None:
    """Print the import report to stderr, write it as JSON if asked; exit 1 on skips."""
    import json

    from kg.errors import DataError
    from kg.readwrite.write import atomic_open

    for line in report.summary():
        click.echo(line, err=True)
    if report_path:
        with atomic_open(report_path) as fh:
            json.dump(report.to_dict(), fh, ensure_ascii=False, indent=2)
            fh.write("\n")
    if report.empty:
        raise DataError("nothing could be imported; no output written")
    if not report.ok:
        raise DataError(f"{report.skipped_total} input record(s) skipped (listed above); "
                        "the output holds everything else")


@cli.command("import")
@click.argument("kind", metavar="SOURCE_KIND", type=click.Choice(["ftm", "ofac", "un", "gdelt"]))
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", required=True, help="Output file (.jsonl, .json or .yaml).")
@click.option("--merge-with", "merge_with", multiple=True, metavar="PATH",
              help="Existing data (repeatable) to merge the import into; the output holds "
                   "both, with the same actors and events merged.")
@click.option("--window", "window_days", type=click.IntRange(0), default=7, show_default=True,
              help="Days within which duplicate events are merged (with --merge-with).")
@click.option("--report", "report_path", metavar="FILE",
              help="Also write the import report (counts, skipped records, merges) as JSON.")
def import_cmd(kind: str, paths: tuple[str, ...], output: str, merge_with: tuple[str, ...],
               window_days: int, report_path: str | None) -> None:
    """Import SOURCE_KIND files (ftm, ofac, un, gdelt) into our records.

    The report (records read, imported, merged, and every record skipped with its file,
    line and reason) goes to stderr. Exit 1 when records were skipped; the output still
    holds everything that could be read.
    """
    from kg.ingest import import_dataset, write_import

    progress = _progress(f"import {kind}")
    if not merge_with and output.endswith(".jsonl"):
        report = write_import(kind, paths, output, progress=progress)
    else:
        from kg.merge import merge_datasets
        from kg.readwrite.load import ensure_valid, load
        from kg.readwrite.write import write_dataset

        existing = [load(list(merge_with))] if merge_with else []
        ds, report = import_dataset(kind, paths, progress=progress)
        if not report.empty:
            ds, merges = merge_datasets([*existing, ds], window_days=window_days)
            report.merges = merges
            report.merged += sum(len(m.merged) for m in merges if m.rule != "same id")
            write_dataset(ensure_valid(ds), output)
    _finish_report(report, report_path)
    click.echo(f"wrote {output}", err=True)


def _load_each(paths: Sequence[str]) -> list[Any]:
    from kg.readwrite.load import load

    if not paths:
        raise UsageError("give the data files to merge")
    out = []
    for p in paths:
        try:
            out.append(load(p))
        except ValidationFailed as exc:
            if any(pr.kind == UNKNOWN_REF for pr in exc.problems):
                # Files that refer to each other belong in one folder, loaded as one.
                exc.problems.append(Problem(
                    "each PATH is merged as one dataset: put files that refer to each other "
                    "in one folder and pass the folder", file=p))
            raise
    return out


@cli.command("merge")
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", required=True, help="Output file (.jsonl, .json or .yaml).")
@click.option("--window", "window_days", type=click.IntRange(0), default=7, show_default=True,
              help="Days within which duplicate events are merged.")
def merge_cmd(paths: tuple[str, ...], output: str, window_days: int) -> None:
    """Merge data files (imports, curated data): the same actors and events become one,
    keeping every alias, identifier and source. Earlier files keep their ids."""
    from kg.merge import merge_datasets
    from kg.readwrite.load import ensure_valid
    from kg.readwrite.write import write_dataset

    ds, merges = merge_datasets(_load_each(paths), window_days=window_days)
    write_dataset(ensure_valid(ds), output)
    for m in merges:
        click.echo(f"merged {m}", err=True)
    click.echo(f"wrote {output}: {len(ds.actors)} actors, {len(ds.sanctions)} sanctions, "
               f"{len(merges)} merges", err=True)


@query.command("merges")
@click.option("--window", "window_days", type=click.IntRange(0), default=7, show_default=True)
@data_option
@format_option
def q_merges(data: tuple[str, ...], fmt: str, window_days: int) -> None:
    """The merges that combining the -d files would make (each file loaded on its own)."""
    from kg.merge import merge_datasets

    _, merges = merge_datasets(_load_each(data), window_days=window_days)
    emit(merges, fmt, ["kind", "into", "merged", "rule"])


# --- end of issue 5 block ----------------------------------------------------------------


# --- kg extract (issue 6: news text -> draft dataset) ----------------------------------------


@cli.command("extract")
@click.argument("file", metavar="FILE")
@click.option("--date", "date", required=True, metavar="YYYY-MM-DD",
              help="Publication date; \"on Monday\", \"last week\" are resolved against it.")
@click.option("--url", help="Where the article was published (also its source id).")
@click.option("--title", help="Title of the article (default: the HTML <title>).")
@click.option("-o", "--output", required=True, help="Output file: .yaml, .json or .jsonl.")
@click.option("--explain", is_flag=True,
              help="Print, for every record, the words that produced each field.")
@click.option("-d", "--data", "data", multiple=True, metavar="PATH",
              help="Known actors to reuse by name (data files); default: none, new actors "
                   "are drafted.")
def extract_cmd(file: str, date: str, url: str | None, title: str | None, output: str,
                explain: bool, data: tuple[str, ...]) -> None:
    """Draft sanctions and statements from a news article (FILE: text or HTML; - = stdin)."""
    from kg.extract import extract_file, format_explain
    from kg.readwrite.load import load
    from kg.readwrite.write import write_dataset

    if not output.lower().endswith((".yaml", ".yml", ".json", ".jsonl")):
        raise UsageError(f"{output}: unknown output format (use .yaml, .json or .jsonl)")
    known = load(list(data)) if data else None
    result = extract_file(file, date=date, url=url, title=title, known=known)
    write_dataset(result.dataset, output)
    if explain:
        click.echo(format_explain(result), nl=False)
    ds = result.dataset
    drafts = sum(1 for a in ds.actors if a.draft)
    click.echo(f"wrote {output}: {len(ds.sanctions)} sanctions, {len(ds.statements)} "
               f"statements, {len(ds.actors)} actors ({drafts} drafts to review)", err=True)


# --- end kg extract ----------------------------------------------------------------------------


# --- scale: saved graphs (issue 7) ------------------------------------------------------


@cli.command("build")
@data_option
@click.option("-o", "--output", required=True, metavar="FILE.kgz",
              help="Where to save the built graph.")
def build_cmd(data: tuple[str, ...], output: str) -> None:
    """Load, validate and build the graph once, and save it (.kgz) for fast reuse:
    `kg query ... -d graph.kgz` and `kg export ... -d graph.kgz` read it in seconds."""
    import time

    from kg.graph.store import write_graph

    if not output.endswith(".kgz"):
        raise UsageError(f"{output}: a saved graph's name must end in .kgz")
    if any(p.endswith(".kgz") for p in data):
        raise UsageError("kg build reads data files, not a saved graph")
    start = time.perf_counter()
    G = load_graph(data)
    path = write_graph(G, output)
    click.echo(f"saved {G.number_of_nodes()} nodes and {G.number_of_edges()} edges to {path} "
               f"({path.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - start:.1f}s",
               err=True)


# --- end of scale block ----------------------------------------------------------------
