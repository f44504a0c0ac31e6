"""Candidates: the pairs of claims a large event compares, a bounded number per claim.

Each claim is compared with claims before it (in the canonical order), a bounded number of them:

* half of them **sharing most content words** with it. Each word indexes the first
  :data:`~summarizer.groups.MAX_POSTING` claims that use it (a word most claims use says little
  about which are the same, and walking all of them would cost O(claims) per claim); of claims
  sharing as many words, the first met walking the claim's words in sorted order;
* half of them **in the same bucket of random hyperplanes** over the vectors, in each of
  :data:`TABLES` tables, a bucket keeping its first :data:`BUCKET` claims.

Of claims worded alike, one is taken in each half: copies of one wording (wire copy) would take every
place, and the merge finds each claim's copies by their wording anyway.

Both halves are computed for all claims at once, as arrays: the pairs are those of looking each claim
up in an index built as it goes (the claims it holds by then are the earlier ones), in the same order.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

import numpy as np

from summarizer.groups import MAX_POSTING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from summarizer.embed import Vectors

PLANES, TABLES, BUCKET = 12, 4, 16  # random hyperplanes per table, tables, claims kept per bucket
_SLICE = 4096  # claims whose candidates by words are found together


def candidate_pairs(
    words: Sequence[frozenset[str]], wording: Sequence[int], vectors: Vectors, count: int
) -> np.ndarray:
    """The pairs (earlier, later) compared: for each claim, in order, its ``count`` candidates, as two
    rows (the earlier claims, the later ones).

    ``words`` are each claim's content words, ``wording`` a number per distinct statement, ``vectors``
    each claim's unit vector. While a claim has no more claims before it than ``count``, all of them.
    """
    n = len(words)
    if not n:
        return np.empty((2, 0), dtype=np.int64)
    wordings = np.asarray(wording, dtype=np.int64)
    later, earlier, rank = _word_candidates(words, count)
    by_words = _first_wordings(later, earlier, rank, wordings, count // 2)
    later, earlier, rank = _bucket_candidates(hyperplane_keys(vectors, PLANES, TABLES), BUCKET, wordings, count // 2)
    by_buckets = later, earlier, rank + count  # ranked after the words' half
    rows = [tuple(part[half[0] > count] for part in half) for half in (by_words, by_buckets)]
    first = np.arange(min(n, count + 1))  # claims with no more claims before them than ``count``: all
    before = np.concatenate([np.arange(i) for i in first])
    rows.append((np.repeat(first, first), before, before))
    later, earlier, rank = (np.concatenate(parts) for parts in zip(*rows, strict=True))
    order = np.lexsort((rank, later))
    later, earlier = later[order], earlier[order]
    _, first_seen = np.unique(later * n + earlier, return_index=True)  # a claim met in both halves: once
    kept = np.sort(first_seen)
    return np.stack((earlier[kept], later[kept]))


def hyperplane_keys(vectors: Vectors, planes: int, tables: int) -> np.ndarray:
    """Each row's bucket in each of ``tables`` tables of ``planes`` random hyperplanes (seeded: every
    run draws the same), as a (tables, rows) array."""
    rng = np.random.default_rng(0)
    powers = 1 << np.arange(planes, dtype=np.int64)
    keys = np.empty((tables, len(vectors)), dtype=np.int64)
    for t in range(tables):
        normals = rng.standard_normal((vectors.shape[1], planes)).astype(np.float32)
        keys[t] = (vectors @ normals > 0).astype(np.int64) @ powers
    return keys


def _word_candidates(words: Sequence[frozenset[str]], count: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per claim, the ``count`` earlier claims sharing most words with it among the first
    ``MAX_POSTING`` users of each word (of equals, the first met), as rows (claim, candidate, rank)."""
    n = len(words)
    vocabulary = {w: k for k, w in enumerate(sorted(set().union(*words)))}  # a word's number: its rank
    sizes = np.fromiter(map(len, words), dtype=np.int64, count=n)
    user = np.repeat(np.arange(n), sizes)
    used = np.fromiter((vocabulary[w] for ws in words for w in ws), dtype=np.int64, count=len(user))
    in_order = np.lexsort((used, user))  # each claim's words in sorted order, as the index walks them
    used = used[in_order]
    postings = _firsts(used, user, len(vocabulary), MAX_POSTING)
    parts = [_sharing_most(postings[used[rows]], user[rows], n, count) for rows in _slices(user)]
    later, earlier, rank = (np.concatenate(part) for part in zip(*(parts or [(user, user, user)]), strict=True))
    return later, earlier, rank


