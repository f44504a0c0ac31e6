"""The index of a feed (:class:`~summarizer.feed_schema.FeedReport`): one line per event, and what is in none.

Formats: ``text`` (a rich table for the terminal), ``md``, ``html`` (one self-contained page, no
script, linking each event to its own report ``<id>.html``) and ``json`` (the feed without the
events' reports, each pointing at ``<id>.json``). Every string shown comes from articles or a model:
it is escaped for Markdown and HTML and stripped of control characters.
"""

from __future__ import annotations

import html
import json
from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from summarizer.feed_schema import FeedEvent, FeedReport
from summarizer.printable import printable

INDEX_FORMATS = ("text", "md", "html", "json")
EXTENSIONS = {"text": "txt", "md": "md", "html": "html", "json": "json"}


def _dates(event: FeedEvent) -> str:
    if event.first_published is None:
        return "undated"
    if event.first_published == event.last_published:
        return event.first_published
    return f"{event.first_published} – {event.last_published}"


def _status(event: FeedEvent) -> str:
    if event.error is not None:
        return f"failed: {event.error}"
    parts = [f"{event.disagreements} disagreement(s)", f"{event.consensus} consensus", f"{event.partial} partial"]
    if event.single_source:
        parts.insert(0, "single source")
    if event.report is not None and event.report.failed:
        parts.append(f"{len(event.report.failed)} article(s) failed")
    return ", ".join(parts)


def _counts(feed: FeedReport) -> str:
    articles = sum(len(e.articles) for e in feed.events)
    single = sum(e.single_source for e in feed.events)
    return (
        f"{len(feed.events)} event(s) from {articles} article(s) (grouping: {feed.grouping}); "
        f"{single} single-source event(s), {len(feed.unassigned)} unassigned, {len(feed.skipped)} file(s) skipped"
    )


def index_terminal(feed: FeedReport) -> RenderableType:
    table = Table(title=_counts(feed), title_justify="left", show_lines=False, expand=False)
    for column in ("event", "title", "articles", "dates", "status"):
        table.add_column(column, overflow="fold")
    for event in feed.events:
        table.add_row(
            event.id, printable(event.title), str(len(event.articles)), _dates(event), printable(_status(event))
        )
    parts: list[RenderableType] = [table]
    for heading, rows in (
        ("Unassigned", [f"{u.id}: {u.reason}" for u in feed.unassigned]),
        ("Skipped", [f"{p.path}: {p.reason}" for p in feed.skipped]),
    ):
        if rows:
            parts.append(Text(f"{heading}:", style="bold"))
            parts += [Text(f"  {printable(row)}") for row in rows]
    return Group(*parts)


def _md(text: str) -> str:
    """Text safe in a Markdown table cell: no HTML, no pipes, no line breaks, no control characters."""
    return html.escape(" ".join(printable(text).split())).replace("|", "\\|")


def index_markdown(feed: FeedReport) -> str:
    lines = ["# Events", "", _md(_counts(feed)), "", "| event | title | articles | dates | status |",
             "| --- | --- | --- | --- | --- |"]  # fmt: skip
    for e in feed.events:
        link = f"[{e.id}]({e.id}.md)" if e.report is not None else e.id
        lines.append(f"| {link} | {_md(e.title)} | {len(e.articles)} | {_dates(e)} | {_md(_status(e))} |")
    for heading, rows in (
        ("Unassigned", [f"{u.id}: {u.reason}" for u in feed.unassigned]),
        ("Skipped", [f"{p.path}: {p.reason}" for p in feed.skipped]),
    ):
        if rows:
            lines += ["", f"## {heading}", ""] + [f"* {_md(row)}" for row in rows]
    return "\n".join(lines) + "\n"


_STYLE = (
    "body{font:15px/1.45 system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#222}"
    "table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;"
    "vertical-align:top}th{background:#f4f4f4}.single{color:#8a5a00}.failed{color:#b00020}"
)


def index_html(feed: FeedReport) -> str:
    esc = html.escape
    rows = []
    for e in feed.events:
        title = esc(printable(e.title))
        cell = f'<a href="{esc(e.id)}.html">{title}</a>' if e.report is not None else title
        css = "failed" if e.error else "single" if e.single_source else ""
        rows.append(
            f'<tr class="{css}"><td>{esc(e.id)}</td><td>{cell}</td><td>{len(e.articles)}</td>'
            f"<td>{esc(_dates(e))}</td><td>{esc(printable(_status(e)))}</td></tr>"
        )
    extra = []
    for heading, items in (
        ("Unassigned", [f"{u.id}: {u.reason}" for u in feed.unassigned]),
        ("Skipped", [f"{p.path}: {p.reason}" for p in feed.skipped]),
    ):
        if items:
            extra.append(f"<h2>{heading}</h2><ul>" + "".join(f"<li>{esc(printable(i))}</li>" for i in items) + "</ul>")
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Events</title>'
        f"<style>{_STYLE}</style></head><body><h1>Events</h1><p>{esc(_counts(feed))}</p>"
        "<table><thead><tr><th>event</th><th>title</th><th>articles</th><th>dates</th><th>status</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>{''.join(extra)}</body></html>\n"
    )


def index_json(feed: FeedReport) -> str:
    data: dict[str, Any] = feed.model_dump(mode="json", exclude={"events": {"__all__": {"report"}}})
    for event, entry in zip(feed.events, data["events"], strict=True):
        entry["report_file"] = f"{event.id}.json" if event.report is not None else None
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def render_index(feed: FeedReport, fmt: str) -> str:
    if fmt == "md":
        return index_markdown(feed)
    if fmt == "html":
        return index_html(feed)
    if fmt == "json":
        return index_json(feed)
    if fmt == "text":
        from summarizer.report.terminal import plain_text

        return plain_text(index_terminal(feed))
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(INDEX_FORMATS)}")
