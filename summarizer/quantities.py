"""Quantities: the numbers a statement gives, each with what it measures, in units that compare.

Outlets give one figure in their own units and roundings: "10 km" and "roughly six miles" are one depth, "72
hours" and "a three-day strike" one length of time, "€2m" and "2 million euros" one sum, "60 mph" and "97 km/h"
one speed, "a 5.8m peak" one in metres (not millions), "magnitude 6.8" and "a 6.8-magnitude quake" one earthquake
(a magnitude is not a count). So each number is read with its unit, converted to one unit per dimension
(:data:`summarizer.units.UNITS`), and compared only with numbers of the same dimension: "40 ships" and "two days"
say nothing against each other (:mod:`summarizer.figures`). A temperature is read in degrees Celsius ("115F" is
46.1), and one in degrees of no scale said on both scales. A figure keeps how loosely it is said ("about"), which
side of it a bound gives ("at least 17", "up to 4,000") and what it is rounded to; what it is of (a count's kind
and fate, a sum's or a percentage's object, whose an age is) is read by :mod:`summarizer.counted`. A figure per
period is a rate ("30,000 vehicles a day"). A fraction in words or a ratio is a loose share: "one in three" is 33%.

A number that is part of something else is not a quantity (:mod:`summarizer.masks`): a time of day ("6 a.m.",
"23:40"), a date ("March 12", "12/03"), a season or year range ("2028-29"), a decade or century ("the 1600s",
"17th-century"), a range or a score ("10-15", "10 to 12 feet", "52-48", an innings' "288 for four"), a
point in time counted back ("two days ago") or down ("with 19 minutes left"), a ratio (a share) or a name
("MeteoNord-3"; "Ward 4" and "Category 3" are kept as names with their number, ``label:ward``). Dates are
compared as dates (:mod:`summarizer.facets`); a day of a month named in words, or in figures that read one
way only ("9/28", "22/05"; not "12/03"), is kept as a ``day`` (month × 100 + day), which must match
exactly. A part of a whole counted ("seven of the nine members", "26 out of 27") is also kept as a
``part`` with its whole, and so is "all nine members" (nine of nine): "seven of nine backed the move" and
"all nine backed it" give one whole and two parts, which clash; "two of the nine dissented" gives the part
the others leave, which does not. A score or a tally, told from a range by a word of winning, losing or
voting beside it ("won 3-1", "a 52-48 vote"), is kept whole as a ``score``, the same whichever side is
said first ("lost 1-3"). A time said in parts is one (:mod:`summarizer.durations`: "2:00:35"); times of
day, parts of the day and days said relative to the publication are read apart (:mod:`summarizer.times`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from summarizer import counted, masks, units
from summarizer.counted import COUNT, COUNT_WORDS
from summarizer.durations import durations, with_halves
from summarizer.text import DIGIT, GROUPED_FIGURE, MONTHS, STOPWORDS, WEEKDAYS, may_match, word_key, words_said
from summarizer.times import NUMERIC_DATE, numeric_day
from summarizer.units import ATTACHED, CURRENCY_SIGNS, MONTH_NUMBER, ORDINALS, SCALES, UNITS, WORD_NUMBERS, ZERO_AT

_ORDINAL_KEYS = frozenset(ORDINALS)
_MONTH_NAME = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)

# Days of a month named in words: kept as a ``day``.
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_NAME})(?![\w])")
_MONTH_DAY = re.compile(rf"\b({_MONTH_NAME})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?![,.]?\d)")
_NUMERAL = re.compile(
    rf"(?<![\w.,])({GROUPED_FIGURE}|\d+)(?:\.(\d+))?"
    r"(?:\s*-?\s*(hundred|thousand|million|billion|trillion|lakhs?|crores?|bn|mn|mln|tn|k|m|b)\b)?",
    re.I,
)
_AFTER_A_FIGURE = re.compile(r"\d\s*-?\s*$")  # a word right after a figure is its unit ("40-second")
_DIGIT_ORDINAL = re.compile(r"(?<![\w.,])(\d+)(?:st|nd|rd|th)\b", re.I)
# A capitalised word then a number it labels: "Ward 4", "Terminal 3", an index's "FTSE 100" (see _labels)
_LABELLED = re.compile(
    r"\b([A-Z][a-z]{2,}|[A-Z]{2,5}|[A-Z]&[A-Z])[^\S\n]+(\d{1,4})\b(?![.,:/]?\d)"
    r"(?![^\S\n]*(?:%|per\b|(?:hundred|thousand|million|billion|trillion|lakhs?|crores?|bn|mn|m|k)\b))"
)
_NOT_LABELS = frozenset(
    "about some nearly around almost over under more less fewer just only roughly approximately exactly barely".split()
)
# the words that may open a sentence before a count ("Another 300 were evacuated", "All 27 agreed"): any
# other opens a label ("Flight 2231 landed", "Route 66 was closed"), as inside a sentence
_OPEN_COUNT = _NOT_LABELS | STOPWORDS | frozenset("another all those these including since between up if".split())
_OPEN_COUNT |= frozenset(units.RESULTS)  # "Killing 61 people, officials said.": a clause split from its sentence
_CALENDAR = tuple(MONTHS + WEEKDAYS)  # a label's word is no month or weekday, nor one's abbreviation: "Nov", "Tues"
_RANKED = re.compile(r"[\s-]*([A-Za-z]+)")  # the word an ordinal ranks: "second yellow", "23rd-minute"
_SCALE_WORDS = "hundred thousand million billion lakh crore dozen".split()
_ALONE_WORDS = (  # numbers in words read on their own ("one" is not: "one of them")
    "eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty "
    "seventy eighty ninety two three four five six seven eight nine ten"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()  # with a unit: "twenty-one" is 21
_UNITS_WORDS = "one two three four five six seven eight nine".split()
_SPELLED = re.compile(  # "a quarter of a million" first, so that "a million" in it is not read alone
    r"\b((?:(?:(?:a|one|two|three|four)[\s-]+)?(?:halves|half|thirds?|quarters?|fifths?|tenths?)[\s-]+of[\s-]+a"
    r"|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|"
    rf"fifty|sixty|seventy|eighty|ninety|half)(?:[\s-]+(?:a|{'|'.join(_UNITS_WORDS)}))?)"
    rf"\s+({'|'.join(_SCALE_WORDS)})|(?:{'|'.join(_TENS)})[\s-](?:{'|'.join(_UNITS_WORDS)})|{'|'.join(_ALONE_WORDS)})\b",
    re.I,
)
_SPELLED_KEYS = frozenset(_SCALE_WORDS + _ALONE_WORDS)  # each match of _SPELLED holds one of these words
# A fraction of a (percentage) point, as rates move: "a quarter point", "a half-point rise", "three-quarters of a point"
_POINT_FRACTION = re.compile(  # and one point, said where a point is a figure: "by a point", "a point ahead"
    r"\b(?:(three)[\s-]+quarters[\s-]+of[\s-]+a|(?:a|one)[\s-]+(?:quarter|half)(?:[\s-]+of[\s-]+a)?|(?:quarter|half)"
    r"(?:[\s-]+a)?)[\s-]+(?:percentage[\s-]+)?points?\b"
    r"|(?:(?<=\bby\s)|(?<=\bby\sjust\s))(a|one)\s+(?:percentage\s+)?point\b"
    r"|\b(a|one)\s+(?:percentage\s+)?point(?=\s+(?:ahead|behind|clear|above|below|adrift|higher|lower)\b)",
    re.I,
)
# a fraction said in words, a share: "a third of homes", "two-thirds of voters", "cut by a fifth", "half of the
# staff", "a third less likely" (not "the second half of the year", "a quarter of a million", "the third quarter")
_FRACTION = re.compile(
    r"(?:\b(?:(?:nearly|almost)\s+)?(?:(a|one|two|three|four)[\s-]+)|(?<![\w-])(?<!the\s)(?<!first\s)(?<!second\s)(?=half))"
    r"(halves|half|thirds?|quarters?|fifths?|tenths?)\b(?=\s+of\s+(?!an?\b)|\s*[,.;:)]|\s*$|\s+(?:less|lower|fewer)\b)",
    re.I,
)
_HALVED = re.compile(r"\bhalv(?:e|es|ed|ing)\b(?!\s+of\b)", re.I)  # "can HALVE your risk": a change of a half
_FRACTION_KEYS = frozenset(
    "half halves halve halved halving third thirds quarter quarters fifth fifths tenth tenths".split()
)
_PER = {"half": 2, "halv": 2, "thir": 3, "quar": 4, "fift": 5, "tent": 10}  # by the first four letters
_FRACTION_STEP = 5.0  # a fraction is a round share: "a fifth" is 20%, not 25%, but may be 22%
# a part of a whole: "seven of the nine", "26 out of 27"; and all of one: "all nine", "all of the 27" (a
# number in two words, "twenty-one", is left to the counts alone)
_PART_OF = re.compile(rf"(?<![\w,.-])({COUNT})\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+)?({COUNT})(?![\w-])", re.I)
_ALL_OF = re.compile(rf"\ball\s+(?:of\s+)?(?:the\s+|its\s+|their\s+)?({COUNT})(?![\w-])", re.I)
_PART_KEYS = frozenset(("of", "all"))
_ORDINAL = re.compile(r"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b", re.I)
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b(?!\s*(?:%|per\s?cent|percent))")  # a year, not a percentage
# a length of time with a word between: "40 terrifying days", "three long weeks" (not "310,000 last month")
_TIMES = "|".join(u for u, (dimension, _) in UNITS.items() if dimension == "time")
_TIME_PAST_WORD = re.compile(rf"\s+(?!{units.WHICH_TIME}\b)[a-z]{{3,}}\s+({_TIMES})\b")
_UNIT = re.compile(
    r"\s*-?\s*("
    + "|".join(re.escape(u).replace(r"\ ", r"\s+") for u in sorted(UNITS, key=len, reverse=True) if u not in ATTACHED)
    + "".join(rf"|(?<=\d)(?-i:{unit.upper()})" for unit in ATTACHED)  # "46.2C", not "Group 3 C"
    + r")(?![A-Za-z0-9])",
    re.I,
)
# a figure per period is a rate, not a count or a sum: "30,000 vehicles a day" (not "a day after", "in a day")
_PER_PERIOD = re.compile(
    r"(?:[\s-]+(?!(?:in|within|for|on|of|that|the|one)\b)[A-Za-z]+){0,2}?[\s-]+"
    r"(?:(?:a|an|per|each|every)\s+(day|week|month|year|hour)|(dai|week|month|year|hour)ly|(annual)ly)\b"
    rf"(?!\s+(?:after|before|earlier|later|ago|into)\b{masks.NOT_NET})",
    re.I,
)
_PERIOD = {"dai": "day", "annual": "year"}
_NO_RATES = ("%", "pt", "magnitude", "speed", "temperature", "degrees")  # a rate or a share already, or no amount
# A score or a tally, told from a range ("10-15 people") by a word of winning, losing or voting beside it:
# "won 3-1", "the result was 52-48", "split 7-2", "a 3-1 win", "a 7-2 vote"; kept as high × 1000 + low
# a tally, not the first of a list of sets ("won 6-4, 3-6, 7-6": no one score of the match)
_SCORE_TALLY = r"(?<![\w.,-])(\d{1,3})\s*[-–]\s*(\d{1,3})(?![\w%-]|[.,]\d|,?\s*\d{1,2}\s*[-–]\s*\d)"
_SCORE = re.compile(
    r"\b(?:won|win(?:s|ning)?|beat(?:en|s|ing)?|los(?:t|e|es|ing)|defeat(?:ed)?|dr(?:ew|awn?)|victory|votes?|voted|"
    rf"passed|split|tally|score|scored|result|led|leads|lead|margin|finished|ended)\b[^.;\d]{{0,25}}?{_SCORE_TALLY}"
    rf"|{_SCORE_TALLY}[^\S\n]+(?:win|victory|defeat|loss|draw|vote|majority|scoreline|decision|verdict)\b",
    re.I,
)


@dataclass(frozen=True)
class Quantity:
    """One number a statement gives."""

    unit: str  # "n" (a count), "part" (of a whole), "%", "pt", "ord", "day", or a dimension: length, area,
    # mass, time, money:EUR…
    value: float  # in the dimension's unit (metres, square metres, kilograms, hours)
    loose: bool = False  # said loosely: "about", "nearly", "more than"
    counts: str | None = None  # for a count, the kind of thing counted when it is one of COUNTED's; for an
    # ordinal, the word it ranks ("second yellow", "fourth-biggest"): ordinals of two words are not compared;
    # for a part, its whole ("9" of "seven of nine"): parts of two wholes are not compared either
    step: float = field(default=1.0, compare=False)  # what it is rounded to, in its unit: 10 for "60", 0.1 for "6.8"
    bound: int = field(default=0, compare=False)  # said as a bound: 1 the least ("more than"), -1 the most ("up to")
    fate: str | None = None  # for a count, what befell what it counts ("dead", "injured"); for a sum, what it is
    # of ("revenue", "profit"), where said (summarizer.counted)
    implied: bool = field(default=False, compare=False)  # the rest of a count "including" its crew: never a pin
    # nor a clash, though it may match ("188 people, including six crew": 182)

    @property
    def pin(self) -> str:
        return (
            f"{self.unit}:{self.counts}:{self.value:g}"
            if self.unit in ("ord", "part")
            else f"{self.unit}:{self.value:g}"
        )


def quantities(text: str) -> frozenset[Quantity]:
    """The quantities ``text`` gives (see the module docstring)."""
    found: set[Quantity] = set()
    masked = with_halves(text)  # "two and a half million" is 2.5 million, not 2 and 500,000
    for d in durations(masked):  # first: "2:00:35" is no time of day and no 35; "two hours, 35 seconds" one time
        loose, bound = _hedged(masked[max(0, d.start - 16) : d.start])
        found.add(Quantity("time", d.hours, loose, step=d.step, bound=bound))
        masked = masked[: d.start] + " " * (d.end - d.start) + masked[d.end :]
    if not DIGIT.search(masked):  # what follows reads figures; a statement without one skips to the words
        return _with_shares(text, _fated(_in_words(masks.masked(masked), found)))
    for pattern, day, month in ((_DAY_MONTH, 1, 2), (_MONTH_DAY, 2, 1)):
        for m in pattern.finditer(masked):
            number = MONTH_NUMBER[word_key(m.group(month))[:3]]
            found.add(Quantity("day", float(number * 100 + int(m.group(day)))))
        masked = pattern.sub(lambda m: " " * len(m.group(0)), masked)
    for m in NUMERIC_DATE.finditer(masked):
        if (figures := numeric_day(int(m.group(1)), int(m.group(2)))) is not None:
            found.add(Quantity("day", float(figures)))
    for start, end, years, whose in counted.ages(masked):  # "Danner, 61," / "the 62-year-old": an age, no count or span
        found.add(Quantity("age", years, counts=whose))
        masked = masked[:start] + " " * (end - start) + masked[end:]
    for m in _SCORE.finditer(masked):  # before the mask blanks it: "won 3-1", "a 52-48 vote"
        high, low = sorted((int(m.group(1) or m.group(3)), int(m.group(2) or m.group(4))), reverse=True)
        found.add(Quantity("score", float(high * 1000 + low)))
    masked = masks.masked(masked)
    for m in _DIGIT_ORDINAL.finditer(masked):
        found.add(_ordinal(masked, m.end(), int(m.group(1))))
    masked = _DIGIT_ORDINAL.sub(lambda m: " " * len(m.group(0)), masked)
    for m in _LABELLED.finditer(masked):
        if _labels(masked, m):
            found.add(Quantity(f"label:{word_key(m.group(1))}", float(m.group(2))))
            masked = masked[: m.start(2)] + " " * len(m.group(2)) + masked[m.end(2) :]
    for m in _NUMERAL.finditer(masked):
        whole, fraction, scale = m.groups()
        digits = re.sub(r"\D", "", whole)
        year = not scale and len(digits) == 4 and YEAR.fullmatch(digits) and "," not in whole
        if year and not _UNIT.match(masked, m.end()):
            continue  # a year: a date facet
        value = float(f"{digits}.{fraction or 0}") * SCALES.get(word_key(scale or ""), 1)
        found.add(_read(masked, m.start(), m.end(), value))
    return _with_shares(text, _fated(_in_words(masked, found)))


def _with_shares(text: str, found: frozenset[Quantity]) -> frozenset[Quantity]:
    """``found``, with each ratio's share ("one in three trains": 33%, as "a third of trains") and the rest of
    each count "including" its crew, or the sum of passengers and crew (:func:`summarizer.counted.included`)."""
    ratios = (
        [(count_said(part), count_said(whole)) for part, whole in masks.SHARE.findall(text)] if " in " in text else []
    )
    found |= {Quantity("%", round(100 * p / w, 6), True, step=_FRACTION_STEP) for p, w in ratios if 0 < p < w}
    for said, other, sign in counted.included(text):
        count, rest = count_said(said), count_said(said) + sign * count_said(other)
        found |= {replace(q, value=rest, implied=True) for q in found if (q.unit, q.value) == ("n", count) and rest > 0}
    return found


def _fated(found: frozenset[Quantity]) -> frozenset[Quantity]:
    """``found``, each count or sum of no fate said given the one its statement's others of its kind are
    said with, if one: "27 were injured, 11 seriously" are 27 and 11 injured; "annual revenue of $26bn, up
    from a forecast of $25bn" are two years' revenues; "revenue was $3.1bn, down 12%" is revenue's 12%. A
    figure of an index its statement numbers is of that index: "the Nasdaq 100 lost 2.1%" is no Nasdaq's."""
    if any(q.unit.startswith("money") and q.unit.endswith("/year") for q in found):  # "annual revenue of
        found = frozenset(  # $25.5bn to $26bn, up from $25bn": a year's, every sum of it
            replace(q, unit=f"{q.unit}/year") if q.unit.startswith("money") and "/" not in q.unit else q for q in found
        )
    for family, kin in (("n", "n"), ("money", "%")):  # a percentage beside sums of one thing: its change
        fates = {q.fate for q in found if q.fate not in (None, "some") and q.unit.startswith(family)}
        fates = {fate for fate in fates if not fate.startswith("forecast")}
        if len(fates) == 1:
            (fate,) = fates
            found = frozenset(
                replace(q, fate=fate)
                if q.unit.startswith((family, kin)) and not q.fate and q.counts in (None, "people")
                else q
                for q in found
            )
    labels = {q.unit[6:]: q.value for q in found if q.unit.startswith("label:")}  # an index's: "Nasdaq 100"
    return frozenset(replace(q, fate=f"{q.fate} {labels[q.fate]:g}") if q.fate in labels else q for q in found)


