"""Capitals: the proper names a statement writes, read from its capital letters.

:mod:`summarizer.facets` tells two statements apart by what they name ("met in Paris" / "met in Lyon")
and pins them together by a name they share. A name here is one capitalised word inside a sentence, in
lower case. A sentence's first word is capitalised whatever it is: it is the statement's *opener*, a name
only where the statement is about a country ("Swiss foreign minister Keller…") or another statement of
the batch capitalises it inside a sentence (:func:`summarizer.facets.with_openers`). Acronyms are read
beside the names, with the names' capitals they may spell ("IMF" / "International Monetary Fund").
"""

from __future__ import annotations

import re
from typing import NamedTuple

from summarizer.names import ABBREVIATIONS, CONNECTORS, DEMONYMS
from summarizer.times import MONTH, WEEKDAY
from summarizer.units import CURRENCY_SIGNS

_EMPTY: frozenset[str] = frozenset()  # shared, as the facets' own: most statements write no acronym

_DOTTED = re.compile(r"\b(?:[A-Z]\.){2,}(?![A-Za-z])")  # an acronym with its full stops: "U.S.", "U.N."
_NAME = re.compile(rf"\b[A-Z][a-zA-Z’'.-]*[a-z][a-zA-Z’'-]*|\b[A-Z]{{2,}}\b|{_DOTTED.pattern}")
_NAME_SUFFIX = re.compile(r"(?:['’]s|[-\d]+)$")
_ACRONYMS = re.compile(r"[A-Z]{2,}s")
_ACRONYM = re.compile(r"\b([A-Z]{2,6})(?:s\b|['’]s\b)?(?:[-‐‑ ]?(\d{1,3}))?\b")
# inside the name an acronym spells: a name's connectors, and "and" ("Organisation for Economic
# Co-operation and Development"), which grounding's names do not join across ("Kim and Putin")
_CONNECTORS = CONNECTORS | {"and"}
# a run of capitalised words (Co-operation, MeteoNord), connectors inside, a number after
_CAPITALISED_RUN = re.compile(
    rf"\b([A-Z][\w’'-]*(?:\s+(?:(?:{'|'.join(sorted(_CONNECTORS))})\s+)*[A-Z][\w’'-]*)*)(?:[-‐‑ ](\d{{1,3}})\b)?"
)
_RUN_WORD = re.compile(r"[A-Z][\w’'-]*|\b[a-z]+\b")
_NUMBERED = re.compile(r"(.*[A-Za-z])[-‐‑](\d{1,3})")
_COUNTRIES = frozenset(DEMONYMS.values())
# what a statement's first word must be to be a name there whatever the others say: a country or its
# adjective ("Swiss foreign minister Keller…", "American drivers…", "Britain said…")
_NATIONAL = frozenset(DEMONYMS) | _COUNTRIES | {w for ws in ABBREVIATIONS.values() for w in ws if " " not in w}
_NOT_NAMES = frozenset(
    "the a an in on at of for to and but or as by from with after before this that these those it its his "
    "her their they he she we you i mr mrs ms dr prof gen sir lord lady president minister officials "
    "police state media news ceo cfo coo cto mp mps mep meps".split()  # titles written as acronyms name no one
) | {sign.rstrip(".") for sign in CURRENCY_SIGNS if sign[0].isalpha()}  # nor currencies ("SEK 200m", "Rs 5 lakh")

# what a sentence's first word follows: not a quotation closed on a comma ('…fifty years," Whitaker said')
_SENTENCE_START = re.compile(r"(?:[.!?:“‘]|(?<!,)[\"'])$")


class Capitals(NamedTuple):
    """The names a statement writes, and the capitalised words that may be names."""

    names: frozenset[str]  # capitalised words inside a sentence, in lower case
    opener: str | None  # its first word, capitalised whatever it is
    starts: frozenset[str]  # the first words of the sentences after its first ("Results: Okafor 52%")


def capitals(plain: str, told: str) -> Capitals:
    """The names of ``told`` (the statement less who said it: no name of what was said), the first words
    of its later sentences, and the opener of ``plain``, the statement with its accents taken off; a
    country that opens it is one of its names."""
    first = re.match(r"\W*([A-Z][\w’'-]+)", plain)
    opener = first.group(1).strip("’'").lower() if first else None
    opener = None if opener in _NOT_NAMES else opener
    names, starts = _names(told)
    if opener in _NATIONAL:
        return Capitals(names | {opener}, None, starts)
    return Capitals(names, opener, starts)


def abbreviations(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The acronyms ``text`` writes ("IMF", "MN-3", "UN's"), and those its capitalised names spell: the
    capitals of each run of capitalised words and of its shorter runs ("International Monetary Fund",
    "Organisation for Economic Co-operation and Development", "MeteoNord-3"), with and without a number
    that ends the run. Outlets write one name both ways."""
    acronyms = {
        key + number
        for m in _ACRONYM.finditer(text)
        if (key := m.group(1).lower()) not in _NOT_NAMES
        for number in {"", m.group(2) or ""}
    }
    acronyms.update(m.group(0).replace(".", "").lower() for m in _DOTTED.finditer(text))  # "U.S."
    spelled: set[str] = set()
    for run in _CAPITALISED_RUN.finditer(text):
        words = [w for w in _RUN_WORD.findall(run.group(1)) if w.lower() not in _CONNECTORS]
        while words and words[0].lower() in _NOT_NAMES:
            words = words[1:]
        number = run.group(2) or ""
        numbered = _NUMBERED.fullmatch(words[-1]) if words else None
        if numbered:  # "MeteoNord-3"
            words[-1], number = numbered.group(1), numbered.group(2)
        capitals = ["".join(c for c in w if c.isupper()).lower() for w in words]
        for start in range(len(capitals)):
            for end in range(start + 1, len(capitals) + 1):
                key = "".join(capitals[start:end])
                if 2 <= len(key) <= 6:
                    spelled.update({key, key + number} if end == len(capitals) else {key})
    return frozenset(acronyms) or _EMPTY, frozenset(spelled - acronyms) or _EMPTY


def _names(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """Capitalised words that are not the first word of the text or of a sentence in it; and those that
    are the first word of a sentence after the first."""
    names: set[str] = set()
    starts: set[str] = set()
    for m in _NAME.finditer(text):
        before = text[: m.start()].rstrip()
        if not before:
            continue
        word = m.group(0).replace(".", "") if _DOTTED.fullmatch(m.group(0)) else m.group(0).strip(".’'")
        word = (word[:-1] if _ACRONYMS.fullmatch(word) else word).lower()  # "SUVs" is the name "SUV"
        stem = bare(word)  # "Monday's" is a weekday too
        if word not in _NOT_NAMES and not MONTH.fullmatch(stem) and not WEEKDAY.fullmatch(stem):
            (starts if _SENTENCE_START.search(before) else names).add(word)
    return frozenset(names) or _EMPTY, frozenset(starts) or _EMPTY


def bare(name: str) -> str:
    """A name less a possessive or a number after it, for telling an opener is one: "Valkenberg" is the
    "Valkenberg's" of another statement, "MeteoNord-3" its "MeteoNord-"."""
    return _NAME_SUFFIX.sub("", name)
