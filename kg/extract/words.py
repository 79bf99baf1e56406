"""Word lists for finding actors in news text: titles before a name, words that never
start or end a name, group nouns ("officials", "companies") and their modifiers, number
words. Source: kg's own lists, grown from the reporting the extractor was measured on.
"""

from __future__ import annotations

__all__ = ["GROUP_NOUNS", "MODIFIERS", "NOT_NAMES", "NUMBERS", "TITLES"]

TITLES = sorted([
    "minister of foreign affairs", "deputy foreign minister", "foreign minister",
    "foreign secretary", "secretary of state", "treasury secretary", "defence minister",
    "defense secretary", "defense minister", "prime minister", "vice president", "president",
    "chancellor", "foreign policy chief", "high representative", "spokesperson", "spokeswoman",
    "spokesman", "ambassador", "senator", "sen.", "rep.", "minister", "secretary", "counterpart",
    "opposition leader", "leader", "tycoon", "oligarch", "businessman", "general", "gen.",
    "king", "emir", "mr.", "mrs.", "ms.", "dr.", "envoy", "chief", "premier", "governor",
    "journalist", "activist", "dissident", "lawmaker", "commissioner", "chairman",
    "senators", "representative", "house speaker", "executive director", "billionaire",
], key=len, reverse=True)
NOT_NAMES = {
    "the", "on", "in", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "but", "and", "earlier", "later", "while",
    "commenting", "russia", "china", "it", "he", "she", "they", "we", "this", "that", "foreign",
    "ministry", "department", "state", "news", "agency", "us", "there", "officials",
    "reports", "analysts", "critics", "sources", "observers", "experts", "diplomats",
    "government", "ministers", "lawmakers", "protesters", "residents", "both", "all",
    "some", "many", "others", "one", "no", "police", "prosecutors", "authorities",
    "his", "her", "their", "its", "a", "an", "these", "those", "such",
}

GROUP_NOUNS = {
    "officials", "individuals", "institutions", "entities", "companies", "firms", "banks",
    "businessmen", "oligarchs", "lawmakers", "legislators", "politicians", "mps", "members",
    "citizens", "nationals", "people", "officers", "generals", "commanders", "ministers",
    "diplomats", "judges", "scholars", "academics", "researchers", "organisations",
    "organizations", "bodies", "executives", "contractors", "makers", "manufacturers",
    "producers", "suppliers", "vessels", "ships", "tankers", "leaders", "figures",
    "journalists", "activists", "agencies", "senators", "broadcasters", "groups", "exporters",
    "traders", "airlines", "refineries", "shipping", "persons",
    "parliamentarians", "deputies", "congressmen", "staffers", "aides", "envoys",
    "entrepreneurs", "businesspeople", "enterprises", "subsidiaries", "lenders", "insurers",
}
MODIFIERS = {
    "senior", "top", "former", "military", "government", "security", "intelligence", "defence",
    "defense", "technology", "tech", "state", "state-owned", "oil", "energy", "high-ranking",
    "ranking", "party", "regional", "provincial", "prison", "police", "army", "judicial",
    "cabinet", "other", "more", "further", "additional", "key", "leading", "major", "drone",
    "financial", "mining", "shipping", "media", "communist", "ruling", "local", "public",
    "private", "arms", "aviation", "space", "chemical", "steel", "gas", "trading",
    "new", "several", "some", "many", "few", "dozen", "prominent", "wealthy",
    # the time of a post ("eight serving and former senior officials")
    "serving", "sitting", "retired", "current", "incumbent",
}
NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "dozen": 12, "a dozen": 12,
}
