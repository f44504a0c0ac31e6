"""The report as text and Markdown: questions in order, every answer of a disagreement side by side,
each piece of evidence shown with its source, and Markdown quotes that stay separate when rendered."""

from __future__ import annotations

import re
from pathlib import Path

from helpers import annotated_report
from markdown_it import MarkdownIt
from test_html import hostile_report

from summarizer.embed import WordLlama
from summarizer.report import render
from summarizer.report.common import evidence_of, quoted, source_labels


def test_markdown_shows_the_sections_in_order_and_every_answer() -> None:
    report = annotated_report()
    text = render(report, "md")
    sections = ["Where the sources disagree", "What the sources agree on", "Reported by only some sources", "Sources"]
    assert re.findall(r"^## (.+)$", text, re.M) == sections
    labels = source_labels(report)
    for q in report.questions:
        assert f"**{q.question}**" in text or f"### {q.question}" in text
        for a in q.answers:
            assert f"**{a.answer}**" in text or f"** {a.answer} —" in text
            for e in evidence_of(a):
                assert f"> {quoted(e)} — *{labels[e.source]}*" in text
    peskov = next(q for q in report.disagreements if len(q.answers) == 3)
    section = text.split(f"### {peskov.question}", 1)[1].split("###", 1)[0]
    assert re.findall(r"^([A-Z])\. \*\*", section, re.M) == ["A", "B", "C"]  # three sides, each its own
    assert f"embedder {WordLlama.name}" in text


def test_markdown_quotes_render_as_separate_blocks() -> None:
    report = annotated_report()
    html = MarkdownIt().render(render(report, "md"))
    shown = sum(len(evidence_of(a)) for q in report.questions for a in q.answers)
    assert html.count("<blockquote>") == shown
    for block in re.findall(r"<blockquote>(.*?)</blockquote>", html, re.S):
        assert block.count("<p>") == 1  # one quote per block, not several run into one paragraph


def test_markdown_says_which_answers_conflict_and_who_decided(tmp_path: Path) -> None:
    report, _ = hostile_report(tmp_path / "in")
    text = render(report, "md")
    assert "*contradiction · 3 answers · decided by the judge*" in text
    assert "Conflicting: A ≠ B. C conflicts with no other answer." in text
    assert "(conflicts with B)" in text and "(conflicts with A)" in text


def test_text_report_puts_each_answer_of_a_disagreement_in_its_own_column(tmp_path: Path) -> None:
    report, _ = hostile_report(tmp_path / "in")
    text = render(report, "text")
    assert "decided by the judge" in text and "Conflicting: A ≠ B." in text
    top = next(line for line in text.splitlines() if line.startswith("┏"))
    assert top.count("┳") == 2  # three columns, one per side
    header = [line for line in text.splitlines() if line.startswith("┃")]
    assert any("A. <i>yes</i>" in line and "B. no & never" in line for line in header)
    assert any("C. <img src=x" in line for line in header)
    for title in ("Where the sources disagree", "What the sources agree on", "Reported by only some sources"):
        assert title in text


def test_text_report_shows_questions_answers_and_evidence() -> None:
    report = annotated_report()
    text = render(report, "text")
    positions = [text.index(t) for t in ("Where the sources disagree", "What the sources agree on", "Reported by")]
    assert positions == sorted(positions)
    labels = source_labels(report)
    for n, q in enumerate(report.disagreements, 1):
        assert f"{n}. {q.question}" in text
        for a in q.answers:
            assert f"{len(a.sources)}/{len(report.sources)}: {', '.join(labels[s] for s in a.sources)}" in text
    assert text.count(": “") >= sum(len(evidence_of(a)) for q in report.disagreements for a in q.answers)
    assert f"embedder {WordLlama.name}" in text
