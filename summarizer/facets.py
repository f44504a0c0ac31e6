"""Facets: what a statement pins down — numbers, dates, times of day, names, polarity — so that two
answers can be compared on them without a model.

Two statements that answer one question can be the same answer in other words ("about 4,000 dockers"
/ "nearly four thousand workers"), or different answers whose words barely differ ("the talks were
cancelled" / "the talks were not cancelled", "arrived in Paris" / "arrived in Lyon", "rose 3%" /
"fell 3%"). Embeddings see the second kind as close. :func:`compare` says, from the facets alone:

* ``conflict`` — they cannot both be true: different numbers of one kind, different dates, one
  negated and not the other, or opposite verbs ("rose" / "fell");
* ``apart`` — they name different things (no name in common), or quote one remark in two wordings
  (:mod:`summarizer.wording`), and nothing says whether both can be true: kept as different answers,
  never merged silently;
* ``same`` — a number, date, weekday, time or part of the day (:mod:`summarizer.times`) or name in
  common and nothing against it: strong evidence of one answer;
* ``open`` — nothing either way: meaning (the embeddings, or the judge) decides.

The day a source spoke ("the operator said on Sunday") is not one of the statement's days.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from typing import Any, Literal

from summarizer.capitals import abbreviations, bare, capitals
from summarizer.counted import COUNT, nouns_counted
from summarizer.figures import clash, measured, of_other_things, one_figure_given, one_sum, told_apart
from summarizer.names import ABBREVIATIONS, country_of
from summarizer.negation import (
    NEGATION_KEYS,
    NEGATION_STEMS,
    alike,
    denying_clause,
    governed,
    lacked,
    negates_itself,
    nones,
    within,
)
from summarizer.outcomes import opposed, opposites, outcome_stems, outcome_text
from summarizer.places import elsewhere, places_gone_to
from summarizer.quantities import YEAR, Quantity, count_said, quantities
from summarizer.saying import REPORTED, SAID
from summarizer.tense import said_tense
from summarizer.text import DIGIT, WEEKDAYS, ZONED, may_match, unaccented, words_said
from summarizer.times import (
    SEQUENCED,
    days_said,
    months_said,
    parts_of_day,
    published_day,
    season_years,
    span_weekdays,
    times_near,
    times_of_day,
    undated,
    weekdays_said,
    year_parts,
    years_said,
)
from summarizer.units import UNITS
from summarizer.wording import quotations, reworded

Relation = Literal["conflict", "apart", "same", "open"]
DisagreementKind = Literal["contradiction", "numeric", "date"]

_DAY_NUMBER = {day[:3]: number for number, day in enumerate(WEEKDAYS)}  # "tue": 1, as facets name weekdays
# a trailing attribution: ", Denkov said.", ", police spokesman Ivo Denkov told reporters.", ", said Denkov."
_SPOKEN_BY = re.compile(rf",\s+(?:(?:[\w'’.-]+\s+){{1,5}}?{REPORTED}|(?:{SAID})(?:\s+[A-Z][\w'’.-]*){{1,3}})\.?\s*$")


_YEARS_BACK = re.compile(r"\b\w+\s+years?\s+ago\b", re.I)  # "two years ago": a figure of then
_SINCE_YEAR = re.compile(r"\b(?:since|until)\s+(?:\w+\s+){0,5}" + YEAR.pattern + r"(?!,? when)", re.I)
# an earlier time's record, with its figure and year: "the previous high of 46C", "Previous record: 5.41 m (1981)"
# and the figure a change is measured from: "down from 4.1% in April", "revised down to 140,000 from 165,000",
# "rose from 12 to 15" (not "evacuated 2,000 people from 40 villages")
_FROM_FIGURE = (
    r"\s+from\s+(?:an?\s+|the\s+)?(?:revised\s+|previous\s+|prior\s+|initial\s+|original\s+|earlier\s+)?[$€£]?\d[\d.,]*"
    r"(?:\s*(?:%|percent|per\s+cent|points?|bn|billion|m\b|million))?"
)
_EARLIER = re.compile(
    r"\b(?:previous|prior|former|old|earlier)\s+(?:\w+\s+)?(?:record|high|low|best|peak|mark|figure)s?\b"
    r"(?:(?:\s*:|\s+(?:of|was|at))?\s+\d[^\s,;]*(?:\s+[a-z]+)?)?(?:\s+(?:set\s+)?(?:in|from)\s+\d{4}|\s*\(\d{4}\))?"
    r"|\b(?:up|down|higher|lower|back|rose|risen|rising|fell|fallen|falling|increased|decreased|dropped|climbed"
    r"|jumped|grew|slipped|declined|revised\s+\w+)"
    + _FROM_FIGURE  # "down from 4.1%"
    + r"|(?<=[\d%])(?:\s*(?:percent|per\s+cent|points?))?"
    + _FROM_FIGURE,  # "to 140,000 from 165,000"
    re.I,
)
_EARLIER_KEYS = frozenset("previous prior former old earlier from".split())  # a word every match of it holds

# a fact box's label of what is to come, which says no tense: "Expected closing: second half of 2027"
_PLANNED = re.compile(r"\W*(?:expected|planned|scheduled|forecast|projected|next|target)\b[^:.!?]{0,30}:", re.I)
# a span of time a figure is measured over: "150 mm of rain fell in 24 hours", "over the past two days", and
# the forecasters' "Rainfall, 48 hours to 09:00 Thursday: 163 mm"
_SPAN = r"(hours?|days?|weeks?|months?|years?)\b"
_OVER = re.compile(
    rf"\b(?:in|over|within|during)\s+(?:the\s+(?:past|last|previous|first|next)\s+)?({COUNT}|an?)\s+{_SPAN}"
    rf"|\b({COUNT})[\s-]+{_SPAN}\s+(?:to|until|ending)\b",
    re.I,
)

_APIECE = re.compile(r"\b(?:each|apiece|per side|a side)\b(?!\s+(?:of|other|year|month|week|day|time)\b)", re.I)

# the one empty set the facets of every statement share: most statements pin nothing of most kinds, and
# each empty set of its own would be an object more for the cycle collector to walk
_EMPTY: frozenset[Any] = frozenset()


@dataclass(frozen=True)
class Facets:
    """What one statement pins down."""

    numbers: frozenset[Quantity]  # with their units (summarizer.quantities)
    years: frozenset[int]
    months: frozenset[int]
    weekdays: frozenset[str]
    times: frozenset[int]  # minutes after midnight: a pin, not a clash ("23:40" / "23:45"); hours apart, two answers
    parts: frozenset[str]  # parts of the day said, or that its times fall in ("before dawn", "3:41 a.m.")
    days: frozenset[int]  # days said relative to the publication ("yesterday"), month × 100 + day: a pin only
    names: frozenset[str]  # lower-case proper names, one word each, capitalised inside a sentence
    tense: str | None  # "future" or "past" when the statement says so ("will visit" / "last visited")
    opener: str | None  # the capitalised first word: a name if some statement capitalises it inside
    negated: frozenset[str]  # four-letter stems a negation governs ("not resigned" -> "resi")
    stems: frozenset[str]  # five-letter stems of the words, for opposite verbs
    text: str = ""  # the statement, for what is read only when needed (its acronyms)
    quoted: tuple[str, ...] = ()  # the passages it quotes, folded (summarizer.wording)
    today: bool = False  # every day it names is its publication's: "came ashore early on Thursday", said Thursday
    starts: frozenset[str] = _EMPTY  # first words of its later sentences: names as an opener may be

    @cached_property
    def negates_itself(self) -> bool:
        """Whether a negation is in the statement itself, not only in an aside ("…, when the first shift
        failed to report" says when, and denies nothing the statement asserts)."""
        return bool(self.negated) and negates_itself(self.text)

    @cached_property
    def dated(self) -> bool:
        """Whether a year or years back say when its figures are of ("two years ago"), not a year they are
        measured against ("the lowest since 1990"; not "since 2000, when 80 died"), a span's end ("a contract
        until 2031") or an earlier record's ("the old high of 1981")."""
        since = {int(y) for y in _SINCE_YEAR.findall(self.text)}
        return bool(self.years - since) or _YEARS_BACK.search(self.text) is not None

    @cached_property
    def forecast(self) -> bool:
        """Whether every figure it gives is a forecast's (summarizer.counted): none of what came."""
        return all((q.fate or "").startswith("forecast") for q in self.numbers)

    @cached_property
    def apiece(self) -> bool:
        """Whether it gives a count each of several has ("40 prisoners from each side", "50 each"): no total."""
        return any(q.unit == "n" for q in self.numbers) and bool(_APIECE.search(self.text))

    @cached_property
    def year_parts(self) -> frozenset[int]:
        """The months of the parts of a year it names ("early 2027", "the second half of 2027")."""
        return year_parts(self.text) if self.years else _EMPTY

    @cached_property
    def spans(self) -> frozenset[float]:
        """The spans of time, in hours, that its figures are measured over ("in 24 hours", "in a day")."""
        found = (m.group(1, 2) if m.group(1) else m.group(3, 4) for m in _OVER.finditer(self.text))
        return frozenset(count_said("a" if n.lower() == "an" else n) * UNITS[unit.lower()][1] for n, unit in found)

    @cached_property
    def pins(self) -> frozenset[str]:
        """Everything the statement pins down, as tokens: numbers, years, months, weekdays, times of day and
        names; not a count of one or two ("the two leaders", "one of"), a count's unsaid rest, nor an age but
        of someone described ("a boy of 17"): "Kettler, 58," pins no more than his name, which many give."""
        aged = {q for q in self.numbers if q.unit == "age" and not (q.counts or "").startswith("~")}
        return (
            frozenset(
                [q.pin for q in self.numbers - aged if not (q.unit == "n" and q.value <= 2 or q.implied)]
                + [f"year:{y}" for y in self.years]
                + [f"month:{m}" for m in self.months]
                + [f"weekday:{d}" for d in self.weekdays]
                + [f"clock:{t}" for t in self.times]  # not "time:", a duration's pin ("72 hours" is no 1:12 a.m.)
                + [f"part:{p}" for p in self.parts]
                + [f"day:{d}" for d in self.days]  # as a ``day`` quantity's pin: "yesterday" is "8 October"
                + [f"name:{n}" for n in self.names]
            )
            or _EMPTY
        )

    # Derived once per statement, since one statement is compared with many others.
    @cached_property
    def counted(self) -> frozenset[str]:
        """The kinds of thing its counts count, where known ("people", "vehicles": units.COUNTED)."""
        return frozenset(q.counts for q in self.numbers if q.unit == "n" and q.counts) or _EMPTY

    @cached_property
    def figures_of(self) -> dict[str, frozenset[str]]:
        """Per kind of figure (count, percentage, sum), what its figures are of, where said (summarizer.counted:
        "dead", "shares", "revenue")."""
        found: dict[str, set[str]] = {}
        for q in self.numbers:
            if q.fate and q.fate != "some":
                found.setdefault(q.unit.split(":")[0].split("/")[0], set()).add(q.fate)
        return {family: frozenset(fates) for family, fates in found.items()}

    @cached_property
    def stems4(self) -> frozenset[str]:
        """The four-letter stems of the words, for what a negation governs."""
        return frozenset(s[:4] for s in self.stems)

    @cached_property
    def long_stems(self) -> frozenset[str]:
        """The stems of the longer words, other than negations: what a denial must share."""
        return frozenset(w for w in self.stems if len(w) >= 4 and w not in NEGATION_STEMS)

    @cached_property
    def span_days(self) -> tuple[frozenset[str], frozenset[str]]:
        """The weekdays a span it tells begins on and lasts until (:func:`summarizer.times.span_weekdays`)."""
        return span_weekdays(self.text) if self.weekdays else (_EMPTY, _EMPTY)

    @cached_property
    def labels(self) -> frozenset[str]:
        """The names with a number the statement gives ("Ward 4", "Category 3"), as their pins."""
        return frozenset(q.pin for q in self.numbers if q.unit.startswith("label:")) or _EMPTY

    @cached_property
    def denial(self) -> frozenset[str]:
        """The longer words' stems of the clause that negates ("SkyVale said no flights had been cancelled"
        of "…, although some departures were delayed"); none when the statement has one clause."""
        return denying_clause(outcome_text(self.text))

    @cached_property
    def name_prefixes(self) -> frozenset[str]:
        """The first five letters of the longer names: one name in two spellings ("jong-un" / "jong")."""
        return frozenset(n[:5] for n in self.names if len(n) >= 5) or _EMPTY

    @cached_property
    def bare_names(self) -> frozenset[str]:
        """The names less a possessive or a number after them: "Iran's" is the name "Iran"."""
        return frozenset(bare(name) for name in self.names) or _EMPTY

    @cached_property
    def places(self) -> frozenset[str]:
        """The names it gives as where someone or something went ("flew to Sochi": summarizer.places)."""
        return places_gone_to(unaccented(self.text), self.names) if self.names else _EMPTY

    @cached_property
    def countries(self) -> frozenset[str]:
        """The countries its names name, are the adjectives or the capitals of ("french", "paris": "france")."""
        return frozenset(c for n in self.bare_names if (c := country_of(n))) or _EMPTY

    @cached_property
    def expansions(self) -> frozenset[str]:
        """The words its abbreviations stand for, where their letters do not spell them ("UK": "britain",
        "british"; see :data:`summarizer.names.ABBREVIATIONS`)."""
        return frozenset(w for n in self.bare_names for w in ABBREVIATIONS.get(n, ()) if " " not in w) or _EMPTY

    @cached_property
    def acronyms(self) -> tuple[frozenset[str], frozenset[str]]:
        """The acronyms the statement writes, and those its names spell (:func:`summarizer.capitals.abbreviations`);
        read only for two statements with no name in common, to tell whether one is the other's acronym."""
        return abbreviations(self.text)

    @cached_property
    def opposites(self) -> frozenset[str]:
        """Every stem that states the opposite of a stem of this statement."""
        return opposites(self.stems) or _EMPTY


@lru_cache(maxsize=65536)
def facets(text: str, published: str | None = None) -> Facets:
    """The facets of ``text`` (remembered per process: outlets repeat their wordings); ``published``, the
    ISO date its source was published on, is the day "yesterday" and "on Tuesday" are read against."""
    said = words_said(text)  # most statements have none of the words most expressions below need
    digits = DIGIT.search(text)
    current = _EARLIER.sub(lambda m: DIGIT.sub(" ", m[0]), text) if digits and may_match(said, _EARLIER_KEYS) else text
    numbers, dated = quantities(current), undated(text)
    day = published_day(published)
    years = frozenset(int(y) for y in YEAR.findall(current)) | season_years(text) if digits else _EMPTY
    years |= years_said(dated, day, said) if day else _EMPTY  # "next year"
    months, weekdays = months_said(text, said), weekdays_said(text, dated, said)
    stems = outcome_stems(outcomes := outcome_text(text))
    plain = unaccented(text)  # names as read whichever way an outlet writes them: "Sánchez" is "Sanchez"
    names, opener, starts = capitals(plain, _SPOKEN_BY.sub("", plain))
    tense = said_tense(text, said) or ("future" if _PLANNED.match(text) else None)
    times = times_of_day(text)
    days = days_said(dated, day, ahead=tense == "future") if day else _EMPTY
    negated = governed(outcomes) if may_match(said, NEGATION_KEYS) else _EMPTY
    parts = parts_of_day(dated, times, said)
    shared = _EMPTY
    return Facets(
        numbers or shared, years or shared, months or shared, weekdays or shared, times or shared, parts or shared,
        days or shared, names or shared, tense, opener, negated or shared, stems, text,
        quotations(text), day is not None and days == frozenset([day.month * 100 + day.day]), starts,
    )  # fmt: skip


def with_openers(items: list[Facets]) -> list[Facets]:
    """The facets of a batch of statements, each opener, and each first word of a later sentence, counted
    as a name where some statement of the batch capitalises the same word inside a sentence ("Lavrov
    will…" or "Results: Okafor 52%" beside "…send Lavrov to…", "…by Okafor"), with or without a
    possessive or a number after it."""
    written = {bare(name) for f in items for name in f.names}
    return [_with_names(f, written) if f.opener or f.starts else f for f in items]


def _with_names(f: Facets, written: set[str]) -> Facets:
    """``f`` with its opener and the first words of its later sentences that ``written`` holds as names."""
    promoted = {word for word in f.starts | {f.opener or ""} if word and bare(word) in written}
    if not promoted:
        return f
    return replace(f, names=f.names | promoted, opener=None if f.opener in promoted else f.opener)


def compare(a: Facets, b: Facets) -> Relation:
    """How two statements' facets relate (see the module docstring)."""
    if a.tense and b.tense and a.tense != b.tense:
        return "apart"  # a past happening and a coming one ("last visited" / "will visit")
    if _later(a, b) or _later(b, a):
        return "apart"  # what is forecast for Friday is no other day of what happened on Thursday
    if a.negated or b.negated:  # most pairs negate nothing: none of the three rules applies
        if (_denies(a, b) or _denies(b, a)) and alike(a.long_stems, b.long_stems):
            return "conflict"  # the same statement, once denied
        if (_denies(a, b) and within(a.denial, b.long_stems)) or (_denies(b, a) and within(b.denial, a.long_stems)):
            return "conflict"  # a denial in a clause of its own of what the other states: "said no flights had
            # been cancelled, although some were delayed" / "cancelled 38 flights from Heathrow and Manchester"
        if any(x.negated & y.stems4 and not x.negated & y.negated and _none_of(x, y) for x, y in ((a, b), (b, a))):
            return "conflict"  # "no injuries" / "three injuries but no deaths": none of a thing against a count of it
    if a.counted and b.counted and not a.counted & b.counted:
        return "apart"  # "sent four cars into the river" / "left four people dead": counts of two kinds of thing
    other_things = a.figures_of and b.figures_of and of_other_things(a.figures_of, b.figures_of)
    if other_things and not one_sum(a.numbers, b.numbers):
        return "apart"  # "a premium of 27%" / "shares soared 24%"; "three died" / "11 were injured"
    if a.numbers and b.numbers and (a.forecast != b.forecast or a.apiece != b.apiece):
        return "apart"  # "economists had forecast 150,000 jobs" / "added 175,000": what was expected; "40 each" / "80"
    if a.numbers and b.numbers and told_apart(a.numbers, b.numbers):
        return "apart"  # "a header in the 23rd minute" / "an 89th-minute winner": two goals; "$1,899" / "£1,699"
    # a figure said with a year and one said with none are of two times: "the magnitude 8.8 earthquake
    # of 2010" is not Tuesday's magnitude 6.2; "two roads" / "230 homes" only a weak clash: two answers
    few_apart = bool(a.numbers and b.numbers and a.dated == b.dated and clash(a.numbers, b.numbers, few=True))
    spans_apart = a.spans and b.spans and not a.spans & b.spans
    if few_apart and spans_apart and measured(a.numbers, a.spans) and measured(b.numbers, b.spans):
        return "apart"  # "150 mm in 24 hours" / "163 mm in 48 hours": two measures, neither wrong
    # a part said alone is no other figure of the whole: "the tax rise alone brings in £9bn" / "£18bn"
    if few_apart and (clash(a.numbers, b.numbers) or _one_noun(a, b)) and ("alone" in a.stems) == ("alone" in b.stems):
        return "conflict"  # whatever else either says, "without power" included; "two match points" / "three"
    for x, y in ((a, b), (b, a)):  # a "not" on one side only, or "without" what the other says: never one answer
        if x.negated and not y.negated and (x.negates_itself or lacked(x.text) & y.stems4):
            return "apart"
    if _dates_differ(a, b):  # a forecast or plan beside what is none: two happenings ("will resume on Thursday")
        return "apart" if (a.tense == "future") != (b.tense == "future") else "conflict"
    two_sides = bool(a.opener and b.opener and a.opener != b.opener)  # "Rovers won" / "Eastfield lost"
    if a.opposites & b.stems and opposed(a.stems, b.stems, two_sides=two_sides):
        return "conflict"
    if a.times and b.times and not times_near(a.times, b.times):
        return "apart"  # "shortly before 6 a.m." / "at about 5:40 p.m.": two moments, or a dispute to show
    if a.quoted and b.quoted and reworded(a.quoted, b.quoted):
        return "apart"  # one remark quoted in two wordings: a quote_wording disagreement, never one answer
    if a.labels and b.labels and _other_labels(a.labels, b.labels):
        return "apart"  # "her own Ward 4" / "problems in Ward 2 and Ward 7"
    if (  # two names, or two places gone to whatever name both give ("flew to Sochi" / "returned to Moscow")
        a.names
        and b.names
        and (not _share_name(a, b) or elsewhere(a.places, a.names, b.places, b.names))
        and not one_figure_given(a.numbers, b.numbers)
    ):
        return "apart"  # different names: "met in Paris" / "met in Lyon"; not one toll, its place named two ways
    return "apart" if few_apart else "same" if a.pins & b.pins else "open"


def _later(coming: Facets, told: Facets) -> bool:
    """``coming`` says what will happen after the day ``told`` says what happens on, its publication day
    ("expect it to weaken by Friday" / "weakened to a Category 2 by Thursday afternoon", said Thursday)."""
    future = coming.tense == "future" and told.tense != "future"
    return future and told.today and bool(coming.days) and min(coming.days) > max(told.days)


def _one_noun(a: Facets, b: Facets) -> bool:
    """Both count a thing in one word ("saved two match points" / "saved three match points"): a small count
    of one thing clashes as any count does."""
    return bool(nouns_counted(a.text) & nouns_counted(b.text))


def conflict_kind(a: Facets, b: Facets) -> DisagreementKind:
    """What two conflicting statements disagree on: numbers, dates, or the rest (a contradiction)."""
    unit = clash(a.numbers, b.numbers, few=_one_noun(a, b)) if a.dated == b.dated else None  # as compare reads them
    if unit is not None:
        return "date" if unit == "day" else "numeric"
    if _dates_differ(a, b):
        return "date"
    return "contradiction"


def _denies(a: Facets, b: Facets) -> bool:
    """``a`` negates a word ``b`` asserts, and ``b`` negates nothing ("has not resigned" / "resigned")."""
    return not b.negated and bool(a.negated & b.stems4)


def _none_of(a: Facets, b: Facets) -> bool:
    """``a`` says there was none of something ("no one was injured", "no arrests were made") and ``b``
    counts some of it ("two passengers were treated for injuries")."""
    if not any(q.unit == "n" and q.value >= 1 for q in b.numbers):
        return False
    return any(words <= b.stems4 for words in nones(outcome_text(a.text)))


def _other_labels(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two statements that number one kind of name and share none of its numbers ("Ward 4" / "Ward 2")."""
    kinds = {pin.rsplit(":", 1)[0] for pin in a} & {pin.rsplit(":", 1)[0] for pin in b}
    return any(not {p for p in a if p.startswith(f"{k}:")} & b for k in kinds)


def _dates_differ(a: Facets, b: Facets) -> bool:
    """Both give a year, a month or a weekday, and share none of the kind both give; neither tells two
    happenings in sequence ("forced out on Tuesday, a day after the watchdog ruled": the ruling's Monday
    is no other day of her going)."""
    if not ((a.years or a.months or a.weekdays) and (b.years or b.months or b.weekdays)):
        return False  # most pairs: no rule below applies
    if SEQUENCED.search(a.text) or SEQUENCED.search(b.text):
        return False
    (a_begins, a_ends), (b_begins, b_ends) = a.span_days, b.span_days  # a span's last day is no day another
    # begins on: "due to last 72 hours, until 6am on Wednesday" / "began at 6am on Sunday, is to last three days"
    days_a, days_b = a.weekdays - a_ends if b_begins else a.weekdays, b.weekdays - b_ends if a_begins else b.weekdays
    weekdays = _differ(days_a, days_b) and not _across_zones(a, b)
    months = _differ(a.months | a.year_parts, b.months | b.year_parts)  # "early 2027" / "in the second half"
    return _differ(a.years, b.years) or months or weekdays


def _across_zones(a: Facets, b: Facets) -> bool:
    """Weekdays one apart, either said with a time zone: late on Tuesday local time is early on Wednesday GMT."""
    if not (ZONED.search(a.text) or ZONED.search(b.text)):
        return False
    return any((_DAY_NUMBER[x] - _DAY_NUMBER[y]) % 7 in (1, 6) for x in a.weekdays for y in b.weekdays)


def _differ(a: frozenset[object], b: frozenset[object]) -> bool:
    return bool(a and b and not a & b)


def _share_name(a: Facets, b: Facets) -> bool:
    """A name in common, allowing for spellings ('jong-un' / 'jong', 'kim'), possessives ('Iran's' /
    'Iran'), a country's adjective ('French' / 'France') and acronyms ('IMF' / 'International Monetary
    Fund'). Only for telling names apart: a name shared this way pins nothing."""
    if a.names & b.names or a.name_prefixes & b.name_prefixes or a.bare_names & b.bare_names:
        return True
    if a.countries & b.countries or a.expansions & b.bare_names or b.expansions & a.bare_names:
        return True  # "French" / "France", "UK" / "Britain"
    (written_a, spelled_a), (written_b, spelled_b) = a.acronyms, b.acronyms
    return bool(written_a & (written_b | spelled_b) or written_b & spelled_a)
