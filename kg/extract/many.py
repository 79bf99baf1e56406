"""Several articles at once: the files to read, each one's publication date, and one
extraction per article, ready to be merged into one draft (``kg extract`` merges them with
:func:`kg.merge.merge_datasets`, so an event reported by several articles becomes one event
citing every article).

>>> publication_date("2021-03-23-reuters-xinjiang.txt", None)
'2021-03-23'
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from kg.errors import UsageError
from kg.extract.actors import slug
from kg.extract.dates import parse_iso_date
from kg.extract.extract import Extraction, extract_file
from kg.model.records import Actor, Dataset
from kg.model.vocab import ActorKind

__all__ = ["ARTICLE_SUFFIXES", "article_paths", "extract_many", "publication_date"]

ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".md", ".text")
"""Files a folder is read for (other files in it are left alone)."""

_DATE_IN_NAME = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)")


def article_paths(paths: Sequence[str | os.PathLike[str]]) -> list[str]:
    """The article files ``paths`` name: a file as given, a folder as its files with an
    :data:`ARTICLE_SUFFIXES` suffix (sorted, not recursive), ``-`` (stdin) as is.

    Raises :class:`~kg.errors.UsageError` for no paths, a folder with no article, or ``-``
    among several paths (a missing file is reported when it is read)."""
    if not paths:
        raise UsageError("give the article files (or a folder of them) to read")
    out: list[str] = []
    for p in paths:
        name = str(p)
        if name == "-":
            if len(paths) > 1:
                raise UsageError("- (stdin) can only be read alone, not with other files")
            out.append(name)
        elif Path(name).is_dir():
            found = sorted(str(f) for f in Path(name).iterdir()
                           if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES)
            if not found:
                raise UsageError(f"{name}: no article files in this folder (looked for "
                                 f"{', '.join(ARTICLE_SUFFIXES)})")
            out += found
        else:
            out.append(name)  # reading it says what is wrong with it
    return list(dict.fromkeys(out))


def publication_date(path: str, default: str | None) -> str:
    """An article's publication date: a ``YYYY-MM-DD`` in its file name, else ``default``
    (``--date``). Raises :class:`~kg.errors.UsageError` when there is neither, or when
    ``default`` is given and is not a real ``YYYY-MM-DD`` (even if the name gives a date)."""
    if default is not None:
        try:
            parse_iso_date(default)
        except ValueError as exc:
            raise UsageError(f"--date: {exc}") from None
    m = _DATE_IN_NAME.search(Path(path).name)
    if m:
        return m.group(1)
    if default is None:
        raise UsageError(f"{path}: no publication date: give --date YYYY-MM-DD or put the "
                         "date in the file name (2021-03-23-article.txt)")
    return default


def extract_many(paths: Sequence[str | os.PathLike[str]], *, date: str | None,
                 known: Dataset | Iterable[Actor] | None = None) -> list[Extraction]:
    """:func:`~kg.extract.extract_file` on every article ``paths`` name
    (:func:`article_paths`), each with its own date (:func:`publication_date`) and its own
    source id (the file name; ``-2``, ``-3`` added when two files share a name).

    Drafted groups that share an id across articles but differ (another count or
    description) are renamed in the later article, so merging the extractions never folds
    two different groups into one; a person or organisation with the same name is the same
    actor in every article.
    """
    files = article_paths(paths)
    known = list(known.actors) if isinstance(known, Dataset) else known
    out: list[Extraction] = []
    used: set[str] = set()
    groups: dict[str, Actor] = {}
    for f in files:
        sid = None
        if f != "-":
            stem = slug(Path(f).stem)
            sid, n = stem, 2
            while sid in used:
                sid, n = f"{stem}-{n}", n + 1
            used.add(sid)
        r = extract_file(f, date=publication_date(f, date), known=known, source_id=sid)
        out.append(_distinct_groups(r, groups))
    return out


def _distinct_groups(r: Extraction, seen: dict[str, Actor]) -> Extraction:
    ds = r.dataset
    rename: dict[str, str] = {}
    for a in ds.actors:
        if a.kind is not ActorKind.GROUP or not a.draft:
            continue
        other = seen.get(a.id)
        if other is not None and (other.count, other.country) != (a.count, a.country):
            n = 2
            while f"{a.id}-{n}" in seen or any(x.id == f"{a.id}-{n}" for x in ds.actors):
                n += 1
            rename[a.id] = f"{a.id}-{n}"
        seen.setdefault(rename.get(a.id, a.id), a)
    if not rename:
        return r

    def re_(ids: list[str]) -> list[str]:
        return [rename.get(i, i) for i in ids]

    ds = ds.model_copy(update={
        "actors": [a.model_copy(update={"id": rename.get(a.id, a.id)}) for a in ds.actors],
        "sanctions": [s.model_copy(update={"targets": re_(s.targets),
                                           "imposers": re_(s.imposers)})
                      for s in ds.sanctions],
        "statements": [s.model_copy(update={"speakers": re_(s.speakers),
                                            "about_actors": re_(s.about_actors)})
                       for s in ds.statements]})
    return Extraction(ds, r.text, r.explain, r.skipped)
