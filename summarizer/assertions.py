"""What a statement asserts, checked against the sentence it cites.

A claim is the model's paraphrase, so sharing words with its sentence is not saying the same thing:
"Putin gives Kim Jong-il to Russia" shares most of its words with "Putin hands over unique gifts to Kim
Jong-un". :func:`unsupported` names what a statement asserts that its sentence does not say:

* **names** — every proper name of the statement is in the sentence (:mod:`summarizer.names`: up to
  case, titles, a country's adjective, a transliteration's vowels, an acronym). A name the sentence only
  refers to ("he", "the two leaders") may come from the ``context`` it refers back to.
* **numbers** — every number, in digits or words, at its scale ("€1.2bn" = "1.2 billion euros",
  "half a million" = "500,000", "2" = "two" = "twice"); a year is a number too.
* **date words** — weekdays, months (any abbreviation), "yesterday", "next month" and the like.
* **negation** — a statement that negates ("not", "no", "never", "denied", "refused", or "un…" of a
  word the sentence has) cites a sentence that negates; a sentence that negates what the statement
  restates ("no reports of casualties" / "casualties were reported") is negated in the statement.
* **speaker** — "X said …" cites a sentence in which X is the one speaking, when it names a speaker.
* **roles** — two words on either side of a verb both use must not change sides ("Kenya handed … to
  Ugandan authorities" is not "Uganda handed … to Kenyan authorities"); a passive is turned round
  first. Roles are read off word order within a clause, without a parser: a swap is caught around a
  verb both texts use, not across different verbs ("gave" / "presented … with").

:func:`shared_words` is the older, weaker test kept beside these: the share of the statement's content
words the sentence has (names and numbers counted when written differently).

Every function is linear in the length of the sentence (the roles test, in it times the statement's).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from summarizer.names import Vocabulary, date_word, missing_names, name_runs, speakers, tokens
from summarizer.text import DIGIT, GROUPED_FIGURE, STOPWORDS, content_words, word_key

_NOT_ALNUM = re.compile(r"[^a-z0-9]")

# --------------------------------------------------------------------------------------------------
# Numbers and dates
# --------------------------------------------------------------------------------------------------

_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen".split()
_UNITS += "sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_WORD_NUMBERS = {w: float(i) for i, w in enumerate(_UNITS)} | {w: float(20 + 10 * i) for i, w in enumerate(_TENS)}
_WORD_NUMBERS |= {"twice": 2.0, "thrice": 3.0, "dozen": 12.0}
_SCALES = {
    "hundred": 1e2, "thousand": 1e3, "lakh": 1e5, "lakhs": 1e5, "million": 1e6, "crore": 1e7, "crores": 1e7,
    "billion": 1e9, "trillion": 1e12,
}  # fmt: skip
_SUFFIXES = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}
_VAGUE = frozenset("dozens hundreds thousands millions billions".split())
_SCALE = r"hundred|thousand|lakhs?|million|crores?|billion|trillion"
_NUMBER = re.compile(
    rf"([$€£¥₹]\s?)?(?<!\w)(?<!\d[.,])({GROUPED_FIGURE}|\d+)(?:\.(\d+))?(?:\s?(k|m|mn|bn|b|tn)\b)?"
    rf"(?:\s+({_SCALE})\b)?",
    re.I,
)
_SEPARATORS = re.compile(r"[,\s]")  # of thousands: "4,000", "4 000"
_WORDS = "|".join([*_TENS, *_UNITS, "twice", "thrice", "dozen", *_VAGUE])
_COUNT = rf"(?:(?:{'|'.join(_TENS)})-(?:{'|'.join(_UNITS[1:10])})|{_WORDS})"
_WORD_NUMBER = re.compile(rf"\b(?:(half\s+an?|an?|{_COUNT})\s+)?({_SCALE})\b|\b({_COUNT})\b", re.I)
_NUMBER_WORDS = frozenset([*_UNITS, *_TENS, "twice", "thrice", "dozen", *_VAGUE, *_SCALES])
_LETTERS = re.compile(r"[a-z]+")
_RELATIVE = re.compile(r"\b(yesterday|tomorrow|tonight|(?:next|last) (?:week|weekend|month|year))\b", re.I)


@lru_cache(maxsize=16)
def numbers(text: str) -> tuple[tuple[str, float | str], ...]:
    """Each number of ``text`` as written, with its value ("€1.2bn" → 1.2e9; "hundreds" → "hundreds").

    "one" alone is not counted ("one of them"); "5m" is 5 million only after a currency sign.
    """
    found: list[tuple[str, float | str]] = []
    # most texts hold no number: two cheap looks spare them the two long expressions
    digits = DIGIT.search(text) is not None
    if not digits and _NUMBER_WORDS.isdisjoint(_LETTERS.findall(word_key(text))):
        return ()
    for m in _NUMBER.finditer(text) if digits else ():
        currency, whole, decimals, suffix, scale = m.groups()
        value = float(_SEPARATORS.sub("", whole) + (f".{decimals}" if decimals else ""))
        if suffix and (currency or len(suffix) > 1):
            value *= _SUFFIXES[word_key(suffix)]
        if scale:
            value *= _SCALES[word_key(scale)]
        found.append((m.group().strip(), value))
    for m in _WORD_NUMBER.finditer(text):
        if m.group(2):  # "half a million", "two thousand", "a billion"
            head = word_key(m.group(1) or "")
            if not head and re.search(r"\d\s*$", text[max(0, m.start() - 4) : m.start()]):
                continue  # the scale of a number in digits ("1.2 million"), counted with it
            count = 0.5 if head.startswith("half") else 1.0 if head in ("", "a", "an", "one") else _word_value(head)
            if count is not None:
                found.append((m.group(), count * _SCALES[word_key(m.group(2))]))
        elif word_key(m.group(3)) in _VAGUE:
            found.append((m.group(), word_key(m.group(3))))
        elif word_key(m.group(3)) != "one" and (worth := _word_value(word_key(m.group(3)))) is not None:
            found.append((m.group(), worth))
    return tuple(found)


def _word_value(word: str) -> float | None:
    tens, _, unit = word.partition("-")
    if unit:
        return _WORD_NUMBERS[tens] + _WORD_NUMBERS[unit] if tens in _TENS and unit in _UNITS[1:10] else None
    return _WORD_NUMBERS.get(word)


def _same_number(a: float | str, b: float | str) -> bool:
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1.0)


def missing_numbers(statement: str, sentence: str) -> list[str]:
    """The statement's numbers the sentence does not give, as the statement writes them."""
    given = [value for _, value in numbers(sentence)]
    return [words for words, value in numbers(statement) if not any(_same_number(value, g) for g in given)]