def _parts(text: str, said: frozenset[str] | None) -> set[Quantity]:
    """The parts of wholes ``text`` (of words ``said``) counts: "seven of the nine" is 7 (and 2 the rest of it),
    "all nine" 9 (each figure is read as a count as well)."""
    if not may_match(said, _PART_KEYS) or not (DIGIT.search(text) or may_match(said, COUNT_WORDS)):
        return set()  # most statements: no "of" or "all" with a number
    parts = set()
    for m in _PART_OF.finditer(text):
        part, whole = count_said(m.group(1)), count_said(m.group(2))
        if whole > 1 and part <= whole and not YEAR.fullmatch(m.group(2)):  # "one of 2023's storms": no part
            parts.add(Quantity("part", part, counts=f"{whole:g}"))
            if part < whole:  # and its rest, which matches and never clashes: "the two who voted against"
                parts.add(Quantity("n", whole - part, implied=True))
    parts.update(
        Quantity("part", whole, counts=f"{whole:g}")
        for m in _ALL_OF.finditer(text)
        if (whole := count_said(m.group(1))) and not YEAR.fullmatch(m.group(1))
    )
    return parts


def count_said(said: str) -> float:
    """A count written in figures ("1,500") or in a word ("nine")."""
    key = word_key(said)
    return float(WORD_NUMBERS[key]) if key in WORD_NUMBERS else float(said.replace(",", ""))


