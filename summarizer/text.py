"""Text: an article as numbered sentences with exact offsets, and the text tools every stage shares.

* :class:`Document` splits an article into sentences (``[S1] …`` is what the model sees) and turns
  offsets into :class:`~summarizer.schemas.Evidence`. Lines of page furniture ("Trending Now", photo
  credits, subscription promos) get no sentence, so nothing can cite them.
* :func:`locate` finds a piece of text inside an article: exact, then with quotes, dashes, case and
  spacing folded, then fuzzy; it returns the article's own offsets (:func:`locate_how` says which of
  the three matched). With ``whole_words`` a match neither starts nor ends inside a word ("item" is
  not found in "items"; "40" is found in "40-second").
* :func:`content_words` is the one notion of "the words that carry meaning" shared by grounding, the
  merge and the judge.

Every function here runs in time linear in the length of its input (a 4 MB single-line article is
split as fast per character as a short one).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

from rapidfuzz import fuzz

from summarizer.schemas import Evidence, MatchKind

FUZZY_THRESHOLD = 90.0  # rapidfuzz partial_ratio score, 0–100, for a fuzzy alignment to count

WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()  # Monday first, as date.weekday()
MONTHS = "january february march april may june july august september october november december".split()
WEEKDAY_NAMES = "|".join(WEEKDAYS)  # the weekdays as a pattern's alternatives (lower case)

# A sentence ends at a line break, or at . ! ? with its closing marks, then a space, what may open the next
# sentence (a quotation mark: English, French « », German „ “) and a capital or a figure; the capital is
# checked in code, for every alphabet's ("… Marrakech. « Nous avons …", "… in Gdańsk. Łódź is next.").
_SENTENCE_END = re.compile(r"""[.!?]["'”’“»)\]]*(?=\s+["'“‘„«(\[]?\s?\w)""")
_NEXT_WORD = re.compile(r"""\s+["'“‘„«(\[]?\s?(\w)""")
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "st", "jr", "sr", "vs", "no",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "u.s", "u.k", "u.n", "e.g", "i.e", "inc", "corp", "ltd", "co",
}  # fmt: skip
_WINDOW = 10  # characters before a full stop that can hold an abbreviation with its opening marks
# A time of day's "a.m."/"p.m." then its zone ("EDT", "Eastern time", "(0912 GMT)") or its day, which go on
# with it rather than open a sentence
_ZONE_ABBREVIATIONS = r"(?-i:(?:[ECMP][SD]?T|GMT|BST|UTC|CES?T|EES?T|WES?T|IST|JST|AES?T|AEDT|HKT|SGT)\b)"
_ZONE_WORDS = r"(?:Eastern|Central|Mountain|Pacific|Atlantic)"
_CLOCK_GOES_ON = re.compile(
    rf"[ap]\.m\.\s+\(?(?:{_ZONE_ABBREVIATIONS}"
    rf"|(?:{WEEKDAY_NAMES})\b|local\b|{_ZONE_WORDS}\b|\d{{1,2}}:?\d\d\s*(?:GMT|UTC)\b)",
    re.I,
)
# a time zone said: "GMT", "EDT", "local time", "Eastern time"
ZONED = re.compile(rf"\b{_ZONE_ABBREVIATIONS}|\blocal time\b|\b{_ZONE_WORDS} time\b", re.I)
WORD = re.compile(r"[A-Za-z0-9]+")
# A wire story's dateline, before its first sentence's words: "BOSTON (AP) — ", "LEEDS, England (AP) — ",
# "BOSTON, March 5 (Reuters) - ", "PARIS, 5 mars (AFP) - "; the agency is its one group.
WIRE_DATELINE = (
    r"[^\S\n]*[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'’ -]{1,40}"  # capitals with their accents: "RIBERA DEL JÚCAR"
    r"(?:,[^\S\n]*[A-ZÀ-Þ][A-Za-zÀ-ÿ.'’]*"  # ", England", ", Ore."
    r"(?:[^\S\n]+[A-ZÀ-Þ][A-Za-zÀ-ÿ.'’]*){0,2}(?=[^\S\n]*[(,]))?"
    r"(?:,[^\S\n]*(?:\w{3,9}\.?[^\S\n]+\d{1,2}|\d{1,2}[^\S\n]+\w{3,9}\.?)(?:,?[^\S\n]+\d{4})?)?"
    r"[^\S\n]*\(([A-Z][\w&.'’ -]{0,30}?)\)[^\S\n]*[-—–][^\S\n]*"
)
# a dateline's place whose state ends in a full stop ("OMAHA, Neb."), and the agency after it
_PLACE = re.compile(r"[^\S\n]*[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’ -]{1,40},[^\S\n]*[A-ZÀ-Þ][A-Za-zÀ-ÿ.'’ ]{0,20}")
_AGENCY_NEXT = re.compile(r"[^\S\n]+\([A-Z][\w&.'’ -]{0,30}?\)[^\S\n]*[-—–]")
# A figure's digits grouped ("4,000", "4 000", "84\u202f000"; "1,50,000" in South Asia): all readers of numbers share it
GROUPED_FIGURE = r"\d{1,2}(?:,\d\d)+,\d{3}(?!\d)|\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:[\u202f\u00a0 ]\d{3})+(?!\d)"
_LOWER_WORD = re.compile(r"[a-z0-9]+")
_LOWER_ONLY = re.compile(r"(?<![\w'’])[a-z]+(?![\w'’])")
STOPWORDS = frozenset(
    "the a an and or but of to in on at for with by from as is are was were be been being has have had "
    "that this it its his her their they he she we you not no will would said says also after before "
    "into than then there which who whom what when where while about over more most other some such".split()
)


