"""Quoted words: the passages a statement quotes, and one remark told from another wording of it."""

from __future__ import annotations

import pytest

from summarizer.wording import fold, quotations, reworded, rewording


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('He called it "timely, constructive, and beneficial."', ("timely constructive and beneficial",)),
        ("“We appreciated it. It was timely,” he said.", ("we appreciated it it was timely",)),
        ("Elle a parlé d'une « visite très utile ».", ("visite très utile",)),  # French marks, accents kept
        ("Er sagte: „Das war sehr nützlich“.", ("das war sehr nützlich",)),
        ('the so-called "red line" and the "Salt and Iron" film', ("salt and iron",)),  # "red line": 2 words
        ("No quotation here, only the talks' “end”.", ()),
        ('“One, two and three,” she said, then "four, five and six".', ("one two and three", "four five and six")),
    ],
)
def test_quotations_are_the_passages_between_double_marks_of_three_words_or_more(
    text: str, quoted: tuple[str, ...]
) -> None:
    assert quotations(text) == quoted


def test_a_remark_in_other_words_is_a_rewording_and_a_shorter_cut_is_not() -> None:
    first = fold("timely, constructive, and beneficial")
    assert rewording(first, fold("We appreciated the visit itself. It was timely, useful and constructive.")) > 0
    assert rewording(first, fold("timely and constructive")) == 0  # cut shorter: the same remark
    assert rewording(first, first) == 0
    assert rewording(first, fold("the talks were constructive and went on")) == 0  # one word in common
    long_ones = (  # two words in common in two long remarks: too unlike to be one
        "the harbour authority says repairs to the northern breakwater will take at least three more months of work",
        "winter storms last year wrecked the harbour, and fishermen blame the breakwater design chosen by engineers",
    )
    assert rewording(fold(long_ones[0]), fold(long_ones[1])) == 0
    # a pronoun in common makes no remark one ("our pensions"), though it tells two wordings apart ("our city")
    assert (
        rewording(fold("We have no choice but to defend our pensions"), fold("We will not give up our pensions")) == 0
    )
    assert rewording(fold("the darkest day our city has known"), fold("the darkest day this city has ever known")) > 0


def test_two_statements_are_reworded_when_any_of_their_quotes_are() -> None:
    one = quotations('He said "we will win this fight" and "prices must fall soon".')
    assert reworded(one, quotations("“Prices must come down soon,” he said."))
    assert not reworded(one, quotations("“We will win this fight,” he said."))
    assert not reworded(one, ())
