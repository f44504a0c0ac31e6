"""Align: claims of several sources grouped by meaning into answers, and answers into questions.

Two claims are the same *answer* when they say the same thing, whatever the words; answers belong to
one *question* when they answer the same thing, whether or not they agree. Both groupings are
average-link clustering over similarities that mix what an embedding model sees (the statements'
and, when there are any, the topics' vectors) with the words the claims share:

1. **Answers.** A pair's similarity is the cosine of the statements' vectors (each summed with its
   source sentence's, when known; mixed with their topics', :data:`ANSWER_TOPIC_WEIGHT`, when both have
   one), raised when their facets (:mod:`summarizer.facets`: numbers, dates, names) pin the same thing
   down, unless the pin is the event's own (:mod:`summarizer.pins`: its date, its actors' names). A pair
   whose facets conflict ("4,000" / "10,000", "resigned" / "has not resigned") or name different things
   ("Paris" / "Lyon") can never share an answer: meaning alone is not allowed to merge it.
2. **Questions.** Answers are then grouped by how close their claims' statements and topics are, and
   how many content words they share, with no such veto: "the talks were cancelled" and "the talks
   were postponed" are two answers to one question. Only claims giving measures of no dimension in
   common ("sold for $71.3m" / "bidding raged for 20 minutes") never share a question.
3. **Conflicts.** Claims that state opposite outcomes, or give two measures of one thing (two speeds,
   two magnitudes; not two counts or two dates), join their questions when they are close enough to
   be asked together. Two answers of one question conflict when a claim of one and a claim of the other
   have conflicting facets; the judge (:mod:`summarizer.judge`) may add and confirm more.

Up to :data:`EXACT_LIMIT` claims every pair is compared. Beyond, each claim is compared with a bounded set of
candidates (:mod:`summarizer.candidates`): those sharing most content words and those falling in the same buckets
of random hyperplanes over the vectors. Answers still average the cosine over *all* their pairs, compared or not
(:func:`summarizer.vectorlink.vector_link`: the summed vectors give it); the facet bonus and the vetoes are known
for the pairs compared only. An uncompared pair counting 0 would keep an answer many sources give from forming, and
understate a large event's consensus. Questions do the same with their statements' and topics' vectors, the share
of words two claims have in common (which no sum of vectors gives) counted on the pairs compared.

Claims are put in a canonical order (by statement, source, topic) before anything else, so the
groups do not depend on the order the caller lists them in.
"""

from __future__ import annotations

import gc
import math
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from itertools import groupby
from typing import TYPE_CHECKING, Any

import numpy as np

from summarizer.candidates import candidate_pairs
from summarizer.counted import nouns_counted
from summarizer.embed import cosines, distinct_embedded, embedded, normalised
from summarizer.facets import Facets, compare, conflict_kind, facets, with_openers
from summarizer.figures import clash, dimensions, measured_apart, one_figure_clash
from summarizer.groups import Groups, shared_share
from summarizer.linkage import dense_link, square
from summarizer.pins import event_pins, pinned_together
from summarizer.text import content_words
from summarizer.vectorlink import vector_link

if TYPE_CHECKING:
    from summarizer.embed import Embedder, Vectors

ANSWER_THRESHOLD = 0.20  # average similarity for claims to be one answer (cosine, plus the facet bonus)
FACET_BONUS = 0.25  # added to a pair's cosine when a number, date or name pins both to the same thing
QUESTION_THRESHOLD = 0.37  # average similarity for answers to belong to one question
CONTRADICTION_THRESHOLD = 0.3  # question similarity at which claims stating opposite outcomes join questions
TOPIC_THRESHOLD = 0.2  # looser: questions judged together, that might share an answer or conflict
TOLL_THRESHOLD = 0.1  # looser still: one toll given two ways ("1,500 were evacuated" / "1,200 fled their homes")
TOPIC_WEIGHT = 0.5  # share of the topics' cosine in a question similarity, when both claims have a topic
ANSWER_TOPIC_WEIGHT = 0.2  # its share in an answer similarity: two claims answering two questions are two answers
WORDS_WEIGHT = 0.3  # weight of the share of content words two claims have in common
EXACT_LIMIT = 300  # up to this many claims, every pair is compared
PRUNE_MARGIN = 0.0  # beyond it, a pair this far below every threshold is dropped (it counts 0, not its score)
CANDIDATES = 12  # beyond it, the pairs compared per claim: sharing most words, and same-bucket vectors
_NEAR_MEMBERS = 50  # claims of an answer read for one close to a claim of another (a toll's two answers)


