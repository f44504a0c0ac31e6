"""What an article's text says of its source: headline, outlet, author, publication date; and dates
resolved against that day.

* The headline is the first line of at least four words in the text's head that is not page furniture,
  a dateline or a byline (a first "line" of more than :data:`MAX_TITLE_WORDS` words is a paragraph).
* The date is that of the first dateline (else of a wire story's "VALTURA, May 14, 2025 (AFP) -"): a
  line that is a date ("Sep.14 - 2023 9:33 PM CET", "Tuesday 11 February 2025 06:55, UK"), or a name
  then a date ("The Guardian, 9 September 2023", "By Jane Doe, …", "Ian Morris, transport correspondent
  — Tue 11 Feb 2025"), opened or not by its stamp ("Published:", "Last updated on"), read in the
  article's language ("Le Monde, 9 septembre 2023").
* The outlet is what the page's furniture names (a subscription promo, an "About the author" box, a
  byline bullet, a wire story's "BOSTON (AP) —", a copyright line), else a byline's ("By Jane Doe, BBC
  News", "By JANE DOE Associated Press"), else the name before a dateline's date.
* The author is a byline's names ("By Jane Doe", "By JANE DOE and JOHN ROE"), or the person a dateline
  names with their role ("Ian Morris, transport correspondent — …").

:func:`resolve_date` reads a date expression ("next month", "on Tuesday") against a day, in the
article's language then in English; :func:`in_its_year` puts a month said without its year in the year its
clause means.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from itertools import islice

from summarizer.names import CONNECTORS
from summarizer.pages import BYLINE_ROLES, detect_language, unlabelled
from summarizer.text import WIRE_DATELINE, is_furniture

_DATE_LINE = re.compile(r"\b(1[89]|20)\d\d\b")
_BYLINE = re.compile(r"^(?:Written by|[Bb]y)\s+([^,]+?)\s*(?:,\s*(.+?)\s*)?$")
# a line's parts, one of which may be its byline: "Issue #87 · 15 October 2025 · by Jane Doe"
_PARTS = re.compile(r"[^\S\n]+[|·•][^\S\n]+")
# the names of a byline: "Jane Doe", "JANE DOE and JOHN ROE"
_NAMES = re.compile(r"[A-Z][\w.'’-]+(?:\s+(?:(?:and|&)\s+)?[A-Z][\w.'’-]+){0,7}")
# a person named with their role: "Ian Morris, transport correspondent"
_ROLE = re.compile(r"([A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}),\s+[a-z][\w\s'’-]*")
# Whitespace around line breaks is matched as [^\S\n] (spaces, tabs), never \s: with \s, each line start
# of a run of blank lines would scan the whole rest of the run — quadratic (100,000 blank lines: minutes).
WIRE_LEAD = re.compile(f"^{WIRE_DATELINE}", re.M)  # a wire story's dateline where a line opens
# A masthead: "Civic Brief — a newsletter about …", "Daily Meridian | Live", "· Uptime Weekly, a newsletter for …"
_MASTHEAD = re.compile(
    r"(?:^|[·|•])[^\S\n]*(?!(?:Daily|Weekly|Morning|Evening|Free|Latest)[^\S\n]+(?i:newsletter))"
    r"((?:The[^\S\n]+)?[A-Z][\w&'’.-]*(?:[^\S\n]+[A-Z][\w&'’.-]*){0,3})"
    r"(?:[^\S\n]*[,:—–-][^\S\n]*(?i:an?|the)[^\S\n]+[^\n.|·]{0,60}?(?i:newsletter)\b"
    r"|[^\S\n]+(?i:newsletter)\b|[^\S\n]*\|[^\S\n]*(?i:live)\b)",
    re.M,
)
_OUTLET_PATTERNS = [
    re.compile(r"\bTry (The [A-Z][\w]+(?: [A-Z][\w]+)?) free\b"),  # subscription promo names its paper
    re.compile(r"About the author[^\S\n]*\n\s*([A-Z][\w'’.-]+(?:[ -][A-Z][\w'’.-]+){0,4})(?: \([A-Z]+\))? is\b", re.I),
    re.compile(r"^[^\S\n]*[•·][^\S\n]*([A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,3})[^\S\n]*$", re.M),  # byline bullet
    WIRE_LEAD,  # a wire story's "BOSTON (AP) — …" names its agency
    _MASTHEAD,  # a newsletter's or a live page's masthead
    re.compile(  # a page's copyright line names its publisher: "Copyright 2025 Coastal Times. All rights reserved."
        r"^[^\S\n]*(?:(?i:copyright)[^\S\n]*(?:©|\([cC]\))?|©)[^\S\n]*(?:(?:19|20)\d\d[^\S\n]+)?"
        r"((?:The[^\S\n]+)?[A-Z][\w&'’-]*(?:[^\S\n]+[A-Z][\w&'’-]*){0,4}?)(?<!Images)(?<!Photos)"
        r"(?:[^\S\n]+(?:Ltd|Limited|Inc|LLC|plc)\.?)?[^\S\n]*(?:[.,]|(?:19|20)\d\d|$)",
        re.M,
    ),
]


# words of a page's section labels, which may stand over a date as a masthead does ("Breaking News", "Middle East")
_SECTIONS = frozenset(
    "breaking latest live top world local national business politics sport sports opinion news updates home analysis "
    "europe asia africa americas middle east uk us".split()
)
MAX_TITLE_WORDS = 30  # a longer first line is the story's first paragraph, not its headline
# a line that ends on a full stop is a sentence of the story, not its headline; so is one that ends on a
# quotation closed after its full stop ('…told us: "I pay 1,100 euros for a room."')
_LEAD = re.compile(r"^(?:\S+\s+){3,}\S*(?:[a-z0-9)”\"'’]\.|[a-z0-9)][.!?][”\"’'])$")


def read_metadata(text: str) -> dict[str, str | None]:
    """Title, outlet, author and publication date where the text states them."""
    # the text's lines, less a saved page's menu ("Home", "Politics") and share buttons ("Facebook"): the
    # words of a line of one word are a date's only ("2023-09-14")
    head = list(islice((line for raw in text.splitlines() if _heading(line := raw.strip())), 12))
    languages = _languages(detect_language(text))
    datelines: dict[str, tuple[str | None, str | None]] = {}  # a line is read once (dateparser: milliseconds)

    def dateline(line: str) -> tuple[str | None, str | None]:
        if line not in datelines:
            datelines[line] = _dateline(line, languages)
        return datelines[line]

    def dated(line: str) -> str | None:
        return dateline(line)[1]

    # a line's parts, when the line is too long to be a dateline: "*Up The Dons, the … newsletter · 15
    # October 2025 · by Jonny Hartley*"
    # (a masthead is page furniture, not among the head's lines, but its parts say when and by whom)
    top = [line for raw in islice(text.splitlines(), 40) if (line := raw.strip())][:12]
    mastheads = [line for line in top if line not in head and _MASTHEAD.search(line)]
    parts = [part for line in [*head, *mastheads] if len(split := _PARTS.split(line)) > 1 for part in split]
    published, named = next(((d, who) for who, d in map(dateline, head) if d), (None, None))
    if published is None:
        published = next((d for part in parts if (d := dated(part))), None)
    if published is None and (wire := WIRE_LEAD.search(text)) and _DATE_LINE.search(wire.group(0)):
        after = wire.group(0).split("(")[0].partition(",")[2].strip()  # "May 14, 2025", "France, Oct. 14, 2025"
        published = _date_words(after, languages) or _date_words(after.partition(",")[2].strip(), languages)
    titles = [
        line
        for line in head
        if len(line.split()) >= 3
        and not is_furniture(line)
        and not dated(line)
        and not _byline(line)[0]
        and not _LEAD.search(line)
    ]  # of four words or more, or the first line's three ("Minister Dubois sacked") when no line has four
    title = next((line for line in titles if len(line.split()) >= 4), titles[0] if titles[:1] == head[:1] else None)
    if title is not None and len(title.split()) > MAX_TITLE_WORDS:
        title = None  # the text opens with a paragraph, not a headline
    author, by = next((found for found in map(_byline, [*head, named or "", *parts]) if found[0]), (None, None))
    if author is None and named and (role := _ROLE.fullmatch(named)):
        author = role.group(1)  # "Ian Morris, transport correspondent — Tue 11 Feb 2025"
    outlet = next((m.group(1).strip() for p in _OUTLET_PATTERNS if (m := p.search(text))), by)
    if outlet is None and named and _dateline_name(named) and not _byline(named)[0]:
        outlet = named  # "The Guardian, 9 September 2023"
    over_a_date = len(head) > 1 and published is not None and dateline(head[1]) == (None, published)
    masthead = head[0] if over_a_date and head[0] != title else None
    if outlet is None and masthead and _dateline_name(masthead) and not _SECTIONS.issuperset(masthead.lower().split()):
        outlet = masthead  # a masthead over a line that is a date: "Karsu Courier" / "Tuesday, 17 March 2026"
    return {"title": title and unlabelled(title), "outlet": outlet, "author": author, "published": published}


def _heading(line: str) -> bool:
    """A line that may say who, when or what: not furniture, and of two words or more, or a date's figures."""
    return (len(line.split()) > 1 or any(c.isdigit() for c in line)) and not is_furniture(line)


