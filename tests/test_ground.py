"""Grounding: sentences with exact offsets, alignment of quoted words, and hostile model output."""

from __future__ import annotations

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
from summarizer.load import load_folder
from summarizer.schemas import ArticleSummary, Claim, Dropped
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


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("Read more: What we know about the derailment", True),
        ("READ MORE: Storm latest", True),
        ("Associated Press writer Sam Kline in Manchester contributed to this report.", True),
        ("Jane Doe contributed reporting from Kyiv.", True),
        ("(Reporting by Jane Doe; Editing by John Roe)", True),
        ("This story has been updated with additional developments.", True),
        ("Editor's note: An earlier version of this article gave the wrong name for the gauge.", True),
        ("Disclosure: the author holds no shares in Halvorsen Air.", True),
        ("Firefighters at the scene on Tuesday. Photograph: Jane Doe/Reuters", True),  # captions
        ("Rescue workers search the wreckage. (AP Photo/John Smith)", True),
        ("Emergency crews at the crash site (Image: PA)", True),
        ("Photo by John Smith/Getty Images", True),
        ("Image caption: Ships queue outside the port. Credit: Getty Images", True),
        ("Advertisement · Scroll to continue", True),  # an advertisement's slot inside the story
        ("Story continues below advertisement", True),
        ("• Andes Report", True),  # a bullet: an outlet's name, a link, a share button
        ("• Five people were killed and nine were injured.", False),  # a key point: a sentence
        ("The advertisement was pulled after complaints.", False),
        ("The caption: a line the museum removed.", False),
        ("The minister said a photograph of the scene would be released.", False),
        ("The council released the image (a map of the flooded streets).", False),
        ("The union contributed to the strike fund, officials said.", False),
        ("He said he would read more about the plans before deciding.", False),
        ("Sign up to our daily newsletter for the latest news", True),  # promotions speak to the reader
        ("Subscribe now for £1 a month", True),
        ("Get the newsletter", True),
        ("The Public Purse, a newsletter about how public money is spent", True),  # a newsletter's masthead
        ("Civic Brief — a newsletter about Ontario's city halls", True),
        ("The union's newsletter said 4,000 dockers would strike on Monday.", False),  # was furniture
        ("More than 2,000 residents will sign up for the buyback scheme, the council said.", False),
    ],
)
def test_credit_lines_and_read_more_links_are_furniture(line: str, furniture: bool) -> None:
    assert is_furniture(line) is furniture


def test_a_bullet_that_holds_a_sentence_is_that_sentence() -> None:
    text = "Key points\n• Five people were killed and nine were injured.\n  • Wions\nThe story goes on here."
    assert _texts(text) == ["Key points", "Five people were killed and nine were injured.", "The story goes on here."]


