"""Load: folders of files become articles, and every file left out is skipped with a clear reason."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from helpers import SEEDS

from summarizer.errors import InputError
from summarizer.load import Article, load_folder, read_text
from summarizer.metadata import read_metadata
from summarizer.text import is_furniture

# A plain article of well over MIN_WORDS words.
ARTICLE = (
    "Flood waters reach the old town\n\n"
    "The river burst its banks on Tuesday night, flooding dozens of homes and shops along the main street. "
    "Emergency crews worked through the night to pump water out of basements, and the council opened the "
    "school hall as a shelter for families who had to leave their homes.\n"
)

# Same shape, with characters that differ between UTF-8 and the Windows code pages.
CP1252_ARTICLE = (
    "Town café reopens after flood\n\n"
    "The owner of the riverside café, who admits she was naïve about the insurance, said the “cleanup took "
    "far longer than anyone expected”. Customers returned on Saturday morning and queued along the street "
    "for coffee and pastries. The council said it would review flood defences along the river before the "
    "winter, and promised a report next month.\n"
)


def _seed_articles() -> dict[str, Article]:
    loaded = load_folder(SEEDS)
    return {article.id[:3]: article for article in loaded.articles}


def _single_line(error: pytest.ExceptionInfo[InputError]) -> str:
    message = str(error.value)
    assert message and "\n" not in message, f"InputError message should be one line: {message!r}"
    return message


# --------------------------------------------------------------------------------------------------
# The seeds
# --------------------------------------------------------------------------------------------------


def test_seeds_load_as_five_articles_without_skips() -> None:
    loaded = load_folder(SEEDS)
    assert len(loaded.articles) == 5
    assert loaded.skipped == []
    assert [a.id[:3] for a in loaded.articles] == ["000", "001", "002", "003", "004"]
    for article in loaded.articles:
        assert article.text == article.text.strip()
        assert "\r" not in article.text
        assert article.info.chars == len(article.text)
        assert article.document.text == article.text


def test_seed_000_metadata() -> None:
    info = _seed_articles()["000"].info
    assert info.author == "Henrik Rothen"
    assert info.published == "2023-09-14"
    assert info.title is not None and info.title.startswith("Putin hands over unique gifts")
    assert _seed_articles()["000"].published == dt.date(2023, 9, 14)


def test_seed_outlets_and_dates() -> None:
    seeds = _seed_articles()
    assert seeds["001"].info.outlet == "The Telegraph"
    assert seeds["002"].info.outlet == "Wions"
    assert seeds["002"].info.published == "2023-10-01"
    assert seeds["004"].info.outlet == "Agence France-Presse"


def test_seed_003_states_no_outlet_author_or_date_and_seeds_sources_csv_names_it() -> None:
    article = _seed_articles()["003"]
    assert read_metadata(article.text) == {
        "title": article.info.title,
        "outlet": None,
        "author": None,
        "published": None,
    }
    info = article.info  # what seeds/sources.csv says, looked up from the article's public page
    assert info.outlet == "Parkchester Times" and info.published == "2023-09-15"
    assert info.url is not None and info.url.startswith("https://parkchestertimes.com/2023/09/15/")
    assert _seed_articles()["000"].info.outlet == "Dagens"  # the text names its author only
    assert _seed_articles()["000"].info.author == "Henrik Rothen"  # the text's, kept


def test_seed_titles_are_headlines_not_page_furniture() -> None:
    for article in _seed_articles().values():
        title = article.info.title
        assert title, f"{article.id} has no title"
        assert not is_furniture(title), f"{article.id} title is page furniture: {title!r}"
        assert len(title.split()) >= 4
        assert title in article.text
    title_004 = _seed_articles()["004"].info.title
    assert title_004 == "Putin, Kim gifted each other rifles, Putin to visit North Korea"
    assert _seed_articles()["002"].info.title.startswith("Vladimir Putin, Kim Jong-un exchange rifles")


# --------------------------------------------------------------------------------------------------
# Bad input
# --------------------------------------------------------------------------------------------------


def test_missing_folder_is_an_input_error_naming_the_path(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder"
    with pytest.raises(InputError) as error:
        load_folder(missing)
    message = _single_line(error)
    assert str(missing) in message
    assert "not found" in message


def test_empty_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as error:
        load_folder(tmp_path)
    message = _single_line(error)
    assert "no readable articles" in message
    assert str(tmp_path) in message


def test_folder_of_only_skipped_files_is_an_input_error_mentioning_skipped(tmp_path: Path) -> None:
    (tmp_path / "short.txt").write_text("Too short.", encoding="utf-8")
    (tmp_path / "blob.bin").write_bytes(b"\x00\x01\x02" * 100)
    with pytest.raises(InputError) as error:
        load_folder(tmp_path)
    message = _single_line(error)
    assert "skipped" in message
    assert "2 file(s)" in message


def test_binary_file_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "image.txt").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"x" * 200)  # misnamed
    loaded = load_folder(tmp_path)
    assert [a.id for a in loaded.articles] == ["story"]
    assert len(loaded.skipped) == 1
    assert loaded.skipped[0].path.endswith("image.txt")
    assert "binary" in loaded.skipped[0].reason


def test_cp1252_article_is_decoded(tmp_path: Path) -> None:
    (tmp_path / "windows.txt").write_bytes(CP1252_ARTICLE.encode("cp1252"))
    loaded = load_folder(tmp_path)
    assert loaded.skipped == []
    text = loaded.articles[0].text
    assert "café" in text
    assert "“cleanup took far longer than anyone expected”" in text
    assert "\ufffd" not in text


def test_cp1252_article_is_decoded_exactly(tmp_path: Path) -> None:
    (tmp_path / "windows.txt").write_bytes(CP1252_ARTICLE.encode("cp1252"))
    assert load_folder(tmp_path).articles[0].text == CP1252_ARTICLE.strip()


def test_latin1_article_is_decoded_exactly(tmp_path: Path) -> None:
    text = "Crème brûlée à la carte: the naïve chef's café wins a prize. " * 6
    (tmp_path / "latin1.txt").write_bytes(text.encode("latin-1"))
    assert "Crème brûlée à la carte" in load_folder(tmp_path).articles[0].text


def test_utf16_article_is_read(tmp_path: Path) -> None:
    (tmp_path / "notepad.txt").write_text(ARTICLE, encoding="utf-16")
    assert load_folder(tmp_path).articles[0].text == ARTICLE.strip()


def test_bom_and_crlf_are_normalised(tmp_path: Path) -> None:
    (tmp_path / "dos.txt").write_bytes(b"\xef\xbb\xbf" + ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    text = load_folder(tmp_path).articles[0].text
    assert text == ARTICLE.strip()
    assert not text.startswith("\ufeff")


def test_html_entities_left_in_scraped_text_are_the_characters_they_stand_for(tmp_path: Path) -> None:
    """ "rescued &amp; 23 missing", "&quot;We will keep searching,&quot;": text scraped from a page keeps its
    entities; the report showed them as written ("&amp;amp;" in Markdown). One no table knows stays."""
    body = ARTICLE.replace("\n", " &quot;Black &amp; white,&quot; she said &#8212; &bogus; R&D.\n", 1)
    (tmp_path / "scraped.txt").write_text(body, encoding="utf-8")
    (tmp_path / "notes.md").write_text(f"# Notes &amp; more\n\n{ARTICLE}", encoding="utf-8")
    texts = {a.id: a.text for a in load_folder(tmp_path).articles}
    assert '"Black & white," she said \u2014 &bogus; R&D.' in texts["scraped"]
    assert texts["notes"].startswith("Notes & more")


def test_near_empty_file_is_skipped_as_too_short(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "stub.txt").write_text("Breaking: more to follow.\n\n", encoding="utf-8")
    (tmp_path / "blank.txt").write_text("   \n\n  ", encoding="utf-8")
    loaded = load_folder(tmp_path)
    assert [a.id for a in loaded.articles] == ["story"]
    reasons = {Path(p.path).name: p.reason for p in loaded.skipped}
    assert set(reasons) == {"stub.txt", "blank.txt"}
    assert "too short" in reasons["stub.txt"] and "(4 words)" in reasons["stub.txt"]
    assert "too short" in reasons["blank.txt"] and "(0 words)" in reasons["blank.txt"]


def test_same_article_twice_is_counted_once(tmp_path: Path) -> None:
    seed = (SEEDS / "000_7df43367a2b14d04.txt").read_text(encoding="utf-8")
    (tmp_path / "a_original.txt").write_text(seed, encoding="utf-8")
    (tmp_path / "b_copy.txt").write_text(seed, encoding="utf-8")
    loaded = load_folder(tmp_path)
    assert [a.id for a in loaded.articles] == ["a_original"]
    assert len(loaded.skipped) == 1
    assert loaded.skipped[0].path.endswith("b_copy.txt")
    assert "same text" in loaded.skipped[0].reason
    assert "a_original.txt" in loaded.skipped[0].reason


def test_html_is_reduced_to_its_visible_text(tmp_path: Path) -> None:
    html = """<!DOCTYPE html>
