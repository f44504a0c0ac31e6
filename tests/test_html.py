"""The HTML report: one self-contained page, escaped text, and evidence spans that a click reveals.

The browser tests drive Debian's headless Chromium (``/usr/bin/chromium``, installed by ``.ci/run``)
with Playwright, loading the page from a file:// URL; they are skipped only when that binary is absent.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers import RECORDING, SEEDS, annotated_report, with_a_third_side
from markupsafe import escape
from playwright.sync_api import Browser, sync_playwright
from typer.testing import CliRunner

from summarizer import EventReport
from summarizer.cli import app
from summarizer.load import Article, load_folder
from summarizer.report import render
from summarizer.report.common import evidence_of
from summarizer.report.html import article_texts, render_html
from summarizer.schemas import (
    Answer,
    ArticleReport,
    Evidence,
    GroundedClaim,
    GroundedEntity,
    Grounding,
    Question,
    RunInfo,
    Statement,
)

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
NO_CHROMIUM = "Debian chromium not installed at /usr/bin/chromium (apt-get install chromium)"
needs_chromium = pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM)

SCRIPT = "<script>window.__pwned = 1; alert(1)</script>"
HOSTILE = (
    "Harbour talks resume in Port Town\n\n"
    "Officials from both councils met on Tuesday to discuss the future of the old harbour and its ferry. "
    f"A banner hung outside read {SCRIPT} in large letters, which the organisers found odd. "
    'The mayor said the talks were "useful & frank" and would continue next week. '
    '<img src=x onerror="window.__pwned = 2"> was printed on a leaflet handed to reporters at the door.'
)


# --------------------------------------------------------------------------------------------------
# Reports to render
# --------------------------------------------------------------------------------------------------


def _run_info(backend: str) -> RunInfo:
    return RunInfo(backend=backend, model="none", mode="none", prompt_version="-", schema_version="2", tool_version="t")


def _span(article: Article, words: str, start_at: int = 0) -> Evidence:
    start = article.text.index(words, start_at)
    return Evidence(source=article.id, start=start, end=start + len(words), text=words)


def _claim(statement: str, evidence: Evidence) -> GroundedClaim:
    return GroundedClaim(statement=statement, topic="What happened?", evidence=evidence)


def _answer(answer: str, *statements: tuple[str, Evidence]) -> Answer:
    said = [Statement(text=text, evidence=evidence) for text, evidence in statements]
    return Answer(answer=answer, sources=sorted({e.source for _, e in statements}), statements=said)


def hostile_report(folder: Path) -> tuple[EventReport, Article]:
    """One article full of markup, cited by claims and answers whose model-written text is markup too.

    Its questions: a disagreement with three answers, where only A and B conflict and the judge
    decided; a consensus question; a partial question from one source."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    article = load_folder(folder).articles[0]
    script = _span(article, SCRIPT)
    sentence = _span(article, "A banner hung outside read " + SCRIPT + " in large letters")
    banner = _span(article, "banner")
    mayor = _span(article, 'The mayor said the talks were "useful & frank" and would continue next week.')
    claims = [
        _claim("A banner read <script>window.__pwned = 3</script>", script),
        _claim("A <b>banner</b> hung outside", sentence),
        _claim('The talks were "useful & frank" <img src=x onerror="window.__pwned = 4">', mayor),
    ]
    source = ArticleReport(
        source=article.info,
        event=_claim("Harbour <talks> resume", _span(article, "Officials from both councils met on Tuesday")),
        entities=[GroundedEntity(name="banner", kind="thing", evidence=banner)],
        claims=claims,
        grounding=Grounding(proposed=5, grounded=5, dropped=0),
    )
    disputed = Question(
        question="Was the <script>banner</script> odd?",
        status="disagreement",
        kind="contradiction",
        answers=[
            _answer("<i>yes</i>", ("It was <u>odd</u>", sentence)),
            _answer("no & never", ("Nothing odd", mayor)),
            _answer('<img src=x onerror="window.__pwned = 6">', ("It read <script>", script)),
        ],
        conflicts=[(0, 1)],
        decided_by="judge",
    )
    agreed = Question(
        question="What did the <mayor> say?",
        status="consensus",
        answers=[_answer('"useful & frank" </td></tr></table>', ("useful", mayor))],
    )
    partial = Question(
        question="What hung <em>outside</em>?", status="partial", answers=[_answer("a <banner>", ("A banner", banner))]
    )
    report = EventReport(
        event="Harbour talks </title><script>window.__pwned = 5</script>",
        sources=[source],
        questions=[disputed, agreed, partial],
        run=_run_info("test"),
    )
    return report, article


