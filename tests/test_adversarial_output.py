"""Adversarial: where the report goes. Nothing the user owns is clobbered, and every refusal is one line.

A regular file is written atomically (new files with 0666 & ~umask, an existing file keeps its mode, a
link keeps pointing where it did); a device, a FIFO or ``-`` is streamed to; a folder or any other
special file is refused. Device targets are nodes made with ``mknod`` in a temporary folder (root
only), never the machine's own ``/dev`` entries.
"""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from helpers import code_root, folder_of, seed_answer
from openai_server import Reply, ScriptedServer
from typer.testing import CliRunner

from summarizer.cli import app

A = "000_7df43367a2b14d04"
OUTPUT_EXIT = 6  # the report could not be written
root_only = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="mknod needs root")


def summarize(folder: Path, *args: object):
    """``summarize FOLDER … -f md -q`` in-process against a loopback server answering seed A."""
    with ScriptedServer(default=Reply(seed_answer(A))) as server:
        return CliRunner().invoke(
            app,
            [str(folder), "--base-url", server.base_url, "--model", "scripted", "--no-cache", "-f", "md",
             *map(str, args)],
        )  # fmt: skip


def process(folder: Path, *args: object, **options: object) -> subprocess.CompletedProcess[bytes]:
    """The same as a real process, for what an in-process runner cannot show (its own stdout, its cwd)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))}
    env["PYTHONPATH"] = str(code_root())
    with ScriptedServer(default=Reply(seed_answer(A))) as server:
        return subprocess.run(
            [sys.executable, "-m", "summarizer.cli", str(folder), "--base-url", server.base_url, "--model",
             "scripted", "--no-cache", "-f", "md", *map(str, args)],
            stdout=options.pop("stdout", subprocess.PIPE), stderr=subprocess.PIPE, env=env, timeout=120, **options,
        )  # fmt: skip


def one_line(output: str) -> str:
    lines = output.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in output, output
    return lines[0]


def mknod(path: Path, kind: int, major: int, minor: int) -> Path:
    os.mknod(path, kind | 0o666, os.makedev(major, minor))
    return path


# --------------------------------------------------------------------------------------------------
# 1. Devices, FIFOs and `-` are streamed to; regular files replaced atomically; nothing else is touched
# --------------------------------------------------------------------------------------------------


@root_only
def test_a_character_device_is_written_to_not_replaced(tmp_path: Path) -> None:
    null = mknod(tmp_path / "null", stat.S_IFCHR, 1, 3)  # what /dev/null is
    result = summarize(folder_of(tmp_path, A), "-o", null, "-q")
    assert result.exit_code == 0, result.output
    after = os.lstat(null)
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == os.makedev(1, 3)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "null"]  # no temporary left beside it


@root_only
def test_a_full_device_is_one_line_exit_6_and_stays_a_device(tmp_path: Path) -> None:
    full = mknod(tmp_path / "full", stat.S_IFCHR, 1, 7)  # what /dev/full is: every write fails with ENOSPC
    result = summarize(folder_of(tmp_path, A), "-o", full, "-q")
    assert result.exit_code == OUTPUT_EXIT, result.output
    assert one_line(result.output).startswith(f"error: cannot write the report to {full}: No space left on device")
    assert stat.S_ISCHR(os.lstat(full).st_mode)


@root_only
def test_a_block_device_is_refused_untouched(tmp_path: Path) -> None:
    disk = mknod(tmp_path / "disk", stat.S_IFBLK, 7, 200)  # a loop device number nobody uses here
    result = summarize(folder_of(tmp_path, A), "-o", disk)
    assert result.exit_code == 2
    assert one_line(result.output) == f"error: refusing to write the report to {disk}: it is a block device"
    assert stat.S_ISBLK(os.lstat(disk).st_mode)


def test_a_socket_or_a_folder_is_refused_untouched(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, A)
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(tmp_path / "sock"))
    try:
        result = summarize(folder, "-o", tmp_path / "sock")
        assert result.exit_code == 2
        assert one_line(result.output).endswith("it is a socket")
        assert stat.S_ISSOCK(os.lstat(tmp_path / "sock").st_mode)
    finally:
        listener.close()
    (tmp_path / "dir").mkdir()
    for target in (tmp_path / "dir", ""):  # `-o ''` names the current folder
        result = summarize(folder, "-o", target)
        assert result.exit_code == 2, result.output
        assert one_line(result.output).endswith("it is a folder")
    assert list((tmp_path / "dir").iterdir()) == []


def test_a_fifo_is_streamed_to_and_stays_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as reader:  # blocks until the writer opens the FIFO
            received.append(reader.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    result = summarize(folder_of(tmp_path, A), "-o", fifo, "-q")
    reader.join(timeout=60)  # a hang guard: on a FIFO renamed away, the reader would wait forever
    assert result.exit_code == 0, result.output
    assert received and received[0].startswith(b"# ") and b"## Sources" in received[0]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_dash_is_standard_output_not_a_file_named_dash(tmp_path: Path) -> None:
    done = process(folder_of(tmp_path, A), "-o", "-", "-q", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"# ") and b"## Sources" in done.stdout
    assert not (tmp_path / "-").exists()


def test_a_new_file_gets_the_umask_an_existing_one_keeps_its_mode_and_a_link_its_target(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, A)
    old = os.umask(0o027)
    try:
        result = summarize(folder, "-o", tmp_path / "new.md", "-q")
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(os.stat(tmp_path / "new.md").st_mode) == 0o640  # 0666 & ~umask, like any program's
    existing = tmp_path / "existing.md"
    existing.write_text("old", encoding="utf-8")
    existing.chmod(0o604)
    assert summarize(folder, "-o", existing, "-q").exit_code == 0
    assert stat.S_IMODE(os.stat(existing).st_mode) == 0o604 and existing.read_text(encoding="utf-8").startswith("# ")
    link = tmp_path / "link.md"
    link.symlink_to(existing)
    existing.write_text("old", encoding="utf-8")
    assert summarize(folder, "-o", link, "-q").exit_code == 0
    assert link.is_symlink() and os.readlink(link) == str(existing)  # the link is kept; its target written
    assert existing.read_text(encoding="utf-8").startswith("# ")


# --------------------------------------------------------------------------------------------------
# 10. One line, never a traceback: unwritable targets, odd names, a closed standard output
# --------------------------------------------------------------------------------------------------


@pytest.mark.skipif(not Path("/proc/version").is_file(), reason="Linux /proc")
def test_an_unwritable_system_file_is_one_line(tmp_path: Path) -> None:
    before = Path("/proc/version").read_bytes()
    result = summarize(folder_of(tmp_path, A), "-o", "/proc/version")
    assert result.exit_code == OUTPUT_EXIT, result.output
    assert one_line(result.output).startswith("error: cannot write the report to /proc/version")
    assert Path("/proc/version").read_bytes() == before


def test_a_name_that_looks_like_markup_is_written_and_named_as_is(tmp_path: Path) -> None:
    (tmp_path / "[").mkdir()
    out = tmp_path / "[" / "].md"
    result = summarize(folder_of(tmp_path, A), "-o", out)
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("# ")
    assert f"wrote {out}" in result.output


def test_a_closed_or_broken_standard_output_is_one_line(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, A)
    closed = process(folder, "-q", preexec_fn=lambda: os.close(1))  # started with no standard output at all
    assert closed.returncode == OUTPUT_EXIT, closed.stderr
    assert one_line(closed.stderr.decode()).startswith("error: cannot write the report to standard output")
    read_end, write_end = os.pipe()
    os.close(read_end)  # nobody will ever read: the first write fails with EPIPE
    try:
        broken = process(folder, "-q", stdout=write_end)
    finally:
        os.close(write_end)
    assert broken.returncode == OUTPUT_EXIT, broken.stderr
    assert one_line(broken.stderr.decode()).startswith("error: cannot write the report to standard output")


# --------------------------------------------------------------------------------------------------
# 11. Never into the input folder; folders created only with a word
# --------------------------------------------------------------------------------------------------


def test_a_new_file_inside_the_input_folder_is_refused(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, A)
    result = summarize(folder, "-o", folder / "report.md")
    assert result.exit_code == 2
    assert "inside the input folder" in one_line(result.output)
    assert sorted(p.name for p in folder.iterdir()) == [f"{A}.txt"]


def test_missing_parent_folders_are_created_and_said(tmp_path: Path) -> None:
    out = tmp_path / "deep" / "er" / "report.md"
    result = summarize(folder_of(tmp_path, A), "-o", out)
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("# ")
    assert f"created folder {tmp_path / 'deep' / 'er'}" in result.output
