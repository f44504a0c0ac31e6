"""Times: the times of day, the parts of the day and the days a statement names.

Outlets say when in their own ways: "3:41 a.m." / "03:41" / "before dawn", "late Saturday night" /
"23:45", "yesterday" / "on Tuesday" / "8 October". A time of day is read in minutes after midnight
(:func:`times_of_day`), the parts of the day it falls in and those said in words alike
(:func:`parts_of_day`), and a day said relative to the publication as the day it names
(:func:`days_said`, month × 100 + day, as :mod:`summarizer.quantities` keeps a date). They pin an answer
down (:mod:`summarizer.facets`); none of them makes a clash: "23:40" and "23:45" may be one moment.
The months and weekdays a statement names (:func:`months_said`, :func:`weekdays_said`) do: "on Monday"
and "on Tuesday" cannot both be right, nor "early 2027" and "the second half of 2027"
(:func:`year_parts`). The day a source spoke ("the operator said on Sunday") is none
of them (:func:`undated`).
"""

from __future__ import annotations

import datetime as dt
import re

from summarizer.saying import REPORTED
from summarizer.text import DIGIT, WEEKDAY_NAMES, WEEKDAYS, may_match, word_key
from summarizer.units import MONTH_NUMBER, ORDINALS, WORD_NUMBERS

# A month's name or its abbreviation, and the words it matches
MONTH = re.compile(
    r"\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?",
    re.I,
)
_MONTH_KEYS = frozenset(
    "jan january feb february mar march apr april may jun june jul july aug august sep sept september "
    "oct october nov november dec december".split()
)
# A day of a month in figures: 9/28, 22/05/2024; not 24/7
NUMERIC_DATE = re.compile(r"\b(?!24/7\b)(\d{1,2})/(\d{1,2})(?:/(?:\d{4}|\d{2}))?\b")
# A weekday's name or its abbreviation, and the words it matches
WEEKDAY = re.compile(r"\b(mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b", re.I)
_WEEKDAY_KEYS = frozenset(
    day + end for day in "mon tue tues wed wednes thu thurs fri sat satur sun".split() for end in ("", "day")
)
_WEEKEND = re.compile(r"\bweekend\b", re.I)  # Saturday and Sunday: "at the weekend" / "late Saturday"
_WEEKEND_KEYS = frozenset({"weekend"})
# A part of a year said before it: "early 2027", "the second half of 2027", "Q3 2026", "mid-2027"; not
# a deadline ("by the end of 2027": any month before it), which no other month contradicts
_YEAR_PART = re.compile(
    r"(?<!\bby )(?<!\bby the )(?<!\bbefore )(?<!\buntil )(?<!\btill )(?<!\bas )"
    r"\b(?:(?:the\s+)?(?:(early|start\s+of|beginning\s+of)|(mid|middle\s+of)|(late|end\s+of)"
    r"|(first|second)\s+half\s+of|(first|second|third|fourth)\s+quarter\s+of|[hH]([12])|Q([1-4])))"
    r"[\s-]+(?:(?:19|20)\d\d)\b",
    re.I,
)
# When a source spoke, not when what it said happened: "the operator said on Sunday", "told staff on
# Wednesday", "said in a statement late Monday". Two claims said on one day need not say one thing.
_SAID_ON = re.compile(
    rf"\b(?:{REPORTED}|"
    r"in\s+an?\s+(?:statement|note|memo|e-?mail|letter|interview))\s*,?\s+(?:late\s+|early\s+)?(?:on\s+)?"
    # the day, and its part ("said on Monday night"); not "said Monday's vote…"
    rf"(?:{WEEKDAY_NAMES}|yesterday|today)(?:\s+(?:morning|afternoon|evening|night))?\b(?!['’])"
    rf"|\bon\s+(?:{WEEKDAY_NAMES})\s+that\b",  # "estimated on Wednesday that…"
    re.I,
)
# A time of day, read as minutes after midnight: "6 a.m.", "2:15 p.m.", "11pm", "9.30pm", "23:40"; not a
# race clock's "2:00:35" or "1:52.30" (summarizer.durations)
_CLOCK = re.compile(r"\b(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s?m\b|(?<![\d:.])(\d{1,2}):(\d{2})\b(?![:.]\d)", re.I)
# A day said relative to the day of publication: "yesterday", "today", "three days ago", "on Tuesday".
_RELATIVE_DAY = re.compile(
    rf"\b(?:(yesterday)|(today|tonight)|(tomorrow)|(\d{{1,2}}|[a-z]+)\s+days?\s+ago|({WEEKDAY_NAMES}))\b",
    re.I,
)
# a season, two years in one: "2028-29"
_SEASON = re.compile(r"\b((?:1[89]|20)\d\d)\s*[-–/]\s*(\d\d)\b")
# two happenings in sequence: "forced out on Tuesday, a day after the watchdog ruled"
SEQUENCED = re.compile(
    r"\b(?:minutes|hours|days|weeks|months|a day|a week|shortly|soon|moments)\s+(?:after|before)\b", re.I
)
CLOSE_TIMES = 60  # minutes: "just after 5:30 p.m." and "at about 5:40 p.m." may be one moment, 6 a.m. is not
_NEXT_YEAR = re.compile(r"\b(?:next|the\s+coming)\s+year\b", re.I)  # not "this year": "agreed earlier this year"
_SHORT_RANGE = re.compile(r"['’](\d\d)\s*[-–]\s*['’]?(\d\d)\b")
# between two weekdays of one span: "Tuesday and Wednesday", "Monday to Friday", "Tuesday-Thursday"
DAYS_SPAN = re.compile(r"\s*(?:,|and|or|to|through|until|till|-|–)\s*", re.I)
# The parts of a day, as the minutes after midnight each covers (the edges overlap: "late Saturday
# night" is 23:45, and so is an evening): a part said in words pins what a time in figures does.
_PARTS = {"night": (21 * 60, 6 * 60), "morning": (5 * 60, 12 * 60), "afternoon": (12 * 60, 18 * 60),
          "evening": (17 * 60, 24 * 60)}  # fmt: skip