<html><head><title>Flood</title>
<style>body { color: red; } .STYLE_RULE { display: none }</style>
<script>var tracker = "SCRIPT_PAYLOAD"; console.log(tracker);</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">NAV_LINK World</a></nav>
<h1>Flood waters reach the old town</h1>
<p>The river burst its banks on Tuesday night, flooding dozens of homes and shops along the main street.</p>
<p>Emergency crews worked through the night to pump water out of basements, and the council opened the
school hall as a shelter.</p>
<script>document.write("MORE_SCRIPT")</script>
</body></html>"""
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    loaded = load_folder(tmp_path)
    assert loaded.skipped == []
    text = loaded.articles[0].text
    assert "The river burst its banks on Tuesday night" in text
    assert "Emergency crews worked through the night" in text
    for hidden in ("SCRIPT_PAYLOAD", "MORE_SCRIPT", "tracker", "STYLE_RULE", "color: red", "NAV_LINK", "<p>"):
        assert hidden not in text
    assert loaded.articles[0].info.title == "Flood waters reach the old town"


def test_a_page_naming_no_site_gives_its_outlet_after_the_headline_in_its_title(tmp_path: Path) -> None:
    def page(title: str, text: str) -> str:
        return f"""<html><head><title>{title}</title>
<meta property="og:title" content="Flood waters reach the old town"></head>
<body><article><h1>Flood waters reach the old town</h1><p>{text}</p></article></body></html>"""

    (tmp_path / "named.html").write_text(page("Flood waters reach the old town - Valley News", ARTICLE))
    # a <title> that is not the headline then a name: "Flood waters rise" is no headline of this page
    (tmp_path / "other.html").write_text(page("Flood waters rise - Valley News", ARTICLE.replace("Tuesday", "Monday")))
    infos = {a.id: a.info for a in load_folder(tmp_path).articles}
    assert (infos["named"].title, infos["named"].outlet) == ("Flood waters reach the old town", "Valley News")
    assert infos["other"].outlet is None


def test_a_page_is_not_named_by_its_headline_nor_its_author_by_a_role(tmp_path: Path) -> None:
    """trafilatura took the headline side of "headline - site" for the site's name, and gave the byline's
    "Technology Editor" and "at Millstone Park" as names beside the author's."""
    headline = "Flood cuts power to 4.8 million homes as the river bursts its banks"
    html = f"""<html><head><title>{headline} - Valley News</title></head><body><main><article>
<h1>{headline}</h1><p class="byline">By Oliver Stanhope, Technology Editor, at Millstone Park</p>
<p>{ARTICLE}</p></article></main></body></html>"""
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    info = load_folder(tmp_path).articles[0].info
    assert (info.outlet, info.author) == ("Valley News", "Oliver Stanhope")


