"""Rules: what an article's text says exactly, found with no model — quotations and their speakers,
numbers and dates, each tied to the exact span it stands in (``match="exact"``).

* **Quotations** are the text between a pair of outer marks: “…”, "…", ‘…’ or '…'. A single mark opens a
  quote only before a letter at a word's start and closes it only after a word's end, so apostrophes
  (Moscow’s, don’t, the ’90s, O’Neill) never count; a mark that could be a plural possessive
  ("players’ union") closes only when no surer mark follows. Marks inside a quote are part of it. A
  paragraph left open and continued by a new opening mark gives two quotes with one speaker. Titles of
  works ("the film “Salt and Iron”") and words being named ("so-called", "the word") are not quotes;
  nor is a quote of fewer than three words that nobody is said to say.
* **Speakers** (:mod:`summarizer.speech`) come from the speech tag next to the quote: "…," Peskov said /
  "…," said Kremlin spokesman Dmitry Peskov / Peskov said: "…" / the ministry said the plan was "…" /
  According to the ministry, "…". A person keeps the name as the tag writes it, without titles or
  descriptors ("Kremlin spokesman", "Mr") or what follows it (", chief economist at …"); an
  organisation or an unnamed person keeps its words as written ("the Kremlin", "a company
  spokeswoman"). "he"/"she" is the person named in the sentence before, "it" that sentence's speaker; a
  quote with no tag takes the speaker of a quote just before it; otherwise the speaker is "".
* **Numbers**: numerals (separators, decimals, %, currencies, scales, ranges) and spelled numbers that
  count something ("two leaders"), durations with their unit ("seven months", "40-second"), ordinals of
  trips and times ("second trip"); never years, nor digits of dates, times or codes (Su-35, Covid-19).
* **Dates**: calendar dates, months, weekdays, years after a preposition ("in 2019") and relative
  expressions ("next month"), resolved by :func:`summarizer.metadata.resolve_date`. A preposition that
  changes the meaning ("since 2019") is part of the text; one that does not ("in", "on") is not.

Nothing is taken from page furniture (lines with no sentence). No regular expression here nests one
unbounded repetition in another, and every speech tag, clause and counted noun is read from a bounded
window, so the work is linear in the text's length.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from summarizer.durations import durations
from summarizer.metadata import in_its_year, resolve_date
from summarizer.schemas import GroundedDate, GroundedFigure, GroundedQuote
from summarizer.speech import DETERMINERS, PRONOUNS, STOP, TOKEN, WINDOW, person, said_by, tag_after, tag_before
from summarizer.tense import said_tense
from summarizer.text import GROUPED_FIGURE, WEEKDAY_NAMES, WEEKDAYS, Document, Sentence, shorten
from summarizer.times import DAYS_SPAN

MAX_NUMBERS = 8  # the report's bound per article
MAX_DATES = 8

_MARK = re.compile(r"[“”\"‘’']")
_NAMING = frozenset(
    "novel film movie album book song play series show documentary single poem opera musical memoir podcast "
    "programme program painting exhibition titled entitled headlined called named dubbed so-called word words "
    "term terms phrase phrases slogan hashtag label".split()
)  # a quote right after one of these ("the film “Salt and Iron”", "so-called") names a work or a word


# --------------------------------------------------------------------------------------------------
# Quotations: pairing the marks
# --------------------------------------------------------------------------------------------------


@dataclass
class _Quote:
    open: int  # the opening mark
    close: int  # the closing mark, or the paragraph's end when the paragraph leaves the quote open
    closed: bool
    chained: bool = False  # continues a quote the paragraph before left open
    speaker: str = ""
    attributed: bool = False  # a speech tag says someone says it (its speaker may still be unknown)


def _pairs(text: str, start: int, end: int, continued: bool) -> list[_Quote]:
    """The outermost quotations of the paragraph ``text[start:end]``; ``continued``: the next paragraph
    opens with a mark, so a quote left open here is a quote that goes on there."""
    opens: list[int] = []  # “
    closes: list[int] = []  # ”
    straight: list[int] = []  # " opens and closes
    single: list[int] = []  # ‘ and ' opening
    strong: list[int] = []  # ’ and ' closing
    weak: list[int] = []  # ’ and ' that may be a plural possessive instead
    for m in _MARK.finditer(text, start, end):
        i, mark = m.start(), m.group()
        before = text[i - 1] if i > start else " "
        after, then = text[i + 1 : i + 2] or " ", text[i + 2 : i + 3] or " "
        if mark in '“”"':
            (opens if mark == "“" else closes if mark == "”" else straight).append(i)
        elif (mark == "‘" and after.isalpha()) or (mark == "'" and after.isalpha() and before in ' (“"—–-['):
            single.append(i)
        elif not before.isspace() and not after.isalnum():  # a closing single mark, not an apostrophe
            # "players’ union": a plural possessive looks like a closing mark; trust it last
            (weak if before.isalpha() and after == " " and then.islower() else strong).append(i)
    pairs = [(i, closes[k] if (k := bisect.bisect(closes, i)) < len(closes) else -1) for i in opens]
    pairs += [(straight[k], straight[k + 1] if k + 1 < len(straight) else -1) for k in range(0, len(straight), 2)]
    for k, i in enumerate(single):  # a single quote closes before the next one opens (none nests in another)
        limit = single[k + 1] if k + 1 < len(single) else end
        found = [c[j] for c in (strong, weak) if (j := bisect.bisect(c, i)) < len(c) and c[j] < limit]
        pairs.append((i, found[0] if found else -1))
    quotes: list[_Quote] = []
    last = start
    for i, close in sorted(pairs):
        if i < last or (close < 0 and not continued):
            continue  # nested in the quote before, or a stray mark
        quotes.append(_Quote(i, close if close >= 0 else end, close >= 0))
        last = quotes[-1].close + 1
    return quotes


def _candidates(doc: Document) -> list[_Quote]:
    text = doc.text
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if not m.group().isspace()]
    found: list[_Quote] = []
    left_open = False
    for k, (start, end) in enumerate(lines):
        while text[end - 1].isspace():
            end -= 1
        following = text[lines[k + 1][0] : lines[k + 1][1]].lstrip()[:1] if k + 1 < len(lines) else ""
        quotes = _pairs(text, start, end, following in ("“", '"', "‘", "'"))
        if quotes and left_open and not text[start : quotes[0].open].strip():
            quotes[0].chained = True
        left_open = bool(quotes) and not quotes[-1].closed
        found += quotes
    return found


# --------------------------------------------------------------------------------------------------
# Quotations: speakers
# --------------------------------------------------------------------------------------------------


def _resolve(doc: Document, q: _Quote, first: _Quote, kept: list[_Quote]) -> str:
    """A pronoun speaker resolved against the sentence before the quote (before its chain's first part)."""
    pronoun = q.speaker.lower()
    if pronoun not in PRONOUNS:
        return q.speaker
    here = doc.sentence_at(first.open + 1)
    before = doc.sentence(here.id - 1) if here else None
    if before is None or pronoun not in ("he", "she", "it"):
        return ""
    for _ in range(2):  # "Siemons said … He warned … “…,” he said": the same "he" goes on
        opener = doc.text[before.start : before.start + 4].lower()
        if not (opener.startswith(pronoun) and opener[len(pronoun) : len(pronoun) + 1] in (" ", "")):
            break
        before = doc.sentence(before.id - 1) or before
    quoted = [(p.open, p.close) for p in kept[-20:] if p.close >= before.start]
    name = person(doc, before, quoted) if pronoun != "it" else said_by(doc, before)
    if not name:  # the sentence before is itself a quote: its speaker
        name = next((p.speaker for p in reversed(kept[-20:]) if p.open <= before.start <= p.close and p.speaker), "")
    return name


def quotes(doc: Document) -> list[GroundedQuote]:
    """Every quotation of the article with its speaker ("" when no tag names one)."""
    text, found = doc.text, _candidates(doc)
    for k, q in enumerate(found):
        sentence = doc.sentence_at(q.open + 1)
        low = max(sentence.start if sentence else q.open, found[k - 1].close + 1 if k else 0, q.open - WINDOW)
        limit = found[k + 1].open if k + 1 < len(found) else len(text)
        after = tag_after(text, q.close, limit) if q.closed else None
        tag = after or tag_before(text, low, q.open) or ("", False)
        if tag == ("", True) and k and low == found[k - 1].close + 1:  # "…", adding that … "…"
            tag = (found[k - 1].speaker, True)
        q.speaker, q.attributed = tag
        if q.chained and (found[k - 1].attributed or q.attributed):
            found[k - 1].attributed = q.attributed = True
    kept: list[_Quote] = []
    chain_start = 0
    for k, q in enumerate(found):
        chain_start = chain_start if q.chained else k
        if _keep(doc, q):
            q.speaker = _resolve(doc, q, found[chain_start], kept)
            prev = kept[-1] if kept else None
            if prev and prev.speaker and not q.speaker and (q.chained or not q.attributed) and _near(doc, prev, q):
                q.speaker = prev.speaker  # a follow-on quote, or the rest of one the paragraph left open
            if q.speaker and prev and q.chained and not prev.speaker:
                prev.speaker = q.speaker
            kept.append(q)
    return [_grounded(doc, q) for q in kept]


def _grounded(doc: Document, q: _Quote) -> GroundedQuote:
    start, end, words = _span(doc.text, q)
    return GroundedQuote(speaker=q.speaker, text=words, evidence=doc.evidence(start, end))


def _span(text: str, q: _Quote) -> tuple[int, int, str]:
    start, end = q.open + 1, q.close
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end, text[start:end]


def _near(doc: Document, prev: _Quote, q: _Quote) -> bool:
    """``q`` is in the sentence where ``prev`` ends, or the next one."""
    a, b = doc.sentence_at(prev.close - 1), doc.sentence_at(q.open + 1)
    return a is not None and b is not None and b.id - a.id <= 1


def _keep(doc: Document, q: _Quote) -> bool:
    """A quotation, not a title, a word being named, a crosshead or a short unattributed phrase."""
    text = doc.text
    start, end, words = _span(text, q)
    sentence = doc.sentence_at(start)
    if sentence is None or sentence.start >= doc.story_end or not re.search(r"\w", words):
        return False  # page furniture, or the author's biography
    preceding = text[max(0, q.open - 30) : q.open].lower().replace(",", " ").split()
    if preceding[-1:] and (preceding[-1] in _NAMING or preceding[-2:] == ["known", "as"]):
        return False
    line_before = text[max(0, q.open - WINDOW) : q.open].rpartition("\n")[2]
    outside = line_before + text[q.close + 1 : q.close + WINDOW].partition("\n")[0]
    if not re.search(r"\w", outside) and words[-1:] not in ".?!,…" and q.closed:
        return False  # "– ‘We are watching’ –": a crosshead
    return q.attributed or len(words.split()) >= 3


# --------------------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------------------

_MON = (
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
_YEAR = r"(?:1[89]|20)\d\d\b"
_WEEKDAY = rf"(?:{'|'.join(day.capitalize() for day in WEEKDAYS)})\b"
_DATE = re.compile(  # the first character's class lets the engine skip ahead fast
    r"(?=[0-9JjFfMmAaSsOoNnDdTtWwYyEeLlCc])\b"
    rf"(?:{_WEEKDAY}\s?\(\s?{_MON}\s?{_DAY}\s?\)"  # Wednesday (Sept 13)
    rf"|(?:{_WEEKDAY},?\s)?(?:{_DAY}\s{_MON}|{_MON}\s?{_DAY}|{_MON})(?:(?:,?\s|\s?[-–]\s?){_YEAR})?(?:,\s{_WEEKDAY})?"
    rf"|{_WEEKDAY}|(?P<year>{_YEAR})(?![\w’'-]|\s?(?:%|per\s?cent))"
    r"|(?i:yesterday|today|tonight|tomorrow|(?:earlier|later)\s(?:this|that)\s(?:week|month|year)|earlier\stoday"
    r"|(?:next|last|this|coming)\s(?:week(?:end)?|month|year|decade|spring|summer|autumn|winter|morning"
    rf"|afternoon|evening|night|{WEEKDAY_NAMES})"
    r"|(?:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|few)\s(?:day|week|month|year|decade)s?"
    r"\sago|the\scoming\s(?:days|weeks|months))\b)"
)
_PREPOSITION = re.compile(r"\b(?i:(since|until|till|by|before|after|from)|in|on|during|of)\s$")
# "since", "until" … change what the date says, so they are part of its words; "in", "on" … are not.
_CLAUSE = re.compile(r"[;()“”\"]|[,:](?!\d)|\s[—–-]\s")


def _date_spans(text: str, sentence: Sentence) -> list[tuple[int, int]]:
    """The date expressions of one sentence, as (start, end)."""
    spans = []
    for m in _DATE.finditer(text, sentence.start, sentence.end):
        date = m.group()
        pre = _PREPOSITION.search(text, max(sentence.start, m.start() - 7), m.start())
        if m.group("year") and not pre:
            continue  # a bare four-digit number may count something; "in 2019" is a year
        lone = re.fullmatch(_MON, date)
        if lone and ((len(date) < 5 and date not in ("June", "July", "May")) or (date in ("May", "March") and not pre)):
            continue  # "Jan" may be a name, "may" and "march" verbs
        spans.append((pre.start() if pre and pre.group(1) else m.start(), m.end()))
    return spans


def _clause(text: str, sentence: Sentence, start: int, end: int) -> str:
    """The clause of the sentence that holds ``text[start:end]``, widened to four words, at most 150 characters."""
    low, high = max(sentence.start, start - 300), min(sentence.end, end + 300)
    cuts = [m.start() for m in _CLAUSE.finditer(text, low, high) if not start <= m.start() < end]
    left = right = bisect.bisect(cuts, start)
    while True:
        a = cuts[left - 1] + 1 if left > 0 else low
        b = cuts[right] if right < len(cuts) else high
        if len(text[a:b].split()) >= 4 or (left == 0 and right == len(cuts)):
            break
        left, right = max(left - 1, 0), min(right + 1, len(cuts))
    if b - a > 150:  # keep the words around the date
        a = max(a, text.rfind(" ", a, max(a, start - 60)) + 1)
    words = text[a:b].strip(' ,;:—–-“”"|')
    words = words.lstrip("(") if ")" not in words else words.rstrip(")") if "(" not in words else words
    words = words[:-1] if re.search(r"[a-z0-9]\.$", words) else words  # the sentence's full stop
    return shorten(words, 150)


def dates(doc: Document, published: dt.date | None, language: str | None = None) -> list[GroundedDate]:
    """The first :data:`MAX_DATES` date expressions of the article, resolved against ``published`` (read
    in the article's ``language``).

    A bare weekday is the day the article last gave in full on that weekday ("met on Wednesday (Sept
    13)", then "after their meeting on Wednesday"), when that day is within three weeks of the weekday
    read against ``published``: a page's date is often when it was updated, not when it was written.
    """
    found: list[GroundedDate] = []
    given: dict[int, dt.date] = {}  # weekday -> the last day the article gave in full on it
    last: tuple[int, str | None] = (-1, None)  # the bare weekday read last: where it ends, its day
    for sentence in doc.story:
        for start, end in _date_spans(doc.text, sentence):
            words = doc.text[start:end]
            event = _clause(doc.text, sentence, start, end)
            resolved = resolve_date(words, published, language)
            weekday = bare_weekday(words)
            month = weekday is None and resolved is not None and re.search(_MON, words) is not None
            read = published is not None and (weekday is not None or month)  # only these two read the tense
            tense = said_tense(doc.text[max(sentence.start, start - 100) : end]) if read else None
            if weekday is not None:
                resolved = _weekday_given(weekday, resolved, given)
                # "will be closed on Wednesday", "talks are set for Friday", "are shut until Monday": the next one
                if published is not None and tense == "future":
                    resolved = _weekday_ahead(weekday, published)
                if last[1] and DAYS_SPAN.fullmatch(doc.text, last[0], start):  # "on Tuesday and Wednesday"
                    resolved = _weekday_ahead(weekday, dt.date.fromisoformat(last[1]))
                last = (end, resolved if resolved and len(resolved) == 10 else None)
            elif month and resolved and published is not None and not re.search(_YEAR, words):
                resolved = in_its_year(resolved, published, tense)  # "Dec 28" in an article of 5 January
            if month and resolved and len(resolved) == 10:
                day = dt.date.fromisoformat(resolved)
                given[day.weekday()] = day
            found.append(GroundedDate(text=words, event=event, resolved=resolved, evidence=doc.evidence(start, end)))
            if len(found) == MAX_DATES:
                return found
    return found


_BARE_WEEKDAY = re.compile(r"(?:(?:on|since|until|till|by|before|after|from)\s+)?(\w+day)", re.I)


def bare_weekday(words: str) -> int | None:
    """The weekday (Monday 0) that ``words`` name and nothing else ("Wednesday", "on Wednesday", "since
    Friday"); None for anything more ("Wednesday (Sept 13)", "next Friday") or less."""
    found = _BARE_WEEKDAY.fullmatch(words.strip())
    name = found.group(1).lower() if found else ""
    return WEEKDAYS.index(name) if name in WEEKDAYS else None


def _weekday_ahead(weekday: int, published: dt.date) -> str:
    """The day of ``weekday`` on or after ``published``."""
    return (published + dt.timedelta(days=(weekday - published.weekday()) % 7)).isoformat()


def _weekday_given(weekday: int, resolved: str | None, given: dict[int, dt.date]) -> str | None:
    """The day the article gave in full on ``weekday``, if near ``resolved``; else ``resolved``."""
    day = given.get(weekday)
    if day is None:
        return resolved
    if resolved is not None and abs((dt.date.fromisoformat(resolved) - day).days) > 21:
        return resolved  # another week's: the article has moved on
    return day.isoformat()


# --------------------------------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------------------------------

_NUMERAL = re.compile(
    rf"(?=[£$€¥₹0-9])(?<![\w.,/:’'-])(?:[£$€¥₹]\s?)?(?:{GROUPED_FIGURE}|\d+)(?:\.\d+)?"
    r"(?:\s?(?:-|–|to)\s?[£$€¥]?\d{1,3}(?:,\d{3})*(?:\.\d+)?)?"  # a range
    r"(?:st|nd|rd|th)?(?:(?:bn|mn|m|k|tn)\b|\s(?:million|billion|trillion|thousand|hundred|lakhs?|crores?)\b)?"
    r"(?:\s?%|\sper\s?cent\b|\spercent\b)?(?:-[a-z]{1,20}){0,2}"  # "40-second"
    r"(?![\w’']|[.,:]\d|\s?[ap]\.?m\b)"  # not inside a word, a number or a time
)
_ONES = "one|two|three|four|five|six|seven|eight|nine"
_SPELLED = re.compile(
    r"(?=[TtFfSsEeNnAaDdHhMm])(?i:\b(?:"
    rf"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:{_ONES}))?|two|three|four|five|six|seven"
    r"|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a\sdozen"
    r"|dozens|hundreds|thousands|millions)(?:\s(?:hundred|thousand|million|billion))?\b)(?!-)"
)  # "one" is left out: "one of the Kremlin’s favourite propagandists" counts nothing
_ORDINAL = re.compile(
    r"(?=[FfSsTtEeNn])(?i:\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b)"
    r"(?=(?:\s[a-z]{2,20})?\s(?:trip|visit|time|term|round|meeting|summit|season|attempt|tour|journey|election"
    r"|anniversary|day|week|year)s?\b)"
)
_TIME_UNIT = re.compile(r"\s(?:second|minute|hour|day|week|fortnight|month|year|decade|century|centuries)s?\b")
_YEAR_ONLY = re.compile(_YEAR)
_PLURAL = frozenset("people children men women police staff personnel".split())


def _counted(text: str, end: int, limit: int) -> str:
    """The noun phrase the number counts, right after it ("4,000 dockworkers", "40% of the samples")."""
    toks = list(TOKEN.finditer(text, end, min(limit, end + 120)))
    k = 0
    if toks and toks[0].group() == "of":  # "40% of the samples"
        k = 2 if len(toks) > 1 and toks[1].group().lower() in DETERMINERS else 1
    words: list[re.Match[str]] = []
    for tok in toks[k : k + 2]:  # "pay rise", not "pay rise broke": a verb may follow a singular noun
        word = tok.group().lower().rstrip("’'")
        if not word[:1].isalpha() or word in STOP:
            break
        words.append(tok)
        if word.endswith("s") or word in _PLURAL:
            break
    return text[words[0].start() : words[-1].end()].rstrip("’'") if words else ""


def _around(text: str, sentence: Sentence, start: int, end: int) -> str:
    """Up to six words either side of the number, within its sentence."""
    low = max(sentence.start, start - 80)
    left = [m.start() for m in re.finditer(r"\S+", text[low:start]) if m.start() or low == sentence.start]
    right = [m.end() for m in re.finditer(r"\S+", text[end : min(sentence.end, end + 80)])]
    a, b = low + left[-6:][0] if left else start, end + right[:6][-1] if right else end
    return shorten(text[a:b], 150)


def _figures(text: str, sentence: Sentence) -> list[tuple[int, int, str]]:
    """The first numbers of one sentence as (start, end, about), dates and years left out."""
    dated, sentence_text = _date_spans(text, sentence), text[sentence.start : sentence.end]
    starts = [a for a, _ in dated]
    found = [(m.start(), m.end(), "digits") for m in _NUMERAL.finditer(text, sentence.start, sentence.end)]
    found += [(m.start(), m.end(), "words") for m in _SPELLED.finditer(text, sentence.start, sentence.end)]
    found += [(m.start(), m.end(), "ordinal") for m in _ORDINAL.finditer(text, sentence.start, sentence.end)]
    found += [(sentence.start + d.start, sentence.start + d.end, "time") for d in durations(sentence_text)]
    figures: list[tuple[int, int, str]] = []
    for start, end, kind in sorted(found, key=lambda f: (f[0], -f[1])):  # of two at one start, the longer
        k = bisect.bisect_left(starts, end)  # the first date after the number; the one before may hold it
        if (
            (figures and start < figures[-1][1])
            or (k and dated[k - 1][1] > start)
            or _YEAR_ONLY.fullmatch(text, start, end)
        ):
            continue  # inside a date ("Sept 13") or a year, which are dates
        counts = kind in ("digits", "words") and text[end - 1].isalnum()
        unit = _TIME_UNIT.match(text, end, sentence.end) if counts else None
        end = unit.end() if unit else end  # a duration keeps its unit: "seven months" (and "40-second" has it)
        about = "" if unit or kind == "time" else _counted(text, end, starts[k] if k < len(starts) else sentence.end)
        if not about and kind not in ("digits", "time") and not unit:
            continue  # a spelled number that counts nothing ("two of them")
        figures.append((start, end, about or _around(text, sentence, start, end)))
        if len(figures) == MAX_NUMBERS:
            break
    return figures


def numbers(doc: Document) -> list[GroundedFigure]:
    """The first :data:`MAX_NUMBERS` numbers of the article, each with what it counts."""
    found: list[GroundedFigure] = []
    seen: set[tuple[str, str]] = set()
    for sentence in doc.story:
        for start, end, about in _figures(doc.text, sentence):
            value = doc.text[start:end]
            if (value.lower(), about.lower()) in seen:
                continue  # "the two leaders" again: one slot of the eight is enough
            seen.add((value.lower(), about.lower()))
            found.append(GroundedFigure(value=value, about=about, evidence=doc.evidence(start, end)))
            if len(found) == MAX_NUMBERS:
                return found
    return found
