"""Who an actor is: the identifier schemes, the merge notes an actor keeps, and the
judgements people make about whether two records are the same.

**Identifier schemes** (:data:`IDENTIFIER_SCHEMES`, the one place that names them):
``Actor.identifiers`` maps a scheme to its value. A scheme with several values (two
passports) holds them joined by ``"; "`` (:data:`SEPARATOR`); :func:`identifier_values`
splits them. Dates of birth and nationalities are not identifiers: they are the actor's
``birth_dates`` and ``nationalities`` fields.

A **strong** scheme names one listing or one thing: the same value on two actors is the
same actor (the UN reference number that the EU, UK and OFAC lists cite; an IMO number), and
two *different* values under the same strong scheme mean two actors
(:mod:`kg.resolve.identity` decides merges from them). Other schemes (``call_sign``,
``birth_place`` ...) are kept but never merge or block.

>>> identifier_values({"passport": "A 123; b-456"}, "passport")
['A 123', 'b-456']
>>> normalize_identifier("imo", "IMO 9123456"), normalize_identifier("passport", "b-456 ")
('9123456', 'B456')
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Annotated

from pydantic import Field

from kg.model.base import Slug, _Model

__all__ = [
    "FTM_PROPERTIES",
    "IDENTIFIER_SCHEMES",
    "SEPARATOR",
    "STRONG_SCHEMES",
    "CountryCode",
    "Judgement",
    "MergedFrom",
    "identifier_values",
    "normalize_identifier",
]

SEPARATOR = "; "
"""Joins several values of one scheme in ``Actor.identifiers`` (``"A123; B456"``)."""

#: Every standard key of ``Actor.identifiers``: scheme -> (strong, what it is). Importers
#: write these keys; a list-specific id not named here is kept under its own slug and is
#: weak. ``wikidata`` is the ``Actor.wikidata_id`` field, listed here as the strong scheme it
#: is.
IDENTIFIER_SCHEMES: dict[str, tuple[bool, str]] = {
    "un_reference": (True, "UN Security Council list reference number (QDi.001), which the "
                           "EU, UK and OFAC lists cite"),
    "ofac_uid": (True, "OFAC entry number (ent_num / uid), the same in the CSV, the XML and "
                       "the Consolidated Screening List"),
    "eu_reference": (True, "EU Financial Sanctions Files reference number (EU.123.45)"),
    "uk_group_id": (True, "OFSI consolidated list Group ID"),
    "uk_sanctions_list_ref": (True, "UK Sanctions List (FCDO) reference (RUS0001)"),
    "imo": (True, "IMO ship or company number (7 digits)"),
    "passport": (True, "passport number"),
    "national_id": (True, "national identity number"),
    "lei": (True, "Legal Entity Identifier"),
    "wikidata": (True, "Wikidata item (Actor.wikidata_id)"),
    "opensanctions": (False, "OpenSanctions / FollowTheMoney entity id (dataset-specific)"),
    "un_dataid": (False, "UN list DATAID (changes between list versions)"),
    "eu_logical_id": (False, "EU file logicalId (the actor id already carries it)"),
    "csl_id": (False, "Consolidated Screening List row id"),
    "call_sign": (False, "radio call sign of a vessel or aircraft"),
    "mmsi": (False, "vessel MMSI (reassigned over time)"),
    "inn": (False, "Russian taxpayer number (INN)"),
    "ogrn": (False, "Russian state registration number (OGRN)"),
    "registration_number": (False, "company registration number (no country given)"),
    "tax_number": (False, "tax number (no country given)"),
    "swift_bic": (False, "SWIFT/BIC code"),
    "vat": (False, "VAT number"),
    "birth_place": (False, "place of birth as the list writes it"),
    "title": (False, "honorific or title as the list writes it"),
    "last_updated": (False, "when the list last changed the entry"),
}

#: Scheme -> the FollowTheMoney property that holds it on an entity (the FtM export writes
#: them; ``kg.ingest.identity.FTM_ID_PROPS`` reads the identifier ones back). From FtM's
#: schemata (``followthemoney`` 3/4: ``Person``, ``LegalEntity``, ``Organization``,
#: ``Vessel``). List references (``un_reference``, ``ofac_uid`` ...) have no property on an
#: FtM entity (FtM keeps them on its ``Sanction``), nor have the dataset-specific ids.
FTM_PROPERTIES: dict[str, str] = {
    "passport": "passportNumber", "national_id": "idNumber", "imo": "imoNumber",
    "lei": "leiCode", "inn": "innCode", "ogrn": "ogrnCode",
    "registration_number": "registrationNumber", "tax_number": "taxNumber",
    "swift_bic": "swiftBic", "vat": "vatCode", "call_sign": "callSign", "mmsi": "mmsi",
    "birth_place": "birthPlace", "title": "title",
}

#: The strong schemes: merge on a shared value, block on different values.
STRONG_SCHEMES: frozenset[str] = frozenset(k for k, (strong, _) in IDENTIFIER_SCHEMES.items()
                                           if strong)

CountryCode = Annotated[str, Field(pattern=r"^[a-z]{2}(-[a-z0-9]{1,3})?$")]
"""An ISO 3166-1 alpha-2 code in lower case (``ye``), as ``Actor.country`` uses."""


def identifier_values(identifiers: Mapping[str, str], scheme: str) -> list[str]:
    """The values of ``scheme`` in ``identifiers`` (split on :data:`SEPARATOR`), in order;
    empty when the scheme is absent."""
    raw = identifiers.get(scheme)
    if not raw:
        return []
    return [v.strip() for v in raw.split(";") if v.strip()]


def normalize_identifier(scheme: str, value: str) -> str:
    """``value`` as compared: upper case without spaces, hyphens or dots, except a UN or EU
    reference (dots matter: ``QDi.1`` is not ``QDi.11``) which keeps them; an IMO number
    keeps its digits only (``IMO 9123456`` -> ``9123456``)."""
    text = value.strip().upper()
    if scheme == "imo":
        return re.sub(r"\D", "", text) or text
    if scheme in ("un_reference", "eu_reference"):
        return re.sub(r"\s+", "", text)
    return re.sub(r"[\s.\-/]", "", text)


class MergedFrom(_Model):
    """One record folded into this one by ``kg merge``, and why."""

    id: Slug
    """Id of the record folded in (no longer in the dataset)."""
    rule: str
    """Why: ``identifier un_reference QDi.911``, ``wikidata Q5``, ``judgement``,
    ``name+birth date``, ``name+country+kind`` (``name+country+kind, legal form aside:
    "Rosneft Trading SA" as "Rosneft Trading S.A."`` when two organisations' names differ
    by their legal form only) or ``same event``."""


class Judgement(_Model):
    """A person's decision about two (or more) records: the same actor, or not.

    Read by ``kg merge --judgements FILE`` (a YAML or JSON list of these); every merge
    respects it: ``same: false`` keeps the records apart even when they share a strong
    identifier, ``same: true`` merges them even on conflicting details.
    """

    ids: list[Slug] = Field(min_length=2)
    """The ids of the records judged (two or more; ids folded by an earlier merge count)."""
    same: bool
    """True: one actor. False: different actors."""
    note: str | None = None
    """Why, in the reviewer's words."""
