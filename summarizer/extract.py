"""Extract: one instructor call per article (per chunk, for articles longer than the model's context).

* The article goes in as numbered sentences between delimiters (``prompts/extract.md``).
* instructor validates the answer against the article (``schemas.ANSWER_CONTEXT``), so ungrounded items are
  re-asked with the grounding errors, a bounded number of times.
* If the re-asks run out, the last answer is salvaged item by item: what resolves is kept, the rest is
  dropped with its reason. Nothing ungrounded is returned as fact.
* Transport faults (429 with ``Retry-After``, 5xx, timeouts, dropped connections) are retried by
  tenacity with exponential backoff and jitter, bounded in count and time.
"""

from __future__ import annotations

import json
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

import openai
from instructor.core.exceptions import InstructorRetryException
from instructor.utils import extract_json_from_codeblock
from pydantic import BaseModel, ValidationError
from tenacity import AsyncRetrying, retry_if_exception, stop_after_attempt, stop_after_delay, wait_exponential_jitter

from summarizer.backend import Backend
from summarizer.errors import ModelError
from summarizer.ground import Document, Sentence, ground
from summarizer.load import Article, resolve_date
from summarizer.prompt_files import Prompts
from summarizer.recording import replay_miss
from summarizer.schemas import (
    ANSWER_CONTEXT,
    ArticleReport,
    ArticleSummary,
    Claim,
    DateMention,
    Dropped,
    Entity,
    Figure,
    Quote,
    Usage,
)

ITEM_MODELS: dict[str, type[BaseModel]] = {
    "entities": Entity,
    "claims": Claim,
    "quotes": Quote,
    "numbers": Figure,
    "dates": DateMention,
}


@dataclass(frozen=True)
class Policy:
    """How hard to try: re-asks on invalid answers and retries on transport faults."""

    reasks: int = 2  # extra attempts after an answer fails validation
    transport_attempts: int = 5  # tries per request on 429 / 5xx / timeout / dropped connection
    transport_deadline: float = 300.0  # seconds, all tries of one request together
    max_wait: float = 60.0  # longest single pause, Retry-After included
    chunk_chars: int = 24_000  # longer articles are split on sentence boundaries

    @classmethod
    def for_backend(cls, backend: Backend) -> Policy:
        if backend.kind == "embedded":  # small context: one re-ask, ~1,500-token chunks
            return cls(reasks=1, chunk_chars=6_000)
        return cls()


async def extract(client: Any, backend: Backend, prompts: Prompts, article: Article, policy: Policy) -> ArticleReport:
    """The grounded report of one article; raises ModelError when the model gives nothing usable."""
    doc = article.document
    usage = Usage()
    track_usage(usage)  # each article runs in its own task, so its own context
    merged: dict[str, list[Any]] = {field: [] for field in ITEM_MODELS}
    event: tuple[str, int] | None = None
    dropped: list[Dropped] = []
    for sentences in chunks(doc, policy.chunk_chars):
        summary, lost = await _extract_chunk(client, backend, prompts, article, sentences, policy, usage)
        dropped += lost
        if event is None and summary.event:
            event = (summary.event, summary.event_sentence)
        for field in ITEM_MODELS:
            merged[field] += getattr(summary, field)
    summary = ArticleSummary.model_construct(
        event=event[0] if event else None, event_sentence=event[1] if event else 0, **merged
    )
    return report_for(article, summary, dropped, usage)


def report_for(
    article: Article, summary: ArticleSummary, dropped: list[Dropped] | None = None, usage: Usage | None = None
) -> ArticleReport:
    """Ground an extraction against its article: the article's entry in the report."""
    result = ground(summary, article.document, lambda words: resolve_date(words, article.published), dropped)
    return ArticleReport(
        source=article.info,
        event=result.event,
        entities=result.entities,
        claims=result.claims,
        quotes=result.quotes,
        numbers=result.numbers,
        dates=result.dates,
        dropped=result.dropped,
        grounding=result.grounding,
        usage=usage or Usage(),
    )