@dataclass(frozen=True)
class ClaimText:
    """What alignment needs of a claim: who said it, what, and (optionally) the question it answers and
    the day its source was published (ISO), which "yesterday" and "on Tuesday" are read against, and the
    sentence it was taken from (a report's claim: its evidence)."""

    source: str
    statement: str
    topic: str = ""
    published: str = ""
    sentence: str = ""  # the source's own words the statement was taken from, when known


@dataclass
class Alignment:
    """Claims (by index into the caller's list) grouped into answers, answers into questions."""

    answers: list[list[int]]  # each answer's claims, in the caller's order; singletons included
    questions: list[list[int]]  # each question's answers (indices into ``answers``)
    topics: list[list[int]]  # questions close enough to be judged together (indices into ``questions``)
    conflicts: set[tuple[int, int]]  # pairs of answers (smaller index first) whose facets conflict


def group_claims(claims: Sequence[Any], *, embedder: Embedder | None = None) -> list[list[int]]:
    """The answer groups of ``claims``: lists of indices of claims that say the same thing.

    Each claim is a mapping or an object with ``source``, ``statement`` and optionally ``topic`` and
    ``published`` (its source's publication date, ISO). Every claim is in exactly one group (singletons
    included); no model is called."""
    return align(claims, embedder=embedder, with_topics=False).answers


def align(
    claims: Sequence[Any],
    *,
    embedder: Embedder | None = None,
    with_topics: bool = True,
    published: Mapping[str, str | None] | None = None,
) -> Alignment:
    """Answers, questions and conflicts among ``claims`` (see the module docstring); with ``with_topics``,
    also the topics the judge's candidate groups are packed from (else each question is its own topic).
    ``published`` gives each source's publication date (ISO), for claims that do not carry their own."""
    items = [_claim_text(c, published or {}) for c in claims]
    order = sorted(range(len(items)), key=lambda i: (items[i].statement, items[i].source, items[i].topic, i))
    ordered = [items[i] for i in order]
    if embedder is None:
        from summarizer.embed import WordLlama

        embedder = WordLlama()
    with collection_paused():  # the renumbering too: its lists would start collections of all the above
        found = _align(ordered, embedder, with_topics)
        back = order.__getitem__  # canonical position -> the caller's index
        answers = [sorted(back(i) for i in group) for group in found.answers]
        rank = sorted(range(len(answers)), key=lambda a: answers[a][0])  # answers in the caller's order
        renumber = {old: new for new, old in enumerate(rank)}
        questions = [sorted(renumber[a] for a in q) for q in found.questions]
        q_rank = sorted(range(len(questions)), key=lambda q: questions[q])
        q_renumber = {old: new for new, old in enumerate(q_rank)}
        return Alignment(
            answers=[answers[a] for a in rank],
            questions=[questions[q] for q in q_rank],
            topics=sorted(sorted(q_renumber[q] for q in t) for t in found.topics),
            conflicts={(min(renumber[a], renumber[b]), max(renumber[a], renumber[b])) for a, b in found.conflicts},
        )


