"""The FCDO's UK Sanctions List as CSV or ODS (``UK_Sanctions_List.csv``, ``.ods``) -> the same
records as its XML.

The file opens with a ``Report Date: ...`` line, then a header row; each later row is **one
name variant** of a designation (rows are repeated for each further date of birth, address
or document), and the rows of one designation share its ``Unique ID`` (they need not be
next to each other). Columns are found by header name, compared without case, spaces or
punctuation, so the published spellings of different years all match (extra or reordered
columns are fine):

=====================================  ================================================
CSV column (other spellings)           ``Designation`` element of the XML it stands for
=====================================  ================================================
Unique ID                              ``UniqueID``
OFSI Group ID                          ``OFSIGroupID``
UN Reference Number                    ``UNReferenceNumber``
Last Updated, Date Designated          ``LastUpdated``, ``DateDesignated`` (dd/mm/yyyy)
Name 1 .. Name 6, Name type,           ``Names/Name`` (``Name1``..``Name6``, ``NameType``,
Alias strength                         ``AliasStrength``), one per distinct name
Name non-latin script                  ``NonLatinNames/NameNonLatinScript``
Regime Name (Regime)                   ``RegimeName``
Designation Type (Individual, Entity,  ``IndividualEntityShip``
Ship)
Designation source, Sanctions          ``DesignationSource``, ``SanctionsImposed``,
Imposed, Other Information, UK         ``OtherInformation``, ``UKStatementofReasons``
Statement of Reasons
Address Line 1..6, Address Postal      ``Addresses/Address``
Code, Address Country
D.O.B (DOB, Date of birth),            ``IndividualDetails/Individual``: ``DOBs/DOB``,
Nationality(/ies) (Nationality),       ``Nationalities/Nationality``,
Position, Town of birth, Country of    ``Positions/Position``, ``BirthDetails/Location``
birth
IMO number, Current believed flag of   ``ShipDetails/Ship``: ``IMONumbers/IMONumber``,
ship                                   ``CurrentBelievedFlagOfShips/...``
=====================================  ================================================

A cell may number several values (``(1) Russia (2) Ukraine``); each is kept. A date of
birth with ``dd`` or ``mm`` for an unknown day or month (``dd/mm/1984``) is read as the
list's ``00`` (``1984``). Each designation's rows are gathered into one ``Designation``
element and read by :func:`kg.ingest.uk_fcdo.designation_records`, so a CSV and an XML of
the same list give the same actors (``uk-<unique id>``), listings, aliases, weak aliases,
dates of birth, nationalities and identifiers. Text is UTF-8 or Windows-1252 with quoted
line breaks (:func:`kg.ingest.tabular.csv_rows`); an ``.ods`` file (a zip archive) is read
sheet row by sheet row with the same header search (:func:`kg.ingest.ods.ods_rows`; the
row's number stands for the line). Only a compact summary per Unique ID is
held until the end of the file. Columns not in the table (phone, website, passport and
national identifier numbers, ship tonnage...) are not read, as the XML reader does not
read them; the import notes name those that held values.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import Element, SubElement

from kg.ingest.common import ImportReport, Progress, Record, Seen, file_source
from kg.ingest.ods import ods_rows
from kg.ingest.tabular import CsvFile, csv_rows
from kg.ingest.uk_fcdo import FCDO_PUBLISHER, designation_records

__all__ = ["UK_SANCTIONS_CSV_KEY", "read_fcdo_csv"]

#: The header cell that tells the FCDO's CSV apart from OFSI's ConList (``Group ID``).
UK_SANCTIONS_CSV_KEY = "Unique ID"

# XML element <- the normalized header names that stand for it (first found wins).
_SINGLE = {
    "LastUpdated": ("lastupdated",), "DateDesignated": ("datedesignated",),
    "OFSIGroupID": ("ofsigroupid",), "UNReferenceNumber": ("unreferencenumber",),
    "RegimeName": ("regimename", "regime"),
    "IndividualEntityShip": ("designationtype", "individualentityship"),
    "DesignationSource": ("designationsource",), "SanctionsImposed": ("sanctionsimposed",),
    "OtherInformation": ("otherinformation",),
    "UKStatementofReasons": ("ukstatementofreasons",),
}
_PERSON = {"DOB": ("dob", "dateofbirth"), "Nationality": ("nationalityies", "nationality"),
           "Position": ("position",)}
_ADDRESS = (*(f"AddressLine{i}" for i in range(1, 7)), "AddressPostalCode", "AddressCountry")
_READ = {"uniqueid", "nametype", "aliasstrength", "namenonlatinscript", "townofbirth",
         "countryofbirth", "imonumber", "currentbelievedflagofship",
         *(f"name{i}" for i in range(1, 7)), *(a.lower() for a in _ADDRESS),
         *(n for names in (*_SINGLE.values(), *_PERSON.values()) for n in names)}
_NUMBERED = re.compile(r"\(\d+\)\s*")
_UNKNOWN_PART = re.compile(r"(dd|\d{1,2})/(mm|\d{1,2})/(\d{4})", re.IGNORECASE)


def _norm(header: str) -> str:
    return re.sub(r"[^a-z0-9]", "", header.lower())


def _values(text: str) -> list[str]:
    """The values of a cell that may number them: ``(1) A (2) B`` -> ``["A", "B"]``."""
    return [p for p in (part.strip(" ,;") for part in _NUMBERED.split(text)) if p]


def _dob(text: str) -> str:
    m = _UNKNOWN_PART.fullmatch(text)
    if m is None:
        return text
    day, month, year = m.groups()
    day = "00" if day.lower() == "dd" else day.zfill(2)
    month = "00" if month.lower() == "mm" else month.zfill(2)
    return f"{day}/{month}/{year}"


@dataclass
class _Designation:
    line: int
    values: dict[str, list[str]] = field(default_factory=dict)
    names: list[tuple[str, ...]] = field(default_factory=list)
    addresses: list[tuple[str, ...]] = field(default_factory=list)
    births: list[tuple[str, str]] = field(default_factory=list)

    def add(self, key: str, value: str) -> None:
        if value:
            items = self.values.setdefault(key, [])
            if value not in items:
                items.append(value)

    def element(self, unique: str) -> Element:
        """The ``Designation`` element the XML would hold for these rows."""
        elem = Element("Designation")
        SubElement(elem, "UniqueID").text = unique
        for tag in _SINGLE:
            for value in self.values.get(tag, []):
                SubElement(elem, tag).text = value
        names = SubElement(elem, "Names")
        for parts in self.names:
            name = SubElement(names, "Name")
            for i, part in enumerate(parts[:6], 1):
                if part:
                    SubElement(name, f"Name{i}").text = part
            SubElement(name, "NameType").text = parts[6]
            SubElement(name, "AliasStrength").text = parts[7]
        non_latin = SubElement(elem, "NonLatinNames")
        for text in self.values.get("NameNonLatinScript", []):
            SubElement(non_latin, "NameNonLatinScript").text = text
        addresses = SubElement(elem, "Addresses")
        for lines in self.addresses:
            address = SubElement(addresses, "Address")
            for tag, text in zip(_ADDRESS, lines, strict=True):
                if text:
                    SubElement(address, tag).text = text
        person = SubElement(SubElement(elem, "IndividualDetails"), "Individual")
        for tag, plural in (("DOB", "DOBs"), ("Nationality", "Nationalities"),
                            ("Position", "Positions")):
            group = SubElement(person, plural)
            for text in self.values.get(tag, []):
                SubElement(group, tag).text = text
        births = SubElement(person, "BirthDetails")
        for town, country in self.births:
            location = SubElement(births, "Location")
            SubElement(location, "TownOfBirth").text = town or None
            SubElement(location, "CountryOfBirth").text = country or None
        ship = SubElement(SubElement(elem, "ShipDetails"), "Ship")
        imos = SubElement(ship, "IMONumbers")
        for text in self.values.get("IMONumber", []):
            SubElement(imos, "IMONumber").text = text
        flags = SubElement(ship, "CurrentBelievedFlagOfShips")
        for text in self.values.get("Flag", []):
            SubElement(flags, "CurrentBelievedFlagOfShip").text = text
        return elem


def read_fcdo_csv(paths: Iterable[Path], report: ImportReport, *,
                  progress: Progress | None = None,
                  seen: Seen | None = None) -> Iterator[Record]:
    """Stream records from FCDO UK Sanctions List CSV or ODS files (see the module docstring).

    A row without a Unique ID is skipped and reported with its line; a file whose header
    has no ``Unique ID`` column is reported as skipped."""
    seen = seen or Seen()
    for path in paths:
        report.files.append(str(path))
        info = CsvFile()
        groups: dict[str, _Designation] = {}
        unread: set[str] = set()
        rows = ods_rows if _is_zip(path) else csv_rows
        for n, row in rows(path, report, UK_SANCTIONS_CSV_KEY, info, progress=progress):
            cells = {_norm(k): v for k, v in row.items()}
            unique = cells.get("uniqueid", "")
            if not unique:
                report.skip(path, n, "field 'Unique ID' is empty; row skipped")
                continue
            group = groups.setdefault(unique, _Designation(line=n))
            _row(cells, group)
            unread.update(h for h, v in row.items() if v and _norm(h) not in _READ)
        if unread:
            report.note(f"{path.name}: columns not read (as the XML reader does not read "
                        f"them): {', '.join(sorted(unread))}")
        src = file_source("uk", path, FCDO_PUBLISHER)
        for unique, group in groups.items():
            yield from designation_records(group.element(unique), group.line, path, src,
                                           report, seen)


def _is_zip(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(4) == b"PK\x03\x04"
    except OSError:
        return False


def _row(cells: dict[str, str], group: _Designation) -> None:
    for tag, names in (*_SINGLE.items(), *_PERSON.items()):
        text = next((cells[n] for n in names if cells.get(n)), "")
        if tag == "DOB":
            for value in _values(text):
                group.add(tag, _dob(value))
        elif tag == "Nationality":
            for value in _values(text):
                group.add(tag, value)
        else:
            group.add(tag, text)
    group.add("NameNonLatinScript", cells.get("namenonlatinscript", ""))
    group.add("IMONumber", cells.get("imonumber", ""))
    group.add("Flag", cells.get("currentbelievedflagofship", ""))
    parts = tuple(cells.get(f"name{i}", "") for i in range(1, 7))
    name = (*parts, cells.get("nametype", ""), cells.get("aliasstrength", ""))
    if any(parts) and name not in group.names:
        group.names.append(name)
    address = tuple(cells.get(a.lower(), "") for a in _ADDRESS)
    if any(address) and address not in group.addresses:
        group.addresses.append(address)
    birth = (cells.get("townofbirth", ""), cells.get("countryofbirth", ""))
    if any(birth) and birth not in group.births:
        group.births.append(birth)
