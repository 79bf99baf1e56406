"""Identifier values as FollowTheMoney keeps them, or None when FtM would drop them.

FtM's identifier properties with a format (``imoNumber``, ``innCode``, ``ogrnCode``,
``leiCode``, ``swiftBic``) are checked when an entity is read (by the ``rigour`` and
``python-stdnum`` checks FtM uses): a value that fails is dropped without a word. The FtM
export asks :func:`ftm_value` first, writes the value in FtM's own form when it passes, and
otherwise keeps it in ``notes`` (so nothing is lost). The rules follow those libraries'
published algorithms (IMO: the ship and the company check digit; INN: the 10- and 12-digit
check digits; OGRN: modulo 11 / 13; LEI: ISO 7064 mod 97-10; BIC: ISO 9362's shape); the
test suite checks them against ``followthemoney`` on valid and invalid values.

>>> ftm_value("imoNumber", "IMO 9123453"), ftm_value("imoNumber", "9000001")
('IMO9123453', None)
>>> ftm_value("passportNumber", "K 1234")
'K 1234'
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["ftm_value"]

_IMO = re.compile(r"^(?:IMO[\s:.#-]*)?(\d{5,7})$", re.IGNORECASE)


def _imo(text: str) -> str | None:
    m = _IMO.match(text.strip())
    if not m or not int(m.group(1)):
        return None
    d = [int(c) for c in m.group(1).zfill(7)]
    ship = sum(x * (7 - i) for i, x in enumerate(d[:6])) % 10 == d[6]
    company = (11 - sum(x * w for x, w in zip(d, (8, 6, 4, 2, 9, 7), strict=False)) % 11
               ) % 10 == d[6]
    return "IMO" + "".join(map(str, d)) if ship or company else None


def _check(digits: str, weights: tuple[int, ...]) -> int:
    return sum(int(c) * w for c, w in zip(digits, weights, strict=False)) % 11 % 10


def _inn(text: str) -> str | None:
    n = re.sub(r"\s", "", text)
    if re.fullmatch(r"\d{10}", n):
        ok = _check(n, (2, 4, 10, 3, 5, 9, 4, 6, 8)) == int(n[9])
    elif re.fullmatch(r"\d{12}", n):
        ok = (_check(n, (7, 2, 4, 10, 3, 5, 9, 4, 6, 8)) == int(n[10])
              and _check(n, (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)) == int(n[11]))
    else:
        return None
    return n if ok else None


def _ogrn(text: str) -> str | None:
    n = text.strip()
    if not re.fullmatch(r"\d{13}|\d{15}", n) or n[0] == "0":
        return None
    rest = int(n[:-1]) % (11 if len(n) == 13 else 13)
    return n if (rest if rest != 10 else 0) == int(n[-1]) else None


def _lei(text: str) -> str | None:
    n = re.sub(r"\s", "", text).upper()
    if not re.fullmatch(r"[A-Z0-9]{18}\d{2}", n):
        return None
    return n if int("".join(str(int(c, 36)) for c in n)) % 97 == 1 else None


def _bic(text: str) -> str | None:
    # FtM keeps the institution's 8 characters of an 11-character BIC (not the branch).
    n = re.sub(r"\s", "", text).upper()
    return n[:8] if re.fullmatch(r"[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?", n) else None


_FORMATS: dict[str, Callable[[str], str | None]] = {
    "imoNumber": _imo, "innCode": _inn, "ogrnCode": _ogrn, "leiCode": _lei, "swiftBic": _bic}


def ftm_value(prop: str, value: str) -> str | None:
    """``value`` as FtM keeps it under ``prop`` (``IMO9123453``; a BIC's first 8
    characters), the value itself for a property FtM does not check, or None when FtM
    would drop it."""
    check = _FORMATS.get(prop)
    return value if check is None else check(value)
