"""The rules floor: quotations and their speakers, numbers and dates found with no model, each on the
exact span of the article it stands in."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from helpers import ROOT, SEEDS

from summarizer.load import read_text
from summarizer.metadata import read_metadata
from summarizer.rules import MAX_DATES, MAX_NUMBERS, dates, numbers, quotes
from summarizer.schemas import Evidence
from summarizer.text import Document

CASES = json.loads((ROOT / "tests" / "data" / "quotes.json").read_text(encoding="utf-8"))["cases"]
SEED_PATHS = sorted(SEEDS.glob("*.txt"))


def _seed(stem: str) -> Document:
    return Document(stem, read_text(SEEDS / f"{stem}.txt"))


def _exact(doc: Document, evidence: Evidence) -> None:
    """The span is the article's own characters, inside its sentences (never page furniture)."""
    assert evidence.match == "exact" and evidence.source == doc.id
    assert evidence.text == doc.text[evidence.start : evidence.end] and evidence.text
    assert doc.sentence_at(evidence.start) is not None
    assert doc.sentence_at(evidence.end - 1) is not None


# --------------------------------------------------------------------------------------------------
# Quotations: the hand-written table
# --------------------------------------------------------------------------------------------------


def test_the_quote_table_is_found_with_its_speakers() -> None:
    """Every case of tests/data/quotes.json: ≥ 95% of its quotes with their exact text, ≥ 85% of their
    speakers (a null speaker is ""), and no more than a few quotes the table does not list."""
    expected = found = right = 0
    problems: list[str] = []
    for number, case in enumerate(CASES):
        doc = Document("t", case["text"])
        got = quotes(doc)
        for quote in got:
            _exact(doc, quote.evidence)
            assert quote.text == quote.evidence.text
        by_text = {quote.text: quote for quote in got}
        for want in case["quotes"]:
            expected += 1
            hit = by_text.get(want["text"])
            if hit is None:
                problems.append(f"case {number}: missing {want['text']!r}")
                continue
            found += 1
            if hit.speaker == (want["speaker"] or ""):
                right += 1
            else:
                problems.append(f"case {number}: speaker {hit.speaker!r}, expected {want['speaker']!r}")
        listed = {want["text"] for want in case["quotes"]}
        problems += [f"case {number}: spurious {q.text!r}" for q in got if q.text not in listed]
    spurious = sum("spurious" in problem for problem in problems)
    summary = f"found {found}/{expected}, speakers {right}/{expected}, spurious {spurious}: {problems}"
    assert found >= 0.95 * expected, summary
    assert right >= 0.85 * expected, summary
    assert spurious <= 3, summary


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        ("European Commission President Ursula von der Leyen said: “We stand with Ukraine.”",
         "We stand with Ukraine.", "Ursula von der Leyen"),
        ("The BBC's John Smith said “the vote was rigged” on Tuesday.", "the vote was rigged", "John Smith"),
        ("“We are not going to comment,” said a spokesperson for the Ministry of Defence.",
         "We are not going to comment,", "a spokesperson for the Ministry of Defence"),
        ("“We have done nothing wrong,” the company, which employs 4,000 people, said in a statement.",
         "We have done nothing wrong,", "the company"),
        ("“We’re not going anywhere,” said Mrs. Theresa May, the former prime minister.",
         "We’re not going anywhere,", "Theresa May"),
        ("‘Rock ’n’ roll will never die,’ said the singer’s manager.", "Rock ’n’ roll will never die,",
         "the singer’s manager"),
        ("In Pyongyang, the state news agency praised the summit, saying the pair held “historic” talks.",
         "historic", "the state news agency"),
        ("Prime Minister Rishi Sunak told MPs: “This is a moment of national importance.” He added: “We will act.”",
         "We will act.", "Rishi Sunak"),
        ("Boss Ingrid Dahl said: ‘We are deeply sorry for the disruption.’", "We are deeply sorry for the disruption.",
         "Ingrid Dahl"),  # a tabloid's title
        ("CEO Jane Doe said: “We will rebuild.”", "We will rebuild.", "Jane Doe"),
    ],
)  # fmt: skip
def test_speakers_beyond_the_table(text: str, quote: str, speaker: str) -> None:
    got = {q.text: q.speaker for q in quotes(Document("t", text))}
    assert got.get(quote) == speaker, got


