"""Merge: many grounded article reports into one event report.

Deterministic (no model calls, and nothing depends on the order of a ``set``, so not on PYTHONHASHSEED):

* **Facts** — claims of different sources saying the same thing are aligned by the overlap of their
  content words. A fact reported by at least half of the sources (and two or more) is *consensus*;
  the rest are *partial*.
* **Disagreements** — quotes of one speaker whose wording differs (``quote_wording``), and date
  mentions about the same happening that resolve to incompatible dates (``date``). Items linked by a
  similar pair form one group (union-find), so each quote or date is in at most one disagreement.
* **Entities** — spellings of one name ("Kim Jong-un", "Kim Jong Un", "Kim Jung Un") become one entity
  with aliases.

Why time grows linearly with the number of items, as the README promises: no step compares an item
with all the others. Each item looks its candidates up in an index, and the work per item is bounded:

* An inverted index maps a word to the items using it, but keeps only the first :data:`MAX_POSTING`
  of them. A word more items use ("putin" in most claims of a story) says little about which item is
  the same as this one, and walking its whole list would cost O(items) for every item; the earliest
  items, which later ones most often repeat, stay findable through it. Gathering candidates thus
  costs at most ``words × MAX_POSTING`` per item.
* Of the candidates, only the :data:`MAX_CANDIDATES` sharing most words are compared (the one sharing
  most is the match nine times in ten), and a claim only with the first :data:`MEMBERS_COMPARED`
  claims of a fact, the only ones indexed. A claim worded exactly like any claim of a fact is placed
  at once, and a statement met before is not split into words again: the larger the cluster, the
  more of its claims are repeats (wire copy), so these shortcuts pay most where the work is most.
* Union-find skips a candidate already in the item's group without comparing it, so a speaker quoted
  thousands of times costs thousands of comparisons, not millions.
* A spelling of a name is looked up once, by signatures that any two names :func:`same_name` matches
  share; the headline is scored against the :data:`HEADLINE_SAMPLE` most common wordings.
* Few objects are kept per item (tuples, strings, flat lists): the garbage collector's full passes
  scan every object, so keeping many would make them run more often over a large heap.

Small clusters (the bounds are not reached under a few dozen articles) are merged exactly as by
comparing every pair of candidates; beyond that, a late item whose words are all common may miss its
match and stay apart: agreement is understated, never invented.
"""

from __future__ import annotations

import re
import sys
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import chain
from operator import itemgetter

from rapidfuzz import fuzz, process

from summarizer.schemas import ArticleReport, Disagreement, Evidence, Fact, GroundedClaim, Side

# When two claims state one fact. Stricter than it could be:
# merging "the tours were cancelled" with "Kim is scheduled to tour" would hide a contradiction,
# while leaving two phrasings of one fact apart only understates agreement.
FACT_SIMILARITY = 0.70  # token_sort_ratio / 100
FACT_OVERLAP = 0.55  # or: share of the shorter claim's content words found in the other
QUOTE_SIMILARITY = 55.0  # below this, two quotes of one speaker are different remarks, not variants
EVENT_SIMILARITY = 80.0  # for two date mentions to be about the same happening
MAX_POSTING = 16  # items an index keeps per word: the first ones using it
MAX_CANDIDATES = 8  # items compared with each item: those sharing most words with it
MEMBERS_COMPARED = 4  # a claim is compared with at most this many claims of a candidate fact
HEADLINE_SAMPLE = 50  # wordings of the event each one is compared with: the most common ones
_ORDER_CUTOFF = FACT_SIMILARITY * 100 - 1e-6  # a shade low, for a quick test; the exact one follows

_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    "the a an and or but of to in on at for with by from as is are was were be been being has have had "
    "that this it its his her their they he she we you not no will would said says also after before "
    "into than then there which who whom what when where while about over more most other some such".split()
)


def content_words(text: str) -> list[str]:
    """Lower-case content words, crudely stemmed (first six letters), typographic marks folded."""
    folded = text.lower().replace("’", "'").replace("-", " ")
    return [w[:6] for w in _WORD.findall(folded) if w not in _STOP and len(w) > 1]


