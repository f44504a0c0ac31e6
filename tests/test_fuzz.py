"""Fuzz: random bytes, random HTML and random Unicode through load → ground → render, 2,100 cases.

Each case is a file (its bytes, or a page of random HTML, or text in a random encoding, around a real
article so that some of it survives loading) and a model's answer in JSON whose strings hold control
characters and lone surrogates (``"\\ud800"``, valid JSON that no UTF-8 can carry) and pieces of the
article, so that some items ground. Whatever comes in: loading skips with a one-line reason or gives an
article; grounding keeps only what is the article's text; and every format renders, encodes as UTF-8,
and shows no control character (text, Markdown), no live tag (Markdown as rendered by markdown-it, the
HTML page), no broken JSON. Bounded by the number of examples, never by the clock.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers import SEEDS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from summarizer.errors import InputError, ModelError
from summarizer.extract import report_for, salvage
from summarizer.load import load_folder
from summarizer.merge import merge
from summarizer.report import render
from summarizer.schemas import EventReport, RunInfo

BASE = (SEEDS / "003_f80c02a77366f6be.txt").read_text(encoding="utf-8")[:1500]
HOSTILE = [
    *("\x1b]0;T\x07", "\x1b[2J", "\x00", "\x7f", "\x9b", "\u202e", "\r\n", "\u2028"),  # controls, bidi, breaks
    *("\ud800", "\udfff", "\udc80", "&#xD800;"),  # lone surrogates, as characters and as an HTML reference
    *("<script>x</script>", "<img src=x onerror=alert(1)>", "](javascript:x)", "[/]", "[bold]"),  # markup
    *(" two thouſand ", " FİVE ", " 3 ſeptember ", " the firſt ", " 5 kilometreſ ", " 5 \u212am "),  # re.I folds these
]
CASES = 700  # per test; three tests: 2,100 cases

fuzz = settings(
    max_examples=CASES, deadline=None, derandomize=True, database=None, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)  # fmt: skip

# Unicode of every kind (surrogates included), with the hostile pieces mixed in
unicode = st.lists(
    st.one_of(st.text(st.characters(codec=None), max_size=20), st.sampled_from(HOSTILE)), max_size=6
).map("".join)
words = st.lists(st.sampled_from(BASE.split()), min_size=1, max_size=8).map(" ".join)  # pieces that may ground
phrase = st.one_of(unicode, words, st.builds(lambda a, b: a + b, words, unicode))


def _tag(children: list[str], tag: str, attribute: str) -> str:
    return f"<{tag} {attribute}>{''.join(children)}</{tag}>"


html_nodes = st.recursive(
    st.one_of(unicode, words, st.sampled_from(["<!-- c -->", "&amp;", "&#0;", "&#x1b;", "<br>", "</p>", "<"])),
    lambda inner: st.builds(
        _tag,
        st.lists(inner, max_size=4),
        st.sampled_from(["p", "div", "script", "style", "a", "nav", "h1", "img", "svg", "template", "title"]),
        st.sampled_from(['class="x"', 'href="javascript:alert(1)"', "onerror=alert(1)", 'src="x"', ""]),
    ),
    max_leaves=12,
)


FIELDS = {  # each kind of item and the string fields it has
    "entities": ("name", "role"), "claims": ("statement", "topic"), "quotes": ("speaker", "text"),
    "numbers": ("value", "about"), "dates": ("text", "event"),
}  # fmt: skip


@st.composite
def answers(draw: st.DrawFn, sentences: int) -> str:
    """A model's answer as JSON text: valid, invalid or half valid, strings escaped as json.dumps does."""
    pool = draw(st.lists(phrase, min_size=1, max_size=5))  # the answer's strings, drawn once, used anywhere
    text = st.sampled_from(pool)
    sentence = st.integers(min_value=-1, max_value=sentences + 2)
    answer: dict[str, object] = {"event": draw(text), "event_sentence": draw(sentence)}
    for field, names in FIELDS.items():
        count = draw(st.integers(0, 1 if field == "dates" else 3))  # few dates: dateparser is slow
        answer[field] = [
            {**{name: draw(text) for name in names}, "kind": "person", "sentence": draw(sentence)} for _ in range(count)
        ]
    if draw(st.booleans()):
        answer[draw(st.sampled_from(["event", "claims", "foo"]))] = draw(st.one_of(st.integers(), text, st.none()))
    return json.dumps(answer)  # ensure_ascii: "\x1b" as "\\u001b", a lone surrogate as "\\ud800"


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as made:
        yield Path(made)


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [name for name, _ in attrs]


