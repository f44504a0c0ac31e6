"""Articles from the web: one polite GET per URL, bounded in time, size and redirects.

* Only ``http`` and ``https``; a user and password in the URL are never shown.
* At most :data:`MAX_REDIRECTS` redirects, :data:`FETCH_TIMEOUT` seconds for the whole response (not
  each read of it: a server trickling bytes is cut off), and :data:`~summarizer.load.MAX_FILE_BYTES`
  bytes (a larger ``Content-Length`` is refused before reading, a body that grows past it is cut off).
* Only web pages and plain text: anything else (a PDF, an image, JSON) is refused with its type.
* Every failure is a :class:`ValueError` with a one-line reason: the URL is then skipped like an
  unreadable file.

httpx2 (which the OpenAI client already uses) does the requests.
"""

from __future__ import annotations

import time
import urllib.parse
from dataclasses import dataclass
from importlib.metadata import version
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx2

MAX_REDIRECTS = 5
FETCH_TIMEOUT = 30.0  # seconds for one page, redirects and body included
PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain", "text/markdown"})


@dataclass(frozen=True)
class Fetched:
    url: str  # where the page was found, after redirects (no user or password)
    body: bytes
    html: bool  # an HTML page, not plain text
    charset: str | None  # as the server declared it


def is_url(text: str) -> bool:
    return text.split(":", 1)[0].lower() in ("http", "https") and "://" in text


def shown(url: str) -> str:
    """``url`` without its user and password: fit for messages and reports."""
    parts = urllib.parse.urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def fetch(url: str, limit: int, timeout: float | None = None) -> Fetched:
    """The page at ``url``; ValueError with a one-line reason when it cannot be had or is not a page.
    ``timeout``: seconds for the whole page (:data:`FETCH_TIMEOUT` by default)."""
    import httpx2

    timeout = FETCH_TIMEOUT if timeout is None else timeout
    if not is_url(url):
        raise ValueError("not an http or https URL")
    headers = {
        "user-agent": f"summarizer/{version('summarizer')} (news summarizer; one request per article)",
        "accept": "text/html,application/xhtml+xml,text/plain;q=0.8",
    }
    client = httpx2.Client(
        headers=headers, follow_redirects=True, max_redirects=MAX_REDIRECTS, timeout=httpx2.Timeout(timeout)
    )
    try:
        with client, client.stream("GET", url) as response:
            return _read(response, limit, time.monotonic() + timeout)
    except httpx2.TooManyRedirects:
        raise ValueError(f"more than {MAX_REDIRECTS} redirects") from None
    except httpx2.TimeoutException:
        raise ValueError(f"no answer within {timeout:g} s") from None
    except httpx2.InvalidURL as error:
        raise ValueError(f"invalid URL: {error}") from None
    except httpx2.HTTPError as error:
        raise ValueError(f"cannot fetch: {type(error).__name__}: {error}".rstrip(": ")) from None


def _read(response: httpx2.Response, limit: int, deadline: float) -> Fetched:
    if response.status_code >= 400:
        raise ValueError(f"the server answered HTTP {response.status_code}")
    kind, _, parameters = response.headers.get("content-type", "").partition(";")
    kind = kind.strip().lower()
    if kind not in PAGE_TYPES:
        raise ValueError(f"not a web page: {kind or 'no content type'}")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise ValueError(f"too large: {int(declared):,} bytes, over the limit of {limit:,}")
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            raise ValueError(f"too large: over the limit of {limit:,} bytes")
        if time.monotonic() > deadline:
            raise ValueError("too slow: the page did not arrive in time")
    charset = next(
        (
            p.split("=", 1)[1].strip().strip('"')
            for p in parameters.split(";")
            if p.strip().lower().startswith("charset=")
        ),
        None,
    )
    return Fetched(shown(str(response.url)), b"".join(chunks), kind not in ("text/plain", "text/markdown"), charset)
