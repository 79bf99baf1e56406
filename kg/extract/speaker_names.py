"""Names of people found by where they stand next to a verb of saying, when no title
introduces them: "Ana Reyes said", "said Ana Reyes", "Ana Reyes, head of the bloc's council,
said", "Russia's envoy, Ivo Marek, said", "Ivo Marek (Chile) said", "Ivo Marek of the Burma
Campaign said", "according to Ivo Marek". Used by :func:`kg.extract.actors.find_mentions`,
which also drops names that are places or organs; the shapes come from the dev split of
``benchmarks/extract_real/`` (rounds 5 to 11).

>>> [m["name3"] for m in SPEAKER_NAME.finditer(
...     "Yakubu Gowon, one of the bloc's founders, urged the leaders to act.")]
['Yakubu Gowon']
"""

from __future__ import annotations

import re

__all__ = ["NAME_GROUPS", "ORGAN_OF", "POST_BEFORE", "SPEAKER_NAME"]

#: Verbs of saying (and judging) that may follow a speaker's name.
_SPEECH_AFTER = (r"(?:said|says|told|added|warned|urged|denied|condemned|insisted|wrote|voiced|"
                 r"noted|argued|stressed|confirmed|explained|"
                 r"criticised|criticized|slammed|welcomed|(?:was|were) (?:cited|quoted)|"
                 # round 11: "Mike Waltz, the US envoy, hailed the vote", "Clare O'Neil, the
                 # minister, called the breach ...", "Dmitry Peskov also promised a response"
                 r"hailed|praised|called|branded|recommended|promised|accused|stated|declared|"
                 # round 12: "Marco Rubio, the Secretary of State, posted on X that ..."
                 r"posted|blamed|charged)\b")
#: A word of a name: a capital, then lower case; a hyphen may join a second capitalised part
#: ("Tun-Aung", "Akufo-Addo", "Jean-Yves").
_W = r"(?:Ma?c(?=[A-Z]))?[A-Z](?:['’][A-Z])?[a-z’']+(?:-[A-Z]?[a-z’']+)*"  # "O'Neil", "McMaster"
#: An initial between a first name and a surname ("David S. Cohen").
_INITIAL = r"(?:\s+[A-Z]\.)?"
_NAME2_3 = _W + _INITIAL + r"(?:\s+" + _W + r"){1,2}"
#: Post nouns (any case: "Germany's Minister of State", "the foreign affairs minister").
_POST = (r"(?i:head|chief|chair(?:man|woman|person)?|president|director|leader|secretary|"
         r"commissioner|envoy|representative|spokes(?:man|woman|person)|minister|ambassador|"
         r"manager|coordinator|advis[eo]r|aide|counsel|official|founders?|ruler|executive|"
         r"campaigner|activist|lawmaker|senator|sponsors?|member)")
#: The words opening an apposition that describes a person without a post noun ("one of
#: the bloc's founders", "himself one of those sanctioned", "among the lead sponsors").
_DESCRIBED = (r"(?:one|himself|herself|among|who|whose|a|an|"
              # round 13: "Liu Weimin, speaking for the foreign ministry, stated", "Daniel
              # Fried, once a senior U.S. diplomat and now at the Atlantic Council, welcomed"
              r"speaking|once|formerly|previously)\b")
_TAIL = (r",\s+(?:(?:has|had|have)\s+)?(?:(?:\w+ly|already)\s+)?(?:also\s+)?" + _SPEECH_AFTER)

SPEAKER_NAME = re.compile(
    r"(?P<name>" + _W + r"(?:\s+" + _W + r"){0,2})(?=\s+(?:(?:has|had)\s+)?(?:\w+ly\s+)?"
    r"(?:also\s+)?" + _SPEECH_AFTER + r")|(?<=said )(?P<name2>[A-Z][a-z]+(?:-[A-Z]?[a-z]+)*"
    + _INITIAL + r"(?:\s+" + _W + r"){1,2})|"
    # "Ana Reyes, head of the bloc's council, said", "Michael Roth, Germany's Minister of
    # State for Europe, said", "Yakubu Gowon, one of the bloc's founders and Nigeria's former
    # ruler, urged": a name in apposition to a post or a description
    r"(?P<name3>" + _NAME2_3 + r")(?=,\s+(?:(?:the\s+)?(?:[\w.'’-]+\s+){0,4}?" + _POST
    + r"\b|" + _DESCRIBED + r")[^,;]{0,90}" + _TAIL + r")|"
    # "Russia's envoy to the OPCW, Ivo Marek, said": the post first, then the name between
    # commas (the post is checked before the name, :data:`POST_BEFORE`)
    r"(?<=, )(?P<name4>" + _NAME2_3 + r")(?=,\s+(?:\w+ly\s+)?"
    r"(?:also\s+)?" + _SPEECH_AFTER + r")|"
    # UN meetings coverage: "Ivo Marek (Chile), the drafter, said", "Ivo Marek (Chile) said":
    # the delegate, with the state in parentheses
    r"(?P<name5>" + _NAME2_3 + r")(?=\s+\([A-Z][^()]{1,40}\)"
    r"(?:,\s+[^,;]{1,60},)?\s+(?:\w+ly\s+)?(?:also\s+)?" + _SPEECH_AFTER + r")|"
    # round 11: "Thomas Soe of the Australia Burma Campaign said": a name and its body
    r"(?P<name6>" + _NAME2_3 + r")(?=\s+of\s+(?:the\s+)?(?:[A-Z][\w'’&-]*\s+){1,5}"
    r"(?:\w+ly\s+)?" + _SPEECH_AFTER + r")|"
    # round 11: "according to Stuart Jones, the top US diplomat": the one quoted
    r"(?<=according to )(?P<name7>" + _NAME2_3 + r")(?=\s*[,.;])|"
    # round 11: "The head of the AU Commission, South Africa's Nkosazana Dlamini-Zuma, told":
    # a name after its state's possessive, between commas
    r"(?<=['’]s )(?P<name8>" + _NAME2_3 + r")(?=" + _TAIL + r")")
#: The named groups of :data:`SPEAKER_NAME`, one of which holds each match's name.
NAME_GROUPS = ("name", "name2", "name3", "name4", "name5", "name6", "name7", "name8")
#: "the Ministry of Trade, Industry and Energy said": the last words of an organ's name
#: ("Ministry of ...", "Department of ...") are not a person's name.
ORGAN_OF = re.compile(r"\b(?:Ministry|Department|Office|Bureau|Committee|Commission|Council|"
                      r"Agency|Board|Chamber|Court)\s+of\s+(?:the\s+)?(?:[A-Z][\w’'-]*"
                      r"(?:,\s+|\s+and\s+|\s+&\s+|\s+))*$")
#: The post before a name between commas (:data:`SPEAKER_NAME`'s ``name4``).
POST_BEFORE = re.compile(r"\b(?:head|chief|chair(?:man|woman|person)?|president|director|"
                         r"leader|secretary|commissioner|envoy|ambassador|representative|"
                         r"spokes(?:man|woman|person)|minister|manager|coordinator|"
                         r"advis[eo]r|aide|counsel)(?:\s+(?:of|at|for|to)\b"
                         r"[^,;]{0,80})?,\s+$", re.I)
