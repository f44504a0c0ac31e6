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

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property

from rapidfuzz import fuzz

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
    Quote,
)

FUZZY_THRESHOLD = 90.0  # rapidfuzz partial_ratio score, 0–100, for an alignment to count
MIN_SHARED_WORDS = 0.3  # share of a claim's content words its cited sentence must contain

# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) before whitespace and an
# upper-case letter, digit or opening quote; or at a line break.
_SENTENCE_END = re.compile(r"""[.!?]["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])""")
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "st", "jr", "sr", "vs", "no",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "u.s", "u.k", "u.n", "e.g", "i.e", "inc", "corp", "ltd", "co",
}  # fmt: skip
_WORD = re.compile(r"[A-Za-z0-9]+")
_STOPWORDS = frozenset(
    "the a an and or but of to in on at for with by from as is are was were be been has have had "
    "that this it its his her their they he she we you not no will would said says".split()
)


@dataclass(frozen=True)
class Sentence:
    id: int
    start: int
    end: int


@dataclass
class Document:
    """An article's text, split into numbered sentences with exact offsets."""

    id: str
    text: str

    @cached_property
    def sentences(self) -> list[Sentence]:
        return split_sentences(self.text)

    def numbered(self, sentences: list[Sentence] | None = None) -> str:
        """The text the model sees: one ``[S#] sentence`` per line."""
        return "\n".join(f"[S{s.id}] {self.text[s.start : s.end]}" for s in sentences or self.sentences)

    def sentence(self, sentence_id: int) -> Sentence | None:
        if 1 <= sentence_id <= len(self.sentences):
            return self.sentences[sentence_id - 1]
        return None

    def evidence(self, start: int, end: int) -> Evidence:
        return Evidence(source=self.id, start=start, end=end, text=self.text[start:end])

    def sentence_at(self, offset: int) -> Sentence | None:
        return next((s for s in self.sentences if s.start <= offset < s.end), None)


# Page furniture: navigation, credits and promotions that are never part of the story.
_FURNITURE = re.compile(
    r"""^(?:trending(?:\ now)?|scroll\ to\ top|daily\ newsletter|source\ link|about\ the\ author|advertisement
         |read\ more|related(?:\ articles)?|share(?:\ this)?|news(?:\ \w+)?|best\ quotes\ from\b.*)$
      |^(?:photo|image|source|credit|picture)s?\s*:
      |\bvia\ getty\ images\b|\bsubscribe\b|\bnewsletter\b|\bsign\ up\b|\btry\ .{1,40}\ free\ for\b
      |^\W*[•·]""",
    re.I | re.X,
)


def is_furniture(line: str) -> bool:
    """True for lines such as 'Trending Now', 'Photo: Wikipedia Commons' or a subscription promo."""
    return bool(_FURNITURE.search(line.strip()))


def split_sentences(text: str) -> list[Sentence]:
    """Split on line breaks and sentence punctuation; offsets exclude surrounding whitespace.

    Lines of page furniture get no sentence, so the model can never cite them.
    """
    sentences: list[Sentence] = []
    for line in re.finditer(r"[^\n]+", text):
        if is_furniture(line.group()):
            continue
        start = line.start()
        for boundary in _SENTENCE_END.finditer(line.group()):
            before = line.group()[: boundary.start()].rsplit(None, 1)[-1].lstrip("\"'“‘([").lower()
            if before in _ABBREVIATIONS or len(before) == 1:
                continue
            _append(sentences, text, start, line.start() + boundary.end())
            start = line.start() + boundary.end()
        _append(sentences, text, start, line.end())
    return sentences


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    # a span must hold at least one word character to be a sentence (drops bullets, rules, dashes)
    if _WORD.search(text, start, end):
        sentences.append(Sentence(len(sentences) + 1, start, end))


# --------------------------------------------------------------------------------------------------
# Alignment
# --------------------------------------------------------------------------------------------------

_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})


