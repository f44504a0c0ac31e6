"""What the tests share: paths of the repository's data, small builders of input folders, and the
textbook average-link clustering the linkages are checked against."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
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


Pair = tuple[int, int]


def across(candidates: set[Pair]) -> Callable[[list[int], list[int]], bool]:
    """Whether a candidate pair joins two clusters."""
    return lambda a, b: any((min(i, j), max(i, j)) in candidates for i in a for j in b)


def textbook_link(
    n: int,
    sims: dict[Pair, float],
    threshold: float,
    cannot: set[Pair],
    may_merge: Callable[[list[int], list[int]], bool] | None = None,
    start: list[list[int]] | None = None,
) -> list[list[int]]:
    """Average-link clustering as the textbook does it, every pair of clusters compared at every step:
    what the linkages are checked against."""
    clusters = [list(g) for g in start] if start is not None else [[i] for i in range(n)]
    while True:
        best = None
        for x in range(len(clusters)):
            for y in range(x + 1, len(clusters)):
                a, b = clusters[x], clusters[y]
                if any((min(i, j), max(i, j)) in cannot for i in a for j in b):
                    continue
                if may_merge is not None and not may_merge(a, b):
                    continue
                total = sum(sims.get((min(i, j), max(i, j)), 0.0) for i in a for j in b)
                key = (total / (len(a) * len(b)), -min(a[0], b[0]), -max(a[0], b[0]))
                if best is None or key > best[0]:
                    best = (key, x, y)
        if best is None or best[0][0] < threshold:
            return sorted((sorted(c) for c in clusters), key=lambda c: c[0])
        _, x, y = best
        clusters[x] = clusters[x] + clusters.pop(y)


def dev_texts() -> list[str]:
    """Every statement and sentence of the alignment dev set, and a few texts that hold numbers in words."""
    events = json.loads((FIXTURES / "alignment" / "devset.json").read_text())["events"]
    texts = [c[k] for e in events for q in e["questions"] for c in q["claims"] for k in ("statement", "sentence")]
    return texts + ["TWENTY-ONE people", "the Third of them", "one in five voters", "3 days ago", "Two hundred left"]
