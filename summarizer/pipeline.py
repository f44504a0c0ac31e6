"""The whole run: load → extract (concurrently, per article) → ground → merge → EventReport.

``summarize_async`` is the base; ``summarize`` runs it to completion for plain scripts. Neither prints:
progress goes to an optional callback.
"""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import logging
from collections.abc import Callable, Coroutine, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from summarizer.align import align
from summarizer.backend import DEFAULT_TIMEOUT, Backend, instructor_client, resolve_backend
from summarizer.brief import assembled_brief, written_brief
from summarizer.cache import Answered, ArticleCache, cache_dir
from summarizer.embed import Embedder
from summarizer.embed import embedder as named_embedder
from summarizer.errors import ConfigError, ModelError, ReplayMissError
from summarizer.extract import extract, regrounded
from summarizer.extractive import extractive_reports
from summarizer.ground import strictly
from summarizer.judge import Judgement, claims_of, published_of
from summarizer.judge import judge as judge_claims
from summarizer.limits import Budget
from summarizer.llm import Policy
from summarizer.load import Article, load_inputs
from summarizer.merge import merge
from summarizer.printable import cleaned
from summarizer.prompt_files import Prompts, load_prompts
from summarizer.recording import record, replay, replay_backend
from summarizer.schemas import SCHEMA_VERSION, ArticleReport, Brief, EventReport, Problem, Question, RunInfo, Usage

# instructor logs each exhausted re-ask at ERROR; we report those ourselves (as dropped items or a
# failed article), so without an application-configured handler they are not printed.
logging.getLogger("instructor").addHandler(logging.NullHandler())

Progress = Callable[[Article, int, int], None]  # (article just finished, done so far, total)
P = ParamSpec("P")
T = TypeVar("T")


async def summarize_async(
    folder: str | Path | Sequence[str | Path],
    *,
    model: str | None = None,
    base_url: str | None = None,
    api_key: str | None = None,
    mode: str | None = None,
    concurrency: int | None = None,
    record_to: str | Path | None = None,
    replay_from: str | Path | None = None,
    on_progress: Progress | None = None,
    judge: bool = True,
    timeout: float = DEFAULT_TIMEOUT,
    max_retry_wait: float | None = None,
    cache: bool | str | Path = False,
    embedder: str | Embedder | None = None,
    strict: bool = False,
    rpm: float | None = None,
    tpm: float | None = None,
    sources: str | Path | None = None,
    brief: bool = False,
) -> EventReport:
    """Summarize the articles in ``folder`` — a folder, a file or an ``http(s)://`` URL, or a list of them
    in any mix — into one :class:`EventReport`. ``sources`` names the sources (a ``sources.csv`` or
    ``.json``: outlet, author, date and URL of each file or URL; :mod:`summarizer.sourcelist`).

    ``model``/``base_url``/``mode`` choose the backend (see :mod:`summarizer.backend`); with no model,
    key or server configured, the extractive engine runs (:mod:`summarizer.extractive`: rules and
    offline models, no language model); ``model="embedded"`` runs the small model of the ``[local]``
    extra in-process. ``api_key`` (else ``$SUMMARIZER_API_KEY``) is sent to the backend chosen;
    ``OPENAI_API_KEY`` is sent only to OpenAI. ``record_to`` stores every LLM exchange in a folder;
    ``replay_from`` answers from such a folder with no model and no network. ``concurrency`` bounds the
    articles in flight (default 4; 1 for the embedded model, which runs one generation at a time).
    ``judge=False`` skips asking the model which facts contradict each other (:mod:`summarizer.judge`);
    dates, numbers and quotes are still compared.

    ``timeout`` is the seconds one request may take; ``max_retry_wait`` caps each pause between
    transport retries (``Retry-After`` included; default 60 s, 0 retries at once). ``cache=True`` keeps
    each finished article in the cache folder (:mod:`summarizer.cache`), a path keeps them there; an
    article found there costs no model call. Record and replay runs never use the cache.

    ``embedder`` is the model that compares claims by meaning (:mod:`summarizer.embed`): by default
    the offline WordLlama model; ``"openai:MODEL"`` asks the backend's ``/v1/embeddings`` endpoint,
    ``"st:MODEL"`` runs a sentence-transformers model; or any object with an ``embed`` method.

    ``strict=True`` keeps only items whose words were found exactly or after folding (case, quotes,
    dashes, spacing): those found only by a fuzzy match are dropped with the reason.

    ``rpm`` and ``tpm`` budget requests and tokens per minute (:mod:`summarizer.limits`); the
    server's ``x-ratelimit-*`` headers are honoured whether or not they are given.

    ``brief=True`` has the model write the report's brief (:mod:`summarizer.brief`: one more request);
    otherwise, and with no model, the brief is assembled from the answers.
    """
    loaded = load_inputs(folder, sources)
    run = _session(
        model, base_url, api_key, mode, concurrency, record_to, replay_from, timeout, max_retry_wait, cache,
        rpm=rpm, tpm=tpm,
    )  # fmt: skip
    meaning = _embedder(embedder, run.backend)
    with _exchanges(run.backend, record_to, replay_from):
        return await summarize_loaded(
            run, loaded.articles, loaded.skipped, meaning,
            on_progress=on_progress, judge=judge, strict=strict, brief=brief,
        )  # fmt: skip


