"""Adversarial: what a server may send back. Empty or malformed answers, a server that never quite
finishes, a proxy's HTML error page, a failing judge, a cache entry edited by hand: each is a failure
said in one line with its exit code — never cached, never a traceback, never silent.

The model is the scripted OpenAI-compatible server on loopback (``tests/openai_server.py``).
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import code_root, folder_of, seed_answer
from openai_server import Reply, ScriptedServer
from typer.testing import CliRunner

from summarizer import summarize, summarize_async
from summarizer.cache import ENTRIES
from summarizer.cli import PARTIAL_EXIT, app
from summarizer.errors import ConfigError, ModelError
from summarizer.llm import Policy

A, B = "000_7df43367a2b14d04", "004_60b51e329afa7c5a"


def cli(*args: object):
    return CliRunner().invoke(app, [str(a) for a in args])


def one_line(output: str) -> str:
    lines = output.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in output, output
    return lines[0]


# --------------------------------------------------------------------------------------------------
# 2. An answer with nothing valid in it is a failure, never cached; the cache knows its server
# --------------------------------------------------------------------------------------------------


def test_an_answer_with_nothing_valid_fails_and_poisons_no_cache(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, A)
    cache = tmp_path / "cache"
    common = [folder, "--model", "scripted", "--no-judge", "--cache-dir", cache, "-f", "json", "-q",
              "--max-retry-wait", 0]  # fmt: skip
    with ScriptedServer(default=Reply(json.dumps({"foo": 1}))) as server:
        result = cli(*common, "--base-url", server.base_url)
        assert result.exit_code == 4, result.output
        assert one_line(result.output) == (
            "error: no article could be summarized: no usable answer: nothing in it fits the schema "
            "(event: missing or invalid)"
        )
    assert not (cache / ENTRIES).exists() or list((cache / ENTRIES).iterdir()) == []
    with ScriptedServer(default=Reply(seed_answer(A)), port=server.port) as healthy:  # the same server, mended
        result = cli(*common, "--base-url", healthy.base_url)
    assert result.exit_code == 0, result.output
    assert len(healthy.requests) == 1 and json.loads(result.stdout)["sources"][0]["grounding"]["dropped"] == 0


def test_an_entry_made_by_one_server_is_not_served_for_another(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, A)
    cache = tmp_path / "cache"
    with ScriptedServer([Reply(seed_answer(A))]) as first:
        summarize(folder, model="scripted", base_url=first.base_url, judge=False, cache=cache)
    with ScriptedServer([Reply(seed_answer(A))]) as second:  # same model name, another server
        report = summarize(folder, model="scripted", base_url=second.base_url, judge=False, cache=cache)
    assert len(second.requests) == 1 and not report.sources[0].cached


def test_a_hand_edited_entry_whose_evidence_is_not_the_article_is_a_miss(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, A)
    cache = tmp_path / "cache"
    with ScriptedServer([Reply(seed_answer(A))]) as server:
        summarize(folder, model="scripted", base_url=server.base_url, judge=False, cache=cache)
    [entry] = (cache / ENTRIES).iterdir()
    stored = json.loads(entry.read_text(encoding="utf-8"))
    claim = stored["report"]["claims"][0]
    claim["statement"] = claim["evidence"]["text"] = "Aliens landed on Red Square"  # offsets unchanged
    entry.write_text(json.dumps(stored), encoding="utf-8")
    with ScriptedServer([Reply(seed_answer(A))], port=server.port) as again:
        report = summarize(folder, model="scripted", base_url=again.base_url, judge=False, cache=cache)
    assert len(again.requests) == 1 and not report.sources[0].cached
    assert "Aliens" not in report.model_dump_json()


# --------------------------------------------------------------------------------------------------
# 5. The timeout bounds the whole request
# --------------------------------------------------------------------------------------------------


def test_a_server_trickling_bytes_is_cut_off_by_the_timeout(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, A)
    # a byte every 0.1 s: no single read waits long, the whole answer would take minutes
    with ScriptedServer(default=Reply(seed_answer(A), trickle=0.1)) as server:
        run = summarize_async(folder, model="scripted", base_url=server.base_url, judge=False, timeout=0.5,
                              max_retry_wait=0)  # fmt: skip
        try:
            asyncio.run(asyncio.wait_for(run, 60))  # a hang guard, far above the 5 × 0.5 s expected
        except ModelError as error:
            message = str(error)
        except TimeoutError:
            pytest.fail("the run went on: the timeout bounds each read, not the request")
    assert len(server.requests) == Policy().transport_attempts  # timed out, retried, given up
    assert message == (
        f"no article could be summarized: timed out: {server.base_url} sent no complete answer within 0.5 s "
        "(the --timeout)"
    )


# --------------------------------------------------------------------------------------------------
# 10. Malformed answers and options: one line, an exit code, no traceback
# --------------------------------------------------------------------------------------------------

NO_CHOICES = {"id": "x", "object": "chat.completion", "created": 0, "model": "m", "choices": []}


def test_an_answer_with_no_choices_says_so_in_one_line(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, A, B)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))}
    with ScriptedServer(default=Reply(body=NO_CHOICES)) as server:
        done = subprocess.run(
            [sys.executable, "-m", "summarizer.cli", str(folder), "--base-url", server.base_url, "--model", "m",
             "--no-cache", "-q", "--max-retry-wait", "0"],
            capture_output=True, text=True, env={**env, "PYTHONPATH": str(code_root())}, timeout=120,
        )  # fmt: skip
    assert done.returncode == 4
    assert one_line(done.stderr) == (
        f"error: no article could be summarized: {server.base_url} answered with no choices: not a chat completion"
    )
    assert len(server.requests) == 2  # one per article: a server that sends no choices is not re-asked
    with ScriptedServer(default=Reply(body=NO_CHOICES)) as server, pytest.raises(ModelError, match="no choices"):
        summarize(folder, model="m", base_url=server.base_url, judge=False, max_retry_wait=0)


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("http://[::1", "--base-url is not a valid URL (Invalid IPv6 URL)"),
        ("http://127.0.0.1:99999/v1", "--base-url is not a valid URL (Port out of range 0-65535)"),
        ("http:///v1", "--base-url has no valid server name: 'http:///v1'"),
        ("ftp://user:secret-pass@host/v1", "--base-url must start with http:// or https://, got 'ftp://host/v1'"),
    ],
)
def test_a_malformed_server_address_is_a_usage_error(tmp_path: Path, url: str, why: str) -> None:
    result = cli(folder_of(tmp_path, A), "--base-url", url, "--model", "m", "--no-cache")
    assert result.exit_code == 2, result.output
    assert one_line(result.output) == f"error: {why}"


# --------------------------------------------------------------------------------------------------
# 11. What went wrong is said: a proxy's page, a timeout; a failed judge is a partial run
# --------------------------------------------------------------------------------------------------

BAD_GATEWAY = (
    b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>"
    b"\r\n<hr><center>nginx/1.24.0</center>\r\n</body>\r\n</html>\r\n"
)


def test_a_proxy_error_page_is_reported_as_what_it_says(tmp_path: Path) -> None:
    page = Reply(status=502, raw=BAD_GATEWAY, content_type="text/html")
    with ScriptedServer(default=page) as server, pytest.raises(ModelError) as error:
        summarize(folder_of(tmp_path, A), model="m", base_url=server.base_url, judge=False, max_retry_wait=0)
    assert str(error.value) == "no article could be summarized: compatible backend answered HTTP 502: 502 Bad Gateway"


def test_a_timeout_is_reported_as_a_timeout(tmp_path: Path) -> None:
    with ScriptedServer(default=Reply(seed_answer(A), delay=2)) as server, pytest.raises(ModelError) as error:
        summarize(folder_of(tmp_path, A), model="m", base_url=server.base_url, judge=False, max_retry_wait=0,
                  timeout=0.2)  # fmt: skip
    assert "timed out: " in str(error.value) and "sent no complete answer within 0.2 s" in str(error.value)
    assert "cannot reach" not in str(error.value)


def test_concurrency_below_one_is_an_error_not_the_default(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="concurrency must be at least 1, got 0"):
        summarize(folder_of(tmp_path, A), base_url="http://127.0.0.1:9/v1", model="m", concurrency=0)


def test_a_judge_that_fails_makes_a_partial_run_with_a_note(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, A, B)
    answers = [Reply(seed_answer(A)), Reply(seed_answer(B))]  # then the judge: garbage, every time
    with ScriptedServer(answers, default=Reply("the claims look fine to me")) as server:
        result = cli(folder, "--base-url", server.base_url, "--model", "m", "--concurrency", 1, "--no-cache",
                     "-f", "json", "-q", "--max-retry-wait", 0)  # fmt: skip
    assert result.exit_code == PARTIAL_EXIT, result.output
    report = json.loads(result.stdout)
    assert report["failed"] == [] and len(report["sources"]) == 2
    assert report["notes"] and report["notes"][0].startswith("could not judge a group of")


def test_a_judge_answer_without_its_conflicts_is_not_taken_for_none(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, A, B)
    cache = tmp_path / "cache"
    answers = [Reply(seed_answer(A)), Reply(seed_answer(B))]
    with ScriptedServer(answers, default=Reply(json.dumps({"foo": 1}))) as server:
        report = summarize(folder, model="m", base_url=server.base_url, concurrency=1, cache=cache, max_retry_wait=0)
    assert report.notes and "conflicts: missing" in report.notes[0]
    assert not (cache / "verdicts").exists() or list((cache / "verdicts").iterdir()) == []
