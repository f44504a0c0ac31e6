"""Extraction over a real HTTP server on loopback: re-asks, drops, salvage and transport faults."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from helpers import FIXTURES, SEEDS
from openai_server import Reply, ScriptedServer

from summarizer import summarize
from summarizer.annotated import load_annotation, to_summary
from summarizer.errors import ModelError
from summarizer.load import load_folder

ARTICLE = "000_7df43367a2b14d04"
OTHER = "004_60b51e329afa7c5a"


@pytest.fixture
def one_article(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEEDS / f"{ARTICLE}.txt", folder)
    return folder


def good_answer() -> dict:
    article = next(a for a in load_folder(SEEDS).articles if a.id == ARTICLE)
    return to_summary(load_annotation(FIXTURES / "annotated" / f"{ARTICLE}.json"), article.document).model_dump()


# Valid JSON, wrong facts: an invented statement, another article's words, an impossible sentence id
INVENTED = {"statement": "Putin said they signed a treaty on space technology.", "topic": "Was a treaty signed?"}
BORROWED = {"statement": "Kim said Russia and North Korea will always be together.", "topic": "What did Kim say?"}
IMPOSSIBLE = {"statement": "Kim signed an arms deal.", "topic": "Was a deal signed?", "sentence": 999}


def hostile_answer() -> dict:
    answer = good_answer()
    answer["claims"][-3:] = [INVENTED | {"sentence": 5}, BORROWED | {"sentence": 3}, IMPOSSIBLE]
    return answer


def hostile_fixes(answer: dict) -> dict:
    """The model's "corrections": the same three wrong claims, numbered."""
    last = len(answer["claims"])
    return {"claims": [claim | {"number": last - 3 + i} for i, claim in enumerate(answer["claims"][-3:])]}


def run(folder: Path, server: ScriptedServer, **options: object):
    return summarize(folder, model="scripted", base_url=server.base_url, **options)


def test_a_good_answer_is_grounded_in_one_call(one_article: Path) -> None:
    answer = good_answer()
    with ScriptedServer([Reply(json.dumps(answer))]) as server:
        report = run(one_article, server)
    source = report.sources[0]
    assert len(server.requests) == 1
    proposed = 1 + len(answer["claims"])  # the event and the claims: the rest is the rules' to find
    assert source.grounding.dropped == 0 and source.grounding.grounded == source.grounding.proposed == proposed
    assert source.quotes and source.entities and source.dates and source.numbers
    text = (one_article / f"{ARTICLE}.txt").read_text(encoding="utf-8").strip()
    for item in [source.event, *source.claims, *source.quotes, *source.entities, *source.dates, *source.numbers]:
        assert text[item.evidence.start : item.evidence.end] == item.evidence.text
    assert source.usage.calls == 1 and source.usage.prompt_tokens == 100


def test_hostile_output_is_reasked_then_dropped_never_shown(one_article: Path) -> None:
    hostile = hostile_answer()
    with ScriptedServer([Reply(json.dumps(hostile))], default=Reply(json.dumps(hostile_fixes(hostile)))) as server:
        report = run(one_article, server)
    # one request and two re-asks, each carrying only the failed claims and their errors back to the model
    assert len(server.requests) == 3
    for reask in server.requests[1:]:
        said = json.loads(reask["messages"][-2]["content"])
        wrong = [INVENTED, BORROWED, IMPOSSIBLE]
        assert [c["statement"] for c in said["claims"]] == [c["statement"] for c in wrong]
        assert "S999 does not exist" in reask["messages"][-1]["content"]
    source = report.sources[0]
    shown = [c.statement for c in source.claims] + ([source.event.statement] if source.event else [])
    assert not any("treaty" in s or "always be together" in s or "arms deal" in s for s in shown)
    reasons = {d.content: d.reason for d in source.dropped}
    assert "S5 does not" in reasons[INVENTED["statement"]]
    assert "S3 does not" in reasons[BORROWED["statement"]]
    assert "S999 does not exist" in reasons[IMPOSSIBLE["statement"]]
    assert source.grounding.dropped == 3 and source.claims  # the good items survive
    assert source.usage.calls == 3


def test_a_corrected_answer_after_a_reask_is_accepted(one_article: Path) -> None:
    hostile, good = hostile_answer(), good_answer()
    last = len(good["claims"])
    fixes = {"claims": [claim | {"number": last - 3 + i} for i, claim in enumerate(good["claims"][-3:])]}
    with ScriptedServer([Reply(json.dumps(hostile)), Reply(json.dumps(fixes))]) as server:
        report = run(one_article, server)
    source = report.sources[0]
    assert len(server.requests) == 2 and source.grounding.dropped == 0
    assert [c.statement for c in source.claims] == [c["statement"] for c in good["claims"]]


def test_an_answer_that_is_not_json_fails_the_article_with_the_reason(one_article: Path) -> None:
    with (
        ScriptedServer(default=Reply("I cannot help with that.")) as server,
        pytest.raises(ModelError, match="no article could be summarized") as caught,
    ):
        run(one_article, server)
    assert len(server.requests) == 3
    assert caught.value.attempts >= 1


def test_429_with_retry_after_and_5xx_are_retried(one_article: Path) -> None:
    replies = [
        Reply(status=429, body={"error": {"message": "slow down"}}, headers={"retry-after": "0"}),
        Reply(status=503, body={"error": {"message": "busy"}}, headers={"retry-after": "0"}),
        Reply(json.dumps(good_answer())),
    ]
    with ScriptedServer(replies) as server:
        report = run(one_article, server)
    assert len(server.requests) == 3 and report.sources[0].grounding.grounded == 1 + len(good_answer()["claims"])


def test_a_client_error_is_not_retried_and_names_the_status(one_article: Path) -> None:
    not_found = Reply(status=404, body={"error": {"message": "model 'scripted' not found"}})
    with ScriptedServer(default=not_found) as server, pytest.raises(ModelError, match="HTTP 404.*not found"):
        run(one_article, server)
    assert len(server.requests) == 1


def test_one_failing_article_does_not_sink_the_run(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in (ARTICLE, OTHER):
        shutil.copy(SEEDS / f"{name}.txt", folder)
    good = json.dumps(good_answer())

    with ScriptedServer(default=Reply(good)) as server:
        # the OTHER article is answered with article 000's facts, which do not ground there: dropped
        report = run(folder, server, concurrency=1)
    assert {s.source.id for s in report.sources} == {ARTICLE, OTHER}
    other = next(s for s in report.sources if s.source.id == OTHER)
    assert other.grounding.dropped > 0
