"""Bounded candidates for large events (summarizer.candidates): computed as arrays, they must be the
pairs of looking each claim up in an index built claim by claim, in the same order."""

from __future__ import annotations

import json
import random
from collections import Counter

import numpy as np
import pytest
from helpers import FIXTURES

from summarizer import candidates
from summarizer.candidates import BUCKET, PLANES, TABLES, candidate_pairs, hyperplane_keys
from summarizer.embed import WordLlama
from summarizer.groups import MAX_POSTING
from summarizer.text import content_words

DEVSET = json.loads((FIXTURES / "alignment" / "devset.json").read_text(encoding="utf-8"))


def _one_by_one(words: list[frozenset[str]], wording: list[int], vectors: np.ndarray, count: int) -> list:
    """The candidates as the module's docstring tells them, claim by claim: an inverted index and
    bucket tables that hold the claims met so far."""
    postings: dict[str, list[int]] = {}
    keys = hyperplane_keys(vectors, PLANES, TABLES).tolist()
    tables: list[dict[int, list[int]]] = [{} for _ in keys]
    found = []
    for i, ws in enumerate(words):
        if i <= count:
            near = list(range(i))
        else:
            shared = Counter(j for w in sorted(ws) for j in postings.get(w, ()))
            by_words = [j for j, _ in sorted(shared.items(), key=lambda item: -item[1])[:count]]
            by_buckets = [j for t, table in enumerate(tables) for j in table.get(keys[t][i], ())]
            near = _first_wordings(by_words, wording, count // 2) + _first_wordings(by_buckets, wording, count // 2)
        found += [(j, i) for j in dict.fromkeys(near)]
        for w in ws:
            if len(postings.setdefault(w, [])) < MAX_POSTING:
                postings[w].append(i)
        for t, table in enumerate(tables):
            if len(table.setdefault(keys[t][i], [])) < BUCKET:
                table[keys[t][i]].append(i)
    return found


def _first_wordings(candidates: list[int], wording: list[int], count: int) -> list[int]:
    kept: dict[int, int] = {}  # wording -> its first candidate
    for j in candidates:
        kept.setdefault(wording[j], j)
    return list(kept.values())[:count]


def _inputs(statements: list[str]) -> tuple[list[frozenset[str]], list[int], np.ndarray]:
    number: dict[str, int] = {}
    wording = [number.setdefault(s, len(number)) for s in statements]
    return [frozenset(content_words(s)) for s in statements], wording, WordLlama().embed(statements)


def _dev_statements() -> list[str]:
    claims = [c for e in DEVSET["events"] for q in e["questions"] for c in q["claims"]]
    return sorted(c[key] for c in claims for key in ("statement", "sentence"))


def test_the_pairs_are_those_of_an_index_built_claim_by_claim() -> None:
    """On the dev set's 540 statements and sentences, and on wire copy: many copies of few wordings, a
    claim with no content word, words most claims use (postings full), buckets full."""
    rng = random.Random(7)
    wire = ["Some 4,000 dockers walked out at Redhaven.", "The port of Redhaven is shut.", "the", "",
            "Redhaven dockers strike over pay.", "Pay talks at Redhaven port failed."]  # fmt: skip
    copied = sorted(rng.choice(wire) + rng.choice(["", " Officials said."]) for _ in range(400))
    for statements in (_dev_statements(), copied):
        words, wording, vectors = _inputs(statements)
        for count in (2, 12):
            found = _listed(candidate_pairs(words, wording, vectors, count))
            assert found == _one_by_one(words, wording, vectors, count)


def test_claims_taken_a_slice_at_a_time_meet_the_same_candidates(monkeypatch: pytest.MonkeyPatch) -> None:
    words, wording, vectors = _inputs(_dev_statements())
    whole = candidate_pairs(words, wording, vectors, 12)
    monkeypatch.setattr(candidates, "_SLICE", 7)  # 540 claims: 78 slices, a claim's words never cut
    assert _listed(candidate_pairs(words, wording, vectors, 12)) == _listed(whole)


def test_each_claim_meets_a_bounded_number_of_earlier_claims_once() -> None:
    words, wording, vectors = _inputs(_dev_statements())
    pairs = _listed(candidate_pairs(words, wording, vectors, 12))
    per_claim = Counter(i for _, i in pairs)
    assert all(j < i for j, i in pairs)
    assert len(set(pairs)) == len(pairs)
    assert max(per_claim.values()) <= 12
    assert len(pairs) < len(words) * 12


def test_copies_of_one_wording_take_one_place() -> None:
    """Eight copies of the closest wording come first by words; one of them is a candidate, and the
    other places go to other wordings."""
    statements = ["Redhaven dockers walked out over pay on Monday."] * 8
    statements += [f"Redhaven dockers {verb} on Monday." for verb in ("struck", "stopped work", "left", "marched")]
    statements += [f"Unrelated news item {k}." for k in range(8)]  # so that the last claim has more than 12 before it
    statements += ["Redhaven dockers walked out over pay on Monday, the union said."]
    words, wording, vectors = _inputs(statements)
    last = [j for j, i in _listed(candidate_pairs(words, wording, vectors, 12)) if i == len(statements) - 1]
    assert len([j for j in last if j < 8]) == 1
    assert set(range(8, 12)) <= set(last)


def test_the_buckets_are_drawn_the_same_in_every_run() -> None:
    vectors = WordLlama().embed(["Dockers struck.", "A museum reopened.", "Fuel prices rose."])
    keys = hyperplane_keys(vectors, PLANES, TABLES)
    assert keys.shape == (TABLES, 3)
    assert (keys == hyperplane_keys(vectors.copy(), PLANES, TABLES)).all()
    assert keys.max() < 2**PLANES


def _listed(ends: np.ndarray) -> list[tuple[int, int]]:
    """Two rows of pairs' ends as (earlier, later) tuples."""
    return list(zip(*ends.tolist(), strict=True))
