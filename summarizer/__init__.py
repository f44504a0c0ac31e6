"""summarizer: several news articles about one event in, one source-grounded summary out.

    from summarizer import summarize, render
    report = summarize("seeds/")          # an EventReport (pydantic model)
    report.questions[0].answers
    print(render(report, "md"))

``summarize_async`` is the same for pipelines that run an event loop. The names below are imported on
first use, so that ``import summarizer`` (and ``summarize --version``) stays instant.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    __version__: str

if TYPE_CHECKING:
    from summarizer.align import group_claims
    from summarizer.errors import ConfigError, InputError, ModelError, ReplayMissError, SummarizerError
    from summarizer.feed import summarize_feed, summarize_feed_async
    from summarizer.feed_schema import FeedEvent, FeedReport
    from summarizer.pipeline import summarize, summarize_async
    from summarizer.report import render
    from summarizer.schemas import (
        Answer,
        ArticleReport,
        EventReport,
        Evidence,
        Question,
        SourceInfo,
        Statement,
    )

_HOMES = {
    "summarize": "summarizer.pipeline",
    "summarize_async": "summarizer.pipeline",
    "render": "summarizer.report",
    "summarize_feed": "summarizer.feed",
    "summarize_feed_async": "summarizer.feed",
    "FeedEvent": "summarizer.feed_schema",
    "FeedReport": "summarizer.feed_schema",
    "group_claims": "summarizer.align",
    "Answer": "summarizer.schemas",
    "ArticleReport": "summarizer.schemas",
    "EventReport": "summarizer.schemas",
    "Evidence": "summarizer.schemas",
    "Question": "summarizer.schemas",
    "SourceInfo": "summarizer.schemas",
    "Statement": "summarizer.schemas",
    "ConfigError": "summarizer.errors",
    "InputError": "summarizer.errors",
    "ModelError": "summarizer.errors",
    "ReplayMissError": "summarizer.errors",
    "SummarizerError": "summarizer.errors",
}

__all__ = [
    "Answer",
    "ArticleReport",
    "ConfigError",
    "EventReport",
    "FeedEvent",
    "FeedReport",
    "Evidence",
    "InputError",
    "ModelError",
    "Question",
    "ReplayMissError",
    "SourceInfo",
    "Statement",
    "SummarizerError",
    "__version__",
    "group_claims",
    "render",
    "summarize",
    "summarize_async",
    "summarize_feed",
    "summarize_feed_async",
]


def __getattr__(name: str) -> Any:
    if name == "__version__":  # importlib.metadata takes tens of milliseconds to import
        from importlib.metadata import version

        globals()["__version__"] = value = version("summarizer")
        return value
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'summarizer' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_HOMES) | {"__version__"})
