"""The feed: 200 events x 5 articles through one session, and grouping 10,000 articles.

Bounds (feed issue):

* 200 events x 5 articles (``--per-folder``: each folder a copy of the five seeds with a closing line
  naming its copy) against a loopback server answering every request after 0.5 s, concurrency 64,
  judge on: wall <= 1.3 x (requests x 0.5 s / 64), requests counted by the server.
* Grouping (:func:`summarizer.events.group_articles`, no model) of 10,000 articles <= 10 s, and
  time(10,000) / time(1,000) <= 12. The articles are synthetic (seeded): 5 per event, each event with
  invented names, place and subject, told in varied words and dated within a few days. A name is 3 or
  4 syllables of 20 (168,000 names): with 2 or 3 (8,400, of them only 400 of two syllables) every
  two-syllable name was shared by about 10 unrelated events at 10,000 articles and by about 1 at
  1,000, so the two sizes were feeds of different kinds, not one kind at two scales.

    .venv/bin/python bench/bench_feed.py [run|group]
"""

from __future__ import annotations

import logging
import random
import sys
import time
from pathlib import Path

from _common import ANNOTATED, SEEDS, bound, figure, fresh_cache, header, note, scratch
from bench_concurrency import AnnotatedServer

from summarizer.annotated import load_annotation, to_summary
from summarizer.feed import summarize_feed
from summarizer.load import Article, load_folder

EVENTS, PER_EVENT, DELAY, CONCURRENCY = 200, 5, 0.5, 64


def make_root(root: Path) -> dict[str, str]:
    """``EVENTS`` subfolders of seed copies; returns article id -> the seed's annotated answer."""
    seeds = sorted(SEEDS.glob("*.txt"))
    for n in range(EVENTS):
        folder = root / f"event{n:03d}"
        folder.mkdir(parents=True)
        for seed in seeds[:PER_EVENT]:
            text = seed.read_text(encoding="utf-8").rstrip()
            (folder / f"{seed.stem}-e{n:03d}.txt").write_text(f"{text}\n\nFeed copy {n:03d}.\n", encoding="utf-8")
    answers = {}
    for folder in sorted(root.iterdir()):
        for article in load_folder(folder).articles:
            seed = article.id.rsplit("-e", 1)[0]
            answers[article.id] = to_summary(load_annotation(ANNOTATED / f"{seed}.json"), article.document)
    return {k: v.model_dump_json() for k, v in answers.items()}


def bench_run() -> None:
    root = scratch("feed-root")
    answers = make_root(root)
    note(f"{EVENTS} events x {PER_EVENT} articles, server delay {DELAY} s, concurrency {CONCURRENCY}")
    with AnnotatedServer(answers, delay=DELAY) as server, fresh_cache():
        start = time.perf_counter()
        feed = summarize_feed(root, per_folder=True, model="bench-annotated", base_url=server.base_url,
                              concurrency=CONCURRENCY, cache=True)  # fmt: skip
        wall = time.perf_counter() - start
    requests = server.requests
    assert len(feed.events) == EVENTS and all(e.report is not None and not e.report.failed for e in feed.events)
    ideal = requests * DELAY / CONCURRENCY
    figure("feed requests", f"{requests} ({EVENTS * PER_EVENT} extraction, {requests - EVENTS * PER_EVENT} judge)")
    figure("feed peak requests in flight", str(server.peak))
    figure("feed wall", f"{wall:.1f} s; ideal {ideal:.1f} s (requests x {DELAY} s / {CONCURRENCY})")
    bound("feed wall / ideal", wall / ideal, "<=", 1.3)


def synthetic(count: int, seed: int = 0) -> list[Article]:
    rng = random.Random(seed)
    syllables = "ka lo mi ra ten vu sel dor an bri qua zen fal mor tis ul ven cho pri gar".split()

    def name() -> str:
        return "".join(rng.choice(syllables) for _ in range(rng.randint(3, 4))).capitalize()

    subjects = [("strike", "workers walked out over pay at the {p} plant", "The union said the stoppage would last"),
                ("flood", "floods forced thousands from their homes around {p}", "Rescue teams said the river"),
                ("election", "voters in {p} chose a new mayor after a close race", "Officials said turnout was"),
                ("fire", "a fire destroyed a warehouse on the edge of {p}", "Firefighters said the blaze"),
                ("trial", "a court in {p} opened the trial of a former minister", "Prosecutors said the case"),
                ("merger", "two companies based in {p} agreed to merge", "Analysts said the deal")]  # fmt: skip
    articles = []
    base = 738000  # a day number: the events are spread over two years
    for event in range((count + PER_EVENT - 1) // PER_EVENT):
        place, person, group = name(), f"{name()} {name()}", f"{name()} {rng.choice(['Union', 'Group', 'Council'])}"
        kind, lead, follow = rng.choice(subjects)
        day = base + rng.randint(0, 730)
        weekday, surprise = rng.choice(["Monday", "Tuesday", "Friday"]), rng.choice(["this", "it", "such news"])
        for k in range(PER_EVENT):
            date = time.strftime("%d %B %Y", time.gmtime((day + rng.randint(0, 3) - 719163) * 86400))
            text = (f"{place} {kind}: {person} speaks as {group} responds\n\n{date}\n\n"
                    f"{lead.format(p=place).capitalize()}, {person} of the {group} said on {weekday}. "
                    f"{follow} {rng.randint(2, 90)} people were affected, according to the {group}. "
                    f"Residents of {place} told reporters they had not expected {surprise}. "
                    f"Version {k} of the story, item {event}.")  # fmt: skip
            articles.append(Article(Path(f"e{event}-{k}.txt"), text))
    return articles[:count]


def bench_group() -> None:
    from summarizer.embed import WordLlama
    from summarizer.events import group_articles

    WordLlama().embed(["warm up"])
    times = {}
    for n in (1_000, 10_000):
        articles = synthetic(n)
        for a in articles:
            _ = a.document.sentences  # the loader's work, not the grouping's
        samples = []
        for _ in range(3):  # best of 3, as timeit takes the best of its runs: the machine is shared
            start = time.perf_counter()
            grouping = group_articles(articles)
            samples.append(time.perf_counter() - start)
        times[n] = min(samples)
        truth = {a.id.split("-")[0] for a in articles}
        exact = sum(len({articles[i].id.split("-")[0] for i in e}) == 1 for e in grouping.events)
        figure(f"grouping {n:,} articles", f"{times[n]:.2f} s; {len(grouping.events)} events found "
               f"({len(truth)} true), {exact} of them pure")  # fmt: skip
    bound("grouping 10,000 articles (s)", times[10_000], "<=", 10.0, "{:.2f}")
    bound("grouping time(10,000) / time(1,000)", times[10_000] / times[1_000], "<=", 12.0, "{:.1f}")


def main(argv: list[str]) -> None:
    logging.getLogger("httpx2").setLevel(logging.WARNING)  # a line per request otherwise, where logging is set up
    header("feed: 200 events x 5 articles, and grouping 10,000 articles")
    chosen = argv or ["group", "run"]
    if "group" in chosen:
        bench_group()
    if "run" in chosen:
        bench_run()


if __name__ == "__main__":
    main(sys.argv[1:])
