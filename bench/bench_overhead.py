"""Overhead: time the pipeline spends outside model calls, and the replayed seeds end to end.

Bounds (issue 6):
* on the seeds with the embedded model, time outside model calls <= 5% of the total;
* the replayed seeds (``fixtures/recordings/seeds-smollm2``) end to end in <= 1 s in-process, after
  imports.

Model time is measured at the transport: ``summarizer.embedded.complete``, which the in-process
transport calls once per request, is wrapped with a timer by this script (the library has no timing
code). The model is loaded before the clock starts; its load time is printed on its own, and the
run confirms it is not loaded again (``load_model`` is cached per process). Every run gets an empty
on-disk cache, so the model is really called and the replay really replays.

The replay is run once to warm up (first-use imports, regex compilation, vcrpy's cassette parsing
caches), then five times; the figure is the median.
"""

from __future__ import annotations

import statistics
import time

from _common import (
    RECORDING,
    SEEDS,
    bound,
    default_model,
    figure,
    fresh_cache,
    header,
    load_is_high,
    metered,
    note,
    timed,
)

from summarizer import summarize
from summarizer.embedded import load_model

REPLAYS = 5


def embedded_overhead() -> None:
    load_seconds, _ = timed(default_model)
    figure("overhead.model_load", f"{load_seconds:.2f} s (once per process, before timing)")
    with metered() as meter, fresh_cache():
        total, report = timed(lambda: summarize(SEEDS, model="embedded"))
    model = meter.seconds
    outside = total - model
    articles = sum(s.usage.calls for s in report.sources)
    note(f"embedded run of the seeds: {total:.1f} s wall, {len(meter.calls)} model calls "
         f"({articles} extraction, {report.judge_usage.calls} judge) taking {model:.1f} s; "
         f"outside model calls {outside:.2f} s")  # fmt: skip
    slowest = max(meter.calls, key=lambda c: c.seconds)
    each = ", ".join(f"{c.seconds:.1f} s/{c.usage.get('completion_tokens', 0)} tok" for c in meter.calls)
    note(f"calls (time/generated tokens): {each}; slowest {slowest.seconds:.1f} s")
    info = load_model.cache_info()
    figure("overhead.model_loads", f"{info.misses} load(s) for {len(meter.calls)} calls in this process "
           f"(cache hits {info.hits}, models held {info.currsize})")  # fmt: skip
    if info.misses != 1:
        note("the embedded model was loaded more than once in this process")
    figure("overhead.outside_model_seconds", f"{outside:.2f} s of {total:.1f} s")
    bound("overhead.outside_model_share", outside / total, "<=", 0.05, fmt="{:.4f}")


def replay_overhead() -> None:
    if not (RECORDING / "exchanges.yaml").is_file():
        note(f"no recording at {RECORDING}: cannot measure the replay")
        bound("overhead.replay_seconds", float("inf"), "<=", 1.0, fmt="{:.2f}", note="recording missing")
        return

    def replay() -> float:
        with fresh_cache():
            start = time.perf_counter()
            summarize(SEEDS, replay_from=RECORDING)
            return time.perf_counter() - start

    warm = replay()
    runs = [replay() for _ in range(REPLAYS)]
    note(f"replay of {RECORDING.name}: warm-up {warm:.3f} s, then " + ", ".join(f"{r:.3f}" for r in runs) + " s")
    figure("overhead.replay_min", f"{min(runs):.3f} s")
    bound("overhead.replay_seconds", statistics.median(runs), "<=", 1.0, fmt="{:.2f}", note=f"median of {REPLAYS}")


def main() -> None:
    header("overhead: time outside model calls (embedded model) and the replayed seeds")
    replay_overhead()
    embedded_overhead()
    if load_is_high():
        note("load average above the core count during the run: other work shared the CPU")


if __name__ == "__main__":
    main()
