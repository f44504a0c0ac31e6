"""An EventReport as one self-contained HTML page, with every evidence span highlighted in its article.

The page needs no network: CSS and JavaScript are inline, and a Content-Security-Policy admits only
those two blocks (by hash), so nothing else can load or run even if some text slipped through
unescaped. Every piece of article or model text goes through :func:`html.escape`.

Evidence spans may overlap or nest. Each article's text is cut at every span boundary into
non-overlapping segments; a segment covered by any span becomes ``<mark data-ev="ID ID …">`` listing
the spans that cover it, so a span is the run of marks carrying its id, and its text is theirs joined.
Every span id is also an element ``id`` (on the span's first mark, or an empty anchor just before it
when several spans start at the same character), so ``#ID`` links work without JavaScript. Clicking
an evidence link scrolls to the span and gives its marks the ``active`` class.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from summarizer.report.common import how_matched, usage_note
from summarizer.schemas import ArticleReport, Disagreement, EventReport, Evidence, Fact
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
        try:
            text = read_text(Path(info.path))
        except ValueError:
            continue
        if hashlib.sha256(text.encode("utf-8")).hexdigest() == info.sha256:
            texts[info.id] = text
    return texts


def render_html(report: EventReport, texts: dict[str, str]) -> str:
    """The report as one HTML document; ``texts`` maps source id to the article text the offsets refer to."""
    page = _Page(report, texts)
    body = "\n".join(
        [
            page.header(),
            page.disagreements(),
            page.facts(),
            page.coverage(),
            page.articles(),
            page.warnings(),
            page.footer(),
        ]
    )
    title = escape(shorten(report.event, 90))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{_CSP}">
<title>{title}</title>
<style>{_CSS}</style>
</head>
<body>
{body}
<button id="back" type="button" hidden>&#8617; Back</button>
<script>{_JS}</script>
</body>
</html>
"""


# --------------------------------------------------------------------------------------------------
# Spans: every distinct (source, start, end) cited anywhere in the report gets one id
# --------------------------------------------------------------------------------------------------


@dataclass
class _Span:
    id: str
    start: int
    end: int
    labels: list[str] = field(default_factory=list)


class _Spans:
    def __init__(self, report: EventReport, texts: dict[str, str]) -> None:
        self.texts = texts
        self.index = {s.source.id: i for i, s in enumerate(report.sources)}
        self.by_source: dict[str, dict[tuple[int, int], _Span]] = {}

    def register(self, evidence: Evidence, label: str) -> _Span | None:
        """The span for ``evidence``, or None when the article text does not have it at those offsets."""
        text = self.texts.get(evidence.source)
        if (
            text is None
            or evidence.source not in self.index
            or not 0 <= evidence.start < evidence.end <= len(text)
            or text[evidence.start : evidence.end] != evidence.text
        ):
            return None
        spans = self.by_source.setdefault(evidence.source, {})
        key = (evidence.start, evidence.end)
        if key not in spans:
            spans[key] = _Span(f"ev-{self.index[evidence.source]}-{evidence.start}-{evidence.end}", *key)
        span = spans[key]
        if label not in span.labels:
            span.labels.append(label)
        return span


def _marked(text: str, spans: Iterable[_Span]) -> str:
    """``text`` escaped, cut into segments at every span boundary, covered segments wrapped in <mark>."""
    spans = sorted(spans, key=lambda s: (s.start, -s.end))
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out = []
    for a, b in itertools.pairwise(cuts):
        covering = [s for s in spans if s.start <= a and b <= s.end]
        chunk = escape(text[a:b])
        if not covering:
            out.append(chunk)
            continue
        starting = [s for s in covering if s.start == a]  # outermost first
        anchors = "".join(f'<span class="anchor" id="{s.id}"></span>' for s in starting[1:])
        ident = f' id="{starting[0].id}"' if starting else ""
        labels = [label for s in covering for label in s.labels]
        tip = "\n".join(labels[:6]) + (f"\n… and {len(labels) - 6} more" if len(labels) > 6 else "")
        depth = min(len(covering), 3)
        out.append(
            f'{anchors}<mark{ident} class="d{depth}" data-ev="{" ".join(s.id for s in covering)}" '
            f'title="{escape(tip)}">{chunk}</mark>'
        )
    return "".join(out)


