"""Ray Data: the seeds and an invented event as a Ray Dataset, grouped and summarized on a local Ray
instance (CPU only, loopback), give the reports of the single-process run."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import ROOT, SEEDS

from summarizer.feed import summarize_feed
from summarizer.load import load_folder

ray = pytest.importorskip("ray")

PORT_STRIKE = ROOT / "tests" / "data" / "feed" / "port-strike"


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    ray.init(num_cpus=2, include_dashboard=False, _node_ip_address="127.0.0.1", log_to_driver=False,
             configure_logging=False)  # fmt: skip
    try:
        yield
    finally:
        ray.shutdown()


def rows() -> list[dict[str, Any]]:
    found = []
    for folder in (SEEDS, PORT_STRIKE):
        for article in load_folder(folder).articles:
            found.append({"id": article.id, "text": article.text, "url": f"https://example.org/{article.id}"})
    return found


def comparable(report: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in report.items() if k != "run"}


def test_a_ray_dataset_gives_the_same_reports_as_one_process(local_ray: None, tmp_path: Path) -> None:
    from summarizer.ray_feed import read_reports, summarize_dataset

    data = rows()
    out = tmp_path / "reports"
    summarize_dataset(ray.data.from_items(data), out)
    written = read_reports(out)
    single = summarize_feed(data)
    assert len(written) == len(single.events) == 2
    expected = {frozenset(e.articles): json.loads(e.report.model_dump_json()) for e in single.events if e.report}
    for row in written:
        assert comparable(row["report"]) == comparable(expected[frozenset(row["articles"])])
