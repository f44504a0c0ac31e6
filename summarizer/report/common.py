"""What every format of a report shows alike: warning lines, the run's footer (with how evidence
matched, and calls whose tokens are unknown), quoted evidence, and how a question's answers are named
(letters), counted, and marked as conflicting."""

from __future__ import annotations

import itertools
import re
import string
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from summarizer.metadata import is_dateline
from summarizer.schemas import Answer, EventReport, Evidence, GroundedDate, Question
from summarizer.sourcelist import source_names
from summarizer.text import content_words, is_prose, shorten
from summarizer.times import undated


def quoted(evidence: Evidence, limit: int = 160, focus: str = "") -> str:
    """The evidence's words on one line, at most ``limit`` characters: the stretch of them that holds
    most of the words of ``focus`` (the statement they prove), with an ellipsis where cut."""
    return window(evidence.text, focus, limit)


def window(text: str, focus: str, limit: int) -> str:
    """``text`` on one line, cut to at most ``limit`` characters around the words it shares with
    ``focus``: of all stretches that fit, the first holding most of those words (each counted once),
    centred on them, cut between words, with an ellipsis on each side that is cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    wanted = set(content_words(focus))
    words = [(m.start(), m.end(), frozenset(wanted & set(content_words(m.group())))) for m in _TOKEN.finditer(text)]

    def fits(i: int, j: int) -> bool:  # words i … j, and an ellipsis where the text goes on
        return words[j][1] - words[i][0] + (words[i][0] > 0) + (words[j][1] < len(text)) <= limit

    best = _best_stretch(words, fits)
    if best is None:  # one word longer than the limit
        return shorten(text, limit)
    i, j = best
    found = frozenset().union(*(words[k][2] for k in range(i, j)))
    hit = [k for k in range(i, j) if words[k][2]]
    if hit:  # centred on the shared words: as much before the first as after the last
        middle = (words[hit[0]][0] + words[hit[-1]][1]) / 2
        low = max(0.0, min(middle - (limit - 2) / 2, len(text) - limit + 1))
        first = next((k for k in range(len(words)) if words[k][0] >= low), i)
        last = first
        while last + 1 < len(words) and fits(first, last + 1):
            last += 1
        if fits(first, last) and found <= frozenset().union(*(words[k][2] for k in range(first, last + 1))):
            i, j = first, last + 1
    start, end = words[i][0], words[j - 1][1]
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def _best_stretch(
    words: list[tuple[int, int, frozenset[str]]], fits: Callable[[int, int], bool]
) -> tuple[int, int] | None:
    """The first run of words (start, end indices) that fits, holding the most distinct wanted words;
    None when no word fits. Linear: a sliding window with a count of each word held."""
    held: Counter[str] = Counter()
    best, most, j = None, -1, 0
    for i in range(len(words)):
        j = max(j, i)
        while j < len(words) and fits(i, j):
            held.update(words[j][2])
            j += 1
        if j > i:
            if len(held) > most:
                best, most = (i, j), len(held)
            held.subtract(words[i][2])
            held += Counter()  # drop the words no longer held
    return best


_TOKEN = re.compile(r"\S+")


_HOW = {
    "exact": "found as written",
    "folded": "found once case, quotes, dashes and spacing are folded",
    "fuzzy": "found as a near match",
    "sentence": "the cited sentence says it",
}


def how_matched(evidence: Evidence) -> str:
    """How the span was found, for a tooltip: 'fuzzy match (score 93.5): found as a near match'."""
    score = f" (score {evidence.score:g})" if evidence.score is not None and evidence.match == "fuzzy" else ""
    return f"{evidence.match} match{score}: {_HOW[evidence.match]}"


def footer(report: EventReport) -> str:
    run = report.run
    grounded = sum(s.grounding.grounded for s in report.sources)
    proposed = sum(s.grounding.proposed for s in report.sources)
    embedder = f" · embedder {run.embedder}" if run.embedder else ""
    counts = {kind: sum(getattr(s.grounding.matches, kind) for s in report.sources) for kind in _HOW}
    how = ", ".join(f"{n} {kind}" for kind, n in counts.items() if n)
    line = (
        f"{len(report.sources)} source(s) · model {run.model} ({run.backend}, mode {run.mode}){embedder} · "
        f"{grounded}/{proposed} proposed items grounded" + (f" ({how})" if how else "")
    )
    unknown = usage_note(report)
    return f"{line} · {unknown}" if unknown else line


def usage_note(report: EventReport) -> str | None:
    """'tokens unknown for 2 of 6 calls …' when some requests (timed out, dropped) reported no tokens."""
    usages = [s.usage for s in report.sources] + [report.judge_usage]
    unknown = sum(u.unreported_calls for u in usages)
    if not unknown:
        return None
    calls = sum(u.calls for u in usages)
    return f"tokens unknown for {unknown} of {calls} call(s) (timed out, dropped or not reported): token counts are low"


def warning_lines(report: EventReport) -> list[str]:
    """Failed articles, skipped files, notes (the run's, then each source's) and dropped items, one line
    each (dropped items summarized)."""
    lines = [f"failed: {p.path}: {p.reason}" for p in report.failed]
    lines += [f"skipped: {p.path}: {p.reason}" for p in report.skipped]
    lines += [f"note: {note}" for note in report.notes]
    lines += [f"note: {s.source.id}: {warning}" for s in report.sources for warning in s.source.warnings]
    for source in report.sources:
        if source.dropped:
            lines.append(
                f"dropped {len(source.dropped)} ungrounded item(s) from {source.source.id} "
                f"(grounding {source.grounding.grounded}/{source.grounding.proposed})"
            )
    return lines


# --------------------------------------------------------------------------------------------------
# Questions and their answers
# --------------------------------------------------------------------------------------------------


def letter(index: int) -> str:
    """The name of a question's ``index``-th answer: A, B, C …"""
    return string.ascii_uppercase[index] if index < 26 else f"#{index + 1}"


