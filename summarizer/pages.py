"""Web pages: the article's main text without boilerplate, and what the page says about itself.

:func:`read_page` hands the HTML to trafilatura, which keeps the main text (no menus, teasers, cookie
banners or comments) and reads the page's metadata: ``og:site_name`` and the like for the outlet,
``<meta name="author">`` for the author, ``article:published_time`` (and htmldate's other clues in the markup) for the
publication date, ``og:title`` for the headline; a page naming no site gives its outlet in its ``<title>``, after the
headline ("Three dead after train leaves tracks - BBC News"). A page trafilatura finds no article in, or one it
cannot parse, is reduced to all its visible text instead (:func:`html_to_text`), so nothing readable is
lost.

:func:`markdown_to_text` reads a Markdown file the same way: its text without the markup (heading
marks, emphasis, links' targets, list bullets, images, code and raw HTML), one block a paragraph.

:func:`detect_language` names the language of a text (ISO 639-1), so that dates are read in it.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from html import unescape
from typing import Any

MIN_PAGE_WORDS = 25  # a main text shorter than this is not the article: the whole page's text is kept


@dataclass(frozen=True)
class Page:
    """The text of a page and its metadata, each None when the page does not give it."""

    text: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date

    def metadata(self) -> dict[str, str | None]:
        return {"title": self.title, "outlet": self.outlet, "author": self.author, "published": self.published}


def read_page(html: str) -> Page:
    """The main text and metadata of an HTML page (see the module's description)."""
    document = _extract(html)
    text = getattr(document, "text", None) or ""
    if len(text.split()) < MIN_PAGE_WORDS:
        text = html_to_text(html)
    if document is None:
        return Page(text)
    title = _clean(getattr(document, "title", None))
    return Page(
        text=text,
        title=unlabelled(title) if title and len(title.split()) >= 4 else None,  # "Flood" is a site's <title>
        outlet=_outlet(_clean(getattr(document, "sitename", None)), title, html),
        author=_author(_clean(getattr(document, "author", None))),
        published=_iso(getattr(document, "date", None)),
    )


def _extract(html: str) -> object | None:
    """trafilatura's extraction with its metadata, or None when it finds nothing or fails on the page."""
    try:
        import trafilatura
        from trafilatura.settings import set_date_params
    except ImportError:  # an install without it still reads pages, as plain visible text
        return None
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # "empty HTML" and the like: we decide
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    try:
        return trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            favor_recall=True,
            # the date from the page's markup only: htmldate's search of the text took "since 2015" for the
            # day of publication (2015-01-01); a date the text states is read from it (summarizer.metadata)
            date_extraction_params=set_date_params(extensive=False),
        )
    except Exception:  # a parser error on hostile markup: the page is still read, as visible text
        return None


_TITLE_TAG = re.compile(r"<title[^>]*>([^<]{1,500})</title>", re.I)
_SITE_SUFFIX = re.compile(r"(.+?)\s+[|–—-]\s+([A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4})")


def _site_after(title: str | None, page: str) -> str | None:
    """The site a page's ``<title>`` names after its headline ("… - BBC News", "… | Reuters"), if any."""
    found = _TITLE_TAG.search(page, 0, 100_000)
    if title is None or found is None:
        return None
    parts = _SITE_SUFFIX.fullmatch(" ".join(unescape(found.group(1)).split()))
    return parts.group(2) if parts and parts.group(1) == title else None


# What a byline says a person does, not who they are or where: "By Sophie Klein, Travel Editor"
BYLINE_ROLES = frozenset(
    "editor correspondent reporter writer columnist contributor producer journalist critic analyst".split()
)


def _outlet(name: str | None, title: str | None, html: str) -> str | None:
    """trafilatura's site name, unless it is the headline (it takes one side of "headline - site"); else,
    or when it is only the site's address ("portcalderledger.example"), the name the ``<title>`` gives
    after the headline."""
    if name is not None and title and name in title:
        name = None
    if name is None or (" " not in name and "." in name):
        return _site_after(title, html) or name
    return name


def _author(names: str | None) -> str | None:
    """trafilatura's author less the byline's roles and places ("Jane Doe; Technology Editor; at Old Trafford")."""
    kept = [
        part
        for part in (names or "").split(";")
        if (words := part.split())
        and words[-1].lower().rstrip("s") not in BYLINE_ROLES
        and words[0].lower() not in ("at", "in")
    ]
    return "; ".join(part.strip() for part in kept) or None