@contextmanager
def collection_paused() -> Iterator[None]:
    """Python's cycle collector off meanwhile (as it was before, after): the merge allocates millions of
    small objects and frees them by reference count, none of them in cycles; each allocation burst starts
    a collection that walks every object alive, the articles' reports included, so the collector's share
    grows with the event (``bench/README.md``)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _claim_text(claim: Any, published: Mapping[str, str | None]) -> ClaimText:
    if isinstance(claim, ClaimText):
        return claim
    get = claim.get if isinstance(claim, Mapping) else partial(_attribute, claim)
    source = get("source")
    if source is None:  # a report's claim knows its source through its evidence
        source = _attribute(get("evidence"), "source")
    statement = get("statement")
    if source is None or not isinstance(statement, str):
        raise ValueError("each claim needs a source and a statement")
    day = get("published") or published.get(str(source))
    sentence = get("sentence")
    if not isinstance(sentence, str):  # a report's claim: the span its evidence quotes (a model's claim: a number)
        sentence = _attribute(get("evidence"), "text")
    return ClaimText(str(source), statement, str(get("topic") or ""), str(day or ""), str(sentence or ""))


def _attribute(thing: Any, name: str) -> Any:
    """``thing.name``, or None. Read from the instance's fields when it has them: a pydantic model
    without the attribute (a report's claim has no ``source`` nor ``published``) raises through its
    own ``__getattr__``, 5 µs a claim, twice, for every claim of an event."""
    fields = getattr(thing, "__dict__", None)
    if fields is not None:
        if name in fields:
            return fields[name]
        if not _defined(type(thing), name) and not getattr(thing, "__pydantic_extra__", None):
            return None
    return getattr(thing, name, None)


_DEFINED: dict[tuple[type, str], bool] = {}


def _defined(kind: type, name: str) -> bool:
    """Whether the class or one of its bases defines ``name`` (a property, a method, a class field)."""
    if (kind, name) not in _DEFINED:
        _DEFINED[kind, name] = any(name in vars(base) for base in kind.__mro__)
    return _DEFINED[kind, name]


def _align(items: list[ClaimText], embedder: Embedder, with_topics: bool) -> Alignment:
    n = len(items)
    if n == 0:
        return Alignment([], [], [], set())
    sources = len({c.source for c in items})
    statements = _centred(_meanings(embedder, items), n / sources)
    topic_vectors = (
        _centred(embedded(embedder, [c.topic for c in items]), n / sources) if any(c.topic for c in items) else None
    )
    words = [frozenset(content_words(c.statement)) for c in items]
    assert statements is not None
    if topic_vectors is not None:  # a claim with no topic stands in its statement for one
        untopical = [i for i, c in enumerate(items) if not c.topic]
        topic_vectors[untopical] = statements[untopical]
    ends = _pairs(items, statements, words)  # the pairs compared, as two rows of items
    cosine = cosines(statements, ends)
    topic_cosine = cosine if topic_vectors is None else cosines(topic_vectors, ends)
    telling = topic_vectors if len({c.topic for c in items}) > 1 else None  # one topic for all tells none apart
    answer_cosine = cosine if telling is None else _mixed(cosine, topic_cosine, ANSWER_TOPIC_WEIGHT)
    question_edges = _question_edges(items, cosine, topic_cosine, words, ends)
    asked_cosine = _mixed(cosine, topic_cosine, TOPIC_WEIGHT)  # what the questions' rows give a pair
    pinned = with_openers([facets(c.statement, c.published or None) for c in items])
    common = event_pins([c.statement for c in items], pinned, sources)
    together = pinned_together(pinned, [c.statement for c in items], [c.published for c in items], common, ends)
    bonus = np.where(together, FACET_BONUS, 0.0)  # a number, date or name both give, not the event's own
    closeness = answer_cosine + bonus
    if n > EXACT_LIMIT:  # bounded: pairs below every threshold are no candidates
        floor_a, floor_q = ANSWER_THRESHOLD - PRUNE_MARGIN, QUESTION_THRESHOLD - PRUNE_MARGIN
        kept = np.flatnonzero((closeness >= floor_a) | (question_edges >= floor_q))
        ends, closeness, bonus, question_edges = ends[:, kept], closeness[kept], bonus[kept], question_edges[kept]
        asked_cosine = asked_cosine[kept]
    pairs = list(zip(*ends.tolist(), strict=True))  # as (earlier, later) tuples: keys of the pairs' values
    matter = np.flatnonzero(question_edges >= TOPIC_THRESHOLD - PRUNE_MARGIN).tolist()  # pairs that may matter
    edges = {pairs[k]: q for k, q in zip(matter, question_edges[matter].tolist(), strict=True)}  # by pair
    relation = _relations(items, pinned, ends)
    vetoes = [rel in ("conflict", "apart") for rel in relation]  # pairs that may never share an answer
    unasked = _unasked(pairs, relation, pinned)  # pairs that may never share a question
    if n > EXACT_LIMIT:  # every pair's cosine counts, compared or not, through the groups' summed vectors
        near = [pairs[k] for k in np.flatnonzero(closeness >= ANSWER_THRESHOLD).tolist()]
        pinned_pairs = {pairs[k]: FACET_BONUS for k in np.flatnonzero(bonus).tolist()}
        # claims worded alike start as one answer: the first pairs average link would merge anyway
        wordings = [list(g) for _, g in groupby(range(n), key=lambda i: items[i].statement)]
        vetoed = [pair for pair, veto in zip(pairs, vetoes, strict=True) if veto]
        meaning = _mixed_rows(statements, telling, ANSWER_TOPIC_WEIGHT)
        answers = vector_link(meaning, near, ANSWER_THRESHOLD, bonus=pinned_pairs, cannot=vetoed, start=wordings)
        # questions: statements and topics side by side, the shared words counted on the pairs compared
        rows = _mixed_rows(statements, topic_vectors, TOPIC_WEIGHT)
        shared = asked_cosine[matter].tolist()
        words_part = {pair: q - c for (pair, q), c in zip(edges.items(), shared, strict=True)}

        def link(threshold: float, start: list[list[int]]) -> list[list[int]]:
            close = [pair for pair, q in edges.items() if q >= threshold]
            return vector_link(rows, close, threshold, bonus=words_part, cannot=unasked, start=start)
    else:  # every pair is known: a table of them
        cannot = square(n, ends, vetoes).astype(bool)
        answers = dense_link(square(n, ends, closeness), ANSWER_THRESHOLD, cannot=cannot)
        asked = square(n, ends, question_edges)
        apart = square(n, np.array(unasked, dtype=np.int64).reshape(-1, 2).T, [True] * len(unasked)).astype(bool)

        def link(threshold: float, start: list[list[int]]) -> list[list[int]]:
            return dense_link(asked, threshold, cannot=apart, start=start)

    linked = link(QUESTION_THRESHOLD, answers)
    questions = _with_conflicts(linked, answers, pairs, relation, question_edges, edges, pinned)
    topics = link(TOPIC_THRESHOLD, questions) if with_topics else questions
    home = {i: a for a, group in enumerate(answers) for i in group}
    question_of = {i: q for q, group in enumerate(questions) for i in group}
    conflicts = {
        (min(home[i], home[j]), max(home[i], home[j]))
        for (i, j), rel in zip(pairs, relation, strict=True)
        if rel == "conflict" and home[i] != home[j] and question_of[i] == question_of[j]
    }
    answer_of_question = [sorted({home[i] for i in q}) for q in questions]
    question_of_topic = [sorted({question_of[i] for i in t}) for t in topics]
    return Alignment(answers, answer_of_question, question_of_topic, conflicts)


def _unasked(pairs: list[tuple[int, int]], relation: list[str], pinned: list[Facets]) -> list[tuple[int, int]]:
    """The pairs that may never share a question: measures only, of no dimension in common ("sold for $71.3m" /
    "bidding raged for 20 minutes"), two things whatever names both give."""
    measured = [dimensions(f.numbers) for f in pinned]
    return [
        (i, j)
        for (i, j), rel in zip(pairs, relation, strict=True)
        if rel == "apart" and measured_apart(measured[i], measured[j])
    ]


def _relations(items: list[ClaimText], pinned: list[Facets], ends: np.ndarray) -> list[str]:
    """How each pair's facets relate, compared once per pair of distinct statements (outlets repeat
    wire copy word for word, and :func:`summarizer.facets.compare` is symmetric)."""
    number: dict[tuple[str, str], int] = {}
    key = np.fromiter((number.setdefault((c.statement, c.published), len(number)) for c in items), dtype=np.int64)
    left, right = ends
    low, high = np.minimum(key[left], key[right]), np.maximum(key[left], key[right])
    _, first, inverse = np.unique(low * len(number) + high, return_index=True, return_inverse=True)
    known = [compare(pinned[i], pinned[j]) for i, j in zip(left[first].tolist(), right[first].tolist(), strict=True)]
    return [known[k] for k in inverse.reshape(-1).tolist()]


def _with_conflicts(
    questions: list[list[int]],
    answers: list[list[int]],
    pairs: list[tuple[int, int]],
    relation: Sequence[str],
    pair_edges: np.ndarray,  # each pair's question similarity, in the order of ``pairs``
    question_edges: dict[tuple[int, int], float],  # by pair, those at the topic threshold or above
    pinned: list[Facets],
) -> list[list[int]]:
    """Questions joined where two of their claims state opposite outcomes ("cancelled" / "scheduled", "ended" /
    "extended", a denial) or give two measures of one thing ("about 60mph" / "70 mph", "6.8" / "7.0" in magnitude,
    "9%" / "4%"), and are close enough to be asked together: incompatible answers belong to one question, however
    their other words differ. Two dates or two counts join questions only when the pair alone is close enough to be
    one question, or the counts count one thing in one word ("163 seats" / "158 seats"): two unrelated claims often
    give different counts of things, or different days. A toll or a turnout given two ways joins them at a looser
    threshold still, or at the topic one reached by another claim of either's answer ("twelve died" / "the toll has
    risen to 15", beside "at least 12")."""
    question_of = {i: q for q, group in enumerate(questions) for i in group}
    answer_of = {i: a for a, group in enumerate(answers) for i in group}
    near: dict[tuple[int, int], bool] = {}  # by pair of answers: a claim of one close to a claim of the other

    def answers_near(i: int, j: int) -> bool:
        key = (answer_of[i], answer_of[j])
        if key not in near:  # the first claims of each answer, against the other claim of the pair
            ends = [(k, j) for k in answers[key[0]][:_NEAR_MEMBERS]] + [(i, k) for k in answers[key[1]][:_NEAR_MEMBERS]]
            near[key] = any(question_edges.get((min(e), max(e)), 0.0) >= TOPIC_THRESHOLD for e in ends)
        return near[key]

    joined = Groups(len(questions))
    for k, ((i, j), rel) in enumerate(zip(pairs, relation, strict=True)):
        if rel != "conflict":
            continue
        edge, a, b = float(pair_edges[k]), pinned[i].numbers, pinned[j].numbers
        toll = one_figure_clash(a, b)
        if edge < (TOLL_THRESHOLD if toll else TOPIC_THRESHOLD) and not (toll and answers_near(i, j)):
            continue
        kind = conflict_kind(pinned[i], pinned[j])
        unit = clash(a, b) if kind == "numeric" else None
        if kind == "numeric" and toll:  # one toll given two ways: closer questions are not needed
            joined.join(question_of[i], question_of[j])
        elif edge < CONTRADICTION_THRESHOLD:
            continue
        elif kind == "contradiction" or (kind == "numeric" and unit not in ("n", "ord")):  # not two counts
            joined.join(question_of[i], question_of[j])
        elif kind == "date" or (unit == "n" and edge >= QUESTION_THRESHOLD):  # the pair alone is one question:
            joined.join(question_of[i], question_of[j])  # "died … on Sunday" / "… Saturday", "six Oscars" / "seven"
        elif unit == "n" and nouns_counted(pinned[i].text) & nouns_counted(pinned[j].text):
            joined.join(question_of[i], question_of[j])  # two counts of one thing: "163 seats" / "158 seats"
    merged: dict[int, list[int]] = {}
    for q, group in enumerate(questions):
        merged.setdefault(joined.root(q), []).extend(group)
    return [sorted(group) for group in merged.values()]


