"""The citations of an FtM entity: its ``datasets`` and ``sourceUrl`` as source records and
citations (:class:`Cites`, read by :mod:`kg.ingest.ftm`).

Every entity of an export cites a few datasets, and many cite the same page: each distinct
list of datasets and each URL is read once an import, and the records that cite them share
the :class:`~kg.model.records.Citation` (records are never changed in place;
:mod:`kg.merge` copies).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kg.ingest.common import Seen, url_source
from kg.ingest.ftm_derived import dataset_source
from kg.ingest.ftm_links import values
from kg.ingest.rows import cites_json
from kg.model.records import Citation, Source

__all__ = ["CACHE", "Cites"]

#: How many lists of datasets and source URLs an import remembers at most (then it forgets
#: them all: memory stays flat however many distinct URLs a file holds).
CACHE = 50_000


@dataclass
class Cites:
    """What one import has read of the entities' datasets and source URLs."""

    datasets: dict[tuple[str, ...], list[Citation]] = field(default_factory=dict)
    """Citations of each list of datasets met (read once; never changed)."""
    urls: dict[str, tuple[Source | None, Citation | None]] = field(default_factory=dict)
    """The source record and citation of each source URL met lately."""
    files: dict[str, Citation] = field(default_factory=dict)
    """The citation of each input file's source record."""
    once: dict[tuple[str, ...], list[Citation]] = field(default_factory=dict)
    """For each list of datasets citing two sources or more: its citations, each source
    once (shared by the records that cite them; never changed)."""
    written: dict[int, tuple[list[Citation], Any]] = field(default_factory=dict)
    """Each shared list of citations met lately, by its ``id()``, with the list (kept, so no
    other list takes its ``id()``) and its :func:`~kg.ingest.rows.cites_json` (None until
    a line first writes it)."""
    plain: dict[tuple[Any, ...], Any] = field(default_factory=dict)
    """:meth:`written_of` for an entity with no source URL, by file and datasets."""

    def of(self, entity: dict[str, Any], src: Source,
           seen: Seen) -> tuple[list[Source], list[Citation]]:
        """New source records (those ``seen`` has not had yet) and the citations of
        ``entity``: its datasets and source URLs, each once, or else the file ``src``."""
        new: list[Source] = []
        datasets = entity.get("datasets")
        key = tuple(datasets) if type(datasets) is list else ()
        try:
            cites = self.datasets.get(key)
        except TypeError:  # a list or mapping among the datasets: kept out of the key
            key = tuple(d for d in key if isinstance(d, str))
            cites = self.datasets.get(key)
        if cites is None:
            cites = []
            for name in key:
                if isinstance(name, str) and name.strip():
                    ds_src = dataset_source(name)
                    if seen.first(ds_src):
                        new.append(ds_src)
                    cites.append(Citation(source=ds_src.id))
            if len(self.datasets) >= CACHE:
                self.datasets.clear()
            self.datasets[key] = cites
            self._share(cites)
        urls = values(entity, "sourceUrl")
        if not urls and len(cites) > 1:  # each source once, read once per list of datasets
            once = self.once.get(key)
            if once is None:
                if len(self.once) >= CACHE:
                    self.once.clear()
                once = self.once[key] = list({c.source: c for c in cites}.values())
                self._share(once)
            return new, once
        if urls:
            cites = cites + [c for c in (self._url(url, seen, new) for url in urls) if c]
        if not cites:
            return new, [self._file(src)]
        if len(cites) == 1:
            return new, cites
        return new, list({c.source: c for c in cites}.values())

    def written_of(self, entity: dict[str, Any], src: Source, seen: Seen,
                   clean: dict[str, list[str]]) -> tuple[list[Source], Any]:
        """(new source records, what a line writes for the citations :meth:`of` gives),
        remembered for an entity with no source URL, by its datasets and the file: an
        entity citing what one before it cited has no new source record. ``clean``: the
        entity's cleaned values (:attr:`~kg.ingest.ftm_links.Entity.clean`)."""
        datasets = entity.get("datasets")
        key = None
        if type(datasets) is list and "sourceUrl" not in clean:
            key = (src.id, *datasets)
            try:
                hit = self.plain.get(key)
            except TypeError:  # a list or mapping among the datasets
                key = hit = None
            if hit is not None:
                return [], hit
        new, cites = self.of(entity, src, seen)
        out = self.json(cites)
        if key is not None:
            if len(self.plain) >= CACHE:
                self.plain.clear()
            self.plain[key] = out
        return new, out

    def json(self, cites: list[Citation]) -> Any:
        """What a line writes for ``cites`` (a list :meth:`of` returned): for a list that
        many entities share (the citations of a list of datasets),
        :func:`~kg.ingest.rows.cites_json` of it, written the first time only; else
        ``cites`` itself (written with the line)."""
        hit = self.written.get(id(cites))
        if hit is None or hit[0] is not cites:
            return cites
        if hit[1] is None:
            hit = self.written[id(cites)] = (cites, cites_json(cites))
        return hit[1]

    def _share(self, cites: list[Citation]) -> None:
        """Mark ``cites`` as shared (see :meth:`json`)."""
        if len(self.written) >= 2 * CACHE:
            self.written.clear()
        self.written[id(cites)] = (cites, None)

    def _url(self, url: str, seen: Seen, new: list[Source]) -> Citation | None:
        hit = self.urls.get(url)
        if hit is None:
            u = url_source(url)
            hit = (u, Citation(source=u.id) if u is not None else None)
            if len(self.urls) >= CACHE:
                self.urls.clear()
            self.urls[url] = hit
        if hit[0] is not None and seen.first(hit[0]):
            new.append(hit[0])
        return hit[1]

    def _file(self, src: Source) -> Citation:
        cite = self.files.get(src.id)
        if cite is None:
            cite = self.files[src.id] = Citation(source=src.id)
        return cite
