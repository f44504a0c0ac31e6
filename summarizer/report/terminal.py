"""The report on a terminal: rich tables for the event, disagreements, facts and warnings.

A terminal obeys control characters (``ESC ] 0 ;`` retitles the window, ``ESC [ 2 J`` clears it), so
every string of the report is stripped of them first; text is escaped, never read as rich markup.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from summarizer.printable import cleaned, printable
from summarizer.report.common import footer, quoted, warning_lines
from summarizer.schemas import EventReport, Fact, Side


def terminal(report: EventReport) -> Group:
    """A rich renderable: event, disagreements, consensus, partial facts, then warnings."""
    report = cleaned(report, printable)
    parts: list[RenderableType] = [Panel(escape(report.event), title="Event", title_align="left")]
    if report.disagreements:
        table = Table(title="Where the sources disagree", show_lines=True, expand=True)
        table.add_column("Kind", no_wrap=True)
        table.add_column("Question")
        table.add_column("Side A")
        table.add_column("Side B")
        for d in report.disagreements:
            a, b, *rest = d.sides
            b_text = _side(b) + "".join("\n— or —\n" + _side(s) for s in rest)
            table.add_row(d.kind, escape(d.question), escape(_side(a)), escape(b_text))
        parts.append(table)
    else:
        parts.append(Text("No disagreements found between the sources."))
    parts.append(_facts("What the sources agree on", report.consensus, len(report.sources)))
    parts.append(_facts("Reported by only some sources", report.partial, len(report.sources)))
    parts.append(Text(footer(report)))
    warnings = warning_lines(report)
    if warnings:
        parts.append(Panel("\n".join(escape(w) for w in warnings), title="Warnings", title_align="left"))
    return Group(*parts)


def _side(side: Side) -> str:
    return f"{side.answer}\n[{', '.join(side.sources)}]"


def _facts(title: str, facts: list[Fact], total: int) -> Table | Text:
    if not facts:
        return Text(f"{title}: none.")
    table = Table(title=title, expand=True)
    table.add_column("Sources", justify="right", no_wrap=True)
    table.add_column("Fact")
    table.add_column("Evidence")
    for fact in facts:
        evidence = "\n".join(f"{e.source}: “{quoted(e, 100)}”" for e in fact.evidence[:3])
        table.add_row(f"{len(fact.sources)}/{total}", escape(fact.statement), escape(evidence))
    return table