def source_labels(report: EventReport) -> dict[str, str]:
    """What each source (by id) is called everywhere in a report: its outlet, else its author, else its
    headline, its id only as a last resort (:func:`summarizer.sourcelist.source_names`)."""
    return source_names([s.source for s in report.sources])


def asked(question: Question) -> str:
    """The question as shown with its answers; nothing when it is one of their own words (a claim with
    no question of its own, as the extractive engine's, is asked as itself), shown with the answers."""
    text = question.question.strip()
    return "" if text.rstrip(". ") in {a.answer.strip().rstrip(". ") for a in question.answers} else text


def heading(number: int, question: Question) -> str:
    """ "Q3. Where did Putin go after the meeting?", or "Q3." when the question is an answer's words."""
    text = asked(question)
    return f"Q{number}. {text}" if text else f"Q{number}."


def kind_label(question: Question) -> str:
    return (question.kind or "disagreement").replace("_", " ")


def decided_label(question: Question) -> str:
    return "decided by the judge" if question.decided_by == "judge" else "decided by rules"


def evidence_of(answer: Answer) -> list[Evidence]:
    """The answer's statements' evidence, each span once, in the answer's order."""
    return [e for e, _ in proofs(answer)]


def proofs(answer: Answer) -> list[tuple[Evidence, str]]:
    """Each distinct span of the answer's evidence, with the statement it proves (what its shortened
    window is centred on), in the answer's order."""
    seen: dict[tuple[str, int, int], tuple[Evidence, str]] = {}
    for statement in answer.statements:
        e = statement.evidence
        seen.setdefault((e.source, e.start, e.end), (e, statement.text))
    return list(seen.values())


def by_source(answer: Answer) -> list[tuple[Evidence, str, int]]:
    """One piece of evidence per source that gives the answer, in the answer's order of sources, with
    its statement and how many more spans that source has for it (shown as "+N more")."""
    pieces = proofs(answer)
    shown = []
    for source in answer.sources:
        mine = [(e, text) for e, text in pieces if e.source == source]
        if mine:
            shown.append((mine[0][0], mine[0][1], len(mine) - 1))
    return shown


def silent(report: EventReport, question: Question) -> list[str]:
    """The sources (ids) that give no answer to ``question``: they leave it out, they do not contradict."""
    speaking = {s for a in question.answers for s in a.sources}
    return [s.source.id for s in report.sources if s.source.id not in speaking]


def contested(report: EventReport) -> dict[tuple[str | int, ...], tuple[int, str]]:
    """Every span that is evidence for one side of a disagreement: (source, start, end) → the
    disagreement's number (1-based, among the report's questions) and the side's letter. A span that
    holds two statements is keyed by each statement too: (source, start, end, statement)."""
    found: dict[tuple[str | int, ...], tuple[int, str]] = {}
    for n, q in enumerate(report.questions, 1):
        if q.status == "disagreement":
            for i, a in enumerate(q.answers):
                for statement in a.statements:
                    e = statement.evidence
                    found.setdefault((e.source, e.start, e.end), (n, letter(i)))
                    found.setdefault((e.source, e.start, e.end, statement.text), (n, letter(i)))
    return found