def _sharing_most(found: np.ndarray, user: np.ndarray, n: int, count: int) -> tuple[np.ndarray, ...]:
    """Of claims ``user`` (one row per word a claim uses, ``found``: the word's posting), the ``count``
    earlier claims sharing most words with each, as rows (claim, candidate, rank)."""
    met = found < user[:, None]  # the claims before the claim
    later, earlier = np.broadcast_to(user[:, None], found.shape)[met], found[met].astype(np.int64)
    if not len(later):
        return later, earlier, earlier
    # how many words each (claim, candidate) shares, and where it was first met
    pair, first, shared = np.unique(later * n + earlier, return_index=True, return_counts=True)
    later, earlier = pair // n, pair % n
    order = np.lexsort((first, -shared, later))
    return _top(later[order], earlier[order], count)


def _bucket_candidates(
    keys: np.ndarray, bucket: int, wording: np.ndarray, count: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per claim, of the earlier claims among the first ``bucket`` of its bucket, table after table, the
    first ``count`` of wordings not met before (:func:`_first_wordings`), as rows (claim, candidate, rank).

    A slice of claims at a time: all the claims' rows before that choice are hundreds of megabytes for a
    large event, touched for the first time at every merge."""
    tables, n = keys.shape
    held = []
    for t in range(tables):
        distinct, bucket_of = np.unique(keys[t], return_inverse=True)
        bucket_of = bucket_of.reshape(-1)
        held.append(_firsts(bucket_of, np.arange(n), len(distinct), bucket)[bucket_of])
    every = np.concatenate(held, axis=1)
    parts = []
    for start in range(0, n, _SLICE):
        found, claims = every[start : start + _SLICE], np.arange(start, min(n, start + _SLICE))
        met = found < claims[:, None]
        later = np.broadcast_to(claims[:, None], found.shape)[met]
        rank = np.broadcast_to(np.arange(found.shape[1]), found.shape)[met]
        parts.append(_first_wordings(later, found[met].astype(np.int64), rank, wording, count))
    later, earlier, rank = (np.concatenate(part) for part in zip(*parts, strict=True))
    return later, earlier, rank


def _firsts(values: np.ndarray, owners: np.ndarray, size: int, limit: int) -> np.ndarray:
    """Per value 0..size-1, the first ``limit`` owners holding it, in the order given, as a row padded
    with a number above every owner."""
    order = np.argsort(values, kind="stable")
    values, owners = values[order], owners[order]
    place = np.arange(len(values)) - np.searchsorted(values, values)  # among the owners of one value
    table = np.full((size, limit), np.iinfo(np.int32).max, dtype=np.int32)
    kept = place < limit
    table[values[kept], place[kept]] = owners[kept]
    return table


def _top(later: np.ndarray, earlier: np.ndarray, count: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The first ``count`` rows of each claim (rows grouped by claim), with their rank."""
    rank = _rank_within(later)
    kept = rank < count
    return later[kept], earlier[kept], rank[kept]


def _rank_within(later: np.ndarray) -> np.ndarray:
    """Each row's place among the rows of its claim (rows grouped by claim)."""
    starts = np.flatnonzero(np.r_[True, later[1:] != later[:-1]])
    return np.arange(len(later)) - np.repeat(starts, np.diff(np.r_[starts, len(later)]))


def _first_wordings(
    later: np.ndarray, earlier: np.ndarray, rank: np.ndarray, wording: np.ndarray, count: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Of each claim's rows (grouped by claim, in rank order), the first ``count`` whose candidate has a
    wording not met before among them."""
    kept = [rows.start + _new_wordings(later[rows], earlier[rows], wording, count) for rows in _slices(later)]
    chosen = np.concatenate(kept) if kept else np.zeros(0, dtype=np.int64)
    return later[chosen], earlier[chosen], rank[chosen]


def _new_wordings(later: np.ndarray, earlier: np.ndarray, wording: np.ndarray, count: int) -> np.ndarray:
    """:func:`_first_wordings` of a slice of claims, as the rows kept."""
    _, first = np.unique(later * (int(wording.max()) + 1) + wording[earlier], return_index=True)
    first.sort()  # each claim's first row of each wording, in rank order
    kept: np.ndarray = first[_rank_within(later[first]) < count]
    return kept


def _slices(claims: np.ndarray) -> list[slice]:
    """The rows of claims (rows grouped by claim, claims in order) in slices of :data:`_SLICE` claims:
    what is found claim by claim is found a slice at a time, whose arrays stay in the processor's cache
    (a large event's do not)."""
    if not len(claims):
        return []
    cuts = np.searchsorted(claims, np.arange(0, int(claims[-1]) + _SLICE + 1, _SLICE)).tolist()
    return [slice(a, b) for a, b in pairwise(cuts) if b > a]