class _Marks(HTMLParser):
    """The text inside each span id's marks, in document order, and all element ids."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: dict[str, str] = {}
        self.ids: list[str] = []
        self._open: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.append(attributes["id"] or "")
        if tag == "mark":
            self._open = (attributes.get("data-ev") or "").split()

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._open = None

    def handle_data(self, data: str) -> None:
        for span in self._open or []:
            self.text[span] = self.text.get(span, "") + data


def _span_texts(page: str) -> _Marks:
    parser = _Marks()
    parser.feed(page)
    return parser


def _seed_texts() -> dict[str, str]:
    return {a.id: a.text for a in load_folder(SEEDS).articles}


def _section(page: str, name: str) -> str:
    """The HTML of the page's section ``name``."""
    return page.split(f'<section id="{name}">', 1)[1].split("</section>", 1)[0]


def _matrix(page: str) -> list[tuple[str, list[str]]]:
    """The coverage matrix: for each row, its status and the text of each source's cell."""
    table = _section(page, "coverage")
    rows = re.findall(r'<tr class="row-(\w+)">(.*?)</tr>', table, re.S)
    cells = [re.findall(r'<td class="(?:yes|no)"[^>]*>(.*?)</td>', row, re.S) for _, row in rows]
    return [(status, [re.sub(r"<[^>]+>", "", c) for c in its]) for (status, _), its in zip(rows, cells, strict=True)]


def _symbol(q: Question, index: int) -> str:
    """What the matrix should show for answer ``index``: a side's letter, ● the agreed or only answer, ○ another."""
    if q.status == "disagreement" or len(q.answers) > 1 and q.status == "partial":
        return "ABCDEFGH"[index]
    return "●" if index == 0 else "○"


def _links(page: str) -> list[tuple[str, str, int, int]]:
    """(target, source, start, end) of every evidence link on the page."""
    pattern = r'data-target="([^"]+)" data-source="([^"]+)" data-start="(\d+)" data-end="(\d+)"'
    return [(t, s, int(a), int(b)) for t, s, a, b in re.findall(pattern, page)]


# --------------------------------------------------------------------------------------------------
# Without a browser
# --------------------------------------------------------------------------------------------------


def test_overlapping_and_nested_spans_each_read_back_as_their_evidence(tmp_path: Path) -> None:
    report, article = hostile_report(tmp_path / "in")
    page = render_html(report, {article.id: article.text})
    marks = _span_texts(page)
    links = _links(page)
    assert len({target for target, *_ in links}) == 5  # script ⊂ sentence ⊃ banner, mayor, event
    for target, _source, start, end in links:
        assert marks.text[target] == article.text[start:end]
        assert marks.ids.count(target) == 1  # every span is one jump target
    assert len(marks.ids) == len(set(marks.ids))


def test_article_and_model_text_are_escaped(tmp_path: Path) -> None:
    report, article = hostile_report(tmp_path / "in")
    page = render_html(report, {article.id: article.text})
    assert page.count("<script>") == 1 and page.count("</script>") == 1  # ours, at the end
    assert "<img" not in page and "<i>yes" not in page and "<talks>" not in page
    assert "<mayor>" not in page and "</td></tr></table>" not in page and "<em>" not in page
    assert "&lt;script&gt;window.__pwned = 1; alert(1)&lt;/script&gt;" in page
    assert "&quot;useful &amp; frank&quot;" in page


def test_the_page_is_self_contained(tmp_path: Path) -> None:
    page = render_html(annotated_report(), _seed_texts())
    assert not re.search(r"<(link|img|iframe|object|embed|base)\b", page)
    assert not re.search(r"url\(|@import", page)
    assert re.findall(r'\b(?:src|href|action)="([^"#][^"]*)"', page) == []  # only in-page #anchors
    assert "Content-Security-Policy" in page and "default-src 'none'" in page


