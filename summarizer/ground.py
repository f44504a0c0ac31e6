"""Grounding: tie every extracted item to the exact characters of its article.

The article is shown to the model as numbered sentences (``[S1] …``). Each item cites a sentence id,
which is exact by construction; where a sub-sentence span is needed (a quote, a name, a number, a
date) the item's own words are aligned inside the article — exact match first, then a match that
ignores case, typographic quotes, dashes and spacing, then a fuzzy alignment above a threshold.

``problems`` lists what does not resolve (it backs the schema validator, so instructor re-asks with
these messages); ``ground`` turns a validated extraction into report items and drops, with a
reason, whatever still does not resolve. Nothing ungrounded reaches a report.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from summarizer.schemas import (
    ArticleSummary,
    Claim,
    DateMention,
    Dropped,
    Entity,
    Evidence,
    Figure,
    GroundedClaim,
    GroundedDate,
    GroundedEntity,
    GroundedFigure,
    GroundedQuote,
    Grounding,
    ItemKind,
    Quote,
)
from summarizer.text import Document, Sentence, content_words, locate

MIN_SHARED_WORDS = 0.3  # share of a claim's content words its cited sentence must contain


# --------------------------------------------------------------------------------------------------
# Per-item rules: each returns the Evidence or raises Ungrounded with a message fit for a re-ask
# --------------------------------------------------------------------------------------------------


class Ungrounded(ValueError):
    """An item whose evidence does not resolve in its article."""


def _cited(doc: Document, sentence_id: int) -> Sentence:
    sentence = doc.sentence(sentence_id)
    if sentence is None:
        raise Ungrounded(f"S{sentence_id} does not exist (the article has S1–S{len(doc.sentences)})")
    return sentence


def _sentence_evidence(doc: Document, sentence_id: int, statement: str) -> Evidence:
    sentence = _cited(doc, sentence_id)
    words = set(content_words(statement))
    shared = words & set(content_words(doc.sentence_text(sentence)))
    if not shared or len(shared) < MIN_SHARED_WORDS * len(words):
        raise Ungrounded(f"S{sentence_id} does not state it; cite the sentence that states it")
    return doc.evidence(sentence.start, sentence.end)


def _words_in_sentence(doc: Document, sentence_id: int, words: str) -> Evidence:
    sentence = _cited(doc, sentence_id)
    span = locate(doc.text, words, sentence.start, sentence.end)
    if span is None:
        raise Ungrounded(f"'{words}' is not in S{sentence_id}; copy the words exactly from that sentence")
    return doc.evidence(*span)


def _words_anywhere(doc: Document, sentence_id: int, words: str, what: str) -> Evidence:
    sentence = doc.sentence(sentence_id)
    span = locate(doc.text, words, sentence.start, sentence.end) if sentence else None
    span = span or locate(doc.text, words)
    if span is None:
        raise Ungrounded(f"{what} '{words}' is not in the article; copy it exactly")
    return doc.evidence(*span)


def _claim(doc: Document, item: Claim) -> Evidence:
    return _sentence_evidence(doc, item.sentence, item.statement)


def _quote(doc: Document, item: Quote) -> Evidence:
    return _words_anywhere(doc, item.sentence, item.text, "the quote")


def _entity(doc: Document, item: Entity) -> Evidence:
    return _words_anywhere(doc, item.sentence, item.name, "the name")


def _figure(doc: Document, item: Figure) -> Evidence:
    return _words_in_sentence(doc, item.sentence, item.value)


def _date(doc: Document, item: DateMention) -> Evidence:
    return _words_in_sentence(doc, item.sentence, item.text)


@dataclass(frozen=True)
class Kind:
    """One kind of item an article summary lists: where it is, what it is called, how it is grounded."""

    field: str  # the ArticleSummary field that lists these items
    name: ItemKind  # its name in reports (``Dropped.kind``)
    model: type[BaseModel]  # the extraction model of one item
    rule: Callable[[Document, Any], Evidence]  # its evidence, or Ungrounded
    title: str  # heading in reports


# The one table of item kinds: extraction, grounding, dropping and rendering all read it.
KINDS: tuple[Kind, ...] = (
    Kind("entities", "entity", Entity, _entity, "People, organisations, places"),
    Kind("claims", "claim", Claim, _claim, "Claims"),
    Kind("quotes", "quote", Quote, _quote, "Quotes"),
    Kind("numbers", "number", Figure, _figure, "Numbers"),
    Kind("dates", "date", DateMention, _date, "Dates"),
)
EVENT = Kind("event", "event", Claim, _claim, "Event")


def _checked(summary: ArticleSummary, doc: Document) -> Iterator[tuple[Kind, int, Any, Evidence | str]]:
    """Every item of the summary with its evidence, or the reason it has none."""
    event = (
        [Claim.model_construct(statement=summary.event, topic="What happened?", sentence=summary.event_sentence)]
        if summary.event
        else []
    )
    for kind, items in [(EVENT, event)] + [(k, getattr(summary, k.field)) for k in KINDS]:
        for index, item in enumerate(items):
            try:
                yield kind, index, item, kind.rule(doc, item)
            except Ungrounded as reason:
                yield kind, index, item, str(reason)


def problems(summary: ArticleSummary, doc: Document) -> list[str]:
    """One message per item that does not resolve, naming the item, for a re-ask."""
    return [
        f"{kind.field}[{index}]: {result}"
        for kind, index, _, result in _checked(summary, doc)
        if isinstance(result, str)
    ]


@dataclass
class Grounded:
    """The report items of one article, and what had to be dropped."""

    event: GroundedClaim | None
    entities: list[GroundedEntity]
    claims: list[GroundedClaim]
    quotes: list[GroundedQuote]
    numbers: list[GroundedFigure]
    dates: list[GroundedDate]
    dropped: list[Dropped]

    @property
    def grounding(self) -> Grounding:
        kept = (self.event is not None) + sum(
            len(x) for x in (self.entities, self.claims, self.quotes, self.numbers, self.dates)
        )
        return Grounding(proposed=kept + len(self.dropped), grounded=kept, dropped=len(self.dropped))


def ground(
    summary: ArticleSummary,
    doc: Document,
    resolve_date: Callable[[str], str | None] = lambda _: None,
    dropped: list[Dropped] | None = None,
) -> Grounded:
    """Report items for every item that resolves; the rest are dropped with their reason."""
    out = Grounded(None, [], [], [], [], [], list(dropped or []))
    seen: set[tuple[str, str, int, int]] = set()
    for kind, _, item, result in _checked(summary, doc):
        field = kind.field
        if not isinstance(result, str):
            key = (field, _describe(item).lower(), result.start, result.end)
            if key in seen:
                result = "repeats an earlier item"
            seen.add(key)
        if isinstance(result, str):
            out.dropped.append(Dropped(kind=kind.name, content=_describe(item), reason=result))
        elif field == "event":
            out.event = GroundedClaim(statement=item.statement, topic=item.topic, evidence=result)
        elif field == "claims":
            out.claims.append(GroundedClaim(statement=item.statement, topic=item.topic, evidence=result))
        elif field == "quotes":
            out.quotes.append(GroundedQuote(speaker=item.speaker, text=result.text, evidence=result))
        elif field == "numbers":
            out.numbers.append(GroundedFigure(value=item.value, about=item.about, evidence=result))
        elif field == "dates":
            out.dates.append(
                GroundedDate(text=item.text, event=item.event, resolved=resolve_date(item.text), evidence=result)
            )
        elif field == "entities":
            out.entities.append(GroundedEntity(name=result.text, kind=item.kind, role=item.role, evidence=result))
    return out


def _describe(item: object) -> str:
    for attribute in ("statement", "text", "name", "value"):
        value = getattr(item, attribute, None)
        if value:
            return str(value)
    return repr(item)
