"""Cache: a second ``summarize seeds/`` with unchanged inputs makes no model call and takes little time.

Bounds (issue 6), embedded model: * the second run makes 0 model calls; * its wall time is <= 5% of the
first run's.

The on-disk cache (``summarizer/cache.py``) is on by default in the ``summarize`` command (folder:
``--cache-dir``, else ``$SUMMARIZER_CACHE_DIR``, else the user cache folder; ``--no-cache`` turns it
off) and off by default in the library (``summarize(..., cache=True | path)``). Both in-process runs
here pass ``cache=<folder>`` with one new, empty temporary folder. Model calls are counted at the
embedded transport (``summarizer.embedded.complete``, wrapped by this script). The model is loaded
before the first run's clock starts, which makes the first run shorter and the bound harder, not easier.
The two runs are in one process (after imports); a third run goes through the ``summarize`` command in a
new process on the same cache folder, to show what a user sees, interpreter start and imports included.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import time

from _common import (
    ANNOTATED,
    CACHE_ENV,
    ROOT,
    SEEDS,
    bound,
    default_model,
    figure,
    fresh_cache,
    header,
    load_is_high,
    note,
)


def pending() -> bool:
    if importlib.util.find_spec("summarizer.cache") is None:
        print("PENDING cache: summarizer/cache.py does not exist yet; nothing to measure", flush=True)
        return True
    return False


def _comparable(report: object) -> object:
    """The report without what must differ between a fresh and a cached run (run info, cached flags)."""

    def strip(value: object) -> object:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k != "cached"}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    return strip(report.model_dump(exclude={"run"}))  # type: ignore[attr-defined]


def judged_requests() -> None:
    """The same two runs with answers that ground (the hand-annotated extractions, served on loopback):
    the judge step then has facts from several sources to ask about, and its answers are cached too."""
    from bench_concurrency import AnnotatedServer

    from summarizer import summarize
    from summarizer.annotated import load_annotation, to_summary
    from summarizer.load import load_folder

    answers = {a.id: to_summary(load_annotation(ANNOTATED / f"{a.id}.json"), a.document).model_dump_json()
               for a in load_folder(SEEDS).articles}  # fmt: skip
    counts = []
    with fresh_cache() as folder, AnnotatedServer(answers, delay=0.0) as server:
        for _ in range(2):
            server.reset()
            summarize(SEEDS, model="bench-annotated", base_url=server.base_url, cache=folder)
            counts.append((server.requests, server.unknown))
    (first, first_judge), (second, second_judge) = counts
    figure("cache.with_grounding_answers.second_run_requests",
           f"{second} ({second_judge} judge) after {first} ({first_judge} judge) in the first run - hand-annotated "
           "answers on loopback, judge on")  # fmt: skip


def main() -> None:
    header("cache: second summarize of unchanged seeds (embedded model)")
    if pending():
        return
    from _common import metered

    from summarizer import summarize

    default_model()
    with fresh_cache() as folder, metered() as meter:
        start = time.perf_counter()
        first = summarize(SEEDS, model="embedded", cache=folder)
        first_wall = time.perf_counter() - start
        first_calls = len(meter.calls)
        stored = sum(1 for p in folder.rglob("*") if p.is_file())
        meter.reset()
        start = time.perf_counter()
        second = summarize(SEEDS, model="embedded", cache=folder)
        second_wall = time.perf_counter() - start
        second_calls = len(meter.calls)

        report = folder / "cli-report.json"
        env = {**os.environ, CACHE_ENV: str(folder)}
        command = [sys.executable, "-c", "from summarizer.cli import main; main()", str(SEEDS), "--model", "embedded",
                   "--cache-dir", str(folder), "--format", "json", "-q", "-o", str(report)]  # fmt: skip
        start = time.perf_counter()
        cli = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
        cli_wall = time.perf_counter() - start

    note(f"first run:  {first_wall:7.2f} s, {first_calls} model calls; {stored} file(s) written to the cache folder")
    note(f"second run: {second_wall:7.3f} s, {second_calls} model calls")
    if stored == 0:
        note("nothing was written to the cache folder: the cache is off")
    cached = sum(1 for s in second.sources if getattr(s, "cached", False))
    note(f"second run: {cached} of {len(second.sources)} articles from the cache; judge requests: "
         f"first run {first.judge_usage.calls}, second run {second.judge_usage.calls}")  # fmt: skip
    same = _comparable(first) == _comparable(second)
    figure("cache.second_report_equal_to_first", "yes" if same else "no (the cached report differs from the first)")
    if cli.returncode == 0:
        figure("cache.cli_second_run", f"{cli_wall:.2f} s in a new process (interpreter start and imports "
               f"included) = {cli_wall / first_wall:.3f} of the first run")  # fmt: skip
    else:
        note(f"the summarize command failed (exit {cli.returncode}): {cli.stderr.strip()[-300:]}")
    bound("cache.second_run_model_calls", second_calls, "<=", 0, fmt="{:.0f}")
    bound("cache.second_over_first", second_wall / first_wall, "<=", 0.05, fmt="{:.4f}")
    judged_requests()
    if load_is_high():
        note("load average above the core count during the run: other work shared the CPU")


if __name__ == "__main__":
    main()
