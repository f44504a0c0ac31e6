"""The extractive engine: a report with no language model at all — what runs when none is configured.

Each article's items are what rules and small offline models find exactly (:mod:`summarizer.rules`:
quotations with their speakers, numbers, dates; :mod:`summarizer.entities`: people, organisations,
places), and its claims are sentences of its own, chosen for a reader:

* the **lead** (a story's first sentences say what happened), and
* the sentences **other sources echo**: a sentence whose meaning another outlet also prints is the
  stuff of agreement — or of disagreement, when the two differ on a number, a place or a "not".

Each sentence scores its closeness to the nearest sentence of another source (embedding cosine, less
what the event's sentences all share) plus a bonus for being early; the best :data:`MAX_CLAIMS` of an
article are kept, in its own order, so a long article cannot flood the report. The article's event is
its headline, or its first sentence. The merge (:mod:`summarizer.merge`) then aligns the sentences
across sources by meaning, exactly as it aligns a model's claims.
"""

from __future__ import annotations

import re

import numpy as np

from summarizer.embed import Embedder, WordLlama, normalised
from summarizer.floor import Floor, rules_floor
from summarizer.load import Article
from summarizer.metadata import is_byline, is_dateline
from summarizer.negation import negates_itself
from summarizer.quantities import quantities
from summarizer.schemas import ArticleReport, GroundedClaim, GroundedQuote, Grounding, MatchCounts
from summarizer.text import DIGIT, WIRE_DATELINE, Document, Sentence, is_prose
from summarizer.times import MONTH
from summarizer.units import RESULTS, WORD_NUMBERS

