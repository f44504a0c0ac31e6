"""Numbers that are not quantities: those that belong to something else, blanked out before the figures are
read (:mod:`summarizer.quantities`): a time of day ("6 a.m.", "23:40"), a date in figures ("12/03"), a season
or year range ("2028-29"), a decade or century ("the 1600s", "17th-century"), a range or a score ("10-15",
"10 to 12 feet", "between 40 and 60", "52-48"), an innings ("288 for four"), a point in time counted back
("two days ago") or down ("with 19 minutes left"), a ratio ("one in three") and a name ("MeteoNord-3").
"""

from __future__ import annotations

import re

from summarizer.durations import SPELLED_WORDS
from summarizer.text import DIGIT

# what a sum is told before or after ("$26,500 a year before insurance", "£40,000 a year after tax"): a rate, no
# time counted back ("a year before the vote")
NOT_NET = r"(?!\s+(?:tax(?:es)?|insurance|fees|costs|deductions|discounts|rebates|subsid(?:y|ies)|bonus(?:es)?)\b)"
_TIME_UNITS = r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)"
# Numbers that belong to something else (see the module docstring), in figures, in phrases and in names.
_MASKED_FIGURES = (
    r"\b\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?\s?m\b\.?"  # 6 a.m., 2:15 p.m., 11pm
    r"|\b\d{1,2}:\d{2}\b|\b[0-2]\d[0-5]\d\s*(?:GMT|UTC)\b"  # 23:40, (0042 GMT)
    r"|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b"  # 12/03, 22/05/2024
    r"|\b(?:1[5-9]|20)\d\d\s*[-–/]\s*\d{2}(?:\d{2})?\b|['’]\d\d\s*[-–]\s*['’]?\d\d\b"  # 2028-29, '21-'23
    r"|\b\d{1,4}['’]?s\b"  # the 1600s, the '90s
    r"|\b\d{1,2}(?:st|nd|rd|th)[\s-]+century\b"  # 17th-century
    r"|\b\d+\s*[-–]\s*\d+\b(?:\s?\(\d{1,2}(?:[-–]\d{1,2})?\))?"  # 52-48; a set and its tie-break, 7-6 (7-5)
    rf"|(?<![$€£¥])\b\d{{2,3}}\s+for\s+(?:\d|10|{SPELLED_WORDS})\b(?!\s+{_TIME_UNITS})"  # an innings, "288 for four"
    r"|(?<!from\s)\b\d[\d,.]*\s+to\s+\d[\d,.]*(?=\s*(?:%|per\s?cent|feet|ft|inch|metre|meter|[ck]?m\b|mile|mph|kg|ton|acre|hect))"
)
_RATIO = (  # a ratio, a share: "one vote in seven", "1 in 4"
    rf"\b(\d+|{SPELLED_WORDS}|a)\s+(?:(?!(?:hundred|thousand|million|billion)\b)[a-z]+\s+)?"
    rf"in\s+(\d{{1,3}}|{SPELLED_WORDS})\b(?![\d,])(?!\s*{_TIME_UNITS})"
)
_MASKED_PHRASES = (
    rf"\b(?:\d+|{SPELLED_WORDS}|a|an)\s+{_TIME_UNITS}\s+(?:ago|earlier|before|later|from\s+now|previously)\b{NOT_NET}"
    rf"|\b(?:\d+|{SPELLED_WORDS}|a|an)\s+{_TIME_UNITS}\s+(?:left|remaining|to\s+go|from\s+time)\b"  # a countdown
    rf"|{_RATIO}|\bbetween\s+(?:[\d,.]+|{SPELLED_WORDS})\s+and\s+(?:[\d,.]+|{SPELLED_WORDS})\b"  # a range
    rf"|\b(?:\d[\d,.]*[a-z]*|{SPELLED_WORDS})\s+(?:[a-z]+\s+)?(?:short|shy)\s+of\b"  # "six short of a century"
)
_MASKED_NAMES = r"(?<!magnitud)[A-Za-z]-\d+(?:\.\d+)?\b"  # MeteoNord-3, F-35 (a "magnitude-6.1 quake" is a figure)
SHARE = re.compile(_RATIO, re.I)  # a ratio, read as a share by quantities
_NOT_QUANTITIES = re.compile(f"{_MASKED_FIGURES}|{_MASKED_PHRASES}|{_MASKED_NAMES}", re.I)
# The same where no phrase can match, as its words tell: the same matches, without the phrases' cost.
_NOT_QUANTITIES_IN_FIGURES = re.compile(f"{_MASKED_FIGURES}|{_MASKED_NAMES}", re.I)
_PHRASE_WORDS = re.compile(
    rf"\b(?:ago|earlier|before|later|now|previously|left|remaining|go|time|between|short|shy)\b"
    rf"|\bin\s+(?:\d|{SPELLED_WORDS})",
    re.I,
)


def masked(text: str) -> str:
    """``text`` with the numbers that belong to something else blanked out, every other character where it was."""
    phrases = _PHRASE_WORDS.search(text)
    if not phrases and not DIGIT.search(text):  # the expression is slow, and most statements have nothing it finds
        return text
    pattern = _NOT_QUANTITIES if phrases else _NOT_QUANTITIES_IN_FIGURES
    return pattern.sub(lambda m: " " * len(m.group(0)), text)