@dataclass(frozen=True)
class Sentence:
    id: int
    start: int
    end: int


@dataclass
class Document:
    """An article's text, split into numbered sentences with exact offsets."""

    id: str
    text: str

    @cached_property
    def sentences(self) -> list[Sentence]:
        return split_sentences(self.text)

    @cached_property
    def story_end(self) -> int:
        """Where the story ends: at an "About the author" heading in the text's second half, after which
        pages append the author's (or the agency's) biography (a heading in the first half is a byline
        box, with the story after it), or at a heading over other stories' teasers there ("Read more from
        Sky News:"); else at the text's end."""
        half = len(self.text) // 2
        ends = [m.start() for pattern in (_BIOGRAPHY, _TEASERS) if (m := pattern.search(self.text, half))]
        return min(ends, default=len(self.text))

    @cached_property
    def story(self) -> list[Sentence]:
        """The sentences of the story itself (before :attr:`story_end`): what rules find is found in these."""
        return [s for s in self.sentences if s.start < self.story_end]

    @cached_property
    def _starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def numbered(self, sentences: list[Sentence] | None = None) -> str:
        """The text the model sees: one ``[S#] sentence`` per line."""
        return "\n".join(f"[S{s.id}] {self.text[s.start : s.end]}" for s in sentences or self.sentences)

    def sentence(self, sentence_id: int) -> Sentence | None:
        if 1 <= sentence_id <= len(self.sentences):
            return self.sentences[sentence_id - 1]
        return None

    def sentence_text(self, sentence: Sentence) -> str:
        return self.text[sentence.start : sentence.end]

    def evidence(self, start: int, end: int, match: MatchKind = "exact", score: float | None = None) -> Evidence:
        return Evidence(source=self.id, start=start, end=end, text=self.text[start:end], match=match, score=score)

    @cached_property
    def checks(self) -> dict[tuple[int, str], Evidence | str]:
        """What grounding decided for a (cited sentence, statement), kept: an answer is checked before
        any re-ask and again when its report is made."""
        return {}

    @cached_property
    def common_words(self) -> frozenset[str]:
        """Words the article writes in lower case somewhere ("officials"): not names when capitalized."""
        return lower_case_words(self.text)

    def sentence_at(self, offset: int) -> Sentence | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < self.sentences[i].end:
            return self.sentences[i]
        return None