class _Index:
    """Word -> the first :data:`MAX_POSTING` items (by number) that use it."""

    def __init__(self) -> None:
        self.postings: dict[str, array[int]] = defaultdict(lambda: array("l"))

    def add(self, item: int, words: Iterable[str]) -> None:
        for w in words:
            posting = self.postings[w]
            if len(posting) < MAX_POSTING:
                posting.append(item)

    def top(self, words: Iterable[str], count: int) -> list[tuple[int, int]]:
        """(item, words shared) for the ``count`` items sharing most of ``words``; of equals, the first met.

        ``words`` must come in one order (sorted), so that equals are met in one order.
        """
        shared = Counter(chain.from_iterable(self.postings.get(w, ()) for w in words))
        return sorted(shared.items(), key=itemgetter(1), reverse=True)[:count]


class _Groups:
    """Union-find over items 0..n-1. A group's root is its first item."""

    def __init__(self, count: int) -> None:
        self.parent = list(range(count))

    def root(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        a, b = self.root(i), self.root(j)
        self.parent[max(a, b)] = min(a, b)

    def members(self) -> list[list[int]]:
        """The groups of two items or more, each in item order, in the order of their first items."""
        roots = [self.root(i) for i in range(len(self.parent))]
        size = Counter(roots)
        groups: dict[int, list[int]] = {}
        for i, r in enumerate(roots):
            if size[r] == 1:
                continue
            if r not in groups:
                groups[r] = []
            groups[r].append(i)
        return list(groups.values())


# --------------------------------------------------------------------------------------------------
# Facts
# --------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Fact:
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


def align_claims(reports: list[ArticleReport]) -> list[_Fact]:
    """Group claims that state the same fact, comparing each claim with a bounded set of candidates."""
    facts: list[_Fact] = []
    index = _Index()
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
                facts.append(_Fact())
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


def _same_fact(key: str, words: frozenset[str], source: str, candidates: list[int], facts: list[_Fact]) -> int | None:
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


def _as_fact(fact: _Fact) -> Fact:
    first = fact.claims[0]
    evidence = [claim.evidence for claim in fact.claims]  # one per source: a fact has one claim per source
    return Fact(statement=first.statement, topic=first.topic, sources=fact.sources, evidence=evidence)


# --------------------------------------------------------------------------------------------------
# Disagreements
# --------------------------------------------------------------------------------------------------


def quote_variants(reports: list[ArticleReport]) -> list[Disagreement]:
    """The same speaker quoted in different words by different sources."""
    sources, speakers, spans = [], [], []
    by_speaker: dict[str, list[int]] = defaultdict(list)
    for report in reports:
        for quote in report.quotes:
            by_speaker[_surname(quote.speaker)].append(len(spans))
            sources.append(report.source.id)
            speakers.append(quote.speaker)
            spans.append(quote.evidence)
    found = []
    for quoted in by_speaker.values():
        found += _variants([sources[i] for i in quoted], [speakers[i] for i in quoted], [spans[i] for i in quoted])
    return found


def _variants(sources: list[str], speakers: list[str], spans: list[Evidence]) -> list[Disagreement]:
    """Disagreements among the quotes of one speaker: one per group of wordings linked by similar pairs.

    A wording is one side: quotes worded alike never disagree with each other, and every source that
    used the wording is on its side. Two wordings are linked when different sources used them, they
    are similar, and neither is the other cut shorter.
    """
    number: dict[str, int] = {}  # folded text -> its wording's number, in order of first use
    texts: list[str] = []
    alone: list[str | None] = []  # per wording: its only source, or None when several sources used it
    wording: list[int] = []  # per quote
    for source, span in zip(sources, spans, strict=True):
        text = _fold(span.text)
        n = number.setdefault(text, len(texts))
        if n == len(texts):
            texts.append(text)
            alone.append(source)
        elif alone[n] != source:
            alone[n] = None
        wording.append(n)
    groups = _Groups(len(texts))
    index = _Index()
    for n, text in enumerate(texts):
        words = sorted(set(text.split()))
        for m, _ in index.top(words, MAX_CANDIDATES):
            if groups.root(m) == groups.root(n):
                continue  # already on one disagreement: no need to compare
            if alone[n] is not None and alone[n] == alone[m]:
                continue  # one source, worded two ways: not sources disagreeing
            if fuzz.token_set_ratio(text, texts[m], score_cutoff=QUOTE_SIMILARITY) and not _cut_from(text, texts[m]):
                groups.join(n, m)
        index.add(n, words)
    linked = groups.members()
    side_of: dict[int, Side] = {n: Side(answer="", sources=[], evidence=[]) for group in linked for n in group}
    first_quote: dict[int, int] = {}
    seen: set[tuple[int, str]] = set()
    for i, n in enumerate(wording):
        side = side_of.get(n)
        if side is None:
            continue
        if not side.evidence:
            side.answer = spans[i].text
            first_quote[n] = i
        if (n, sources[i]) not in seen:
            seen.add((n, sources[i]))
            side.sources.append(sources[i])
            side.evidence.append(spans[i])
    return [
        Disagreement(
            kind="quote_wording",
            question=f"What exactly did {speakers[first_quote[group[0]]]} say?",
            sides=[side_of[n] for n in group],
        )
        for group in linked
    ]


def date_mismatches(reports: list[ArticleReport]) -> list[Disagreement]:
    """Mentions of the same happening whose resolved dates cannot both be right."""
    sources = [r.source.id for r in reports for d in r.dates if d.resolved]
    dates = [d for r in reports for d in r.dates if d.resolved]
    words = [tuple(sorted(set(content_words(d.event)))) for d in dates]
    keys = [" ".join(w) for w in words]
    years = [int(d.resolved[:4]) for d in dates]
    groups = _Groups(len(dates))
    index = _Index()
    worded: dict[str, int] = {}  # key -> the first mention worded so
    for i in range(len(dates)):
        j = worded.setdefault(keys[i], i)
        if j != i and len(words[i]) > 1 and sources[j] != sources[i] and abs(years[i] - years[j]) <= 1:
            groups.join(i, j)  # worded alike: the same happening, and the index has the wording already
            continue
        for j, shared in index.top(words[i], MAX_CANDIDATES):
            if shared < 2:
                break  # the same happening shares two content words at least
            if sources[j] == sources[i] or abs(years[i] - years[j]) > 1:
                continue  # years apart: a past and a coming happening ("last visit" / "next visit")
            if groups.root(j) != groups.root(i) and fuzz.token_set_ratio(keys[i], keys[j], score_cutoff=EVENT_SIMILARITY):
                groups.join(i, j)
        index.add(i, words[i])
    found = []
    for group in groups.members():
        sides: dict[str, Side] = {}  # a date compatible with every mention on its side -> the side
        seen: set[tuple[str, str]] = set()
        for i in group:
            date = dates[i]
            key = next((k for k in sides if _compatible(k, date.resolved)), date.resolved)
            side = sides.setdefault(key, Side(answer=f"{date.text} ({date.resolved})", sources=[], evidence=[]))
            if (key, sources[i]) not in seen:
                seen.add((key, sources[i]))
                side.sources.append(sources[i])
                side.evidence.append(date.evidence)
        if len(sides) > 1:
            question = f"When: {dates[group[0]].event}?"
            found.append(Disagreement(kind="date", question=question, sides=list(sides.values())))
    return found


def _compatible(a: str, b: str) -> bool:
    """'2023-10' and '2023-10-14' can both be right; '2023-10' and '2023-09' cannot."""
    return a.startswith(b) or b.startswith(a)


# --------------------------------------------------------------------------------------------------
# Entities and the headline
# --------------------------------------------------------------------------------------------------


def canonical_entities(reports: list[ArticleReport]) -> None:
    """Give every spelling of one name the same canonical name and the list of its aliases (in place).

    A spelling joins the first group whose first spelling :func:`same_name` matches (of the same
    kind), or starts a group. Only groups sharing a signature with it can match; each distinct
    spelling is looked up once.
    """
    entities = [e for r in reports for e in r.entities]
    first: list[str] = []  # per group: its first spelling
    group_of: dict[str, int] = {}  # kind and spelling -> group
    by_signature: dict[str, tuple[int, ...]] = {}
    home: list[int] = []  # per entity: its group
    for entity in entities:
        spelling = f"{entity.kind}\n{entity.name}"
        group = group_of.get(spelling)
        if group is None:
            signatures = _signatures(entity.kind, entity.name)
            candidates = sorted({g for s in signatures for g in by_signature.get(s, ())})
            group = next((g for g in candidates if same_name(first[g], entity.name)), None)
            if group is None:
                group = len(first)
                first.append(entity.name)
                for s in signatures:
                    by_signature[s] = by_signature.get(s, ()) + (group,)
            group_of[spelling] = group
        home.append(group)
    mentions = Counter(zip(home, (e.name for e in entities)))  # (group, spelling) -> mentions, in order met
    canonical: dict[int, tuple[str, int]] = {}  # group -> its most used spelling (the first met of equals)
    for (group, name), count in mentions.items():
        if group not in canonical or count > canonical[group][1]:
            canonical[group] = (name, count)
    aliases: dict[int, list[str]] = {}  # groups of several spellings -> the others, sorted
    for group, name in sorted(mentions):
        if name != canonical[group][0]:
            aliases.setdefault(group, []).append(name)
    for entity, group in zip(entities, home, strict=True):  # most names have one spelling: left alone
        if entity.name != canonical[group][0]:
            entity.name = canonical[group][0]
        if entity.aliases != aliases.get(group, []):
            entity.aliases = list(aliases.get(group, []))


def _signatures(kind: str, name: str) -> list[str]:
    """Keys that any two names :func:`same_name` matches share: all the tokens, or all but the i-th."""
    tokens = _WORD.findall(name.lower())
    return [f"{kind}\n{' '.join(tokens)}"] + [
        f"{kind}\n{i}\n{' '.join(tokens[:i] + tokens[i + 1 :])}" for i in range(len(tokens))
    ]


def same_name(a: str, b: str) -> bool:
    """'Kim Jong-un' ~ 'Kim Jong Un' ~ 'Kim Jung Un', but not 'Kim Jong-dae'."""
    ta, tb = _WORD.findall(a.lower()), _WORD.findall(b.lower())
    if ta == tb:
        return True
    if len(ta) != len(tb) or not ta:
        return False
    scores = [fuzz.ratio(x, y) for x, y in zip(ta, tb, strict=True)]
    return min(scores) >= 70 and sum(s < 100 for s in scores) <= 1


def headline(reports: list[ArticleReport]) -> str:
    """The event as the most typical source describes it: closest to the most common wordings."""
    events = [r.event.statement for r in reports if r.event]
    if not events:
        return "No source described the event in a way that could be traced to its text."
    keys = [" ".join(content_words(e)) for e in events]
    typical = Counter(keys).most_common(HEADLINE_SAMPLE)
    score = {k: sum(n * fuzz.token_set_ratio(k, other) for other, n in typical) for k in dict.fromkeys(keys)}
    return max(zip(events, keys, strict=True), key=lambda ek: score[ek[1]])[0]


def merge(reports: list[ArticleReport]) -> tuple[str, list[Fact], list[Fact], list[Disagreement]]:
    """(event, consensus, partial, disagreements) for the reports of one event."""
    canonical_entities(reports)
    threshold = max(2, -(-len(reports) // 2))
    consensus, partial = [], []
    for fact in align_claims(reports):
        (consensus if len(fact.by_source) >= threshold else partial).append(_as_fact(fact))
    consensus.sort(key=lambda f: -len(f.sources))
    partial.sort(key=lambda f: -len(f.sources))
    disagreements = quote_variants(reports) + date_mismatches(reports)
    return headline(reports), consensus, partial, disagreements


def _cut_from(a: str, b: str) -> bool:
    """One quote is the other cut shorter, or differs only in small words ('had been in' / 'has been to')."""
    words_a, words_b = set(content_words(a)), set(content_words(b))
    return a in b or b in a or words_a <= words_b or words_b <= words_a


def _surname(speaker: str) -> str:
    words = _WORD.findall(speaker.lower())
    return words[-1] if words else speaker.lower()


def _fold(text: str) -> str:
    return " ".join(_WORD.findall(text.lower().replace("’", "'")))
