"""``kg extract``: news articles -> one draft dataset to review."""

from __future__ import annotations

import sys

import click

from kg.cli.app import cli
from kg.cli.options import check_inputs
from kg.errors import UsageError
from kg.output.table import plural


@cli.command("extract")
@click.argument("files", metavar="FILE...", nargs=-1, required=True)
@click.option("--date", "date", metavar="YYYY-MM-DD",
              help="Publication date; \"on Monday\", \"last week\" are resolved against it. "
                   "A YYYY-MM-DD in a file's name is that article's date instead; needed "
                   "for any file without one.")
@click.option("--url", help="Where the article was published (also its source id; one "
                            "article only).")
@click.option("--title", help="Title of the article (default: the HTML <title>; one "
                              "article only).")
@click.option("-o", "--output", required=True, metavar="FILE",
              help="Output file: .yaml, .json or .jsonl; - writes YAML to standard output.")
@click.option("--explain", is_flag=True,
              help="Print, for every record, the words that produced each field (to standard "
                   "error with -o -).")
@click.option("-d", "--data", "data", multiple=True, metavar="PATH",
              help="Known actors to reuse by name (data files); default: none, new actors "
                   "are drafted.")
def extract_cmd(files: tuple[str, ...], date: str | None, url: str | None, title: str | None,
                output: str, explain: bool, data: tuple[str, ...]) -> None:
    """Draft sanctions and statements from news articles (FILE: text or HTML, a folder of
    them, or - for stdin). Several articles give one draft: an event that several report
    is one event citing every article."""
    import yaml

    from kg.extract import article_paths, extract_many, format_explain
    from kg.merge import merge_datasets
    from kg.model.refs import ensure_valid
    from kg.readwrite.load import load
    from kg.readwrite.write import dump_readable, write_dataset

    if output != "-" and not output.lower().endswith((".yaml", ".yml", ".json", ".jsonl")):
        raise UsageError(f"{output}: unknown output format (use .yaml, .json or .jsonl, or - "
                         "for YAML on standard output)")
    check_inputs(files, stdin=True)
    check_inputs(data, option="-d", data=True)
    paths = article_paths(files)
    if len(paths) > 1 and (url or title):
        raise UsageError("--url and --title describe one article; give them with one FILE")
    known = load(list(data)) if data else None
    if len(paths) == 1:
        from kg.extract import extract_file, publication_date

        results = [extract_file(paths[0], date=publication_date(paths[0], date), url=url,
                                title=title, known=known)]
    else:
        results = extract_many(paths, date=date, known=known)
    if len(results) == 1:
        ds, merged = results[0].dataset, 0
    else:
        ds, merges = merge_datasets([r.dataset for r in results])
        ds = ensure_valid(ds)
        merged = sum(len(m.merged) for m in merges if m.rule == "same event"
                     and m.kind == "sanction")
        # A value an event's later reports gave otherwise (another date) is not kept: say
        # which was, and from which article (each one's source id).
        articles = [r.dataset.sources[0].id if r.dataset.sources else f"article {i}"
                    for i, r in enumerate(results, start=1)]
        for m in merges:
            for c in m.conflicts:
                click.echo(f"note: {m.kind} {m.into} (one event in several articles): "
                           f"{c.text(articles)}", err=True)
    if output == "-":
        sys.stdout.write(yaml.safe_dump(dump_readable(ds), allow_unicode=True,
                                        sort_keys=False, width=100))
    else:
        write_dataset(ds, output)
    if explain:
        for r in results:
            click.echo(format_explain(r), nl=False, err=output == "-")
    drafts = sum(1 for a in ds.actors if a.draft)
    where = "standard output" if output == "-" else output
    several = (f" from {len(results)} articles; {plural(merged, 'more report')} of an event "
               "folded into it") if len(results) > 1 else ""
    click.echo(f"wrote {where}: {plural(len(ds.sanctions), 'sanction')}, "
               f"{plural(len(ds.statements), 'statement')}, {plural(len(ds.actors), 'actor')} "
               f"({plural(drafts, 'draft')} to review){several}", err=True)
