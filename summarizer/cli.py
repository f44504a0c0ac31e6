"""The ``summarize`` command: parse options, call the library, render, map errors to exit codes."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.metadata import version as package_version
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import click
import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
from rich.progress import Progress as ProgressBar

from summarizer.backend import DEFAULT_TIMEOUT, MODES
from summarizer.cache import CACHE_ENV, cache_dir, clear
from summarizer.errors import OutputError, SummarizerError
from summarizer.files import Target, output_target, write_output
from summarizer.printable import printable
from summarizer.report import FORMATS

if TYPE_CHECKING:  # the library is imported when a run starts: `--help` and `--version` answer at once
    from summarizer.load import Article
    from summarizer.pipeline import Progress
    from summarizer.schemas import EventReport

PARTIAL_EXIT = 5  # some articles failed, or some claims could not be judged; the report covers the rest
DEBUG_ENV = "SUMMARIZER_DEBUG"  # set: an unexpected error shows its traceback instead of one line

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False)
err = Console(stderr=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"summarizer {package_version('summarizer')}")
        raise typer.Exit()


Folder = Annotated[
    Path | None, typer.Argument(help="Folder of articles about one event (.txt, .md, .html), or one file.")
]
ModelOption = Annotated[
    str | None,
    typer.Option(help="Model name on the server, an OpenAI model, or a path to a .gguf file to run locally."),
]
BaseUrl = Annotated[
    str | None,
    typer.Option(envvar="OPENAI_BASE_URL", help="OpenAI-compatible server, e.g. http://localhost:11434/v1 (Ollama)."),
]
ModeOption = Annotated[
    str | None,
    typer.Option(help=f"How structured output is requested: {', '.join(MODES)}. Default fits the backend."),
]
Format = Annotated[str, typer.Option("--format", "-f", help=f"Output format: {', '.join(FORMATS)}.")]
Out = Annotated[
    Path | None,
    typer.Option("--out", "-o", help="Write the report to this file (or device, FIFO; - is stdout) instead of stdout."),
]
ApiKey = Annotated[
    str | None,
    typer.Option(
        envvar="SUMMARIZER_API_KEY", show_envvar=True,
        help="Key sent to the --base-url server (or OpenAI). OPENAI_API_KEY is only ever sent to OpenAI.",
    ),
]  # fmt: skip
Concurrency = Annotated[int | None, typer.Option(help="Articles processed at once (default 4; 1 embedded).")]
Record = Annotated[Path | None, typer.Option(help="Record every LLM exchange into this folder.")]
Replay = Annotated[Path | None, typer.Option(help="Answer from a recording folder: no model, no network.")]
NoJudge = Annotated[bool, typer.Option("--no-judge", help="Do not ask the model which claims contradict each other.")]
Timeout = Annotated[float, typer.Option(help="Seconds one model request may take before it is retried as failed.")]
MaxRetryWait = Annotated[
    float | None,
    typer.Option(min=0, help="Longest pause between transport retries, Retry-After included (default 60)."),
]
NoCache = Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the cache of finished articles.")]
CacheDir = Annotated[
    Path | None,
    typer.Option("--cache-dir", help=f"Cache folder (default ${CACHE_ENV}, else the user cache folder)."),
]
ClearCache = Annotated[
    bool, typer.Option("--clear-cache", help="Remove every cached article, say what was removed, and exit.")
]
EmbedderOption = Annotated[
    str | None,
    typer.Option(
        "--embedder",
        help="What compares claims by meaning: wordllama (default, offline), openai:MODEL (the backend's "
        "/v1/embeddings) or st:MODEL (sentence-transformers).",
    ),
]
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
    folder: Folder = None,
    model: ModelOption = None,
    base_url: BaseUrl = None,
    api_key: ApiKey = None,
    mode: ModeOption = None,
    fmt: Format = "text",
    out: Out = None,
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
    """Summarize several articles about one event: what the sources agree on, and where they disagree."""
    if clear_cache:
        _clear_cache(cache_dir_)
    if folder is None:
        _fail("missing FOLDER: the folder of articles to summarize", 2)
    if fmt not in FORMATS:
        _fail(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}", 2)
    if record and replay:
        _fail("--record and --replay cannot be used together", 2)
    try:
        if per_folder or batch or group != "one":  # a feed of events, unless it turns out to be one
            code = _feed(folder, fmt, out, quiet, group, per_folder, bool(record or replay), {
                "model": model, "base_url": base_url, "api_key": api_key, "mode": mode, "concurrency": concurrency,
                "judge": not no_judge, "timeout": timeout, "max_retry_wait": max_retry_wait,
                "cache": False if no_cache else cache_dir_ or True, "embedder": embedder, "strict": strict,
                "rpm": rpm, "tpm": tpm, "batch": batch,
            })  # fmt: skip
            if code is not None:
                raise typer.Exit(code)
        # checked before any work: a refused --out costs no model call
        target = output_target(out, protected=folder) if out is not None and str(out) != "-" else None
        from summarizer.pipeline import summarize

        with _progress(quiet) as advance:
            report = summarize(
                folder, model=model, base_url=base_url, api_key=api_key, mode=mode, concurrency=concurrency,
                record_to=record, replay_from=replay, on_progress=advance, judge=not no_judge, timeout=timeout,
                max_retry_wait=max_retry_wait, cache=False if no_cache else cache_dir_ or True,
                embedder=embedder, strict=strict, rpm=rpm, tpm=tpm,
            )  # fmt: skip
        _write(report, fmt, target, quiet)
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


def _feed(folder: Path, fmt: str, out: Path | None, quiet: bool, group: str, per_folder: bool, recording: bool,
          options: dict[str, object]) -> int | None:  # fmt: skip
    """The feed's exit code, or None when the folder holds one event (the one-event path runs)."""
    from summarizer.feed_cli import FeedRequest, feed_run

    return feed_run(FeedRequest(folder, group, per_folder, fmt, out, quiet, recording, options), err)


