"""Quantities (summarizer.quantities): numbers with their units, compared across outlets' wordings."""

from __future__ import annotations

import json
import re

import pytest
from helpers import FIXTURES

from summarizer.quantities import (
    _NOT_QUANTITIES,
    _NOT_QUANTITIES_IN_FIGURES,
    _ORDINAL,
    _PHRASE_WORDS,
    _SPELLED,
    _SPELLED_KEYS,
    clash,
    quantities,
    tolls_clash,
)
from summarizer.units import ORDINALS


def _read(text: str) -> set[tuple[str, float, bool]]:
    return {(q.unit, round(q.value, 1), q.loose) for q in quantities(text)}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Some 10,000 workers joined.", {("n", 10_000.0, True)}),
        ("The strikers want a nine percent raise.", {("%", 9.0, False)}),
        ("The stoppage is set for 72 hours.", {("time", 72.0, False)}),
        ("It is a three-day action.", {("time", 72.0, False)}),
        ("A 2.1-tonne satellite.", {("mass", 2100.0, False)}),
        ("The loot is worth about €2.1m.", {("money:EUR", 2_100_000.0, True)}),
        ("Police put the loot at 2 million euros.", {("money:EUR", 2_000_000.0, False)}),
        ("The depth was roughly six miles.", {("length", 9656.1, True)}),
        ("It began on 18 May.", {("day", 518.0, False)}),
        ("The next decision is on 22/05/2024.", {("day", 522.0, False)}),  # one order reads as a date
        ("Liftoff is set for 6:12 a.m. on 9/28.", {("day", 928.0, False)}),
        ("The next attempt is on September 28th.", {("day", 928.0, False)}),
        ("The 3rd quarter.", {("ord", 3.0, False)}),
        ("A warm 40-second handshake.", {("time", 0.0, False)}),  # a duration: no "second" as an ordinal
        ("His second term.", {("ord", 2.0, False)}),
        ("A magnitude 6.8 earthquake struck.", {("magnitude", 6.8, False)}),
        ("The 7.0-magnitude quake hit at night.", {("magnitude", 7.0, False)}),
        ("It measured 6.1 on the Richter scale.", {("magnitude", 6.1, False)}),
        ("A quake of magnitude of about 7 hit.", {("magnitude", 7.0, True)}),
        ("The institute put the magnitude at 6.1.", {("magnitude", 6.1, False)}),
        ("The magnitude was revised to 6.4.", {("magnitude", 6.4, False)}),
        ("Winds gusted to 60 mph.", {("speed", 96.6, False)}),  # km/h
        ("It was doing about 140 km/h.", {("speed", 140.0, True)}),
        ("Sustained winds of 85 knots.", {("speed", 157.4, False)}),
        ("The train was travelling at about 60mph.", {("speed", 96.6, True)}),  # the unit written close
        ("About a dozen homes burned.", {("n", 12.0, True)}),
        ("Two dozen people were hurt.", {("n", 24.0, False)}),
        ("The magnitude-6.1 quake was felt in the capital.", {("magnitude", 6.1, False)}),
        ("Half a million people marched.", {("n", 500_000.0, False)}),
        # a rate's move: basis points and fractions of a point are percentage points
        ("It raised rates by 25 basis points.", {("pt", 0.2, False)}),
        ("Two wanted a 50bp hike.", {("n", 2.0, False), ("pt", 0.5, False)}),
        ("Rate-setters opted for a quarter-point hike.", {("pt", 0.2, False)}),
        ("Borrowing costs went up half a percentage point.", {("pt", 0.5, False)}),
        ("It cut by three-quarters of a point.", {("pt", 0.8, False)}),
        ("A quarter of the staff left.", set()),  # a share, not a point
        # one point, where a point is a figure; "at one point" is no figure
        ("Rovers are a point ahead of Kelton.", {("pt", 1.0, False)}),
        ("The bank cut rates by a percentage point.", {("pt", 1.0, False)}),
        ("At one point the crowd surged.", set()),
        ("He made a point of thanking fans.", set()),
        # a part of a whole, and all of one, are parts as well as counts
        ("Seven of the nine members backed it.", {("n", 7.0, False), ("n", 9.0, False), ("part", 7.0, False)}),
        ("It was 26 out of 27.", {("n", 26.0, False), ("n", 27.0, False), ("part", 26.0, False)}),
        ("All nine members backed it.", {("n", 9.0, False), ("part", 9.0, False)}),
        ("One of 2023's storms.", set()),  # of a year: no part
        ("Twenty-one of the 30 members.", {("n", 21.0, False), ("n", 30.0, False)}),  # two words: the counts alone
        ("Twenty-one people died.", {("n", 21.0, False)}),  # was read as 20, and clashed with "21 people"
        ("About forty two ships.", {("n", 42.0, True)}),
        # a figure per period is a rate; a day after, or in a day, is no period
        ("It carried about 30,000 vehicles a day.", {("n/day", 30_000.0, True)}),
        ("It handles roughly 2 million passengers annually.", {("n/year", 2_000_000.0, True)}),
        ("The operator spends €2m per year on it.", {("money:EUR/year", 2_000_000.0, False)}),
        ("Three people died a day after the storm.", {("n", 3.0, False)}),
        ("Four people died in a day.", {("n", 4.0, False)}),
    ],
)
def test_a_number_is_read_with_its_unit_and_how_loosely_it_is_said(text: str, found: set) -> None:
    assert _read(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "The strike started at 6 a.m. on Tuesday.",
        "Emergency services were alerted at 23:45.",
        "The next decision is on 12/03.",  # 12 March or 3 December
        "The desk is staffed 24/7.",
        "He is under contract through 2028-29.",
        "Owners of '21-'23 models should check.",
        "Roughly gold coins from the 1600s were stolen.",
        "A 17th-century reliquary.",
        "Between 10-15 people were hurt.",  # a range: no score, and no counts either
        "Staff went on strike two days ago.",
        "MeteoNord-3 will monitor storms.",
        "He was sent off with 19 minutes left.",  # a countdown, from an end not given
        "Okafor won it six minutes from time.",
        "Thibodeau took roughly one vote in seven.",  # a ratio
        "One in four homes lost power.",
    ],
)
def test_numbers_that_belong_to_a_time_a_date_a_score_or_a_name_are_not_quantities(text: str) -> None:
    assert _read(text) == set()


