"""The proper names a statement writes (summarizer.capitals)."""

from __future__ import annotations

import pytest

from summarizer.capitals import abbreviations, bare, capitals


def _read(text: str) -> tuple[frozenset[str], str | None]:
    names, opener, _ = capitals(text, text)
    return names, opener


@pytest.mark.parametrize(
    ("text", "names", "opener"),
    [
        ("Lavrov will visit Pyongyang next month.", {"pyongyang"}, "lavrov"),
        ("The delegations met in Geneva.", {"geneva"}, None),  # "The" is no opener
        ("Swiss foreign minister Keller chaired the talks.", {"swiss", "keller"}, None),  # a country opens it
        ("Talks resume on Monday in March.", set(), "talks"),  # weekdays and months are no names
        ("Carmakers recalled 40,000 SUVs.", {"suv"}, "carmakers"),  # "SUVs" is the name "SUV"
        ("He said: Prices will rise.", set(), None),  # a sentence's first word is no name
        ('"We will rebuild," Whitaker said.', {"whitaker"}, None),  # after a quotation closed on a comma
    ],
)
def test_names_and_opener(text: str, names: set[str], opener: str | None) -> None:
    assert _read(text) == (frozenset(names), opener)


def test_names_of_what_was_said_only() -> None:
    """The names are read from the statement less its attribution, the opener from the whole of it."""
    assert capitals("Okafor won, Reuters reported.", "Okafor won") == (frozenset(), "okafor", frozenset())


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("Unofficial results: Okafor 52%, Hale 48%.", {"okafor"}),
        ("Okafor won. Hale conceded.", {"hale"}),
        ("He said: The port will reopen.", set()),  # "The" is no name wherever it stands
        ("Okafor won the race.", set()),  # the first word is the opener, not a start
    ],
)
def test_first_words_of_later_sentences(text: str, starts: set[str]) -> None:
    assert capitals(text, text).starts == frozenset(starts)


def test_abbreviations_written_and_spelled() -> None:
    written, spelled = abbreviations("The IMF and the Organisation for Economic Co-operation and Development")
    assert "imf" in written
    assert "oecd" in spelled
    written, spelled = abbreviations("The mission is to put MeteoNord-3 into orbit; MN-3 will monitor storms.")
    assert {"mn", "mn3"} <= written
    assert "mn3" in abbreviations("MeteoNord-3 is heavy.")[1]


@pytest.mark.parametrize(("name", "expected"), [("iran's", "iran"), ("meteonord-3", "meteonord"), ("paris", "paris")])
def test_bare(name: str, expected: str) -> None:
    assert bare(name) == expected
