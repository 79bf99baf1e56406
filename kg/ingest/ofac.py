"""OFAC legacy CSV files (the SDN list and the consolidated non-SDN list) -> records.

OFAC's data specification: comma-separated, no header row, ``-0-`` for a null value,
often Windows-1252 text (each such line is reported as re-read), sometimes a leading
byte-order mark, quoted remarks that span lines (read as one CSV record, reported at the line
it starts on), and an end-of-file byte ``0x1A`` on the last line. Files are told apart by
name (a word starting ``cons`` is the consolidated list; a name that says no role, such as a
renamed ``OFAC.csv``, is told by the number of columns, noted in the report):

==================================  ========================================================
file                                columns
==================================  ========================================================
``sdn.csv`` / ``cons_prim.csv``     ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign,
                                    Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks
``add.csv`` / ``cons_add.csv``      ent_num, Add_num, Address, City/State/Postal, Country,
                                    Add_remarks
``alt.csv`` / ``cons_alt.csv``      ent_num, alt_num, alt_type (aka, fka, nka), alt_name,
                                    alt_remarks
``sdn_comments.csv`` / ``cons_``    ent_num, remarks continued (cut mid-word: joined as is)
==================================  ========================================================

Each primary row becomes an actor ``ofac-<ent_num>`` (SDN_Type individual -> person,
vessel -> vessel, aircraft -> aircraft, empty -> organization) and one sanction
``ofac-<ent_num>-sdn``
(or ``-cons``) imposed by ``us`` and issued by OFAC (the ``government_body`` actor
``us-ofac``, part of ``us``), its programmes (``SDGT] [IRGC`` is two) mapped to reasons
through :data:`kg.ingest.crosswalks.OFAC_PROGRAMS`, each programme tag kept as the detail. An
SDN listing blocks property, so its measure is ``asset_freeze``. The legacy files carry no
listing dates. Aliases come from the alt file (``aka``, ``fka`` and ``nka`` rows are all
strong names). **Weak aliases** are not in the alt file: OFAC writes them in the remarks of
the primary file (and their continuation in the comments file) in quotes, ``a.k.a.
'ABU AL-FOUTOUH'``, as its data specification and FAQ 123 say (in ``sdn.xml`` they are the
``aka`` entries of ``<category>weak</category>``); each quoted a.k.a., f.k.a. or n.k.a. in
the remarks becomes a weak alias, and the remarks are kept whole in the description. The
country comes from the nationality in the remarks, else the ``Nationality of Registration``
(of a company or vessel), else the flag or the first address; dates of birth,
nationalities, passports, national ids and IMO numbers from the remarks
(:func:`kg.ingest.identity.ofac_remarks`). The alias and
address files are read first and held in memory (they are keyed by ent_num); the primary
file is streamed. A ``Linked To: NAME.`` part of the remarks becomes an ``associate``
relationship (role ``Linked To``) to the entry of that name in the same file when exactly one
entry has it; otherwise it is reported (record, field ``remarks``) and left in the remarks,
never guessed.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from kg.ingest.bodies import body
from kg.ingest.common import (
    ImportReport,
    Progress,
    Record,
    Seen,
    citation,
    country_code,
    csv_records,
    file_source,
    weak_names,
)
from kg.ingest.crosswalks import ofac_program_reasons
from kg.ingest.identity import ofac_remarks
from kg.ingest.rows import checked_in, fit_name
from kg.ingest.sure_lines import actor_out, sanction_out
from kg.ingest.written import Line
from kg.model.records import Actor, ReasonRef, Relationship, Sanction
from kg.model.vocab import ActorKind, Measure, RelationKind

__all__ = ["OFAC_PUBLISHER", "file_role", "listing", "ofac_body", "read_ofac"]

#: The publisher named on every OFAC file's source record.
OFAC_PUBLISHER = "US Treasury, Office of Foreign Assets Control"

NULL = "-0-"
_NULLS = (NULL, "")
EOF_BYTE = "\x1a"
_COLUMNS = {"primary": 12, "add": 6, "alt": 5, "comments": 2}
_KINDS = {"individual": ActorKind.PERSON, "vessel": ActorKind.VESSEL,
          "aircraft": ActorKind.AIRCRAFT}
_NATIONALITY = re.compile(r"\b(?:nationality|citizen)\s+([A-Z][A-Za-z ,'-]+?)\s*(?:[;.]|$)")
#: ``Nationality of Registration Korea, North``: where a company or vessel is registered.
_REGISTERED = re.compile(r"\bNationality of Registration\s+([A-Z][A-Za-z ,'-]+?)\s*(?:[;.]|$)",
                         re.IGNORECASE)
#: A weak a.k.a. in the remarks: ``a.k.a. 'ABU AL-FOUTOUH'`` (also f.k.a./n.k.a., and double
#: or curly quotes); the closing quote is the one followed by ``;``, ``.``, ``)``, ``,`` or
#: the end, so a name may hold an apostrophe (``'ABU MUS'AB'``).
_WEAK_AKA = re.compile(
    r"\b[afn]\.k\.a\.,?\s*['\"\u2018\u201c](.+?)['\"\u2019\u201d](?=\s*(?:[;.),]|$))",
    re.IGNORECASE)


#: ``Linked To: NAME.`` in the remarks (one per ``;``-separated part).
_LINKED = re.compile(r"^\s*Linked To:\s*(.+?)\s*$", re.IGNORECASE)


def _linked_names(remarks: str | None) -> list[str]:
    """The names of the ``Linked To:`` parts of ``remarks``, as written (final ``.`` kept)."""
    if not remarks or not _may_hold(remarks, "linked to:"):
        return []
    return [m.group(1) for part in remarks.split(";")
            if (m := _LINKED.match(part))]


def _may_hold(text: str, word: str) -> bool:
    """False only when ``text`` cannot hold ``word`` (lower-case ASCII) in any case, so a
    case-blind pattern that needs it cannot match: a quick test before the pattern is run
    on each remark. Text that is not ASCII is always searched (a case-blind pattern also
    matches some other characters, such as the Kelvin sign for ``k``)."""
    return not text.isascii() or word in text.lower()


def _links(path: Path, src_id: str, names: dict[str, list[str]],
           pending: list[tuple[str, str, int]], report: ImportReport) -> Iterator[Record]:
    """``Linked To:`` remarks as associate relationships to the entry of that name in the
    same file when exactly one has it (the name as written, or without its final ``.``);
    otherwise reported (record, field), never guessed."""
    for actor_id, name, n in pending:
        keys = dict.fromkeys(" ".join(x.split()).casefold() for x in (name, name.rstrip(".")))
        found = next((names[k] for k in keys if names.get(k)), [])
        rec = f"ent_num {actor_id.removeprefix('ofac-')}"
        if len(found) != 1 or found[0] == actor_id:
            why = ("no entry of that name in this file" if not found else
                   f"{len(found)} entries of that name in this file" if len(found) > 1
                   else "the entry itself")
            report.change(path, n, f"'Linked To: {name}' not linked: {why}; kept in the "
                          "remarks only", record=rec, field="remarks")
            continue
        link = checked_in(Relationship, dict(  # an over-long id shortened as the actors' are
            id=f"{actor_id}-linked-{found[0].removeprefix('ofac-')}",
            kind=RelationKind.ASSOCIATE, subject=actor_id, object=found[0],
            role="Linked To", sources=[citation(src_id)]), report, path, n, record=rec)
        if link is not None:
            yield link


#: A name that says "consolidated (non-SDN) list": a word starting ``cons`` (cons_prim.csv,
#: consolidated.xml, ofac_consolidated.xml, 2024-consolidated.xml).
_CONS_NAME = re.compile(r"(?:^|[^a-z])cons", re.IGNORECASE)
#: The number of columns of each legacy CSV file (OFAC's data specification).
_ROLE_OF_WIDTH = {width: role for role, width in _COLUMNS.items()}


def file_role(path: Path) -> tuple[str, str]:
    """(role, list) of an OFAC file from its name: ``("alt", "cons")`` for cons_alt.csv,
    ``("primary", "cons")`` for ofac_consolidated.xml (any word starting ``cons``)."""
    name = path.name.lower()
    lst = "cons" if _CONS_NAME.search(name) else "sdn"
    if "comments" in name:
        return "comments", lst
    if "alt" in name:
        return "alt", lst
    if "add" in name:
        return "add", lst
    return "primary", lst


def _first_width(path: Path) -> int | None:
    """The number of cells of the first record of a CSV file, or None when it cannot be
    told (the file cannot be read, or holds no record). The record is read whole, as the
    import reads it (:func:`kg.ingest.common.csv_records`: a quoted field may span lines,
    a record may be as long as the import takes), so a long first record (a name of
    100,000 characters) does not change the guess; only what precedes the end of the first
    record is read. What the guess finds wrong (a line that is not UTF-8) is reported by
    the import itself, not here."""
    # A generator: closed here, so csv_records puts the csv module's field limit back.
    records = cast(Generator[tuple[int, list[str]], None, None],
                   csv_records(path, ImportReport("ofac"), eof=EOF_BYTE))
    try:
        first = next(records, None)
    except OSError:
        return None
    finally:
        records.close()
    return len(first[1]) if first else None


def csv_roles(paths: Iterable[Path], report: ImportReport) -> dict[Path, tuple[str, str]]:
    """(role, list) of each legacy CSV file: from its name (:func:`file_role`), and when
    the name says no role (a renamed ``OFAC.csv``), from the number of columns of its first
    record (12 primary, 6 add, 5 alt, 2 comments); such a choice is in the report's notes."""
    roles: dict[Path, tuple[str, str]] = {}
    for path in paths:
        role, lst = file_role(path)
        width = _first_width(path) if role == "primary" else None
        told = _ROLE_OF_WIDTH.get(width or 0, "primary")
        if told != "primary":
            report.note(f"{path.name}: read as OFAC's {told} file (its records have {width} "
                        "columns; its name does not say)")
            role = told
        roles[path] = (role, lst)
    return roles


