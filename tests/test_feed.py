"""The feed: a mixed folder grouped into events, one report per event and an index, --per-folder with
one shared concurrency budget, resuming after SIGKILL."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from annotated_server import AnnotatedServer
from helpers import ROOT, SEEDS
from typer.testing import CliRunner

from summarizer import summarize
from summarizer.cli import app
from summarizer.embed import WordLlama
from summarizer.errors import InputError
from summarizer.events import NOTHING_TO_COMPARE, SMALL_INPUT, group_articles, lead
from summarizer.feed import plan_feed, summarize_feed
from summarizer.feed_schema import FeedReport, json_schema
from summarizer.load import Article, load_folder

FEED = ROOT / "tests" / "data" / "feed"
EVENTS = {"seeds": SEEDS, "port-strike": FEED / "port-strike", "quake": FEED / "quake"}


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """One folder holding the seeds and the articles of the two invented events, all mixed, with the
    seeds' sources list (it names only the seeds)."""
    folder = tmp_path / "mixed"
    folder.mkdir()
    for source in EVENTS.values():
        for path in [*source.glob("*.txt"), *source.glob("sources.csv")]:
            shutil.copy(path, folder)
    return folder


def ids(folder: Path) -> list[str]:
    return [a.id for a in load_folder(folder).articles]


def comparable(report: Any) -> dict[str, Any]:
    """A report as JSON with each source's path reduced to its file name (the folders differ)."""
    data: dict[str, Any] = json.loads(report.model_dump_json())
    for source in data["sources"]:
        source["source"]["path"] = Path(source["source"]["path"]).name
    return data


def test_a_mixed_folder_is_split_into_exactly_its_three_events(mixed: Path) -> None:
    feed = summarize_feed(mixed)
    assert sorted(sorted(e.articles) for e in feed.events) == sorted(sorted(ids(f)) for f in EVENTS.values())
    assert not feed.unassigned and not feed.skipped and feed.grouping == "auto"
    assert [e.first_published for e in feed.events] == ["2023-09-14", "2025-03-11", "2025-06-03"]  # earliest first
    assert not any(e.single_source for e in feed.events)


def test_each_events_report_equals_the_report_of_its_own_folder(mixed: Path) -> None:
    feed = summarize_feed(mixed)
    by_articles = {frozenset(e.articles): e.report for e in feed.events}
    for folder in EVENTS.values():
        alone = summarize(folder)
        assert comparable(by_articles[frozenset(ids(folder))]) == comparable(alone)


def test_grouping_does_not_depend_on_the_order_of_the_articles(mixed: Path) -> None:
    articles = load_folder(mixed).articles
    forward = group_articles(articles)
    backward = group_articles(articles[::-1])
    named = {frozenset(articles[i].id for i in e) for e in forward.events}
    assert named == {frozenset(articles[::-1][i].id for i in e) for e in backward.events}


def summit(day: str, text: str, name: str) -> Article:
    body = (
        f"Brussels summit on defence spending\n\n{day}\n\n{text} European Union leaders met in Brussels on Thursday "
        "for a summit on defence spending, with Ursula von der Leyen urging capitals to buy more weapons "
        "together and António Costa calling the meeting a turning point for the bloc's security. Diplomats "
        "said the leaders would return to the question of joint borrowing at their next meeting."
    )
    return Article(Path(f"{name}.txt"), body)


def test_two_articles_a_month_apart_about_the_summit_are_two_events() -> None:
    march = [summit("20 March 2025", "Leaders agreed on a plan.", "a1"),
             summit("21 March 2025", "Leaders argued over money.", "a2")]  # fmt: skip
    june = [summit("26 June 2025", "Leaders agreed on a plan.", "b1"),
            summit("27 June 2025", "Leaders argued over money.", "b2")]  # fmt: skip
    grouping = group_articles([*march, *june])
    assert grouping.events == [[0, 1], [2, 3]]
    same_week = group_articles([*march, summit("24 March 2025", "Leaders agreed on a plan.", "a3")])
    assert same_week.events == [[0, 1, 2]]


