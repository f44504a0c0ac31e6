"""Record and replay LLM exchanges with vcrpy.

vcrpy hooks httpx's transports (httpx2 included, which openai 3 uses), so one mechanism covers every
backend: a remote server, a local one, and the embedded model, whose in-process transport is an
httpx ``MockTransport``. A recording is a folder holding ``exchanges.yaml`` (the cassette) and
``backend.json`` (which backend, model and mode made it, so a replay sends byte-identical requests).

Requests match on method, path and body; a replayed request with no recording raises
:class:`ReplayMissError`. Authorization and API-key headers are filtered before anything is written,
a request's address loses any user and password, and a response that echoes a secret — the key or
the password, in its text or in a header — has it masked.

A recording is made in a temporary folder beside the one named and moved into place only when the
run completes: a failed run (an unreachable server, Ctrl-C) leaves the previous recording as it was.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import sys
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summarizer.backend import MODES, Backend
from summarizer.errors import ConfigError, ReplayMissError
from summarizer.files import write_atomically

if TYPE_CHECKING:  # imported when a run records or replays: every other run is spared its import
    import vcr

CASSETTE = "exchanges.yaml"
BACKEND_FILE = "backend.json"
SECRET_HEADERS = ["authorization", "api-key", "x-api-key", "openai-organization", "openai-project", "cookie"]
PLACEHOLDER_KEYS = {"not-needed", "embedded", "replay"}  # what the client sends when no key is given
SECRET_RESPONSE_HEADERS = {"set-cookie", "openai-organization", "openai-project"}


def _scrubber(hidden: list[str]) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """A vcrpy hook that drops secret response headers and masks ``hidden`` in the response's other
    headers and in its body."""
    needles = [h.encode() for h in hidden if h not in PLACEHOLDER_KEYS]

    def scrub(response: dict[str, Any]) -> dict[str, Any]:
        headers = response.get("headers") or {}
        for name in list(headers):
            if name.lower() in SECRET_RESPONSE_HEADERS:
                del headers[name]
                continue
            values = headers[name] if isinstance(headers[name], list) else [headers[name]]
            headers[name] = [_masked(v, hidden) if isinstance(v, str) else v for v in values]
        body = response.get("body") or {}
        if isinstance(body.get("string"), bytes):
            for needle in needles:
                body["string"] = body["string"].replace(needle, b"***")
        return response

    return scrub


def _masked(text: str, hidden: list[str]) -> str:
    for secret in hidden:
        if secret not in PLACEHOLDER_KEYS:
            text = text.replace(secret, "***")
    return text


def _anonymous(request: Any) -> Any:
    """A vcrpy hook: the request's address without a user or password (``http://user:pass@host``)."""
    parts = urllib.parse.urlsplit(request.uri)
    if "@" in parts.netloc:
        request.uri = urllib.parse.urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))
    return request


def _vcr(record_mode: str, hidden: list[str] | None = None) -> vcr.VCR:
    import vcr

    return vcr.VCR(
        record_mode=record_mode,
        match_on=["method", "path", "body"],
        filter_headers=SECRET_HEADERS,
        filter_query_parameters=["api-key", "key", "api_key"],
        before_record_request=_anonymous,
        before_record_response=_scrubber(hidden or []),
        decode_compressed_response=True,
    )


