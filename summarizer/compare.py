"""Deterministic comparisons across sources: quote wordings, dates and names, with no model.

* **Quotes** — the same speaker quoted in different words by different sources is a ``quote_wording``
  disagreement (a quote merely cut shorter is not). A wording joins the earlier wording it is most
  like, so each quote is in at most one disagreement, and every side is a variant of the first.
* **Dates** — mentions of one happening whose resolved dates cannot both be right are a ``date``
  disagreement ("next month" in an article of 14 September and "in October" are the same month).
* **Names** — spellings of one name ("Kim Jong-un", "Kim Jong Un", "Kim Jung Un") become one entity
  with aliases; a spelling is looked up once, by signatures that any two names :func:`same_name`
  matches share.

Nothing depends on the order of a ``set``, so not on PYTHONHASHSEED; candidates come from a bounded
index (:mod:`summarizer.groups`), so time grows linearly with the number of items.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from rapidfuzz import fuzz

from summarizer.groups import MAX_CANDIDATES, Groups, Index
from summarizer.rules import bare_weekday
from summarizer.schemas import Answer, ArticleReport, DisagreementKind, Evidence, Question, Statement
from summarizer.text import content_words, is_prose
from summarizer.wording import fold, rewording

EVENT_SIMILARITY = 80.0  # for two date mentions to be about the same happening

_WORD = re.compile(r"[a-z0-9]+")

# --------------------------------------------------------------------------------------------------
# Disagreements
# --------------------------------------------------------------------------------------------------


def quote_variants(reports: list[ArticleReport]) -> list[Question]:
    """The same speaker quoted in different words by different sources."""
    sources: list[str] = []
    speakers: list[str] = []
    spans: list[Evidence] = []
    by_speaker: dict[str, list[int]] = defaultdict(list)
    for report in reports:
        for quote in report.quotes:
            by_speaker[_surname(quote.speaker)].append(len(spans))
            sources.append(report.source.id)
            speakers.append(quote.speaker)
            spans.append(quote.evidence)
    found = []
    for quoted in by_speaker.values():
        found += _variants([sources[i] for i in quoted], [speakers[i] for i in quoted], [spans[i] for i in quoted])
    return found


def _variants(sources: list[str], speakers: list[str], spans: list[Evidence]) -> list[Question]:
    """Disagreements among the quotes of one speaker: one per remark quoted in several wordings.

    A wording is one side: quotes worded alike never disagree with each other, and every source that
    used the wording is on its side. The first wording of a remark leads its disagreement; a later one
    joins the leader it is most like, when different sources used the two, they are similar, and
    neither is the other cut shorter. Wordings are compared with leaders, not along chains of similar
    pairs: a chain joins a speaker's different remarks into one disagreement (over thousands of
    articles, hundreds of remarks), each side of which conflicts with every other.
    """
    number: dict[str, int] = {}  # folded text -> its wording's number, in order of first use
    texts: list[str] = []
    alone: list[str | None] = []  # per wording: its only source, or None when several sources used it
    wording: list[int] = []  # per quote
    for source, span in zip(sources, spans, strict=True):
        text = fold(span.text)
        n = number.setdefault(text, len(texts))
        if n == len(texts):
            texts.append(text)
            alone.append(source)
        elif alone[n] != source:
            alone[n] = None
        wording.append(n)
    leader = list(range(len(texts)))  # per wording: the first wording of its disagreement
    index = Index()  # the wordings that lead one
    for n, text in enumerate(texts):
        words = sorted(set(content_words(text)))  # two remarks may share "the", "have", "in"
        best: tuple[float, int] | None = None
        for m, shared in index.top(words, MAX_CANDIDATES):
            if shared < 2:
                break  # one content word in common ("constructive") is two remarks, not one worded two ways
            if alone[n] is not None and alone[n] == alone[m]:
                continue  # one source, worded two ways: not sources disagreeing
            score = rewording(text, texts[m])
            if score and (best is None or score > best[0]):
                best = (score, m)
        if best is None:
            index.add(n, words)
        else:
            leader[n] = best[1]
    led: dict[int, list[int]] = {}
    for n, first in enumerate(leader):
        led.setdefault(first, []).append(n)
    linked = [group for group in led.values() if len(group) > 1]
    side_of: dict[int, Answer] = {n: Answer(answer="", sources=[], statements=[]) for group in linked for n in group}
    first_quote: dict[int, int] = {}
    seen: set[tuple[int, str]] = set()
    for i, n in enumerate(wording):
        side = side_of.get(n)
        if side is None:
            continue
        if not side.statements:
            side.answer = spans[i].text
            first_quote[n] = i
        if (n, sources[i]) not in seen:
            seen.add((n, sources[i]))
            side.sources.append(sources[i])
            side.statements.append(Statement(text=spans[i].text, evidence=spans[i]))
    return [
        disputed(
            "quote_wording", f"What exactly did {speakers[first_quote[group[0]]]} say?", [side_of[n] for n in group]
        )
        for group in linked
    ]


_RELATIVE = re.compile(r"\D+")  # a day said without a figure: "today", "on Tuesday", "last night"


def date_mismatches(reports: list[ArticleReport]) -> list[Question]:
    """Mentions of the same happening whose resolved dates cannot both be right. A clause that gives two
    days ("ordered the evacuation on Tuesday and said it would remain until Friday") tells two happenings
    apart, not which of its days another source's mention is about: its mentions are left out. So are
    an article's own date at its top ("Last updated 20:10 BST, 9 September 2025": no happening), and a
    day a quotation names by the day it was said ("we let our customers down today"), which is not known
    to be the day its article came out."""
    days: dict[tuple[str, str], set[str]] = {}
    for r in reports:
        for d in r.dates:
            if d.resolved:
                days.setdefault((r.source.id, d.event), set()).add(d.resolved)
    dated = [
        (r.source.id, d, d.resolved)
        for r in reports
        for quoted in [[(q.evidence.start, q.evidence.end) for q in r.quotes]]
        for d in r.dates
        if d.resolved and len(days[r.source.id, d.event]) == 1 and is_prose(d.event, 1)
        and not (_RELATIVE.fullmatch(d.text) and any(a <= d.evidence.start < b for a, b in quoted))
    ]  # fmt: skip
    sources = [source for source, _, _ in dated]
    dates = [d for _, d, _ in dated]
    resolved = [when for _, _, when in dated]
    words = [tuple(sorted(set(content_words(d.event)))) for d in dates]
    keys = [" ".join(w) for w in words]
    years = [int(when[:4]) for when in resolved]
    groups = Groups(len(dates))
    index = Index()
    worded: dict[str, int] = {}  # key -> the first mention worded so
    for i in range(len(dates)):
        j = worded.setdefault(keys[i], i)
        if j != i and len(words[i]) > 1 and sources[j] != sources[i] and abs(years[i] - years[j]) <= 1:
            groups.join(i, j)  # worded alike: the same happening, and the index has the wording already
            continue
        for j, shared in index.top(words[i], MAX_CANDIDATES):
            if shared < 2:
                break  # the same happening shares two content words at least
            if sources[j] == sources[i] or abs(years[i] - years[j]) > 1:
                continue  # years apart: a past and a coming happening ("last visit" / "next visit")
            if groups.root(j) != groups.root(i) and fuzz.token_set_ratio(
                keys[i], keys[j], score_cutoff=EVENT_SIMILARITY
            ):
                groups.join(i, j)
        index.add(i, words[i])
    found = []
    for group in groups.members():
        sides: dict[str, Answer] = {}  # a date compatible with every mention on its side -> the side
        weekday: dict[str, int | None] = {}  # the side's key -> the weekday its mentions name alone, if they do
        seen: set[tuple[str, str]] = set()
        for i in group:
            date = dates[i]
            named = bare_weekday(date.text)
            key = next(
                (k for k in sides if _compatible(k, resolved[i]) or (named is not None and weekday[k] == named)),
                resolved[i],
            )  # two sources that both say "Wednesday" say the same day, however each was read against its date
            weekday.setdefault(key, named)
            side = sides.setdefault(key, Answer(answer=f"{date.text} ({resolved[i]})", sources=[], statements=[]))
            if (key, sources[i]) not in seen:
                seen.add((key, sources[i]))
                side.sources.append(sources[i])
                side.statements.append(Statement(text=date.text, evidence=date.evidence))
        if len(sides) > 1:
            found.append(disputed("date", f"When: {dates[group[0]].event}?", list(sides.values())))
    return found


def disputed(kind: DisagreementKind, question: str, sides: list[Answer]) -> Question:
    """A disagreement whose sides all conflict with one another, the most reported side first."""
    answers = sorted(sides, key=lambda a: -len(a.sources))
    pairs = [(a, b) for a in range(len(answers)) for b in range(a + 1, len(answers))]
    return Question(question=question, status="disagreement", kind=kind, answers=answers, conflicts=pairs)


def _compatible(a: str, b: str) -> bool:
    """'2023-10' and '2023-10-14' can both be right; '2023-10' and '2023-09' cannot."""
    return a.startswith(b) or b.startswith(a)


# --------------------------------------------------------------------------------------------------
# Entities and the headline
# --------------------------------------------------------------------------------------------------


def canonical_entities(reports: list[ArticleReport]) -> None:
    """Give every spelling of one name the same canonical name and the list of its aliases (in place).

    A spelling joins the first group whose first spelling :func:`same_name` matches (of the same
    kind), or starts a group. Only groups sharing a signature with it can match; each distinct
    spelling is looked up once.
    """
    entities = [e for r in reports for e in r.entities]
    first: list[str] = []  # per group: its first spelling
    group_of: dict[str, int] = {}  # kind and spelling -> group
    by_signature: dict[str, tuple[int, ...]] = {}
    home: list[int] = []  # per entity: its group
    for entity in entities:
        spelling = f"{entity.kind}\n{entity.name}"
        group = group_of.get(spelling)
        if group is None:
            signatures = _signatures(entity.kind, entity.name)
            candidates = sorted({g for s in signatures for g in by_signature.get(s, ())})
            group = next((g for g in candidates if same_name(first[g], entity.name)), None)
            if group is None:
                group = len(first)
                first.append(entity.name)
                for s in signatures:
                    by_signature[s] = by_signature.get(s, ()) + (group,)
            group_of[spelling] = group
        home.append(group)
    # (group, spelling) -> mentions, in order met
    mentions = Counter(zip(home, (e.name for e in entities), strict=True))
    canonical: dict[int, tuple[str, int]] = {}  # group -> its most used spelling (the first met of equals)
    for (group, name), count in mentions.items():
        if group not in canonical or count > canonical[group][1]:
            canonical[group] = (name, count)
    aliases: dict[int, list[str]] = {}  # groups of several spellings -> the others, sorted
    for group, name in sorted(mentions):
        if name != canonical[group][0]:
            aliases.setdefault(group, []).append(name)
    for entity, group in zip(entities, home, strict=True):  # most names have one spelling: left alone
        if entity.name != canonical[group][0]:
            entity.name = canonical[group][0]
        if entity.aliases != aliases.get(group, []):
            entity.aliases = list(aliases.get(group, []))


def _signatures(kind: str, name: str) -> list[str]:
    """Keys that any two names :func:`same_name` matches share: all the tokens, or all but the i-th."""
    tokens = _WORD.findall(name.lower())
    return [f"{kind}\n{' '.join(tokens)}"] + [
        f"{kind}\n{i}\n{' '.join(tokens[:i] + tokens[i + 1 :])}" for i in range(len(tokens))
    ]


def same_name(a: str, b: str) -> bool:
    """'Kim Jong-un' ~ 'Kim Jong Un' ~ 'Kim Jung Un', but not 'Kim Jong-dae'."""
    ta, tb = _WORD.findall(a.lower()), _WORD.findall(b.lower())
    if ta == tb:
        return True
    if len(ta) != len(tb) or not ta:
        return False
    scores = [fuzz.ratio(x, y) for x, y in zip(ta, tb, strict=True)]
    return min(scores) >= 70 and sum(s < 100 for s in scores) <= 1


def _surname(speaker: str) -> str:
    words = _WORD.findall(speaker.lower())
    return words[-1] if words else speaker.lower()
