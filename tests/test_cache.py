"""The cache of finished articles: keys, atomic entries, misses on damage, resume after SIGKILL, the CLI.

The model is the scripted server on loopback; answers are the seeds' hand-annotated extractions.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import FIXTURES, ROOT, SEEDS, folder_of
from openai_server import Reply, ScriptedServer
from typer.testing import CliRunner

from summarizer import summarize
from summarizer.align import align
from summarizer.annotated import annotated_reports, load_annotation, to_summary, verdict
from summarizer.backend import Backend, resolve_backend
from summarizer.cache import BRIEFS, CACHE_ENV, ENTRIES, VERDICTS, ArticleCache, cache_dir, cache_key, clear, derived
from summarizer.cli import app
from summarizer.judge import candidate_groups, claims_of, listing
from summarizer.load import Article
from summarizer.prompt_files import load_prompts
from summarizer.schemas import SCHEMA_VERSION, ArticleReport

A, B, C = "000_7df43367a2b14d04", "001_6f581c31f2f3141d", "002_c94bbd496ec598c3"
D = "003_f80c02a77366f6be"


def seed(name: str) -> Article:
    path = SEEDS / f"{name}.txt"
    return Article(path, path.read_text(encoding="utf-8").strip())


def answer(name: str) -> Reply:
    summary = to_summary(load_annotation(FIXTURES / "annotated" / f"{name}.json"), seed(name).document)
    return Reply(summary.model_dump_json())


def run(folder: Path, server: ScriptedServer, cache: object, **options: object):
    """Summarize against ``server``, one article at a time in name order (its answers are in that order)."""
    options = {"concurrency": 1, "judge": False, **options}
    return summarize(folder, model="scripted", base_url=server.base_url, cache=cache, **options)


def entries(cache: Path) -> list[Path]:
    return sorted((cache / ENTRIES).glob("*")) if (cache / ENTRIES).is_dir() else []


def requested(server: ScriptedServer) -> list[str]:
    """The article each request was about, in order."""
    return [re.match(r"Article (\w+)", r["messages"][-1]["content"]).group(1) for r in server.requests]


BACKEND = Backend("compatible", "scripted", "grammar", "http://127.0.0.1:9/v1", "not-needed")
_port = 0  # where every server of the running test listens (see same_address)


@pytest.fixture(autouse=True)
def same_address() -> None:
    """The cache keys on the server's address: the servers of one test all listen on one port, as one
    server restarted would, so that a second run can be answered from the first one's entries."""
    global _port
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        _port = probe.getsockname()[1]


def serve(replies: list[Reply] | None = None, default: Reply | None = None) -> ScriptedServer:
    return ScriptedServer(replies, default, port=_port)


# --------------------------------------------------------------------------------------------------
# Keys and entries
# --------------------------------------------------------------------------------------------------


def test_the_key_covers_text_server_model_mode_prompts_and_schema_but_not_the_key(tmp_path: Path) -> None:
    article = seed(A)
    key = cache_key(article, BACKEND, "p1", "1")
    assert re.fullmatch(r"[0-9a-f]{64}", key) and key == cache_key(seed(A), BACKEND, "p1", "1")
    edited = Article(article.path, article.text.replace("rifle", "sword"))
    renamed = Article(tmp_path / "elsewhere" / "other-name.txt", article.text)
    moved = Article(tmp_path / "elsewhere" / article.path.name, article.text)
    changed = [
        cache_key(edited, BACKEND, "p1", "1"),
        cache_key(renamed, BACKEND, "p1", "1"),  # the id is in every evidence span
        cache_key(article, Backend("compatible", "other", "grammar", BACKEND.base_url), "p1", "1"),
        cache_key(article, Backend("compatible", "scripted", "json", BACKEND.base_url), "p1", "1"),
        cache_key(article, Backend("openai", "scripted", "grammar"), "p1", "1"),
        cache_key(article, Backend("compatible", "scripted", "grammar", "http://10.0.0.1/v1"), "p1", "1"),  # server
        cache_key(article, BACKEND, "p2", "1"),
        cache_key(article, BACKEND, "p1", "2"),
    ]
    assert len({key, *changed}) == len(changed) + 1
    # same text and name in another folder, another key or password: the same result, the same entry
    assert cache_key(moved, BACKEND, "p1", "1") == key
    secret = resolve_backend("scripted", "http://user:pw-0123@127.0.0.1:9/v1", env={}, api_key="sk-x")
    assert cache_key(article, secret, "p1", "1") == key
    assert cache_key(article, BACKEND, load_prompts().version) == cache_key(
        article, BACKEND, load_prompts().version, SCHEMA_VERSION
    )


