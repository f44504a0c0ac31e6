"""What a feed's summary is: one :class:`~summarizer.schemas.EventReport` per event, and an index.

Pure data, like :mod:`summarizer.schemas` (whose models it builds on). ``python -m
summarizer.feed_schema`` writes ``schemas/feed_report.json``; a test fails when it drifts.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from summarizer.schemas import EventReport, Problem, RunInfo, Usage

FEED_SCHEMA_VERSION = "1"
Grouping = Literal["auto", "one", "none", "per-folder"]


class FeedEvent(BaseModel):
    """One event of the feed: its place in the index, and its report."""

    id: str = Field(description="Short id, unique in the feed: a number and the headline's first words.")
    title: str = Field(description="The event in one sentence (its report's), or its first article's headline.")
    articles: list[str] = Field(description="Ids of the event's articles (the file names without extension).")
    folder: str | None = Field(default=None, description="With --per-folder: the subfolder that is the event.")
    first_published: str | None = Field(default=None, description="Earliest publication date of its articles.")
    last_published: str | None = Field(default=None, description="Latest publication date of its articles.")
    single_source: bool = Field(description="Told by one article only: a report of that article, nothing merged.")
    disagreements: int = Field(default=0, ge=0, description="Questions its sources disagree on.")
    consensus: int = Field(default=0, ge=0, description="Questions its sources agree on.")
    partial: int = Field(default=0, ge=0, description="Questions only some of its sources answer.")
    error: str | None = Field(default=None, description="Why the event has no report (no article summarized).")
    report: EventReport | None = Field(default=None, description="The event's report; None when it failed.")


class Unassigned(BaseModel):
    """An article that is in no event, and why."""

    id: str = Field(description="The article's id.")
    path: str = Field(description="The file concerned.")
    reason: str = Field(description="Why it is in no event.")


class FeedReport(BaseModel):
    """A feed of articles about many events: one report per event, and what is in none."""

    model_config = ConfigDict(title="FeedReport")

    grouping: Grouping = Field(
        description="auto: events found by the articles' words, names and dates; one: all one event; "
        "none: each article its own event; per-folder: each subfolder one event."
    )
    events: list[FeedEvent] = Field(description="The events, the earliest first.")
    unassigned: list[Unassigned] = Field(default_factory=list, description="Articles in no event, with why.")
    skipped: list[Problem] = Field(default_factory=list, description="Files not read, with the reason.")
    usage: Usage = Field(default_factory=Usage, description="Model calls and tokens of every event together.")
    batch: str | None = Field(default=None, description="With --batch: the Batch API's id for the extractions.")
    run: RunInfo | None = Field(default=None, description="Backend, model and versions (None: no event ran).")
    schema_version: str = Field(default=FEED_SCHEMA_VERSION, description="Version of this model.")

    @property
    def reports(self) -> list[EventReport]:
        return [e.report for e in self.events if e.report is not None]


def export(directory: Path) -> Path:
    """Write ``feed_report.json`` into ``directory``; its path."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "feed_report.json"
    path.write_text(json_schema(), encoding="utf-8")
    return path


def json_schema() -> str:
    return json.dumps(FeedReport.model_json_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":  # python -m summarizer.feed_schema [DIR]
    import sys

    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "schemas"
    print(export(target))
