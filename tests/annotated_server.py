"""A loopback OpenAI-compatible server that answers the seeds from their hand annotations, as a model
would, and keeps score: requests per article, requests in flight, 429s sent. It also implements the
Batch API's endpoints (``/v1/files``, ``/v1/batches``, a file's ``/content``), answering each line of
an uploaded JSONL batch the same way.

Tests use it for the feed: a shared concurrency budget, rate limits (it can enforce them and send the
``x-ratelimit-*`` headers), resuming, and ``--batch``.
"""

from __future__ import annotations

import email.parser
import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from helpers import FIXTURES, SEEDS

ARTICLE_ID = re.compile(r"^Article (\S+?):?(?:\s|$)", re.M)


def seed_answers() -> dict[str, str]:
    """Each seed's hand-annotated extraction, as the JSON a model would answer, by article id."""
    from summarizer.annotated import load_annotation, to_summary
    from summarizer.load import load_folder

    return {
        a.id: to_summary(load_annotation(FIXTURES / "annotated" / f"{a.id}.json"), a.document).model_dump_json()
        for a in load_folder(SEEDS).articles
    }


def completion(content: str, prompt: str = "") -> dict[str, Any]:
    return {
        "id": "annotated", "object": "chat.completion", "created": 0, "model": "hand-annotated",
        "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": content}}],
        "usage": {"prompt_tokens": len(prompt) // 4, "completion_tokens": len(content) // 4,
                  "total_tokens": (len(prompt) + len(content)) // 4},
    }  # fmt: skip