def _folded(text: str) -> tuple[str, list[int]]:
    """Lower-cased text with typographic marks folded and spaces collapsed, and the offset map back."""
    out: list[str] = []
    where: list[int] = []
    for i, original in enumerate(text):
        for ch in original.translate(_FOLD).lower():  # lower() may give two characters ('İ')
            if ch.isspace():
                if out and out[-1] == " ":
                    continue
                ch = " "
            out.append(ch)
            where.append(i)
    return "".join(out), where


def locate(text: str, needle: str, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
    """Offsets of ``needle`` in ``text[start:end]``: exact, then folded, then fuzzy; None if absent."""
    end = len(text) if end is None else end
    needle = needle.strip().strip("\"'“”‘’").strip()
    if not needle:
        return None
    found = text.find(needle, start, end)
    if found >= 0:
        return found, found + len(needle)
    hay, where = _folded(text[start:end])
    folded_needle, _ = _folded(needle)
    found = hay.find(folded_needle)
    if found >= 0:
        last = found + len(folded_needle) - 1
        return start + where[found], start + where[last] + 1
    if len(folded_needle) < 8:  # too short for a fuzzy match to mean anything
        return None
    hit = fuzz.partial_ratio_alignment(folded_needle, hay, score_cutoff=FUZZY_THRESHOLD)
    if hit is None or hit.dest_end - hit.dest_start < 0.8 * len(folded_needle):
        return None
    return _whole_words(text, start + where[hit.dest_start], start + where[hit.dest_end - 1] + 1, start, end)


def _whole_words(text: str, left: int, right: int, start: int, end: int) -> tuple[int, int]:
    """Widen a fuzzy span so that it neither starts nor ends inside a word."""
    while left > start and text[left - 1].isalnum() and text[left].isalnum():
        left -= 1
    while right < end and text[right].isalnum() and text[right - 1].isalnum():
        right += 1
    return left, right


def _content_words(text: str) -> set[str]:
    return {w.lower()[:5] for w in _WORD.findall(text) if w.lower() not in _STOPWORDS and len(w) > 2}


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
    words = _content_words(statement)
    shared = words & _content_words(doc.text[sentence.start : sentence.end])
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


_RULES: dict[str, Callable[[Document, object], Evidence]] = {
    "entities": _entity,  # type: ignore[dict-item]
    "claims": _claim,  # type: ignore[dict-item]
    "quotes": _quote,  # type: ignore[dict-item]
    "numbers": _figure,  # type: ignore[dict-item]
    "dates": _date,  # type: ignore[dict-item]
}
KIND = {"entities": "entity", "claims": "claim", "quotes": "quote", "numbers": "number", "dates": "date"}


def _checked(summary: ArticleSummary, doc: Document) -> Iterator[tuple[str, int, object, Evidence | str]]:
    """Every item of the summary with its evidence, or the reason it has none."""
    event = (
        [Claim.model_construct(statement=summary.event, topic="What happened?", sentence=summary.event_sentence)]
        if summary.event
        else []
    )
    for field, items in [("event", event)] + [(f, getattr(summary, f)) for f in _RULES]:
        rule = _claim if field == "event" else _RULES[field]
        for index, item in enumerate(items):
            try:
                yield field, index, item, rule(doc, item)
            except Ungrounded as reason:
                yield field, index, item, str(reason)


def problems(summary: ArticleSummary, doc: Document) -> list[str]:
    """One message per item that does not resolve, naming the item, for a re-ask."""
    return [
        f"{field}[{index}]: {result}"
        for field, index, _, result in _checked(summary, doc)
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
    for field, _, item, result in _checked(summary, doc):
        if not isinstance(result, str):
            key = (field, _describe(item).lower(), result.start, result.end)
            if key in seen:
                result = "repeats an earlier item"
            seen.add(key)
        if isinstance(result, str):
            out.dropped.append(Dropped(kind=KIND.get(field, field), content=_describe(item), reason=result))
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