# a line on the story, not the event: "Here is what we know so far.", "Welcome to our live coverage…", "Contact: …"
_ABOUT_ITSELF = re.compile(
    r"\W*(?:here\s+(?:is|are)|here['’]s|this\s+is)\s+(?:what\s+(?:we\s+know|you\s+need\s+to\s+know)|a\s+developing\s+story"
    r"|how\s+it\s+unfolded|the\s+(?:main|key)\s+(?:points|takeaways|measures|announcements))\b"
    r"|\W*(?:more\s+to\s+follow|this\s+(?:story|article)\s+(?:is\s+being|will\s+be|has\s+been)\s+updated)\b"
    r"|\W*welcome\s+to\s+(?:our|the)\s+(?:live|rolling|continuing)\b"  # a live blog's first entry
    r"|\W*(?:press\s+)?(?:contact|tel|phone|fax|e-?mail|office)\s*:",  # a press release's contact line
    re.I,
)
# a fact box's line, a label and its figure or its date: "Containment: 20%", "Structures destroyed: 37", "Debt:
# €520m", "Revenue 2025: €610m, down 14%", "Availability: January 2027", "Sale date: 3 December 2026"; not a
# page's own date ("Published: 3 December 2026")
_FACT_LINE = re.compile(
    r"\W*(?!(?:Published|Updated|Posted|Modified|Last|Filed|Date|Dated)\b)[A-Z][a-z]+(?: (?:[a-z]+|\d{4})){0,3}:\s+"
    r"(?:(?:about |around |more than |over )?[$€£]?\d[\d,.]*(?:%|[a-z]{1,2}\b)?(?:\s+[a-z]+)?"
    r"(?:,\s+(?:up|down)\s+\d[\d,.]*%)?"
    rf"|(?:(?:early|mid|late)[\s-]+)?(?:\d{{1,2}}\s+)?(?i:{MONTH.pattern})(?:\s+\d{{1,2}},?)?(?:\s+\d{{4}})?)\s*$"
)
# a live blog's time at the start of an entry: "16:20 Police say…", "9.15am: Tractors…", "14:05 GMT - …"
_STAMP = re.compile(r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?\s*[-–—:|]?\s+(?=[A-Z\"“‘'])")
MAX_CLAIMS = 12  # sentences kept per article
MIN_WORDS = 5  # shorter lines (bylines, captions, "Read more") are not claims; "About 150,000 passengers were hit." is
FIGURE_MIN_WORDS = 3  # nor two words fewer, unless a sentence gives a figure or denies: "Two people died."
CLAUSE_MIN_WORDS = 4  # a sentence's clause that is a claim of its own: "…, and the unemployment rate fell to 3.7%"
LEAD = (0.3, 0.3, 0.2, 0.1, 0.1)  # bonus of the first sentences of the story, in order
OTHERS = 50  # an article's sentences are compared with those of at most this many other articles


def extractive_reports(articles: list[Article], embedder: Embedder | None = None) -> list[ArticleReport]:
    """The report of every article, with no model call."""
    embedder = embedder or WordLlama()
    floors = [rules_floor(article) for article in articles]
    chosen = _chosen_sentences(articles, floors, embedder)
    return [_report(*found) for found in zip(articles, chosen, floors, strict=True)]


def _candidates(article: Article, found: Floor) -> list[Sentence]:
    """The sentences of the story that may be claims: prose, and not a dateline ("Ian Morris, transport
    correspondent — Tue 11 Feb 2025 07.30 GMT" has the words of prose). A quotation of several sentences
    is one claim with its speaker: "We waited six hours for a single update.'" is no claim alone; nor is
    "Chief executive Claire Redmayne said in a statement:" without the quotation it opens."""
    doc = article.document
    kept: dict[str, Sentence] = {}  # a sentence a page repeats word for word is one claim, at its first place
    quoted = [(q.evidence.start, q.evidence.end) for q in found.quotes]
    for whole in _whole_quotations(found.quotes, doc.story, doc.text):
        for s in _clauses(doc.text, _unstamped(doc.text, whole), quoted):
            text = doc.sentence_text(s)
            if text not in kept and _is_claim(text) and not is_dateline(text, article.language) and not is_byline(text):
                kept[text] = s
    return list(kept.values())


def _unstamped(text: str, sentence: Sentence) -> Sentence:
    """The sentence without the time a live blog's entry opens with ("16:20 Police say 12 people were
    arrested."): when the blog posted it, not when anything happened."""
    stamp = _STAMP.match(text, sentence.start, sentence.end)
    return Sentence(sentence.id, stamp.end(), sentence.end) if stamp else sentence


def _clauses(text: str, sentence: Sentence, quoted: list[tuple[int, int]]) -> list[Sentence]:
    """The sentence, or its clauses where it joins two facts each giving its own figure ("Payrolls rose by
    310,000 last month, and the unemployment rate fell to 3.7%"; "…, while the Nasdaq 100 lost 2.1%"): a
    sentence of two facts would join the answer of one and put its source on a side of the other it
    never took. Not inside a quotation, and each clause of :data:`CLAUSE_MIN_WORDS` at least."""
    parts, start = [], sentence.start
    for m in _JOIN.finditer(text, sentence.start, sentence.end):
        if any(a <= m.start() < b for a, b in quoted):
            continue
        left, right = text[start : m.start()], text[m.end() : sentence.end]
        if all(len(side.split()) >= CLAUSE_MIN_WORDS and _figured(side) for side in (left, right)):
            parts.append(Sentence(sentence.id, start, m.start()))
            start = m.end()
    return [*parts, Sentence(sentence.id, start, sentence.end)] if parts else [sentence]


_NUMBER_WORD = re.compile(
    rf"\b(?:{'|'.join(w for w, n in WORD_NUMBERS.items() if n >= 2)}|hundred|thousand|million)\b", re.I
)
# what joins two clauses of one sentence: a conjunction, or a participle giving what came of the first
# ("struck at 3:42 a.m., killing at least 37"; "raised rates by 0.25 points, taking the main rate to 4.5%")
_CONJUNCTIONS = "and|while|whereas|but"
_JOIN = re.compile(rf"(?:;|,\s+(?:{_CONJUNCTIONS})|,(?=\s+(?:{'|'.join(RESULTS)})\b))\s+")
_JOINED = re.compile(rf"(?:;|,(?:\s+(?:{_CONJUNCTIONS}))?)\s+$")  # one a clause follows


def _figured(text: str) -> bool:
    """``text`` gives a figure other than someone's age: "Camille Roux, 29, a nurse from Lyon" is no fact
    of its own, to be split from "and Thomas Girard, 34, were among seven staff abducted"."""
    return _gives_figure(text) and any(q.unit != "age" for q in quantities(text))


def _is_claim(text: str) -> bool:
    """Prose of :data:`MIN_WORDS` words, or a whole sentence of :data:`FIGURE_MIN_WORDS` that gives a figure or
    denies something ("Ten people were arrested.", "Reinholt denied any wrongdoing."); not a question (an
    explainer's heading: "How many people were hurt?") nor a line on the story ("Here is what we know so far.");
    a fact box's line, a label and its figure, is ("Containment: 20%")."""
    end = text.rstrip()[-1:]
    if end == "?" or _ABOUT_ITSELF.match(text):
        return False  # a question asks, and a line on the story itself tells nothing of the event
    if is_prose(text, MIN_WORDS) or _FACT_LINE.match(text):
        return True
    said = _gives_figure(text) or negates_itself(text)
    return said and end in (".", "!") and is_prose(text, FIGURE_MIN_WORDS)


def _gives_figure(text: str) -> bool:
    """A figure in digits or in words: "3.8%", "Ten people", "Four hospitals …, and more than 200 operations"."""
    return bool(DIGIT.search(text) or _NUMBER_WORD.search(text))


def _whole_quotations(found: list[GroundedQuote], sentences: list[Sentence], text: str) -> list[Sentence]:
    """``sentences`` with each one that starts inside a quotation the rules ``found`` joined to the one
    before it, and each one that opens a quotation joined to the one before it if that ends with a colon."""
    spans = [(q.evidence.start, q.evidence.end) for q in found]
    joined: list[Sentence] = []
    for sentence in sentences:
        previous = joined[-1] if joined else None
        if previous is None:
            joined.append(sentence)
        elif any(previous.start <= start < sentence.start < end for start, end in spans) or (
            text[previous.start : previous.end].rstrip().endswith(":")
            and any(sentence.start <= start <= sentence.start + 2 for start, _ in spans)
        ):
            joined[-1] = Sentence(previous.id, previous.start, sentence.end)
        else:
            joined.append(sentence)
    return joined


def _chosen_sentences(articles: list[Article], floors: list[Floor], embedder: Embedder) -> list[list[Sentence]]:
    candidates = [_candidates(a, found) for a, found in zip(articles, floors, strict=True)]
    texts = [a.document.sentence_text(s) for a, cs in zip(articles, candidates, strict=True) for s in cs]
    if not texts:
        return [[] for _ in articles]
    vectors = embedder.embed(texts)
    if len(vectors) > 2:
        vectors = normalised(vectors, less=vectors.mean(axis=0, keepdims=True))  # what all sentences share
    bounds = np.cumsum([0] + [len(cs) for cs in candidates])
    chosen = []
    for k, sentences in enumerate(candidates):
        mine = vectors[bounds[k] : bounds[k + 1]]
        others = [j for j in range(len(articles)) if j != k][:OTHERS]
        echo = np.full(len(sentences), -1.0)
        for j in others:
            theirs = vectors[bounds[j] : bounds[j + 1]]
            if len(theirs) and len(mine):
                echo = np.maximum(echo, (mine @ theirs.T).max(axis=1))
        lead = [LEAD[n] if n < len(LEAD) else 0.0 for n in range(len(sentences))]
        score = [(e if len(others) else 0.0) + bonus for e, bonus in zip(echo.tolist(), lead, strict=True)]
        best = sorted(range(len(sentences)), key=lambda n: (-score[n], n))[:MAX_CLAIMS]
        chosen.append([sentences[n] for n in sorted(best)])
    return chosen


def _report(article: Article, sentences: list[Sentence], found: Floor) -> ArticleReport:
    doc = article.document
    headline = _headline(article)
    event = _claim(doc, headline, "What happened?") if headline is not None else None
    # the title is no claim; a first sentence standing for a missing title is the story's lead, and one
    claims = [_claim(doc, s, "") for s in sentences if s != headline or not article.info.title]
    count = (event is not None) + len(claims)
    count += len(found.entities) + len(found.quotes) + len(found.numbers) + len(found.dates)
    return ArticleReport(
        source=article.info,
        event=event,
        entities=found.entities,
        claims=claims,
        quotes=found.quotes,
        numbers=found.numbers,
        dates=found.dates,
        grounding=Grounding(proposed=count, grounded=count, dropped=0, matches=MatchCounts(exact=count)),
    )


def _claim(doc: Document, sentence: Sentence, topic: str) -> GroundedClaim:
    """The sentence as a claim, from its first word: a wire story's "BOSTON (AP) — " and a paper's
    "BHUBANESWAR: " are where, not what, a live page's "13:05 IST: " when it was posted, and a list's "- "
    is layout. A claim over two paragraphs (a quotation after "… said:") is one line."""
    opener = _OPENER.match(doc.text, sentence.start, sentence.end)
    start = opener.end() if opener is not None and opener.end() < sentence.end else sentence.start
    evidence = doc.evidence(start, sentence.end)
    statement = " ".join(evidence.text.split())
    if _JOINED.search(doc.text, max(0, start - 12), start):  # a clause (:func:`_clauses`) begins as a sentence does
        statement = statement[:1].upper() + statement[1:]
    return GroundedClaim(statement=statement, topic=topic, evidence=evidence)


_OPENER = re.compile(
    f"{WIRE_DATELINE}|[-*–+][^\\S\\n]+"
    r"|[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'’ -]{2,30}:[^\S\n]+(?=[A-Z\"“‘])"  # a place in capitals: "NEW DELHI: "
    r"|\d{1,2}[:.]\d{2}(?:[^\S\n]*[ap]\.?m\.?)?(?:[^\S\n]+[A-Z]{2,4})?[^\S\n]*[:—–-][^\S\n]+"  # "13:05 IST: "
)


def _headline(article: Article) -> Sentence | None:
    """The sentence that is the article's title ("Minister Dubois sacked": three words, as
    :mod:`summarizer.metadata` reads titles), else its first sentence of four words or more."""
    doc, title = article.document, (article.info.title or "").strip()
    named = (s for s in doc.sentences[:3] if title and doc.sentence_text(s).strip() == title)
    return next(named, None) or next((s for s in doc.sentences if len(doc.sentence_text(s).split()) >= 4), None)
