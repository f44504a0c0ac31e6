"""Load: from folders, files and URLs to articles, with a reason for every file or URL left out.

Only regular files (links resolved) named ``.txt``, ``.text``, ``.md``, ``.markdown``, ``.html``,
``.htm`` or ``.xhtml`` are read, and none over :data:`MAX_FILE_BYTES` (checked before reading); a URL
is fetched (:mod:`summarizer.fetch`: bounded in time, size and redirects, web pages only). Text is
decoded as UTF-8 — with the odd invalid byte replaced and a warning — or as the encoding of its
byte-order mark, UTF-16 without one, or the legacy encoding charset-normalizer finds; HTML is reduced
to its main text and Markdown to its text without the markup (:mod:`summarizer.pages`); binary, empty
and duplicate files are skipped with a one-line reason. An article is cut at
:data:`MAX_ARTICLE_CHARS`, with a warning, so that the work per file is bounded.

Headline, outlet, author and publication date come from a sources list (:mod:`summarizer.sourcelist`),
else the page's metadata, else what the text says (:mod:`summarizer.metadata`: a dateline "The Guardian, 9
September 2023" gives the outlet and the date); the article's language is detected, so that its dates
are read in it.

Each article's id is its file name without the extension — or with it, when another file of the run
has the same stem (``a.txt`` and ``a.md`` are ``a.txt`` and ``a.md``): ids are unique in a run. A page's
id is made of its host and the last part of its path.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import urllib.parse
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from html import unescape
from pathlib import Path

from summarizer import fetch
from summarizer.decode import decode
from summarizer.errors import InputError
from summarizer.files import read_regular
from summarizer.metadata import read_metadata
from summarizer.pages import MARKDOWN_SUFFIXES, detect_language, markdown_to_text, read_page
from summarizer.pages import html_to_text as html_to_text  # where it used to live
from summarizer.printable import paired
from summarizer.schemas import Problem, SourceInfo
from summarizer.sourcelist import LIST_NAMES, SourceList, read_list
from summarizer.text import Document

MIN_WORDS = 25  # fewer words than this is not an article worth a model call
MAX_FILE_BYTES = 10_000_000  # a larger file is skipped unread (a saved news page is well under 5 MB)
MAX_ARTICLE_CHARS = 100_000  # an article is cut here (a long read is 60,000): at most a few requests
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
ARTICLE_SUFFIXES = {".txt", ".text", ".md", ".markdown", *HTML_SUFFIXES}


@dataclass
class Article:
    """One readable input: a file, or a page fetched from its URL."""

    path: Path
    text: str
    source_id: str | None = None  # unique in the run; the file's stem by default
    warnings: list[str] = field(default_factory=list)  # what was noticed while reading it
    meta: dict[str, str | None] = field(default_factory=dict)  # the page's and the sources list's: outrank the text
    url: str | None = None  # the address it was fetched from; None for a file
    info: SourceInfo = field(init=False)

    def __post_init__(self) -> None:
        given = {k: paired(v) for k, v in self.meta.items() if v and k in ("title", "outlet", "author", "published")}
        self.info = SourceInfo(
            id=self.source_id or paired(self.path.stem),
            path=paired(self.url or str(self.path)),  # a file name need not be UTF-8; a report must be
            url=self.meta.get("url") or self.url,
            sha256=hashlib.sha256(self.text.encode("utf-8")).hexdigest(),
            chars=len(self.text),
            language=detect_language(self.text),
            text=self.text if self.url else None,  # no file to read it from again
            warnings=self.warnings,
            **(read_metadata(self.text) | given),
        )

    @property
    def id(self) -> str:
        return self.info.id

    @cached_property
    def document(self) -> Document:
        return Document(self.id, self.text)

    @property
    def published(self) -> dt.date | None:
        """The publication date, when known to the day: what relative dates are resolved against."""
        try:
            return dt.date.fromisoformat(self.info.published) if self.info.published else None
        except ValueError:  # a month or a year only
            return None

    @property
    def language(self) -> str | None:
        return self.info.language


@dataclass
class Loaded:
    articles: list[Article]
    skipped: list[Problem]


def load_folder(folder: str | Path, sources: str | Path | None = None) -> Loaded:
    """Every article in ``folder`` (or the one file given), and every file skipped with why."""
    return load_inputs([folder], sources)


def load_inputs(inputs: str | Path | Sequence[str | Path], sources: str | Path | None = None) -> Loaded:
    """Every article in ``inputs`` — folders, files and ``http(s)://`` URLs, in any mix — and every file
    or URL skipped with why. ``sources`` is a list naming the sources (:mod:`summarizer.sourcelist`);
    a ``sources.csv`` or ``sources.json`` in a folder is that folder's list, never an article."""
    items = [inputs] if isinstance(inputs, str | Path) else list(inputs)
    if not items:
        raise InputError("nothing to read: name a folder, files or URLs")
    listed = read_list(Path(sources)) if sources is not None else None
    candidates = [c for item in items for c in _candidates(item, listed, sources)]
    read: list[tuple[_Candidate, str, list[str], dict[str, str | None]]] = []
    skipped: list[Problem] = []
    seen: dict[str, str] = {}
    for candidate, outcome in zip(candidates, _read_all(candidates), strict=True):
        if isinstance(outcome, str):
            skipped.append(Problem(path=candidate.shown, reason=outcome))
            continue
        text, warnings, meta = outcome
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if digest in seen:
            skipped.append(Problem(path=candidate.shown, reason=f"same text as {seen[digest]}; counted once"))
            continue
        seen[digest] = candidate.name
        read.append((candidate, text, warnings, meta))
    if not read:
        detail = f" ({len(skipped)} file(s) skipped: {skipped[0].reason})" if skipped else ""
        where = ", ".join(paired(fetch.shown(str(i))) for i in items[:3]) + (" …" if len(items) > 3 else "")
        raise InputError(f"no readable articles in {where}{detail}")
    ids = unique_ids([c.named for c, *_ in read])
    articles = [
        Article(c.path or c.named, text, id_, warnings, meta, c.url)
        for (c, text, warnings, meta), id_ in zip(read, ids, strict=True)
    ]
    return Loaded(articles, skipped)


