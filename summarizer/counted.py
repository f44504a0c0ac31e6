"""What a figure is a figure of, from the words beside it: the kind of thing a count counts, what befell
the people it counts, and what a sum of money is of.

:mod:`summarizer.quantities` reads the figures; this module reads their surroundings. "3,500 residents"
counts people and "3,500 homes" dwellings (:data:`units.COUNTED`); "killing three people and injuring at
least 11" gives three dead and 11 injured (:data:`units.FATES`); "nine of them" is some of another
count; "revenue of $6.4bn" and "a profit of $1.2bn" are sums of two things (:data:`units.SUMS`), and
"annual revenue" is a year's, not a quarter's; "a premium of 27%" and "shares jumped 22%" are
percentages of two things (:data:`units.PERCENT_OF`); "Danner, 61," is Danner's age; "economists had
expected 3.3%" is a forecast's, not the rate that came; "a 4.9 magnitude aftershock" is no figure of the quake
(:data:`units.SHOCKS`).
"""

from __future__ import annotations

import re

from summarizer.text import STOPWORDS, word_key
from summarizer.units import COUNTED, FATES, MARKET_INDICES, PERCENT_OF, PERSONS, SHOCKS, SUMS, SUMS_ONLY, WORD_NUMBERS

COUNT_WORDS = frozenset(w for w, n in WORD_NUMBERS.items() if n >= 1 and w not in ("a", "dozen"))
_COUNT_WORD = "|".join(sorted(COUNT_WORDS, key=len, reverse=True))  # the longest first: "eleven" before "one"
COUNT = r"\d{1,3}(?:,\d{3})+|\d+|" + _COUNT_WORD  # a count, as a pattern
NEAR_WORDS = 6  # words on either side of a figure read for what it is of

