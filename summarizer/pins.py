"""The event's own pins: numbers, dates and names so many claims give that they tell none apart.

Two claims that pin the same thing down (:attr:`summarizer.facets.Facets.pins`) are likelier one answer
(:mod:`summarizer.align` raises their similarity), unless the pin is the event's own: its date, given
by more claims than there are sources; its actors and its place, named by more than a share of the
claims; a capitalised word another claim writes in lower case ("Rail" of "Rail Accident Investigation
Branch", beside "rail services"), which names nothing; and the other words of such a name, where every
claim writes them in it ("Energy" of "Veltra Energy", :func:`summarizer.names.part_of_common`).
A day named as a possessive pins nothing either (:func:`days_named_only`): "Tuesday's storms" says which
storms, not when what the claim says of them happened. :func:`pinned_together` gives the pairs of claims
that pin one thing down, with what is left.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import numpy as np

from summarizer.facets import Facets, facets
from summarizer.figures import one_figure_near
from summarizer.groups import shared_weights
from summarizer.names import part_of_common
from summarizer.text import WEEKDAY_NAMES, lower_case_words

COMMON_PIN = 1.5  # a pin given by more claims than this many times the sources is the event's, not a fact's
COMMON_NAME = 0.1  # so is a name more than this share of the claims give: its actors, its place
_WHICH_DAY = re.compile(rf"\b(?:{WEEKDAY_NAMES}|yesterday|today|tomorrow)['’]s\b", re.I)  # "Tuesday's storms"


def event_pins(statements: Sequence[str], pinned: Sequence[Facets], sources: int) -> frozenset[str]:
    """The pins of the event the claims (``statements``, with their facets ``pinned``) of ``sources``
    sources tell, rather than of any one fact (see the module docstring)."""
    given = Counter(pin for f in pinned for pin in f.pins)
    pin_cap, name_cap = COMMON_PIN * sources, COMMON_NAME * len(statements)
    lower = frozenset().union(*map(lower_case_words, set(statements)))  # "rail", "police"
    common = frozenset(
        p for p, c in given.items() if c > pin_cap or (p.startswith("name:") and (c > name_cap or p[5:] in lower))
    )
    told = frozenset(p[5:] for p in common if p.startswith("name:"))
    return common | {f"name:{w}" for w in part_of_common(statements, [f.names for f in pinned], told)}


def days_named_only(pinned: Facets, statement: str, published: str | None) -> frozenset[str]:
    """The day pins of ``statement`` (its facets ``pinned``) that it gives only as a possessive: "lightning
    during Tuesday's storms ignited it" answers what started the fire, not when it started, though both
    name Tuesday ("it ignited on Tuesday afternoon")."""
    if not _WHICH_DAY.search(statement):
        return frozenset()
    plain = facets(_WHICH_DAY.sub("the", statement), published)  # the days it says otherwise, if any
    return frozenset(p for p in pinned.pins - plain.pins if p.startswith(("day:", "weekday:")))


def pinned_together(
    pinned: Sequence[Facets],
    statements: Sequence[str],
    published: Sequence[str],
    common: frozenset[str],
    ends: np.ndarray,
) -> np.ndarray:
    """Of the pairs ``ends`` (two rows of indices) of ``statements`` (their facets ``pinned``, their sources'
    publication days ``published``, ISO or ""), those that pin one thing down: a number, date or name both give,
    other than the event's own (``common``) and a day named as a possessive; or the one figure each gives, when
    one says it loosely and the other matches it (:func:`summarizer.figures.one_figure_near`)."""
    named = [days_named_only(f, s, p or None) for f, s, p in zip(pinned, statements, published, strict=True)]
    together: np.ndarray = shared_weights([f.pins - common - x for f, x in zip(pinned, named, strict=True)], ends) > 0
    figures = [frozenset(q for q in f.numbers if q.pin not in common) for f in pinned]
    alone = np.fromiter((len(q) == 1 for q in figures), dtype=bool, count=len(figures))
    for k in np.flatnonzero(alone[ends[0]] & alone[ends[1]] & ~together).tolist():
        together[k] = one_figure_near(figures[ends[0, k]], figures[ends[1, k]])
    return together