def _question_edges(
    items: list[ClaimText], cosine: np.ndarray, topic_cosine: np.ndarray, words: list[frozenset[str]], ends: np.ndarray
) -> np.ndarray:
    """Per pair of ``ends``, how close the two claims' questions are: their statements' and (when both
    have one) topics' cosines, and the rare words they have in common."""
    frequency = Counter(w for ws in words for w in ws)
    weight = {w: math.log((len(items) + 1) / count) for w, count in frequency.items()}
    left, right = ends
    topical = np.array([bool(c.topic) for c in items])
    meaning = np.where(topical[left] & topical[right], _mixed(cosine, topic_cosine, TOPIC_WEIGHT), cosine)
    shared = shared_share(words, ends, weight)
    return np.asarray(meaning + WORDS_WEIGHT * shared)


def _mixed(cosine: np.ndarray, topic_cosine: np.ndarray, weight: float) -> np.ndarray:
    """The statements' cosine mixed with the topics' (``weight`` of it): a pair's product of
    :func:`_mixed_rows`."""
    mixed: np.ndarray = (1 - weight) * cosine + weight * topic_cosine
    return mixed


@dataclass(frozen=True)
class MixedRows:
    """Rows whose dot products mix two claims' statements' cosine with their topics' (``weight`` of it):
    the statement and the topic side by side, weighted (``topics`` holds the statement of a claim with no
    topic: exact between two claims with topics, and between two without).

    Made only for the rows asked for, a slice at a time: the linkage reads each row once, into its
    clusters' sums, and all of them at once would be 250 MB at 120,000 claims, touched for the first
    time at every merge (``bench/README.md``)."""

    statements: Vectors
    topics: Vectors
    weight: float

    def __len__(self) -> int:
        return len(self.statements)

    def __getitem__(self, rows: Any) -> Vectors:
        picked = np.arange(*rows.indices(len(self))) if isinstance(rows, slice) else np.asarray(rows)
        width = self.statements.shape[1]
        mixed = np.empty((len(picked), 2 * width), dtype=np.float32)
        for k in range(0, len(picked), 4096):
            at, into = picked[k : k + 4096], mixed[k : k + 4096]
            np.multiply(self.statements[at], math.sqrt(1 - self.weight), out=into[:, :width])
            np.multiply(self.topics[at], np.float32(math.sqrt(self.weight)), out=into[:, width:])
        return mixed


