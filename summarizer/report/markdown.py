"""The report as Markdown: the terminal view's content, each item's evidence quoted with its source.

Every piece of text from an article, a file name or a model goes through :func:`md`: a Markdown reader
renders raw HTML (an article's ``<script>``), links, images and emphasis, so text is escaped to show
as written — on one line, without control characters.
"""

from __future__ import annotations

import re

from summarizer.printable import cleaned, printable
from summarizer.report.common import footer, quoted, warning_lines
from summarizer.schemas import EventReport

_ENTITIES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_MARKUP = re.compile(r"([\\`*_\[\]|~])")  # emphasis, code, links and images, tables, strikethrough
_LINE_START = re.compile(r"^([-+#=]|\d+(?=[.)]))")  # what would open a list item or a heading


def md(text: str) -> str:
    """``text`` as literal Markdown inline text: one line, nothing that renders as markup or HTML."""
    text = _MARKUP.sub(r"\\\1", " ".join(printable(text).split()).translate(_ENTITIES))
    return _LINE_START.sub(lambda m: m.group() + "\\" if m.group()[0].isdigit() else "\\" + m.group(), text)


def markdown(report: EventReport) -> str:
    """The same content as the terminal view, with each item's evidence quoted with its source."""
    report = cleaned(report, printable)
    out = [f"# {md(report.event)}", ""]
    out += ["## Disagreements", ""]
    if not report.disagreements:
        out += ["None found.", ""]
    for d in report.disagreements:
        out += [f"### {md(d.question)} ({d.kind.replace('_', ' ')})", ""]
        for side in d.sides:
            out.append(f"- **{md(side.answer)}** — {md(', '.join(side.sources))}")
            out += [f"  > {md(quoted(e))} — *{md(e.source)}*" for e in side.evidence]
        out.append("")
    for title, facts in (("Consensus", report.consensus), ("Reported by some sources", report.partial)):
        out += [f"## {title}", ""]
        if not facts:
            out += ["None.", ""]
        for fact in facts:
            where = f"{len(fact.sources)}/{len(report.sources)}: {', '.join(fact.sources)}"
            out.append(f"- {md(fact.statement)} ({md(where)})")
            out += [f"  > {md(quoted(e))} — *{md(e.source)}*" for e in fact.evidence]
        out.append("")
    out += ["## Sources", ""]
    for s in report.sources:
        info = s.source
        meta = ", ".join(x for x in (info.outlet, info.author, info.published) if x)
        out.append(
            f"- **{md(info.id)}** {md(info.title or '')}{f' ({md(meta)})' if meta else ''} — grounding "
            f"{s.grounding.grounded}/{s.grounding.proposed}, {s.usage.calls} call(s)"
        )
    out.append("")
    warnings = warning_lines(report)
    if warnings:
        out += ["## Warnings", ""] + [f"- {md(w)}" for w in warnings] + [""]
    out += [f"*{md(footer(report))}*", ""]
    return "\n".join(out)