@lru_cache(maxsize=16)
def date_words(text: str) -> tuple[tuple[str, str], ...]:
    """Weekdays, months and relative days of ``text``: (as written, in full)."""
    words = tokens(text)
    found = []
    for i, word in enumerate(words):
        day = date_word(text, word, words[i - 1] if i else None)
        if day is not None:
            found.append((word.text, day))
    found += [(m.group(), " ".join(m.group().lower().split())) for m in _RELATIVE.finditer(text)]
    return tuple(found)


def missing_dates(statement: str, sentence: str) -> list[str]:
    """The statement's date words the sentence does not have."""
    given = {day for _, day in date_words(sentence)}
    return [words for words, day in date_words(statement) if day not in given]


# --------------------------------------------------------------------------------------------------
# Negation and speaker
# --------------------------------------------------------------------------------------------------

_NEGATIONS = frozenset("not no never none nobody nothing neither nor cannot".split())
_NEGATIVE_VERBS = re.compile(r"^(?:den(?:y|ies|ied|ying)|refus(?:e|es|ed|ing))$")
_CLAUSE_END = re.compile(r"[,;:.!?]|\b(?:but|while|whereas|though|although|yet)\b", re.I)
SCOPE_WORDS = 6  # content words after a negation that it bears on
_SCOPE_CHARS = 200


@dataclass(frozen=True)
class _Cue:
    """A negating word."""

    start: int
    scope: int  # where what it bears on starts
    stem: str  # of the word an "un…"/"non…" negates, which the other text must use to count; else ""
    words: frozenset[str]  # the content words it bears on: up to the clause's end, at most SCOPE_WORDS
    size: int  # how many


