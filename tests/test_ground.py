"""Grounding: sentences with exact offsets, alignment of quoted words, and hostile model output."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from helpers import FIXTURES, SEEDS, folder_of
from openai_server import Reply, ScriptedServer

from summarizer import summarize
from summarizer.annotated import load_annotation, to_summary
from summarizer.ground import ground, problems, strictly
from summarizer.llm import Policy
from summarizer.load import load_folder, resolve_date
from summarizer.schemas import ArticleSummary, Claim, DateMention, Dropped, Entity, Figure, Quote
from summarizer.text import Document, is_furniture, locate, split_sentences

SEED_PATHS = sorted(SEEDS.glob("*.txt"))
FURNITURE = [
    "Trending Now",
    "Scroll to Top",
    "Daily Newsletter",
    "Photo: Wikipedia Commons",
    "Try The Telegraph free",
    "Source link",
    "via Getty Images",
    "Best quotes from",
    "Source: Video Screenshot",
]


def _seed(prefix: str) -> Document:
    path = next(p for p in SEED_PATHS if p.name.startswith(prefix))
    return Document(path.stem, path.read_text(encoding="utf-8"))


def _texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


def _sentence_with(doc: Document, words: str) -> int:
    """Id of the one sentence of ``doc`` that contains ``words``."""
    hits = [s.id for s in doc.sentences if words in doc.text[s.start : s.end]]
    assert len(hits) == 1, f"{words!r} is in sentences {hits}"
    return hits[0]


# --------------------------------------------------------------------------------------------------
# split_sentences
# --------------------------------------------------------------------------------------------------


def test_all_five_seeds_are_split() -> None:
    assert len(SEED_PATHS) == 5
    for path in SEED_PATHS:
        assert len(split_sentences(path.read_text(encoding="utf-8"))) >= 15, path.name


@pytest.mark.parametrize("path", SEED_PATHS, ids=lambda p: p.name[:3])
def test_sentence_offsets_are_exact(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    sentences = split_sentences(text)
    assert [s.id for s in sentences] == list(range(1, len(sentences) + 1))
    previous_end = 0
    for s in sentences:
        piece = text[s.start : s.end]
        assert piece, s
        assert piece == piece.strip(), f"S{s.id} has surrounding whitespace: {piece!r}"
        assert "\n" not in piece, f"S{s.id} spans a line break"
        assert s.start >= previous_end, f"S{s.id} overlaps the sentence before"
        previous_end = s.end
    doc = Document(path.stem, text)
    for s in sentences:
        assert doc.sentence(s.id) == s
        assert doc.sentence_at(s.start) == s
    assert doc.sentence(0) is None and doc.sentence(len(sentences) + 1) is None


@pytest.mark.parametrize("path", SEED_PATHS, ids=lambda p: p.name[:3])
def test_page_furniture_is_never_inside_a_sentence(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for piece in _texts(text):
        for furniture in FURNITURE:
            assert furniture.lower() not in piece.lower(), f"{furniture!r} inside {piece!r}"
        assert not is_furniture(piece)


@pytest.mark.parametrize("path", SEED_PATHS, ids=lambda p: p.name[:3])
def test_every_word_of_the_story_is_in_some_sentence(path: Path) -> None:
    """Only furniture lines are left out: no word of a story line falls between sentences."""
    text = path.read_text(encoding="utf-8")
    covered = [False] * len(text)
    for s in split_sentences(text):
        covered[s.start : s.end] = [True] * (s.end - s.start)
    for line in re.finditer(r"[^\n]+", text):
        if is_furniture(line.group()):
            continue
        for word in re.finditer(r"\w+", line.group()):
            where = line.start() + word.start()
            assert covered[where], f"{word.group()!r} of {line.group()!r} is in no sentence"


def test_furniture_lines_of_the_seeds_are_recognised() -> None:
    texts = {p.name[:3]: p.read_text(encoding="utf-8") for p in SEED_PATHS}
    assert "Trending Now" in texts["000"] and "Photo: Wikipedia Commons" in texts["000"]
    assert "Scroll to Top" in texts["001"] and "Source link" in texts["001"]
    assert "Try The Telegraph free" in texts["001"]
    assert "Daily Newsletter" in texts["004"]
    promo = next(line for line in texts["001"].splitlines() if "Try The Telegraph free" in line)
    assert is_furniture(promo)
    assert not is_furniture("Peskov described the visit as constructive.")


def test_closing_quote_mark_stays_with_its_sentence() -> None:
    doc = _seed("000")
    pieces = _texts(doc.text)
    assert 'Peskov described the visit as "timely, constructive, and beneficial."' in pieces
    assert not any(p.startswith('"') and len(p) < 5 for p in pieces)  # no stray closing quote


def test_curly_closing_quotes_stay_with_their_sentences() -> None:
    pieces = _texts(_seed("001").text)
    assert "“This is their prerogative,” he said." in pieces
    assert "“Our friendship with North Korea is a strike against Wall Street.”" in pieces
    assert not any(p in ("”", "’", '"') for p in pieces)


def test_mr_without_period_and_dateline_do_not_split() -> None:
    pieces = _texts(_seed("001").text)
    sentence = next(p for p in pieces if "Mr Peskov" in p)
    assert sentence.startswith("No deals were announced")
    assert sentence.endswith("at an unnamed date.")
    assert "Sep.14 - 2023 9:33 PM CET" in _texts(_seed("000").text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mr. Smith said the plan was sound. Dr. Jones agreed with him.",
            ["Mr. Smith said the plan was sound.", "Dr. Jones agreed with him."],
        ),
        ("The U.S. Army left the base. Then it rained.", ["The U.S. Army left the base.", "Then it rained."]),
        ("They met on Sept. 13 at noon. It ended late.", ["They met on Sept. 13 at noon.", "It ended late."]),
        ("Gen. Smith spoke at No. 10 Downing Street.", ["Gen. Smith spoke at No. 10 Downing Street."]),
        (
            "Author J. K. Rowling was there. So was Mrs. Brown.",
            ["Author J. K. Rowling was there.", "So was Mrs. Brown."],
        ),
        ("Is it over? Yes! It is. “Good,” she said.", ["Is it over?", "Yes!", "It is.", "“Good,” she said."]),
        ("One line\nAnother line", ["One line", "Another line"]),
    ],
)
def test_abbreviations_do_not_split(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


@pytest.mark.parametrize(
    "text",
    ["“Mr. Smith is here,” she said. He left.", "They met (Mr. Smith and his wife) today. He left."],
)
def test_abbreviation_after_opening_quote_does_not_split(text: str) -> None:
    assert len(_texts(text)) == 2


def test_numbered_view_uses_sentence_ids() -> None:
    doc = _seed("000")
    lines = doc.numbered().splitlines()
    assert len(lines) == len(doc.sentences)
    assert lines[0].startswith("[S1] Putin hands over unique gifts")
    assert all(line.startswith(f"[S{i}] ") for i, line in enumerate(lines, 1))
    assert "Trending Now" not in doc.numbered()


# --------------------------------------------------------------------------------------------------
# locate
# --------------------------------------------------------------------------------------------------

TEXT_001 = _seed("001").text


def test_locate_exact() -> None:
    needle = "Sergei Lavrov, the Russian foreign minister"
    span = locate(TEXT_001, needle)
    assert span == (TEXT_001.index(needle), TEXT_001.index(needle) + len(needle))


def test_locate_strips_quote_marks_around_the_needle() -> None:
    start, end = locate(TEXT_001, "“very, very constructive”")
    assert TEXT_001[start:end] == "very, very constructive"


@pytest.mark.parametrize(
    ("needle", "expected"),
    [
        ("Kim's movements", "Kim’s movements"),  # straight vs curly apostrophe
        ("KIM'S   MOVEMENTS", "Kim’s movements"),  # case and extra whitespace
        ('"this is THEIR   prerogative," he said', "This is their prerogative,” he said"),
        ("it's simply\nincredible", "It’s simply incredible"),
    ],
)
def test_locate_folded_returns_the_articles_own_characters(needle: str, expected: str) -> None:
    assert needle not in TEXT_001
    span = locate(TEXT_001, needle)
    assert span is not None
    start, end = span
    assert TEXT_001[start:end] == expected


def test_locate_folded_across_collapsed_whitespace_in_the_article() -> None:
    text = "Intro line here.\nHe said “we are   ready\tnow” to the press."
    start, end = locate(text, "We are ready now")
    assert text[start:end] == "we are   ready\tnow"


def test_locate_fuzzy_misspelled_quote() -> None:
    true = "Putin accepted the invitation with pleasure and reaffirmed his will"
    needle = "Putin acepted the invitation with plesure and reaffirmed his will"  # two letters dropped
    assert len(needle) >= 30 and needle not in TEXT_001
    span = locate(TEXT_001, needle)
    assert span is not None
    start, end = span
    true_start = TEXT_001.index(true)
    overlap = min(end, true_start + len(true)) - max(start, true_start)
    assert overlap >= 0.9 * len(true), TEXT_001[start:end]


def test_locate_fuzzy_substitution_is_exactly_aligned() -> None:
    start, end = locate(TEXT_001, "Our friendship with North Korea is a strike againts Wall Street")
    assert TEXT_001[start:end] == "Our friendship with North Korea is a strike against Wall Street"


def test_locate_fuzzy_span_covers_whole_words() -> None:
    start, end = locate(TEXT_001, "Putin acepted the invitation with plesure and reaffirmed his will")
    assert TEXT_001[start:end] == "Putin accepted the invitation with pleasure and reaffirmed his will"


@pytest.mark.parametrize(
    "needle",
    [
        "We will bomb the moon with our friends tomorrow",
        "We will always be with Russia",  # a quote from seed 004, not in 001
        "The summit signals a seismic change in Northeast Asian geopolitics",
    ],
)
def test_locate_absent_quote_is_none(needle: str) -> None:
    assert locate(TEXT_001, needle) is None


@pytest.mark.parametrize("needle", ["Kimchi", "Peskow", "Sochy", "2018", "“ ”", "   "])
def test_locate_short_needle_without_exact_or_folded_hit_is_none(needle: str) -> None:
    assert locate(TEXT_001, needle) is None


def test_locate_respects_the_window() -> None:
    doc = _seed("001")
    sentence = doc.sentence(_sentence_with(doc, "Olga Skabeyeva"))
    assert locate(doc.text, "Lavrov", sentence.start, sentence.end) is None
    start, end = locate(doc.text, "Olga Skabeyeva", sentence.start, sentence.end)
    assert sentence.start <= start < end <= sentence.end
    assert doc.text[start:end] == "Olga Skabeyeva"
    start, end = locate(doc.text, "olga  skabeyeva", sentence.start, sentence.end)
    assert doc.text[start:end] == "Olga Skabeyeva"


def test_locate_folded_after_a_character_that_lowercases_to_two() -> None:
    text = "İzmir officials met on Monday. Later, the mayor said “we are ready” to the press."
    start, end = locate(text, "We are ready")
    assert text[start:end] == "we are ready"


# --------------------------------------------------------------------------------------------------
# problems() and ground() with hostile model output
# --------------------------------------------------------------------------------------------------

PUBLISHED_000 = dt.date(2023, 9, 14)


@pytest.fixture
def doc() -> Document:
    return _seed("000")


@pytest.fixture
def hostile(doc: Document) -> ArticleSummary:
    """Good and bad items mixed, each bad one bad in exactly one way."""
    s = lambda words: _sentence_with(doc, words)  # noqa: E731
    return ArticleSummary(
        event="Putin gave Kim Jong-un special gifts as his visit to Russia ended early",
        event_sentence=s("received special gifts"),
        entities=[
            Entity(name="Dmitry Peskov", kind="person", role="spokesman", sentence=s("Dmitry Peskov")),
            Entity(name="Olga Skabeyeva", kind="person", sentence=s("Wall Street")),  # not in this article
        ],
        claims=[
            Claim(
                statement="The parting gifts were a cosmonaut's glove and a rifle.",
                topic="What were the gifts?",
                sentence=s("parting gifts"),
            ),
            Claim(statement="Putin flew to Sochi to meet Lukashenko.", topic="Where to?", sentence=999),
            Claim(  # cites a sentence it shares no words with
                statement="Putin flew to Sochi to meet Lukashenko.",
                topic="Where did Putin go?",
                sentence=s("had prepared something"),
            ),
        ],
        quotes=[
            Quote(speaker="Peskov", text="timely, constructive, and beneficial.", sentence=s("beneficial")),
            Quote(speaker="Peskov", text="We will bomb the moon with our friends", sentence=s("beneficial")),
            Quote(  # copied from seed 001
                speaker="Olga Skabeyeva",
                text="Our friendship with North Korea is a strike against Wall Street.",
                sentence=s("Wall Street"),
            ),
        ],
        numbers=[
            Figure(value="2019", about="year of Kim's previous visit", sentence=s("since 2019")),
            Figure(value="40", about="seconds the handshake lasted", sentence=s("since 2019")),  # not there
            Figure(value="2019", about="year of Kim's previous visit", sentence=s("received special gifts")),
        ],
        dates=[
            DateMention(text="next month", event="Lavrov visits North Korea", sentence=s("next month")),
            DateMention(text="July 2000", event="Putin's last visit", sentence=s("next month")),  # not there
            DateMention(text="next month", event="Lavrov visits North Korea", sentence=s("since 2019")),
        ],
    )


BAD = {
    "entities[1]": "not in the article",
    "claims[1]": "S999 does not exist",
    "claims[2]": "does not state it",
    "quotes[1]": "not in the article",
    "quotes[2]": "not in the article",
    "numbers[1]": "'40' is not in S",
    "numbers[2]": "'2019' is not in S",
    "dates[1]": "'July 2000' is not in S",
    "dates[2]": "'next month' is not in S",
}
BAD_CONTENT = {
    ("entity", "Olga Skabeyeva"),
    ("claim", "Putin flew to Sochi to meet Lukashenko."),
    ("quote", "We will bomb the moon with our friends"),
    ("quote", "Our friendship with North Korea is a strike against Wall Street."),
    ("number", "40"),
    ("number", "2019"),
    ("date", "July 2000"),
    ("date", "next month"),
}


def _item_count(summary: ArticleSummary) -> int:
    return 1 + sum(len(getattr(summary, f)) for f in ("entities", "claims", "quotes", "numbers", "dates"))


def test_the_hostile_quote_from_another_seed_is_really_there() -> None:
    """The copied quote must exist in 001 for the test below to mean anything."""
    assert locate(_seed("001").text, "Our friendship with North Korea is a strike against Wall Street.")
    assert "Skabeyeva" not in _seed("000").text


def test_problems_names_each_bad_item(hostile: ArticleSummary, doc: Document) -> None:
    found = problems(hostile, doc)
    assert len(found) == len(BAD)
    named = {p.split(":", 1)[0]: p for p in found}
    assert set(named) == set(BAD)
    for item, words in BAD.items():
        assert words in named[item], named[item]
    assert f"the article has S1–S{len(doc.sentences)}" in named["claims[1]"]


def test_problems_is_empty_for_good_items(hostile: ArticleSummary, doc: Document) -> None:
    good = hostile.model_copy(
        update={
            "entities": hostile.entities[:1],
            "claims": hostile.claims[:1],
            "quotes": hostile.quotes[:1],
            "numbers": hostile.numbers[:1],
            "dates": hostile.dates[:1],
        }
    )
    assert problems(good, doc) == []


def test_ground_keeps_good_items_with_exact_evidence(hostile: ArticleSummary, doc: Document) -> None:
    out = ground(hostile, doc, resolve_date=lambda words: resolve_date(words, PUBLISHED_000))
    kept = [out.event, *out.entities, *out.claims, *out.quotes, *out.numbers, *out.dates]
    assert out.event is not None
    assert [e.name for e in out.entities] == ["Dmitry Peskov"]
    assert [c.statement for c in out.claims] == ["The parting gifts were a cosmonaut's glove and a rifle."]
    assert [q.text for q in out.quotes] == ["timely, constructive, and beneficial."]
    assert [n.value for n in out.numbers] == ["2019"]
    assert [d.text for d in out.dates] == ["next month"]
    for item in kept:
        e = item.evidence
        assert e.source == doc.id
        assert 0 <= e.start < e.end <= len(doc.text)
        assert doc.text[e.start : e.end] == e.text
    # sub-sentence spans are the words themselves; claims and the event are their whole sentence
    assert out.entities[0].evidence.text == "Dmitry Peskov"
    assert out.quotes[0].evidence.text == "timely, constructive, and beneficial."
    assert out.numbers[0].evidence.text == "2019"
    assert out.dates[0].evidence.text == "next month"
    assert out.dates[0].resolved == "2023-10"
    assert out.claims[0].evidence.text.startswith("According to The Telegraph the parting gifts")
    assert out.event.evidence.text.startswith("During a visit to Russia")
    assert out.event.topic == "What happened?"
    # a kept date cites the sentence its evidence is in
    sentence = doc.sentence(hostile.dates[0].sentence)
    assert sentence.start <= out.dates[0].evidence.start < out.dates[0].evidence.end <= sentence.end


def test_ground_drops_every_bad_item_with_a_reason(hostile: ArticleSummary, doc: Document) -> None:
    out = ground(hostile, doc)
    assert all(isinstance(d, Dropped) and d.reason for d in out.dropped)
    assert {(d.kind, d.content) for d in out.dropped} == BAD_CONTENT
    assert len(out.dropped) == len(BAD)
    reasons = {d.content: d.reason for d in out.dropped if d.kind in ("entity", "quote")}
    claim_reasons = sorted(d.reason for d in out.dropped if d.kind == "claim")
    assert "does not state it" in claim_reasons[0] and "S999 does not exist" in claim_reasons[1]
    assert "not in the article" in reasons["Olga Skabeyeva"]
    assert "not in the article" in reasons["We will bomb the moon with our friends"]
    # nothing dropped reaches the kept lists
    kept_texts = {q.text for q in out.quotes} | {e.name for e in out.entities}
    kept_texts |= {c.statement for c in out.claims}
    assert not kept_texts & {content for _, content in BAD_CONTENT}


def test_grounding_counts_add_up(hostile: ArticleSummary, doc: Document) -> None:
    out = ground(hostile, doc)
    counts = out.grounding
    assert counts.proposed == _item_count(hostile) == 15
    assert counts.dropped == len(BAD) == 9
    assert counts.grounded == 6  # the event and one good item of each kind
    assert counts.proposed == counts.grounded + counts.dropped
    assert counts.rate == pytest.approx(6 / 15)


def test_ground_counts_dropped_passed_in(hostile: ArticleSummary, doc: Document) -> None:
    earlier = [Dropped(kind="claim", content="from an earlier attempt", reason="ungrounded")]
    out = ground(hostile, doc, dropped=earlier)
    assert out.dropped[0] == earlier[0]
    assert out.grounding.proposed == _item_count(hostile) + 1
    assert out.grounding.dropped == len(BAD) + 1
    assert len(earlier) == 1  # the caller's list is not mutated


def test_bad_event_is_named_and_dropped(doc: Document) -> None:
    summary = ArticleSummary(event="Putin flew to Sochi to meet Lukashenko", event_sentence=999)
    assert [p.split(":", 1)[0] for p in problems(summary, doc)] == ["event[0]"]
    out = ground(summary, doc)
    assert out.event is None
    assert [(d.kind, d.content) for d in out.dropped] == [("event", "Putin flew to Sochi to meet Lukashenko")]
    assert out.grounding.proposed == 1 and out.grounding.grounded == 0


def test_duplicated_item_is_dropped_as_a_repeat(doc: Document) -> None:
    quote = Quote(speaker="Dmitry Peskov", text="timely, constructive, and beneficial.", sentence=8)
    claim = Claim(statement="Lavrov will visit North Korea next month.", topic="Who visits?", sentence=15)
    summary = ArticleSummary(
        event="Putin gave Kim gifts",
        event_sentence=5,
        quotes=[quote, quote.model_copy()],
        claims=[claim, claim.model_copy()],
    )
    assert problems(summary, doc) == []  # each item on its own is grounded
    out = ground(summary, doc)
    assert len(out.quotes) == 1 and len(out.claims) == 1
    assert sorted((d.kind, d.reason) for d in out.dropped) == [
        ("claim", "repeats an earlier item"),
        ("quote", "repeats an earlier item"),
    ]
    assert out.grounding.proposed == 5 and out.grounding.grounded == 3 and out.grounding.dropped == 2


def test_item_is_grounded_in_its_cited_sentence_first() -> None:
    doc = _seed("004")
    late = _sentence_with(doc, "Kim crossed into Russia")
    summary = ArticleSummary(
        event="Putin and Kim met",
        event_sentence=_sentence_with(doc, "gifted each other rifles when"),
        entities=[Entity(name="Kim", kind="person", sentence=late)],
    )
    assert doc.text.index("Kim") < doc.sentence(late).start  # an earlier 'Kim' exists
    out = ground(summary, doc)
    sentence = doc.sentence(late)
    span = out.entities[0].evidence
    assert span.text == "Kim"
    assert sentence.start <= span.start < span.end <= sentence.end


def test_quote_grounded_by_folding_keeps_the_articles_characters() -> None:
    doc = _seed("001")
    summary = ArticleSummary(
        event="Putin and Kim met",
        event_sentence=_sentence_with(doc, "Vladimir Putin gifted a cosmonaut"),
        quotes=[Quote(speaker="Olga Skabeyeva", text='"It\'s simply incredible,"', sentence=21)],
    )
    out = ground(summary, doc)
    assert out.dropped == []
    # shown as the article writes it, not as the model retyped it
    assert out.quotes[0].text == out.quotes[0].evidence.text == "It’s simply incredible,"


def test_fuzzy_quote_evidence_is_the_articles_words_not_the_models() -> None:
    doc = _seed("001")
    misspelled = "Our frendship with North Korea is a strike against Wall Street"
    summary = ArticleSummary(
        event="Putin and Kim met",
        event_sentence=_sentence_with(doc, "Vladimir Putin gifted a cosmonaut"),
        quotes=[Quote(speaker="Skabeyeva", text=misspelled, sentence=_sentence_with(doc, "Wall Street"))],
    )
    out = ground(summary, doc)
    evidence = out.quotes[0].evidence
    assert doc.text[evidence.start : evidence.end] == evidence.text
    assert "frendship" not in evidence.text and "friendship" in evidence.text


# --------------------------------------------------------------------------------------------------
# The check the model call runs on each answer (summarizer.llm.ask's ``check``)
# --------------------------------------------------------------------------------------------------


def _hostile_json(doc: Document) -> dict:
    return {
        "event": "Putin gave Kim Jong-un special gifts",
        "event_sentence": _sentence_with(doc, "received special gifts"),
        "quotes": [
            {"speaker": "Dmitry Peskov", "text": "timely, constructive, and beneficial.", "sentence": 8},
            {"speaker": "Dmitry Peskov", "text": "We will bomb the moon with our friends", "sentence": 8},
        ],
        "numbers": [{"value": "40", "about": "seconds of handshake", "sentence": 13}],
    }


def test_a_parsed_answer_is_checked_item_by_item(doc: Document) -> None:
    """The schema parses the answer without knowing the article; the check names each ungrounded item."""
    summary = ArticleSummary.model_validate(_hostile_json(doc))
    found = "\n".join(problems(summary, doc))
    assert "quotes[1]" in found and "We will bomb the moon" in found
    assert "numbers[0]" in found and "'40'" in found
    assert "quotes[0]" not in found  # the good quote is not blamed


def test_a_grounded_answer_has_no_problems(doc: Document) -> None:
    data = _hostile_json(doc)
    data["quotes"] = data["quotes"][:1]
    data["numbers"] = [{"value": "2019", "about": "Kim's previous visit", "sentence": 13}]
    assert problems(ArticleSummary.model_validate(data), doc) == []


# --------------------------------------------------------------------------------------------------
# What a statement asserts, through a real server: the two items of the side-by-side run
# --------------------------------------------------------------------------------------------------

A000 = "000_7df43367a2b14d04"
A003 = "003_f80c02a77366f6be"


def _annotated(seed: str) -> dict:
    article = next(a for a in load_folder(SEEDS).articles if a.id == seed)
    return to_summary(load_annotation(FIXTURES / "annotated" / f"{seed}.json"), article.document).model_dump()


def test_a_false_event_and_a_name_inside_a_word_are_reasked_then_dropped(tmp_path: Path) -> None:
    """The two wrong items another tool's run let through: each answer is the hand-annotated extraction
    with one bad item, given again after every re-ask, as a small model would."""
    doc000, doc003 = _seed("000"), _seed("003")
    assert doc000.sentence(1) is not None and doc000.sentence_text(doc000.sentence(1)).startswith("Putin hands over")
    items = _sentence_with(doc003, "notable items")
    assert doc003.text[455:460] == "items" and doc003.sentence(items).start <= 455
    bad000 = _annotated(A000) | {"event": "Putin gives Kim Jong-il to Russia", "event_sentence": 1}
    bad003 = _annotated(A003)
    bad003["entities"] = [*bad003["entities"][:9], {"name": "item", "kind": "place", "role": "", "sentence": items}]
    tries = Policy().reasks + 1
    replies = [Reply(json.dumps(bad000))] * tries + [Reply(json.dumps(bad003))] * tries
    folder = folder_of(tmp_path, A000, A003)
    with ScriptedServer(replies) as server:
        report = summarize(folder, model="scripted", base_url=server.base_url, judge=False, concurrency=1)
    assert len(server.requests) == 2 * tries  # asked again with the problems, then dropped
    reask = server.requests[1]["messages"][-1]["content"]
    assert "event[0]: S1 does not say that: the sentence does not name 'Kim Jong-il'" in reask
    reask = server.requests[tries + 1]["messages"][-1]["content"]
    assert "entities[9]: the name 'item' is not in the article as a whole word" in reask
    first, second = report.sources
    assert first.event is None
    [event] = [d for d in first.dropped if d.kind == "event"]
    assert event.content == "Putin gives Kim Jong-il to Russia"
    assert "does not name 'Kim Jong-il'" in event.reason and "does not name 'Russia'" in event.reason
    [entity] = second.dropped
    assert (entity.kind, entity.content) == ("entity", "item") and "as a whole word" in entity.reason
    assert "item" not in [e.name for e in second.entities]
    assert first.grounding.dropped == 1 and second.grounding.dropped == 1


# --------------------------------------------------------------------------------------------------
# How each span matched, and strict grounding
# --------------------------------------------------------------------------------------------------


def test_each_span_records_how_it_matched() -> None:
    doc = _seed("001")
    summary = ArticleSummary(
        event="Putin gave Kim a cosmonaut's glove and a rifle",
        event_sentence=_sentence_with(doc, "Vladimir Putin gifted a cosmonaut"),
        entities=[Entity(name="Olga Skabeyeva", kind="person", sentence=_sentence_with(doc, "Olga Skabeyeva"))],
        quotes=[
            Quote(speaker="Skabeyeva", text='"It\'s simply incredible,"', sentence=21),
            Quote(
                speaker="Skabeyeva",
                text="Our frendship with North Korea is a strike against Wall Street",
                sentence=_sentence_with(doc, "Wall Street"),
            ),
        ],
    )
    out = ground(summary, doc)
    assert out.dropped == []
    assert (out.event.evidence.match, out.event.evidence.score) == ("sentence", 83.3)  # "gave" is "gifted"
    assert (out.entities[0].evidence.match, out.entities[0].evidence.score) == ("exact", None)
    assert (out.quotes[0].evidence.match, out.quotes[0].evidence.score) == ("folded", None)
    fuzzy = out.quotes[1].evidence
    assert fuzzy.match == "fuzzy" and 90 <= fuzzy.score < 100
    assert out.grounding.matches.model_dump() == {"exact": 1, "folded": 1, "fuzzy": 1, "sentence": 1}


def test_strict_grounding_drops_fuzzy_matches_with_the_reason(tmp_path: Path) -> None:
    seed = "001_6f581c31f2f3141d"
    answer = _annotated(seed)
    misspelled = "Our frendship with North Korea is a strike against Wall Street"
    answer["quotes"] = [{"speaker": "Skabeyeva", "text": misspelled, "sentence": _sentence_with(_seed("001"), "Wall")}]
    folder = folder_of(tmp_path, seed)
    reports = {}
    for strict in (False, True):
        with ScriptedServer([Reply(json.dumps(answer))]) as server:
            reports[strict] = summarize(
                folder, model="scripted", base_url=server.base_url, judge=False, cache=False, strict=strict
            ).sources[0]
    loose, strict_ = reports[False], reports[True]
    assert [q.evidence.match for q in loose.quotes] == ["fuzzy"] and loose.grounding.matches.fuzzy == 1
    assert strict_.quotes == [] and strict_.grounding.matches.fuzzy == 0
    [dropped] = strict_.dropped
    assert dropped.kind == "quote" and "fuzzy match (score 9" in dropped.reason
    assert dropped.content == loose.quotes[0].text  # the quote as the article has it
    assert strict_.grounding.grounded == loose.grounding.grounded - 1
    assert strict_.grounding.proposed == loose.grounding.proposed
    assert strictly(strict_) is strict_  # nothing fuzzy left: the report as it is


def test_the_cli_has_a_strict_option() -> None:
    from typer.testing import CliRunner

    from summarizer.cli import app

    assert "--strict" in CliRunner().invoke(app, ["--help"]).output
