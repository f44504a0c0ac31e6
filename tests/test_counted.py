"""What a figure is of (summarizer.counted): the kind a count counts, what befell it, what a sum is of."""

from __future__ import annotations

import re

import pytest

from summarizer.counted import ages, change_of, counted_kind, fate_of, nouns_counted, some_of, sum_of, what_of, yearly
from summarizer.quantities import quantities


def _at(text: str, figure: str) -> tuple[int, int]:
    found = re.search(re.escape(figure), text)
    assert found is not None
    return found.start(), found.end()


@pytest.mark.parametrize(
    ("text", "figure", "kind"),
    [
        ("Roughly 3,500 residents left.", "3,500", "people"),
        ("About 3,500 homes were evacuated.", "3,500", "dwellings"),
        ("It sent four cars into the river.", "four", "vehicles"),
        ("About 40 container ships wait.", "40", "vessels"),  # the word after the next
        ("It lasted 40 minutes.", "40", None),
    ],
)
def test_a_count_counts_the_kind_its_next_words_name(text: str, figure: str, kind: str | None) -> None:
    assert counted_kind(text, _at(text, figure)[1]) == kind


@pytest.mark.parametrize(
    ("text", "figure", "fate"),
    [
        ("The blast, killing three people and injuring at least 11, shook the town.", "three", "dead"),
        ("The blast, killing three people and injuring at least 11, shook the town.", "11", "injured"),
        ("Three people died and 11 were injured.", "11", "injured"),  # as near before and after: after
        ("Police arrested four men.", "four", "arrested"),
        ("About 4,000 dockers walked out.", "4,000", None),
        ("Rescuers had pulled 201 people from the water.", "201", "rescued"),
        ("Four people were killed; 200 others were evacuated.", "200", "evacuated"),  # its own clause
        # a toll that has risen to the figure says what it counts in its subject, however long
        ("The number of people killed in Monday's quake in southern Peru has risen to 15.", "15", "dead"),
        ("The death toll from Tuesday's blast at the plant climbed to at least eight.", "eight", "dead"),
        ("The number of homes destroyed in the region rose to 230.", "230", None),
        ("Shares in the company that makes the fuel for the region rose to 15.", "15", None),
    ],
)
def test_what_befell_a_count_is_the_nearest_fate_word_in_its_clause(text: str, figure: str, fate: str) -> None:
    assert fate_of(text, *_at(text, figure)) == fate


def test_some_of_another_count_is_not_a_count_of_its_own() -> None:
    assert some_of("nine of them seriously", 4)
    assert some_of("11 of the injured", 2)
    assert some_of("snatched with five others", 18)
    assert not some_of("seven of the nine members", 5)  # a part of a whole
    assert not some_of("26 out of 27", 2)


@pytest.mark.parametrize(
    ("text", "figure", "of"),
    [
        ("Revenue: $6.4 billion, up 11%", "$6.4", "revenue"),
        ("It posted second-quarter net income of $1.3bn.", "$1.3", "profit"),
        ("The group now expects annual revenue of $25.5bn.", "$25.5", "revenue"),  # a year's: see yearly
        ("He was fined €150,000.", "€150,000", "fine"),
        ("The deal is worth $2m.", "$2m", None),
        # what only a sum is of: a loss, a value, orders, a sum recovered or claimed
        ("Investors lost about 340 million euros.", "340", "loss"),
        ("Veltra, once valued at 2.8 billion euros, collapsed.", "2.8", "value"),
        ("Auditors could not confirm orders worth 1.1 billion euros.", "1.1", "orders"),
        ("The administrator has recovered 46 million euros.", "46", "recovered"),
        ("It has lodged claims of 95 million euros against him.", "95", "claims"),
    ],
)
def test_a_sum_is_of_what_the_words_beside_it_name(text: str, figure: str, of: str | None) -> None:
    assert sum_of(text, *_at(text, figure)) == of


def test_a_percentage_is_a_change_of_what_its_statement_names_across_commas() -> None:
    text = "Revenue: $6.4 billion, up 11%"
    assert change_of(text, *_at(text, "11%")) == "revenue"
    assert change_of("The stock jumped about 7%.", *_at("The stock jumped about 7%.", "7%")) == "shares"
    assert change_of("It rose about 7% on the day.", *_at("It rose about 7% on the day.", "7%")) is None
    assert change_of("It lost 2.1% on the day.", *_at("It lost 2.1% on the day.", "2.1%")) is None  # a fall, no loss


@pytest.mark.parametrize(
    ("text", "figure", "of"),
    [
        ("Halvorsen will pay $38 per share, a premium of 27%.", "27%", "premium"),
        ("Shares of Brightwater soared 24 per cent by midday.", "24", "shares"),
        ("The share price jumped around 3%.", "3%", "shares"),  # a share price is no inflation
        ("The clerk's office reports 41% turnout.", "41%", "turnout"),
        ("Turnover rose 5%.", "5%", "revenue"),
        # a market report's: an index, bond yields, a currency, oil
        ("The S&P 500 fell 93 points, while the Nasdaq lost 2.1 per cent.", "2.1", "nasdaq"),
        ("Bond yields rose, with the 10-year yield climbing to 4.6 per cent.", "4.6", "yield"),
        ("The dollar index rose 0.7%.", "0.7%", "dollar"),
        ("Brent crude fell 1.2% to $83.10 a barrel.", "1.2%", "oil"),
        # what follows the figure tells why: a stock fell after its sales forecast, in its index
        ("Veltrix shares fell 9.2% after the company trimmed its revenue outlook.", "9.2%", "shares"),
        # a share of the economy's output is no growth: the deficit's
        ("The deficit is forecast to fall to 3.2 per cent of GDP next year.", "3.2", "deficit"),
        ("A deficit of 3.2% of gross domestic product.", "3.2%", "deficit"),
        ("The economy grew 1.4%.", "1.4%", "growth"),
    ],
)
def test_a_percentage_is_of_what_the_words_beside_it_name(text: str, figure: str, of: str) -> None:
    assert change_of(text, *_at(text, figure)) == of


