"""Score an EventReport against a hand-written gold file (format: fixtures/gold/README.md).

Matching is by evidence, not by wording: a report side matches a gold side when one of its evidence
spans overlaps one of the gold side's spans in the same article. So any model, phrasing its answers
its own way, is scored on whether it pointed at the right places.

* **disagreement recall**: gold disagreements found (two of their sides matched by two report sides);
* **disagreement precision**: report disagreements that match a gold disagreement;
* **false flags**: report disagreements that match a gold *not*-disagreement;
* **consensus recall**: gold consensus facts that the top answer of a report consensus question
  covers (its evidence overlaps the gold evidence in at least half of the gold sources);
* **whole answers**: gold consensus facts whose every source's span is in one report answer;
* **distinct merged**: gold ``distinct`` pairs (both sides of a disagreement, by default) that share a
  report answer — never right;
* **grounding rate**: items grounded / items proposed, over all sources.

    summarize-eval fixtures/gold/seeds.json report.json --articles seeds/

Given an alignment dev set instead (``fixtures/alignment/README.md``), it scores the merge's grouping
of claims with no model: pairwise precision, recall and F1 of answer groups and of questions.

    summarize-eval fixtures/alignment/devset.json
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from summarizer.load import load_folder

if TYPE_CHECKING:
    from summarizer.embed import Embedder
from summarizer.schemas import EventReport, Evidence
from summarizer.text import locate

Span = tuple[str, int, int]  # source, start, end


@dataclass
class Scores:
    disagreements_found: list[str]
    disagreements_missed: list[str]
    report_disagreements: int
    report_disagreements_matched: int
    false_flags: list[str]
    consensus_found: list[str]
    consensus_missed: list[str]
    whole_answers: list[str]
    distinct_merged: list[str]
    grounded: int
    proposed: int

    @property
    def disagreement_recall(self) -> float:
        total = len(self.disagreements_found) + len(self.disagreements_missed)
        return len(self.disagreements_found) / total if total else 1.0

    @property
    def disagreement_precision(self) -> float:
        return self.report_disagreements_matched / self.report_disagreements if self.report_disagreements else 1.0

    @property
    def consensus_recall(self) -> float:
        total = len(self.consensus_found) + len(self.consensus_missed)
        return len(self.consensus_found) / total if total else 1.0

    @property
    def grounding_rate(self) -> float:
        return self.grounded / self.proposed if self.proposed else 1.0

    def lines(self) -> list[str]:
        found, missed = len(self.disagreements_found), len(self.disagreements_missed)
        agreed, unmatched = len(self.consensus_found), len(self.consensus_missed)
        return [
            f"disagreement recall    {_ratio(found, found + missed)}",
            f"disagreement precision {_ratio(self.report_disagreements_matched, self.report_disagreements)}",
            f"false flags            {len(self.false_flags):6d}  {', '.join(self.false_flags)}",
            f"consensus recall       {_ratio(agreed, agreed + unmatched)}",
            f"whole answers          {_ratio(len(self.whole_answers), agreed + unmatched)}",
            f"distinct merged        {len(self.distinct_merged):6d}  {', '.join(self.distinct_merged)}",
            f"grounding rate         {_ratio(self.grounded, self.proposed)}",
            f"missed disagreements:  {', '.join(self.disagreements_missed) or 'none'}",
        ]


def _ratio(part: int, whole: int) -> str:
    """'58.3%  (7/12)', or '     —  (0/0)' when there is nothing to divide by."""
    share = f"{part / whole:6.1%}" if whole else f"{'—':>6}"
    return f"{share}  ({part}/{whole})"


def _spans(evidence: dict[str, str], texts: dict[str, str]) -> list[Span]:
    """Gold evidence ({source: verbatim text}) as offsets in the loaded articles."""
    spans = []
    for source, words in evidence.items():
        found = locate(texts[source], words) if source in texts else None
        if found is None:
            raise ValueError(f"gold evidence not found in {source}: {words[:60]!r}")
        spans.append((source, *found))
    return spans


def _overlaps(report: list[Evidence], gold: list[Span]) -> set[str]:
    """Sources in which a report span overlaps a gold span."""
    return {e.source for e in report for s, a, b in gold if e.source == s and e.start < b and a < e.end}


def _matches(sides: list[list[Evidence]], gold_sides: list[list[Span]]) -> bool:
    """Two different report sides match two different gold sides."""
    hits = [{g for g, gold in enumerate(gold_sides) if _overlaps(side, gold)} for side in sides]
    return any(a != b for i, x in enumerate(hits) for y in hits[i + 1 :] for a in x for b in y)


def score(report: EventReport, gold: dict[str, Any], texts: dict[str, str]) -> Scores:
    gold_disagreements = {
        d["id"]: [_spans(side["evidence"], texts) for side in d["sides"]] for d in gold["disagreements"]
    }
    not_disagreements = {d["id"]: _spans(d["evidence"], texts) for d in gold.get("not_disagreements", [])}
    report_sides = [
        [[s.evidence for s in q.answers[a].statements] for a in sorted({a for pair in q.conflicts for a in pair})]
        for q in report.disagreements
    ]
    found = [gid for gid, sides in gold_disagreements.items() if any(_matches(r, sides) for r in report_sides)]
    matched = sum(any(_matches(r, sides) for sides in gold_disagreements.values()) for r in report_sides)
    false_flags = sorted(
        {
            nid
            for nid, spans in not_disagreements.items()
            for r in report_sides
            if sum(bool(_overlaps(side, spans)) for side in r) >= 2
            and not any(_matches(r, sides) for sides in gold_disagreements.values())
        }
    )
    answers = [[s.evidence for s in a.statements] for q in report.questions for a in q.answers]
    agreed = [[s.evidence for s in q.answers[0].statements] for q in report.consensus]
    consensus_found: list[str] = []
    consensus_missed: list[str] = []
    whole: list[str] = []
    for fact in gold.get("consensus", []):
        spans = _spans(fact["evidence"], texts)
        covered = any(len(_overlaps(evidence, spans)) * 2 >= len(fact["sources"]) for evidence in agreed)
        (consensus_found if covered else consensus_missed).append(fact["id"])
        if any(len(_overlaps(evidence, spans)) == len(fact["sources"]) for evidence in answers):
            whole.append(fact["id"])
    distinct = gold.get("distinct") or [[f"{d}/{a}", f"{d}/{b}"] for d, sides in gold_disagreements.items()
                                        for a in range(len(sides)) for b in range(a + 1, len(sides))]  # fmt: skip
    merged = [f"{x}~{y}" for x, y in distinct if _share_answer(answers, gold_disagreements, x, y)]
    return Scores(
        disagreements_found=found,
        disagreements_missed=[gid for gid in gold_disagreements if gid not in found],
        report_disagreements=len(report.disagreements),
        report_disagreements_matched=matched,
        false_flags=false_flags,
        consensus_found=consensus_found,
        consensus_missed=consensus_missed,
        whole_answers=whole,
        distinct_merged=merged,
        grounded=sum(s.grounding.grounded for s in report.sources),
        proposed=sum(s.grounding.proposed for s in report.sources),
    )


def _share_answer(answers: list[list[Evidence]], sides: dict[str, list[list[Span]]], x: str, y: str) -> bool:
    """One report answer holds spans of both gold sides ``x`` and ``y`` (written ``DISAGREEMENT/SIDE``)."""
    (dx, _, sx), (dy, _, sy) = x.partition("/"), y.partition("/")
    left, right = sides[dx][int(sx)], sides[dy][int(sy)]
    return any(_overlaps(evidence, left) and _overlaps(evidence, right) for evidence in answers)


@dataclass
class Pairwise:
    """Pairwise agreement of a grouping with the labels: pairs grouped together rightly, wrongly, missed."""

    right: int = 0
    wrong: int = 0
    missed: int = 0

    def add(self, labels: list[str], groups: list[int]) -> None:
        for i in range(len(labels)):
            for j in range(i + 1, len(labels)):
                same, together = labels[i] == labels[j], groups[i] == groups[j]
                self.right += same and together
                self.wrong += together and not same
                self.missed += same and not together

    def line(self, name: str) -> str:
        precision = self.right / (self.right + self.wrong) if self.right + self.wrong else 1.0
        recall = self.right / (self.right + self.missed) if self.right + self.missed else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return f"{name:24} precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}"


def score_alignment(devset: dict[str, Any], embedder: Embedder | None = None) -> dict[str, Pairwise]:
    """How :func:`summarizer.align.align` groups each event's claims, against the hand labels.

    ``answers``: pairs of claims of one event in one answer; ``questions``: in one question;
    ``answers in a question``: answer groups scored within each labelled question only;
    ``sentences as claims``: the answers again, each claim given as the source sentence it was written
    from and with no topic, as the extractive engine gives its claims (when the dev set has sentences);
    ``sentences in a question``: those sentences grouped within each labelled question, as outlets'
    answers to one question are.
    """
    from summarizer.align import align

    scores = {"answers": Pairwise(), "questions": Pairwise(), "answers in a question": Pairwise()}
    for event in devset["events"]:
        day = event.get("published")  # what the outlets' "yesterday" and "on Tuesday" are read against
        claims = [(q["id"], dict(c, published=day)) for q in event["questions"] for c in q["claims"]]
        found = align([c for _, c in claims], embedder=embedder)
        answer = {i: a for a, group in enumerate(found.answers) for i in group}
        question = {a: q for q, group in enumerate(found.questions) for a in group}
        labels = [f"{qid}/{c['answer']}" for qid, c in claims]
        scores["answers"].add(labels, [answer[i] for i in range(len(claims))])
        _score_sentences(scores, "sentences as claims", [c for _, c in claims], labels, embedder)
        scores["questions"].add([qid for qid, _ in claims], [question[answer[i]] for i in range(len(claims))])
        for q in event["questions"]:
            told = [dict(c, published=day) for c in q["claims"]]
            labels = [c["answer"] for c in told]
            scores["answers in a question"].add(labels, _answers(told, embedder))
            _score_sentences(scores, "sentences in a question", told, labels, embedder)
    return scores


def _answers(claims: list[dict[str, Any]], embedder: Embedder | None) -> list[int]:
    """Each claim's answer, as :func:`summarizer.align.align` numbers them."""
    from summarizer.align import align

    answer = {i: a for a, group in enumerate(align(claims, embedder=embedder).answers) for i in group}
    return [answer[i] for i in range(len(claims))]