@dataclass
class _Extra:
    aliases: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    countries: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    comments: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    where: dict[tuple[str, str], tuple[str, int]] = field(default_factory=dict)


def _rows(path: Path, role: str, report: ImportReport, progress: Progress | None,
          ) -> Iterator[tuple[int, list[str | None], list[str]]]:
    """(first line, cells with ``-0-`` as None and stripped, the cells as read) of each
    record of one file, read as CSV records (a quoted remark may span lines; its record keeps
    the line it starts on)."""
    want = _COLUMNS[role]
    for n, cells in csv_records(path, report, progress=progress, eof=EOF_BYTE):
        if len(cells) == 1 and not cells[0].strip():
            continue
        if len(cells) != want:
            report.skip(path, n, f"expected {want} columns ({role} file), found {len(cells)}")
            continue
        values: list[str | None] = [
            None if (s := c.strip()) in _NULLS else " ".join(s.split()) if "\n" in c
            else s for c in cells]
        if values[0] is None or not values[0].isdigit():
            report.skip(path, n, f"ent_num must be a number, not {cells[0]!r}")
            continue
        yield n, values, cells


def _read_extras(paths: list[Path], roles: dict[Path, tuple[str, str]], report: ImportReport,
                 progress: Progress | None) -> _Extra:
    extra = _Extra()
    for path in paths:
        role, lst = roles[path]
        for n, v, cells in _rows(path, role, report, progress):
            key = (lst, str(v[0]))
            extra.where.setdefault(key, (str(path), n))
            if role == "alt" and v[3]:
                extra.aliases.setdefault(key, []).append(v[3])
            elif role == "add" and v[4]:
                extra.countries.setdefault(key, []).append(v[4])
            elif role == "comments" and v[1]:  # as read: it may go on mid-word
                extra.comments.setdefault(key, []).append(cells[1])
    return extra


