"""Run every benchmark of issue 6, each in its own process, and summarise the bounds.

    .venv/bin/python bench/run_all.py            # all of them (about 20-40 minutes on 2 cores)
    .venv/bin/python bench/run_all.py merge cache  # only some, by name

Each script prints its figures as it goes; the summary at the end repeats every bound with MET,
MISSED or PENDING. Exit status: 0 if every bound that could be measured is met, 1 if one is missed,
2 if a script failed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _common import header  # noqa: E402

# name -> script; the order puts the cheap, model-free ones first
BENCHMARKS = {
    "startup": "bench_startup.py",
    "merge": "bench_merge.py",
    "concurrency": "bench_concurrency.py",
    "overhead": "bench_overhead.py",
    "tokens": "bench_tokens.py",
    "embedded": "bench_embedded.py",
    "server": "bench_embedded.py server",  # skipped, with a note, without llama-cpp-python[server]
    "cache": "bench_cache.py",
    "feed": "bench_feed.py",
}


def main(argv: list[str]) -> int:
    chosen = argv or list(BENCHMARKS)
    unknown = [name for name in chosen if name not in BENCHMARKS]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}", file=sys.stderr)
        return 2
    header("summarizer benchmarks (issue 6)")
    summary: list[str] = []
    failed: list[str] = []
    for name in chosen:
        print(flush=True)
        start = time.perf_counter()
        script, *arguments = BENCHMARKS[name].split()
        process = subprocess.Popen(
            [sys.executable, str(HERE / script), *arguments], cwd=HERE.parent, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )  # fmt: skip
        assert process.stdout is not None
        for line in process.stdout:
            print(line, end="", flush=True)
            if line.startswith(("BOUND ", "PENDING ")):
                summary.append(line.rstrip())
        code = process.wait()
        print(f"   ({name}: {time.perf_counter() - start:.0f} s)", flush=True)
        if code != 0:
            failed.append(f"{name} (exit {code})")

    print("\n== summary")
    for line in summary:
        print(line)
    for name in failed:
        print(f"FAILED {name}")
    if failed:
        return 2
    return 1 if any(line.endswith("MISSED") or " MISSED " in line for line in summary) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
