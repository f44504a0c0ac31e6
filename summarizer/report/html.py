"""An EventReport as one self-contained HTML page, with every evidence span highlighted in its article.

The page is Jinja templates (``templates/``: ``page.html.j2``, one partial per section, the shared
pieces in ``macros.html.j2``) filled with plain view data built here. Autoescaping is on everywhere,
so every piece of article or model text is escaped where a template writes it; the one piece of HTML
made in Python is an article's marked-up text (:func:`summarizer.report.spans.marked`), which escapes
each piece itself.

The page needs no network: its CSS and JavaScript (``static/report.css`` and ``static/report.js``) are
inlined, and a Content-Security-Policy admits only those two blocks (by hash), so nothing else can
load or run even if some text slipped through unescaped. Nor does it name the server that answered:
a page is shared, and a server's address is not the reader's business.

Every span cited anywhere has an id (:mod:`summarizer.report.spans`); clicking an evidence link opens
its article, scrolls to the span and gives its marks the ``active`` class.

The page opens with the brief (each sentence's citations link to the questions' cards) and the
timeline. The questions are cards (disagreements with every answer side by side, lettered A, B, C …;
then consensus; then partial ones, collapsed, those from a single source as rows of one table), each
naming the sources that are silent on it, and the rows of a questions × sources coverage matrix, whose
cells show which answer each source gives — or that it says nothing. The articles come last, each
collapsed, its items marked where they are one side of a disagreement.
"""

from __future__ import annotations

import base64
import functools
import hashlib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import jinja2
from markupsafe import Markup

from summarizer.report.common import (
    Moment,
    asked,
    brief_lines,
    brief_title,
    conflict_note,
    conflicts_with,
    contested,
    decided_label,
    dropped_note,
    engine_line,
    how_matched,
    is_singleton,
    kind_label,
    letter,
    proofs,
    silent,
    source_labels,
    timeline,
    usage_note,
    window,
)
from summarizer.report.spans import Spans, marked
from summarizer.schemas import (
    Answer,
    ArticleReport,
    EventReport,
    Evidence,
    GroundedClaim,
    GroundedDate,
    GroundedEntity,
    GroundedFigure,
    GroundedQuote,
    Question,
)
from summarizer.text import shorten


def article_texts(report: EventReport) -> dict[str, str]:
    """Each source's text, re-read from the path recorded in the report.

    A file that cannot be read, or whose text no longer hashes to the recorded sha256 (so its
    offsets would be wrong), is left out; the page then says the text is unavailable.
    """
    from summarizer.load import read_text

    texts = {}
    for source in report.sources:
        info = source.source
        if info.text is not None:  # a fetched page: its text is in the report
            texts[info.id] = info.text
            continue
        try:
            text = read_text(Path(info.path))
        except ValueError:
            continue
        if hashlib.sha256(text.encode("utf-8")).hexdigest() == info.sha256:
            texts[info.id] = text
    return texts


def render_html(report: EventReport, texts: dict[str, str]) -> str:
    """The report as one HTML document; ``texts`` maps source id to the article text the offsets refer to."""
    return _environment().get_template("page.html.j2").render(_view(report, texts), assets=_assets())


# --------------------------------------------------------------------------------------------------
# What the templates show: plain data, every evidence span registered before any text is marked up
# --------------------------------------------------------------------------------------------------

_Item = GroundedClaim | GroundedQuote | GroundedFigure | GroundedDate | GroundedEntity


@dataclass(frozen=True)
class _Chip:
    code: str
    name: str
    tip: str


@dataclass(frozen=True)
class _Link:
    """Evidence to show as a link; ``target`` is its span's id, None when the text lacks the span."""

    kind: str
    evidence: Evidence
    target: str | None
    code: str  # of the evidence's source
    focus: str = ""  # the statement it proves: its shortened window is centred on the statement's words
    name: str = ""  # of the evidence's source


@dataclass(frozen=True)
class _Answer:
    letter: str
    answer: Answer
    chips: list[_Chip]
    quotes: list[_Link]  # one per source that gives it
    more: list[_Link]  # the rest of its evidence ("+N more", collapsed)
    against: list[str]  # letters of the answers this one cannot be true together with


@dataclass(frozen=True)
class _Question:
    anchor: str  # element id of its card
    number: int  # among the report's questions, 1-based: what the brief cites (Q3A)
    question: Question
    asked: str  # the question as shown: nothing when it is one of its answers' own words
    answers: list[_Answer]
    note: str | None  # which answers conflict, when not all of them do
    silent: list[_Chip]  # the sources that give no answer


@dataclass(frozen=True)
class _Sentence:
    text: str
    cites: list[tuple[str, str]]  # label (Q3A), anchor of its question's card
    disputed: bool


@dataclass(frozen=True)
class _Moment:
    moment: Moment
    chips: list[_Chip]
    links: list[_Link]
    anchor: str | None  # of the disagreement it is part of


