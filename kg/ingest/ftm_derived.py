"""Listings derived from an OpenSanctions dataset's publisher, for entities the export marks
as sanctioned (topic ``sanction``, or a row of ``targets.simple.csv`` with sanctions) but
for which it holds no ``Sanction`` record from that dataset.

The table (kg/curated/opensanctions_datasets.yaml, built from OpenSanctions' published
dataset metadata) says which polity and issuing body a dataset stands for: ``us_ofac_sdn``
is ``us`` and OFAC, ``eu_fsf`` ``eu`` and the Council, ``un_sc_sanctions`` ``unsc``... Each
derived listing is a sanction ``<actor>-listed-<dataset>`` imposed by that polity, issued by
that body, citing the dataset, its ``program`` saying it was derived from the dataset (and
holding the export's own sanction text when it gives one); no date, measure or reason is
guessed. Topic ``sanction.linked`` (linked to a sanctioned entity, not listed itself) and
datasets not in the table give no listing; the import report counts both.

>>> DATASETS["us_ofac_sdn"].polity, DATASETS["us_ofac_sdn"].authority
('us', 'us-ofac')
>>> dataset_named("UK FCDO Sanctions List")
'gb_fcdo_sanctions'
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from kg.curated import load_table
from kg.ingest import sure_lines
from kg.ingest.bodies import body
from kg.ingest.common import ImportReport, Record, Seen, citation, shorten_id, text_slug
from kg.ingest.rows import sanction_line
from kg.ingest.sure_lines import cited, made_sanction
from kg.model.records import Sanction, Source

__all__ = ["DATASETS", "Derived", "PublishedDataset", "dataset_named", "dataset_source"]


@dataclass(frozen=True)
class PublishedDataset:
    """One OpenSanctions dataset whose listings kg can attribute."""

    name: str
    """Its name (``us_ofac_sdn``)."""
    polity: str
    """The state or bloc id whose listings it holds."""
    authority: str | None
    """The issuing body's actor id (kg/curated/issuing_bodies.yaml), or None."""
    publisher: str
    """Who publishes it, as OpenSanctions' metadata names them."""
    titles: tuple[str, ...]
    """Its titles (``targets.simple.csv`` names datasets by title)."""


#: Dataset name -> what it stands for; kg/curated/opensanctions_datasets.yaml.
DATASETS: dict[str, PublishedDataset] = {
    k: PublishedDataset(name=k, polity=str(v["polity"]), authority=v.get("authority"),
                        publisher=str(v["publisher"]), titles=tuple(v["titles"]))
    for k, v in load_table("opensanctions_datasets").items()}

_BY_TITLE = {t.casefold(): d.name for d in DATASETS.values() for t in d.titles}


def dataset_named(text: str) -> str | None:
    """The dataset name for a name or a title (``UK FCDO Sanctions List``), or None when
    the table does not know it."""
    text = text.strip()
    return text if text in DATASETS else _BY_TITLE.get(text.casefold())


def dataset_source(name: str) -> Source:
    """The source record for an FtM dataset (the one :mod:`kg.ingest.ftm` cites)."""
    return Source(id=f"ftm-dataset-{text_slug(name, 100)}", title=name.strip())


def _listing_id(actor_id: str, dataset: str) -> str:
    """``<actor id>-listed-<dataset>``; past 200 characters (an id's limit), cut with a hash
    of the whole, as :func:`~kg.ingest.common.slug_id` cuts."""
    return shorten_id(f"{actor_id}-listed-{text_slug(dataset)}")


@dataclass
class _Listed:
    actor_id: str
    datasets: list[str]
    program: str | None


@dataclass
class Derived:
    """What an FtM import learns while it streams: the entities marked sanctioned in some
    datasets, and the (entity, dataset) pairs that have a Sanction record. :meth:`records`
    writes the listings that are missing once every file has been read."""

    listed: dict[str, _Listed] = field(default_factory=dict)
    sanctioned: set[tuple[str, str]] = field(default_factory=set)

    def mark(self, entity_id: str, actor_id: str, datasets: list[str], report: ImportReport,
             program: str | None = None) -> None:
        """Note that ``entity_id`` (written as ``actor_id``) is sanctioned in ``datasets``
        (names or titles); ``program`` is the export's own sanction text, if any."""
        known: list[str] = []
        for ds in datasets:
            name = dataset_named(ds)
            if name is None:
                report.note(f"sanctioned entities in datasets kg/curated/"
                            f"opensanctions_datasets.yaml does not know, so no listing was "
                            f"derived ({ds})")
            elif name not in known:
                known.append(name)
        if known:
            self.listed[entity_id] = _Listed(actor_id, known, program)

    def has_sanction(self, entity_id: str, datasets: list[str]) -> None:
        """Note that a Sanction record from ``datasets`` targets ``entity_id``."""
        for ds in datasets:
            name = dataset_named(ds)
            if name is not None:
                self.sanctioned.add((entity_id, name))

    def records(self, seen: Seen, report: ImportReport, *,
                lines: bool = False) -> Iterator[Record]:
        """The derived listings (with their polity, body and dataset source records), for
        every marked entity and known dataset with no Sanction record of its own;
        ``lines=True`` (for :func:`kg.ingest.write_import` alone) hands out each listing
        as its written line (:func:`kg.ingest.sure_lines.sanction_out`)."""
        # name -> (source, polity, issuing body id, program words), made at its first use
        made: dict[str, tuple[str, str, str | None, str]] = {}
        for eid, item in self.listed.items():
            for name in item.datasets:
                if (eid, name) in self.sanctioned:
                    continue
                got = made.get(name)
                if got is None:
                    ds = DATASETS[name]
                    src = dataset_source(name)
                    yield from seen.source(src)
                    yield from seen.state(ds.polity)
                    issuer = body(ds.authority) if ds.authority else None
                    if issuer is not None and seen.first(issuer):
                        yield issuer
                    words = f"derived from the OpenSanctions dataset {name}, published by " \
                            f"{ds.publisher}"
                    got = made[name] = (src.id, ds.polity, issuer.id if issuer else None,
                                        words)
                src_id, polity, issuer_id, words = got
                report.note("listings derived from a dataset's publisher (sanctioned in the "
                            "dataset, no Sanction record from it)")
                fields: dict[str, Any] = dict(
                    id=_listing_id(item.actor_id, name), imposers=[polity],
                    authorities=[issuer_id] if issuer_id else [], targets=[item.actor_id],
                    program=f"{item.program} ({words})" if item.program else words,
                    sources=[citation(src_id)])
                # What the model would refuse raises below, as it always did.
                listing = lines and sure_lines.FAST and made_sanction(fields) and \
                    sanction_line(fields, cited((src_id,)))
                if listing:
                    yield listing  # type: ignore[misc]  # a Line only for write_import
                    continue
                yield Sanction(**fields)