@pytest.mark.parametrize(
    ("text", "fates"),
    [
        ("A bridge fell, killing three people and injuring at least 11.", {(3.0, "dead"), (11.0, "injured")}),
        ("Three people died and 11 were injured, the fire department said.", {(3.0, "dead"), (11.0, "injured")}),
        ("Four people have been confirmed dead after the crash.", {(4.0, "dead")}),
        ("Twelve people were taken to hospital.", {(12.0, "injured")}),
        ("Police arrested four men.", {(4.0, "arrested")}),
        ("Roughly 3,500 residents are under evacuation orders.", {(3500.0, "evacuated")}),
        ("About 4,000 dockers walked out.", {(4000.0, None)}),
        # a count of no fate said takes the one its statement gives; some of another count is only that
        ("27 people were hurt in the blast, 11 seriously.", {(27.0, "injured"), (11.0, "injured")}),
        ("Twenty-seven people were injured, nine of them seriously.", {(27.0, "injured"), (9.0, "some")}),
        ("Seven of the nine members backed it.", {(7.0, None), (9.0, None)}),  # a part of a whole, not "some"
        ("One person has died.", {(1.0, "dead")}),  # one person is a count; "one" alone is none
        ("One of them died.", set()),
        ("It cut power to about 80,000 homes, killing two people.", {(80_000.0, None), (2.0, "dead")}),  # homes die not
    ],
)
def test_a_count_of_people_is_read_with_what_befell_them(text: str, fates: set) -> None:
    assert {(q.value, q.fate) for q in quantities(text) if q.unit == "n"} == fates


