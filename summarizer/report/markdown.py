"""The report as Markdown: the terminal view's content — the brief and the timeline first — each piece
of evidence its own quoted block.

Every quote is a blockquote paragraph of its own, with blank lines around it, so that a Markdown
renderer shows each as a separate quote instead of running them together into one paragraph.

Every piece of text from an article, a file name or a model goes through :func:`md`: a Markdown reader
renders raw HTML (an article's ``<script>``), links, images and emphasis, so text is escaped to show
as written — on one line, without control characters.
"""

from __future__ import annotations

import re

from summarizer.printable import cleaned, printable
from summarizer.report.common import (
    brief_lines,
    brief_title,
    conflict_note,
    conflicts_with,
    decided_label,
    dropped_note,
    engine_line,
    footer,
    heading,
    is_singleton,
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

_ENTITIES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_MARKUP = re.compile(r"([\\`*_\[\]|~])")  # emphasis, code, links and images, tables, strikethrough
_LINE_START = re.compile(r"^([-+#=]|\d+(?=[.)]))")  # what would open a list item or a heading


def md(text: str) -> str:
    """``text`` as literal Markdown inline text: one line, nothing that renders as markup or HTML."""
    text = _MARKUP.sub(r"\\\1", " ".join(printable(text).split()).translate(_ENTITIES))
    return _LINE_START.sub(lambda m: m.group() + "\\" if m.group()[0].isdigit() else "\\" + m.group(), text)


def markdown(report: EventReport) -> str:
    """Headline, disagreements, consensus, partial questions, sources, warnings and the run's footer."""
    report = cleaned(report, printable)
    labels = source_labels(report)
    total = len(report.sources)
    out = [f"# {md(report.event)}", "", f"*{md(engine_line(report))}*", ""]
    alarm = dropped_note(report)
    if alarm:
        out += [f"> **{md(alarm)}**", ""]
    out += _brief(report, labels)
    number = {id(q): n for n, q in enumerate(report.questions, 1)}
    out += ["## Where the sources disagree", ""]
    if not report.disagreements:
        out += ["None found.", ""]
    for q in report.disagreements:
        out += _disagreement(q, number[id(q)], labels, total) + _silent(report, q, labels)
    out += ["## What the sources agree on", ""]
    if not report.consensus:
        out += ["None.", ""]
    for q in report.consensus:
        out += [f"### {md(heading(number[id(q)], q))}", ""]
        for i, a in enumerate(q.answers):
            out += _answer(a, labels, total, "" if i == 0 else "Also, compatible: ")
        out += _silent(report, q, labels)
    out += ["## Reported by only some sources", ""]
    if not report.partial:
        out += ["None.", ""]
    for q in report.partial:
        if not is_singleton(q):
            out += [f"### {md(heading(number[id(q)], q))}", ""]
            for i, a in enumerate(q.answers):
                out += _answer(a, labels, total, f"{letter(i)}. " if len(q.answers) > 1 else "")
            out += _silent(report, q, labels)
    out += _singletons([q for q in report.partial if is_singleton(q)], labels, number)
    out += _sources(report, labels)
    warnings = warning_lines(report)
    if warnings:
        out += ["## Warnings", ""] + [f"- {md(w)}" for w in warnings] + [""]
    out += [f"*{md(footer(report))}*", ""]
    return "\n".join(out)


def _label(labels: dict[str, str], source: str) -> str:
    return md(labels.get(source, source))


def _brief(report: EventReport, labels: dict[str, str]) -> list[str]:
    """The brief, each sentence with the answers it cites, then the timeline of resolved dates."""
    lines = brief_lines(report)
    out = ["## In brief", "", f"*{md(brief_title(report))}*", ""] if lines else []
    for sentence, cites, disputed in lines:
        flag = "**Disputed:** " if disputed and not sentence.startswith("Disputed") else ""
        out.append(f"- {flag}{md(sentence)} \\[{', '.join(cites)}\\]")
    out += [""] if lines else []
    moments = timeline(report)
    if moments:
        out += ["## Timeline", "", "| When | What | Sources |", "| --- | --- | --- |"]
        for m in moments:
            what = md(m.what) + (f" (disputed: see {m.disputed})" if m.disputed else "")
            out.append(f"| {m.when} | {what} | {', '.join(_label(labels, s) for s in m.sources)} |")
        out.append("")
    return out


def _silent(report: EventReport, q: Question, labels: dict[str, str]) -> list[str]:
    quiet = silent(report, q)
    return [f"*Not reported by: {', '.join(_label(labels, s) for s in quiet)}*", ""] if quiet else []


def _singletons(questions: list[Question], labels: dict[str, str], number: dict[int, int]) -> list[str]:
    out = ["### Reported by one source", ""] if questions else []
    for q in questions:
        a = q.answers[0]
        out += [f"- **{md(heading(number[id(q)], q))}** {md(a.answer)} — *{_label(labels, a.sources[0])}*", ""]
        for e, focus in proofs(a):
            out += [f"  > {md(quoted(e, focus=focus))} — *{_label(labels, e.source)}*", ""]
    return out


def _disagreement(q: Question, number: int, labels: dict[str, str], total: int) -> list[str]:
    head = f"*{kind_label(q)} · {len(q.answers)} answers · {decided_label(q)}*"
    out = [f"### {md(heading(number, q))}", "", head, ""]
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
    sources = ", ".join(_label(labels, s) for s in a.sources)
    out = [f"{prefix}**{md(a.answer)}** — {len(a.sources)}/{total}: {sources}{suffix}", ""]
    for e, focus in proofs(a):
        out += [f"> {md(quoted(e, focus=focus))} — *{_label(labels, e.source)}*", ""]
    return out


def _sources(report: EventReport, labels: dict[str, str]) -> list[str]:
    out = ["## Sources", ""]
    for s in report.sources:
        info = s.source
        meta = ", ".join(x for x in (info.author, info.published, info.url, info.id) if x and x != labels[info.id])
        out.append(
            f"- **{md(labels[info.id])}** {md(info.title or '')}{f' ({md(meta)})' if meta else ''} — grounding "
            f"{s.grounding.grounded}/{s.grounding.proposed}, {s.usage.calls} call(s)"
            + (f" (tokens unknown for {s.usage.unreported_calls})" if s.usage.unreported_calls else "")
        )
    return [*out, ""]
