"""The floor: what the rules and the entity model find in an article, whatever a model answers.

Quotations, numbers and dates come from rules (:mod:`summarizer.rules`), people, organisations and places
from spaCy's entity model (:mod:`summarizer.entities`). The entity model is most of the work, and it is
Python's: in a thread of the process that also parses and grounds the model's answers, it would hold
the interpreter lock the event loop needs. So, while a model is asked, the floor is found in a worker
process of its own (:func:`found_elsewhere`), on another core:

* The worker is a child reading requests on its standard input (:func:`main`). When
  this process ends, however it ends (``kill -9`` included), that pipe closes and the worker exits: no
  worker outlives the run. It ignores Ctrl-C, which the parent handles.
* It is started at the first article, once per process, and loads the entity model once.
* If it cannot start, or dies, the floor is found in this process instead, as it would be without it:
  the report is the same either way (the worker rebuilds the article's document from the same text).
"""

from __future__ import annotations

import atexit
import contextlib
import datetime as dt
import os
import pickle
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from summarizer.entities import entities
from summarizer.rules import dates, numbers, quotes
from summarizer.schemas import GroundedDate, GroundedEntity, GroundedFigure, GroundedQuote
from summarizer.text import Document

if TYPE_CHECKING:
    from summarizer.load import Article

# What the worker is asked: the article's id and text (its document is rebuilt from them), its
# publication date and its language (what relative dates are read against).
Request = tuple[str, str, dt.date | None, str | None]


@dataclass(frozen=True)
class Floor:
    """What the rules and the entity model find in an article, whatever the model answers."""

    entities: list[GroundedEntity]
    quotes: list[GroundedQuote]
    numbers: list[GroundedFigure]
    dates: list[GroundedDate]


def floor_of(doc: Document, published: dt.date | None, language: str | None) -> Floor:
    return Floor(entities(doc), quotes(doc), numbers(doc), dates(doc, published, language))


def rules_floor(article: Article) -> Floor:
    """The floor of ``article``, found in this process."""
    return floor_of(article.document, article.published, article.language)


def found_elsewhere(article: Article) -> Floor:
    """The floor of ``article``, found by the worker process (blocking: call it from a thread); in this
    process if the worker cannot be used."""
    worker = _Worker.current()
    if worker is not None:
        answer = worker.ask((article.id, article.text, article.published, article.language))
        if answer is not None:
            return answer
    return rules_floor(article)


class _Worker:
    """One child process running :func:`main`, asked one article at a time."""

    _current: _Worker | None = None
    _unusable = False  # no worker could be started: the floor is found here from then on
    _lock = threading.Lock()

    def __init__(self, command: list[str]) -> None:
        self.owner = os.getpid()
        self.process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,  # its failures show as ours: the floor is then found here
        )
        self.lock = threading.Lock()
        self.dead = False  # it died: not asked again, and not replaced (the floor is found here instead)

    @classmethod
    def current(cls) -> _Worker | None:
        with cls._lock:
            if cls._unusable:
                return None
            if cls._current is None or cls._current.owner != os.getpid():  # none yet, or a forked copy's
                try:
                    cls._current = cls(_command())
                except OSError:
                    cls._unusable = True
                    return None
                atexit.register(cls._current.close)
            return None if cls._current.dead else cls._current

    def ask(self, request: Request) -> Floor | None:
        """The worker's floor for ``request``; None if the worker is gone (then it is not asked again).
        An error the rules raised there is raised here."""
        stdin, stdout = self.process.stdin, self.process.stdout
        assert stdin is not None and stdout is not None
        with self.lock:
            if self.dead:
                return None
            try:
                pickle.dump(request, stdin, protocol=pickle.HIGHEST_PROTOCOL)
                stdin.flush()
                ok, value = pickle.load(stdout)
            except Exception:  # gone, or not a worker of ours (whatever it wrote is no answer)
                self.dead = True
                self.close()
                return None
        if not ok:
            raise value
        floor: Floor = value
        return floor

    def close(self) -> None:
        """End the worker: its input closes, and it exits."""
        if self.process.stdin is not None and not self.process.stdin.closed:
            with contextlib.suppress(OSError):
                self.process.stdin.close()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()


def _command() -> list[str]:
    """The worker's command line: this interpreter, running :func:`main` of this very package."""
    root = str(Path(__file__).resolve().parent.parent)
    # -P: the current folder is not on the worker's path (a file there named like a module would shadow
    # it); this package's folder is, when a fresh interpreter would not find it (a checkout on sys.path)
    code = (
        f"import sys; r = {root!r}; r in sys.path or sys.path.insert(0, r); from summarizer.floor import main; main()"
    )
    return [sys.executable, "-P", "-c", code]


def serve(requests: IO[bytes], answers: IO[bytes]) -> None:
    """Answer each pickled :data:`Request` read from ``requests`` with ``(True, Floor)``, or ``(False,
    error)`` when the rules raise; return when ``requests`` ends."""
    while True:
        try:
            article_id, text, published, language = pickle.load(requests)
        except EOFError:
            return
        try:
            answer: tuple[bool, Any] = (True, floor_of(Document(article_id, text), published, language))
        except Exception as error:  # the parent raises it as if the rules had run there
            try:
                pickle.dumps(error)
            except Exception:
                error = RuntimeError(f"{type(error).__name__}: {error}")
            answer = (False, error)
        pickle.dump(answer, answers, protocol=pickle.HIGHEST_PROTOCOL)
        answers.flush()


def main() -> None:
    """The worker: requests on standard input, answers on the standard output it was given (anything a
    library prints goes to standard error instead, so it cannot corrupt an answer)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it closes the pipe
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    with contextlib.suppress(BrokenPipeError):  # the parent is gone
        serve(sys.stdin.buffer, answers)
