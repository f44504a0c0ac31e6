"""Places: where a statement says someone or something went, and when two such places are two answers."""

import pytest

from summarizer.facets import compare, facets, with_openers
from summarizer.places import elsewhere, places_gone_to


@pytest.mark.parametrize(
    ("text", "names", "places"),
    [
        ("Putin flew to Sochi after the talks.", {"putin", "sochi"}, {"sochi"}),
        ("After the meeting Putin went on to Sochi.", {"putin", "sochi"}, {"sochi"}),
        ("The flight was diverted to Omaha.", {"omaha"}, {"omaha"}),
        ("Residents were evacuated to Port Ellery High School.", {"port", "ellery", "high", "school"},
         {"port", "ellery", "high", "school"}),
        # a place mentioned, not where a going ended
        ("Shares in Nordair fell 4.2% in Oslo.", {"nordair", "oslo"}, set()),
        ("The study was published in Neurology Today.", {"neurology", "today"}, set()),
        # an arrival, which may name one place finer than another does; a country's own name
        ("The jet landed at Eppley Airfield.", {"eppley", "airfield"}, set()),
        ("Kim travelled to Russia by armoured train.", {"kim", "russia"}, set()),
        # a capitalised word that is no name of the statement
        ("He returned to The Hague.", set(), set()),
    ],
)  # fmt: skip
def test_places_gone_to_are_the_names_after_a_verb_of_going(text: str, names: set[str], places: set[str]) -> None:
    assert places_gone_to(text, frozenset(names)) == places


def test_a_place_the_other_statement_names_anywhere_is_no_other_place() -> None:
    """ "Heading to Chicago, landed in Omaha" and "diverted to Omaha": one going told twice."""
    heading = (frozenset({"chicago"}), frozenset({"chicago", "omaha", "skyline"}))
    diverted = (frozenset({"omaha"}), frozenset({"omaha", "skyline"}))
    assert not elsewhere(*heading, *diverted)
    assert not elsewhere(*diverted, *heading)
    moscow = (frozenset({"moscow"}), frozenset({"moscow", "putin"}))
    sochi = (frozenset({"sochi"}), frozenset({"sochi", "putin"}))
    assert elsewhere(*moscow, *sochi) and elsewhere(*sochi, *moscow)
    assert not elsewhere(frozenset(), frozenset({"putin"}), *sochi)  # one says nowhere it went


def test_two_places_gone_to_keep_two_answers_apart_whatever_name_they_share() -> None:
    """The one who went (Putin) is both statements' name; where he went is not."""
    went = with_openers([facets(t) for t in ("Putin flew to Sochi after the talks.", "Putin returned to Moscow.")])
    assert compare(*went) == "apart"
    same = with_openers([facets(t) for t in ("Putin flew to Sochi after the talks.", "Putin went on to Sochi.")])
    assert compare(*same) != "apart"
