"""Model calls: one validated answer per question, whatever the backend. Every stage that asks a model
asks through :func:`ask`.

* **Transport faults** (429 with ``Retry-After``, 408/409/5xx, timeouts, dropped connections) are
  retried by tenacity with exponential backoff and jitter, bounded in count and in time. The timeout
  bounds each whole request: httpx's bounds each read, and a server trickling a byte a second would
  never trip it.
* **Invalid answers** are re-asked: an answer that does not fit the response model (pydantic, through
  instructor's parsing for the backend's mode), or that the caller's ``check`` finds problems in (an
  item citing a sentence that does not say it), is sent back once with the problems listed, at most
  :attr:`Policy.reasks` times. When the re-asks run out, :class:`Exhausted` carries the last answer so
  that the caller can keep what was valid in it.
* **Usage** is counted per request sent, re-asks and transport retries included; a request whose tokens
  the server never reports (a timeout, a dropped connection, an error status, an answer without usage)
  is counted in ``Usage.unreported_calls``.

instructor's own re-ask loop is not used (``max_retries=0``): it resends the whole conversation each
time, and its validation context renders every message as a Jinja template.
"""

from __future__ import annotations

import asyncio
import functools
import re
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ValidationError

from summarizer.backend import Backend
from summarizer.errors import ModelError
from summarizer.limits import Budget, estimate_tokens
from summarizer.prompt_files import load_prompts
from summarizer.recording import replay_miss
from summarizer.schemas import Usage

if TYPE_CHECKING:  # imported where a model is asked: the rules' engine and the merge never need them
    import openai
    from instructor.core.exceptions import InstructorRetryException
    from tenacity import AsyncRetrying

Answer = TypeVar("Answer", bound=BaseModel)
Check = Callable[[Any], list[str]]  # the problems of a parsed answer, one line each; [] when it is good


@dataclass(frozen=True)
class Policy:
    """How hard to try: re-asks on invalid answers and retries on transport faults."""

    reasks: int = 2  # extra requests after an answer fails validation
    transport_attempts: int = 5  # tries per request on 429 / 5xx / timeout / dropped connection
    transport_deadline: float = 300.0  # seconds, all tries of one request together
    max_wait: float = 60.0  # longest single pause, Retry-After included
    chunk_chars: int = 24_000  # longer articles are split on sentence boundaries
    budget: Budget | None = None  # requests in flight, per minute, tokens per minute (summarizer.limits)

    @classmethod
    def for_backend(cls, backend: Backend) -> Policy:
        if backend.kind == "embedded":  # small context: one re-ask, ~1,500-token chunks
            return cls(reasks=1, chunk_chars=6_000)
        return cls()


class Exhausted(Exception):
    """Every re-ask failed validation. Carries the last answer: parsed when it fit the response model
    (``answer``), always as raw JSON text (``raw``), with its problems."""

    def __init__(self, answer: BaseModel | None, raw: str, problems: list[str]):
        super().__init__(problems[0] if problems else "validation failed")
        self.answer = answer
        self.raw = raw
        self.problems = problems


@dataclass
class _Reply:
    answer: BaseModel | None  # None when the reply did not fit the response model
    raw: str
    problems: list[str]


async def ask(
    client: Any,
    backend: Backend,
    policy: Policy,
    response_model: type[Answer],
    messages: list[dict[str, str]],
    *,
    usage: Usage,
    check: Check | None = None,
) -> Answer:
    """One validated answer to ``messages``; raises :class:`Exhausted` when the re-asks run out,
    ReplayMissError for an unrecorded request in a replay, ModelError for what the model side refuses."""
    conversation = messages
    for _ in range(policy.reasks + 1):
        reply = await _request(client, backend, policy, response_model, conversation, usage)
        if reply.answer is not None and check is not None:
            reply.problems = check(reply.answer)
        if not reply.problems:
            return reply.answer  # type: ignore[return-value]  # no problems: it parsed
        reask = load_prompts().render("reask", problems="\n".join(f"- {p}" for p in reply.problems))
        conversation = [*messages, {"role": "assistant", "content": reply.raw}, {"role": "user", "content": reask}]
    raise Exhausted(reply.answer, reply.raw, reply.problems)