def test_apostrophes_titles_and_crossheads_are_not_quotes() -> None:
    text = (
        "The Smiths’ album ‘The Queen Is Dead’ was reissued in the ’80s, and fans’ groups don’t mind.\n"
        "– ‘We are watching’ –\n"
        "Critics call her the 'Iron Lady' of Europe."
    )
    assert quotes(Document("t", text)) == []


# --------------------------------------------------------------------------------------------------
# Quotations: the seeds
# --------------------------------------------------------------------------------------------------

SEED_QUOTES = [
    ("000_7df43367a2b14d04", "timely, constructive, and beneficial.", "Peskov"),
    ("001_6f581c31f2f3141d", "This is their prerogative,", "Dmitry Peskov"),
    (
        "001_6f581c31f2f3141d",
        "We appreciated the visit itself. It was timely, useful and constructive.",
        "Dmitry Peskov",
    ),
    ("001_6f581c31f2f3141d", "very, very constructive", "Peskov"),
    ("001_6f581c31f2f3141d", "It’s simply incredible,", "Olga Skabeyeva"),
    ("002_c94bbd496ec598c3", "of the highest quality", "Dmitry Peskov"),
    ("002_c94bbd496ec598c3", "historic", "North Korea’s Central News Agency"),
    ("003_f80c02a77366f6be", "historic", "North Korean state media"),
    ("004_60b51e329afa7c5a", "glove from a space suit that has been to space several times.", "Dmitry Peskov"),
    ("004_60b51e329afa7c5a", "a few more days.", "The Kremlin"),
    ("004_60b51e329afa7c5a", "We will always be with Russia,", "Kim"),
    ("004_60b51e329afa7c5a", "An old friend is better than two new ones,", "Putin"),
]


@pytest.mark.parametrize(("stem", "quote", "speaker"), SEED_QUOTES, ids=lambda v: str(v)[:24])
def test_known_seed_quotes_are_found_with_their_speakers(stem: str, quote: str, speaker: str) -> None:
    got = {q.text: q.speaker for q in quotes(_seed(stem))}
    assert got.get(quote) == speaker, got


@pytest.mark.parametrize("path", SEED_PATHS, ids=lambda p: p.stem)
def test_every_seed_item_stands_on_its_exact_span(path: Path) -> None:
    doc = Document(path.stem, read_text(path))
    published = read_metadata(doc.text)["published"]
    found_quotes, found_numbers = quotes(doc), numbers(doc)
    found_dates = dates(doc, dt.date.fromisoformat(published) if published else None)
    assert found_quotes and found_numbers and found_dates
    assert len(found_numbers) <= MAX_NUMBERS and len(found_dates) <= MAX_DATES
    for quote in found_quotes:
        _exact(doc, quote.evidence)
        assert quote.text == quote.evidence.text and quote.speaker
    for figure in found_numbers:
        _exact(doc, figure.evidence)
        assert figure.value == figure.evidence.text and len(figure.about) >= 3
    for date in found_dates:
        _exact(doc, date.evidence)
        assert date.text == date.evidence.text and 3 <= len(date.event) <= 150


def test_page_furniture_gives_nothing() -> None:
    text = "Photo: “Three leaders in Sochi” on 13 September 2023, 4,000 guests\nTrending Now\nThe talks ended."
    doc = Document("t", text)
    assert quotes(doc) == [] and numbers(doc) == [] and dates(doc, dt.date(2023, 9, 14)) == []


def test_the_authors_biography_after_the_story_gives_nothing() -> None:
    story = "The talks ended on 13 September 2023, Peskov said: “It was a very constructive visit.”"
    biography = (
        "Agence France-Presse is a news agency. Founded in 1835 as Havas, it has 2,400 staff and says: "
        "“We report the news of the world.”"
    )
    lead = "Kim left Russia after a week of talks with Putin and his ministers, the Kremlin said on Friday."
    doc = Document("t", f"{lead}\n{story}\n\nAbout the author\n\n{biography}\n")
    assert len(doc.story) == 2 and len(doc.sentences) == 4  # the biography is still text a model may cite
    assert [q.text for q in quotes(doc)] == ["It was a very constructive visit."]
    assert [d.text for d in dates(doc, dt.date(2023, 9, 14))] == ["Friday", "13 September 2023"]
    assert numbers(doc) == []
    mention = Document("t", f"{story}\nHe wrote about the author of the plan.")  # no heading: still the story
    assert mention.story == mention.sentences and len(mention.sentences) == 2
    byline = Document("t", f"About the author\nJane Roe covers diplomacy.\n{story}\n{story}")  # a box first
    assert byline.story == byline.sentences


