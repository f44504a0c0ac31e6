"""Ray Data: a feed summarized on a Ray cluster (``pip install 'summarizer[ray]'``).

:func:`summarize_dataset` takes a Ray Dataset of articles — columns ``id`` and ``text``, optionally
``url``, ``outlet``, ``published``, ``title`` — and:

1. **groups** them into events on the driver, exactly as :func:`summarizer.feed.plan_feed` does (no
   model call; about a second per thousand articles, so a million-article feed is a matter of
   minutes on one node, and its memory is the articles' text);
2. **maps** each event through the same pipeline on the workers (``Dataset.map`` over one row per
   event: :func:`summarizer.feed.summarize_feed` with ``group="one"`` on that event's articles, each
   worker with its own session, cache and concurrency budget);
3. **writes** one report per event — ``event_id``, ``title``, ``articles`` and the
   :class:`~summarizer.schemas.EventReport` as JSON in ``report`` — as JSON lines or Parquet, and
   returns the Dataset of those rows.

The reports equal those of the single-process run (a test runs both on a local instance). Each event
is one task, so the work spreads over as many workers as there are events; what bounds a cluster is
the model's throughput (requests per minute and tokens per minute of the provider, or the GPUs of a
self-hosted server), not our CPU: give each worker its share of the limits (``rpm``, ``tpm``,
``concurrency`` are per worker).
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from summarizer.errors import ConfigError

FORMATS = ("jsonl", "parquet")
COLUMNS = ("id", "text", "url", "outlet", "published", "title")


def summarize_dataset(
    dataset: Any,
    output: str | Path,
    *,
    format: str = "jsonl",  # noqa: A002 - the word a user writes
    group: str = "auto",
    num_cpus: float = 1,
    **options: Any,
) -> Any:
    """Group ``dataset``'s articles into events, summarize each event on the workers, write one row
    per event to ``output`` (a folder: Ray writes one file per block), and return the Dataset of
    reports. ``options`` are :func:`summarizer.feed.summarize_feed`'s (model, base_url, rpm, …), for
    each worker; ``num_cpus`` is what one event's task asks of Ray."""
    import ray

    from summarizer.feed import articles_from, plan_feed

    if format not in FORMATS:
        raise ConfigError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
    rows = [{k: row[k] for k in COLUMNS if row.get(k) is not None} for row in dataset.iter_rows()]
    plan = plan_feed(articles_from(rows), group=group)
    by_id = {row["id"]: row for row in rows}
    events = [{"event": n, "articles": [by_id[a.id] for a in e.articles]} for n, e in enumerate(plan.events)]
    task = functools.partial(_summarize_event, options=options)
    reports = ray.data.from_items(events).map(task, num_cpus=num_cpus)
    if format == "parquet":
        reports.write_parquet(str(output))
    else:
        reports.write_json(str(output))
    return reports


def _summarize_event(row: dict[str, Any], options: dict[str, Any]) -> dict[str, Any]:
    """One event's report, on a worker: the feed's own pipeline with the event's articles as one event."""
    from summarizer.feed import summarize_feed

    feed = summarize_feed(list(row["articles"]), group="one", **options)
    [event] = feed.events
    return {
        "event_id": f"{int(row['event']) + 1:04d}-{event.id.split('-', 1)[1]}",
        "title": event.title,
        "articles": list(event.articles),
        "error": event.error or "",
        "report": event.report.model_dump_json() if event.report is not None else "",
    }


def read_reports(output: str | Path) -> list[dict[str, Any]]:
    """The rows :func:`summarize_dataset` wrote as JSON lines, ``report`` parsed (for scripts and tests)."""
    found = []
    for path in sorted(Path(output).glob("*.json*")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                row["report"] = json.loads(row["report"]) if row.get("report") else None
                found.append(row)
    return sorted(found, key=lambda r: str(r["event_id"]))
