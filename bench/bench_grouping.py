"""Grouping small inputs: how often a folder of one event is split, and two or three events are merged.

The invented events of the tests (``tests/data/*/articles``, ``tests/data/small-folders/*``, the test feed's
two events) and the seeds, grouped (:func:`summarizer.events.group_articles`, no model) at each threshold
given, as every input of at most :data:`summarizer.events.SMALL_INPUT` articles is: each folder alone (split:
more than one event), every pair of folders mixed (merged: one event holds articles of both), and 150 seeded
random triples of folders of at most 14 articles in all (merged, or split: more events than folders). A
measure of quality, not of speed; not in ``run_all.py``.

    .venv/bin/python bench/bench_grouping.py [THRESHOLD ...]     # default: 0.55 0.45 0.40 0.35
"""

from __future__ import annotations

import itertools
import random
import sys

from _common import ROOT, SEEDS, figure, header

import summarizer.events as events
from summarizer.load import Article, load_folder

TRIPLES, MAX_TRIPLE_ARTICLES = 150, 14


def folders() -> dict[str, list[Article]]:
    data = ROOT / "tests" / "data"
    paths = {"seeds": SEEDS} | {p.parent.name: p for p in sorted(data.glob("*/articles"))}
    paths |= {p.name: p for p in sorted((data / "small-folders").iterdir()) if p.is_dir()}
    paths |= {f"feed-{p.name}": p for p in sorted((data / "feed").iterdir()) if p.is_dir()}
    return {name: load_folder(path).articles for name, path in paths.items()}


def grouped(articles: list[Article], threshold: float) -> list[list[int]]:
    events.SMALL_THRESHOLD = events.THRESHOLD = threshold  # every input read as a small one is, at this threshold
    return events.group_articles(articles).events


def main(args: list[str]) -> None:
    thresholds = [float(a) for a in args] or [0.55, 0.45, 0.40, 0.35]
    header("grouping small inputs: folders alone, pairs and triples of folders mixed")
    found = folders()
    names = sorted(found)
    rng = random.Random(1)
    triples = [t for t in (tuple(rng.sample(names, 3)) for _ in range(TRIPLES))
               if sum(len(found[k]) for k in t) <= MAX_TRIPLE_ARTICLES]  # fmt: skip
    for threshold in thresholds:
        split = [k for k in names if len(grouped(found[k], threshold)) > 1]
        merged_pairs = []
        for pair in itertools.combinations(names, 2):
            label = [k for k in pair for _ in found[k]]
            if any(len({label[i] for i in e}) > 1 for e in grouped([a for k in pair for a in found[k]], threshold)):
                merged_pairs.append("+".join(pair))
        merged_triples = split_triples = 0
        for triple in triples:
            label = [k for k in triple for _ in found[k]]
            got = grouped([a for k in triple for a in found[k]], threshold)
            merged_triples += any(len({label[i] for i in e}) > 1 for e in got)
            split_triples += len(got) > 3
        figure(f"threshold {threshold:.2f}: folders split", f"{len(split)} of {len(names)} {split}")
        figure(
            f"threshold {threshold:.2f}: pairs merged",
            f"{len(merged_pairs)} of {len(names) * (len(names) - 1) // 2} {merged_pairs}",
        )
        figure(
            f"threshold {threshold:.2f}: triples", f"{merged_triples} merged, {split_triples} split, of {len(triples)}"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