def _score_sentences(
    scores: dict[str, Pairwise], name: str, claims: list[dict[str, Any]], labels: list[str], embedder: Embedder | None
) -> None:
    """When every claim has the sentence it was written from: its answers again, each claim given as that
    sentence with no topic, as the extractive engine gives its claims."""
    if all(c.get("sentence") for c in claims):
        told = [dict(c, statement=c["sentence"], topic="") for c in claims]
        scores.setdefault(name, Pairwise()).add(labels, _answers(told, embedder))


def evaluate(gold_file: Path, report: EventReport, articles: Path) -> Scores:
    """Score ``report`` against ``gold_file``; ``articles`` is the folder the report was made from."""
    gold = json.loads(Path(gold_file).read_text(encoding="utf-8"))
    texts = {a.id: a.text for a in load_folder(articles).articles}
    return score(report, gold, texts)


def run(
    gold: Annotated[Path, typer.Argument(help="Gold file (fixtures/gold/README.md) or alignment dev set.")],
    report: Annotated[Path | None, typer.Argument(help="A report written with --format json.")] = None,
    articles: Annotated[Path | None, typer.Option(help="The folder of articles the report was made from.")] = None,
) -> None:
    """Print how well a report finds the gold disagreements and consensus, or how the merge groups a dev set."""
    try:
        data = json.loads(gold.read_text(encoding="utf-8"))
        if isinstance(data, dict) and "events" in data:
            typer.echo("\n".join(p.line(name) for name, p in score_alignment(data).items()))
            return
        if report is None or articles is None:
            raise ValueError("a gold file needs the report and --articles")
        parsed = EventReport.model_validate_json(report.read_text(encoding="utf-8"))
        scores = evaluate(gold, parsed, articles)
    except (OSError, ValueError, KeyError, TypeError) as error:
        typer.echo(f"error: {' '.join(str(error).split())[:300]}", err=True)
        raise typer.Exit(2) from None
    typer.echo("\n".join(scores.lines()))


def main() -> None:
    typer.run(run)


if __name__ == "__main__":
    main()
