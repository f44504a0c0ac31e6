"""Figures said in parts, each read as one: a time on a race clock ("2:00:35", "1:52.30"), a length in
several units ("two hours, 35 seconds", "2 hours 0 minutes 35 seconds", "2h 00m 35s", "an hour and 10
minutes", a sentence's "four years and six months"), a length said in no figure ("a week-long truce", "a
yearlong inquiry", "a quarter of an hour", "half a day") and a number and a half ("two and a half million",
"three and a half hours", "4 1/2").

One figure said in one unit ("72 hours") is read with the other figures (:mod:`summarizer.quantities`);
read part by part, "2:00:35" would be the time of day 2:00 and a count of 35, and "two hours, 35
seconds" two lengths of time, neither of them the other outlet's "2:00:35".
"""

from __future__ import annotations

import re
from typing import NamedTuple

from summarizer.units import UNITS, WORD_NUMBERS

# hours, minutes and seconds on a clock that runs (a race's time), or minutes, seconds and their decimals
RACE_TIME = re.compile(
    r"(?<![\d:.])(?:(\d{1,2}):([0-5]\d):([0-5]\d)(?:\.(\d{1,3}))?|()(\d{1,2}):([0-5]\d)\.(\d{1,3}))(?![\d:])"
)
# a number in one word ("seven", "twenty"), the longest first: the figures' readers share it
SPELLED_WORDS = "|".join(sorted((w for w in WORD_NUMBERS if w not in ("a", "half", "dozen")), key=len, reverse=True))
_TENS = "twenty|thirty|forty|fifty"
_NUMBER = (
    rf"(\d+(?:\.\d+)?|(?:{_TENS})[\s-](?:one|two|three|four|five|six|seven|eight|nine)\b"
    rf"|(?:{SPELLED_WORDS}|an?)\b)"
)
# a unit of a length said in parts: written in full, or as a letter after a figure ("2h 00m 35s")
_UNIT = r"\s*-?\s*(years?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|seconds?|secs?|(?<=\d)[hms])\b"
_PART = re.compile(_NUMBER + _UNIT, re.I)
_JOINER = re.compile(r"(?:\s*,\s*|\s+and\s+|\s+)", re.I)
# most statements have none: one cheap scan
_ANY_UNIT = re.compile(r"year|month|week|day|hour|hrs?\b|min|sec|\d\s?[hms]\b", re.I)
_LETTER = {"h": "hours", "m": "minutes", "s": "seconds"}
# one unit said as a length, with no figure ("a week-long truce"); "a two-week-long strike" is read as "two-week"
_LONG = re.compile(r"(?<![\w-])(hour|day|week|month|year)-?long\b", re.I)
# a part of one unit: "a quarter of an hour", "three quarters of an hour", "half an hour", "a half-hour", "half a day"
_PART_OF = re.compile(
    r"(?<![\w-])(?:(a|one|three)\s+quarters?\s+of\s+an?|(half)\s+an?|an?\s+(half)[\s-])\s*(hour|day|week|month|year)\b",
    re.I,
)
_QUARTERS = {"a": 0.25, "one": 0.25, "three": 0.75}


# a whole number and a half: "two and a half", "four-and-a-half", "4 1/2", "4½"; "an hour and a half"
_AND_A_HALF = re.compile(
    rf"{_NUMBER}(?:[\s-]+and[\s-]+a[\s-]+half\b|\s+1/2\b|½|\s+(hours?|days?|weeks?|months?|years?)\s+and\s+a\s+half\b)",
    re.I,
)


def with_halves(text: str) -> str:
    """``text`` with each number and a half written as its figure, in as many characters (but "4½": "4.5")
    ("two and a half million people": "2.5" and spaces, then "million people"), for the figures' reader."""
    if "half" not in text and "1/2" not in text and "½" not in text:
        return text
    return _AND_A_HALF.sub(_halved, text)


def _halved(m: re.Match[str]) -> str:
    """One number and a half as its figure, with the unit said between ("an hour and a half": "1.5 hour")."""
    figure = f"{_value(m.group(1)) + 0.5:g}" + (f" {m.group(2)}" if m.group(2) else "")
    return figure.ljust(len(m.group(0)))


class Duration(NamedTuple):
    """One length of time said in parts, where it is said, in hours, and what it is rounded to."""

    start: int
    end: int
    hours: float
    step: float


def durations(text: str) -> list[Duration]:
    """The lengths of time ``text`` says in parts, in the order said."""
    found = [_on_the_clock(m) for m in RACE_TIME.finditer(text)] if ":" in text else []
    at = 0 if _ANY_UNIT.search(text) else len(text)
    while (first := _PART.search(text, at)) is not None:
        parts, end = [first], first.end()
        while (joined := _JOINER.match(text, end)) and (part := _PART.match(text, joined.end())):
            if _size(part) >= _size(parts[-1]):
                break  # "two hours 40 hours": not one length; units fall in size, hours to seconds
            parts.append(part)
            end = part.end()
        if len(parts) > 1:
            hours = sum(_value(p.group(1)) * _size(p) for p in parts)
            found.append(Duration(first.start(), end, round(hours, 6), _size(parts[-1])))
        at = end
    lower = text.lower()
    if "long" in lower:
        found += [Duration(m.start(), m.end(), _size(m), _size(m)) for m in _LONG.finditer(text)]
    if "half" in lower or "quarter" in lower:
        for m in _PART_OF.finditer(text):
            share = _QUARTERS[m.group(1).lower()] if m.group(1) else 0.5
            # rounded as its figure in the smaller unit would be: a quarter of an hour is 15 minutes, to 5
            found.append(Duration(m.start(), m.end(), share * _size(m), share * _size(m) / 3))
    return sorted(found)


def _on_the_clock(m: re.Match[str]) -> Duration:
    """A race clock's time, in hours: "2:00:35" or "1:52.30" (minutes, seconds and hundredths)."""
    hours, minutes, seconds, decimals = (m.group(1), m.group(2), m.group(3), m.group(4) or "")
    if m.group(6) is not None:
        hours, minutes, seconds, decimals = "0", m.group(6), m.group(7), m.group(8)
    total = int(hours) + int(minutes) / 60 + float(f"{seconds}.{decimals or 0}") / 3600
    return Duration(m.start(), m.end(), round(total, 6), 10.0 ** -len(decimals) / 3600)


def _size(part: re.Match[str]) -> float:
    """The unit of one part, in hours."""
    unit = part.group(part.lastindex or 0).lower()  # a part's unit, after its number; a length's one unit
    return UNITS[_LETTER.get(unit, unit)][1]


def _value(said: str) -> float:
    """A part's number: in figures, or in words ("an", "thirty-five")."""
    said = said.lower()
    if said[0].isdigit():
        return float(said)
    if said in ("a", "an"):
        return 1.0
    return float(sum(WORD_NUMBERS[w] for w in re.split(r"[\s-]", said)))
