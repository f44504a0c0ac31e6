"""Tokens: what each article costs in prompt and output tokens, next to a naive baseline.

Issue 6 asks for figures, not a bound: prompt tokens per article against the article's own tokens
(with the fixed prompt overhead), and output tokens per grounded claim, side by side with a naive
baseline run in the same script. Both run on the seeds with the embedded model (SmolLM2-135M), and
token counts are the model's own: prompt and completion tokens from llama.cpp's answers, captured at
the transport, and article tokens from the model's tokenizer.

Issue 15 adds the comparison with the previous request design: prompt tokens per article (all
requests) against that design's last recording of the same model on the same seeds, and against the
issue's measurement through llama.cpp's server (``bench/data/tokens_before.json``).

* **pipeline**: ``summarize(seeds)`` as shipped: numbered sentences, the model asked for the event and
  claims only (a sentence id each; the rules find quotes, numbers, dates and names), re-asks carrying
  only the failed items after the same prompt.
* **naive**: one instructor call per article with the same client, mode, grammar and sampling, asking
  for every kind of item but citing evidence as free-text quotes copied from the article (no sentence
  ids, no re-asks). A claim counts as grounded when its quote is found in the article with the same
  alignment the pipeline uses (``summarizer.ground.locate``: exact, folded, then fuzzy) - a more lenient
  test than the pipeline's, which also checks that the cited sentence shares the claim's words.

A 135M model grounds few claims either way; the per-claim figures are therefore small-sample ratios.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from _common import ANNOTATED, SEEDS, Call, default_model, figure, fresh_cache, header, load_is_high, metered, note
from pydantic import BaseModel, Field

from summarizer import summarize
from summarizer.backend import instructor_client, resolve_backend
from summarizer.extract import messages as pipeline_messages
from summarizer.load import Article, load_folder
from summarizer.prompt_files import load_prompts
from summarizer.text import locate

BEFORE = Path(__file__).resolve().parent / "data" / "tokens_before.json"
ARTICLE_ID = re.compile(r"^Article (\S+?):?(?:\s|$)", re.M)


# --------------------------------------------------------------------------------------------------
# The naive baseline: same fields, evidence as copied text instead of a sentence id
# --------------------------------------------------------------------------------------------------

Copied = Field(
    min_length=1, max_length=400, description="The exact words of the article that support this item, copied."
)


class NaiveClaim(BaseModel):
    statement: str = Field(min_length=3, max_length=300, description="The fact in one short plain sentence.")
    topic: str = Field(min_length=3, max_length=120, description="The question this fact answers.")
    evidence: str = Copied


class NaiveQuote(BaseModel):
    speaker: str = Field(min_length=1, max_length=100, description="Who said it.")
    text: str = Field(min_length=3, max_length=400, description="The quoted words, copied exactly.")
    evidence: str = Copied


class NaiveFigure(BaseModel):
    value: str = Field(min_length=1, max_length=40, description="The number as written.")
    about: str = Field(min_length=3, max_length=150, description="What it counts.")
    evidence: str = Copied


class NaiveDate(BaseModel):
    text: str = Field(min_length=2, max_length=60, description="The date words as written.")
    event: str = Field(min_length=3, max_length=150, description="What happens then.")
    evidence: str = Copied


class NaiveEntity(BaseModel):
    name: str = Field(min_length=2, max_length=80, description="The name as written.")
    kind: str = Field(min_length=3, max_length=20, description="person, organization or place.")
    role: str = Field(default="", max_length=120, description="Their role in the event.")
    evidence: str = Copied


class NaiveSummary(BaseModel):
    """The article's facts, each with the words of the article that support it."""

    event: str = Field(min_length=3, max_length=300, description="What happened, in one sentence.")
    event_evidence: str = Copied
    entities: list[NaiveEntity] = Field(default_factory=list, max_length=10)
    claims: list[NaiveClaim] = Field(default_factory=list, max_length=12)
    quotes: list[NaiveQuote] = Field(default_factory=list, max_length=8)
    numbers: list[NaiveFigure] = Field(default_factory=list, max_length=8)
    dates: list[NaiveDate] = Field(default_factory=list, max_length=8)


