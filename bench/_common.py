"""Shared helpers for the benchmark scripts: paths, machine description, timing and bound lines.

Every script prints its figures and, for each bound of issue 6, one line of the form

    BOUND <name>: <value> (bound <op> <limit>) MET|MISSED

which ``run_all.py`` collects into its summary. Informational figures are printed as

    FIGURE <name>: <value>

Instrumentation (timers around model calls, request capture) lives in the scripts, never in the
library: the library is measured as shipped.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
ANNOTATED = ROOT / "fixtures" / "annotated"
RECORDING = ROOT / "fixtures" / "recordings" / "seeds-smollm2"

# Measure the checkout, not whatever copy of the package happens to be installed.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# The benchmarks decide their backend themselves: a key or server in the environment must not leak in.
for _name in ("OPENAI_API_KEY", "OPENAI_BASE_URL"):
    os.environ.pop(_name, None)

CACHE_ENV = "SUMMARIZER_CACHE_DIR"
_scratch = Path(tempfile.mkdtemp(prefix="summarizer-bench-"))
# The on-disk cache (summarizer/cache.py) must not answer runs that are meant to call the model: every
# process starts with an empty cache of its own, and ``fresh_cache()`` gives each run a new one.
os.environ[CACHE_ENV] = str(_scratch / "cache-initial")


@contextlib.contextmanager
def fresh_cache() -> Iterator[Path]:
    """Point the cache at a new, empty folder for the duration of one run."""
    folder = Path(tempfile.mkdtemp(prefix="cache-", dir=_scratch))
    before = os.environ.get(CACHE_ENV)
    os.environ[CACHE_ENV] = str(folder)
    try:
        yield folder
    finally:
        if before is None:
            os.environ.pop(CACHE_ENV, None)
        else:
            os.environ[CACHE_ENV] = before


def scratch(name: str) -> Path:
    """A fresh folder under this process's scratch directory (removed at exit)."""
    folder = _scratch / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


def _cleanup() -> None:
    shutil.rmtree(_scratch, ignore_errors=True)


import atexit  # noqa: E402 - registered right after the scratch folder exists

atexit.register(_cleanup)


# --------------------------------------------------------------------------------------------------
# Machine and output
# --------------------------------------------------------------------------------------------------


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def machine() -> dict[str, str]:
    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    return {
        "nproc": str(os.cpu_count()),
        "cpu": cpu_model(),
        "python": platform.python_version(),
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "load average": " ".join(f"{x:.2f}" for x in load),
    }


def header(title: str) -> None:
    print(f"== {title}")
    print("   machine: " + ", ".join(f"{k} {v}" for k, v in machine().items()), flush=True)


def figure(name: str, value: str) -> None:
    print(f"FIGURE {name}: {value}", flush=True)


def bound(name: str, value: float, op: str, limit: float, fmt: str = "{:.3f}", note: str = "") -> bool:
    ok = value <= limit if op == "<=" else value >= limit
    shown = fmt.format(value)
    extra = f" - {note}" if note else ""
    print(f"BOUND {name}: {shown} (bound {op} {fmt.format(limit)}) {'MET' if ok else 'MISSED'}{extra}", flush=True)
    return ok


def note(text: str) -> None:
    print(f"   {text}", flush=True)


def load_is_high() -> bool:
    """Other work on the machine (more runnable processes than cores) disturbs timings."""
    return hasattr(os, "getloadavg") and os.getloadavg()[0] > (os.cpu_count() or 1) + 0.5


# --------------------------------------------------------------------------------------------------
# Model-call accounting at the transport
# --------------------------------------------------------------------------------------------------


@dataclass
class Call:
    body: dict[str, Any]
    seconds: float
    status: int
    usage: dict[str, int]
    content: str


@dataclass
class CallMeter:
    """Times every call the embedded model's transport makes (``summarizer.embedded.complete``)."""

    calls: list[Call] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        return sum(c.seconds for c in self.calls)

    @property
    def completion_tokens(self) -> int:
        return sum(c.usage.get("completion_tokens", 0) for c in self.calls)

    @property
    def prompt_tokens(self) -> int:
        return sum(c.usage.get("prompt_tokens", 0) for c in self.calls)

    def reset(self) -> None:
        self.calls.clear()


@contextlib.contextmanager
def metered() -> Iterator[CallMeter]:
    """Wrap ``summarizer.embedded.complete`` (looked up at call time by ``LlamaTransport``) with a timer."""
    import summarizer.embedded as embedded

    meter = CallMeter()
    original: Callable[..., tuple[int, dict[str, Any]]] = embedded.complete

    def timed(model: Any, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        start = time.perf_counter()
        status, payload = original(model, body)
        seconds = time.perf_counter() - start
        usage = dict(payload.get("usage") or {}) if status == 200 else {}
        try:
            content = payload["choices"][0]["message"]["content"] or ""
        except (KeyError, IndexError, TypeError):
            content = ""
        meter.calls.append(Call(json.loads(json.dumps(body)), seconds, status, usage, content))
        return status, payload

    embedded.complete = timed
    try:
        yield meter
    finally:
        embedded.complete = original


def default_model() -> Any:
    """The embedded model, loaded (once per process) before any timing starts."""
    from summarizer.embedded import DEFAULT_CONTEXT, default_model_path, load_model

    # the same arguments, positionally, as LlamaTransport.model uses: functools.cache keys on them
    model = load_model(str(default_model_path()), DEFAULT_CONTEXT)
    if model not in _closing:
        _closing.append(model)
        atexit.register(model.close)  # before interpreter teardown, where Llama.__del__ fails noisily
    return model


_closing: list[Any] = []


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result
