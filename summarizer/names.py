"""Proper names: which words of a text are names, and whether a sentence has a name a statement uses.

* :func:`name_runs` finds the names of a text — runs of capitalized words ("Kim Jong-un", "University
  of Uppsala") without titles ("Mr", "President"), date words, or a common word capitalized only
  because it opens the sentence.
* :func:`missing_names` lists the names of a statement that a sentence does not have. A name matches
  up to case, accents and possessives; a country may stand as its adjective ("Chile" / "Chilean",
  "Ukraine" / "Ukrainian", "France" / "French"); a transliteration may differ in its vowels only ("Kim
  Jung Un" / "Kim Jong Un", never "Kim Jong-il" nor "Kim Jong-dae"); an acronym stands for the words it
  abbreviates ("WFP" / "UN World Food Programme"). Words are whole: "item" is not in "items".
* :func:`speakers` finds who is said to speak ("Kim Yo Jong, the sister of Kim Jong Un, said …").

Grounding uses these rules rather than :func:`summarizer.compare.same_name`, which merges spellings
across sources and allows any one word to differ a little ("Marta Alvarez" ~ "Maria Alvarez"): inside
the cited sentence, a name must be the one the sentence writes.

Every function is linear in the length of its text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from summarizer.saying import REPORTING
from summarizer.text import MONTHS, STOPWORDS, WEEKDAYS, word_key

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_DOTTED = re.compile(r"\b((?:[A-Z]\.){2,})")  # U.S., U.K.
_OPENERS = frozenset('.!?:;"“‘(')  # a word after one of these opens a sentence, a quote or a clause

TITLES = frozenset(
    "mr mrs ms miss mx dr prof sir dame lord lady rev president prime minister senator judge justice "
    "chancellor king queen prince princess general gen col colonel captain capt governor gov mayor "
    "chairman chairwoman chair chief secretary foreign defence defense interior finance deputy vice "
    "leader spokesman spokeswoman spokesperson pope sheikh ambassador commissioner speaker director "
    "sergeant sgt lieutenant lt admiral marshal premier representative rep".split()
)  # honorifics and offices: before a name, not part of it
_HONORIFICS = frozenset("mr mrs ms mx dr prof".split())  # never a name, even alone
_COMMON = STOPWORDS | frozenset(
    "this these those there here both all each every many several some few only even just still yet "
    "however meanwhile instead later earlier initially according despite although though because since "
    "until during among against within without around across through under once now today its our "
    "your my me us him them i if so do does did can could should may might must shall let per via "
    "nor neither either one two three four five six seven eight nine ten eleven twelve twenty thirty forty "
    "fifty hundred hundreds thousand thousands million millions billion billions dozen dozens".split()
)  # words capitalized only because they open a sentence
# small words inside one name: "Bank of England", "Palais des Nations", "Ludwig van Beethoven"
CONNECTORS = frozenset("of for de des du da del der den van von al el la le bin ibn".split())
ABBREVIATIONS = {
    "eu": ("european", "europe"),
    "us": ("united states", "american", "america"),
    "usa": ("united states", "american", "america"),
    "uk": ("united kingdom", "british", "britain"),
    "un": ("united nations",),
}  # abbreviations whose letters the words they stand for do not spell ("EU" / "European Commission")
# countries whose adjective the rule of same_word does not find (it finds Chile / Chilean, Korea / Korean)
DEMONYMS = {
    "french": "france", "swiss": "switzerland", "dutch": "netherlands", "greek": "greece", "spanish": "spain",
    "polish": "poland", "turkish": "turkey", "danish": "denmark", "finnish": "finland", "norwegian": "norway",
    "thai": "thailand", "irish": "ireland", "scottish": "scotland", "welsh": "wales", "english": "england",
    "peruvian": "peru", "laotian": "laos", "burmese": "myanmar", "filipino": "philippines", "british": "britain",
    "afghan": "afghanistan", "portuguese": "portugal", "lebanese": "lebanon", "congolese": "congo",
    "belgian": "belgium", "emirati": "emirates", "kazakh": "kazakhstan", "uzbek": "uzbekistan",
    "panamanian": "panama", "honduran": "honduras", "cypriot": "cyprus", "montenegrin": "montenegro",
    "kyrgyz": "kyrgyzstan", "tajik": "tajikistan", "turkmen": "turkmenistan",
}  # fmt: skip
_COUNTRY_ENDS = frozenset(["", "a", "e", "o", "y", "ia", "en"])
_ADJECTIVE_ENDS = frozenset("n an ian ean ese i ish ic ns ans ians eans ern".split())


def country_of(name: str) -> str | None:
    """The country a folded name names, stands for, or is the adjective of: "france", "french" and "paris"
    are France ("Paris insists no ransom was paid" / "France's foreign ministry said…": a capital speaks for
    its government). From countryinfo's names, capitals and demonyms, and :data:`DEMONYMS`."""
    return _countries().get(name)


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    from countryinfo import CountryInfo  # 250 small files, read when a first pair of statements needs them

    table: dict[str, str] = {}
    # the most populous first: "American" is the United States', not one of its territories'
    for info in sorted(CountryInfo.all().values(), key=lambda info: -(info.get("population") or 0)):
        country = word_key(info["name"])
        for said in (info.get("capital"), info.get("demonym"), info["name"]):
            if isinstance(said, str) and said.strip():
                table.setdefault(word_key(re.sub(r"\s+D\.C\.$", "", said.strip())), country)
    table |= {"britain": table["united kingdom"], "america": table["united states"]}
    return table | {word: table.get(country, country) for word, country in DEMONYMS.items()}


