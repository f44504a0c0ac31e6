"""Average-link clustering (summarizer.linkage), checked against the textbook algorithm."""

from __future__ import annotations

import random

import numpy as np
from helpers import textbook_link

from summarizer.linkage import average_link, dense_link


def test_average_link_over_every_pair_matches_a_plain_implementation() -> None:
    """The heap-based clustering agrees with the textbook O(n³) one on random similarities."""
    rng = random.Random(3)
    for n in (2, 7, 15):
        sims = {(i, j): rng.uniform(-0.2, 1.0) for i in range(n) for j in range(i + 1, n)}
        cannot = {pair for pair in sims if rng.random() < 0.1}
        assert average_link(n, sims, 0.4, cannot=cannot) == textbook_link(n, sims, 0.4, cannot)


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
        assert dense_link(matrix, 0.4, cannot=vetoed) == textbook_link(n, sims, 0.4, cannot)
