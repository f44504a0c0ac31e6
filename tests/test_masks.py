"""Masks (summarizer.masks): the numbers that belong to something else, blanked out before figures are read."""

from __future__ import annotations

from helpers import dev_texts

from summarizer.masks import _NOT_QUANTITIES, _NOT_QUANTITIES_IN_FIGURES, _PHRASE_WORDS


def test_the_shortcut_masks_what_the_expression_masks() -> None:
    """A statement no phrase word is in is masked by the expression without the phrases: on every statement
    and sentence of the dev set, the shortcut finds exactly what the full expression finds."""
    blank = lambda m: " " * len(m.group(0))  # noqa: E731
    for text in dev_texts():
        if not _PHRASE_WORDS.search(text):
            assert _NOT_QUANTITIES_IN_FIGURES.sub(blank, text) == _NOT_QUANTITIES.sub(blank, text), text
