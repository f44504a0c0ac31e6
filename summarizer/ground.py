"""Grounding: tie every extracted item to the exact characters of its article.

The article is shown to the model as numbered sentences (``[S1] …``). Each item cites a sentence id,
which is exact by construction; where a sub-sentence span is needed (a quote, a name, a number, a
date) the item's own words are aligned inside the article — exact match first, then a match that
ignores case, typographic quotes, dashes and spacing, then a fuzzy alignment above a threshold; names,
numbers and dates as whole words ("item" is not in "items"). Each span records how it matched
(``Evidence.match``). A claim or event is the model's paraphrase of its sentence: the sentence must
say what it asserts — its names, numbers, dates, negations, speaker and roles
(:func:`summarizer.assertions.unsupported`) — and share enough of its words.

``problems`` lists what does not resolve (it backs the schema validator, so instructor re-asks with
these messages); ``ground`` turns a validated extraction into report items and drops, with a
reason, whatever still does not resolve. Nothing ungrounded reaches a report.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from summarizer.assertions import shared_words, unsupported
from summarizer.schemas import (
    ArticleReport,
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
    MatchCounts,
    Quote,
)
from summarizer.text import Document, Sentence, locate_how

MIN_SHARED_WORDS = 0.3  # share of a claim's content words its cited sentence must contain
CONTEXT_BEFORE = 2  # sentences before the cited one where a name it refers to ("he") may be found


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
    """The cited sentence, if it says what the statement asserts and shares enough of its words."""
    sentence = _cited(doc, sentence_id)
    text = doc.sentence_text(sentence)
    words, shared = shared_words(statement, text)
    if not shared or len(shared) < MIN_SHARED_WORDS * len(words):
        raise Ungrounded(f"S{sentence_id} does not state it; cite the sentence that states it")
    found = unsupported(statement, text, _context(doc, sentence), doc.common_words)
    if found:
        raise Ungrounded(f"S{sentence_id} does not say that: {'; '.join(found)}")
    return doc.evidence(sentence.start, sentence.end, "sentence", round(100 * len(shared) / len(words), 1))


def _context(doc: Document, sentence: Sentence) -> str:
    """What a sentence's "he" or "the two leaders" may refer to: the sentences just before it, and the
    article's first two (its headline)."""
    ids = sorted({1, 2} | set(range(sentence.id - CONTEXT_BEFORE, sentence.id)) - {sentence.id})
    return "\n".join(doc.sentence_text(s) for s in map(doc.sentence, ids) if s is not None)


def _span(doc: Document, words: str, start: int = 0, end: int | None = None, whole: bool = True) -> Evidence | None:
    found = locate_how(doc.text, words, start, end, whole_words=whole)
    if found is None:
        return None
    left, right, match, score = found
    return doc.evidence(left, right, match, score if match == "fuzzy" else None)


def _words_in_sentence(doc: Document, sentence_id: int, words: str) -> Evidence:
    sentence = _cited(doc, sentence_id)
    span = _span(doc, words, sentence.start, sentence.end)
    if span is None:
        raise Ungrounded(f"'{words}' is not in S{sentence_id}; copy the words exactly from that sentence")
    return span


def _words_anywhere(doc: Document, sentence_id: int, words: str, what: str, whole: bool = True) -> Evidence:
    sentence = doc.sentence(sentence_id)
    span = _span(doc, words, sentence.start, sentence.end, whole) if sentence else None
    span = span or _span(doc, words, whole=whole)
    if span is None:
        inside = " as a whole word" if whole and _span(doc, words, whole=False) else ""
        raise Ungrounded(f"{what} '{words}' is not in the article{inside}; copy it exactly")
    return span


def _claim(doc: Document, item: Claim) -> Evidence:
    return _sentence_evidence(doc, item.sentence, item.statement)


def _quote(doc: Document, item: Quote) -> Evidence:
    return _words_anywhere(doc, item.sentence, item.text, "the quote", whole=False)


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
        kept: list[Any] = [self.event] if self.event is not None else []
        kept += [*self.entities, *self.claims, *self.quotes, *self.numbers, *self.dates]
        return Grounding(
            proposed=len(kept) + len(self.dropped),
            grounded=len(kept),
            dropped=len(self.dropped),
            matches=match_counts(item.evidence for item in kept),
        )


def match_counts(spans: Iterable[Evidence]) -> MatchCounts:
    """How many of ``spans`` matched in each way."""
    n = Counter(span.match for span in spans)
    return MatchCounts(exact=n["exact"], folded=n["folded"], fuzzy=n["fuzzy"], sentence=n["sentence"])


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


def strictly(report: ArticleReport) -> ArticleReport:
    """The report with only exact and folded matches (and claims on their sentence) kept: items found
    only by a fuzzy match are dropped with the reason (``--strict``)."""
    dropped = list(report.dropped)
    kept: dict[str, list[Any]] = {}
    for kind in KINDS:
        kept[kind.field] = []
        for item in getattr(report, kind.field):
            if item.evidence.match == "fuzzy":
                reason = f"found only as a fuzzy match (score {item.evidence.score}); strict grounding keeps exact ones"
                dropped.append(Dropped(kind=kind.name, content=_describe(item), reason=reason))
            else:
                kept[kind.field].append(item)
    if len(dropped) == len(report.dropped):
        return report
    items = [report.event] if report.event else []
    items += [item for field in kept.values() for item in field]
    grounding = Grounding(
        proposed=len(items) + len(dropped),
        grounded=len(items),
        dropped=len(dropped),
        matches=match_counts(item.evidence for item in items),
    )
    return report.model_copy(update={**kept, "dropped": dropped, "grounding": grounding})


def _describe(item: object) -> str:
    for attribute in ("statement", "text", "name", "value"):
        value = getattr(item, attribute, None)
        if value:
            return str(value)
    return repr(item)
