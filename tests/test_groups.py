"""What many candidate pairs have in common, at once (summarizer.groups.shared_weights)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarizer.groups import shared_share, shared_weights


@given(
    sets=st.lists(st.frozensets(st.sampled_from("abcdefgh")), min_size=1, max_size=8),
    picks=st.lists(st.tuples(st.integers(0, 7), st.integers(0, 7)), max_size=20),
)
def test_shared_weight_of_pairs_is_that_of_each_pair_s_intersection(sets: list[frozenset[str]], picks: list) -> None:
    """shared_weights (array lookups) against a set intersection per pair, with and without weights."""
    pairs = [(i % len(sets), j % len(sets)) for i, j in picks]
    ends = np.array(pairs, dtype=np.int64).reshape(-1, 2).T
    weight = {w: ord(w) / 7 for w in "abcdefgh"}
    weighted = shared_weights(sets, ends, weight)
    assert weighted.tolist() == pytest.approx([sum(weight[w] for w in sets[i] & sets[j]) for i, j in pairs])
    assert shared_weights(sets, ends).tolist() == [len(sets[i] & sets[j]) for i, j in pairs]
    lighter = [min(sum(weight[w] for w in sets[i]), sum(weight[w] for w in sets[j])) for i, j in pairs]
    share = [w / light if light else 0.0 for w, light in zip(weighted.tolist(), lighter, strict=True)]
    assert shared_share(sets, ends, weight).tolist() == pytest.approx(share)


def test_many_pairs_are_taken_a_slice_at_a_time_with_the_same_result() -> None:
    """70,000 pairs: three slices of pairs, each checked against its pairs' intersections."""
    rng = np.random.default_rng(3)
    letters = list("abcdefghijklmnop")
    sets = [frozenset(rng.choice(letters, size=rng.integers(0, 6), replace=False).tolist()) for _ in range(500)]
    ends = rng.integers(0, len(sets), (2, 70_000))
    weight = {w: (k + 1) / 3 for k, w in enumerate(letters)}
    pairs = list(zip(*ends.tolist(), strict=True))
    assert shared_weights(sets, ends).tolist() == [len(sets[i] & sets[j]) for i, j in pairs]
    expected = [sum(weight[w] for w in sorted(sets[i] & sets[j])) for i, j in pairs]
    assert shared_weights(sets, ends, weight).tolist() == pytest.approx(expected)
