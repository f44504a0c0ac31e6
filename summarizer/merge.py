"""Merge: many grounded article reports into one event report.

Deterministic (no model calls, and nothing depends on the order of a ``set``, so not on PYTHONHASHSEED):

* **Facts** — claims of different sources saying the same thing are aligned by the overlap of their
  content words. A fact reported by at least half of the sources (and two or more) and contradicted
  by none is *consensus*; the rest are *partial*.
* **Disagreements** — what the judge found (:mod:`summarizer.judge`), then the deterministic
  comparisons of quotes and dates (:mod:`summarizer.compare`).
* **The headline** — the event as the most typical source describes it.

Time grows linearly with the number of claims: each claim is compared with at most
:data:`~summarizer.groups.MAX_CANDIDATES` candidate facts from a bounded index, and only with the first
:data:`MEMBERS_COMPARED` claims of each. A claim worded exactly like any claim of a fact is placed at
once, and a statement met before is not split into words again: the larger the cluster, the more of
its claims are repeats (wire copy), so these shortcuts pay most where the work is most. Few objects
are kept per claim (tuples, strings, flat lists): the garbage collector's full passes scan every
object, so keeping many would make them run more often over a large heap.

Small clusters (the bounds are not reached under a few dozen articles) are merged exactly as by
comparing every pair of candidates; beyond that, a late claim whose words are all common may miss its
match and stay apart: agreement is understated, never invented.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from summarizer.compare import canonical_entities, date_mismatches, quote_variants
from summarizer.groups import MAX_CANDIDATES, Index
from summarizer.schemas import ArticleReport, Disagreement, Fact, GroundedClaim
from summarizer.text import content_words

# When two claims state one fact. Stricter than it could be:
# merging "the tours were cancelled" with "Kim is scheduled to tour" would hide a contradiction,
# while leaving two phrasings of one fact apart only understates agreement.
FACT_SIMILARITY = 0.70  # token_sort_ratio / 100
FACT_OVERLAP = 0.55  # or: share of the shorter claim's content words found in the other
MEMBERS_COMPARED = 4  # a claim is compared with at most this many claims of a candidate fact
HEADLINE_SAMPLE = 50  # wordings of the event each one is compared with: the most common ones
_ORDER_CUTOFF = FACT_SIMILARITY * 100 - 1e-6  # a shade low, for a quick test; the exact one follows


# --------------------------------------------------------------------------------------------------
# Facts
# --------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Cluster:
    """Claims of different sources stating one fact."""

    claims: list[GroundedClaim] = field(default_factory=list)
    by_source: dict[str, None] = field(default_factory=dict)  # the claims' sources, in order: one claim each
    keys: tuple[str, ...] = ()  # of the first MEMBERS_COMPARED claims: their content words, sorted, joined
    key_words: tuple[tuple[str, ...], ...] = ()  # and not joined
    words: dict[str, None] = field(default_factory=dict)  # all those claims' content words
    shortest: int = 1 << 30  # fewest content words of one of those claims

    @property
    def sources(self) -> list[str]:
        return sorted(self.by_source)


def align_claims(reports: list[ArticleReport]) -> list[_Cluster]:
    """Group claims that state the same fact, comparing each claim with a bounded set of candidates."""
    facts: list[_Cluster] = []
    index = Index()
    worded: dict[str, tuple[int, ...]] = {}  # key -> the facts with a claim worded so
    split: dict[str, tuple[list[str], str]] = {}  # statement -> its content words, sorted, and their key
    for report in reports:
        source = report.source.id
        for claim in report.claims:
            words, key = split.get(claim.statement) or split.setdefault(claim.statement, _key(claim.statement))
            # worded like a claim of a fact: placed with the first such fact this source is not in yet
            best = next((f for f in worded.get(key, ()) if source not in facts[f].by_source), None) if key else None
            if best is None:
                candidates = [c for c, _ in index.top(words, MAX_CANDIDATES)]
                best = _same_fact(key, frozenset(words), source, candidates, facts)
            if best is None:
                best = len(facts)
                facts.append(_Cluster())
            fact = facts[best]
            if best not in worded.get(key, ()):
                worded[key] = worded.get(key, ()) + (best,)
            if len(fact.keys) < MEMBERS_COMPARED:
                index.add(best, (w for w in words if w not in fact.words))
                fact.words.update(dict.fromkeys(words))
                fact.keys += (key,)
                fact.key_words += (tuple(words),)
                fact.shortest = min(fact.shortest, len(words))
            fact.by_source[source] = None
            fact.claims.append(claim)
    return facts


def _key(statement: str) -> tuple[list[str], str]:
    words = sorted({sys.intern(w) for w in content_words(statement)})
    return words, " ".join(words)


def _same_fact(
    key: str, words: frozenset[str], source: str, candidates: list[int], facts: list[_Cluster]
) -> int | None:
    """The candidate fact the claim states, if any: the most similar, and of equals the first.

    Similarity to a fact: the best word order (ratio of the sorted words, i.e. token_sort_ratio) and the
    best word overlap with one of its claims compared. A fact's overlap is at most the share of the
    claim's words it has at all: tried in order of that bound, the search stops when no candidate left
    can beat the best (order is at most 1), and one whose bound is below FACT_OVERLAP can only qualify
    by order, which a quick test with a cutoff rules out.
    """
    bounded = []
    for rank, candidate in enumerate(candidates):
        fact = facts[candidate]
        if source not in fact.by_source:  # one claim per source and fact: two claims of one article are two
            bound = len(fact.words.keys() & words) / max(1, min(len(words), fact.shortest))
            bounded.append((-bound, rank, candidate))
    bounded.sort()
    best, best_key = None, (0.0, 0)
    for minus_bound, rank, candidate in bounded:
        if 1.0 - minus_bound < best_key[0]:
            break
        fact = facts[candidate]
        if -minus_bound < FACT_OVERLAP and not process.extractOne(
            key, fact.keys, scorer=fuzz.ratio, score_cutoff=_ORDER_CUTOFF
        ):
            continue
        order = process.extractOne(key, fact.keys, scorer=fuzz.ratio)[1] / 100
        overlap = max(len(words.intersection(k)) / max(1, min(len(words), len(k))) for k in fact.key_words)
        if (order >= FACT_SIMILARITY or overlap >= FACT_OVERLAP) and (order + overlap, -rank) > best_key:
            best, best_key = candidate, (order + overlap, -rank)
    return best


def _as_fact(fact: _Cluster) -> Fact:
    first = fact.claims[0]
    evidence = [claim.evidence for claim in fact.claims]  # one per source: a fact has one claim per source
    return Fact(statement=first.statement, topic=first.topic, sources=fact.sources, evidence=evidence)


def headline(reports: list[ArticleReport]) -> str:
    """The event as the most typical source describes it: closest to the most common wordings."""
    events = [r.event.statement for r in reports if r.event]
    if not events:
        return "No source described the event in a way that could be traced to its text."
    keys = [" ".join(content_words(e)) for e in events]
    typical = Counter(keys).most_common(HEADLINE_SAMPLE)
    score = {k: sum(n * fuzz.token_set_ratio(k, other) for other, n in typical) for k in dict.fromkeys(keys)}
    return max(zip(events, keys, strict=True), key=lambda ek: score[ek[1]])[0]


@dataclass
class Merged:
    """What the sources of one event say together."""

    event: str
    consensus: list[Fact]
    partial: list[Fact]
    disagreements: list[Disagreement]


def merge(reports: list[ArticleReport], judged: Iterable[Disagreement] = ()) -> Merged:
    """The merged view of the reports of one event.

    ``judged`` are the disagreements the judge found among the claims (:mod:`summarizer.judge`): they
    come first, and a fact that is one side of one of them is not consensus.
    """
    canonical_entities(reports)
    threshold = max(2, -(-len(reports) // 2))
    consensus: list[Fact] = []
    partial: list[Fact] = []
    for fact in align_claims(reports):
        (consensus if len(fact.by_source) >= threshold else partial).append(_as_fact(fact))
    consensus.sort(key=lambda f: -len(f.sources))
    partial.sort(key=lambda f: -len(f.sources))
    judged = list(judged)
    disputed = [f for f in consensus if any(_on_a_side(f, d) for d in judged)]
    consensus = [f for f in consensus if f not in disputed]
    disagreements = judged + quote_variants(reports) + date_mismatches(reports)
    return Merged(headline(reports), consensus, disputed + partial, disagreements)


def _on_a_side(fact: Fact, disagreement: Disagreement) -> bool:
    """The fact is one side of the dispute: its evidence is on a side, and no other side's source reports it."""
    for side in disagreement.sides:
        if any(e in side.evidence for e in fact.evidence):
            others = {s for other in disagreement.sides if other is not side for s in other.sources}
            return not others & set(fact.sources)
    return False
