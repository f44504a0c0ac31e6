"""Provider limits: requests in flight, requests per minute and tokens per minute, budgeted before a
request is sent, so that a large run slows down instead of collecting 429s.

One :class:`Budget` is shared by every model call of a run (each event of a feed, extraction and judge
alike); :func:`summarizer.llm.ask` takes a slot for each request it sends, transport retries included.

* **Concurrency**: at most ``concurrency`` requests in flight.
* **Requests per minute** (``--rpm``): request starts are spaced ``60 / rpm`` seconds apart. Smooth
  pacing, not a burst at the top of each minute: providers refill their buckets continuously.
* **Tokens per minute** (``--tpm``): each request's tokens are estimated before it is sent (its
  prompt's characters / 4, plus :data:`ANSWER_TOKENS`), and starts are spaced so that the estimate
  flows at ``tpm``; when the answer reports its real usage, the difference is charged or refunded.
* **What the server says**: the ``x-ratelimit-remaining-requests`` / ``-tokens`` and
  ``x-ratelimit-reset-requests`` / ``-tokens`` headers (OpenAI's, also sent by vLLM, LiteLLM and
  other gateways), read from every response. When fewer requests remain than are already in flight,
  or fewer tokens than the next request needs, no request starts until the reset. A 429 pauses every
  new request for its ``Retry-After`` (or the reset, or one second), not only the one refused.

Waiting happens before a request is sent, outside its ``--timeout``. Nothing here sleeps while
holding the event loop; the clock and the sleep are injectable for tests.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass

from summarizer.errors import ConfigError

ANSWER_TOKENS = 1_000  # estimated completion tokens of a request, before its usage is known
CHARS_PER_TOKEN = 4
DEFAULT_PAUSE = 1.0  # seconds to hold new requests after a 429 that says nothing of when to retry
MAX_PAUSE = 600.0  # a server's reset or Retry-After longer than this is taken as this
_DURATION = re.compile(r"(\d+(?:\.\d+)?)(ms|h|m|s)")


@dataclass
class Slot:
    """One request's place in the budget: tell it the tokens the request really used."""

    budget: Budget
    estimate: int

    def spent(self, tokens: int | None) -> None:
        if tokens is not None:
            self.budget.charge(tokens - self.estimate)


class Budget:
    """Requests in flight, requests and tokens per minute, and the server's own limits, for one run."""

    def __init__(
        self,
        concurrency: int | None = None,
        rpm: float | None = None,
        tpm: float | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ):
        for name, value in (("concurrency", concurrency), ("rpm", rpm), ("tpm", tpm)):
            if value is not None and not value > 0:
                raise ConfigError(f"{name} must be a positive number, got {value!r}")
        self.concurrency, self.rpm, self.tpm = concurrency, rpm, tpm
        self.clock, self.sleep = clock, sleep
        self._slots = asyncio.Semaphore(concurrency) if concurrency else None
        self._pacing: asyncio.Lock | None = None  # made on first use, inside the running loop
        self._next_request = 0.0  # earliest start of the next request (rpm)
        self._next_token = 0.0  # earliest start of the next request (tpm)
        self._paused_until = 0.0  # what the server asked for (429, nothing remaining)
        self._remaining_requests: int | None = None
        self._remaining_tokens: int | None = None
        self._in_flight = 0
        self._last_estimate = 0
        self.waited = 0.0  # seconds requests spent waiting for the budget, all together
        self.refused = 0  # 429s seen

    @asynccontextmanager
    async def slot(self, estimate: int) -> AsyncIterator[Slot]:
        """Wait until a request of ``estimate`` tokens may start; it is in flight inside the block."""
        if self._slots is not None:
            await self._slots.acquire()
        try:
            await self._pace(estimate)
            self._in_flight += 1
            try:
                yield Slot(self, estimate)
            finally:
                self._in_flight -= 1
        finally:
            if self._slots is not None:
                self._slots.release()

    async def _pace(self, estimate: int) -> None:
        if self._pacing is None:
            self._pacing = asyncio.Lock()
        async with self._pacing:  # one request decides at a time: starts stay in order
            while True:
                now = self.clock()
                start = max(self._next_request, self._next_token, self._held(now, estimate))
                if start <= now:
                    break
                self.waited += start - now
                await self.sleep(start - now)
            if self.rpm:
                self._next_request = max(self._next_request, now) + 60.0 / self.rpm
            if self.tpm:
                self._next_token = max(self._next_token, now) + estimate * 60.0 / self.tpm
            if self._remaining_requests is not None:
                self._remaining_requests -= 1
            if self._remaining_tokens is not None:
                self._remaining_tokens -= estimate
            self._last_estimate = estimate

    def _held(self, now: float, estimate: int) -> float:
        """Until when the server's word holds new requests back (``now`` or earlier when it does not)."""
        if self._paused_until <= now:
            self._remaining_requests = self._remaining_tokens = None  # the reset has passed
            return now
        out_of_requests = self._remaining_requests is not None and self._remaining_requests <= 0
        out_of_tokens = self._remaining_tokens is not None and self._remaining_tokens < estimate
        return self._paused_until if out_of_requests or out_of_tokens else now

    def charge(self, tokens: int) -> None:
        """Tokens used beyond the estimate (negative: fewer), once a request reports its usage."""
        if self.tpm:
            self._next_token += tokens * 60.0 / self.tpm

    def observe(self, status: int, headers: Mapping[str, str]) -> None:
        """Read a response's rate-limit headers (any response, any status)."""
        now = self.clock()
        requests = _number(headers.get("x-ratelimit-remaining-requests"))
        tokens = _number(headers.get("x-ratelimit-remaining-tokens"))
        resets = [
            r
            for r in (_duration(headers.get("x-ratelimit-reset-requests")),
                      _duration(headers.get("x-ratelimit-reset-tokens")))
            if r is not None
        ]  # fmt: skip
        if requests is not None and requests <= self._in_flight and resets:
            self._hold(now, max(resets), requests=int(requests) - self._in_flight)
        elif tokens is not None and tokens < max(self._last_estimate, 1) and resets:
            self._hold(now, max(resets), tokens=int(tokens))
        if status == 429:
            self.refused += 1
            wait = _retry_after(headers)
            self._hold(now, wait if wait is not None else max(resets, default=DEFAULT_PAUSE), requests=0)

    def _hold(self, now: float, seconds: float, requests: int | None = None, tokens: int | None = None) -> None:
        until = now + min(max(seconds, 0.0), MAX_PAUSE)
        if until > self._paused_until:
            self._paused_until = until
            self._remaining_requests = requests
            self._remaining_tokens = tokens


def estimate_tokens(messages: list[dict[str, str]]) -> int:
    """A request's tokens before it is sent: its text's characters / 4, and an answer's worth."""
    return sum(len(str(m.get("content", ""))) for m in messages) // CHARS_PER_TOKEN + ANSWER_TOKENS


def _number(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def _duration(value: str | None) -> float | None:
    """Seconds in a reset header: ``"1s"``, ``"6m0s"``, ``"250ms"``, ``"1h2m3.5s"`` or a plain number."""
    if value is None:
        return None
    plain = _number(value.strip())
    if plain is not None:
        return plain
    parts = _DURATION.findall(value)
    if not parts:
        return None
    scale = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0}
    return sum(float(amount) * scale[unit] for amount, unit in parts)


def _retry_after(headers: Mapping[str, str]) -> float | None:
    milliseconds = _number(headers.get("retry-after-ms"))
    if milliseconds is not None:
        return milliseconds / 1000
    return _number(headers.get("retry-after"))