def _through(folder: Path, suffix: str, data: bytes, draw: st.DataObject) -> None:
    """Load ``data`` as a file, ground an answer against it, render every format, and check."""
    # a file name is outside text too: control characters, markup, bytes that are not UTF-8 (\udcff)
    name = "".join(
        draw.draw(st.lists(st.sampled_from(["a", "\x1b]0;T\x07", "[bold]", "é", "\udcff"]), min_size=1, max_size=3))
    )
    path = folder / f"{name}{suffix}"
    path.write_bytes(data)
    try:
        [article] = load_folder(path).articles
    except InputError as why:
        assert str(why) and "\n" not in str(why)
        return
    finally:
        path.unlink()
    text = article.text
    raw = draw.draw(answers(len(article.document.sentences)))
    try:
        summary, dropped = salvage(raw, "fuzz")
    except ModelError:  # the one deliberate failure: an answer that is not a JSON object
        return
    source = report_for(article, summary, dropped)
    for item in [source.event] if source.event else []:
        assert text[item.evidence.start : item.evidence.end] == item.evidence.text  # grounded: the article's own
    for claim in source.claims + source.quotes + source.numbers + source.entities + source.dates:
        assert text[claim.evidence.start : claim.evidence.end] == claim.evidence.text
    merged = merge([source])
    run = RunInfo(backend="compatible", model=draw.draw(unicode), mode="grammar", prompt_version="p",
                  schema_version="1", tool_version="0")  # fmt: skip
    report = EventReport(event=merged.event, sources=[source], questions=merged.questions,
                         notes=[draw.draw(unicode)], run=run)  # fmt: skip
    _check_renders(report, {article.id: text})


def _check_renders(report: EventReport, texts: dict[str, str]) -> None:
    for fmt in ("text", "md"):
        out = render(report, fmt)
        out.encode("utf-8")  # no lone surrogate
        assert not [c for c in out if (ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F], fmt
    page = Tags()
    page.feed(MarkdownIt("commonmark").render(render(report, "md")))
    assert set(page.tags) <= {"h1", "h2", "h3", "p", "ul", "li", "blockquote", "strong", "em"} and not page.attributes
    assert EventReport.model_validate_json(render(report, "json").encode("utf-8"))
    html = Tags()
    html.feed(render(report, "html", texts=texts))
    assert html.tags.count("script") == 1 and "img" not in html.tags  # only the page's own script
    assert not [a for a in html.attributes if a.startswith("on")]


@fuzz
@given(data=st.binary(max_size=600), where=st.integers(0, 2), suffix=st.sampled_from([".txt", ".md", ".html"]),
       draw=st.data())  # fmt: skip
def test_random_bytes(folder: Path, data: bytes, where: int, suffix: str, draw: st.DataObject) -> None:
    base = BASE.encode("utf-8")
    content = [data + base, base + data, base[:700] + data + base[700:]][where]
    _through(folder, suffix, content, draw)


@fuzz
@given(nodes=st.lists(html_nodes, max_size=6), draw=st.data())
def test_random_html(folder: Path, nodes: list[str], draw: st.DataObject) -> None:
    page = "<html><body>" + "".join(nodes) + f"<p>{BASE}</p>" + "".join(nodes[::-1]) + "</body></html>"
    _through(folder, ".html", page.encode("utf-8", "surrogatepass"), draw)


@fuzz
@given(noise=unicode, encoding=st.sampled_from(["utf-8", "utf-16-le", "utf-16", "cp1252", "latin-1"]), draw=st.data())
def test_random_unicode(folder: Path, noise: str, encoding: str, draw: st.DataObject) -> None:
    text = noise + "\n" + BASE + "\n" + noise
    _through(folder, ".txt", text.encode(encoding, "surrogatepass" if "utf" in encoding else "replace"), draw)