@contextmanager
def record(directory: Path, backend: Backend) -> Iterator[None]:
    """Record every exchange of the block into ``directory``, replacing its recording only when the
    block ends without an error (see the module docstring)."""
    if directory.exists() and not directory.is_dir():
        raise ConfigError(f"cannot record into {directory}: it exists and is not a folder")
    staging = directory.parent / f".{directory.name}.{secrets.token_hex(4)}.recording"
    try:
        directory.parent.mkdir(parents=True, exist_ok=True)
        staging.mkdir()
    except OSError as error:
        raise ConfigError(f"cannot record into {directory}: {error.strerror or error}") from None
    try:
        described = {"kind": backend.kind, "model": backend.request_model, "mode": backend.mode,
                     "base_url": backend.base_url}  # fmt: skip
        write_atomically(staging / BACKEND_FILE, json.dumps(described, indent=2) + "\n")
        with _vcr("all", backend.secrets).use_cassette(str(staging / CASSETTE)):
            yield
        if not (staging / CASSETTE).exists():  # no request was made: an empty recording, still a recording
            write_atomically(staging / CASSETTE, "interactions: []\nversion: 1\n")
        _move_into_place(staging, directory)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _move_into_place(staging: Path, directory: Path) -> None:
    try:
        if not directory.exists():
            os.rename(staging, directory)  # atomic: the whole recording at once
            return
        for name in (CASSETTE, BACKEND_FILE):  # the folder may hold the user's own files too
            os.replace(staging / name, directory / name)
    except OSError as error:
        raise ConfigError(f"cannot record into {directory}: {error.strerror or error}") from None


def replay_backend(directory: Path) -> Backend:
    """The backend a recording was made with, set to be served from the recording; ConfigError when
    the folder is not a whole, readable recording."""
    try:
        described = json.loads((directory / BACKEND_FILE).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"not a recording: {directory / BACKEND_FILE} is missing") from None
    except (OSError, ValueError) as error:
        raise ConfigError(f"cannot read {directory / BACKEND_FILE}: {error}") from None
    fields = described if isinstance(described, dict) else {}
    kind, model, mode, base_url = (fields.get(k) for k in ("kind", "model", "mode", "base_url"))
    if (
        kind not in ("embedded", "openai", "compatible")
        or not isinstance(model, str)
        or mode not in MODES
        or not (base_url is None or isinstance(base_url, str))
    ):
        raise ConfigError(f"not a recording: {directory / BACKEND_FILE} does not name a kind, model and mode")
    if not (directory / CASSETTE).is_file():
        raise ConfigError(f"not a recording: {directory / CASSETTE} is missing")
    _check_cassette(directory / CASSETTE)
    return Backend(kind=kind, model=model, mode=mode, base_url=base_url, api_key="replay", replay=str(directory))


def _check_cassette(path: Path) -> None:
    """Load the cassette as vcrpy will, so that a damaged one is one line now, not a traceback later."""
    from vcr.persisters.filesystem import FilesystemPersister
    from vcr.serializers import yamlserializer

    try:
        _, responses, *_ = FilesystemPersister.load_cassette(str(path), serializer=yamlserializer)
        for response in responses:
            int(response["status"]["code"])
            dict(response["headers"])
            response["body"]["string"]  # noqa: B018 - raises when the answer is not there
    except FileNotFoundError:
        return  # an empty file: a recording of nothing, every request misses
    except Exception as error:  # noqa: BLE001 - whatever a damaged file makes the loader raise
        first = str(error).splitlines()[0][:200] if str(error) else type(error).__name__
        raise ConfigError(f"cannot read the recording {path}: {first}") from None


@contextmanager
def replay(directory: Path) -> Iterator[None]:
    """Serve the block's requests from ``directory``; a request with no recording is an error."""
    with _vcr("none").use_cassette(str(directory / CASSETTE), allow_playback_repeats=True):
        yield


def replay_miss(error: BaseException) -> ReplayMissError | None:
    """The ReplayMissError hiding in an exception chain (openai wraps it as a connection error)."""
    errors = sys.modules.get("vcr.errors")
    if errors is None:  # no recording or replay has run in this process: nothing to find
        return None
    visited: set[int] = set()
    seen: BaseException | None = error
    while seen is not None and id(seen) not in visited:  # chains can loop through __context__
        if isinstance(seen, errors.CannotOverwriteExistingCassetteException):
            first = str(seen).splitlines()[0] if str(seen) else "unmatched request"
            return ReplayMissError(f"replay has no recording for this request ({first[:200]})")
        visited.add(id(seen))
        seen = seen.__cause__ or seen.__context__
    return None
