"""Embedded model: generated tokens per second through the pipeline vs llama-cpp-python called directly.

Bound (issue 6): tokens/s(pipeline) / tokens/s(direct) >= 0.9.

1. ``summarize(seeds)`` runs with the embedded model, the model loaded before the clock starts. Every
   request the in-process transport receives is captured (messages, response_format, temperature,
   max_tokens, seed) together with the completion tokens llama.cpp reports. Pipeline tokens/s = all
   completion tokens / the run's wall time, end to end (everything the pipeline does is in it).
2. The same requests, in the same order, go straight to ``llama_cpp.Llama.create_chat_completion`` on a
   ``Llama`` constructed with the parameters the library uses (n_ctx, n_threads, seed), in a child
   process that does nothing else, on its main thread: llama-cpp-python as a plain script calls it.
   Direct tokens/s = completion tokens / the time spent in those calls. (A process of its own: llama.cpp
   parallelises with OpenMP, which keeps a team of threads per calling thread, and two models called
   from two threads of one process would slow each other down; see ``summarizer/embedded.py``.)

Sampling is greedy (temperature 0, fixed seed), so both sides generate the same tokens; the script
says so when they do not. Other work on the machine comes and goes, so the two sides alternate
(pipeline, direct, pipeline, direct) and the best pass of each is compared; every pass is printed.

``python bench/bench_embedded.py server`` (needs the ``[bench]`` extra: ``pip install -e '.[local,bench]'``) compares
the in-process path with the same GGUF behind ``llama_cpp.server`` on seed 004, bound (performance
issue) wall(embedded) / wall(server) <= 1.0:

3. The pipeline runs seed 004 in-process; its requests are captured.
4. A ``llama_cpp.server`` on loopback (the library's context size, the server's own thread default)
   receives the same requests, with the sampling ``Llama.create_chat_completion`` defaults to — the
   server's request defaults differ (``repeat_penalty`` 1.1 where the in-process default is 1.0), and
   with them SmolLM2 writes another, much shorter answer: that, not the runtime, is what made the
   server look twice as fast. One request is also sent with the server's defaults, to show it.
   Server wall = the time of its answers, client side; embedded wall = the pipeline's whole run.
"""

from __future__ import annotations

import contextlib
import inspect
import multiprocessing as mp
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

from _common import (
    SEEDS,
    Call,
    bound,
    default_model,
    figure,
    fresh_cache,
    header,
    load_is_high,
    metered,
    note,
    scratch,
)

from summarizer import summarize
from summarizer.embedded import DEFAULT_CONTEXT, PASSED, default_model_path, load_model

COMPARED = ("messages", "response_format", "temperature", "max_tokens", "seed")


PASSES = 2  # pipeline, direct, pipeline, direct: the best pass of each side counts


def pipeline_pass() -> tuple[float, list[Call]]:
    with metered() as meter, fresh_cache():
        start = time.perf_counter()
        summarize(SEEDS, model="embedded")
        wall = time.perf_counter() - start
    return wall, [c for c in meter.calls if c.status == 200]


def direct(inbox: Any, out: Any) -> None:
    """In a child process: a Llama of its own; for each list of (request, content) received, report
    seconds in create_chat_completion, tokens generated, and answers differing from the content."""
    from llama_cpp import Llama

    model = Llama(model_path=str(default_model_path()), n_ctx=DEFAULT_CONTEXT, n_threads=os.cpu_count() or 1,
                  seed=0, verbose=False)  # fmt: skip
    while (requests := inbox.get()) is not None:
        seconds, generated, differing = 0.0, 0, 0
        for kwargs, content in requests:
            start = time.perf_counter()
            answer = model.create_chat_completion(**kwargs)
            seconds += time.perf_counter() - start
            generated += answer["usage"]["completion_tokens"]
            differing += answer["choices"][0]["message"]["content"] != content
        out.put((seconds, generated, differing))
    model.close()


