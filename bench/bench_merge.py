"""Merge scale: synthetic per-article reports for 100, 1,000 and 10,000 articles, merged with no model.

Bounds (issue 6): time(10n) / time(n) <= 12 for n = 100 and n = 1,000; 1,000 articles in <= 2 s.

The reports are generated, not extracted, but shaped like the hand-annotated seeds (per article: an
event, 10 entities, 12 claims, 4 quotes, 2 numbers, 5 dates), each item with an evidence span that is
exactly ``article_text[start:end]``. What makes merging hard is how items repeat across articles, so
every kind is drawn from a long-tailed (Pareto) distribution over an unbounded pool, as words are in
real news: a few names, speakers and happenings recur in many articles, and a long tail in few. Of an
article's 12 claims, 4 are among the 8 facts at the heart of the story (so half the articles report each
of them: consensus), 5 come from the long tail and 3 are the article's own. Claims are paraphrased (a
word changed, words reordered), names spelled differently ("Kim Jong-un" / "Kim Jong Un"), quotes worded
differently and some dates disagree, so every part of the merge does real work. The generator is seeded:
every run merges the same reports. The distinct counts are printed with the timings.

``--profile N`` profiles one merge of N articles with cProfile and prints the top functions.
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import gc
import hashlib
import itertools
import multiprocessing as mp
import pickle
import pstats
import queue
import random
import sys
import time
from collections.abc import Callable
from typing import Any

from _common import bound, figure, header, load_is_high, note

from summarizer import align as align_module
from summarizer import compare as compare_module
from summarizer import merge as merge_module
from summarizer.facets import facets
from summarizer.judge import claims_of, published_of
from summarizer.schemas import (
    ArticleReport,
    Evidence,
    GroundedClaim,
    GroundedDate,
    GroundedEntity,
    GroundedFigure,
    GroundedQuote,
    Grounding,
    SourceInfo,
    Usage,
)
from summarizer.text import content_words

SIZES = (100, 1_000, 10_000)
TIME_LIMIT = 600.0  # seconds to generate one size's reports, or for one merge; beyond it, a size is stopped
PER_ARTICLE = {"entities": 10, "claims": 12, "quotes": 4, "numbers": 2, "dates": 5}
CORE_FACTS, CORE_PER_ARTICLE = 8, 4  # each article reports 4 of the 8 facts at the heart of the story

_ONSETS = "b c d f g h k l m n p r s t v w z br ch dr gr kr pl pr sh st tr".split()
_VOWELS = "a e i o u ai ea io ou".split()
_CODAS = ["", "", "n", "r", "s", "l", "m", "t", "nd", "rk", "st"]
_STOP = "the a of to in on at for with by from as and that".split()
_VERBS = "said announced confirmed reported denied visited signed met promised warned agreed rejected".split()
_MONTHS = "January February March April May June July August September October November December".split()


def _word(rng: random.Random) -> str:
    syllables = rng.choices((1, 2, 3), weights=(3, 5, 2))[0]
    return "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(syllables))


class Vocabulary:
    """An unbounded, deterministic vocabulary: item ``k`` is always the same, whatever was drawn before."""

    def __init__(self, seed: int):
        self.seed = seed
        self.words: list[str] = []
        self._rng = random.Random(seed)

    def word(self, k: int) -> str:
        while len(self.words) <= k:
            self.words.append(_word(self._rng))
        return self.words[k]


def tail(rng: random.Random, head: int, alpha: float) -> int:
    """A long-tailed index: about half the draws fall among the first ``head`` items."""
    return int(head * (rng.paretovariate(alpha) - 1.0))


def _seeded(*parts: object) -> random.Random:
    return random.Random(hashlib.blake2b(repr(parts).encode(), digest_size=8).digest())


class World:
    """The pools every article draws from: facts, names, speakers and their remarks, happenings."""

    def __init__(self, seed: int = 6):
        self.seed = seed
        self.vocab = Vocabulary(seed)
        # item k of each pool is derived from (seed, pool, k) alone; memoised for generation speed
        self.fact = functools.cache(self.fact)  # type: ignore[method-assign]
        self.name = functools.cache(self.name)  # type: ignore[method-assign]
        self.remark = functools.cache(self.remark)  # type: ignore[method-assign]
        self.happening = functools.cache(self.happening)  # type: ignore[method-assign]

    def _words(self, *key: object, count: int) -> list[str]:
        rng = _seeded(self.seed, *key)
        return [self.vocab.word(tail(rng, 60, 1.05)) for _ in range(count)]

    def fact(self, k: int) -> list[str]:
        return self._words("fact", k, count=_seeded(self.seed, "n", k).randint(5, 8))

    def name(self, k: int) -> tuple[str, str]:
        rng = _seeded(self.seed, "name", k)
        parts = [self.vocab.word(3000 + rng.randrange(4000)).capitalize() for _ in range(rng.choice((2, 2, 3)))]
        kind = rng.choice(("person", "person", "organization", "place"))
        if len(parts) == 3 and rng.random() < 0.5:  # "Kim Jong-un" style
            return f"{parts[0]} {parts[1]}-{parts[2].lower()}", kind
        return " ".join(parts), kind

    def remark(self, speaker: int, k: int) -> list[str]:
        return self._words("remark", speaker, k, count=_seeded(self.seed, "rn", speaker, k).randint(6, 14))

    def happening(self, k: int) -> tuple[list[str], str]:
        rng = _seeded(self.seed, "when", k)
        words = self._words("happening", k, count=4)
        return words, f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _respell(name: str, rng: random.Random) -> str:
    """Another spelling of a name: a hyphen for a space or the reverse, or one vowel changed."""
    if "-" in name and rng.random() < 0.6:
        return name.replace("-", " ").title() if rng.random() < 0.5 else name.replace("-", " ")
    words = name.split()
    i = rng.randrange(len(words))
    w = words[i]
    vowels = [j for j, ch in enumerate(w) if ch in "aeiou"]
    if vowels:
        j = rng.choice(vowels)
        w = w[:j] + rng.choice([v for v in "aeiou" if v != w[j]]) + w[j + 1 :]
    words[i] = w
    return " ".join(words)


def _paraphrase(words: list[str], rng: random.Random, vocab: Vocabulary) -> list[str]:
    words = list(words)
    if rng.random() < 0.5:
        words[rng.randrange(len(words))] = vocab.word(tail(rng, 60, 1.05))
    if rng.random() < 0.5 and len(words) > 2:
        i = rng.randrange(len(words) - 1)
        words[i], words[i + 1] = words[i + 1], words[i]
    return words


def _sentence(words: list[str], rng: random.Random) -> str:
    out = []
    for w in words:
        if rng.random() < 0.35:
            out.append(rng.choice(_STOP))
        out.append(w)
    return " ".join(out)


class Text:
    """An article's text built sentence by sentence, handing out exact evidence spans."""

    def __init__(self, source: str):
        self.source = source
        self.parts: list[str] = []
        self.length = 0

    def add(self, sentence: str, inner: str | None = None) -> Evidence:
        """Append ``sentence``; the evidence is ``inner`` inside it (or the whole sentence)."""
        start = self.length + (sentence.index(inner) if inner else 0)
        span = inner or sentence
        self.parts.append(sentence)
        self.length += len(sentence) + 1
        return Evidence(source=self.source, start=start, end=start + len(span), text=span)

    @property
    def text(self) -> str:
        return "\n".join(self.parts)


