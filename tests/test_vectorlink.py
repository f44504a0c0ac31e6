"""Average-link clustering over vectors (summarizer.vectorlink), checked against the textbook algorithm."""

from __future__ import annotations

import numpy as np
import pytest
from helpers import Pair, across, textbook_link

from summarizer import vectorlink
from summarizer.linkage import average_link
from summarizer.vectorlink import vector_link


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
        assert found == textbook_link(n, sims, 0.3, cannot, may_merge=across(candidates))
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
    assert found == textbook_link(40, sims, 0.2, set(), may_merge=across(candidates), start=start)
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
    assert found == textbook_link(21, sims, 0.3, set(), may_merge=across(candidates)) == [list(range(21))]


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
    monkeypatch.setattr(vectorlink, "CACHED_FROM", 10**9)
    for threshold in (0.1, 0.2):
        expected[threshold] = vector_link(vectors, candidates, threshold, bonus=bonus, cannot=cannot)
    expected["start"] = vector_link(vectors, candidates, 0.15, bonus=bonus, start=start)
    assert max(len(g) for g in expected[0.1]) > 100  # clusters of many neighbours formed

    monkeypatch.setattr(vectorlink, "CACHED_FROM", cached_from)
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
        monkeypatch.setattr(vectorlink, "_FEW", few)
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