def _labels(text: str, m: re.Match[str]) -> bool:
    """Whether the capitalised word before a number is a label it numbers ("in Ward 4", "a Category 3
    storm", "Flight 2231 landed"): not a month, a weekday or a hedge ("About 4,000"), nor, where it opens
    a sentence, a word that may open one before a count (:data:`_OPEN_COUNT`: "Another 300")."""
    before, word = text[: m.start()].rstrip(), word_key(m.group(1))
    if word in _NOT_LABELS or (len(word) >= 3 and any(name.startswith(word.rstrip(".")) for name in _CALENDAR)):
        return False
    if m.group(1).isupper() and (word in _OPEN_COUNT or sum(map(str.isupper, text)) > sum(map(str.islower, text))):
        return False  # letters of no index: "AS 40", or a headline in capitals ("KILLS 12")
    if not before or before[-1] in ".!?:\"“‘'(":  # a sentence's first word, capitalised whatever it is
        # not "Temperatures 40C", nor a year ("Published 18 June 2025", its date blanked)
        return word not in _OPEN_COUNT and not _UNIT.match(text, m.end()) and not YEAR.fullmatch(m.group(2))
    return True


def _blanked(text: str, m: re.Match[str]) -> str:
    """``text`` with ``m``'s span blanked out, every other character where it was."""
    return text[: m.start()] + " " * (m.end() - m.start()) + text[m.end() :]


