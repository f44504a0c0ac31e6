"""Bounded candidate search and union-find: what keeps every comparison across sources linear.

No step of the merge compares an item with all the others. Each item looks its candidates up in an
:class:`Index`, and the work per item is bounded:

* The inverted index maps a word to the items using it, but keeps only the first :data:`MAX_POSTING`
  of them. A word more items use ("putin" in most claims of a story) says little about which item is
  the same as this one, and walking its whole list would cost O(items) for every item; the earliest
  items, which later ones most often repeat, stay findable through it. Gathering candidates thus
  costs at most ``words × MAX_POSTING`` per item, and callers compare only the :data:`MAX_CANDIDATES`
  sharing most words.
* :func:`shared_weights` says what the candidate pairs have in common (words, names, pins) for all of
  them at once, as arrays; :func:`shared_share`, as a share of the lighter set of each pair.
* :class:`Groups` (union-find) lets a caller skip a candidate already in the item's group without
  comparing it, so a speaker quoted thousands of times costs thousands of comparisons, not millions.
"""

from __future__ import annotations

from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from itertools import chain
from operator import itemgetter

import numpy as np

MAX_POSTING = 16  # items an index keeps per word: the first ones using it
MAX_CANDIDATES = 8  # items compared with each item: those sharing most words with it


class Index:
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


class Groups:
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


def shared_weights(
    sets: Sequence[frozenset[str]], ends: np.ndarray, weight: Mapping[str, float] | None = None
) -> np.ndarray:
    """Per pair of ``ends`` (two rows of indices into ``sets``), the summed ``weight`` of the elements
    both sets hold; without weights, how many they have in common.

    As arrays, not a set intersection per pair: every element of each pair's first set is looked up
    among the sorted (set, element) codes of all the sets.
    """
    left, right = ends
    ids: dict[str, int] = {}
    codes = np.fromiter((ids.setdefault(e, len(ids)) for s in sets for e in s), dtype=np.int64)
    if not len(codes) or not len(left):
        return np.zeros(len(left))
    sizes = np.fromiter(map(len, sets), dtype=np.int64, count=len(sets))
    starts = np.cumsum(sizes) - sizes  # where each set's codes begin
    held = np.sort(np.repeat(np.arange(len(sets)), sizes) * len(ids) + codes)
    weights = None if weight is None else np.array([weight[e] for e in ids])
    shared = np.zeros(len(left))
    for start in range(0, len(left), 32768):  # a slice of pairs at a time: its rows stay in the cache
        first, second = left[start : start + 32768], right[start : start + 32768]
        counts = sizes[first]
        pair = np.repeat(np.arange(len(first)), counts)  # one row per element of each pair's first set
        element = codes[np.arange(len(pair)) + np.repeat(starts[first] - (np.cumsum(counts) - counts), counts)]
        wanted = second[pair] * len(ids) + element
        found = held[np.minimum(np.searchsorted(held, wanted), len(held) - 1)] == wanted
        values = None if weights is None else weights[element[found]]
        shared[start : start + len(first)] = np.bincount(pair[found], weights=values, minlength=len(first))
    return shared


def shared_share(sets: Sequence[frozenset[str]], ends: np.ndarray, weight: Mapping[str, float]) -> np.ndarray:
    """Per pair of ``ends``, the share of the lighter set's ``weight`` that both sets hold (0 when the
    lighter one weighs nothing)."""
    left, right = ends
    total = np.array([sum(map(weight.__getitem__, s)) for s in sets], dtype=float)
    lighter = np.minimum(total[left], total[right])
    shared = shared_weights(sets, ends, weight)
    share: np.ndarray = np.divide(shared, lighter, out=np.zeros_like(shared), where=lighter > 0)
    return share
