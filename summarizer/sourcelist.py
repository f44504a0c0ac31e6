"""A list naming the sources yourself: which outlet published each file or URL, when, and where.

``sources.csv`` (a header row, then one row per article) or ``sources.json`` (a list of objects, or
an object keyed by file or URL), with the fields:

* ``file`` — the article's file: its name (``a.txt``), its stem (``a``) or its path as given; or
* ``url`` — the article's address: for a URL given as input, the key; for a file, where it was
  published (shown in the report);
* ``outlet``, ``author``, ``title`` and ``published`` (``date`` too; ``YYYY-MM-DD``, or ``YYYY-MM``,
  ``YYYY``) — each optional; an empty one leaves what the page or the text says.

A list named ``sources.csv`` or ``sources.json`` in an input folder is read for that folder's files
(never as an article); ``--sources FILE`` (``summarize(..., sources=FILE)``) names one for every input.
What a list says outranks the page's metadata, which outranks what the text says.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from summarizer.errors import ConfigError
from summarizer.schemas import SourceInfo

LIST_NAMES = ("sources.csv", "sources.json")  # in an input folder: its list, not an article
FIELDS = ("file", "url", "outlet", "author", "title", "published")
_ALIASES = {"date": "published", "path": "file", "name": "file", "publisher": "outlet", "site": "outlet"}
_ISO = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
MAX_LIST_BYTES = 5_000_000


@dataclass(frozen=True)
class Entry:
    """What the list says about one article; None where it says nothing."""

    file: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    title: str | None = None
    published: str | None = None

    def metadata(self) -> dict[str, str | None]:
        return {"outlet": self.outlet, "author": self.author, "title": self.title, "published": self.published}


class SourceList:
    """Entries looked up by a file (path, name or stem) or by a URL."""

    def __init__(self, entries: list[Entry], origin: str = "") -> None:
        self.entries = entries
        self.origin = origin

    def find(self, path: Path | None = None, url: str | None = None) -> Entry | None:
        for entry in self.entries:
            if path is not None and entry.file is not None and _same_file(entry.file, path):
                return entry
            if url is not None and entry.file is None and entry.url is not None and _same_url(entry.url, url):
                return entry
        return None


def read_list(path: Path) -> SourceList:
    """The list in ``path`` (.csv or .json); ConfigError with the line or item at fault."""
    from summarizer.files import read_regular

    try:
        data = read_regular(path, MAX_LIST_BYTES).decode("utf-8-sig")
    except (ValueError, UnicodeDecodeError) as why:
        raise ConfigError(f"cannot read the sources list {path}: {why}") from None
    rows = _json_rows(data, path) if path.suffix.lower() == ".json" else _csv_rows(data, path)
    entries = []
    for where, row in rows:
        entry = _entry(row, f"{path} {where}")
        if entry is not None:
            entries.append(entry)
    return SourceList(entries, str(path))


def _csv_rows(data: str, path: Path) -> list[tuple[str, dict[str, str]]]:
    """The rows of a CSV list, its columns separated by commas, semicolons (as spreadsheets write it where
    the comma is the decimal mark) or tabs: whichever its header line uses most."""
    header = data.split("\n", 1)[0]
    reader = csv.DictReader(io.StringIO(data), delimiter=max(",;\t", key=header.count))
    columns = [str(c) for c in reader.fieldnames or []]
    if columns and not any(_ALIASES.get(c.strip().lower(), c.strip().lower()) in FIELDS for c in columns):
        named = ", ".join(repr(c) for c in columns[:4])
        raise ConfigError(f"the sources list {path} has none of the columns {', '.join(FIELDS)} (its header: {named})")
    return [(f"line {reader.line_num}", {str(k): v or "" for k, v in row.items() if k}) for row in reader]


def _json_rows(data: str, path: Path) -> list[tuple[str, dict[str, str]]]:
    try:
        value = json.loads(data)
    except json.JSONDecodeError as error:
        raise ConfigError(f"the sources list {path} is not JSON: {error}") from None
    if isinstance(value, dict):
        value = [{"file" if not k.startswith(("http://", "https://")) else "url": k} | v for k, v in value.items()]
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise ConfigError(f"the sources list {path} is neither a list of objects nor an object of objects")
    return [
        (f"item {i}", {str(k): "" if v is None else str(v) for k, v in row.items()}) for i, row in enumerate(value, 1)
    ]


def _entry(row: dict[str, str], where: str) -> Entry | None:
    fields: dict[str, str | None] = {}
    for key, value in row.items():
        name = _ALIASES.get(key.strip().lower(), key.strip().lower())
        if name in FIELDS:
            fields[name] = " ".join(value.split()) or None
    if not fields.get("file") and not fields.get("url"):
        if any(fields.values()):
            raise ConfigError(f"{where}: names no file or url")
        return None  # a blank row
    published = fields.get("published")
    if published is not None and not _is_date(published):
        raise ConfigError(f"{where}: published {published!r} is not a date as YYYY-MM-DD")
    return Entry(**fields)


def _is_date(text: str) -> bool:
    """A day, a month or a year that exists, written YYYY-MM-DD, YYYY-MM or YYYY ("2023-13-45" is none)."""
    if not _ISO.fullmatch(text):
        return False
    try:
        dt.datetime.strptime(text, {10: "%Y-%m-%d", 7: "%Y-%m"}.get(len(text), "%Y"))
    except ValueError:
        return False
    return True


def _same_file(given: str, path: Path) -> bool:
    given = given.replace("\\", "/")
    if "/" in given:
        return Path(given) == path or Path(given).resolve() == path.resolve()
    return given in (path.name, path.stem)


def _same_url(given: str, url: str) -> bool:
    return given.rstrip("/") == url.rstrip("/")


def source_names(infos: Sequence[SourceInfo]) -> dict[str, str]:
    """What to call each source (by id) wherever a report names it: its outlet, else its author, else its
    headline (shortened), and its id only when nothing else is known. A name that several sources share
    is numbered in their order ('AFP', 'AFP 2')."""
    wanted = {}
    for info in infos:
        title = info.title if info.title and len(info.title) <= 40 else (info.title or "")[:39].rstrip() + "…"
        wanted[info.id] = info.outlet or info.author or (title if info.title else None) or info.id
    counts = Counter(wanted.values())
    seen: Counter[str] = Counter()
    names = {}
    for source_id, name in wanted.items():
        seen[name] += 1
        names[source_id] = name if counts[name] == 1 else f"{name} {seen[name]}"
    return names
