"""Tense (summarizer.tense): what a statement says is to come, and what is past."""

from __future__ import annotations

import pytest

from summarizer.tense import said_tense


@pytest.mark.parametrize(
    ("said", "tense"),
    [
        ("Putin once called him a friend.", "past"),
        ("He was once the largest donor.", "past"),
        ("New revenue: around £18bn a year once fully in place.", None),  # "once": when, not formerly
        ("The plant will open once it is approved.", "future"),
        ("Once the deal closes, shares will be delisted.", "future"),
        ("Prices rose once again.", None),
        ("They meet once a week.", None),
        ("Forecasters expect it to weaken by Friday.", "future"),  # what is expected, forecast, predicted
        ("The storm is forecast to reach land on Friday.", "future"),
        ("Economists had expected inflation to rise.", None),
        ("Schools across the province are closed until Monday.", "future"),  # what stays so until a day
        ("The bridge was closed until Friday.", "past"),
        # a reason's "would" tells why, not what is coming; a plan's "would" is to come
        ("The concert continued because organisers feared that stopping it would cause panic.", None),
        ("The government would present a new housing plan in June.", "future"),
    ],
)
def test_once_is_the_past_only_where_it_means_formerly_and_a_forecast_the_future(said: str, tense: str | None) -> None:
    assert said_tense(said) == tense


@pytest.mark.parametrize(
    ("said", "tense"),
    [
        ("It is due to last 72 hours, until 6am local time on Wednesday.", "future"),  # "last" the verb
        ("The truce will last until Friday.", "future"),
        ("The ceasefire began last Sunday.", "past"),  # "last" of a day gone
        ("Delegations are expected in Vienna on Wednesday.", "future"),  # expected somewhere, on a day
        ("Growth was slower than expected in May.", "past"),
        ("An exchange of 80 detainees, to be carried out by the Red Cross on Monday.", "future"),
        ("The truce is to last three days.", "future"),
        ("The prisoners are to be freed on Monday.", "future"),
    ],
)
def test_a_verb_to_come_is_the_future(said: str, tense: str | None) -> None:
    assert said_tense(said) == tense