# --------------------------------------------------------------------------------------------------
# Numbers and dates
# --------------------------------------------------------------------------------------------------


def test_numbers_count_what_the_sentence_says() -> None:
    doc = Document(
        "t",
        "About 4,000 dockworkers walked out. The two leaders shared a warm 40-second handshake. Prices rose "
        "3.5% and the firm lost €1.2bn. It was Putin’s second trip, seven months after the vote.",
    )
    got = {(n.value, n.about) for n in numbers(doc)}
    for pair in [("4,000", "dockworkers"), ("two", "leaders"), ("40-second", "handshake"), ("second", "trip")]:
        assert pair in got, got
    values = {n.value for n in numbers(doc)}
    assert {"3.5%", "€1.2bn", "seven months"} <= values, values


def test_a_length_of_time_said_in_parts_is_one_number() -> None:
    doc = Document(
        "t", "Kiptoo won in 2:00:35, clocking two hours, 35 seconds. Bekele ran 2 hours 3 minutes 12 seconds."
    )
    assert [n.value for n in numbers(doc)] == ["2:00:35", "two hours, 35 seconds", "2 hours 3 minutes 12 seconds"]


def test_thousands_grouped_by_spaces_are_one_number() -> None:
    doc = Document("t", "The port puts participation at about 4 000. Some 84\u202f000 SUVs and 3\u00a0500 homes.")
    assert [n.value for n in numbers(doc)] == ["4 000", "84\u202f000", "3\u00a0500"]


def test_years_dates_times_and_codes_are_not_numbers() -> None:
    doc = Document("t", "In 2019 the Su-35 and the G7 met on Sept 13 at 9:33 during COVID-19, as in the ’90s.")
    assert numbers(doc) == []


def test_the_first_eight_numbers_only() -> None:
    doc = Document("t", " ".join(f"There were {n} boats." for n in range(10, 30)))
    assert [n.value for n in numbers(doc)] == [str(n) for n in range(10, 10 + MAX_NUMBERS)]


def test_dates_as_written_and_resolved() -> None:
    doc = Document(
        "t",
        "Kim arrived on Wednesday (Sept 13). Putin last visited in July 2000. Lavrov will go next month, and "
        "Putin in October. Kim has not visited since 2019. Talks were held on 13 September 2023. It rained "
        "yesterday. Sales fell earlier this year. Officials may march on Sunday.",
    )
    got = {d.text: d.resolved for d in dates(doc, dt.date(2023, 9, 14))}
    assert got == {
        "Wednesday (Sept 13)": "2023-09-13",
        "July 2000": "2000-07",
        "next month": "2023-10",
        "October": "2023-10",
        "since 2019": "2019",
        "13 September 2023": "2023-09-13",
        "yesterday": "2023-09-13",
        "earlier this year": "2023",
    }  # eight: "Sunday" is the ninth
    events = {d.text: d.event for d in dates(doc, None)}
    assert events["July 2000"] == "Putin last visited in July 2000"
    assert events["next month"] == "Lavrov will go next month"


def test_a_weekday_said_of_what_will_happen_is_the_next_one() -> None:
    doc = Document(
        "t",
        "Both sides will meet on Friday. Talks are scheduled for Monday. Schools were closed on Monday. Dockers "
        "walked out on Tuesday against the port's plan to introduce new cranes. The strike is due to end on "
        "Thursday. Schools are closed until Monday. The road was shut until Monday.",
    )
    got = [(d.text, d.resolved) for d in dates(doc, dt.date(2025, 3, 12))]  # a Wednesday
    assert got == [
        ("Friday", "2025-03-14"),
        ("Monday", "2025-03-17"),
        ("Monday", "2025-03-10"),  # said in the past: the last one
        ("Tuesday", "2025-03-11"),  # the "plan to" comes after the day
        ("Thursday", "2025-03-13"),
        ("until Monday", "2025-03-17"),  # what stays so until a day: the next one
        ("until Monday", "2025-03-10"),
    ]


