"""The judge's candidate groups, its verdicts' checks, and how the merge applies them (no model needed)."""

from __future__ import annotations

import json

import pytest
from helpers import FIXTURES, SEEDS

from summarizer.align import Alignment, align
from summarizer.annotated import annotated_reports
from summarizer.judge import (
    GROUP_SIZE,
    JudgedConflict,
    Judgement,
    candidate_groups,
    claims_of,
    listing,
    verdict_problems,
)
from summarizer.merge import merge
from summarizer.schemas import ArticleReport, Evidence, GroundedClaim, Verdict

JUDGEMENTS = json.loads((FIXTURES / "annotated" / "judgements.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def reports() -> list[ArticleReport]:
    return annotated_reports(SEEDS, FIXTURES / "annotated")


@pytest.fixture(scope="module")
def claims(reports: list[ArticleReport]) -> list[GroundedClaim]:
    return claims_of(reports)


@pytest.fixture(scope="module")
def alignment(claims: list[GroundedClaim]) -> Alignment:
    return align(claims)


def _where(claims: list[GroundedClaim], groups: list[list[int]]) -> dict[tuple[str, str], int]:
    return {(claims[i].evidence.source, claims[i].statement): g for g, group in enumerate(groups) for i in group}


def test_each_hand_judged_conflict_and_agreement_lands_in_one_candidate_group(claims, alignment) -> None:
    where = _where(claims, candidate_groups(claims, alignment))
    for conflict in JUDGEMENTS["conflicts"]:
        homes = {where.get((c["source"], c["statement"])) for side in conflict["sides"] for c in side["claims"]}
        assert len(homes) == 1 and None not in homes, conflict["question"]
    for same in JUDGEMENTS["same"]:
        homes = {where.get((c["source"], c["statement"])) for c in same["claims"]}
        assert len(homes) == 1 and None not in homes, same["answer"]


def test_groups_are_bounded_and_their_number_grows_linearly() -> None:
    """Many clusters' worth of claims: no group over the size, every claim in at most one group."""
    subjects = [f"subject{i}" for i in range(300)]
    many = [
        _claim(f"src{j}", f"The {subjects[i]} talks on item{i} ended in {2000 + i % 20}")
        for i in range(len(subjects)) for j in range(3)
    ]  # fmt: skip
    groups = candidate_groups(many, align(many))
    assert all(len(g) <= GROUP_SIZE for g in groups)
    flat = [i for g in groups for i in g]
    assert len(flat) == len(set(flat))
    assert len(groups) <= 2 * len(many) // GROUP_SIZE + 1


def test_single_source_groups_are_not_judged() -> None:
    lonely = [_claim("a", "Kim arrived by train."), _claim("a", "Kim left by train.")]
    assert candidate_groups(lonely, align(lonely)) == []


def test_the_listing_numbers_claims_with_their_source_and_words(claims: list[GroundedClaim]) -> None:
    text = listing(claims[:3])
    assert text.splitlines()[0].startswith(f"[C1] ({claims[0].evidence.source}) {claims[0].statement} — “")
    assert len(text.splitlines()) == 3


def test_a_verdict_citing_unknown_or_doubled_claims_is_rejected_for_a_reask() -> None:
    good = {"same": [{"claims": [4, 5]}], "conflicts": [{"kind": "contradiction", "question": "Who?", "sides": [
        {"answer": "a", "claims": [1]}, {"answer": "b", "claims": [2, 3]}]}]}  # fmt: skip
    assert verdict_problems(Verdict.model_validate(good), 5) == []
    unknown = json.loads(json.dumps(good))
    unknown["conflicts"][0]["sides"][1]["claims"] = [9]
    assert verdict_problems(Verdict.model_validate(unknown), 5) == ["conflicts[0]: no claim C9 (claims are C1–C5)"]
    doubled = json.loads(json.dumps(good))
    doubled["conflicts"][0]["sides"][1]["claims"] = [1]
    assert verdict_problems(Verdict.model_validate(doubled), 5) == ["conflicts[0]: a claim is cited on two sides"]
    stray = json.loads(json.dumps(good))
    stray["same"][0]["claims"] = [5, 6]
    assert verdict_problems(Verdict.model_validate(stray), 5) == ["same[0]: no claim C6 (claims are C1–C5)"]
    one_sided = {"conflicts": [{"kind": "date", "question": "Who?", "sides": [{"answer": "a", "claims": [1]}]}]}
    with pytest.raises(ValueError, match="at least 2 items"):
        Verdict.model_validate(one_sided)


def test_the_judge_confirms_answers_and_splits_conflicts(reports, claims, alignment) -> None:
    """What the merge does with a judgement: claims it puts in one group become one answer, claims on
    opposite sides of a conflict are two answers of one disagreement, and claims it saw but grouped
    with nothing stand alone, whatever the alignment proposed."""
    index = {(c.evidence.source, c.statement): i for i, c in enumerate(claims)}
    glove = [index[(c["source"], c["statement"])] for c in JUDGEMENTS["same"][1]["claims"]]
    early = JUDGEMENTS["conflicts"][0]
    sides = [(s["answer"], [index[(c["source"], c["statement"])] for c in s["claims"]]) for s in early["sides"]]
    judgement = Judgement(
        same=[glove],
        conflicts=[JudgedConflict("contradiction", early["question"], sides)],
        seen=set(range(len(claims))),
    )
    merged = merge(reports, alignment=alignment, judgement=judgement)
    by_claims = {
        frozenset((s.evidence.source, s.text) for s in a.statements): (q, a)
        for q in merged.questions
        for a in q.answers
    }
    glove_answer = frozenset((claims[i].evidence.source, claims[i].statement) for i in glove)
    assert glove_answer in by_claims
    question, _ = by_claims[glove_answer]
    assert question.status == "consensus" and question.decided_by == "judge"
    disputes = [q for q in merged.questions if q.question == early["question"]]
    assert len(disputes) == 1 and disputes[0].status == "disagreement" and disputes[0].conflicts == [(0, 1)]
    assert sorted(len(a.sources) for a in disputes[0].answers) == [2, 3]
    judged_alone = sum(len(a.statements) == 1 for q in merged.questions for a in q.answers)
    assert judged_alone >= len(claims) - len(glove) - sum(len(s) for _, s in sides) - 1


def _claim(source: str, statement: str) -> GroundedClaim:
    return GroundedClaim(statement=statement, topic="What?", evidence=Evidence(source=source, start=0, end=1, text="x"))