NAIVE_SYSTEM = (
    "You read one news article and list what it reports: the event, the people, organisations and "
    "places, the key facts, quotations, numbers and dates. For every item, copy the words of the "
    "article that support it into its evidence field, exactly as they are written. Report only what "
    "the article says."
)


def naive_messages(article: Article) -> list[dict[str, str]]:
    title = f": {article.info.title}" if article.info.title else ""
    user = f"Article {article.id}{title}\n\n<article>\n{article.text}\n</article>\n\nList what this article reports."
    return [{"role": "system", "content": NAIVE_SYSTEM}, {"role": "user", "content": user}]


def naive_run(articles: list[Article]) -> dict[str, dict[str, Any]]:
    """One call per article; what the model proposed and which claims' quotes are in the article."""
    backend = resolve_backend("embedded")
    client = instructor_client(backend)
    results: dict[str, dict[str, Any]] = {}
    for article in articles:
        data: dict[str, Any] = {}
        try:
            answer = client.chat.completions.create(
                model=backend.request_model, messages=naive_messages(article), response_model=NaiveSummary,
                max_retries=0, **backend.request_options(NaiveSummary),
            )  # fmt: skip
            data = answer.model_dump()
            valid = True
        except Exception as error:  # noqa: BLE001 - an invalid answer still shows its tokens; salvage what parses
            valid = False
            data = _salvage(error)
        claims = [c for c in data.get("claims") or [] if isinstance(c, dict)]
        grounded = [c for c in claims if isinstance(c.get("evidence"), str) and locate(article.text, c["evidence"])]
        evidence = [
            i.get("evidence")
            for field in ("entities", "claims", "quotes", "numbers", "dates")
            for i in data.get(field) or []
            if isinstance(i, dict) and isinstance(i.get("evidence"), str)
        ]
        results[article.id] = {"valid": valid, "claims": len(claims), "grounded": len(grounded), "evidence": evidence}
    return results


def _salvage(error: Exception) -> dict[str, Any]:
    completion = getattr(error, "last_completion", None)
    try:
        content = completion.choices[0].message.content or ""  # type: ignore[union-attr]
        content = content.strip().removeprefix("```json").removesuffix("```")
        data = json.loads(content)
        return data if isinstance(data, dict) else {}
    except Exception:  # noqa: BLE001
        return {}


# --------------------------------------------------------------------------------------------------
# Accounting
# --------------------------------------------------------------------------------------------------


def extract_messages(prompts: Any, article: Article) -> list[dict[str, str]]:
    """The messages the pipeline builds for a one-chunk article, before instructor adds to them."""
    return pipeline_messages(prompts, article, article.document.sentences)


def article_of(call: Call) -> str | None:
    for message in call.body.get("messages", []):
        if message.get("role") == "user":
            found = ARTICLE_ID.search(str(message.get("content")))
            if found:
                return found.group(1)
    return None


def by_article(calls: list[Call]) -> dict[str, list[Call]]:
    grouped: dict[str, list[Call]] = {}
    for call in calls:
        grouped.setdefault(article_of(call) or "(judge)", []).append(call)
    return grouped


