"""Embedded model: generated tokens per second through the pipeline vs llama-cpp-python called directly.

Bound (issue 6): tokens/s(pipeline) / tokens/s(direct) >= 0.9.

1. ``summarize(seeds)`` runs with the embedded model, the model loaded before the clock starts. Every
   request the in-process transport receives is captured (messages, response_format, temperature,
   max_tokens, seed) together with the completion tokens llama.cpp reports. Pipeline tokens/s = all
   completion tokens / the run's wall time, end to end (everything the pipeline does is in it).
2. The same requests, in the same order, go straight to ``llama_cpp.Llama.create_chat_completion`` on a
   ``Llama`` this script constructs itself with the parameters the library uses (n_ctx, n_threads,
   seed). Direct tokens/s = completion tokens / the time spent in those calls.

Sampling is greedy (temperature 0, fixed seed), so both sides generate the same tokens; the script
says so when they do not. Other work on the machine comes and goes, so the two sides alternate
(pipeline, direct, pipeline, direct) and the best pass of each is compared; every pass is printed.
"""

from __future__ import annotations

import os
import time
from typing import Any

from _common import SEEDS, Call, bound, default_model, figure, fresh_cache, header, load_is_high, metered, note

from summarizer import summarize
from summarizer.embedded import DEFAULT_CONTEXT, PASSED, default_model_path, load_model

COMPARED = ("messages", "response_format", "temperature", "max_tokens", "seed")


PASSES = 2  # pipeline, direct, pipeline, direct: the best pass of each side counts


def pipeline_pass() -> tuple[float, list[Call]]:
    with metered() as meter, fresh_cache():
        start = time.perf_counter()
        summarize(SEEDS)
        wall = time.perf_counter() - start
    return wall, [c for c in meter.calls if c.status == 200]


def direct_pass(model: Any, calls: list[Call]) -> tuple[float, int, int]:
    """Seconds in create_chat_completion, tokens generated, answers that differ from the pipeline's."""
    seconds = 0.0
    generated = 0
    differing = 0
    for call in calls:
        kwargs = {key: call.body[key] for key in COMPARED if key in call.body}
        start = time.perf_counter()
        answer = model.create_chat_completion(**kwargs)
        seconds += time.perf_counter() - start
        generated += answer["usage"]["completion_tokens"]
        differing += answer["choices"][0]["message"]["content"] != call.content
    return seconds, generated, differing


def main() -> None:
    header("embedded model: generated tokens/s through the pipeline vs llama-cpp-python directly")
    default_model()
    from llama_cpp import Llama

    direct_model = Llama(model_path=str(default_model_path()), n_ctx=DEFAULT_CONTEXT, n_threads=os.cpu_count() or 1,
                         seed=0, verbose=False)  # fmt: skip
    pipeline_rates: list[float] = []
    direct_rates: list[float] = []
    for n in range(1, PASSES + 1):
        wall, calls = pipeline_pass()
        tokens = sum(c.usage.get("completion_tokens", 0) for c in calls)
        pipeline_rates.append(tokens / wall)
        note(f"pass {n} pipeline: {len(calls)} requests, {tokens} tokens generated in {wall:.1f} s wall "
             f"= {tokens / wall:.1f} tokens/s")  # fmt: skip
        seconds, generated, differing = direct_pass(direct_model, calls)
        direct_rates.append(generated / seconds)
        note(f"pass {n} direct:   {len(calls)} requests, {generated} tokens generated in {seconds:.1f} s "
             f"= {generated / seconds:.1f} tokens/s; pass ratio {pipeline_rates[-1] / direct_rates[-1]:.3f}")  # fmt: skip
        if differing:
            note(f"{differing} of {len(calls)} direct answers differ from the pipeline's (same request, greedy sampling)")
    direct_model.close()
    extra = sorted(set(PASSED) - set(COMPARED))
    if any(k in c.body for c in calls for k in extra):
        note(f"the requests also carry {', '.join(extra)}, which this comparison leaves out")
    figure("embedded.pipeline_tokens_per_s", f"{max(pipeline_rates):.1f} (best of {PASSES} passes)")
    figure("embedded.direct_tokens_per_s", f"{max(direct_rates):.1f} (best of {PASSES} passes)")
    bound("embedded.pipeline_over_direct", max(pipeline_rates) / max(direct_rates), ">=", 0.9)
    info = load_model.cache_info()
    figure("embedded.model_loads", f"{info.misses} load by the library in this process, for {2 * len(calls)} "
           "requests (the direct Llama is this script's own)")  # fmt: skip
    if load_is_high():
        note("load average above the core count during the run: other work shared the CPU")


if __name__ == "__main__":
    main()
