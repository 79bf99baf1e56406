"""Closed vocabularies of the data model, and crosswalks to other coding schemes.

Each vocabulary is a :class:`~enum.StrEnum`, so a value is also its plain string
(``Status.IMPOSED == "imposed"``) and serialises without ceremony.

Crosswalks:

* ``CAMEO_SANCTION_CODES``: GDELT/CAMEO event codes that concern sanctions, with the status
  (or statement stance) each one means.
"""

from __future__ import annotations

from enum import StrEnum

from kg.curated import load_table

__all__ = [
    "CAMEO_SANCTION_CODES",
    "IN_FORCE",
    "TENTATIVE",
    "ActorKind",
    "Measure",
    "Reason",
    "RelationKind",
    "Stance",
    "Status",
]


class ActorKind(StrEnum):
    """What kind of actor something is."""

    STATE = "state"
    BLOC = "bloc"
    GOVERNMENT_BODY = "government_body"
    PERSON = "person"
    ORGANIZATION = "organization"
    GROUP = "group"
    VESSEL = "vessel"
    AIRCRAFT = "aircraft"


class Status(StrEnum):
    """Where a sanction stands. ``threatened`` and ``expected`` are not (yet) in force."""

    THREATENED = "threatened"
    EXPECTED = "expected"
    IMPOSED = "imposed"
    EXTENDED = "extended"
    EASED = "eased"
    LIFTED = "lifted"

    @property
    def is_tentative(self) -> bool:
        """True for a sanction that has been announced or feared but not imposed."""
        return self in TENTATIVE


IN_FORCE: frozenset[Status] = frozenset({Status.IMPOSED, Status.EXTENDED})
"""The statuses that queries, counts and views treat as a sanction in force: imposed, or
extended. An ``eased`` or ``lifted`` record is a change to earlier sanctions, counted apart."""
TENTATIVE: frozenset[Status] = frozenset({Status.THREATENED, Status.EXPECTED})
"""The statuses of a sanction announced or feared but not (yet) imposed; drawn dashed."""


class Measure(StrEnum):
    """What a sanction does."""

    ASSET_FREEZE = "asset_freeze"
    TRAVEL_BAN = "travel_ban"
    ARMS_EMBARGO = "arms_embargo"
    TRADE_RESTRICTIONS = "trade_restrictions"
    FINANCIAL_RESTRICTIONS = "financial_restrictions"
    INVESTMENT_BAN = "investment_ban"
    SECTORAL = "sectoral"
    EXPORT_CONTROL = "export_control"
    IMPORT_BAN = "import_ban"
    DIPLOMATIC = "diplomatic"
    VISA_RESTRICTIONS = "visa_restrictions"
    TRANSPORT = "transport"
    UNSPECIFIED = "unspecified"


class Reason(StrEnum):
    """Why a sanction was imposed (the category; free-text detail lives beside it)."""

    HUMAN_RIGHTS = "human_rights"
    DEMOCRACY = "democracy"
    ELECTION_INTERFERENCE = "election_interference"
    ARMED_CONFLICT = "armed_conflict"
    TERRORISM = "terrorism"
    NUCLEAR_PROLIFERATION = "nuclear_proliferation"
    CYBER = "cyber"
    CORRUPTION = "corruption"
    DRUG_TRAFFICKING = "drug_trafficking"
    DISINFORMATION = "disinformation"
    RETALIATION = "retaliation"
    OTHER = "other"


class Stance(StrEnum):
    """What a statement does."""

    CONDEMNS = "condemns"
    SUPPORTS = "supports"
    CALLS_FOR = "calls_for"
    WARNS = "warns"
    THREATENS = "threatens"
    DENIES = "denies"
    EXPECTS = "expects"
    OTHER = "other"


#: CAMEO event code -> ("sanction", Status) or ("statement", Stance); the codes and what
#: each means are in kg/curated/cameo.yaml (163 impose, 1312 threaten, 081/085 ease
#: sanctions; 0254/1054 appeal for / demand easing of sanctions).
CAMEO_SANCTION_CODES: dict[str, tuple[str, Status | Stance]] = {
    code: ("sanction", Status(entry["sanction"])) if "sanction" in entry
    else ("statement", Stance(entry["statement"]))
    for code, entry in load_table("cameo")["events"].items()
}


class RelationKind(StrEnum):
    """What a :class:`~kg.model.relations.Relationship` between two actors is."""

    OWNERSHIP = "ownership"
    """The subject owns (part of) the object: shares, a stake, beneficial ownership."""
    DIRECTORSHIP = "directorship"
    """The subject directs or controls the object (director, CEO, board member)."""
    FAMILY = "family"
    """The subject and the object are relatives (``role`` says how, where known)."""
    ASSOCIATE = "associate"
    """Any other tie a list names: an associate, a link of unknown nature."""
