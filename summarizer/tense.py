"""The tense a statement is said in: what is to come ("will visit", "is due to sign", "are expected in
Vienna on Wednesday") or what is past ("last visited", "was held"). What "on Tuesday" means, the last one
or the next, and whether two statements tell one happening or two (:mod:`summarizer.facets`).
"""

from __future__ import annotations

import re
from typing import Literal

from summarizer.text import may_match

# "scheduled" before the noun it describes ("the scheduled trains", "of scheduled flights"): the regular ones,
# no plan (:data:`_FUTURE`, and the outcomes :mod:`summarizer.facets` opposes)
SCHEDULED_BEFORE_A_NOUN = (
    r"(?:(?<=\bthe )|(?<=\ball )|(?<=\bits )|(?<=\bof ))scheduled(?=\s+(?!(?:to|for|on|at|in)\b)[a-z])"
)
_FUTURE = re.compile(
    r"\b(will|would|shall|going to|plans? to|planned|expected to|set to|set for|due to|"
    r"(?:expect|predict|forecast|project)(?:s|ing|ed)?\s+(?:\w+\s+){0,2}to|"  # "expect it to weaken", "forecast to"
    rf"to be held|next|upcoming|forthcoming|coming|(?!{SCHEDULED_BEFORE_A_NOUN})scheduled|aim(s|ing)? (to|for)|"
    r"hop(e|es|ing) to|intend(s|ing)? to|(?:is|are|remains?|stays?)\s+(?:\w+\s+){0,2}until|"  # "are shut until"
    # "are expected in Vienna", "is to last three days", "are to be freed", "…, to be carried out on Monday"
    r"(?:is|are) expected (?:in|at|on|back)|(?:is|are) to (?!be\b)[a-z]+|"
    r"(?:(?:is|are) |(?<=[,—–] ))to be [a-z]+(?:ed|en))\b"
    r"|['’]ll\b",
    re.I,
)
_FUTURE_KEYS = frozenset(  # of each alternative of _FUTURE, a word every match of it holds
    "will would shall going plan plans planned expect expects expecting expected predict predicts predicting "
    "predicted forecast forecasts forecasting forecasted project projects projecting projected set due held next "
    "upcoming forthcoming coming scheduled aim aims aiming hope hopes hoping intend intends intending until ll "
    "is are be".split()
)
# "once" is the past ("once called him"), not a conjunction ("once fully in place", "once it is approved"),
# "at once" nor "once again", "once a week"
_ONCE = (
    r"(?<!\bat )once(?!\s+(?:the|a|an|it|its|they|this|these|those|we|he|she|fully|all|every|again|more|in\s+place"
    r"|complete[d]?|approved|finished|done|built|ready|signed|operational|running|open)\b)"
)
# "last" of what is gone ("last week", "last visited"), not the verb ("due to last 72 hours", "will last")
_LAST = r"(?<!\bto )(?<!\bwill )(?<!\bwould )(?<!\bcould )(?<!\bmay )(?<!\bmight )(?<!\bcan )last"
_PAST = re.compile(rf"\b({_LAST}|previously|earlier|ago|formerly|{_ONCE}|already|had|was|were)\b", re.I)
_PAST_KEYS = frozenset("last previously earlier ago formerly once already had was were".split())
_REASON = re.compile(r"\b(?:because|for fear|fearing|feared)\b[^,;:.!?]*", re.I)  # why: "feared it would cause panic"


def said_tense(text: str, words: frozenset[str] | None = None) -> Literal["future", "past"] | None:
    """ "future" or "past" when ``text`` says which ("will visit", "is due to sign" / "last visited", "was
    held"), None when it says neither or both: what "on Tuesday" means, the last one or the next.
    ``words``: the text's :func:`words_said`, when the caller has them."""
    future = may_match(words, _FUTURE_KEYS) and bool(_FUTURE.search(_REASON.sub(" ", text)))
    past = may_match(words, _PAST_KEYS) and bool(_PAST.search(text))
    return "future" if future and not past else "past" if past and not future else None