_COUNTED_NOUN = re.compile(r"\s*([A-Za-z]+)(?:[\s-]+([A-Za-z]+))?")
# some of another count, not a count of its own: "nine of them", "11 of the injured" (not "seven of the nine")
_SOME_OF = re.compile(rf"\s+(?:of\s+(?:the|them|those|these|whom)\b(?!\s+(?:{COUNT})(?![\w-]))|others\b)", re.I)
# What an earthquake's magnitude is said after: "magnitude 6.8", "a magnitude-7 quake", "a magnitude of about 7",
# "put the magnitude at 6.1", "the magnitude was revised to 6.4"
_MAGNITUDE_BEFORE = re.compile(
    r"magnitude(?:\s+(?:of|at|was|is|as|to|revised|upgraded|downgraded|put|given|measured|estimated)){0,3}"
    r"(?:\s+(?:about|around|roughly|nearly|almost|approximately|some|over|more than|at least))?\s*-?\s*$"
)
_SHOCK = "|".join(SHOCKS)
_SHOCK_AFTER = re.compile(rf"\.\d\s*-?\s*(?:{_SHOCK})\b", re.I)  # a decimal before it: "a 6.5 quake"
_SHOCK_WORD = re.compile(rf"\b(?:{_SHOCK})\b", re.I)
# A figure written with an "m" and no currency is a length in metres when its dimension or a race follows ("a
# 3m-high wall", "the 100m final"), or, unless what it counts in millions follows ("5.8m people", "5.8m
# barrels"), when it is set apart ("5.82 m") or a word of heights and depths is near ("peaked at 5.8m")
_DIMENSION = r"(?:long|high|deep|wide|tall)"
_DIMENSION_AFTER = re.compile(
    rf"[^\S\n]*-?[^\S\n]*(?:{_DIMENSION}|above|below|final|race|sprint|hurdles|freestyle|relay)\b", re.I
)
_WORD_AFTER = re.compile(r"[^\S\n]+([a-z]+)")
_LENGTH_NEAR = re.compile(
    r"\b(?:levels?|heights?|high|deep|depth|tall|waves?|rivers?|tides?|sea|water|gauge|peak(?:ed|s)?|swell|"
    r"surge|snow|jump(?:ed|s)?|vault|metres?|meters?)\b",
    re.I,
)
# What a length measures, the noun after it ("a 20-metre tunnel", "a 3m-high wall", "40 km of coastline") or
# before it ("a tunnel of around 15 metres", "the tunnel was about 12 metres long", "Affected coastline: 40 km"):
# one tunnel's lengths are one figure given two ways
_LENGTH_UNIT = r"(?:metres?|meters?|m|km|kilometres?|kilometers?|feet|foot|ft|miles?|yards?)\b"
_MEASURED_AFTER = re.compile(  # and "40 kilometres of coastline"
    rf"(?:-(?:{_LENGTH_UNIT})(?:-{_DIMENSION})?|-{_DIMENSION}|[^\S\n]*{_LENGTH_UNIT}[^\S\n]+of(?:[^\S\n]+the)?)"
    r"[^\S\n]+([a-z]{3,})\b"
)
_NOT_MEASURED = STOPWORDS | frozenset(
    "down up away below above under beneath off out apart inland offshore north south east west long high deep wide "
    "tall along across".split()
)
_LOOSELY = r"(?:about|around|some|nearly|almost|roughly|approximately|more\s+than|over|up\s+to)"
_MEASURED_BEFORE = re.compile(
    rf"\b([a-z]{{3,}})(?:\s+(?:of|measuring|stretching|was|is|were|are|measured|measures)|:)\s+(?:{_LOOSELY}\s+)?$"
)
_CLAUSE_PART = re.compile(r"[,;()]|\b(?:and|but|while|after|before|as|when)\b", re.I)
_PERCENT_OF = {**SUMS, **PERCENT_OF}
# a share of the economy's output, which is no figure of growth: "a deficit of 3.2% of GDP"
_OF_OUTPUT = re.compile(r"\s*(?:%|per\s?cent)?\s+of\s+(?:the\s+economy|gross\s+domestic\s+product|gdp|output)\b", re.I)
_SUM_OF = {**SUMS, **SUMS_ONLY}
# a percentage said as what was expected, not what came: "economists had expected inflation to rise to
# 3.3%", "analysts had forecast a rate of 3.3%", "the consensus of 3.3%"
_FORECAST = re.compile(r"\b(?:expect|forecast|predict|projected|consensus|polled|anticipat)\w*", re.I)
# a percentage said of a time to come is a forecast's too: "the deficit hitting 3.4 per cent next year"
_COMING = re.compile(r"\bnext\s+(?:year|quarter)\b|\bthe\s+coming\s+(?:year|quarter|months)\b", re.I)
# a count said as what others had expected ("economists had forecast 150,000 jobs", "against forecasts of
# 180,000"), not what the statement expects ("the port expects 4,000 strikers" is its count)
_EXPECTED = re.compile(
    r"\b(?:had|have|were|was|been)\s+(?:\w+\s+)?(?:expect|forecast|predict|project|anticipat)\w*"
    r"|\b(?:forecasts?|expectations?)\s+of\b|\bconsensus\b|\bpolled\b",
    re.I,
)
# an age: "Danner, 61, was jailed" (whose: the word before), "the 61-year-old", "aged 61"; said of a person
# described, not named: "a 16-year-old boy", "a teenager, 17,", "a boy of 17" (the words of units.PERSONS)
_DESCRIBED = "|".join(word.replace(" ", r"\s+") for word in PERSONS)
# "a 16-year-old": one described; not one said before ("the attacker, a 34-year-old", "the suspect was a 34-year-old")
_INDEFINITE = re.compile(r"(?<!,\s)(?<!\bwas\s)(?<!\bis\s)(?<!\bas\s)\b(?:a|an)\s+$", re.I)
_AGE = re.compile(
    r"\b([A-Za-z][\w'’-]*)(?:,\s+(\d{1,3}),|\s+\((\d{1,2})\))"  # "Danner, 61,", "Danner (61)"
    r"|\b(\d{1,3})[-\s]years?[-\s]old\b(?:\s+(" + _DESCRIBED + r")\b)?"
    r"|\baged\s+(\d{1,3})\b|\b(" + _DESCRIBED + r")\s+of\s+(\d{1,2})\b(?!\s*(?:years?|months?)\b)"
    r"|\bage\s+(?:of|to|at|from)\s+(\d{2,3})\b(?:\s+(?:to|from)\s+(\d{2,3})\b)?",  # "the pension age to 67 from 65"
    re.I,
)
_OLDEST = 120
# one person, a count of one though "one" alone is none ("one of them", "one day"): "one person has died",
# "one miner died and another is missing" (any one noun a fate befell); not "no one", "not one", "any one"
ONE_PERSON = re.compile(
    rf"(?<![\w-])(?<!\bno\s)(?<!\bany\s)(?<!\bnot\s)(one)\s+(?:(?:{_DESCRIBED})\b|[a-z]+(?=\s+(?:(?:has|had|was|is)\s+)?"
    r"(?:(?:been\s+)?(?:killed|injured|hurt|wounded)|died|missing|remains\s+missing)\b))",
    re.I,
)
_CONTRAST = r"[;()]|\b(?:but|while|whereas)\b"  # where a statement's part ends: another thing said beside it
_STATEMENT_PART = re.compile(_CONTRAST, re.I)
# what follows a figure from here on tells why or when, not what it is of ("tumbling 9% after it cut its
# sales forecast": shares', not sales')
_CAUSE_PART = re.compile(_CONTRAST + r"|\b(?:after|because|since|as|when|following)\b", re.I)
# a number, in figures or words, with its scale, then the word it counts, past a capitalised name
_NOUN_COUNTED = re.compile(
    rf"(?<![\w.,])(?:\d(?:[\d,.]*\d)?|(?i:{_COUNT_WORD}))"  # not the comma after "Moreau, 22,"
    r"(?:[\s-]+(?i:hundred|thousand|million|billion|m|bn|k)\b)?[\s-]+(?:[A-Z][a-z]+\s+)?([A-Za-z]{3,})\b"
    r"(?:\s+([A-Za-z]{3,})\b)?"
)
_NOT_HEADS = frozenset("was is has does goes says tells".split())  # a verb after a count: "one says"
_NOT_NOUNS = frozenset(
    "of the and per percent cent more than from for with were was are had has have other others new".split()
)
# a crowd's size, by the words that put it ("police put the crowd at around 50,000", "a crowd of 50,000") or
# that say its people were there ("some 50,000 people had gathered", "70,000 were packed into the park")
_CROWD_BEFORE = re.compile(r"\b(?:crowds?|audience|attendance)(?:\s+\w+){0,2}\s+(?:at|of)\s+(?:\w+\s+){0,2}$", re.I)
_CROWD_AFTER = re.compile(
    r"(?:\s+(?:people|fans|spectators|supporters|protesters|demonstrators))?\s+(?:had\s+|have\s+|were\s+|are\s+)?"
    r"(?:gathered|attended|packed|crammed|turned\s+out|took\s+part|joined)\b",
    re.I,
)
# the verb of a toll's clause, just before its figure: "has risen to", "climbed to at least", "stands at"
_RISEN_TO = re.compile(
    r"\b(?:risen|rose|rises|climbed|climbs|jumped|increased|grown|grew|reached|reaches|stands\s+at|stood\s+at)"
    r"(?:\s+to)?(?:\s+(?:at\s+least|more\s+than|over|nearly|almost|about|around))?\s*$",
    re.I,
)
# a count, then the crew or the attacker "including" names: "188 people on board, including six crew",
# whose rest is the passengers; "six people, including the gunman, died", whose rest is the victims; not
# "12 died, including three children", whose rest few outlets give and a toll may match
_INCLUDING = re.compile(
    rf"(?<![\w.,])({COUNT})(?![\w-])[^.;:()\d]{{0,40}}?,?\s+including\s+(?:({COUNT})\s+"
    r"(?:crew|staff|pilots|flight\s+attendants|cabin\s+crew|crew\s+members|members\s+of\s+(?:the\s+)?crew)"
    r"|(?:the|a|an)\s+(?:lone\s+|suspected\s+)?(?:gunman|attacker|shooter|assailant|bomber|hijacker|perpetrator))\b",
    re.I,
)
# people counted in two parts, whose sum another outlet may give: "212 passengers and 31 crew", "five
# Malians and two French nationals" (peoples, capitalised)
_PEOPLE = r"(?:(?-i:[A-Z])[a-z]+s|(?-i:[A-Z])[a-z]+\s+(?:nationals|citizens))"
_IN_TWO_PARTS = re.compile(
    rf"(?<![\w.,])({COUNT})\s+(?:passengers|{_PEOPLE})\s+and\s+({COUNT})\s+(?:crew|crew\s+members|{_PEOPLE})\b", re.I
)
_WORD = re.compile(r"[A-Za-z]+(?:&[A-Za-z]+)?")  # a word, or letters joined by "&": "S&P"
_YEARLY = re.compile(r"\b(?:annual|annually|yearly|full[\s-]year|for\s+the\s+(?:full\s+)?year)\b", re.I)


