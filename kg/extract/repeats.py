"""One record per speaker and stance: :func:`drop_neutral_repeats` folds the statements of an
article that tell again what a speaker already said (moved from :mod:`kg.extract.statements`
in round 13)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kg.model.records import Statement
from kg.model.vocab import Stance

__all__ = ["drop_neutral_repeats"]


def drop_neutral_repeats(statements: list[Statement], explain: list[dict[str, Any]],
                          side: Callable[[str], str] = str,
                          ) -> tuple[list[Statement], list[dict[str, Any]]]:
    """Drop a neutral (``other``) statement of speakers who take a stance elsewhere in the
    article: "Bishop told the House ..." then "She condemned ..." is one statement, the
    condemnation. Its citation is kept on the stance-taking statement; ids are renumbered
    in order. A statement with the speakers and stance of an earlier one is that statement
    told again ("Nunes told a press conference ..." then "..., Nunes added"): one record per
    speaker and stance, citing both sentences, unless it names a state the earlier one does
    not (a call on Washington, then a call on Tehran: two statements). A ministry is its
    state's side here (``side`` maps an actor id to the state it is part of): "Moscow said it
    had barred ..." then "The ministry called the move ..." is one statement, the ministry's."""
    def key(st: Statement) -> tuple[str, ...]:
        return tuple(side(a) for a in st.speakers)

    stanced = {key(st): st for st in statements if st.stance is not Stance.OTHER}
    first: dict[tuple[tuple[str, ...], Stance], Statement] = {}
    kept: list[tuple[Statement, dict[str, Any]]] = []
    for st, ex in zip(statements, explain, strict=True):
        other = stanced.get(key(st))
        if (st.stance is Stance.OTHER and other is not None) or ((
                other := first.get((key(st), st.stance))) is not None and set(
                st.about_actors) <= set(other.about_actors)):
            if all(c.start != st.sources[0].start for c in other.sources):
                other.sources.append(st.sources[0])
            other.about_sanctions += [a for a in st.about_sanctions
                                      if a not in other.about_sanctions]
            continue
        first[(key(st), st.stance)] = st
        kept.append((st, ex))
    out = []
    for n, (st, _ex) in enumerate(kept, 1):
        prefix = st.id.rsplit("-", 1)[0]
        out.append(st.model_copy(update={"id": f"{prefix}-{n}"}))
    return out, [ex for _st, ex in kept]
