"""Names folded for matching: any script to Latin, legal forms dropped, spelling keys.

What the name matcher (:mod:`kg.resolve.match`) compares is never the raw name but its
:func:`name_tokens`: lower-case ASCII words, written in Latin whatever the script (Cyrillic,
Greek, Arabic, Hebrew, Chinese... through :mod:`anyascii`, ISC licence), with punctuation,
legal forms ("LLC", "OOO", "PJSC", "GmbH") and filler words ("of", "the") dropped.

Two keys per word then let different romanisations of one name meet:

* :func:`spelling_key` folds the usual variants of romanisation: kh/h, y/i/j, -off/-ov,
  w/v, ph/f, c/k/q, ou/u, doubled letters ("Suleiman", "Suleyman" and "Sulejman" give one key;
  so do "Deripaska" and "Deripasca");
* :func:`consonant_key` drops the vowels too, for names that came from a script that writes
  no short vowels (Arabic, Hebrew): "محمد" reads "mhmd", which is also "Muhammad"'s key.

>>> name_tokens("UNITED COMPANY RUSAL PLC")
['united', 'company', 'rusal']
>>> name_tokens("Олег Дерипаска")
['oleg', 'deripaska']
>>> name_tokens("习近平"), name_tokens("Παπαδόπουλος")
(['xi', 'jinping'], ['papadopoulos'])
>>> spelling_key("Suleyman") == spelling_key("Suleiman") == spelling_key("sulejman")
True
>>> spelling_key("Khodorkovsky") == spelling_key("Hodorkovskiy")
True
>>> consonant_key("muhammad") == consonant_key("mhmd")
True
"""

from __future__ import annotations

import functools
import re
import unicodedata

from anyascii import anyascii

__all__ = [
    "GENERIC_WORDS",
    "LEGAL_FORMS",
    "consonant_key",
    "has_vowel",
    "is_latin",
    "name_tokens",
    "spelling_key",
    "surname_positions",
]

#: Legal forms, dropped wherever they stand in a name: Russian/CIS (OOO, AO, PAO, ZAO, OAO,
#: TOO), English (LLC, PLC, Ltd, Inc, Corp, LLP), continental (GmbH, AG, SA, SARL, SpA, BV,
#: NV, SRO, Kft), Gulf (FZE, FZCO, WLL) and Asian (Pte, Pvt, Sdn Bhd, KK) forms.
LEGAL_FORMS = frozenset((
    "ooo", "oao", "zao", "pao", "ao", "tov", "too", "ip", "chp", "pjsc", "ojsc", "cjsc",
    "jsc", "llc", "plc", "ltd", "limited", "inc", "incorporated", "corp", "corporation",
    "llp", "lp", "gmbh", "ag", "kg", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "sro",
    "kft", "zrt", "oy", "ab", "as", "asa", "aps", "fze", "fzco", "fzc", "wll", "pte", "pvt",
    "sdn", "bhd", "kk", "co", "cie", "sac", "saic", "sae", "bsc", "psc", "qsc",
))

#: Filler words that carry nothing for matching.
STOP_WORDS = frozenset((
    "of", "the", "and", "for", "de", "la", "le", "el", "du", "des", "di", "da", "der",
    "den", "van", "von",
))

#: Words so common in organisation names that matching them says little: they count half
#: when measuring how much of a name a query covers.
GENERIC_WORDS = frozenset((
    "company", "group", "holding", "holdings", "international", "trading", "bank",
    "industries", "industry", "enterprise", "enterprises", "national", "state", "joint",
    "stock", "public", "closed", "open", "federal", "general",
))

_WORD = re.compile(r"[a-z0-9]+")
_SPLIT_CJK = re.compile(r"[A-Z][a-z]*")


def is_latin(ch: str) -> bool:
    """Whether a letter is written in Latin script (ASCII letters and accented Latin)."""
    return ch.isascii() or unicodedata.name(ch, "").startswith("LATIN")