def chunks(doc: Document, max_chars: int) -> list[list[Sentence]]:
    """The article's sentences in runs of at most ``max_chars`` characters (one run if it fits)."""
    runs: list[list[Sentence]] = [[]]
    size = 0
    for sentence in doc.sentences:
        length = sentence.end - sentence.start + 8
        if runs[-1] and size + length > max_chars:
            runs.append([])
            size = 0
        runs[-1].append(sentence)
        size += length
    return runs


def messages(prompts: Prompts, article: Article, sentences: list[Sentence]) -> list[dict[str, str]]:
    doc = article.document
    title = f"Title: {article.info.title}\n" if article.info.title else ""  # inside <article>: it is data too
    user = prompts.render(
        "extract",
        article_id=article.id,
        title_line=title,
        sentences=doc.numbered(sentences),
        last_sentence=sentences[-1].id if sentences else 0,
    )
    return [{"role": "system", "content": prompts.render("system")}, {"role": "user", "content": user}]


async def _extract_chunk(
    client: Any,
    backend: Backend,
    prompts: Prompts,
    article: Article,
    sentences: list[Sentence],
    policy: Policy,
    usage: Usage,
) -> tuple[ArticleSummary, list[Dropped]]:
    messages_ = messages(prompts, article, sentences)
    try:
        summary = await ask(client, backend, policy, ArticleSummary, messages_, {"document": article.document})
        return summary, []
    except Exhausted as exhausted:
        return salvage(exhausted.completion, exhausted.reason)


async def ask(
    client: Any,
    backend: Backend,
    policy: Policy,
    response_model: type[BaseModel],
    messages_: list[dict[str, str]],
    context: dict[str, Any],
) -> Any:
    """One validated answer: transport faults retried, invalid answers re-asked.

    Raises :class:`Exhausted` (with the last completion) when the re-asks run out, ReplayMissError
    for an unrecorded request in a replay, and ModelError for anything else the model side refuses.
    """
    usage = _usage.get() or Usage()
    request = {
        "model": backend.request_model,
        "messages": messages_,
        "response_model": response_model,
        "max_retries": policy.reasks,  # instructor counts retries after the first attempt
        **backend.request_options(response_model),
    }
    checked_against = ANSWER_CONTEXT.set(context)  # not instructor's context=: see ANSWER_CONTEXT
    try:
        async for attempt in _transport_retries(policy):
            with attempt:
                try:
                    return await client.chat.completions.create(**request)
                except InstructorRetryException as error:
                    raise _unwrap(error)  # noqa: B904 - `from None` would cut the transport error's own cause
    except openai.APIStatusError as error:
        answer = _redacted(_message(error), backend)  # some servers echo the key they refuse
        raise ModelError(f"{backend.kind} backend answered HTTP {error.status_code}: {answer}",
                         attempts=usage.calls, usage=usage.model_dump()) from None
    except openai.APIConnectionError as error:
        miss = replay_miss(error)
        if miss is not None:
            raise miss from None
        where = backend.base_url or backend.kind
        raise ModelError(f"cannot reach {where}: {_redacted(str(error.__cause__ or error), backend)}",
                         attempts=usage.calls, usage=usage.model_dump()) from None
    finally:
        ANSWER_CONTEXT.reset(checked_against)
    raise AssertionError("unreachable: tenacity re-raises the last error")  # pragma: no cover


class Exhausted(Exception):
    """Every re-ask failed validation; carries the last completion for salvage."""

    def __init__(self, completion: Any, reason: str):
        super().__init__(reason)
        self.completion = completion
        self.reason = reason


def _unwrap(error: InstructorRetryException) -> Exception:
    """The transport error inside instructor's exception, or Exhausted for validation failures."""
    miss = replay_miss(error)
    if miss is not None:
        return miss
    cause = error.__cause__
    if isinstance(cause, openai.APIError):
        return cause
    if error.last_completion is not None:
        return Exhausted(error.last_completion, _first_line(str(cause or error)))
    return ModelError(_first_line(str(cause or error)), attempts=error.n_attempts or 0)


