"""What every format of a report shows alike: warning lines, the run's footer (with how evidence
matched, and calls whose tokens are unknown), quoted evidence, and how a question's answers are named
(letters), counted, and marked as conflicting."""

from __future__ import annotations

import itertools
import string

from summarizer.schemas import Answer, EventReport, Evidence, Question
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
    embedder = f" · embedder {run.embedder}" if run.embedder else ""
    counts = {kind: sum(getattr(s.grounding.matches, kind) for s in report.sources) for kind in _HOW}
    how = ", ".join(f"{n} {kind}" for kind, n in counts.items() if n)
    line = (
        f"{len(report.sources)} source(s) · model {run.model} ({run.backend}, mode {run.mode}){embedder} · "
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


# --------------------------------------------------------------------------------------------------
# Questions and their answers
# --------------------------------------------------------------------------------------------------


def letter(index: int) -> str:
    """The name of a question's ``index``-th answer: A, B, C …"""
    return string.ascii_uppercase[index] if index < 26 else f"#{index + 1}"


def source_labels(report: EventReport) -> dict[str, str]:
    """A short label for each source id: the part before the first ``_`` (``000`` for ``000_7df4…``)
    when those parts tell every source apart, else the whole id."""
    ids = [s.source.id for s in report.sources]
    heads = [i.split("_", 1)[0] for i in ids]
    if all(heads) and len(set(heads)) == len(heads):
        return dict(zip(ids, heads, strict=True))
    return {i: i for i in ids}


def kind_label(question: Question) -> str:
    return (question.kind or "disagreement").replace("_", " ")


def decided_label(question: Question) -> str:
    return "decided by the judge" if question.decided_by == "judge" else "decided by rules"


def evidence_of(answer: Answer) -> list[Evidence]:
    """The answer's statements' evidence, each span once, in the answer's order."""
    seen: dict[tuple[str, int, int], Evidence] = {}
    for statement in answer.statements:
        e = statement.evidence
        seen.setdefault((e.source, e.start, e.end), e)
    return list(seen.values())


def conflicts_with(question: Question, index: int) -> list[int]:
    """The answers (indices) that answer ``index`` cannot be true together with."""
    return sorted({j for i, j in question.conflicts if i == index} | {i for i, j in question.conflicts if j == index})


def conflict_note(question: Question) -> str | None:
    """Which answers conflict, when not every answer conflicts with every other (else None)."""
    pairs = {tuple(sorted(p)) for p in question.conflicts}
    if not pairs or pairs == set(itertools.combinations(range(len(question.answers)), 2)):
        return None
    note = "Conflicting: " + ", ".join(f"{letter(i)} ≠ {letter(j)}" for i, j in sorted(pairs)) + "."
    free = [letter(i) for i in range(len(question.answers)) if not conflicts_with(question, i)]
    if free:
        note += f" {' and '.join(free)} conflict{'s' if len(free) == 1 else ''} with no other answer."
    return note


def is_singleton(question: Question) -> bool:
    """One answer from one source: listed compactly."""
    return len(question.answers) == 1 and len(question.answers[0].sources) == 1


def engine_line(report: EventReport) -> str:
    """What made the report, said first: a reader must know whether a language model read the articles."""
    run = report.run
    if run.backend == "extractive":
        return (
            "Engine: extractive — sentences, quotes, numbers, dates and names found by rules and offline "
            "models; no language model read the articles"
        )
    return f"Engine: {run.model} ({run.backend})"


def dropped_note(report: EventReport) -> str | None:
    """Said at the top when most of what the model proposed could not be traced to the articles."""
    proposed = sum(s.grounding.proposed for s in report.sources)
    dropped = sum(s.grounding.dropped for s in report.sources)
    if not proposed or dropped * 2 <= proposed:
        return None
    return (
        f"Most of what the model proposed ({dropped} of {proposed} items) could not be traced to the articles "
        "and was dropped (listed under Warnings): this report rests on what little remained."
    )