def conflicts_with(question: Question, index: int) -> list[int]:
    """The answers (indices) that answer ``index`` cannot be true together with."""
    return sorted({j for i, j in question.conflicts if i == index} | {i for i, j in question.conflicts if j == index})


def conflict_note(question: Question) -> str | None:
    """Which answers conflict, when not every answer conflicts with every other (else None)."""
    pairs = {tuple(sorted(p)) for p in question.conflicts}
    if not pairs or pairs == set(itertools.combinations(range(len(question.answers)), 2)):
        return None
    note = "Conflicting: " + ", ".join(f"{letter(i)} ≠ {letter(j)}" for i, j in sorted(pairs)) + "."
    free = [letter(i) for i in range(len(question.answers)) if not conflicts_with(question, i)]
    if free:
        note += f" {' and '.join(free)} conflict{'s' if len(free) == 1 else ''} with no other answer."
    return note


def is_singleton(question: Question) -> bool:
    """One answer from one source: listed compactly."""
    return len(question.answers) == 1 and len(question.answers[0].sources) == 1


def engine_line(report: EventReport) -> str:
    """What made the report, said first: a reader must know whether a language model read the articles."""
    run = report.run
    if run.backend == "extractive":
        return (
            "Engine: extractive — sentences, quotes, numbers, dates and names found by rules and offline "
            "models; no language model read the articles"
        )
    return f"Engine: {run.model} ({run.backend})"


def dropped_note(report: EventReport) -> str | None:
    """Said at the top when most of what the model proposed could not be traced to the articles."""
    proposed = sum(s.grounding.proposed for s in report.sources)
    dropped = sum(s.grounding.dropped for s in report.sources)
    if not proposed or dropped * 2 <= proposed:
        return None
    return (
        f"Most of what the model proposed ({dropped} of {proposed} items) could not be traced to the articles "
        "and was dropped (listed under Warnings): this report rests on what little remained."
    )


# --------------------------------------------------------------------------------------------------
# The brief and the timeline: shown first
# --------------------------------------------------------------------------------------------------


def cite_label(question: int, answer: int) -> str:
    """How a brief's citation is shown: 'Q7A' for answer A of the report's 7th question."""
    return f"Q{question + 1}{letter(answer)}"


def brief_lines(report: EventReport) -> list[tuple[str, list[str], bool]]:
    """The brief's sentences: text, the labels of the answers cited (those the report holds), disputed."""
    if report.brief is None:
        return []
    lines = []
    for sentence in report.brief.sentences:
        cites = [
            cite_label(q, a)
            for q, a in sentence.cites
            if 0 <= q < len(report.questions) and 0 <= a < len(report.questions[q].answers)
        ]
        lines.append((sentence.text, cites, sentence.disputed))
    return lines


def brief_title(report: EventReport) -> str:
    """Who wrote the brief, said with it."""
    if report.brief is not None and report.brief.by == "model":
        return "Written by the model from the answers below, checked against the words it cites"
    return "Assembled from the answers most sources give, and the disagreements"


@dataclass
class Moment:
    """A resolved date and what happens then, as the sources that mention it say."""

    when: str  # ISO, at the precision the words allow; a span "from 2016 until 2021" as "2016/2021"
    what: str
    sources: list[str]  # ids
    evidence: list[Evidence]
    disputed: str | None  # the disagreement it is part of ('Q4'), if any


def timeline(report: EventReport, limit: int = 12) -> list[Moment]:
    """The resolved dates of every source, earliest first; mentions of one date whose events share
    words (besides the date's own: "last night") are one moment. The :data:`limit` moments most sources
    mention are kept."""
    sides = contested(report)
    moments: list[Moment] = []
    said: list[set[str]] = []  # each moment's words, less its date's
    for source in report.sources:
        for date, when in _spans(source.dates):
            e = date.evidence
            if not date.resolved or _dateline(date, source.source.published) or _spoke(date) or _measured_against(date):
                continue
            words = set(content_words(date.event)) - set(content_words(date.text))
            home = next(
                (m for m, its in zip(moments, said, strict=True) if m.when == when and _overlap(words, its)), None
            )
            if home is None:
                home = Moment(when, date.event, [], [], None)
                moments.append(home)
                said.append(words)
            if e.source not in home.sources:
                home.sources.append(e.source)
            home.evidence.append(e)
            side = sides.get((e.source, e.start, e.end))
            if side is not None and home.disputed is None:
                home.disputed = f"Q{side[0]}"
    kept = sorted(moments, key=lambda m: -len(m.sources))[:limit]
    return sorted(kept, key=lambda m: m.when)


