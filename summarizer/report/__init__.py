"""Render an EventReport for people (terminal, Markdown, HTML page) and for programs (JSON).

Each format lives in its own module, imported when it is asked for.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from summarizer.schemas import EventReport

FORMATS = ("text", "md", "json", "html", "csv")
# what a format may also be called, and what a file's suffix asks for when no format is named
_ALIASES = {"markdown": "md", "htm": "html", "txt": "text", "terminal": "text"}
SUFFIXES = {".txt": "text", ".md": "md", ".markdown": "md", ".json": "json", ".html": "html", ".htm": "html",
             ".csv": "csv"}  # fmt: skip


def format_for(fmt: str | None, out: str | None = None) -> str:
    """The format to render in: ``fmt`` as named ("markdown" is "md"), else the one the output file's
    suffix asks for (``-o report.html`` is HTML), else text. Raises ValueError for an unknown name."""
    if fmt is None:
        return SUFFIXES.get(PurePath(out).suffix.lower(), "text") if out else "text"
    named = _ALIASES.get(fmt.lower(), fmt.lower())
    if named not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return named


def render(report: EventReport, fmt: str, texts: dict[str, str] | None = None, top: int | None = None) -> str:
    """The report as text in one of :data:`FORMATS`.

    ``html`` shows each article's text: ``texts`` (source id → text), or by default each file re-read
    from the path recorded in the report (a fetched page's text is in the report). ``csv`` is the
    coverage matrix: a row per question, a column per source, the letter of the answer it gives.
    ``top`` keeps only the questions most sources answer. Whatever the report holds, the result can be
    written as UTF-8: a lone surrogate (from a model's JSON, say) is shown as U+FFFD.
    """
    from summarizer.printable import cleaned, paired

    report = cleaned(report)
    if top is not None:
        from summarizer.report.common import top as first

        report = first(report, top)
    if texts is not None:
        texts = {paired(source): paired(text) for source, text in texts.items()}
    if fmt == "html":
        from summarizer.report.html import article_texts, render_html

        return render_html(report, article_texts(report) if texts is None else texts)
    if fmt == "csv":
        from summarizer.report.matrix import matrix_csv

        return matrix_csv(report)
    if fmt == "json":
        return report.model_dump_json(indent=2) + "\n"
    if fmt == "md":
        from summarizer.report.markdown import markdown

        return markdown(report)
    if fmt == "text":
        from summarizer.report.terminal import plain_text, terminal

        return plain_text(terminal(report))
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
