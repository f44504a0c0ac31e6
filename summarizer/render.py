"""Render an EventReport for people (terminal, Markdown, HTML page) and for programs (JSON)."""

from __future__ import annotations

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from summarizer.schemas import EventReport, Evidence, Fact

FORMATS = ("text", "md", "json", "html")


def render(report: EventReport, fmt: str, texts: dict[str, str] | None = None) -> str:
    """The report as text in one of :data:`FORMATS`.

    ``html`` shows each article's text: ``texts`` (source id → text), or by default each file re-read
    from the path recorded in the report.
    """
    if fmt == "html":
        from summarizer.html import article_texts, render_html

        return render_html(report, article_texts(report) if texts is None else texts)
    if fmt == "json":
        return report.model_dump_json(indent=2) + "\n"
    if fmt == "md":
        return markdown(report)
    if fmt == "text":
        console = Console(width=110, record=True, file=_Null(), color_system=None)
        console.print(terminal(report))
        return console.export_text()
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


class _Null:
    def write(self, _: str) -> int:
        return 0

    def flush(self) -> None:
        pass


def _quote(evidence: Evidence, limit: int = 160) -> str:
    text = " ".join(evidence.text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def terminal(report: EventReport) -> Group:
    """A rich renderable: event, disagreements, consensus, partial facts, then warnings."""
    parts: list[object] = [Panel(escape(report.event), title="Event", title_align="left")]
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
    parts.append(Text(_footer(report)))
    warnings = warning_lines(report)
    if warnings:
        parts.append(Panel("\n".join(escape(w) for w in warnings), title="Warnings", title_align="left"))
    return Group(*parts)


def _side(side: object) -> str:
    answer = getattr(side, "answer")
    sources = ", ".join(getattr(side, "sources"))
    return f"{answer}\n[{sources}]"


def _facts(title: str, facts: list[Fact], total: int) -> Table | Text:
    if not facts:
        return Text(f"{title}: none.")
    table = Table(title=title, expand=True)
    table.add_column("Sources", justify="right", no_wrap=True)
    table.add_column("Fact")
    table.add_column("Evidence")
    for fact in facts:
        evidence = "\n".join(f"{e.source}: “{_quote(e, 100)}”" for e in fact.evidence[:3])
        table.add_row(f"{len(fact.sources)}/{total}", escape(fact.statement), escape(evidence))
    return table


def _footer(report: EventReport) -> str:
    run = report.run
    grounded = sum(s.grounding.grounded for s in report.sources)
    proposed = sum(s.grounding.proposed for s in report.sources)
    return (
        f"{len(report.sources)} source(s) · model {run.model} ({run.backend}, mode {run.mode}) · "
        f"{grounded}/{proposed} proposed items grounded"
    )


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


def markdown(report: EventReport) -> str:
    """The same content as the terminal view, with each item's evidence quoted with its source."""
    out = [f"# {report.event}", ""]
    out += ["## Disagreements", ""]
    if not report.disagreements:
        out += ["None found.", ""]
    for d in report.disagreements:
        out += [f"### {d.question} ({d.kind.replace('_', ' ')})", ""]
        for side in d.sides:
            out.append(f"- **{side.answer}** — {', '.join(side.sources)}")
            out += [f"  > {_quote(e)} — *{e.source}*" for e in side.evidence]
        out.append("")
    for title, facts in (("Consensus", report.consensus), ("Reported by some sources", report.partial)):
        out += [f"## {title}", ""]
        if not facts:
            out += ["None.", ""]
        for fact in facts:
            out.append(f"- {fact.statement} ({len(fact.sources)}/{len(report.sources)}: {', '.join(fact.sources)})")
            out += [f"  > {_quote(e)} — *{e.source}*" for e in fact.evidence]
        out.append("")
    out += ["## Sources", ""]
    for s in report.sources:
        info = s.source
        meta = ", ".join(x for x in (info.outlet, info.author, info.published) if x)
        out.append(
            f"- `{info.id}` {info.title or ''}{f' ({meta})' if meta else ''} — grounding "
            f"{s.grounding.grounded}/{s.grounding.proposed}, {s.usage.calls} call(s)"
        )
    out.append("")
    warnings = warning_lines(report)
    if warnings:
        out += ["## Warnings", ""] + [f"- {w}" for w in warnings] + [""]
    out += [f"*{_footer(report)}*", ""]
    return "\n".join(out)
