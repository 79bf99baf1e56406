"""Who speaks in a sentence (:func:`speaker_mention`: the mention before or after the speech
verb) and who a speaker mention stands for (:func:`resolve_speaker`).

"he"/"she" is the last person who spoke (or was named); "it" the speakers of the statement
before, or with none the last state or bloc that acted; "the statement" / "the joint
statement" the speakers of the last statement, or the states named just before it ("Russia
and China's joint statement"); "the two" the group of that size or the actors who spoke
together; an unnamed office holder with a demonym ("the Iranian foreign minister") and a
person's administration ("President X's administration") speak for the state.
"""

from __future__ import annotations

import re

from kg.extract.actors import Mention
from kg.extract.context import Doc, Resolved, dateline_end
from kg.extract.nothing_said import says_nothing
from kg.extract.refer import SUBJECT_FIRST
from kg.extract.text import Sentence

__all__ = ["in_quotes", "officials_state", "resolve_speaker", "says_nothing", "speaker_mention"]

_QUOTE = re.compile(r"“[^”]*”|\"[^\"]*\"")

#: "President X's administration": a person's government speaks for the state.
_ADMINISTRATION = re.compile(r"['’]s\s*(?:administration|government|cabinet)\b", re.I)


def resolve_speaker(m: Mention, text: str, ms: list[Mention], doc: Doc, sent: Sentence
                     ) -> tuple[list[Resolved], bool]:
    """Speaker ids for the mention ``m`` of sentence ``sent`` (``text``, its mentions ``ms``)
    and whether they were found by reference (pronoun, "the statement")."""
    if m.kind == "demonym" and m.code:
        # "the Iranian foreign minister": an unnamed office holder speaks for the state.
        aid = doc.country(m.code)
        return ([Resolved(aid, m.text, "demonym and an office: speaks for the state",
                          m.start)] if aid else []), False
    if m.kind == "ref":
        poss = [x for x in ms if x.end <= m.start and x.possessive]
        if poss and m.start - poss[-1].end <= 3:
            chain = [x for x in ms if x.kind == "country" and x.end <= poss[-1].end
                     and m.start - x.end < 30]
            found = [(doc.actor_of(x, sent.start), x) for x in chain]
            return [Resolved(i, x.text, "named before 'joint statement'", x.start)
                    for i, x in found if i], True
        ids = doc.last_multi_speakers or doc.last_speakers
        return [Resolved(i, m.text, "the speakers of the statement before", m.start)
                for i in ids], True
    if m.kind == "pronoun":
        p = m.text.lower()
        subject = [x for x in ms if x.kind == "person" and x.end <= m.start
                   and SUBJECT_FIRST.match(text, 0, x.start)]
        if p in ("he", "she") and subject and (aid := doc.actor_of(subject[0], sent.start)):
            # "Zarif answered on Twitter ...; the designation would not touch him, he wrote":
            # the person the sentence opens with
            return [Resolved(aid, m.text, "the person the sentence opens with", m.start)], True
        if p in ("he", "she") and doc.last_person:
            return [Resolved(doc.last_person, m.text, "the last person who spoke", m.start)], True
        if p in ("he", "she") and doc.last_named:
            aid = doc.actor_of(doc.last_named)
            if aid:
                return [Resolved(aid, m.text, "the last person named", m.start)], True
        if p == "it" and any(doc.actors[i].kind != "person" if i in doc.actors else True
                             for i in doc.last_speakers):
            return [Resolved(i, m.text, "the speakers of the statement before", m.start)
                    for i in doc.last_speakers], True
        if p == "it" and doc.last_state:
            # "The European Council adopted sanctions ... It said ...": with no body that
            # spoke before, the last state or bloc that acted (never a person)
            return [Resolved(doc.last_state, m.text, "the last state or bloc that acted or "
                             "spoke", m.start)], True
        if m.count and m.count in doc.groups_by_count:
            return [Resolved(doc.groups_by_count[m.count], m.text, "the group of that size",
                             m.start)], True
        multi = doc.last_multi_speakers or doc.last_multi
        if multi:
            return [Resolved(i, m.text, "the actors who spoke together before", m.start)
                    for i in multi], True
        return [], True
    if m.kind == "person" and m.code and m.possessive \
            and _ADMINISTRATION.match(text, m.end):
        # "US President Donald Trump's administration has said": the state speaks
        aid = doc.country(m.code)
        if aid:
            return [Resolved(aid, m.text, "a person's administration: speaks for the state",
                             m.start)], False
    aid = doc.actor_of(m, sent.start)
    return ([Resolved(aid, m.text, m.how, m.start)] if aid else []), False