def test_the_cache_folder_is_the_option_else_the_variable_else_the_user_cache(tmp_path: Path) -> None:
    from platformdirs import user_cache_dir

    assert cache_dir(tmp_path / "x", env={CACHE_ENV: "/elsewhere"}) == tmp_path / "x"
    assert cache_dir(None, env={CACHE_ENV: str(tmp_path / "y")}) == tmp_path / "y"
    assert cache_dir(None, env={CACHE_ENV: ""}) == Path(user_cache_dir("summarizer"))
    assert cache_dir(None, env={}) == Path(user_cache_dir("summarizer"))


def test_a_second_run_answers_from_the_cache_with_no_model_call(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, A, B)
    cache = tmp_path / "cache"
    with serve([answer(A), answer(B)]) as server:
        first = run(folder, server, cache)
    assert requested(server) == [A, B] and len(entries(cache)) == 2
    with serve() as server:  # it would answer any request with HTTP 500
        second = run(folder, server, cache)
    assert server.requests == []
    assert [s.cached for s in first.sources] == [False, False]
    assert [s.cached for s in second.sources] == [True, True]
    # what a cached article shows: the same report, its usage being what it cost when it was made
    for before, after in zip(first.sources, second.sources, strict=True):
        assert after.model_dump(exclude={"cached"}) == before.model_dump(exclude={"cached"})
        assert after.usage.calls == 1
    other = {"sources": True, "run": {"base_url"}}  # the server ran on another port
    assert second.model_dump(exclude=other) == first.model_dump(exclude=other)


def judge_reply(folder: Path) -> tuple[Reply, int]:
    """The hand-written judgements as the answer to the one judge request a run over ``folder`` makes."""
    reports = annotated_reports(folder, FIXTURES / "annotated")
    claims = claims_of(reports)
    [group] = candidate_groups(claims, align(claims))
    members = [claims[i] for i in group]
    prompt = load_prompts().render("judge", claims=listing(members), last_claim=len(members))
    judgements = json.loads((FIXTURES / "annotated" / "judgements.json").read_text(encoding="utf-8"))
    content = verdict(prompt, judgements)
    return Reply(content), len(json.loads(content)["conflicts"])


def test_the_judges_answers_are_cached_so_an_unchanged_run_asks_nothing(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, A, B, C)
    cache = tmp_path / "cache"
    reply, conflicts = judge_reply(folder)
    assert conflicts >= 2  # the seeds' hand-written judgements have conflicts among these three
    with serve([answer(A), answer(B), answer(C), reply]) as server:
        first = run(folder, server, cache, judge=True)
    assert len(server.requests) == 4 and len(list((cache / VERDICTS).glob("*.json"))) == 1
    judged = [d for d in first.disagreements if d.kind == "contradiction"]
    assert len(judged) >= 2
    with serve() as server:  # it would answer any request with HTTP 500
        second = run(folder, server, cache, judge=True)
    assert server.requests == [] and not second.notes
    assert [d.model_dump() for d in second.disagreements] == [d.model_dump() for d in first.disagreements]
    # an article added: it and the judge's group (now listing its claims too) are asked, the others are not
    shutil.copy(SEEDS / f"{D}.txt", folder)
    with serve([answer(D), Reply('{"conflicts": []}')]) as server:
        third = run(folder, server, cache, judge=True)
    assert len(server.requests) == 2 and [s.cached for s in third.sources] == [True, True, True, False]
    assert "[C1] (" in server.requests[1]["messages"][-1]["content"]  # the second request is the judge's
    assert not [d for d in third.disagreements if d.kind == "contradiction"]


