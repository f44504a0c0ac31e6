"""Quoted words: what a statement quotes, and whether two quotes are one remark worded two ways.

A source that quotes "timely, constructive, and beneficial" and another that quotes "timely, useful and
constructive" give the same remark in different words: :mod:`summarizer.compare` shows that as a
``quote_wording`` disagreement, and :mod:`summarizer.facets` keeps two statements quoting the two
wordings in different answers, so that the report never shows as agreed what it shows as disputed.
A quote cut shorter ("timely" / "timely and useful") is the same remark, not another wording.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from summarizer.text import content_words

QUOTE_SIMILARITY = 55.0  # below this, two quotes of one speaker are different remarks, not variants
MIN_QUOTED_WORDS = 3  # fewer quoted words are a name or a term ("so-called 'red line'"), not a remark

# a passage between double quotation marks: English (straight or curly), French, German
_QUOTATION = re.compile(r"“([^“”\"]+)”|\"([^\"“”]+)\"|«([^«»]+)»|„([^„“”]+)[“”]")
_WORD = re.compile(r"[^\W_]+")  # letters of any alphabet, and figures
# words two remarks share that make neither one ("no choice but to defend our pensions" / "will not give up
# our pensions"), though they tell two wordings apart ("our city" / "this city")
_PRONOUNS = frozenset("i me my mine us our ours your yours him hers them theirs".split())


def fold(text: str) -> str:
    """Lower-case words and figures, one space apart: a quote's wording, less its marks ("très" stays one
    word)."""
    return " ".join(_WORD.findall(text.lower().replace("’", "'")))


def quotations(text: str) -> tuple[str, ...]:
    """The passages ``text`` quotes (between double marks), folded; those of a few words are left out."""
    found = (fold(next(g for g in m.groups() if g is not None)) for m in _QUOTATION.finditer(text))
    return tuple(q for q in found if q.count(" ") + 1 >= MIN_QUOTED_WORDS)


def rewording(a: str, b: str) -> float:
    """How alike two folded quotes are (0–100) when they are one remark in other words; 0 when they are
    not: two remarks (fewer than two content words other than pronouns in common, or too unlike) or one
    remark cut shorter (one's words within the other's)."""
    words_a, words_b = set(content_words(a)), set(content_words(b))
    if len(words_a & words_b - _PRONOUNS) < 2 or a in b or b in a or words_a <= words_b or words_b <= words_a:
        return 0.0
    return fuzz.token_set_ratio(a, b, score_cutoff=QUOTE_SIMILARITY)


def reworded(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Some quote of ``a`` is some quote of ``b`` in other words (see :func:`rewording`)."""
    return any(rewording(x, y) for x in a for y in b if x != y)
