"""The ``summarize`` command: parse options, call the library, render, map errors to exit codes."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.metadata import version as package_version
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
from rich.progress import Progress as ProgressBar

from summarizer.backend import DEFAULT_TIMEOUT, MODES
from summarizer.cache import CACHE_ENV, cache_dir, clear, write_atomically
from summarizer.errors import SummarizerError
from summarizer.report import FORMATS

if TYPE_CHECKING:  # the library is imported when a run starts: `--help` and `--version` answer at once
    from summarizer.load import Article
    from summarizer.pipeline import Progress
    from summarizer.schemas import EventReport

PARTIAL_EXIT = 5  # some articles failed; the report covers the rest

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
Out = Annotated[Path | None, typer.Option("--out", "-o", help="Write the report to this file instead of stdout.")]
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
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or notes on stderr.")]
Version = Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")]


@app.command()
def run(
    folder: Folder = None,
    model: ModelOption = None,
    base_url: BaseUrl = None,
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
    if out is not None and folder.exists() and out.resolve().is_relative_to(folder.resolve()) and out.exists():
        _fail(f"refusing to overwrite {out}: it is inside the input folder", 2)
    from summarizer.pipeline import summarize

    with _progress(quiet) as advance:
        try:
            report = summarize(
                folder, model=model, base_url=base_url, mode=mode, concurrency=concurrency,
                record_to=record, replay_from=replay, on_progress=advance, judge=not no_judge,
                timeout=timeout, max_retry_wait=max_retry_wait, cache=False if no_cache else cache_dir_ or True,
                embedder=embedder,
                strict=strict,
            )  # fmt: skip
        except SummarizerError as error:
            _fail(str(error), error.exit_code)
    _write(report, fmt, out, quiet)
    if report.failed:
        raise typer.Exit(PARTIAL_EXIT)


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
            bar.update(task, completed=done, total=total, description=f"done {article.id}")

        yield advance


def _write(report: EventReport, fmt: str, out: Path | None, quiet: bool) -> None:
    from summarizer.report import render
    from summarizer.report.terminal import terminal

    if not quiet and report.run.backend == "embedded" and "SmolLM2-135M" in report.run.model:
        err.print(
            "note: the embedded 135M-parameter model shows the pipeline working; it cannot write a good "
            "summary. Use OPENAI_API_KEY or --base-url/--model for a capable model.",
            style="yellow",
        )
    if out is not None:
        write_atomically(out, render(report, fmt))  # no half-written report, ever
        if not quiet:
            err.print(f"wrote {out}")
    elif fmt == "text" and sys.stdout.isatty():
        Console().print(terminal(report))
    else:
        sys.stdout.write(render(report, fmt))


def _fail(message: str, code: int) -> NoReturn:
    err.print(f"error: {' '.join(message.split())}", style="red", markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