def test_a_cached_article_is_described_as_the_file_it_is_now(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    with serve([answer(A)]) as server:
        run(folder_of(tmp_path, A), server, cache)
    moved = tmp_path / "moved"
    moved.mkdir()
    shutil.copy(SEEDS / f"{A}.txt", moved)
    with serve() as server:
        report = run(moved, server, cache)
    assert server.requests == [] and report.sources[0].cached
    assert report.sources[0].source.path == str(moved / f"{A}.txt")


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text[: len(text) // 2],  # cut short
        lambda text: "",  # empty
        lambda text: "[1, 2, 3]",  # JSON, not an entry
        lambda text: text.replace('"grounding"', '"grounded"'),  # an entry that does not validate
        lambda text: re.sub(r'"key": "[0-9a-f]+"', '"key": "' + "0" * 64 + '"', text),  # another entry's
        lambda text: "\udcff",  # not UTF-8
    ],
    ids=["truncated", "empty", "not-an-entry", "invalid", "wrong-key", "undecodable"],
)
def test_a_damaged_entry_is_a_miss_and_is_replaced(tmp_path: Path, damage) -> None:
    folder = folder_of(tmp_path, A)
    cache = tmp_path / "cache"
    with serve([answer(A)]) as server:
        run(folder, server, cache)
    [entry] = entries(cache)
    entry.write_bytes(damage(entry.read_text(encoding="utf-8")).encode("utf-8", "surrogateescape"))
    backend = Backend("compatible", "scripted", "grammar", f"http://127.0.0.1:{_port}/v1")
    assert ArticleCache(cache, backend, load_prompts().version).get(seed(A)) is None
    with serve([answer(A)]) as server:
        report = run(folder, server, cache)  # no traceback: the article is simply asked again
    assert len(server.requests) == 1 and not report.sources[0].cached
    assert ArticleReport.model_validate(json.loads(entry.read_text(encoding="utf-8"))["report"])


def test_an_unreadable_or_unwritable_cache_only_costs_time(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, A)
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    with serve([answer(A)]) as server:
        report = run(folder, server, blocked)
    assert len(server.requests) == 1 and report.sources[0].claims and not report.failed
    assert blocked.read_text(encoding="utf-8") == "not a folder"


