"""Merge: many grounded article reports into one event report.

Deterministic and near-linear in the number of items (no model calls):

* **Facts** — claims of different sources saying the same thing are aligned by the overlap of their
  content words. Candidates come from an inverted index of those words, so each claim is compared with
  a bounded number of facts, never with all of them. A fact reported by at least half of the sources
  (and two or more) is *consensus*; the rest are *partial*.
* **Disagreements** — quotes of one speaker whose wording differs (``quote_wording``), and date
  mentions about the same happening that resolve to incompatible dates (``date``).
* **Entities** — spellings of one name ("Kim Jong-un", "Kim Jong Un", "Kim Jung Un") become one entity
  with aliases.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from summarizer.schemas import ArticleReport, Disagreement, Evidence, Fact, GroundedEntity, Side

FACT_SIMILARITY = 62.0  # token_set_ratio of content words for two claims to state one fact
QUOTE_SIMILARITY = 55.0  # below this, two quotes of one speaker are different remarks, not variants
EVENT_SIMILARITY = 80.0  # for two date mentions to be about the same happening
MAX_CANDIDATES = 24  # facts compared per claim, the ones sharing most words

_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    "the a an and or but of to in on at for with by from as is are was were be been being has have had "
    "that this it its his her their they he she we you not no will would said says also after before "
    "into than then there which who whom what when where while about over more most other some such".split()
)


def content_words(text: str) -> list[str]:
    """Lower-case content words, crudely stemmed (first six letters), typographic marks folded."""
    folded = text.lower().replace("’", "'").replace("-", " ")
    return [w[:6] for w in _WORD.findall(folded) if w not in _STOP and len(w) > 1]


@dataclass
class _Fact:
    words: set[str]
    key: str
    members: list[tuple[str, str, str, Evidence]] = field(default_factory=list)  # source, statement, topic, ev

    @property
    def sources(self) -> list[str]:
        return sorted({m[0] for m in self.members})


def align_claims(reports: list[ArticleReport]) -> list[_Fact]:
    """Group claims that state the same fact, comparing each claim with a bounded set of candidates."""
    facts: list[_Fact] = []
    index: dict[str, list[int]] = defaultdict(list)
    for report in reports:
        for claim in report.claims:
            words = content_words(claim.statement)
            key = " ".join(sorted(set(words)))
            shared: Counter[int] = Counter(i for w in set(words) for i in index.get(w, ()))
            best, best_score = None, FACT_SIMILARITY
            for candidate, _ in shared.most_common(MAX_CANDIDATES):
                score = fuzz.token_set_ratio(key, facts[candidate].key)
                if score >= best_score:
                    best, best_score = candidate, score
            if best is None:
                best = len(facts)
                facts.append(_Fact(set(words), key))
                for w in set(words):
                    index[w].append(best)
            facts[best].members.append((report.source.id, claim.statement, claim.topic, claim.evidence))
    return facts


def _as_fact(fact: _Fact) -> Fact:
    source, statement, topic, _ = fact.members[0]
    seen: set[str] = set()
    evidence = []
    for member_source, _, _, span in fact.members:
        if member_source not in seen:
            seen.add(member_source)
            evidence.append(span)
    return Fact(statement=statement, topic=topic, sources=fact.sources, evidence=evidence)


def quote_variants(reports: list[ArticleReport]) -> list[Disagreement]:
    """The same speaker quoted in different words by different sources."""
    by_speaker: dict[str, list[tuple[str, str, Evidence]]] = defaultdict(list)
    for report in reports:
        for quote in report.quotes:
            by_speaker[_surname(quote.speaker)].append((report.source.id, quote.speaker, quote.evidence))
    found = []
    for quotes in by_speaker.values():
        used: set[int] = set()
        for i, (source_a, speaker, span_a) in enumerate(quotes):
            if i in used:
                continue
            a = _fold(span_a.text)
            sides = {a: Side(answer=span_a.text, sources=[source_a], evidence=[span_a])}
            for j in range(i + 1, len(quotes)):
                source_b, _, span_b = quotes[j]
                b = _fold(span_b.text)
                if source_b == source_a or fuzz.token_set_ratio(a, b) < QUOTE_SIMILARITY or a in b or b in a:
                    continue
                used.add(j)
                side = sides.setdefault(b, Side(answer=span_b.text, sources=[], evidence=[]))
                if source_b not in side.sources:
                    side.sources.append(source_b)
                    side.evidence.append(span_b)
            if len(sides) > 1:
                found.append(
                    Disagreement(kind="quote_wording", question=f"What exactly did {speaker} say?", sides=list(sides.values()))
                )
    return found


def date_mismatches(reports: list[ArticleReport]) -> list[Disagreement]:
    """Mentions of the same happening whose resolved dates cannot both be right."""
    mentions = [
        (report.source.id, date)
        for report in reports
        for date in report.dates
        if date.resolved
    ]
    found = []
    used: set[int] = set()
    for i, (source_a, a) in enumerate(mentions):
        if i in used:
            continue
        sides = {a.resolved: Side(answer=f"{a.text} ({a.resolved})", sources=[source_a], evidence=[a.evidence])}
        for j in range(i + 1, len(mentions)):
            source_b, b = mentions[j]
            if source_b == source_a or not _same_happening(a.event, b.event):
                continue
            if abs(int(a.resolved[:4]) - int(b.resolved[:4])) > 1:
                continue  # years apart: a past and a coming happening ("last visit" / "next visit")
            used.add(j)
            key = next((k for k in sides if _compatible(k, b.resolved)), b.resolved)
            side = sides.setdefault(key, Side(answer=f"{b.text} ({b.resolved})", sources=[], evidence=[]))
            if source_b not in side.sources:
                side.sources.append(source_b)
                side.evidence.append(b.evidence)
        if len(sides) > 1:
            found.append(Disagreement(kind="date", question=f"When: {a.event}?", sides=list(sides.values())))
    return found


def _same_happening(a: str, b: str) -> bool:
    words_a, words_b = set(content_words(a)), set(content_words(b))
    if len(words_a & words_b) < 2:
        return False
    return fuzz.token_set_ratio(" ".join(sorted(words_a)), " ".join(sorted(words_b))) >= EVENT_SIMILARITY


def _compatible(a: str, b: str) -> bool:
    """'2023-10' and '2023-10-14' can both be right; '2023-10' and '2023-09' cannot."""
    return a.startswith(b) or b.startswith(a)


def canonical_entities(reports: list[ArticleReport]) -> None:
    """Give every spelling of one name the same canonical name and the list of its aliases (in place)."""
    groups: list[list[GroundedEntity]] = []
    for entity in (e for r in reports for e in r.entities):
        home = next((g for g in groups if g[0].kind == entity.kind and same_name(g[0].name, entity.name)), None)
        if home is None:
            groups.append([entity])
        else:
            home.append(entity)
    for group in groups:
        spellings = Counter(e.name for e in group)
        name = spellings.most_common(1)[0][0]
        for entity in group:
            entity.name = name
            entity.aliases = sorted(s for s in spellings if s != name)


def same_name(a: str, b: str) -> bool:
    """'Kim Jong-un' ~ 'Kim Jong Un' ~ 'Kim Jung Un', but not 'Kim Jong-dae'."""
    ta, tb = _WORD.findall(a.lower()), _WORD.findall(b.lower())
    if ta == tb:
        return True
    if len(ta) != len(tb) or not ta:
        return False
    scores = [fuzz.ratio(x, y) for x, y in zip(ta, tb, strict=True)]
    return min(scores) >= 70 and sum(s < 100 for s in scores) <= 1


def headline(reports: list[ArticleReport]) -> str:
    """The event as the most typical source describes it (the one closest to all the others)."""
    events = [r.event.statement for r in reports if r.event]
    if not events:
        return "No source described the event in a way that could be traced to its text."
    keys = [" ".join(content_words(e)) for e in events]
    return max(zip(events, keys, strict=True), key=lambda ek: sum(fuzz.token_set_ratio(ek[1], k) for k in keys))[0]


def merge(reports: list[ArticleReport]) -> tuple[str, list[Fact], list[Fact], list[Disagreement]]:
    """(event, consensus, partial, disagreements) for the reports of one event."""
    canonical_entities(reports)
    threshold = max(2, -(-len(reports) // 2))
    consensus, partial = [], []
    for fact in align_claims(reports):
        (consensus if len(fact.sources) >= threshold else partial).append(_as_fact(fact))
    consensus.sort(key=lambda f: -len(f.sources))
    partial.sort(key=lambda f: -len(f.sources))
    disagreements = quote_variants(reports) + date_mismatches(reports)
    return headline(reports), consensus, partial, disagreements


def _surname(speaker: str) -> str:
    words = _WORD.findall(speaker.lower())
    return words[-1] if words else speaker.lower()


def _fold(text: str) -> str:
    return " ".join(_WORD.findall(text.lower().replace("’", "'")))

