"""The whole run: load → extract (concurrently, per article) → ground → merge → EventReport.

``summarize_async`` is the base; ``summarize`` runs it to completion for plain scripts. Neither prints:
progress goes to an optional callback.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

from summarizer import __version__
from summarizer.backend import Backend, instructor_client, resolve_backend
from summarizer.errors import ModelError, ReplayMissError
from summarizer.extract import Policy, count_usage, extract
from summarizer.load import Article, load_folder
from summarizer.merge import merge
from summarizer.prompt_files import load_prompts
from summarizer.recording import record, replay, replay_backend
from summarizer.schemas import SCHEMA_VERSION, ArticleReport, EventReport, Problem, RunInfo

# instructor logs each exhausted re-ask at ERROR; we report those ourselves (as dropped items or a
# failed article), so without an application-configured handler they are not printed.
logging.getLogger("instructor").addHandler(logging.NullHandler())

Progress = Callable[[Article, int, int], None]  # (article just finished, done so far, total)


async def summarize_async(
    folder: str | Path,
    *,
    model: str | None = None,
    base_url: str | None = None,
    mode: str | None = None,
    concurrency: int | None = None,
    record_to: str | Path | None = None,
    replay_from: str | Path | None = None,
    on_progress: Progress | None = None,
) -> EventReport:
    """Summarize the articles in ``folder`` into one :class:`EventReport`.

    ``model``/``base_url``/``mode`` choose the backend (see :mod:`summarizer.backend`); with neither a
    key nor a server the embedded model runs. ``record_to`` stores every LLM exchange in a folder;
    ``replay_from`` answers from such a folder with no model and no network. ``concurrency`` bounds the
    articles in flight (default 4; 1 for the embedded model, which runs one generation at a time).
    """
    loaded = load_folder(Path(folder))
    prompts = load_prompts()
    backend = replay_backend(Path(replay_from)) if replay_from else resolve_backend(model, base_url, mode)
    policy = Policy.for_backend(backend)
    limit = concurrency or (1 if backend.kind == "embedded" and not backend.replay else 4)
    if limit < 1:
        raise ValueError("concurrency must be at least 1")

    client = instructor_client(backend, asynchronous=True)
    client.on("completion:response", count_usage)
    gate = asyncio.Semaphore(limit)
    done = 0

    async def one(article: Article) -> ArticleReport | Problem:
        nonlocal done
        async with gate:
            try:
                result: ArticleReport | Problem = await extract(client, backend, prompts, article, policy)
            except ReplayMissError:
                raise
            except ModelError as error:
                result = Problem(path=str(article.path), reason=str(error))
        done += 1
        if on_progress is not None:
            on_progress(article, done, len(loaded.articles))
        return result

    with _exchanges(backend, record_to, replay_from):
        results = await asyncio.gather(*(one(a) for a in loaded.articles))

    reports = [r for r in results if isinstance(r, ArticleReport)]
    failed = [r for r in results if isinstance(r, Problem)]
    if not reports:
        raise ModelError(f"no article could be summarized: {failed[0].reason}", attempts=len(failed))
    event, consensus, partial, disagreements = merge(reports)
    return EventReport(
        event=event,
        sources=reports,
        consensus=consensus,
        partial=partial,
        disagreements=disagreements,
        failed=failed,
        skipped=loaded.skipped,
        run=RunInfo(
            backend=backend.label,
            model=backend.request_model,
            mode=backend.mode,
            base_url=backend.base_url,
            prompt_version=prompts.version,
            schema_version=SCHEMA_VERSION,
            tool_version=__version__,
        ),
    )


def summarize(folder: str | Path, **options: object) -> EventReport:
    """Blocking form of :func:`summarize_async` (same options), for scripts and notebooks without a loop."""
    return asyncio.run(summarize_async(folder, **options))  # type: ignore[arg-type]


def _exchanges(
    backend: Backend, record_to: str | Path | None, replay_from: str | Path | None
) -> AbstractContextManager[None]:
    if replay_from:
        return replay(Path(replay_from))
    if record_to:
        return record(Path(record_to), backend)
    return nullcontext()