#: Crowds and followers, who speak as no actor ("demonstrators", "Morsi's supporters").
_CROWD = re.compile(r"(?:['’]s)?\s*\b(?:demonstrators|protesters|crowds|supporters|followers|"
                    r"loyalists|backers|rioters|marchers)\b", re.I)
_CROWD_CLAUSE = re.compile(r"\b(?:when|as|while|after|where|since)\s+(?:the\s+|some\s+|many\s+|"
                           r"thousands\s+of\s+|\w+\s+)?(?:demonstrators|protesters|crowds|"
                           r"supporters|rioters|marchers)\b", re.I)
#: Unnamed people who speak for their government ("Russian officials", "EU diplomats").
_OFFICIALS = re.compile(r"\b(?:officials|diplomats|authorities)$", re.I)


def officials_state(doc: Doc, r: Resolved) -> Resolved:
    """The state or bloc for unnamed officials of it who speak ("Russian officials deny any
    role": Russia), as readers of real reporting record them; ``r`` unchanged otherwise (a
    counted group, "Forty Russian lawmakers", is its own speaker)."""
    group = doc.actors.get(r.id)
    if group is None or group.kind != "group" or group.count is not None \
            or not group.country or not _OFFICIALS.search(group.name):
        return r
    aid = doc.country(group.country)
    return Resolved(aid, r.words, r.how + ": officials speak for their state", r.start) \
        if aid else r


_SPEAKER_KINDS = ("country", "person", "group", "ref", "pronoun", "org")
#: A common noun right before the speech verb is its subject, and not an actor ("doctors
#: say", "officials said", "diplomatic sources said").
_NOUN_SUBJECT = re.compile(
    r"\b(?:doctors|analysts|critics|witnesses|residents|experts|observers|sources|diplomats|"
    r"officials?|sources?|people|activists|reports|media|campaigners|investors|traders|economists|"
    r"lawyers|monitors|inspectors|investigators|prosecutors|agency|newspaper|broadcaster|"
    # round 13: a document's figures ("..., the UN's most recent report says")
    r"report|study|survey|findings|estimates|figures|"
    r"it|this|that)\s+(?:\w+ly\s+)?(?:have\s+|had\s+|has\s+)?$")
#: An office after a demonym ("Iranian foreign minister", "Chinese embassy spokesman").
_OFFICE = re.compile(r"\s+(?:[a-z-]+\s+){0,2}(?:minister|ministry|spokes(?:man|woman|person)|"
                     r"official|government|ambassador|embassy|president|presidency|premier|leader|envoy|"
                     r"delegate|representative)"
                     r"\b|\s+(?:[A-Z][a-z-]+\s+){0,2}(?:Ministry|Government|Embassy)\b")
# (capitalised too when it is a name: "the Russian Foreign Ministry", "the Chinese Embassy")
#: "X suspended Y and said", "She withdrew an invitation to Y, said ...": a speech verb
#: coordinated with the clause's first verb.
_AND_VERB = re.compile(r"(?:\band|\w,)\s+(?:(?-i:[a-z]\w*ly)\s+)?(?:also\s+)?$", re.I)
# (an adverb is lower case: "known, Joly wrote" is a name)
#: ", head of the AU's Peace and Security Council, ": an apposition naming a person's post.
_APPOSITION = re.compile(
    r",\s+(?:(?:speaking\s+(?:for|on\s+behalf\s+of)|once|formerly|previously)\b|"
    # ("Ana Reyes, speaking for the ministry, said", "Ana Reyes, once a US diplomat, said")
    r"(?:the\s+)?(?:[\w.'’-]+\s+){0,4}?(?:head|chief|chair(?:man|woman|person)?|president|"
    r"director|leader|spokes(?:man|woman|person)|secretary|commissioner|envoy|ambassador|"
    r"minister|governor|representative|manager|coordinator|advis[eo]r|aide|counsel|official|"
    r"negotiator|prosecutor|diplomat))\b[^,;]{0,80},\s*(?:(?:has|had|have)\s+)?"
    r"(?:(?:\w+ly|already)\s+)?"
    r"(?:also\s+)?$", re.I)
