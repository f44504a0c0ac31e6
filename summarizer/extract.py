"""Extract: one model request per article (per chunk, for articles longer than the model's context).

* The model is asked only for what needs reading: the event and the key claims, each citing its
  numbered sentence (``prompts/extract.md``). Quotations, numbers, dates and names come from rules and
  offline models (:mod:`summarizer.rules`, :mod:`summarizer.entities`), exact by construction, so the
  model never copies them out of the text.
* Each answer is checked against the article (:func:`summarizer.ground.failures`). Only what failed is
  sent back — those items and their errors, after the same prompt, so a provider's prompt cache serves
  the rest — and the corrected items replace them; a bounded number of times.
* What still fails is dropped with its reason. Nothing ungrounded is returned as fact.
* An article whose answers hold nothing that fits the schema (``{"foo": 1}``) has failed: an empty
  report would be cached, and a later run would show the emptiness as the article's summary.
"""

from __future__ import annotations

import asyncio
import json
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from functools import cache
from typing import Any

from pydantic import ValidationError

from summarizer.backend import Backend
from summarizer.cache import Answered
from summarizer.errors import ModelError
from summarizer.floor import Floor, found_elsewhere, rules_floor
from summarizer.ground import KINDS, failures, ground
from summarizer.llm import Exhausted, Policy, ask
from summarizer.load import Article
from summarizer.printable import each_string, paired
from summarizer.prompt_files import Prompts
from summarizer.schemas import (
    ArticleReport,
    ArticleSummary,
    Claim,
    ClaimFixes,
    Dropped,
    Usage,
)
from summarizer.text import Document, Sentence


async def extract(
    client: Any, backend: Backend, prompts: Prompts, article: Article, policy: Policy
) -> tuple[ArticleReport, Answered]:
    """The grounded report of one article, and the model's answer it rests on; raises ModelError when
    the model gives nothing usable."""
    found = _floor(article)  # the rules' items while the model is asked
    try:
        summary, dropped, usage = await _answer(client, backend, prompts, article, policy)
    except BaseException:
        found.cancel()  # nobody will read it
        raise
    return report_for(article, summary, dropped, usage, await found), Answered.of(article, summary, dropped, usage)


async def regrounded(article: Article, answered: Answered) -> ArticleReport:
    """The report of ``article`` derived again from the model's answer kept in the cache (no model call)."""
    return report_for(article, answered.summary(), answered.dropped, answered.usage, await _floor(article))


def _floor(article: Article) -> asyncio.Future[Floor]:
    """The floor of ``article``, found by the worker process: it costs CPU there, not on this event loop."""
    return asyncio.get_running_loop().run_in_executor(_rules_thread(), found_elsewhere, article)


async def _answer(
    client: Any, backend: Backend, prompts: Prompts, article: Article, policy: Policy
) -> tuple[ArticleSummary, list[Dropped], Usage]:
    """The model's event and claims for the whole article (chunk by chunk), with what had to be dropped."""
    doc = article.document
    usage = Usage()
    merged: dict[str, list[Any]] = {kind.field: [] for kind in KINDS}
    event: tuple[str, int] | None = None
    dropped: list[Dropped] = []
    usable = False
    for sentences in chunks(doc, policy.chunk_chars):
        summary, lost = await _extract_chunk(client, backend, prompts, article, sentences, policy, usage)
        dropped += lost
        usable = usable or bool(summary.event) or any(getattr(summary, kind.field) for kind in KINDS)
        if event is None and summary.event:
            event = (summary.event, summary.event_sentence)
        for kind in KINDS:
            merged[kind.field] += getattr(summary, kind.field)
    if not usable:
        why = f" ({dropped[0].kind}: {dropped[0].reason})" if dropped else ""
        message = f"no usable answer: nothing in it fits the schema{why}"
        raise ModelError(message, attempts=usage.calls, usage=usage.model_dump())
    fields: dict[str, Any] = {"event": event[0] if event else None, "event_sentence": event[1] if event else 0}
    summary = ArticleSummary.model_construct(**fields | merged)
    return summary, dropped, usage


@cache
def _rules_thread() -> ThreadPoolExecutor:
    """One thread hands every article of a process to the floor's worker process, one at a time (it
    has one entity model)."""
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="summarizer-rules")


