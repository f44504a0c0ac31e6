"""Adversarial: recordings and secrets. A failed ``--record`` destroys nothing; a damaged recording is
one line; a password in ``--base-url`` or a key echoed by a server is stored and shown nowhere; the
OpenAI key goes to OpenAI only.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import FIXTURES, code_root, folder_of, seed_answer
from openai_server import Reply, ScriptedServer
from typer.testing import CliRunner

from summarizer.cli import app

A = "000_7df43367a2b14d04"
KEY = "sk-test-Zq8Wm3Lx7Rt2Vn5Kp9Bc4Hd6Jf1Gs0Ya"
PASSWORD = "hunter2-Vq7mXr"
ANNOTATED = FIXTURES / "recordings" / "seeds-annotated"


def cli(*args: object):
    return CliRunner().invoke(app, [str(a) for a in args])


def process(*args: object, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))}
    return subprocess.run(
        [sys.executable, "-m", "summarizer.cli", *map(str, args)], capture_output=True, text=True, timeout=120,
        env={**clean, "PYTHONPATH": str(code_root()), **(env or {})},
    )  # fmt: skip


def one_line(output: str) -> str:
    lines = output.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in output, output
    return lines[0]


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def holding(root: Path, *secrets: str) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and any(s.encode() in p.read_bytes() for s in secrets)]


# --------------------------------------------------------------------------------------------------
# 3. A failed recording run leaves the previous recording whole
# --------------------------------------------------------------------------------------------------


def test_a_failed_recording_run_leaves_the_previous_recording_as_it_was(tmp_path: Path) -> None:
    recording = tmp_path / "recording"
    shutil.copytree(ANNOTATED, recording)
    (recording / "NOTES.md").write_text("mine", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in recording.iterdir()}
    url = f"http://127.0.0.1:{closed_port()}/v1"  # nobody answers
    result = cli(folder_of(tmp_path, A), "--base-url", url, "--model", "m", "--record", recording, "-q",
                 "--max-retry-wait", 0)  # fmt: skip
    assert result.exit_code == 4, result.output
    assert {p.name: p.read_bytes() for p in recording.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "recording"]  # no temporary left


def test_a_recording_run_that_completes_replaces_the_recording_and_nothing_else(tmp_path: Path) -> None:
    recording = tmp_path / "recording"
    shutil.copytree(ANNOTATED, recording)
    (recording / "NOTES.md").write_text("mine", encoding="utf-8")
    folder = folder_of(tmp_path, A)
    with ScriptedServer([Reply(seed_answer(A))]) as server:
        result = cli(folder, "--base-url", server.base_url, "--model", "m", "--record", recording, "-q")
    assert result.exit_code == 0, result.output
    assert json.loads((recording / "backend.json").read_text(encoding="utf-8"))["model"] == "m"
    assert (recording / "NOTES.md").read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "recording"]
    assert cli(folder, "--replay", recording, "-q").exit_code == 0  # and it replays
    new = tmp_path / "new" / "recording"  # a recording folder that did not exist is made whole, at once
    with ScriptedServer([Reply(seed_answer(A))]) as server:
        assert cli(folder, "--base-url", server.base_url, "--model", "m", "--record", new, "-q").exit_code == 0
    assert sorted(p.name for p in new.iterdir()) == ["backend.json", "exchanges.yaml"]


# --------------------------------------------------------------------------------------------------
# 9. Secrets: a password in the URL, a key echoed in a header, the OpenAI key sent to strangers
# --------------------------------------------------------------------------------------------------


def test_a_password_in_the_server_url_is_used_and_never_shown_or_stored(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, A)
    written = tmp_path / "written"
    with ScriptedServer([Reply(seed_answer(A))]) as server:
        url = server.base_url.replace("http://", f"http://reader:{PASSWORD}@")
        done = process(folder, "--base-url", url, "--model", "m", "--record", written / "recording",
                       "-f", "json", "-o", written / "report.json")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert server.headers[0]["authorization"].startswith("Basic ")  # it was used to connect…
    report = json.loads((written / "report.json").read_text(encoding="utf-8"))
    assert report["run"]["base_url"] == server.base_url  # …and shown without it
    assert holding(written, PASSWORD, "reader:") == []  # report, backend.json, the cassette's uri
    assert PASSWORD not in done.stdout + done.stderr
    unreachable = f"http://reader:{PASSWORD}@127.0.0.1:{closed_port()}/v1"
    failed = process(folder, "--base-url", unreachable, "--model", "m", "--max-retry-wait", "0", "--no-cache")
    assert failed.returncode == 4 and "cannot reach http://127.0.0.1:" in failed.stderr
    assert PASSWORD not in failed.stderr and "reader" not in failed.stderr


def test_a_key_echoed_in_a_response_header_is_not_recorded(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, A)
    echo = Reply(seed_answer(A), headers={"x-debug-auth": f"Bearer {KEY}", "x-request-id": "req-1"})
    with ScriptedServer([echo]) as server:
        done = process(folder, "--base-url", server.base_url, "--model", "m", "--record", tmp_path / "rec", "-q",
                       env={"SUMMARIZER_API_KEY": KEY, "OPENAI_API_KEY": KEY})  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert server.headers[0]["authorization"] == f"Bearer {KEY}"
    cassette = (tmp_path / "rec" / "exchanges.yaml").read_text(encoding="utf-8")
    assert "req-1" in cassette and KEY not in cassette and KEY.removeprefix("sk-") not in cassette


def test_the_openai_key_is_not_sent_to_another_server(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, A)
    with ScriptedServer([Reply(seed_answer(A)), Reply(seed_answer(A)), Reply(seed_answer(A))]) as server:
        common = [folder, "--base-url", server.base_url, "--model", "m", "--no-cache", "-q"]
        assert process(*common, env={"OPENAI_API_KEY": KEY}).returncode == 0
        assert process(*common, env={"OPENAI_API_KEY": KEY, "SUMMARIZER_API_KEY": "sk-for-this-server"}).returncode == 0
        assert process(*common, "--api-key", "sk-given-on-the-command-line").returncode == 0
    sent = [h["authorization"] for h in server.headers]
    assert sent == ["Bearer not-needed", "Bearer sk-for-this-server", "Bearer sk-given-on-the-command-line"]


# --------------------------------------------------------------------------------------------------
# 10. A damaged recording, or a file where a recording folder should be: one line, exit 2
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("file", "content", "why"),
    [
        ("backend.json", "[1, 2]", "backend.json does not name a kind, model and mode"),
        ("backend.json", '{"kind": "compatible"}', "backend.json does not name a kind, model and mode"),
        ("backend.json", '{"kind": "x", "model": "m", "mode": "grammar"}', "does not name a kind, model and mode"),
        ("exchanges.yaml", "interactions: [\n", "cannot read the recording"),
        ("exchanges.yaml", "version: 1\n", "cannot read the recording"),
        ("exchanges.yaml", "interactions:\n- request: {}\n  response: {}\n", "cannot read the recording"),
        ("exchanges.yaml", "\udcff\udcfe: 1\n", "cannot read the recording"),
    ],
    ids=["list", "no-model", "bad-kind", "yaml", "no-interactions", "empty-interaction", "not-utf8"],
)
def test_a_damaged_recording_is_one_line(tmp_path: Path, file: str, content: str, why: str) -> None:
    recording = tmp_path / "recording"
    shutil.copytree(ANNOTATED, recording)
    (recording / file).write_bytes(content.encode("utf-8", "surrogateescape"))
    result = cli(folder_of(tmp_path, A), "--replay", recording, "-q")
    assert result.exit_code == 2, result.output
    assert why in one_line(result.output)


def test_recording_into_a_file_is_one_line_and_leaves_it(tmp_path: Path) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("mine", encoding="utf-8")
    result = cli(folder_of(tmp_path, A), "--base-url", "http://127.0.0.1:9/v1", "--model", "m", "--record", target)
    assert result.exit_code == 2
    assert one_line(result.output) == f"error: cannot record into {target}: it exists and is not a folder"
    assert target.read_text(encoding="utf-8") == "mine"