def what_of(text: str, start: int, end: int, unit: str) -> tuple[str, str | None, str | None]:
    """The figure of ``unit`` at ``text[start:end]`` with what it is of: its unit (a sum in a year's clause
    made a year's), the kind of thing it counts, and its fate or object (see the module docstring); a
    percentage or points said as a forecast are a forecast's, whatever it forecasts."""
    if unit == "n":
        kind = counted_kind(text, end)
        if _EXPECTED.search(_clause_before(text, start)):  # "economists had forecast 150,000 jobs": not what came
            return unit, kind, "forecast"
        if some_of(text, end):  # "nine of them", "11 of the injured": some of another count
            return unit, kind, "some"
        return unit, kind, fate_of(text, start, end) if kind in (None, "people") else None  # a fate befalls people
    if unit.startswith("money"):  # "revenue of $6.4bn" is no "profit of $1.2bn"; "$150m in annual savings"
        return unit + ("/year" if "/" not in unit and yearly(text, start, end) else ""), None, sum_of(text, start, end)
    if unit in ("%", "pt"):  # nor revenue's 11% rise profit's 18%, nor the Dow's 600 points the S&P's 93; nor the
        # 3.3% economists expected the 3.4% that came; nor a forecast deficit a forecast growth
        before, of = _clause_before(text, start), change_of(text, start, end)
        forecast = _FORECAST.search(before) or _COMING.search(before + _clause_after(text, end))
        return unit, None, (f"forecast {of}" if of else "forecast") if forecast else of
    if unit == "magnitude":  # a quake's one magnitude, or an aftershock's
        return unit, None, shock_of(text, start, end)
    if unit == "length":
        return unit, None, _measured(text, start, end)
    return unit, None, None