def _clear_cache(folder: Path | None) -> None:
    where = cache_dir(folder)
    try:
        removed = clear(where)
    except OSError as error:
        _fail(f"cannot clear the cache in {where}: {error.strerror or error}", 2)
    articles = sum(not path.name.startswith(".") for path in removed)  # the rest: writes cut short
    extra = f" and {len(removed) - articles} unfinished write(s)" if len(removed) > articles else ""
    typer.echo(f"removed {articles} cached article(s){extra} from {where}")
    raise typer.Exit(0)


@contextmanager
def _progress(quiet: bool) -> Iterator[Progress]:
    """A progress bar on stderr over the articles, as a ``summarize(on_progress=...)`` callback."""
    bar = ProgressBar(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=err, disable=quiet, transient=True,
    )  # fmt: skip
    with bar:
        task = bar.add_task("articles", total=None)

        def advance(article: Article, done: int, total: int) -> None:
            # a file name is not markup, nor terminal control
            bar.update(task, completed=done, total=total, description=f"done {escape(printable(article.id))}")

        yield advance


def _write(report: EventReport, fmt: str, target: Target | None, quiet: bool) -> None:
    from summarizer.report import render

    if not quiet and report.run.backend == "embedded" and "SmolLM2-135M" in report.run.model:
        err.print(
            "note: the embedded 135M-parameter model shows the pipeline working; it cannot write a good "
            "summary. Use OPENAI_API_KEY or --base-url/--model for a capable model.",
            style="yellow",
        )
    if target is None:
        _to_stdout(report, fmt)
        return
    write_output(target, render(report, fmt))  # a regular file atomically: no half-written report, ever
    if not quiet:
        for folder in target.missing:
            _note(f"created folder {folder}")
        _note(f"wrote {target.path}")


def _to_stdout(report: EventReport, fmt: str) -> None:
    from summarizer.report import render
    from summarizer.report.terminal import terminal

    stdout = sys.stdout
    if stdout is None:  # started with its standard output closed
        raise OutputError("cannot write the report to standard output: it is closed")
    try:
        if fmt == "text" and stdout.isatty():
            Console(file=stdout).print(terminal(report))
        else:
            stdout.write(render(report, fmt))
        stdout.flush()
    except OSError as error:
        # nobody reads any more (a closed pipe): send what is left, and the flush at exit, nowhere
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), stdout.fileno())
        raise OutputError(f"cannot write the report to standard output: {error.strerror or error}") from None


def _note(message: str) -> None:
    err.print(printable(message), markup=False, highlight=False, soft_wrap=True)


def _fail(message: str, code: int) -> NoReturn:
    message = " ".join(printable(message).split())
    err.print(f"error: {message}", style="red", markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
