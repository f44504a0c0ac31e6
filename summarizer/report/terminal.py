"""The report on a terminal: rich tables for the event, each disagreement's answers side by side, the
questions the sources agree on, those only some sources answer, and warnings.

A terminal obeys control characters (``ESC ] 0 ;`` retitles the window, ``ESC [ 2 J`` clears it), so
every string of the report is stripped of them first; text is escaped, never read as rich markup.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.markup import escape
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from summarizer.printable import cleaned, printable
from summarizer.report.common import (
    conflict_note,
    conflicts_with,
    decided_label,
    dropped_note,
    engine_line,
    evidence_of,
    footer,
    kind_label,
    letter,
    quoted,
    source_labels,
    warning_lines,
)
from summarizer.schemas import Answer, EventReport, Question

EVIDENCE_SHOWN = 3  # quotes per answer in the consensus and partial tables; disagreements show all


def terminal(report: EventReport) -> Group:
    """A rich renderable: event, disagreements, consensus, partial questions, then warnings."""
    report = cleaned(report, printable)
    labels = source_labels(report)
    total = len(report.sources)
    parts: list[RenderableType] = [Panel(escape(report.event), title="Event", title_align="left")]
    parts.append(Text(engine_line(report), style="dim"))
    alarm = dropped_note(report)
    if alarm:
        parts.append(Text(alarm, style="bold yellow"))
    if report.disagreements:
        parts.append(Rule("Where the sources disagree"))
        parts += [_disagreement(n, q, labels, total) for n, q in enumerate(report.disagreements, 1)]
    else:
        parts += [Rule("Where the sources disagree"), Text("No disagreements found between the sources.")]
    parts.append(_questions("What the sources agree on", report.consensus, labels, total))
    parts.append(_questions("Reported by only some sources", report.partial, labels, total))
    parts.append(Text(footer(report)))
    warnings = warning_lines(report)
    if warnings:
        parts.append(Panel("\n".join(escape(w) for w in warnings), title="Warnings", title_align="left"))
    return Group(*parts)


def _sources(answer: Answer, labels: dict[str, str], total: int) -> str:
    return f"{len(answer.sources)}/{total}: {', '.join(labels.get(s, s) for s in answer.sources)}"


def _evidence(answer: Answer, labels: dict[str, str], limit: int | None = None) -> list[str]:
    """Each distinct piece of the answer's evidence, with its source; at most ``limit`` and a count of the rest."""
    evidence = evidence_of(answer)
    shown = evidence if limit is None else evidence[:limit]
    lines = [f"{labels.get(e.source, e.source)}: “{quoted(e, 100)}”" for e in shown]
    if len(evidence) > len(shown):
        lines.append(f"… and {len(evidence) - len(shown)} more")
    return lines


def _disagreement(number: int, q: Question, labels: dict[str, str], total: int) -> Table:
    """One disagreement: a column per answer, each with its sources and every piece of its evidence."""
    note = conflict_note(q)
    table = Table(
        title=escape(f"{number}. {q.question}  [{kind_label(q)}, {decided_label(q)}]"),
        title_justify="left",
        caption=escape(note) if note else None,
        caption_justify="left",
        expand=True,
    )
    cells = []
    for i, a in enumerate(q.answers):
        table.add_column(escape(f"{letter(i)}. {a.answer}"), ratio=1, vertical="top")
        lines = [_sources(a, labels, total)]
        against = conflicts_with(q, i)
        if note:
            lines.append(f"conflicts with {', '.join(letter(j) for j in against)}" if against else "no conflict")
        cells.append(escape("\n".join(lines + _evidence(a, labels))))
    table.add_row(*cells)
    return table


def _questions(title: str, questions: list[Question], labels: dict[str, str], total: int) -> Group:
    """Consensus or partial questions: the question, its answers with their sources, and evidence."""
    if not questions:
        return Group(Rule(title), Text("None."))
    table = Table(expand=True, show_lines=True)
    table.add_column("Question", ratio=3)
    table.add_column("Answer (sources)", ratio=4)
    table.add_column("Evidence", ratio=6)
    for q in questions:
        several = len(q.answers) > 1
        answers, evidence = [], []
        for i, a in enumerate(q.answers):
            mark = ("" if i == 0 else "also: ") if q.status == "consensus" else (f"{letter(i)}. " if several else "")
            answers.append(f"{mark}{a.answer} [{_sources(a, labels, total)}]")
            evidence += _evidence(a, labels, EVIDENCE_SHOWN)
        table.add_row(escape(q.question), escape("\n".join(answers)), escape("\n".join(evidence)))
    return Group(Rule(title), table)
