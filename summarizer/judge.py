"""Judge: ask the model which claims contradict each other — per candidate group, never per pair.

Dates, numbers, quotes and names are compared deterministically in :mod:`summarizer.merge`. Whether
"the visit ended early" and "Kim stays several more days" can both be true is a question of meaning,
so it goes to the model — but only in groups:

1. **Candidate groups.** Claims are linked when they share enough rare words (an inverted index over
   words that fewer than half of the claims use, so each claim meets only claims that share something
   with it). Linked claims form components; components are packed into groups of at most
   :data:`GROUP_SIZE` claims, a large component cut into equal pieces. A group whose claims all come
   from one source is not asked about.
2. **One request per group** (``prompts/judge.md``, schema :class:`~summarizer.schemas.Verdict`): the
   model names the conflicting claims by number; the numbers are validated and re-asked like
   extractions. Each claim is shown with its source's own words, its evidence span.

Requests therefore grow with the number of claims divided by the group size — linearly — and each
request's length is bounded. Groups are asked concurrently, as many at once as articles are; with a
cache, each answer is kept under a hash of its prompt, so an unchanged group is never asked twice.
"""

from __future__ import annotations

import asyncio
import math
from collections import Counter, defaultdict
from typing import Any

from summarizer.backend import Backend
from summarizer.cache import ArticleCache
from summarizer.errors import ModelError, ReplayMissError
from summarizer.groups import Groups
from summarizer.llm import Exhausted, Policy, ask
from summarizer.prompt_files import Prompts
from summarizer.schemas import ArticleReport, Disagreement, Evidence, GroundedClaim, Side, Usage, Verdict
from summarizer.text import content_words, shorten

GROUP_SIZE = 60  # claims per request: a whole cluster of a few articles, ~4k prompt tokens
MIN_LINK = 0.15  # share of the lighter claim's word weight two claims must share to be linked


def claims_of(reports: list[ArticleReport]) -> list[GroundedClaim]:
    """Every claim of every report, in order; each knows its source through its evidence."""
    return [claim for report in reports for claim in report.claims]


def candidate_groups(claims: list[GroundedClaim], size: int = GROUP_SIZE) -> list[list[int]]:
    """Indices of claims to judge together; related claims share a group, no group exceeds ``size``."""
    words = [set(content_words(c.statement + " " + c.topic)) for c in claims]
    count = len(claims)
    df = Counter(w for ws in words for w in ws)
    weight = {w: math.log((count + 1) / n) for w, n in df.items()}
    index: dict[str, list[int]] = defaultdict(list)
    for i, ws in enumerate(words):
        for w in ws:
            if df[w] <= count / 2:  # a word most claims share links nothing
                index[w].append(i)

    linked = Groups(count)
    for i, ws in enumerate(words):
        mine = sum(weight[w] for w in ws) or 1.0
        shared: dict[int, float] = defaultdict(float)
        for w in ws:
            for j in index.get(w, ()):
                if j > i:
                    shared[j] += weight[w]
        for j, common in shared.items():
            theirs = sum(weight[w] for w in words[j]) or 1.0
            if common >= MIN_LINK * min(mine, theirs):
                linked.join(i, j)

    components: dict[int, list[int]] = defaultdict(list)
    for i in range(count):
        components[linked.root(i)].append(i)
    groups: list[list[int]] = []
    for component in sorted(components.values(), key=len, reverse=True):  # first fit, largest first
        pieces = -(-len(component) // size)  # a large component is cut into equal pieces, not size + rest
        step = -(-len(component) // pieces)
        for start in range(0, len(component), step):
            piece = component[start : start + step]
            home = next((g for g in groups if len(g) + len(piece) <= size), None)
            if home is None:
                groups.append(list(piece))
            else:
                home.extend(piece)
    return [sorted(g) for g in groups if len({claims[i].evidence.source for i in g}) > 1]


def listing(claims: list[GroundedClaim]) -> str:
    """The claims as the judge sees them: number, source, statement and the source's own words."""
    return "\n".join(
        f"[C{n}] ({c.evidence.source}) {c.statement} — “{shorten(c.evidence.text, 300)}”"
        for n, c in enumerate(claims, 1)
    )


def verdict_problems(verdict: Verdict, claims: int) -> list[str]:
    """What is wrong with a verdict about ``claims`` claims: unknown claim numbers, a claim on two sides."""
    # `conflicts` defaults to []: an answer without it ({"foo": 1}) would pass as "no conflicts", and be cached
    errors = [] if "conflicts" in verdict.model_fields_set else ["conflicts: missing; list them, [] if there are none"]
    for n, conflict in enumerate(verdict.conflicts):
        cited = [c for side in conflict.sides for c in side.claims]
        unknown = sorted({c for c in cited if not 1 <= c <= claims})
        if unknown:
            errors.append(f"conflicts[{n}]: no claim C{unknown[0]} (claims are C1–C{claims})")
        elif len(cited) != len(set(cited)):
            errors.append(f"conflicts[{n}]: a claim is cited on two sides")
    return errors


async def judge(
    client: Any,
    backend: Backend,
    prompts: Prompts,
    reports: list[ArticleReport],
    policy: Policy,
    *,
    usage: Usage,
    concurrency: int = 1,
    store: ArticleCache | None = None,
) -> tuple[list[Disagreement], list[str]]:
    """Disagreements the model finds among the reports' claims, and a note per group it could not judge.

    At most ``concurrency`` groups are asked at once; answers are looked up in and kept in ``store``.
    """
    claims = claims_of(reports)
    gate = asyncio.Semaphore(concurrency)

    async def one(members: list[GroundedClaim]) -> Verdict | str:
        prompt = prompts.render("judge", claims=listing(members), last_claim=len(members))

        def check(verdict: Verdict) -> list[str]:
            return verdict_problems(verdict, len(members))

        kept = store.get_verdict(prompt) if store is not None else None
        if kept is not None and not check(kept):
            return kept
        async with gate:
            try:
                verdict = await ask(
                    client, backend, policy, Verdict, [{"role": "user", "content": prompt}], usage=usage, check=check
                )
            except ReplayMissError:
                raise
            except (Exhausted, ModelError) as error:
                return f"could not judge a group of {len(members)} claims: {error}"
        if store is not None:
            store.put_verdict(prompt, verdict)
        return verdict

    groups = [[claims[i] for i in group] for group in candidate_groups(claims)]
    answers = await asyncio.gather(*(one(members) for members in groups))
    found: list[Disagreement] = []
    notes: list[str] = []
    for members, answer in zip(groups, answers, strict=True):
        if isinstance(answer, str):
            notes.append(answer)
            continue
        for conflict in answer.conflicts:
            sides = [_side(side.answer, [members[c - 1] for c in side.claims]) for side in conflict.sides]
            if len({tuple(s.sources) for s in sides}) > 1:  # the same sources on every side is no dispute
                found.append(Disagreement(kind=conflict.kind, question=conflict.question, sides=sides))
    return found, notes


def _side(answer: str, claims: list[GroundedClaim]) -> Side:
    evidence: list[Evidence] = []
    for claim in claims:
        if claim.evidence not in evidence:
            evidence.append(claim.evidence)
    return Side(answer=answer, sources=sorted({e.source for e in evidence}), evidence=evidence)
