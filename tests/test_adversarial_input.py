"""Adversarial: what the input folder may hold. Special files, huge files, huge lines, look-alike names,
damaged encodings, files that are not articles: each is read safely, skipped with a reason, or cut with
a warning — and the work per file is bounded.

Reading a FIFO or ``/dev/zero`` is tried in a child process with a memory limit and a time limit, so
that code that would wait for ever or read without end fails the test instead of the machine.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import SEEDS, code_root, folder_of, seed_answer
from openai_server import Reply, ScriptedServer

from summarizer import load, summarize
from summarizer.extract import chunks
from summarizer.llm import Policy
from summarizer.load import load_folder
from summarizer.report import render
from summarizer.text import split_sentences

A = "000_7df43367a2b14d04"
ARTICLE = (SEEDS / f"{A}.txt").read_text(encoding="utf-8")


def load_in_a_child(folder: Path) -> dict[str, object]:
    """``load_folder(folder)`` in a child process limited to 1.5 GB of memory and 60 s."""
    script = (
        "import json, sys; from summarizer.load import load_folder; loaded = load_folder(sys.argv[1]); "
        "print(json.dumps({'ids': [a.id for a in loaded.articles], "
        "'skipped': {p.path.rsplit('/', 1)[-1]: p.reason for p in loaded.skipped}}))"
    )

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000, 1_500_000_000))

    env = {**os.environ, "PYTHONPATH": str(code_root())}
    try:
        done = subprocess.run(
            [sys.executable, "-c", script, str(folder)], capture_output=True, text=True, env=env, timeout=60,
            preexec_fn=limit,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        pytest.fail("loading the folder did not finish (it waits on something)")
    assert done.returncode == 0, done.stderr[-2000:]
    result: dict[str, object] = json.loads(done.stdout)
    return result


# --------------------------------------------------------------------------------------------------
# 4. Special and huge inputs; the work per article bounded; no quadratic step
# --------------------------------------------------------------------------------------------------


def test_a_fifo_a_link_to_dev_zero_and_a_huge_file_are_skipped_unread(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, A)
    os.mkfifo(folder / "x.txt")  # nobody will ever write to it
    (folder / "zero.txt").symlink_to("/dev/zero")  # endless
    with open(folder / "big.txt", "wb") as big:
        big.truncate(1_000_000_000)  # 1 GB, sparse: costs no disk, would cost a gigabyte read
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    loaded = load_in_a_child(folder)
    assert loaded["ids"] == [A]
    skipped = loaded["skipped"]
    assert isinstance(skipped, dict)
    assert skipped["x.txt"] == "not a regular file: a FIFO"
    assert skipped["zero.txt"] == "not a regular file: a character device"
    assert skipped["big.txt"].startswith("too large: 1,000.0 MB, over the limit of")
    assert skipped["dangling.txt"] == "cannot read: No such file or directory"


def test_a_huge_article_is_cut_at_the_limit_with_a_warning_and_a_bounded_number_of_requests(tmp_path: Path) -> None:
    sentence = "The council met on Tuesday to discuss the harbour wall and its long overdue repair. "
    folder = tmp_path / "in"
    folder.mkdir()
    text = (sentence * (2_000_000 // len(sentence))).strip()  # 2 MB on one line
    (folder / "huge.txt").write_text(text, encoding="utf-8")
    answer = json.dumps({"event": "The council met to discuss the harbour wall", "event_sentence": 1})
    with ScriptedServer(default=Reply(answer)) as server:
        report = summarize(folder, model="scripted", base_url=server.base_url, judge=False, max_retry_wait=0)
    [source] = report.sources
    limit = load.MAX_ARTICLE_CHARS
    assert source.source.chars <= limit and not report.failed
    assert source.source.warnings == [
        f"cut to its first {source.source.chars:,} of {len(text):,} characters (the limit per article)"
    ]
    assert f"note: huge: cut to its first {source.source.chars:,}" in render(report, "md")
    # each request is a full chunk but perhaps the last: requests ≤ 2 × limit ÷ chunk + 1, whatever the file's size
    assert len(server.requests) <= 2 * limit // Policy().chunk_chars + 1


class Counting(str):
    """A string that counts the characters sliced or indexed out of it by Python code."""

    touched = 0

    def __getitem__(self, key):  # type: ignore[no-untyped-def]
        piece = str.__getitem__(self, key)
        Counting.touched += len(piece)
        return piece


def test_sentence_splitting_touches_each_character_a_bounded_number_of_times() -> None:
    """Linear, proved by counting the work, not by timing it: a line of n sentences costs O(n) slicing."""
    for n in (1_000, 4_000):
        Counting.touched = 0
        sentences = split_sentences(Counting("Mr. Kim met Dr. Putin in the U.S. capital on Tuesday. " * n))
        assert len(sentences) == n  # the abbreviations split nothing
        per_sentence = Counting.touched / n
        assert per_sentence < 60, per_sentence  # the same small window per boundary, whatever the line's length


def test_a_two_megabyte_single_line_splits_into_its_sentences() -> None:
    line = "".join(f"Sentence number {i} says that the wall needs {i} blocks. " for i in range(36_000))
    assert len(line) > 2_000_000 and "\n" not in line
    sentences = split_sentences(line)
    assert len(sentences) == 36_000
    assert line[sentences[12_345].start : sentences[12_345].end] == (
        "Sentence number 12345 says that the wall needs 12345 blocks."
    )
    assert len(chunks(load.Article(Path("x.txt"), line[: load.MAX_ARTICLE_CHARS]).document, 24_000)) <= 9


def test_blank_lines_by_the_hundred_thousand_load_quickly(tmp_path: Path) -> None:
    """Reading the byline and outlet off the text matched \\s across line breaks: each of n blank lines
    rescanned the rest — quadratic, minutes for 200,000 lines. The child's time limit makes it fail."""
    (tmp_path / "blank.txt").write_text(
        ARTICLE.replace("\n\n", "\n" * 1000, 200) + "\nAbout the author" + "\n" * 100_000 + "Mr X is a writer.",
        encoding="utf-8",
    )
    assert load_in_a_child(tmp_path)["ids"] == ["blank"]


