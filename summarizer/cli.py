"""The ``summarize`` command: parse options, call the library, render, map errors to exit codes.

``summarize INPUT...`` summarizes folders, files and URLs (``-`` reads a list of them, one a line, from
standard input); ``summarize render REPORT.json`` shows a saved JSON report again, in any format, with
no model. The library, rich and pydantic are imported when they are needed: ``--help`` and ``--version``
answer at once.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import click
import typer

from summarizer.backend import DEFAULT_TIMEOUT, MODES
from summarizer.errors import OutputError, SummarizerError
from summarizer.files import Target, output_target, write_output
from summarizer.report import FORMATS, format_for

if TYPE_CHECKING:  # the library is imported when a run starts: `--help` and `--version` answer at once
    from rich.console import Console

    from summarizer.load import Article
    from summarizer.pipeline import Progress
    from summarizer.schemas import EventReport

PARTIAL_EXIT = 5  # some articles failed, or some claims could not be judged; the report covers the rest
DEBUG_ENV = "SUMMARIZER_DEBUG"  # set: an unexpected error shows its traceback instead of one line
CACHE_ENV = "SUMMARIZER_CACHE_DIR"  # as summarizer.cache says; not imported from there: it loads pydantic
MAX_REPORT_BYTES = 500_000_000  # a saved report larger than this is not read

# Plain help (rich_markup_mode=None): flags are listed as flags, not as "<bool>" options
app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False, rich_markup_mode=None)
render_app = typer.Typer(
    add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False, rich_markup_mode=None
)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"summarizer {version('summarizer')}")
        raise typer.Exit()


Inputs = Annotated[  # described in the command's help (typer would list it as "<list[str]>")
    list[str] | None, typer.Argument(metavar="INPUT", show_default=False, hidden=True)
]
ModelOption = Annotated[
    str | None,
    typer.Option(
        "--model", "-m", metavar="MODEL",
        help="Model name on the server, an OpenAI model, a path to a .gguf file to run locally, or embedded.",
    ),
]  # fmt: skip
BaseUrl = Annotated[
    str | None,
    typer.Option(
        envvar="OPENAI_BASE_URL", metavar="URL",
        help="OpenAI-compatible server, e.g. http://localhost:11434/v1 (Ollama).",
    ),
]  # fmt: skip
ModeOption = Annotated[
    str | None,
    typer.Option(
        metavar="MODE", help=f"How structured output is requested: {', '.join(MODES)}. Default fits the backend."
    ),
]
_FORMAT_HELP = f"Output format: {', '.join(FORMATS)} (default: the --out file's suffix, else text)."
Format = Annotated[str | None, typer.Option("--format", "-f", metavar="FORMAT", help=_FORMAT_HELP)]
Out = Annotated[
    Path | None,
    typer.Option("--out", "-o", metavar="FILE", help="Write the report to this file (or device, FIFO; - is stdout)."),
]
ApiKey = Annotated[
    str | None,
    typer.Option(
        envvar="SUMMARIZER_API_KEY", show_envvar=True, metavar="KEY",
        help="Key sent to the --base-url server (or OpenAI). OPENAI_API_KEY is only ever sent to OpenAI.",
    ),
]  # fmt: skip
Sources = Annotated[
    Path | None,
    typer.Option(
        "--sources", metavar="FILE",
        help="A sources.csv or .json naming each file's or URL's outlet, author, date and URL "
        "(a sources.csv inside an input folder is read too).",
    ),
]  # fmt: skip
Brief = Annotated[
    bool, typer.Option("--brief", help="Have the model write the brief (one more request); else it is assembled.")
]
Top = Annotated[
    int | None, typer.Option("--top", min=1, metavar="N", help="Show only the N questions most sources answer.")
]
Concurrency = Annotated[
    int | None, typer.Option(metavar="N", help="Articles processed at once (default 4; 1 embedded).")
]
Record = Annotated[Path | None, typer.Option(metavar="FOLDER", help="Record every LLM exchange into this folder.")]
Replay = Annotated[
    Path | None, typer.Option(metavar="FOLDER", help="Answer from a recording folder: no model, no network.")
]
NoJudge = Annotated[bool, typer.Option("--no-judge", help="Do not ask the model which claims contradict each other.")]
Timeout = Annotated[
    float, typer.Option(metavar="SECONDS", help="Seconds one model request may take before it is retried as failed.")
]
MaxRetryWait = Annotated[
    float | None,
    typer.Option(
        min=0, metavar="SECONDS", help="Longest pause between transport retries, Retry-After included (default 60)."
    ),
]
NoCache = Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the cache of finished articles.")]
CacheDir = Annotated[
    Path | None,
    typer.Option(
        "--cache-dir", metavar="FOLDER", help=f"Cache folder (default ${CACHE_ENV}, else the user cache folder)."
    ),
]
ClearCache = Annotated[
    bool, typer.Option("--clear-cache", help="Remove every cached article, say what was removed, and exit.")
]
EmbedderOption = Annotated[
    str | None,
    typer.Option(
        "--embedder", metavar="NAME",
        help="What compares claims by meaning: wordllama (default, offline), openai:MODEL (the backend's "
        "/v1/embeddings) or st:MODEL (sentence-transformers).",
    ),
]  # fmt: skip
Strict = Annotated[
    bool, typer.Option("--strict", help="Keep only items found exactly or after folding case, quotes, dashes, spaces.")
]
Group = Annotated[
    str,
    typer.Option(
        "--group",
        help="auto: find the events a folder's articles tell, one report each (one event: as before); "
        "one: all one event; none: each article its own event.",
    ),
]
PerFolder = Annotated[bool, typer.Option("--per-folder", help="Each subfolder of FOLDER is one event.")]
Rpm = Annotated[float | None, typer.Option("--rpm", min=0, help="Requests per minute at most (smoothly paced).")]
Tpm = Annotated[float | None, typer.Option("--tpm", min=0, help="Tokens per minute at most (estimated, then as used).")]
Batch = Annotated[
    bool, typer.Option("--batch", help="Send the extractions through the OpenAI Batch API (half price; slow).")
]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or notes on stderr.")]
Version = Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")]


@app.command()
def run(
    inputs: Inputs = None,
    model: ModelOption = None,
    base_url: BaseUrl = None,
    api_key: ApiKey = None,
    mode: ModeOption = None,
    fmt: Format = None,
    out: Out = None,
    sources: Sources = None,
    brief: Brief = False,
    top: Top = None,
    concurrency: Concurrency = None,
    record: Record = None,
    replay: Replay = None,
    no_judge: NoJudge = False,
    timeout: Timeout = DEFAULT_TIMEOUT,
    max_retry_wait: MaxRetryWait = None,
    no_cache: NoCache = False,
    cache_dir_: CacheDir = None,
    clear_cache: ClearCache = False,
    embedder: EmbedderOption = None,
    strict: Strict = False,
    group: Group = "auto",
    per_folder: PerFolder = False,
    rpm: Rpm = None,
    tpm: Tpm = None,
    batch: Batch = False,
    quiet: Quiet = False,
    version: Version = False,
) -> None:
    """Summarize several articles about one event: what the sources agree on, and where they disagree.

    INPUT: folders (of .txt, .md and .html files), files and http(s):// URLs, in any mix; - reads a list
    of them from standard input, one a line.

    `summarize render REPORT.json` shows a saved JSON report again, in any format, with no model.
    """
    if clear_cache:
        _clear_cache(cache_dir_)
    if not inputs:
        _fail("missing INPUT: the folders, files or URLs of the articles to summarize", 2)
    fmt = _format(fmt, out)
    if record and replay:
        _fail("--record and --replay cannot be used together", 2)
    try:
        items = _stdin_list(inputs)
        if per_folder or batch or group != "one":  # a feed of events, unless it turns out to be one
            code = _feed(items, fmt, out, quiet, group, per_folder, bool(record or replay), {
                "model": model, "base_url": base_url, "api_key": api_key, "mode": mode, "concurrency": concurrency,
                "judge": not no_judge, "timeout": timeout, "max_retry_wait": max_retry_wait,
                "cache": False if no_cache else cache_dir_ or True, "embedder": embedder, "strict": strict,
                "rpm": rpm, "tpm": tpm, "batch": batch, "sources": sources, "brief": brief,
            }, top)  # fmt: skip
            if code is not None:
                raise typer.Exit(code)
        # checked before any work: a refused --out costs no model call
        target = _target(out, [Path(i) for i in items if "://" not in i] + ([sources] if sources else []))
        from summarizer.pipeline import summarize

        with _progress(quiet) as advance:
            report = summarize(
                items, model=model, base_url=base_url, api_key=api_key, mode=mode, concurrency=concurrency,
                record_to=record, replay_from=replay, on_progress=advance, judge=not no_judge, timeout=timeout,
                max_retry_wait=max_retry_wait, cache=False if no_cache else cache_dir_ or True,
                embedder=embedder, strict=strict, rpm=rpm, tpm=tpm, sources=sources, brief=brief,
            )  # fmt: skip
        _write(report, fmt, target, quiet, top)
    except SummarizerError as error:
        _fail(str(error), error.exit_code)
    except (typer.Exit, click.exceptions.Exit, click.exceptions.ClickException, click.exceptions.Abort):
        raise
    except Exception as error:  # a bug: still one line, unless asked for the traceback
        if os.environ.get(DEBUG_ENV):
            raise
        _fail(f"unexpected {type(error).__name__}: {error} (a bug; {DEBUG_ENV}=1 shows where)", 1)
    if report.failed or report.notes:
        raise typer.Exit(PARTIAL_EXIT)


def _feed(items: list[str], fmt: str, out: Path | None, quiet: bool, group: str, per_folder: bool, recording: bool,
          options: dict[str, object], top: int | None) -> int | None:  # fmt: skip
    """The feed's exit code, or None when the input is one event (the one-event path runs): a folder
    whose articles tell one event, or several inputs (taken as one event)."""
    if len(items) != 1 or "://" in items[0] or not Path(items[0]).is_dir():
        if per_folder or options["batch"]:
            _fail("--per-folder and --batch take one folder", 2)
        return None
    from summarizer.feed_cli import FeedRequest, feed_run

    request = FeedRequest(Path(items[0]), group, per_folder, fmt, out, quiet, recording, options, top)
    return feed_run(request, _err())


@render_app.command()
def render(
    report: Annotated[Path | None, typer.Argument(metavar="REPORT", hidden=True, show_default=False)] = None,
    fmt: Format = None,
    out: Out = None,
    top: Top = None,
    quiet: Quiet = False,
) -> None:
    """Show a saved JSON report again, in any format: no model, no network, nothing summarized again.

    REPORT: a report saved with `summarize ... --format json`; - reads it from standard input.
    """
    if report is None:
        _fail("missing REPORT: a report saved with --format json (or - to read it from standard input)", 2)
    fmt = _format(fmt, out)
    try:
        target = _target(out, [report])
        _write(_read_report(report), fmt, target, quiet, top)
    except SummarizerError as error:
        _fail(str(error), error.exit_code)
    except (click.exceptions.Exit, click.exceptions.ClickException, click.exceptions.Abort):
        raise
    except Exception as error:
        if os.environ.get(DEBUG_ENV):
            raise
        _fail(f"unexpected {type(error).__name__}: {error} (a bug; {DEBUG_ENV}=1 shows where)", 1)


def _read_report(path: Path) -> EventReport:
    """The report saved in ``path`` (- for standard input); InputError with one line when it is not one."""
    from pydantic import ValidationError

    from summarizer.errors import InputError
    from summarizer.files import read_regular
    from summarizer.schemas import EventReport

    try:
        data = sys.stdin.buffer.read(MAX_REPORT_BYTES + 1) if str(path) == "-" else read_regular(path, MAX_REPORT_BYTES)
    except ValueError as why:
        raise InputError(f"cannot read the report {path}: {why}") from None
    try:
        return EventReport.model_validate_json(data)
    except ValidationError as error:
        problem = error.errors()[0]
        where = ".".join(str(p) for p in problem["loc"]) or "the file"
        raise InputError(f"{path} is not a saved report (--format json): {where}: {problem['msg']}") from None


def _stdin_list(inputs: list[str]) -> list[str]:
    """The inputs, with ``-`` replaced by the paths and URLs listed on standard input (blank lines and
    lines starting with # skipped)."""
    if "-" not in inputs:
        return inputs
    listed = [line.strip() for line in sys.stdin.read().splitlines()]
    listed = [line for line in listed if line and not line.startswith("#")]
    if not listed:
        from summarizer.errors import InputError

        raise InputError("standard input lists no folder, file or URL")
    return [item for i in inputs for item in (listed if i == "-" else [i])]


def _format(fmt: str | None, out: Path | None) -> str:
    """The format named, or the one ``--out``'s suffix asks for; an unknown name ends the run."""
    try:
        return format_for(fmt, str(out) if out is not None else None)
    except ValueError as error:
        _fail(str(error), 2)


def _target(out: Path | None, inputs: list[Path]) -> Target | None:
    """Where the report goes (None: standard output), checked against every local input."""
    if out is None or str(out) == "-":
        return None
    target = output_target(out)
    for protected in inputs:
        output_target(out, protected=protected)
    return target


def _clear_cache(folder: Path | None) -> None:
    from summarizer.cache import cache_dir, clear

    where = cache_dir(folder)
    try:
        removed = clear(where)
    except OSError as error:
        _fail(f"cannot clear the cache in {where}: {error.strerror or error}", 2)
    articles = sum(not path.name.startswith(".") for path in removed)  # the rest: writes cut short
    extra = f" and {len(removed) - articles} unfinished write(s)" if len(removed) > articles else ""
    typer.echo(f"removed {articles} cached article(s){extra} from {where}")
    raise typer.Exit(0)


def _err() -> Console:
    from rich.console import Console

    return Console(stderr=True)


@contextmanager
def _progress(quiet: bool) -> Iterator[Progress]:
    """A progress bar on stderr over the articles, as a ``summarize(on_progress=...)`` callback. Only on a
    terminal: elsewhere it would print nothing but the blank line it ends with."""
    from rich.markup import escape
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
    from rich.progress import Progress as ProgressBar

    from summarizer.printable import printable

    console = _err()
    bar = ProgressBar(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=console, disable=quiet or not console.is_terminal, transient=True,
    )  # fmt: skip
    with bar:
        task = bar.add_task("articles", total=None)

        def advance(article: Article, done: int, total: int) -> None:
            # a file name is not markup, nor terminal control
            bar.update(task, completed=done, total=total, description=f"done {escape(printable(article.id))}")

        yield advance


def _write(report: EventReport, fmt: str, target: Target | None, quiet: bool, top: int | None = None) -> None:
    from summarizer.report import render

    if not quiet and report.run.backend == "embedded" and "SmolLM2-135M" in report.run.model:
        _err().print(
            "note: the embedded 135M-parameter model shows the pipeline working; it cannot write a good "
            "summary. Use OPENAI_API_KEY or --base-url/--model for a capable model.",
            style="yellow",
        )
    if target is None:
        _to_stdout(report, fmt, top)
        return
    write_output(target, render(report, fmt, top=top))  # a regular file atomically: no half-written report, ever
    if not quiet:
        for folder in target.missing:
            _note(f"created folder {folder}")
        _note(f"wrote {target.path}")


def _to_stdout(report: EventReport, fmt: str, top: int | None) -> None:
    from rich.console import Console

    from summarizer.report import render
    from summarizer.report.terminal import terminal

    stdout = sys.stdout
    if stdout is None:  # started with its standard output closed
        raise OutputError("cannot write the report to standard output: it is closed")
    try:
        if fmt == "text" and stdout.isatty():
            if top is not None:
                from summarizer.report.common import top as first

                report = first(report, top)
            Console(file=stdout).print(terminal(report))
        else:
            stdout.write(render(report, fmt, top=top))
        stdout.flush()
    except OSError as error:
        # nobody reads any more (a closed pipe): send what is left, and the flush at exit, nowhere
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), stdout.fileno())
        raise OutputError(f"cannot write the report to standard output: {error.strerror or error}") from None


def _note(message: str) -> None:
    from summarizer.printable import printable

    _err().print(printable(message), markup=False, highlight=False, soft_wrap=True)


def _fail(message: str, code: int) -> NoReturn:
    from summarizer.printable import printable

    message = " ".join(printable(message).split())
    _err().print(f"error: {message}", style="red", markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def main() -> None:
    """The ``summarize`` entry point: ``summarize render ...`` re-renders a saved report, anything else
    summarizes (a folder named ``render`` is ``./render``)."""
    if sys.argv[1:2] == ["render"]:
        render_app(sys.argv[2:], prog_name="summarize render")
    else:
        app(prog_name="summarize")


if __name__ == "__main__":
    main()