def read_ofac(paths: Iterable[Path], report: ImportReport, *,
              progress: Progress | None = None, seen: Seen | None = None,
              used: set[tuple[str, str]] | None = None,
              lines: bool = False) -> Iterator[Record]:
    """Stream records from OFAC legacy CSV files (see the module docstring); ``seen`` and
    ``used`` ((list, ent_num) pairs already imported) are shared with the XML reader when
    one import reads both (:func:`kg.ingest.ofac_xml.read_ofac_files`). ``lines=True``
    (for :func:`kg.ingest.write_import` alone) hands out an entry's actor and sanction as
    their written lines when the model could not change them
    (:mod:`kg.ingest.sure_lines`)."""
    paths = list(paths)
    seen = seen or Seen()
    used = set() if used is None else used
    report.files += [str(p) for p in paths]
    roles = csv_roles(paths, report)
    primary = [p for p in paths if roles[p][0] == "primary"]
    extra = _read_extras([p for p in paths if roles[p][0] != "primary"], roles, report,
                         progress)
    done: set[tuple[str, str]] = set()
    for path in primary:
        lst = roles[path][1]
        if lst == "cons":
            report.note(f"{path.name}: read as OFAC's consolidated (non-SDN) list, as its name "
                        "says: no asset freeze")
        src = file_source("ofac", path, OFAC_PUBLISHER)
        names: dict[str, list[str]] = {}
        pending: list[tuple[str, str, int]] = []
        shared = False
        for n, v, cells in _rows(path, "primary", report, progress):
            key = (lst, str(v[0]))
            done.add(key)
            if key in used:
                report.skip(path, n, f"ent_num {v[0]} appears twice (or in the XML too); the "
                                     "first is kept")
                continue
            used.add(key)
            if not shared:  # once per file: ``seen`` yields each of them once anyway
                shared = True
                yield from seen.source(src)
                yield from seen.state("us")
                body = ofac_body()
                if seen.first(body):
                    yield body
            text = _remarks(cells[11] if v[11] else "", extra.comments.get(key, []))
            # A Line only for write_import (lines=True): typed as the records it stands for.
            if (yield from _entry(v, lst, src.id, extra, text, report, path, n,  # type: ignore[misc]
                                  lines)) and v[1]:
                names.setdefault(" ".join(v[1].split()).casefold(), []).append(f"ofac-{v[0]}")
                pending += [(f"ofac-{v[0]}", x, n) for x in _linked_names(text)]
        yield from _links(path, src.id, names, pending, report)
    for key, (file, line) in sorted(extra.where.items(), key=lambda kv: kv[1]):
        if key not in done:
            report.skip(file, line, f"ent_num {key[1]} is not in any {key[0]} primary file "
                                    "given (pass sdn.csv or cons_prim.csv too)")


