"""What an article's text says of its source (headline, outlet, author, date), and dates resolved against it."""

from __future__ import annotations

import datetime as dt

import pytest

from summarizer.metadata import in_its_year, is_dateline, read_metadata, resolve_date
from summarizer.pages import read_page, unlabelled


def test_a_text_that_opens_with_a_paragraph_has_no_title() -> None:
    paragraph = " ".join(["Dock workers walked out at dawn over pay and the automation of the cranes."] * 3)
    assert read_metadata(f"{paragraph}\n\nThe port said talks would resume.")["title"] is None
    assert read_metadata(f"Dockers strike over pay\n\n{paragraph}")["title"] == "Dockers strike over pay"


_QUAKE = "A magnitude 6.8 earthquake struck Morocco late on Friday, killing at least 2,012 people, officials said."


def test_a_three_word_headline_is_the_title_and_a_sentence_of_the_story_is_none() -> None:
    """Under four words the headline was passed over, and the story's first sentence was taken for it, so
    that sentence was neither a claim nor cited."""
    lead = "Prime Minister Mark Ellis fired Health Minister Claire Dubois yesterday, hours after the report."
    page = f"Minister Dubois sacked\n\nMay 7, 2025\n\n{lead}\n\nPatel will serve as health minister."
    assert read_metadata(page)["title"] == "Minister Dubois sacked"
    assert read_metadata(f"May 7, 2025\n\n{lead}\n\nPatel will serve as minister.")["title"] is None
    assert (
        read_metadata(f"Skip to\nDubois quits as health minister\n\n{lead}")["title"]
        == "Dubois quits as health minister"
    )


def test_a_line_ending_on_a_quotation_closed_after_its_full_stop_is_a_sentence_not_a_title() -> None:
    """A tabloid whose headline has two words ("LISBON FURY!") had its last line taken for its title."""
    quoted = 'Nurse Marta Silva (27) told us: "I pay 1,100 euros for a room. My salary is 1,300."'
    page = f"LISBON FURY!\n\nHalf a million angry renters brought Lisbon to a standstill.\n\n{quoted}"
    assert read_metadata(page)["title"] is None
    assert read_metadata('Minister: "We will not resign"\n\nThe minister said so.')["title"] == (
        'Minister: "We will not resign"'
    )


@pytest.mark.parametrize(
    ("dateline", "outlet", "author"),
    [
        ("The Guardian, 9 September 2023", "The Guardian", None),
        ("Reuters | Sept. 9, 2023 10:14 AM", "Reuters", None),
        ("Agence France-Presse — 9 September 2023", "Agence France-Presse", None),
        ("LONDON, 9 September 2023", None, None),  # a wire dateline's place is not an outlet
        ("By Jane Doe, 9 September 2023", None, "Jane Doe"),
        ("Updated 3:14 PM EST, 9 September 2023", None, None),  # when it was updated, not who
        ("Published: 9 September 2023", None, None),
        ("Last updated on September 9, 2023", None, None),
        ("By JANE DOE and JOHN ROE, 9 September 2023", None, "Jane Doe and John Roe"),
        ("By AFP, 9 September 2023", None, "AFP"),
        ("Saturday 9 September 2023 06:55, UK", None, None),  # a place after the date
        ("Ian Morris, transport correspondent — Sat 9 Sep 2023 07.30 BST", None, "Ian Morris"),
        ("Sky News | Saturday 9 September 2023 06:55, UK", "Sky News", None),
    ],
)
def test_a_dateline_gives_the_date_and_the_outlet_or_author_before_it(
    dateline: str, outlet: str | None, author: str | None
) -> None:
    found = read_metadata(f"Morocco earthquake: at least 2,000 dead\n{dateline}\n\n{_QUAKE}")
    assert found == {"title": "Morocco earthquake: at least 2,000 dead", "outlet": outlet, "author": author,
                     "published": "2023-09-09"}  # fmt: skip


def test_a_dateline_is_told_from_a_sentence_with_a_date() -> None:
    assert is_dateline("Ian Morris, transport correspondent — Tue 11 Feb 2025 07.30 GMT")
    assert is_dateline("Le Monde, 9 septembre 2023", "fr")
    assert not is_dateline("We raised the condition of that cutting in 2023 and nothing was done.")
    assert not is_dateline("The strike began on 9 September 2023, the union said.")


def test_a_saved_pages_menu_and_share_buttons_do_not_hide_its_byline_and_date() -> None:
    menu = "\n".join(["Skip to content", "Menu", "Home", "Politics", "Business", "Sport", "World", "Climate"])
    page = f"""{menu}
Verhoek quits as fisheries minister after leak
Advertisement
Share this article
Facebook
Twitter
WhatsApp
By Karl Dunn
4 March 2025 | 17:05
{_QUAKE}
Copyright 2025 Coastal Times. All rights reserved.
"""
    assert read_metadata(page) == {"title": "Verhoek quits as fisheries minister after leak", "outlet": "Coastal Times",
                                   "author": "Karl Dunn", "published": "2025-03-04"}  # fmt: skip


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("Copyright 2025 Coastal Times. All rights reserved.", "Coastal Times"),
        ("© The Northern Herald 2025", "The Northern Herald"),
        ("© 2025 Reuters", "Reuters"),
        ("Copyright (c) 2024 Acme News Ltd", "Acme News"),
        ("© Getty Images", None),  # a photograph's, not the page's
        ("The copyright dispute went to court.", None),
    ],
)
def test_a_copyright_line_names_the_publisher(line: str, outlet: str | None) -> None:
    assert read_metadata(f"Morocco earthquake: at least 2,000 dead\n\n{_QUAKE}\n\n{line}\n")["outlet"] == outlet