def annotated_formats(articles: list[Article], tokens: Any) -> None:
    """Output tokens of the hand-annotated extractions written in each format: the cost of the format
    itself, with every claim grounded (no model runs here; the answers are the annotations)."""
    from summarizer.annotated import load_annotation, to_summary

    pipeline_out = naive_out = claims = 0
    for article in articles:
        annotation = load_annotation(ANNOTATED / f"{article.id}.json")
        pipeline_out += tokens(to_summary(annotation, article.document).model_dump_json())
        fields = {"entities": (NaiveEntity, ("name", "kind", "role")), "claims": (NaiveClaim, ("statement", "topic")),
                  "quotes": (NaiveQuote, ("speaker", "text")), "numbers": (NaiveFigure, ("value", "about")),
                  "dates": (NaiveDate, ("text", "event"))}  # fmt: skip
        naive: dict[str, Any] = {
            "event": annotation["event"]["statement"], "event_evidence": annotation["event"]["evidence"]
        }  # fmt: skip
        for field, (model, keys) in fields.items():
            naive[field] = [
                model.model_validate({k: item[k] for k in keys} | {"evidence": item["evidence"]})
                for item in annotation[field]
            ]
        # every annotated item counts, as in the pipeline's output, though a model may return fewer (max_length)
        naive_out += tokens(NaiveSummary.model_construct(**naive).model_dump_json())
        claims += len(annotation["claims"])
    note("")
    note("the same comparison with the hand-annotated extractions (fixtures/annotated) written in each format -")
    note("not a model run: what a model that answers like the annotations would generate, every claim grounded:")
    figure(
        "tokens.annotated.pipeline_output_per_claim",
        f"{pipeline_out / claims:.0f} ({pipeline_out} tokens for the event and {claims} claims, sentence ids; "
        "the rules find quotes, numbers, dates and names)",
    )
    figure("tokens.annotated.naive_output_per_claim",
           f"{naive_out / claims:.0f} ({naive_out} tokens, copied quotes as evidence; "
           f"{naive_out / pipeline_out:.2f}x the pipeline's)")  # fmt: skip


def before_and_after(rows: list[dict[str, Any]]) -> None:
    """This run's prompt tokens per article against the previous request design (its last recording of
    the same model on the same seeds) and against issue 15's measurement through llama.cpp's server."""
    before = json.loads(BEFORE.read_text(encoding="utf-8"))
    recorded = before["recording"]["articles"]
    note("")
    note(f"prompt tokens per article, all requests, against the recording at {before['recording']['commit']} "
         "(previous design; same model, same seeds):")  # fmt: skip
    for r in rows:
        was = recorded.get(r["id"])
        if was:
            note(f"    {r['id']:22} {was['prompt_tokens']:6d} in {was['requests']} -> {r['prompt_total']:6d} in "
                 f"{r['calls']}  ({r['prompt_total'] / was['prompt_tokens']:.2f}x)")  # fmt: skip
    now = sum(r["prompt_total"] for r in rows) / len(rows)
    out = sum(r["completion"] for r in rows) / len(rows)
    was = sum(a["prompt_tokens"] for a in recorded.values()) / len(recorded)
    was_out = sum(a["completion_tokens"] for a in recorded.values()) / len(recorded)
    server = before["server_2026_11_23"]
    per_article = server["prompt_tokens"] / server["articles"]
    figure("tokens.prompt_per_article_vs_previous_recording", f"{now:.0f} / {was:.0f} = {now / was:.2f}x")
    figure("tokens.completion_per_article_vs_previous_recording", f"{out:.0f} / {was_out:.0f} = {out / was_out:.2f}x")
    figure("tokens.prompt_per_article_vs_2026_11_23", f"{now:.0f} / {per_article:.0f} = {now / per_article:.2f}x")
    seed_004 = next((r for r in rows if r["id"].startswith("004")), None)
    if seed_004:
        figure("tokens.seed_004_prompt_vs_2026_11_23",
               f"{seed_004['prompt_total']} / {server['seed_004']['prompt_tokens']} = "
               f"{seed_004['prompt_total'] / server['seed_004']['prompt_tokens']:.2f}x")  # fmt: skip