@pytest.mark.parametrize(
    ("text", "figure", "fate"),
    [
        ("Growth is forecast at 1.2% next year.", "1.2%", "forecast growth"),
        ("The deficit is forecast to fall to 3.2 per cent of GDP.", "3.2", "forecast deficit"),
        (
            "Her own figures show the deficit hitting 3.4 per cent next year.",
            "3.4",
            "forecast deficit",
        ),  # a time to come
        ("Economists had expected 3.3%.", "3.3%", "forecast"),  # expected, of nothing said
        ("The deficit hit 3.4 per cent last year.", "3.4", "deficit"),
    ],
)
def test_a_percentage_said_as_a_forecast_is_a_forecast_of_what_it_names(text: str, figure: str, fate: str) -> None:
    assert what_of(text, *_at(text, figure), "%")[2] == fate


def test_a_sum_is_a_years_where_its_clause_says_so() -> None:
    text = "Halvorsen expects the combination to produce $150m in annual cost savings."
    assert yearly(text, *_at(text, "$150m"))
    assert not yearly("Revenue: $6.4 billion, up 11%", 9, 21)


def test_an_age_is_read_with_whose_it_is_where_a_word_names_them() -> None:
    assert [(v, who) for _, _, v, who in ages("A jury found Danner, 61, guilty.")] == [(61.0, "danner")]
    assert [(v, who) for _, _, v, who in ages("The 61-year-old was convicted.")] == [(61.0, None)]
    assert [(v, who) for _, _, v, who in ages("The man, aged 40, was arrested.")] == [(40.0, None)]
    assert ages("In March, 12 people died.") == []  # no comma after the figure: a count
    assert [(v, who) for _, _, v, who in ages("Thomas Girard (34) was freed.")] == [(34.0, "girard")]
    # people described are marked: one of several, perhaps; not one said before
    described = "A 16-year-old boy and a teenager, 17, were held, and a boy of 17 charged."
    assert [(v, who) for _, _, v, who in ages(described)] == [(16.0, "~boy"), (17.0, "~teenager"), (17.0, "~boy")]
    assert [(v, who) for _, _, v, who in ages("The attacker, a 34-year-old man, was shot.")] == [(34.0, None)]
    assert [(v, who) for _, _, v, who in ages("The suspect was a 34-year-old man.")] == [(34.0, None)]
    # an age a rule sets is no count: "the pension age to 67 from 65", "has died at the age of 87"
    assert [v for _, _, v, _ in ages("They will raise the pension age to 67 from 65.")] == [67.0, 65.0]
    assert [v for _, _, v, _ in ages("She has died at the age of 87.")] == [87.0]


@pytest.mark.parametrize(
    ("text", "nouns"),
    [
        ("Unity won 163 of the 300 seats in parliament.", {"seat"}),
        ("THE details of SIX MILLION Lumera customers were snatched.", {"customer"}),  # past a name
        ("Skyline grounded three other aircraft.", {"aircraft"}),  # past "other"
        ("It had 188 people on board, including six crew.", {"people", "crew"}),  # words, not kinds
        ("With 98% of votes counted.", set()),
        ("Moreau, 22, saved three match points.", {"match", "point"}),  # an age between commas counts nothing
        # a word saying what kind of a plural: the plural is counted too ("aid workers" are workers)
        ("Eight humanitarian workers abducted near Mopti were freed.", {"humanitarian", "worker"}),
        ("Seven aid workers kidnapped in August were freed.", {"aid", "worker"}),
        ("Five armed men stormed it; 12 new cases; three days later.", {"armed", "men", "case", "day"}),
    ],
)
def test_what_a_text_counts_is_the_word_after_each_number(text: str, nouns: set[str]) -> None:
    assert nouns_counted(text) == nouns


def test_a_stock_that_fell_in_an_index_is_no_change_of_the_index() -> None:
    text = "Chipmaker Veltrix was the biggest loser in the S&P 500, tumbling 9% after it cut its sales forecast."
    assert change_of(text, *_at(text, "9%")) is None


def test_a_percentage_of_a_numbered_index_is_of_that_index() -> None:
    nasdaq_100 = quantities("The S&P 500 fell 93 points, while the Nasdaq 100 lost 2.1 per cent.")
    assert {q.fate for q in nasdaq_100 if q.unit == "%"} == {"nasdaq 100"}
    assert {q.fate for q in quantities("The tech-heavy Nasdaq fell 2.3 per cent.") if q.unit == "%"} == {"nasdaq"}


def test_a_count_written_onto_its_noun_counts_it_as_the_plural_does() -> None:
    assert nouns_counted("Australia slumped to a four-wicket defeat.") == {"wicket"}
    assert nouns_counted("India won by six wickets.") == {"wicket"}


@pytest.mark.parametrize(
    ("text", "shock"),
    [
        ("A 4.9 magnitude aftershock shook the area.", "aftershock"),
        ("The quake, of magnitude 6.4, was followed by dozens of aftershocks.", "quake"),  # the nearest named
        ("An aftershock of magnitude 5.2 hit on Friday.", "aftershock"),
        ("The institute put the magnitude at 6.1.", "quake"),  # none named: the quake's
    ],
)
def test_a_magnitude_is_of_the_nearest_shock_named(text: str, shock: str) -> None:
    (figure,) = [q for q in quantities(text) if q.unit == "magnitude"]
    assert figure.fate == shock