@lru_cache(maxsize=16)
def _cues(text: str) -> tuple[_Cue, ...]:
    found = []
    for word in tokens(text):
        lower = word.key if word.text.isascii() else word.text.lower().replace("’", "'")
        if lower in _NEGATIONS or lower.endswith("n't") or _NEGATIVE_VERBS.match(lower):
            after = text[word.end : word.end + 5]
            if not (lower == "no" and after.startswith(".")) and not (lower == "not" and after.lower() == " only"):
                found.append(_cue(text, word.start, word.end, ""))
            continue
        prefix = "non" if lower.startswith("non") else "un" if lower.startswith("un") else ""
        if prefix and len(lower) - len(prefix) >= 4:
            found.append(_cue(text, word.start, word.start + len(prefix), _NOT_ALNUM.sub("", lower[len(prefix) :])[:6]))
    return tuple(found)


def _cue(text: str, start: int, scope: int, stem: str) -> _Cue:
    end = _CLAUSE_END.search(text, scope, scope + _SCOPE_CHARS)
    words = content_words(text[scope : end.start() if end else scope + _SCOPE_CHARS])[:SCOPE_WORDS]
    return _Cue(start, scope, stem, frozenset(words), len(words))


def negations(text: str, other: str) -> list[_Cue]:
    """Where ``text`` negates: "not", "n't", "no" (not "No. 10"), "never", "denied", "refused", or
    "un…"/"non…" of a word ``other`` uses ("undisclosed" next to "disclosed"); not "not only"."""
    cues = _cues(text)
    stems = set(content_words(other)) if any(cue.stem for cue in cues) else set()
    return [cue for cue in cues if not cue.stem or cue.stem in stems]


def negation_problem(statement: str, sentence: str) -> str | None:
    """Why the statement and the sentence differ in what they deny, or None."""
    said, stated = negations(statement, sentence), negations(sentence, statement)
    if said and not stated:
        word = statement[said[0].start :].split()[0].strip(",.;:")
        return f"the statement says {word!r} but the sentence does not negate it"
    if stated and not said:
        restated = set(content_words(statement))
        for cue in stated:
            if cue.size and len(restated & cue.words) >= min(2, cue.size):
                negated = " ".join(sentence[cue.start : cue.scope + _SCOPE_CHARS].split()[:8])
                return f"the sentence negates it ('{negated.rstrip(',;:.')}…') but the statement does not"
    return None


def speaker_problem(statement: str, sentence: str) -> str | None:
    """Who says it, when the statement ("X said …") and the sentence both name a speaker and differ."""
    said_by = speakers(statement)
    heard = list(dict.fromkeys(sentence[r[0].start : r[-1].end] for r in speakers(sentence)))
    if not said_by or not heard:
        return None  # nobody named as speaking on one side: nothing to compare
    for run in said_by:
        if not any(Vocabulary.of(name).has_name(run) for name in heard):
            who = statement[run[0].start : run[-1].end]
            return f"in the sentence it is {' and '.join(heard)} who says it, not {who}"
    return None


# --------------------------------------------------------------------------------------------------
# Roles
# --------------------------------------------------------------------------------------------------

_BE = frozenset("is are was were be been being".split())
_AUXILIARIES = _BE | frozenset("to will would shall should can could might must did has have had".split())
_NEW_CLAUSE = re.compile(
    r"[;:—]|,\s*(?:but|and|while|whereas|though|although|followed|then|so|yet|as|after|before|when)\b", re.I
)


class _Placed(NamedTuple):
    word: str
    stem: str
    clause: int  # a new clause starts after ";" or after "," and a conjunction
    verb: bool  # looks like a verb: "-ed", or after "to", "will", "has" …
    passive: bool  # after a form of "be", or before "by": its subject is what it is done to