_SPAN_START = re.compile(r"(?:from|between)\s", re.I)
_SPAN_END = re.compile(r"\s*(?:until|till|to|through|and|[-–])\s", re.I)  # between a span's dates, or opening its end


def _spans(dates: list[GroundedDate]) -> list[tuple[GroundedDate, str]]:
    """Each date with when it is; a span's two ends ("from 2016 until 2021", "between May and July") are
    one date, its start, when "2016/2021" (ISO 8601's interval)."""
    found: list[tuple[GroundedDate, str]] = []
    ended = False  # the date before ended a span: it is the span's end, already found
    for k, date in enumerate(dates):
        if ended:
            ended = False
            continue
        when, after = date.resolved or "", dates[k + 1] if k + 1 < len(dates) else None
        if after is not None and when and after.resolved and after.event == date.event and _SPAN_START.match(date.text):
            first = date.event.find(date.text)
            second = date.event.find(after.text, first + len(date.text)) if first >= 0 else -1
            gap = date.event[first + len(date.text) : second] + " "
            if second >= 0 and (_SPAN_END.fullmatch(gap) or (not gap.strip() and _SPAN_END.match(after.text))):
                when, ended = f"{when}/{after.resolved}", True
        found.append((date, when))
    return found


def _dateline(date: GroundedDate, published: str | None) -> bool:
    """The article's own date at its top ('Sep.14 - 2023 9:33 PM CET', 'Updated 3 February 2025'): when it
    was published, not an event. A sentence saying what happened that day ('… resigned on Tuesday') is one."""
    if date.resolved != published or date.evidence.start >= 400:
        return False
    return not is_prose(date.event, 1) or is_dateline(date.event)


# a year a record is measured against: "the first strike since 2016", "the lowest turnout since 1990"
_MEASURED_SINCE = re.compile(
    r"\b(?:first|last|only|most|least|worst|best|(?:high|low|bigg|larg|small|strong|weak|deadli|hott|cold|wett|dri"
    r"|long|short|fast|slow|sharp|steep|heavi|great)est)\b[^.;]*\bsince\s*$",
    re.I,
)


def _measured_against(date: GroundedDate) -> bool:
    """A date a record is measured against ("the first by its pilots since 2016"): no moment of the story."""
    at = date.event.find(date.text)
    if not date.text.lower().startswith("since") or at < 0:
        return False
    return _MEASURED_SINCE.search(date.event[: at + len("since")]) is not None


def _spoke(date: GroundedDate) -> bool:
    """The day a source spoke ("…, police said on Sunday"): when it spoke, not when anything happened."""
    at = date.event.find(date.text)
    return at >= 0 and not undated(date.event)[at : at + len(date.text)].strip()


def _overlap(a: set[str], b: set[str]) -> bool:
    return bool(a and b) and len(a & b) * 3 >= min(len(a), len(b))


def top(report: EventReport, count: int) -> EventReport:
    """The report with only its ``count`` questions that most sources answer (a disagreement before an
    agreement, an agreement before a partial answer, on a tie), in the report's order; the brief keeps
    the citations of the questions kept, and a note says how many were left out."""
    if count >= len(report.questions):
        return report
    rank = {"disagreement": 0, "consensus": 1, "partial": 2}
    questions = report.questions

    def weight(i: int) -> tuple[int, int, int]:
        return (-len({s for a in questions[i].answers for s in a.sources}), rank[questions[i].status], i)

    kept = sorted(sorted(range(len(questions)), key=weight)[: max(count, 0)])
    where = {old: new for new, old in enumerate(kept)}
    brief = report.brief
    if brief is not None:
        sentences = [
            s.model_copy(update={"cites": [(where[q], a) for q, a in s.cites if q in where]})
            for s in brief.sentences
            if any(q in where for q, _ in s.cites) or not s.cites
        ]
        brief = brief.model_copy(update={"sentences": sentences})
    note = f"showing {len(kept)} of {len(questions)} questions, those most sources answer (--top {count})"
    update = {"questions": [questions[i] for i in kept], "brief": brief, "notes": [*report.notes, note]}
    return report.model_copy(update=update)
