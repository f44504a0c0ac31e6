"""Adversarial: what a report shows. Terminal control sequences from an article, a file name or a
model's answer never reach a terminal or a text file; HTML in an article is text in Markdown output,
whatever Markdown renderer displays it.
"""

from __future__ import annotations

import io
import json
import shutil
from html.parser import HTMLParser

import pytest
from helpers import FIXTURES, SEEDS
from markdown_it import MarkdownIt
from openai_server import Reply, ScriptedServer
from rich.console import Console

from summarizer import EventReport, summarize
from summarizer.annotated import load_annotation, to_summary
from summarizer.load import load_folder
from summarizer.report import render
from summarizer.report.terminal import terminal

A, B = "000_7df43367a2b14d04", "004_60b51e329afa7c5a"
TITLE_GRAB = "\x1b]0;PWNED\x07"  # sets the terminal window's title
CLEAR = "\x1b[2J"  # clears the screen
SCRIPT = "<script>alert(1)</script>"
IMAGE = "<img src=x onerror=alert(1)>"
HOSTILE = f"Officials said {CLEAR}the summit {SCRIPT} ended early after talks {IMAGE} on the rifles."
EVIL_NAME = f"b{TITLE_GRAB}[bold]x.txt"  # a file name is text from outside too (and not rich markup)


class Tags(HTMLParser):
    """Every tag and attribute an HTML fragment holds."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[str] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [name for name, _ in attrs]

    def handle_data(self, data: str) -> None:
        self.text += data


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> EventReport:
    """Seed A with a hostile title and paragraph, and seed B under a hostile name, summarized by a model
    whose answers repeat the hostile text (control characters escaped in its JSON, as JSON allows)."""
    folder = tmp_path_factory.mktemp("hostile") / "in"
    folder.mkdir()
    text = (SEEDS / f"{A}.txt").read_text(encoding="utf-8")
    at = text.index("Kremlin spokesperson Dmitry Peskov")
    (folder / f"{A}.txt").write_text(TITLE_GRAB + text[:at] + HOSTILE + "\n\n" + text[at:], encoding="utf-8")
    shutil.copy(SEEDS / f"{B}.txt", folder / EVIL_NAME)
    replies = []
    for article, seed in zip(load_folder(folder).articles, (A, B), strict=True):
        answer = to_summary(load_annotation(FIXTURES / "annotated" / f"{seed}.json"), article.document).model_dump()
        doc = article.document
        if seed == A:
            hostile = next(s.id for s in doc.sentences if "Officials said" in doc.sentence_text(s))
            answer["claims"][-1] = {
                "topic": f"How did it end? {IMAGE}",
                "sentence": hostile,
                "statement": f"Officials said {CLEAR}the summit {SCRIPT} ended early",  # grounded: the sentence says it
            }  # at most 12
        answer["event"] = f"{answer['event']} <b>now</b>"  # markup, and no name or number the sentence lacks
        replies.append(Reply(json.dumps(answer)))  # json.dumps writes ESC as \\u001b
    with ScriptedServer(replies) as server:  # every item grounds at once: no re-ask
        made = summarize(folder, model="scripted", base_url=server.base_url, judge=False, concurrency=1)
    hostile_claims = [c for s in made.sources for c in s.claims if SCRIPT in c.statement]
    assert hostile_claims and CLEAR in hostile_claims[0].statement  # the hostile text really is in the report
    assert any(TITLE_GRAB in (s.source.title or "") for s in made.sources)
    assert any(TITLE_GRAB in s.source.id for s in made.sources)
    return made


def test_no_control_character_reaches_the_text_or_markdown_output(report: EventReport) -> None:
    for fmt in ("text", "md"):
        out = render(report, fmt)
        assert not [c for c in out if ord(c) < 32 and c not in "\n\t" or 0x7F <= ord(c) <= 0x9F], fmt
        assert "PWNED" in out  # the words stay; only the control characters go


def test_no_control_sequence_of_the_articles_reaches_the_terminal(report: EventReport) -> None:
    screen = io.StringIO()
    Console(file=screen, force_terminal=True, color_system="truecolor", width=120).print(terminal(report))
    shown = screen.getvalue()
    assert "\x1b[" in shown  # rich's own styling is there…
    assert "\x1b]" not in shown and "\x07" not in shown and CLEAR not in shown  # …and nothing of the article's
    assert "PWNED" in shown and SCRIPT in shown


def test_markdown_shows_html_from_an_article_as_text(report: EventReport) -> None:
    page = MarkdownIt("commonmark").render(render(report, "md"))  # commonmark passes raw HTML through
    parsed = Tags()
    parsed.feed(page)
    assert set(parsed.tags) <= {"h1", "h2", "h3", "p", "ul", "ol", "li", "blockquote", "strong", "em", "code", "hr"}
    assert parsed.attributes == []  # no onerror=, no src=, no href=
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;img src=x onerror=alert(1)&gt;" in page


@pytest.mark.parametrize("inline", ["[click](javascript:alert(1))", "![x](http://tracker.invalid/p.gif)",
                                    "`code`", "*a* _b_", "<http://autolink.invalid>", "&lt;b&gt;"])  # fmt: skip
def test_markdown_syntax_in_a_statement_is_shown_as_written(report: EventReport, inline: str) -> None:
    said = f"Said {inline} today\n# Not a heading"
    question = report.questions[0]
    answer = question.answers[0].model_copy(update={"answer": said})
    edited = report.model_copy(update={"questions": [question.model_copy(update={"answers": [answer]})]})
    page = MarkdownIt("commonmark").render(render(edited, "md"))
    parsed = Tags()
    parsed.feed(page)
    assert "a" not in parsed.tags and "img" not in parsed.tags and "h1" not in parsed.tags[1:]
    assert parsed.attributes == []
    assert f"Said {inline} today # Not a heading" in parsed.text  # shown as written, on one line
