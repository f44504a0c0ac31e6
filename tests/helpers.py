"""What the tests share: paths of the repository's data and small builders of input folders."""

from __future__ import annotations

import shutil
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from summarizer.schemas import EventReport

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "fixtures"
RECORDING = FIXTURES / "recordings" / "seeds-smollm2"


def code_root() -> Path:
    """The folder holding the ``summarizer`` package under test: a child process's PYTHONPATH."""
    import summarizer

    return Path(summarizer.__file__).resolve().parent.parent


def folder_of(tmp_path: Path, *seeds: str) -> Path:
    """A fresh folder ``tmp_path/in`` holding copies of the named seed articles."""
    folder = tmp_path / "in"
    folder.mkdir()
    for seed in seeds:
        shutil.copy(SEEDS / f"{seed}.txt", folder)
    return folder


@cache
def annotated_report() -> EventReport:
    """The hand-annotated seeds merged into one report: real content, real disagreements, no model.

    Built directly (annotations → article reports → merge), so no judge: every question is decided by
    rules. Built once per test process; do not change it."""
    from summarizer import __version__
    from summarizer.annotated import annotated_reports
    from summarizer.brief import assembled_brief
    from summarizer.embed import WordLlama
    from summarizer.merge import merge
    from summarizer.schemas import SCHEMA_VERSION, EventReport, RunInfo

    reports = annotated_reports(SEEDS, FIXTURES / "annotated")
    merged = merge(reports)
    run = RunInfo(
        backend="annotated",
        model="hand annotations",
        mode="none",
        prompt_version="-",
        schema_version=SCHEMA_VERSION,
        tool_version=__version__,
        embedder=WordLlama.name,
    )
    brief = assembled_brief(merged.questions, reports)
    return EventReport(event=merged.event, brief=brief, sources=reports, questions=merged.questions, run=run)


def seed_answer(seed: str) -> str:
    """The hand-annotated extraction of a seed, as the JSON a model would answer for it."""
    from summarizer.annotated import load_annotation, to_summary
    from summarizer.load import Article

    path = SEEDS / f"{seed}.txt"
    article = Article(path, path.read_text(encoding="utf-8").strip())
    return to_summary(load_annotation(FIXTURES / "annotated" / f"{seed}.json"), article.document).model_dump_json()


def with_a_third_side(report: EventReport) -> EventReport:
    """``report`` with a third side in its quote-wording disagreement (the second side's statements under
    another wording): to show how three sides render."""
    question = next(q for q in report.disagreements if q.kind == "quote_wording")
    third = question.answers[1].model_copy(update={"answer": "timely and useful"})
    changed = question.model_copy(update={"answers": [*question.answers, third]})
    return report.model_copy(update={"questions": [changed if q is question else q for q in report.questions]})
