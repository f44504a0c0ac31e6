"""A real OpenAI-compatible HTTP server on loopback that answers from a script.

Tests use it where a user would have a server: to feed the client hostile or broken answers and
transport faults, over real sockets, with no mock of our own code.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    """One scripted answer: a chat completion with ``content``, or a raw status/body, or a fault."""

    content: str | None = None
    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    drop: bool = False  # close the connection without answering
    raw: bytes | None = None  # a body sent as is (an HTML error page, …), with ``content_type``
    content_type: str = "application/json"
    trickle: float = 0.0  # seconds between the body's bytes: a server that never quite stops answering


def completion(content: str, model: str = "scripted") -> dict[str, Any]:
    return {
        "id": "chatcmpl-scripted",
        "object": "chat.completion",
        "created": 0,
        "model": model,
        "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": content}}],
        "usage": {"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120},
    }


class ScriptedServer:
    """``with ScriptedServer(replies) as server:`` → ``server.base_url``; ``server.requests`` afterwards."""

    def __init__(self, replies: list[Reply] | None = None, default: Reply | None = None, port: int = 0):
        self.replies = list(replies or [])
        self.default = default
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self._lock = threading.Lock()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                with owner._lock:
                    owner.requests.append(body)
                    owner.headers.append({k.lower(): v for k, v in self.headers.items()})
                    reply = owner.replies.pop(0) if owner.replies else owner.default
                if reply is None:
                    self._send(500, json.dumps({"error": {"message": "script exhausted"}}).encode(), {})
                    return
                if reply.delay:
                    time.sleep(reply.delay)
                if reply.drop:
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return
                payload = completion(reply.content) if reply.content is not None else reply.body
                data = reply.raw if reply.raw is not None else json.dumps(payload).encode()
                self._send(reply.status, data, reply.headers, reply.content_type, reply.trickle)

            def _send(
                self, status: int, data: bytes, headers: dict[str, str], kind: str = "application/json",
                trickle: float = 0.0,
            ) -> None:  # fmt: skip
                self.send_response(status)
                self.send_header("content-type", kind)
                self.send_header("content-length", str(len(data)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                if not trickle:
                    self.wfile.write(data)
                    return
                try:
                    for byte in data:  # one byte at a time: every read the client makes gets something
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                        time.sleep(trickle)
                except OSError:  # the client gave up and closed the connection
                    self.close_connection = True

        # a fixed ``port`` lets a later server stand in for an earlier one (the cache keys on the server)
        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return int(self.server.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def __enter__(self) -> ScriptedServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)