class AnnotatedServer:
    """``with AnnotatedServer() as server:`` → ``server.base_url``; counters afterwards.

    ``delay``: seconds before each chat answer. ``min_interval``: a request arriving sooner than this
    after the previous one is refused with 429 (the server's referee of a request rate). ``window``:
    (requests, seconds): at most that many requests per window of that many seconds, each answer
    saying how many remain and when the window resets (``x-ratelimit-*``), the rest refused with 429.
    """

    def __init__(self, answers: dict[str, str] | None = None, *, delay: float = 0.0, min_interval: float = 0.0,
                 window: tuple[int, float] | None = None, batch_polls: int = 2) -> None:  # fmt: skip
        self.answers = answers if answers is not None else seed_answers()
        self.judgements = json.loads((FIXTURES / "annotated" / "judgements.json").read_text(encoding="utf-8"))
        self.delay, self.min_interval, self.batch_polls = delay, min_interval, batch_polls
        self.window = window
        self.started = time.monotonic()
        self.per_window: dict[int, int] = {}
        self.lock = threading.Lock()
        self.bodies: list[dict[str, Any]] = []  # each chat request's body
        self.articles: list[str] = []  # the article of each chat request, in arrival order ("judge" for the judge)
        self.in_flight = self.peak = self.refused = 0
        self.last_arrival = 0.0
        self.files: dict[str, bytes] = {}
        self.batches: dict[str, dict[str, Any]] = {}
        self.batch_lines = 0
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                owner.get(self)

            def do_POST(self) -> None:
                data = self.rfile.read(int(self.headers.get("content-length") or 0))
                if self.path.endswith("/chat/completions"):
                    owner.chat(self, json.loads(data or b"{}"))
                elif self.path.endswith("/files"):
                    owner.upload(self, data)
                elif self.path.endswith("/batches"):
                    owner.create_batch(self, json.loads(data or b"{}"))
                else:
                    send(self, 404, {"error": {"message": f"no such endpoint {self.path}"}})

        class Server(ThreadingHTTPServer):
            request_queue_size = 128
            daemon_threads = True

        self.server = Server(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    # ---------------------------------------------------------------------------------------------- chat

    def answer(self, body: dict[str, Any]) -> tuple[str, str]:
        """(article id or "judge", the answer's JSON text) for a chat request's body."""
        from summarizer.annotated import verdict

        prompt = body["messages"][-1]["content"]
        if "<claims>" in prompt:
            return "judge", verdict(prompt, self.judgements)
        found = ARTICLE_ID.search("\n".join(str(m.get("content") or "") for m in body["messages"]))
        article = found.group(1) if found else "?"
        return article, self.answers.get(article, json.dumps({"error": "no annotation"}))

    def chat(self, handler: BaseHTTPRequestHandler, body: dict[str, Any]) -> None:
        now = time.monotonic()
        extra: dict[str, str] = {}
        with self.lock:
            early = now - self.last_arrival < self.min_interval
            self.last_arrival = now
            if self.window is not None:
                limit, seconds = self.window
                current = int((now - self.started) // seconds)
                used = self.per_window.get(current, 0)
                early = early or used >= limit
                self.per_window[current] = used + (not early)
                reset = (current + 1) * seconds - (now - self.started)
                extra = {"x-ratelimit-limit-requests": str(limit),
                         "x-ratelimit-remaining-requests": str(max(0, limit - used - (not early))),
                         "x-ratelimit-reset-requests": f"{reset:.3f}s"}  # fmt: skip
            article, content = self.answer(body)
            self.articles.append(article)
            self.bodies.append(body)
            if early:
                self.refused += 1
            else:
                self.in_flight += 1
                self.peak = max(self.peak, self.in_flight)
        if early:
            send(handler, 429, {"error": {"message": "rate limit exceeded"}}, {"retry-after": "0.2", **extra})
            return
        try:
            time.sleep(self.delay)
        finally:
            with self.lock:
                self.in_flight -= 1
        send(handler, 200, completion(content, body["messages"][-1]["content"]), extra)

    # --------------------------------------------------------------------------------------------- batch

    def upload(self, handler: BaseHTTPRequestHandler, data: bytes) -> None:
        kind = handler.headers.get("content-type", "")
        message = email.parser.BytesParser().parsebytes(b"content-type: " + kind.encode() + b"\r\n\r\n" + data)
        parts = {p.get_param("name", header="content-disposition"): p for p in message.get_payload()}
        content = parts["file"].get_payload(decode=True)
        with self.lock:
            file_id = f"file-{len(self.files) + 1}"
            self.files[file_id] = content
        send(handler, 200, {"id": file_id, "object": "file", "bytes": len(content), "created_at": 0,
                            "filename": "batch.jsonl", "purpose": "batch", "status": "processed"})  # fmt: skip

    def create_batch(self, handler: BaseHTTPRequestHandler, body: dict[str, Any]) -> None:
        with self.lock:
            batch_id = f"batch_{len(self.batches) + 1}"
            self.batches[batch_id] = {
                "id": batch_id, "object": "batch", "endpoint": body["endpoint"], "input_file_id": body["input_file_id"],
                "completion_window": body["completion_window"], "status": "validating", "created_at": 0,
                "output_file_id": None, "error_file_id": None, "polls": 0,
            }  # fmt: skip
            shown = {k: v for k, v in self.batches[batch_id].items() if k != "polls"}
        send(handler, 200, shown)

    def get(self, handler: BaseHTTPRequestHandler) -> None:
        path = handler.path.split("?")[0]
        if m := re.search(r"/batches/([^/]+)$", path):
            send(handler, 200, self.poll(m.group(1)))
        elif m := re.search(r"/files/([^/]+)/content$", path):
            data = self.files.get(m.group(1))
            if data is None:
                send(handler, 404, {"error": {"message": "no such file"}})
            else:
                send_raw(handler, 200, data, "application/jsonl")
        else:
            send(handler, 404, {"error": {"message": f"no such endpoint {path}"}})

    def poll(self, batch_id: str) -> dict[str, Any]:
        with self.lock:
            batch = self.batches[batch_id]
            batch["polls"] += 1
            if batch["status"] != "completed" and batch["polls"] >= self.batch_polls:
                lines = self.files[batch["input_file_id"]].decode().splitlines()
                out = []
                for line in filter(None, lines):
                    item = json.loads(line)
                    _, content = self.answer(item["body"])
                    self.batch_lines += 1
                    response = {"status_code": 200, "request_id": f"req-{self.batch_lines}",
                                "body": completion(content, item["body"]["messages"][-1]["content"])}  # fmt: skip
                    out.append(json.dumps({"id": f"batch_req_{self.batch_lines}", "custom_id": item["custom_id"],
                                           "response": response, "error": None}))  # fmt: skip
                output_id = f"file-{len(self.files) + 1}"
                self.files[output_id] = ("\n".join(out) + "\n").encode()
                batch.update(status="completed", output_file_id=output_id)
            elif batch["status"] == "validating":
                batch["status"] = "in_progress"
            return {k: v for k, v in batch.items() if k != "polls"}

    # ------------------------------------------------------------------------------------------- running

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def __enter__(self) -> AnnotatedServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


def send(handler: BaseHTTPRequestHandler, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
    send_raw(handler, status, json.dumps(body).encode(), "application/json", headers)


def send_raw(handler: BaseHTTPRequestHandler, status: int, data: bytes, kind: str,
             headers: dict[str, str] | None = None) -> None:  # fmt: skip
    handler.send_response(status)
    handler.send_header("content-type", kind)
    handler.send_header("content-length", str(len(data)))
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    handler.end_headers()
    handler.wfile.write(data)
