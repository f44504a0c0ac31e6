"""The whole run: load → extract (concurrently, per article) → ground → merge → EventReport.

``summarize_async`` is the base; ``summarize`` runs it to completion for plain scripts. Neither prints:
progress goes to an optional callback.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

from summarizer import __version__
from summarizer.backend import DEFAULT_TIMEOUT, Backend, instructor_client, resolve_backend
from summarizer.cache import ArticleCache, cache_dir
from summarizer.errors import ModelError, ReplayMissError
from summarizer.extract import Policy, count_usage, extract, track_usage
from summarizer.judge import judge as judge_facts
from summarizer.load import Article, load_folder
from summarizer.merge import merge
from summarizer.prompt_files import load_prompts
from summarizer.recording import record, replay, replay_backend
from summarizer.schemas import (
    SCHEMA_VERSION,
    ArticleReport,
    Disagreement,
    EventReport,
    Fact,
    Problem,
    RunInfo,
    Usage,
)

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
    judge: bool = True,
    timeout: float = DEFAULT_TIMEOUT,
    max_retry_wait: float | None = None,
    cache: bool | str | Path = False,
) -> EventReport:
    """Summarize the articles in ``folder`` into one :class:`EventReport`.

    ``model``/``base_url``/``mode`` choose the backend (see :mod:`summarizer.backend`); with neither a
    key nor a server the embedded model runs. ``record_to`` stores every LLM exchange in a folder;
    ``replay_from`` answers from such a folder with no model and no network. ``concurrency`` bounds the
    articles in flight (default 4; 1 for the embedded model, which runs one generation at a time).
    ``judge=False`` skips asking the model which facts contradict each other (:mod:`summarizer.judge`);
    dates, numbers and quotes are still compared.

    ``timeout`` is the seconds one request may take; ``max_retry_wait`` caps each pause between
    transport retries (``Retry-After`` included; default 60 s, 0 retries at once). ``cache=True`` keeps
    each finished article in the cache folder (:mod:`summarizer.cache`), a path keeps them there; an
    article found there costs no model call. Record and replay runs never use the cache.
    """
    loaded = load_folder(Path(folder))
    prompts = load_prompts()
    if replay_from:
        backend = replay_backend(Path(replay_from))
    else:
        backend = resolve_backend(model, base_url, mode, timeout=timeout)
    policy = Policy.for_backend(backend)
    if max_retry_wait is not None:
        if max_retry_wait < 0:
            raise ValueError("max_retry_wait cannot be negative")
        policy = dataclasses.replace(policy, max_wait=max_retry_wait)
    store = None  # a replay must exercise the pipeline, a recording must capture real exchanges
    if cache and not (replay_from or record_to):
        store = ArticleCache(cache_dir(None if cache is True else cache), backend, prompts.version)
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
            result: ArticleReport | Problem | None = store.get(article) if store is not None else None
            if result is None:  # not cached: ask the model
                try:
                    result = await extract(client, backend, prompts, article, policy)
                except ReplayMissError:
                    raise
                except ModelError as error:
                    result = Problem(path=str(article.path), reason=str(error))
                else:
                    if store is not None:
                        store.put(article, result)  # at once: a run killed later keeps this article
        done += 1
        if on_progress is not None:
            on_progress(article, done, len(loaded.articles))
        return result

    judge_usage = Usage()
    notes: list[str] = []
    with _exchanges(backend, record_to, replay_from):
        results = await asyncio.gather(*(one(a) for a in loaded.articles))
        reports = [r for r in results if isinstance(r, ArticleReport)]
        failed = [r for r in results if isinstance(r, Problem)]
        if not reports:
            raise ModelError(f"no article could be summarized: {failed[0].reason}", attempts=len(failed))
        event, consensus, partial, disagreements = merge(reports)
        if judge and len(reports) > 1:
            track_usage(judge_usage)
            judged, notes = await judge_facts(
                client, backend, prompts, reports, policy, concurrency=limit, store=store
            )
            disagreements = judged + disagreements
            disputed = {id(f) for d in judged for f in consensus if _on_a_side(f, d)}
            partial = [f for f in consensus if id(f) in disputed] + partial  # contradicted: not consensus
            consensus = [f for f in consensus if id(f) not in disputed]

    return EventReport(
        event=event,
        sources=reports,
        consensus=consensus,
        partial=partial,
        disagreements=disagreements,
        failed=failed,
        skipped=loaded.skipped,
        notes=notes,
        judge_usage=judge_usage,
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


def _on_a_side(fact: Fact, disagreement: Disagreement) -> bool:
    """The fact is one side of the dispute: its evidence is on a side, and no other side's source reports it."""
    for side in disagreement.sides:
        if any(e in side.evidence for e in fact.evidence):
            others = {s for other in disagreement.sides if other is not side for s in other.sources}
            return not others & set(fact.sources)
    return False


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
