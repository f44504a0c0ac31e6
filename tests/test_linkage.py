"""Average-link clustering (summarizer.linkage), checked against the textbook algorithm."""

from __future__ import annotations

import random
from collections.abc import Callable

import numpy as np
import pytest

from summarizer import linkage
from summarizer.linkage import average_link, dense_link, vector_link

Pair = tuple[int, int]


def test_average_link_over_every_pair_matches_a_plain_implementation() -> None:
    """The heap-based clustering agrees with the textbook O(n³) one on random similarities."""
    rng = random.Random(3)
    for n in (2, 7, 15):
        sims = {(i, j): rng.uniform(-0.2, 1.0) for i in range(n) for j in range(i + 1, n)}
        cannot = {pair for pair in sims if rng.random() < 0.1}
        assert average_link(n, sims, 0.4, cannot=cannot) == _textbook(n, sims, 0.4, cannot)


def test_dense_link_is_average_link_over_every_pair() -> None:
    """The matrix form makes the same merges: random similarities, some repeated (ties), vetoes, and
    start clusters."""
    rng = random.Random(7)
    for n in (2, 9, 40):
        values = [rng.uniform(-0.2, 1.0) for _ in range(5)]  # few values: many ties
        sims = {(i, j): rng.choice(values) if rng.random() < 0.5 else rng.uniform(-0.2, 1.0)
                for i in range(n) for j in range(i + 1, n)}  # fmt: skip
        cannot = {pair for pair in sims if rng.random() < 0.05}
        matrix = np.zeros((n, n))
        vetoed = np.zeros((n, n), dtype=bool)
        for (i, j), value in sims.items():
            matrix[i, j] = matrix[j, i] = value
        for i, j in cannot:
            vetoed[i, j] = True
        order = list(range(n))
        rng.shuffle(order)
        start = sorted((sorted(order[k : k + 2]) for k in range(0, n, 2)), key=lambda g: g[0])
        start = [g for g in start if not any((g[0], g[-1]) == pair for pair in cannot)]
        start += [[i] for i in range(n) if not any(i in g for g in start)]
        start.sort(key=lambda g: g[0])
        assert dense_link(matrix, 0.4, cannot=vetoed) == average_link(n, sims, 0.4, cannot=cannot)
        assert dense_link(matrix, 0.3, start=start) == average_link(n, sims, 0.3, start=start)
        assert dense_link(matrix, 0.4, cannot=vetoed) == _textbook(n, sims, 0.4, cannot)


def test_vector_link_counts_every_pair_and_merges_along_candidates_only() -> None:
    """Random unit vectors in a few loose bunches, a sparse set of candidate pairs, bonuses and vetoes: the
    same clusters as the textbook algorithm where every pair's dot product counts and only candidates
    let clusters merge."""
    rng = np.random.default_rng(5)
    largest = 0
    for n, bunches, share in ((12, 2, 0.5), (40, 3, 0.15), (60, 4, 0.08)):
        vectors, candidates, bonus, cannot = _bunches(rng, n, bunches, share, vetoes=0.01)
        every = [(i, j) for i in range(n) for j in range(i + 1, n)]
        sims = {(i, j): float(vectors[i] @ vectors[j]) + bonus.get((i, j), 0.0) for i, j in every}

        found = vector_link(vectors, candidates, 0.3, bonus=bonus, cannot=cannot)
        assert found == _textbook(n, sims, 0.3, cannot, may_merge=_across(candidates))
        largest = max(largest, *map(len, found))
    assert largest > 8  # clusters grew, and stale bounds were met in the queue


