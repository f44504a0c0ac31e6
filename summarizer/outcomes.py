"""Outcomes: the words that state opposite outcomes ("rose" / "fell", "cancelled" / "scheduled",
"resigned" / "fired", "unanimous" / "dissented"), and the phrases read as one of those words ("called
off" is "cancelled", "voted 7-2" is dissent).

Words are compared by their stems, their first five letters. Two statements that agree on everything
but one of these pairs state different, incompatible outcomes (:func:`summarizer.facets.compare`).
"""

from __future__ import annotations

import re

from summarizer.quantities import count_said
from summarizer.tense import SCHEDULED_BEFORE_A_NOUN
from summarizer.units import WORD_NUMBERS

# A figure that went up against one that went down: "gained" / "dropped", "climbed" / "slipped".
_RISE = (
    "rose", "rise", "rises", "risen", "incre", "gaine", "gains", "climb", "jump", "jumps", "jumpe", "soare",
    "soars", "surge", "stren",
)  # fmt: skip
_FALL = (
    "fell", "fall", "falls", "falle", "decre", "drop", "drops", "dropp", "slips", "slipp", "slid", "slide", "dips",
    "dippe", "sinks", "sank", "sunk", "decli", "plung", "plumm", "slump", "tumbl", "weake",
)  # fmt: skip
# A measure kept against one ended: "would keep its tariffs in place" / "agreed to scrap the tariffs".
_KEEP = ("keep", "keeps", "keepi", "kept", "retai", "maint")
_END = ("cance", "lift", "lifts", "lifte", "remov", "aboli", "drop", "drops", "dropp")  # "scrapped": "cancelled"
_OPPOSITES = [
    ("rose", "fell"), ("rise", "fall"), ("risen", "falle"), ("incre", "decre"), ("raise", "lower"),
    ("raise", "cut"), ("gain", "loss"), ("gaine", "lost"), ("won", "lost"), ("win", "lose"),
    ("accep", "rejec"), ("accep", "decli"), ("appro", "rejec"), ("confi", "denie"), ("open", "close"),
    ("opene", "close"), ("start", "ended"), ("began", "ended"), ("arriv", "depar"), ("cance", "postp"),
    ("highe", "lower"), ("more", "fewer"), ("above", "below"), ("allow", "banne"),
    ("lifte", "impos"), ("relea", "detai"), ("convi", "acqui"), ("survi", "died"), ("exten", "short"),
    ("ended", "conti"), ("concl", "conti"), ("finis", "conti"), ("stopp", "conti"), ("end", "conti"),
    ("cance", "conti"), ("end", "exten"), ("ended", "exten"), ("concl", "exten"), ("cance", "sched"),
    ("scrap", "sched"),
    ("resig", "fired"), ("resig", "sacke"), ("resig", "dismi"), ("quit", "fired"), ("quits", "fired"),
    ("quell", "ragin"), ("unapp", "appea"), *((won, lost) for won in ("pass", "passe") for lost in ("fail", "faile")),
    ("unani", "disse"), *((kept, struck) for kept in ("uphel", "uphol") for struck in ("overt", "quash", "inval")),
    *((up, down) for up in _RISE for down in _FALL), *((kept, ended) for kept in _KEEP for ended in _END),
]  # fmt: skip
# A warning's level said as a colour ("raised the alert to red", "an amber warning"), as words of their own
# (five letters, as stems are): two levels of one warning are two outcomes
_LEVELS = {colour: f"lv{colour[:3]}" for colour in ("red", "orange", "amber", "yellow", "green")}
_OPPOSITES += [(a, b) for a in _LEVELS.values() for b in _LEVELS.values() if a < b]
# the outcomes of a contest, both ways: what one side wins, another loses
_CONTEST = frozenset(
    pair
    for a, b in [("won", "lost"), ("win", "lose"), ("gaine", "lost"), ("gain", "loss")]
    for pair in [(a, b), (b, a)]
)
_OPPOSITE: dict[str, frozenset[str]] = {
    stem: frozenset(b for a, b in _OPPOSITES if a == stem) | frozenset(a for a, b in _OPPOSITES if b == stem)
    for pair in _OPPOSITES
    for stem in pair
}
# the counts a vote's part and whole are said in: "seven of the nine", "7 of 9"
_SMALL = "|".join(sorted((w for w, n in WORD_NUMBERS.items() if 1 <= n <= 20 and n == int(n)), key=len, reverse=True))
# Outcomes said in phrases, read as the word the opposites know: (called off, scrapped, scrubbed,
# aborted) | (a law struck down: overturned, against upheld) | (pushed back, put off, rescheduled,
# delayed, slipped by days) | (the scheduled trains: regular ones) | (a vote's tally: "voted 7-2", "a 5-4
# ruling", "by seven votes to two", dissent unless none voted against; "seven of the nine … voted for", dissent
# unless all did) | ("up" or "down" before a figure:
# "shares were up 4%", "down from 3.1%"; not "a write-up", "set up") | (a storm's surge, the sea it pushes
# ashore: "a storm surge of up to 12 feet", "a surge of 10 feet", no rise) | (what one side urges the other
# to do, no outcome: "urged the EU to drop its tariffs", "called on Israel to halt") | (what one did not
# budge on, it kept) | (a fire "out of control" rages, one "under control" or "was contained" is quelled;
# not "the tank contained chlorine") | (a verdict accepted goes unappealed) | (a warning's level: "raised the
# alert to red", "an amber warning") | (one who left "by mutual consent" or "stepped down" resigned, no one
# sacked him); not "pushed back against" nor "put off by".
_OUTCOME_PHRASES = re.compile(
    r"\b(?:(?P<cancelled>call(?:ed|s|ing)?\s+off|scrap(?:ped|s|ping)?|scrub(?:bed|s)?|abort(?:ed|s)?)"
    r"|(?P<overturned>str(?:uck|ikes?|iking)\s+down)"
    r"|(?:push(?:ed|es|ing)?|put(?:s|ting)?)\s+(?:back|off)(?!\s+(?:against|on|at|by)\b)"
    r"|reschedul\w*|delay(?:ed|s|ing)?"
    r"|slipp(?:ed|ing)\s+(?:back|by\s+(?:\w+\s+){0,2}(?:days?|weeks?|months?))"
    rf"|(?P<regular>{SCHEDULED_BEFORE_A_NOUN})"
    r"|(?:vot(?:ed|es|ing)\s+(?:by\s+)?|ruled\s+|split\s+)\d+\s*[-–]\s*(?P<voted_against>\d+)"
    r"|\d+\s*[-–]\s*(?P<tally_against>\d+)\s+(?:vote|decision|ruling|majority)"
    r"|by\s+\w+\s+votes?\s+to\s+(?P<votes_against>\w+)"
    rf"|(?P<part>\d+|{_SMALL})\s+of\s+(?:the\s+|its\s+)?(?P<whole>\d+|{_SMALL})\b(?:\s+[\w-]+){{0,6}}?"
    r"\s+(?:voted\s+(?:for|in\s+favou?r)|backed|supported|favou?red)"
    r"|(?P<direction>up|down)(?=\s+(?:from\s+|by\s+)?(?:about\s+|nearly\s+|almost\s+|roughly\s+|some\s+)?[\d$€£¥])"
    r"|(?P<flooding>(?:storm|tidal)\s+surges?|surges?(?=\s+of\s+(?:up\s+to\s+|about\s+|around\s+)?\d))"
    r"|(?P<urged>(?:urg(?:ed|es|ing)?|demand(?:ed|s|ing)?|call(?:ed|s|ing)?\s+on)\s+(?:[\w'’-]+\s+){0,4}?to\s+[a-z]+)"
    r"|(?P<kept>(?:did\s+not|didn['’]t|refused\s+to|would\s+not|won['’]t)\s+budge)"
    r"|(?P<raging>out\s+of\s+control|uncontained)"
    r"|(?P<quelled>under\s+control|(?:been|was|is|were|are|now|fully|largely)\s+contained)"
    r"|(?P<unappealed>accept(?:ed|s|ing)?\s+(?:the\s+|this\s+|its\s+|his\s+|her\s+|their\s+)?"
    r"(?:verdict|ruling|sentence|judge?ment|decision))"
    r"|(?:alert|warning|level)s?\s+(?:[a-z]+\s+){0,3}?(?:to|at|is|was)\s+(?:code\s+)?(?P<level>red|orange|amber|yellow|green)"
    r"|(?P<level_before>red|orange|amber|yellow|green)\s+(?:alert|warning)s?"
    r"|(?P<resigned>by\s+mutual\s+(?:consent|agreement)|agreed\s+to\s+(?:go|leave|step\s+down)|st(?:epped|ood)\s+down))\b",
    re.I,
)


