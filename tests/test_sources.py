"""Sources by name, and inputs beyond a folder: web pages fetched from a loopback server (their outlet,
author and date read off their metadata), sources lists, files, folders and URLs mixed, and a list of
them on standard input."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from helpers import SEEDS
from typer.testing import CliRunner

from summarizer import fetch, load
from summarizer.cli import app
from summarizer.errors import ConfigError, InputError
from summarizer.load import load_folder, load_inputs
from summarizer.report import render
from summarizer.sourcelist import source_names

BODY = (
    "Dock workers at the port of {city} walked out on Monday in a dispute over pay, the union said. "
    "About 4,000 workers joined the strike, which halted container traffic for the day. "
    "The port authority said talks with the union would resume on Wednesday. "
    "Shipping companies warned of delays of up to a week for goods bound for the city's warehouses."
)


def page(outlet: str, author: str, date: str, title: str, city: str) -> bytes:
    """A news page as outlets publish it: metadata in the head, menus and teasers around the article."""
    return f"""<!DOCTYPE html><html lang="en"><head><title>{title} | {outlet}</title>
<meta property="og:site_name" content="{outlet}">
<meta property="og:title" content="{title}">
<meta name="author" content="{author}">
<meta property="article:published_time" content="{date}T08:30:00Z">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<header><p>Subscribe to our newsletter for the latest updates</p></header>
<article><h1>{title}</h1><p class="byline">By {author}</p><p>{BODY.format(city=city)}</p>
<p>The strike is the first at the port in more than a decade, according to the union.</p></article>
<aside><h2>Most read</h2><ul><li>Ten recipes for autumn</li><li>Football: the weekend's results</li></ul></aside>
<footer>© {outlet}. All rights reserved.</footer></body></html>""".encode()


PAGES = {
    "/harbour-news/strike": page("Harbour Gazette", "Ann Lee", "2024-03-04", "Port workers strike over pay", "Kelby"),
    "/coast-times/2024/03/04/dockers": page("Coast Times", "Raj Patel", "2024-03-04", "Dockers halt the port", "Kelby"),
    "/evening-post/port": page(
        "The Evening Post", "Mia Chen", "2024-03-05", "Strike shuts the port for a day", "Kelby"
    ),
}


class Site(ThreadingHTTPServer):
    """Loopback web pages, a redirect, a redirect loop, a PDF, a page too large, and one too slow."""

    def __init__(self) -> None:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                site.hits.append(self.path)
                if self.path in PAGES:
                    return self.send(200, PAGES[self.path], "text/html; charset=utf-8")
                if self.path == "/moved":
                    return self.send(302, b"", "text/html", location="/harbour-news/strike")
                if self.path.startswith("/loop"):
                    return self.send(302, b"", "text/html", location=f"/loop{len(self.path)}")
                if self.path == "/report.pdf":
                    return self.send(200, b"%PDF-1.7 " + b"x" * 400, "application/pdf")
                if self.path == "/huge":
                    return self.send(200, b"<html><body><p>" + b"word " * 4000 + b"</p></body></html>", "text/html")
                if self.path == "/slow":
                    self.send_response(200)
                    self.send_header("content-type", "text/html")
                    self.end_headers()
                    for _ in range(40):  # a byte every 0.1 s: each read is quick, the whole page is not
                        try:
                            self.wfile.write(b" ")
                            self.wfile.flush()
                        except OSError:
                            return None
                        time.sleep(0.1)
                    return None
                return self.send(404, b"not found", "text/plain")

            def send(self, status: int, body: bytes, kind: str, location: str | None = None) -> None:
                self.send_response(status)
                self.send_header("content-type", kind)
                self.send_header("content-length", str(len(body)))
                if location:
                    self.send_header("location", location)
                self.end_headers()
                self.wfile.write(body)

        super().__init__(("127.0.0.1", 0), Handler)
        self.hits: list[str] = []

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"


@pytest.fixture
def site() -> Iterator[Site]:
    server = Site()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


# --------------------------------------------------------------------------------------------------
# URLs
# --------------------------------------------------------------------------------------------------


def test_three_urls_are_fetched_and_reported_by_name(site: Site) -> None:
    from summarizer import summarize

    urls = [site.url(p) for p in PAGES]
    report = summarize(urls)  # the extractive engine: no model
    infos = [s.source for s in report.sources]
    assert [i.outlet for i in infos] == ["Harbour Gazette", "Coast Times", "The Evening Post"]
    assert [i.author for i in infos] == ["Ann Lee", "Raj Patel", "Mia Chen"]
    assert [i.published for i in infos] == ["2024-03-04", "2024-03-04", "2024-03-05"]
    assert [i.title for i in infos] == [
        "Port workers strike over pay",
        "Dockers halt the port",
        "Strike shuts the port for a day",
    ]
    assert [i.path for i in infos] == urls and all(i.url == u for i, u in zip(infos, urls, strict=True))
    for info in infos:  # the article, not the page around it
        assert info.text is not None and "4,000 workers" in info.text
        assert "Most read" not in info.text and "newsletter" not in info.text and "All rights reserved" not in info.text
    assert [i.id for i in infos] == ["127.0.0.1-strike", "127.0.0.1-dockers", "127.0.0.1-port"]
    for fmt in ("text", "md", "html", "csv"):
        shown = render(report, fmt)  # a fetched page's text comes with the report: no file to re-read
        assert all(name in shown for name in ("Harbour Gazette", "Coast Times", "The Evening Post")), fmt
    assert "data-target=" in render(report, "html") and "not available" not in render(report, "html")


def test_redirects_are_followed_and_bounded_and_what_is_not_a_page_is_refused(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(load, "MAX_FILE_BYTES", 10_000)
    monkeypatch.setattr(fetch, "FETCH_TIMEOUT", 1.5)
    loaded = load_inputs([site.url(p) for p in ("/moved", "/loop", "/report.pdf", "/huge", "/slow", "/gone")])
    assert [a.info.outlet for a in loaded.articles] == ["Harbour Gazette"]
    assert loaded.articles[0].info.url == site.url("/harbour-news/strike")  # where it was found
    reasons = {p.path.rsplit("/", 1)[1]: p.reason for p in loaded.skipped}
    assert reasons == {
        "loop": f"more than {fetch.MAX_REDIRECTS} redirects",
        "report.pdf": "not a web page: application/pdf",
        "huge": "too large: 20,033 bytes, over the limit of 10,000",
        "slow": "too slow: the page did not arrive in time",
        "gone": "the server answered HTTP 404",
    }
    assert site.hits.count("/moved") == 1 and len([h for h in site.hits if h.startswith("/loop")]) == 6


def test_a_user_and_password_in_a_url_are_never_shown(site: Site) -> None:
    url = site.url("/gone").replace("http://", "http://someone:hunter2@")
    with pytest.raises(InputError) as error:
        load_inputs([url])
    assert "hunter2" not in str(error.value) and "someone" not in str(error.value)
    assert site.url("/gone") in str(error.value)


def test_files_folders_and_urls_mix_and_a_list_comes_on_standard_input(site: Site, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text((SEEDS / "000_7df43367a2b14d04.txt").read_text(encoding="utf-8"), encoding="utf-8")
    listed = (
        f"# articles\n{folder}\n{SEEDS / '004_60b51e329afa7c5a.txt'}\n\n{site.url('/coast-times/2024/03/04/dockers')}\n"
    )
    result = CliRunner().invoke(app, ["-", "--format", "csv", "--quiet"], input=listed)
    assert result.exit_code == 0, result.output
    header = result.stdout.splitlines()[0].split(",")
    assert header[4:7] == ["Henrik Rothen", "Agence France-Presse", "Coast Times"]
    empty = CliRunner().invoke(app, ["-"], input="\n# nothing\n")
    assert empty.exit_code == 3 and "standard input lists no folder, file or URL" in empty.output


def test_a_url_without_its_scheme_is_named_as_given() -> None:
    result = CliRunner().invoke(app, ["www.example.com/news/a"])
    assert result.exit_code == 3
    assert result.output.strip() == (
        "error: folder or file not found: www.example.com/news/a (a web address needs http:// or https://)"
    )


# --------------------------------------------------------------------------------------------------
# Sources lists
# --------------------------------------------------------------------------------------------------


def test_a_folders_sources_csv_names_its_files_and_is_never_an_article(tmp_path: Path) -> None:
    for seed in ("001_6f581c31f2f3141d", "003_f80c02a77366f6be"):
        (tmp_path / f"{seed}.txt").write_text((SEEDS / f"{seed}.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "sources.csv").write_text(
        "file,outlet,date,url\n003_f80c02a77366f6be,Parkchester Times,2023-09-15,https://example.org/a\n\n",
        encoding="utf-8",
    )
    loaded = load_folder(tmp_path)
    assert loaded.skipped == [] and len(loaded.articles) == 2
    first, second = (a.info for a in loaded.articles)
    assert first.outlet == "The Telegraph" and first.url is None  # from the text
    assert (second.outlet, second.published, second.url) == ("Parkchester Times", "2023-09-15", "https://example.org/a")


def test_a_sources_json_given_outranks_the_page_and_the_folder(site: Site, tmp_path: Path) -> None:
    listed = tmp_path / "mine.json"
    url = site.url("/evening-post/port")
    listed.write_text(json.dumps({url: {"outlet": "Evening Post (Kelby)", "author": None}}), encoding="utf-8")
    loaded = load_inputs([url], sources=listed)
    info = loaded.articles[0].info
    assert (info.outlet, info.author) == ("Evening Post (Kelby)", "Mia Chen")  # an empty field leaves the page's


def test_a_sources_list_at_fault_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "sources.csv"
    bad.write_text("file,published\na.txt,14/09/2023\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"sources.csv line 2: published '14/09/2023' is not a date as YYYY-MM-DD"):
        load_folder(tmp_path)
    bad.write_text("file,published\na.txt,2023-13-45\n", encoding="utf-8")  # the shape of a date, but none
    with pytest.raises(ConfigError, match=r"line 2: published '2023-13-45' is not a date"):
        load_folder(tmp_path)
    bad.write_text("outlet\nAFP\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="names no file or url"):
        load_folder(tmp_path)
    bad.write_text("Datei,Medium\na.txt,AFP\n", encoding="utf-8")  # no column it knows: not ignored in silence
    with pytest.raises(ConfigError, match=r"has none of the columns file, url, .* \(its header: 'Datei', 'Medium'\)"):
        load_folder(tmp_path)


def test_a_sources_csv_may_separate_its_columns_with_semicolons_or_tabs(tmp_path: Path) -> None:
    seed = "003_f80c02a77366f6be"
    (tmp_path / f"{seed}.txt").write_text((SEEDS / f"{seed}.txt").read_text(encoding="utf-8"), encoding="utf-8")
    for separator in (";", "\t"):
        row = separator.join([seed, "Parkchester Times, New York", "2023-09-15"])
        (tmp_path / "sources.csv").write_text(f"\ufefffile{separator}outlet{separator}date\n{row}\n", encoding="utf-8")
        (info,) = (a.info for a in load_folder(tmp_path).articles)
        assert (info.outlet, info.published) == ("Parkchester Times, New York", "2023-09-15")


def test_names_fall_back_to_the_author_the_headline_then_the_id_and_are_unique() -> None:
    from summarizer.schemas import SourceInfo

    def info(i: str, **fields: str) -> SourceInfo:
        return SourceInfo(id=i, path=i, sha256="", chars=0, **fields)

    names = source_names(
        [
            info("a", outlet="AFP", author="Ann"),
            info("b", author="Henrik Rothen"),
            info("c", title="Putin, Kim exchange firearms, space glove in historic meeting"),
            info("d"),
            info("e", outlet="AFP"),
        ]
    )
    assert names == {
        "a": "AFP 1",
        "b": "Henrik Rothen",
        "c": "Putin, Kim exchange firearms, space glo…",
        "d": "d",
        "e": "AFP 2",
    }


def test_every_seed_is_named_by_its_outlet_in_every_format() -> None:
    from helpers import FIXTURES

    from summarizer import summarize

    report = summarize(SEEDS, replay_from=FIXTURES / "recordings" / "seeds-annotated")
    outlets = ["Dagens", "The Telegraph", "Wions", "Parkchester Times", "Agence France-Presse"]
    assert [s.source.outlet for s in report.sources] == outlets
    for fmt in ("text", "md", "html", "csv"):
        shown = render(report, fmt)
        assert all(outlet in shown for outlet in outlets), fmt
    md = render(report, "md")
    assert "— 5/5: Dagens, The Telegraph, Wions, Parkchester Times, Agence France-Presse" in md
    answers_part = md.split("## Sources", 1)[0]
    assert "000_7df43367a2b14d04" not in answers_part  # the file id only in the sources list


# --------------------------------------------------------------------------------------------------
# Dates in the article's language
# --------------------------------------------------------------------------------------------------

FRENCH = (
    "Vladimir Poutine et Kim Jong-un ont échangé des fusils lors de leur rencontre au cosmodrome de "
    "Vostotchny, a indiqué le Kremlin jeudi. Le dirigeant russe se rendra en Corée du Nord à une date "
    "ultérieure, et le ministre des Affaires étrangères Sergueï Lavrov ira d'abord à Pyongyang le mois "
    "prochain pour préparer la visite présidentielle, a ajouté le porte-parole Dmitri Peskov."
)


def test_dates_are_read_in_the_articles_language(tmp_path: Path) -> None:
    import datetime as dt

    from summarizer.metadata import resolve_date
    from summarizer.pages import detect_language

    assert resolve_date("le mois prochain", dt.date(2023, 9, 14), "fr") == "2023-10"
    assert resolve_date("nächsten Monat", dt.date(2023, 9, 14), "de") == "2023-10"
    assert resolve_date("next month", dt.date(2023, 9, 14), "fr") == "2023-10"  # English is still read
    assert resolve_date("le mois prochain", dt.date(2023, 9, 14)) is None  # read as English: nothing
    assert detect_language(FRENCH) == "fr"
    assert detect_language((SEEDS / "000_7df43367a2b14d04.txt").read_text(encoding="utf-8")) == "en"
    (tmp_path / "fr.txt").write_text("Le 14 septembre 2023\n\n" + FRENCH, encoding="utf-8")
    (tmp_path / "sources.csv").write_text("file,published\nfr.txt,2023-09-14\n", encoding="utf-8")
    article = load_folder(tmp_path).articles[0]
    assert article.language == "fr" and article.published == dt.date(2023, 9, 14)