def _byline(line: str) -> tuple[str | None, str | None]:
    """(author, outlet) of a byline: "By Jane Doe", "By Jane Doe, BBC News", "By JANE DOE Associated
    Press" (a wire's names in capitals, then its name); (None, None) for any other line."""
    m = _BYLINE.match(line)
    if m is None:
        return None, None
    names, after = m.group(1), m.group(2) or ""
    # the first part that names an outlet: "ABN News, Miami", "Travel Editor, BBC News"
    outlet = next((o for o in map(str.strip, after.split(",")) if _dateline_name(o)), None)
    if not _NAMES.fullmatch(names):
        return None, None
    words = names.split()
    capitals = next((k for k, w in enumerate(words) if not (w.isupper() or w in ("and", "&"))), len(words))
    if 2 <= capitals < len(words) and _dateline_name(rest := " ".join(words[capitals:])):
        names, outlet = " ".join(words[:capitals]), outlet or rest  # "By JANE PORTER Associated Press"
    return _capitalised(names), outlet


def is_dateline(line: str, language: str | None = None) -> bool:
    """Whether ``line`` is a dateline (see :func:`read_metadata`), read in ``language`` then English."""
    return _dateline(line, _languages(language))[1] is not None


def is_byline(line: str) -> bool:
    """Whether ``line`` is a byline ("by Tom Verhoeven, local affairs"): not a sentence that opens on
    "By" ("By Tuesday, 40 people had died.")."""
    return not line.rstrip().endswith((".", "!", "?")) and _byline(line.strip())[0] is not None


