"""What an article's text says of its source: headline, outlet, author, publication date; and dates
resolved against that day.

* The headline is the first line of at least four words in the text's head that is not page furniture,
  a dateline or a byline (a first "line" of more than :data:`MAX_TITLE_WORDS` words is a paragraph).
* The date is that of the first dateline: a line that is a date ("Sep.14 - 2023 9:33 PM CET"), or a
  name then a date ("The Guardian, 9 September 2023", "By Jane Doe, …"), opened or not by its stamp
  ("Published:", "Last updated on"), read in the article's language ("Le Monde, 9 septembre 2023").
* The outlet is what the page's furniture names (a subscription promo, an "About the author" box, a
  byline bullet, a wire story's "BOSTON (AP) —"), else the name before a dateline's date.
* The author is a byline's names ("By Jane Doe", "By JANE DOE and JOHN ROE").

:func:`resolve_date` reads a date expression ("next month", "on Tuesday") against a day, in the
article's language then in English.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from summarizer.names import CONNECTORS
from summarizer.pages import detect_language
from summarizer.text import WIRE_DATELINE, is_furniture

_DATE_LINE = re.compile(r"\b(1[89]|20)\d\d\b")
# a byline: "By Jane Doe", "By JANE DOE and JOHN ROE"
_AUTHOR = re.compile(r"^(?:Written by|By)\s+([A-Z][\w.'’-]+(?:\s+(?:(?:and|&)\s+)?[A-Z][\w.'’-]+){0,7})\s*$")
# Whitespace around line breaks is matched as [^\S\n] (spaces, tabs), never \s: with \s, each line start
# of a run of blank lines would scan the whole rest of the run — quadratic (100,000 blank lines: minutes).
_OUTLET_PATTERNS = [
    re.compile(r"\bTry (The [A-Z][\w]+(?: [A-Z][\w]+)?) free\b"),  # subscription promo names its paper
    re.compile(r"About the author[^\S\n]*\n\s*([A-Z][\w'’.-]+(?:[ -][A-Z][\w'’.-]+){0,4})(?: \([A-Z]+\))? is\b", re.I),
    re.compile(r"^[^\S\n]*[•·][^\S\n]*([A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,3})[^\S\n]*$", re.M),  # byline bullet
    re.compile(f"^{WIRE_DATELINE}", re.M),  # a wire story's "BOSTON (AP) — …" names its agency
]


MAX_TITLE_WORDS = 30  # a longer first line is the story's first paragraph, not its headline


def read_metadata(text: str) -> dict[str, str | None]:
    """Title, outlet, author and publication date where the text states them."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    head = lines[:12]
    languages = _languages(detect_language(text))
    datelines: dict[str, tuple[str | None, str | None]] = {}  # a line is read once (dateparser: milliseconds)

    def dateline(line: str) -> tuple[str | None, str | None]:
        if line not in datelines:
            datelines[line] = _dateline(line, languages)
        return datelines[line]

    def dated(line: str) -> str | None:
        return dateline(line)[1]

    published, named = next(((d, who) for who, d in map(dateline, head) if d), (None, None))
    title = next(
        (
            line
            for line in head
            if len(line.split()) >= 4 and not is_furniture(line) and not dated(line) and not _AUTHOR.match(line)
        ),
        None,
    )
    if title is not None and len(title.split()) > MAX_TITLE_WORDS:
        title = None  # the text opens with a paragraph, not a headline
    author = next((_capitalised(m.group(1)) for m in map(_AUTHOR.match, [*head, named or ""]) if m), None)
    outlet = next((m.group(1).strip() for p in _OUTLET_PATTERNS if (m := p.search(text))), None)
    if outlet is None and named and _dateline_name(named) and not _AUTHOR.match(named):
        outlet = named  # "The Guardian, 9 September 2023"
    return {"title": title, "outlet": outlet, "author": author, "published": published}


# Where a dateline's name ends and its date begins: "The Guardian, 9 September 2023", "Reuters | Sept. 9, 2023"
_DATELINE_PARTS = re.compile(r"[^\S\n]*(?:[,|·•]|[^\S\n][-–—][^\S\n])[^\S\n]*")


