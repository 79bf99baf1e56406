"""What changed between two versions of a list (or any two datasets): listings added,
removed and changed, with the fields that changed.

A listing is a sanction record, matched across the two datasets by its id (importers make
ids from the list's own ids: ``ofac-<ent_num>-sdn``, ``uk-<group id>-listing``). A
listing is ``changed`` when one of its own fields differs (:data:`SANCTION_FIELDS`) or one
of its targets' (:data:`TARGET_FIELDS`, named ``target.<field>``, or ``<target id>.<field>``
when it has several targets). Sources and citations are not compared: the file a version
was read from is not a change to the list.

>>> from kg.model.records import Dataset
>>> old = Dataset.model_validate({"actors": [{"id": "a", "name": "A", "kind": "person"}],
...     "sanctions": [{"id": "s", "imposers": ["us"], "targets": ["a"], "program": "X",
...                    "sources": [{"source": "f"}]}]})
>>> new = old.model_copy(update={"sanctions": [old.sanctions[0].model_copy(
...     update={"program": "Y"})]})
>>> [(c.change, c.sanction, c.fields) for c in diff_datasets(old, new)]
[('changed', 's', ('program',))]
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from kg.model.records import Actor, Dataset, Sanction

__all__ = ["SANCTION_FIELDS", "TARGET_FIELDS", "ListingChange", "diff_datasets"]

#: The sanction fields compared.
SANCTION_FIELDS = ("imposers", "targets", "status", "measures", "reasons", "date",
                   "effective_date", "end_date", "program", "legal_basis")
#: The target actor fields compared.
TARGET_FIELDS = ("name", "kind", "country", "aliases", "weak_aliases", "identifiers",
                 "position", "description", "part_of", "wikidata_id")


@dataclass(frozen=True, slots=True)
class ListingChange:
    """One listing added, removed or changed between the old and the new dataset."""

    change: str
    """``added``, ``removed`` or ``changed``."""
    sanction: str
    """The sanction (listing) id."""
    target: str
    """Its target ids, ``;``-separated."""
    target_name: str
    """Its targets' names (from the new dataset, or the old one for a removal)."""
    imposers: tuple[str, ...]
    """Its imposers."""
    fields: tuple[str, ...] = ()
    """For ``changed``: the fields that changed, in a fixed order."""
    old: tuple[str, ...] = ()
    """For ``changed``: each changed field's old value, as JSON text."""
    new: tuple[str, ...] = ()
    """For ``changed``: each changed field's new value, as JSON text."""


def _value(rec: Sanction | Actor, name: str) -> Any:
    return rec.model_dump(mode="json", include={name}).get(name)


def _text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _changes(old: Sanction, new: Sanction, old_actors: dict[str, Actor],
             new_actors: dict[str, Actor]) -> list[tuple[str, Any, Any]]:
    out = [(f, _value(old, f), _value(new, f)) for f in SANCTION_FIELDS
           if _value(old, f) != _value(new, f)]
    shared = [t for t in new.targets if t in old.targets]
    for t in shared:
        a, b = old_actors.get(t), new_actors.get(t)
        if a is None or b is None:
            continue
        prefix = "target" if len(shared) == 1 else t
        out += [(f"{prefix}.{f}", _value(a, f), _value(b, f)) for f in TARGET_FIELDS
                if _value(a, f) != _value(b, f)]
    return out


def diff_datasets(old: Dataset, new: Dataset) -> list[ListingChange]:
    """The listings of ``new`` that are not in ``old`` (``added``), those of ``old`` not in
    ``new`` (``removed``) and those in both whose fields differ (``changed``), sorted by
    change, then target name, then id. Records other than sanctions and their targets are
    not compared."""
    old_s = {s.id: s for s in old.sanctions}
    new_s = {s.id: s for s in new.sanctions}
    old_a = {a.id: a for a in old.actors}
    new_a = {a.id: a for a in new.actors}

    def names(s: Sanction, actors: dict[str, Actor]) -> str:
        return "; ".join(actors[t].name if t in actors else t for t in s.targets)

    out: list[ListingChange] = []
    for sid, s in new_s.items():
        if sid not in old_s:
            out.append(ListingChange("added", sid, "; ".join(s.targets), names(s, new_a),
                                     tuple(s.imposers)))
    for sid, s in old_s.items():
        if sid not in new_s:
            out.append(ListingChange("removed", sid, "; ".join(s.targets), names(s, old_a),
                                     tuple(s.imposers)))
            continue
        changes = _changes(s, new_s[sid], old_a, new_a)
        if changes:
            n = new_s[sid]
            out.append(ListingChange(
                "changed", sid, "; ".join(n.targets), names(n, new_a), tuple(n.imposers),
                fields=tuple(c[0] for c in changes), old=tuple(_text(c[1]) for c in changes),
                new=tuple(_text(c[2]) for c in changes)))
    order = {"added": 0, "removed": 1, "changed": 2}
    out.sort(key=lambda c: (order[c.change], c.target_name.lower(), c.sanction))
    return out