# Where a dateline's name ends and its date begins: "The Guardian, 9 September 2023", "Reuters | Sept. 9, 2023"
_DATELINE_PARTS = re.compile(r"[^\S\n]*(?:[,|·•]|[^\S\n][-–—][^\S\n])[^\S\n]*")


def _dateline(line: str, languages: list[str]) -> tuple[str | None, str | None]:
    """(the words before its date, its ISO date) if ``line`` is a dateline: 'Sep.14 - 2023 9:33 PM CET' and
    '| 1 October 2023 |' give a date, 'The Guardian, 9 September 2023' and 'By Jane Doe, 9 September 2023'
    words and a date, as does a date with a place after it ('Tuesday 11 February 2025 06:55, UK'); else
    (None, None)."""
    if len(line) > 80 or not _DATE_LINE.search(line):
        return None, None
    line = _STAMP.sub("", line).strip("| ")  # "Published: 5 March 2024", "Last updated on March 5, 2024"
    whole = _date_words(line, languages)
    if whole is not None:
        return None, whole
    # the line's parts between separators; the date is the longest run of parts, from the first that can start it
    cuts = [(m.start(), m.end()) for m in _DATELINE_PARTS.finditer(line) if m.end() > m.start()]
    if len(cuts) > 5:
        return None, None  # a line of tags ("News | World | Europe | …"): the runs to try grow as its parts squared
    starts, ends = [0] + [end for _, end in cuts], [start for start, _ in cuts] + [len(line)]
    for first in range(len(starts)):
        if len(line[: starts[first]].split()) > 8:
            break
        for last in range(len(ends) - 1, first - 1, -1):
            if (first, last) == (0, len(ends) - 1):
                continue  # the whole line, read above
            day = _date_words(line[starts[first] : ends[last]], languages)
            if day is not None:
                return (line[: ends[first - 1]] if first else None), day
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
    if parts[-1].lower().rstrip("s") in BYLINE_ROLES:
        return False  # "By Sophie Klein, Travel Editor": what the author does, not where
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


def in_its_year(iso: str, published: dt.date, tense: str | None) -> str:
    """A month or a day said without its year (``iso``, read in the publication's year) moved to the year its
    clause means: the next when said of the future and already past ("will vote on 10 January", in an article
    of November), the last when said of the past and still to come, or more than half a year to come
    ("on Dec 28", in an article of 5 January: not next December)."""
    year, month = int(iso[:4]), int(iso[5:7])
    first = dt.date(year, month, int(iso[8:10]) if len(iso) == 10 else 1)
    last = first if len(iso) == 10 else dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    if tense == "future" and last < published:
        year += 1
    elif (tense == "past" and first > published) or (tense is None and (first - published).days > 183):
        year -= 1
    try:  # 29 February moves to no other year
        return dt.date(year, month, first.day).isoformat()[: len(iso)]
    except ValueError:
        return iso


@lru_cache(maxsize=64)
def _languages(language: str | None) -> list[str]:
    """The languages dateparser reads an article's dates in: its own (when dateparser knows it), then English."""
    if not language or language == "en":
        return ["en"]
    from dateparser.languages.loader import default_loader

    return [language, "en"] if language in default_loader.get_locale_map() else ["en"]
