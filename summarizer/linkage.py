"""Average-link clustering over sparse pair similarities, and the parts every average linkage shares.

Two clusters' similarity is the mean of their pairs' similarities; the most similar two merge while
that mean is at least a threshold. :func:`average_link` knows only the pairs it is given (a pair not
given counts 0), which is exact when every pair is given; :func:`dense_link` is the same over a table
of every pair. :func:`summarizer.vectorlink.vector_link` counts *every* pair, given or not, through the
clusters' summed vectors, while only the given pairs let two clusters merge.

All break ties towards the smallest cluster ids, so their result depends only on the items' order.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Sequence

import numpy as np


def average_link(
    n: int,
    edges: dict[tuple[int, int], float],
    threshold: float,
    *,
    cannot: set[tuple[int, int]] | frozenset[tuple[int, int]] = frozenset(),
    start: list[list[int]] | None = None,
    may_join: Callable[[list[int], list[int]], bool] | None = None,
) -> list[list[int]]:
    """Average-link agglomerative clustering of items ``0..n-1`` over the pairs in ``edges``.

    Two clusters' similarity is the sum of their pairs' similarities over the product of their sizes (a
    pair not in ``edges`` counts 0); the most similar clusters merge while that is at least
    ``threshold``, never two whose items include a pair in ``cannot``, nor two whose members
    ``may_join`` refuses (it is asked when they are the closest pair). ``start`` gives initial
    clusters. Ties go to the smallest cluster ids, so the result depends only on the items' order.
    Returns the clusters, each sorted, in the order of their first items.
    """
    members, cluster_of = clusters_from(n, start)
    sums = pair_sums(edges.items(), cluster_of, len(members))
    blocked = vetoes_of(cannot, cluster_of)
    version = [0] * len(members)  # bumped at each merge; -1 once a cluster is gone
    # a pair below the threshold can never merge, so only pairs at or above it are queued
    heap = [
        (-average, a, b, 0, 0)
        for a, row in enumerate(sums)
        for b, total in row.items()
        if a < b
        and (average := total / (len(members[a]) * len(members[b]))) >= threshold
        and b not in blocked.get(a, ())
    ]
    heapq.heapify(heap)
    while heap:
        minus, a, b, va, vb = heapq.heappop(heap)
        if version[a] != va or version[b] != vb:
            continue  # stale: one of the two has merged since
        if -minus < threshold:
            break
        if b in blocked.get(a, ()) or (may_join is not None and not may_join(members[a], members[b])):
            continue
        members[a] += members[b]
        members[b] = []
        fold_sums(sums, a, b)
        fold_vetoes(blocked, a, b)
        version[a] += 1
        version[b] = -1
        size, vetoed, row = len(members[a]), blocked.get(a, ()), sums[a]
        for c, total in row.items():
            average = total / (size * len(members[c]))
            if average >= threshold and c not in vetoed:
                x, y = (a, c) if a < c else (c, a)
                heapq.heappush(heap, (-average, x, y, version[x], version[y]))
    return in_order(members)


def dense_link(
    similarity: np.ndarray,
    threshold: float,
    *,
    cannot: np.ndarray | None = None,
    start: list[list[int]] | None = None,
) -> list[list[int]]:
    """:func:`average_link` given every pair, as a square matrix (``similarity[i, j]``, symmetric; the
    diagonal is not read), with ``cannot`` a boolean matrix of the pairs that may never share a cluster.

    The same merges in the same order, as array operations: for a few hundred items, where a queue of
    every pair costs more than scanning the clusters' table at each merge.
    """
    n = len(similarity)
    members, cluster_of = clusters_from(n, start)
    count = len(members)
    pairs = np.array(similarity, dtype=np.float64)
    np.fill_diagonal(pairs, 0.0)  # a cluster's pairs within itself are not counted
    vetoes = np.zeros((n, n)) if cannot is None else (cannot | cannot.T).astype(np.float64)
    if start is None:
        sums, vetoed = pairs, vetoes > 0
    else:  # summed over each cluster's items
        belongs = np.zeros((count, n))
        belongs[cluster_of, np.arange(n)] = 1.0
        sums = belongs @ pairs @ belongs.T
        vetoed = belongs @ vetoes @ belongs.T > 0
    size = np.array([len(g) for g in members], dtype=np.float64)
    alive = size > 0

    def row(c: int) -> np.ndarray:
        """Cluster ``c``'s average with every cluster it may merge with; -inf for the others."""
        values: np.ndarray = sums[c] / (size[c] * np.where(alive, size, 1.0))
        values[~alive | vetoed[c]] = -np.inf
        values[c] = -np.inf
        return values

    # each cluster's best partner (of equals, the smallest id) and their average
    best = np.zeros(count, dtype=np.int64)
    best_value = np.full(count, -np.inf)
    for c in np.flatnonzero(alive).tolist():
        values = row(c)
        best[c] = np.argmax(values)
        best_value[c] = values[best[c]]
    while True:
        # the first row holding the best average is the smallest id of a best pair; its partner, the other
        a = int(np.argmax(best_value))
        if not best_value[a] >= threshold:
            break
        a, b = sorted((a, int(best[a])))
        members[a] += members[b]
        members[b] = []
        sums[a] += sums[b]
        sums[:, a] += sums[:, b]
        size[a] += size[b]
        vetoed[a] |= vetoed[b]
        vetoed[:, a] |= vetoed[:, b]
        alive[b] = False
        best_value[b] = -np.inf
        column = row(a)  # ``a``'s averages, which are every other cluster's with ``a``
        best[a] = np.argmax(column)
        best_value[a] = column[best[a]]
        stale = alive & ((best == a) | (best == b))  # their best partner changed or is gone
        stale[a] = False
        better = alive & ~stale & ((column > best_value) | ((column == best_value) & (a < best)))
        better[a] = False
        best[better] = a
        best_value[better] = column[better]
        for c in np.flatnonzero(stale).tolist():
            values = row(c)
            best[c] = np.argmax(values)
            best_value[c] = values[best[c]]
    return in_order(members)


