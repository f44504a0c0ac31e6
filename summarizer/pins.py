"""The event's own pins: numbers, dates and names so many claims give that they tell none apart.

Two claims that pin the same thing down (:attr:`summarizer.facets.Facets.pins`) are likelier one answer
(:mod:`summarizer.align` raises their similarity), unless the pin is the event's own: its date, given
by more claims than there are sources; its actors and its place, named by more than a share of the
claims; a capitalised word another claim writes in lower case ("Rail" of "Rail Accident Investigation
Branch", beside "rail services"), which names nothing; and the other words of such a name, where every
claim writes them in it ("Energy" of "Veltra Energy", :func:`summarizer.names.part_of_common`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from summarizer.facets import Facets
from summarizer.names import part_of_common
from summarizer.text import lower_case_words

COMMON_PIN = 1.5  # a pin given by more claims than this many times the sources is the event's, not a fact's
COMMON_NAME = 0.1  # so is a name more than this share of the claims give: its actors, its place


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