# --------------------------------------------------------------------------------------------------
# Words
# --------------------------------------------------------------------------------------------------


class Token(NamedTuple):
    """A word of a text, with its offsets. A named tuple: a sentence's words are made for every claim
    checked against it, and a tuple is made several times faster than a frozen dataclass."""

    text: str
    start: int
    end: int
    key: str  # folded: "kim" for "Kim's"
    bare: str  # without a possessive: "EU" for "EU's"
    capitalized: bool
    acronym: bool  # "EU", "WFP"


def fold(word: str) -> str:
    """Lower case, no accents, no possessive: "Kim’s" → "kim", "Zürich" → "zurich"."""
    word = word_key(word.replace("’", "'"))
    return word[:-2] if word.endswith("'s") else word.rstrip("'")


@lru_cache(maxsize=16)
def tokens(text: str) -> tuple[Token, ...]:
    """The words of ``text``: letters and digits, apostrophes inside ("Kim's"); "U.S." is one word."""
    if "." in text:
        text = _DOTTED.sub(lambda m: m.group(1).replace(".", "") + " " * (len(m.group(1)) // 2), text)
    found = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        if word.isalnum():  # most words: no apostrophe, so no possessive
            key = word.lower() if word.isascii() else fold(word)
            bare = word
        else:
            key = fold(word)
            bare = word[:-2] if word.endswith(("'s", "’s")) else word.rstrip("'’")
        acronym = len(bare) >= 2 and bare.isupper() and bare.isalpha()
        found.append(Token(word, m.start(), m.end(), key, bare, word[:1].isupper(), acronym))
    return tuple(found)


def opens(text: str, token: Token, previous: Token | None) -> bool:
    """The token opens a sentence, a quotation or a clause, where any word may be capitalized."""
    if previous is None:
        return True
    between = text[previous.end : token.start].strip()
    return bool(between) and between[-1] in _OPENERS


_MONTH_ABBREVIATIONS = {m[:3]: m for m in MONTHS} | {"sept": "september"}


def date_word(text: str, word: Token, previous: Token | None = None) -> str | None:
    """The weekday or month a word of ``text`` names, in full ("Sept" → "september"), or None."""
    key = word.key
    if key in WEEKDAYS:
        return key
    if not word.capitalized or (key == "may" and opens(text, word, previous)):
        return None  # "march", "may": verbs; "May we …"
    if key in MONTHS:
        return key
    after = text[word.end : word.end + 3]
    if key in _MONTH_ABBREVIATIONS and re.match(r"\.|\s?\d", after):  # "Sept 13", "Oct. 3"; not "Jan Novak"
        return _MONTH_ABBREVIATIONS[key]
    return None


# --------------------------------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------------------------------


@lru_cache(maxsize=16)
def name_runs(text: str, common: frozenset[str] = frozenset()) -> tuple[tuple[Token, ...], ...]:
    """The proper names of ``text``, as runs of its words. ``common``: words known to be common nouns
    (written in lower case elsewhere), so not names when capitalized to open a sentence."""
    words = tokens(text)
    runs: list[tuple[Token, ...]] = []
    current: list[Token] = []
    for i, word in enumerate(words):
        previous = words[i - 1] if i else None
        following = words[i + 1] if i + 1 < len(words) else None
        if _name_word(text, word, previous, following, common):
            current.append(word)
        elif current and _syllable(text, previous, word):
            current.append(word)  # "Jong-un", "Jong-il": a syllable of a transliterated name
        elif current and word.key in CONNECTORS and following is not None and following.capitalized:
            continue  # "University of Uppsala"
        elif current:
            runs.append(tuple(current))
            current = []
    if current:
        runs.append(tuple(current))
    return tuple(runs)


def _syllable(text: str, previous: Token | None, word: Token) -> bool:
    hyphened = previous is not None and text[previous.end : word.start] in ("-", "‐", "‑")
    return hyphened and word.text.islower() and len(word.text) <= 3


def _name_word(text: str, word: Token, previous: Token | None, following: Token | None, common: frozenset[str]) -> bool:
    if not word.capitalized or word.text[0].isdigit() or word.key in _HONORIFICS:
        return False
    if date_word(text, word, previous) is not None:
        return False
    if word.key in TITLES and following is not None and following.capitalized:
        return False  # "President Putin", "Foreign Minister Sergei Lavrov"
    if opens(text, word, previous) and not word.acronym:
        return not (word.key in _COMMON or word.key.endswith("ly") or word.key in common)
    return True


def same_word(a: str, b: str) -> bool:
    """Folded words ``a`` (a statement's) and ``b`` (a sentence's, capitalized) spell one name."""
    if a == b or DEMONYMS.get(a) == b or DEMONYMS.get(b) == a:
        return True  # French / France
    if min(len(a), len(b)) < 3:
        return False
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    ends = {a[n:], b[n:]}
    if n >= 4 and ends <= _COUNTRY_ENDS | _ADJECTIVE_ENDS and (len(ends) == 1 or ends & _ADJECTIVE_ENDS):
        return True  # a country and its adjective: Chile / Chilean, Ukraine / Ukrainian, Korea / Korean
    return a[0] == b[0] and _consonants(a) == _consonants(b)  # Jong / Jung, Zelensky / Zelenskyy


def _consonants(word: str) -> str:
    out: list[str] = []
    for c in word:
        if c not in "aeiouy" and (not out or out[-1] != c):
            out.append(c)
    return "".join(out)


@dataclass
class Vocabulary:
    """The words of a sentence (and of what it refers back to), to look names up in."""

    keys: set[str]
    capitalized: set[str]
    acronyms: set[str]
    initials: list[str]  # of each name: "UWFP" for "UN World Food Programme"
    folded: str  # the words, folded, one space apart

    @classmethod
    def of(cls, text: str) -> Vocabulary:
        return _vocabulary(text)

    @classmethod
    def _make(cls, text: str) -> Vocabulary:
        words = tokens(text)
        initials = ["".join(w.text[0] for w in run if w.key not in CONNECTORS).upper() for run in name_runs(text)]
        return cls(
            keys={w.key for w in words},
            capitalized={w.key for w in words if w.capitalized},
            acronyms={w.bare for w in words if w.acronym},
            initials=initials,
            folded=" ".join(w.key for w in words),
        )

    def has_name(self, run: Sequence[Token]) -> bool:
        letters = "".join(w.text[0] for w in run if w.key not in CONNECTORS).upper()
        if len(run) > 1 and letters in self.acronyms:
            return True  # "United States" where the sentence has "US"
        return all(w.key in CONNECTORS or self._has_word(w) for w in run)

    def _has_word(self, word: Token) -> bool:
        if word.acronym and (word.bare in self.acronyms or any(word.bare in i for i in self.initials)):
            return True
        if word.acronym and any(f" {x} " in f" {self.folded} " for x in ABBREVIATIONS.get(word.key, ())):
            return True
        return word.key in self.keys or any(same_word(word.key, other) for other in self.capitalized)


@lru_cache(maxsize=1024)  # a sentence and its context are looked up for every claim citing it
def _vocabulary(text: str) -> Vocabulary:
    if "\n" in text:  # a context, one sentence a line: each line read once, however many contexts hold it
        lines = [_vocabulary(line) for line in text.split("\n") if line.strip()]
        return Vocabulary(
            keys=set().union(*(v.keys for v in lines)),
            capitalized=set().union(*(v.capitalized for v in lines)),
            acronyms=set().union(*(v.acronyms for v in lines)),
            initials=[i for v in lines for i in v.initials],  # a name ends with its line
            folded=" ".join(v.folded for v in lines if v.folded),
        )
    return Vocabulary._make(text)


def missing_names(statement: str, sentence: str, context: str = "", common: frozenset[str] = frozenset()) -> list[str]:
    """The statement's names that neither the sentence nor the ``context`` has, as the statement writes
    them. ``common``: see :func:`name_runs`."""
    here = Vocabulary.of(sentence)
    around = Vocabulary.of(context) if context else None
    return [
        statement[run[0].start : run[-1].end]
        for run in name_runs(statement, common)
        if not (here.has_name(run) or (around is not None and around.has_name(run)))
    ]


# --------------------------------------------------------------------------------------------------
# Speakers
# --------------------------------------------------------------------------------------------------

_AUXILIARY = frozenset("also has have had later then again earlier previously reportedly first".split())
_APPOSITION = 200  # characters: the longest "…, the sister of …," skipped between a speaker and the verb


@lru_cache(maxsize=16)
def speakers(text: str) -> tuple[tuple[Token, ...], ...]:
    """The names ``text`` says speak: "Kim Yo Jong, the sister of Kim Jong Un, said" → Kim Yo Jong;
    "…,” said Peskov" and "as announced by Putin" → Peskov, Putin."""
    words = tokens(text)
    runs = name_runs(text)
    ending = {run[-1].start: run for run in runs}
    starting = {run[0].start: run for run in runs}
    index = {word.start: i for i, word in enumerate(words)}
    found: list[tuple[Token, ...]] = []
    for i, word in enumerate(words):
        if word.key not in REPORTING:
            continue
        j = i - 1
        while j >= 0 and words[j].key in _AUXILIARY:
            j -= 1
        gap = text[words[j].end : words[j + 1].start] if j >= 0 else ""
        if j >= 0 and gap.strip() == ",":  # an apposition between the speaker and the verb: skip it
            opening = text.rfind(",", max(0, words[j].start - _APPOSITION), words[j].start)
            j = index.get(_word_before(text, opening), -1) if opening >= 0 else -1
        elif gap.strip():
            j = -1  # "“Fine,” said …": the word before is the quotation's
        if j >= 0 and words[j].start in ending:
            found.append(ending[words[j].start])
        nxt = i + 1 + (i + 1 < len(words) and words[i + 1].key == "by")
        before = text[words[i - 1].end : word.start] if i else ""
        if nxt < len(words) and (nxt > i + 1 or before.strip() in (",", ",”", "”", ',"')):
            found += [starting[words[nxt].start]] if words[nxt].start in starting else []
    return tuple(found)


def _word_before(text: str, offset: int) -> int:
    """The start of the word that ends just before ``offset``."""
    end = offset
    while end > 0 and not text[end - 1].isalnum():
        end -= 1
    start = end
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "'’"):
        start -= 1
    return start


def part_of_common(texts: Sequence[str], names: Sequence[frozenset[str]], common: frozenset[str]) -> frozenset[str]:
    """Of the names each of ``texts`` gives (``names``, one word each, in lower case), those that every text
    giving them writes as one name with a word of ``common`` that some text writes as a name alone: "Energy"
    of "Veltra Energy", "Markus" of "Markus Kettler", where "Veltra" and "Kettler" are the event's own and
    stand alone too. Such a word tells no more than the name it is part of. (Not "Korean" of "North Korean":
    "North" names nothing alone.)"""
    folded = [{fold(name) for name in given} for given in names]
    runs_of: dict[int, tuple[tuple[Token, ...], ...]] = {}  # read only where needed: the scan is costly

    def runs(i: int) -> tuple[tuple[Token, ...], ...]:
        if i not in runs_of:
            runs_of[i] = name_runs(texts[i])
        return runs_of[i]

    told = frozenset(map(fold, common))
    alone = {name for given in folded if len(given) == 1 for name in given} & told  # a text's one name
    for word in sorted(told - alone):
        givers = (i for i, given in enumerate(folded) if word in given)
        if any(len(run) == 1 and run[0].key == word for i in givers for run in runs(i)):
            alone.add(word)
    common = told & alone
    bound: dict[str, bool] = {}
    for i, given in enumerate(names):
        rest = [name for name in given if fold(name) not in common]
        if not rest:
            continue
        found = [keys for run in runs(i) if len(run) > 1 and common & (keys := {w.key for w in run})]
        for name in rest:
            bound[name] = bound.get(name, True) and any(fold(name) in keys for keys in found)
    return frozenset(name for name, always in bound.items() if always)
