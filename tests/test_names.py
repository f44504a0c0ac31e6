"""Proper names: the words of a name that tell no more than the event's own name they are part of."""

from __future__ import annotations

from summarizer.names import part_of_common

COMMON = frozenset({"veltra", "kettler", "north"})


def test_a_word_always_written_in_a_common_name_is_part_of_it() -> None:
    texts = [
        "Kettler's Veltra Energy wiped out 430 million euros.",
        "Markus Kettler, founder of Veltra Energy, was sentenced.",
        "Energy prices rose after Veltra collapsed.",  # "Energy" opens the sentence: no name
        "The court heard that Kettler denied wrongdoing.",
        "Markus Kettler heard the verdict with Anna Oberhauser.",
        "The North Korean rifle was a gift; North Korea sent it.",  # "North" names nothing alone
    ]
    names = [
        frozenset({"veltra", "energy"}),
        frozenset({"markus", "kettler", "veltra", "energy"}),
        frozenset({"veltra"}),
        frozenset({"kettler"}),
        frozenset({"markus", "kettler", "anna", "oberhauser"}),
        frozenset({"north", "korean", "korea"}),
    ]
    assert part_of_common(texts, names, COMMON) == {"energy", "markus"}
    # a word also written beside no common name tells something of its own
    texts[2], names[2] = "Prices rose after Veltra and Solis Energy collapsed.", frozenset({"veltra", "energy"})
    assert part_of_common(texts, names, COMMON) == {"markus"}
