"""Dates of birth, nationalities and documents as the lists write them -> the actor's
``birth_dates``, ``nationalities`` and ``identifiers`` (the keys of
:data:`kg.model.identity.IDENTIFIER_SCHEMES`), shared by every importer.

Nothing is dropped silently: a date of birth or a nationality that cannot be read, or is
read only in part, is put in the import report with its file, line, record and field.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from kg.ingest.common import country_code
from kg.ingest.report import ImportReport
from kg.model.identity import SEPARATOR
from kg.model.source_dates import read_source_date

__all__ = ["FTM_ID_PROPS", "Identity", "birth_dates", "ftm_identity", "nationalities",
           "ofac_remarks"]

#: FtM identifier properties -> the ``Actor.identifiers`` scheme they are kept under
#: (:data:`kg.model.identity.IDENTIFIER_SCHEMES`; FtM's ``wikidataId`` is the actor's
#: ``wikidata_id``).
FTM_ID_PROPS = {"innCode": "inn", "ogrnCode": "ogrn", "leiCode": "lei", "imoNumber": "imo",
                "mmsi": "mmsi", "registrationNumber": "registration_number",
                "taxNumber": "tax_number", "passportNumber": "passport",
                "idNumber": "national_id", "swiftBic": "swift_bic", "callSign": "call_sign",
                "vatCode": "vat"}

# "1965 to 1967", "1965-1967", "circa 1979-1982": a range of years, kept as every year in it
# (up to this many).
_RANGE = re.compile(r"(?:(?:circa|ca\.?|approximately|approx\.?)\s+)?(\d{4})\s*(?:to|-|–|—)\s*"
                    r"(\d{4})", re.IGNORECASE)
_MAX_RANGE_YEARS = 10
_PARTS = re.compile(r"\s*(?:;|\bor\b|\band\b)\s*|,\s+(?=(?:circa\s+|ca\.?\s+)?\d{4}\b)",
                    re.IGNORECASE)


@dataclass
class Identity:
    """What an importer read about who an actor is."""

    birth_dates: list[str] = field(default_factory=list)
    nationalities: list[str] = field(default_factory=list)
    identifiers: dict[str, list[str]] = field(default_factory=dict)

    def add_id(self, scheme: str, value: str | None) -> None:
        """Add one identifier value (blank values are ignored; repeats kept once)."""
        value = " ".join((value or "").split())
        if value and value not in self.identifiers.setdefault(scheme, []):
            self.identifiers[scheme].append(value)

    def joined(self) -> dict[str, str]:
        """The identifiers as ``Actor.identifiers`` holds them (values joined by ``; ``)."""
        return {k: SEPARATOR.join(v) for k, v in self.identifiers.items() if v}


#: The numeric order a :func:`~kg.model.source_dates.read_source_date` note says was read.
_ORDER = {"read as day/month/year": "dmy", "read as month/day/year": "mdy"}


@functools.lru_cache(maxsize=8192)  # lists repeat their dates of birth
def _one(text: str, convention: str | None) -> tuple[tuple[str, ...], str | None]:
    if m := _RANGE.fullmatch(text):
        lo, hi = int(m.group(1)), int(m.group(2))
        if lo == 0:
            return (), "is a range of years from 0000, a year that does not exist"
        if lo <= hi and hi - lo < _MAX_RANGE_YEARS:
            return tuple(f"{y:04d}" for y in range(lo, hi + 1)), None
        return (), "is a range of years too wide to keep as dates"
    got = read_source_date(text, convention=convention)
    if got.date is None:
        return (), got.note or "is not a date"
    # "holds ..." (a text with more in it) and "read as day/month/year" (a numeric date whose
    # order the convention or the numbers decided) are reported; a month name is not
    note = got.note if got.note and got.note.startswith(("holds", "read as d", "read as m")) \
        else None
    return (got.date.text,), note


def birth_dates(values: Iterable[str | None], report: ImportReport,
                file: str | os.PathLike[str], line: int | None, *, record: str, field: str,
                convention: str | None = None, documented: bool = True) -> list[str]:
    """Dates of birth from a list's texts, as partial ISO dates, in order, each once.

    Each text may hold several dates (``1965; 1966``, ``1965 or 1966``, ``1961, 1962``) or
    a range of years (``1965 to 1967``: every year, up to ten), and is read as
    :func:`kg.model.source_dates.read_source_date` reads dates (``circa 1960`` -> 1960, with
    ``convention`` ``"dmy"`` or ``"mdy"`` for ``06/10/2001``). A text, or part, that cannot be
    read is put in the report (file, line, record, field) and left out. A numeric date read
    in the order the numbers force against ``convention`` (``12/25/1980`` with ``"dmy"``) is
    reported with the date it gave, and so is every numeric date when ``documented`` is
    False (the list's format has no numeric dates, so the convention is a guess: OFAC).

    >>> r = ImportReport("x")
    >>> birth_dates(["02 Apr 1961", "1965 to 1967", "circa 1950", "16-07-68"], r, "f", 1,
    ...             record="r", field="DOB")
    ['1961-04-02', '1965', '1966', '1967', '1950']
    >>> birth_dates(["circa 1979-1982"], r, "f", 1, record="r", field="DOB")
    ['1979', '1980', '1981', '1982']
    >>> [p.message for p in r.changed]
    ["date of birth '16-07-68' has a two-digit year (the century is unknown): left out"]
    """
    out: list[str] = []
    for value in values:
        text = " ".join((value or "").split())
        if not text:
            continue
        found, note = _one(text, convention)
        dates = list(found)
        if dates and note and note.startswith("read as") and (
                not documented or _ORDER.get(note) != convention):
            # "06/10/2001" in a list whose format has no such dates, or "12/25/1980" against
            # the list's order: which order was read is said, with the date it gave
            report.change(file, line, f"date of birth {text!r} {note}: {dates[0]}",
                          record=record, field=field)
        if not dates:
            parts = [p for p in _PARTS.split(text) if p]
            if len(parts) > 1:
                for p in parts:
                    got, bad = _one(p, convention)
                    dates += got
                    if not got:
                        report.change(file, line, f"date of birth {p!r} (in {text!r}) {bad}: "
                                      "left out", record=record, field=field)
                note = None
        if not dates:
            report.change(file, line, f"date of birth {text!r} {note}: left out",
                          record=record, field=field)
        out += [d for d in dates if d not in out]
    return out


def nationalities(values: Iterable[str | None], report: ImportReport,
                  file: str | os.PathLike[str], line: int | None, *, record: str,
                  field: str) -> list[str]:
    """ISO 3166-1 alpha-2 codes (lower case) for nationality texts (``Yemen``, ``YE``,
    ``Korea, North``, ``Iranian``), in order, each once; a text naming no country we know is
    put in the report and left out.

    >>> nationalities(["Yemen", "Korea, North", "YE"], ImportReport("x"), "f", 1, record="r",
    ...               field="NATIONALITY")
    ['ye', 'kp']
    """
    out: list[str] = []
    for value in values:
        text = " ".join((value or "").split()).strip(" .;")
        if not text:
            continue
        code = country_code(text) or country_code(" ".join(reversed(text.split(",", 1))))
        if code and len(code) == 2:
            if code not in out:
                out.append(code)
        else:
            report.change(file, line, f"nationality {text!r} is not a country we know: "
                          "left out", record=record, field=field)
    return out


_OFAC_PARTS = {
    "dob": re.compile(r"^(?:alt\.\s*)?DOB\s+(.+)$", re.I),
    # "Nationality of Registration" is where a company or vessel is registered: not a
    # person's nationality (ofac.py reads it as the country); matched first, kept out.
    "registration": re.compile(r"^Nationality of Registration\s+(.+)$", re.I),
    "nationality": re.compile(r"^(?:alt\.\s*)?(?:nationality|citizen)\s+(.+)$", re.I),
    "passport": re.compile(r"^(?:alt\.\s*)?(?:Diplomatic\s+)?Passport\s+(?:No\.?\s*|#\s*)?"
                           r"([A-Z0-9][A-Z0-9 -]*\d[A-Z0-9 -]*)", re.I),
    "national_id": re.compile(r"^(?:alt\.\s*)?(?:National ID No\.|Cedula No\.|"
                              r"Identification Number)\s*([A-Z0-9][A-Z0-9 -]*)", re.I),
    "imo": re.compile(r"^(?:Vessel Registration Identification\s+)?IMO\s+(\d{7})\b", re.I),
}


#: Every part :data:`_OFAC_PARTS` reads starts so (each pattern's start, made one): a part
#: that does not is none of them, and is passed over with one match instead of six.
_OFAC_ANY = re.compile(r"^(?:alt\.\s*)?(?:DOB|nationality|citizen|Diplomatic|Passport|"
                       r"National ID No\.|Cedula No\.|Identification Number|"
                       r"Vessel Registration Identification|IMO)", re.I)


@functools.lru_cache(maxsize=16384)  # remarks repeat their parts ("Gender Male", a country)
def _ofac_part(raw: str) -> tuple[str, str] | None:
    """(kind, value) of the first of :data:`_OFAC_PARTS` that one ``;``-separated part of
    OFAC's remarks matches, or None."""
    part = raw.strip().rstrip(".")
    if _OFAC_ANY.match(part) is None:
        return None
    for key, pattern in _OFAC_PARTS.items():
        m = pattern.match(part)
        if m is not None:
            return key, m.group(1).strip()
    return None


def ofac_remarks(text: str, report: ImportReport, file: str | os.PathLike[str],
                 line: int | None, *, record: str) -> Identity:
    """Dates of birth, nationalities, passports, national ids and IMO numbers from OFAC's
    remarks (``DOB 02 Apr 1961; alt. DOB 1962; nationality Iran; Passport A123 (Iran);
    National ID No. 55 (Iran); IMO 9123456``: parts separated by ``;``). OFAC writes dates
    day first with a month name; a date or nationality that cannot be read is reported.
    ``Diplomatic Passport D123`` and ``Passport #H123`` are passports too (a passport number
    holds a digit); ``Nationality of Registration X`` (a company's or vessel's) is no
    person's nationality and is left to the caller (:mod:`kg.ingest.ofac` reads it as the
    actor's country).

    >>> i = ofac_remarks("DOB 1965; nationality Somalia; Passport A 12 (Somalia).",
    ...                  ImportReport("x"), "f", 1, record="ofac-1")
    >>> i.birth_dates, i.nationalities, i.identifiers
    (['1965'], ['so'], {'passport': ['A 12']})
    """
    found = Identity()
    dobs: list[str] = []
    nats: list[str] = []
    for part in text.split(";"):
        got = _ofac_part(part)
        if got is None:
            continue
        key, value = got
        if key == "registration":
            pass
        elif key == "dob":
            dobs.append(value)
        elif key == "nationality":
            nats.append(value)
        else:
            found.add_id(key, value.strip())
    found.birth_dates = birth_dates(dobs, report, file, line, record=record,
                                    field="Remarks (DOB)", convention="dmy",
                                    documented=False)
    found.nationalities = nationalities(nats, report, file, line, record=record,
                                        field="Remarks (nationality)")
    return found


def ftm_identity(values: Mapping[str, list[str]], report: ImportReport,
                 file: str | os.PathLike[str], line: int | None, *, record: str) -> Identity:
    """Dates of birth (``birthDate``), nationalities (``nationality``, ``citizenship``)
    and identifiers (:data:`FTM_ID_PROPS`) of a FollowTheMoney entity; ``values`` maps a
    property to its values (a property with none may be missing). Unreadable values are
    reported, with the FtM property as field."""
    found = Identity([], [], {})
    if not values.keys().isdisjoint(FTM_ID_PROPS):
        for prop, scheme in FTM_ID_PROPS.items():
            got = values.get(prop)
            if got:
                for v in got:
                    found.add_id(scheme, v)
    dobs = values.get("birthDate")
    if dobs:
        found.birth_dates = birth_dates(dobs, report, file, line, record=record,
                                        field="birthDate")
    nat, cit = values.get("nationality"), values.get("citizenship")
    if nat or cit:
        found.nationalities = nationalities([*(nat or ()), *(cit or ())], report, file, line,
                                            record=record, field="nationality")
    return found