def _transient(error: BaseException) -> bool:
    if isinstance(error, openai.APIConnectionError):  # includes timeouts
        return replay_miss(error) is None
    return isinstance(error, openai.APIStatusError) and (error.status_code in (408, 409, 429) or error.status_code >= 500)


def _retry_after(error: BaseException) -> float | None:
    response = getattr(error, "response", None)
    value = response.headers.get("retry-after") if response is not None else None
    try:
        return max(0.0, float(value)) if value is not None else None
    except ValueError:
        return None


def _transport_retries(policy: Policy) -> AsyncRetrying:
    backoff = wait_exponential_jitter(initial=1, max=policy.max_wait)

    def wait(state: Any) -> float:
        hinted = _retry_after(state.outcome.exception())
        return min(hinted, policy.max_wait) if hinted is not None else backoff(state)

    return AsyncRetrying(
        retry=retry_if_exception(_transient),
        wait=wait,
        stop=stop_after_attempt(policy.transport_attempts) | stop_after_delay(policy.transport_deadline),
        reraise=True,
    )


def salvage(completion: Any, reason: str) -> tuple[ArticleSummary, list[Dropped]]:
    """Keep the valid items of an answer that failed validation; the invalid ones become Dropped."""
    dropped: list[Dropped] = []
    try:
        data = json.loads(_raw_json(completion))
        if not isinstance(data, dict):
            raise ValueError("the answer is not a JSON object")
    except ValueError as error:
        raise ModelError(
            f"no usable answer after re-asks: {reason}", last_response=_text(completion)[:500]
        ) from error
    kept: dict[str, Any] = {}
    for field, model in ITEM_MODELS.items():
        kept[field] = []
        for raw in data.get(field) or []:
            try:
                kept[field].append(model.model_validate(raw))
            except ValidationError as invalid:
                dropped.append(Dropped(kind=field.rstrip("s"), content=str(raw)[:200], reason=_brief(invalid)))
    event, sentence = data.get("event"), data.get("event_sentence")
    if not (isinstance(event, str) and event.strip() and isinstance(sentence, int)):
        dropped.append(Dropped(kind="event", content=str(event)[:200], reason="missing or invalid"))
        event, sentence = None, 0
    summary = ArticleSummary.model_construct(event=event, event_sentence=sentence, **kept)
    return summary, dropped


def _raw_json(completion: Any) -> str:
    message = completion.choices[0].message
    if getattr(message, "tool_calls", None):
        return message.tool_calls[0].function.arguments
    return extract_json_from_codeblock(message.content or "")


def _text(completion: Any) -> str:
    try:
        return _raw_json(completion)
    except Exception:  # noqa: BLE001 - only for an error message
        return repr(completion)


_usage: ContextVar[Usage | None] = ContextVar("summarizer_usage", default=None)


def track_usage(usage: Usage) -> None:
    """Count the requests of the current task (and the tasks it starts) into ``usage``."""
    _usage.set(usage)


def count_usage(response: Any) -> None:
    """instructor ``completion:response`` hook: add one answered request to the current article."""
    usage = _usage.get()
    if usage is None:
        return
    usage.calls += 1
    tokens = getattr(response, "usage", None)
    if tokens is not None:
        usage.prompt_tokens += getattr(tokens, "prompt_tokens", 0) or 0
        usage.completion_tokens += getattr(tokens, "completion_tokens", 0) or 0


def _brief(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(p) for p in first.get("loc", ()))
    return f"invalid {where}: {first.get('msg', '')}".strip()


def _first_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("<")]
    return " ".join(lines[:3])[:300] if lines else "validation failed"


def _redacted(text: str, backend: Backend) -> str:
    """``text`` with the backend's API key masked, for messages that quote what a server said."""
    key = backend.api_key
    return text.replace(key, "[redacted]") if key and len(key) >= 8 else text


def _message(error: openai.APIStatusError) -> str:
    body = error.body if isinstance(error.body, dict) else {}
    inner = body.get("error", body) if isinstance(body, dict) else {}
    text = inner.get("message") if isinstance(inner, dict) else None
    return _first_line(str(text or error.message))