@pytest.mark.parametrize(
    ("byline", "outlet", "author"),
    [
        ("By Jane Doe", None, "Jane Doe"),
        ("By Harriet Cole, BBC News", "BBC News", "Harriet Cole"),
        ("By Oliver Tremayne, ABN News, Miami", "ABN News", "Oliver Tremayne"),  # the outlet, not where
        ("By JANE PORTER Associated Press", "Associated Press", "Jane Porter"),
        ("By Sophie Klein, Travel Editor", None, "Sophie Klein"),  # a role, not an outlet
        ("By Sam Kline, Staff Writer", None, "Sam Kline"),
        ("By JANE DOE and JOHN ROE", None, "Jane Doe and John Roe"),
        ("By the harbour, the crowds gathered early", None, None),  # a sentence, not a byline
    ],
)
def test_a_byline_gives_the_author_and_the_outlet_after_the_names(
    byline: str, outlet: str | None, author: str | None
) -> None:
    found = read_metadata(f"Morocco earthquake: at least 2,000 dead\n{byline}\n\n{_QUAKE}")
    assert (found["outlet"], found["author"]) == (outlet, author)


@pytest.mark.parametrize(
    ("lead", "outlet"),
    [
        ("BOSTON (AP) — A powerful storm knocked out power to 300,000 homes on Tuesday.", "AP"),
        ("BOSTON, March 5 (Reuters) - More than 250,000 customers lost power on Tuesday.", "Reuters"),
        ("PARIS, 5 mars (AFP) - Le texte de la dépêche commence ici.", "AFP"),
        ("LEEDS, England (AP) — A mobile operator said on Monday that hackers stole data.", "AP"),  # a place
        ("PORTLAND, Ore. (AP) — A powerful storm knocked out power on Tuesday.", "AP"),
        ("LYON, France (Meridian Wire) - A French court on Tuesday sentenced a former official.", "Meridian Wire"),
        ("The (new) plan - for now - works, officials said on Tuesday.", None),
    ],
)
def test_a_wire_storys_dateline_names_its_agency(lead: str, outlet: str | None) -> None:
    assert read_metadata(f"Storm knocks out power in the Northeast\n\n{lead}")["outlet"] == outlet


def test_a_wire_storys_dateline_with_a_year_gives_the_date() -> None:
    lead = "VALTURA, May 14, 2025 (AFP) - Around 10,000 people were evacuated on Wednesday, officials said."
    found = read_metadata(f"Floods force 10,000 from homes in Valtura\n\n{lead}")
    assert (found["outlet"], found["published"]) == ("AFP", "2025-05-14")
    assert read_metadata("Storm knocks out power\n\nBOSTON, March 5 (Reuters) - Power was cut.")["published"] is None
    placed = read_metadata("Court jails former official\n\nLYON, France, Oct. 14, 2025 (Reuters) - A court ruled.")
    assert (placed["outlet"], placed["published"]) == ("Reuters", "2025-10-14")


@pytest.mark.parametrize(
    ("masthead", "outlet"),
    [
        ("Daily Meridian | Live", "Daily Meridian"),  # a live page
        ("The Lakeshore Examiner | Live coverage", "The Lakeshore Examiner"),
        ("Civic Brief — a newsletter about Ontario's city halls", "Civic Brief"),
        ("Stormline newsletter · Tuesday, September 9, 2025", "Stormline"),
        ("Wednesday 10 September 2025 · Uptime Weekly, a newsletter for people who get paged", "Uptime Weekly"),
        ("Daily Newsletter", None),  # a promotion
        ("Sign up to our daily newsletter", None),
    ],
)
def test_a_newsletters_or_a_live_pages_masthead_names_its_outlet(masthead: str, outlet: str | None) -> None:
    assert read_metadata(f"Storm hits the Keys\n{masthead}\n\n{_QUAKE}")["outlet"] == outlet