# --------------------------------------------------------------------------------------------------
# The page
# --------------------------------------------------------------------------------------------------


class _Page:
    def __init__(self, report: EventReport, texts: dict[str, str]) -> None:
        self.report = report
        self.texts = texts
        self.spans = _Spans(report, texts)
        self.code = {s.source.id: f"S{i + 1}" for i, s in enumerate(report.sources)}

    # -- small pieces ------------------------------------------------------------------------------

    def source_chip(self, source_id: str) -> str:
        info = next((s.source for s in self.report.sources if s.source.id == source_id), None)
        code = self.code.get(source_id, "?")
        name = (info.outlet if info else None) or source_id
        tip = source_id + (f" — {info.title}" if info and info.title else "")
        return f'<span class="chip" title="{escape(tip)}"><b>{code}</b> {escape(name)}</span>'

    def evidence_link(self, evidence: Evidence, kind: str, label: str, content: str | None = None) -> str:
        """A clickable quote (or ``content``, already HTML) that jumps to the span in its article."""
        span = self.spans.register(evidence, label)
        inner = content if content is not None else escape(_quoted(shorten(evidence.text, 220)))
        data = f'data-source="{escape(evidence.source)}" data-start="{evidence.start}" data-end="{evidence.end}"'
        if span is None:
            return (
                f'<span class="ev missing" data-kind="{kind}" {data} '
                'title="not found at these offsets in the article text">'
                f"{inner}</span>"
            )
        return (
            f'<a class="ev" data-kind="{kind}" href="#{span.id}" data-target="{span.id}" {data} '
            f'title="{escape(evidence.text + chr(10) + how_matched(evidence))}">{inner}</a>'
        )

    def quotes(self, evidence: list[Evidence], kind: str, label: str) -> str:
        items = "".join(
            f'<li>{self.evidence_link(e, kind, label)} <span class="by">{self.code.get(e.source, "?")}</span></li>'
            for e in evidence
        )
        return f'<ul class="quotes">{items}</ul>' if items else ""

    # -- sections ----------------------------------------------------------------------------------

    def header(self) -> str:
        r = self.report
        stats = [
            (len(r.sources), "sources"),
            (len(r.disagreements), "disagreements"),
            (len(r.consensus), "agreed facts"),
            (len(r.partial), "partial facts"),
        ]
        chips = "".join(f'<span class="stat"><b>{n}</b> {what}</span>' for n, what in stats)
        nav = "".join(
            f'<a href="#{anchor}">{name}</a>'
            for anchor, name in (
                ("disagreements", "Disagreements"),
                ("facts", "Facts"),
                ("coverage", "Coverage"),
                ("articles", "Articles"),
                ("warnings", "Warnings"),
            )
        )
        return (
            f'<nav class="top">{nav}</nav>'
            f'<header><p class="kicker">Event summary</p><h1>{escape(r.event)}</h1>'
            f'<div class="stats">{chips}</div></header>'
        )

    def disagreements(self) -> str:
        cards = "".join(self.disagreement(i, d) for i, d in enumerate(self.report.disagreements))
        if not cards:
            cards = '<p class="empty">No disagreements found between the sources.</p>'
        return f'<section id="disagreements"><h2>Where the sources disagree</h2>{cards}</section>'

    def disagreement(self, number: int, d: Disagreement) -> str:
        label = f"disagreement: {d.question}"
        sides = "".join(
            f'<div class="side"><p class="answer">{escape(side.answer)}</p>'
            f'<p class="sources">{"".join(self.source_chip(s) for s in side.sources)}</p>'
            f"{self.quotes(side.evidence, 'side', label)}</div>"
            for side in d.sides
        )
        return (
            f'<article class="disagreement" id="d{number + 1}">'
            f'<p class="kind kind-{escape(d.kind)}">{escape(d.kind.replace("_", " "))}</p>'
            f'<h3 class="question">{escape(d.question)}</h3><div class="sides">{sides}</div></article>'
        )

    def facts(self) -> str:
        parts = ['<section id="facts"><h2>What the sources report</h2>']
        for title, facts, kind in (
            ("Agreed by most sources", self.report.consensus, "consensus"),
            ("Reported by only some sources", self.report.partial, "partial"),
        ):
            parts.append(f"<h3>{title}</h3>")
            if not facts:
                parts.append('<p class="empty">None.</p>')
                continue
            parts.append(f'<ol class="facts {kind}">')
            for fact in facts:
                parts.append(
                    f'<li class="fact"><p class="statement">{escape(fact.statement)} '
                    f'<span class="count">{len(fact.sources)}/{len(self.report.sources)}</span></p>'
                    f'<p class="topic">{escape(fact.topic)}</p>'
                    f'<p class="sources">{"".join(self.source_chip(s) for s in fact.sources)}</p>'
                    f"{self.quotes(fact.evidence, 'fact', f'{kind} fact: {fact.statement}')}</li>"
                )
            parts.append("</ol>")
        parts.append("</section>")
        return "".join(parts)

    def coverage(self) -> str:
        sources = self.report.sources
        rows: list[tuple[str, Fact]] = [("consensus", f) for f in self.report.consensus]
        rows += [("partial", f) for f in self.report.partial]
        if not rows:
            empty = '<p class="empty">No facts to compare.</p>'
            return f'<section id="coverage"><h2>Coverage</h2>{empty}</section>'
        head = "".join(
            f'<th scope="col" title="{escape(s.source.id)}">{self.code[s.source.id]}'
            f"<small>{escape(shorten(s.source.outlet or s.source.id, 18))}</small></th>"
            for s in sources
        )
        body = []
        for kind, fact in rows:
            cells = []
            for s in sources:
                sid = s.source.id
                evidence = next((e for e in fact.evidence if e.source == sid), None)
                if evidence is not None:
                    mark = self.evidence_link(evidence, "cell", f"{kind} fact: {fact.statement}", "●")
                    cells.append(f'<td class="yes">{mark}</td>')
                elif sid in fact.sources:
                    cells.append('<td class="yes">●</td>')
                else:
                    cells.append('<td class="no" aria-label="not reported"></td>')
            body.append(
                f'<tr class="{kind}"><th scope="row" title="{escape(fact.statement)}">'
                f'<span class="tag {kind}">{kind}</span> {escape(shorten(fact.statement, 110))}</th>'
                f'{"".join(cells)}<td class="total">{len(fact.sources)}</td></tr>'
            )
        return (
            '<section id="coverage"><h2>Coverage: which source reports which fact</h2>'
            '<div class="scroll"><table class="matrix"><thead><tr><th scope="col">Fact</th>'
            f'{head}<th scope="col">n</th></tr></thead><tbody>{"".join(body)}</tbody></table></div></section>'
        )

    def articles(self) -> str:
        return (
            '<section id="articles"><h2>The articles, with their evidence highlighted</h2>'
            + "".join(self.article(i, s) for i, s in enumerate(self.report.sources))
            + "</section>"
        )

    def article(self, number: int, source: ArticleReport) -> str:
        info = source.source
        e, h = escape, shorten
        # (heading, kind, [(evidence, tooltip label, link content as HTML)])
        groups: list[tuple[str, str, list[tuple[Evidence, str, str]]]] = [
            ("Event", "event", [(x.evidence, f"event: {x.statement}", e(x.statement))
                                for x in [source.event] if x]),
            ("Claims", "claim", [(x.evidence, f"claim: {x.statement}", e(x.statement))
                                 for x in source.claims]),
            ("Quotes", "quote", [(x.evidence, f"quote: {x.speaker}",
                                  f"<b>{e(x.speaker)}</b>: “{e(h(x.text, 200))}”")
                                 for x in source.quotes]),
            ("Numbers", "number", [(x.evidence, f"number: {x.value}", f"<b>{e(x.value)}</b> {e(x.about)}")
                                   for x in source.numbers]),
            ("Dates", "date", [(x.evidence, f"date: {x.text}",
                                f"<b>{e(x.text)}</b>{f' ({e(x.resolved)})' if x.resolved else ''} "
                                f"{e(x.event)}")
                               for x in source.dates]),
            ("People, organisations, places", "entity", [
                (x.evidence, f"{x.kind}: {x.name}",
                 f"<b>{e(x.name)}</b> <small>{e(x.kind)}{f', {e(x.role)}' if x.role else ''}</small>")
                for x in source.entities]),
        ]  # fmt: skip
        items = (
            "".join(
                f'<h4>{title}</h4><ul class="items {kind}">'
                + "".join(f"<li>{self.evidence_link(ev, kind, label, html)}</li>" for ev, label, html in entries)
                + "</ul>"
                for title, kind, entries in groups
                if entries
            )
            or '<p class="empty">Nothing from this article could be grounded.</p>'
        )

        text = self.texts.get(info.id)
        if text is None:
            why = "The article text is not available (file missing or changed since the run)."
            body = f'<p class="empty">{why}</p>'
        else:
            body = f'<div class="text">{_marked(text, self.spans.by_source.get(info.id, {}).values())}</div>'
        meta = " · ".join(escape(x) for x in (info.outlet, info.author, info.published, info.path) if x)
        g = source.grounding
        return (
            f'<article class="source" id="source-{number + 1}">'
            f'<h3><span class="code">{self.code[info.id]}</span> {escape(info.title or info.id)}</h3>'
            f'<p class="meta">{meta} · grounded {g.grounded}/{g.proposed} proposed item(s)</p>'
            f'<div class="columns"><aside class="itemlist">{items}</aside>{body}</div></article>'
        )

    def warnings(self) -> str:
        r = self.report
        parts = []
        for what, problems in (("Failed", r.failed), ("Skipped", r.skipped)):
            if problems:
                lines = "".join(f"<li><code>{escape(p.path)}</code>: {escape(p.reason)}</li>" for p in problems)
                parts.append(f"<h3>{what}</h3><ul>{lines}</ul>")
        dropped = [s for s in r.sources if s.dropped]
        if dropped:
            parts.append("<h3>Dropped as ungrounded (not shown as fact)</h3>")
            for s in dropped:
                rows = "".join(
                    f"<tr><td>{escape(d.kind)}</td><td>{escape(d.content)}</td><td>{escape(d.reason)}</td></tr>"
                    for d in s.dropped
                )
                parts.append(
                    f"<details><summary>{self.code[s.source.id]} {escape(s.source.id)}: "
                    f"{len(s.dropped)} item(s) "
                    f"dropped (grounding {s.grounding.grounded}/{s.grounding.proposed})</summary>"
                    '<table class="dropped"><thead><tr><th>Kind</th><th>Proposed</th>'
                    "<th>Why dropped</th></tr>"
                    f"</thead><tbody>{rows}</tbody></table></details>"
                )
        if not parts:
            parts.append('<p class="empty">None: every file was read and every proposed item grounded.</p>')
        return f'<section id="warnings"><h2>Warnings</h2>{"".join(parts)}</section>'

    def footer(self) -> str:
        run = self.report.run
        facts = [
            ("backend", run.backend),
            ("model", run.model),
            ("mode", run.mode),
            ("server", run.base_url),
            ("prompts", run.prompt_version),
            ("schema", run.schema_version),
            ("summarizer", run.tool_version),
            ("tokens", usage_note(self.report)),
        ]
        items = " · ".join(f"{name} <code>{escape(value)}</code>" for name, value in facts if value)
        return f"<footer>{items}</footer>"


