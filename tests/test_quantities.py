"""Quantities (summarizer.quantities): numbers read with their units, in outlets' wordings."""

from __future__ import annotations

import re

import pytest
from helpers import dev_texts

from summarizer.quantities import _ORDINAL, _SPELLED, _SPELLED_KEYS, quantities
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
        ("A MONSTER 6.5 earthquake flattened a town.", {("magnitude", 6.5, False)}),  # a decimal before the quake
        ("A powerful 5.9 aftershock followed.", {("magnitude", 5.9, False)}),
        ("Killing 61 people, officials said.", {("n", 61.0, False)}),  # a clause split off, no label "Killing 61"
        ("It hit at 3:42 a.m. local time (0042 GMT) at a depth of 10 km.", {("length", 10_000.0, False)}),
        ("Half a million people marched.", {("n", 500_000.0, False)}),
        # a fraction of a scale is that share of it, said roundly; "third" in it ranks nothing
        ("A quarter of a million people marched.", {("n", 250_000.0, True)}),
        ("Three-quarters of a million voters stayed home.", {("n", 750_000.0, True)}),
        ("Half of a million homes lost power.", {("n", 500_000.0, True)}),
        ("It costs a third of a billion dollars.", {("money:USD", 333_333_333.3, True)}),
        # a rate's move: basis points and fractions of a point are percentage points
        ("It raised rates by 25 basis points.", {("pt", 0.2, False)}),
        ("Two wanted a 50bp hike.", {("n", 2.0, False), ("pt", 0.5, False)}),
        ("Rate-setters opted for a quarter-point hike.", {("pt", 0.2, False)}),
        ("Borrowing costs went up half a percentage point.", {("pt", 0.5, False)}),
        ("It cut by three-quarters of a point.", {("pt", 0.8, False)}),
        ("A quarter of the staff left.", {("%", 25.0, True)}),  # a share, not a point
        # one point, where a point is a figure; "at one point" is no figure
        ("Rovers are a point ahead of Kelton.", {("pt", 1.0, False)}),
        ("The bank cut rates by a percentage point.", {("pt", 1.0, False)}),
        ("At one point the crowd surged.", set()),
        ("He made a point of thanking fans.", set()),
        # a part of a whole (with its rest: "the two who did not"), and all of one, are parts as well as counts
        (
            "Seven of the nine members backed it.",
            {("n", 7.0, False), ("n", 9.0, False), ("part", 7.0, False), ("n", 2.0, False)},
        ),
        ("It was 26 out of 27.", {("n", 26.0, False), ("n", 27.0, False), ("part", 26.0, False), ("n", 1.0, False)}),
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
        # a sum per period told before or after what comes off it is a rate still; a period before a happening is none
        ("The drug will cost $26,500 a year before insurance.", {("money:USD/year", 26_500.0, False)}),
        ("She earns £40,000 a year after tax.", {("money:GBP/year", 40_000.0, False)}),
        ("He was paid $500 a week before the strike.", {("money:USD", 500.0, False)}),
        # a rate per month or per week is one per year, a day's or an hour's is not
        ("The infusion costs about $2,200 a month.", {("money:USD/year", 26_400.0, True)}),
        ("He will earn £150,000 a week.", {("money:GBP/year", 7_800_000.0, False)}),
        ("It carried 30,000 vehicles a day.", {("n/day", 30_000.0, False)}),
        # temperatures in degrees Celsius; a bare letter only written onto its number
        ("Montaval recorded 46.8C on Sunday.", {("temperature", 46.8, False)}),
        ("It hit 46.2 degrees Celsius (115.2 Fahrenheit).", {("temperature", 46.2, False)}),
        ("A reading of 115°F.", {("temperature", 46.1, False)}),
        ("Group 3 C went through.", {("label:group", 3.0, False)}),  # no temperature: a name and its number
        ("Lows of -5C and minus 12 degrees Celsius.", {("temperature", -5.0, False), ("temperature", -12.0, False)}),
        # a fraction in words is a share (not the ordinal "fifth" nor the count "two")
        ("The drug cut the risk by a fifth.", {("%", 20.0, True)}),
        ("Two-thirds of voters backed the plan.", {("%", 66.7, True)}),
        ("Half of the 3,000 patients got the drug.", {("%", 50.0, True), ("n", 3000.0, False)}),
        ("It rose in the second half of the year.", {("ord", 2.0, False)}),
        ("Profit rose in the third quarter.", {("ord", 3.0, False)}),
        ("The cuts follow two quarters of weak sales.", {("n", 2.0, False)}),  # spans of time
        ("the previous high of 113.7 degrees", {("temperature", 113.7, False), ("temperature", 45.4, False)}),
        ("The rate rose from 10 to 12 percent.", {("n", 10.0, False), ("%", 12.0, False)}),  # a change: no range
        # a length of time with a word between (it was a count of 40, which clashed with "seven aid workers")
        ("Roux is free after 40 terrifying days in the hands of kidnappers.", {("time", 960.0, False)}),
        ("After three long weeks, talks resumed.", {("time", 504.0, False)}),
        ("Payrolls rose by 310,000 last month.", {("n", 310_000.0, False)}),  # which month, not how long
        # a fraction before "less", and a verb that halves, are shares too
        ("They were about a third less likely to develop dementia.", {("%", 33.3, True)}),
        ("A daily stroll can HALVE your risk.", {("%", 50.0, True)}),
        # an "m" with no currency is metres by a height near, set apart or a dimension after; else millions
        ("The river peaked at 5.8m.", {("length", 5.8, False)}),
        ("Peak level: 5.82 m (04:15)", {("length", 5.8, False)}),
        ("A 3m-high wall fell.", {("length", 3.0, False)}),
        ("Waves of up to 10m hit the coast.", {("length", 10.0, True)}),
        ("Some 5.8m people watched the river rise.", {("n", 5_800_000.0, True)}),
        ("The club paid £5.8m for the striker.", {("money:GBP", 5_800_000.0, False)}),
        ("Visitors rose to 5.8m in 2023.", {("n", 5_800_000.0, False)}),
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
        "Between 30 and 40 people were hurt.",  # nor two counts, of which 35 would match neither
        "Between two and three thousand homes lost power.",
        "Staff went on strike two days ago.",
        "MeteoNord-3 will monitor storms.",
        "He was sent off with 19 minutes left.",  # a countdown, from an end not given
        "Okafor won it six minutes from time.",
        "Carter fell six short of a century.",  # a shortfall
        "The party finished two seats short of a majority.",
        "The storm brought a surge of 10 to 12 feet.",  # a range of a measure, as "between 10 and 12 feet"
        "India chased down Australia's 286 for seven.",  # an innings, as "286-7"
        "It grew 3 to 4% a year.",
    ],
)
def test_numbers_that_belong_to_a_time_a_date_a_score_a_shortfall_or_a_name_are_not_quantities(text: str) -> None:
    assert _read(text) == set()


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Flight 2231 landed safely.", {("label:flight", 2231.0, False)}),  # a sentence's first word: a label
        ("Route 66 was closed.", {("label:route", 66.0, False)}),
        ("The crew of Flight 2231 were praised.", {("label:flight", 2231.0, False)}),
        ("Another 300 were evacuated.", {("n", 300.0, False)}),  # words that open a sentence before a count
        ("All 27 members agreed.", {("n", 27.0, False), ("part", 27.0, False)}),
        ("Exactly 40 staff were laid off.", {("n", 40.0, False)}),
        ("One in four homes lost power.", {("%", 25.0, True)}),  # a ratio: a share, as "a quarter of homes"
        ("Thibodeau took roughly one vote in seven.", {("%", 14.3, True)}),
        ("Temperatures 40C in Seville.", {("temperature", 40.0, False)}),  # a unit after it: a measure
        ("Demand for the Nova 6 was strong.", {("label:nova", 6.0, False)}),  # "Nova" is no "Nov"
        ("Traffic at Junction 4 stopped.", {("label:junction", 4.0, False)}),  # nor "Junction" "Jun"
        ("Published Nov 5.", {("day", 1105.0, False)}),
        ("The FTSE 100 closed lower.", {("label:ftse", 100.0, False)}),  # an index's letters and number
        ("The S&P 500 closed lower.", {("label:s&p", 500.0, False)}),
        ("FIRE KILLS 12 AS 40 HURT", {("n", 12.0, False), ("n", 40.0, False)}),  # capitals: a headline's
    ],
)
def test_a_label_opens_a_sentence_too_and_a_ratio_is_a_share(text: str, found: set) -> None:
    assert _read(text) == found


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
        ("About 300 residents fled the flooding.", {(300.0, "evacuated")}),  # who fled left their homes
        ("Thousands of people were fleeing, and 2,000 have fled.", {(2000.0, "evacuated")}),
        # a count of no fate said takes the one its statement gives; some of another count is only that
        ("27 people were hurt in the blast, 11 seriously.", {(27.0, "injured"), (11.0, "injured")}),
        ("Twenty-seven people were injured, nine of them seriously.", {(27.0, "injured"), (9.0, "some")}),
        ("Seven of the nine members backed it.", {(7.0, None), (9.0, None), (2.0, None)}),  # a part, not "some"
        ("One person has died.", {(1.0, "dead")}),  # one person is a count; "one" alone is none
        ("One of them died.", set()),
        ("One miner died and another remains missing.", {(1.0, "dead")}),  # any one a fate befell
        ("A bus carrying 45 people crashed, killing 26.", {(45.0, "aboard"), (26.0, "dead")}),  # aboard: no toll
        ("It sank with 44 people on board.", {(44.0, "aboard")}),
        # a crowd is no toll: the size put on it, or said of the people there
        ("Police put the crowd at around 50,000.", {(50_000.0, "present")}),
        ("Some 50,000 people had gathered to see him.", {(50_000.0, "present")}),
        ("Organisers said more than 100,000 people took part.", {(100_000.0, "present")}),
        ("It was licensed to carry 250 people.", {(250.0, None)}),  # what it may carry, not what it did
        ("No one was killed.", set()),
        ("Not one person died.", set()),
        ("It cut power to about 80,000 homes, killing two people.", {(80_000.0, None), (2.0, "dead")}),  # homes die not
    ],
)
def test_a_count_of_people_is_read_with_what_befell_them(text: str, fates: set) -> None:
    assert {(q.value, q.fate) for q in quantities(text) if q.unit == "n"} == fates


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
        ("Rovers took the cup, beating Eastfield 4-3.", 4_003.0),
        ("Losing 2-3 at home, City dropped a place.", 3_002.0),
    ],
)
def test_a_score_or_a_tally_is_read_whole_as_a_score_and_not_as_two_counts(text: str, score: float) -> None:
    assert _read(text) == {("score", score, False)}


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("It costs SEK 200m a day.", "money:crown/day"),  # a code before the figure
        ("It costs 200 million crowns a day.", "money:crown/day"),  # any crown is a crown
        ("It cost 5 million USD.", "money:USD"),  # a code after it
        ("a EUR 2bn deal", "money:EUR"),
        ("an amateur 5 runner", "n"),  # a word ending in a code is none
        ("a C$40 million contract", "money:USD"),  # every dollar is one: Canadian outlets write "$40 million"
        ("Sales rose 12pc.", "%"),  # as some British papers write a percentage
    ],
)
def test_a_currency_s_code_is_its_currency(text: str, unit: str) -> None:
    assert {q.unit for q in quantities(text)} == {unit}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The state announced Rs 5 lakh for each family.", {("money:INR", 500_000.0, False)}),
        ("Each family will get ₹500,000.", {("money:INR", 500_000.0, False)}),
        ("an ex gratia of Rs. 10 lakh", {("money:INR", 1_000_000.0, False)}),
        ("Damage was put at 1.2 crore rupees.", {("money:INR", 12_000_000.0, False)}),
        ("Losses of Rs 2,400 crore were reported.", {("money:INR", 24_000_000_000.0, False)}),
        ("1,50,000 people were stranded.", {("n", 150_000.0, False)}),
        ("Five lakh people were evacuated.", {("n", 500_000.0, False)}),
        ("It lasted two hours. 5 people died.", {("time", 2.0, False), ("n", 5.0, False)}),  # "hours." is no "Rs."
    ],
)
def test_lakhs_crores_rupees_and_figures_grouped_in_lakhs_are_read(text: str, found: set) -> None:
    """South Asian outlets count in lakhs (100,000) and crores (10 million), write rupees "Rs" or "₹", and
    group a figure's digits in twos above the thousands: "Rs 5 lakh" was 5 of nothing, "1,50,000" a 1."""
    assert _read(text) == found