async def summarize_loaded(
    run: _Session,
    articles: list[Article],
    skipped: list[Problem],
    meaning: Embedder,
    *,
    on_progress: Progress | None = None,
    judge: bool = True,
    strict: bool = False,
    brief: bool = False,
) -> EventReport:
    """The report of ``articles`` (one event) in a session already open: what :func:`summarize_async`
    does after loading, and what a feed (:mod:`summarizer.feed`) does for each of its events."""
    judge_usage = Usage()
    judgement = Judgement()
    if run.client is None:  # no model configured: the extractive engine
        results = _extractive_all(articles, meaning, on_progress)
    else:
        results = await _extract_all(run, articles, on_progress)
    results = [strictly(r) if strict and isinstance(r, ArticleReport) else r for r in results]
    reports = [r for r in results if isinstance(r, ArticleReport)]
    failed = [r for r in results if isinstance(r, Problem)]
    if not reports:
        raise ModelError(f"no article could be summarized: {failed[0].reason}", attempts=len(failed))
    claims = claims_of(reports)
    with_topics = judge and run.client is not None
    alignment = align(claims, embedder=meaning, with_topics=with_topics, published=published_of(reports))
    if judge and len(reports) > 1 and run.client is not None:
        judgement = await judge_claims(
            run.client, run.backend, run.prompts, claims, alignment, run.policy,
            usage=judge_usage, concurrency=run.limit, store=run.store,
        )  # fmt: skip
    merged = merge(reports, alignment=alignment, judgement=judgement)
    written = await _brief(run, merged.questions, reports, judge_usage) if brief else None
    notes = judgement.notes + ([written] if isinstance(written, str) else [])
    report = EventReport(
        event=merged.event, brief=written if isinstance(written, Brief) else assembled_brief(merged.questions, reports),
        sources=reports, questions=merged.questions, failed=failed, skipped=skipped, notes=notes,
        judge_usage=judge_usage, run=_run_info(run, meaning.name),
    )  # fmt: skip
    return cleaned(report)  # a lone surrogate anywhere (a file name, a model's string) cannot be JSON


@dataclass
class _Session:
    """What every request of one run shares: the backend and its client, prompts, policy and cache."""

    backend: Backend
    client: Any  # None for the extractive engine: no model to ask
    prompts: Prompts
    policy: Policy
    store: ArticleCache | None
    limit: int  # requests in flight at once
    gate: asyncio.Semaphore | None = None  # articles in flight, shared by every event of a feed


def _session(
    model: str | None,
    base_url: str | None,
    api_key: str | None,
    mode: str | None,
    concurrency: int | None,
    record_to: str | Path | None,
    replay_from: str | Path | None,
    timeout: float,
    max_retry_wait: float | None,
    cache: bool | str | Path,
    *,
    rpm: float | None = None,
    tpm: float | None = None,
    shared: bool = False,
) -> _Session:
    """What every request of a run shares. ``rpm``/``tpm`` budget requests and tokens per minute;
    ``shared``: one budget of ``concurrency`` requests in flight for every call of every event (a feed)."""
    prompts = load_prompts()
    if replay_from:
        backend = replay_backend(Path(replay_from))
    else:
        backend = resolve_backend(model, base_url, mode, timeout=timeout, api_key=api_key)
    if record_to and backend.kind == "extractive":
        raise ConfigError("nothing to record: no model is configured (the extractive engine asks none)")
    policy = Policy.for_backend(backend)
    if max_retry_wait is not None:
        if max_retry_wait < 0:
            raise ConfigError(f"max_retry_wait cannot be negative, got {max_retry_wait}")
        policy = dataclasses.replace(policy, max_wait=max_retry_wait)
    store = None  # a replay must exercise the pipeline, a recording must capture real exchanges
    if cache and not (replay_from or record_to) and backend.kind != "extractive":  # rules need no cache
        store = ArticleCache(cache_dir(None if cache is True else cache), backend, prompts.version)
    if concurrency is None:
        concurrency = 1 if backend.kind == "embedded" and not backend.replay else 4
    if concurrency < 1:
        raise ConfigError(f"concurrency must be at least 1, got {concurrency}")
    budget = Budget(concurrency if shared else None, rpm, tpm)  # the server's own limits are read always
    policy = dataclasses.replace(policy, budget=budget)
    client = None
    if backend.kind != "extractive":
        client = instructor_client(backend, asynchronous=True, on_response=budget.observe)
    gate = asyncio.Semaphore(concurrency) if shared else None
    return _Session(backend, client, prompts, policy, store, concurrency, gate)


