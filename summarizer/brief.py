"""The brief: a short account of the event, shown first in every report, each sentence citing the
answers it rests on.

* **Written by the model** (``summarize(..., brief=True)``, ``--brief``): the merged questions and
  answers are listed with labels (``[Q2A]``: question 2, answer A) and the sources' own words, and the
  model writes 3–6 sentences from them alone (``prompts/brief.md``, schema
  :class:`~summarizer.schemas.BriefDraft`). The answer is checked like every other
  (:func:`summarizer.llm.ask`'s ``check``) and re-asked with the problems: every label cited must be
  listed; every name, number and date of a sentence must be in the words of the answers it cites
  (:mod:`summarizer.assertions`); a sentence that cites a side of a disagreement must cite another side
  too and say that the sources differ. A sentence that cites nothing is dropped, as is any that still
  fails when the re-asks run out.
* **Assembled** with no model, or when none is asked for: the answers most sources agree on, then the
  disagreements most sources take part in, each stated as disputed: every side's answer, with the
  sources that give it.
"""

from __future__ import annotations

import re
import string
from collections.abc import Sequence
from typing import Any

from summarizer.assertions import missing_dates, missing_numbers
from summarizer.backend import Backend
from summarizer.cache import ArticleCache
from summarizer.errors import ModelError, ReplayMissError
from summarizer.llm import Exhausted, Policy, ask
from summarizer.names import missing_names
from summarizer.prompt_files import Prompts
from summarizer.schemas import ArticleReport, Brief, BriefDraft, BriefLine, BriefSentence, Question, Usage
from summarizer.sourcelist import source_names
from summarizer.text import shorten

MAX_LISTED = 40  # answers shown to the model, the most reported questions first
MAX_CONSENSUS = 4  # sentences of an assembled brief on what the sources agree on
MAX_DISPUTES = 2  # and on what they dispute
_LABEL = re.compile(r"\[?Q(\d+)([A-Z])\]?")
_CONTRAST = re.compile(
    r"\b(disput\w*|disagree\w*|conflict\w*|contradict\w*|differ\w*|while|whereas|but|however|others?|although"
    r"|though|yet|instead|contrary)\b",
    re.I,
)


def label(question: int, answer: int) -> str:
    """The label of answer ``answer`` of question ``question`` (indices): 'Q1A'."""
    return f"Q{question + 1}{string.ascii_uppercase[answer] if answer < 26 else answer + 1}"


# --------------------------------------------------------------------------------------------------
# Assembled from the answers
# --------------------------------------------------------------------------------------------------


def assembled_brief(questions: Sequence[Question], sources: Sequence[ArticleReport]) -> Brief | None:
    """The strongest consensus answers, then the widest disagreements stated as disputed; None when
    the sources share nothing."""
    names = source_names([s.source for s in sources])

    def reach(i: int) -> int:
        return len({s for a in questions[i].answers for s in a.sources})

    agreed = [i for i, q in enumerate(questions) if q.status == "consensus"]
    disputed = [i for i, q in enumerate(questions) if q.status == "disagreement"]
    agreed = sorted(agreed, key=lambda i: -len(questions[i].answers[0].sources))[:MAX_CONSENSUS]
    disputed = sorted(disputed, key=reach, reverse=True)[:MAX_DISPUTES]
    sentences = [BriefSentence(text=_sentence(questions[i].answers[0].answer), cites=[(i, 0)]) for i in agreed]
    for i in disputed:
        q = questions[i]
        sides = sorted({a for pair in q.conflicts for a in pair})[:3] or list(range(min(3, len(q.answers))))
        # each side as its answer reads, with the sources giving it: not "X and Y say “…”", since an
        # answer's words are one claim's (a model's, or one outlet's); a quotation's are its sources' own
        marks = ("“", "”") if q.kind == "quote_wording" else ("", "")
        answers = [q.answers[a].answer.strip().rstrip(". ") for a in sides]
        said = " · ".join(
            f"{marks[0]}{answer}{marks[1]} ({_names(q.answers[a].sources, names)})"
            for a, answer in zip(sides, answers, strict=True)
        )
        asked = q.question.strip()
        text = f"Disputed — {said}." if asked.rstrip(". ") in answers else f"Disputed — {asked} {said}."
        sentences.append(BriefSentence(text=text, cites=[(i, a) for a in sides], disputed=True))
    return Brief(by="rules", sentences=sentences) if sentences else None


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if text[-1:] in ".!?”’\"'»" else text + "."


def _names(ids: Sequence[str], names: dict[str, str]) -> str:
    """The sources' names as a list in prose: "Dagens, The Telegraph and Wions"."""
    named = [names.get(i, i) for i in ids]
    return named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]


# --------------------------------------------------------------------------------------------------
# Written by the model
# --------------------------------------------------------------------------------------------------


def listed(questions: Sequence[Question]) -> list[int]:
    """The questions shown to the model: those several sources answer (disagreements first), then the
    rest, until :data:`MAX_LISTED` answers."""
    ranked = sorted(
        range(len(questions)),
        key=lambda i: (
            questions[i].status != "disagreement",
            -len({s for a in questions[i].answers for s in a.sources}),
        ),
    )
    shown, answers = [], 0
    for i in ranked:
        if answers + len(questions[i].answers) > MAX_LISTED:
            break
        shown.append(i)
        answers += len(questions[i].answers)
    return sorted(shown)


