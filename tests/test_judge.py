"""Candidate groups for the judge, and validation of its verdicts (no model needed)."""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURES, SEEDS
from pydantic import ValidationError

from summarizer.annotated import annotated_reports
from summarizer.judge import GROUP_SIZE, Claimed, candidate_groups, claims_of, listing
from summarizer.schemas import Evidence, Verdict

JUDGEMENTS = json.loads((FIXTURES / "annotated" / "judgements.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def claims() -> list[Claimed]:
    return claims_of(annotated_reports(SEEDS, FIXTURES / "annotated"))


def test_each_hand_judged_conflict_lands_in_one_candidate_group(claims: list[Claimed]) -> None:
    groups = candidate_groups(claims)
    where = {(claims[i].source, claims[i].statement): g for g, group in enumerate(groups) for i in group}
    for conflict in JUDGEMENTS["conflicts"]:
        homes = {where.get((c["source"], c["statement"])) for side in conflict["sides"] for c in side["claims"]}
        assert len(homes) == 1 and None not in homes, conflict["question"]


def test_groups_are_bounded_and_their_number_grows_linearly() -> None:
    """Many clusters' worth of claims: no group over the size, every claim in at most one group."""
    span = Evidence(source="s", start=0, end=1, text="x")
    subjects = [f"subject{i}" for i in range(300)]
    many = [
        Claimed(f"src{j}", f"The {subjects[i]} talks on item{i} ended in {2000 + i % 20}", "What?", span)
        for i in range(len(subjects)) for j in range(3)
    ]  # fmt: skip
    groups = candidate_groups(many)
    assert all(len(g) <= GROUP_SIZE for g in groups)
    flat = [i for g in groups for i in g]
    assert len(flat) == len(set(flat))
    assert len(groups) <= 2 * len(many) // GROUP_SIZE + 1


def test_single_source_groups_are_not_judged() -> None:
    span = Evidence(source="a", start=0, end=1, text="x")
    lonely = [Claimed("a", "Kim arrived by train.", "How?", span), Claimed("a", "Kim left by train.", "How?", span)]
    assert candidate_groups(lonely) == []


def test_the_listing_numbers_claims_with_their_source_and_words(claims: list[Claimed]) -> None:
    text = listing(claims[:3])
    assert text.splitlines()[0].startswith(f"[C1] ({claims[0].source}) {claims[0].statement} — “")
    assert len(text.splitlines()) == 3


def test_a_verdict_citing_unknown_or_doubled_claims_is_rejected_for_a_reask(claims: list[Claimed]) -> None:
    group = claims[:5]
    good = {"conflicts": [{"kind": "contradiction", "question": "Who?", "sides": [
        {"answer": "a", "claims": [1]}, {"answer": "b", "claims": [2, 3]}]}]}  # fmt: skip
    assert Verdict.model_validate(good, context={"claims": group}).conflicts[0].sides[1].claims == [2, 3]
    unknown = json.loads(json.dumps(good))
    unknown["conflicts"][0]["sides"][1]["claims"] = [9]
    with pytest.raises(ValidationError, match="no claim C9"):
        Verdict.model_validate(unknown, context={"claims": group})
    doubled = json.loads(json.dumps(good))
    doubled["conflicts"][0]["sides"][1]["claims"] = [1]
    with pytest.raises(ValidationError, match="two sides"):
        Verdict.model_validate(doubled, context={"claims": group})
    one_sided = {"conflicts": [{"kind": "date", "question": "Who?", "sides": [{"answer": "a", "claims": [1]}]}]}
    with pytest.raises(ValidationError):
        Verdict.model_validate(one_sided, context={"claims": group})
