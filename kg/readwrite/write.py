"""Writing files safely: every output goes to a temporary file that is renamed into place,
so an interrupted run (Ctrl-C, a full disk, an exception) leaves the previous file intact.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, Literal, overload

import yaml

from kg.errors import OutputError

__all__ = ["atomic_dir", "atomic_open", "dataset_to_records", "write_dataset"]


@overload
@contextlib.contextmanager
def atomic_open(path: str | os.PathLike[str], mode: Literal["w"] = "w") -> Iterator[IO[str]]: ...
@overload
@contextlib.contextmanager
def atomic_open(path: str | os.PathLike[str], mode: Literal["wb"]) -> Iterator[IO[bytes]]: ...


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike[str], mode: str = "w") -> Iterator[IO[Any]]:
    """Open ``path`` for writing through a temporary file in the same folder.

    The file appears under its name only when the block ends without an exception; text is
    always UTF-8 with ``\\n`` line ends, whatever the platform.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{target}: folder {folder} does not exist")
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
        raise OutputError(f"{target}: folder {parent} does not exist")
    if target.exists() and not target.is_dir():
        raise OutputError(f"{target}: exists and is not a folder")
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


def dataset_to_records(dataset: Any) -> Iterator[dict[str, Any]]:
    """The dataset as plain JSON-ready records, each with its ``type``, for JSONL."""
    for kind, rec in dataset.records():
        yield {"type": kind, **rec.model_dump(mode="json", exclude_defaults=True)}


def write_dataset(dataset: Any, path: str | os.PathLike[str]) -> Path:
    """Write a :class:`~kg.model.Dataset` as YAML, JSON or JSONL (by the file's suffix)."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix == ".jsonl":
        with atomic_open(target) as fh:
            for rec in dataset_to_records(dataset):
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        return target
    data = dataset.model_dump(mode="json", exclude_defaults=True, by_alias=True)
    with atomic_open(target) as fh:
        if suffix == ".json":
            json.dump(data, fh, ensure_ascii=False, indent=2)
            fh.write("\n")
        elif suffix in (".yaml", ".yml"):
            yaml.safe_dump(data, fh, allow_unicode=True, sort_keys=False, width=100)
        else:
            raise OutputError(f"{target}: unknown output format (use .yaml, .json or .jsonl)")
    return target
