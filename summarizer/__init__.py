"""summarizer: several news articles about one event in, one source-grounded summary out.

    from summarizer import summarize
    report = summarize("seeds/")          # an EventReport (pydantic model)
    report.disagreements[0].sides

``summarize_async`` is the same for pipelines that run an event loop.
"""

__version__ = "0.1.0"

from summarizer.errors import ConfigError, InputError, ModelError, ReplayMissError, SummarizerError  # noqa: E402
from summarizer.pipeline import summarize, summarize_async  # noqa: E402
from summarizer.schemas import ArticleReport, ArticleSummary, EventReport  # noqa: E402

__all__ = [
    "ArticleReport",
    "ArticleSummary",
    "ConfigError",
    "EventReport",
    "InputError",
    "ModelError",
    "ReplayMissError",
    "SummarizerError",
    "__version__",
    "summarize",
    "summarize_async",
]