def outcome_text(text: str) -> str:
    """``text`` with its outcome phrases written as their one word ("called off": "cancelled"): what its
    stems, and what a negation in it governs, are read from ("not delayed" denies "delayed")."""
    return _OUTCOME_PHRASES.sub(_outcome_word, text)


def outcome_stems(text: str) -> frozenset[str]:
    """The five-letter stems of the words of an :func:`outcome_text`."""
    return frozenset(w.lower()[:5] for w in re.findall(r"[A-Za-z]+", text))


def opposites(stems: frozenset[str]) -> frozenset[str]:
    """Every stem that states the opposite of one of ``stems``."""
    return frozenset().union(*(_OPPOSITE.get(stem, frozenset()) for stem in stems))


def _outcome_word(match: re.Match[str]) -> str:
    """The one word an outcome phrase means: "called off" is "cancelled", "pushed back" "postponed"; "the
    scheduled trains" are the regular ones, none planned; "voted 7-2" is dissent, "voted 9-0" unanimous; "up
    4%" is a rise, "down 4%" a fall; a storm surge is flooding; "urged the EU to drop" only urged; a law
    "struck down" is overturned; what one "did not budge" on, kept."""
    found = {name: text for name, text in match.groupdict().items() if text}
    if colour := found.get("level") or found.get("level_before"):
        return _LEVELS[colour.lower()]
    if "direction" in found:
        return "rise" if found["direction"].lower() == "up" else "fall"
    if "whole" in found:  # "seven of the nine members voted for it": two did not (its words kept: its counts)
        some = count_said(found["part"]) < count_said(found["whole"])
        return f"{match.group(0)} {'dissented' if some else 'unanimous'}"
    against = found.get("voted_against") or found.get("tally_against") or found.get("votes_against")
    if against:
        return "unanimous" if against.lower() in ("0", "none", "nil") else "dissented"
    # the phrase's own word: "cancelled", "overturned", "regular", "flooding", "urged", "kept", "raging",
    # "quelled", "unappealed", "resigned"
    return next(iter(found), "postponed")


def opposed(a: frozenset[str], b: frozenset[str], *, two_sides: bool = False) -> bool:
    """Of two statements' stems: one says a word whose opposite the other says, and neither says both, in
    these words or in others ("Brightwater shares jumped 22%, while Halvorsen shares fell 3%" says a rise
    and a fall). Of ``two_sides`` (statements of two subjects), a contest's outcomes are not opposed: one
    side's win is the other's loss ("Rovers won" / "Eastfield lost")."""
    only_a, only_b = a - b, b - a
    for stem in only_a:
        for other in _OPPOSITE.get(stem, frozenset()) & only_b:
            if two_sides and (stem, other) in _CONTEST:
                continue
            if not (_OPPOSITE[stem] & a or _OPPOSITE[other] & b):
                return True
    return False