def test_the_story_ends_at_a_heading_over_other_stories_teasers() -> None:
    story = "\n".join(f"The {n} paragraph of the derailment story says what happened next." for n in "ABCDEF")
    teasers = "Storm Darragh: Thousands without power\nWhy are so many trains cancelled?"
    doc = Document("t", f"Read more: the first report\n{story}\n\nRead more from Sky News:\n{teasers}\n")
    assert [doc.sentence_text(s)[:5] for s in doc.story] == [f"The {n}" for n in "ABCDEF"]
    assert "Why are so many trains cancelled?" in [doc.sentence_text(s) for s in doc.sentences]  # still citable


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


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        (  # French quotation marks open the next sentence
            "Le séisme a frappé Marrakech. « Nous avons vu les murs tomber », a raconté un habitant.",
            ["Le séisme a frappé Marrakech.", "« Nous avons vu les murs tomber », a raconté un habitant."],
        ),
        ("Er ging. „Das war schlimm“, sagte er.", ["Er ging.", "„Das war schlimm“, sagte er."]),  # German
        ("She said: «Non.» Fin.", ["She said: «Non.»", "Fin."]),  # the closing mark stays
        ("They met in Gdańsk. Łódź is next.", ["They met in Gdańsk.", "Łódź is next."]),  # a capital beyond A-Z
        ("Él llegó. Éste es el fin.", ["Él llegó.", "Éste es el fin."]),
        ("It cost 3.5 million. U.S. troops left.", ["It cost 3.5 million.", "U.S. troops left."]),
    ],
)
def test_a_sentence_ends_before_any_capital_and_any_opening_quotation_mark(text: str, pieces: list[str]) -> None:
    assert _texts(text) == pieces


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
        # a time of day's zone or day goes on with it; a sentence after "p.m." still opens
        (
            "It made landfall at 7:10 p.m. EDT Monday as a Category 3.",
            ["It made landfall at 7:10 p.m. EDT Monday as a Category 3."],
        ),
        ("It struck at 4 a.m. Tuesday.", ["It struck at 4 a.m. Tuesday."]),
        ("It began at 9:40 a.m. Eastern time and ended.", ["It began at 9:40 a.m. Eastern time and ended."]),
        (
            "It hit at 4:12 a.m. (0912 GMT) at a depth of 35 km.",
            ["It hit at 4:12 a.m. (0912 GMT) at a depth of 35 km."],
        ),
        ("It hit at 9 p.m. FEMA said two died.", ["It hit at 9 p.m.", "FEMA said two died."]),
        # a wire dateline's state goes on to its agency; elsewhere a bracket after a full stop opens a sentence
        (
            "OMAHA, Neb. (Reuters) - A jet landed. It was fine.",
            ["OMAHA, Neb. (Reuters) - A jet landed.", "It was fine."],
        ),
        ("SALEM, Ore. (AP) — Rain fell.", ["SALEM, Ore. (AP) — Rain fell."]),
        ("He fell ill. (Later) - he recovered.", ["He fell ill.", "(Later) - he recovered."]),
        # a single figure is no initial: "on June 3." ends its sentence ("J." does not)
        ("It was found on June 3. No cards were taken.", ["It was found on June 3.", "No cards were taken."]),
        ("Agent J. Smith left.", ["Agent J. Smith left."]),
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


@pytest.fixture
def doc() -> Document:
    return _seed("000")


@pytest.fixture
def hostile(doc: Document) -> ArticleSummary:
    """Good and bad claims mixed, each bad one bad in exactly one way."""
    s = lambda words: _sentence_with(doc, words)  # noqa: E731
    return ArticleSummary(
        event="Putin gave Kim Jong-un special gifts as his visit to Russia ended early",
        event_sentence=s("received special gifts"),
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
            Claim(  # a name the cited sentence does not give
                statement="Lavrov will visit North Korea next month, Olga Skabeyeva said.",
                topic="Who goes?",
                sentence=s("next month"),
            ),
            Claim(  # a number the cited sentence does not give
                statement="It was Kim's first visit to Russia in 40 years.",
                topic="When was the last visit?",
                sentence=s("since 2019"),
            ),
        ],
    )


BAD = {
    "claims[1]": "S999 does not exist",
    "claims[2]": "does not state it",
    "claims[3]": "does not name 'Olga Skabeyeva'",
    "claims[4]": "'40'",
}


def test_problems_names_each_bad_item(hostile: ArticleSummary, doc: Document) -> None:
    found = problems(hostile, doc)
    named = {p.split(":", 1)[0]: p for p in found}
    assert set(named) == set(BAD)
    for item, words in BAD.items():
        assert words in named[item], named[item]
    assert f"the article has S1–S{len(doc.sentences)}" in named["claims[1]"]


def test_problems_is_empty_for_good_items(hostile: ArticleSummary, doc: Document) -> None:
    assert problems(hostile.model_copy(update={"claims": hostile.claims[:1]}), doc) == []


