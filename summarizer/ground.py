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
    Dropped,
    Evidence,
    GroundedClaim,
    Grounding,
    ItemKind,
    MatchCounts,
)
from summarizer.text import Document, Sentence

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


def _claim(doc: Document, item: Claim) -> Evidence:
    key = (item.sentence, item.statement)
    if key not in doc.checks:
        try:
            doc.checks[key] = _sentence_evidence(doc, item.sentence, item.statement)
        except Ungrounded as reason:
            doc.checks[key] = str(reason)
    found = doc.checks[key]
    if isinstance(found, str):
        raise Ungrounded(found)
    return found


@dataclass(frozen=True)
class Kind:
    """One kind of item an article summary lists: where it is, what it is called, how it is grounded."""

    field: str  # the ArticleSummary field that lists these items
    name: ItemKind  # its name in reports (``Dropped.kind``)
    model: type[BaseModel]  # the extraction model of one item
    rule: Callable[[Document, Any], Evidence]  # its evidence, or Ungrounded
    title: str  # heading in reports


# The one table of item kinds: extraction, grounding, dropping and rendering all read it.
KINDS: tuple[Kind, ...] = (Kind("claims", "claim", Claim, _claim, "Claims"),)
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


def failures(summary: ArticleSummary, doc: Document) -> list[tuple[str, int, str]]:
    """Each item that does not resolve: its field, its number in the field, and why."""
    return [(kind.field, index, result) for kind, index, _, result in _checked(summary, doc) if isinstance(result, str)]


def problems(summary: ArticleSummary, doc: Document) -> list[str]:
    """One message per item that does not resolve, naming the item, for a re-ask."""
    return [f"{field}[{index}]: {why}" for field, index, why in failures(summary, doc)]


@dataclass
class Grounded:
    """The report items of one article, and what had to be dropped."""

    event: GroundedClaim | None
    claims: list[GroundedClaim]
    dropped: list[Dropped]

    @property
    def grounding(self) -> Grounding:
        kept: list[Any] = [self.event] if self.event is not None else []
        kept += self.claims
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


def ground(summary: ArticleSummary, doc: Document, dropped: list[Dropped] | None = None) -> Grounded:
    """Report items for every item that resolves; the rest are dropped with their reason."""
    out = Grounded(None, [], list(dropped or []))
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
        else:
            out.claims.append(GroundedClaim(statement=item.statement, topic=item.topic, evidence=result))
    return out


def strictly(report: ArticleReport) -> ArticleReport:
    """The report with every claim found only by a fuzzy match dropped with the reason (``--strict``).

    Claims are grounded on their whole cited sentence and the rules' items are exact by construction,
    so only a report made elsewhere (an older cache, a hand-built report) can hold a fuzzy span."""
    fuzzy = [c for c in report.claims if c.evidence.match == "fuzzy"]
    if not fuzzy:
        return report
    reasons = [f"found only as a fuzzy match (score {c.evidence.score})" for c in fuzzy]
    dropped = [Dropped(kind="claim", content=c.statement, reason=r) for c, r in zip(fuzzy, reasons, strict=True)]
    claims = [c for c in report.claims if c.evidence.match != "fuzzy"]
    return report.model_copy(update={"claims": claims, "dropped": [*report.dropped, *dropped]})


def _describe(item: object) -> str:
    for attribute in ("statement", "text", "name", "value"):
        value = getattr(item, attribute, None)
        if value:
            return str(value)
    return repr(item)