def listing(questions: Sequence[Question], shown: Sequence[int], names: dict[str, str]) -> str:
    """The questions and answers as the model sees them: labels, status, sources and their own words."""
    lines = []
    for i in shown:
        q = questions[i]
        status = "DISPUTED: the answers conflict" if q.status == "disagreement" else q.status
        lines.append(f"Q{i + 1}. {q.question} ({status})")
        for a, answer in enumerate(q.answers):
            lines.append(f"[{label(i, a)}] {answer.answer} — {_names(answer.sources, names)}")
            first: dict[str, str] = {}
            for statement in answer.statements:
                first.setdefault(statement.evidence.source, statement.evidence.text)
            lines += [f"    {names.get(s, s)}: “{shorten(text, 300)}”" for s, text in first.items()]
        lines.append("")
    return "\n".join(lines).strip()


def sentence_problems(
    line: BriefLine, questions: Sequence[Question], shown: Sequence[int], names: dict[str, str]
) -> list[str]:
    """What is wrong with one sentence of a draft; [] when it is good or cites nothing (then it is dropped)."""
    if not line.cites:
        return []
    cited = []
    for cite in line.cites:
        match = _LABEL.fullmatch(cite.strip())
        q = int(match.group(1)) - 1 if match else -1
        a = string.ascii_uppercase.index(match.group(2)) if match else -1
        if q not in shown or not 0 <= a < len(questions[q].answers):
            return [f"cites {cite!r}, which is not a label listed ({label(shown[0], 0)} … as given)"]
        cited.append((q, a))
    words = " ".join(s.evidence.text for q, a in cited for s in questions[q].answers[a].statements)
    sources = " ".join(names.get(s, s) for q, a in cited for s in questions[q].answers[a].sources)
    where = ", ".join(label(q, a) for q, a in cited)
    found = [f"names {x!r}, which the words of {where} do not" for x in missing_names(line.text, words, sources)]
    found += [f"gives the number {x!r}, which the words of {where} do not" for x in missing_numbers(line.text, words)]
    found += [f"says {x!r}, which the words of {where} do not" for x in missing_dates(line.text, words)]
    for q in sorted({q for q, _ in cited if questions[q].status == "disagreement"}):
        sides = {a for qq, a in cited if qq == q}
        opposed = any(i in sides and j in sides for i, j in questions[q].conflicts)
        if not opposed or not _CONTRAST.search(line.text):
            found.append(
                f"states Q{q + 1} as settled, but its answers conflict: cite each side and say that the sources differ"
            )
    return found


def draft_problems(
    draft: BriefDraft, questions: Sequence[Question], shown: Sequence[int], names: dict[str, str]
) -> list[str]:
    """The problems of a whole draft, each with its sentence's number."""
    problems = [
        f"sentence {n}: {p}"
        for n, line in enumerate(draft.sentences, 1)
        for p in sentence_problems(line, questions, shown, names)
    ]
    if not any(line.cites for line in draft.sentences):
        problems.append("no sentence cites an answer: give each sentence the labels it rests on, e.g. ['Q2A']")
    return problems


async def written_brief(
    client: Any,
    backend: Backend,
    prompts: Prompts,
    questions: Sequence[Question],
    sources: Sequence[ArticleReport],
    policy: Policy,
    *,
    usage: Usage,
    store: ArticleCache | None = None,
) -> Brief | str:
    """The model's brief, checked; or why there is none (then the report's brief is assembled). A brief
    that passed the checks is kept in ``store``, and found there when the same answers are listed again."""
    names = source_names([s.source for s in sources])
    shown = listed(questions)
    if not shown:
        return "no brief written: no questions to write it from"
    prompt = prompts.render("brief", answers=listing(questions, shown, names))

    def check(draft: BriefDraft) -> list[str]:
        return draft_problems(draft, questions, shown, names)

    draft = store.get_brief(prompt) if store is not None else None
    if draft is None or check(draft):  # not kept, or kept under checks that have changed since
        try:
            draft = await ask(
                client, backend, policy, BriefDraft, [{"role": "user", "content": prompt}], usage=usage, check=check
            )
        except ReplayMissError:
            raise
        except Exhausted as error:
            draft = error.answer if isinstance(error.answer, BriefDraft) else None
        except ModelError as error:
            return f"no brief written by the model: {error}"
        else:
            if store is not None:
                store.put_brief(prompt, draft)
    kept = (
        []
        if draft is None
        else [s for s in draft.sentences if s.cites and not sentence_problems(s, questions, shown, names)]
    )
    if not kept:
        return "no brief written by the model: no sentence of its answer passed the checks"
    return Brief(by="model", sentences=[_written(s, questions) for s in kept])


def _written(line: BriefLine, questions: Sequence[Question]) -> BriefSentence:
    cites = []
    for cite in line.cites:
        match = _LABEL.fullmatch(cite.strip())
        assert match is not None  # checked
        cites.append((int(match.group(1)) - 1, string.ascii_uppercase.index(match.group(2))))
    disputed = any(questions[q].status == "disagreement" for q, _ in cites)
    return BriefSentence(text=" ".join(line.text.split()), cites=sorted(set(cites)), disputed=disputed)
