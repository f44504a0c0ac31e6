"""What every format of a report shows alike: warning lines, the run's footer, quoted evidence."""

from __future__ import annotations

from summarizer.schemas import EventReport, Evidence
from summarizer.text import shorten


def quoted(evidence: Evidence, limit: int = 160) -> str:
    return shorten(evidence.text, limit)


def footer(report: EventReport) -> str:
    run = report.run
    grounded = sum(s.grounding.grounded for s in report.sources)
    proposed = sum(s.grounding.proposed for s in report.sources)
    return (
        f"{len(report.sources)} source(s) · model {run.model} ({run.backend}, mode {run.mode}) · "
        f"{grounded}/{proposed} proposed items grounded"
    )


def warning_lines(report: EventReport) -> list[str]:
    """Failed articles, skipped files, notes (the run's, then each source's) and dropped items, one line
    each (dropped items summarized)."""
    lines = [f"failed: {p.path}: {p.reason}" for p in report.failed]
    lines += [f"skipped: {p.path}: {p.reason}" for p in report.skipped]
    lines += [f"note: {note}" for note in report.notes]
    lines += [f"note: {s.source.id}: {warning}" for s in report.sources for warning in s.source.warnings]
    for source in report.sources:
        if source.dropped:
            lines.append(
                f"dropped {len(source.dropped)} ungrounded item(s) from {source.source.id} "
                f"(grounding {source.grounding.grounded}/{source.grounding.proposed})"
            )
    return lines