@dataclass
class _Candidate:
    """A file or URL to read, and the sources lists that may name it (the first that does wins)."""

    path: Path | None = None
    url: str | None = None
    lists: list[SourceList] = field(default_factory=list)

    @property
    def shown(self) -> str:
        return paired(fetch.shown(self.url) if self.url else str(self.path))

    @property
    def name(self) -> str:
        return paired(self.path.name if self.path else fetch.shown(self.url or ""))

    @property
    def named(self) -> Path:
        """A file name for the id: the file's, or one made of the URL's host and last path segment."""
        if self.path is not None:
            return self.path
        parts = urllib.parse.urlsplit(self.url or "")
        host = (parts.hostname or "page").removeprefix("www.")
        last = Path(parts.path.rstrip("/")).stem
        slug = re.sub(r"[^\w.-]+", "-", f"{host}-{last}" if last else host).strip("-")[:60]
        return Path(f"{slug}.html")


def _candidates(item: str | Path, listed: SourceList | None, sources: str | Path | None) -> list[_Candidate]:
    lists = [listed] if listed is not None else []
    if isinstance(item, str) and fetch.is_url(item):
        return [_Candidate(url=item, lists=lists)]
    path = Path(item)
    if not path.exists():
        hint = (
            " (a web address needs http:// or https://)" if re.match(r"(www\.)?[\w-]+\.[a-z]{2,}/", str(item)) else ""
        )
        raise InputError(f"folder or file not found: {paired(str(item))}{hint}")
    if not path.is_dir():
        return [_Candidate(path=path, lists=lists)]
    own = next((path / n for n in LIST_NAMES if (path / n).is_file()), None)
    if own is not None:
        lists = [*lists, read_list(own)]
    given = Path(os.path.realpath(sources)) if sources is not None else None
    return [
        _Candidate(path=p, lists=lists)
        for p in sorted(path.iterdir())
        if not p.name.startswith(".") and p.name not in LIST_NAMES and not p.is_dir()
        and (given is None or Path(os.path.realpath(p)) != given)
    ]  # fmt: skip


_Read = tuple[str, list[str], dict[str, str | None]] | str  # text, warnings, metadata; or why not


def _read_all(candidates: list[_Candidate]) -> list[_Read]:
    """Each candidate read (URLs fetched a few at a time), in order."""
    from concurrent.futures import ThreadPoolExecutor

    urls = [c for c in candidates if c.url]
    with ThreadPoolExecutor(min(4, len(urls) or 1)) as pool:
        fetched = dict(zip([id(c) for c in urls], pool.map(_read_one, urls), strict=True))
    return [fetched[id(c)] if c.url else _read_one(c) for c in candidates]