def _is_cjk(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith(("CJK UNIFIED", "CJK COMPATIBILITY"))


_GREEK_OU = re.compile("ου", re.IGNORECASE)


def _latin(text: str) -> str:
    # Greek "ου" is "ou" in every romanisation (anyascii writes "oy").
    text = _GREEK_OU.sub("ou", text)
    # Runs of Chinese characters are read as a Chinese name: the first syllable is the
    # surname, the rest the given name written as one word ("习近平" -> "Xi Jinping").
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            syllables = _SPLIT_CJK.findall(anyascii("".join(run)))
            if syllables:
                out.append(" " + syllables[0] + " " + "".join(syllables[1:]) + " ")
            run.clear()

    for ch in text:
        if _is_cjk(ch):
            run.append(ch)
        else:
            flush()
            out.append(ch)
    flush()
    return anyascii("".join(out))


@functools.lru_cache(maxsize=65536)
def name_tokens(name: str) -> list[str]:
    """The words of a name as the matcher compares them (see the module docstring).

    Legal forms and filler words are dropped unless the name is nothing else.
    """
    text = _latin(name) if not name.isascii() else name
    text = text.replace("'", "").replace("`", "").replace("&", " and ")
    words = _WORD.findall(text.casefold())
    kept = [w for w in words if w not in LEGAL_FORMS and w not in STOP_WORDS]
    return kept or words


def surname_positions(name: str, tokens: list[str]) -> frozenset[int]:
    """Which of a person's name tokens are the surname.

    "SURNAME, Given Names" puts it before the comma; in "Given SURNAME" the word in
    capitals is it; otherwise the last word is.
    """
    if not tokens:
        return frozenset()
    if "," in name:
        before = len(name_tokens(name.split(",", 1)[0]))
        if 0 < before < len(tokens):
            return frozenset(range(before))
    words = name.split()
    if len(words) == len(tokens):
        caps = [i for i, w in enumerate(words) if len(w) > 1 and w.isupper()]
        if caps and len(caps) < len(words):
            return frozenset(caps)
    return frozenset({len(tokens) - 1})


# Romanisation variants of a lower-case ASCII word: letter groups first (longest first, in one
# pass), then endings and doubled letters.
_GROUPS = {
    "dzh": "i", "dj": "i", "dz": "i", "zh": "i", "tsch": "9", "tch": "9", "tsh": "9",
    "ch": "9", "sch": "8", "sh": "8", "kh": "h", "gh": "g", "ph": "f", "th": "t", "ck": "k",
    "q": "k", "c": "k", "x": "ks", "w": "v", "ou": "u", "oo": "u", "ee": "i", "y": "i",
    "j": "i",
}
_GROUP = re.compile("|".join(sorted(_GROUPS, key=len, reverse=True)))
_ENDINGS = re.compile(r"(?<=[a-z])(?:ff|h)$")
_DOUBLE = re.compile(r"(.)\1+")


@functools.lru_cache(maxsize=131072)
def spelling_key(word: str) -> str:
    """A word with the common romanisation variants folded away (see the module docstring);
    "ch" and "sh" sounds become the digits 9 and 8, so they stay apart from c/k and s.

    >>> spelling_key("Deripasca"), spelling_key("Ivanoff"), spelling_key("Yuriy")
    ('deripaska', 'ivanov', 'iuri')
    """
    key = _GROUP.sub(lambda m: _GROUPS[m.group()], word.casefold())
    key = _ENDINGS.sub(lambda m: "v" if m.group() == "ff" else "", key)
    return _DOUBLE.sub(r"\1", key)


@functools.lru_cache(maxsize=131072)
def consonant_key(word: str) -> str:
    """:func:`spelling_key` without vowels: how a name written in Arabic or Hebrew script
    (which leave short vowels out) compares with its romanisations."""
    return _DOUBLE.sub(r"\1", spelling_key(word).translate(_NO_VOWELS))


_NO_VOWELS = str.maketrans("", "", "aeiou")


def has_vowel(word: str) -> bool:
    """Whether a folded word has a vowel (romanised Arabic and Hebrew often have none)."""
    return any(c in "aeiou" for c in word)