def article(world: World, n: int) -> tuple[ArticleReport, str]:
    """Article ``n`` of the synthetic cluster and its text."""
    rng = _seeded(world.seed, "article", n)
    source = f"a{n:05d}"
    text = Text(source)
    vocab = world.vocab

    event_words = _paraphrase(world.fact(tail(rng, 3, 1.5)), rng, vocab)
    statement = _sentence(event_words, rng).capitalize() + "."
    event = GroundedClaim(statement=statement, topic="What happened?", evidence=text.add(statement))

    entities = []
    for i in range(PER_ARTICLE["entities"]):
        name, kind = world.name(tail(rng, 15, 1.1) if i else 100_000 * (n + 1))  # one name of its own
        shown = _respell(name, rng) if rng.random() < 0.15 else name
        evidence = text.add(f"{shown} {rng.choice(_VERBS)} {_sentence(world.fact(rng.randrange(50)), rng)}.", shown)
        entities.append(GroundedEntity(name=shown, kind=kind, role=vocab.word(rng.randrange(200)), evidence=evidence))

    claims = []
    core = rng.sample(range(CORE_FACTS), k=CORE_PER_ARTICLE)  # what most articles report
    for i in range(PER_ARTICLE["claims"]):
        own = i >= PER_ARTICLE["claims"] - 3  # a quarter of the claims are the article's own
        shared = core[i] if i < len(core) else CORE_FACTS + tail(rng, 30, 1.2)
        k = 1_000_000 * (n + 1) + i if own else shared
        words = world.fact(k) if own else _paraphrase(world.fact(k), rng, vocab)
        sentence = _sentence(words, rng).capitalize() + "."
        claims.append(
            GroundedClaim(
                statement=" ".join(words).capitalize() + ".",
                topic=f"What about {words[0]} {words[-1]}?",
                evidence=text.add(sentence),
            )
        )

    quotes = []
    for _ in range(PER_ARTICLE["quotes"]):
        who = tail(rng, 5, 1.0)
        speaker, _ = world.name(50_000 + who)
        words = world.remark(who, tail(rng, 2, 1.2))
        if rng.random() < 0.3:
            words = _paraphrase(words[:-1] if rng.random() < 0.5 else words, rng, vocab)
        said = " ".join(words).capitalize()
        evidence = text.add(f'{speaker} said: "{said}."', said)
        quotes.append(GroundedQuote(speaker=speaker, text=said, evidence=evidence))

    numbers = []
    for _ in range(PER_ARTICLE["numbers"]):
        value = str(rng.choice((2, 3, 12, 40, 100, 2019, 1500)) * rng.randint(1, 3))
        about = " ".join(world.fact(rng.randrange(80))[:3])
        numbers.append(GroundedFigure(value=value, about=about, evidence=text.add(f"Some {value} {about}.", value)))

    dates = []
    for _ in range(PER_ARTICLE["dates"]):
        k = tail(rng, 10, 1.1)
        words, resolved = world.happening(k)
        if rng.random() < 0.1:  # a source that has the date wrong
            resolved = f"2023-{(int(resolved[5:7]) % 12) + 1:02d}-{resolved[8:]}"
        said = f"{_MONTHS[int(resolved[5:7]) - 1]} {int(resolved[8:])}"
        what = " ".join(_paraphrase(words, rng, vocab))
        evidence = text.add(f"On {said} {what}.", said)
        dates.append(GroundedDate(text=said, event=what, resolved=resolved, evidence=evidence))

    body = text.text
    proposed = 1 + sum(PER_ARTICLE.values())
    report = ArticleReport(
        source=SourceInfo(id=source, path=f"{source}.txt", sha256=hashlib.sha256(body.encode()).hexdigest(),
                          chars=len(body), title=statement, outlet=f"Outlet {n % 97}",
                          published="2023-09-14"),  # fmt: skip
        event=event, entities=entities, claims=claims, quotes=quotes, numbers=numbers, dates=dates,
        grounding=Grounding(proposed=proposed, grounded=proposed, dropped=0), usage=Usage(),
    )  # fmt: skip
    return report, body


