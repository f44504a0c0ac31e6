"""The command line: thin over the library, one-line errors, exit codes, files written atomically."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
from helpers import RECORDING, ROOT, SEEDS
from typer.testing import CliRunner

from summarizer.cli import app

runner = CliRunner()


def summarize(*args: str):
    return runner.invoke(app, [str(a) for a in args])


def test_help_documents_every_option() -> None:
    result = summarize("--help")
    assert result.exit_code == 0
    for option in (
        "--model",
        "--base-url",
        "--mode",
        "--format",
        "--out",
        "--record",
        "--replay",
        "--concurrency",
        "--quiet",
    ):
        assert option in result.output


def test_replay_json_to_stdout_validates_against_the_schema() -> None:
    result = summarize(SEEDS, "--replay", RECORDING, "--format", "json", "--quiet")
    assert result.exit_code == 0, result.output
    schema = json.loads((ROOT / "schemas" / "event_report.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(result.stdout), schema)


def test_markdown_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "deep" / "report.md"
    result = summarize(SEEDS, "--replay", RECORDING, "--format", "md", "--out", out, "--quiet")
    assert result.exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# ") and "## Where the sources disagree" in text and "## Sources" in text
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".")]  # no temporary left behind


def test_text_report_names_the_model_and_the_warnings() -> None:
    result = summarize(SEEDS, "--replay", RECORDING, "--quiet")
    assert result.exit_code == 0
    assert "SmolLM2-135M-Instruct" in result.stdout and "Warnings" in result.stdout


def test_missing_folder_is_one_line_and_exit_3(tmp_path: Path) -> None:
    result = summarize(tmp_path / "nope")
    assert result.exit_code == 3
    assert result.output.strip().startswith("error: folder not found")
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output


def test_empty_folder_is_an_input_error(tmp_path: Path) -> None:
    result = summarize(tmp_path)
    assert result.exit_code == 3 and "no readable articles" in result.output


def test_unknown_format_and_conflicting_options_are_usage_errors(tmp_path: Path) -> None:
    assert summarize(SEEDS, "--format", "pdf").exit_code == 2
    assert summarize(SEEDS, "--record", tmp_path, "--replay", RECORDING).exit_code == 2


def test_an_input_file_is_never_overwritten(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    target = folder / "000_7df43367a2b14d04.txt"
    before = target.read_bytes()
    result = summarize(folder, "--replay", RECORDING, "--out", target, "--quiet")
    assert result.exit_code == 2 and "refusing to overwrite" in result.output
    assert target.read_bytes() == before


def test_unreachable_server_is_one_line_with_no_traceback(tmp_path: Path) -> None:
    """A real process against a closed loopback port: the user sees one line and a non-zero exit."""
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEEDS / "003_f80c02a77366f6be.txt", folder)
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    done = subprocess.run(
        [sys.executable, "-m", "summarizer.cli", str(folder), "--base-url", f"http://127.0.0.1:{port}/v1",
         "--model", "m", "--quiet", "--max-retry-wait", "0"],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert done.returncode == 4
    assert done.stderr.strip().startswith("error: no article could be summarized: cannot reach")
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
