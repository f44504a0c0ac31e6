"""A feed: many articles about many events in, one :class:`EventReport` per event out, with an index.

1. **Plan** (:func:`plan_feed`, no model call): the articles are loaded — a folder, or articles given
   as objects or mappings — and grouped into events (:mod:`summarizer.events`), or taken as one event,
   or each as its own, or one event per subfolder (``per_folder``).
2. **Run**: every event goes through the same pipeline as a folder of one event
   (:func:`summarizer.pipeline.summarize_loaded`), all in one session: one budget of ``concurrency``
   requests in flight for every model call of every event (extraction and judge alike), requests and
   tokens per minute (:mod:`summarizer.limits`), and the on-disk cache, so a run killed and started
   again asks nothing already done. Events run concurrently; articles start in the feed's order.

An event whose articles all failed is listed with its error; the others are reported in full.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarizer.backend import DEFAULT_TIMEOUT
from summarizer.embed import Embedder
from summarizer.errors import ConfigError, InputError, ModelError
from summarizer.events import group_articles
from summarizer.feed_schema import FeedEvent, FeedReport, Grouping, Unassigned
from summarizer.load import Article, load_folder, unique_ids
from summarizer.pipeline import _embedder, _run_info, _Session, _session, blocking, summarize_loaded
from summarizer.printable import paired
from summarizer.schemas import EventReport, Problem, Usage

GROUPINGS = ("auto", "one", "none")
NOT_IN_A_SUBFOLDER = "not in a subfolder: with --per-folder each subfolder is one event"
FeedProgress = Callable[[int, int, int, int], None]  # (articles done, articles, events done, events)
ArticleInput = Article | Mapping[str, Any]


@dataclass
class PlannedEvent:
    articles: list[Article]
    folder: str | None = None


@dataclass
class Plan:
    """The events of a feed, decided before any model call."""

    grouping: Grouping
    events: list[PlannedEvent]
    unassigned: list[Unassigned] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)

    @property
    def articles(self) -> int:
        return sum(len(e.articles) for e in self.events)


def plan_feed(
    source: str | Path | Sequence[ArticleInput],
    *,
    group: str = "auto",
    per_folder: bool = False,
    embedder: Embedder | None = None,
    sources: str | Path | None = None,
) -> Plan:
    """Load the feed and decide its events (no model call). ``source`` is a folder, or a list of
    :class:`~summarizer.load.Article` or of mappings with ``id`` and ``text`` (optionally ``url``,
    ``outlet``, ``published``, ``title``). ``sources``: a list naming the outlets (as for
    :func:`summarizer.summarize`), for a folder's articles."""
    if group not in GROUPINGS:
        raise ConfigError(f"unknown grouping {group!r}; choose one of {', '.join(GROUPINGS)}")
    if per_folder:
        if isinstance(source, (str, Path)):
            return _per_folder(Path(source), sources)
        raise ConfigError("per_folder needs a folder whose subfolders are the events")
    skipped: list[Problem] = []
    if isinstance(source, (str, Path)):
        loaded = load_folder(Path(source), sources)
        articles, skipped = loaded.articles, loaded.skipped
    else:
        articles = articles_from(source)
    if group == "one":
        return Plan("one", [PlannedEvent(articles)], skipped=skipped)
    if group == "none":
        return Plan("none", [PlannedEvent([a]) for a in articles], skipped=skipped)
    grouping = group_articles(articles, embedder=embedder)
    events = [PlannedEvent([articles[i] for i in members]) for members in grouping.events]
    unassigned = [_unassigned(articles[i], why) for i, why in grouping.unassigned]
    return Plan("auto", events, unassigned, skipped)


