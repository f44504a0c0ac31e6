"""The recorded embedded-model run of the seeds, replayed offline through the whole pipeline."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml
from helpers import FIXTURES, RECORDING, ROOT, SEEDS

from summarizer import EventReport, summarize
from summarizer.errors import ReplayMissError
from summarizer.load import load_folder
from summarizer.prompt_files import load_prompts

ANNOTATED = FIXTURES / "recordings" / "seeds-annotated"


@pytest.fixture(scope="module")
def report() -> EventReport:
    return summarize(SEEDS, replay_from=RECORDING)


def test_replay_runs_the_whole_pipeline(report: EventReport) -> None:
    assert [s.source.id for s in report.sources] == [a.id for a in load_folder(SEEDS).articles]
    assert report.run.backend == "replay of embedded"
    assert report.run.model == "SmolLM2-135M-Instruct.Q4_1.gguf"
    assert all(s.usage.calls >= 1 for s in report.sources)
    assert not report.failed


def test_replayed_report_validates_against_the_committed_schema(report: EventReport) -> None:
    schema = json.loads((ROOT / "schemas" / "event_report.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(report.model_dump_json()), schema)


def test_every_item_in_the_report_is_its_article_text_at_its_offsets(report: EventReport) -> None:
    texts = {a.id: a.text for a in load_folder(SEEDS).articles}
    spans = []
    for source in report.sources:
        items = [source.event] if source.event else []
        items += [*source.entities, *source.claims, *source.quotes, *source.numbers, *source.dates]
        spans += [item.evidence for item in items]
    spans += [s.evidence for q in report.questions for a in q.answers for s in a.statements]
    for span in spans:
        assert texts[span.source][span.start : span.end] == span.text
        assert span.match in ("exact", "folded", "fuzzy", "sentence")
    # the tiny model proposes plenty it cannot ground: dropped, and counted
    for source in report.sources:
        g = source.grounding
        assert g.proposed == g.grounded + g.dropped and g.dropped == len(source.dropped)


def test_a_request_with_no_recording_fails_loudly(tmp_path: Path) -> None:
    folder = tmp_path / "changed"
    folder.mkdir()
    text = (SEEDS / "000_7df43367a2b14d04.txt").read_text(encoding="utf-8")
    (folder / "000_7df43367a2b14d04.txt").write_text(text.replace("rifle", "sword"), encoding="utf-8")
    with pytest.raises(ReplayMissError, match="no recording"):
        summarize(folder, replay_from=RECORDING)


def test_a_folder_that_is_not_a_recording_is_a_config_error(tmp_path: Path) -> None:
    from summarizer.errors import ConfigError

    with pytest.raises(ConfigError, match="not a recording"):
        summarize(SEEDS, replay_from=tmp_path)


def test_the_recording_holds_no_key_or_auth_header() -> None:
    for path in RECORDING.iterdir():
        text = path.read_text(encoding="utf-8").lower()
        assert "authorization" not in text and "bearer" not in text and "api-key" not in text


def test_record_then_replay_with_a_fake_key_writes_no_secret(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Record against a loopback server with a fake key; nothing written contains the key."""
    from openai_server import Reply, ScriptedServer

    from summarizer.annotated import load_annotation, to_summary

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEEDS / "003_f80c02a77366f6be.txt", folder)
    article = load_folder(folder).articles[0]
    answer = to_summary(load_annotation(ROOT / "fixtures/annotated/003_f80c02a77366f6be.json"), article.document)
    key = "sk-fake-0123456789abcdefSECRET"
    recording = tmp_path / "rec"
    monkeypatch.setenv("SUMMARIZER_API_KEY", key)  # the key for this server (OPENAI_API_KEY is OpenAI's only)
    with ScriptedServer([Reply(answer.model_dump_json())]) as server:
        first = summarize(folder, model="scripted", base_url=server.base_url, record_to=recording)
    assert server.headers[0]["authorization"] == f"Bearer {key}"  # it was sent…
    for path in recording.rglob("*"):
        assert key not in path.read_text(encoding="utf-8")  # …but never written
    assert key not in first.model_dump_json()
    monkeypatch.delenv("SUMMARIZER_API_KEY")
    again = summarize(folder, replay_from=recording)  # the server is gone: the recording answers
    assert again.sources[0].model_dump() == first.sources[0].model_dump()


def test_every_span_of_the_replayed_annotated_run_says_how_it_matched() -> None:
    """The hand-annotated answers replayed through the whole pipeline: every evidence span, in the
    sources, the facts and the disagreements, carries its match kind, as the committed schema documents."""
    report = json.loads(summarize(SEEDS, replay_from=ANNOTATED).model_dump_json())
    spans = [item["evidence"] for s in report["sources"] for item in [s["event"], *_items(s)] if item]
    spans += [s["evidence"] for q in report["questions"] for a in q["answers"] for s in a["statements"]]
    assert len(spans) > 168
    assert {span["match"] for span in spans} == {"exact", "sentence"}  # the annotations copy words exactly
    for source in report["sources"]:
        matches = source["grounding"]["matches"]
        assert sum(matches.values()) == source["grounding"]["grounded"]
        assert matches["sentence"] == 1 + len(source["claims"])
    schema = json.loads((ROOT / "schemas" / "event_report.json").read_text(encoding="utf-8"))
    jsonschema.validate(report, schema)
    evidence = schema["$defs"]["Evidence"]["properties"]
    assert evidence["match"]["enum"] == ["exact", "folded", "fuzzy", "sentence"] and evidence["match"]["description"]
    assert "fuzzy" in evidence["score"]["description"]
    assert schema["$defs"]["Usage"]["properties"]["unreported_calls"]["description"]


def _items(source: dict) -> list[dict]:
    return [item for kind in ("entities", "claims", "quotes", "numbers", "dates") for item in source[kind]]


def _recorded_requests(recording: Path) -> list[dict]:
    cassette = yaml.safe_load((recording / "exchanges.yaml").read_text(encoding="utf-8"))
    return [json.loads(exchange["request"]["body"]) for exchange in cassette["interactions"]]


def test_a_recorded_reask_carries_only_the_failed_items_after_the_same_prompt() -> None:
    """In the embedded model's recording: each follow-up request repeats its article's first request
    (system prompt and article, minus the answer's field guide), then only the items that failed, as
    the model's answer, then the errors of exactly those items."""
    requests = [r for r in _recorded_requests(RECORDING) if "<article>" in r["messages"][1]["content"]]
    firsts = {r["messages"][1]["content"].split("</article>")[0]: r for r in requests if len(r["messages"]) == 2}
    fix = load_prompts().render("fix", problems="").split("\n")[0]
    reasks = [r for r in requests if len(r["messages"]) == 4 and r["messages"][3]["content"].startswith(fix)]
    assert reasks, "the recording holds no re-ask to inspect"
    for reask in reasks:
        system, article, said, problems = reask["messages"]
        first = firsts[article["content"].split("</article>")[0]]
        assert system == first["messages"][0] and first["messages"][1]["content"].startswith(article["content"])
        answer = json.loads(said["content"])
        assert answer and set(answer) <= {"event", "event_sentence", "claims"}
        # the errors name items by index ("- claims[3]: ..."); the field guide after them names fields
        named = set(re.findall(r"^(- \w+\[\d+\]):", problems["content"], re.MULTILINE))
        sent = {f"- claims[{c['number']}]" for c in answer.get("claims", [])}
        sent |= {"- event[0]"} if "event" in answer else set()
        assert sent == named  # every item sent back failed, and every failed item was sent back