def _quoted(text: str) -> str:
    """``text`` in quotation marks, unless it already opens with one."""
    return text if text[:1] in "“\"'‘«" else f"“{text}”"


# --------------------------------------------------------------------------------------------------
# Inline CSS and JavaScript, admitted by hash
# --------------------------------------------------------------------------------------------------

_CSS = """
:root { --ink:#1d2330; --muted:#5d6778; --line:#e3e6ec; --paper:#f6f5f1; --card:#fff; --accent:#2f5bd3;
  --mark:#fff3bf; --mark2:#ffe380; --mark3:#ffd43b; --active:#2f5bd3; --a:#e8f0ff; --b:#fff0e6; }
* { box-sizing: border-box; }
html { scroll-padding-top: 4rem; }
body { margin: 0; background: var(--paper); color: var(--ink);
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
nav.top { position: sticky; top: 0; z-index: 5; display: flex; gap: 1.25rem; padding: .6rem 2rem;
  background: rgba(29,35,48,.96); font-size: .9rem; }
nav.top a { color: #dfe6f5; text-decoration: none; }
nav.top a:hover { color: #fff; text-decoration: underline; }
header, section, footer { max-width: 76rem; margin: 0 auto; padding: 0 2rem; }
header { padding-top: 2.2rem; padding-bottom: .6rem; }
.kicker { margin: 0; text-transform: uppercase; letter-spacing: .08em; font-size: .78rem;
  color: var(--muted); }
h1 { font: 600 2.1rem/1.2 Georgia, "Times New Roman", serif; margin: .3rem 0 1rem; }
h2 { font-size: 1.35rem; margin: 2.6rem 0 1rem; padding-bottom: .35rem; border-bottom: 2px solid var(--ink); }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .6rem; }
h4 { font-size: .78rem; text-transform: uppercase; letter-spacing: .06em; color: var(--muted);
  margin: 1rem 0 .35rem; }
.stats { display: flex; flex-wrap: wrap; gap: .5rem; }
.stat { background: var(--card); border: 1px solid var(--line); border-radius: 999px; padding: .2rem .8rem;
  font-size: .9rem; color: var(--muted); }
.stat b { color: var(--ink); }
.empty { color: var(--muted); font-style: italic; }
.chip { display: inline-block; margin: 0 .3rem .3rem 0; padding: .05rem .55rem; border-radius: 999px;
  background: #eef1f6; border: 1px solid var(--line); font-size: .8rem; color: var(--ink);
  white-space: nowrap; }
.chip b, .by, .code { color: var(--accent); }
.disagreement { background: var(--card); border: 1px solid var(--line); border-left: 4px solid #f08c00;
  border-radius: 8px; padding: 1rem 1.25rem 1.1rem; margin: 0 0 1.2rem;
  box-shadow: 0 1px 2px rgba(0,0,0,.04); }
.kind { display: inline-block; margin: 0; padding: .05rem .55rem; border-radius: 4px; font-size: .75rem;
  text-transform: uppercase; letter-spacing: .06em; background: #ffe8d9; color: #9a3b00; }
.question { font-size: 1.2rem; margin: .4rem 0 .9rem; }
.sides { display: grid; grid-template-columns: repeat(auto-fit, minmax(17rem, 1fr)); gap: 1rem; }
.side { border-radius: 6px; padding: .8rem 1rem; background: var(--a); }
.side:nth-child(even) { background: var(--b); }
.answer { font: 600 1.08rem/1.4 Georgia, serif; margin: 0 0 .5rem; }
.sources { margin: 0 0 .3rem; }
ul.quotes, ul.items { list-style: none; margin: 0; padding: 0; }
ul.quotes li { margin: .35rem 0; font-size: .92rem; }
a.ev { color: inherit; text-decoration: none; border-bottom: 1px dashed #9aa6bd; cursor: pointer; }
a.ev:hover, a.ev:focus { color: var(--accent); border-bottom-color: var(--accent); outline: none; }
a.ev.active { background: #dfe7fb; border-bottom: 2px solid var(--active); }
.ev.missing { color: var(--muted); text-decoration: line-through; }
ol.facts { padding-left: 1.4rem; }
.fact { margin: 0 0 1rem; }
.statement { margin: 0; font-weight: 600; }
.count { font-weight: 400; font-size: .8rem; color: var(--muted); margin-left: .3rem; }
.topic { margin: .1rem 0 .3rem; color: var(--muted); font-size: .9rem; }
.scroll { overflow-x: auto; background: var(--card); border: 1px solid var(--line); border-radius: 8px; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
.matrix th, .matrix td { border-bottom: 1px solid var(--line); padding: .4rem .6rem; }
.matrix thead th { text-align: center; font-size: .85rem; vertical-align: bottom; background: #f2f3f6; }
.matrix thead th:first-child { text-align: left; }
.matrix th small { display: block; font-weight: 400; color: var(--muted); white-space: nowrap; }
.matrix tbody th { text-align: left; font-weight: 400; }
.matrix td { text-align: center; width: 1%; }
.matrix td.no::after { content: "·"; color: #c3c8d2; }
.matrix td.yes { color: var(--accent); font-size: 1.1rem; }
.matrix td.yes a.ev { border: 0; }
.matrix td.total { color: var(--muted); }
.tag { font-size: .68rem; text-transform: uppercase; letter-spacing: .05em; padding: 0 .35rem;
  border-radius: 3px;
  margin-right: .3rem; }
.tag.consensus { background: #d3f9d8; color: #2b8a3e; }
.tag.partial { background: #e7e9ee; color: var(--muted); }
.source { background: var(--card); border: 1px solid var(--line); border-radius: 8px;
  padding: 1rem 1.5rem 1.5rem;
  margin: 0 0 1.6rem; }
.source h3 { font: 600 1.3rem/1.3 Georgia, serif; margin: .2rem 0 .2rem; }
.meta { color: var(--muted); font-size: .85rem; margin: 0 0 .6rem; overflow-wrap: anywhere; }
.columns { display: grid; grid-template-columns: minmax(15rem, 21rem) 1fr; gap: 2rem; align-items: start; }
.itemlist { position: sticky; top: 3.2rem; max-height: calc(100vh - 4rem); overflow-y: auto;
  font-size: .88rem;
  padding-right: .5rem; }
ul.items li { margin: .25rem 0; }
ul.items small { color: var(--muted); }
.text { white-space: pre-wrap; overflow-wrap: break-word;
  font: 1.06rem/1.75 Georgia, "Times New Roman", serif;
  max-width: 42rem; }
mark { color: inherit; background: var(--mark); padding: 0; }
mark.d2 { background: var(--mark2); }
mark.d3 { background: var(--mark3); }
mark.active { background: var(--active); color: #fff; }
mark:target, .anchor:target + mark { background: var(--active); color: #fff; }
#warnings ul { padding-left: 1.2rem; }
details { margin: .4rem 0; }
summary { cursor: pointer; }
table.dropped { margin: .5rem 0 1rem; background: var(--card); }
table.dropped th, table.dropped td { text-align: left; vertical-align: top;
  border-bottom: 1px solid var(--line);
  padding: .3rem .5rem; }
footer { color: var(--muted); font-size: .8rem; padding-top: 1.5rem; padding-bottom: 3rem; }
code { font-size: .85em; overflow-wrap: anywhere; }
#back { position: fixed; right: 1.5rem; bottom: 1.5rem; z-index: 6; padding: .5rem 1rem; border: 0;
  border-radius: 999px; background: var(--ink); color: #fff; font: inherit; font-size: .9rem; cursor: pointer;
  box-shadow: 0 2px 8px rgba(0,0,0,.25); }
#back[hidden] { display: none; }
@media (max-width: 52rem) {
  header, section, footer { padding: 0 1rem; }
  .columns { grid-template-columns: 1fr; }
  .itemlist { position: static; max-height: none; }
}
@media print { nav.top, #back { display: none; } .itemlist { position: static; max-height: none; } }
"""

