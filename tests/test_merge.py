"""Merge on hand-annotated extractions of the seeds (no model involved): questions, answers, comparisons."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from helpers import FIXTURES, ROOT, SEEDS
from rapidfuzz import fuzz

from summarizer.align import Alignment
from summarizer.annotated import annotated_reports
from summarizer.compare import date_mismatches, quote_variants, same_name
from summarizer.merge import Merged, merge
from summarizer.schemas import (
    ArticleReport,
    Evidence,
    GroundedClaim,
    GroundedDate,
    GroundedQuote,
    Grounding,
    SourceInfo,
)
from summarizer.wording import QUOTE_SIMILARITY, fold

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
    assert names == {"Kim Jong-un", "Kim Jong-il"}  # Kim Jong-il, his father, stays apart
    kim = next(e for r in reports for e in r.entities if e.name == "Kim Jong-un")
    assert {"Kim Jong Un", "Kim Jung Un"} <= set(kim.aliases)
    assert same_name("Kim Jong-un", "Kim Jung Un") and not same_name("Kim Jong-un", "Kim Jong-dae")


def test_consensus_questions_have_an_answer_most_sources_give(merged: Merged) -> None:
    consensus = [q for q in merged.questions if q.status == "consensus"]
    partial = [q for q in merged.questions if q.status == "partial"]
    vostochny = next(q for q in consensus if "Vostochny" in q.answers[0].answer)
    assert len(vostochny.answers[0].sources) >= 4
    assert all(len(q.answers[0].sources) >= 3 and not q.conflicts for q in consensus)
    assert all(len(q.answers[0].sources) < 3 and not q.conflicts for q in partial)
    for question in merged.questions:  # a source is counted once per answer, and gives it in its words
        for answer in question.answers:
            assert answer.sources == list(dict.fromkeys(s.evidence.source for s in answer.statements))


def test_questions_come_disagreements_first_then_consensus_then_partial(merged: Merged) -> None:
    rank = {"disagreement": 0, "consensus": 1, "partial": 2}
    statuses = [rank[q.status] for q in merged.questions]
    assert statuses == sorted(statuses) and statuses[0] == 0


def test_peskovs_two_wordings_are_a_quote_variance(merged: Merged) -> None:
    variance = [q for q in merged.questions if q.kind == "quote_wording" and "Peskov" in q.question]
    sides = {(tuple(a.sources), a.answer) for q in variance for a in q.answers}
    assert any(ALL[0] in srcs and "timely, constructive, and beneficial" in answer for srcs, answer in sides)
    assert any(ALL[1] in srcs and "timely, useful and constructive" in answer for srcs, answer in sides)


def test_no_date_mismatch_between_next_month_and_in_october(merged: Merged) -> None:
    for q in merged.questions:
        if q.kind == "date":
            answers = " ".join(a.answer for a in q.answers)
            assert not ("next month" in answers and "in October" in answers), q


def test_without_a_judge_sides_of_a_conflict_never_share_an_answer(merged: Merged, reports) -> None:
    """Facets veto: 'Sochi' and 'Moscow' (where Putin went after the meeting) stay apart."""
    for question in merged.questions:
        for answer in question.answers:
            text = " ".join(s.text for s in answer.statements)
            assert not ("Sochi" in text and "returned to Moscow" in text), answer


def test_relative_dates_resolve_against_each_articles_publication_date(reports) -> None:
    """'next month' in 000 (14 Sep 2023) is October 2023; 002's page date (1 Oct 2023) resolves its
    'October' to 2023-10; 003's text has no date, but seeds/sources.csv gives it (15 Sep 2023); 001
    has none at all, so its 'next month' stays unresolved, words kept."""
    dates = {r.source.id[:3]: {d.text: d.resolved for d in r.dates} for r in reports}
    assert dates["000"]["next month"] == "2023-10"
    assert dates["002"]["October"] == "2023-10"
    assert dates["002"]["July 2000"] == "2000-07"
    assert dates["003"]["October"] == "2023-10"
    assert dates["001"]["next month"] is None
    assert all(d.evidence.text.endswith(d.text) or d.text in d.evidence.text for r in reports for d in r.dates)


_MERGE_AS_JSON = """
import json, sys
from pathlib import Path
from summarizer.align import Alignment
from summarizer.annotated import annotated_reports
from summarizer.merge import merge
reports = annotated_reports(Path(sys.argv[1]), Path(sys.argv[2]))
merged = merge(reports)
print(json.dumps({
    "event": merged.event,
    "questions": [q.model_dump(mode="json") for q in merged.questions],
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
    assert '"consensus"' in first and '"disagreement"' in first
    assert first == second


def _quoting(source: str, speaker: str, said: str) -> ArticleReport:
    span = Evidence(source=source, start=0, end=len(said), text=said)
    return ArticleReport(
        source=SourceInfo(id=source, path=f"{source}.txt", sha256="0", chars=len(said)),
        quotes=[GroundedQuote(speaker=speaker, text=said, evidence=span)],
        grounding=Grounding(proposed=1, grounded=1, dropped=0),
    )


def _dating(source: str, words: str, event: str, resolved: str) -> ArticleReport:
    span = Evidence(source=source, start=0, end=len(words), text=words)
    return ArticleReport(
        source=SourceInfo(id=source, path=f"{source}.txt", sha256="0", chars=len(event)),
        dates=[GroundedDate(text=words, event=event, resolved=resolved, evidence=span)],
        grounding=Grounding(proposed=1, grounded=1, dropped=0),
    )


def test_two_sources_naming_one_weekday_for_one_happening_do_not_disagree() -> None:
    """'were closed on Wednesday' read as the last Wednesday, 'will be closed on Wednesday' as the next:
    both sources say Wednesday. Two weekdays, or a weekday and another day, still disagree."""
    same = [_dating("s1", "Wednesday", "Schools in Boston were closed on Wednesday", "2024-02-28"),
            _dating("s2", "on Wednesday", "Boston schools will be closed on Wednesday", "2024-03-06")]  # fmt: skip
    assert date_mismatches(same) == []
    other = [_dating("s1", "Wednesday", "Schools in Boston were closed on Wednesday", "2024-03-06"),
             _dating("s2", "Thursday", "Boston schools will be closed on Thursday", "2024-03-07")]  # fmt: skip
    assert len(date_mismatches(other)) == 1
    told = [_dating("s1", "Wednesday", "Schools in Boston were closed on Wednesday", "2024-03-06"),
            _dating("s2", "6 March", "Boston schools will be closed on 6 March", "2024-03-06"),
            _dating("s3", "5 March", "Boston schools were closed on 5 March", "2024-03-05")]  # fmt: skip
    assert len(date_mismatches(told)) == 1


def test_a_clause_giving_two_days_is_no_side_of_a_date_disagreement() -> None:
    """ "ordered the evacuation on Tuesday and said it would remain until Friday": its Tuesday is when the
    order was given, not another day for the evacuation's end that a second source puts on Friday."""
    both = "Governor Marta Ruiz ordered the evacuation on Tuesday and said it would remain until at least Friday"
    s1 = _dating("s1", "Tuesday", both, "2025-05-13")
    s1.dates.append(s1.dates[0].model_copy(update={"text": "Friday", "resolved": "2025-05-16"}))
    s2 = _dating("s2", "until Friday", "The evacuation order will remain until Friday at the earliest", "2025-05-16")
    assert date_mismatches([s1, s2]) == []
    s3 = _dating("s3", "Thursday", "The evacuation order will remain until Thursday at the earliest", "2025-05-15")
    assert len(date_mismatches([s1, s2, s3])) == 1  # two sources with one day each still disagree


def test_an_articles_own_date_and_a_quotations_today_are_no_side_of_a_date_disagreement() -> None:
    """The datelines "11 March 2025" and "12 March 2025" of two outlets were a disagreement "When: 11 March
    2025?"; so were two outlets' "today" in one quotation ("we let our customers down today"), one of them
    published the day after it was said."""
    stamps = [_dating("s1", "11 March 2025", "11 March 2025", "2025-03-11"),
              _dating("s2", "12 March 2025", "Last updated 12 March 2025", "2025-03-12")]  # fmt: skip
    assert date_mismatches(stamps) == []
    said = "We let our customers and their customers down today, and I am deeply sorry"
    quoted = []
    for source, day in (("s1", "2025-09-09"), ("s2", "2025-09-10")):
        report = _dating(source, "today", "We let our customers and their customers down today", day)
        report.quotes = _quoting(source, "Mireille Okafor-Brandt", said).quotes
        quoted.append(report)
    assert date_mismatches(quoted) == []
    for report in quoted:  # said outside a quotation, the two days still disagree
        report.quotes = []
    assert len(date_mismatches(quoted)) == 1


def test_each_quote_is_in_one_disagreement_at_most() -> None:
    """a ~ b and c ~ b, but not a ~ c; with b met last, b used to be reported twice: [a|b] and [c|b].
    Now b is a side of the one it is most like (a: 76 against 75), and c, unlike a, is another remark:
    not a third side, as a chain a ~ b ~ c made it."""
    a = "We will hold talks on trade and energy in the capital"
    b = "We will hold talks on trade and security next month"
    c = "Talks on security next month were agreed by both leaders"
    reports = [_quoting("s1", "Dmitry Peskov", a), _quoting("s2", "Peskov", c), _quoting("s3", "Dmitry Peskov", b)]
    found = quote_variants(reports)
    spans = [(s.evidence.source, s.text) for q in found for side in q.answers for s in side.statements]
    assert len(spans) == len(set(spans)), found  # no quote twice
    assert len(found) == 1
    assert [side.answer for side in found[0].answers] == [a, b]
    assert [side.sources for side in found[0].answers] == [["s1"], ["s3"]]
    assert found[0].question == "What exactly did Dmitry Peskov say?"


def test_a_chain_of_like_wordings_is_not_one_remark() -> None:
    """Each wording is one word away from the one before, so the first and the last share little: the
    sides of each disagreement are all like its first wording, and the chain is cut into several."""
    words = "ministers will meet bankers tomorrow morning discuss interest rates inflation budget".split()
    other = "senators never visited farmers yesterday evening about grain prices drought subsidies".split()
    wordings = [" ".join(other[:k] + words[k:]) for k in range(len(words))]
    found = quote_variants([_quoting(f"s{k}", "Okonjo", said) for k, said in enumerate(wordings)])
    assert len(found) >= 2
    for question in found:
        first = fold(question.answers[0].answer)
        for side in question.answers[1:]:
            assert fuzz.token_set_ratio(first, fold(side.answer)) >= QUOTE_SIMILARITY, (first, side.answer)


def test_quotes_sharing_one_word_are_two_remarks() -> None:
    """'very, very constructive' shares 'constructive' with the other wording of the visit, and nothing
    else: it is another remark, not a third side of the wording disagreement."""
    a, b = "timely, constructive, and beneficial.", "It was timely, useful and constructive."
    reports = [
        _quoting("s1", "Peskov", a),
        _quoting("s2", "Peskov", b),
        _quoting("s3", "Peskov", "very, very constructive"),
    ]
    (found,) = quote_variants(reports)
    assert [side.answer for side in found.answers] == [a, b]
    # nor is a remark that shares one content word and the small ones ("have", "the", "in") every remark has
    said = "We have not seen surge like this in the Keys in a generation"
    other = "If you stayed behind on the lower Keys, stay where you are until crews have cleared U.S. 1."
    assert quote_variants([_quoting("s1", "Whitcombe", said), _quoting("s2", "Whitcombe", other)]) == []


def test_one_wording_of_several_sources_is_one_side() -> None:
    """Sources quoting alike are one side; a source alone with two wordings is no disagreement."""
    a = "We will hold talks on trade and energy in the capital"
    b = "We will hold talks on trade and security next month"
    same = [_quoting("s1", "Peskov", a), _quoting("s2", "Peskov", a), _quoting("s3", "Peskov", b)]
    (found,) = quote_variants(same)
    assert [(side.answer, side.sources) for side in found.answers] == [(a, ["s1", "s2"]), (b, ["s3"])]
    alone = [_quoting("s1", "Peskov", a), _quoting("s1", "Peskov", b)]
    assert quote_variants(alone) == []


def _claiming(source: str, *statements: str) -> ArticleReport:
    text = " ".join(statements)
    claims = []
    for said in statements:
        start = text.index(said)
        span = Evidence(source=source, start=start, end=start + len(said), text=said)
        claims.append(GroundedClaim(statement=said, topic="", evidence=span))
    return ArticleReport(
        source=SourceInfo(id=source, path=f"{source}.txt", sha256="0", chars=len(text)),
        claims=claims,
        grounding=Grounding(proposed=len(claims), grounded=len(claims), dropped=0),
    )


def test_a_disputed_answer_is_shown_by_its_claim_that_disputes() -> None:
    """An answer's first claim stood for it: "Don Valley needed a spark" was shown against "the 58th
    minute", the clashing "equaliser came on 61 minutes" only among its evidence."""
    reports = [
        _claiming("wire", "Ferreira-Hale levelled on 58 minutes."),
        _claiming("fans", "Don Valley needed a spark.", "Ferreira-Hale's equaliser came on 61 minutes."),
    ]
    alignment = Alignment(answers=[[0], [1, 2]], questions=[[0, 1]], topics=[[0]], conflicts={(0, 1)})
    (question,) = merge(reports, alignment=alignment).questions
    assert question.status == "disagreement" and question.kind == "numeric"
    shown = {answer.answer for answer in question.answers}
    assert shown == {"Ferreira-Hale levelled on 58 minutes.", "Ferreira-Hale's equaliser came on 61 minutes."}
    assert question.question in shown  # claims with no question of their own are asked as an answer shown


def test_a_source_is_not_on_both_sides_of_a_dispute_by_a_claim_that_takes_no_part() -> None:
    """ "The 48-hour strike is the first since 2016" joined "1,500 flights scrapped over two days" by its
    length, so the wire that gave "about 1,200 flights" stood on both sides of the flights dispute. Such a
    claim is an answer of its own; one that takes part in the dispute stays."""
    reports = [
        _claiming("biz", "Nordair scrapped around 1,500 flights over two days."),
        _claiming("wire", "Nordair cancelled about 1,200 flights.", "The 48-hour strike is the first since 2016."),
    ]
    alignment = Alignment(answers=[[0, 2], [1]], questions=[[0, 1]], topics=[[0, 1]], conflicts={(0, 1)})
    questions = merge(reports, alignment=alignment).questions
    (dispute,) = [q for q in questions if q.status == "disagreement"]
    assert [a.sources for a in dispute.answers] in (
        [["biz"], ["wire"]],
        [["wire"], ["biz"]],
    )
    assert any(q.answers[0].answer == "The 48-hour strike is the first since 2016." for q in questions)


def test_a_claim_set_apart_takes_its_dispute_along_and_leaves_none_behind() -> None:
    """One answer of two claims, each disputed by a different answer: "140 mph" (s2) against "130 mph",
    and the Thursday of "homes flattened" (s3) against s2's own Friday. The 140 mph claim would put s2 on
    both sides of the date dispute, so it stands apart: it keeps its dispute with "130 mph", and the
    Thursday claim left behind is no side of the wind speed."""
    reports = [
        _claiming("s1", "Winds reached 130 mph as the storm came ashore."),
        _claiming("s2", "The storm came ashore packing winds of 140 mph.", "Residents returned on Friday."),
        _claiming("s3", "Residents returned on Thursday to find homes flattened."),
    ]
    # claims in order: 0 s1's 130 mph, 1 s2's 140 mph, 2 s2's Friday, 3 s3's Thursday
    alignment = Alignment(answers=[[0], [1, 3], [2]], questions=[[0, 1, 2]], topics=[[0]], conflicts={(0, 1), (1, 2)})
    disputed = set()
    for question in merge(reports, alignment=alignment).questions:
        for x, y in question.conflicts:
            left, right = (" ".join(s.text for s in question.answers[a].statements) for a in (x, y))
            disputed.add(frozenset((left, right)))
    speed = frozenset(
        ("Winds reached 130 mph as the storm came ashore.", "The storm came ashore packing winds of 140 mph.")
    )
    day = frozenset(("Residents returned on Friday.", "Residents returned on Thursday to find homes flattened."))
    assert disputed == {speed, day}


def test_opposite_outcomes_no_outlet_holds_against_the_other_are_no_dispute() -> None:
    """ "Forced the trust to cancel operations" and "400 operations have been postponed" read as opposite
    outcomes; when every outlet of the first gives the second too, no outlet holds one against the other.
    A third outlet that gives only the first does."""
    postponed, cancelled = (
        "Around 400 planned operations have been postponed.",
        "The attack forced the trust to cancel operations.",
    )
    reports = [_claiming("s1", postponed, cancelled), _claiming("s2", "About 400 planned operations were postponed.")]
    alignment = Alignment(answers=[[0, 2], [1]], questions=[[0, 1]], topics=[[0]], conflicts={(0, 1)})
    assert not [q for q in merge(reports, alignment=alignment).questions if q.status == "disagreement"]
    reports.append(_claiming("s3", "The trust was forced to cancel operations."))
    alignment = Alignment(answers=[[0, 2], [1, 3]], questions=[[0, 1]], topics=[[0]], conflicts={(0, 1)})
    assert [q.kind for q in merge(reports, alignment=alignment).questions if q.status == "disagreement"] == [
        "contradiction"
    ]
