"""The one table of speech verbs: every reader of who said what knows each of its verbs, and no other."""

from __future__ import annotations

import pytest

from summarizer.facets import facets
from summarizer.names import speakers
from summarizer.saying import REPORTING, TAGGING
from summarizer.speech import tag_after
from summarizer.times import undated


def _said(verb: str) -> str:
    return verb + (" reporters" if verb in ("told", "tells") else "")  # "told" takes whom it tells


def _tagged(verb: str) -> tuple[str, bool] | None:
    text = f'"We will rebuild," Mayor Katrin Vollmer {_said(verb)}.'
    return tag_after(text, text.index(',"') + 1, len(text))


@pytest.mark.parametrize("verb", sorted(REPORTING))
def test_a_reporting_verb_is_read_by_every_reader(verb: str) -> None:
    assert _tagged(verb) == ("Katrin Vollmer", True)
    found = speakers(f"Mayor Katrin Vollmer {_said(verb)} the bridge would reopen.")
    assert [" ".join(word.text for word in run) for run in found] == ["Katrin Vollmer"]
    assert "Monday" not in undated(f"The ministry {_said(verb)} on Monday that the bridge would reopen.")
    assert facets(f"The bridge will reopen in May, city engineer Ivo Denkov {_said(verb)}.").names == frozenset()


@pytest.mark.parametrize("verb", sorted(TAGGING))
def test_a_tagging_verb_tags_a_quote_but_names_no_speaker_of_a_statement(verb: str) -> None:
    assert _tagged(verb) == ("Katrin Vollmer", True)
    assert speakers(f"Mayor Katrin Vollmer {verb} the bridge would reopen.") == ()


@pytest.mark.parametrize("verb", ["visited", "opened", "inspected"])
def test_a_verb_of_no_speech_is_read_by_none(verb: str) -> None:
    assert _tagged(verb) is None
    assert speakers(f"Mayor Katrin Vollmer {verb} the bridge on Monday.") == ()
    assert "Monday" in undated(f"The ministry {verb} the bridge on Monday.")
    assert facets(f"The bridge will reopen in May, city engineer Ivo Denkov {verb}.").names == {"ivo", "denkov"}