def test_each_evidence_link_says_on_hover_how_its_span_matched() -> None:
    report = annotated_report()
    page = render_html(report, {a.id: a.text for a in load_folder(SEEDS).articles})
    tips = re.findall(r'<a class="ev" [^>]*title="([^"]*)"', page)
    assert tips and all(re.search(r"\n(exact|folded|fuzzy|sentence) match", tip) for tip in tips)
    assert any("\nsentence match: the cited sentence says it" in tip for tip in tips)
    assert any("\nexact match: found as written" in tip for tip in tips)


def test_evidence_not_in_the_text_is_shown_but_not_linked(tmp_path: Path) -> None:
    report, article = hostile_report(tmp_path / "in")
    changed = article.text.replace("banner", "poster")
    page = render_html(report, {article.id: changed})
    assert 'class="ev missing"' in page
    assert all(changed[start:end] for _, _, start, end in _links(page))
    assert "not available" in render_html(report, {})


def test_render_reads_texts_from_the_recorded_paths_and_refuses_changed_files(tmp_path: Path) -> None:
    report, article = hostile_report(tmp_path / "in")
    assert article_texts(report) == {article.id: article.text}
    assert "data-target=" in render(report, "html")
    article.path.write_text(HOSTILE.replace("banner", "poster"), encoding="utf-8")  # offsets now wrong
    assert article_texts(report) == {}
    assert "data-target=" not in render(report, "html") and "not available" in render(report, "html")


def test_a_disagreement_shows_every_answer_side_by_side_and_which_conflict(tmp_path: Path) -> None:
    report, article = hostile_report(tmp_path / "in")
    card = _section(render_html(report, {article.id: article.text}), "disagreements")
    assert card.count('<div class="side ') == 3  # three sides, not "Side B … or …"
    assert re.findall(r'<span class="letter">(\w)</span>', card) == ["A", "B", "C"]
    assert "Conflicting: A ≠ B. C conflicts with no other answer." in card
    assert re.findall(r'<p class="against">([^<]*)</p>', card) == [
        "conflicts with B",
        "conflicts with A",
        "conflicts with no other answer",
    ]
    assert "decided by the judge" in card and "contradiction" in card


def test_the_counts_at_the_top_say_one_in_the_singular(tmp_path: Path) -> None:
    """A report with one disagreement said "1 disagreements" at its top."""
    report, article = hostile_report(tmp_path / "in")
    top = render_html(report, {article.id: article.text}).split("</header>")[0]
    stats = dict((what, int(n)) for n, what in re.findall(r'<span class="stat"><b>(\d+)</b> ([^<]+)</span>', top))
    assert stats and all(what.endswith("s") == (n != 1) for what, n in stats.items()), stats


def test_the_coverage_matrix_shows_which_answer_each_source_gives() -> None:
    report = annotated_report()
    rows = _matrix(render_html(report, _seed_texts()))
    ordered = report.disagreements + report.consensus + report.partial
    assert [status for status, _ in rows] == [q.status for q in ordered]
    for (_, cells), q in zip(rows, ordered, strict=True):
        gives = [[i for i, a in enumerate(q.answers) if s.source.id in a.sources] for s in report.sources]
        assert cells == ["".join(_symbol(q, i) for i in answers) for answers in gives], q.question
    every = [cell for _, cells in rows for cell in cells]
    assert "●" in "".join(every) and "" in every  # the agreed answer; a silent source


def test_consensus_and_partial_questions_each_show_their_answers() -> None:
    report = annotated_report()
    page = render_html(report, _seed_texts())
    agreed, partial = _section(page, "consensus"), _section(page, "partial")
    for q in report.consensus:
        assert f"{escape(q.question)}</span></h3>" in agreed
        assert all(escape(a.answer) in agreed for a in q.answers)
    quotes = [e for q in report.consensus for a in q.answers for e in evidence_of(a)]
    assert agreed.count('data-kind="answer"') == len(quotes)  # each piece of evidence once, as a link
    assert "<details>" in partial  # collapsed: there are many
    singletons = [q for q in report.partial if len(q.answers) == 1 and len(q.answers[0].sources) == 1]
    assert 0 < len(singletons) < len(report.partial)
    assert partial.count("<tr id=") == len(singletons)  # one compact row each
    for q in report.partial:
        assert escape(q.question) in partial and all(escape(a.answer) in partial for a in q.answers)