# Page furniture: navigation, credits and promotions that are never part of the story.
_FURNITURE = re.compile(
    r"""^(?:trending(?:\ now)?|scroll\ to\ top|daily\ newsletter|source\ link|about\ the\ author|advertisement
         |related(?:\ articles)?|share(?:\ this)?|news(?:\ \w+)?|best\ quotes\ from\b.*)$
      |^(?:photo|image|source|credit|picture)s?\s*:|^read\ more\b
      |^advertisement\W+(?:scroll|continue|story)\b|^(?:scroll\ to\ continue|continue\ reading|story\ continues)\b
      |^(?:(?:photo|image|video|picture)\ )?captions?\s*:
      |\bvia\ getty\ images\b|\btry\ .{1,40}\ free\ for\b
      |^\W*[•·](?!\s*(?:\S+\s+){5,}\S*[.!?]["”’]?\s*$)  # a bullet, unless it holds a sentence of six words or more
      |\bcontributed\ (?:to\ (?:this\ )?(?:report|story)|reporting)\b[^.]{0,60}\.?$  # a wire's credit line
      |^\(?(?:additional\ )?(?:reporting|writing|editing)\ by\b
      |^this\ (?:story|article)\ (?:has\ been|was)\ updated\b|^(?:editor['’]s\ note|correction|disclosure)\s*:
      |\b(?:photograph|photo|picture|pic|image)s?:\ [^.:]{1,60}$|^photo(?:graph)?s?\ by\b  # a caption's credit
      |\((?:[A-Z]{2,5}\ )?(?:photo|image|picture|pic)s?\b[^()]{0,60}\)$""",
    re.I | re.X,
)
# A heading over the teasers a page lists after its story: "Read more from Sky News:", "More on this story".
_TEASERS = re.compile(
    r"^[^\S\n]*(?:read\ more(?:\ from\ [^\n:]{1,40})?|more\ (?:on\ this\ story|from\ [^\n:]{1,40})"
    r"|related(?:\ topics|\ stories|\ coverage|\ content|\ articles)?|you\ may\ also\ like)[^\S\n]*:?[^\S\n]*$",
    re.I | re.M | re.X,
)


_BIOGRAPHY = re.compile(r"^[^\S\n]*about the (?:author|writer)s?[^\S\n]*:?[^\S\n]*$", re.I | re.M)


# A promotion's words, and what makes a line with them one: it speaks to the reader, opens with them, or is
# a newsletter's masthead ("The Public Purse, a newsletter about …"). "The union's newsletter said 4,000
# would strike" is the story's.
_PROMO = re.compile(r"\bsubscribe\b|\bnewsletters?\b|\bsign\ up\b", re.I)
_TO_THE_READER = re.compile(
    r"^\W*(?:subscribe|newsletter|sign\ up|get)\b|\b(?:our|your|you|free|now|here|today)\b"
    r"|^[^,.]{1,40}(?:,|\ [—–-])\ (?:an?|the)\b[^.]{0,60}\bnewsletter\b",
    re.I,
)


def is_furniture(line: str) -> bool:
    """True for lines such as 'Trending Now', 'Photo: Wikipedia Commons' or a subscription promo."""
    line = line.strip()
    return bool(_FURNITURE.search(line) or (_PROMO.search(line) and _TO_THE_READER.search(line)))


_BULLET = re.compile(r"[^\S\n]*[•·][^\S\n]*")


def split_sentences(text: str) -> list[Sentence]:
    """Split on line breaks and sentence punctuation; offsets exclude surrounding whitespace.

    Lines of page furniture get no sentence, so the model can never cite them.
    """
    sentences: list[Sentence] = []
    for line in re.finditer(r"[^\n]+", text):
        if is_furniture(line.group()):
            continue
        bullet = _BULLET.match(text, line.start(), line.end())  # "• Five people were killed.": the sentence after it
        start = bullet.end() if bullet else line.start()
        for boundary in _SENTENCE_END.finditer(text, start, line.end()):
            following = _NEXT_WORD.match(text, boundary.end())
            if following is None or not (following.group(1).isupper() or following.group(1).isdigit()):
                continue
            if _abbreviation_before(text, max(line.start(), boundary.start() - _WINDOW), boundary.start()):
                continue
            if _CLOCK_GOES_ON.match(text, boundary.start() - 3, boundary.end() + 12):
                continue  # "at 7:10 p.m. EDT Monday", "at 4 a.m. Tuesday": the time is said on
            if _AGENCY_NEXT.match(text, boundary.end()) and _PLACE.fullmatch(text, line.start(), boundary.end()):
                continue  # "OMAHA, Neb. (Reuters) - ": a dateline's state, then its agency
            _append(sentences, text, start, boundary.end())
            start = boundary.end()
        _append(sentences, text, start, line.end())
    return sentences


