"""Record and replay LLM exchanges with vcrpy.

vcrpy hooks httpx's transports (httpx2 included, which openai 3 uses), so one mechanism covers every
backend: a remote server, a local one, and the embedded model, whose in-process transport is an
httpx ``MockTransport``. A recording is a folder holding ``exchanges.yaml`` (the cassette) and
``backend.json`` (which backend, model and mode made it, so a replay sends byte-identical requests).

Requests match on method, path and body; a replayed request with no recording raises
:class:`ReplayMissError`. Authorization and API-key headers are filtered before anything is written,
and a response that echoes the key (some servers quote it in their error text) has it masked.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import vcr
from vcr.errors import CannotOverwriteExistingCassetteException

from summarizer.backend import Backend
from summarizer.errors import ConfigError, ReplayMissError

CASSETTE = "exchanges.yaml"
BACKEND_FILE = "backend.json"
SECRET_HEADERS = ["authorization", "api-key", "x-api-key", "openai-organization", "openai-project", "cookie"]
PLACEHOLDER_KEYS = {"not-needed", "embedded", "replay"}  # what the client sends when no key is given
SECRET_RESPONSE_HEADERS = {"set-cookie", "openai-organization", "openai-project"}


def _scrubber(secret: str | None) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """A vcrpy hook that drops secret response headers and masks ``secret`` in the response body."""
    needle = secret.encode() if secret and len(secret) >= 8 and secret not in PLACEHOLDER_KEYS else None

    def scrub(response: dict[str, Any]) -> dict[str, Any]:
        headers = response.get("headers") or {}
        for name in list(headers):
            if name.lower() in SECRET_RESPONSE_HEADERS:
                del headers[name]
        body = response.get("body") or {}
        if needle and isinstance(body.get("string"), bytes) and needle in body["string"]:
            body["string"] = body["string"].replace(needle, b"***")
        return response

    return scrub


def _vcr(record_mode: str, secret: str | None = None) -> vcr.VCR:
    return vcr.VCR(
        record_mode=record_mode,
        match_on=["method", "path", "body"],
        filter_headers=SECRET_HEADERS,
        filter_query_parameters=["api-key", "key", "api_key"],
        before_record_response=_scrubber(secret),
        decode_compressed_response=True,
    )


@contextmanager
def record(directory: Path, backend: Backend) -> Iterator[None]:
    """Record every exchange of the block into ``directory`` (a fresh recording each run)."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / CASSETTE).unlink(missing_ok=True)
    described = {
        "kind": backend.kind,
        "model": backend.request_model,
        "mode": backend.mode,
        "base_url": backend.base_url,
    }
    (directory / BACKEND_FILE).write_text(json.dumps(described, indent=2) + "\n", encoding="utf-8")
    with _vcr("all", backend.api_key).use_cassette(str(directory / CASSETTE)):
        yield


def replay_backend(directory: Path) -> Backend:
    """The backend a recording was made with, set to be served from the recording."""
    try:
        described = json.loads((directory / BACKEND_FILE).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"not a recording: {directory / BACKEND_FILE} is missing") from None
    except (OSError, ValueError) as error:
        raise ConfigError(f"cannot read {directory / BACKEND_FILE}: {error}") from None
    if not (directory / CASSETTE).is_file():
        raise ConfigError(f"not a recording: {directory / CASSETTE} is missing")
    return Backend(
        kind=described["kind"],
        model=described["model"],
        mode=described["mode"],
        base_url=described.get("base_url"),
        api_key="replay",
        replay=str(directory),
    )


@contextmanager
def replay(directory: Path) -> Iterator[None]:
    """Serve the block's requests from ``directory``; a request with no recording is an error."""
    with _vcr("none").use_cassette(str(directory / CASSETTE), allow_playback_repeats=True):
        yield


def replay_miss(error: BaseException) -> ReplayMissError | None:
    """The ReplayMissError hiding in an exception chain (openai wraps it as a connection error)."""
    visited: set[int] = set()
    seen: BaseException | None = error
    while seen is not None and id(seen) not in visited:  # chains can loop through __context__
        if isinstance(seen, CannotOverwriteExistingCassetteException):
            first = str(seen).splitlines()[0] if str(seen) else "unmatched request"
            return ReplayMissError(f"replay has no recording for this request ({first[:200]})")
        visited.add(id(seen))
        seen = seen.__cause__ or seen.__context__
    return None