def test_a_company_named_only_where_sentences_open_still_ties_its_articles_together() -> None:
    """tests/data/earnings: "Corvane …" opens every headline and lead that names it, so it never counted
    as a name, and the desk's story and the short blog post were an event of their own beside the wire's."""
    assert [len(e.articles) for e in plan_feed(ROOT / "tests" / "data" / "earnings" / "articles").events] == [3]


def test_a_name_every_article_of_a_folder_gives_still_ties_them_into_one_event(tmp_path: Path) -> None:
    """tests/data/outage: every article names "Nimbara", so in a folder of its own the name weighed
    nothing, and the live blog and the newsletter were events of their own beside the three others'.
    Another event of the same company (its results) is still another event."""
    outage = ROOT / "tests" / "data" / "outage" / "articles"
    assert [len(e.articles) for e in plan_feed(outage).events] == [5]
    for path in [*outage.iterdir(), *(ROOT / "tests" / "data" / "earnings" / "articles").iterdir()]:
        text = path.read_text(encoding="utf-8").replace("Corvane Systems", "Nimbara Cloud")
        (tmp_path / f"{path.parent.parent.name}-{path.name}").write_text(text.replace("Corvane", "Nimbara"))
    events = sorted(sorted(a.id.split("-")[0] for a in e.articles) for e in plan_feed(tmp_path).events)
    assert events == [["earnings"] * 3, ["outage"] * 5]


def test_two_storms_are_two_events_though_both_are_named_storm(tmp_path: Path) -> None:
    """Storms "Idris" and "Ilse": "Storm" was a name word the two shared, which tied a live blog of
    one to the other's events (Idris's articles give no year, so no date keeps them apart). A word some
    article of the feed writes in lower case ("as storm hits Scotland") is not a name."""
    folders = {**{event: ROOT / "tests" / "data" / event / "articles" for event in ("storm", "ilse")}, **EVENTS}
    for event, folder in folders.items():
        for path in folder.glob("*.txt"):
            shutil.copy(path, tmp_path / f"{event}-{path.name}")
    events = sorted(sorted({a.id.split("-")[0] for a in e.articles}) for e in plan_feed(tmp_path).events)
    assert events == [["ilse"], ["port"], ["quake"], ["seeds"], ["storm"]]


def test_a_dateline_is_not_read_as_the_lead() -> None:
    loaded = load_folder(ROOT / "tests" / "data" / "feed" / "quake", None)
    article = next(a for a in loaded.articles if a.id == "pacific-wire")
    assert "Jun. 4, 2025 8:05 AM CLT" in article.text
    read = lead(article).splitlines()
    assert "CLT" not in lead(article) and read[1].startswith("TALCA, Chile")


def test_a_lone_article_is_its_own_event_not_folded_into_a_neighbour(mixed: Path, tmp_path: Path) -> None:
    shutil.copy(EVENTS["quake"] / "andes-report.txt", tmp_path / "quake.txt")
    for name in ("harbour-ledger.txt", "continental-wire.txt"):
        shutil.copy(EVENTS["port-strike"] / name, tmp_path / name)
    articles = [a for a in load_folder(tmp_path).articles]
    feed = summarize_feed(articles)
    lone = [e for e in feed.events if e.single_source]
    assert [e.articles for e in lone] == [["quake"]]
    assert lone[0].report is not None and len(lone[0].report.sources) == 1


class Blind(WordLlama):
    """WordLlama, except that it knows no word of the one text it is told to be blind to."""

    def __init__(self, blind: str) -> None:
        self.blind = blind

    def embed(self, texts: list[str]) -> Any:
        vectors = super().embed(texts)
        for k, text in enumerate(texts):
            if self.blind in text:
                vectors[k] = np.zeros(vectors.shape[1], dtype=np.float32)
        return vectors


