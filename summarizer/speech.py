"""Speech tags: who a quotation's words are said to be by, read off the words around it.

* :func:`tag_after` reads the tag that follows a quote: "…," Peskov said / "…," said Kremlin spokesman
  Dmitry Peskov / "…," Cheong Seong-chang, researcher at the Sejong Institute, told AFP.
* :func:`tag_before` reads the one before it: Peskov said: "…" / the Kremlin said the plan was "…" /
  According to the ministry, "…" / Witnesses said the gunman shouted "…" (the last speech verb speaks).
* A speaker is the noun phrase that speaks the verb, and :func:`speaker` says how it is written: a person
  by the name the tag uses, without titles and descriptors ("Kremlin spokesman", "Mr", "The BBC's") nor
  what follows it (", chief economist at …"); an organisation, a document or an unnamed person by its
  words as written, with its article ("the Kremlin", "North Korea’s Central News Agency", "a company
  spokeswoman"). A pronoun is returned as such; :func:`person` and :func:`said_by` find whom a "he" or an
  "it" in the next sentence refers to.

No parser: a small list of speech verbs and a noun phrase read word by word. Every function reads a
bounded window of tokens, so its cost does not grow with the article.
"""

from __future__ import annotations

import re

from summarizer.saying import SPEECH_VERBS
from summarizer.text import STOPWORDS, Document, Sentence

