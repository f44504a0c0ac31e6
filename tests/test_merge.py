"""Merge, first version, on hand-annotated extractions of the seeds (no model involved)."""

from __future__ import annotations

import pytest
from conftest import FIXTURES, SEEDS

from summarizer.annotated import annotated_reports
from summarizer.merge import align_claims, content_words, merge, same_name
from summarizer.schemas import ArticleReport

ALL = ["000_7df43367a2b14d04", "001_6f581c31f2f3141d", "002_c94bbd496ec598c3", "003_f80c02a77366f6be",
       "004_60b51e329afa7c5a"]  # fmt: skip


@pytest.fixture(scope="module")
def reports() -> list[ArticleReport]:
    return annotated_reports(SEEDS, FIXTURES / "annotated")


@pytest.fixture(scope="module")
def merged(reports: list[ArticleReport]):
    return merge(reports)


def test_spellings_of_one_name_become_one_entity_and_others_stay_apart(merged, reports) -> None:
    names = {e.name for r in reports for e in r.entities if e.name.startswith("Kim")}
    assert names == {"Kim Jong-un", "Kim Jong-il", "Kim Jong-dae"}
    kim = next(e for r in reports for e in r.entities if e.name == "Kim Jong-un")
    assert {"Kim Jong Un", "Kim Jung Un"} <= set(kim.aliases)
    assert same_name("Kim Jong-un", "Kim Jung Un") and not same_name("Kim Jong-un", "Kim Jong-dae")


def test_consensus_holds_facts_most_sources_report(merged) -> None:
    _, consensus, partial, _ = merged
    vostochny = next(f for f in consensus if "Vostochny" in f.statement)
    assert len(vostochny.sources) >= 4
    assert all(len(f.sources) >= 3 for f in consensus)
    assert all(len(f.sources) < 3 for f in partial)
    assert len({e.source for e in vostochny.evidence}) == len(vostochny.sources)  # one span per source


def test_peskovs_two_wordings_are_a_quote_variance(merged) -> None:
    _, _, _, disagreements = merged
    variance = [d for d in disagreements if d.kind == "quote_wording" and "Peskov" in d.question]
    sides = {(tuple(s.sources), s.answer) for d in variance for s in d.sides}
    assert any(ALL[0] in srcs and "timely, constructive, and beneficial" in answer for srcs, answer in sides)
    assert any(ALL[1] in srcs and "timely, useful and constructive" in answer for srcs, answer in sides)


def test_no_date_mismatch_between_next_month_and_in_october(merged) -> None:
    _, _, _, disagreements = merged
    for d in disagreements:
        if d.kind == "date":
            answers = " ".join(s.answer for s in d.sides)
            assert not ("next month" in answers and "in October" in answers), d


def test_alignment_compares_a_bounded_number_of_candidates() -> None:
    """Claims about unrelated things never meet: each claim only sees facts sharing its words."""
    from summarizer.schemas import Evidence, GroundedClaim, Grounding, SourceInfo

    def report(i: int, statements: list[str]) -> ArticleReport:
        span = Evidence(source=f"s{i}", start=0, end=1, text="x")
        return ArticleReport(
            source=SourceInfo(id=f"s{i}", path=f"s{i}", sha256="0", chars=1),
            claims=[GroundedClaim(statement=s, topic="?", evidence=span) for s in statements],
            grounding=Grounding(proposed=len(statements), grounded=len(statements), dropped=0),
        )

    facts = align_claims([
        report(1, ["Putin flew to Sochi to meet Lukashenko.", "The glove had been to space."]),
        report(2, ["Putin flew to Sochi for talks with Lukashenko.", "Kim travelled by armoured train."]),
    ])
    by_size = sorted((len(f.sources), f.members[0][1]) for f in facts)
    assert by_size[-1][0] == 2 and "Sochi" in by_size[-1][1]
    assert len(facts) == 3
    assert "the" not in content_words("The Kremlin's spokesman") and "kremli" in content_words("The Kremlin's spokesman")
