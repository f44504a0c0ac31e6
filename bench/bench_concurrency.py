"""Concurrency: 20 articles against a loopback OpenAI-compatible server that answers after 0.5 s.

Bound (issue 6): wall(concurrency 8) / wall(concurrency 1) <= 0.2.

The 20 articles are copies of the five seeds, each with a closing line naming its copy so that the
loader does not drop them as duplicates. The server answers every extraction request, after a fixed
0.5 s, with the hand-annotated extraction of the seed the copy came from (``fixtures/annotated``, turned
into sentence ids of the copy itself by ``summarizer.annotated.to_summary``), so every answer is valid
and grounds on the first try: one request per article. It recognises the article by the ``Article
<id>`` line of the prompt. Requests without one (the judge step) get an empty verdict after the same
0.5 s.

The bound is measured on extraction alone (``judge=False``), which is what ``--concurrency`` governs.
The same pair of runs with the judge step on is printed as an extra figure.
"""

from __future__ import annotations

import json
import re
import shutil
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from _common import ANNOTATED, SEEDS, bound, figure, fresh_cache, header, load_is_high, note, scratch

from summarizer import summarize
from summarizer.annotated import load_annotation, to_summary
from summarizer.load import load_folder

ARTICLES = 20
DELAY = 0.5
ARTICLE_ID = re.compile(r"^Article (\S+?):?(?:\s|$)", re.M)


def make_articles(folder: Path, count: int = ARTICLES) -> dict[str, str]:
    """``count`` distinct copies of the seeds in ``folder``; returns copy id -> seed id."""
    seeds = sorted(SEEDS.glob("*.txt"))
    origin = {}
    for n in range(count):
        seed = seeds[n % len(seeds)]
        copy = folder / f"{seed.stem}-copy{n:02d}.txt"
        text = seed.read_text(encoding="utf-8").rstrip()
        copy.write_text(f"{text}\n\nBenchmark copy {n:02d} of this article.\n", encoding="utf-8")
        origin[copy.stem] = seed.stem
    return origin


class AnnotatedServer:
    """ThreadingHTTPServer on loopback: each request answered after ``delay`` seconds, in its own thread."""

    def __init__(self, answers: dict[str, str], delay: float = DELAY):
        self.answers = answers
        self.delay = delay
        self.lock = threading.Lock()
        self.requests = 0
        self.in_flight = 0
        self.peak = 0
        self.unknown = 0
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers.get("content-length") or 0)) or b"{}")
                with owner.lock:
                    owner.requests += 1
                    owner.in_flight += 1
                    owner.peak = max(owner.peak, owner.in_flight)
                try:
                    time.sleep(owner.delay)
                    content = owner.answer(body)
                finally:
                    with owner.lock:
                        owner.in_flight -= 1
                payload = {
                    "id": "bench", "object": "chat.completion", "created": 0, "model": "bench-annotated",
                    "choices": [{"index": 0, "finish_reason": "stop",
                                 "message": {"role": "assistant", "content": content}}],
                    "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
                }  # fmt: skip
                data = json.dumps(payload).encode()
                self.send_response(200)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        class Server(ThreadingHTTPServer):
            request_queue_size = 64  # more than the 8 requests that arrive together
            daemon_threads = True

        self.server = Server(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def answer(self, body: dict[str, Any]) -> str:
        user = next((m["content"] for m in body.get("messages", []) if m.get("role") == "user"), "")
        found = ARTICLE_ID.search(user if isinstance(user, str) else json.dumps(user))
        if found and found.group(1) in self.answers:
            return self.answers[found.group(1)]
        with self.lock:
            self.unknown += 1
        return json.dumps({"conflicts": []})  # the judge step: no conflicts

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def reset(self) -> None:
        with self.lock:
            self.requests = self.peak = self.unknown = 0

    def __enter__(self) -> AnnotatedServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


def main() -> None:
    header(f"concurrency: {ARTICLES} articles, loopback server answering after {DELAY} s")
    folder = scratch("concurrency-articles")
    origin = make_articles(folder)
    articles = load_folder(folder).articles
    assert len(articles) == ARTICLES, f"loader kept {len(articles)} of {ARTICLES} copies"
    answers = {
        a.id: to_summary(load_annotation(ANNOTATED / f"{origin[a.id]}.json"), a.document).model_dump_json()
        for a in articles
    }

    with AnnotatedServer(answers) as server:

        def run(concurrency: int, judge: bool) -> tuple[float, int, int]:
            server.reset()
            with fresh_cache():
                start = time.perf_counter()
                report = summarize(folder, model="bench-annotated", base_url=server.base_url,
                                   concurrency=concurrency, judge=judge)  # fmt: skip
                wall = time.perf_counter() - start
            grounded = sum(s.grounding.grounded for s in report.sources)
            dropped = sum(s.grounding.dropped for s in report.sources)
            assert not report.failed and len(report.sources) == ARTICLES, report.failed
            assert dropped == 0, f"{dropped} items dropped: the answers should all ground"
            note(f"concurrency {concurrency}, judge {'on ' if judge else 'off'}: wall {wall:6.2f} s, "
                 f"{server.requests} requests ({server.unknown} judge), peak {server.peak} in flight, "
                 f"{grounded} items grounded")  # fmt: skip
            return wall, server.requests, server.peak

        run(8, judge=False)  # warm-up: connections, imports on first use, grounding caches
        one, requests_one, peak_one = run(1, judge=False)
        eight, requests_eight, peak_eight = run(8, judge=False)
        ideal_one = requests_one * DELAY
        ideal_eight = -(-requests_eight // 8) * DELAY
        figure("concurrency.wall_1", f"{one:.2f} s (server time alone: {ideal_one:.1f} s)")
        figure(
            "concurrency.wall_8", f"{eight:.2f} s (server time alone: {ideal_eight:.1f} s; peak {peak_eight} in flight)"
        )
        figure("concurrency.overhead_per_article_c1", f"{(one - ideal_one) / ARTICLES * 1000:.0f} ms")
        bound("concurrency.wall8_over_wall1", eight / one, "<=", 0.2)

        judged_one, judge_requests, _ = run(1, judge=True)
        judged_eight, _, _ = run(8, judge=True)
        figure("concurrency.with_judge.wall8_over_wall1",
               f"{judged_eight / judged_one:.3f} ({judged_eight:.2f} s / {judged_one:.2f} s; "
               f"{judge_requests - ARTICLES} judge requests, asked concurrently)")  # fmt: skip
    if load_is_high():
        note("load average above the core count during the run: other work shared the CPU")
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
