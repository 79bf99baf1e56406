"""``kg extract``: a news article -> a draft dataset to review."""

from __future__ import annotations

import click

from kg.cli.app import cli
from kg.errors import UsageError
from kg.output.table import plural


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
    click.echo(f"wrote {output}: {plural(len(ds.sanctions), 'sanction')}, "
               f"{plural(len(ds.statements), 'statement')}, {plural(len(ds.actors), 'actor')} "
               f"({plural(drafts, 'draft')} to review)", err=True)
