"""What the tests share: paths of the repository's data and small builders of input folders."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "fixtures"
RECORDING = FIXTURES / "recordings" / "seeds-smollm2"


def code_root() -> Path:
    """The folder holding the ``summarizer`` package under test: a child process's PYTHONPATH."""
    import summarizer

    return Path(summarizer.__file__).resolve().parent.parent


def folder_of(tmp_path: Path, *seeds: str) -> Path:
    """A fresh folder ``tmp_path/in`` holding copies of the named seed articles."""
    folder = tmp_path / "in"
    folder.mkdir()
    for seed in seeds:
        shutil.copy(SEEDS / f"{seed}.txt", folder)
    return folder


def seed_answer(seed: str) -> str:
    """The hand-annotated extraction of a seed, as the JSON a model would answer for it."""
    from summarizer.annotated import load_annotation, to_summary
    from summarizer.load import Article

    path = SEEDS / f"{seed}.txt"
    article = Article(path, path.read_text(encoding="utf-8").strip())
    return to_summary(load_annotation(FIXTURES / "annotated" / f"{seed}.json"), article.document).model_dump_json()