WINDOW = 240  # characters after a quote read for its tag
TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W_](?:[\w’'-]{0,40}[^\W_])?[’']?|[^\w\s]")
_TITLES = frozenset(
    "mr mrs ms miss mx dr prof professor sir dame lord lady rev president prime minister senator sen judge justice "
    "chancellor king queen prince princess general gen col colonel captain capt governor gov mayor chairman "
    "chairwoman chair chief secretary deputy vice leader spokesman spokeswoman spokesperson pope sheikh "
    "ambassador commissioner director sergeant sgt lieutenant lt admiral marshal premier rep inspector coach "
    "lawyer singer commander officer detective superintendent councillor economist analyst editor head boss ceo "
    "executive founder".split()
)  # offices, honorifics and descriptors: before a name, never part of it
_ABBREVIATED = frozenset("mr mrs ms dr prof gen sen rep gov col capt lt sgt rev st".split())  # "Dr." ends no sentence
DETERMINERS = frozenset("the a an".split())
_PARTICLES = frozenset("von van der den de da del di du al el bin ibn la le".split())  # "Ursula von der Leyen"
_ORGANISATIONS = frozenset(
    "agency ministry council commission office department institute university bank party group company court "
    "government army committee association union service news times post network board authority police".split()
)  # the last word of a name that is an organisation's, kept whole ("North Korea’s Central News Agency")
PRONOUNS = frozenset("he she it they we i".split())
_ADVERBS = frozenset("also has have had then later again earlier previously reportedly just once was is".split())
STOP = (
    STOPWORDS
    | SPEECH_VERBS
    | _ADVERBS
    | frozenset(
        "of in on at to for from with by about after before during when while as than into over under through "
        "since until and or but if because so not no could can may might must should do does did being whom whose "
        "where how why according whether between among within without against across around outside inside near amid "
        "like per via toward towards upon meanwhile however instead moreover".split()
    )
)


def _cap(word: str) -> bool:
    return word[:1].isupper()


def _low(match: re.Match[str]) -> str:
    return match.group().lower().rstrip(".")


def _stop(word: str) -> bool:
    """A word no speaker's name holds; capitalised, "May", "Will" and "Can" may be names."""
    return word.lower() in STOP and not (_cap(word) and word in ("May", "Will", "Can"))


Tokens = list[re.Match[str]]


def _np_back(toks: Tokens, j: int) -> int:
    """Start of the noun phrase that ends with ``toks[j]``: capitalised words, a few lower-case ones,
    back to its determiner ("the gunman", "Central bank governor Ilse Brandt"); ``j + 1`` if none."""
    i, lower = j, 0
    while i >= 0:
        word = toks[i].group()
        if word == "." and i > 0 and _low(toks[i - 1]) in _ABBREVIATED:  # "Gen. Mark Holloway"
            i -= 1
        elif not word[0].isalnum() or (_stop(word) and word.lower() not in DETERMINERS) or word.lower() in PRONOUNS:
            break
        elif word.lower() in DETERMINERS:
            return i
        elif not _cap(word):
            lower += 1
            if lower > 4:
                break
        i -= 1
    return i + 1


def _np_forward(toks: Tokens, i: int, links: int = 2) -> int:
    """End (exclusive) of the noun phrase starting at ``toks[i]`` ("the defendant when…" → 2); a role
    takes what it is of ("a spokesperson for the Ministry of Defence"), a name does not ("Ana Kovac of …")."""
    j = i + 1 if i < len(toks) and toks[i].group().lower() in DETERMINERS else i
    while j < len(toks) and j - i < 8:
        word = toks[j].group()
        title_dot = word == "." and j > i and _low(toks[j - 1]) in _ABBREVIATED
        if not title_dot and (not word[0].isalnum() or _stop(word) or word.lower() in PRONOUNS):
            break
        j += 1
    if not any(_cap(t.group()) or t.group().isalpha() for t in toks[i:j]):
        return i
    role = links == 2 and not _cap(toks[j - 1].group())
    if (role or links < 2) and links and j + 1 < len(toks) and toks[j].group() in ("of", "for"):
        return max(j, _np_forward(toks, j + 1, links - 1))
    return j


def _subject(toks: Tokens, v: int, low: int = 0) -> tuple[int, int] | None:
    """Token range of who speaks the verb ``toks[v]``: a noun phrase, a pronoun, or the antecedent of
    "which"/"who"; an apposition between commas is skipped ("Ms Holm, who chairs the committee, said")."""
    j = v - 1
    while j >= low and toks[j].group() in _ADVERBS:
        j -= 1
    if j >= low and toks[j].group() == ",":
        comma = next((k for k in range(j - 1, max(j - 16, low - 1), -1) if toks[k].group() == ","), None)
        if comma is None:
            return None
        j = comma - 1
    if j < low:
        return None
    word = toks[j].group().lower()
    if word in PRONOUNS:
        return j, j + 1
    if word in ("which", "who") and j - 2 >= low and toks[j - 1].group() == ",":
        j -= 2  # "…state news agency, which also said"
    start = max(_np_back(toks, j), low)
    if low < start - 1 and toks[start - 1].group() in ("of", "for"):  # "a spokesman for the ministry"
        head = max(_np_back(toks, start - 2), low)
        if head < start - 1:
            return (head, start - 1) if _cap(toks[start - 2].group()) else (head, j + 1)
    return (start, j + 1) if start <= j else None


def speaker(text: str, toks: Tokens, i: int, j: int) -> str:
    """The speaker in the NP ``toks[i:j]``: a person's name without what precedes it ("Kremlin spokesman",
    "Mr", "The BBC's"), or an organisation's or role's words as written ("the Kremlin", "a spokeswoman")."""
    last = toks[j - 1].group()
    run = j - 1  # the trailing run of capitalised words: "Dmitry Peskov", "Gen. Mark Holloway"
    while run > i and (_cap(toks[run - 1].group()) or toks[run - 1].group() in _PARTICLES | {"."}):
        if toks[run - 1].group().endswith(("’s", "'s")) or _low(toks[run - 1]) in DETERMINERS | _TITLES:
            break
        run -= 1
    linked = any(t.group() in ("of", "for") for t in toks[i:j])  # "a spokesperson for the Ministry of Defence"
    role = not _cap(last) or last.lower() in _TITLES  # "a company spokeswoman", "the Prime Minister"
    if linked or role or last.lower() in _ORGANISATIONS or (run == i + 1 and _low(toks[i]) in DETERMINERS):
        return text[toks[i].start() : toks[j - 1].end()]
    while run < j - 1 and (toks[run].group() == "." or toks[run].group() in _PARTICLES):
        run += 1
    return text[toks[run].start() : toks[j - 1].end()]


def tag_after(text: str, close: int, limit: int) -> tuple[str, bool] | None:
    """The tag after the quote whose closing mark is at ``close`` (read up to ``limit``): ``(speaker,
    True)`` ("…," Peskov said / "…," said Kremlin spokesman Dmitry Peskov / "…," according to the
    ministry), or None."""
    end = min(limit, close + WINDOW)
    if not (text[close - 1 : close] in ",?!…—–-" or text[close + 1 : end].lstrip().startswith(",")):
        return None  # a quote closed by a full stop ends its sentence; what follows is not its tag
    toks = list(TOKEN.finditer(text, close + 1, end))
    k = 0
    while k < len(toks) and toks[k].group() in ",—–-":
        k += 1
    according = k + 1 < len(toks) and _low(toks[k]) == "according" and toks[k + 1].group() == "to"
    if k < len(toks) and (toks[k].group() in SPEECH_VERBS or according):
        k += 2 if according else 1
        end = _np_forward(toks, k)
        return (speaker(text, toks, k, end), True) if end > k else None
    for v in range(k, min(len(toks), k + 16)):
        if toks[v].group() in SPEECH_VERBS:
            found = _subject(toks, v, k)
            return (speaker(text, toks, *found), True) if found and found[0] == k else None
        if toks[v].group() in '.!?“”"':
            return None
    return None


def tag_before(text: str, low: int, opening: int) -> tuple[str, bool] | None:
    """The tag in ``text[low:opening]`` before a quote's opening mark: ``(speaker, True)`` (Peskov said:
    "…" / the Kremlin said the plan was "…" / According to the ministry, "…"), ``("", True)`` when a
    speech verb has no speaker there ("…, adding that … "…""), or None."""
    toks = list(TOKEN.finditer(text, low, opening))
    verb_seen = False
    for v in range(len(toks) - 1, -1, -1):
        word = toks[v].group()
        according = _low(toks[v]) == "according" and v + 1 < len(toks) and toks[v + 1].group() == "to"
        if word not in SPEECH_VERBS and not according:
            continue
        verb_seen = True
        if word.endswith("ing") and not according:
            continue  # "…, saying the pair held “historic” talks": the speaker is the main clause's subject
        found = None if according else _subject(toks, v)
        if found:
            return speaker(text, toks, *found), True
        start = v + 2 if according else v + 1
        end = _np_forward(toks, start)  # said council leader Liam Byrne, "…"
        if end > start and not text[toks[end - 1].end() : opening].strip(" ,:—–"):
            return speaker(text, toks, start, end), True
    return ("", True) if verb_seen else None


def person(doc: Document, sentence: Sentence, quoted: list[tuple[int, int]]) -> str:
    """The person a "he"/"she" refers to: the first name in ``sentence`` outside the ``quoted`` spans; a titled name
    first ("Mr Kowalski" before "Reporters"), then the one who speaks, then a full name, then a lone word
    opening the sentence ("Putin arrived …")."""
    text, speaking = doc.text, said_by(doc, sentence)
    toks = [t for t in TOKEN.finditer(text, sentence.start, min(sentence.end, sentence.start + 400))]
    toks = [t for t in toks if not any(a <= t.start() <= b for a, b in quoted)]
    best, rank, i = "", 4, 0
    while i < len(toks):
        j = i
        while j < len(toks) and (
            _cap(toks[j].group()) or (toks[j].group() == "." and _low(toks[j - 1]) in _ABBREVIATED)
        ):
            j += 1
        if j == i:
            i += 1
            continue
        first = i + (i == 0 and _low(toks[0]) in STOP | PRONOUNS)  # "The", "Later": capitalised as openers
        determined = i > 0 and _low(toks[i - 1]) in DETERMINERS
        described = j < len(toks) and _low(toks[j]) in _TITLES  # "Kremlin spokesman", "North Korean leader"
        if first < j and not determined and not described:
            name = speaker(text, toks, first, j).removesuffix("’s").removesuffix("'s")
            titled = any(_low(t) in _TITLES for t in toks[first:j])
            order = 0 if titled else 1 if name == speaking else 2 if " " in name else 3 if first == 0 else 4
            if name and order < rank:  # a lone word inside the sentence is more often a place ("in Antwerp")
                best, rank = name, order
        i = j
    return best


def said_by(doc: Document, sentence: Sentence) -> str:
    """Who speaks in ``sentence`` (what "it said" refers to): the subject of its last speech verb."""
    toks = list(TOKEN.finditer(doc.text, sentence.start, min(sentence.end, sentence.start + 400)))
    for v in range(len(toks) - 1, -1, -1):
        if toks[v].group() in SPEECH_VERBS and not toks[v].group().endswith("ing") and (found := _subject(toks, v)):
            who = speaker(doc.text, toks, *found)
            return "" if who.lower() in PRONOUNS else who
    return ""
