"""The coverage matrix as CSV, for a spreadsheet: a row per question, a column per source (by name),
each cell the letter of the answer that source gives (``A``, ``A B`` for two), empty when it is silent.

The last column spells the letters out (``A: … | B: …``), so that the file reads on its own. Text that
a spreadsheet would run as a formula (opening with = + - @) is written behind an apostrophe, and
control characters are removed.
"""

from __future__ import annotations

import csv
import io

from summarizer.printable import cleaned, printable
from summarizer.report.common import letter, source_labels
from summarizer.schemas import EventReport

_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    text = " ".join(text.split())
    return "'" + text if text.startswith(_FORMULA) else text


def matrix_csv(report: EventReport) -> str:
    report = cleaned(report, printable)
    names = {k: _cell(v) for k, v in source_labels(report).items()}
    ids = [s.source.id for s in report.sources]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["question", "status", "kind", "text", *(names[i] for i in ids), "sources", "answers"])
    for n, q in enumerate(report.questions, 1):
        cells = [" ".join(letter(k) for k, a in enumerate(q.answers) if i in a.sources) for i in ids]
        answers = " | ".join(f"{letter(k)}: {' '.join(a.answer.split())}" for k, a in enumerate(q.answers))
        row = [f"Q{n}", q.status, q.kind or "", _cell(q.question), *cells, sum(1 for c in cells if c), _cell(answers)]
        writer.writerow(row)
    return out.getvalue()
