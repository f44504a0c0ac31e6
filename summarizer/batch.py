"""The OpenAI Batch API for the extractions of a large offline run (``--batch``): half the price of the
online requests at OpenAI, answered within 24 hours instead of seconds.

The requests sent are the online path's, byte for byte, and the answers go through it too:

1. **Collect.** Each article not yet in the cache goes through :func:`summarizer.extract.extract` with
   a client whose transport keeps the request it would send (instructor builds it, as online) and
   answers it with a refusal, so nothing is sent. Each request's ``custom_id`` is a hash of its body.
2. **Submit.** The requests are uploaded as JSONL (``POST /v1/files``, purpose ``batch``) and a batch
   is created (``POST /v1/batches``, endpoint ``/v1/chat/completions``, window 24 h). Its id is kept in
   the cache folder (``batches/<hash of the requests>.json``) at once: a run killed while it waits, and
   started again, polls the same batch instead of paying for a second one.
3. **Poll** ``GET /v1/batches/{id}`` until it is completed (failed, expired or cancelled: an error),
   then download the output file and match each line to its request by ``custom_id``.
4. **Answer.** The run then goes on as online, with a client whose transport answers a request from
   the batch when its body is one the batch answered, and sends every other request to the server.
   So every answer is validated and grounded exactly as online, an invalid one is re-asked online
   with its problems (a re-ask's body is new), and each article is cached as it is done.

An article longer than one request's chunk has its first chunk answered by the batch and the rest
online. The judge's requests go online (they depend on every article's claims).
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summarizer.errors import ConfigError, ModelError
from summarizer.files import write_atomically

if TYPE_CHECKING:
    from summarizer.load import Article
    from summarizer.pipeline import _Session

POLL_SECONDS = 30.0  # between two looks at a batch's status
COMPLETION_WINDOW = "24h"
ENDPOINT = "/v1/chat/completions"
BATCHES = "batches"  # sub-folder of the cache folder holding the ids of batches submitted
_COLLECTED = 499  # the status the collecting transport answers with: not sent, nothing to retry


def custom_id(body: bytes) -> str:
    return "req-" + hashlib.sha256(body).hexdigest()[:32]


async def run_batch(run: _Session, articles: list[Article]) -> str | None:
    """Answer the first request of every article not yet cached through the Batch API, and make the
    session answer from the batch from now on; the batch's id (None when every article was cached)."""
    if run.client is None:
        raise ConfigError("--batch needs a model: give --base-url and --model, or OPENAI_API_KEY")
    if run.store is None:
        raise ConfigError("--batch keeps the submitted batch's id in the cache folder: it needs the cache")
    todo = [a for a in articles if run.store.get(a) is None]
    requests = await _collect(run, todo)
    if not requests:
        return None
    state = run.store.directory / BATCHES / f"{hashlib.sha256(''.join(sorted(requests)).encode()).hexdigest()}.json"
    client = _openai(run)
    batch_id = _known(state) or await _submit(client, requests, state)
    answers = await _wait(client, batch_id)
    run.client = _answering(run, answers)
    return batch_id


async def _collect(run: _Session, articles: list[Article]) -> dict[str, bytes]:
    """custom_id -> the body of each article's first request, built by the online path, not sent."""
    import httpx2

    from summarizer.extract import extract

    kept: dict[str, bytes] = {}

    async def keep(request: httpx2.Request) -> httpx2.Response:
        body = request.content
        kept[custom_id(body)] = body
        return httpx2.Response(_COLLECTED, json={"error": {"message": "collected for the batch"}})

    client = _instructor(run, httpx2.MockTransport(keep))
    policy = dataclasses.replace(run.policy, budget=None, reasks=0, transport_attempts=1)  # nothing is sent
    for article in articles:
        with contextlib.suppress(ModelError):  # the refusal: its request is kept
            await extract(client, run.backend, run.prompts, article, policy)
    return kept


def _known(state: Path) -> str | None:
    try:
        data = json.loads(state.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return str(data["batch"]) if isinstance(data, dict) and data.get("batch") else None


async def _submit(client: Any, requests: dict[str, bytes], state: Path) -> str:
    lines = [
        json.dumps({"custom_id": cid, "method": "POST", "url": ENDPOINT, "body": json.loads(body)})
        for cid, body in sorted(requests.items())
    ]
    upload = await client.files.create(file=("requests.jsonl", ("\n".join(lines) + "\n").encode()), purpose="batch")
    batch = await client.batches.create(
        input_file_id=upload.id, endpoint=ENDPOINT, completion_window=COMPLETION_WINDOW,
        metadata={"tool": "summarizer"},
    )  # fmt: skip
    try:
        write_atomically(state, json.dumps({"batch": batch.id, "requests": sorted(requests)}))
    except OSError as error:
        raise ConfigError(f"cannot keep the batch id {batch.id} in {state}: {error.strerror or error}") from None
    return str(batch.id)


async def _wait(client: Any, batch_id: str) -> dict[str, dict[str, Any]]:
    """custom_id -> the chat completion the batch answered (lines with an error status left out)."""
    while True:
        batch = await client.batches.retrieve(batch_id)
        if batch.status == "completed":
            break
        if batch.status in ("failed", "expired", "cancelled", "cancelling"):
            raise ModelError(f"batch {batch_id} ended {batch.status}: its requests were not answered")
        await asyncio.sleep(POLL_SECONDS)
    if not batch.output_file_id:
        return {}
    content = await client.files.content(batch.output_file_id)
    answers: dict[str, dict[str, Any]] = {}
    for line in content.text.splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        response = item.get("response") or {}
        if response.get("status_code") == 200 and isinstance(response.get("body"), dict):
            answers[str(item.get("custom_id"))] = response["body"]
    return answers


def _answering(run: _Session, answers: dict[str, dict[str, Any]]) -> Any:
    """The session's client, except that a request the batch answered is answered from it."""
    import httpx2

    online = httpx2.AsyncHTTPTransport()

    class Answering(httpx2.AsyncBaseTransport):
        async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
            if request.method == "POST" and request.url.path.endswith("/chat/completions"):
                await request.aread()
                answer = answers.get(custom_id(request.content))
                if answer is not None:
                    return httpx2.Response(200, json=answer, request=request)
            return await online.handle_async_request(request)

    return _instructor(run, Answering(), hooked=True)


def _openai(run: _Session) -> Any:
    from summarizer.backend import openai_client

    return openai_client(run.backend, asynchronous=True)


def _instructor(run: _Session, transport: Any, hooked: bool = False) -> Any:
    """An instructor client for the session's backend over ``transport``."""
    import instructor
    import openai

    budget = run.policy.budget

    async def hook(response: Any) -> None:
        if budget is not None:
            budget.observe(response.status_code, response.headers)

    http = openai.DefaultAsyncHttpxClient(transport=transport, event_hooks={"response": [hook] if hooked else []})
    backend = run.backend
    client = openai.AsyncOpenAI(
        base_url=backend.connect_url or backend.base_url, api_key=backend.api_key or "not-needed",
        timeout=backend.timeout, max_retries=0, http_client=http,
    )  # fmt: skip
    return instructor.from_openai(client, mode=backend.instructor_mode)