async def _request(
    client: Any,
    backend: Backend,
    policy: Policy,
    response_model: type[BaseModel],
    messages: list[dict[str, str]],
    usage: Usage,
) -> _Reply:
    import openai
    from instructor.core.exceptions import InstructorRetryException

    request = {
        "model": backend.request_model,
        "messages": messages,
        "response_model": response_model,
        "max_retries": 0,  # re-asks are ours (see the module docstring)
        **backend.request_options(response_model),
    }
    where = backend.base_url or backend.kind
    try:
        async for attempt in _transport_retries(policy):
            with attempt:
                budget = policy.budget  # waits, if it must, before the request is sent and timed
                async with budget.slot(estimate_tokens(messages)) if budget else nullcontext() as slot:
                    usage.calls += 1  # counted when sent: a request that times out was still sent
                    usage.unreported_calls += 1  # until the server reports its tokens (_count_tokens)
                    try:
                        async with _deadline(backend):
                            answer, completion = await _create(client, backend, request, usage)
                    except InstructorRetryException as error:
                        # not `from error`: that would replace the transport error's own cause (its reason)
                        raise _unwrap(error, usage, where)  # noqa: B904
                    except TimeoutError:
                        raise _timed_out(backend) from None
                    if slot is not None:
                        slot.spent(getattr(getattr(completion, "usage", None), "total_tokens", None))
                return _Reply(answer, raw_json(completion), [])
    except _Invalid as invalid:
        return _Reply(None, invalid.raw, invalid.problems)
    except openai.APIStatusError as error:
        answer_text = redacted(_message(error), backend)  # some servers echo the key they refuse
        message = f"{backend.kind} backend answered HTTP {error.status_code}: {answer_text}"
        raise ModelError(message, attempts=usage.calls, usage=usage.model_dump()) from None
    except openai.APITimeoutError:
        message = f"timed out: {where} sent no complete answer within {backend.timeout:g} s (the --timeout)"
        raise ModelError(message, attempts=usage.calls, usage=usage.model_dump()) from None
    except openai.APIConnectionError as error:
        miss = replay_miss(error)
        if miss is not None:
            raise miss from None
        reason = redacted(str(error.__cause__ or error), backend) or type(error.__cause__ or error).__name__
        raise ModelError(f"cannot reach {where}: {reason}", attempts=usage.calls, usage=usage.model_dump()) from None
    except (IndexError, KeyError, AttributeError, TypeError) as error:
        # a reply instructor let through that is still no chat completion (no choices, no message): the
        # server's fault, said in one line, rather than a bare IndexError out of the library
        message = f"{where} sent an answer that is not a chat completion ({type(error).__name__}: {error})"
        raise ModelError(redacted(first_line(message), backend), attempts=usage.calls) from None
    raise AssertionError("unreachable: tenacity re-raises the last error")  # pragma: no cover


async def _create(client: Any, backend: Backend, request: dict[str, Any], usage: Usage) -> tuple[Any, Any]:
    """One request: through instructor in its modes; in ours, ``grammar``, the schema goes once, as the
    grammar llama.cpp constrains the answer with, and a short field guide after the last message —
    instructor's JSON modes would also paste the whole schema into the prompt."""
    if backend.mode != "grammar":
        answer, completion = await client.chat.completions.create_with_completion(**request)
        _count_tokens(usage, completion)
        return answer, completion
    model: type[BaseModel] = request["response_model"]
    sent = {k: v for k, v in request.items() if k not in ("response_model", "max_retries")}
    sent["messages"] = _with_guide(request["messages"], model)
    completion = await client.client.chat.completions.create(**sent)
    _count_tokens(usage, completion)
    malformed = _malformed(completion, backend.base_url or backend.kind, usage)
    if malformed is not None:
        raise malformed
    text = raw_json(completion)
    try:
        return model.model_validate_json(text), completion
    except ValidationError as error:
        raise _Invalid(text, _problems(error)) from None


def _with_guide(messages: list[dict[str, str]], model: type[BaseModel]) -> list[dict[str, str]]:
    """The guide ends the last message, so that what comes before — the system prompt and the article —
    is the same in a follow-up request, whose answer has another shape: a prefix the server can cache."""
    guide = field_guide(model)
    if messages and messages[-1]["role"] == "user":
        return [*messages[:-1], {"role": "user", "content": f"{messages[-1]['content']}\n\n{guide}"}]
    return [*messages, {"role": "user", "content": guide}]


@functools.cache
def field_guide(model: type[BaseModel]) -> str:
    """What each field of the answer holds, from the models' own descriptions, in a few lines."""
    schema = model.model_json_schema()
    definitions = schema.get("$defs", {})

    def lines(node: dict[str, Any], indent: str) -> list[str]:
        out = []
        for name, field in node.get("properties", {}).items():
            out.append(f"{indent}- {name}: {field.get('description', '')}".rstrip())
            item = field.get("items", {})
            ref = item.get("$ref") or field.get("$ref")
            if ref:
                out += lines(definitions[ref.rsplit("/", 1)[-1]], indent + "  ")
        return out

    return "Answer with one JSON object:\n" + "\n".join(lines(schema, ""))


def _deadline(backend: Backend) -> asyncio.Timeout:
    """The whole request's time limit. Not for the model in-process: its generation cannot be stopped
    half-way (a request abandoned would still hold the model), and ``max_tokens`` bounds it."""
    return asyncio.timeout(None if backend.kind == "embedded" and not backend.replay else backend.timeout)


