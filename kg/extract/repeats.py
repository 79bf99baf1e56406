"""One record per speaker and stance: :func:`drop_neutral_repeats` folds the statements of an
article that tell again what a speaker already said (moved from :mod:`kg.extract.statements`
in round 13), and :func:`fold_extra_stances` keeps at most :data:`MOST_STANCES` stances per
speaker (round 14)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kg.model.records import Statement
from kg.model.vocab import Stance

__all__ = ["MOST_STANCES", "drop_neutral_repeats", "fold_extra_stances"]


def _fold_into(into: Statement, st: Statement) -> None:
    """Keep ``st``'s citation and the sanctions it is about on ``into``, which stands for it."""
    if all(c.start != st.sources[0].start for c in into.sources):
        into.sources.append(st.sources[0])
    into.about_sanctions += [a for a in st.about_sanctions if a not in into.about_sanctions]


def _renumbered(kept: list[tuple[Statement, dict[str, Any]]]
                ) -> tuple[list[Statement], list[dict[str, Any]]]:
    """The statements kept, their ids renumbered in order, and their explanations."""
    out = []
    for n, (st, _ex) in enumerate(kept, 1):
        prefix = st.id.rsplit("-", 1)[0]
        out.append(st.model_copy(update={"id": f"{prefix}-{n}"}))
    return out, [ex for _st, ex in kept]


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
            _fold_into(other, st)
            continue
        first[(key(st), st.stance)] = st
        kept.append((st, ex))
    return _renumbered(kept)


#: The most stances one speaker keeps in an article. Readers of real reporting
#: record one or two per speaker (three in about one in seventy cases on the dev split of
#: benchmarks/extract_real/); the extractor's third and later stances of one speaker are
#: mostly a shade of the same view read from another sentence.
MOST_STANCES = 2


def fold_extra_stances(statements: list[Statement], explain: list[dict[str, Any]],
                       side: Callable[[str], str] = str,
                       ) -> tuple[list[Statement], list[dict[str, Any]]]:
    """Fold a statement whose speakers (their state's side, as :func:`drop_neutral_repeats`
    reads it) already took :data:`MOST_STANCES` other stances in the article into the
    speaker's statement before it: its citation and the sanctions it is about are kept
    there. A stance told again (a call on Washington, then one on Tehran) is no new stance.
    Ids are renumbered in order."""
    def key(st: Statement) -> tuple[str, ...]:
        return tuple(side(a) for a in st.speakers)

    kept: list[tuple[Statement, dict[str, Any]]] = []
    last: dict[tuple[str, ...], Statement] = {}
    stances: dict[tuple[str, ...], set[Stance]] = {}
    for st, ex in zip(statements, explain, strict=True):
        k = key(st)
        seen = stances.setdefault(k, set())
        if st.stance not in seen and len(seen) >= MOST_STANCES:
            into = last[k]
            _fold_into(into, st)
            continue
        seen.add(st.stance)
        last[k] = st
        kept.append((st, ex))
    return _renumbered(kept)
