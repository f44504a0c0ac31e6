"""Candidate groups for the judge, and validation of its verdicts (no model needed)."""

from __future__ import annotations

import json

import pytest
from helpers import FIXTURES, SEEDS

from summarizer.annotated import annotated_reports
from summarizer.judge import GROUP_SIZE, candidate_groups, claims_of, listing, verdict_problems
from summarizer.schemas import Evidence, GroundedClaim, Verdict

JUDGEMENTS = json.loads((FIXTURES / "annotated" / "judgements.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def claims() -> list[GroundedClaim]:
    return claims_of(annotated_reports(SEEDS, FIXTURES / "annotated"))


def test_each_hand_judged_conflict_lands_in_one_candidate_group(claims: list[GroundedClaim]) -> None:
    groups = candidate_groups(claims)
    where = {(claims[i].evidence.source, claims[i].statement): g for g, group in enumerate(groups) for i in group}
    for conflict in JUDGEMENTS["conflicts"]:
        homes = {where.get((c["source"], c["statement"])) for side in conflict["sides"] for c in side["claims"]}
        assert len(homes) == 1 and None not in homes, conflict["question"]


def test_groups_are_bounded_and_their_number_grows_linearly() -> None:
    """Many clusters' worth of claims: no group over the size, every claim in at most one group."""
    subjects = [f"subject{i}" for i in range(300)]
    many = [
        _claim(f"src{j}", f"The {subjects[i]} talks on item{i} ended in {2000 + i % 20}")
        for i in range(len(subjects)) for j in range(3)
    ]  # fmt: skip
    groups = candidate_groups(many)
    assert all(len(g) <= GROUP_SIZE for g in groups)
    flat = [i for g in groups for i in g]
    assert len(flat) == len(set(flat))
    assert len(groups) <= 2 * len(many) // GROUP_SIZE + 1


def test_single_source_groups_are_not_judged() -> None:
    lonely = [_claim("a", "Kim arrived by train."), _claim("a", "Kim left by train.")]
    assert candidate_groups(lonely) == []


def test_the_listing_numbers_claims_with_their_source_and_words(claims: list[GroundedClaim]) -> None:
    text = listing(claims[:3])
    assert text.splitlines()[0].startswith(f"[C1] ({claims[0].evidence.source}) {claims[0].statement} — “")
    assert len(text.splitlines()) == 3


def test_a_verdict_citing_unknown_or_doubled_claims_is_rejected_for_a_reask() -> None:
    good = {"conflicts": [{"kind": "contradiction", "question": "Who?", "sides": [
        {"answer": "a", "claims": [1]}, {"answer": "b", "claims": [2, 3]}]}]}  # fmt: skip
    assert verdict_problems(Verdict.model_validate(good), 5) == []
    unknown = json.loads(json.dumps(good))
    unknown["conflicts"][0]["sides"][1]["claims"] = [9]
    assert verdict_problems(Verdict.model_validate(unknown), 5) == ["conflicts[0]: no claim C9 (claims are C1–C5)"]
    doubled = json.loads(json.dumps(good))
    doubled["conflicts"][0]["sides"][1]["claims"] = [1]
    assert verdict_problems(Verdict.model_validate(doubled), 5) == ["conflicts[0]: a claim is cited on two sides"]
    one_sided = {"conflicts": [{"kind": "date", "question": "Who?", "sides": [{"answer": "a", "claims": [1]}]}]}
    with pytest.raises(ValueError, match="at least 2 items"):
        Verdict.model_validate(one_sided)


def _claim(source: str, statement: str) -> GroundedClaim:
    return GroundedClaim(statement=statement, topic="What?", evidence=Evidence(source=source, start=0, end=1, text="x"))