def _remarks(remarks: str, comments: list[str]) -> str:
    """An entry's remarks with their continuation in the comments file: OFAC cuts a long
    remark at a fixed length, mid-word (``Linked To: PROMO RAI`` + ``Z S.A.S.; ...``), so the
    parts are joined as they are, then runs of whitespace made one space."""
    return " ".join("".join([remarks, *comments]).split())


def _entry(v: list[str | None], lst: str, src_id: str, extra: _Extra, text: str,
           report: ImportReport, path: Path, n: int,
           lines: bool) -> Generator[Record | Line, None, bool]:
    """The actor and the sanction of one primary row; False when the row gives none (no
    name, or a value the model refuses: reported, record and field)."""
    ent, name, sdn_type, program, title, call_sign = v[0], v[1], v[2], v[3], v[4], v[5]
    vess_flag, vess_owner = v[9], v[10]
    assert ent is not None
    key = (lst, ent)
    if not name:
        report.skip(path, n, f"ent_num {ent} has no name")
        return False
    actor_id = f"ofac-{ent}"
    kind = _KINDS.get((sdn_type or "").lower(), ActorKind.ORGANIZATION)
    country = None
    # Each pattern is run only on remarks that may hold its words (most hold none).
    candidates = [m.group(1) for m in _NATIONALITY.finditer(text)] \
        if "nationality" in text or "citizen" in text else []
    if _may_hold(text, "registration"):
        candidates += [m.group(1) for m in _REGISTERED.finditer(text)]
    candidates += ([vess_flag] if vess_flag else []) + extra.countries.get(key, [])
    for c in candidates:
        # OFAC writes some names inverted: "Korea, North".
        code = country_code(c) or country_code(" ".join(reversed(c.split(",", 1))))
        if code and len(code) == 2:
            country = code
            break
    aliases = list(dict.fromkeys(a for a in extra.aliases.get(key, []) if a != name))
    weak = [" ".join(m.group(1).split()) for m in _WEAK_AKA.finditer(text)] \
        if _may_hold(text, ".k.a.") else []
    if kind is ActorKind.PERSON and "," in name:
        last, _, first = name.partition(",")
        turned = f"{first.strip()} {last.strip()}".strip()
        if turned and turned not in aliases:
            aliases.append(turned)
    name, whole = fit_name(name, report, path, n, record=actor_id, field="SDN_Name")
    aliases += whole
    who = ofac_remarks(text, report, path, n, record=actor_id)
    who.add_id("call_sign", call_sign)
    actor = actor_out({
        "id": actor_id, "name": name, "kind": kind, "country": country, "aliases": aliases,
        "weak_aliases": weak_names([name, *aliases], weak),
        "identifiers": {"ofac_uid": ent, **who.joined()}, "birth_dates": who.birth_dates,
        "nationalities": who.nationalities,
        "position": title if kind is ActorKind.PERSON else None,
        "description": (text or (f"Owner: {vess_owner}" if vess_owner else None)),
        "sources": [citation(src_id)]}, report, path, n, record=actor_id, lines=lines,
        made=(src_id,))
    tags = [t.strip(" []") for t in (program or "").split("] [") if t.strip(" []")]
    sanction = sanction_out(listing_fields(actor_id, lst, tags, src_id), report, path, n,
                            record=f"{actor_id}-{lst}", lines=lines,
                            made=(src_id,)) if actor else None
    if actor is None or sanction is None:
        return False
    yield actor
    yield sanction
    return True