def test_an_article_with_nothing_to_compare_is_unassigned_with_the_reason(tmp_path: Path) -> None:
    for path in EVENTS["quake"].glob("*.txt"):
        shutil.copy(path, tmp_path)
    (tmp_path / "odd.txt").write_text("lorem ipsum " * 30 + "\n\nlorem ipsum dolor sit amet " * 5, encoding="utf-8")
    articles = load_folder(tmp_path).articles
    grouping = group_articles(articles, embedder=Blind("lorem"))
    assert grouping.unassigned == [([a.id for a in articles].index("odd"), NOTHING_TO_COMPARE)]
    assert sum(len(e) for e in grouping.events) == len(articles) - 1


class Unrelated:
    """An embedder to which no two texts look alike (each its own axis): only names can tie articles."""

    name = "unrelated"

    def embed(self, texts: list[str]) -> Any:
        return np.eye(len(texts), max(len(texts), 1), dtype=np.float32)


def test_a_name_after_a_quotation_closed_on_a_comma_ties_articles_together() -> None:
    """'…," Whitaker said': the quotation mark closes the quote, so "Whitaker" is a name; it was read as
    a sentence's first word, and the two reports of Whitaker's fire were two events."""
    first = Article(Path("a.txt"), "Plant fire\n\nThe fire at the plant was under control, Fire Chief Whitaker said.")
    second = Article(Path("b.txt"), 'Residents return\n\n"The worst is over now," Whitaker said on the evening news.')
    assert group_articles([first, second], embedder=Unrelated()).events == [[0, 1]]


def test_a_wire_datelines_place_in_capitals_ties_articles_together() -> None:
    """ "TARVIK, June 9 (Wirepress) - …": the place a wire story was filed from, written in capitals where its
    text opens, was no name, so nothing tied it to the town paper's "Tarvik General"."""
    wire = Article(Path("a.txt"), "Hospitals hit\n\nTARVIK, June 9 (Wirepress) - A cyberattack knocked out systems.")
    local = Article(Path("b.txt"), "Hospitals on paper\n\nAt Tarvik General, nurses were writing by hand.")
    other = Article(Path("c.txt"), "Hospitals on paper\n\nAt Ostby General, nurses were writing by hand.")
    assert group_articles([wire, local], embedder=Unrelated()).events == [[0, 1]]
    assert group_articles([wire, other], embedder=Unrelated()).events == [[0], [1]]


def test_a_small_folder_of_one_event_whose_outlets_are_little_alike_is_one_event() -> None:
    """tests/data/small-folders: a plane crash whose town paper leads with a witness in a village, and a
    cyberattack whose tabloid names nothing the others name, were two and three events: those outlets' leads are
    0.34 to 0.53 alike to the others', below the 0.55 of a feed. A folder of a few articles is likelier one event."""
    for name in ("crash", "cyberattack", "hostages", "launch"):
        articles = load_folder(ROOT / "tests" / "data" / "small-folders" / name).articles
        assert len(articles) <= SMALL_INPUT and len(group_articles(articles).events) == 1, name


def test_group_one_and_none(mixed: Path) -> None:
    assert [len(e.articles) for e in plan_feed(mixed, group="one").events] == [12]
    assert [len(e.articles) for e in plan_feed(mixed, group="none").events] == [1] * 12


def test_articles_as_mappings_keep_what_they_state() -> None:
    rows = [{"id": a.id, "text": a.text, "url": f"https://example.org/{a.id}", "outlet": "Desk",
             "published": "2025-06-03"} for a in load_folder(EVENTS["quake"]).articles]  # fmt: skip
    feed = summarize_feed(rows)
    [event] = feed.events
    assert event.report is not None
    assert {s.source.outlet for s in event.report.sources} == {"Desk"}
    assert event.report.sources[0].source.path.startswith("https://example.org/")
    rows[1]["published"] = "yesterday"  # not a date: one line naming the article, before any work
    with pytest.raises(InputError, match=r"^article [\w.-]+: published 'yesterday' is not a date as YYYY-MM-DD$"):
        plan_feed(rows)
    rows[1] |= {"published": "2025-06-03", "text": rows[1]["text"] + " \ud800", "outlet": "Desk \udfff"}
    # a lone surrogate (valid in JSON, no UTF-8) is a replacement character, not a crash
    [article] = [a for a in plan_feed(rows).events[0].articles if a.id == rows[1]["id"]]
    assert article.text.endswith("\ufffd") and article.info.outlet == "Desk \ufffd"