def _abbreviation_before(text: str, window_start: int, end: int) -> bool:
    """The word just before ``end`` is an abbreviation or a letter ('Mr.', 'U.S.', 'J.'), not a figure ('June 3.')."""
    window = text[window_start:end]
    parts = window.rsplit(None, 1)
    if not parts:
        return False
    if len(parts) == 1 and window_start > 0 and not text[window_start - 1].isspace():
        return False  # the word is longer than the window: no abbreviation is that long
    word = parts[-1].lstrip("\"'“‘([").lower()
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    # a span must hold at least one word character to be a sentence (drops bullets, rules, dashes)
    if WORD.search(text, start, end):
        sentences.append(Sentence(len(sentences) + 1, start, end))


# --------------------------------------------------------------------------------------------------
# Alignment
# --------------------------------------------------------------------------------------------------

_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})


def folded(text: str) -> tuple[str, list[int]]:
    """Lower-cased text with typographic marks folded and spaces collapsed, and the offset map back."""
    out: list[str] = []
    where: list[int] = []
    for i, original in enumerate(text):
        for ch in original.translate(_FOLD).lower():  # lower() may give two characters ('İ')
            if ch.isspace():
                if out and out[-1] == " ":
                    continue
                ch = " "
            out.append(ch)
            where.append(i)
    return "".join(out), where


def locate(
    text: str, needle: str, start: int = 0, end: int | None = None, whole_words: bool = False
) -> tuple[int, int] | None:
    """Offsets of ``needle`` in ``text[start:end]``: exact, then folded, then fuzzy; None if absent."""
    found = locate_how(text, needle, start, end, whole_words)
    return found[:2] if found else None


def locate_how(
    text: str, needle: str, start: int = 0, end: int | None = None, whole_words: bool = False
) -> tuple[int, int, MatchKind, float] | None:
    """Like :func:`locate`, with how the span matched: ``exact``, ``folded`` or ``fuzzy``, and its score."""
    end = len(text) if end is None else end
    needle = needle.strip().strip("\"'“”‘’").strip()
    if not needle:
        return None
    found = text.find(needle, start, end)
    while found >= 0 and whole_words and not _whole(text, found, found + len(needle)):
        found = text.find(needle, found + 1, end)
    if found >= 0:
        return found, found + len(needle), "exact", 100.0
    hay, where = folded(text[start:end])
    folded_needle, _ = folded(needle)
    found = hay.find(folded_needle)
    while found >= 0 and whole_words and not _whole(hay, found, found + len(folded_needle)):
        found = hay.find(folded_needle, found + 1)
    if found >= 0:
        last = found + len(folded_needle) - 1
        return start + where[found], start + where[last] + 1, "folded", 100.0
    if len(folded_needle) < 8:  # too short for a fuzzy match to mean anything
        return None
    hit = fuzz.partial_ratio_alignment(folded_needle, hay, score_cutoff=FUZZY_THRESHOLD)
    if hit is None or hit.dest_end - hit.dest_start < 0.8 * len(folded_needle):
        return None
    left, right = _whole_words(text, start + where[hit.dest_start], start + where[hit.dest_end - 1] + 1, start, end)
    return left, right, "fuzzy", round(hit.score, 1)


def _whole(text: str, left: int, right: int) -> bool:
    """``text[left:right]`` neither starts nor ends inside a word or a number ("1" in "1,000")."""
    before = text[left - 1] if left > 0 and text[left].isalnum() else ""
    after = text[right] if right < len(text) and text[right - 1].isalnum() else ""
    if before.isalnum() or after.isalnum():
        return False
    digit_before = before in ".," and left > 1 and text[left - 2].isdigit() and text[left].isdigit()
    digit_after = after in ".," and right + 1 < len(text) and text[right + 1].isdigit() and text[right - 1].isdigit()
    return not (digit_before or digit_after)


def _whole_words(text: str, left: int, right: int, start: int, end: int) -> tuple[int, int]:
    """Widen a fuzzy span so that it neither starts nor ends inside a word."""
    while left > start and text[left - 1].isalnum() and text[left].isalnum():
        left -= 1
    while right < end and text[right].isalnum() and text[right - 1].isalnum():
        right += 1
    return left, right