_PART_WORDS = re.compile(  # not a night spent somewhere, which is no time of what happened: "spent the night in tents"
    r"\b(?:(before\s+dawn|pre-?dawn|(?:the\s+)?(?:early|small)\s+hours|overnight|midnight"
    r"|(?<!spent the )(?<!spend the )(?<!spending the )(?<!for the )night)|(morning)|(afternoon)"
    r"|(evening))\b",
    re.I,
)
_PART_KEYS = frozenset("dawn predawn hours overnight midnight night morning afternoon evening".split())


def published_day(published: str | None) -> dt.date | None:
    """The day an ISO publication date names; None for one that names no day ("2023-09"), or none."""
    try:
        return dt.date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def season_years(text: str) -> frozenset[int]:
    """The second year of a season or range: 2029 in "2028-29", 2021 and 2023 in "'21-'23"."""
    found = {int(m.group(1)[:2] + m.group(2)) for m in _SEASON.finditer(text)}
    found.update(2000 + int(y) for m in _SHORT_RANGE.finditer(text) for y in m.groups())
    return frozenset(found)


def years_said(text: str, published: dt.date, words: frozenset[str] | None = None) -> frozenset[int]:
    """The year after ``published`` when ``text`` says "next year". ``words``: the text's
    :func:`~summarizer.text.words_said`, when the caller has them."""
    if words is not None and "year" not in words:
        return frozenset()
    return frozenset([published.year + 1]) if _NEXT_YEAR.search(text) else frozenset()


def numeric_day(first: int, second: int) -> int | None:
    """A date written in figures as a ``day``, when only one order reads as one: 9/28 and 28/9 are 28
    September; 12/03 is 12 March or 3 December, so nothing."""
    orders = ((first, second), (second, first))
    readings = {month * 100 + day for month, day in orders if 1 <= month <= 12 and 1 <= day <= 31}
    return readings.pop() if len(readings) == 1 else None