@pytest.mark.parametrize(
    ("top", "outlet"),
    [
        ("Karsu Courier\nTuesday, 17 March 2026\n\nDeath toll rises to 41 as Karsu mourns", "Karsu Courier"),
        ("The Harbour Gazette\n17 March 2026\n\nDeath toll rises to 41 as Karsu mourns", "The Harbour Gazette"),
        ("Breaking News\nTuesday, 17 March 2026\n\nDeath toll rises to 41 as Karsu mourns", None),  # a section
        ("Middle East\n17 March 2026\n\nDeath toll rises to 41 as Karsu mourns", None),
        ("Quake Kills Dozens\n17 March 2026\n\nA strong earthquake killed dozens on Tuesday.", None),  # the headline
        ("LISBON FURY!\n\nHalf a million angry renters brought Lisbon to a standstill yesterday.", None),  # no date
    ],
)
def test_a_masthead_over_a_line_that_is_a_date_names_the_outlet(top: str, outlet: str | None) -> None:
    """A paper's name alone on its first line, then the date: "Karsu Courier" / "Tuesday, 17 March 2026"."""
    assert read_metadata(f"{top}\n\nBy Selin Marek\n\nThe toll rose on Tuesday evening.")["outlet"] == outlet


def test_a_line_of_parts_gives_its_date_and_its_byline() -> None:
    """A newsletter's "Issue #87 · Wednesday, 15 October 2025 · by Inès Marchal-Whitby": the byline is a part."""
    found = read_metadata(
        f"Four years for Vasseur\nIssue #87 · Wednesday, 15 October 2025 · by Inès Marchal-Whitby\n\n{_QUAKE}"
    )
    assert (found["author"], found["published"]) == ("Inès Marchal-Whitby", "2025-10-15")
    masthead = "Up The Dons, the independent supporters' newsletter · Wednesday 15 October 2025 · written at 2am"
    found = read_metadata(f"We have only gone and done it\n{masthead}\n\n{_QUAKE}")  # a masthead is furniture
    assert (found["outlet"], found["published"]) == ("Up The Dons", "2025-10-15")


def test_a_dateline_is_read_in_the_articles_language() -> None:
    text = (
        "Séisme au Maroc : au moins 2 000 morts\nLe Monde, 9 septembre 2023\n\nUn séisme de magnitude 6,8 a "
        "frappé le Maroc dans la nuit de vendredi à samedi, faisant au moins 2 012 morts selon le ministère."
    )
    assert (read_metadata(text)["outlet"], read_metadata(text)["published"]) == ("Le Monde", "2023-09-09")


# --------------------------------------------------------------------------------------------------
# resolve_date
# --------------------------------------------------------------------------------------------------

PUBLISHED = dt.date(2023, 9, 14)


@pytest.mark.parametrize(
    ("words", "published", "expected"),
    [
        ("next month", PUBLISHED, "2023-10"),
        ("in October", PUBLISHED, "2023-10"),
        ("Sept 13", PUBLISHED, "2023-09-13"),
        ("July 2000", PUBLISHED, "2000-07"),
        ("July 2000", None, "2000-07"),
        ("next month", None, None),
        ("an unspecified date", PUBLISHED, None),
        ("an unspecified date", None, None),
    ],
)
def test_resolve_date(words: str, published: dt.date | None, expected: str | None) -> None:
    assert resolve_date(words, published) == expected


def test_resolve_date_is_relative_to_the_publication_date() -> None:
    assert resolve_date("next month", dt.date(2019, 12, 2)) == "2020-01"
    assert resolve_date("Sept 13", dt.date(2021, 9, 20)) == "2021-09-13"


def test_a_live_page_s_label_is_no_part_of_its_headline() -> None:
    """tests/data/ceasefire: the live blog's "Live: Varenia-Ostrel ceasefire" named the event and the source."""
    lead = "The ceasefire is now in force. It is due to last 72 hours, until 6am local time on Wednesday."
    blog = f"Live: Varenia-Ostrel ceasefire\n\nGlobal Desk live coverage, Sunday 14 June 2026\n\n{lead}"
    assert read_metadata(blog)["title"] == "Varenia-Ostrel ceasefire"
    html = "<html><head><title>x</title><meta property='og:title' content='Storm Ilse hits the coast – live'></head>"
    assert read_page(f"{html}<body><article><p>{lead}</p></article></body></html>").title == "Storm Ilse hits the coast"
    assert unlabelled("LIVE UPDATES | Storm Ilse batters the coast") == "Storm Ilse batters the coast"
    for kept in ("Live music returns to Leeds", "Live: Ukraine", "Budget 2026 as it happened"):
        assert unlabelled(kept) == kept  # no label, or nothing left but a word


@pytest.mark.parametrize(
    ("iso", "published", "tense", "meant"),
    [
        ("2026-04", "2026-11-19", "future", "2027-04"),  # "will rise from April", written in November
        ("2026-11", "2026-11-19", "future", "2026-11"),  # the month it is written in is not yet past
        ("2026-04", "2026-11-19", None, "2026-04"),  # this year's, unless said of the future
        ("2026-12-10", "2026-11-19", "past", "2025-12-10"),  # "was signed on 10 December"
        ("2027-12", "2027-01-05", None, "2026-12"),  # "in December", written on 5 January
        ("2027-12", "2027-01-05", "future", "2027-12"),
        ("2024-02-29", "2024-11-01", "future", "2024-02-29"),  # no other year has it
    ],
)
def test_a_month_without_its_year_is_put_in_the_year_its_clause_means(
    iso: str, published: str, tense: str | None, meant: str
) -> None:
    assert in_its_year(iso, dt.date.fromisoformat(published), tense) == meant