def test_vector_link_starts_from_given_clusters() -> None:
    """Start clusters (answers, when questions are grouped) merge as wholes, as in the textbook."""
    rng = np.random.default_rng(4)
    vectors, candidates, bonus, cannot = _bunches(rng, 40, 3, 0.15, vetoes=0.0)
    order = rng.permutation(40).tolist()
    cuts = [0, 1, 5, 7, 12, 15, 16, 20, 22, 27, 30, 31, 35, 37, 40]  # clusters of 1 to 5 items
    start = sorted((sorted(order[a:b]) for a, b in zip(cuts, cuts[1:], strict=False)), key=lambda g: g[0])
    every = [(i, j) for i in range(40) for j in range(i + 1, 40)]
    sims = {(i, j): float(vectors[i] @ vectors[j]) + bonus.get((i, j), 0.0) for i, j in every}
    found = vector_link(vectors, candidates, 0.2, bonus=bonus, start=start)
    assert found == _textbook(40, sims, 0.2, set(), may_merge=_across(candidates), start=start)
    assert all(any(set(g) <= set(c) for c in found) for g in start)
    assert len(found) < len(start)


def test_a_large_cluster_finds_a_neighbour_it_has_grown_towards() -> None:
    """Ten items near one direction form a cluster; a neighbour far below the threshold is a candidate
    of those ten only, and is in no queue. Ten more items, half-way between both, then join the
    cluster; its average with the neighbour rises over the threshold, and the neighbour must join
    too, as in the textbook algorithm."""
    rng = np.random.default_rng(2)
    u, w = np.eye(8)[0], np.eye(8)[1]
    rows = [u] * 10 + [(u + w) / np.sqrt(2)] * 10 + [w]
    vectors = np.array(rows) + 0.01 * rng.standard_normal((21, 8))
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    core, bridge, late = range(10), range(10, 20), 20
    candidates = {(i, j) for i in core for j in core if i < j} | {(i, j) for i in bridge for j in bridge if i < j}
    candidates |= {(0, 10)} | {(i, late) for i in core}
    every = [(i, j) for i in range(21) for j in range(i + 1, 21)]
    sims = {(i, j): float(vectors[i] @ vectors[j]) for i, j in every}

    found = vector_link(vectors, candidates, 0.3)
    assert found == _textbook(21, sims, 0.3, set(), may_merge=_across(candidates)) == [list(range(21))]


def test_vector_link_over_every_pair_is_average_link() -> None:
    rng = np.random.default_rng(8)
    vectors = rng.standard_normal((30, 8))
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    every = [(i, j) for i in range(30) for j in range(i + 1, 30)]
    sims = {(i, j): float(vectors[i] @ vectors[j]) for i, j in every}
    assert vector_link(vectors, every, 0.1) == average_link(30, sims, 0.1)


@pytest.mark.parametrize("cached_from", [1, 6, 40])
def test_bounds_on_a_large_cluster_change_no_merge(monkeypatch: pytest.MonkeyPatch, cached_from: int) -> None:
    """A cluster of many neighbours computes again only the neighbours its bounds say may be its best
    (from ``CACHED_FROM`` neighbours): the merges are those of computing every neighbour at every step,
    on 900 items in loose bunches with sparse candidates, bonuses and vetoes, from singletons and from
    start clusters."""
    rng = np.random.default_rng(12)
    n = 900
    centres = rng.standard_normal((6, 24))
    vectors = centres[rng.integers(0, 6, n)] + 1.1 * rng.standard_normal((n, 24))
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    left, right = rng.integers(0, n, 40 * n), rng.integers(0, n, 40 * n)
    candidates = {(min(i, j), max(i, j)) for i, j in zip(left.tolist(), right.tolist(), strict=True) if i != j}
    bonus = {pair: 0.25 for pair in candidates if rng.random() < 0.1}
    cannot = {pair for pair in candidates if rng.random() < 0.002}
    start = [list(range(k, min(k + 3, n))) for k in range(0, n, 3)]
    expected = {}
    monkeypatch.setattr(linkage, "CACHED_FROM", 10**9)
    for threshold in (0.1, 0.2):
        expected[threshold] = vector_link(vectors, candidates, threshold, bonus=bonus, cannot=cannot)
    expected["start"] = vector_link(vectors, candidates, 0.15, bonus=bonus, start=start)
    assert max(len(g) for g in expected[0.1]) > 100  # clusters of many neighbours formed

    monkeypatch.setattr(linkage, "CACHED_FROM", cached_from)
    for threshold in (0.1, 0.2):
        assert vector_link(vectors, candidates, threshold, bonus=bonus, cannot=cannot) == expected[threshold]
    assert vector_link(vectors, candidates, 0.15, bonus=bonus, start=start) == expected["start"]


