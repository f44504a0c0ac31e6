"""The file system, safely: nothing the user owns is clobbered, nothing special is read, nothing read whole.

Writing (a report where ``--out`` says, a cache entry, a recording):

* A regular file, or a link to one, is replaced atomically: the text goes to a temporary file in the
  same folder, is flushed to disk, then renamed over the file (a link keeps pointing where it did; its
  target is replaced). A new file gets the usual ``0666 & ~umask``, an existing one keeps its mode.
* A character device or a FIFO is opened and written to, as a shell's ``>`` would: renaming over
  ``/dev/null`` would put a regular file in its place.
* A folder, a block device, a socket or anything else is refused before any work is done.

Reading (articles): only regular files (links resolved), opened without blocking (a FIFO would wait
for a writer forever) and read up to a limit (``/dev/zero`` never ends).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from dataclasses import dataclass, field
from pathlib import Path

from summarizer.errors import ConfigError, OutputError

# Not every system has these (Windows has none): without them, opening simply does not ask for them.
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_NOCTTY = getattr(os, "O_NOCTTY", 0)
_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation

_KINDS = {  # what a file that is not a regular file is, in words
    stat.S_IFDIR: "a folder",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFIFO: "a FIFO",
    stat.S_IFSOCK: "a socket",
    stat.S_IFLNK: "a link",
}


def kind_of(mode: int) -> str:
    return _KINDS.get(stat.S_IFMT(mode), "not a regular file")


@dataclass(frozen=True)
class Target:
    """Where a report goes: a regular file (replaced atomically) or a device or FIFO (written to)."""

    path: Path  # as the user named it, for messages
    real: Path  # links resolved: the file that is replaced or written to
    stream: bool  # a character device or FIFO: opened and written, never renamed over
    missing: list[Path] = field(default_factory=list)  # parent folders to create, outermost first


def output_target(path: Path, protected: Path | None = None) -> Target:
    """Check ``path`` as a place for a report, before any work is done; ConfigError when it is refused.

    ``protected`` is the input (a folder or one file): a report inside it would be read as an article
    by the next run, so it is refused whether or not the file exists yet.
    """
    real = Path(os.path.realpath(path))
    if protected is not None and protected.exists():
        inputs = Path(os.path.realpath(protected))
        if real == inputs or (inputs.is_dir() and real.is_relative_to(inputs)):
            verb = "overwrite" if real.exists() else "write the report to"
            raise ConfigError(f"refusing to {verb} {path}: it is inside the input folder")
    try:
        mode = os.stat(real).st_mode
    except FileNotFoundError:
        return Target(path, real, stream=False, missing=_missing_parents(path, real))
    except OSError as error:
        raise ConfigError(f"cannot write the report to {path}: {error.strerror or error}") from None
    if stat.S_ISREG(mode):
        return Target(path, real, stream=False)
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return Target(path, real, stream=True)
    raise ConfigError(f"refusing to write the report to {path}: it is {kind_of(mode)}")


def _missing_parents(path: Path, real: Path) -> list[Path]:
    missing: list[Path] = []
    parent = real.parent
    while not parent.exists():
        missing.insert(0, parent)
        parent = parent.parent
    if not parent.is_dir():
        raise ConfigError(f"cannot write the report to {path}: {parent} is not a folder")
    return missing


def write_output(target: Target, text: str) -> None:
    """Write a report to ``target``; OutputError (one line) when the system refuses."""
    data = text.encode("utf-8", "replace")  # a lone surrogate cannot be UTF-8: '?' rather than no report
    try:
        if target.stream:
            _write_in_place(target.real, data)
        else:
            for folder in target.missing:
                folder.mkdir(exist_ok=True)
            write_atomically(target.real, data)
    except OSError as error:
        raise OutputError(f"cannot write the report to {target.path}: {error.strerror or error}") from None


def _write_in_place(path: Path, data: bytes) -> None:
    # no O_CREAT: should the device or FIFO have gone, nothing is created in its place
    handle = os.open(path, os.O_WRONLY | _NOCTTY | _BINARY)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(handle, view) :]
    finally:
        os.close(handle)


def write_atomically(path: Path, content: str | bytes) -> None:
    """Replace the regular file ``path`` (or create it) through a temporary file in the same folder.

    The folder is created if needed. A new file gets ``0666 & ~umask`` (the kernel applies the umask
    to the mode given to ``open``); an existing file keeps its mode.
    """
    data = content.encode("utf-8", "replace") if isinstance(content, str) else content
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.parent / f".{path.name[:200]}.{secrets.token_hex(4)}.tmp"
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, 0o666)
    try:
        with contextlib.suppress(FileNotFoundError):
            os.chmod(temporary, stat.S_IMODE(os.stat(path).st_mode))  # by name: Windows has no fchmod
        view = memoryview(data)
        while view:
            view = view[os.write(handle, view) :]
        os.fsync(handle)
        os.close(handle)
        handle = -1
        os.replace(temporary, path)
    except BaseException:
        if handle >= 0:
            os.close(handle)
        temporary.unlink(missing_ok=True)
        raise


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at ``path`` (links resolved); ValueError with a one-line reason when
    it is anything else, cannot be read, or holds more than ``limit`` bytes (checked before reading)."""
    try:
        mode = os.stat(path).st_mode  # not even opened unless regular: opening some devices acts (a tape rewinds)
        if not stat.S_ISREG(mode):
            raise ValueError(f"not a regular file: {kind_of(mode)}")
        # and checked again once open, in case it was swapped in between; O_NONBLOCK: a FIFO swapped in
        # would otherwise wait for a writer, for ever
        handle = os.open(path, os.O_RDONLY | _NONBLOCK | _NOCTTY | _BINARY)
    except OSError as error:
        raise ValueError(f"cannot read: {error.strerror or error}") from None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            raise ValueError(f"not a regular file: {kind_of(info.st_mode)}")
        if info.st_size > limit:
            raise ValueError(f"too large: {_size(info.st_size)}, over the limit of {_size(limit)}")
        chunks = []
        size = 0
        while chunk := os.read(handle, min(1 << 20, limit + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:  # the file grew since fstat
                raise ValueError(f"too large: over the limit of {_size(limit)}")
        return b"".join(chunks)
    except OSError as error:
        raise ValueError(f"cannot read: {error.strerror or error}") from None
    finally:
        os.close(handle)


def _size(count: int) -> str:
    return f"{count / 1e6:,.1f} MB" if count >= 100_000 else f"{count:,} bytes"