def _per_folder(root: Path, sources: str | Path | None) -> Plan:
    if not root.is_dir():
        raise InputError(f"folder not found: {root}")
    events: list[PlannedEvent] = []
    unassigned: list[Unassigned] = []
    skipped: list[Problem] = []
    for child in sorted(p for p in root.iterdir() if not p.name.startswith(".")):
        if not child.is_dir():
            unassigned.append(Unassigned(id=paired(child.stem), path=paired(str(child)), reason=NOT_IN_A_SUBFOLDER))
            continue
        try:
            loaded = load_folder(child, sources)
        except InputError as error:
            skipped.append(Problem(path=paired(str(child)), reason=str(error)))
            continue
        skipped += loaded.skipped
        events.append(PlannedEvent(loaded.articles, folder=paired(child.name)))
    if not events:
        raise InputError(f"no subfolder of {paired(str(root))} holds readable articles")
    return Plan("per-folder", events, unassigned, skipped)


def articles_from(rows: Sequence[ArticleInput]) -> list[Article]:
    """Articles from objects or mappings (``id``, ``text``; optional ``url``, ``outlet``, ``published``,
    ``title``). The text is taken as given (stripped); what a mapping states overrides what the text says."""
    given = [row for row in rows if not isinstance(row, Article)]
    ids = unique_ids([Path(str(row.get("id") or row.get("url") or "article")) for row in given])
    articles: list[Article] = []
    for row in rows:
        if isinstance(row, Article):
            articles.append(row)
            continue
        text = paired(str(row.get("text") or "")).replace("\r\n", "\n").strip()  # "\ud800" is no UTF-8
        source_id = ids.pop(0)
        article = Article(Path(str(row.get("url") or row.get("path") or source_id)), text, source_id)
        stated = {k: _iso(row[k], source_id) if k == "published" else paired(str(row[k]))
                  for k in ("title", "outlet", "published") if row.get(k)}  # fmt: skip
        if row.get("url"):
            stated["path"] = paired(str(row["url"]))  # where the article is: its address
        if stated:
            article.info = article.info.model_copy(update=stated)
        articles.append(article)
    return articles


def _iso(value: Any, article: str) -> str:
    """A publication date as YYYY-MM-DD, from a date, a datetime or a text starting with one."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        raise InputError(f"article {article}: published {str(value)[:40]!r} is not a date as YYYY-MM-DD") from None


def _unassigned(article: Article, reason: str) -> Unassigned:
    return Unassigned(id=article.id, path=article.info.path, reason=reason)


async def summarize_feed_async(
    source: str | Path | Sequence[ArticleInput] | Plan,
    *,
    group: str = "auto",
    per_folder: bool = False,
    model: str | None = None,
    base_url: str | None = None,
    api_key: str | None = None,
    mode: str | None = None,
    concurrency: int | None = None,
    on_progress: FeedProgress | None = None,
    judge: bool = True,
    timeout: float = DEFAULT_TIMEOUT,
    max_retry_wait: float | None = None,
    cache: bool | str | Path = False,
    embedder: str | Embedder | None = None,
    strict: bool = False,
    rpm: float | None = None,
    tpm: float | None = None,
    batch: bool = False,
    sources: str | Path | None = None,
    brief: bool = False,
) -> FeedReport:
    """Summarize a feed: one report per event (see the module docstring). ``source`` is a folder, a
    list of articles (objects or mappings, see :func:`articles_from`) or a :class:`Plan` already made.
    ``group``: ``auto`` (default), ``one`` or ``none``; ``per_folder``: each subfolder is one event.
    ``batch=True`` sends the extractions through the OpenAI Batch API first (:mod:`summarizer.batch`;
    it needs the cache). Every other option is :func:`summarizer.summarize`'s: ``brief`` asks the model
    for each event's brief, ``sources`` names the outlets."""
    run = _session(
        model, base_url, api_key, mode, concurrency, None, None, timeout, max_retry_wait, cache,
        rpm=rpm, tpm=tpm, shared=True,
    )  # fmt: skip
    meaning = _embedder(embedder, run.backend)
    plan = (
        source
        if isinstance(source, Plan)
        else plan_feed(source, group=group, per_folder=per_folder, embedder=meaning, sources=sources)
    )
    batch_id = None
    if batch:
        from summarizer.batch import run_batch

        batch_id = await run_batch(run, [a for e in plan.events for a in e.articles])
    progress = _Progress(plan, on_progress)
    results = await asyncio.gather(
        *(_event(run, planned, meaning, progress, judge, strict, brief) for planned in plan.events),
        return_exceptions=True,
    )
    for result in results:
        if isinstance(result, BaseException):
            raise result
    entries = [r for r in results if not isinstance(r, BaseException)]
    return FeedReport(
        grouping=plan.grouping,
        events=_numbered(entries),
        unassigned=plan.unassigned,
        skipped=plan.skipped,
        usage=_usage(entries),
        batch=batch_id,
        run=_run_info(run, meaning.name) if entries else None,
    )


