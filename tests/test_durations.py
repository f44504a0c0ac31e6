"""Lengths of time said in parts: a race clock's time and a length in several units, each one length."""

from __future__ import annotations

import pytest

from summarizer.durations import durations, with_halves

TWO_HOURS_35_SECONDS = round(2 + 35 / 3600, 6)


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("Kiptoo won in 2:00:35 on Sunday.", [TWO_HOURS_35_SECONDS]),
        ("clocking two hours, 35 seconds in Berlin", [TWO_HOURS_35_SECONDS]),
        ("a world record of 2 hours 0 minutes 35 seconds", [TWO_HOURS_35_SECONDS]),
        ("he finished in 2h 00m 35s", [TWO_HOURS_35_SECONDS]),
        ("an hour and 10 minutes", [round(7 / 6, 6)]),
        ("thirty-five minutes and 20 seconds", [round((35 * 60 + 20) / 3600, 6)]),
        ("sentenced to four years and six months in prison", [4 * 8760 + 6 * 730]),  # as "4.5 years"
        ("She swam 1:52.30 in the final.", [round(112.3 / 3600, 6)]),  # minutes, seconds, hundredths
        ("The strike lasted 72 hours.", []),  # one unit: read with the other figures
        ("A week-long ceasefire began at dawn.", [168.0]),  # one unit said in no figure
        ("a yearlong inquiry and an hour-long hearing", [8760.0, 1.0]),
        ("a two-week-long strike", []),  # "two-week": one unit, read with the other figures
        ("Bidding went on for nearly a quarter of an hour.", [0.25]),  # a part of one unit
        ("half an hour, then three quarters of an hour, a half-hour break and half a day", [0.5, 0.75, 0.5, 12.0]),
        ("Half the staff left a quarter of the time.", []),  # a part of no length of time
        ("The clinic opens at 14:30 and the run took 59:41.", []),  # a time of day, or one that may be
        ("It took 10 minutes and two hours.", []),  # units that do not fall in size are two lengths
    ],
)
def test_a_length_said_in_parts_is_one_length(text: str, hours: list[float]) -> None:
    assert [d.hours for d in durations(text)] == hours


def test_a_length_keeps_its_span_and_what_it_is_rounded_to() -> None:
    text = "He ran 2:00:35, then talked for an hour and 10 minutes."
    clock, talk = durations(text)
    assert text[clock.start : clock.end] == "2:00:35" and clock.step == pytest.approx(1 / 3600)
    assert text[talk.start : talk.end] == "an hour and 10 minutes" and talk.step == pytest.approx(1 / 60)


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("two and a half million people", "2.5 million people"),
        ("three and a half hours", "3.5 hours"),
        ("4 1/2 hours, four-and-a-half days", "4.5 hours, 4.5 days"),
        ("He was half asleep after a half-hour wait.", "He was half asleep after a half-hour wait."),
        ("It took an hour and a half, they said.", "It took 1.5 hour , they said."),  # the unit between
    ],
)
def test_a_number_and_a_half_is_written_as_its_figure_in_as_many_characters(text: str, written: str) -> None:
    assert with_halves(text).split() == written.split() and len(with_halves(text)) == len(text)
