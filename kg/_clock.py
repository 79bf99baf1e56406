"""The one place kg reads the clock.

What a record means can depend on the day it is read: an FtM sanction whose end date has
passed is ``lifted``. Library functions that need today take ``today: str | None = None``
and ask :func:`today_iso`, so a test or a reproducible run can pin the day and nothing else
reads the system clock. (Timing a command for a progress line is not a clock read in this
sense.)

>>> today_iso("2021-03-22")
'2021-03-22'
"""

from __future__ import annotations

import datetime as dt
import re

from kg.errors import UsageError

__all__ = ["today", "today_iso"]

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def today() -> dt.date:
    """Today's date on this machine (local time)."""
    return dt.date.today()


def today_iso(pinned: str | None = None) -> str:
    """``pinned`` (a ``YYYY-MM-DD`` day) if given, else today, as ``YYYY-MM-DD``.

    Raises :class:`~kg.errors.UsageError` for a pinned day that is not a real
    ``YYYY-MM-DD`` date.
    """
    if pinned is None:
        return today().isoformat()
    try:
        if not _ISO_DAY.fullmatch(pinned):
            raise ValueError
        return dt.date.fromisoformat(pinned).isoformat()
    except ValueError:
        raise UsageError(f"today: {pinned!r} is not a YYYY-MM-DD date") from None
