"""Load: from a folder of files to articles, with a reason for every file left out.

Text is decoded as UTF-8 or, failing that, the encoding charset-normalizer finds; HTML is reduced to
its text; binary, empty and duplicate files are skipped with a one-line reason. Headline, outlet,
author and publication date are read off the text where it has them.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from charset_normalizer import from_bytes

from summarizer.errors import InputError
from summarizer.schemas import Problem, SourceInfo
from summarizer.text import Document, is_furniture

MIN_WORDS = 25  # fewer words than this is not an article worth a model call
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


@dataclass
class Article:
    """One readable input file."""

    path: Path
    text: str
    info: SourceInfo = field(init=False)

    def __post_init__(self) -> None:
        self.info = SourceInfo(
            id=self.path.stem,
            path=str(self.path),
            sha256=hashlib.sha256(self.text.encode("utf-8")).hexdigest(),
            chars=len(self.text),
            **read_metadata(self.text),
        )

    @property
    def id(self) -> str:
        return self.info.id

    @cached_property
    def document(self) -> Document:
        return Document(self.id, self.text)

    @property
    def published(self) -> dt.date | None:
        return dt.date.fromisoformat(self.info.published) if self.info.published else None


@dataclass
class Loaded:
    articles: list[Article]
    skipped: list[Problem]


def load_folder(folder: Path) -> Loaded:
    """Every article in ``folder`` (or the one file given), and every file skipped with why."""
    folder = Path(folder)
    if not folder.exists():
        raise InputError(f"folder not found: {folder}")
    paths = [folder] if folder.is_file() else sorted(p for p in folder.iterdir() if not p.name.startswith("."))
    articles: list[Article] = []
    skipped: list[Problem] = []
    seen: dict[str, Article] = {}
    for path in paths:
        if path.is_dir():
            continue
        try:
            text = read_text(path)
        except ValueError as why:
            skipped.append(Problem(path=str(path), reason=str(why)))
            continue
        article = Article(path, text)
        twin = seen.get(article.info.sha256)
        if twin is not None:
            skipped.append(Problem(path=str(path), reason=f"same text as {twin.path.name}; counted once"))
            continue
        seen[article.info.sha256] = article
        articles.append(article)
    if not articles:
        detail = f" ({len(skipped)} file(s) skipped: {skipped[0].reason})" if skipped else ""
        raise InputError(f"no readable articles in {folder}{detail}")
    return Loaded(articles, skipped)


def read_text(path: Path) -> str:
    """The article text of one file; ValueError with a one-line reason when there is none."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ValueError(f"cannot read: {error.strerror or error}") from None
    text = _decode(data)
    if path.suffix.lower() in HTML_SUFFIXES or re.match(r"\s*<(!doctype html|html)", text, re.I):
        text = html_to_text(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    words = len(text.split())
    if words < MIN_WORDS:
        raise ValueError(f"too short to be an article ({words} words)")
    return text


_BOMS = [(codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16")]  # fmt: skip
# Western single-byte encodings win ties: charset-normalizer scores cp1250 and cp1252 alike on
# English text with a few accents, and cp1250 then turns "naïve" into "naďve".
_PREFERRED = ("cp1252", "latin_1", "iso8859_15")


def _decode(data: bytes) -> str:
    """UTF-8, a BOM's encoding, or the most plausible legacy encoding; ValueError if none fits."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise ValueError(f"not valid {encoding} despite its byte-order mark") from None
    if b"\x00" in data[:8192]:
        raise ValueError("binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise ValueError("not text in any known encoding")
    for match in matches:
        if match.encoding in _PREFERRED and match.chaos <= best.chaos:
            return str(match)
    return str(best)


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
# Metadata
# --------------------------------------------------------------------------------------------------

_DATE_LINE = re.compile(r"\b(1[89]|20)\d\d\b")
_AUTHOR = re.compile(r"^(?:Written by|By)\s+([A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})\s*$")
_OUTLET_PATTERNS = [
    re.compile(r"\bTry (The [A-Z][\w]+(?: [A-Z][\w]+)?) free\b"),  # subscription promo names its paper
    re.compile(r"About the author\s*\n\s*([A-Z][\w'’.-]+(?:[ -][A-Z][\w'’.-]+){0,4})(?: \([A-Z]+\))? is\b", re.I),
    re.compile(r"^\s*[•·]\s*([A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,3})\s*$", re.M),  # closing byline bullet
]


def read_metadata(text: str) -> dict[str, str | None]:
    """Title, outlet, author and publication date where the text states them."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    head = lines[:12]
    published = next((d for d in map(_date_line, head) if d), None)
    title = next(
        (
            line
            for line in head
            if len(line.split()) >= 4 and not is_furniture(line) and not _date_line(line) and not _AUTHOR.match(line)
        ),
        None,
    )
    author = next((m.group(1) for m in map(_AUTHOR.match, head) if m), None)
    outlet = next((m.group(1).strip() for p in _OUTLET_PATTERNS if (m := p.search(text))), None)
    return {"title": title, "outlet": outlet, "author": author, "published": published}


def _date_line(line: str) -> str | None:
    """ISO date if the line is a dateline such as 'Sep.14 - 2023 9:33 PM CET' or '| 1 October 2023 |'."""
    if len(line) > 60 or not _DATE_LINE.search(line) or len(re.findall(r"[A-Za-z]{4,}", line)) > 4:
        return None
    import dateparser

    when = dateparser.parse(line.strip("| "), languages=["en"], settings={"STRICT_PARSING": True})
    return when.date().isoformat() if when else None


@lru_cache(maxsize=4096)
def resolve_date(words: str, published: dt.date | None) -> str | None:
    """ISO date for a date expression, relative ones against ``published``, at the words' precision.

    'next month' in an article of 2023-09-14 → '2023-10'; 'July 2000' → '2000-07'; 'Sept 13' → '2023-09-13'.
    Remembered per process (``dateparser`` takes milliseconds a phrase, and outlets of one day repeat
    their phrases: "on Wednesday", "next month").
    """
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    settings = {"PREFER_DATES_FROM": "current_period", "RETURN_AS_TIMEZONE_AWARE": False}
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(published, dt.time())
    elif not re.search(r"\b\d{4}\b", words):
        return None  # a relative date with nothing to resolve it against
    data = DateDataParser(languages=["en"], settings=settings).get_date_data(words)
    when, period = data.date_obj, data.period
    if when is None:
        found = search_dates(words, languages=["en"], settings=settings)
        if not found:
            return None
        phrase, when = found[0]
        period = DateDataParser(languages=["en"], settings=settings).get_date_data(phrase).period
    return str(when.strftime({"year": "%Y", "month": "%Y-%m"}.get(period or "day", "%Y-%m-%d")))