def test_a_page_named_by_its_address_is_named_by_its_title_instead(tmp_path: Path) -> None:
    """A page whose only site name is its address ("valleynews.example") is named as its <title> names it."""
    headline = "Flood waters reach the old town as the river bursts its banks"
    html = f"""<html><head><title>{headline} | Valley News</title>
<link rel="canonical" href="https://valleynews.example/flood"></head><body><main><article>
<h1>{headline}</h1><p>{ARTICLE}</p></article></main></body></html>"""
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    assert load_folder(tmp_path).articles[0].info.outlet == "Valley News"


def test_a_page_with_no_date_in_its_markup_is_not_dated_by_a_year_in_its_text(tmp_path: Path) -> None:
    """htmldate's search of the text dated a page 2015-01-01 from "who has run the café since 2015", and
    its "on Tuesday" then read as 30 December 2014. A date the text states as a dateline is still read."""
    body = f"<p>{ARTICLE}</p><p>The owner, who has run the café since 2015, said he would appeal.</p>"
    (tmp_path / "a.html").write_text(f"<html><head><title>Café owner fined</title></head><body><article>"
                                     f"<h1>Café owner fined in Lyon</h1>{body}</article></body></html>")  # fmt: skip
    (tmp_path / "b.html").write_text(f"<html><head><title>Café owner fined</title></head><body><article>"
                                     f"<h1>Café owner fined in Lyon</h1><p>Lyon Matin, 14 October 2025</p>{body}"
                                     "</article></body></html>")  # fmt: skip
    infos = {a.id: a.info for a in load_folder(tmp_path).articles}
    assert (infos["a"].published, infos["b"].published) == (None, "2025-10-14")