#: "the Chinese embassy in London said", "the Court in The Hague condemned": the place a
#: mission or body sits in is not the speaker.
_POSTED_IN = re.compile(r"\b(?:embassy|consulate|mission|delegation|office|bureau|court|tribunal|"
                        r"agency|organi[sz]ation|headquarters)(?:\s+of(?:\s+[\w-]+){1,3}?)?"
                        r"\s+(?:in|to|at)"
                        r"\s+(?:the\s+)?$", re.I)
#: "a source in Brussels", "officials close to the Kremlin": unnamed people by a place.
_SOURCE_IN = re.compile(r"\b(?:sources?|officials?|diplomats?)\s+(?:in|at|close\s+to|from|of|"
                        r"familiar\s+with)\s+(?:the\s+)?$", re.I)
#: A closing attribution's subject: the words between the last comma and the speech verb
#: ("..., a media report said", "..., the state-run news agency AVN said", "..., a Foreign
#: Ministry spokesperson said"). Its speaker is named in those words or nowhere: an actor
#: inside the reported clause before the comma is what was said about, not who said it.
#: (Not a coordinated verb or a clause of its own: ", and said", ", he said" is a pronoun.)
_CLOSING_SUBJECT = re.compile(
    r",\s+(?!(?:and|but|or|while|as|which|who|that|when|after|before|because|since|then|"
    r"also|later|earlier|had|has|have|is|was|were|are|would|will|could|may|might|must|"
    r"\w+ly)\b)(?:[\w.'’&-]+\s+){1,8}$", re.I)


#: An unnamed official after an inverted verb, up to the body named ("said the director of
#: the ").
_POST_OF = re.compile(r"\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:director|head|chief|"
                      r"spokes(?:man|woman|person)|official|secretary|chair(?:man|woman)?|"
                      r"president)\s+(?:of|at|in|for)\s+(?:the\s+)?", re.I)
#: An unnamed person after an inverted verb ("said a senior administration official", "said
#: one diplomat"): no one named, and the actors before are in the words said.
_UNNAMED_INVERTED = re.compile(r"\s+(?:an?|one|the|two|three|several)\s+(?:[\w-]+\s+){0,3}?"
                               r"(?:officials?|spokes(?:man|woman|person)|diplomats?|sources?|"
                               r"aides?)\b(?!\s+(?:of|at|in|for)\b)", re.I)
#: Unnamed people of a state or bloc after the verb ("according to EU sources").
_UNNAMED_AFTER = re.compile(r"\s+(?:sources?|officials?|diplomats?)\b")
#: An organ named for the places it deals with ("the Hong Kong and Macao Affairs Office",
#: "the Taiwan Affairs Office"): those places are not who speaks.
_AFFAIRS_ORGAN = re.compile(r"(?:\s+and\s+[A-Z][\w-]*)*\s+Affairs\s+(?:Office|Council|"
                            r"Commission|Bureau)\b")
#: An announcement's verb and its time between the speaker and a participle after a comma.
_TOLD_BEFORE = re.compile(r"\s+(?:\w+ly\s+)?(?:announced|said|stated|declared|confirmed)\b"
                          r"[^,;]{0,40},\s+")
#: A relative clause between commas right before the speech verb ("Rice, who negotiated
#: the text with her counterpart, said").
_RELATIVE = re.compile(r",\s+(?:who|which)\b[^;,]*,\s*(?:(?:has|had|have)\s+)?(?:\w+ly\s+)?"
                       r"(?:also\s+)?$", re.I)


def in_quotes(text: str, pos: int) -> bool:
    return any(q.start() < pos < q.end() for q in _QUOTE.finditer(text))


#: A verb right after an actor: the actor is a clause's subject ("said Chisinau had been
#: told", "said Moscow would respond").
_CLAUSE_VERB = re.compile(r"\s+(?:had|has|have|was|were|is|are|would|will|could|should|"
                          r"must|may|might|did|does|do|can|wanted|needed)\b")


