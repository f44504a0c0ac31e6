"""Negation: what a statement denies, and when a denial is the denial of another statement.

:mod:`summarizer.facets` compares two statements; these are the pieces it reads a "not" with. A negation
governs the content word after it ("has not resigned" denies "resigned", "no arrests were made" denies
"arrests"); a denial contradicts another statement when the two say nearly the same words otherwise
(:func:`alike`), when the denying clause of a longer statement is the other statement (:func:`within`:
"said no flights had been cancelled, although some were delayed" / "cancelled 38 flights"), or when it
says there was none of what the other counts (:func:`nones`: "no one was injured" / "two
passengers were treated for injuries").
"""

from __future__ import annotations

import functools
import re

from summarizer.text import STOPWORDS

_NEGATION = re.compile(
    r"\b(not|no|never|none|nobody|nothing|neither|nor|without|cannot|denied|denies|deny|denying|refused|"
    r"refuses|rejected|rejects|ruled out|rules out|turn(?:ed|s|ing)? down|no longer|yet to|failed to|fails to"
    r"|(?:lost|lose|loses|losing)(?=\s+(?:power|electricity|water|heating|internet|phone|signal)\b))\b"
    r"|n['’]t\b",  # "lost power" is "without power"
    re.I,
)
NEGATION_KEYS = frozenset(  # of each alternative of _NEGATION, a word every match of it holds ("t" of "n't")
    "not no never none nobody nothing neither nor without cannot denied denies deny denying refused refuses "
    "rejected rejects ruled rules turn turned turns turning yet failed fails lost lose loses losing t".split()
)
NEGATION_STEMS = frozenset(  # the negations' own five-letter stems, which no denial must share
    "never none nobod nothi neith witho canno denie denys deny refus rejec ruled rules longe faile fails lost "
    "lose loses losin".split()
)
# an aside runs from its opening word to the end of its clause; the formulas of an unnamed source anywhere
_ASIDE = re.compile(
    r"\b(?:when|whenever|after|before|because|since|until|who|whom|whose|which|where)\b[^,;:.!?()]*"
    r"|\b(?:not|n['’]t)\s+(?:authori[sz]ed|allowed|permitted|cleared)\s+to\s+(?:speak|comment|talk|discuss)\w*"
    r"|\b(?:ask(?:ed|ing)|request(?:ed|ing))\s+not\s+to\s+be\s+(?:named|identified)"
    r"|,\s*(?:but\s+)?not\s+(?!only\b)[^,;:.!?]*"  # a contrast: "within weeks, not months" asserts weeks
    # what came with a happening, after its verb or its day: "finished with no joint statement", "scrapped on
    # Wednesday with no new date" assert the finish, the scrapping ("were left without power", "remained
    # without power" assert the want)
    r"|\b(?!(?:remained|stayed)\b)\w+(?:ed|day)\s+(?:with\s+no|without)\b[^,;:.!?]*",
    re.I,
)
_SCOPE = 1  # content words a negation governs after it
_GOVERNED_SKIP = frozenset(
    "been have being much more very only even also ever that this those these what when where which with "
    "from into about such than them they their there".split()
)
# Where a statement's clauses part: "…, although …", "…, but …", "…; …"
_CLAUSE = re.compile(r"\s*(?:;|,?\s+\b(?:although|though|but|while|whereas|however)\b)\s*", re.I)
# where what there was none of ends: "no one was injured, the airline said", "no deal but talks go on"
_CLAUSE_END = re.compile(r"[,;:.!?]|\b(?:but|although|though|while|whereas|and)\b")
_LACKING = re.compile(r"\b(?:with\s+no|without)\b", re.I)  # what something came without (:func:`lacked`)
_SAYING = frozenset("said says repo conf reco anno clai stat".split())  # "no injuries were reported"
# None of a thing: "no one", "nobody", "none of", "no injuries" (not "no longer", "no more than", "no later")
_NONE = re.compile(r"\b(?:no\s+one|nobody|none|no(?!\s+(?:longer|later|sooner|more|less|fewer|one)\b))\b", re.I)


def governed(text: str, cues: re.Pattern[str] = _NEGATION) -> frozenset[str]:
    """The stem of the content word each negation (each match of ``cues``) governs: the next one ("no arrests
    were made", "not much of a hunter"), or those after a contracted "n't"."""
    found: set[str] = set()
    for cue in cues.finditer(text):
        after = [w.lower() for w in re.findall(r"[A-Za-z]+", text[cue.end() : cue.end() + 60])]
        content = [w for w in after if len(w) >= 4 and w not in _GOVERNED_SKIP][:_SCOPE]
        found.update(w[:4] for w in content)  # four letters: "hunter" ~ "hunting"
    return frozenset(found)


def negates_itself(text: str) -> bool:
    """Whether a negation is in ``text`` outside its asides: clauses that say when, why or of whom ("…,
    when the first shift failed to report", "an official, who asked not to be named, said…"), the
    formulas that shield a source ("not authorised to speak publicly") and a contrast ("within weeks,
    not months"). A "not" there negates nothing the statement asserts."""
    return _NEGATION.search(_ASIDE.sub(" ", text)) is not None


@functools.lru_cache(maxsize=4096)
def lacked(text: str) -> frozenset[str]:
    """What ``text`` says something came without: the stem a "with no" or "without" governs ("the summit ended
    without agreement": {"agre"}). In an aside too (:func:`negates_itself`): said of what another statement
    asserts ("agreed on a framework"), it is no aside, and the two are never one answer."""
    return governed(text, _LACKING)


def denying_clause(text: str) -> frozenset[str]:
    """The longer words' stems of the clause that negates ("SkyVale said no flights had been cancelled"
    of "…, although some departures were delayed"); none when the statement has one clause."""
    clauses = _CLAUSE.split(text)
    negating = [c for c in clauses if _NEGATION.search(c)]
    if len(clauses) < 2 or len(negating) != 1:
        return frozenset()
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", negating[0])} - STOPWORDS
    return frozenset(w[:5] for w in words if len(w) >= 4 and w[:5] not in NEGATION_STEMS)


def alike(left: frozenset[str], right: frozenset[str]) -> bool:
    """Two statements of about one length sharing most of their longer words (``Facets.long_stems``): one
    statement, said two ways (so that one of them negating it is a denial, not a "no" in another clause)."""
    if not left or not right or max(len(left), len(right)) > 1.6 * min(len(left), len(right)):
        return False  # a long sentence with a "no" in one clause is not the denial of a short one
    return len(left & right) >= 0.6 * min(len(left), len(right))


def within(clause: frozenset[str], other: frozenset[str]) -> bool:
    """A denying clause whose words the other statement says, nearly all of them (three at least)."""
    return len(clause) >= 3 and len(clause & other) >= 0.75 * len(clause)


def nones(text: str) -> list[frozenset[str]]:
    """For each "none" the statement says, the four-letter stems of what there was none of: the content
    words after it in its clause, up to three, less verbs of saying ("no one was injured": {"inju"}; "no
    injuries were reported": {"inju"}; "no residents were injured": {"resi", "inju"})."""
    found = []
    for cue in _NONE.finditer(text):
        clause = _CLAUSE_END.split(text[cue.end() : cue.end() + 80], maxsplit=1)[0]
        words = [w.lower() for w in re.findall(r"[A-Za-z]+", clause)]
        kept = (w for w in words if len(w) >= 4 and w not in STOPWORDS and w not in _GOVERNED_SKIP)
        content = [w[:4] for w in kept if w[:4] not in _SAYING][:3]
        if content:
            found.append(frozenset(content))
    return found
