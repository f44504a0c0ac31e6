"""The brief: assembled from the answers with no model; written by a model only when asked, every sentence
citing answers that hold its names, numbers and dates, a disputed point stated as disputed, re-asked
with the problems like every answer, and uncited sentences dropped."""

from __future__ import annotations

import asyncio
import json
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path

import pytest
from helpers import FIXTURES, SEEDS
from openai_server import Reply, ScriptedServer

from summarizer import EventReport, summarize
from summarizer.backend import instructor_client, resolve_backend
from summarizer.brief import assembled_brief, draft_problems, listed, listing, written_brief
from summarizer.llm import Policy
from summarizer.prompt_files import load_prompts
from summarizer.report import render
from summarizer.schemas import BriefDraft, Usage
from summarizer.sourcelist import source_names

ANNOTATED = FIXTURES / "recordings" / "seeds-annotated"


@cache
def replayed(brief: bool) -> EventReport:
    """The hand-annotated seeds replayed, with the hand-written brief (served as the model's) or not."""
    with ThreadPoolExecutor(1) as pool:  # a thread of its own: a test may run an event loop
        return pool.submit(summarize, SEEDS, replay_from=ANNOTATED, brief=brief).result()


def label(report: EventReport, words: str) -> str:
    """The label (Q7A) of the answer whose text has ``words``."""
    return next(
        f"Q{n}{'ABCDEF'[i]}"
        for n, q in enumerate(report.questions, 1)
        for i, a in enumerate(q.answers)
        if words in a.answer
    )


def problems(report: EventReport, *sentences: tuple[str, list[str]]) -> list[str]:
    draft = BriefDraft.model_validate({"sentences": [{"text": t, "cites": c} for t, c in sentences]})
    names = source_names([s.source for s in report.sources])
    return draft_problems(draft, report.questions, listed(report.questions), names)


def test_the_hand_written_brief_comes_first_in_the_annotated_replay_in_every_format() -> None:
    report = replayed(True)
    assert report.brief is not None and report.brief.by == "model"  # served as the model's answer
    assert len(report.brief.sentences) == 5 and all(s.cites for s in report.brief.sentences)
    assert [s.disputed for s in report.brief.sentences] == [False, False, False, True, True]
    assert report.judge_usage.calls == 2  # the judge, then the brief
    first = report.brief.sentences[0].text
    md = render(report, "md")
    assert md.index("## In brief") < md.index("## Where the sources disagree")
    assert f"- {first[:40]}" in md and "Written by the model" in md
    text = render(report, "text")
    assert text.index("In brief") < text.index("Where the sources disagree") and first[:30] in text
    html = render(report, "html")
    assert html.index('<section id="brief">') < html.index('<section id="disagreements">')
    cites = [f"Q{q + 1}{'ABCDEF'[a]}" for q, a in report.brief.sentences[0].cites]
    assert all(f">{c}</a>" in html for c in cites)


def test_without_brief_asked_the_brief_is_assembled_and_no_request_is_made() -> None:
    report = replayed(False)
    assert report.brief is not None and report.brief.by == "rules"
    assert report.judge_usage.calls == 1  # the judge only
    agreed = [s for s in report.brief.sentences if not s.disputed]
    disputed = [s for s in report.brief.sentences if s.disputed]
    assert len(agreed) == 4 and len(disputed) == 2
    strongest = report.questions[agreed[0].cites[0][0]]
    assert strongest.status == "consensus" and len(strongest.answers[0].sources) == 5
    outlets = source_names([s.source for s in report.sources])
    for sentence in disputed:
        assert sentence.text.startswith("Disputed — ")
        (q, a), (q2, b) = sentence.cites
        assert q == q2 and report.questions[q].status == "disagreement" and (a, b) in report.questions[q].conflicts
        for side in (a, b):  # each side's answer with its sources, not "X and Y say “…”" of one claim's words
            answer = report.questions[q].answers[side]
            named = [outlets[i] for i in answer.sources]
            assert f"{answer.answer.rstrip('. ')} ({names(named)})" in sentence.text
        assert " say “" not in sentence.text and " says “" not in sentence.text


def names(named: list[str]) -> str:
    return named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]


def test_the_extractive_engine_assembles_a_brief() -> None:
    report = summarize(SEEDS)
    assert report.brief is not None and report.brief.by == "rules" and report.brief.sentences
    assert report.brief == assembled_brief(report.questions, report.sources)


def test_an_answer_ending_in_a_closing_single_quote_gets_no_second_full_stop(tmp_path: Path) -> None:
    """'…for months.’' was briefed as '…for months.’.'."""
    said = "Council leader Sarah Holt said: ‘We cannot go on like this. Families wait for months.’"
    others = ("Councillors declared a housing emergency on Monday night.", "The vote came after a long debate.")
    for name, other in zip("ab", others, strict=True):
        text = f"Housing emergency in Elmbridge\n\n{said} {other} Some 1,240 families are in temporary homes.\n"
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    report = summarize(tmp_path)
    assert report.brief is not None and said in [s.text for s in report.brief.sentences]