def _measured(text: str, start: int, end: int) -> str | None:
    """What the length at ``text[start:end]`` measures (see :data:`_MEASURED_AFTER`), if a noun says it."""
    after = _MEASURED_AFTER.match(text, end)
    before = _MEASURED_BEFORE.search(text, max(0, start - 50), start)
    nouns = [m.group(1).lower() for m in (after, before) if m and m.group(1).lower() not in _NOT_MEASURED]
    return nouns[0] if nouns else None


def magnitude(text: str, start: int, end: int) -> bool:
    """The number at ``text[start:end]`` is an earthquake's magnitude, by the words before it ("magnitude
    6.8", "put the magnitude at 6.1") or, a decimal, by the shock it names ("a 6.5 quake", "a 5.9 aftershock")."""
    return bool(_SHOCK_AFTER.match(text, end - 2) or _MAGNITUDE_BEFORE.search(text[max(0, start - 40) : start].lower()))


def in_metres(text: str, start: int, end: int) -> bool:
    """The figure at ``text[start:end]`` ends in an "m" that is metres, not millions (see :data:`_LENGTH_NEAR`);
    the caller has found no currency before it."""
    if text[end - 1 : end] != "m":
        return False
    if _DIMENSION_AFTER.match(text, end):
        return True
    if (after := _WORD_AFTER.match(text, end)) and (
        (word := after.group(1)) in COUNTED or (len(word) > 3 and word.endswith("s") and not word.endswith("ss"))
    ):
        return False  # a plural: what it counts
    return text[end - 2].isspace() or bool(_LENGTH_NEAR.search(text, max(0, start - 60), end + 40))


