"""The data model: sources, actors, sanctions, statements and relationships, in a Dataset.

The models are the documentation: every class and field has a docstring, every closed
vocabulary is an enum from :mod:`kg.model.vocab`, and ``schemas/`` holds the JSON Schema generated
from these classes (``kg schema -o schemas/``).

Conventions:

* ids are short slugs (``[a-z0-9][a-z0-9._:-]*``); states use their ISO 3166-1 alpha-2 code
  in lower case (``us``, ``cn``), blocs and international bodies short codes (``eu``, ``un``);
* dates are ISO dates; a partial date (``2021`` or ``2021-03``) is allowed where only the
  year or month is known. Dates are kept as strings, which sort correctly; their rules
  (checks, periods, ranges) live in :mod:`kg.model.dates`;
* facts cite sources as ``{source: <id>, quote: "<exact words>"}``.

One coordinated action by several governments on the same day (the US, EU, UK and Canada
on 22 March 2021) is one :class:`Sanction` with several imposers when the sources report it
as one act; separate legal acts on different days are separate sanctions. Queries answer
per imposer either way.

>>> s = Sanction(id="s1", imposers=["us"], targets=["cn"], status="imposed",
...              reasons=["human_rights"], date="2021-03-22", sources=[{"source": "a"}])
>>> s.reasons[0].category
<Reason.HUMAN_RIGHTS: 'human_rights'>
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BeforeValidator,
    ConfigDict,
    Field,
    model_validator,
)

from kg.model.base import (  # noqa: F401  (SLUG_RE, Citation, Ref, Slug are public here too)
    SLUG_RE,
    Citation,
    NonEmptyStr,
    Ref,
    Slug,
    _check_slug,
    _Model,
    _no_duplicates,
)
from kg.model.dates import DateText, PartialDate
from kg.model.identity import CountryCode, MergedFrom
from kg.model.relations import Relationship
from kg.model.vocab import ActorKind, Measure, Reason, Stance, Status

__all__ = [
    "RECORD_TYPES",
    "SECTIONS",
    "Actor",
    "Citation",
    "Dataset",
    "ReasonRef",
    "Record",
    "Ref",
    "Relationship",
    "Sanction",
    "Slug",
    "Source",
    "Statement",
    "record_type",
]


class Source(_Model):
    """Where facts come from: an article, a press release, a sanctions list."""

    id: Slug
    """Unique id of the source."""
    url: str | None = None
    """Where the source can be read. Only http(s) links are ever made clickable."""
    title: str | None = None
    """Title of the article or document."""
    publisher: str | None = None
    """Who published it (newspaper, ministry, list maintainer)."""
    published: DateText | None = None
    """When it was published."""


class Actor(_Model):
    """Someone who acts or is acted upon: a state, a bloc, a ministry, a person, a company,
    or an unnamed group such as "ten European individuals"."""

    id: Slug
    """Unique id; ISO 3166-1 alpha-2 in lower case for states (``us``), short codes for blocs."""
    name: NonEmptyStr
    """Display name."""
    kind: ActorKind
    """What kind of actor this is."""
    country: str | None = Field(default=None, pattern=r"^[a-z]{2}(-[a-z0-9]{1,3})?$")
    """ISO 3166-1 alpha-2 code (lower case) of the country the actor belongs to."""
    aliases: list[str] = Field(default_factory=list)
    """Other names it is known by (used to find it by name)."""
    weak_aliases: list[str] = Field(default_factory=list)
    """Weak aliases: names the lists themselves flag as too broad or common to identify it
    alone (nicknames, noms de guerre, common acronyms: "Abu Ali"), as FollowTheMoney's
    ``weakAlias``, a UN alias of ``QUALITY`` "Low", an OFAC "weak" a.k.a. (quoted in the
    remarks of the legacy CSV, ``<category>weak</category>`` in ``sdn.xml``), a UK ConList
    alias of ``Alias Quality`` "Low" and an EU ``nameAlias`` with ``strong="false"``. Kept
    apart from :attr:`aliases`: name search finds them with a lower score and says so, and a
    query never takes an actor by a weak alias alone. A name is either strong or weak: a
    weak alias may not repeat the name or an alias."""
    member_of: Annotated[list[Slug], AfterValidator(_no_duplicates),
                         Ref("actor", edge="MEMBER_OF")] = Field(
        default_factory=list
    )
    """Ids of blocs or organisations it is a member of (a state in the EU)."""
    part_of: Annotated[Slug | None, Ref("actor", edge="PART_OF")] = None
    """Id of the actor this one is part of (a ministry of a state, an official's government)."""
    count: int | None = Field(default=None, ge=1)
    """For an unnamed group: how many members it has, where the source says."""
    description: str | None = None
    """Free text; for a group, who its members are."""
    wikidata_id: str | None = Field(default=None, pattern=r"^Q[1-9]\d*$")
    """Wikidata item id (``Q30``), used to merge the same actor across sources."""
    position: str | None = None
    """For a person: the office held (``Foreign Minister``)."""
    identifiers: dict[str, str] = Field(default_factory=dict)
    """List references and documents, by scheme (``un_reference``, ``ofac_uid``, ``imo``,
    ``passport``, ``national_id`` ...: :data:`kg.model.identity.IDENTIFIER_SCHEMES`); several
    values of one scheme are joined by ``"; "``."""
    birth_dates: list[DateText] = Field(default_factory=list)
    """For a person: dates of birth as the sources give them (partial dates allowed:
    ``1965``, ``1965-02``); several when sources disagree or give alternatives."""
    nationalities: list[CountryCode] = Field(default_factory=list)
    """For a person: nationalities or citizenships, ISO 3166-1 alpha-2 in lower case."""
    merged_from: list[MergedFrom] = Field(default_factory=list)
    """Records ``kg merge`` folded into this one, each with the rule that merged it."""
    sources: list[Citation] = Field(default_factory=list)
    """Sources that name this actor (set by importers; optional for curated data)."""
    draft: bool = False
    """True for an actor created automatically (by the extractor) that a person should review."""

    @model_validator(mode="after")
    def _rules(self) -> Actor:
        if self.id in self.member_of:
            raise ValueError(f"actor {self.id!r} cannot be a member of itself")
        if self.part_of == self.id:
            raise ValueError(f"actor {self.id!r} cannot be part of itself")
        if self.count is not None and self.kind is not ActorKind.GROUP:
            raise ValueError("count is only for actors of kind 'group'")
        if self.weak_aliases:
            strong = {self.name, *self.aliases}
            both = next((w for w in self.weak_aliases if w in strong), None)
            if both is not None:
                raise ValueError(f"{both!r} is both a name or alias and a weak alias of actor "
                                 f"{self.id!r}; list it in one of them")
        return self


def _reason_from_str(value: Any) -> Any:
    # "human_rights" is shorthand for {"category": "human_rights"}.
    if isinstance(value, str):
        return {"category": value}
    return value


class ReasonRef(_Model):
    """Why a sanction was imposed: a category and, optionally, the words used."""

    category: Reason
    """The reason category."""
    detail: str | None = None
    """The reason in the source's own words (``abuses against the Uighur population``)."""


ReasonItem = Annotated[
    ReasonRef, BeforeValidator(_reason_from_str, json_schema_input_type=Reason | ReasonRef)
]


class Sanction(_Model):
    """One sanctions event: some imposers take (or threaten, ease, lift) measures
    against some targets, for some reasons, citing sources."""

    id: Slug
    """Unique id of the event."""
    imposers: Annotated[list[Slug], AfterValidator(_no_duplicates),
                        Ref("actor", edge="IMPOSED", incoming=True)] = Field(min_length=1)
    """Ids of the actors that impose it (one or more)."""
    authorities: Annotated[list[Slug], AfterValidator(_no_duplicates),
                           Ref("actor", edge="ISSUED", incoming=True)] = Field(
        default_factory=list
    )
    """Ids of the issuing authorities: the government bodies (OFAC, OFSI, the Council of
    the EU) that issued it on an imposer's behalf, each ``part_of`` that imposer; empty
    when the source names none."""
    targets: Annotated[list[Slug], AfterValidator(_no_duplicates),
                       Ref("actor", edge="TARGETS")] = Field(min_length=1)
    """Ids of the actors it is aimed at (one or more)."""
    status: Status = Status.IMPOSED
    """Where it stands: threatened, expected, imposed, extended, eased or lifted."""
    measures: list[Measure] = Field(default_factory=list)
    """What it does; empty means not stated."""
    reasons: list[ReasonItem] = Field(default_factory=list)
    """Why, as categories with the source's own words as detail."""
    date: DateText | None = None
    """When it was announced, imposed, threatened or reported."""
    effective_date: DateText | None = None
    """When it took effect, if different."""
    end_date: DateText | None = None
    """When it ended or ends."""
    program: str | None = None
    """Sanctions programme or regime (``CHINA-EO13936``, ``UKRAINE-EO13661``)."""
    legal_basis: str | None = None
    """The legal act (``Council Regulation (EU) 2021/478``, ``EO 13818``)."""
    in_response_to: Annotated[list[Slug], AfterValidator(_no_duplicates),
                              Ref("sanction", edge="RESPONDS_TO")] = Field(
        default_factory=list
    )
    """Ids of the sanctions this one retaliates against."""
    sources: list[Citation] = Field(min_length=1)
    """Where it is reported (one or more)."""
    confidence: float | None = Field(default=None, ge=0, le=1)
    """For machine-extracted records: how sure the extractor is (0 to 1)."""
    merged_from: list[MergedFrom] = Field(default_factory=list)
    """Reports of the same event that ``kg merge`` folded into this one (rule ``same
    event``)."""

    @model_validator(mode="after")
    def _rules(self) -> Sanction:
        if self.id in self.in_response_to:
            raise ValueError(f"sanction {self.id!r} cannot respond to itself")
        # Dates compare as PartialDate does: by first day, the coarser date first.
        if self.date and self.end_date and PartialDate(self.end_date) < PartialDate(self.date):
            raise ValueError(f"end_date {self.end_date} is before date {self.date}")
        if (
            self.effective_date
            and self.end_date
            and PartialDate(self.end_date) < PartialDate(self.effective_date)
        ):
            raise ValueError(
                f"end_date {self.end_date} is before effective_date {self.effective_date}"
            )
        return self


class Statement(_Model):
    """Something an actor said about sanctions or about other actors."""

    id: Slug
    """Unique id of the statement."""
    speakers: Annotated[list[Slug], AfterValidator(_no_duplicates),
                        Ref("actor", edge="MADE", incoming=True)] = Field(min_length=1)
    """Ids of the actors who said it (a joint statement has several)."""
    date: DateText | None = None
    """When it was said."""
    stance: Stance = Stance.OTHER
    """What it does: condemns, supports, calls_for, warns, threatens, denies, expects, other."""
    about_sanctions: Annotated[list[Slug], AfterValidator(_no_duplicates),
                               Ref("sanction", edge="ABOUT")] = Field(
        default_factory=list
    )
    """Ids of the sanctions it is about."""
    about_actors: Annotated[list[Slug], AfterValidator(_no_duplicates),
                            Ref("actor", edge="ABOUT")] = Field(
        default_factory=list
    )
    """Ids of the actors it is about."""
    summary: str | None = None
    """What was said, in a sentence; the exact words live on the citations."""
    sources: list[Citation] = Field(min_length=1)
    """Where it is reported, with the quote."""
    confidence: float | None = Field(default=None, ge=0, le=1)
    """For machine-extracted records: how sure the extractor is (0 to 1)."""
    merged_from: list[MergedFrom] = Field(default_factory=list)
    """Reports of the same event that ``kg merge`` folded into this one (rule ``same
    event``)."""



Record = Source | Actor | Sanction | Statement | Relationship

#: The ``type`` of a record in a JSON lines file, and the model it holds; also the order in
#: which a dataset lists its records (sources first).
RECORD_TYPES: dict[str, type[_Model]] = {
    "source": Source,
    "actor": Actor,
    "sanction": Sanction,
    "statement": Statement,
    "relationship": Relationship,
}

#: The ``type`` of a record -> the :class:`Dataset` section (and YAML/JSON key) holding it.
SECTIONS: dict[str, str] = {
    "source": "sources",
    "actor": "actors",
    "sanction": "sanctions",
    "statement": "statements",
    "relationship": "relationships",
}

_TYPE_OF: dict[type[_Model], str] = {model: kind for kind, model in RECORD_TYPES.items()}


def record_type(record: Record) -> str:
    """The ``type`` of a record: ``source``, ``actor``, ``sanction``, ``statement`` or
    ``relationship``.

    Raises KeyError for anything that is not one of the record models (or a subclass).
    """
    kind = _TYPE_OF.get(type(record))
    if kind is not None:
        return kind
    for kind, model in RECORD_TYPES.items():
        if isinstance(record, model):
            return kind
    raise KeyError(type(record).__name__)


class Dataset(_Model):
    """A set of sources, actors, sanctions and statements; what a YAML or JSON file holds.

    ``$schema`` may name the JSON Schema the file follows; it is otherwise ignored.
    """

    schema_: str | None = Field(default=None, alias="$schema")
    """The JSON Schema this file follows (for editors); ignored when loading."""
    sources: list[Source] = Field(default_factory=list)
    """Where facts come from."""
    actors: list[Actor] = Field(default_factory=list)
    """Who acts or is acted upon."""
    sanctions: list[Sanction] = Field(default_factory=list)
    """Sanctions events."""
    statements: list[Statement] = Field(default_factory=list)
    """Statements about sanctions."""
    relationships: list[Relationship] = Field(default_factory=list)
    """Ownership, directorship, family and associate ties between actors."""

    model_config = ConfigDict(populate_by_name=True)

    def section(self, kind: str) -> list[Any]:
        """The list holding the records of type ``kind`` (``"actor"`` -> :attr:`actors`),
        itself, not a copy. Raises KeyError for an unknown type."""
        lst: list[Any] = getattr(self, SECTIONS[kind])
        return lst

    def add(self, record: Record) -> None:
        """Append ``record`` to its section (not validated; see
        :func:`kg.model.refs.ensure_valid`)."""
        self.section(record_type(record)).append(record)

    def records(self) -> list[tuple[str, Record]]:
        """Every record with its type name, sources first, in a stable order."""
        return [(kind, r) for kind in RECORD_TYPES for r in self.section(kind)]

    def actor(self, actor_id: str) -> Actor | None:
        """The actor with this id, or None."""
        return next((a for a in self.actors if a.id == actor_id), None)


RecordType = Literal["source", "actor", "sanction", "statement", "relationship"]
