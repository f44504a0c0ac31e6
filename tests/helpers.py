"""What the tests share: paths of the repository's data and small builders of input folders."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "fixtures"
RECORDING = FIXTURES / "recordings" / "seeds-smollm2"


def folder_of(tmp_path: Path, *seeds: str) -> Path:
    """A fresh folder ``tmp_path/in`` holding copies of the named seed articles."""
    folder = tmp_path / "in"
    folder.mkdir()
    for seed in seeds:
        shutil.copy(SEEDS / f"{seed}.txt", folder)
    return folder
