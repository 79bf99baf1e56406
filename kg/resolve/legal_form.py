"""Organisation names without their legal form: "Rosneft Trading S.A.", "Rosneft Trading SA"
and "Rosneft Trading" name one company; "OOO Romashka" and "Romashka LLC" one firm.

The legal forms are OpenSanctions' table (``rigour.names``' organisation types, the one
followthemoney's matchers use: LLC, Ltd, GmbH, AG, S.A., JSC, PJSC, OOO and ООО, spelt-out
forms as "Public Joint Stock Company" ...), not a list of ours. Only organisations are
compared this way (:mod:`kg.resolve.identity`): a person's name has no legal form, and a
word that is one elsewhere ("Sa", "Ag") may be part of it.

What is left must still be the same name: "Rosneft Trading SA" and "Rosneft Oil Company"
share a stem, not a name, and stay apart.
"""

from __future__ import annotations

from rigour.names import extract_org_types, remove_org_types

from kg.resolve.resolver import normalize

__all__ = ["legal_forms", "name_aside_legal_form", "name_rule", "org_name_key"]


def name_aside_legal_form(name: str) -> str:
    """``name`` (case-folded) without the legal forms in it, at either end or inside; the
    whole name when nothing else would be left ("Ltd").

    >>> name_aside_legal_form("Rosneft Trading S.A.").strip()
    'rosneft trading'
    >>> name_aside_legal_form("PJSC Gazprom Neft").strip()
    'gazprom neft'
    >>> name_aside_legal_form("Rosneft Oil Company")
    'rosneft oil company'
    """
    folded = name.casefold()
    rest = remove_org_types(folded)
    return rest if normalize(rest) else folded


def org_name_key(name: str) -> str:
    """An organisation's name for matching: :func:`name_aside_legal_form`, normalised,
    words sorted (as :func:`kg.resolve.identity.name_key`).

    >>> org_name_key("Rosneft Trading S.A.") == org_name_key("Rosneft Trading")
    True
    >>> org_name_key("OOO Romashka") == org_name_key("Romashka LLC")
    True
    >>> org_name_key("Rosneft Trading SA") == org_name_key("Rosneft Oil Company")
    False
    """
    return " ".join(sorted(normalize(name_aside_legal_form(name)).split()))


def legal_forms(name: str) -> list[str]:
    """The legal forms in ``name``, as written there (case-folded), in order.

    >>> legal_forms("Rosneft Trading S.A.")
    ['s.a.']
    >>> legal_forms("Rosneft Trading")
    []
    """
    return [found for found, _ in extract_org_types(name.casefold())]


def name_rule(name: str, other: str, rule: str = "name+country+kind") -> str:
    """``rule``, the reason why ``other`` is (or may be) the same organisation as ``name``,
    saying which names were taken as one when they differ by their legal form only.

    >>> name_rule("Rosneft Trading S.A.", "Rosneft Trading")
    'name+country+kind, legal form aside: "Rosneft Trading" as "Rosneft Trading S.A."'
    >>> name_rule("Rosneft Trading S.A.", "Rosneft Trading SA")
    'name+country+kind, legal form aside: "Rosneft Trading SA" as "Rosneft Trading S.A."'
    >>> name_rule("Rosneft Trading", "ROSNEFT TRADING")
    'name+country+kind'
    """
    if _words(name) == _words(other) and legal_forms(name) == legal_forms(other):
        return rule
    return f'{rule}, legal form aside: "{other}" as "{name}"'


def _words(name: str) -> list[str]:
    return sorted(normalize(name).split())
