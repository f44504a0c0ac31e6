"""Negation: what a "not" governs, the clause that denies, and what there was none of."""

from __future__ import annotations

import pytest

from summarizer.negation import alike, denying_clause, governed, negates_itself, nones, within


@pytest.mark.parametrize(
    ("text", "stems"),
    [
        ("The minister has not resigned.", {"resi"}),
        ("No arrests were made.", {"arre"}),
        ("He wasn't much of a hunter.", {"hunt"}),  # "much" is skipped, "n't" governs the next content word
        ("The talks went ahead.", set()),
    ],
)
def test_a_negation_governs_the_content_word_after_it(text: str, stems: set[str]) -> None:
    assert governed(text) == stems


@pytest.mark.parametrize(
    ("text", "itself"),
    [
        ("The stoppage began on Tuesday, when the first shift failed to report.", False),
        ("An official, who asked not to be named, said 40 people died.", False),
        ("Forty died, said an official not authorised to speak publicly.", False),
        ("After talks failed to produce a deal, the strike began.", False),
        ("The money will be available within weeks, not months.", False),  # a contrast asserts weeks
        ("The talks, not surprisingly, failed.", False),
        ("It is not only a cut.", True),
        ("When the roof fell, no one was inside.", True),  # the aside ends at its clause
        ("No one was hurt when the roof collapsed.", True),
        ("The rocket won't fly until October.", True),  # the "not" before the aside is the statement's
        ("The hearing was adjourned with no new date set.", False),  # what came with it: the adjourning stands
        ("The ceasefire talks closed on Friday without a joint statement.", False),
        ("The strike ended without a deal.", False),
        ("Thousands of homes were left without power.", True),  # the want is what is said
        ("Some 20,000 homes remained without power.", True),
        ("Some 20,000 homes without power.", True),
    ],
)
def test_a_negation_in_an_aside_is_not_the_statements_own(text: str, itself: bool) -> None:
    assert negates_itself(text) is itself


def test_the_denying_clause_is_read_only_in_a_statement_of_several_clauses() -> None:
    said = "SkyVale said no flights had been cancelled, although some departures were delayed."
    assert denying_clause(said) >= {"fligh", "cance", "skyva"}
    assert "delay" not in denying_clause(said)
    assert denying_clause("No flights were cancelled.") == frozenset()


@pytest.mark.parametrize(
    ("text", "stems"),
    [
        ("No one was injured, the airline said.", [{"inju"}]),
        ("No injuries were reported.", [{"inju"}]),  # the verb of saying is no part of it
        ("The sheriff says no residents were injured.", [{"resi", "inju"}]),
        ("Police say nobody has been arrested.", [{"arre"}]),
        ("The strike is no longer expected to spread.", []),  # "no longer" is no "none"
        ("It was no more than a scratch.", []),
    ],
)
def test_what_there_was_none_of_is_the_clause_after_the_none(text: str, stems: list[set[str]]) -> None:
    assert nones(text) == [frozenset(s) for s in stems]


def test_a_denial_contradicts_a_statement_alike_or_the_clause_that_says_it() -> None:
    assert alike(frozenset({"minis", "resig", "tuesd"}), frozenset({"minis", "resig"}))
    assert not alike(frozenset({"minis", "resig"}), frozenset({"minis", "resig", "a", "b", "c", "d"}))
    assert within(frozenset({"fligh", "cance", "skyva"}), frozenset({"fligh", "cance", "skyva", "heath"}))
    assert not within(frozenset({"fligh", "cance"}), frozenset({"fligh", "cance"}))  # three words at least
