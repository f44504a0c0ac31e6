"""Load: from a folder of files to articles, with a reason for every file left out.

Only regular files (links resolved) named ``.txt``, ``.text``, ``.md``, ``.markdown``, ``.html``,
``.htm`` or ``.xhtml`` are read, and none over :data:`MAX_FILE_BYTES` (checked before reading). Text is
decoded as UTF-8 — with the odd invalid byte replaced and a warning — or as the encoding of its
byte-order mark, UTF-16 without one, or the legacy encoding charset-normalizer finds; HTML is reduced
to its text; binary, empty and duplicate files are skipped with a one-line reason. An article is cut
at :data:`MAX_ARTICLE_CHARS`, with a warning, so that the work per file is bounded. Headline, outlet,
author and publication date are read off the text where it has them.

Each article's id is its file name without the extension — or with it, when another file of the run
has the same stem (``a.txt`` and ``a.md`` are ``a.txt`` and ``a.md``): ids are unique in a run.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from charset_normalizer import from_bytes

from summarizer.errors import InputError
from summarizer.files import read_regular
from summarizer.printable import paired
from summarizer.schemas import Problem, SourceInfo
from summarizer.text import Document, is_furniture

MIN_WORDS = 25  # fewer words than this is not an article worth a model call
MAX_FILE_BYTES = 10_000_000  # a larger file is skipped unread (a saved news page is well under 5 MB)
MAX_ARTICLE_CHARS = 100_000  # an article is cut here (a long read is 60,000): at most a few requests
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
ARTICLE_SUFFIXES = {".txt", ".text", ".md", ".markdown", *HTML_SUFFIXES}


@dataclass
class Article:
    """One readable input file."""

    path: Path
    text: str
    source_id: str | None = None  # unique in the run; the file's stem by default
    warnings: list[str] = field(default_factory=list)  # what was noticed while reading it
    info: SourceInfo = field(init=False)

    def __post_init__(self) -> None:
        self.info = SourceInfo(
            id=self.source_id or paired(self.path.stem),
            path=paired(str(self.path)),  # a file name need not be UTF-8; a report must be
            sha256=hashlib.sha256(self.text.encode("utf-8")).hexdigest(),
            chars=len(self.text),
            warnings=self.warnings,
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
    paths = sorted(p for p in folder.iterdir() if not p.name.startswith(".")) if folder.is_dir() else [folder]
    read: list[tuple[Path, str, list[str]]] = []
    skipped: list[Problem] = []
    seen: dict[str, Path] = {}
    for path in paths:
        if path.is_dir():
            continue
        try:
            text, warnings = read_article(path)
        except ValueError as why:
            skipped.append(Problem(path=paired(str(path)), reason=str(why)))
            continue
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        twin = seen.get(digest)
        if twin is not None:
            skipped.append(Problem(path=paired(str(path)), reason=f"same text as {paired(twin.name)}; counted once"))
            continue
        seen[digest] = path
        read.append((path, text, warnings))
    if not read:
        detail = f" ({len(skipped)} file(s) skipped: {skipped[0].reason})" if skipped else ""
        raise InputError(f"no readable articles in {paired(str(folder))}{detail}")
    ids = unique_ids([path for path, _, _ in read])
    articles = [Article(path, text, id_, warnings) for (path, text, warnings), id_ in zip(read, ids, strict=True)]
    return Loaded(articles, skipped)


def unique_ids(paths: list[Path]) -> list[str]:
    """One id per file: its stem, or its name when another file shares the stem; numbered if still equal."""
    stems = Counter(path.stem for path in paths)
    wanted = [paired(path.stem if stems[path.stem] == 1 else path.name) for path in paths]
    taken: set[str] = set()
    ids = []
    for name in wanted:  # 'a.txt' and 'a.txt.md' (stem 'a.txt') would still meet
        unique, n = name, 1
        while unique in taken:
            n += 1
            unique = f"{name}-{n}"
        taken.add(unique)
        ids.append(unique)
    return ids


def read_text(path: Path) -> str:
    """The article text of one file; ValueError with a one-line reason when there is none."""
    return read_article(path)[0]


def read_article(path: Path) -> tuple[str, list[str]]:
    """The article text of one file and what was noticed reading it; ValueError with a one-line reason
    when it has none: not a file to read, too large, binary, not text, too short."""
    if path.suffix.lower() not in ARTICLE_SUFFIXES:
        kind = f"a {path.suffix} file" if path.suffix else "a file without an extension"
        raise ValueError(f"{kind}: only .txt, .md and .html files (and their variants) are read")
    text, warnings = _decode(read_regular(path, MAX_FILE_BYTES))
    if path.suffix.lower() in HTML_SUFFIXES or re.match(r"\s*<(!doctype html|html)", text, re.I):
        text = html_to_text(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    words = len(text.split())
    if words < MIN_WORDS:
        raise ValueError(f"too short to be an article ({words} words)")
    if len(text) > MAX_ARTICLE_CHARS:
        whole = len(text)
        text = _cut(text, MAX_ARTICLE_CHARS)
        warnings.append(f"cut to its first {len(text):,} of {whole:,} characters (the limit per article)")
    return text, warnings


def _cut(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, at a line break or a space near the end if there is one."""
    head = text[:limit]
    for mark in ("\n", " "):
        at = head.rfind(mark, limit * 4 // 5)
        if at > 0:
            return head[:at].rstrip()
    return head


_BOMS = [(codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16")]  # fmt: skip
# Western single-byte encodings win ties: charset-normalizer scores cp1250 and cp1252 alike on
# English text with a few accents, and cp1250 then turns "naïve" into "naďve".
_PREFERRED = ("cp1252", "latin_1", "iso8859_15")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f]")


def _decode(data: bytes) -> tuple[str, list[str]]:
    """UTF-8, a BOM's encoding, UTF-16 without a BOM, or the most plausible legacy encoding, and a
    warning when bytes had to be replaced; ValueError if none fits."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), []
            except UnicodeDecodeError:
                raise ValueError(f"not valid {encoding} despite its byte-order mark") from None
    utf16 = _utf16(data)
    if utf16 is not None:
        return utf16, []
    if b"\x00" in data[:8192]:
        raise ValueError("binary file, not text")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    # UTF-8 with a few stray bytes (a pasted cp1252 dash) is UTF-8: read as another charset, every
    # accent of it would be garbled ('Zürich' → 'ZĂĽrich'). Legacy text has no valid UTF-8 sequence.
    text = data.decode("utf-8-sig", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    valid = len(text) - len(text.encode("ascii", "ignore")) - text.count("\ufffd")
    if valid >= bad:
        return text, [f"{bad} invalid UTF-8 byte sequence(s) replaced with \ufffd"]
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise ValueError("not text in any known encoding")
    for match in matches:
        if match.encoding in _PREFERRED and match.chaos <= best.chaos:
            return str(match), []
    return str(best), []


def _utf16(data: bytes) -> str | None:
    """The text of UTF-16 without a byte-order mark, or None. Its tell: the zero high bytes of ASCII
    characters (spaces, digits, Latin letters) all on one side of each pair."""
    sample = data[:8192]
    pairs = len(sample) // 2
    if len(data) % 2 or pairs < 16:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd >= pairs // 10 and even <= odd // 20:
        encoding = "utf-16-le"
    elif even >= pairs // 10 and odd <= even // 20:
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    # binary that happens to fit (16-bit numbers) decodes to control characters, not text
    return text if len(_CONTROLS.findall(text[:4096])) <= len(text[:4096]) // 100 else None


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
# Whitespace around line breaks is matched as [^\S\n] (spaces, tabs), never \s: with \s, each line start
# of a run of blank lines would scan the whole rest of the run — quadratic (100,000 blank lines: minutes).
_OUTLET_PATTERNS = [
    re.compile(r"\bTry (The [A-Z][\w]+(?: [A-Z][\w]+)?) free\b"),  # subscription promo names its paper
    re.compile(r"About the author[^\S\n]*\n\s*([A-Z][\w'’.-]+(?:[ -][A-Z][\w'’.-]+){0,4})(?: \([A-Z]+\))? is\b", re.I),
    re.compile(r"^[^\S\n]*[•·][^\S\n]*([A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,3})[^\S\n]*$", re.M),  # byline bullet
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
