"""Events: a mixed feed of articles grouped into the events they tell, with no model call.

Each article is read where a story says what happened — its headline and lead (the first
:data:`LEAD_SENTENCES` sentences of its body) — and three things of it are compared:

* **Meaning.** The headline and lead embedded by the same offline model as the merge
  (:mod:`summarizer.embed`, WordLlama by default). Not centred on the feed's mean, as the merge
  centres claims: a feed of one event would then look like five unrelated stories. WordLlama's
  vectors of unrelated leads are already near orthogonal (cosine about 0 to 0.15 across the seeds
  and the test feed's events, 0.6 to 0.86 within one).
* **Names.** The proper names of the headline and lead (capitalized words that do not open a
  sentence, less titles, weekdays and months, and a wire dateline's place: "TARVIK, June 9 (Wirepress) -"),
  each word weighted by how rare it is in the feed: two stories that both
  name "Talca" and "Senapred" are far likelier one event than two that both name "Monday". spaCy's
  recogniser (:mod:`summarizer.entities`) is not used here: at about 7 ms a lead it would take 70 s
  for 10,000 articles, where this whole grouping takes a few seconds.
* **Dates.** The dated articles of one event span at most :data:`WINDOW_DAYS` days: two articles a
  month apart about "the summit" are two summits, however alike their words. An undated article
  joins whichever event its words fit.

A pair's similarity is its cosine plus :data:`NAME_WEIGHT` times the share of the rarer article's
name weight that the two have in common. Articles are then clustered by average link (the mean
similarity of every pair across two groups, an uncompared pair counting 0) while that mean is at
least :data:`THRESHOLD` (:data:`SMALL_THRESHOLD` in an input of at most :data:`SMALL_INPUT` articles, which is
likelier one event told by several outlets than a feed's articles are), never merging two groups whose dates
would span more than the window.

Work is linear in the number of articles. Up to :data:`EXACT_LIMIT` articles every pair is compared;
beyond, each article meets a bounded set of candidates: the articles sharing its rarest names (a
name in more than :data:`MAX_NAME_SHARE` of the feed, or in more than :data:`MAX_POSTING` articles, is
no event's own), and those in the same buckets of random hyperplanes over the vectors.

Every article lands in exactly one event, or among the unassigned with a reason (a text with nothing
to compare: no word the embedder knows and no name). A lone article is its own event, never folded
into a neighbour to look tidy.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain
from operator import itemgetter
from typing import TYPE_CHECKING

import numpy as np

from summarizer.candidates import hyperplane_keys
from summarizer.embed import normalised, pair_dots
from summarizer.groups import Groups, shared_share
from summarizer.linkage import average_link
from summarizer.metadata import WIRE_LEAD
from summarizer.names import TITLES, fold
from summarizer.text import MONTHS, STOPWORDS, WEEKDAYS, Document, is_prose

if TYPE_CHECKING:
    from summarizer.embed import Embedder, Vectors
    from summarizer.load import Article

LEAD_SENTENCES = 8  # sentences of the body read after the headline: a feature opening on a scene reaches the news
MIN_LEAD_WORDS = 6  # shorter lines (bylines, "Photo: …") are not the lead; nor are datelines (text.is_prose)
WINDOW_DAYS = 21  # the dated articles of one event span at most this many days
THRESHOLD = 0.55  # average similarity for articles to be one event
# a folder of a few articles is likelier one event than two articles of a feed are: its outlets' leads may be
# only 0.35 to 0.5 alike (a feature's scene, a tabloid naming no one) and still tell one event
SMALL_INPUT, SMALL_THRESHOLD = 12, 0.40
NAME_WEIGHT = 0.6  # weight of the share of rare names two articles have in common
NAME_FLOOR = math.log(2)  # the least weight of a name: one that every article of a folder gives still says "this event"
EXACT_LIMIT = 300  # up to this many articles every pair is compared
MAX_POSTING = 64  # a name in more articles than this is no event's own (beyond EXACT_LIMIT)
MAX_NAME_SHARE = 0.2  # nor one in more than this share of the feed
RARE_NAMES = 6  # beyond EXACT_LIMIT, the names of an article that find its candidates
CANDIDATES = 24  # beyond EXACT_LIMIT, articles compared with each article, at most
_PLANES, _TABLES, _BUCKET = 10, 6, 16  # random hyperplanes per table, tables, articles kept per bucket
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_OPENERS = frozenset('.!?:;"“‘(\n—–-|')
_NOT_NAMES = STOPWORDS | TITLES | frozenset([*WEEKDAYS, *MONTHS, "today", "yesterday"])
NOTHING_TO_COMPARE = "nothing to compare: no headline or lead words the embedder knows, and no names"


@dataclass
class Grouping:
    """Articles (by index into the caller's list) grouped into events."""

    events: list[list[int]]  # each event's articles, in the caller's order; singletons included
    unassigned: list[tuple[int, str]]  # articles in no event, with the reason


@dataclass
class _Features:
    vectors: Vectors  # centred unit vectors, one row per article
    names: list[frozenset[str]]  # folded name words of each headline and lead
    weight: dict[str, float]  # a name word's rarity: log(articles / articles naming it)
    dates: list[int | None]  # publication day (ordinal), if known


def lead(article: Article) -> str:
    """What the grouping reads of an article: its headline and the first sentences of its story."""
    doc: Document = article.document
    title = (article.info.title or "").strip()
    lines = [title] if title else []
    for sentence in doc.sentences:
        text = doc.sentence_text(sentence).strip()
        if len(lines) > LEAD_SENTENCES or (text == title and title):
            continue
        if is_prose(text, MIN_LEAD_WORDS):
            lines.append(text)
        if len(lines) > LEAD_SENTENCES:
            break
    return "\n".join(lines)


def group_articles(articles: Sequence[Article], *, embedder: Embedder | None = None) -> Grouping:
    """The events of ``articles`` (see the module docstring); no model is called."""
    if embedder is None:
        from summarizer.embed import WordLlama

        embedder = WordLlama()
    leads = [lead(a) for a in articles]
    raw = embedder.embed(leads) if leads else np.zeros((0, 1), dtype=np.float32)
    # a word some article writes in lower case is a common noun, even where a name holds it: "Storm" of
    # "Storm Idris" and of "Storm Ilse" says nothing of which storm
    common = frozenset().union(*(a.document.common_words for a in articles))
    names = [_names(text, a.document, common) for text, a in zip(leads, articles, strict=True)]
    empty = [i for i in range(len(articles)) if not names[i] and not np.any(raw[i])]
    kept = [i for i in range(len(articles)) if i not in set(empty)]
    features = _features([raw[i] for i in kept], [names[i] for i in kept], [articles[i].published for i in kept])
    clusters = _cluster(features)
    events = sorted(sorted(kept[i] for i in group) for group in clusters)
    return Grouping(events=events, unassigned=[(i, NOTHING_TO_COMPARE) for i in empty])


def _names(text: str, doc: Document | None = None, common: frozenset[str] = frozenset()) -> frozenset[str]:
    """The folded words of the proper names of ``text``: capitalized words that do not open a sentence,
    a line, a quote or a clause, less titles, weekdays and months (the rules of
    :func:`summarizer.names.name_runs`, cut down to what telling events apart needs: it costs a fifth).
    A word that opens one is a name too when its article (``doc``) writes it capitalized twice and never
    in lower case: a company's name opens its headline and its lead ("Corvane beats forecasts …").
    A word in ``common`` (written in lower case somewhere in the feed) is no name word."""
    found = {  # a wire dateline's place, in capitals at the start: "TARVIK, June 9 (Wirepress) -"
        key
        for line in WIRE_LEAD.finditer(text)
        for word in _WORD.findall(re.split(r"[,(]", line.group())[0])
        if len(key := fold(word)) > 2 and key not in _NOT_NAMES and key not in common
    }
    for match in _WORD.finditer(text):
        word = match.group()
        if not word[0].isupper():
            continue
        before = text[max(0, match.start() - 3) : match.start()].rstrip(" \t")
        opens = not before or (before[-1] in _OPENERS and not before.endswith(',"'))  # '…," Whitaker said'
        if opens and not (doc is not None and _named_in(word, doc)):
            continue  # "The", "Officials": capitalized only because they open a sentence
        for key in fold(word).split("-"):  # "Jong-un", "Antwerp-Bruges": each part a name word
            if len(key) > 2 and key not in _NOT_NAMES and key not in common:
                found.add(key)
    return frozenset(found)


def _named_in(word: str, doc: Document) -> bool:
    """``word`` is written capitalized at least twice in ``doc`` and never in lower case."""
    if word.lower() in doc.common_words or word.lower() in _NOT_NAMES:
        return False
    return len(re.findall(rf"\b{re.escape(word)}\b", doc.text)) >= 2


def _features(rows: list[Vectors], names: list[frozenset[str]], dates: list[dt.date | None]) -> _Features:
    n = len(rows)
    vectors = normalised(np.vstack(rows)) if rows else np.zeros((0, 1), dtype=np.float32)
    frequency = Counter(w for ws in names for w in ws)
    weight = {w: max(NAME_FLOOR, math.log((n + 1) / count)) for w, count in frequency.items()}
    return _Features(vectors, names, weight, [d.toordinal() if d else None for d in dates])


def _cluster(f: _Features) -> list[list[int]]:
    n = len(f.names)
    threshold = SMALL_THRESHOLD if n <= SMALL_INPUT else THRESHOLD
    pairs = _pairs(f)
    if not pairs:
        return [[i] for i in range(n)]
    left = np.fromiter((i for i, _ in pairs), dtype=np.int64, count=len(pairs))
    right = np.fromiter((j for _, j in pairs), dtype=np.int64, count=len(pairs))
    similarity = _similarities(f, np.vstack([left, right]))
    # Two clusters merge only when some pair across them reaches the threshold, so the clusters lie
    # inside the components of the pairs that do: each component is clustered alone (same result,
    # and the weak pairs between components never enter a heap).
    groups = Groups(n)
    for k in np.flatnonzero(similarity >= threshold).tolist():
        groups.join(pairs[k][0], pairs[k][1])
    root = np.array([groups.root(i) for i in range(n)], dtype=np.int64)
    members: dict[int, list[int]] = defaultdict(list)
    for i, r in enumerate(root.tolist()):
        members[r].append(i)
    inside = np.flatnonzero(root[left] == root[right])
    inside = inside[np.argsort(root[left[inside]], kind="stable")]  # each component's pairs together
    edges: dict[int, dict[tuple[int, int], float]] = defaultdict(dict)
    for k, r in zip(inside.tolist(), root[left[inside]].tolist(), strict=True):
        edges[r][pairs[k]] = float(similarity[k])
    clusters: list[list[int]] = []
    for r, items in members.items():
        if len(items) == 1:
            clusters.append(items)
            continue
        local = {item: k for k, item in enumerate(items)}
        pairs_here = {(local[i], local[j]): sim for (i, j), sim in edges[r].items()}
        found = average_link_dated(len(items), pairs_here, threshold, [f.dates[i] for i in items], WINDOW_DAYS)
        clusters += [[items[k] for k in group] for group in found]
    return clusters


def _similarities(f: _Features, ends: np.ndarray) -> np.ndarray:
    """Each pair's cosine plus NAME_WEIGHT times the share of the lighter article's name weight the two
    have in common (``ends``: the pairs' two rows of articles)."""
    similarity: np.ndarray = pair_dots(f.vectors, ends) + NAME_WEIGHT * shared_share(f.names, ends, f.weight)
    return similarity


def _pairs(f: _Features) -> list[tuple[int, int]]:
    """The pairs compared: all of them up to EXACT_LIMIT articles, bounded candidates beyond."""
    n = len(f.names)
    if n <= EXACT_LIMIT:
        return [(i, j) for i in range(n) for j in range(i + 1, n)]
    frequency = Counter(w for ws in f.names for w in ws)
    common = max(2, int(MAX_NAME_SHARE * n))
    postings: dict[str, list[int]] = defaultdict(list)
    for i, ws in enumerate(f.names):
        for w in ws:
            if frequency[w] <= min(MAX_POSTING, common):
                postings[w].append(i)
    tables = _buckets(f.vectors)
    found: set[tuple[int, int]] = set()
    for i, ws in enumerate(f.names):
        rare = sorted((w for w in ws if w in postings), key=lambda w: (frequency[w], w))[:RARE_NAMES]
        shared = Counter(sorted(chain.from_iterable(postings[w] for w in rare)))  # counted in article order
        shared.pop(i, None)
        # most names shared first, then the earlier article: a stable sort keeps the counter's order
        near = [j for j, _ in sorted(shared.items(), key=itemgetter(1), reverse=True)[: CANDIDATES // 2]]
        near += [j for table, key in tables for j in table[key[i]] if j != i][: CANDIDATES - len(near)]
        found.update((j, i) if j < i else (i, j) for j in near)
    return sorted(found)


def _buckets(vectors: Vectors) -> list[tuple[dict[int, list[int]], list[int]]]:
    """Per table of random hyperplanes (seeded), the articles of each bucket and each article's bucket."""
    found = []
    for keys in hyperplane_keys(vectors, _PLANES, _TABLES).tolist():
        table: dict[int, list[int]] = defaultdict(list)
        for i, key in enumerate(keys):
            if len(table[key]) < _BUCKET:
                table[key].append(i)
        found.append((table, keys))
    return found


def average_link_dated(
    n: int, edges: dict[tuple[int, int], float], threshold: float, dates: list[int | None], window: int
) -> list[list[int]]:
    """Average-link clustering (:func:`summarizer.align.average_link`) that never merges two clusters
    whose dates (days; None: undated) would then span more than ``window``: a month apart, two events,
    however alike."""

    def within(a: list[int], b: list[int]) -> bool:
        days = [day for i in a + b if (day := dates[i]) is not None]
        return not days or max(days) - min(days) <= window

    return average_link(n, edges, threshold, may_join=within)
