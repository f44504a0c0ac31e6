"""Average-link clustering over vectors, where every pair counts and sparse candidates let clusters merge.

A pair's similarity is the dot product of its two rows, so two clusters' summed similarity is one
product of their summed rows: an answer thousands of sources give stays whole though each claim was
compared with a dozen others only. The merges are those of :func:`summarizer.linkage.average_link`
over every pair, merging along the candidates only.
"""

from __future__ import annotations

import heapq
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from summarizer.linkage import clusters_from, fold_sums, fold_vetoes, in_order, pair_sums, vetoes_of

if TYPE_CHECKING:
    from summarizer.embed import Rows

# :func:`vector_link`: a cluster with this many neighbours keeps bounds on its averages with them
# between its merges, computing the _FIRST highest first; SLACK covers the float32 sums' rounding; a
# cluster's best of _FEW neighbours or fewer is read one by one, as Python numbers
CACHED_FROM, SLACK, _FIRST, _FEW = 256, 1e-4, 16, 32


def vector_link(
    vectors: Rows,
    candidates: Collection[tuple[int, int]],
    threshold: float,
    *,
    bonus: Mapping[tuple[int, int], float] | None = None,
    cannot: Collection[tuple[int, int]] = (),
    start: list[list[int]] | None = None,
) -> list[list[int]]:
    """Average-link clustering of the rows of ``vectors`` where every pair counts.

    A pair's similarity is the dot product of its two rows, plus its ``bonus`` if it has one; two
    clusters' similarity is the mean over all their cross pairs, which the clusters' summed rows give
    in one product. Two clusters may merge only when a pair across them is in ``candidates`` and none
    is in ``cannot``; the most similar such two merge while their similarity is at least ``threshold``.
    ``start`` gives initial clusters. The result is that of merging the most similar two at every
    step (ties to the smallest cluster ids); clusters are returned sorted, in the order of their
    first items.

    Each merge computes the merged cluster's similarity with each of its neighbours (one product
    each), or, for a cluster of many neighbours, with those that bounds say may be its best
    (:meth:`_Clusters._best_cached`): else an answer thousands of sources give would compute its
    thousands of neighbours again at each of its thousands of merges. A cluster whose best neighbour
    has merged keeps its old entry in the queue, still a bound on its pairs with the clusters that
    have not changed (the merged cluster's pairs are in the merged cluster's own entry), and is
    computed again only when that entry comes first.
    """
    clusters = _Clusters(vectors, candidates, bonus or {}, cannot, threshold, start)
    heap = clusters.first_bests()
    heapq.heapify(heap)
    version = clusters.version
    while heap:
        minus, a, b, va, vb = heapq.heappop(heap)
        if version[a] != va:
            continue  # ``a`` has merged since: the merged cluster has its own entry
        if -minus < threshold:
            break
        if version[b] == vb:  # neither has changed: the bound is exact, and the best of all
            a = clusters.merge(a, b)
        found = clusters.best(a)
        if found is not None:
            heapq.heappush(heap, (-found[0], a, found[1], version[a], version[found[1]]))
    return clusters.groups()


@dataclass
class _Bounds:
    """A cluster's neighbours when last counted, with each one's gap (:meth:`_Clusters._best_cached`),
    the neighbours it has gained since, those whose summed bonus with it has changed since, and the
    vetoes already applied to the gaps."""

    ids: Any
    gap: Any
    gained: set[int] = field(default_factory=set)
    rebonused: set[int] = field(default_factory=set)
    vetoed: set[int] = field(default_factory=set)


