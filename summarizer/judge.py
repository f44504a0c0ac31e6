"""Judge: the model confirms which claims give the same answer and which conflict — per candidate
group, never per pair.

The alignment (:mod:`summarizer.align`) groups claims by meaning without a model, but embeddings put
"the tours were cancelled" next to "Kim is scheduled to tour", and facets cannot tell that "about
12,000 hectares" and "nearly 30,000 acres" are one answer. Those are questions of meaning, so they go
to the model — but only in groups:

1. **Candidate groups.** The alignment's topics (questions that are close, whatever their answers)
   are packed into groups of at most :data:`GROUP_SIZE` claims, a large topic cut into equal pieces,
   so the claims that might give one answer or conflicting ones are listed together. A group whose
   claims all come from one source is not asked about.
2. **One request per group** (``prompts/judge.md``, schema :class:`~summarizer.schemas.Verdict`): the
   model names, by number, the claims that give the same answer and the claims that conflict; the
   numbers are checked and re-asked like extractions. Each claim is shown with its source's own
   words, its evidence span.

Requests therefore grow with the number of claims divided by the group size — linearly — and each
request's length is bounded. Groups are asked concurrently; with a cache, each answer is kept under a
hash of its prompt, so an unchanged group is never asked twice.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from summarizer.align import Alignment
from summarizer.backend import Backend
from summarizer.cache import ArticleCache
from summarizer.errors import ModelError, ReplayMissError
from summarizer.llm import Exhausted, Policy, ask
from summarizer.prompt_files import Prompts
from summarizer.schemas import ArticleReport, DisagreementKind, GroundedClaim, Usage, Verdict
from summarizer.text import shorten

GROUP_SIZE = 80  # claims per request: a whole cluster of a few articles, ~5k prompt tokens


@dataclass(frozen=True)
class JudgedConflict:
    """A question the judge found answered in ways that cannot all be true."""

    kind: DisagreementKind
    question: str
    sides: list[tuple[str, list[int]]]  # each side's answer and its claims (indices into the claims)


@dataclass
class Judgement:
    """What the judge said about the claims it saw."""

    same: list[list[int]] = field(default_factory=list)  # claims that give one answer
    conflicts: list[JudgedConflict] = field(default_factory=list)
    seen: set[int] = field(default_factory=set)  # claims in a group the judge answered for
    notes: list[str] = field(default_factory=list)  # groups it could not judge, and why


def claims_of(reports: list[ArticleReport]) -> list[GroundedClaim]:
    """Every claim of every report, in order; each knows its source through its evidence."""
    return [claim for report in reports for claim in report.claims]


def published_of(reports: list[ArticleReport]) -> dict[str, str | None]:
    """Each report's publication date (ISO, if known) by its source id: what its claims' relative dates
    ("yesterday", "on Tuesday") are read against."""
    return {report.source.id: report.source.published for report in reports}


def candidate_groups(claims: list[GroundedClaim], alignment: Alignment, size: int = GROUP_SIZE) -> list[list[int]]:
    """Indices of claims to judge together: the alignment's topics, packed; none over ``size``.

    A topic too large for one group is split along its questions, and only a question too large for
    one group is cut (into equal pieces), so that claims that may share an answer stay together.
    """

    def claims_of_question(q: int) -> list[int]:
        return sorted(i for a in alignment.questions[q] for i in alignment.answers[a])

    units: list[list[int]] = []  # topics, or the questions of a topic too large
    for topic in alignment.topics:
        members = sorted(i for q in topic for i in claims_of_question(q))
        if len(members) <= size:
            units.append(members)
            continue
        for q in topic:
            question = claims_of_question(q)
            pieces = -(-len(question) // size)
            step = -(-len(question) // pieces)
            units += [question[start : start + step] for start in range(0, len(question), step)]
    groups: list[list[int]] = []
    for unit in sorted(units, key=len, reverse=True):  # first fit, largest first
        home = next((g for g in groups if len(g) + len(unit) <= size), None)
        if home is None:
            groups.append(list(unit))
        else:
            home.extend(unit)
    return [sorted(g) for g in groups if len({claims[i].evidence.source for i in g}) > 1]


def listing(claims: list[GroundedClaim]) -> str:
    """The claims as the judge sees them: number, source, statement and the source's own words."""
    return "\n".join(
        f"[C{n}] ({c.evidence.source}) {c.statement} — “{shorten(c.evidence.text, 300)}”"
        for n, c in enumerate(claims, 1)
    )


def verdict_problems(verdict: Verdict, claims: int) -> list[str]:
    """What is wrong with a verdict about ``claims`` claims: nothing said, unknown numbers, a claim on two
    sides."""
    # both lists default to []: an answer with neither ({"foo": 1}) would pass as "nothing to say", and be cached
    said = {"same", "conflicts"} & verdict.model_fields_set
    errors = [] if said else ["same, conflicts: missing; give both lists, [] where there is nothing"]
    for n, same in enumerate(verdict.same):
        unknown = sorted({c for c in same.claims if not 1 <= c <= claims})
        if unknown:
            errors.append(f"same[{n}]: no claim C{unknown[0]} (claims are C1–C{claims})")
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
    claims: list[GroundedClaim],
    alignment: Alignment,
    policy: Policy,
    *,
    usage: Usage,
    concurrency: int = 1,
    store: ArticleCache | None = None,
) -> Judgement:
    """What the model says about each candidate group of ``claims``; a note per group it could not judge.

    At most ``concurrency`` groups are asked at once; answers are looked up in and kept in ``store``.
    """
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

    groups = candidate_groups(claims, alignment)
    answers = await asyncio.gather(*(one([claims[i] for i in group]) for group in groups))
    judgement = Judgement()
    for group, answer in zip(groups, answers, strict=True):
        if isinstance(answer, str):
            judgement.notes.append(answer)
            continue
        judgement.seen.update(group)
        judgement.same += [[group[c - 1] for c in same.claims] for same in answer.same]
        for conflict in answer.conflicts:
            sides = [(side.answer, [group[c - 1] for c in side.claims]) for side in conflict.sides]
            sources = [{claims[i].evidence.source for i in members} for _, members in sides]
            if len({frozenset(s) for s in sources}) > 1:  # the same sources on every side is no dispute
                judgement.conflicts.append(JudgedConflict(conflict.kind, conflict.question, sides))
    return judgement