def test_the_committed_feed_schema_matches_the_model() -> None:
    assert (ROOT / "schemas" / "feed_report.json").read_text(encoding="utf-8") == json_schema()


# --------------------------------------------------------------------------------------------------
# The command
# --------------------------------------------------------------------------------------------------

runner = CliRunner()


def test_the_command_writes_an_index_and_one_report_per_event(mixed: Path, tmp_path: Path) -> None:
    out = tmp_path / "reports"
    result = runner.invoke(app, [str(mixed), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert len(index["events"]) == 3
    for event in index["events"]:
        report = json.loads((out / event["report_file"]).read_text(encoding="utf-8"))
        assert sorted(s["source"]["id"] for s in report["sources"]) == sorted(event["articles"])
        assert (out / f"{event['id']}.html").exists() and (out / f"{event['id']}.md").exists()
    assert "3 event(s) from 12 article(s)" in (out / "index.md").read_text(encoding="utf-8")
    assert "<table>" in (out / "index.html").read_text(encoding="utf-8")


def test_sources_and_top_reach_each_events_report(mixed: Path, tmp_path: Path) -> None:
    """--sources names the outlets of a feed's articles and --top cuts each event's report, as they do
    for one event."""
    listing = tmp_path / "outlets.csv"
    listing.write_text("file,outlet\nfreight-daily.txt,The Freight Daily Test\n", encoding="utf-8")
    out = tmp_path / "reports"
    result = runner.invoke(app, [str(mixed), "--out", str(out), "--quiet", "--sources", str(listing), "--top", "1"])
    assert result.exit_code == 0, result.output
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    reports = [json.loads((out / e["report_file"]).read_text(encoding="utf-8")) for e in index["events"]]
    outlets = {s["source"]["id"]: s["source"]["outlet"] for r in reports for s in r["sources"]}
    assert outlets["freight-daily"] == "The Freight Daily Test"
    assert all(len(r["questions"]) <= 1 for r in reports)
    assert any(e["consensus"] + e["partial"] + e["disagreements"] > 1 for e in index["events"])


def test_the_terminal_shows_the_index_and_json_is_the_feed(mixed: Path) -> None:
    text = runner.invoke(app, [str(mixed), "--quiet"])
    assert text.exit_code == 0 and "3 event(s) from 12 article(s)" in text.stdout
    as_json = runner.invoke(app, [str(mixed), "--quiet", "--format", "json"])
    assert len(FeedReport.model_validate_json(as_json.stdout).events) == 3


def test_one_event_under_auto_is_the_report_it_always_was() -> None:
    result = runner.invoke(app, [str(SEEDS), "--quiet", "--format", "json"])
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["sources"]) == 5


def test_a_feed_refuses_an_out_inside_its_input_and_record_replay(mixed: Path, tmp_path: Path) -> None:
    assert runner.invoke(app, [str(mixed), "--out", str(mixed / "reports"), "-q"]).exit_code == 2
    assert runner.invoke(app, [str(mixed), "--record", str(tmp_path / "rec"), "-q"]).exit_code == 2
    a_file = tmp_path / "report.json"
    a_file.write_text("{}", encoding="utf-8")
    refused = runner.invoke(app, [str(mixed), "--out", str(a_file), "-q"])
    assert (
        refused.exit_code == 2 and "holds 3 events, so --out" in refused.output and "must be a folder" in refused.output
    )
    assert a_file.read_text(encoding="utf-8") == "{}"
    # a report's name that does not exist yet is refused too: it became a folder named "new.md"
    named = runner.invoke(app, [str(mixed), "--out", str(tmp_path / "new.md"), "-q"])
    assert named.exit_code == 2 and "--group one" in named.output and not (tmp_path / "new.md").exists()


# --------------------------------------------------------------------------------------------------
# --per-folder with a model: one budget, progress, resuming
# --------------------------------------------------------------------------------------------------


def per_folder_root(tmp_path: Path, events: int) -> Path:
    """``events`` subfolders, each a copy of the seeds with a closing line naming its event."""
    root = tmp_path / "root"
    for n in range(events):
        folder = root / f"event{n}"
        folder.mkdir(parents=True)
        for path in SEEDS.glob("*.txt"):
            text = path.read_text(encoding="utf-8").rstrip()
            (folder / path.name).write_text(f"{text}\n\nCopy for event {n}.\n", encoding="utf-8")
    (root / "stray.txt").write_text("A note at the top of the feed. " * 10, encoding="utf-8")
    return root


def test_per_folder_shares_one_concurrency_budget_across_events(tmp_path: Path) -> None:
    root = per_folder_root(tmp_path, 3)
    seen: list[tuple[int, int, int, int]] = []
    with AnnotatedServer(delay=0.05) as server:
        feed = summarize_feed(root, per_folder=True, model="annotated", base_url=server.base_url, concurrency=3,
                              on_progress=lambda *p: seen.append(p))  # fmt: skip
    assert [e.folder for e in feed.events] == ["event0", "event1", "event2"]
    assert all(e.report is not None and len(e.report.sources) == 5 and e.disagreements for e in feed.events)
    assert server.peak <= 3  # extraction and judge requests of every event together
    assert server.articles.count("judge") >= 3 and len(server.articles) - server.articles.count("judge") == 15
    assert [(u.id, u.reason) for u in feed.unassigned] == [("stray", "not in a subfolder: with --per-folder each "
                                                                     "subfolder is one event")]  # fmt: skip
    assert seen[-1] == (15, 15, 3, 3) and feed.usage.calls == len(server.articles)


def _wait_for(condition: Callable[[], object], what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def test_per_folder_killed_mid_way_resumes_asking_nothing_already_done(tmp_path: Path) -> None:
    root = per_folder_root(tmp_path, 2)
    cache = tmp_path / "cache"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))}
    env["PYTHONPATH"] = str(ROOT)
    with AnnotatedServer(delay=0.4) as server:
        command = [sys.executable, "-m", "summarizer.cli", str(root), "--per-folder", "--model", "annotated",
                   "--base-url", server.base_url, "--concurrency", "1", "--cache-dir", str(cache), "--quiet",
                   "--format", "json"]  # fmt: skip
        process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            _wait_for(lambda: len(list((cache / "articles").glob("*.json"))) >= 3 or process.poll() is not None,
                      "three finished articles")  # fmt: skip
            assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
            os.kill(process.pid, signal.SIGKILL)
        finally:
            process.kill()
            process.wait()
            if process.stderr:
                process.stderr.close()
        done_before = len(list((cache / "articles").glob("*.json")))
        asked_before = len(server.articles)
        second = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, timeout=300)
    assert second.returncode == 0, second.stderr.decode()
    feed = FeedReport.model_validate_json(second.stdout)
    cached = sum(s.cached for r in feed.reports for s in r.sources)
    assert cached == done_before >= 3
    extraction_after = [a for a in server.articles[asked_before:] if a != "judge"]
    assert len(extraction_after) == 10 - done_before  # nothing already done was asked again


def test_every_test_event_is_one_event_alone_and_given_back_from_all_of_them_mixed() -> None:
    """The invented events of tests/data (several outlets each, one event per folder) and the seeds: a
    folder's articles are one event, and all of them in one feed are grouped back into their folders. Read
    by its first three sentences, tests/data/protest's local feature ("They came with pots and pans…")
    shared no name and little meaning with the other three and was an event of its own."""
    folders = [*sorted((ROOT / "tests" / "data").glob("*/articles")), SEEDS]
    articles: list[Article] = []
    truth: list[int] = []
    for k, folder in enumerate(folders):
        found = load_folder(folder).articles
        assert len(group_articles(found).events) == 1, folder
        articles += found
        truth += [k] * len(found)
    events = group_articles(articles).events
    assert sorted(sorted({truth[i] for i in e}) for e in events) == [[k] for k in range(len(folders))]