# --------------------------------------------------------------------------------------------------
# 6. Unique source ids
# --------------------------------------------------------------------------------------------------


def test_files_sharing_a_stem_get_distinct_ids_and_keep_their_own_text(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEEDS / f"{A}.txt", folder / "a.txt")
    other = "004_60b51e329afa7c5a"
    shutil.copy(SEEDS / f"{other}.txt", folder / "a.md")
    shutil.copy(SEEDS / "003_f80c02a77366f6be.txt", folder / "b.txt")  # no namesake: keeps its stem
    loaded = load_folder(folder)
    assert [a.id for a in loaded.articles] == ["a.md", "a.txt", "b"]
    texts = {a.id: a.text for a in loaded.articles}
    answers = {"a.md": seed_answer(other), "a.txt": seed_answer(A), "b": seed_answer("003_f80c02a77366f6be")}
    replies = [Reply(answers[a.id]) for a in loaded.articles]  # one at a time, in name order
    with ScriptedServer(replies) as server:
        report = summarize(folder, model="scripted", base_url=server.base_url, judge=False, concurrency=1)
    assert [s.source.id for s in report.sources] == ["a.md", "a.txt", "b"]
    spans = [s.evidence for q in report.questions for a in q.answers for s in a.statements]
    spans += [c.evidence for s in report.sources for c in s.claims]
    assert {e.source for e in spans} == {"a.md", "a.txt", "b"}
    for span in spans:  # each span is its own article's text: no source stands for another
        assert texts[span.source][span.start : span.end] == span.text
    html = render(report, "html", texts=texts)
    assert html.count('class="source"') == 3


def test_the_seeds_keep_their_stems_as_ids() -> None:
    assert [a.id for a in load_folder(SEEDS).articles] == sorted(p.stem for p in SEEDS.glob("*.txt"))


# --------------------------------------------------------------------------------------------------
# 8. Decoding: UTF-8 with a stray byte stays UTF-8 (with a warning); UTF-16 without a BOM is text
# --------------------------------------------------------------------------------------------------

NAMES = "Zürich, José Müller and Ærøskøbing"


def test_utf8_with_one_stray_byte_is_utf8_with_a_warning(tmp_path: Path) -> None:
    text = ARTICLE.replace("Kim Jong-un", f"Kim Jong-un (in {NAMES})", 1)
    data = text.encode("utf-8").replace(b"Kremlin", b"Kremlin \x96", 1)  # a cp1252 dash pasted in
    (tmp_path / "stray.txt").write_bytes(data)
    [article] = load_folder(tmp_path).articles
    assert NAMES in article.text and "Kremlin \ufffd" in article.text
    assert article.info.warnings == ["1 invalid UTF-8 byte sequence(s) replaced with \ufffd"]


def test_utf16_without_a_byte_order_mark_is_text(tmp_path: Path) -> None:
    text = ARTICLE.replace("Kim Jong-un", f"Kim Jong-un (in {NAMES})", 1)
    (tmp_path / "le.txt").write_bytes(text.encode("utf-16-le"))
    (tmp_path / "be.txt").write_bytes(text.replace("Putin", "Mr Putin").encode("utf-16-be"))
    loaded = load_folder(tmp_path)
    assert loaded.skipped == []
    assert [a.text for a in loaded.articles] == [text.replace("Putin", "Mr Putin").strip(), text.strip()]


def test_legacy_encodings_are_still_read_as_such(tmp_path: Path) -> None:
    text = "The café owner, naïve about “insurance”, said the cleanup took longer. " * 5
    (tmp_path / "cp1252.txt").write_bytes(text.encode("cp1252"))
    [article] = load_folder(tmp_path).articles
    assert article.text == text.strip() and article.info.warnings == []


# --------------------------------------------------------------------------------------------------
# 11. Only the listed kinds of file are articles
# --------------------------------------------------------------------------------------------------


def test_files_of_unlisted_kinds_are_skipped_even_when_they_hold_text(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, A)
    variant = ARTICLE.replace("Putin", "Vladimir Putin")
    for name in ("scan.pdf", "draft.docx", "README", "notes.rst"):
        (folder / name).write_text(variant.replace("Kim", name), encoding="utf-8")
    for name in ("page.htm", "story.markdown", "wire.text"):  # the listed ones, in every spelling
        (folder / name).write_text(variant.replace("Kim", name), encoding="utf-8")
    loaded = load_folder(folder)
    assert [a.id for a in loaded.articles] == [A, "page", "story", "wire"]
    reasons = {Path(p.path).name: p.reason for p in loaded.skipped}
    assert reasons == {
        "scan.pdf": "a .pdf file: only .txt, .md and .html files (and their variants) are read",
        "draft.docx": "a .docx file: only .txt, .md and .html files (and their variants) are read",
        "README": "a file without an extension: only .txt, .md and .html files (and their variants) are read",
        "notes.rst": "a .rst file: only .txt, .md and .html files (and their variants) are read",
    }
