"""The report as text and Markdown: questions in order, every answer of a disagreement side by side,
each piece of evidence shown with its source, and Markdown quotes that stay separate when rendered."""

from __future__ import annotations

import re
from pathlib import Path

from helpers import annotated_report, with_a_third_side
from markdown_it import MarkdownIt
from test_html import hostile_report

from summarizer import summarize
from summarizer.embed import WordLlama
from summarizer.report import render
from summarizer.report.common import by_source, evidence_of, proofs, quoted, silent, source_labels, timeline, window
from summarizer.text import content_words


def test_markdown_shows_the_sections_in_order_and_every_answer() -> None:
    report = with_a_third_side(annotated_report())
    text = render(report, "md")
    sections = ["In brief", "Timeline", "Where the sources disagree", "What the sources agree on"]
    sections += ["Reported by only some sources", "Sources"]
    assert re.findall(r"^## (.+)$", text, re.M) == sections
    labels = source_labels(report)
    for n, q in enumerate(report.questions, 1):
        assert f"**Q{n}. {q.question}**" in text or f"### Q{n}. {q.question}" in text
        for a in q.answers:
            assert f"**{a.answer}**" in text or f"** {a.answer} —" in text
            for e, focus in proofs(a):
                assert f"> {quoted(e, focus=focus)} — *{labels[e.source]}*" in text
        quiet = silent(report, q)
        if quiet and len({s for a in q.answers for s in a.sources}) > 1:  # not said of an item from one source
            assert f"*Not reported by: {', '.join(labels[s] for s in quiet)}*" in text
    peskov = next(q for q in report.disagreements if len(q.answers) == 3)
    section = text.split(f". {peskov.question}\n", 1)[1].split("###", 1)[0]
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
        for a in q.answers:  # each side's count, then its sources by name (a long list wraps in its cell)
            assert f"{len(a.sources)}/{len(report.sources)}: {labels[a.sources[0]].split()[0]}" in text
            assert all(word in text for s in a.sources for word in labels[s].split())
    assert text.count(": “") >= sum(len(evidence_of(a)) for q in report.disagreements for a in q.answers)
    assert f"embedder {WordLlama.name}" in text


def test_evidence_windows_hold_the_words_of_the_statement_they_prove() -> None:
    """A shortened quote is the stretch of its span around the words its statement shares with it, not
    the span's first characters: the words that prove the point are shown."""
    report = annotated_report()
    cut = 0
    for q in report.questions:
        for a in q.answers:
            for e, statement in proofs(a):
                text = " ".join(e.text.split())
                shown = quoted(e, 100, statement)
                assert len(shown) <= 100 and shown.strip("…") in text
                wanted = set(content_words(statement)) & set(content_words(text))
                if len(text) <= 100 or not wanted:
                    continue
                cut += 1
                head = set(content_words(text[:99]))
                assert len(wanted & set(content_words(shown))) >= len(wanted & head), (statement, shown)
    assert cut >= 20
    telegraph = (
        "No deals were announced during the trip but Mr Peskov said that it had been “very, very constructive” "
        "and that there would be a follow-up trip to North Korea next month by Sergei Lavrov, the Russian "
        "foreign minister, and then another by Putin at an unnamed date."
    )
    shown = window(telegraph, "Foreign Minister Sergei Lavrov will visit North Korea next month.", 100)
    assert shown.startswith("…") and shown.endswith("…") and len(shown) <= 100
    assert "trip to North Korea next month by Sergei Lavrov, the Russian foreign minister" in shown
    assert window(telegraph, "", 100).startswith("No deals were announced")  # nothing to centre on: the start
    assert window("short", "anything", 100) == "short"


def test_each_source_shows_its_evidence_and_how_many_more_it_has() -> None:
    report = annotated_report()
    text = render(report, "text")
    several = [(a, e, more) for q in report.questions for a in q.answers for e, _, more in by_source(a) if more]
    assert several, "some source gives an answer in two places"
    for a, _, _more in several:
        assert len(by_source(a)) == len(a.sources)  # every source's evidence is shown
    assert text.count("more)") >= len([1 for q in report.consensus + report.partial for a in q.answers
                                       for *_, more in by_source(a) if more])  # fmt: skip
    assert "(+1 more)" in text and "not reported by:" in text


def test_the_package_root_render_is_the_function_and_every_format_renders() -> None:
    import summarizer

    assert summarizer.render is render and callable(summarizer.render)
    report = annotated_report()
    for fmt in ("text", "md", "json", "html", "csv"):
        assert summarizer.render(report, fmt)