def test_the_checks_reject_an_uncited_number_name_or_date_and_a_disputed_point_stated_as_fact() -> None:
    report = replayed(True)
    venue = label(report, "Vostochny Cosmodrome in Russia's far east")
    lavrov = label(report, "Lavrov will visit North Korea next month")
    early, later = label(report, "ended earlier than anticipated"), label(report, "continue for several more days")
    assert problems(report, ("Putin hosted Kim at the Vostochny Cosmodrome.", [venue])) == []
    assert problems(report, ("They shook hands for 40 seconds at the Vostochny Cosmodrome.", [venue])) == [
        f"sentence 1: gives the number '40', which the words of {venue} do not"
    ]
    assert problems(report, ("Lavrov will visit Pyongyang next month.", [venue])) == [
        f"sentence 1: names 'Lavrov', which the words of {venue} do not",
        f"sentence 1: names 'Pyongyang', which the words of {venue} do not",
        f"sentence 1: says 'next month', which the words of {venue} do not",
    ]
    assert problems(report, ("Lavrov will visit North Korea next month.", [lavrov])) == []
    assert problems(report, ("Kim's visit to Russia ended early.", [early])) == [
        f"sentence 1: states Q{early[1:-1]} as settled, but its answers conflict: cite each side and say that the "
        "sources differ"
    ]
    assert problems(report, ("The sources disagree on whether Kim's visit ended early.", [early, later])) == []
    assert problems(report, ("Putin hosted Kim.", ["Q99A"]))[0].startswith("sentence 1: cites 'Q99A', which is not")
    assert problems(report, ("An uncited sentence is dropped, not re-asked.", [])) == [
        "no sentence cites an answer: give each sentence the labels it rests on, e.g. ['Q2A']"
    ]
    assert problems(report, ("Putin hosted Kim.", [venue]), ("Nobody cites this one: 1999.", [])) == []


def test_a_model_brief_is_re_asked_with_its_problems_and_its_uncited_sentences_dropped() -> None:
    report = replayed(False)
    venue = label(report, "Vostochny Cosmodrome in Russia's far east")
    wrong = {"sentences": [{"text": "They shook hands for 40 seconds at the Vostochny Cosmodrome.", "cites": [venue]}]}
    right = {
        "sentences": [
            {"text": "Putin hosted Kim at the Vostochny Cosmodrome.", "cites": [venue]},
            {"text": "It was a historic day for 2 nations.", "cites": []},  # uncited: dropped, not re-asked
        ]
    }
    with ScriptedServer([Reply(json.dumps(wrong)), Reply(json.dumps(right))]) as server:
        backend = resolve_backend("scripted", server.base_url)
        client = instructor_client(backend, asynchronous=True)
        usage = Usage()
        brief = asyncio.run(
            written_brief(client, backend, load_prompts(), report.questions, report.sources, Policy(), usage=usage)
        )
    assert not isinstance(brief, str) and brief.by == "model"
    assert [s.text for s in brief.sentences] == ["Putin hosted Kim at the Vostochny Cosmodrome."]
    assert usage.calls == 2
    reask = server.requests[1]["messages"][-1]["content"]
    assert f"gives the number '40', which the words of {venue} do not" in reask
    prompt = server.requests[0]["messages"][-1]["content"]
    assert (
        listing(report.questions, listed(report.questions), source_names([s.source for s in report.sources])) in prompt
    )
    assert "(DISPUTED: the answers conflict)" in prompt and "Agence France-Presse: “" in prompt


def test_a_brief_that_never_passes_falls_back_to_the_assembled_one_with_a_note() -> None:
    bad = json.dumps({"sentences": [{"text": "Nothing here is cited at all.", "cites": []}]})
    with ScriptedServer(default=Reply(bad)) as server:
        backend = resolve_backend("scripted", server.base_url)
        client = instructor_client(backend, asynchronous=True)
        report = replayed(False)
        brief = asyncio.run(
            written_brief(client, backend, load_prompts(), report.questions, report.sources, Policy(), usage=Usage())
        )
    assert brief == "no brief written by the model: no sentence of its answer passed the checks"
    assert len(server.requests) == Policy().reasks + 1


@pytest.mark.parametrize("count", [3, 8])
def test_top_keeps_the_questions_most_sources_answer_and_the_brief_citing_them(count: int) -> None:
    from summarizer.report.common import top

    report = replayed(True)
    kept = top(report, count)
    assert len(kept.questions) == count
    reach = sorted((len({s for a in q.answers for s in a.sources}) for q in report.questions), reverse=True)
    assert (
        sorted((len({s for a in q.answers for s in a.sources}) for q in kept.questions), reverse=True) == reach[:count]
    )
    assert kept.brief is not None
    for sentence in kept.brief.sentences:
        for q, _a in sentence.cites:
            original = next(s for s in report.brief.sentences if s.text == sentence.text)  # type: ignore[union-attr]
            assert kept.questions[q] in [report.questions[i] for i, _ in original.cites]
    assert kept.notes[-1].startswith(f"showing {count} of {len(report.questions)} questions")