def test_a_month_said_without_its_year_is_in_the_year_its_clause_means() -> None:
    """Read in the publication's year, "will meet in April" in December was eight months gone, and the
    "Dec 28" of a January article almost a year ahead; a month said of the past stays this year's."""
    doc = Document(
        "t",
        "Negotiators will meet in Beijing in April. The plant closed on Dec 28 after a fire. Management had "
        "promised in March that all stores would stay open. The vote will be held on 10 January. Exports fell in "
        "October.",
    )
    in_december = [(d.text, d.resolved) for d in dates(doc, dt.date(2024, 12, 10))]
    assert in_december == [
        ("April", "2025-04"),
        ("Dec 28", "2024-12-28"),  # no tense read, 18 days on: this year's
        ("March", "2024-03"),
        ("10 January", "2025-01-10"),
        ("October", "2024-10"),
    ]
    in_january = {d.text: d.resolved for d in dates(doc, dt.date(2025, 1, 5))}
    assert in_january["Dec 28"] == "2024-12-28"  # not 2025's, a year ahead
    assert in_january["October"] == "2024-10"  # said of the past: the last one
    assert (in_january["April"], in_january["10 January"]) == ("2025-04", "2025-01-10")


def test_weekdays_of_one_span_are_the_days_after_its_first() -> None:
    """On the Tuesday of publication, "cancelled on Tuesday and Wednesday" read Wednesday as the last one."""
    doc = Document("t", "Trains were cancelled on Tuesday and Wednesday. The strike ran from Friday to Monday.")
    got = [(d.text, d.resolved) for d in dates(doc, dt.date(2025, 10, 7))]  # a Tuesday
    assert [day for _, day in got] == ["2025-10-07", "2025-10-08", "2025-10-03", "2025-10-06"]


def test_a_bare_weekday_is_the_day_the_article_gave_in_full() -> None:
    # the page is dated two weeks after the meeting: "Wednesday" alone is the Wednesday the article named
    doc = Document(
        "t",
        "Kim met Putin on Wednesday (Sept 13). Putin left after their meeting on Wednesday. Talks resume on "
        "Monday. A rally was held on Saturday, 4 July 2020. Protesters came back on Saturday.",
    )
    got = [(d.text, d.resolved) for d in dates(doc, dt.date(2023, 10, 1))]
    assert got == [
        ("Wednesday (Sept 13)", "2023-09-13"),
        ("Wednesday", "2023-09-13"),
        ("Monday", "2023-09-25"),  # no Monday given in full: read against the page's date
        ("Saturday, 4 July 2020", "2020-07-04"),
        ("Saturday", "2023-09-30"),  # a Saturday three years before is another week's
    ]


# --------------------------------------------------------------------------------------------------
# Size
# --------------------------------------------------------------------------------------------------


def _seed_sentences() -> str:
    docs = [Document(p.stem, read_text(p)) for p in SEED_PATHS]
    return " ".join(doc.sentence_text(s) for doc in docs for s in doc.sentences)


@pytest.mark.parametrize("joiner", ["\n\n", " "], ids=["paragraphs", "one-line"])
def test_two_hundred_kilobytes_of_seed_text_run_through(joiner: str) -> None:
    """Linear work: ~200 KB of repeated seed text, as paragraphs and as one line (results only, no timing)."""
    seeds = joiner.join(read_text(p) for p in SEED_PATHS) if joiner != " " else _seed_sentences()
    seeds = re.sub(r"(?im)^about the author\s*$", "", seeds)  # one article's biography would end them all
    text = (seeds + joiner) * (200_000 // len(seeds) + 1)
    doc = Document("big", text)
    found_quotes, found_numbers, found_dates = quotes(doc), numbers(doc), dates(doc, dt.date(2023, 9, 14))
    assert len(found_quotes) > 100 and len(found_numbers) == MAX_NUMBERS and len(found_dates) == MAX_DATES
    for item in [*found_quotes[:: len(found_quotes) // 20], *found_numbers, *found_dates]:
        _exact(doc, item.evidence)


@pytest.mark.parametrize("unit", ["“", '"', "‘a ", " 'a", "a’ ", "“a ”b ‘c’ ", "“a b c,” he said, ", "Mr A B "])
def test_runs_of_marks_and_names_run_through(unit: str) -> None:
    doc = Document("marks", unit * (50_000 // len(unit)))
    for quote in quotes(doc):
        assert quote.text == quote.evidence.text
    assert numbers(doc) == [] and dates(doc, None) == []