def test_two_tolls_of_one_fate_that_match_nowhere_clash() -> None:
    three, four = quantities("The collapse killed three people."), quantities("It left four people dead.")
    assert tolls_clash(three, four)
    assert not tolls_clash(three, quantities("Three people died and 11 were injured."))
    assert not tolls_clash(three, quantities("Four people were injured."))  # two fates: two tolls


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("The result was 52-48.", 52_048.0),
        ("With all precincts counted, Okafor led 52-48.", 52_048.0),
        ("The decision was taken by a 7-2 vote.", 7_002.0),
        ("City won 3-1 at home.", 3_001.0),
        ("United lost 1-3 to City.", 3_001.0),  # one score, from either side
        ("a 3-1 win for City", 3_001.0),
        ("The Senate passed the bill 51-49.", 51_049.0),
    ],
)
def test_a_score_or_a_tally_is_read_whole_as_a_score_and_not_as_two_counts(text: str, score: float) -> None:
    assert _read(text) == {("score", score, False)}


@pytest.mark.parametrize(
    ("a", "b", "unit"),
    [
        ("The port expects 4,000 strikers.", "More than 10,000 workers are on strike.", "n"),
        ("The union wants 9%.", "The union wants 4%.", "%"),
        ("It began on 18 May.", "It began on 19 May.", "day"),
        ("The fire covers 12,000 hectares.", "The fire covers 50,000 acres.", "area"),
        ("Okafor won by 1,900 votes.", "Okafor won by 2,000 votes.", "n"),  # exact figures, 5% apart
        ("about 0.8%", "nearly 1%", None),  # loose figures, 20% apart
        ("12,000 hectares burned", "almost 30,000 acres burned", None),
        ("about 120 km2 burned", "12,000 hectares burned", None),
        ("The stoppage lasts 72 hours.", "A three-day strike.", None),
        ("40 ships wait offshore.", "The strike began two days ago.", None),
        ("10 km down", "six miles down", None),  # converted: 3.5% apart
        ("€2m", "£2m", None),  # two currencies are not compared
        # counts of two kinds of thing are not compared, for or against (facets keep them apart)
        ("Roughly 3,500 residents left.", "About 3,500 homes were evacuated.", None),
        ("It sent four cars into the river.", "It left four people dead.", None),
        ("It sent four cars into the river.", "Six vehicles fell.", "n"),
        # a rate is compared with rates of its period only
        ("The bridge carried 30,000 vehicles a day.", "Four cars fell into the river.", None),
        ("It carried about 30,000 vehicles a day.", "It carried 45,000 vehicles daily.", "n/day"),
        ("It carried about 30,000 vehicles a day.", "Roughly 30,000 vehicles used it daily.", None),
        ("The repairs cost $40 million a year.", "The repairs cost $40 million.", None),
        ("Some 3,500 local residents left.", "Around 3,500 people must evacuate.", None),
        ("About 4,000 dockers walked out.", "Nearly four thousand workers joined.", None),
        # a magnitude is read apart from the counts beside it: the toll agrees, the magnitude does not
        (
            "A magnitude 6.8 quake killed at least 2,012 people.",
            "The 7-magnitude quake killed more than 2,000 people and injured 2,059.",
            "magnitude",
        ),
        ("A magnitude 7 earthquake.", "The quake measured 7.0 on the Richter scale.", None),
        ("Winds gusted to 60 mph.", "Wind gusts reached 70 mph.", "speed"),
        ("Winds gusted to 60 mph.", "Gusts of 97 km/h were recorded.", None),  # converted
        # loose figures match within their rounding: "about 60" is 55 to 65, "about 70" 65 to 75
        ("The train was doing about 60mph.", "It was travelling at about 70 mph (113 km/h).", "speed"),
        ("About 4,000 workers walked out.", "Some 5,000 workers walked out.", "n"),
        ("About 140 passengers were on board.", "Around 150 passengers were on board.", "n"),
        ("About 150,000 passengers were affected.", "Around 200,000 passengers were hit.", "n"),
        ("Around 10,000 people were evacuated.", "Around 12,000 people have been evacuated.", "n"),
        ("Nearly 10,000 people were evacuated.", "About 8,500 people were evacuated.", None),  # one side of it
        ("The river rose to 6.1 metres overnight.", "The river peaked at 6.4 metres.", "length"),  # 5% apart
        ("About 4,000 workers walked out.", "Some 4,200 workers walked out.", None),
        ("Fewer than 2,000 votes separated them.", "About 1,900 votes separated them.", None),
        ("A dozen homes burned.", "At least 12 homes burned.", None),
        ("More than 1,100 flights were cancelled.", "About 1,200 flights were cancelled.", None),  # a bound
        ("Up to 4,000 workers may join.", "About 3,500 workers joined.", None),
        # a match's minute is a time, whether an ordinal or not
        ("Wrona headed in on 23 minutes.", "Wrona's 23rd-minute header.", None),
        ("He equalised in the 58th minute.", "The equaliser came on 61 minutes.", "time"),
        # ordinals of two words, and measures an order of magnitude apart, measure different things
        ("He was shown a second yellow card.", "He scored in the 23rd minute.", None),
        ("He hit the post and should have had a second.", "It was the fourth goal.", None),
        ("It was the fourth-biggest breach this year.", "It was the fifth-biggest breach.", "ord"),
        ("Their win ended a 31-year wait.", "Okafor scored in the 84th minute.", None),
        ("He was fined €150,000.", "He embezzled €2.3m.", None),
        ("He embezzled €2.3m.", "He pocketed €3.2million.", "money:EUR"),
        # a number a name labels is part of the name: told apart as names are, never a clash
        ("She carried her own Ward 4.", "Problems were flagged at two polling stations.", None),
        ("It struck as a Category 3 storm.", "It struck as a Category 4 storm.", None),  # told apart as names
        ("Queues grew at Heathrow Terminal 3.", "Some 3 flights were cancelled.", None),
        ("At least 10 people died.", "More than 100 people died.", "n"),  # counts are compared at any distance
        ("At least 11 people died.", "At least nine people died.", "n"),  # two bounds are two figures said
        ("At least 2,012 people died.", "More than 2,000 people died.", None),  # within the coarser one's rounding
        # beside figures that match, two of one kind of thing that do not
        (
            "At least 11 people were killed in Cuba and two in Florida.",
            "At least nine people died in Cuba, two in Florida.",
            "n",
        ),
        ("It has 11 million customers; two were hit.", "Nine staff and two customers were hit.", None),
        # one move of a rate in three wordings, and a bigger one
        ("The bank hiked 25bp to 4.50%.", "Borrowing costs went up a quarter point, to 4.5%.", None),
        ("Rates rose by 0.25 percentage points.", "Rates rose by 25 basis points.", None),
        ("Two members wanted a half-point increase.", "Two members dissented in favour of a 50bp increase.", None),
        ("The bank raised rates by a quarter point.", "The bank raised rates by 50 basis points.", "pt"),
        # parts are compared with parts: the wholes match, the parts do not
        ("Seven of nine policymakers backed the hike.", "All nine members backed the hike.", "part"),
        ("26 out of 27 members agreed.", "All 27 members agreed.", "part"),
        ("Two of the five victims were children.", "Five people died.", None),
        ("Seven of nine backed the hike.", "Two of the nine members dissented.", None),  # the part the others leave
        ("Two of nine members dissented.", "All nine members backed the hike.", "part"),
        ("Two of nine members dissented.", "Two of the five victims were children.", None),  # parts of two wholes
        ("Twenty-one people died.", "21 people died.", None),
        ("The win leaves Rovers a point ahead of Kelton.", "Rovers are now two points clear of Kelton.", "pt"),
        ("Rovers are a point ahead of Kelton.", "Kelton are one point behind Rovers.", None),
        # an age is compared with ages of the same person, or of no one named; it is no span of years
        ("Danner, 61, was jailed.", "Danner, 62, showed no emotion.", "age"),
        ("Danner, 62, showed no emotion.", "The 61-year-old was convicted.", "age"),
        ("Danner, 61, was jailed.", "His wife, 58, wept.", None),
        ("The 61-year-old was jailed for seven years.", "He was jailed for eight years.", "time"),
        # a floor or a ceiling against a figure past it
        ("At least 17 people have died.", "The outbreak has killed 14 people.", "n"),
        ("Up to 4,000 workers may join.", "About 5,000 workers joined.", "n"),
        ("More than 600 people were infected.", "612 cases were confirmed.", None),
        # tolls of two fates, and some of a count, are not compared
        ("Three people were killed.", "Four people died.", "n"),
        ("Three people were killed.", "Eleven people were injured.", None),
        ("27 people were injured, nine of them seriously.", "11 of the injured were taken to hospital.", None),
        # rain, rivers and oil in the units outlets give them
        ("Up to 200mm of rain fell.", "Nearly 8 inches of rain fell.", None),
        ("The river rose 40 cm.", "The river rose 16 inches.", None),
        ("The river rose 40 cm.", "The river rose 25 inches.", "length"),
        ("About 1.3 gallons leaked.", "Some 5 litres leaked.", None),
        ("Oil output fell 2 million barrels a day.", "Output fell by 2 million bpd.", None),
        ("Output fell by 2 million bpd.", "Output fell by 2.5 million barrels per day.", "volume/day"),
        ("Staff work 12 hours a day.", "The strike lasted 12 hours.", None),  # a rate is no span
        # scores: one score either way round; another score clashes; a range is no score
        ("City won 3-1 at home.", "United lost 1-3 to City.", None),
        ("City won 3-1 at home.", "City beat United 2-1.", "score"),
        ("The bill passed 51-49.", "The bill passed 52-48.", "score"),
        ("City won 3-1.", "Between 10-15 people were hurt.", None),
    ],
)
def test_numbers_clash_only_in_one_unit_and_beyond_their_margin(a: str, b: str, unit: str | None) -> None:
    assert clash(quantities(a), quantities(b)) == clash(quantities(b), quantities(a)) == unit