def test_ground_keeps_good_items_with_their_sentence_as_evidence(hostile: ArticleSummary, doc: Document) -> None:
    out = ground(hostile, doc)
    assert out.event is not None
    assert [c.statement for c in out.claims] == ["The parting gifts were a cosmonaut's glove and a rifle."]
    for item in (out.event, *out.claims):
        e = item.evidence
        assert e.source == doc.id and doc.text[e.start : e.end] == e.text and e.match == "sentence"
    assert out.claims[0].evidence.text.startswith("According to The Telegraph the parting gifts")
    assert out.event.evidence.text.startswith("During a visit to Russia")
    assert out.event.topic == "What happened?"


def test_ground_drops_every_bad_item_with_a_reason(hostile: ArticleSummary, doc: Document) -> None:
    out = ground(hostile, doc)
    assert all(isinstance(d, Dropped) and d.reason and d.kind == "claim" for d in out.dropped)
    assert len(out.dropped) == len(BAD)
    assert not {c.statement for c in out.claims} & {d.content for d in out.dropped}
    counts = out.grounding
    assert (counts.proposed, counts.grounded, counts.dropped) == (6, 2, 4)
    assert counts.rate == pytest.approx(2 / 6)


def test_ground_counts_dropped_passed_in(hostile: ArticleSummary, doc: Document) -> None:
    earlier = [Dropped(kind="claim", content="from an earlier attempt", reason="ungrounded")]
    out = ground(hostile, doc, dropped=earlier)
    assert out.dropped[0] == earlier[0]
    assert out.grounding.proposed == 7 and out.grounding.dropped == len(BAD) + 1
    assert len(earlier) == 1  # the caller's list is not mutated


def test_bad_event_is_named_and_dropped(doc: Document) -> None:
    summary = ArticleSummary(event="Putin flew to Sochi to meet Lukashenko", event_sentence=999)
    assert [p.split(":", 1)[0] for p in problems(summary, doc)] == ["event[0]"]
    out = ground(summary, doc)
    assert out.event is None
    assert [(d.kind, d.content) for d in out.dropped] == [("event", "Putin flew to Sochi to meet Lukashenko")]
    assert out.grounding.proposed == 1 and out.grounding.grounded == 0


def test_duplicated_item_is_dropped_as_a_repeat(doc: Document) -> None:
    claim = Claim(statement="Lavrov will visit North Korea next month.", topic="Who visits?", sentence=15)
    summary = ArticleSummary(event="Putin gave Kim gifts", event_sentence=5, claims=[claim, claim.model_copy()])
    assert problems(summary, doc) == []  # each item on its own is grounded
    out = ground(summary, doc)
    assert len(out.claims) == 1
    assert [(d.kind, d.reason) for d in out.dropped] == [("claim", "repeats an earlier item")]


def test_a_parsed_answer_is_checked_item_by_item(doc: Document) -> None:
    """The schema parses the answer without knowing the article; the check names each ungrounded item."""
    data = {
        "event": "Putin gave Kim Jong-un special gifts",
        "event_sentence": _sentence_with(doc, "received special gifts"),
        "claims": [
            {"statement": "The gifts were a glove and a rifle.", "topic": "Gifts?", "sentence": 6},
            {"statement": "The gifts were a glove and a rifle.", "topic": "Gifts?", "sentence": 999},
        ],
    }
    found = "\n".join(problems(ArticleSummary.model_validate(data), doc))
    assert "claims[1]" in found and "claims[0]" not in found


# --------------------------------------------------------------------------------------------------
# What a statement asserts, through a real server; only the failed items are asked again
# --------------------------------------------------------------------------------------------------

A000 = "000_7df43367a2b14d04"


def _annotated(seed: str) -> dict:
    article = next(a for a in load_folder(SEEDS).articles if a.id == seed)
    return to_summary(load_annotation(FIXTURES / "annotated" / f"{seed}.json"), article.document).model_dump()