@lru_cache(maxsize=16)
def _placed(text: str) -> tuple[_Placed, ...]:
    """The content words of ``text`` in order, adverbs left out; a name by its first five letters
    ("Kenya" ~ "Kenyan")."""
    words = tokens(text)
    marks = [(m.start(), m.end()) for m in _NEW_CLAUSE.finditer(text)]  # where clauses start, in order
    out = []
    clause = mark = 0
    for i, word in enumerate(words):
        if i:  # a new clause between the previous word and this one
            while mark < len(marks) and marks[mark][0] < words[i - 1].end:
                mark += 1
            clause += mark < len(marks) and marks[mark][1] <= word.end
        key = word.key
        plain = key if key.isascii() and key.isalnum() else _NOT_ALNUM.sub("", key)
        if len(plain) < 2 or plain in STOPWORDS or plain.endswith("ly"):
            continue
        if i == 0:
            auxiliary = ""
        elif i > 1 and words[i - 1].key.endswith("ly"):  # "was quickly"
            auxiliary = words[i - 2].key
        else:
            auxiliary = words[i - 1].key
        stem = plain[:5] if word.capitalized else plain[:6]
        verb = word.key.endswith("ed") or auxiliary in _AUXILIARIES
        by = i + 1 < len(words) and words[i + 1].key == "by"
        out.append(_Placed(word.text, stem, clause, verb, auxiliary in _BE or (by and verb)))
    return tuple(out)


def swapped(statement: str, sentence: str) -> tuple[str, str] | None:
    """Two words on either side of a verb both texts use that the statement puts the other way round,
    as the sentence writes them."""
    said, stated = _placed(statement), _placed(sentence)
    counts = Counter(p.stem for p in said), Counter(p.stem for p in stated)
    once = {stem for stem in counts[0] if counts[0][stem] == 1 and counts[1][stem] == 1}
    said, stated = tuple(p for p in said if p.stem in once), tuple(p for p in stated if p.stem in once)
    where = {p.stem: i for i, p in enumerate(stated)}
    for at, pivot in enumerate(said):
        there = where[pivot.stem]
        if not (pivot.verb and stated[there].verb):
            continue
        sides = []
        for order, i in ((said, at), (stated, there)):
            before = {p.stem for p in order[:i] if p.clause == order[i].clause}
            after = {p.stem for p in order[i + 1 :] if p.clause == order[i].clause}
            sides.append((after, before) if order[i].passive else (before, after))
        (said_before, said_after), (stated_before, stated_after) = sides
        first, second = stated_before & said_after, stated_after & said_before
        if first and second:
            return next(p.word for p in stated if p.stem in first), next(p.word for p in stated if p.stem in second)
    return None


# --------------------------------------------------------------------------------------------------
# The check
# --------------------------------------------------------------------------------------------------


def shared_words(statement: str, sentence: str) -> tuple[set[str], set[str]]:
    """The statement's content words, and those of them the sentence has: as words, or as names and
    numbers it writes differently ("EU" / "European", "€1.2bn" / "1.2 billion euros")."""
    words = set(content_words(statement))
    shared = words & set(content_words(sentence))
    here = Vocabulary.of(sentence)
    for run in name_runs(statement):
        if here.has_name(run):
            shared.update(content_words(statement[run[0].start : run[-1].end]))
    missing = missing_numbers(statement, sentence)
    for written, _ in numbers(statement):
        if written not in missing:
            shared.update(content_words(written))
    return words, shared & words


def unsupported(statement: str, sentence: str, context: str = "", common: frozenset[str] = frozenset()) -> list[str]:
    """What ``statement`` asserts that ``sentence`` does not say, one phrase each; [] when it says it all.

    ``context``: text the statement's names may come from too (what the sentence's "he" refers to).
    ``common``: words the article writes in lower case, so not names when they open the statement.
    """
    found = [f"the sentence does not name {x!r}" for x in missing_names(statement, sentence, context, common)]
    found += [f"the sentence does not give the number {x!r}" for x in missing_numbers(statement, sentence)]
    found += [f"the sentence does not say {x!r}" for x in missing_dates(statement, sentence)]
    found += [p for p in (negation_problem(statement, sentence), speaker_problem(statement, sentence)) if p]
    pair = swapped(statement, sentence)
    if pair:
        found.append(f"the sentence has {pair[0]!r} and {pair[1]!r} the other way round")
    return found
