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
import multiprocessing as mp
import re
import shutil
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
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
    """A ThreadingHTTPServer on loopback, in a process of its own: each request answered after ``delay``
    seconds, in its own thread. Its own process because a server is not the client's work: in the
    client's process its threads would take the interpreter's lock from the client at every request,
    and its JSON work would be timed as the client's. Its counts are read over HTTP (``GET /stats``)."""

    def __init__(self, answers: dict[str, str], delay: float = DELAY):
        self.answers = answers
        self.delay = delay
        self.port = 0
        self.process: BaseProcess | None = None
        self.final: dict[str, int] | None = None  # the counts when the server stopped

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def stats(self) -> dict[str, int]:
        if self.final is not None:
            return self.final
        with _DIRECT.open(f"http://127.0.0.1:{self.port}/stats", timeout=10) as response:
            found: dict[str, int] = json.loads(response.read())
        return found

    @property
    def requests(self) -> int:
        return self.stats()["requests"]

    @property
    def peak(self) -> int:
        return self.stats()["peak"]

    @property
    def unknown(self) -> int:
        return self.stats()["unknown"]

    def reset(self) -> None:
        _DIRECT.open(f"http://127.0.0.1:{self.port}/reset", timeout=10).close()

    def __enter__(self) -> AnnotatedServer:
        context = mp.get_context("spawn")  # not fork: the client may have threads running
        receive, send = context.Pipe(duplex=False)
        self.process = context.Process(target=_serve, args=(self.answers, self.delay, send), daemon=True)
        self.process.start()
        self.port = receive.recv()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.process is not None:
            self.final = self.stats()
            self.process.terminate()
            self.process.join(timeout=5)


_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback: never through a proxy


def _serve(answers: dict[str, str], delay: float, send: Connection) -> None:
    """The server process: answers ``answers`` after ``delay`` seconds; sends its port, then serves."""
    lock = threading.Lock()
    counts = {"requests": 0, "in_flight": 0, "peak": 0, "unknown": 0}

    def answer(body: dict[str, Any]) -> str:
        user = next((m["content"] for m in body.get("messages", []) if m.get("role") == "user"), "")
        found = ARTICLE_ID.search(user if isinstance(user, str) else json.dumps(user))
        if found and found.group(1) in answers:
            return answers[found.group(1)]
        with lock:
            counts["unknown"] += 1
        return json.dumps({"conflicts": []})  # the judge step: no conflicts

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def _send(self, payload: object) -> None:
            data = json.dumps(payload).encode()
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            if self.path == "/reset":
                with lock:
                    counts.update(requests=0, peak=0, unknown=0)
            with lock:
                self._send(dict(counts))

        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers.get("content-length") or 0)) or b"{}")
            with lock:
                counts["requests"] += 1
                counts["in_flight"] += 1
                counts["peak"] = max(counts["peak"], counts["in_flight"])
            try:
                time.sleep(delay)
                content = answer(body)
            finally:
                with lock:
                    counts["in_flight"] -= 1
            self._send({
                "id": "bench", "object": "chat.completion", "created": 0, "model": "bench-annotated",
                "choices": [{"index": 0, "finish_reason": "stop",
                             "message": {"role": "assistant", "content": content}}],
                "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
            })  # fmt: skip

    class Server(ThreadingHTTPServer):
        request_queue_size = 128  # more than the requests that arrive together (64 in the feed)
        daemon_threads = True

    server = Server(("127.0.0.1", 0), Handler)
    send.send(server.server_address[1])
    server.serve_forever()


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
