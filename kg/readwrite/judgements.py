"""Judgements files: a person's decisions on whether records are the same actor.

A YAML or JSON file holding a list of ``{ids: [a, b], same: true|false, note: ...}``
(:class:`kg.model.identity.Judgement`), or a mapping with such a list under
``judgements``. ``kg merge --judgements FILE`` reads it; every merge respects it.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "j.yaml"
>>> _ = p.write_text("- {ids: [un-qdi-911, un-qdi-912], same: false}\\n", encoding="utf-8")
>>> [(j.ids, j.same) for j in load_judgements(p)]
[(['un-qdi-911', 'un-qdi-912'], False)]
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from kg.errors import Problem, ValidationFailed
from kg.model.identity import Judgement
from kg.readwrite.readers import DEFAULT_LIMITS, INVALID, Ctx, parse_json, parse_yaml, read_text

__all__ = ["load_judgements"]


def load_judgements(path: str | os.PathLike[str]) -> list[Judgement]:
    """The judgements in a YAML (``.yaml``/``.yml``) or JSON file, in order.

    Raises:
        ValidationFailed: the file cannot be read or parsed, is not a list of judgements, or
            a judgement is wrong; every problem names the file, the judgement (``judgement
            #2``, with its line for YAML) and the field.
    """
    p = Path(path)
    ctx = Ctx(DEFAULT_LIMITS)
    text = read_text(p, ctx)
    if text is None:
        raise ValidationFailed(ctx.problems)
    lines: dict[tuple[Any, ...], int] = {}
    if p.suffix.lower() == ".json":
        data = parse_json(text, p, ctx)
    else:
        data, lines = parse_yaml(text, p, ctx)
    if data is INVALID:
        raise ValidationFailed(ctx.problems)
    base: tuple[Any, ...] = ()
    if isinstance(data, dict) and "judgements" in data:
        data, base = data["judgements"], ("judgements",)
    if not isinstance(data, list):
        raise ValidationFailed([Problem(
            "a judgements file holds a list of {ids: [a, b], same: true|false}, not "
            f"{type(data).__name__}", file=str(p))])
    out: list[Judgement] = []
    for i, raw in enumerate(data):
        where = f"judgement #{i + 1}"
        line = lines.get((*base, i))
        if not isinstance(raw, dict):
            ctx.add(Problem(f"must be a mapping with ids and same, not {type(raw).__name__}",
                            file=str(p), line=line, record=where))
            continue
        try:
            out.append(Judgement.model_validate(raw))
        except ValidationError as exc:
            for err in exc.errors(include_url=False):
                loc = tuple(err["loc"])
                msg = err["msg"].removeprefix("Value error, ")
                if err["type"] == "missing":
                    msg = "required field is missing"
                elif err["type"] == "extra_forbidden":
                    msg = "unknown field (use ids, same, note)"
                ctx.add(Problem(msg, file=str(p), line=lines.get((*base, i, *loc[:1]), line),
                                record=where, field=".".join(str(x) for x in loc) or None))
    if ctx.problems:
        raise ValidationFailed(ctx.problems)
    return out