# --------------------------------------------------------------------------------------------------
# In headless Chromium
# --------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.skip(NO_CHROMIUM)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Opened:
    """A page loaded from a file, with everything it logged or requested."""

    def __init__(self, browser: Browser, path: Path) -> None:
        viewport = {"width": 1280, "height": 900}
        self.context = browser.new_context(viewport=viewport, reduced_motion="reduce")
        self.page = self.context.new_page()
        self.url = path.resolve().as_uri()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(self.url)

    def active_text(self) -> str:
        return self.page.evaluate(
            "Array.from(document.querySelectorAll('mark.active')).map(m => m.textContent).join('')"
        )

    def in_view(self, selector: str) -> bool:
        return self.page.locator(selector).first.evaluate(
            "e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }"
        )

    def every_link_reveals_its_span(self) -> list[tuple[str, str, int, int, str]]:
        """Click every evidence link (in page JS); for each, what became active."""
        return self.page.evaluate(
            """() => Array.from(document.querySelectorAll('a.ev[data-target]')).map(a => {
                a.click();
                const marks = Array.from(document.querySelectorAll('mark.active'));
                const text = marks.map(m => m.textContent).join('');
                return [a.dataset.target, a.dataset.source, +a.dataset.start, +a.dataset.end, text];
            })"""
        )

    def screenshot(self, path: Path, full_page: bool = True) -> None:
        """Save what the page shows (kept under the test's temp dir for a look after a failure)."""
        self.page.screenshot(path=str(path), full_page=full_page)
        assert path.stat().st_size > 0

    def clean(self) -> None:
        assert self.errors == []
        assert self.dialogs == []
        assert set(self.requests) == {self.url}  # nothing but the file itself was loaded

    def close(self) -> None:
        self.context.close()


def _click(opened: Opened, evidence: Evidence, kind: str, texts: dict[str, str]) -> None:
    selector = (
        f'a.ev[data-kind="{kind}"][data-source="{evidence.source}"]'
        f'[data-start="{evidence.start}"][data-end="{evidence.end}"]'
    )
    link = opened.page.locator(selector).first
    # an article's own items are inside its collapsed <details>: opened as a reader would, by its summary
    link.evaluate("a => { const d = a.closest('details'); if (d && !d.open) d.querySelector('summary').click(); }")
    link.click()
    assert opened.active_text() == evidence.text == texts[evidence.source][evidence.start : evidence.end]
    assert opened.in_view("mark.active")
    assert opened.page.locator(selector).first.evaluate("a => a.classList.contains('active')")