async def _brief(
    run: _Session, questions: list[Question], reports: list[ArticleReport], usage: Usage
) -> Brief | str | None:
    """The model's brief (one more request), or why there is none; None with no model to ask."""
    if run.client is None:
        return None
    return await written_brief(
        run.client, run.backend, run.prompts, questions, reports, run.policy, usage=usage, store=run.store
    )


def _extractive_all(
    articles: list[Article], meaning: Embedder, on_progress: Progress | None
) -> list[ArticleReport | Problem]:
    results: list[ArticleReport | Problem] = list(extractive_reports(articles, meaning))
    for done, article in enumerate(articles, 1):
        if on_progress is not None:
            on_progress(article, done, len(articles))
    return results


async def _extract_all(
    run: _Session, articles: list[Article], on_progress: Progress | None
) -> list[ArticleReport | Problem]:
    """Each article's report (from the cache, or asked and then cached at once), or why it failed."""
    gate = run.gate or asyncio.Semaphore(run.limit)
    done = 0

    async def one(article: Article) -> ArticleReport | Problem:
        nonlocal done
        async with gate:
            store = run.store
            hit = store.get(article) if store is not None else None
            result: ArticleReport | Problem
            if isinstance(hit, ArticleReport):
                result = hit
            elif isinstance(hit, Answered) and store is not None:  # the rules changed since it was cached
                result = cleaned(await regrounded(article, hit))  # derived again, not asked
                store.put(article, result, hit)
                result = result.model_copy(update={"cached": True})
            else:  # not cached: ask the model
                try:
                    report, answered = await extract(run.client, run.backend, run.prompts, article, run.policy)
                except ReplayMissError:
                    raise
                except ModelError as error:
                    result = Problem(path=article.info.path, reason=str(error))
                else:
                    result = cleaned(report)
                    if store is not None:
                        store.put(article, result, answered)  # at once: a run killed later keeps it
        done += 1
        if on_progress is not None:
            on_progress(article, done, len(articles))
        return result

    # every task runs to its end: with a bare gather, the first error would leave the others' errors
    # unretrieved (asyncio prints each at exit), and their requests still running
    results = await asyncio.gather(*(one(a) for a in articles), return_exceptions=True)
    for result in results:
        if isinstance(result, BaseException):
            raise result
    return [r for r in results if not isinstance(r, BaseException)]


def _embedder(choice: str | Embedder | None, backend: Backend) -> Embedder:
    if choice is None or isinstance(choice, str):
        base_url = backend.base_url if backend.kind != "embedded" and not backend.replay else None
        return named_embedder(choice, base_url=base_url, api_key=backend.api_key)
    if not callable(getattr(choice, "embed", None)) or not isinstance(getattr(choice, "name", None), str):
        raise ConfigError(f"an embedder needs a name and an embed(texts) method; got {type(choice).__name__}")
    return choice


def _run_info(run: _Session, embedder: str) -> RunInfo:
    return RunInfo(
        backend=run.backend.label,
        model=run.backend.request_model,
        mode=run.backend.mode,
        base_url=run.backend.base_url,
        prompt_version=run.prompts.version,
        schema_version=SCHEMA_VERSION,
        tool_version=version("summarizer"),
        embedder=embedder,
    )


def blocking(coroutine_function: Callable[P, Coroutine[Any, Any, T]], name: str) -> Callable[P, T]:
    """The blocking form of ``coroutine_function``, with the same parameters, named ``name``: for
    scripts and notebooks without an event loop."""

    @functools.wraps(coroutine_function)
    def run(*args: P.args, **kwargs: P.kwargs) -> T:
        result: list[T] = []

        async def main() -> None:
            # The main task returns nothing: on the way out asyncio.run reprs it (restoring the SIGINT
            # handler, Python 3.11), and a finished task's repr includes its result, a whole report.
            result.append(await coroutine_function(*args, **kwargs))

        asyncio.run(main())
        return result[0]

    run.__name__ = run.__qualname__ = name
    run.__doc__ = (
        f"Blocking form of :func:`{coroutine_function.__name__}` (same parameters), for scripts and notebooks."
    )
    return run


summarize = blocking(summarize_async, "summarize")


def _exchanges(
    backend: Backend, record_to: str | Path | None, replay_from: str | Path | None
) -> AbstractContextManager[None]:
    if replay_from:
        return replay(Path(replay_from))
    if record_to:
        return record(Path(record_to), backend)
    return nullcontext()