def report_for(
    article: Article,
    summary: ArticleSummary,
    dropped: list[Dropped] | None = None,
    usage: Usage | None = None,
    floor: Floor | None = None,
) -> ArticleReport:
    """Ground an extraction against its article, with what the rules find in it: its report entry."""
    result = ground(summary, article.document, dropped)
    found = floor or rules_floor(article)
    return ArticleReport(
        source=article.info,
        event=result.event,
        entities=found.entities,
        claims=result.claims,
        quotes=found.quotes,
        numbers=found.numbers,
        dates=found.dates,
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
    # the headline, inside <article> (it is data too), unless it is already the first sentence shown
    shown = doc.sentence_text(sentences[0]) if sentences else ""
    title = f"Title: {article.info.title}\n" if article.info.title and article.info.title != shown else ""
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
    asked = messages(prompts, article, sentences)
    try:
        summary = await ask(client, backend, policy, ArticleSummary, asked, usage=usage)
    except Exhausted as exhausted:
        if not isinstance(exhausted.answer, ArticleSummary):
            return salvage(exhausted.raw, str(exhausted))
        summary = exhausted.answer
    for _ in range(policy.reasks):
        failed = failures(summary, article.document)
        if not failed:
            break
        fixes = await _fixes(client, backend, prompts, policy, asked, summary, failed, usage)
        if fixes is None:
            break
        summary = _fixed(summary, fixes)
    return summary, []  # grounding drops what still does not resolve, with the reason


async def _fixes(
    client: Any,
    backend: Backend,
    prompts: Prompts,
    policy: Policy,
    asked: list[dict[str, str]],
    summary: ArticleSummary,
    failed: list[tuple[str, int, str]],
    usage: Usage,
) -> ClaimFixes | None:
    """The corrections of the failed items: the same prompt (a cached prefix), then only those items
    as the model's answer, and their errors; None when the model cannot give any."""
    wrong: dict[str, Any] = {}
    for field, index, _ in failed:
        if field == "event":
            wrong.update(event=summary.event, event_sentence=summary.event_sentence)
        else:
            wrong.setdefault("claims", []).append({"number": index, **summary.claims[index].model_dump()})
    reasons = "\n".join(f"- {field}[{index}]: {why}" for field, index, why in failed)
    conversation = [
        *asked,
        {"role": "assistant", "content": json.dumps(wrong, ensure_ascii=False)},
        {"role": "user", "content": prompts.render("fix", problems=reasons)},
    ]
    try:
        return await ask(client, backend, replace(policy, reasks=0), ClaimFixes, conversation, usage=usage)
    except Exhausted:
        return None


def _fixed(summary: ArticleSummary, fixes: ClaimFixes) -> ArticleSummary:
    claims = list(summary.claims)
    for fix in fixes.claims:
        if 0 <= fix.number < len(claims):
            claims[fix.number] = Claim(statement=fix.statement, topic=fix.topic, sentence=fix.sentence)
    event = fixes.event if fixes.event and fixes.event_sentence else summary.event
    sentence = fixes.event_sentence if fixes.event and fixes.event_sentence else summary.event_sentence
    return summary.model_copy(update={"claims": claims, "event": event, "event_sentence": sentence})


def salvage(raw: str, reason: str) -> tuple[ArticleSummary, list[Dropped]]:
    """Keep the valid items of an answer that did not fit the schema; the invalid ones become Dropped."""
    dropped: list[Dropped] = []
    try:
        data = each_string(json.loads(raw), paired)  # "\ud800" is valid JSON, but no UTF-8
        if not isinstance(data, dict):
            raise ValueError("the answer is not a JSON object")
    except ValueError as error:
        raise ModelError(f"no usable answer after re-asks: {reason}", last_response=raw[:500]) from error
    kept: dict[str, Any] = {}
    for kind in KINDS:
        kept[kind.field] = []
        items = data.get(kind.field)
        for item in items if isinstance(items, list) else []:
            try:
                kept[kind.field].append(kind.model.model_validate(item))
            except ValidationError as invalid:
                dropped.append(Dropped(kind=kind.name, content=str(item)[:200], reason=_brief(invalid)))
    event, sentence = data.get("event"), data.get("event_sentence")
    if not (isinstance(event, str) and event.strip() and isinstance(sentence, int)):
        dropped.append(Dropped(kind="event", content=str(event)[:200], reason="missing or invalid"))
        event, sentence = None, 0
    summary = ArticleSummary.model_construct(event=event, event_sentence=sentence, **kept)
    return summary, dropped


def _brief(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(p) for p in first.get("loc", ()))
    return f"invalid {where}: {first.get('msg', '')}".strip()
