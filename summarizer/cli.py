"""The ``summarize`` command: parse options, call the library, render, map errors to exit codes."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from summarizer import __version__
from summarizer.backend import DEFAULT_TIMEOUT, MODES
from summarizer.cache import CACHE_ENV, cache_dir, clear, write_atomically
from summarizer.errors import SummarizerError
from summarizer.pipeline import summarize
from summarizer.render import FORMATS, render, terminal

PARTIAL_EXIT = 5  # some articles failed; the report covers the rest

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False)
err = Console(stderr=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"summarizer {__version__}")
        raise typer.Exit()


@app.command()
def run(
    folder: Annotated[
        Path | None, typer.Argument(help="Folder of articles about one event (.txt, .md, .html), or one file.")
    ] = None,
    model: Annotated[
        str | None,
        typer.Option(help="Model name on the server, an OpenAI model, or a path to a .gguf file to run locally."),
    ] = None,
    base_url: Annotated[
        str | None,
        typer.Option(envvar="OPENAI_BASE_URL", help="OpenAI-compatible server, e.g. http://localhost:11434/v1 (Ollama)."),
    ] = None,
    mode: Annotated[
        str | None,
        typer.Option(help=f"How structured output is requested: {', '.join(MODES)}. Default fits the backend."),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help=f"Output format: {', '.join(FORMATS)}.")] = "text",
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write the report to this file instead of stdout.")] = None,
    concurrency: Annotated[int | None, typer.Option(min=1, help="Articles processed at once (default 4; 1 embedded).")] = None,
    record: Annotated[Path | None, typer.Option(help="Record every LLM exchange into this folder.")] = None,
    replay: Annotated[Path | None, typer.Option(help="Answer from a recording folder: no model, no network.")] = None,
    no_judge: Annotated[
        bool, typer.Option("--no-judge", help="Do not ask the model which claims contradict each other.")
    ] = False,
    timeout: Annotated[
        float, typer.Option(help="Seconds one model request may take before it is retried as failed.")
    ] = DEFAULT_TIMEOUT,
    max_retry_wait: Annotated[
        float | None,
        typer.Option(min=0, help="Longest pause between transport retries, Retry-After included (default 60)."),
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Neither read nor write the cache of finished articles.")
    ] = False,
    cache_dir_: Annotated[
        Path | None,
        typer.Option("--cache-dir", help=f"Cache folder (default ${CACHE_ENV}, else the user cache folder)."),
    ] = None,
    clear_cache: Annotated[
        bool, typer.Option("--clear-cache", help="Remove every cached article, say what was removed, and exit.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or notes on stderr.")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")] = False,
) -> None:
    """Summarize several articles about one event: what the sources agree on, and where they disagree."""
    if clear_cache:
        where = cache_dir(cache_dir_)
        try:
            removed = clear(where)
        except OSError as error:
            _fail(f"cannot clear the cache in {where}: {error.strerror or error}", 2)
            return
        articles = sum(not path.name.startswith(".") for path in removed)  # the rest: writes cut short
        extra = f" and {len(removed) - articles} unfinished write(s)" if len(removed) > articles else ""
        typer.echo(f"removed {articles} cached article(s){extra} from {where}")
        raise typer.Exit(0)
    if folder is None:
        _fail("missing FOLDER: the folder of articles to summarize", 2)
        return
    if fmt not in FORMATS:
        _fail(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}", 2)
    if record and replay:
        _fail("--record and --replay cannot be used together", 2)
    if out is not None and folder.exists() and out.resolve().is_relative_to(folder.resolve()) and out.exists():
        _fail(f"refusing to overwrite {out}: it is inside the input folder", 2)

    progress = Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=err, disable=quiet, transient=True,
    )  # fmt: skip
    with progress:
        task = progress.add_task("articles", total=None)

        def advance(article: object, done: int, total: int) -> None:
            progress.update(task, completed=done, total=total, description=f"done {getattr(article, 'id', '')}")

        try:
            report = summarize(
                folder, model=model, base_url=base_url, mode=mode, concurrency=concurrency,
                record_to=record, replay_from=replay, on_progress=advance, judge=not no_judge,
                timeout=timeout, max_retry_wait=max_retry_wait, cache=False if no_cache else cache_dir_ or True,
            )  # fmt: skip
        except SummarizerError as error:
            progress.stop()
            _fail(str(error), error.exit_code)

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
    if report.failed:
        raise typer.Exit(PARTIAL_EXIT)


def _fail(message: str, code: int) -> None:
    err.print(f"error: {' '.join(message.split())}", style="red", markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
