"""Times (summarizer.times): times of day, parts of the day and days, read against the publication."""

from __future__ import annotations

import datetime as dt

import pytest

from summarizer.times import days_said, parts_of_day, span_weekdays, times_of_day, year_parts, years_said


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("It hit at 3:41 a.m. Monday.", {221}),
        ("Shaking started at 03:41.", {221}),
        ("Recorded at 08:41 UTC (03:41 local).", {521, 221}),
        ("The first report came at 2:15 p.m.", {855}),
        ("Doors open at 9.30pm, close at 12 a.m.", {1290, 0}),
        ("The result was 52-48 at 25:10 on a 2.1-tonne scale.", set()),
        ("He won in 2:00:35 and swam 1:52.30.", set()),  # a race clock's times are lengths of time
    ],
)
def test_times_of_day_are_read_in_minutes_after_midnight(text: str, minutes: set) -> None:
    assert times_of_day(text) == minutes


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("It hit at 3:41 a.m. Monday.", {"night"}),
        ("The quake struck before dawn.", {"night"}),
        ("Police say the theft was in the early hours of Sunday.", {"night"}),
        ("It ignited on Tuesday afternoon.", {"afternoon"}),
        ("The first report came at 2:15 p.m.", {"afternoon"}),
        ("Crews were called at 23:45 on Saturday.", {"evening", "night"}),  # the parts' edges overlap
        ("The crash occurred late on Saturday night.", {"night"}),
        ("The talks resume on Monday morning at 9 a.m.", {"morning"}),
        ("The strike lasts 72 hours.", set()),
        ("Around 6,000 people spent the night in tents.", set()),  # a night spent somewhere is no time of it
    ],
)
def test_parts_of_the_day_are_read_from_words_and_times(text: str, parts: set) -> None:
    assert parts_of_day(text, times_of_day(text)) == parts


@pytest.mark.parametrize(
    ("text", "ahead", "days"),
    [
        ("The summit took place yesterday.", False, {1008}),
        ("The summit, held Tuesday, ended late.", False, {1008}),
        ("The fire started three days ago.", False, {1006}),
        ("It broke out 2 days ago, and again today.", False, {1007, 1009}),
        ("The medical is set for Thursday.", True, {1010}),  # what will happen: the next Thursday
        ("They met on Thursday.", False, {1003}),  # what happened: the last one
        ("Trains were cancelled on Wednesday and Thursday.", False, {1009, 1010}),  # a span: the days after its first
        ("It ran from Friday to Monday.", False, {1004, 1007}),
        ("Talks resume tomorrow, a few days ago they stalled.", True, {1010}),
        ("The meeting on 8/10 followed two postponements.", False, {1008}),  # 8 October, not 10 August
        ("The next decision is on 12/03.", True, set()),  # 3 December and 12 March: neither within a month
        ("The result was 52-48, a 1/3 swing.", False, set()),  # 3 January or 1 March: neither near
    ],
)
def test_days_said_relative_to_publication_are_read_against_it(text: str, ahead: bool, days: set) -> None:
    assert days_said(text, dt.date(2024, 10, 9), ahead=ahead) == days  # a Wednesday


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("The deal will close in early 2027.", range(1, 5)),
        ("It is expected to close in the second half of 2027.", range(7, 13)),
        ("Expected closing: H2 2027", range(7, 13)),
        ("Results for Q3 2026 are due in October.", range(7, 10)),
        ("The plant opens in mid-2027.", range(5, 9)),
        ("Work ends at the end of 2027.", range(9, 13)),
        ("The first quarter of 2026 was weak.", range(1, 4)),
        ("The deal is expected to close in 2027.", ()),  # a year alone: no part of it
        ("Work must finish by the end of 2027.", ()),  # a deadline: any month before it
        ("It could open as early as 2027.", ()),
    ],
)
def test_a_part_of_a_year_is_read_as_its_months(text: str, months: range | tuple) -> None:
    assert year_parts(text) == frozenset(months)


@pytest.mark.parametrize(
    ("text", "begins", "ends"),
    [
        ("The truce, which began at 6am on Sunday, is to last three days.", {"sun"}, set()),
        ("It is due to last 72 hours, until 6am local time on Wednesday.", set(), {"wed"}),
        ("A ceasefire took effect on Sunday and runs till Wed.", {"sun"}, {"wed"}),
        ("The airport is expected to reopen on Monday.", set(), set()),  # a day, of no span
    ],
)
def test_the_weekdays_a_span_begins_on_and_lasts_until(text: str, begins: set, ends: set) -> None:
    assert span_weekdays(text) == (begins, ends)


def test_next_year_is_the_year_after_publication_and_this_year_no_year() -> None:
    """Not "this year": "the fund, agreed earlier this year" is no year of what is "set to begin in 2027"."""
    published = dt.date(2026, 11, 18)
    assert years_said("Growth is forecast at 1.2% next year.", published) == {2027}
    assert years_said("Over the coming year, prices will rise.", published) == {2027}
    assert years_said("The fund was agreed earlier this year.", published) == set()