def test_writes_go_through_a_temporary_and_a_leftover_one_is_never_read(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    store = ArticleCache(cache, BACKEND, "p1")
    report = ArticleReport(source=seed(A).info, grounding={"proposed": 0, "grounded": 0, "dropped": 0})
    path = store.path(seed(A))
    # a write cut short by a kill leaves only its temporary, which is not an entry
    cut = path.parent / f".{path.name}.k1ll3d.tmp"
    cut.parent.mkdir(parents=True)
    cut.write_text('{"key": "', encoding="utf-8")
    assert store.get(seed(A)) is None
    assert store.put(seed(A), report)
    assert store.get(seed(A)).cached and store.get(seed(A)).source == seed(A).info
    assert sorted(p.name for p in path.parent.iterdir()) == sorted([cut.name, path.name])  # no new temporary
    # a rewrite is a new file renamed over the old one, never the old one rewritten in place
    first = path.stat().st_ino
    assert store.put(seed(A), report)
    assert path.stat().st_ino != first
    removed = clear(cache)
    assert sorted(p.name for p in removed) == sorted([cut.name, path.name])
    assert not (cache / ENTRIES).exists() and cache.is_dir()


def test_failed_articles_are_not_cached(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, A, B)
    cache = tmp_path / "cache"
    replies = [Reply(status=400, body={"error": {"message": "bad request"}}), answer(B)]
    with serve(replies) as server:
        report = run(folder, server, cache)
    assert len(report.failed) == 1 and len(entries(cache)) == 1
    with serve([answer(A)]) as server:
        report = run(folder, server, cache)
    assert requested(server) == [A] and not report.failed
    assert [s.cached for s in report.sources] == [False, True]


# --------------------------------------------------------------------------------------------------
# Record and replay never use the cache
# --------------------------------------------------------------------------------------------------


def test_record_and_replay_neither_read_nor_write_the_cache(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, A)
    cache = tmp_path / "cache"
    with serve([answer(A)]) as server:
        run(folder, server, cache)
    [entry] = entries(cache)
    before = entry.read_bytes()
    recording = tmp_path / "recording"
    with serve([answer(A)]) as server:
        recorded = run(folder, server, cache, record_to=recording)
    assert len(server.requests) == 1  # the recording captured a real exchange, despite the entry
    replayed = summarize(folder, replay_from=recording, judge=False, cache=cache)
    assert not recorded.sources[0].cached and not replayed.sources[0].cached
    assert replayed.sources[0].usage.calls == 1  # the pipeline ran: the replayed answer was counted
    assert entries(cache) == [entry] and entry.read_bytes() == before


# --------------------------------------------------------------------------------------------------
# The command line
# --------------------------------------------------------------------------------------------------


def cli(*args: object, **env: str):
    return CliRunner().invoke(app, [str(a) for a in args], env=env or None)


def test_cli_caches_by_default_and_no_cache_turns_it_off(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, A)
    cache = tmp_path / "cache"
    common = [folder, "--model", "scripted", "--no-judge", "--format", "json", "-q", "--cache-dir", cache]
    with serve([answer(A)]) as server:
        assert cli(*common, "--base-url", server.base_url, "--no-cache").exit_code == 0
    assert entries(cache) == []
    with serve([answer(A), answer(A)]) as server:
        assert cli(*common, "--base-url", server.base_url).exit_code == 0
        assert len(entries(cache)) == 1
        result = cli(*common, "--base-url", server.base_url)
        assert json.loads(result.stdout)["sources"][0]["cached"] is True
        assert cli(*common, "--base-url", server.base_url, "--no-cache").exit_code == 0
    assert len(server.requests) == 2  # the first run and the --no-cache run


def test_cli_clear_cache_removes_only_entries_and_says_what(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    with serve([answer(A), answer(B)]) as server:
        run(folder_of(tmp_path, A, B), server, cache)
    keep = cache / ENTRIES / "notes.txt"
    keep.write_text("mine", encoding="utf-8")
    (cache / "other.json").write_text("{}", encoding="utf-8")
    monkeypatch.setenv(CACHE_ENV, str(cache))  # found through the environment, no folder needed
    result = cli("--clear-cache")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"removed 2 cached article(s) from {cache}"
    assert sorted(p.name for p in cache.rglob("*")) == sorted([ENTRIES, "notes.txt", "other.json"])
    result = cli("--clear-cache", "--cache-dir", tmp_path / "never-made")
    assert result.exit_code == 0 and "removed 0 cached article(s)" in result.stdout


def test_cli_without_an_input_is_a_usage_error() -> None:
    result = cli("--no-cache")
    assert result.exit_code == 2 and result.output.strip().startswith("error: missing INPUT")


# --------------------------------------------------------------------------------------------------
# Resume after SIGKILL
# --------------------------------------------------------------------------------------------------


def _wait_for(condition, what: str, limit: float = 60.0) -> None:
    """Poll until ``condition()`` holds; a hang guard, not a timing assertion."""
    deadline = time.monotonic() + limit
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for {what}")
        time.sleep(0.02)


def test_a_run_killed_mid_way_resumes_with_only_the_unfinished_articles(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, A, B, C)
    cache = tmp_path / "cache"
    command = [
        sys.executable, "-m", "summarizer.cli", str(folder), "--model", "scripted", "--concurrency", "1",
        "--no-judge", "--cache-dir", str(cache), "--format", "json", "--quiet",
    ]  # fmt: skip
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))}
    # A is answered at once; B's answer is held back far longer than the test waits
    with serve([answer(A), Reply(answer(B).content, delay=30)]) as server:
        process = subprocess.Popen(
            [*command, "--base-url", server.base_url], env=env, cwd=ROOT,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )  # fmt: skip
        try:
            _wait_for(lambda: len(server.requests) >= 2 or process.poll() is not None, "the request for B")
            _wait_for(lambda: entries(cache) or process.poll() is not None, "A's cache entry")
            assert process.poll() is None, process.stderr.read().decode()
            os.kill(process.pid, signal.SIGKILL)
        finally:
            process.kill()
            process.wait()
            process.stderr.close()
    assert process.returncode == -signal.SIGKILL
    assert requested(server) == [A, B]

    # only whole entries: A's, and nothing half-written
    [entry] = entries(cache)
    stored = json.loads(entry.read_text(encoding="utf-8"))
    assert ArticleReport.model_validate(stored["report"]).source.id == A

    with serve([answer(B), answer(C)]) as server:
        result = cli(*command[3:], "--base-url", server.base_url)
    assert result.exit_code == 0, result.output
    assert requested(server) == [B, C]  # A came from the cache
    report = json.loads(result.stdout)
    assert [(s["source"]["id"], s["cached"]) for s in report["sources"]] == [(A, True), (B, False), (C, False)]
    assert len(entries(cache)) == 3
    for path in entries(cache):
        assert ArticleReport.model_validate(json.loads(path.read_text(encoding="utf-8"))["report"])