@needs_chromium
def test_replayed_seeds_run_as_a_page_in_chromium(browser: Browser, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    args = [str(SEEDS), "--replay", str(RECORDING), "--format", "html", "--out", str(out), "--quiet"]
    # Playwright's sync API keeps an event loop running in this thread, and the pipeline's asyncio.run
    # needs a thread without one.
    with ThreadPoolExecutor(1) as pool:
        result = pool.submit(CliRunner().invoke, app, args).result()
    assert result.exit_code == 0, result.output
    texts = {a.id: a.text for a in load_folder(SEEDS).articles}
    opened = Opened(browser, out)
    try:
        page = opened.page
        assert page.locator("h1").inner_text().strip()
        assert page.locator(".source").count() == len(texts)
        for question in page.locator(".disagreement .question").all_inner_texts():
            assert question.strip()
        clicked = opened.every_link_reveals_its_span()
        assert clicked, "the replayed run grounds a few items; each should be a link"
        for _, source, start, end, active in clicked:
            assert active == texts[source][start:end]
        first = page.locator("a.ev[data-target]:visible").first  # partial questions start collapsed
        first.click()
        assert opened.in_view("mark.active")
        assert page.locator("#warnings").inner_text().count("dropped") >= 1
        opened.screenshot(tmp_path / "replayed.png")
        opened.clean()
    finally:
        opened.close()


@needs_chromium
def test_annotated_report_shows_disagreements_and_reveals_evidence(browser: Browser, tmp_path: Path) -> None:
    report = with_a_third_side(annotated_report())
    assert report.disagreements, "the hand annotations contain disagreements"
    texts = _seed_texts()
    path = tmp_path / "annotated.html"
    path.write_text(render(report, "html"), encoding="utf-8")  # texts re-read from the recorded paths
    opened = Opened(browser, path)
    try:
        page = opened.page
        cards = page.locator(".disagreement")
        assert cards.count() == len(report.disagreements)
        for i, d in enumerate(report.disagreements):
            card = cards.nth(i)
            assert card.locator(".question .q").inner_text() == d.question
            assert card.locator(".kind").inner_text().lower() == (d.kind or "").replace("_", " ")
            assert card.locator(".answer").all_inner_texts() == [a.answer for a in d.answers]
            assert card.locator(".letter").all_inner_texts() == ["A", "B", "C"][: len(d.answers)]
        three = cards.nth([len(d.answers) for d in report.disagreements].index(3)).locator(".side")
        boxes = [three.nth(i).bounding_box() for i in range(3)]  # three sides side by side, in one row
        assert all(boxes) and len({b["y"] for b in boxes if b}) == 1
        assert [b["x"] for b in boxes if b] == sorted(b["x"] for b in boxes if b)

        for source in report.sources:  # a claim of every article, clicked with the mouse
            _click(opened, source.claims[0].evidence, "claim", texts)
        _click(opened, report.disagreements[0].answers[1].statements[0].evidence, "side", texts)
        _click(opened, report.consensus[0].answers[0].statements[-1].evidence, "answer", texts)
        _click(opened, report.partial[0].answers[0].statements[0].evidence, "cell", texts)

        page.locator("#back").click()  # back to the coverage cell just clicked
        assert opened.in_view("a.ev.active[data-kind=cell]")
        assert page.locator("#back").is_hidden()

        for target, source, start, end, active in opened.every_link_reveals_its_span():
            assert active == texts[source][start:end], target
        assert page.locator(".ev.missing").count() == 0
        rows = page.locator(".matrix tbody tr")
        assert rows.count() == len(report.questions)
        first = report.disagreements[0]
        assert rows.first.locator("td.yes").count() == len({s for a in first.answers for s in a.sources})
        assert rows.first.locator(".mk-side").all_inner_texts()  # letters, each a link to its span

        assert not page.locator("#partial > details").evaluate("d => d.open")
        last = page.locator(".matrix tbody th a").last  # a partial question, inside the closed <details>
        last.click()
        assert page.locator("#partial > details").evaluate("d => d.open")
        assert opened.in_view(last.get_attribute("href") or "")

        page.locator('a.ev[data-kind="claim"]').first.click()
        opened.screenshot(tmp_path / "annotated.png")
        opened.clean()
    finally:
        opened.close()


@needs_chromium
def test_markup_in_an_article_shows_as_text_and_never_runs(browser: Browser, tmp_path: Path) -> None:
    report, article = hostile_report(tmp_path / "in")
    path = tmp_path / "hostile.html"
    path.write_text(render(report, "html"), encoding="utf-8")
    opened = Opened(browser, path)
    try:
        page = opened.page
        assert page.evaluate("window.__pwned === undefined")
        assert page.locator("script").count() == 1 and page.locator("img").count() == 0
        assert not page.locator("details.source").evaluate("d => d.open")  # articles start collapsed
        page.locator("details.source summary").click()
        text = page.locator(".source .text")
        assert SCRIPT in text.inner_text()
        assert '<img src=x onerror="window.__pwned = 2">' in text.inner_text()
        assert text.evaluate(
            "t => Array.from(t.querySelectorAll('*')).every(n => n.tagName === 'MARK' || n.className === 'anchor')"
        )
        assert page.locator(".disagreement .question .q").inner_text() == "Was the <script>banner</script> odd?"
        assert page.title() == report.event
        claim = report.sources[0].claims[0]
        _click(opened, claim.evidence, "claim", {article.id: article.text})
        assert opened.active_text() == SCRIPT
        assert page.evaluate("window.__pwned === undefined")
        opened.screenshot(tmp_path / "hostile.png", full_page=False)
        opened.clean()
    finally:
        opened.close()


def test_the_page_names_no_server_and_tells_a_silent_source_from_a_contradicting_one() -> None:
    report = annotated_report()
    run = report.run.model_copy(update={"base_url": "http://gpu-box.internal:8000/v1"})
    page = render_html(report.model_copy(update={"run": run}), _seed_texts())
    assert "gpu-box" not in page and "8000" not in page  # a shared page does not say where the model ran
    table = _section(page, "coverage")
    silent = re.findall(r'<td class="no" title="([^"]+)"', table)
    assert silent and all(t.endswith(" says nothing on this") for t in silent)
    assert "silent: the source says nothing on it (it does not contradict)" in table


@needs_chromium
def test_the_brief_comes_first_its_citations_jump_clear_of_the_nav_and_long_sections_are_collapsed(
    browser: Browser, tmp_path: Path
) -> None:
    from summarizer import summarize

    annotated = RECORDING.parent / "seeds-annotated"
    with ThreadPoolExecutor(1) as pool:  # the pipeline's event loop, away from Playwright's
        report = pool.submit(summarize, SEEDS, replay_from=annotated, brief=True).result()
    assert report.brief is not None and report.brief.by == "model"
    path = tmp_path / "brief.html"
    path.write_text(render(report, "html"), encoding="utf-8")
    opened = Opened(browser, path)
    try:
        page = opened.page
        order = page.evaluate("Array.from(document.querySelectorAll('body > section')).map(s => s.id)")
        assert order[:2] == ["brief", "disagreements"]
        items = page.locator("ul.brief li")
        assert items.count() == len(report.brief.sentences)
        assert page.locator("ul.brief li.disputed").count() == sum(s.disputed for s in report.brief.sentences)
        assert items.first.inner_text().startswith(report.brief.sentences[0].text)
        assert page.locator("table.timeline tbody tr").count() >= 3
        opened.screenshot(tmp_path / "brief-top.png", full_page=False)

        # long sections start collapsed: the partial questions and every article
        assert not page.locator("#partial > details").evaluate("d => d.open")
        assert page.locator("details.source").count() == 5 and page.locator("details.source[open]").count() == 0
        height = page.evaluate("document.body.scrollHeight")
        assert height < 12_000, height  # the five articles' texts are not laid out until opened

        nav = page.evaluate("document.querySelector('nav.top').getBoundingClientRect().bottom")
        for k in (items.count() - 1, 0):  # a disagreement cited last, a consensus question first
            cite = items.nth(k).locator("a.cite").first
            target = cite.get_attribute("href") or ""
            cite.click()
            top = page.locator(target).evaluate("e => e.getBoundingClientRect().top")
            assert nav <= top < 900, (target, nav, top)  # the card's title shows, below the nav
        page.locator("nav.top a[href='#articles']").click()
        top = page.locator("#articles h2").evaluate("e => e.getBoundingClientRect().top")
        assert nav <= top < 900
        opened.screenshot(tmp_path / "jump.png", full_page=False)

        # evidence opens its collapsed article at the span
        side = page.locator("#disagreements a.ev[data-kind=side]").first
        source = side.get_attribute("data-source")
        side.click()
        assert page.locator("details.source[open]").count() == 1
        assert opened.in_view("mark.active")
        index = [s.source.id for s in report.sources].index(source or "")
        assert page.locator(f"#source-{index + 1}").evaluate("d => d.open")
        disputed = page.locator(f"#source-{index + 1} .itemlist a.tag-disagreement")
        assert disputed.count() >= 1  # its claims that are one side of a disagreement are marked
        opened.screenshot(tmp_path / "article.png", full_page=False)
        page.locator("#back").click()
        assert opened.in_view("a.ev.active[data-kind=side]")
        assert "127.0.0.1" not in page.content()
        opened.clean()
    finally:
        opened.close()