def shock_of(text: str, start: int, end: int) -> str:
    """Which shock a magnitude is of (:data:`units.SHOCKS`): the nearest named within 40 characters either side
    ("a 4.9 magnitude aftershock"; "the quake, of magnitude 6.4, was followed by aftershocks"); else the quake."""
    near = [
        (min(abs(m.end() - start), abs(m.start() - end)), SHOCKS[m.group().lower()])
        for m in _SHOCK_WORD.finditer(text, max(0, start - 40), end + 40)
    ]
    return min(near)[1] if near else "quake"


def nouns_counted(text: str) -> frozenset[str]:
    """What ``text`` counts, in its own word, singular: the word after each number, past a name and a word such
    as "other" ("163 seats", "a four-wicket win", "SIX MILLION Lumera customers", "three other aircraft").
    Not its kind: "188 people on board, including six crew" and "182 passengers" count people, and agree."""
    found: set[str] = set()
    for m in _NOUN_COUNTED.finditer(text):
        words = [w for w in (word_key(w) for w in m.groups() if w) if w not in _NOT_NOUNS]
        found.update(words[:2] if len(words) == 2 and _modifies(*words) else words[:1])
    return frozenset(w[:-1] if w.endswith("s") and len(w) > 3 else w for w in found)  # "wickets": "wicket"


def _modifies(first: str, second: str) -> bool:
    """The first word says what kind of the second, a plural, is counted: "humanitarian workers", "aid
    workers", "police officers", "armed men" count workers, officers and men (not "seats won", "days later")."""
    plural = second.endswith("s") or second in ("men", "women", "children", "people")
    return plural and not first.endswith("s") and second not in _NOT_HEADS


def included(text: str) -> list[tuple[str, str, int]]:
    """Each count with another it holds or leaves out, as written, and 1 to add it or -1 to take it away:
    ("188", "six", -1) of "188 people on board, including six crew", ("six", "one", -1) of "six people,
    including the gunman", whose rest another outlet may give ("182 passengers", "five people were killed");
    ("212", "31", 1) of "212 passengers and 31 crew" or "five Malians and two French nationals", whose sum it
    may give ("243 people on board", "seven staff")."""
    found = [(m.group(1), m.group(2) or "one", -1) for m in _INCLUDING.finditer(text)] if "including" in text else []
    return found + [(m.group(1), m.group(2), 1) for m in _IN_TWO_PARTS.finditer(text)] if " and " in text else found


def ages(text: str) -> list[tuple[int, int, float, str | None]]:
    """The ages ``text`` gives, each with its span and whose it is when a word names them: "Danner, 61,"
    and "Danner (61)" are Danner's, "the gunman, 35," the gunman's; "the 61-year-old" and "aged 61" name
    no one. "A 16-year-old boy", "a teenager, 17," and "a boy of 17" describe someone, marked so ("~boy"):
    one of several, perhaps (not "the attacker, a 34-year-old man" nor "the suspect was a 34-year-old": one
    said before). "The pension age to 67 from 65" gives two ages of no one."""
    found = []
    for m in _AGE.finditer(text):
        who = m.group(1) or m.group(5) or m.group(7)
        if _INDEFINITE.search(text, 0, m.start()):
            whose: str | None = f"~{(who or 'someone').lower()}"
        else:
            whose = m.group(1) and m.group(1).lower()
        for group in (g for g in (2, 3, 4, 6, 8, 9, 10) if m.group(g) and int(m.group(g)) <= _OLDEST):
            found.append((m.start(group), m.end(group), float(m.group(group)), whose))
    return found


def counted_kind(text: str, end: int) -> str | None:
    """The kind of thing counted by the number ending at ``end``: its next word's, or the one after."""
    after = _COUNTED_NOUN.match(text, end)
    words = [word_key(w) for w in after.groups() if w] if after else []
    return next((COUNTED[w] for w in words if w in COUNTED), None)


def some_of(text: str, end: int) -> bool:
    """The number ending at ``end`` is some of another count: "nine of them", "11 of the injured", "snatched
    with five others"."""
    return _SOME_OF.match(text, end) is not None