def _read_one(candidate: _Candidate) -> _Read:
    try:
        if candidate.url:
            text, warnings, meta = read_url(candidate.url)
            entry = next(
                (e for s in candidate.lists if (e := s.find(url=candidate.url) or s.find(url=meta["url"]))), None
            )
        else:
            assert candidate.path is not None
            text, warnings, meta = _read_file(candidate.path)
            entry = next((e for s in candidate.lists if (e := s.find(path=candidate.path))), None)
    except ValueError as why:
        return str(why)
    if entry is not None:
        meta |= {k: v for k, v in entry.metadata().items() if v}
        if entry.file is not None and entry.url:
            meta["url"] = entry.url
    return text, warnings, meta


def unique_ids(paths: list[Path]) -> list[str]:
    """One id per file: its stem, or its name when another file shares the stem; numbered if still equal."""
    stems = Counter(path.stem for path in paths)
    wanted = [paired(path.stem if stems[path.stem] == 1 else path.name) for path in paths]
    taken: set[str] = set()
    ids = []
    for name in wanted:  # 'a.txt' and 'a.txt.md' (stem 'a.txt') would still meet
        unique, n = name, 1
        while unique in taken:
            n += 1
            unique = f"{name}-{n}"
        taken.add(unique)
        ids.append(unique)
    return ids


def read_text(path: Path) -> str:
    """The article text of one file; ValueError with a one-line reason when there is none."""
    return read_article(path)[0]


def read_article(path: Path) -> tuple[str, list[str]]:
    """The article text of one file and what was noticed reading it; ValueError with a one-line reason
    when it has none: not a file to read, too large, binary, not text, too short."""
    text, warnings, _ = _read_file(path)
    return text, warnings


def _read_file(path: Path) -> tuple[str, list[str], dict[str, str | None]]:
    """Text, warnings and the page's metadata (for HTML) of one file."""
    if path.suffix.lower() not in ARTICLE_SUFFIXES:
        kind = f"a {path.suffix} file" if path.suffix else "a file without an extension"
        raise ValueError(f"{kind}: only .txt, .md and .html files (and their variants) are read")
    text, warnings = decode(read_regular(path, MAX_FILE_BYTES))
    meta: dict[str, str | None] = {}
    if path.suffix.lower() in HTML_SUFFIXES or re.match(r"\s*<(!doctype html|html)", text, re.I):
        page = read_page(text)
        text, meta = page.text, page.metadata()
    elif path.suffix.lower() in MARKDOWN_SUFFIXES:
        text = markdown_to_text(text)  # its parser writes entities as their characters, code as written
    else:
        text = _ENTITY.sub(_unescaped, text)
    return _finished(text, warnings), warnings, meta


# an HTML entity left in plain text scraped from a page ("&amp;", "&quot;", "&#39;", "&nbsp;")
_ENTITY = re.compile(r"&(?:#\d{1,6}|#x[0-9a-f]{1,6}|[a-z]{2,8});", re.I)


def _unescaped(entity: re.Match[str]) -> str:
    """The character an entity stands for ("&amp;": "&"); one no table knows stays as written."""
    return unescape(entity.group(0))


def read_url(url: str) -> tuple[str, list[str], dict[str, str | None]]:
    """Text, warnings and metadata of the page at ``url`` (fetched); ValueError with a one-line reason."""
    fetched = fetch.fetch(url, MAX_FILE_BYTES)
    text, warnings = decode(fetched.body, fetched.charset)
    meta: dict[str, str | None] = {"url": fetched.url}
    if fetched.html or re.match(r"\s*<(!doctype html|html)", text, re.I):
        page = read_page(text)
        text, meta = page.text, meta | page.metadata()
    return _finished(text, warnings), warnings, meta


def _finished(text: str, warnings: list[str]) -> str:
    """Line breaks made plain, too short refused, too long cut (with a warning)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    words = len(text.split())
    if words < MIN_WORDS:
        raise ValueError(f"too short to be an article ({words} words)")
    if len(text) > MAX_ARTICLE_CHARS:
        whole = len(text)
        text = _cut(text, MAX_ARTICLE_CHARS)
        warnings.append(f"cut to its first {len(text):,} of {whole:,} characters (the limit per article)")
    return text


def _cut(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, at a line break or a space near the end if there is one."""
    head = text[:limit]
    for mark in ("\n", " "):
        at = head.rfind(mark, limit * 4 // 5)
        if at > 0:
            return head[:at].rstrip()
    return head