def reports(count: int, seed: int = 6) -> list[ArticleReport]:
    world = World(seed)
    made = []
    for n in range(count):
        report, body = article(world, n)
        for item in [report.event, *report.entities, *report.claims, *report.quotes, *report.numbers, *report.dates]:
            ev = item.evidence
            assert body[ev.start : ev.end] == ev.text, (n, ev)
        made.append(report)
    return made


def shape(made: list[ArticleReport]) -> str:
    claims = len({" ".join(sorted(set(content_words(c.statement)))) for r in made for c in r.claims})
    names = len({e.name for r in made for e in r.entities})
    speakers = len({q.speaker for r in made for q in r.quotes})
    dates = sum(len(r.dates) for r in made)
    return f"{claims} distinct claim wordings, {names} spellings of names, {speakers} speakers, {dates} dated mentions"


# --------------------------------------------------------------------------------------------------
# Timing: a process per size, taking turns
# --------------------------------------------------------------------------------------------------

# The parts of merge.merge, timed one by one to show where the time goes.
STAGES: dict[str, Callable[[list[ArticleReport]], Any]] = {
    "canonical_entities": compare_module.canonical_entities,
    "align": lambda made: align_module.align(claims_of(made), published=published_of(made), with_topics=False),
    "quote_variants": compare_module.quote_variants,
    "date_mismatches": compare_module.date_mismatches,
    "headline": merge_module.headline,
}
ROUNDS = 7  # merges timed per size, one per round; the best counts
BIG_ROUNDS = {10_000: 2}  # fewer for the largest size: each of its merges takes over a minute
STAGE_SIZES = (100, 1_000)  # per-stage timings where a round of them takes a second, not a minute