_JS = """
(function () {
  "use strict";
  var active = [];
  var origin = null;
  var back = document.getElementById("back");
  var smooth = !(window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches);

  function show(id, link) {
    var marks = document.querySelectorAll('mark[data-ev~="' + id + '"]');
    if (!marks.length) return false;
    active.forEach(function (el) { el.classList.remove("active"); });
    active = Array.prototype.slice.call(marks);
    if (link) active.push(link);
    active.forEach(function (el) { el.classList.add("active"); });
    marks[0].scrollIntoView({ block: "center", behavior: smooth ? "smooth" : "auto" });
    return true;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-target]");
    if (link) {
      event.preventDefault();
      if (show(link.getAttribute("data-target"), link)) {
        origin = link;
        back.hidden = false;
      }
      return;
    }
    if (event.target === back && origin) {
      origin.scrollIntoView({ block: "center", behavior: smooth ? "smooth" : "auto" });
      origin.focus({ preventScroll: true });
      back.hidden = true;
    }
  });

  var start = decodeURIComponent(location.hash.slice(1));
  if (/^ev-[0-9]+-[0-9]+-[0-9]+$/.test(start)) show(start, null);
})();
"""


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


_CSP = f"default-src 'none'; style-src {_sha256(_CSS)}; script-src {_sha256(_JS)}; img-src data:"