def main() -> None:
    header("tokens: prompt and output tokens per article, pipeline vs naive baseline (embedded model)")
    model = default_model()

    def tokens(text: str) -> int:
        return len(model.tokenize(text.encode("utf-8"), add_bos=False))

    articles = load_folder(SEEDS).articles
    prompts = load_prompts()
    system_rules = prompts.render("system")

    with metered() as meter, fresh_cache():
        report = summarize(SEEDS, model="embedded")
    pipeline_calls = by_article(meter.calls)
    with metered() as naive_meter:
        naive = naive_run(articles)
    naive_calls = by_article(naive_meter.calls)

    rows = []
    overheads = []
    for article in articles:
        source = next(s for s in report.sources if s.source.id == article.id)
        calls = pipeline_calls.get(article.id, [])
        first = calls[0]
        sent = "".join(str(m["content"]) for m in first.body["messages"])
        built = "".join(m["content"] for m in extract_messages(prompts, article))
        built_user = "".join(m["content"] for m in extract_messages(prompts, article) if m["role"] != "system")
        numbered = article.document.numbered()
        a_tokens = tokens(article.text)
        n_tokens = tokens(numbered)
        prompt_first = first.usage.get("prompt_tokens", 0)
        parts = {
            "system rules (prompts/system.md)": tokens(system_rules),
            "extract template around the article (prompts/extract.md)": tokens(built_user) - n_tokens,
            "field guide after the article (the schema itself goes as the grammar)": tokens(sent) - tokens(built),
        }
        parts["chat template and token boundaries (the rest)"] = prompt_first - n_tokens - sum(parts.values())
        overheads.append((prompt_first - n_tokens, parts))
        n_calls = len(calls)
        completion = sum(c.usage.get("completion_tokens", 0) for c in calls)
        prompt_total = sum(c.usage.get("prompt_tokens", 0) for c in calls)
        grounded_claims = len(source.claims)
        grounded_items = source.grounding.grounded
        ncall = naive_calls.get(article.id, [])
        n_prompt = sum(c.usage.get("prompt_tokens", 0) for c in ncall)
        n_completion = sum(c.usage.get("completion_tokens", 0) for c in ncall)
        nv = naive[article.id]
        rows.append({
            "id": article.id, "article": a_tokens, "numbered": n_tokens, "prompt_first": prompt_first,
            "prompt_total": prompt_total, "calls": n_calls, "completion": completion,
            "claims_proposed": sum(1 for d in source.dropped if d.kind == "claim") + grounded_claims,
            "claims": grounded_claims, "items": grounded_items, "proposed": source.grounding.proposed,
            "naive_prompt": n_prompt, "naive_completion": n_completion, "naive_valid": nv["valid"],
            "naive_claims": nv["claims"], "naive_grounded": nv["grounded"],
            "naive_evidence_tokens": [tokens(e) for e in nv["evidence"]],
        })  # fmt: skip

    # ---- fixed overhead
    fixed = sorted(o for o, _ in overheads)
    note("fixed prompt overhead of one extraction request (prompt tokens minus the numbered article), per part,")
    note("for the first article (the parts are the same for every article but the template's id and title):")
    for name, count in overheads[0][1].items():
        note(f"    {count:6d}  {name}")
    figure(
        "tokens.fixed_prompt_overhead",
        f"{fixed[len(fixed) // 2]} tokens per request (median; range {fixed[0]}-{fixed[-1]})",
    )
    guide = overheads[0][1]["field guide after the article (the schema itself goes as the grammar)"]
    figure("tokens.field_guide_share_of_overhead", f"{guide / fixed[len(fixed) // 2]:.0%}")

    # ---- per article table
    note("")
    note("per article (tokens by SmolLM2's tokenizer; prompt/completion as llama.cpp counted them):")
    note(f"{'article':22} {'own':>5} {'[S#]':>5} | {'pipeline: 1st prompt':>20} {'x own':>6} {'all prompts':>11} "
         f"{'calls':>5} {'out':>5} {'claims':>7} {'out/claim':>9} | {'naive: prompt':>13} {'x own':>6} {'out':>5} "
         f"{'claims':>7} {'out/claim':>9}")  # fmt: skip
    for r in rows:
        per_claim = f"{r['completion'] / r['claims']:.0f}" if r["claims"] else "n/a"
        naive_per = f"{r['naive_completion'] / r['naive_grounded']:.0f}" if r["naive_grounded"] else "n/a"
        first_ratio = r["prompt_first"] / r["article"]
        naive_ratio = r["naive_prompt"] / r["article"]
        note(f"{r['id']:22} {r['article']:5d} {r['numbered']:5d} | {r['prompt_first']:20d} {first_ratio:6.2f} "
             f"{r['prompt_total']:11d} {r['calls']:5d} {r['completion']:5d} "
             f"{r['claims']:3d}/{r['claims_proposed']:<3d} {per_claim:>9} | "
             f"{r['naive_prompt']:13d} {naive_ratio:6.2f} {r['naive_completion']:5d} "
             f"{r['naive_grounded']:3d}/{r['naive_claims']:<3d} {naive_per:>9}"
             + ("" if r["naive_valid"] else "  (naive answer invalid; counted as salvaged)"))  # fmt: skip

    # ---- totals
    own = sum(r["article"] for r in rows)
    p_first = sum(r["prompt_first"] for r in rows)
    p_total = sum(r["prompt_total"] for r in rows)
    p_out = sum(r["completion"] for r in rows)
    p_claims = sum(r["claims"] for r in rows)
    p_proposed = sum(r["claims_proposed"] for r in rows)
    n_prompt = sum(r["naive_prompt"] for r in rows)
    n_out = sum(r["naive_completion"] for r in rows)
    n_claims = sum(r["naive_grounded"] for r in rows)
    n_proposed = sum(r["naive_claims"] for r in rows)
    judge = pipeline_calls.get("(judge)", [])
    figure("tokens.article_tokens", f"{own} over {len(rows)} articles ({own / len(rows):.0f} per article)")
    figure("tokens.pipeline.prompt_per_article",
           f"{p_first / len(rows):.0f} first request ({p_first / own:.2f}x the article), "
           f"{p_total / len(rows):.0f} with re-asks ({p_total / own:.2f}x)")  # fmt: skip
    figure("tokens.naive.prompt_per_article", f"{n_prompt / len(rows):.0f} ({n_prompt / own:.2f}x the article)")
    figure("tokens.pipeline.output_per_grounded_claim",
           f"{p_out / p_claims:.0f} ({p_out} output tokens, {p_claims} of {p_proposed} proposed claims grounded)"
           if p_claims else f"n/a ({p_out} output tokens, 0 of {p_proposed} proposed claims grounded)")  # fmt: skip
    figure(
        "tokens.naive.output_per_grounded_claim",
        f"{n_out / n_claims:.0f} ({n_out} output tokens, {n_claims} of {n_proposed} proposed claims' quotes found)"
        if n_claims
        else f"n/a ({n_out} output tokens, 0 of {n_proposed} proposed claims' quotes found)",
    )
    items = sum(r["items"] for r in rows)
    figure("tokens.pipeline.output_per_grounded_item",
           f"{p_out / items:.0f} ({items} of {sum(r['proposed'] for r in rows)} proposed items grounded, all kinds)"
           if items else "n/a (nothing grounded)")  # fmt: skip
    evidence_tokens = [t for r in rows for t in r["naive_evidence_tokens"]]
    if evidence_tokens:
        figure("tokens.naive.evidence_tokens_per_item",
               f"{sum(evidence_tokens) / len(evidence_tokens):.1f} output tokens per copied quote "
               f"(a sentence id costs {tokens('7')}-{tokens('12')})")  # fmt: skip
    if judge:
        figure(
            "tokens.pipeline.judge",
            f"{len(judge)} request(s), {sum(c.usage.get('prompt_tokens', 0) for c in judge)} prompt and "
            f"{sum(c.usage.get('completion_tokens', 0) for c in judge)} output tokens for the whole cluster",
        )
    before_and_after(rows)
    annotated_formats(articles, tokens)
    note("a 135M model grounds few claims in either form; see the README of bench/ for what the ratios mean")
    if load_is_high():
        note("load average above the core count during the run: other work shared the CPU")


if __name__ == "__main__":
    main()