# --------------------------------------------------------------------------------------------------
# Words
# --------------------------------------------------------------------------------------------------


# Latin letters NFKD does not take apart, as the plain letters an English table spells them with:
# a case-insensitive match reads the dotless "ı" as "i" ("fıve"), and names are spelt both ways
# ("Yıldız" / "Yildiz", "Łódź" / "Lodz", "Søren" / "Soren").
_UNDECOMPOSED = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ħ": "h", "æ": "ae", "œ": "oe", "ß": "ss"})
_UNDECOMPOSED_CAPITALS = str.maketrans({"Ł": "L", "Ø": "O", "Đ": "D", "Ħ": "H", "Æ": "Ae", "Œ": "Oe"})


def word_key(word: str) -> str:
    """``word`` in lower case and without accents, as lookup tables spell it ("Zürich" → "zurich"),
    whatever a case-insensitive match let through: regular expressions match "ſ" as "s" and "İ" or "ı"
    as "i", which ``lower()`` alone keeps ("thouſand", "FİVE", "fıve")."""
    if word.isascii():
        return word.lower()
    plain = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    return plain.lower().translate(_UNDECOMPOSED)


def unaccented(text: str) -> str:
    """``text`` with its letters' accents taken off and its case kept ("Sánchez in Gdańsk" → "Sanchez in
    Gdansk"): where names are read, since outlets write them both ways."""
    if text.isascii():
        return text
    plain = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return plain.translate(_UNDECOMPOSED).translate(_UNDECOMPOSED_CAPITALS)


def lower_case_words(text: str) -> frozenset[str]:
    """The words ``text`` writes in lower case ("police said"): a word also written so is no proper name."""
    return frozenset(_LOWER_ONLY.findall(text))


def is_prose(text: str, min_words: int) -> bool:
    """A sentence, not a line of page furniture: ``min_words`` words at least, two of them in lower case
    (a dateline such as "Sep.14 - 2023 9:33 PM CET" or "| 1 October 2023, Sunday |" has none or one)."""
    return len(text.split()) >= min_words and len(_LOWER_ONLY.findall(text)) >= 2


_LETTER_RUN = re.compile(r"[a-z]+")
DIGIT = re.compile(r"\d")  # a text without one need not be scanned for figures


def words_said(text: str) -> frozenset[str] | None:
    """The runs of letters of ``text``, in lower case: most statements hold none of the words an
    expression needs (:func:`may_match`), and a set of them tells so faster than the expression's scan.
    None for a text not in ASCII, where an expression ignoring case also reads "ſ", "K" and "ı" as
    letters of its words."""
    return frozenset(_LETTER_RUN.findall(text.lower())) if text.isascii() else None


def may_match(words: frozenset[str] | None, keys: frozenset[str]) -> bool:
    """Whether an expression every match of which holds one of ``keys`` as a whole run of letters can
    match a text of ``words`` (:func:`words_said`; None: it can)."""
    return words is None or not words.isdisjoint(keys)


def content_words(text: str) -> list[str]:
    """Lower-case content words, crudely stemmed (first six letters), typographic marks folded."""
    lowered = text.lower().replace("’", "'").replace("-", " ")
    return [w[:6] for w in _LOWER_WORD.findall(lowered) if w not in STOPWORDS and len(w) > 1]


# a word in capitals for emphasis, as tabloids write them ("SEVEN workers died", "crashed for SIX HOURS"):
# of four letters or more, or of three beside one; acronyms are mostly shorter ("FBI", "UN")
_CAPITALS = re.compile(r"[A-Z]{3}")
_SHOUTED = re.compile(r"\b[A-Z]{4,}\b|\b[A-Z]{3}(?=[ -][A-Z]{4,}\b)|(?<=[A-Z]{4}[ -])[A-Z]{3}\b")


def unshouted(text: str) -> str:
    """``text`` with its words in capitals for emphasis written as names are ("SIX HOURS": "Six Hours"):
    a static embedding reads "SEVEN" as a rarer token than "Seven", and such a sentence far from its
    paraphrase."""
    if not _CAPITALS.search(text):  # as most texts: the scan below costs five times as much
        return text
    return _SHOUTED.sub(lambda m: m.group(0).capitalize(), text)


def shorten(text: str, limit: int) -> str:
    """``text`` on one line, cut to at most ``limit`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
