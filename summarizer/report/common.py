"""What every format of a report shows alike: warning lines, the run's footer, quoted evidence and how
it matched, calls whose tokens are unknown."""

from __future__ import annotations

from summarizer.schemas import EventReport, Evidence
from summarizer.text import shorten


def quoted(evidence: Evidence, limit: int = 160) -> str:
    return shorten(evidence.text, limit)


_HOW = {
    "exact": "found as written",
    "folded": "found once case, quotes, dashes and spacing are folded",
    "fuzzy": "found as a near match",
    "sentence": "the cited sentence says it",
}


def how_matched(evidence: Evidence) -> str:
    """How the span was found, for a tooltip: 'fuzzy match (score 93.5): found as a near match'."""
    score = f" (score {evidence.score:g})" if evidence.score is not None and evidence.match == "fuzzy" else ""
    return f"{evidence.match} match{score}: {_HOW[evidence.match]}"


def footer(report: EventReport) -> str:
    run = report.run
    grounded = sum(s.grounding.grounded for s in report.sources)
    proposed = sum(s.grounding.proposed for s in report.sources)
    counts = {kind: sum(getattr(s.grounding.matches, kind) for s in report.sources) for kind in _HOW}
    how = ", ".join(f"{n} {kind}" for kind, n in counts.items() if n)
    line = (
        f"{len(report.sources)} source(s) · model {run.model} ({run.backend}, mode {run.mode}) · "
        f"{grounded}/{proposed} proposed items grounded" + (f" ({how})" if how else "")
    )
    unknown = usage_note(report)
    return f"{line} · {unknown}" if unknown else line


def usage_note(report: EventReport) -> str | None:
    """'tokens unknown for 2 of 6 calls …' when some requests (timed out, dropped) reported no tokens."""
    usages = [s.usage for s in report.sources] + [report.judge_usage]
    unknown = sum(u.unreported_calls for u in usages)
    if not unknown:
        return None
    calls = sum(u.calls for u in usages)
    return f"tokens unknown for {unknown} of {calls} call(s) (timed out, dropped or not reported): token counts are low"


def warning_lines(report: EventReport) -> list[str]:
    """Failed articles, skipped files and dropped items, one line each (dropped items summarized)."""
    lines = [f"failed: {p.path}: {p.reason}" for p in report.failed]
    lines += [f"skipped: {p.path}: {p.reason}" for p in report.skipped]
    lines += [f"note: {note}" for note in report.notes]
    for source in report.sources:
        if source.dropped:
            lines.append(
                f"dropped {len(source.dropped)} ungrounded item(s) from {source.source.id} "
                f"(grounding {source.grounding.grounded}/{source.grounding.proposed})"
            )
    return lines