class _Clusters:
    """The state of :func:`vector_link`: members, summed rows, neighbours, bonuses and vetoes."""

    def __init__(
        self,
        vectors: Rows,
        candidates: Collection[tuple[int, int]],
        bonus: Mapping[tuple[int, int], float],
        cannot: Collection[tuple[int, int]],
        threshold: float,
        start: list[list[int]] | None,
    ):
        self.threshold = threshold
        self.members, cluster_of = clusters_from(len(vectors), start)
        n = len(self.members)
        # each cluster's first row, then its second, third… added, one rank of every cluster at a time:
        # the sums np.add.at would give in the members' order, without its cost per row
        self.summed = vectors[[group[0] for group in self.members]].astype(np.float32, copy=False)
        ceiling = float(np.einsum("ij,ij->i", self.summed, self.summed).max(initial=0.0))  # each row read once
        rank, longer = 1, [c for c, group in enumerate(self.members) if len(group) > 1]
        while longer:
            more = vectors[[self.members[c][rank] for c in longer]]
            ceiling = max(ceiling, float(np.einsum("ij,ij->i", more, more).max()))
            self.summed[longer] += more
            rank += 1
            longer = [c for c in longer if len(self.members[c]) > rank]
        self.size = np.array([len(g) for g in self.members], dtype=np.float64)
        self.version = [0] * n  # bumped at each merge; -1 once a cluster is gone
        self.near: list[set[int]] = [set() for _ in range(n)]
        for i, j in candidates:
            a, b = cluster_of[i], cluster_of[j]
            if a != b:
                self.near[a].add(b)
                self.near[b].add(a)
        self.extra = pair_sums(((pair, value) for pair, value in bonus.items() if value), cluster_of, n)
        self.blocked = vetoes_of(cannot, cluster_of)
        self.gone = np.zeros(n, dtype=bool)  # for :meth:`_best_cached`, with the ceiling and the bounds
        self.ceiling = ceiling  # of a pair's product; bonuses are exact in the sums, and a change to one recounts
        self.bounds: dict[int, _Bounds] = {}

    def first_bests(self) -> list[tuple[float, int, int, int, int]]:
        """Each cluster's best neighbour at or above the threshold, as queue entries, all in one pass."""
        pairs = [(a, b) for a, near in enumerate(self.near) for b in near if a < b and b not in self.blocked.get(a, ())]
        if not pairs:
            return []
        left = np.array([a for a, _ in pairs], dtype=np.int64)
        right = np.array([b for _, b in pairs], dtype=np.int64)
        score = np.concatenate(
            [  # in slices: two rows a pair for a million pairs is a lot of memory
                np.einsum("ij,ij->i", self.summed[left[k : k + 4096]], self.summed[right[k : k + 4096]])
                for k in range(0, len(pairs), 4096)
            ]
        ).astype(np.float64)
        if any(self.extra):  # few clusters have bonuses: looked up for their pairs only
            with_bonus = np.flatnonzero(np.fromiter(map(bool, self.extra), dtype=bool, count=len(self.extra))[left])
            score[with_bonus] += [self.extra[a].get(b, 0.0) for a, b in (pairs[k] for k in with_bonus.tolist())]
        score /= self.size[left] * self.size[right]
        item, other, score = np.r_[left, right], np.r_[right, left], np.r_[score, score]
        order = np.lexsort((other, -score, item))  # per cluster: best first, then the smallest id
        item, other, score = item[order], other[order], score[order]
        first = np.r_[True, item[1:] != item[:-1]] & (score >= self.threshold)
        found = zip(score[first].tolist(), item[first].tolist(), other[first].tolist(), strict=True)
        return [(-s, a, b, 0, 0) for s, a, b in found]

    def best(self, a: int) -> tuple[float, int] | None:
        """The most similar cluster ``a`` may merge with, if at or above the threshold, and how similar."""
        if a in self.bounds:
            return self._best_cached(a)
        vetoed = self.blocked.get(a)
        others = np.fromiter(self.near[a] - vetoed if vetoed else self.near[a], dtype=np.int64)
        if len(others) < CACHED_FROM:
            return self._pick(others, self._averages(a, others))
        kept = self.bounds[a] = _Bounds(others, np.empty(len(others)), vetoed=set(vetoed or ()))
        return self._pick(others, self._retaken(a, kept, slice(None)))

    def _pick(self, others: Any, average: Any) -> tuple[float, int] | None:
        """The best of ``others`` by ``average`` (of equals, the smallest id), if at or above the threshold."""
        if len(others) <= _FEW:  # as Python numbers: faster than three array operations
            values = average.tolist()
            top = max(values, default=float("-inf"))
            if top < self.threshold:
                return None
            ids = others.tolist()
            if values.count(top) == 1:  # as a rule: found by two loops in C
                return top, ids[values.index(top)]
            return top, min(c for c, value in zip(ids, values, strict=True) if value == top)
        top = average.max()
        if top < self.threshold:
            return None
        return float(top), int(others[average == top].min())

    def _averages(self, a: int, others: Any) -> Any:
        """The average similarity of ``a`` with each of ``others``, over all their cross pairs."""
        return self._totals(a, others) / (self.size[others] * self.size[a])

    def _totals(self, a: int, others: Any) -> Any:
        """Summed similarity over all cross pairs of ``a`` and each of ``others``."""
        total = (self.summed[others] @ self.summed[a]).astype(np.float64)
        if self.extra[a]:
            extra = self.extra[a].get
            total += np.fromiter((extra(c, 0.0) for c in others.tolist()), dtype=np.float64, count=len(others))
        return total

    def _best_cached(self, a: int) -> tuple[float, int] | None:
        """:meth:`best` for a cluster of many neighbours, from bounds on its averages with them.

        Every pair of items' product is at most :attr:`ceiling`. So if ``a`` had ``n0`` items and a
        neighbour ``m0`` when their average was taken, their average now that they have ``n`` and
        ``m`` is at most ``ceiling - gap / (n * m)``, where the *gap* ``(ceiling - average) * n0 * m0``
        is kept per neighbour, while the two clusters' summed bonus is as it was (a neighbour whose
        bonus has changed is computed again). The neighbours new since and those of the highest bounds
        are computed first; then those whose bound still reaches the best found. A neighbour far below is taken
        again once the two have grown by a share, not at every merge of either."""
        size, vetoed, kept = self.size[a], self.blocked.get(a), self.bounds[a]
        taken = max(_FIRST, len(kept.gained) + len(kept.rebonused))  # those of bound +inf first
        if kept.gained:
            new = np.fromiter(kept.gained, dtype=np.int64)
            kept.gained = set()
            kept.ids, kept.gap = np.concatenate((kept.ids, new)), np.concatenate((kept.gap, np.full(len(new), -np.inf)))
        ids, gap = kept.ids, kept.gap
        if kept.rebonused and (recount := kept.rebonused - vetoed if vetoed else kept.rebonused):
            gap[np.isin(ids, np.fromiter(recount, dtype=np.int64))] = -np.inf
        kept.rebonused = set()
        gap[self.gone[ids]] = np.inf  # never again
        if vetoed and (since := vetoed - kept.vetoed):  # from ``a``'s merges or its neighbours'
            gap[np.isin(ids, np.fromiter(since, dtype=np.int64))] = np.inf
            kept.vetoed |= since
        bound = (self.ceiling + SLACK) - gap / (size * self.size[ids])
        first = np.argpartition(bound, -taken)[-taken:] if len(ids) > taken else np.arange(len(ids))
        first = first[bound[first] > -np.inf]
        found = self._pick(ids[first], self._retaken(a, kept, first))
        floor = self.threshold if found is None else max(self.threshold, found[0])
        bound[first] = -np.inf
        rest = np.flatnonzero(bound >= floor)
        if len(rest):
            better = self._pick(ids[rest], self._retaken(a, kept, rest))
            if better is not None and (found is None or (better[0], -better[1]) > (found[0], -found[1])):
                found = better
        if len(ids) > 2 * len(self.near[a]):  # mostly gone: dropped
            kept.ids, kept.gap = ids[gap < np.inf], gap[gap < np.inf]
        return found

    def _retaken(self, a: int, kept: _Bounds, where: Any) -> Any:
        """The averages of ``a`` with ``kept.ids[where]``, their gaps set from them."""
        ids = kept.ids[where]
        average = self._averages(a, ids)
        kept.gap[where] = (self.ceiling - average) * self.size[a] * self.size[ids]
        return average

    def merge(self, a: int, b: int) -> int:
        """Fold the smaller of ``a`` and ``b`` into the other; returns the cluster kept."""
        if (self.size[b], -b) > (self.size[a], -a):
            a, b = b, a
        self.members[a] += self.members[b]
        self.members[b] = []
        self.summed[a] += self.summed[b]
        self.size[a] += self.size[b]
        self.bounds.pop(b, None)
        bounds, bounds_a = self.bounds, self.bounds.get(a)  # the neighbours gained by clusters with bounds
        near, near_a, near_b = self.near, self.near[a], self.near[b]
        near_b.discard(a)
        kept = bounds_a is not None or not bounds.keys().isdisjoint(near_b)  # most merges: no bounds to keep
        for c in near_b:
            near_c = near[c]
            near_c.discard(b)
            if kept and c in bounds and a not in near_c:
                bounds[c].gained.add(a)
            if kept and bounds_a is not None and c not in near_a:
                bounds_a.gained.add(c)
            near_c.add(a)
        near_a |= near_b
        near_a.discard(b)
        self.near[b] = set()
        if self.extra[b] and bounds:  # summed bonuses about to change: their pairs are counted again
            changed = self.extra[b].keys() - {a}
            for c in changed & bounds.keys():
                bounds[c].rebonused.add(a)
            if bounds_a is not None:
                bounds_a.rebonused |= changed
        fold_sums(self.extra, a, b)
        fold_vetoes(self.blocked, a, b)
        self.version[a] += 1
        self.version[b], self.gone[b] = -1, True
        return a

    def groups(self) -> list[list[int]]:
        return in_order(self.members)
