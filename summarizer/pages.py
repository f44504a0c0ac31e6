"""Web pages: the article's main text without boilerplate, and what the page says about itself.

:func:`read_page` hands the HTML to trafilatura, which keeps the main text (no menus, teasers, cookie
banners or comments) and reads the page's metadata: ``og:site_name`` and the like for the outlet,
``<meta name="author">`` for the author, ``article:published_time`` (and htmldate's other clues) for the
publication date, ``og:title`` for the headline. A page trafilatura finds no article in, or one it
cannot parse, is reduced to all its visible text instead (:func:`html_to_text`), so nothing readable is
lost.

:func:`detect_language` names the language of a text (ISO 639-1), so that dates are read in it.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass
from functools import lru_cache

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
        title=title if title and len(title.split()) >= 4 else None,  # "Flood" is a site's <title>, not a headline
        outlet=_clean(getattr(document, "sitename", None)),
        author=_clean(getattr(document, "author", None)),
        published=_iso(getattr(document, "date", None)),
    )


def _extract(html: str) -> object | None:
    """trafilatura's extraction with its metadata, or None when it finds nothing or fails on the page."""
    try:
        import trafilatura
    except ImportError:  # an install without it still reads pages, as plain visible text
        return None
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # "empty HTML" and the like: we decide
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    try:
        return trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, favor_recall=True)
    except Exception:  # a parser error on hostile markup: the page is still read, as visible text
        return None


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
