"""Named entities of the extractive engine (spaCy's small English model, offline) on the seeds."""

from __future__ import annotations

import json

from helpers import FIXTURES, SEEDS

from summarizer.compare import same_name
from summarizer.entities import MAX_ENTITIES, entities
from summarizer.load import load_folder
from summarizer.text import Document

ARTICLES = load_folder(SEEDS).articles


def test_every_entity_is_a_whole_name_at_its_exact_span() -> None:
    for article in ARTICLES:
        found = entities(article.document)
        assert 0 < len(found) <= MAX_ENTITIES
        for entity in found:
            e = entity.evidence
            assert article.text[e.start : e.end] == e.text == entity.name
            assert "\n" not in e.text and not e.text.endswith(("’s", "'s")) and len(e.text) > 2
            assert entity.kind in ("person", "organization", "place")


def test_most_hand_annotated_people_and_places_are_found() -> None:
    """Against fixtures/annotated (written by a person reading the seeds): most of the names the
    annotator listed are among the entities found, by the same spelling rule the merge uses."""
    wanted = found = 0
    for article in ARTICLES:
        annotation = json.loads((FIXTURES / "annotated" / f"{article.id}.json").read_text(encoding="utf-8"))
        names = [e.name for e in entities(article.document)]
        for entity in annotation["entities"]:
            if entity["kind"] not in ("person", "place"):
                continue
            wanted += 1
            found += any(same_name(entity["name"], n) or entity["name"].endswith(n) for n in names)
    assert found >= 0.6 * wanted, (found, wanted)


def test_a_surname_alone_counts_as_the_full_name_and_furniture_is_never_read() -> None:
    text = (
        "Trending Now\nPhoto: Getty Images\n"
        "Russian President Vladimir Putin met Angela Merkel in Berlin on Monday.\n"
        "Putin later flew to Paris, where Putin spoke to reporters."
    )
    found = entities(Document("t", text))
    people = [e.name for e in found if e.kind == "person"]
    assert "Vladimir Putin" in people and "Putin" not in people
    assert all(e.evidence.start > text.index("Russian") - 1 for e in found)  # nothing from the furniture