def test_csv_is_the_coverage_matrix() -> None:
    import csv
    import io

    report = annotated_report()
    rows = list(csv.reader(io.StringIO(render(report, "csv"))))
    names = source_labels(report)
    assert rows[0] == ["question", "status", "kind", "text", *names.values(), "sources", "answers"]
    assert len(rows) == len(report.questions) + 1
    for row, q in zip(rows[1:], report.questions, strict=True):
        for cell, s in zip(row[4:-2], report.sources, strict=True):
            gives = [i for i, a in enumerate(q.answers) if s.source.id in a.sources]
            assert cell == " ".join("ABCDEFGH"[i] for i in gives)
        assert row[3] == q.question and int(row[-2]) == len({s for a in q.answers for s in a.sources})


def test_the_timeline_keeps_what_happened_on_the_day_of_publication_and_drops_the_dateline(tmp_path: Path) -> None:
    """ "… resigned on Tuesday" in an article of that Tuesday is the event; "4 March 2025 | 17:05" and
    "Updated 4 March 2025" at the top say when the article was published."""
    lead = "Fisheries minister Tomas Verhoek resigned on Tuesday over leaked documents about catch quotas."
    for name, stamp in (("a", "4 March 2025 | 17:05"), ("b", "Updated 4 March 2025")):
        text = f"Verhoek quits as fisheries minister\n{stamp}\n\n{lead}\n\nAn inquiry will report in {name}.\n"
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    moments = timeline(summarize(tmp_path))
    assert [(m.when, sorted(m.sources)) for m in moments] == [("2025-03-04", ["a", "b"])]
    assert "resigned on Tuesday" in moments[0].what


def test_the_day_a_source_spoke_is_no_moment(tmp_path: Path) -> None:
    """ "Investigators have not established a motive, police said on Sunday" gave the moment "police said
    on Sunday": when the police spoke, not when anything happened."""
    lead = "A gunman killed five people at the Riverside Centre on Saturday before officers shot him dead."
    for name in "ab":
        body = f"{lead}\n\nInvestigators have not established a motive, police said on Sunday in {name}."
        (tmp_path / f"{name}.txt").write_text(f"Mall attack\n15 October 2023\n\n{body}\n", encoding="utf-8")
    moments = timeline(summarize(tmp_path))
    assert [m.when for m in moments] == ["2023-10-14"] and "killed five" in moments[0].what


def test_a_year_a_record_is_measured_against_is_no_moment(tmp_path: Path) -> None:
    """ "The strike is the first by its pilots since 2016" gave the moment 2016; "has been closed since
    2019" is still one (the closure began then)."""
    lead = "Nordair pilots walked out on Monday, and the strike is the first by its pilots since 2016."
    for name in "ab":
        body = f"{lead}\n\nThe old terminal has been closed since 2019, the airport in {name} said."
        (tmp_path / f"{name}.txt").write_text(f"Pilots strike\n17 April 2023\n\n{body}\n", encoding="utf-8")
    whens = [m.when for m in timeline(summarize(tmp_path))]
    assert "2016" not in whens and "2019" in whens and "2023-04-17" in whens


def test_two_happenings_of_one_day_are_two_moments_though_both_say_last_night(tmp_path: Path) -> None:
    """The date's own words are not what two mentions share: "Locals were furious last night" and "Several
    outlets reported last night that an appeal was a done deal" were one moment."""
    texts = {
        "a": "Locals were furious last night.",
        "b": "Several outlets reported last night that an appeal was a done deal.",
    }
    for name, lead in texts.items():
        body = f"{lead}\n\nThe court had heard evidence for three weeks in September before it reached its verdict."
        (tmp_path / f"{name}.txt").write_text(f"Mayor jailed\n15 October 2025\n\n{body}\n", encoding="utf-8")
    moments = timeline(summarize(tmp_path))
    nights = sorted(m.sources for m in moments if "last night" in m.what)
    assert nights == [["a"], ["b"]]


def test_a_span_is_one_moment_from_its_start_to_its_end(tmp_path: Path) -> None:
    """A span, "from 2016 until 2021", was two moments of one clause: in 2016 and in 2021."""
    lead = "The fraud scheme ran from 2016 until 2021, the court found, and cost the agency millions of euros."
    for name in "ab":
        body = f"{lead}\n\nThe former director was sentenced to four years in prison by the court in {name}."
        (tmp_path / f"{name}.txt").write_text(f"Director jailed\n15 October 2025\n\n{body}\n", encoding="utf-8")
    report = summarize(tmp_path)
    spans = [(m.when, m.sources) for m in timeline(report) if "2016" in m.what]
    assert spans == [("2016/2021", ["a", "b"])]
    assert "| 2016/2021 | The fraud scheme ran from 2016 until 2021 |" in render(report, "md")
