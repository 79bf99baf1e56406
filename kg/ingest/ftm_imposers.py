"""Who imposed an FtM ``Sanction`` and why, from its ``country``, ``authority`` and
``program`` (:mod:`kg.ingest.ftm` reads the entities; this module decides the imposers,
the issuing bodies and the programme's reasons)."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from kg.ingest.bodies import body_for_authority
from kg.ingest.common import MAX_NAME, ImportReport, Seen, is_country, text_slug
from kg.ingest.crosswalks import imposer_for_authority, ofac_program_reasons, un_regime_reasons
from kg.ingest.ftm_links import values
from kg.ingest.rows import fit_name
from kg.model.records import Actor, ReasonRef
from kg.model.vocab import ActorKind, Reason
from kg.resolve.resolver import country_code, country_name, normalize

__all__ = ["imposers", "polity", "programme_reasons"]


@functools.lru_cache(maxsize=4096)  # a list names few polities, on every record
def polity(value: str) -> str | None:
    """The state or bloc id a Sanction's ``country`` names (``"UK"``, ``"United Kingdom"``
    and ``"gb"`` are all ``gb``; the UN is ``unsc``, the body that imposes UN sanctions)."""
    code = value.strip().lower()
    if not is_country(code):
        code = country_code(value) or ""
    if code == "un":
        return "unsc"
    return code if is_country(code) else None


def imposers(entity: dict[str, Any], report: ImportReport, seen: Seen, path: Path,
             n: int) -> tuple[list[str], list[Actor], list[str]]:
    """Imposer ids, the actors to write for them (states, blocs, issuing bodies) and the
    ids of the issuing bodies (the sanction's ``authorities``).

    The imposer is the polity the record names in ``country``; without one, the polity the
    authority stands for (kg/curated/authorities.yaml). The issuing authority itself (DG
    FISMA, the Direction Générale du Trésor...) is kept as a government_body actor that is
    ``part_of`` that polity: the body kg/curated/issuing_bodies.yaml names (``us-ofac``,
    the same node the OFAC and CSL importers write) when it is part of an imposer, else
    ``body-<name>``. Only an authority with no polity at all becomes the imposer itself
    (reported), so nothing the record says is lost.
    """
    countries = values(entity, "country")
    # Each authority once: a repeated one with no polity would be "part of" itself.
    authorities = list(dict.fromkeys(values(entity, "authority") or values(entity, "publisher")))
    key = (tuple(countries), tuple(authorities))
    known = _DECIDED.get(key)
    if known is None:
        before = report.changed_total
        known = _decide(entity, countries, authorities, report, path, n)
        if report.changed_total == before:  # nothing reported: the same for every record
            if len(_DECIDED) >= _DECIDED_MAX:
                _DECIDED.clear()
            _DECIDED[key] = known
    ids, bodies, issued, polities, keys = known
    if seen.ids.issuperset(keys):  # every state and body written already (most records)
        return list(ids), [], list(issued)
    new = [b for b in bodies if seen.first(b)]
    states = [a for code in polities for a in seen.state(code)]
    return list(ids), states + new, list(issued)


#: Imposer ids, issuing body actors, their ids, the imposers that are states or blocs, and
#: the (type, id) keys in :class:`~kg.ingest.common.Seen` of those states and bodies.
_Decided = tuple[list[str], list[Actor], list[str], list[str], frozenset[tuple[str, str]]]

#: (countries, authorities) -> what :func:`_decide` made of them, for the records whose
#: reading reported nothing (lists repeat a few pairs on every record).
_DECIDED: dict[tuple[tuple[str, ...], tuple[str, ...]], _Decided] = {}
_DECIDED_MAX = 4096


def _decide(entity: dict[str, Any], countries: list[str], authorities: list[str],
            report: ImportReport, path: Path,
            n: int) -> _Decided:
    """Imposer ids, issuing body actors (in the authorities' order), issuing body ids,
    the imposers that are states or blocs and the keys of those states and bodies in a
    Seen, of a sanction (see :func:`imposers`); unknown countries and authorities with no
    polity are reported."""
    bodies: list[Actor] = []
    issued: list[str] = []
    polities: list[str] = []
    for value in countries:
        code = polity(value)
        if code is None:
            report.change(path, n, f"country {value!r} is not a state or bloc kg knows; "
                                      "left out", record=f"sanction {entity['id']!r}",
                             field="country")
        elif code not in polities:
            polities.append(code)
    table = [imposer_for_authority(a) for a in authorities]
    ids = polities or list(dict.fromkeys(c for c in table if c))
    for authority, code in zip(authorities, table, strict=True):
        home = code if code in ids else (ids[0] if ids else None)
        body = _body(authority, home)
        if body is None:
            continue  # the authority is the polity's own name ("European Union")
        if len(authority) > MAX_NAME:  # cut by the one rule (in _body), reported per record
            fit_name(authority, report, path, n, record=f"sanction {entity['id']!r}",
                     field="authority")
        bodies.append(body)
        if home is not None and body.id not in issued:
            issued.append(body.id)
        if home is None:
            ids.append(body.id)
            report.change(path, n, f"authority {authority!r} names no state or bloc, and "
                                      "the record gives no country: the authority is the "
                                      "imposer", record=f"sanction {entity['id']!r}",
                             field="authority")
    ids = list(dict.fromkeys(ids))
    polities = [code for code in ids if is_country(code)]
    # What the states and bodies are in a Seen: when it has them all, none is new.
    keys = frozenset([("actor", b.id) for b in bodies] + [("actor", c.lower()) for c in polities])
    return ids, bodies, issued, polities, keys


@functools.lru_cache(maxsize=4096)  # lists repeat their authorities on every record
def _body(authority: str, home: str | None) -> Actor | None:
    """The issuing body actor of ``authority`` in polity ``home``, or None when the authority
    is the polity's own name. The actor is shared: records are never changed in place."""
    if home and normalize(authority) in {normalize(home), normalize(country_name(home) or home)}:
        return None
    known = body_for_authority(authority)
    if known is not None and known.part_of == home:
        return known
    # An over-long authority is cut as :func:`kg.ingest.rows.fit_name` cuts a name (the
    # caller reports it), the whole kept as an alias.
    return Actor(id=f"body-{text_slug(authority)}", name=authority[:MAX_NAME],
                 aliases=[authority] if len(authority) > MAX_NAME else [],
                 kind=ActorKind.GOVERNMENT_BODY,
                 country=home if home and len(home) == 2 else None, part_of=home)


def programme_reasons(program: str, imposers: list[str]) -> list[ReasonRef]:
    """Reasons for a programme, from the reviewed tables only (OFAC's for a US sanction,
    the UN regimes' for a UN one); any other programme is ``other`` with its words kept
    (never a keyword guess: a US "Reciprocal" exclusion is not retaliation)."""
    return list(_programme_reasons(program, "us" in imposers, "unsc" in imposers))


@functools.lru_cache(maxsize=4096)  # lists repeat their programmes on every record
def _programme_reasons(program: str, us: bool, unsc: bool) -> tuple[ReasonRef, ...]:
    cats: tuple[Reason, ...] = ()
    if us:
        cats = tuple(c for tag in program.split("; ") for c in ofac_program_reasons(tag)
                     if c is not Reason.OTHER)
    elif unsc:
        _, found = un_regime_reasons(program, None)
        cats = tuple(c for c in found if c is not Reason.OTHER)
    out = tuple(ReasonRef(category=c, detail=program) for c in dict.fromkeys(cats))
    return out or (ReasonRef(category=Reason.OTHER, detail=program),)