def test_a_false_event_is_reasked_alone_then_dropped(tmp_path: Path) -> None:
    """The wrong event another tool's run let through ("Putin gives Kim Jong-il to Russia", citing the
    headline): asked again — only it, with its error, not the whole answer — then dropped."""
    doc000 = _seed("000")
    assert doc000.sentence_text(doc000.sentence(1)).startswith("Putin hands over")
    bad = _annotated(A000) | {"event": "Putin gives Kim Jong-il to Russia", "event_sentence": 1}
    fix = {"event": "Putin gives Kim Jong-il to Russia", "event_sentence": 1, "claims": []}  # the same, again
    tries = Policy().reasks
    replies = [Reply(json.dumps(bad))] + [Reply(json.dumps(fix))] * tries
    with ScriptedServer(replies) as server:
        report = summarize(folder_of(tmp_path, A000), model="scripted", base_url=server.base_url, judge=False)
    assert len(server.requests) == 1 + tries
    first, fixes = server.requests[0]["messages"], server.requests[1]["messages"]
    # the same prompt first (the answer's field guide ends the last message): a server's cache serves it
    assert fixes[0] == first[0] and first[1]["content"].startswith(fixes[1]["content"])
    said = json.loads(fixes[2]["content"])
    assert said == {"event": "Putin gives Kim Jong-il to Russia", "event_sentence": 1}  # only the failed item
    assert "event[0]: S1 does not say that: the sentence does not name 'Kim Jong-il'" in fixes[-1]["content"]
    [event] = [d for d in report.sources[0].dropped if d.kind == "event"]
    assert event.content == "Putin gives Kim Jong-il to Russia"
    assert "does not name 'Kim Jong-il'" in event.reason and "does not name 'Russia'" in event.reason
    assert report.sources[0].event is None and report.sources[0].claims  # the good claims stay


def test_a_corrected_claim_replaces_the_failed_one(tmp_path: Path) -> None:
    answer = _annotated(A000)
    good = answer["claims"][0]
    answer["claims"][0] = good | {"sentence": 999}
    fix = {"claims": [good | {"number": 0}]}
    with ScriptedServer([Reply(json.dumps(answer)), Reply(json.dumps(fix))]) as server:
        report = summarize(folder_of(tmp_path, A000), model="scripted", base_url=server.base_url, judge=False)
    assert len(server.requests) == 2
    said = json.loads(server.requests[1]["messages"][-2]["content"])
    assert said == {"claims": [{"number": 0, **(good | {"sentence": 999})}]}
    source = report.sources[0]
    assert source.dropped == [] and good["statement"] in [c.statement for c in source.claims]


def test_each_claim_records_how_it_matched_and_strict_keeps_them() -> None:
    doc = _seed("001")
    summary = ArticleSummary(
        event="Putin gave Kim a cosmonaut's glove and a rifle",
        event_sentence=_sentence_with(doc, "Vladimir Putin gifted a cosmonaut"),
    )
    out = ground(summary, doc)
    assert out.dropped == []
    assert (out.event.evidence.match, out.event.evidence.score) == ("sentence", 83.3)  # "gave" is "gifted"
    assert out.grounding.matches.model_dump() == {"exact": 0, "folded": 0, "fuzzy": 0, "sentence": 1}


def test_strict_grounding_drops_a_fuzzy_claim_with_the_reason() -> None:
    from summarizer.schemas import ArticleReport, Evidence, GroundedClaim, Grounding, SourceInfo

    fuzzy = Evidence(source="a", start=0, end=4, text="text", match="fuzzy", score=91.0)
    claim = GroundedClaim(statement="A claim.", topic="?", evidence=fuzzy)
    made = ArticleReport(
        source=SourceInfo(id="a", path="a.txt", sha256="0", chars=4),
        claims=[claim],
        grounding=Grounding(proposed=1, grounded=1, dropped=0),
    )
    strict = strictly(made)
    assert strict.claims == [] and [d.reason for d in strict.dropped] == ["found only as a fuzzy match (score 91.0)"]
    assert strictly(strict) is strict  # nothing fuzzy left: the report as it is


def test_the_cli_has_a_strict_option() -> None:
    from typer.testing import CliRunner

    from summarizer.cli import app

    assert "--strict" in CliRunner().invoke(app, ["--help"]).output