@dataclass(frozen=True)
class _Mark:
    """One answer a source gives in a coverage cell: its symbol, what it means, its span."""

    symbol: str
    kind: str  # side (of a disagreement), agreed, other
    index: int  # of the answer in its question
    tip: str
    link: _Link | None


@dataclass(frozen=True)
class _Row:
    question: _Question
    cells: list[list[_Mark]]  # per source; empty when the source does not answer
    total: int


@dataclass(frozen=True)
class _Entry:
    link: _Link
    item: _Item
    disputed: tuple[str, str] | None = None  # (label 'Q1·B', anchor) when it is one side of a disagreement


@dataclass(frozen=True)
class _Group:
    title: str
    kind: str
    entries: list[_Entry]


@dataclass(frozen=True)
class _Article:
    source: ArticleReport
    code: str
    groups: list[_Group]
    text: Markup | None  # marked up; None when the text is not available


class _Builder:
    """Turns the report's items into view data, registering the span of every piece of evidence shown."""

    def __init__(self, report: EventReport, texts: dict[str, str]) -> None:
        self.spans = Spans(report, texts)
        self.ids = [s.source.id for s in report.sources]
        self.infos = {s.source.id: s.source for s in report.sources}
        self.codes = {s.source.id: f"S{i + 1}" for i, s in enumerate(report.sources)}
        self.names = source_labels(report)
        self.report = report
        self.sides = contested(report)

    def chips(self, source_ids: list[str]) -> list[_Chip]:
        chips = []
        for source_id in source_ids:
            info = self.infos.get(source_id)
            name = self.names.get(source_id, source_id)
            tip = source_id + (f" — {info.title}" if info and info.title else "")
            chips.append(_Chip(self.codes.get(source_id, "?"), name, tip))
        return chips

    def link(self, evidence: Evidence, kind: str, label: str, focus: str = "") -> _Link:
        """A link to ``evidence``'s span; ``label`` is what the span's tooltip lists for it."""
        span = self.spans.register(evidence, label)
        code = self.codes.get(evidence.source, "?")
        return _Link(kind, evidence, span.id if span else None, code, focus, self.names.get(evidence.source, code))

    def question(self, number: int, q: Question) -> _Question:
        """A question's card: each answer with its sources, one piece of evidence per source (the rest
        behind "+N more"), and the sources that are silent."""
        kind = "side" if q.status == "disagreement" else "answer"
        answers = []
        for i, a in enumerate(q.answers):
            links = [self.link(e, kind, _label(q, i), focus) for e, focus in proofs(a)]
            first = {link.evidence.source: link for link in reversed(links)}
            quotes = [first[s] for s in a.sources if s in first]
            more = [link for link in links if link not in quotes]
            against = [letter(j) for j in conflicts_with(q, i)]
            answers.append(_Answer(letter(i), a, self.chips(a.sources), quotes, more, against))
        quiet = self.chips(silent(self.report, q))
        return _Question(f"q{number}", number, q, asked(q), answers, conflict_note(q), quiet)

    def brief(self) -> list[_Sentence]:
        return [
            _Sentence(text, [(label, f"q{label[1:-1]}") for label in cites], disputed)
            for text, cites, disputed in brief_lines(self.report)
        ]

    def moments(self) -> list[_Moment]:
        return [
            _Moment(m, self.chips(m.sources), [self.link(e, "date", f"date: {m.when}") for e in m.evidence],
                    f"q{m.disputed[1:]}" if m.disputed else None)
            for m in timeline(self.report)
        ]  # fmt: skip

    def row(self, card: _Question) -> _Row:
        """A row of the coverage table: for each source, a mark for each answer it gives, linked to its span."""
        q = card.question
        cells: list[list[_Mark]] = [[] for _ in self.ids]
        for i, a in enumerate(q.answers):
            symbol, kind, what = _symbol(q, i)
            for column, source_id in enumerate(self.ids):
                if source_id not in a.sources:
                    continue
                evidence = next(((e, f) for e, f in proofs(a) if e.source == source_id), None)
                link = None if evidence is None else self.link(evidence[0], "cell", _label(q, i), evidence[1])
                cells[column].append(_Mark(symbol, kind, i, f"{self.codes[source_id]} gives {what}: {a.answer}", link))
        return _Row(card, cells, sum(1 for marks in cells if marks))

    def groups(self, source: ArticleReport) -> list[_Group]:
        """The article's items by kind, in page order; kinds without items left out."""
        kinds: list[tuple[str, str, list[tuple[_Item, str]]]] = [
            ("Event", "event", [(x, f"event: {x.statement}") for x in [source.event] if x]),
            ("Claims", "claim", [(x, f"claim: {x.statement}") for x in source.claims]),
            ("Quotes", "quote", [(x, f"quote: {x.speaker}") for x in source.quotes]),
            ("Numbers", "number", [(x, f"number: {x.value}") for x in source.numbers]),
            ("Dates", "date", [(x, f"date: {x.text}") for x in source.dates]),
            ("People, organisations, places", "entity", [(x, f"{x.kind}: {x.name}") for x in source.entities]),
        ]
        return [
            _Group(title, kind, [self.entry(x, kind, label) for x, label in items])
            for title, kind, items in kinds
            if items
        ]

    def entry(self, item: _Item, kind: str, label: str) -> _Entry:
        """An item of an article's list; marked when its words are one side of a disagreement."""
        e = item.evidence
        statement = str(getattr(item, "statement", ""))
        side = self.sides.get((e.source, e.start, e.end, statement)) or self.sides.get((e.source, e.start, e.end))
        disputed = None if side is None else (f"Q{side[0]}·{side[1]}", f"q{side[0]}")
        return _Entry(self.link(e, kind, label, getattr(item, "statement", "")), item, disputed)