def ofac_body() -> Actor:
    """OFAC, the issuing authority of every OFAC listing: a government body part of ``us``
    (:func:`kg.ingest.bodies.body`)."""
    return body("us-ofac")


def listing(actor_id: str, lst: str, tags: list[str], src_id: str, report: ImportReport,
            path: Path, line: int) -> Sanction | None:
    """The sanction of one OFAC entry, the same from the CSV and the XML: ``<actor>-sdn``
    (or ``-cons``) imposed by ``us``, issued by OFAC, its programme tags mapped to reasons
    (:func:`kg.ingest.crosswalks.ofac_program_reasons`); an SDN listing freezes assets.
    None when the model refuses a value (reported in ``report`` at ``path``, ``line``:
    :func:`kg.ingest.rows.checked_in`)."""
    return checked_in(Sanction, listing_fields(actor_id, lst, tags, src_id), report, path,
                      line, record=f"{actor_id}-{lst}")


def listing_fields(actor_id: str, lst: str, tags: list[str], src_id: str) -> dict[str, object]:
    """The fields of :func:`listing`'s sanction."""
    return {
        "id": f"{actor_id}-{lst}", "imposers": ["us"], "authorities": ["us-ofac"],
        "targets": [actor_id], "measures": [Measure.ASSET_FREEZE] if lst == "sdn" else [],
        "reasons": [r for t in tags for r in _tag_reasons(t)], "program": "; ".join(tags) or None,
        "sources": [citation(src_id)]}


@functools.lru_cache(maxsize=4096)  # a list repeats its programme tags on every entry
def _tag_reasons(tag: str) -> tuple[ReasonRef, ...]:
    """The reasons of one programme tag, each with the tag as its detail (shared: records
    are never changed in place)."""
    return tuple(ReasonRef(category=r, detail=tag) for r in ofac_program_reasons(tag))