def _in_words(masked: str, found: set[Quantity]) -> frozenset[Quantity]:
    """``found`` with the numbers and ordinals ``masked`` spells out in words, and the parts of wholes it counts."""
    said = words_said(masked)  # most statements spell out no number: their words tell, faster than the expressions
    found |= _parts(masked, said) | {_read(masked, *m.span(1), 1.0) for m in counted.ONE_PERSON.finditer(masked)}
    if "oint" in masked or "OINT" in masked:  # most statements have no fraction of a point: one scan less
        for m in _POINT_FRACTION.finditer(masked):
            quarter = "quarter" in m.group(0).lower()
            whole = m.group(2) or m.group(3)
            found.add(Quantity("pt", 1.0 if whole else 0.75 if m.group(1) else 0.25 if quarter else 0.5, step=0.05))
        masked = _POINT_FRACTION.sub(lambda m: " " * len(m.group(0)), masked)
    if may_match(said, _FRACTION_KEYS):
        halved = [counted.what_of(masked, *m.span(), "%")[2] for m in _HALVED.finditer(masked)]
        found |= {Quantity("%", 50.0, True, step=_FRACTION_STEP, fate=of) for of in halved}
        for m in _FRACTION.finditer(masked):  # "a third of homes": a share, 33%
            if word_key(m.group(2)) == "quarters" and "-" not in m.group(0):
                continue  # "two quarters of weak sales": spans of time; "three-quarters of staff" is a share
            share = 100 * WORD_NUMBERS.get(word_key(m.group(1) or "a"), 1) / _PER[word_key(m.group(2))[:4]]
            bound = -1 if word_key(m.group(0)).startswith(("nearly", "almost")) else 0
            _, _, of = counted.what_of(masked, m.start(), m.end(), "%")
            found.add(Quantity("%", round(share, 6), True, step=_FRACTION_STEP, bound=bound, fate=of))
            masked = _blanked(masked, m)
    for m in _SPELLED.finditer(masked) if may_match(said, _SPELLED_KEYS) else ():
        head, scale, of_a_scale = m.group(1), m.group(2), False
        if scale:
            words = [word_key(w) for w in re.split(r"[\s-]+", head)][:-1]  # the scale is the last word
            if of_a_scale := "of" in words:  # "three quarters of a million": three fourths of it, said roundly
                times = 1 if words[0][:4] in _PER else WORD_NUMBERS.get(words[0], 1)  # "half of a million": once
                count = times / next(_PER[w[:4]] for w in words if w[:4] in _PER)
                masked = _blanked(masked, m)  # its "third" ranks nothing
            else:
                count = 0.5 if "half" in words else sum(WORD_NUMBERS.get(w, 0) for w in words if w != "a") or 1
            value = count * (12 if word_key(scale) == "dozen" else SCALES[word_key(scale)])
        else:
            value = sum(WORD_NUMBERS.get(w, 0) for w in re.split(r"[\s-]+", word_key(m.group(0))))
        reading = _read(masked, m.start(), m.end(), float(value))
        found.add(replace(reading, loose=True, step=abs(reading.value) / 5) if of_a_scale else reading)
    found.update(
        _ordinal(masked, m.end(), ORDINALS[word_key(m.group(1))])
        for m in (_ORDINAL.finditer(masked) if may_match(said, _ORDINAL_KEYS) else ())
        if not _AFTER_A_FIGURE.search(masked, 0, m.start())  # "a 40-second handshake": a duration, read above
    )
    return frozenset(reading for q in found for reading in _on_either_scale(q))


