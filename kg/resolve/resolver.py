"""Names -> actors: ids, names, aliases, country names and codes, seats of government.

Country names and codes come from :mod:`pycountry` (ISO 3166); we add only what ISO does
not hold: the short names newsrooms use ("Russia", "UK", "Turkey"), seats of government used
as metonyms ("Washington", "the Kremlin", "Brussels") and demonyms ("Chinese officials").

Matching ignores case, accents and punctuation: "U.S.", "us", "United States" and
"Washington" all find ``us``.

>>> normalize("  The U.S.  ")
'us'
>>> normalize("Côte d’Ivoire")
'cote divoire'
>>> country_code("the Kremlin"), country_code("PRC"), country_code("Brussels")
('ru', 'cn', 'eu')
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Container, Iterable

import pycountry

from kg.curated import load_table
from kg.errors import ResolveError
from kg.model.records import Actor, Dataset
from kg.model.vocab import ActorKind

__all__ = [
    "BLOCS",
    "DEMONYMS",
    "SEATS",
    "SHORT_NAMES",
    "Resolver",
    "country_actor",
    "country_code",
    "country_name",
    "is_country_code",
    "normalize",
    "place_of",
]

#: Seats of government and other places used to mean a government ("Washington said");
#: curated table ``seats`` (kg/curated/seats.yaml).
SEATS: dict[str, str] = dict(load_table("seats"))

#: Short and former names that ISO 3166 does not list (kg/curated/short_names.yaml).
SHORT_NAMES: dict[str, str] = dict(load_table("short_names"))

#: Blocs and international bodies: id -> (name, aliases) (kg/curated/blocs.yaml).
BLOCS: dict[str, tuple[str, tuple[str, ...]]] = {
    code: (entry["name"], tuple(entry["aliases"])) for code, entry in load_table("blocs").items()
}

#: Demonyms ("Chinese officials") -> country or bloc code (kg/curated/demonyms.yaml).
DEMONYMS: dict[str, str] = dict(load_table("demonyms"))

_DROP = re.compile(r"[.'’`´]")
_NON_WORD = re.compile(r"[^\w]+")
_SPACES = re.compile(r"\s+")


@functools.lru_cache(maxsize=65536)
def normalize(name: str) -> str:
    """Fold a name for matching: no case, accents, punctuation or leading "the"."""
    if name.isascii():  # NFKD leaves ASCII as it is, and casefold is lower
        text = name.lower()
    else:
        text = unicodedata.normalize("NFKD", name)
        text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("&", " and ")
    text = _NON_WORD.sub(" ", _DROP.sub("", text)).replace("_", " ").strip()
    text = _SPACES.sub(" ", text)
    return text[4:] if text.startswith("the ") else text


@functools.cache
def _country_names() -> dict[str, str]:
    """Normalised country name or code -> ISO alpha-2 code, lower case."""
    table: dict[str, str] = {}
    for c in pycountry.countries:
        code = c.alpha_2.lower()
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                table.setdefault(normalize(value), code)
        table.setdefault(normalize(c.alpha_3), code)
    table.update({normalize(k): v for k, v in SHORT_NAMES.items()})
    for code, (name, aliases) in BLOCS.items():
        for n in (name, *aliases):
            table.setdefault(normalize(n), code)
    return table


def country_code(name: str) -> str | None:
    """The ISO alpha-2 code (or bloc code) a country name, code, seat of government or
    demonym stands for, or None.

    >>> country_code("Russian Federation"), country_code("Washington"), country_code("Iranian")
    ('ru', 'us', 'ir')
    """
    key = normalize(name)
    if not key:
        return None
    if len(key) == 2 and pycountry.countries.get(alpha_2=key.upper()) is not None:
        return key
    return _country_names().get(key) or SEATS.get(key) or DEMONYMS.get(key)


@functools.cache
def _known_codes() -> frozenset[str]:
    codes = {c.alpha_2.lower() for c in pycountry.countries}
    codes |= {c.alpha_2.lower() for c in pycountry.historic_countries
              if getattr(c, "alpha_2", None)}
    return frozenset(codes | set(BLOCS))


def is_country_code(code: str) -> bool:
    """True when ``code`` is a country code an actor's ``country`` or ``nationalities`` may
    hold: lower case, an ISO 3166-1 alpha-2 code (``ru``), one of ISO 3166-3's former
    countries (``su``, ``yu``: both from :mod:`pycountry`), or a bloc code of
    kg/curated/blocs.yaml (``eu``), optionally followed by ``-`` and one to three letters
    or digits for a part of it (``ua-43``, ``ge-ab``: the part itself is not checked).
    A code ISO leaves to users (``xx``, ``xk``) or an upper-case one (``RU``) is not.

    >>> is_country_code("ru"), is_country_code("eu"), is_country_code("ua-43")
    (True, True, True)
    >>> is_country_code("xx"), is_country_code("RU"), is_country_code("Russia")
    (False, False, False)
    """
    head, dash, part = code.partition("-")
    if dash and not (1 <= len(part) <= 3 and part.isascii() and part.isalnum()
                     and part == part.lower()):
        return False
    return head in _known_codes()


@functools.cache
def place_names() -> dict[str, list[tuple[str, str]]]:
    """Every name :func:`country_code` accepts, by the code it gives: code -> ``[(name,
    what)]`` with each name as :func:`normalize` writes it and ``what`` one of
    ``"country name"`` (ISO 3166 names and alpha-3 codes, short names, bloc names),
    ``"seat of government"`` (kg/curated/seats.yaml) and ``"demonym"``
    (kg/curated/demonyms.yaml). For search boxes that must accept what the CLI accepts.

    >>> ("beijing", "seat of government") in place_names()["cn"]
    True
    """
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for table, what in ((_country_names(), "country name"), (SEATS, "seat of government"),
                        (DEMONYMS, "demonym")):
        for key, code in table.items():
            out[code].append((normalize(key), what))
    return dict(out)


def place_of(name: str) -> tuple[str, str] | None:
    """``(code, what)`` for a name of a place that :func:`country_code` accepts by its
    tables: ``what`` is ``"country name"``, ``"seat of government"`` (a capital or a
    building news uses for a government: kg/curated/seats.yaml, the table the news
    extractor reads) or ``"demonym"`` (kg/curated/demonyms.yaml), looked up in that order
    as :func:`country_code` does; None for anything else (bare two-letter codes included).

    >>> place_of("Beijing"), place_of("the Kremlin"), place_of("Iranian"), place_of("Paris Club")
    (('cn', 'seat of government'), ('ru', 'seat of government'), ('ir', 'demonym'), None)
    """
    key = normalize(name)
    for table, what in ((_country_names(), "country name"), (SEATS, "seat of government"),
                        (DEMONYMS, "demonym")):
        code = table.get(key)
        if code is not None:
            return code, what
    return None


#: Display names where ISO's own is not what readers expect ("Russian Federation");
#: kg/curated/display_names.yaml.
_DISPLAY: dict[str, str] = dict(load_table("display_names"))


def country_name(code: str) -> str | None:
    """A display name for an ISO alpha-2 or bloc code ("ru" -> "Russia"), or None."""
    code = code.lower()
    if code in BLOCS:
        return BLOCS[code][0]
    if code in _DISPLAY:
        return _DISPLAY[code]
    c = pycountry.countries.get(alpha_2=code.upper())
    if c is None:
        return None
    return str(getattr(c, "common_name", None) or c.name)


def country_actor(code: str) -> Actor:
    """A new state (or bloc) actor for an ISO alpha-2 or bloc code.

    >>> country_actor("ru").name, country_actor("eu").kind
    ('Russia', <ActorKind.BLOC: 'bloc'>)
    """
    return _country_actor(code.lower()).model_copy(deep=True)


@functools.lru_cache(maxsize=1024)
def _country_actor(code: str) -> Actor:
    code = code.lower()
    name = country_name(code)
    if name is None:
        raise ResolveError(f"{code!r} is not an ISO 3166 country code or a known bloc")
    if code in BLOCS:
        kind = ActorKind.BLOC if code == "eu" else ActorKind.ORGANIZATION
        return Actor(id=code, name=name, kind=kind, aliases=list(BLOCS[code][1]))
    return Actor(id=code, name=name, kind=ActorKind.STATE, country=code)


def name_index(actors: Iterable[tuple[str, str, Iterable[str]]], ids: Container[str],
               ) -> tuple[dict[str, set[str]], dict[str, str]]:
    """What :class:`Resolver` looks names up in, from ``(id, name, aliases)`` of each actor
    (``ids``: every actor id): normalised name -> ids of the actors it names, and
    normalised name -> the first name or alias written that way (for suggestions). Country
    names, codes and seats of government (:func:`country_code`'s tables) point at the state
    or bloc actor with that id, unless the data already uses the name for someone else."""
    index: dict[str, set[str]] = defaultdict(set)
    display: dict[str, str] = {}
    for actor_id, name, aliases in actors:
        for n in (name, *aliases):
            key = normalize(n)
            if key:
                index[key].add(actor_id)
                display.setdefault(key, n)
    for key, code in [*_country_names().items(), *SEATS.items()]:
        if code in ids and key not in index:
            index[key].add(code)
    return index, display


class Resolver:
    """Finds actors of a dataset by id, name, alias, country name or seat of government.

    >>> from kg.readwrite.load import load
    >>> r = Resolver(load().actors)
    >>> [r.resolve(n) for n in ("U.S.", "Washington", "PRC", "the Kremlin", "Brussels")]
    ['us', 'us', 'cn', 'ru', 'eu']
    """

    def __init__(self, actors: Iterable[Actor] | Dataset) -> None:
        if isinstance(actors, Dataset):
            actors = actors.actors
        self.actors: dict[str, Actor] = {a.id: a for a in actors}
        self._index, self._display = name_index(
            ((a.id, a.name, a.aliases) for a in self.actors.values()), self.actors)

    def candidates(self, name: str) -> list[str]:
        """Ids of every actor the name could mean, best first (an id match wins)."""
        if name in self.actors:
            return [name]
        lowered = name.strip().lower()
        if lowered in self.actors:
            return [lowered]
        return sorted(self._index.get(normalize(name), ()))

    def resolve(self, name: str) -> str:
        """The id of the one actor ``name`` means; :class:`ResolveError` if none or several."""
        found = self.candidates(name)
        if len(found) == 1:
            return found[0]
        if found:
            listed = ", ".join(f"{i} ({self.actors[i].name})" for i in found)
            raise ResolveError(f"{name!r} is ambiguous: it could be {listed}; use an id")
        raise ResolveError(f"no actor is called {name!r}", self.suggest(name))

    def suggest(self, name: str, n: int = 3) -> list[str]:
        """The closest names and aliases in the data, for an error message."""
        keys = difflib.get_close_matches(normalize(name), list(self._display), n=n, cutoff=0.6)
        return [self._display[k] for k in keys]

    def get(self, name: str) -> Actor:
        """The :class:`Actor` ``name`` means."""
        return self.actors[self.resolve(name)]