def undated(text: str) -> str:
    """``text`` with the day its source spoke blanked ("said on Monday night"): it pins nothing of what
    was said."""
    return _SAID_ON.sub(lambda m: " " * len(m.group(0)), text) if "ay" in text or "AY" in text else text


def months_said(text: str, words: frozenset[str] | None = None) -> frozenset[int]:
    """The months ``text`` names, by number. ``words``: the text's :func:`~summarizer.text.words_said`,
    when the caller has them."""
    found = MONTH.finditer(text) if may_match(words, _MONTH_KEYS) else ()
    return frozenset(MONTH_NUMBER[word_key(m.group(1))[:3]] for m in found if _is_month(m, text))


def year_parts(text: str) -> frozenset[int]:
    """The months of the parts of a year ``text`` names: early 2027 (January to April), mid-2027 (May to
    August), late 2027 (September to December), its halves and quarters ("the second half of 2027", "H2
    2027", "Q3 2026")."""
    months: set[int] = set()
    for m in _YEAR_PART.finditer(text):
        early, mid, late, half, quarter, h, q = m.groups()
        if early or mid or late:
            first = 1 if early else 5 if mid else 9
            months.update(range(first, first + 4))
        elif half or h:
            first = 1 if (half or "").lower() == "first" or h == "1" else 7
            months.update(range(first, first + 6))
        else:
            first = 3 * ((ORDINALS[quarter.lower()] if quarter else int(q)) - 1) + 1
            months.update(range(first, first + 3))
    return frozenset(months)


def _is_month(match: re.Match[str], text: str) -> bool:
    """'may' and 'march' are months only when they look like one ('in May', 'May 3'), not 'may go'."""
    word = match.group(1)
    if word.lower() not in ("may", "mar", "march"):
        return True
    return word[0].isupper() and not (match.start() == 0 or text[: match.start()].rstrip().endswith((".", "“", '"')))


def weekdays_said(text: str, dated: str, words: frozenset[str] | None = None) -> frozenset[str]:
    """The weekdays ``text`` names (the first three letters; a weekend is Saturday and Sunday), less the
    day its source spoke (``dated``: :func:`undated` of it). ``words``: as for :func:`months_said`."""
    found = WEEKDAY.finditer(dated) if may_match(words, _WEEKDAY_KEYS) else ()
    days = frozenset(word_key(m.group(1))[:3] for m in found)
    return days | {"sat", "sun"} if may_match(words, _WEEKEND_KEYS) and _WEEKEND.search(text) else days


# a span's first weekday and its last: "began at 6am on Sunday", "due to last 72 hours, until 6am on Wednesday"
_SPAN_BEGINS = re.compile(
    r"\b(?:began|begun|begins|started|starts|since|took effect|takes effect|came into force|comes into force"
    rf"|kicked in)\b[^,;.]{{0,40}}?{WEEKDAY.pattern}",
    re.I,
)
_SPAN_ENDS = re.compile(rf"\b(?:until|till)\b[^,;.]{{0,40}}?{WEEKDAY.pattern}", re.I)