def clusters_from(n: int, start: list[list[int]] | None) -> tuple[list[list[int]], list[int]]:
    """The initial clusters of items ``0..n-1`` (``start``, or one per item) and each item's cluster."""
    members = [list(g) for g in start] if start is not None else [[i] for i in range(n)]
    cluster_of = list(range(n))
    for c, group in enumerate(members):
        for i in group:
            cluster_of[i] = c
    return members, cluster_of


def pair_sums(
    values: Iterable[tuple[tuple[int, int], float]], cluster_of: list[int], count: int
) -> list[dict[int, float]]:
    """Per cluster, the sum of the pairs' values with each other cluster (pairs within one dropped)."""
    sums: list[dict[int, float]] = [{} for _ in range(count)]
    for (i, j), value in values:
        a, b = cluster_of[i], cluster_of[j]
        if a != b:
            row = sums[a]
            row[b] = row.get(b, 0.0) + value
            row = sums[b]
            row[a] = row.get(a, 0.0) + value
    return sums


def vetoes_of(cannot: Iterable[tuple[int, int]], cluster_of: list[int]) -> dict[int, set[int]]:
    """Per cluster with a veto, the clusters it may never merge with."""
    blocked: dict[int, set[int]] = {}
    for i, j in cannot:
        a, b = cluster_of[i], cluster_of[j]
        if a != b:
            blocked.setdefault(a, set()).add(b)
            blocked.setdefault(b, set()).add(a)
    return blocked


def fold_sums(sums: list[dict[int, float]], a: int, b: int) -> None:
    """Cluster ``b``'s pair sums added to ``a``'s, in ``a``'s row and in every other cluster's."""
    row_a, row_b = sums[a], sums[b]
    sums[b] = {}
    for c, total in row_b.items():
        if c != a:
            row_a[c] = row_a.get(c, 0.0) + total
            row = sums[c]
            row[a] = row.get(a, 0.0) + row.pop(b)
    row_a.pop(b, None)


def fold_vetoes(blocked: dict[int, set[int]], a: int, b: int) -> None:
    """Cluster ``b``'s vetoes become ``a``'s."""
    for c in blocked.pop(b, ()):
        if c != a:
            blocked.setdefault(a, set()).add(c)
            blocked[c].discard(b)
            blocked[c].add(a)


def in_order(members: list[list[int]]) -> list[list[int]]:
    """The clusters still standing (a cluster merged into another is left empty), each sorted, in the
    order of their first items."""
    return sorted((sorted(group) for group in members if group), key=lambda g: g[0])


def square(n: int, ends: np.ndarray, values: Sequence[float] | Sequence[bool] | np.ndarray) -> np.ndarray:
    """An n × n table holding each pair's value (``ends``: the pairs' two rows of items) both ways."""
    table = np.zeros((n, n))
    table[ends[0], ends[1]] = values
    table[ends[1], ends[0]] = values
    return table