# a live page's label before or after its headline: "Live: …", "LIVE UPDATES | …", "… – live", "… as it happened"
_LIVE_LABEL = re.compile(
    r"^live(?:\s+(?:updates?|coverage|blog))?\s*[:|–—-]\s+|\s+[–—|-]\s*(?:live(?:\s+updates?)?|as\s+it\s+happened)$",
    re.I,
)


def unlabelled(title: str) -> str:
    """A headline without a live page's label ("Live: Varenia-Ostrel ceasefire": "Varenia-Ostrel ceasefire"):
    the event's name, and the name of a source that gives no outlet's."""
    bare = _LIVE_LABEL.sub("", title).strip()
    return bare if len(bare.split()) >= 2 else title


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value[:200] or None


def _iso(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def html_to_text(html: str) -> str:
    """Visible text of an HTML page, one block per line; scripts, styles and navigation removed."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    for node in tree.css("script, style, noscript, nav, header, footer, aside, form, template, svg"):
        node.decompose()
    root = tree.body or tree.root
    if root is None:
        return ""
    text = root.text(separator="\n", strip=True)
    return re.sub(r"\n{2,}", "\n", text)


MARKDOWN_SUFFIXES = {".md", ".markdown"}


def markdown_to_text(source: str) -> str:
    """The text of a Markdown document, one paragraph per block (a table's row is one line, its cells
    joined by " | "); the headline keeps its words, without its ``#``."""
    from markdown_it import MarkdownIt

    blocks: list[str] = []
    row: list[str] | None = None
    for token in MarkdownIt("commonmark").enable("table").parse(source):
        if token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            blocks.append(" | ".join(cell for cell in row if cell))
            row = None
        elif token.type == "inline":
            words = _inline_text(token.children or [])
            if row is not None:
                row.append(words)
            elif words:
                blocks.append(words)
    return "\n\n".join(blocks)


def _inline_text(children: list[Any]) -> str:
    """An inline run's words: text and code as written, links by their words only, a soft break a space
    (a paragraph wrapped over lines), except beside a line that is all emphasis: a stand-first or a
    byline ("*Issue #87 · 15 October 2025 · by Jane Doe*") stays a line of its own."""
    lines: list[list[Any]] = [[]]
    for child in children:
        if child.type == "softbreak":
            lines.append([])
        else:
            lines[-1].append(child)
    emphasised = [_all_emphasis(line) for line in lines]
    parts = []
    for k, line in enumerate(lines):
        if k:
            parts.append("\n" if emphasised[k - 1] or emphasised[k] else " ")
        for child in line:
            if child.type in ("text", "code_inline"):
                parts.append(child.content)
            elif child.type == "hardbreak":
                parts.append("\n")
    return "".join(parts).strip()


def _all_emphasis(line: list[Any]) -> bool:
    """Whether a line's words are all inside one emphasis ("*…*", "**…**"): it opens one, and its
    last token is the first to close it."""
    depth = 0
    for k, child in enumerate(line):
        depth += child.type in ("em_open", "strong_open")
        depth -= child.type in ("em_close", "strong_close")
        if depth == 0:
            return k == len(line) - 1 and k > 0
    return False


# --------------------------------------------------------------------------------------------------
# Language
# --------------------------------------------------------------------------------------------------

# English prose is a quarter function words; a text with few of them is not English.
_ENGLISH = frozenset("the and of to in is was were that for on with said as by at from it his her has have".split())
_WORD = re.compile(r"[^\W\d_]+")
SAMPLE_CHARS = 4000


@lru_cache(maxsize=256)
def detect_language(text: str) -> str | None:
    """The language of ``text`` as an ISO 639-1 code ('en', 'fr', …), or None when it is too short to
    tell. English is recognised by its function words at once; any other language by py3langid."""
    sample = text[:SAMPLE_CHARS]
    words = _WORD.findall(sample.lower())
    if len(words) < 12:
        return None
    if sum(w in _ENGLISH for w in words) >= len(words) * 0.12:
        return "en"
    try:
        import py3langid
    except ImportError:
        return None
    language, _ = py3langid.classify(sample)
    return str(language)