def span_weekdays(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The weekdays (first three letters) ``text`` says a span begins on and lasts until: the truce that "began
    on Sunday" and the one that lasts "until Wednesday" may be one; a closure "until Tuesday" is no reopening
    "on Monday"."""
    begins = frozenset(word_key(m.group(1))[:3] for m in _SPAN_BEGINS.finditer(text))
    return begins, frozenset(word_key(m.group(1))[:3] for m in _SPAN_ENDS.finditer(text))


def times_of_day(text: str) -> frozenset[int]:
    """The times of day ``text`` gives, in minutes after midnight ("3:41 a.m." and "03:41" are one)."""
    found = set()
    for m in _CLOCK.finditer(text) if DIGIT.search(text) else ():
        hour, minute = int(m.group(1) or m.group(4)), int(m.group(2) or m.group(5) or 0)
        half = (m.group(3) or "").lower()
        if minute > 59 or hour > (12 if half else 24):
            continue
        hour = hour % 12 + (12 if half == "p" else 0) if half else hour % 24
        found.add(hour * 60 + minute)
    return frozenset(found)


def times_near(a: frozenset[int], b: frozenset[int]) -> bool:
    """Some time of day of ``a`` within :data:`CLOSE_TIMES` minutes of one of ``b`` (across midnight too)."""
    return any(min(abs(x - y), 1440 - abs(x - y)) <= CLOSE_TIMES for x in a for y in b)


def parts_of_day(text: str, times: frozenset[int], words: frozenset[str] | None = None) -> frozenset[str]:
    """The parts of the day ``text`` names ("before dawn", "on Tuesday afternoon"), and those its times
    of day (``times``, minutes after midnight) fall in. ``words``: the text's
    :func:`~summarizer.text.words_said`, when the caller has them."""
    said = _PART_WORDS.finditer(text) if may_match(words, _PART_KEYS) else ()
    found = {part for m in said for part, group in zip(_PARTS, m.groups(), strict=True) if group}
    for minutes in times:
        found.update(
            part
            for part, (start, end) in _PARTS.items()
            if (start <= minutes < end if start < end else minutes >= start or minutes < end)  # night: past midnight
        )
    return frozenset(found)


def days_said(text: str, published: dt.date, *, ahead: bool = False) -> frozenset[int]:
    """The days ``text`` names relative to ``published``, as ``day`` values (month × 100 + day):
    "yesterday", "three days ago", "on Tuesday" (the last Tuesday up to ``published``, or with ``ahead``,
    for a statement about what will happen, the next one from it), and a date in figures that reads two
    ways ("12/03") when one reading is near ``published``."""
    figures = NUMERIC_DATE.finditer(text) if DIGIT.search(text) else ()
    found = {read for m in figures if (read := _nearer_reading(m, published)) is not None}
    lower = text.lower()
    if "day" not in lower and "tonight" not in lower and "tomorrow" not in lower:
        return frozenset(found)  # what the expression finds has one of these words; most statements have none
    last = (-1, 0, 0)  # the weekday read last: where it ends, its offset and its index
    for m in _RELATIVE_DAY.finditer(text):
        yesterday, today, _, count, weekday = m.groups()
        if count is not None:
            back = int(count) if count.isdigit() else WORD_NUMBERS.get(count.lower())
            if back is None or back != int(back):
                continue  # "a few days ago", "half a day ago"
            offset = -int(back)
        elif weekday is not None:
            index = WEEKDAYS.index(weekday.lower())
            if last[0] >= 0 and DAYS_SPAN.fullmatch(text, last[0], m.start()):  # "Tuesday and Wednesday"
                offset = last[1] + (index - last[2]) % 7
            else:
                gap = index - published.weekday()
                offset = gap % 7 if ahead else -(-gap % 7)
            last = (m.end(), offset, index)
        else:
            offset = -1 if yesterday else 0 if today else 1
        day = published + dt.timedelta(days=offset)
        found.add(day.month * 100 + day.day)
    return frozenset(found)


def _nearer_reading(m: re.Match[str], published: dt.date) -> int | None:
    """A date in figures that reads two ways ("12/03"), as the reading within a month of the publication
    when the other is not: news dates what is near. (One that reads one way is a ``day`` quantity.)"""
    first, second = int(m.group(1)), int(m.group(2))
    if numeric_day(first, second) is not None:
        return None  # read one way only
    near = [
        month * 100 + day
        for month, day in ((first, second), (second, first))
        if _days_from(published, month, day) <= 31
    ]
    return near[0] if len(near) == 1 else None


def _days_from(published: dt.date, month: int, day: int) -> int:
    """How far ``published`` is from the nearest ``day`` of ``month`` (in its year or the next or last)."""
    gaps = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            gaps.append(abs((dt.date(year, month, day) - published).days))
        except ValueError:  # 30 February
            continue
    return min(gaps, default=366)
