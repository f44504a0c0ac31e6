"""The floor's worker process: the same items as in-process, errors carried back, no worker left behind."""

from __future__ import annotations

import io
import os
import pickle
import signal
import subprocess
import sys
import textwrap
import time

from helpers import SEEDS

from summarizer.floor import _Worker, found_elsewhere, rules_floor, serve
from summarizer.load import load_folder


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie (exited, not yet reaped by its new parent) is gone for our purpose
    with open(f"/proc/{pid}/stat") as stat:
        return stat.read().split(")")[-1].split()[0] != "Z"


def _gone_within(pid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not _alive(pid):
            return True
        time.sleep(0.1)
    return not _alive(pid)


def test_the_worker_finds_what_this_process_finds_in_every_seed():
    articles = load_folder(SEEDS).articles
    worker = _Worker.current()
    assert worker is not None and worker.process.pid != os.getpid()
    for article in articles:
        assert found_elsewhere(article) == rules_floor(article), article.id
    assert not worker.dead and worker.process.poll() is None


def test_a_worker_that_dies_is_not_asked_again_and_the_floor_is_found_here():
    article = load_folder(SEEDS).articles[0]
    broken = _Worker([sys.executable, "-c", "import sys; sys.exit(3)"])
    assert broken.ask((article.id, article.text, article.published, article.language)) is None
    assert broken.dead
    assert broken.ask((article.id, article.text, article.published, article.language)) is None


def test_an_error_of_the_rules_comes_back_as_the_same_error():
    requests = io.BytesIO()
    pickle.dump(("a", None, None, None), requests)  # no text: the rules raise
    requests.seek(0)
    answers = io.BytesIO()
    serve(requests, answers)
    answers.seek(0)
    ok, error = pickle.load(answers)
    assert not ok and isinstance(error, TypeError)


def test_a_worker_ignores_ctrl_c_and_exits_when_its_parent_is_killed(tmp_path):
    # a parent that starts its worker, says which it is, and waits to be killed
    script = textwrap.dedent(
        f"""
        import sys, time
        from summarizer.floor import _Worker, found_elsewhere
        from summarizer.load import load_folder
        found_elsewhere(load_folder({str(SEEDS)!r}).articles[0])
        print(_Worker.current().process.pid, flush=True)
        time.sleep(600)
        """
    )
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert parent.stdout is not None
        worker = int(parent.stdout.readline())
        os.kill(worker, signal.SIGINT)
        assert not _gone_within(worker, 1.0), "Ctrl-C is the parent's to handle"
        parent.kill()  # SIGKILL: no atexit, no cleanup of any kind
        parent.wait()
        assert _gone_within(worker, 20.0), "the worker outlived its parent"
    finally:
        parent.kill()