def _timed_out(backend: Backend) -> openai.APITimeoutError:
    """The error httpx's own timeout gives, so that it is retried and reported alike."""
    import httpx2
    import openai

    return openai.APITimeoutError(request=httpx2.Request("POST", f"{backend.base_url or ''}/chat/completions"))


class _Invalid(Exception):
    """A reply that does not fit the response model."""

    def __init__(self, raw: str, problems: list[str]):
        super().__init__(problems[0])
        self.raw = raw
        self.problems = problems


def _unwrap(error: InstructorRetryException, usage: Usage, where: str) -> Exception:
    """The transport error inside instructor's exception, or _Invalid for an answer that did not parse,
    or ModelError for a reply that is no chat completion at all (re-asking would not mend a server)."""
    import openai

    miss = replay_miss(error)
    if miss is not None:
        return miss
    cause = error.__cause__
    if isinstance(cause, openai.APIError):
        return cause
    completion = error.last_completion
    if completion is not None:
        _count_tokens(usage, completion)
        malformed = _malformed(completion, where, usage)
        if malformed is not None:
            return malformed
        return _Invalid(_text(completion), _problems(cause or error))
    message = f"{where} sent an answer that cannot be read: {first_line(str(cause or error))}"
    return ModelError(message, attempts=usage.calls, usage=usage.model_dump())


def _malformed(completion: Any, where: str, usage: Usage) -> ModelError | None:
    """The error for a reply that is no chat completion (no choices, no message): re-asking would not
    mend a server."""
    choices = getattr(completion, "choices", None)
    if choices and getattr(choices[0], "message", None) is not None:
        return None
    shape = "no choices" if not choices else "a choice without a message"
    return ModelError(f"{where} answered with {shape}: not a chat completion", attempts=usage.calls)


def _problems(error: BaseException) -> list[str]:
    if isinstance(error, ValidationError):
        return [
            f"{'.'.join(str(p) for p in e.get('loc', ())) or 'answer'}: {e.get('msg', '')}".strip()
            for e in error.errors()[:20]
        ]
    return [first_line(str(error))]


def _count_tokens(usage: Usage, completion: Any) -> None:
    tokens = getattr(completion, "usage", None)
    if tokens is not None:
        usage.unreported_calls = max(0, usage.unreported_calls - 1)
        usage.prompt_tokens += getattr(tokens, "prompt_tokens", 0) or 0
        usage.completion_tokens += getattr(tokens, "completion_tokens", 0) or 0


def _transient(error: BaseException) -> bool:
    import openai

    if isinstance(error, openai.APIConnectionError):  # includes timeouts
        return replay_miss(error) is None
    return isinstance(error, openai.APIStatusError) and (
        error.status_code in (408, 409, 429) or error.status_code >= 500
    )


def _retry_after(error: BaseException | None) -> float | None:
    response = getattr(error, "response", None)
    value = response.headers.get("retry-after") if response is not None else None
    try:
        return max(0.0, float(value)) if value is not None else None
    except ValueError:
        return None


def _transport_retries(policy: Policy) -> AsyncRetrying:
    from tenacity import (
        AsyncRetrying,
        retry_if_exception,
        stop_after_attempt,
        stop_after_delay,
        wait_exponential_jitter,
    )

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


def raw_json(completion: Any) -> str:
    """The JSON text of a completion: a tool call's arguments, or the message content."""
    from instructor.utils import extract_json_from_codeblock

    message = completion.choices[0].message
    if getattr(message, "tool_calls", None):
        return str(message.tool_calls[0].function.arguments)
    return str(extract_json_from_codeblock(message.content or ""))


def _text(completion: Any) -> str:
    try:
        return raw_json(completion)
    except Exception:  # noqa: BLE001 - only for an error message
        return repr(completion)


def first_line(text: str) -> str:
    """The first few non-empty lines of an error text, on one line (HTML lines skipped)."""
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("<")]
    return " ".join(lines[:3])[:300] if lines else "validation failed"


def redacted(text: str, backend: Backend) -> str:
    """``text`` with the backend's secrets (key, password in the URL) masked, for messages that quote
    what a server or a connection error said."""
    for secret in sorted(backend.secrets, key=len, reverse=True):
        text = text.replace(secret, "[redacted]")
    return text


def _message(error: openai.APIStatusError) -> str:
    """What the server said, in one line: its JSON error message, or the text of an HTML error page."""
    body = error.body
    inner = body.get("error", body) if isinstance(body, dict) else None
    text = inner.get("message") if isinstance(inner, dict) else None
    if text is None:
        text = body if isinstance(body, str) else error.message
    text = str(text)
    if "<" in text:  # an HTML page (a proxy's 502): its title, else its words
        title = re.search(r"<title[^>]*>(.*?)</title>", text, re.I | re.S)
        text = title.group(1) if title else re.sub(r"<[^>]*>", " ", text)
    text = " ".join(text.split())
    return text[:300] if text else "no message"