def _mixed_rows(statements: Vectors, topics: Vectors | None, weight: float) -> Vectors | MixedRows:
    """The statements' rows, or :class:`MixedRows` of them and the topics when those count."""
    return statements if topics is None or not weight else MixedRows(statements, topics, weight)


def _pairs(items: list[ClaimText], vectors: Vectors, words: list[frozenset[str]]) -> np.ndarray:
    """The pairs of claims compared, as two rows (the earlier claims, the later ones): all of them up to
    EXACT_LIMIT claims, bounded candidates beyond (:mod:`summarizer.candidates`)."""
    n = len(items)
    if n <= EXACT_LIMIT:
        return np.stack(np.triu_indices(n, 1)).astype(np.int64)
    number: dict[str, int] = {}
    wording = [number.setdefault(c.statement, len(number)) for c in items]
    return candidate_pairs(words, wording, vectors, CANDIDATES)


def _meanings(embedder: Embedder, items: list[ClaimText]) -> Vectors:
    """Each claim's vector: its statement's, plus the sentence's it was taken from when that differs. The
    outlet's own words carry what a paraphrase leaves out ("The CEO set out the cuts in a note to staff"
    beside "...announced in an internal memo"); the two weigh the same (README.md, "Measured")."""
    statements = [c.statement for c in items]
    sentences = [c.sentence or c.statement for c in items]
    if sentences == statements:  # the extractive engine's claims are their sentences
        return embedded(embedder, statements)
    vectors, rows = distinct_embedded(embedder, statements + sentences)
    n = len(items)
    summed = np.empty((n, vectors.shape[1]), dtype=np.float32)
    for k in range(0, n, 4096):  # a slice at a time, in the cache
        end = min(k + 4096, n)
        np.add(vectors[rows[k:end]], vectors[rows[n + k : n + end]], out=summed[k:end])
    return normalised(summed, out=summed)


def _centred(vectors: Vectors | None, per_source: float) -> Vectors | None:
    """The vectors less the part every claim shares, renormalised (in place: they are the caller's own).

    What all the claims of one event share (its people, its place) says nothing about which of them
    say the same thing, and would make them all look close. A batch where each source gives one claim
    is one question answered several ways: there, what they share is the question, so nothing is
    taken away; with two claims or more per source, the batch's mean is taken away in full.
    """
    share = min(1.0, max(0.0, per_source - 1.0))
    if vectors is None or len(vectors) < 3 or share == 0.0:
        return vectors
    return normalised(vectors, less=share * vectors.mean(axis=0, keepdims=True), out=vectors)