def test_a_number_and_a_half_is_one_figure() -> None:
    """ "Two and a half million people" was 2 and 500,000, which clashed with "2.5 million people"."""
    assert _read("Two and a half million people were affected.") == {("n", 2_500_000.0, False)}
    assert _read("The flight was delayed by three and a half hours.") == {("time", 3.5, False)}


def test_a_list_of_sets_is_no_one_score() -> None:
    """ "Won 6-4, 3-6, 7-6" was the score 6-4, which clashed with "winning the tie-break 7-5"."""
    assert _read("Moreau won 6-4, 3-6, 7-6 in the final.") == set()
    assert _read("Moreau won 6-4 3-6 7-6(5) in the final.") == set()


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


def test_the_shortcut_reads_what_the_expressions_read() -> None:
    """A statement none of whose words spells a number skips the number words: on every statement and
    sentence of the dev set, the shortcut finds exactly what the full expressions find."""
    for text in dev_texts():
        found = {(m.start(), m.group(0)) for m in _SPELLED.finditer(text)} | {
            m.start() for m in _ORDINAL.finditer(text)
        }
        words = set(re.findall(r"[a-z]+", text.lower()))
        assert bool(found) <= (not words.isdisjoint(_SPELLED_KEYS | ORDINALS.keys())), text