def test_the_models_brief_is_cached_so_an_unchanged_run_asks_nothing(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, A, B)
    with serve([answer(A), answer(B)]) as server:
        plain = run(folder, server, False)
    agreed = next(n for n, q in enumerate(plain.questions, 1) if q.status == "consensus")
    draft = {"sentences": [{"text": "The sources describe the meeting in these words.", "cites": [f"Q{agreed}A"]}]}
    cache = tmp_path / "cache"
    with serve([answer(A), answer(B), Reply(json.dumps(draft))]) as server:
        first = run(folder, server, cache, brief=True)
    assert len(server.requests) == 3 and first.brief is not None and first.brief.by == "model"
    assert len(list((cache / BRIEFS).glob("*.json"))) == 1
    with serve() as server:  # it would answer any request with HTTP 500
        second = run(folder, server, cache, brief=True)
    assert server.requests == [] and not second.notes
    assert second.brief == first.brief
    assert clear(cache) and not (cache / BRIEFS).exists()


def _edited(cache: Path, change) -> None:
    """The one article entry of ``cache``, changed by ``change`` (of its JSON data), written back."""
    (path,) = entries(cache)
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def _under_old_rules(data: dict) -> None:
    data["derived"] = "0" * 64  # made by another version of the rules: theirs found no dates here
    data["report"]["dates"] = []


def test_an_entry_made_under_other_rules_is_derived_again_from_the_kept_answer(tmp_path: Path) -> None:
    folder, cache = folder_of(tmp_path, A), tmp_path / "cache"
    with serve([answer(A)]) as server:
        first = run(folder, server, cache)
    assert first.sources[0].dates
    _edited(cache, _under_old_rules)
    with serve() as server:  # it would answer any request with HTTP 500
        second = run(folder, server, cache)
    assert server.requests == [] and second.sources[0].cached
    assert second.sources[0].model_dump(exclude={"cached"}) == first.sources[0].model_dump(exclude={"cached"})
    (path,) = entries(cache)
    kept = json.loads(path.read_text(encoding="utf-8"))
    assert kept["derived"] == derived() and kept["report"]["dates"]  # written back as derived now


@pytest.mark.parametrize(
    "older",
    [
        lambda data: [data.pop("answer"), data.pop("derived")],  # from before answers were kept
        lambda data: data["answer"].update(sentences="0" * 64),  # its sentences numbered otherwise then
    ],
    ids=["no-answer-kept", "sentences-renumbered"],
)
def test_an_entry_that_cannot_be_derived_again_is_used_as_it_was(tmp_path: Path, older) -> None:
    folder, cache = folder_of(tmp_path, A), tmp_path / "cache"
    with serve([answer(A)]) as server:
        run(folder, server, cache)
    _edited(cache, lambda data: [_under_old_rules(data), older(data)])
    with serve() as server:
        second = run(folder, server, cache)
    assert server.requests == [] and second.sources[0].cached and second.sources[0].dates == []
