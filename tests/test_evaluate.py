"""The evaluation harness scores reports against the hand-written gold file, by evidence."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import FIXTURES, SEEDS

from summarizer import summarize
from summarizer.annotated import annotated_reports
from summarizer.evaluate import evaluate, score
from summarizer.load import load_folder
from summarizer.merge import merge
from summarizer.schemas import Disagreement, EventReport, Evidence, Fact, RunInfo, Side
from summarizer.text import locate

GOLD_FILE = FIXTURES / "gold" / "seeds.json"
GOLD = json.loads(GOLD_FILE.read_text(encoding="utf-8"))
TEXTS = {a.id: a.text for a in load_folder(SEEDS).articles}
RUN = RunInfo(backend="test", model="test", mode="test", prompt_version="x", schema_version="1", tool_version="x")


def evidence(source: str, words: str) -> Evidence:
    start, end = locate(TEXTS[source], words)
    return Evidence(source=source, start=start, end=end, text=TEXTS[source][start:end])


def report_with(disagreements: list[Disagreement], consensus: list[Fact] | None = None) -> EventReport:
    return EventReport(
        event="e", sources=[], consensus=consensus or [], partial=[], disagreements=disagreements, run=RUN
    )


def gold_as_report() -> EventReport:
    """A report that says exactly what the gold file says."""
    disagreements = [
        Disagreement(kind=d["kind"], question=d["question"], sides=[
            Side(answer=s["answer"], sources=s["sources"], evidence=[evidence(k, v) for k, v in s["evidence"].items()])
            for s in d["sides"]
        ])
        for d in GOLD["disagreements"]
    ]  # fmt: skip
    consensus = [
        Fact(statement=f["statement"], topic="?", sources=f["sources"],
             evidence=[evidence(k, v) for k, v in f["evidence"].items()])
        for f in GOLD["consensus"]
    ]  # fmt: skip
    return report_with(disagreements, consensus)


def test_the_gold_itself_scores_perfectly() -> None:
    scores = score(gold_as_report(), GOLD, TEXTS)
    assert scores.disagreement_recall == scores.disagreement_precision == scores.consensus_recall == 1.0
    assert scores.false_flags == [] and scores.disagreements_missed == []


def test_an_empty_report_finds_nothing() -> None:
    scores = score(report_with([]), GOLD, TEXTS)
    assert scores.disagreement_recall == 0.0 and scores.consensus_recall == 0.0
    assert len(scores.disagreements_missed) == len(GOLD["disagreements"])


def test_flagging_next_month_against_october_is_a_false_flag() -> None:
    lavrov = Disagreement(kind="date", question="When will Lavrov go?", sides=[
        Side(answer="next month", sources=["000_7df43367a2b14d04"],
             evidence=[evidence("000_7df43367a2b14d04", "would visit North Korea next month")]),
        Side(answer="October", sources=["004_60b51e329afa7c5a"],
             evidence=[evidence("004_60b51e329afa7c5a", "with his trip expected in October")]),
    ])  # fmt: skip
    scores = score(report_with([lavrov]), GOLD, TEXTS)
    assert scores.false_flags == ["lavrov-next-month-vs-october"]
    assert scores.disagreement_precision == 0.0


def test_one_side_alone_is_not_a_match() -> None:
    """Both sides of a gold disagreement must be matched, by different report sides."""
    gold = next(d for d in GOLD["disagreements"] if d["id"] == "visit-ended-early")
    side = gold["sides"][0]
    spans = [evidence(k, v) for k, v in side["evidence"].items()]
    half = Disagreement(kind="contradiction", question="q", sides=[
        Side(answer="a", sources=side["sources"], evidence=spans[:1]),
        Side(answer="b", sources=side["sources"], evidence=spans[1:]),
    ])  # fmt: skip
    assert "visit-ended-early" not in score(report_with([half]), GOLD, TEXTS).disagreements_found


def test_replayed_hand_annotated_run_goes_through_the_same_merge_and_harness() -> None:
    """The scripted recording (hand-annotated answers, not a model) replays through the whole pipeline:
    extraction, grounding, the deterministic merge and the judge step, then the harness."""
    recording = FIXTURES / "recordings" / "seeds-annotated"
    assert "not a model recording" in (recording / "backend.json").read_text(encoding="utf-8")
    replayed = summarize(SEEDS, replay_from=recording)
    direct = merge(annotated_reports(SEEDS, FIXTURES / "annotated"))
    deterministic = [d.model_dump() for d in direct.disagreements]
    assert deterministic and all(d in [r.model_dump() for r in replayed.disagreements] for d in deterministic)
    scores = evaluate(GOLD_FILE, replayed, SEEDS)
    assert scores.grounding_rate == 1.0
    assert scores.disagreements_missed == [] and scores.false_flags == []
    assert scores.disagreement_precision == 1.0
    assert replayed.judge_usage.calls == 1  # one candidate group for one small cluster


def test_the_command_prints_the_scores(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    report.write_text(gold_as_report().model_dump_json(), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "summarizer.evaluate", str(GOLD_FILE), str(report), "--articles", str(SEEDS)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "disagreement recall    100.0%" in done.stdout and "consensus recall       100.0%" in done.stdout


@pytest.mark.parametrize("bad", ["not json", '{"event": 1}'])
def test_a_bad_report_is_a_one_line_error(tmp_path: Path, bad: str) -> None:
    report = tmp_path / "report.json"
    report.write_text(bad, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "summarizer.evaluate", str(GOLD_FILE), str(report), "--articles", str(SEEDS)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 2 and done.stderr.startswith("error:") and len(done.stderr.strip().splitlines()) == 1
