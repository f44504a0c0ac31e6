"""The ``summarize`` command on a feed: many events in one folder (``--group``) or one per subfolder
(``--per-folder``). Called by :mod:`summarizer.cli`, which maps errors to exit codes.

With ``--group auto`` (the default) a folder whose articles tell one event is summarized exactly as
before: :func:`feed_run` says so and the caller runs the one-event path. Otherwise the terminal shows
the index, and ``--out DIR`` writes ``index.html``, ``index.md``, ``index.json`` and each event's report
as ``<id>.html``, ``<id>.md`` and ``<id>.json``.
"""

from __future__ import annotations

import contextlib
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
from rich.progress import Progress as ProgressBar

from summarizer.errors import ConfigError, ModelError, OutputError
from summarizer.feed_schema import FeedEvent, FeedReport
from summarizer.files import output_target, write_atomically
from summarizer.printable import printable
from summarizer.report import SUFFIXES
from summarizer.report.index import index_terminal, render_index

PARTIAL_EXIT = 5
INDEX_FORMATS = {"html": "index.html", "md": "index.md", "json": "index.json"}


@dataclass
class FeedRequest:
    """What the command line asked for, as far as a feed is concerned."""

    folder: Path
    group: str
    per_folder: bool
    fmt: str
    out: Path | None
    quiet: bool
    recording: bool  # --record or --replay: one event's exchanges
    options: dict[str, Any] = field(default_factory=dict)  # summarize_feed's model and run options
    top: int | None = None  # each event's report keeps the questions most sources answer


def feed_run(request: FeedRequest, err: Console) -> int | None:
    """Run the feed and write its reports; the exit code. None: under ``--group auto`` the folder holds
    one event and nothing else, so the caller runs the one-event path as before."""
    from summarizer.feed import plan_feed, summarize_feed

    plan = plan_feed(
        request.folder, group=request.group, per_folder=request.per_folder, sources=request.options.get("sources")
    )
    one = len(plan.events) == 1 and not plan.unassigned
    if request.group == "auto" and not request.per_folder and not request.options.get("batch") and one:
        return None
    if request.recording:
        raise ConfigError("--record and --replay cover one event: use --group one, or leave them out for a feed")
    events = len(plan.events)
    out = (
        _out_folder(request.out, request.folder, events)
        if request.out is not None and str(request.out) != "-"
        else None
    )
    with _progress(request.quiet, err) as advance:
        feed = summarize_feed(plan, on_progress=advance, **request.options)
    partial = any(e.error is not None or (e.report and (e.report.failed or e.report.notes)) for e in feed.events)
    if request.top is not None:  # after the exit code: the note that questions were left out is no failure
        feed = feed.model_copy(update={"events": [_top(e, request.top) for e in feed.events]})
    if feed.events and all(e.error is not None for e in feed.events):
        raise ModelError(f"no event could be summarized: {feed.events[0].error}")
    if out is None:
        _to_stdout(feed, request.fmt)
    else:
        written = write_feed(feed, out)
        if not request.quiet:
            err.print(printable(f"wrote {len(written)} file(s) to {out}"), markup=False, highlight=False)
    return PARTIAL_EXIT if partial else 0


def _top(event: FeedEvent, top: int) -> FeedEvent:
    """The event with its report cut to the ``top`` questions most sources answer (``--top``)."""
    from summarizer.report.common import top as first

    return event if event.report is None else event.model_copy(update={"report": first(event.report, top)})


def _out_folder(out: Path, protected: Path, events: int) -> Path:
    """``out`` checked as the folder of a feed's reports, before any model call: a folder, and not named
    as a report is ("-o report.json" would have become a folder of that name)."""
    if (out.exists() and not out.is_dir()) or (not out.exists() and out.suffix.lower() in SUFFIXES):
        raise ConfigError(
            f"the input holds {events} events, so --out {out} must be a folder (it holds index.html and one "
            "report each); give a folder, or --group one for a single report of every article"
        )
    output_target(out / INDEX_FORMATS["html"], protected=protected)  # inside the input: refused
    return out


def write_feed(feed: FeedReport, folder: Path) -> list[Path]:
    """The index in every format and each event's report as HTML, Markdown and JSON; the paths written."""
    from summarizer.report import render

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"cannot create {folder}: {error.strerror or error}") from None
    written = []
    files = [(name, render_index(feed, fmt)) for fmt, name in INDEX_FORMATS.items()]
    for event in feed.events:
        if event.report is not None:
            files += [(f"{event.id}.{ext}", render(event.report, fmt)) for fmt, ext in
                      (("html", "html"), ("md", "md"), ("json", "json"))]  # fmt: skip
    for name, text in files:
        path = folder / name
        try:
            write_atomically(path, text)
        except OSError as error:
            raise OutputError(f"cannot write {path}: {error.strerror or error}") from None
        written.append(path)
    return written


def _to_stdout(feed: FeedReport, fmt: str) -> None:
    stdout = sys.stdout
    if stdout is None:
        raise OutputError("cannot write the index to standard output: it is closed")
    try:
        if fmt == "text" and stdout.isatty():
            Console(file=stdout).print(index_terminal(feed))
        elif fmt == "json":
            stdout.write(feed.model_dump_json(indent=2) + "\n")
        else:
            stdout.write(render_index(feed, fmt))
        stdout.flush()
    except OSError as error:
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), stdout.fileno())
        raise OutputError(f"cannot write the index to standard output: {error.strerror or error}") from None


class _progress:  # noqa: N801 - used as a context manager, like contextlib's
    """Two bars on stderr: articles done and events done."""

    def __init__(self, quiet: bool, err: Console):
        self.bar = ProgressBar(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=err, disable=quiet or not err.is_terminal, transient=True,
        )  # fmt: skip

    def __enter__(self) -> Any:
        self.bar.__enter__()
        articles = self.bar.add_task("articles", total=None)
        events = self.bar.add_task("events", total=None)

        def advance(articles_done: int, articles_total: int, events_done: int, events_total: int) -> None:
            self.bar.update(articles, completed=articles_done, total=articles_total)
            self.bar.update(events, completed=events_done, total=events_total)

        return advance

    def __exit__(self, *exc: object) -> None:
        self.bar.__exit__(None, None, None)
