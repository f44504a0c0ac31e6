"""Score an EventReport against a hand-written gold file (format: fixtures/gold/README.md).

Matching is by evidence, not by wording: a report side matches a gold side when one of its evidence
spans overlaps one of the gold side's spans in the same article. So any model, phrasing its answers
its own way, is scored on whether it pointed at the right places.

* **disagreement recall**: gold disagreements found (two of their sides matched by two report sides);
* **disagreement precision**: report disagreements that match a gold disagreement;
* **false flags**: report disagreements that match a gold *not*-disagreement;
* **consensus recall**: gold consensus facts that a report consensus fact covers (its evidence overlaps
  the gold evidence in at least half of the gold sources);
* **grounding rate**: items grounded / items proposed, over all sources.

    python -m summarizer.evaluate fixtures/gold/seeds.json report.json --articles seeds/
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer

from summarizer.load import load_folder
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
    report_sides = [[side.evidence for side in d.sides] for d in report.disagreements]

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
    consensus_found: list[str] = []
    consensus_missed: list[str] = []
    for fact in gold.get("consensus", []):
        spans = _spans(fact["evidence"], texts)
        covered = any(len(_overlaps(f.evidence, spans)) * 2 >= len(fact["sources"]) for f in report.consensus)
        (consensus_found if covered else consensus_missed).append(fact["id"])
    return Scores(
        disagreements_found=found,
        disagreements_missed=[gid for gid in gold_disagreements if gid not in found],
        report_disagreements=len(report.disagreements),
        report_disagreements_matched=matched,
        false_flags=false_flags,
        consensus_found=consensus_found,
        consensus_missed=consensus_missed,
        grounded=sum(s.grounding.grounded for s in report.sources),
        proposed=sum(s.grounding.proposed for s in report.sources),
    )


def evaluate(gold_file: Path, report: EventReport, articles: Path) -> Scores:
    """Score ``report`` against ``gold_file``; ``articles`` is the folder the report was made from."""
    gold = json.loads(Path(gold_file).read_text(encoding="utf-8"))
    texts = {a.id: a.text for a in load_folder(articles).articles}
    return score(report, gold, texts)


def run(
    gold: Annotated[Path, typer.Argument(help="Gold file (see fixtures/gold/README.md).")],
    report: Annotated[Path, typer.Argument(help="A report written with --format json.")],
    articles: Annotated[Path, typer.Option(help="The folder of articles the report was made from.")],
) -> None:
    """Print how well a report finds the gold disagreements and consensus."""
    try:
        parsed = EventReport.model_validate_json(report.read_text(encoding="utf-8"))
        scores = evaluate(gold, parsed, articles)
    except (OSError, ValueError) as error:
        typer.echo(f"error: {' '.join(str(error).split())[:300]}", err=True)
        raise typer.Exit(2) from None
    typer.echo("\n".join(scores.lines()))


def main() -> None:
    typer.run(run)


if __name__ == "__main__":
    main()