def _on_either_scale(q: Quantity) -> tuple[Quantity, ...]:
    """A temperature in degrees of no scale said ("a high of 113.7 degrees") as both readings, Celsius and
    Fahrenheit: it matches a temperature either way, and clashes with one it matches neither way."""
    if q.unit != "degrees":
        return (q,)
    fahrenheit = round(_in_unit(q.value, "f"), 6)
    return replace(q, unit="temperature"), replace(q, unit="temperature", value=fahrenheit, step=q.step * UNITS["f"][1])


def _in_unit(value: float, unit: str) -> float:
    """``value``, written in ``unit`` (a key of UNITS), in its dimension's unit: less the scale's zero, times
    the unit's size."""
    return (value - ZERO_AT.get(unit, 0.0)) * UNITS[unit][1]


def _read(text: str, start: int, end: int, value: float) -> Quantity:
    """The number ``value`` written at ``text[start:end]``, with its unit and how loosely it is said."""
    before = text[max(0, start - 16) : start].lower().rstrip()
    unit, written, size = "n", value, 1.0
    for sign, code in CURRENCY_SIGNS.items():
        if before.endswith(sign) and not (sign[0].isalpha() and before[: -len(sign)][-1:].isalpha()):  # not "amateur"
            unit, before = f"money:{code}", before[: -len(sign)]
            break
    after = _UNIT.match(text, end) or _TIME_PAST_WORD.match(text, end)
    if unit == "n" and after is None and counted.in_metres(text, start, end):  # "peaked at 5.8m": no millions
        unit, written, value = "length", written / 1e6, value / 1e6
    if after is not None:
        key = re.sub(r"\s+", " ", word_key(after.group(1)))
        if unit == "n" or UNITS[key][0].startswith("money"):
            unit, size = UNITS[key]
            if unit in ("temperature", "degrees") and before.endswith(("-", "\u2212", "minus")):
                written = value = -value  # "-5C", "minus 12 degrees"
            value = _in_unit(value, key)  # "115F" is 46.1 degrees Celsius
    loose, bound = _hedged(before)
    if unit == "n" and counted.magnitude(text, start, end):
        unit = "magnitude"
    per_year = 1  # a rate a month or a week is read as one a year: "about $2,200 a month" is about $26,400 a year
    if unit not in _NO_RATES and (rate := _PER_PERIOD.match(text, after.end() if after else end)):
        said = next(g for g in rate.groups() if g).lower()
        period = _PERIOD.get(said, said)
        per_year = units.PER_YEAR.get(period, 1)
        unit = f"{unit}/{'year' if period in units.PER_YEAR else period}"
    # what it is rounded to, at most a fifth of it: "around 10,000" is not "around 12,000"
    step = min(_rounding(written), abs(written) / 5) * size if written else 1.0
    if unit in ("temperature", "degrees"):  # whole degrees are said as read ("40C" is not "42C"), a furnace's
        step = min(step, size * max(1.0, abs(written) / 50))  # heat to 2% ("about 1,100C" is "around 2,000F")
    unit, kind, fate = counted.what_of(text, start, end, unit)
    return Quantity(unit, round(value * per_year, 6), loose, kind, step * per_year, bound, fate)


def _hedged(before: str) -> tuple[bool, int]:
    """Whether the words before a figure say it loosely, and which side of it a bound gives (1 the least)."""
    said = before.lower().rstrip()
    return said.endswith(units.HEDGES), (1 if said.endswith(units.FLOORS) else -1) if said.endswith(units.BOUNDS) else 0


def _rounding(value: float) -> float:
    """The power of ten a figure as written is a whole multiple of: 1,000 for "4,000" and for "4k", 100,000
    for "4.5 million", 0.1 for "6.8"."""
    for power in range(9, -4, -1):
        multiple = value / 10.0**power
        if round(multiple) and abs(multiple - round(multiple)) < 1e-6 * abs(multiple):
            return 10.0**power
    return 10.0**-4


def _ordinal(text: str, end: int, rank: int) -> Quantity:
    """The ordinal ``rank`` ending at ``end``, with the word it ranks; a match's minute is a time: "the
    58th minute" is "on 58 minutes"."""
    after = _RANKED.match(text, end)
    ranked = word_key(after.group(1)) if after else None
    if ranked == "minute":
        return Quantity("time", round(rank / 60, 6), step=1 / 60)
    return Quantity("ord", float(rank), counts=ranked)
