"""Startup: `summarize --version` wall time, as a ratio to `python -c pass` measured in the same run.

Bounds:
* ``summarize --version`` answers in <= 0.5 s;
* and in <= 8 times a bare interpreter's start (``python -c pass``), which factors out how busy and
  how fast the machine is: the command itself imports typer and click, not the library, pydantic,
  rich or openai (``tests/test_cli.py`` checks the modules; this measures the time).

Each is run once to warm the file cache, then ``RUNS`` times; the figures are medians. The command is
run as installed would run it, ``python -m summarizer.cli``, on this checkout.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

from _common import ROOT, bound, figure, header, load_is_high, note

RUNS = 7


def wall(argv: list[str]) -> float:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    subprocess.run(argv, check=True, capture_output=True, env=env)  # warm-up
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    header("startup: summarize --version")
    bare = wall([sys.executable, "-c", "pass"])
    version = wall([sys.executable, "-m", "summarizer.cli", "--version"])
    help_ = wall([sys.executable, "-m", "summarizer.cli", "--help"])
    figure("startup.python", f"{bare:.3f} s (python -c pass, median of {RUNS})")
    figure("startup.help", f"{help_:.3f} s (summarize --help)")
    bound("startup.version_seconds", version, "<=", 0.5, "{:.3f}", note=f"median of {RUNS}")
    bound("startup.version_ratio", version / bare, "<=", 8.0, "{:.1f}", note="summarize --version / python -c pass")
    if load_is_high():
        note("the machine is busy: absolute times are high; the ratio is the figure to trust")


if __name__ == "__main__":
    main()