@pytest.mark.parametrize(
    ("odd", "plain"),
    [
        ("two thouſand people", "two thousand people"),  # a long s: the expressions match it as "s"
        ("a 5 kilometreſ walk", "a 5 kilometres walk"),
        ("the firſt meeting", "the first meeting"),
        ("FİVE ships", "five ships"),  # a dotted capital I matches "i"
        ("fıve ships", "five ships"),  # so does a dotless i (it was read as the number 0)
        ("twenty-fıve ships", "twenty-five ships"),
        ("a 5 \u212am race", "a 5 km race"),  # the Kelvin sign matches "k"
    ],
)
def test_letters_a_case_insensitive_match_lets_through_are_read_as_the_words_they_spell(odd: str, plain: str) -> None:
    # each of these stopped the whole run with a KeyError (the tables are keyed by the lower case)
    from summarizer.assertions import numbers
    from summarizer.facets import facets

    assert quantities(odd) == quantities(plain) != frozenset()
    assert [value for _, value in numbers(odd)] == [value for _, value in numbers(plain)]
    assert facets(f"talks on 3 ſeptember: {odd}").months == facets(f"talks on 3 September: {plain}").months == {9}


def test_the_shortcuts_read_what_the_expressions_read() -> None:
    """A statement no phrase word is in is masked by the expression without the phrases, and one of
    whose words none spells a number skips the number words: on every statement and sentence of the
    dev set, the shortcuts find exactly what the full expressions find."""
    events = json.loads((FIXTURES / "alignment" / "devset.json").read_text())["events"]
    texts = [c[k] for e in events for q in e["questions"] for c in q["claims"] for k in ("statement", "sentence")]
    texts += ["TWENTY-ONE people", "the Third of them", "one in five voters", "3 days ago", "Two hundred left"]
    blank = lambda m: " " * len(m.group(0))  # noqa: E731
    for text in texts:
        if not _PHRASE_WORDS.search(text):
            assert _NOT_QUANTITIES_IN_FIGURES.sub(blank, text) == _NOT_QUANTITIES.sub(blank, text), text
        found = {(m.start(), m.group(0)) for m in _SPELLED.finditer(text)} | {
            m.start() for m in _ORDINAL.finditer(text)
        }
        words = set(re.findall(r"[a-z]+", text.lower()))
        assert bool(found) <= (not words.isdisjoint(_SPELLED_KEYS | ORDINALS.keys())), text
