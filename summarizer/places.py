"""Places: where a statement says someone or something went ("flew to Sochi", "was diverted to Omaha",
"returned to Moscow").

Two statements may share a name (the one who went) and still give two answers: "Putin flew to Sochi"
/ "Putin returned to Moscow". Where both say where a going ended and none of the names one gives
there is named by the other at all, they name two places (:func:`elsewhere`, both ways: "heading to
Chicago, landed in Omaha" / "diverted to Omaha" is one going told twice). Only a going's end is read: a
place a statement merely mentions ("shares in Nordair", "published in Neurology Today") tells nothing
of where another statement's going ended; nor does an arrival ("landed in Omaha" / "landed at Eppley
Airfield") or a country ("flew to Russia" / "flew to Vladivostok"), which may be one place said finer.
"""

from __future__ import annotations

import re

from summarizer.names import country_of

# a verb of going, at most two words, then where to: "flew on to Sochi", "was diverted to Omaha"
_GONE_TO = re.compile(
    r"\b(?:fl(?:ew|own|y|ies|ying)|w(?:ent|ould go)|go(?:ne|es|ing)?|travell?(?:ed|ing|s)?|return(?:ed|s|ing)?"
    r"|head(?:ed|s|ing)|moved?|sail(?:ed|s)?|dr(?:ove|iven)|left|fled|evacuated|diverted"
    r"|rerouted|sent|taken|brought|transferred|continued|proceeded)"
    r"\s+(?:[a-z]+\s+){0,2}?(?:to|for|in|into|at)\s+(?:the\s+)?((?:[A-Z][\w'’-]*\s*)+)"
)


def places_gone_to(text: str, names: frozenset[str]) -> frozenset[str]:
    """The names of ``names`` that ``text`` (unaccented, as its names were read) gives as where a going ended."""
    said = (word.lower() for m in _GONE_TO.finditer(text) for word in m.group(1).split())
    return frozenset(name for name in said if name in names and country_of(name) != name)


def elsewhere(
    places_a: frozenset[str], names_a: frozenset[str], places_b: frozenset[str], names_b: frozenset[str]
) -> bool:
    """Whether two statements each say where a going ended, and neither names where the other's did."""
    return bool(places_a and places_b) and places_a.isdisjoint(names_b) and places_b.isdisjoint(names_a)
