"""The command line: thin over the library, one-line errors, exit codes, files written atomically."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
from helpers import RECORDING, ROOT, SEEDS, code_root
from typer.testing import CliRunner

from summarizer.cli import app

runner = CliRunner()


def summarize(*args: str):
    return runner.invoke(app, [str(a) for a in args])


def test_help_documents_every_option() -> None:
    result = summarize("--help")
    assert result.exit_code == 0
    for option in (
        "-m, --model",
        "--sources",
        "--brief",
        "--top",
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


def test_the_out_file_suffix_chooses_the_format_unless_one_is_named(tmp_path: Path) -> None:
    """`-o report.html` was written as terminal text with box-drawing characters."""
    for name, opening in (("r.html", "<!doctype html>"), ("r.md", "# "), ("r.JSON", "{"), ("r.report", "Event")):
        result = summarize(SEEDS, "--replay", RECORDING, "-o", tmp_path / name, "--quiet")
        assert result.exit_code == 0, result.output
        assert (tmp_path / name).read_text(encoding="utf-8").lstrip(" ╭─").lower().startswith(opening.lower()), name
    named = summarize(SEEDS, "--replay", RECORDING, "-f", "markdown", "-o", tmp_path / "named.html", "--quiet")
    assert named.exit_code == 0 and (tmp_path / "named.html").read_text(encoding="utf-8").startswith("# ")


def test_text_report_names_the_model_and_the_warnings() -> None:
    result = summarize(SEEDS, "--replay", RECORDING, "--quiet")
    assert result.exit_code == 0
    assert "SmolLM2-135M-Instruct" in result.stdout and "Warnings" in result.stdout


def test_missing_folder_is_one_line_and_exit_3(tmp_path: Path) -> None:
    result = summarize(tmp_path / "nope")
    assert result.exit_code == 3
    assert result.output.strip().startswith("error: folder or file not found")
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


ANNOTATED = ROOT / "fixtures" / "recordings" / "seeds-annotated"


def test_help_shows_flags_as_flags() -> None:
    result = summarize("--help")
    assert "<bool>" not in result.output and "<list[str]>" not in result.output
    assert "  --no-judge " in result.output and "  -q, --quiet " in result.output
    assert "INPUT" in result.output and "summarize render REPORT.json" in result.output


def test_m_is_model() -> None:
    result = summarize(SEEDS, "-m", "embedded", "--replay", RECORDING, "--format", "json", "--quiet")
    assert result.exit_code == 0, result.output


def _run(*args: object, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """The command as a user runs it: a process of its own, through ``main()``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_API"))}
    env["PYTHONPATH"] = str(code_root())
    return subprocess.run(
        [sys.executable, "-m", "summarizer.cli", *map(str, args)],
        capture_output=True, text=True, env=env, timeout=300, input=stdin,
    )  # fmt: skip


def test_an_error_is_the_first_line_on_stderr_and_a_url_keeps_its_two_slashes() -> None:
    import socket

    with socket.socket() as probe:  # a loopback port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    done = _run(f"https://127.0.0.1:{port}/news/a")
    assert done.returncode == 3
    assert done.stderr.startswith(f"error: no readable articles in https://127.0.0.1:{port}/news/a (1 file(s)")
    assert len(done.stderr.splitlines()) == 1  # no blank line before it, none after


def test_render_shows_a_saved_report_again_in_every_format(tmp_path: Path) -> None:
    from summarizer.cli import render_app

    saved = tmp_path / "report.json"
    made = summarize(SEEDS, "--replay", ANNOTATED, "--brief", "--format", "json", "--out", saved, "--quiet")
    assert made.exit_code == 0, made.output
    runner = CliRunner()
    for fmt in ("text", "md", "html", "csv", "json"):
        shown = runner.invoke(render_app, [str(saved), "--format", fmt, "--quiet"])
        assert shown.exit_code == 0, shown.output
        assert "Agence France-Presse" in shown.stdout, fmt
    assert json.loads(runner.invoke(render_app, [str(saved), "-f", "json"]).stdout) == json.loads(saved.read_text())
    top = runner.invoke(render_app, [str(saved), "-f", "md", "--top", "3"]).stdout
    assert len([line for line in top.splitlines() if line.startswith("### Q")]) == 3
    assert "showing 3 of 22 questions" in top
    piped = runner.invoke(render_app, ["-", "-f", "csv"], input=saved.read_text(encoding="utf-8"))
    assert piped.exit_code == 0 and piped.stdout.startswith("question,status,kind,text,Dagens,")
    (tmp_path / "not.json").write_text('{"event": 1}', encoding="utf-8")
    bad = runner.invoke(render_app, [str(tmp_path / "not.json")])
    assert bad.exit_code == 3 and bad.output.startswith("error: ") and "is not a saved report" in bad.output
    assert len(bad.output.strip().splitlines()) == 1


def test_summarize_render_and_summarize_folder_both_work_through_main(tmp_path: Path) -> None:
    saved = tmp_path / "report.json"
    done = _run(SEEDS, "--replay", ANNOTATED, "-f", "json", "-o", saved, "-q")
    assert done.returncode == 0, done.stderr
    shown = _run("render", saved, "-f", "md")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("# ") and "## In brief" in shown.stdout and "Parkchester Times" in shown.stdout
    assert _run("render", "--help").stdout.startswith("Usage: summarize render [OPTIONS] [REPORT]")


def test_version_loads_neither_the_library_nor_rich() -> None:
    """`summarize --version` and `--help` answer at once: importing the command loads no heavy module."""
    heavy = ("pydantic", "rich.console", "openai", "instructor", "charset_normalizer", "rapidfuzz", "summarizer.load")
    code = f"import sys, summarizer.cli; print([m for m in {heavy!r} if m in sys.modules])"
    env = dict(os.environ, PYTHONPATH=str(code_root()))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert done.stdout.strip() == "[]", done.stderr
    version = _run("--version")
    assert version.returncode == 0 and version.stdout.startswith("summarizer ")


def test_with_no_model_the_model_clients_are_never_imported() -> None:
    """The extractive engine asks no model: openai, instructor, tenacity and vcrpy (a second of imports
    on a small machine) stay unloaded, the run through."""
    clients = ("openai", "instructor", "tenacity", "vcr")
    seeds = sorted(str(p) for p in SEEDS.glob("*.txt"))[:2]
    code = (
        f"import sys; from summarizer import summarize; report = summarize({seeds!r}); "
        f"print(report.run.backend, [m for m in {clients!r} if m in sys.modules])"
    )
    env = {k: v for k, v in os.environ.items() if not k.endswith(("API_KEY", "BASE_URL"))}
    env["PYTHONPATH"] = str(code_root())
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    assert done.stdout.split(" ", 1) == ["extractive", "[]\n"], done.stderr


def test_the_cli_names_the_cache_variable_the_cache_reads() -> None:
    from summarizer import cache, cli

    assert cli.CACHE_ENV == cache.CACHE_ENV
