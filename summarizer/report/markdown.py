"""The report as Markdown: the terminal view's content, each piece of evidence its own quoted block.

Every quote is a blockquote paragraph of its own, with blank lines around it, so that a Markdown
renderer shows each as a separate quote instead of running them together into one paragraph.
"""

from __future__ import annotations

from summarizer.report.common import (
    conflict_note,
    conflicts_with,
    decided_label,
    dropped_note,
    engine_line,
    evidence_of,
    footer,
    is_singleton,
    kind_label,
    letter,
    quoted,
    source_labels,
    warning_lines,
)
from summarizer.schemas import Answer, EventReport, Question


def markdown(report: EventReport) -> str:
    """Headline, disagreements, consensus, partial questions, sources, warnings and the run's footer."""
    labels = source_labels(report)
    total = len(report.sources)
    out = [f"# {report.event}", "", f"*{engine_line(report)}*", ""]
    alarm = dropped_note(report)
    if alarm:
        out += [f"> **{alarm}**", ""]
    out += ["## Where the sources disagree", ""]
    if not report.disagreements:
        out += ["None found.", ""]
    for q in report.disagreements:
        out += _disagreement(q, labels, total)
    out += ["## What the sources agree on", ""]
    if not report.consensus:
        out += ["None.", ""]
    for q in report.consensus:
        out += [f"### {q.question}", ""]
        for i, a in enumerate(q.answers):
            out += _answer(a, labels, total, "" if i == 0 else "Also, compatible: ")
    out += ["## Reported by only some sources", ""]
    if not report.partial:
        out += ["None.", ""]
    for q in report.partial:
        if not is_singleton(q):
            out += [f"### {q.question}", ""]
            for i, a in enumerate(q.answers):
                out += _answer(a, labels, total, f"{letter(i)}. " if len(q.answers) > 1 else "")
    singletons = [q for q in report.partial if is_singleton(q)]
    if singletons:
        out += ["### Reported by one source", ""]
    for q in singletons:
        a = q.answers[0]
        out += [f"- **{q.question}** {a.answer} — *{labels.get(a.sources[0], a.sources[0])}*", ""]
        out += [line for e in evidence_of(a) for line in (f"  > {quoted(e)} — *{labels.get(e.source, e.source)}*", "")]
    out += _sources(report, labels)
    warnings = warning_lines(report)
    if warnings:
        out += ["## Warnings", ""] + [f"- {w}" for w in warnings] + [""]
    out += [f"*{footer(report)}*", ""]
    return "\n".join(out)


def _disagreement(q: Question, labels: dict[str, str], total: int) -> list[str]:
    out = [f"### {q.question}", "", f"*{kind_label(q)} · {len(q.answers)} answers · {decided_label(q)}*", ""]
    note = conflict_note(q)
    if note:
        out += [note, ""]
    for i, a in enumerate(q.answers):
        against = conflicts_with(q, i)
        suffix = f" (conflicts with {', '.join(letter(j) for j in against)})" if note and against else ""
        out += _answer(a, labels, total, f"{letter(i)}. ", suffix)
    return out


def _answer(a: Answer, labels: dict[str, str], total: int, prefix: str = "", suffix: str = "") -> list[str]:
    """The answer in bold with its sources, then each distinct piece of its evidence as its own quote."""
    sources = ", ".join(labels.get(s, s) for s in a.sources)
    out = [f"{prefix}**{a.answer}** — {len(a.sources)}/{total}: {sources}{suffix}", ""]
    for e in evidence_of(a):
        out += [f"> {quoted(e)} — *{labels.get(e.source, e.source)}*", ""]
    return out


def _sources(report: EventReport, labels: dict[str, str]) -> list[str]:
    out = ["## Sources", ""]
    for s in report.sources:
        info = s.source
        meta = ", ".join(x for x in (info.outlet, info.author, info.published) if x)
        name = f"`{labels[info.id]}`" + (f" (`{info.id}`)" if labels[info.id] != info.id else "")
        out.append(
            f"- {name} {info.title or ''}{f' ({meta})' if meta else ''} — grounding "
            f"{s.grounding.grounded}/{s.grounding.proposed}, {s.usage.calls} call(s)"
            + (f" (tokens unknown for {s.usage.unreported_calls})" if s.usage.unreported_calls else "")
        )
    return [*out, ""]
