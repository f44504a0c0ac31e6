"""Text (summarizer.text): the words of a text that tell which expressions need not scan it."""

from __future__ import annotations

import re

import pytest
from helpers import FIXTURES, ROOT, SEEDS

from summarizer import negation, quantities, tense, times
from summarizer.text import may_match, unaccented, unshouted, words_said

# Each expression read only where its text has one of its keys, with texts that hold every alternative
# of it (in other cases too): a key missing from its set would hide one of them.
GATED = [
    (tense._FUTURE, tense._FUTURE_KEYS,
     "He will go. It would. We shall see. Going to vote. Plans to sign; plan to. Planned. Expected to rise. "
     "Set to open, set for May. Due to land. To be held on May 2. Next week. Upcoming. Forthcoming. Coming "
     "days. Scheduled. Aims to win, aim for gold, aiming to. Hope to, hopes to, hoping to. Intend to, intends "
     "to, intending to. Is expected in Vienna. Are to meet. Is to be freed. A swap — to be carried out. We'll see. "
     "WILL IT?"),
    (tense._PAST, tense._PAST_KEYS,
     "Last year. Previously. Earlier. Two days ago. Formerly. Once. Already. Had. Was. Were. WAS IT?"),
    (negation._NEGATION, negation.NEGATION_KEYS,
     "Not. No. Never. None. Nobody. Nothing. Neither. Nor. Without. Cannot. Denied, denies, deny, denying. "
     "Refused, refuses. Rejected, rejects. Ruled out, rules out. Turn down, turned down, turns down, turning "
     "down. No longer. Yet to. Failed to, fails to. Didn't, won't, can't. NEVER."),
    (times.MONTH, times._MONTH_KEYS,
     "Jan. January, Feb. February, Mar. March, Apr. April, May, Jun. June, Jul. July, Aug. August, Sep. "
     "Sept. September, Oct. October, Nov. November, Dec. December, JUNE."),
    (times.WEEKDAY, times._WEEKDAY_KEYS,
     "Mon. Monday, Tue, Tues. Tuesday, Wed. Wednesday, Thu. Thurs. Thursday, Fri. Friday, Sat. Saturday, "
     "Sun. Sunday, MONDAY."),
    (times._WEEKEND, times._WEEKEND_KEYS, "At the weekend; WEEKEND."),
    (times._PART_WORDS, times._PART_KEYS,
     "Before dawn, predawn, pre-dawn, the early hours, small hours, overnight, midnight, night, morning, "
     "afternoon, evening, NIGHT."),
    (quantities._SPELLED, quantities._SPELLED_KEYS,
     "Two hundred, half a million, a dozen, one thousand, twenty-five billion, eleven, twelve, thirteen, "
     "fourteen, fifteen, sixteen, seventeen, eighteen, nineteen, twenty, thirty, forty, fifty, sixty, seventy, "
     "eighty, ninety, two, three, four, five, six, seven, eight, nine, ten, TEN."),
    (quantities._ORDINAL, quantities._ORDINAL_KEYS,
     "First, second, third, fourth, fifth, sixth, seventh, eighth, ninth, tenth, FIRST."),
]  # fmt: skip


def _sentences() -> list[str]:
    """Real sentences: the seed articles', the test articles' and the alignment dev set's."""
    files = [*SEEDS.glob("*.txt"), *(ROOT / "tests" / "data").rglob("*.txt"), FIXTURES / "alignment" / "devset.json"]
    return [s for f in files for s in re.split(r"(?<=[.!?\"])\s+|\n+", f.read_text(encoding="utf-8")) if s]


@pytest.mark.parametrize(("pattern", "keys", "examples"), GATED, ids=[p.pattern[:24] for p, _, _ in GATED])
def test_an_expression_is_skipped_only_where_it_cannot_match(
    pattern: re.Pattern, keys: frozenset, examples: str
) -> None:
    pieces = re.split(r"(?<=[.,;?])\s+", examples)
    assert all(pattern.search(piece) for piece in pieces), "each example holds a match"
    hidden = [t for t in [*pieces, *_sentences()] if pattern.search(t) and not may_match(words_said(t), keys)]
    assert hidden == []


def test_a_text_not_in_ascii_is_scanned_whatever_its_words() -> None:
    assert words_said("Zürich will vote") is None
    assert may_match(None, frozenset({"never"}))
    assert words_said("Kim Jong-un didn't GO") == {"kim", "jong", "un", "didn", "t", "go"}
    assert not may_match(words_said("The talks went ahead."), negation.NEGATION_KEYS)


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("NIMBUS MELTDOWN: Millions hit", "Nimbus Meltdown: Millions hit"),
        ("THE private details of SIX MILLION customers", "THE private details of Six Million customers"),
        ("The FBI and the UN met in NEW YORK; US FDA rules", "The FBI and the UN met in New York; US FDA rules"),
    ],
)
def test_words_in_capitals_for_emphasis_are_written_as_names_are_and_acronyms_stay(text: str, plain: str) -> None:
    assert unshouted(text) == plain


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("Sánchez met Scholz in Málaga.", "Sanchez met Scholz in Malaga."),
        ("Łukasz Nowak, mayor of Gdańsk and Łódź", "Lukasz Nowak, mayor of Gdansk and Lodz"),  # no decomposition
        ("Søren Æbelø … Yıldız", "Soren Aebelo … Yildiz"),  # an ellipsis stays one mark
    ],
)
def test_accents_are_taken_off_and_the_case_kept(text: str, plain: str) -> None:
    assert unaccented(text) == plain