def _dateline(line: str, languages: list[str]) -> tuple[str | None, str | None]:
    """(the words before its date, its ISO date) if ``line`` is a dateline: 'Sep.14 - 2023 9:33 PM CET' and
    '| 1 October 2023 |' give a date, 'The Guardian, 9 September 2023' and 'By Jane Doe, 9 September 2023'
    words and a date; else (None, None)."""
    if len(line) > 80 or not _DATE_LINE.search(line):
        return None, None
    line = _STAMP.sub("", line)  # "Published: 5 March 2024", "Last updated on March 5, 2024"
    whole = _date_words(line.strip("| "), languages)
    if whole is not None:
        return None, whole
    parts = _DATELINE_PARTS.split(line.strip("| "), maxsplit=1)
    if len(parts) == 2 and len(parts[0].split()) <= 8:
        day = _date_words(parts[1].strip("| "), languages)
        if day is not None:
            return parts[0], day
    return None, None


def _capitalised(names: str) -> str:
    """A byline's names as names are written: "JANE DOE and JOHN ROE" → "Jane Doe and John Roe" (one word
    in capitals is an agency's letters: "AFP")."""
    words = [w for w in names.split() if w not in ("and", "&")]
    if len(words) < 2 or not all(w.isupper() for w in words):
        return names
    return " ".join(w if w in ("and", "&") else w.title() for w in names.split())


_STAMP_WORDS = ("updated", "published", "posted", "modified", "edited")  # a time stamp's first word
_STAMPS = frozenset([*_STAMP_WORDS, "last", "first"])
_STAMP = re.compile(  # what a dateline may open with: "Published:", "Last updated on"
    rf"^(?:(?:last|first)\s+)?(?:{'|'.join(_STAMP_WORDS)})(?:\s+(?:on|at))?\s*:?\s*", re.I
)


def _dateline_name(words: str) -> bool:
    """A few capitalised words, as a dateline names its outlet ("Agence France-Presse", "Le Monde", "BBC
    News"); not one word in capitals longer than an agency's letters (a wire dateline's "LONDON")."""
    parts = words.split()
    if not 1 <= len(parts) <= 5 or (len(parts) == 1 and parts[0].isupper() and len(parts[0]) > 3):
        return False
    if any(c.isdigit() for c in words) or parts[0].lower() in _STAMPS:
        return False  # "Updated 3:14 PM EST, March 5, 2024": when, not who
    return parts[0][0].isupper() and all(w[0].isupper() or w[0].isdigit() or w.lower() in CONNECTORS for w in parts)


def _date_words(words: str, languages: list[str]) -> str | None:
    """ISO date of ``words`` if they are a date and nothing else, in one of ``languages``."""
    if len(words) > 60 or not _DATE_LINE.search(words) or len(re.findall(r"[A-Za-z]{4,}", words)) > 4:
        return None
    import dateparser

    when = dateparser.parse(words, languages=languages, settings={"STRICT_PARSING": True})
    return when.date().isoformat() if when else None


@lru_cache(maxsize=4096)
def resolve_date(words: str, published: dt.date | None, language: str | None = None) -> str | None:
    """ISO date for a date expression, relative ones against ``published``, at the words' precision.

    'next month' in an article of 2023-09-14 → '2023-10'; 'July 2000' → '2000-07'; 'Sept 13' → '2023-09-13'.
    ``language`` is the article's (ISO 639-1): its words are read in it, then in English ('le mois
    prochain' in a French article of 2023-09-14 → '2023-10').
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
    languages = _languages(language)
    data = DateDataParser(languages=languages, settings=settings).get_date_data(words)
    when, period = data.date_obj, data.period
    if when is None:
        found = search_dates(words, languages=languages, settings=settings)
        if not found:
            return None
        phrase, when = found[0]
        period = DateDataParser(languages=languages, settings=settings).get_date_data(phrase).period
    return str(when.strftime({"year": "%Y", "month": "%Y-%m"}.get(period or "day", "%Y-%m-%d")))


@lru_cache(maxsize=64)
def _languages(language: str | None) -> list[str]:
    """The languages dateparser reads an article's dates in: its own (when dateparser knows it), then English."""
    if not language or language == "en":
        return ["en"]
    from dateparser.languages.loader import default_loader

    return [language, "en"] if language in default_loader.get_locale_map() else ["en"]
