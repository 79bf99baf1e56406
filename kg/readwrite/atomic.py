"""Atomic output: a file or folder appears whole under its final name, or not at all.

Every writer in kg goes through :func:`atomic_open` or :func:`atomic_dir`: the data is
written to a temporary name beside the target and renamed, so a failed or interrupted run
never leaves a half-written file. Depends on :mod:`kg.errors` only.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any, Literal, overload

from kg.errors import OutputError

__all__ = ["atomic_dir", "atomic_open"]


@overload
@contextlib.contextmanager
def atomic_open(path: str | os.PathLike[str], mode: Literal["w"] = "w", *,
                check: Callable[[Path], None] | None = None) -> Iterator[IO[str]]: ...
@overload
@contextlib.contextmanager
def atomic_open(path: str | os.PathLike[str], mode: Literal["wb"], *,
                check: Callable[[Path], None] | None = None) -> Iterator[IO[bytes]]: ...


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike[str], mode: str = "w", *,
                check: Callable[[Path], None] | None = None) -> Iterator[IO[Any]]:
    """Open ``path`` for writing through a temporary file in the same folder.

    The file appears under its name only when the block ends without an exception; text is
    always UTF-8 with ``\\n`` line ends, whatever the platform. ``check``, when given, is
    called with the finished temporary file before it takes the name; if it raises, nothing
    is written (the way to verify an output can be read back before saying it was written).
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{target}: folder {folder} does not exist", usage=True)
    if target.is_dir():
        raise OutputError(f"{target}: is a folder; give the name of a file to write",
                          usage=True)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write: {exc.strerror or exc}") from None
    try:
        if "b" in mode:
            fh: IO[Any] = os.fdopen(fd, "wb")
        else:
            fh = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        with fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        if check is not None:
            check(Path(tmp))
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(f"{target}: cannot write: {exc.strerror or exc}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def atomic_dir(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Build a folder of outputs in a temporary sibling folder, then swap it into place."""
    import shutil

    target = Path(path)
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"{target}: folder {parent} does not exist", usage=True)
    if target.exists() and not target.is_dir():
        raise OutputError(f"{target}: exists and is not a folder; give a folder name",
                          usage=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=parent))
    try:
        yield tmp
        old = None
        if target.exists():
            old = parent / f".{target.name}.old.{os.getpid()}"
            os.replace(target, old)
        os.replace(tmp, target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise OutputError(f"{target}: cannot write: {exc.strerror or exc}") from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