class _Progress:
    def __init__(self, plan: Plan, callback: FeedProgress | None):
        self.articles, self.events = plan.articles, len(plan.events)
        self.articles_done = self.events_done = 0
        self.callback = callback

    def article(self, *_: object) -> None:
        self.articles_done += 1
        self.tell()

    def event(self) -> None:
        self.events_done += 1
        self.tell()

    def tell(self) -> None:
        if self.callback is not None:
            self.callback(self.articles_done, self.articles, self.events_done, self.events)


async def _event(
    run: _Session, planned: PlannedEvent, meaning: Embedder, progress: _Progress, judge: bool, strict: bool, brief: bool
) -> FeedEvent:
    articles = planned.articles
    dates = sorted(a.info.published for a in articles if a.info.published)
    title = next((a.info.title for a in articles if a.info.title), None) or articles[0].id
    entry = FeedEvent(
        id="", title=title, articles=[a.id for a in articles], folder=planned.folder,
        first_published=dates[0] if dates else None, last_published=dates[-1] if dates else None,
        single_source=len(articles) == 1,
    )  # fmt: skip
    try:
        report = await summarize_loaded(run, articles, [], meaning, on_progress=progress.article, judge=judge,
                                        strict=strict, brief=brief)  # fmt: skip
    except ModelError as error:
        entry.error = str(error)
    else:
        entry = _with_report(entry, report)
    progress.event()
    return entry


def _with_report(entry: FeedEvent, report: EventReport) -> FeedEvent:
    return entry.model_copy(
        update={
            "title": report.event or entry.title,
            "disagreements": len(report.disagreements),
            "consensus": len(report.consensus),
            "partial": len(report.partial),
            "report": report,
        }
    )


def _numbered(entries: list[FeedEvent]) -> list[FeedEvent]:
    """The events, the earliest first (undated ones last, in the feed's order), each with its id."""
    order = sorted(range(len(entries)), key=lambda k: (entries[k].first_published or "9999", k))
    width = max(3, len(str(len(entries))))
    return [entries[k].model_copy(update={"id": f"{n:0{width}d}-{slug(entries[k].title)}"})
            for n, k in enumerate(order, 1)]  # fmt: skip


def slug(text: str, words: int = 6) -> str:
    """A file-name-safe short form of ``text``: its first words, ASCII, lower case, joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    found = re.findall(r"[a-z0-9]+", ascii_text.lower())[:words]
    return "-".join(found)[:60].strip("-") or "event"


def _usage(entries: list[FeedEvent]) -> Usage:
    total = Usage()
    for entry in entries:
        if entry.report is None:
            continue
        spent = [s.usage for s in entry.report.sources if not s.cached] + [entry.report.judge_usage]
        for usage in spent:
            total.calls += usage.calls
            total.unreported_calls += usage.unreported_calls
            total.prompt_tokens += usage.prompt_tokens
            total.completion_tokens += usage.completion_tokens
    return total


summarize_feed = blocking(summarize_feed_async, "summarize_feed")