def test_markdown_is_read_without_its_markup(tmp_path: Path) -> None:
    markdown = f"""# Flood waters *reach* the old town

*Jane Doe, local affairs reporter — Tue 12 March 2024*

{ARTICLE}

* Residents are advised to stay **indoors**.
* The school hall is open as a shelter.

![a flooded street](flood.jpg)

Read more: [What we know about the flood](https://example.com/flood)

```
var tracker = "CODE";
```
"""
    (tmp_path / "flood.md").write_text(markdown, encoding="utf-8")
    article = load_folder(tmp_path).articles[0]
    assert article.info.title == "Flood waters reach the old town"
    assert (article.info.author, article.info.published) == ("Jane Doe", "2024-03-12")
    assert "Residents are advised to stay indoors." in article.text
    assert "Read more: What we know about the flood" in article.text
    for markup in ("#", "*", "](", "https://", "flood.jpg", "a flooded street", "CODE"):
        assert markup not in article.text


def test_a_markdown_line_all_in_emphasis_stays_a_line_of_its_own(tmp_path: Path) -> None:
    """A soft break joins a wrapped paragraph's lines, but not a masthead's or a byline's: joined, the
    newsletter's "Issue #87 · … · by …" line was lost in one line with its masthead (no date, no author)."""
    markdown = f"""# Four years for Vasseur

*The Public Purse, a newsletter about how public money is spent*
*Issue #87 · Wednesday, 15 October 2025 · by Inès Marchal-Whitby*

Flood waters reached the old town
on Tuesday, *officials* said.

{ARTICLE}
"""
    (tmp_path / "issue.md").write_text(markdown, encoding="utf-8")
    article = load_folder(tmp_path).articles[0]
    assert (article.info.author, article.info.published) == ("Inès Marchal-Whitby", "2025-10-15")
    assert "Flood waters reached the old town on Tuesday, officials said." in article.text


def test_html_without_html_suffix_is_detected(tmp_path: Path) -> None:
    html = "<html><body><script>SCRIPT_PAYLOAD()</script><p>" + ARTICLE + "</p></body></html>"
    (tmp_path / "saved.txt").write_text(html, encoding="utf-8")
    text = load_folder(tmp_path).articles[0].text
    assert "The river burst its banks" in text
    assert "SCRIPT_PAYLOAD" not in text and "<p>" not in text


def test_single_file_instead_of_folder(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "two.txt").write_text(ARTICLE.replace("Tuesday", "Monday"), encoding="utf-8")
    loaded = load_folder(tmp_path / "one.txt")
    assert [a.id for a in loaded.articles] == ["one"]
    assert loaded.skipped == []
    assert loaded.articles[0].info.path == str(tmp_path / "one.txt")


def test_single_seed_file_keeps_its_metadata() -> None:
    loaded = load_folder(SEEDS / "000_7df43367a2b14d04.txt")
    assert len(loaded.articles) == 1
    assert loaded.articles[0].info.author == "Henrik Rothen"


def test_hidden_files_are_ignored(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1" * 50)
    (tmp_path / ".draft.txt").write_text(ARTICLE.replace("Tuesday", "Friday"), encoding="utf-8")
    loaded = load_folder(tmp_path)
    assert [a.id for a in loaded.articles] == ["story"]
    assert loaded.skipped == []


def test_only_hidden_files_is_an_empty_folder(tmp_path: Path) -> None:
    (tmp_path / ".draft.txt").write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_folder(tmp_path)
    assert "no readable articles" in _single_line(error)


def test_read_text_reason_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(b"\x00" * 10)
    with pytest.raises(ValueError) as error:
        read_text(path)
    assert str(error.value) == "binary file, not text"
