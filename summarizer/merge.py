"""Merge: many grounded article reports into the questions of one event, each with its answers.

* **Claims** are aligned by meaning (:mod:`summarizer.align`): claims that say the same thing form an
  answer, answers to the same thing form a question. The judge (:mod:`summarizer.judge`), when there
  is a model, adds what meaning alone can tell: claims that give the same answer in other words join
  it, and claims it finds on opposite sides of a conflict are never one answer.
* **Quotes and dates** are compared deterministically (:mod:`summarizer.compare`): one speaker quoted
  in other words, or dates of one happening that cannot both be right, is a disagreement.
* **Each question** is then a *disagreement* when two of its answers conflict, *consensus* when one
  answer is given by at least half of the sources (two or more), and *partial* otherwise. A source
  with several claims in one answer is counted once.
* **The headline** is the event as the most typical source describes it.

Deterministic: no model call here, and nothing depends on the order of a ``set`` (so not on
PYTHONHASHSEED) or on the order of the sources.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from summarizer.align import Alignment, align, collection_paused
from summarizer.compare import canonical_entities, date_mismatches, quote_variants
from summarizer.facets import Facets, compare, conflict_kind, facets
from summarizer.groups import Groups
from summarizer.judge import Judgement, claims_of, published_of
from summarizer.schemas import (
    Answer,
    ArticleReport,
    DisagreementKind,
    GroundedClaim,
    Question,
    QuestionStatus,
    Statement,
)
from summarizer.text import content_words

if TYPE_CHECKING:
    from summarizer.embed import Embedder

Said = Callable[[int], Facets]  # a claim's facets, by its number
HEADLINE_SAMPLE = 50  # wordings of the event each one is compared with: the most common ones


@dataclass
class Merged:
    """What the sources of one event say together."""

    event: str
    questions: list[Question]  # disagreements, then consensus, then partial; most sources first


def merge(
    reports: list[ArticleReport],
    *,
    alignment: Alignment | None = None,
    judgement: Judgement | None = None,
    embedder: Embedder | None = None,
) -> Merged:
    """The merged view of the reports of one event.

    ``alignment`` is :func:`summarizer.align.align` of the reports' claims (computed here when not
    given, with ``embedder``); ``judgement`` is what the judge said about them, if it was asked.
    """
    with collection_paused():
        canonical_entities(reports)
        claims, published = claims_of(reports), published_of(reports)
        if alignment is None:
            alignment = align(claims, embedder=embedder, with_topics=False, published=published)
        threshold = max(2, -(-len(reports) // 2))

        def said(i: int) -> Facets:  # a claim's facets, its days read against its source's date as align read them
            return facets(claims[i].statement, published.get(claims[i].evidence.source))

        questions = _claim_questions(claims, said, alignment, judgement or Judgement(), threshold)
        shown = _shown(questions)
        questions += quote_variants(reports) + [q for q in date_mismatches(reports) if not shown(q)]
        rank = {"disagreement": 0, "consensus": 1, "partial": 2}
        questions.sort(key=lambda q: (rank[q.status], -max(len(a.sources) for a in q.answers)))
        return Merged(headline(reports), questions)


def _shown(questions: list[Question]) -> Callable[[Question], bool]:
    """Whether a disagreement of the claims already sets the sides of a date question apart: each side's
    mentions inside the statements of one answer, another for each side ("declared a state of emergency on
    Wednesday evening" / "… on Thursday morning" asked again as "When: …?"). The disagreements' statements
    are indexed by source once: a feed's thousands of date questions each look up only their own sources'."""
    spans: dict[str, list[tuple[int, int, int, int]]] = {}
    for n, question in enumerate(questions):
        if question.status == "disagreement":
            for k, answer in enumerate(question.answers):
                for s in answer.statements:
                    spans.setdefault(s.evidence.source, []).append((s.evidence.start, s.evidence.end, n, k))

    def shown(dates: Question) -> bool:
        held: list[dict[int, set[int]]] = []  # per side: the answers of each disagreement holding its mentions
        for side in dates.answers:
            answers: dict[int, set[int]] = {}
            for d in side.statements:
                for start, end, n, k in spans.get(d.evidence.source, ()):
                    if start <= d.evidence.start < end:
                        answers.setdefault(n, set()).add(k)
            held.append(answers)
        common = set.intersection(*(set(h) for h in held)) if held else set()
        return any(
            all(len(h[n]) == 1 for h in held) and len(set().union(*(h[n] for h in held))) == len(held) for n in common
        )

    return shown


def _claim_questions(
    claims: list[GroundedClaim], said: Said, alignment: Alignment, judgement: Judgement, threshold: int
) -> list[Question]:
    side_of = {i: (n, k) for n, c in enumerate(judgement.conflicts) for k, (_, ms) in enumerate(c.sides) for i in ms}
    answers = _answers(alignment, judgement, side_of)
    answer_of = {i: a for a, group in enumerate(answers) for i in group}
    conflicts, witness = _conflicts(said, alignment, judgement, answer_of)
    alone = _both_sides(claims, said, answers, conflicts, judgement.seen)
    carried = _set_apart(said, answers, answer_of, conflicts, alone)
    question_of = {i: q for q, group in enumerate(alignment.questions) for a in group for i in alignment.answers[a]}
    together = Groups(len(answers))  # answers of one question
    structured = {i for c in judgement.conflicts for _, side in c.sides for i in side}
    structured.update(i for same in judgement.same for i in same)
    first: dict[int, int] = {}
    for a, group in enumerate(answers):  # what the judge did not structure: the alignment's questions
        if group and not structured.intersection(group) and not alone.intersection(group):
            together.join(a, first.setdefault(question_of[group[0]], a))
    for conflict in judgement.conflicts:  # a judged conflict is one question: its sides
        members = [i for _, side in conflict.sides for i in side]
        for i in members[1:]:
            together.join(answer_of[members[0]], answer_of[i])
    for a, b in carried:
        together.join(a, b)
    groups: dict[int, list[int]] = {}
    for a in range(len(answers)):
        if answers[a]:  # not an answer whose every claim was set apart
            groups.setdefault(together.root(a), []).append(a)
    built = {  # each shown by a claim of it that takes part in a conflict, where one does
        a: _answer(claims, group, witness[a] if witness.get(a) in group else group[0])
        for a, group in enumerate(answers)
        if group
    }
    return [
        _question(claims, {a: built[a] for a in ids}, answers, conflicts, threshold, judgement.seen)
        for ids in groups.values()
    ]


def _conflicts(
    said: Said, alignment: Alignment, judgement: Judgement, answer_of: dict[int, int]
) -> tuple[dict[tuple[int, int], tuple[DisagreementKind, str | None]], dict[int, int]]:
    """Pairs of final answers that cannot both be true: by their facets (unless the judge saw both claims
    and found no conflict: it reads meaning, facets only words), or as the judge found; and, for each
    answer in a conflict, a claim of it that takes part (the one to show: "the equaliser came on 61
    minutes", not the answer's first claim, "Don Valley needed a spark")."""
    found: dict[tuple[int, int], tuple[DisagreementKind, str | None]] = {}
    witness: dict[int, int] = {}
    seen = judgement.seen
    for a, b in alignment.conflicts:
        for i in alignment.answers[a]:
            for j in alignment.answers[b]:
                if i in seen and j in seen:
                    continue
                x, y = sorted((answer_of[i], answer_of[j]))
                left, right = said(i), said(j)
                if x != y and (x, y) not in found and compare(left, right) == "conflict":
                    found[(x, y)] = (conflict_kind(left, right), None)
                    witness.setdefault(answer_of[i], i)
                    witness.setdefault(answer_of[j], j)
    for conflict in judgement.conflicts:
        for _, side in conflict.sides:
            if side:
                witness.setdefault(answer_of[side[0]], side[0])
        sides = [{answer_of[i] for i in side} for _, side in conflict.sides]
        for s, one in enumerate(sides):
            for other in sides[s + 1 :]:
                for x, y in {(min(p, q), max(p, q)) for p in one for q in other if p != q}:
                    found[(x, y)] = (conflict.kind, conflict.question)
    return found, witness


def _both_sides(
    claims: list[GroundedClaim],
    said: Said,
    answers: list[list[int]],
    conflicts: dict[tuple[int, int], tuple[DisagreementKind, str | None]],
    seen: set[int],
) -> set[int]:
    """Claims that would put their source on both sides of a conflict without taking part in it: of an
    answer in conflict with another where the same source gives a claim, and in conflict with none of
    that answer's claims ("the 48-hour strike is the first since 2016" beside "1,500 flights scrapped
    over two days", against the same wire's "about 1,200 flights"). A sentence of several facts joins
    an answer by one of them; an outlet is not on both sides of what it reports once. Claims the judge
    read keep their answers."""
    found: set[int] = set()
    for x, y in conflicts:
        for here, there in ((x, y), (y, x)):
            others = {claims[j].evidence.source for j in answers[there]}
            for i in answers[here]:
                if i in seen or claims[i].evidence.source not in others:
                    continue
                if _clash(said, [i], answers[there]) is None:
                    found.add(i)
    return found


def _set_apart(
    said: Said,
    answers: list[list[int]],
    answer_of: dict[int, int],
    conflicts: dict[tuple[int, int], tuple[DisagreementKind, str | None]],
    alone: set[int],
) -> list[tuple[int, int]]:
    """Each claim of ``alone`` made an answer of its own, with the conflicts of its answer it takes part
    in ("packing winds of 140 miles per hour", set apart from the "homes flattened on Thursday" it had
    joined, still disputes "130 mph"); a conflict that was its alone leaves the answer it left.
    ``answers``, ``answer_of`` and ``conflicts`` are updated, and the pairs of answers newly in conflict
    returned, to be asked as one question. A claim that takes part in none stands in a question of its
    own. Only the rules' conflicts are concerned: the judge's claims are never set apart."""
    carried: list[tuple[int, int]] = []
    for i in sorted(alone):
        was = answer_of[i]
        answers[was].remove(i)
        answer_of[i] = now = len(answers)
        answers.append([i])
        for x, y in [pair for pair in conflicts if was in pair]:
            other = y if x == was else x
            if (kind := _clash(said, [i], answers[other])) is not None:
                conflicts[(min(now, other), max(now, other))] = (kind, None)
                carried.append((now, other))
            if _clash(said, answers[was], answers[other]) is None:
                del conflicts[(x, y)]
    return carried


def _clash(said: Said, mine: list[int], theirs: list[int]) -> DisagreementKind | None:
    """What the first claim of ``mine`` that conflicts with one of ``theirs`` disagrees on, if one does."""
    for i in mine:
        for j in theirs:
            if compare(said(i), said(j)) == "conflict":
                return conflict_kind(said(i), said(j))
    return None


def _answers(alignment: Alignment, judgement: Judgement, side_of: dict[int, tuple[int, int]]) -> list[list[int]]:
    """The final answers. The judge confirms: among the claims it saw, two share an answer only when
    it put them in one group of same answers or on one side of a conflict (never on opposite sides);
    the claims it did not see keep the alignment's answers."""
    seen = judgement.seen
    pieces = [[i] for i in sorted(seen)]
    for group in alignment.answers:
        unseen = [i for i in group if i not in seen]
        if unseen:
            pieces.append(unseen)
    piece_of = {i: p for p, piece in enumerate(pieces) for i in piece}
    sides_of = [{side_of[i] for i in piece if i in side_of} for piece in pieces]
    joined = Groups(len(pieces))
    for same in [side for c in judgement.conflicts for _, side in c.sides] + judgement.same:
        for i in same[1:]:
            a, b = joined.root(piece_of[same[0]]), joined.root(piece_of[i])
            if a != b and not _opposed(sides_of[a], sides_of[b]):
                joined.join(a, b)
                sides_of[min(a, b)] = sides_of[a] | sides_of[b]
    merged: dict[int, list[int]] = {}
    for p, piece in enumerate(pieces):
        merged.setdefault(joined.root(p), []).extend(piece)
    return sorted((sorted(g) for g in merged.values()), key=lambda g: g[0])


def _opposed(a: set[tuple[int, int]], b: set[tuple[int, int]]) -> bool:
    """Claims on different sides of one conflict."""
    return any(n == m and k != side for n, k in a for m, side in b)


def _question(
    claims: list[GroundedClaim],
    built: dict[int, Answer],
    answers: list[list[int]],
    conflicts: dict[tuple[int, int], tuple[DisagreementKind, str | None]],
    threshold: int,
    judged: set[int],
) -> Question:
    """One question from its answers (by their number among all answers), most reported first."""
    order = sorted(built, key=lambda a: (-len(built[a].sources), answers[a][0]))
    position = {a: rank for rank, a in enumerate(order)}
    pairs = {
        (min(position[x], position[y]), max(position[x], position[y])): why
        for (x, y), why in conflicts.items()
        if x in position and y in position and not _one_sided(built[x], built[y], why[0])
    }
    ordered = [built[a] for a in order]
    status: QuestionStatus = "consensus" if len(ordered[0].sources) >= threshold else "partial"
    kind: DisagreementKind | None = None
    if pairs:
        status = "disagreement"
        kind = Counter(k for k, _ in pairs.values()).most_common(1)[0][0]
    asked = next((text for _, text in pairs.values() if text), None)
    lead = min((rank for pair in pairs for rank in pair), default=0)  # asked as a side is, not an answer beside
    top = claims[answers[order[lead]][0]]
    return Question(
        question=asked or top.topic or ordered[lead].answer,
        status=status,
        kind=kind,
        answers=ordered,
        conflicts=sorted(pairs),
        decided_by="judge" if any(i in judged for a in order for i in answers[a]) else "rules",
    )


def _one_sided(a: Answer, b: Answer, kind: DisagreementKind) -> bool:
    """Both answers given by the same sources, or, of opposite outcomes, every source of one gives the
    other too: no outlet holds one against the other (a sentence of several facts said "forced the trust
    to cancel operations" beside the same outlet's "400 operations have been postponed"). Figures are
    another matter: one outlet may report both sides ("USGS put the magnitude at 6.4" / "Peru's institute
    at 6.2")."""
    mine, theirs = set(a.sources), set(b.sources)
    return mine == theirs or (kind == "contradiction" and (mine <= theirs or theirs <= mine))


def _answer(claims: list[GroundedClaim], group: list[int], shown: int) -> Answer:
    sources = list(dict.fromkeys(claims[i].evidence.source for i in group))
    statements = [Statement(text=claims[i].statement, evidence=claims[i].evidence) for i in group]
    return Answer(answer=claims[shown].statement, sources=sources, statements=statements)


def headline(reports: list[ArticleReport]) -> str:
    """The event as the most typical source describes it: closest to the most common wordings; not in a
    headline shouted in capitals ("SICK HACKERS HOLD HOSPITALS TO RANSOM") where another says it plainly."""
    events = [r.event.statement for r in reports if r.event]
    if not events:
        return "No source described the event in a way that could be traced to its text."
    keys = [" ".join(content_words(e)) for e in events]
    typical = Counter(keys).most_common(HEADLINE_SAMPLE)
    score = {k: sum(n * fuzz.token_set_ratio(k, other) for other, n in typical) for k in dict.fromkeys(keys)}
    plain = [(e, k) for e, k in zip(events, keys, strict=True) if sum(map(str.isupper, e)) <= sum(map(str.islower, e))]
    return max(plain or zip(events, keys, strict=True), key=lambda ek: score[ek[1]])[0]