def test_ties_go_to_the_smallest_ids_however_many_neighbours_are_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows copied from four prototypes whose dot products are exact in float32: many clusters are
    exactly as close to several others, and a few vetoes make the final clusters depend on which of
    them merges first. Reading a cluster's averages one by one (up to ``_FEW`` neighbours) and as
    arrays picks the same partner, so the clusters are the same."""
    rng = np.random.default_rng(9)
    prototypes = np.eye(8, dtype=np.float32)[:4] + np.eye(8, dtype=np.float32)[4] / 2  # 1.25 alike, 0.25 apart
    n = 80
    vectors = prototypes[rng.integers(0, 4, n)]
    every = [(i, j) for i in range(n) for j in range(i + 1, n)]
    candidates = {pair for pair in every if rng.random() < 0.2}
    cannot = {pair for pair in every if rng.random() < 0.02}  # which of equals merges first then matters
    found = {}
    for few in (0, 10**9):
        monkeypatch.setattr(linkage, "_FEW", few)
        found[few] = vector_link(vectors, candidates, 0.5, cannot=cannot)
    assert found[0] == found[10**9]
    assert 1 < len(found[0]) < n


def _bunches(
    rng: np.random.Generator, n: int, bunches: int, share: float, *, vetoes: float
) -> tuple[np.ndarray, set[Pair], dict[Pair, float], set[Pair]]:
    """Unit vectors in loose bunches, a random share of candidate pairs, bonuses on a fifth of them,
    and a few vetoes."""
    centres = rng.standard_normal((bunches, 16))
    vectors = centres[rng.integers(0, bunches, n)] + 0.9 * rng.standard_normal((n, 16))
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    every = [(i, j) for i in range(n) for j in range(i + 1, n)]
    candidates = {pair for pair in every if rng.random() < share}
    bonus = {pair: 0.25 for pair in candidates if rng.random() < 0.2}
    return vectors, candidates, bonus, {pair for pair in every if rng.random() < vetoes}


def _across(candidates: set[Pair]) -> Callable[[list[int], list[int]], bool]:
    """Whether a candidate pair joins two clusters."""
    return lambda a, b: any((min(i, j), max(i, j)) in candidates for i in a for j in b)


def _textbook(
    n: int,
    sims: dict[Pair, float],
    threshold: float,
    cannot: set[Pair],
    may_merge: Callable[[list[int], list[int]], bool] | None = None,
    start: list[list[int]] | None = None,
) -> list[list[int]]:
    clusters = [list(g) for g in start] if start is not None else [[i] for i in range(n)]
    while True:
        best = None
        for x in range(len(clusters)):
            for y in range(x + 1, len(clusters)):
                a, b = clusters[x], clusters[y]
                if any((min(i, j), max(i, j)) in cannot for i in a for j in b):
                    continue
                if may_merge is not None and not may_merge(a, b):
                    continue
                total = sum(sims.get((min(i, j), max(i, j)), 0.0) for i in a for j in b)
                key = (total / (len(a) * len(b)), -min(a[0], b[0]), -max(a[0], b[0]))
                if best is None or key > best[0]:
                    best = (key, x, y)
        if best is None or best[0][0] < threshold:
            return sorted((sorted(c) for c in clusters), key=lambda c: c[0])
        _, x, y = best
        clusters[x] = clusters[x] + clusters.pop(y)