def _serve(count: int, inbox: Any, out: Any) -> None:
    """In a child: generate ``count`` articles' reports, then time what the parent asks for.

    A sample is the total time of :func:`_merges_per_sample` merges, divided by their number: as
    ``timeit`` does, every sample lasts at least :data:`SAMPLE_SECONDS` whatever the size, so that a
    small size is not timed in windows ten times shorter than a large one, where a fast spell of the
    machine shows more. Every merge gets a fresh copy of the same reports (``merge`` renames entities
    in place), so each repeat does the same work, and comes right after an untimed run of the same
    work: the sizes take turns on the same cores, and a small merge after a large one would otherwise
    be timed with the caches full of the other process's data.
    """
    made = reports(count)
    out.put(("shape", shape(made)))
    frozen = pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL)
    del made
    number = 0
    while (ask := inbox.get()) != "stop":
        # chosen once, when the parent has this size's turn: the other sizes are idle meanwhile
        number = number or _merges_per_sample(lambda: _time_one(merge_module.merge, frozen)[0])
        timed = STAGES if ask == "stages" else {"merge": merge_module.merge}
        for name, work in timed.items():
            total = 0.0
            for _ in range(number):
                work(pickle.loads(frozen))  # untimed, so that the timed run finds the CPU caches warm
                seconds, result = _time_one(work, frozen)
                total += seconds
            if name == "merge":
                status = [q.status for q in result.questions]
                name = ", ".join(f"{status.count(s)} {s}" for s in ("consensus", "partial", "disagreement"))
            out.put((name, total / number))
            del result
        out.put(("done", number))


SAMPLE_SECONDS = 0.2  # the shortest sample, as timeit's autorange


def _merges_per_sample(merge_seconds: Callable[[], float]) -> int:
    """1, 2, 5, 10, 20, … merges: the fewest that take :data:`SAMPLE_SECONDS` together (timeit's rule)."""
    for number in (n * scale for scale in (1, 10, 100) for n in (1, 2, 5)):
        if sum(merge_seconds() for _ in range(number)) >= SAMPLE_SECONDS:
            return number
    return number


def _time_one(work: Callable[[list[ArticleReport]], Any], frozen: bytes) -> tuple[float, Any]:
    """Seconds of ``work`` on a fresh copy of the reports, and its result. The statements' facets,
    remembered per process, are forgotten first: a run merges an event once, and pays for them."""
    fresh = pickle.loads(frozen)
    facets.cache_clear()
    gc.collect()
    start = time.perf_counter()
    result = work(fresh)
    return time.perf_counter() - start, result


class _Sizes:
    """One child process per size, each holding its reports; the parent has them take turns.

    Why turns: a shared virtual machine's speed drifts by a third over minutes, and a size timed
    during a slow spell would skew a ratio; round after round, every size meets the same spells. Why
    a process per size: measured here, merely keeping 10,000 articles' reports alive in a process
    slows a merge of 100 articles in it by 13-37%; in use, one process merges one cluster.
    """

    def __init__(self, sizes: tuple[int, ...]):
        context = mp.get_context("fork")
        self.channels = {count: (context.Queue(), context.Queue()) for count in sizes}
        self.children = {
            count: context.Process(target=_serve, args=(count, *self.channels[count]), daemon=True) for count in sizes
        }
        self.number: dict[int, int] = {}
        for child in self.children.values():
            child.start()
        for count in sizes:
            note(f"{count:>6} articles: {self._receive(count, TIME_LIMIT)[1]}")

    def _receive(self, count: int, limit: float) -> tuple[str, Any]:
        return self.channels[count][1].get(timeout=limit)

    def time(self, count: int, ask: str) -> dict[str, float]:
        """Seconds per merge for each thing timed (``ask``: "merge" or "stages"), one sample of ``count``
        articles; under "merges per sample", how many merges the sample took."""
        self.channels[count][0].put(ask)
        times = {}
        while (message := self._receive(count, TIME_LIMIT))[0] != "done":
            times[message[0]] = message[1]
        self.number[count] = message[1]
        return times

    def close(self) -> None:
        for count, child in self.children.items():
            self.channels[count][0].put("stop")
            child.join(timeout=5)
            if child.is_alive():
                child.terminate()


