"""--batch: the seeds' extractions through the Batch API of a loopback server (files, batches, output
file), validated and grounded as online, with the same report as the online run; resumed by id."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest
from annotated_server import AnnotatedServer
from helpers import SEEDS

import summarizer.batch
from summarizer.feed import summarize_feed, summarize_feed_async


@pytest.fixture(autouse=True)
def quick_polls(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(summarizer.batch, "POLL_SECONDS", 0.05)


def run(server: AnnotatedServer, cache: Path, **options: Any) -> Any:
    return summarize_feed(SEEDS, group="one", model="annotated", base_url=server.base_url, cache=cache, **options)


def same(report: Any) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(report.model_dump_json())
    for source in data["sources"]:
        source["cached"] = False
    data["run"]["base_url"] = None  # two servers, two ports
    return data


def test_batch_runs_the_seeds_end_to_end_and_matches_the_online_report(tmp_path: Path) -> None:
    with AnnotatedServer() as server:
        online = run(server, tmp_path / "online")
    with AnnotatedServer() as server:
        batched = run(server, tmp_path / "batch", batch=True)
    assert batched.batch == "batch_1" and server.batch_lines == 5
    assert "judge" in server.articles and [a for a in server.articles if a != "judge"] == []  # no extraction online
    assert same(batched.events[0].report) == same(online.events[0].report)


def test_an_invalid_batch_answer_is_re_asked_online(tmp_path: Path) -> None:
    from annotated_server import seed_answers

    answers = seed_answers()
    first = sorted(answers)[0]
    broken = json.loads(answers[first])
    broken["claims"][0]["sentence"] = 999  # cites a sentence the article does not have
    with AnnotatedServer({**answers, first: json.dumps(broken)}) as server:
        batched = run(server, tmp_path / "batch", batch=True, judge=False)
        assert server.batch_lines == 5
        online_extractions = [a for a in server.articles if a != "judge"]
        server_requests = server.bodies
    # the re-ask, with the problem, online: this server answers it with a whole article's answer, not the
    # corrections asked for, so there is nothing to fix with and no second re-ask
    assert online_extractions == [first]
    assert any("999" in str(m) for m in server_requests[-1]["messages"][-1:])
    report = batched.events[0].report
    assert report is not None and not report.failed and len(report.sources) == 5


def test_a_batch_already_submitted_is_resumed_not_paid_twice(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    with AnnotatedServer(batch_polls=10_000) as server:  # never completes: the run is stopped while it waits

        async def stopped() -> None:
            with pytest.raises(TimeoutError):
                await asyncio.wait_for(
                    summarize_feed_async(SEEDS, group="one", model="annotated", base_url=server.base_url,
                                         cache=cache, batch=True), timeout=3)  # fmt: skip

        asyncio.run(stopped())
        assert len(server.batches) == 1 and list((cache / "batches").glob("*.json"))
        server.batch_polls = 1
        feed = summarize_feed(SEEDS, group="one", model="annotated", base_url=server.base_url, cache=cache, batch=True)
    assert len(server.batches) == 1 and feed.batch == "batch_1"
    assert feed.events[0].report is not None and len(feed.events[0].report.sources) == 5


def test_the_command_runs_batch_and_writes_the_feed(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from summarizer.cli import app
    from summarizer.feed_schema import FeedReport

    with AnnotatedServer() as server:
        options = ["--batch", "--model", "annotated", "--base-url", server.base_url, "--cache-dir", str(tmp_path)]
        result = CliRunner().invoke(app, [str(SEEDS), *options, "-q", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert FeedReport.model_validate_json(result.stdout).batch == "batch_1" and server.batch_lines == 5
