"""Article text: HTML to plain text, and sentences with their character offsets.

Only the standard library is used: :class:`html.parser.HTMLParser` for HTML (script, style
and other non-content elements are dropped; block elements become line breaks) and a
regular expression for sentence ends that knows common abbreviations ("U.S.", "Mr.",
"Jan."), initials and closing quotes.

>>> [s.text for s in split_sentences('The U.S. acted. "No," he said.\\nNext line')]
['The U.S. acted.', '"No," he said.', 'Next line']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

__all__ = ["Sentence", "html_to_text", "looks_like_html", "split_sentences"]

_SKIP = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object"}
_BLOCK = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "section", "article", "header", "footer", "blockquote", "figcaption", "title", "pre",
    "dd", "dt", "hr", "aside", "main", "nav", "figure",
}
_VOID = {"br", "hr", "img", "meta", "link", "input", "source", "wbr", "area", "base", "col"}


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.title: list[str] = []
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        if tag in _SKIP and tag not in _VOID:
            self.skip += 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _SKIP and tag not in _VOID:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        if not self.skip:
            self.parts.append(data)


def html_to_text(html: str) -> tuple[str, str | None]:
    """The visible text of an HTML page (one paragraph a line) and its ``<title>``."""
    p = _TextParser()
    p.feed(html)
    p.close()
    raw = "".join(p.parts)
    lines = [re.sub(r"[ \t\r\f\v\u00a0]+", " ", ln).strip() for ln in raw.split("\n")]
    text = "\n".join(ln for ln in lines if ln)
    title = re.sub(r"\s+", " ", "".join(p.title)).strip() or None
    return text, title


_HTML_HINT = re.compile(r"<\s*(!doctype\s+html|html|body|p|div|article|head)\b", re.I)


def looks_like_html(text: str) -> bool:
    """True if the text starts like an HTML document or fragment."""
    return bool(_HTML_HINT.search(text[:2000]))


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence and where it is in the article text (``text == article[start:end]``)."""

    index: int
    start: int
    end: int
    text: str


# Words that end in a full stop without ending a sentence.
_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gen", "gov", "lt", "col", "capt", "sgt",
    "st", "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n",
    "e.u", "a.m", "p.m", "approx", "dept", "est", "fig", "rev", "hon",
}
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)|\n+")
_OPEN_NEXT = re.compile(r"\s*[\"“‘'(\[]?[A-Z0-9]")


def split_sentences(text: str) -> list[Sentence]:
    """Split text into sentences; every sentence is an exact slice of ``text``."""
    out: list[Sentence] = []
    start = 0
    n = len(text)

    def emit(a: int, b: int) -> None:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append(Sentence(len(out), a, b, text[a:b]))

    for m in _END.finditer(text):
        if m.group().startswith("\n"):
            emit(start, m.start())
            start = m.end()
            continue
        if not _OPEN_NEXT.match(text, m.end()):
            continue  # next word starts lower case: not a sentence end
        if m.group()[0] == ".":
            w = re.search(r"([\w.]+)$", text[start:m.start()])
            word = w.group(1).lower() if w else ""
            if word in _ABBREV or (len(word) == 1 and word.isalpha()):
                continue
            # "U.S." ends a sentence only if a clear sentence start follows; keep it joined.
            if re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):
                continue
        emit(start, m.end())
        start = m.end()
    emit(start, n)
    return out