#: Capitalised title words between an inverted verb and a person ("said Foreign Affairs
#: Minister Nanaia Mahuta", "said EU High Representative Kaja Kallas").
_TITLE_WORDS = re.compile(r"\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){1,5}")


#: A relative clause without commas opened right before a mention ("a drone maker that
#: equips Ukraine's military").
_IN_RELATIVE = re.compile(r"\b(?-i:[a-z])[\w-]*\s+(?:that|which|who)\s+(?:[\w'’-]+\s+){0,5}$", re.I)


#: A body after a person's name, up to the verb ("Thomas Soe of the Australia Burma Campaign").
_OF_BODY = re.compile(r"\s+of\s+(?:the\s+)?(?:[A-Z][\w'’&-]*\s+){1,5}(?:\w+ly\s+)?")


def speaker_mention(text: str, ms: list[Mention], seg: tuple[int, int], cue: re.Match[str]
                     ) -> tuple[list[Mention], str] | None:
    lo = seg[0]
    word = cue.group().lower()
    # "said Lavrov", "said the Iranian foreign minister": the speaker right after the verb.
    # "according to a statement from the Kremlin": the one whose statement it is
    gap = re.match(r"\s*(?:(?:a|the)\s+(?:\w+\s+)?(?:statement|communiqu[eé]|spokes(?:man|woman|"
                   r"person))\s+(?:from|by|of|for)\s+)?(?:the\s+)?", text[cue.end():])
    reach = cue.end() + (gap.end() if gap else 0) + 2
    after = [m for m in ms if cue.end() <= m.start <= reach and (
        m.kind in _SPEAKER_KINDS or (m.kind == "demonym" and _OFFICE.match(text, m.end)))
        and not (m.kind == "pronoun" and m.text.lower() in ("it", "they", "we"))
        and not (m.kind == "ref" and re.match(r"an?\b", m.text, re.I))]
    if not any(m.kind == "person" for m in after):
        # "said Foreign Affairs Minister Nanaia Mahuta", "said EU High Representative Kaja
        # Kallas": a person after the title words (or the state) that open the inverted name
        titled = [m for m in ms if m.kind == "person" and m.start > cue.end()
                  and _TITLE_WORDS.fullmatch(text, cue.end(), m.start)]
        after = titled[:1] or after
    # ("said it had ...": "it" is the subject of the words said, never an inverted speaker;
    # "according to a statement from X": X, not the statement)
    inverted = not text[lo:cue.start()].strip() or re.search(r"[,”\"’]\s*$", text[:cue.start()])
    named = [m for m in ms if m.kind == "person" and m.end <= cue.start()]
    if inverted and named and re.fullmatch(r"\s*,\s*", text[named[-1].end:cue.start()]):
        inverted = None  # "The chairman, Moussa Faki, said the union ...": a name between commas
    rel = _RELATIVE.search(text, lo, cue.start())
    ante = [m for m in ms if rel and m.kind in ("person", "country", "group", "org")
            and m.end <= rel.start() and re.fullmatch(r"\s*", text[m.end:rel.start()])]
    if ante:
        # "Ambassador Susan Rice, who negotiated the text, said": the one the relative
        # clause describes speaks
        return ante[-1:], "the one a relative clause between commas describes"
    if rel and re.search(r"\b(?-i:[A-Z])[\w'’-]+$", text[lo:rel.start()]):
        # "Bassil, who is married to President Aoun's daughter, tweeted": a name the
        # relative clause describes (known only by that word) speaks, not an actor inside it
        return None
    if after and word != "according to" and _CLAUSE_VERB.match(text, after[0].end):
        # "X, Russia's chief health official, said Chisinau had been told ...": the actor
        # after the verb is the subject of the words said, not an inverted speaker
        after = []
    if after and _UNNAMED_AFTER.match(text, after[0].end):
        return None  # "according to EU sources", "said Western diplomats": no one named
    if word in ("said", "says", "added", "warned", "according to") and after and (
            inverted or word == "according to"):
        chain = [after[0]]
        links = []
        for m in ms:
            if m.start > chain[-1].end and not chain[-1].possessive and re.fullmatch(
                    r"\s*(?:,|and|, and)\s*(?:the\s+)?", text[chain[-1].end:m.start]):
                links.append(text[chain[-1].end:m.start])
                chain.append(m)
        if links and "and" not in links[-1]:
            # "said Ana Reyes, the EU's envoy": a comma alone opens an apposition (a list's
            # last link is "and"), and a possessive names whose post it is
            chain = chain[:1]
        if len(chain) == 1 or not _CLAUSE_VERB.match(text, chain[-1].end):
            return chain, "after the verb"
        # ("Lee, quoted as agreeing, said Tokyo, Seoul and Washington should lead": the
        # list is the subject of the words said; the speaker stands before the verb)
    if word == "according to":
        return None  # "according to a document posted on its website": no one named
    if inverted and word in ("said", "says", "added", "told", "warned") and not after and (
            post := _POST_OF.match(text, cue.end())):
        # "..., said the director of the Foreign Ministry's Treaty Department": the body the
        # unnamed official serves, else no one (the actors before are in the words said)
        body = [m for m in ms if m.start == post.end() and m.kind == "country"]
        return (body[:1], "the body an unnamed official speaks for") if body else None
    if inverted and word in ("said", "says", "added", "told", "warned") and not after and \
            _UNNAMED_INVERTED.match(text, cue.end()):
        return None  # "..., said a senior administration official who asked not to be named"
    if word in ("cited", "quoted"):
        was = re.search(r"\b(?:was|were|is|are)\s+$", text[:cue.start()])
        if was:
            prior = [m for m in ms if m.end <= was.start() and m.kind in _SPEAKER_KINDS]
            if prior:
                return [prior[-1]], "cited/quoted as saying"
        return None
    dateline = dateline_end(text) if lo == 0 else 0
    before = [i for i, m in enumerate(ms) if m.end <= cue.start() and m.start >= dateline and (
        m.kind in _SPEAKER_KINDS or (m.kind == "demonym" and _OFFICE.match(text, m.end)))
              and not in_quotes(text, m.start) and not _POSTED_IN.search(text, 0, m.start)
              and not _AFFAIRS_ORGAN.match(text, m.end)
              # a counted group speaks only as the verb's subject ("Forty lawmakers said"),
              # not from inside the words before it ("36 individuals were listed, X said")
              and not (m.kind == "group" and not re.fullmatch(r"\s+(?:\w+ly\s+)?(?:also\s+)?",
                                                             text[m.end:cue.start()]))
              # ("..., one of its senior members says": one unnamed person)
              and not (m.kind == "group" and m.text.lower().startswith("one of"))]
    body = [m for m in ms if m.kind == "person" and lo <= m.start and m.end < cue.start()
            and _OF_BODY.fullmatch(text, m.end, cue.start())]
    if body:
        # "Thomas Soe of the Australia Burma Campaign said": the person, not a place in the
        # body's name
        return body[-1:], "a person named with the body he speaks for"
    in_seg = [i for i in before if ms[i].start >= lo]
    pick = in_seg[-1] if in_seg else (before[-1] if before and lo > 0 else None)
    while pick is not None and ms[pick].kind == "ref" and re.match(r"an?\b|in\b", ms[pick].text
                                                                   if not re.search(
            r"\bin\s+$", text[:ms[pick].start]) else "in", re.I):
        # "X issued a joint statement condemning ...": the speaker is X, not the statement.
        earlier = [i for i in before if i < pick]
        pick = earlier[-1] if earlier else None
    if pick is None:
        return None
    if pick > 0 and ms[pick].kind == "country" and ms[pick - 1].kind == "person" and \
            re.fullmatch(r"\s*\(", text[ms[pick - 1].end:ms[pick].start]) and \
            text[ms[pick].end:ms[pick].end + 1] == ")":
        # "Ivo Marek (Chile), the drafter, said": the delegate speaks, his state in brackets
        return [ms[pick - 1]], "a delegate named with his state in brackets"
    if pick > 0 and ms[pick].kind == "country" and ms[pick - 1].kind == "person" and \
            re.fullmatch(r"\s+of\s+(?:the\s+)?", text[ms[pick - 1].end:ms[pick].start]):
        # "President Nana Akufo-Addo of Ghana said": the person of that state speaks
        return [ms[pick - 1]], "a person named with his state after 'of'"
    if _CROWD_CLAUSE.search(text, ms[pick].end, cue.start()) or (
            ms[pick].possessive and _CROWD.match(text, ms[pick].end)):
        # "..., when demonstrators took to the streets to demand ...", "Morsi's supporters
        # kept up their rallies, vowing ...": people in the street, not an actor
        return None
    if _NOUN_SUBJECT.search(text[ms[pick].end:cue.start()]) or _SOURCE_IN.search(
            text, lo, ms[pick].start):
        # "..., doctors say", "a senior AU official said", "a source in Brussels said": the
        # subject is not an actor
        return None
    if _IN_RELATIVE.search(text, lo, ms[pick].start):
        # "An American drone maker that equips Ukraine's military says": the subject is the
        # head noun the relative clause describes, not an actor inside it
        return None
    appos = [i for i in before if i < pick and ms[i].kind == "person"
             and _APPOSITION.match(text, ms[i].end, cue.start())]
    if appos:
        # "Ana Reyes, head of the AU's Peace and Security Council, said": the person
        return [ms[appos[-1]]], "a person before an apposition naming the post"
    close = _CLOSING_SUBJECT.search(text, lo, cue.start())
    if close and ms[pick].end <= close.start():
        # "Tokyo froze the assets of 40 people, a media report said": no actor names the
        # source (an unnamed report, news release or spokesperson is no speaker)
        return None
    told = [i for i in before if _TOLD_BEFORE.fullmatch(text, ms[i].end, cue.start())]
    if told and word.endswith("ing"):
        # "Mali has been suspended, the AU's council announced on Tuesday, warning that it
        # would ...": the participle hangs on the one who announced
        return [ms[told[-1]]], "the one whose announcement the participle follows"
    if _AND_VERB.search(text, lo, cue.start()) and not (
            re.match(r"\s*,", text[ms[pick].end:]) and (
                "," in ms[pick].text or re.search(r",\s*$", text[:ms[pick].start]))):
        # (", Keisha Marr, said": a name in apposition is the speaker, no coordinated verb)
        subject = [i for i in in_seg if SUBJECT_FIRST.match(
            text, max(lo, dateline), ms[i].start)] or [
            i for i in before if SUBJECT_FIRST.match(text, dateline, ms[i].start)]
        if not subject and lo > 0 and re.match(r"\s*and\b", text[lo:cue.start()]) and ms \
                and ms[0].kind in ("group", "demonym") \
                and SUBJECT_FIRST.match(text, dateline, ms[0].start):
            # "Chinese officials had condemned Washington and warned of consequences": the
            # verb's subject is unnamed people, and an actor in the clause before is not it
            return None
        if not subject and re.match(r"\W*(?:His|Her|Its|Their)\s+(?-i:[a-z])", text[
                max(lo, dateline):]):
            # "His officials did not spell out what they found wrong with Japan's controls,
            # and said ...": the verb's subject is unnamed people, not an actor after it
            return None
        if subject and ms[subject[0]].possessive and _CROWD.match(text, ms[subject[0]].end):
            return None  # ("Morsi's supporters kept up their rallies, vowing ...")
        if subject and subject[0] != pick:
            # "The AU suspended Mali on Friday and said it would ...": the clause's subject
            chain = [ms[subject[0]]]
            for m in ms[subject[0] + 1:]:
                if m.end <= cue.start() and re.fullmatch(r"\s*(?:,|and|, and)\s*(?:the\s+)?",
                                                         text[chain[-1].end:m.start]):
                    chain.append(m)
            return chain, "the subject of the verb the speech verb is coordinated with"
    chain = [ms[pick]]
    j = pick - 1
    links = []
    while ms[pick].kind not in ("pronoun", "ref") and j >= 0 and ms[j].kind in (
            "country", "person", "group") and re.fullmatch(
            r"\s*(?:,|and|, and)\s*(?:the\s+)?", text[ms[j].end:chain[0].start]):
        links.append(text[ms[j].end:chain[0].start])
        chain.insert(0, ms[j])
        j -= 1
    if links and ("and" not in links[0] or (len(links) == 1 and "," in links[0])):
        # "... will hit the United States, the ministry warned": a comma alone is the end
        # of the reported words, not a list of speakers (a list's last link is "and");
        # "... for use in Japan, and the ministry warned": two joined by ", and" are clauses
        chain = chain[-1:]
    return chain, "nearest actor before the verb"