def fate_of(text: str, start: int, end: int) -> str | None:
    """What befell what the number at ``text[start:end]`` counts: the fate word nearest to it among the
    few words on either side in its clause ("killing three people and injuring at least 11": three dead,
    11 injured); of two as near, the one after ("died and 11 were injured"). A toll that has risen to the
    number says it in its subject, however long ("The number of people killed in Monday's earthquake in
    southern Peru has risen to 15")."""
    if _CROWD_BEFORE.search(text, max(0, start - 60), start) or _CROWD_AFTER.match(text, end):
        return "present"  # a crowd is no toll: "put the crowd at around 50,000" / "nine people died"
    near = _nearest(text, start, end, FATES)
    if near is None and (risen := _RISEN_TO.search(text, 0, start)):
        subject = re.split(r"[.;!?]", text[: risen.start()])[-1]
        return next(
            (FATES[key] for w in re.findall(r"[A-Za-z]+", subject) if (key := _key(w.lower(), FATES)) in FATES), None
        )
    return near


def sum_of(text: str, start: int, end: int) -> str | None:
    """What the sum at ``text[start:end]`` is of ("revenue", "profit", "loss"…); None when nothing beside
    it says."""
    return _nearest(text, start, end, _SUM_OF)


def yearly(text: str, start: int, end: int) -> bool:
    """The clause of the figure at ``text[start:end]`` says it is a year's: "expects annual revenue of
    $26bn", "$150m in annual cost savings", "full-year profit of $5bn"."""
    return _YEARLY.search(_clause_before(text, start) + _clause_after(text, end)) is not None


def change_of(text: str, start: int, end: int) -> str | None:
    """What the percentage at ``text[start:end]`` is a change or share of, read across commas ("Revenue:
    $6.4 billion, up 11%": revenue's); None when nothing near it says."""
    share = _OF_OUTPUT.match(text, end)  # "a deficit of 3.2% of GDP": the deficit's, a share of output
    of = _nearest(text, start, share.end() if share else end, _PERCENT_OF, _STATEMENT_PART, _CAUSE_PART)
    return _index_of(text, start, of) if of in MARKET_INDICES else of


def _index_of(text: str, start: int, index: str) -> str | None:
    """``index``, the index a percentage at ``start`` is of; None where the index is where the thing that
    changed is ("the biggest loser in the S&P 500, tumbling 9%": a stock's fall, not the index's)."""
    told = re.finditer(rf"(?i)\b(?:(in|on)\s+(?:the\s+)?)?{re.escape(index)}\b", text)
    nearest = min(told, key=lambda m: abs(m.start() - start), default=None)
    return None if nearest is None or nearest.group(1) else index


def _nearest(
    text: str,
    start: int,
    end: int,
    table: dict[str, str],
    parts: re.Pattern[str] = _CLAUSE_PART,
    parts_after: re.Pattern[str] | None = None,
) -> str | None:
    """The value in ``table`` of the word nearest to ``text[start:end]`` in its clause (by whole word, or
    its first five or four letters), within :data:`NEAR_WORDS` on either side; ties go to the one after.
    The clause ends before it at ``parts``, after it at ``parts_after`` (the same when not given)."""
    before, after = _clause_before(text, start, parts), _clause_after(text, end, parts_after or parts)
    words = list(enumerate(reversed(_WORD.findall(before)[-NEAR_WORDS:])))
    words += list(enumerate(_WORD.findall(after)[:NEAR_WORDS]))  # after, so it wins ties
    found = [(i, table[key]) for i, w in words if (key := _key(w.lower(), table)) in table]
    return min(found, key=lambda f: f[0])[1] if found else None


def _clause_before(text: str, start: int, parts: re.Pattern[str] = _CLAUSE_PART) -> str:
    """The words of a figure's clause before it (at ``start``), at most 60 characters back."""
    return parts.split(text[max(0, start - 60) : start])[-1]


def _clause_after(text: str, end: int, parts: re.Pattern[str] = _CLAUSE_PART) -> str:
    """The words of a figure's clause after it (from ``end``), at most 60 characters on."""
    return parts.split(text[end : end + 60], maxsplit=1)[0]


def _key(word: str, table: dict[str, str]) -> str:
    return word if word in table else word[:5] if word[:5] in table else word[:4]
