"""The OpenAI Batch API for the extractions of a large offline run (placeholder, being written)."""

from __future__ import annotations

from typing import Any

from summarizer.errors import ConfigError


async def run_batch(run: Any, articles: list[Any]) -> str | None:
    raise ConfigError("--batch is not available yet")
