"""The report as Markdown: the terminal view's content, each item's evidence quoted with its source."""

from __future__ import annotations

from summarizer.report.common import footer, quoted, warning_lines
from summarizer.schemas import EventReport


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
            out += [f"  > {quoted(e)} — *{e.source}*" for e in side.evidence]
        out.append("")
    for title, facts in (("Consensus", report.consensus), ("Reported by some sources", report.partial)):
        out += [f"## {title}", ""]
        if not facts:
            out += ["None.", ""]
        for fact in facts:
            out.append(f"- {fact.statement} ({len(fact.sources)}/{len(report.sources)}: {', '.join(fact.sources)})")
            out += [f"  > {quoted(e)} — *{e.source}*" for e in fact.evidence]
        out.append("")
    out += ["## Sources", ""]
    for s in report.sources:
        info = s.source
        meta = ", ".join(x for x in (info.outlet, info.author, info.published) if x)
        out.append(
            f"- `{info.id}` {info.title or ''}{f' ({meta})' if meta else ''} — grounding "
            f"{s.grounding.grounded}/{s.grounding.proposed}, {s.usage.calls} call(s)"
            + (f" (tokens unknown for {s.usage.unreported_calls})" if s.usage.unreported_calls else "")
        )
    out.append("")
    warnings = warning_lines(report)
    if warnings:
        out += ["## Warnings", ""] + [f"- {w}" for w in warnings] + [""]
    out += [f"*{footer(report)}*", ""]
    return "\n".join(out)
