"""The report on a terminal: the event and its brief, a timeline, rich tables for each disagreement's
answers side by side, the questions the sources agree on, those only some sources answer, and warnings.

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
    asked,
    brief_lines,
    brief_title,
    by_source,
    conflict_note,
    conflicts_with,
    decided_label,
    dropped_note,
    engine_line,
    footer,
    heading,
    kind_label,
    letter,
    proofs,
    quoted,
    silent,
    source_labels,
    timeline,
    warning_lines,
)
from summarizer.schemas import Answer, EventReport, Question

TEXT_WIDTH = 110  # columns of a report rendered as plain text (-f text, a file): no terminal to ask
QUOTE_CHARS = 100  # of each piece of evidence: the stretch around the words of its statement


def terminal(report: EventReport) -> Group:
    """A rich renderable: event, disagreements, consensus, partial questions, then warnings."""
    report = cleaned(report, printable)
    labels = source_labels(report)
    parts: list[RenderableType] = [Panel(escape(report.event), title="Event", title_align="left")]
    parts.append(Text(engine_line(report), style="dim"))
    alarm = dropped_note(report)
    if alarm:
        parts.append(Text(alarm, style="bold yellow"))
    parts += _brief(report, labels)
    numbers = {id(q): n for n, q in enumerate(report.questions, 1)}
    if report.disagreements:
        parts.append(Rule("Where the sources disagree"))
        parts += [_disagreement(numbers[id(q)], q, report, labels) for q in report.disagreements]
    else:
        parts += [Rule("Where the sources disagree"), Text("No disagreements found between the sources.")]
    parts.append(_questions("What the sources agree on", report.consensus, report, labels, numbers))
    parts.append(_questions("Reported by only some sources", report.partial, report, labels, numbers))
    parts.append(_sources_table(report, labels))
    parts.append(Text(footer(report)))
    warnings = warning_lines(report)
    if warnings:
        parts.append(Panel("\n".join(escape(w) for w in warnings), title="Warnings", title_align="left"))
    return Group(*parts)


def _brief(report: EventReport, labels: dict[str, str]) -> list[RenderableType]:
    """The brief (each sentence with the answers it cites) and the timeline of resolved dates."""
    parts: list[RenderableType] = []
    lines = brief_lines(report)
    if lines:
        text = "\n".join(
            f"• {_flag(sentence, disputed)}{sentence} [{', '.join(cites)}]" for sentence, cites, disputed in lines
        )
        parts.append(Panel(escape(text), title=escape(f"In brief — {brief_title(report)}"), title_align="left"))
    moments = timeline(report)
    if moments:
        table = Table(title="Timeline (dates resolved against each article's date)", title_justify="left", expand=True)
        table.add_column("When", no_wrap=True)
        table.add_column("What", ratio=5)
        table.add_column("Sources", ratio=3)
        for m in moments:
            what = m.what + (f"  [disputed: see {m.disputed}]" if m.disputed else "")
            table.add_row(escape(m.when), escape(what), escape(", ".join(labels.get(s, s) for s in m.sources)))
        parts.append(table)
    return parts


def _sources_table(report: EventReport, labels: dict[str, str]) -> Table:
    """Who each name is: outlet, headline, author, date, and the file or address it was read from."""
    table = Table(title="Sources", title_justify="left", expand=True)
    table.add_column("Source", ratio=2)
    table.add_column("Headline", ratio=5)
    table.add_column("Read from", ratio=4)
    for s in report.sources:
        info = s.source
        about = ", ".join(x for x in (info.author, info.published) if x and x != labels[info.id])
        title = (info.title or "") + (f" ({about})" if about else "")
        table.add_row(escape(labels[info.id]), escape(title), escape(info.url or info.path))
    return table


def _flag(sentence: str, disputed: bool) -> str:
    return "[disputed] " if disputed and not sentence.startswith("Disputed") else ""


def _sources(answer: Answer, labels: dict[str, str], total: int) -> str:
    return f"{len(answer.sources)}/{total}: {', '.join(labels.get(s, s) for s in answer.sources)}"


def _all_evidence(answer: Answer, labels: dict[str, str]) -> list[str]:
    """Every distinct piece of the answer's evidence, with its source."""
    return [f"{labels.get(e.source, e.source)}: “{quoted(e, QUOTE_CHARS, focus)}”" for e, focus in proofs(answer)]


def _each_source(answer: Answer, labels: dict[str, str]) -> list[str]:
    """One piece of evidence per source, and "+N more" where a source has more."""
    return [
        f"{labels.get(e.source, e.source)}: “{quoted(e, QUOTE_CHARS, focus)}”" + (f" (+{more} more)" if more else "")
        for e, focus, more in by_source(answer)
    ]


def _silent(report: EventReport, q: Question, labels: dict[str, str]) -> list[str]:
    quiet = silent(report, q)
    return [f"not reported by: {', '.join(labels.get(s, s) for s in quiet)}"] if quiet else []


def _disagreement(number: int, q: Question, report: EventReport, labels: dict[str, str]) -> Table:
    """One disagreement: a column per answer, each with its sources and every piece of its evidence."""
    note = conflict_note(q)
    quiet = _silent(report, q, labels)
    caption = "\n".join(x for x in [note or "", *quiet] if x)
    table = Table(
        title=escape(f"{heading(number, q)}  [{kind_label(q)}, {decided_label(q)}]"),
        title_justify="left",
        caption=escape(caption) if caption else None,
        caption_justify="left",
        expand=True,
    )
    cells = []
    for i, a in enumerate(q.answers):
        table.add_column(escape(f"{letter(i)}. {a.answer}"), ratio=1, vertical="top")
        lines = [_sources(a, labels, len(report.sources))]
        against = conflicts_with(q, i)
        if note:
            lines.append(f"conflicts with {', '.join(letter(j) for j in against)}" if against else "no conflict")
        cells.append(escape("\n".join(lines + _all_evidence(a, labels))))
    table.add_row(*cells)
    return table


def _questions(
    title: str, questions: list[Question], report: EventReport, labels: dict[str, str], numbers: dict[int, int]
) -> Group:
    """Consensus or partial questions: the question, its answers with their sources and who is silent,
    and one piece of evidence per source."""
    if not questions:
        return Group(Rule(title), Text("None."))
    table = Table(expand=True, show_lines=True)
    table.add_column("Question", ratio=3 if any(asked(q) for q in questions) else 1)  # else numbers only
    table.add_column("Answer (sources)", ratio=4)
    table.add_column("Evidence", ratio=6)
    total = len(report.sources)
    for q in questions:
        several = len(q.answers) > 1
        answers, evidence = [], []
        for i, a in enumerate(q.answers):
            mark = ("" if i == 0 else "also: ") if q.status == "consensus" else (f"{letter(i)}. " if several else "")
            answers.append(f"{mark}{a.answer} [{_sources(a, labels, total)}]")
            evidence += _each_source(a, labels)
        answers += _silent(report, q, labels)
        table.add_row(escape(heading(numbers[id(q)], q)), escape("\n".join(answers)), escape("\n".join(evidence)))
    return Group(Rule(title), table)


def plain_text(renderable: RenderableType) -> str:
    """What the terminal would show, as plain text without colour, :data:`TEXT_WIDTH` columns wide."""
    import io

    from rich.console import Console

    console = Console(width=TEXT_WIDTH, record=True, file=io.StringIO(), color_system=None)
    console.print(renderable)
    return console.export_text()