def _view(report: EventReport, texts: dict[str, str]) -> dict[str, object]:
    """What the templates are given: the report, the source codes and the view data of each section."""
    build = _Builder(report, texts)
    number = {id(q): n for n, q in enumerate(report.questions, 1)}
    # In page order, so that a span's tooltip lists what cites it in the order the page shows them.
    brief, moments = build.brief(), build.moments()
    ordered = report.disagreements + report.consensus + report.partial
    cards = [build.question(number[id(q)], q) for q in ordered]
    by_status = {status: [c for c in cards if c.question.status == status] for status in _STATUSES}
    coverage = [build.row(c) for c in cards]
    groups = [build.groups(s) for s in report.sources]
    # Marked up last: by now every span cited anywhere on the page is registered.
    articles = []
    for source, its_groups in zip(report.sources, groups, strict=True):
        sid = source.source.id
        text = texts.get(sid)
        shown = None if text is None else marked(text, build.spans.by_source.get(sid, {}).values())
        articles.append(_Article(source, build.codes[sid], its_groups, shown))
    return {
        "report": report,
        "brief": brief,
        "brief_title": brief_title(report),
        "moments": moments,
        "codes": build.codes,
        "names": build.names,
        "disagreements": by_status["disagreement"],
        "consensus": by_status["consensus"],
        "partial": [c for c in by_status["partial"] if not is_singleton(c.question)],
        "singletons": [c for c in by_status["partial"] if is_singleton(c.question)],
        "coverage": coverage,
        "articles": articles,
    }


_STATUSES = ("disagreement", "consensus", "partial")


def _label(q: Question, index: int) -> str:
    """What a span's tooltip lists for answer ``index`` of ``q`` (the same for its card and its cell)."""
    side = f" — answer {letter(index)}" if len(q.answers) > 1 else ""
    return f"{q.status}: {q.question}{side}"


def _symbol(q: Question, index: int) -> tuple[str, str, str]:
    """How a coverage cell shows that a source gives answer ``index``: symbol, kind and what it means.

    A side of a disagreement (or one of several answers to a partial question) is its letter; the
    agreed answer, or the only one, is ●; another answer compatible with the agreed one is ○."""
    if q.status == "disagreement" or (q.status == "partial" and len(q.answers) > 1):
        return letter(index), "side", f"answer {letter(index)}"
    if index == 0:
        return "●", "agreed", "the agreed answer" if q.status == "consensus" else "this answer"
    return "○", "other", "another, compatible answer"


def _quoted(text: str) -> str:
    """``text`` in quotation marks, unless it already opens with one."""
    return text if text[:1] in "“\"'‘«" else f"“{text}”"


# --------------------------------------------------------------------------------------------------
# Templates, and the inline CSS and JavaScript admitted by hash: read once per process
# --------------------------------------------------------------------------------------------------


@functools.cache
def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("summarizer.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,  # a misspelt name fails the render instead of showing nothing
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["shorten"] = shorten
    environment.filters["window"] = window
    environment.filters["quoted"] = _quoted
    environment.filters["kind_label"] = kind_label
    environment.filters["decided_label"] = decided_label
    environment.filters["how_matched"] = how_matched
    environment.globals["usage_note"] = usage_note
    environment.globals["engine_line"] = engine_line
    environment.globals["dropped_note"] = dropped_note
    return environment


@dataclass(frozen=True)
class _Assets:
    css: Markup
    js: Markup
    csp: Markup


@functools.cache
def _assets() -> _Assets:
    """The static style and script, and the Content-Security-Policy that admits exactly them."""
    static = resources.files("summarizer.report") / "static"
    css, js = ((static / name).read_text(encoding="utf-8") for name in ("report.css", "report.js"))
    csp = f"default-src 'none'; style-src {_sha256(css)}; script-src {_sha256(js)}; img-src data:"
    # Our own files, inlined as they are; the policy's quotes stay quotes (it holds no " < or &).
    return _Assets(Markup(css), Markup(js), Markup(csp))


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"
