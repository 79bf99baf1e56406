"""The issuing authorities kg keeps as government bodies (kg/curated/issuing_bodies.yaml):
OFAC, BIS, DDTC, OFSI, FCDO, the Council of the EU, DG FISMA, SECO...

Every importer that knows its list's authority writes the same actor for it with
:func:`body`, so one authority is one node whatever list names it; the sanction names it
in ``authorities`` and the body is ``part_of`` the polity that imposes.

>>> body("us-ofac").part_of, body_for_authority("US Treasury (OFAC)").id
('us', 'us-ofac')
>>> body_for_authority("Ministry of Magic") is None
True
"""

from __future__ import annotations

import functools

from kg.curated import load_table
from kg.model.records import Actor
from kg.model.vocab import ActorKind
from kg.resolve.resolver import normalize

__all__ = ["BODIES", "body", "body_for_authority"]


def _actor(key: str, entry: dict[str, object]) -> Actor:
    polity = str(entry["polity"])
    aliases = entry.get("aliases") or []
    assert isinstance(aliases, list)
    return Actor(id=key, name=str(entry["name"]), kind=ActorKind.GOVERNMENT_BODY,
                 country=polity if len(polity) == 2 else None, part_of=polity,
                 aliases=[str(a) for a in aliases])


#: Body id -> its actor; kg/curated/issuing_bodies.yaml.
BODIES: dict[str, Actor] = {k: _actor(k, v) for k, v in load_table("issuing_bodies").items()}

_PHRASES = sorted(((normalize(n), k) for k, a in BODIES.items() for n in (a.name, *a.aliases)),
                  key=lambda p: len(p[0]), reverse=True)


def body(body_id: str) -> Actor:
    """The government body actor ``body_id`` (``us-ofac``); KeyError for an id the table
    does not have."""
    return BODIES[body_id]


@functools.lru_cache(maxsize=4096)  # lists repeat their authorities on every record
def body_for_authority(authority: str) -> Actor | None:
    """The body an authority's name stands for (its name or an alias is a whole phrase of
    the normalized text, longest first), or None when the table does not know it."""
    key = f" {normalize(authority)} "
    for phrase, body_id in _PHRASES:
        if f" {phrase} " in key:
            return BODIES[body_id]
    return None
