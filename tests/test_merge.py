"""Merge, first version, on hand-annotated extractions of the seeds (no model involved)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from helpers import FIXTURES, ROOT, SEEDS

from summarizer.annotated import annotated_reports
from summarizer.compare import quote_variants, same_name
from summarizer.merge import Merged, align_claims, merge
from summarizer.schemas import ArticleReport, Evidence, GroundedQuote, Grounding, SourceInfo
from summarizer.text import content_words

ALL = ["000_7df43367a2b14d04", "001_6f581c31f2f3141d", "002_c94bbd496ec598c3", "003_f80c02a77366f6be",
       "004_60b51e329afa7c5a"]  # fmt: skip


@pytest.fixture(scope="module")
def reports() -> list[ArticleReport]:
    return annotated_reports(SEEDS, FIXTURES / "annotated")


@pytest.fixture(scope="module")
def merged(reports: list[ArticleReport]) -> Merged:
    return merge(reports)


def test_spellings_of_one_name_become_one_entity_and_others_stay_apart(merged, reports) -> None:
    names = {e.name for r in reports for e in r.entities if e.name.startswith("Kim")}
    assert names == {"Kim Jong-un", "Kim Jong-il", "Kim Jong-dae"}
    kim = next(e for r in reports for e in r.entities if e.name == "Kim Jong-un")
    assert {"Kim Jong Un", "Kim Jung Un"} <= set(kim.aliases)
    assert same_name("Kim Jong-un", "Kim Jung Un") and not same_name("Kim Jong-un", "Kim Jong-dae")


def test_consensus_holds_facts_most_sources_report(merged) -> None:
    consensus, partial = merged.consensus, merged.partial
    vostochny = next(f for f in consensus if "Vostochny" in f.statement)
    assert len(vostochny.sources) >= 4
    assert all(len(f.sources) >= 3 for f in consensus)
    assert all(len(f.sources) < 3 for f in partial)
    assert len({e.source for e in vostochny.evidence}) == len(vostochny.sources)  # one span per source


def test_peskovs_two_wordings_are_a_quote_variance(merged) -> None:
    disagreements = merged.disagreements
    variance = [d for d in disagreements if d.kind == "quote_wording" and "Peskov" in d.question]
    sides = {(tuple(s.sources), s.answer) for d in variance for s in d.sides}
    assert any(ALL[0] in srcs and "timely, constructive, and beneficial" in answer for srcs, answer in sides)
    assert any(ALL[1] in srcs and "timely, useful and constructive" in answer for srcs, answer in sides)


def test_no_date_mismatch_between_next_month_and_in_october(merged) -> None:
    disagreements = merged.disagreements
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

    facts = align_claims(
        [
            report(1, ["Putin flew to Sochi to meet Lukashenko.", "The glove had been to space."]),
            report(2, ["Putin flew to Sochi for talks with Lukashenko.", "Kim travelled by armoured train."]),
        ]
    )
    by_size = sorted((len(f.sources), f.claims[0].statement) for f in facts)
    assert by_size[-1][0] == 2 and "Sochi" in by_size[-1][1]
    assert len(facts) == 3
    assert "the" not in content_words("The Kremlin's spokesman") and "kremli" in content_words(
        "The Kremlin's spokesman"
    )


def test_relative_dates_resolve_against_each_articles_publication_date(reports) -> None:
    """'next month' in 000 (14 Sep 2023) is October 2023; 002's page date (1 Oct 2023) resolves its
    'in October' to 2023-10; 003 has no date, so its 'in October' stays unresolved, words kept."""
    dates = {r.source.id[:3]: {d.text: d.resolved for d in r.dates} for r in reports}
    assert dates["000"]["next month"] == "2023-10"
    assert dates["002"]["in October"] == "2023-10"
    assert dates["002"]["July 2000"] == "2000-07"
    assert dates["003"]["in October"] is None
    assert all(d.evidence.text.endswith(d.text) or d.text in d.evidence.text for r in reports for d in r.dates)


_MERGE_AS_JSON = """
import json, sys
from pathlib import Path
from summarizer.annotated import annotated_reports
from summarizer.merge import merge
reports = annotated_reports(Path(sys.argv[1]), Path(sys.argv[2]))
merged = merge(reports)
print(json.dumps({
    "event": merged.event,
    "consensus": [f.model_dump(mode="json") for f in merged.consensus],
    "partial": [f.model_dump(mode="json") for f in merged.partial],
    "disagreements": [d.model_dump(mode="json") for d in merged.disagreements],
    "entities": [[e.model_dump(mode="json") for e in r.entities] for r in reports],
}, indent=1))
"""


def test_merge_does_not_depend_on_the_hash_seed() -> None:
    """Two processes with different PYTHONHASHSEED (so different set orders) merge the same way."""

    def merged_with(seed: str) -> str:
        env = os.environ | {"PYTHONHASHSEED": seed}
        command = [sys.executable, "-c", _MERGE_AS_JSON, str(SEEDS), str(FIXTURES / "annotated")]
        return subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, check=True).stdout

    first, second = merged_with("1"), merged_with("2")
    assert '"consensus"' in first
    assert first == second


def _quoting(source: str, speaker: str, said: str) -> ArticleReport:
    span = Evidence(source=source, start=0, end=len(said), text=said)
    return ArticleReport(
        source=SourceInfo(id=source, path=f"{source}.txt", sha256="0", chars=len(said)),
        quotes=[GroundedQuote(speaker=speaker, text=said, evidence=span)],
        grounding=Grounding(proposed=1, grounded=1, dropped=0),
    )


def test_each_quote_is_in_one_disagreement_at_most() -> None:
    """a ~ b and c ~ b, but not a ~ c; with b met last, b used to be reported twice: [a|b] and [c|b]."""
    a = "We will hold talks on trade and energy in the capital"
    b = "We will hold talks on trade and security next month"
    c = "Talks on security next month were agreed by both leaders"
    reports = [_quoting("s1", "Dmitry Peskov", a), _quoting("s2", "Peskov", c), _quoting("s3", "Dmitry Peskov", b)]
    found = quote_variants(reports)
    spans = [(e.source, e.text) for d in found for side in d.sides for e in side.evidence]
    assert len(spans) == len(set(spans)), found  # no quote twice
    assert len(found) == 1
    assert [side.answer for side in found[0].sides] == [a, c, b]
    assert [side.sources for side in found[0].sides] == [["s1"], ["s2"], ["s3"]]
    assert found[0].question == "What exactly did Dmitry Peskov say?"


def test_one_wording_of_several_sources_is_one_side() -> None:
    """Sources quoting alike are one side; a source alone with two wordings is no disagreement."""
    a = "We will hold talks on trade and energy in the capital"
    b = "We will hold talks on trade and security next month"
    same = [_quoting("s1", "Peskov", a), _quoting("s2", "Peskov", a), _quoting("s3", "Peskov", b)]
    (found,) = quote_variants(same)
    assert [(side.answer, side.sources) for side in found.sides] == [(a, ["s1", "s2"]), (b, ["s3"])]
    alone = [_quoting("s1", "Peskov", a), _quoting("s1", "Peskov", b)]
    assert quote_variants(alone) == []