def timed_merges() -> dict[int, list[float]]:
    """Seconds of a merge per size, one sample per round in round order; a size that ran past
    :data:`TIME_LIMIT` is left out."""
    runs: dict[int, list[float]] = {count: [] for count in SIZES}
    stages: dict[int, dict[str, float]] = {count: {} for count in STAGE_SIZES}
    found: dict[int, str] = {}
    sizes = _Sizes(SIZES)
    try:
        for round_ in range(ROUNDS):
            for count in [c for c in runs if round_ < BIG_ROUNDS.get(c, ROUNDS)]:
                try:
                    ((found[count], seconds),) = sizes.time(count, "merge").items()
                except queue.Empty:
                    note(f"{count:>6} articles: a merge ran past {TIME_LIMIT:.0f} s; stopped")
                    sizes.children[count].terminate()
                    del runs[count]
                    continue
                runs[count].append(seconds)
        for _ in range(ROUNDS):
            for count in STAGE_SIZES:
                if count in runs:
                    for name, seconds in sizes.time(count, "stages").items():
                        stages[count][name] = min(seconds, stages[count].get(name, float("inf")))
    finally:
        sizes.close()
    for count, times in runs.items():
        listed = ", ".join(f"{t:.3f}" for t in times)
        note(f"{count:>6} articles: merge {min(times):8.3f} s, best of {len(times)} samples of "
             f"{sizes.number[count]} merge(s) ({listed}); {found[count]}")  # fmt: skip
        if stages.get(count):
            note("        stages: " + ", ".join(f"{k} {v:.3f} s" for k, v in stages[count].items()))
    return runs


def profile(count: int) -> None:
    made = reports(count)
    profiler = cProfile.Profile()
    profiler.enable()
    merge_module.merge(made)
    profiler.disable()
    pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(15)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", type=int, metavar="N", help="profile one merge of N articles instead")
    args = parser.parse_args()
    if args.profile:
        profile(args.profile)
        return

    header("merge scale: synthetic article reports, no model")
    runs = timed_merges()
    times = {count: min(samples) for count, samples in runs.items()}
    for small, large in itertools.pairwise(SIZES):
        if small not in times:
            note(f"time({large})/time({small}): not measured ({small} articles did not finish)")
        elif large not in times:
            bound(f"merge.time{large}_over_time{small}", float("inf"), "<=", 12,
                  fmt="{:.1f}", note=f"{large} articles did not finish within {TIME_LIMIT:.0f} s")  # fmt: skip
        else:
            # each size's best over the rounds both ran: the best of 7 samples against the best of 2 would
            # favour the size sampled more often, on a machine whose speed drifts by half between samples
            both = min(len(runs[small]), len(runs[large]))
            ratio = min(runs[large][:both]) / min(runs[small][:both])
            bound(
                f"merge.time{large}_over_time{small}", ratio, "<=", 12, fmt="{:.1f}", note=f"best of {both} rounds each"
            )
            note(f"time({large})/time({small}), each size's best of all its rounds: {times[large] / times[small]:.1f}")
    bound("merge.seconds_1000", times.get(1_000, float("inf")), "<=", 2.0, fmt="{:.2f}")
    for count, seconds in times.items():
        figure(f"merge.seconds_{count}", f"{seconds:.3f}")
    if load_is_high():
        note("load average above the core count during the run: other work shared the CPU")


if __name__ == "__main__":
    main()