def main() -> None:
    header("embedded model: generated tokens/s through the pipeline vs llama-cpp-python directly")
    default_model()
    context = mp.get_context("spawn")
    inbox, out = context.Queue(), context.Queue()
    child = context.Process(target=direct, args=(inbox, out), daemon=True)
    child.start()
    pipeline_rates: list[float] = []
    direct_rates: list[float] = []
    for n in range(1, PASSES + 1):
        wall, calls = pipeline_pass()
        tokens = sum(c.usage.get("completion_tokens", 0) for c in calls)
        pipeline_rates.append(tokens / wall)
        note(f"pass {n} pipeline: {len(calls)} requests, {tokens} tokens generated in {wall:.1f} s wall "
             f"= {tokens / wall:.1f} tokens/s")  # fmt: skip
        inbox.put([({key: c.body[key] for key in COMPARED if key in c.body}, c.content) for c in calls])
        seconds, generated, differing = out.get()
        direct_rates.append(generated / seconds)
        note(
            f"pass {n} direct:   {len(calls)} requests, {generated} tokens generated in {seconds:.1f} s "
            f"= {generated / seconds:.1f} tokens/s; pass ratio {pipeline_rates[-1] / direct_rates[-1]:.3f}"
        )
        if differing:
            note(
                f"{differing} of {len(calls)} direct answers differ from the pipeline's (same request, greedy sampling)"
            )
    inbox.put(None)
    child.join()
    extra = sorted(set(PASSED) - set(COMPARED))
    if any(k in c.body for c in calls for k in extra):
        note(f"the requests also carry {', '.join(extra)}, which this comparison leaves out")
    figure("embedded.pipeline_tokens_per_s", f"{max(pipeline_rates):.1f} (best of {PASSES} passes)")
    figure("embedded.direct_tokens_per_s", f"{max(direct_rates):.1f} (best of {PASSES} passes)")
    bound("embedded.pipeline_over_direct", max(pipeline_rates) / max(direct_rates), ">=", 0.9)
    info = load_model.cache_info()
    figure("embedded.model_loads", f"{info.misses} load by the library in this process, for {2 * len(calls)} "
           "requests (the direct Llama is the child process's own)")  # fmt: skip
    if load_is_high():
        note("load average above the core count during the run: other work shared the CPU")


SERVER_SEED = "004"  # the article of the measurement


def versus_server() -> None:
    header(f"embedded model vs the same GGUF behind llama_cpp.server: wall time on seed {SERVER_SEED}")
    try:
        import httpx2
        import llama_cpp.server.app  # noqa: F401 - its dependencies are the [server] extra's
        from llama_cpp import Llama
    except ImportError as missing:
        note(f"skipped: {missing}; pip install -e '.[local,bench]'")
        return
    default_model()
    folder = scratch("server-seed")
    for path in SEEDS.glob(f"{SERVER_SEED}_*.txt"):
        shutil.copy(path, folder)
    defaults = {k: p.default for k, p in inspect.signature(Llama.create_chat_completion).parameters.items()}
    sampling = {k: defaults[k] for k in ("repeat_penalty", "top_k", "top_p", "min_p")}
    with _server(httpx2) as url:
        embedded_walls, server_walls = [], []
        for n in range(1, PASSES + 1):
            with metered() as meter, fresh_cache():
                start = time.perf_counter()
                summarize(folder, model="embedded", judge=False)
                embedded_walls.append(time.perf_counter() - start)
            calls = [c for c in meter.calls if c.status == 200]
            seconds, generated, differing = 0.0, 0, 0
            for call in calls:
                start = time.perf_counter()
                answer = httpx2.post(url, json=call.body | sampling, timeout=600).json()
                seconds += time.perf_counter() - start
                generated += answer["usage"]["completion_tokens"]
                differing += answer["choices"][0]["message"]["content"] != call.content
            server_walls.append(seconds)
            note(f"pass {n}: embedded {embedded_walls[-1]:.1f} s ({len(calls)} requests, "
                 f"{sum(c.usage.get('completion_tokens', 0) for c in calls)} tokens generated); server "
                 f"{seconds:.1f} s ({generated} tokens generated, {differing} answers differ)")  # fmt: skip
        answer = httpx2.post(url, json=calls[0].body, timeout=600).json()
        note(f"with the server's own sampling defaults the first request gets {answer['usage']['completion_tokens']} "
             f"tokens, against {calls[0].usage.get('completion_tokens')} in-process")  # fmt: skip
    figure("embedded.server_sampling", ", ".join(f"{k}={v}" for k, v in sampling.items()))
    bound("embedded.over_server", min(embedded_walls) / min(server_walls), "<=", 1.0)
    if load_is_high():
        note("load average above the core count during the run: other work shared the CPU")


@contextlib.contextmanager
def _server(httpx2: Any) -> Iterator[str]:
    """``python -m llama_cpp.server`` on a free loopback port, with the library's context size; its
    chat completions URL while it runs."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "llama_cpp.server", "--model", str(default_model_path()), "--seed", "0",
               "--host", "127.0.0.1", "--port", str(port), "--n_ctx", str(DEFAULT_CONTEXT)]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/v1"
    try:
        for _ in range(600):
            try:
                httpx2.get(f"{base}/models", timeout=1)
                break
            except httpx2.HTTPError:
                time.sleep(0.2)
        else:
            raise RuntimeError("llama_cpp.server did not start")
        yield f"{base}/chat/completions"
    finally:
        process.terminate()
        process.wait()


if __name__ == "__main__":
    versus_server() if sys.argv[1:] == ["server"] else main()
