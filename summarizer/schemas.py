"""What a summary is.

Two families of models live here:

* **Extraction models** (``ArticleSummary`` and its parts) are what the model is asked to fill, once
  per article. Their field descriptions are part of the prompt, and every item cites the numbered
  sentence ``[S#]`` of the article that supports it. Lengths and list sizes are bounded so that a small
  local model cannot loop until ``max_tokens``.
* **Report models** (``EventReport`` and its parts) are what the tool returns: every item carries an
  :class:`Evidence` span whose ``text`` is exactly ``article[start:end]``.

``python -m summarizer.schemas`` writes both JSON Schemas to ``schemas/``; a test fails when the files
drift from the models.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "4"

# The kinds of item a model proposes; ``summarizer.ground.KINDS`` maps each to its grounding rule.
ItemKind = Literal["event", "claim"]

# How an item's words were found in its article (``summarizer.text.locate_how``), or "sentence" for a
# claim or event, which is grounded on the whole sentence it cites.
MatchKind = Literal["exact", "folded", "fuzzy", "sentence"]

SentenceId = Annotated[int, Field(ge=1, description="Number of the sentence [S#] that supports this item.")]


# --------------------------------------------------------------------------------------------------
# Extraction: what the model fills for one article
# --------------------------------------------------------------------------------------------------


class Claim(BaseModel):
    """One fact the article asserts."""

    statement: str = Field(
        min_length=3, max_length=300, description="The fact in one short plain sentence, in your own words."
    )
    topic: str = Field(
        min_length=3,
        max_length=120,
        description="The question this fact answers, e.g. 'Where did Putin go after the meeting?'.",
    )
    sentence: SentenceId


class FixedClaim(Claim):
    """A corrected claim, naming the claim it replaces."""

    number: int = Field(ge=0, description="The number of the claim it replaces (claims[NUMBER]).")


class ArticleSummary(BaseModel):
    """What one article says that needs reading to find: its event and its key facts, each citing its
    sentence. Quotations, numbers, dates and names are found by rules (``summarizer.rules``)."""

    event: str = Field(min_length=3, max_length=300, description="What happened, in one sentence.")
    event_sentence: SentenceId
    claims: list[Claim] = Field(
        default_factory=list,
        max_length=16,
        description="The key facts, the ones another outlet might report differently (times, places, who said what).",
    )


class ClaimFixes(BaseModel):
    """Corrections of the items a check found wrong: each replaces the item of the same number."""

    event: str | None = Field(default=None, min_length=3, max_length=300, description="The event, corrected.")
    event_sentence: int | None = Field(default=None, ge=1, description="Its sentence number, corrected.")
    claims: list[FixedClaim] = Field(default_factory=list, max_length=16, description="The claims, corrected.")


class VerdictSide(BaseModel):
    """One answer to a disputed question and the claims that give it."""

    answer: str = Field(min_length=1, max_length=200, description="The answer these claims give, in a few words.")
    claims: list[Annotated[int, Field(ge=1)]] = Field(
        min_length=1, max_length=20, description="Numbers of the claims [C#] that give this answer."
    )


class Conflict(BaseModel):
    """A question the claims answer in ways that cannot all be true."""

    kind: Literal["contradiction", "numeric", "date"] = Field(
        description="contradiction, or numeric / date when the answers are different numbers or dates."
    )
    question: str = Field(min_length=3, max_length=200, description="The question the sides answer differently.")
    sides: list[VerdictSide] = Field(min_length=2, max_length=4, description="The incompatible answers.")


class SameAnswer(BaseModel):
    """Claims that give the same answer to the same question, whatever their wording."""

    claims: list[Annotated[int, Field(ge=1)]] = Field(
        min_length=2, max_length=30, description="Numbers of the claims [C#] that give this one answer."
    )


class Verdict(BaseModel):
    """How the claims of one group, from several sources, agree and conflict."""

    same: list[SameAnswer] = Field(
        default_factory=list,
        max_length=30,
        description=(
            "Groups of claims that answer one question the same way, even in other words, other units or "
            "with more or less detail. Leave a claim out when no other claim gives its answer."
        ),
    )
    conflicts: list[Conflict] = Field(
        default_factory=list,
        max_length=10,
        description=(
            "Only answers that cannot all be true. Not differences of detail, wording or precision, "
            "and not one source reporting something another leaves out."
        ),
    )


class BriefLine(BaseModel):
    """One sentence of the summary and the answers it rests on."""

    text: str = Field(min_length=10, max_length=400, description="One sentence, using only the cited answers.")
    cites: list[str] = Field(
        default_factory=list, max_length=8, description="Labels of the answers it rests on, e.g. ['Q2A', 'Q5B']."
    )


class BriefDraft(BaseModel):
    """A short summary of the event, each sentence citing the answers it rests on."""

    sentences: list[BriefLine] = Field(min_length=1, max_length=6, description="3 to 6 sentences, main first.")


# --------------------------------------------------------------------------------------------------
# Report: what the tool returns
# --------------------------------------------------------------------------------------------------


class Evidence(BaseModel):
    """An exact span of one article: ``article.text[start:end] == text``."""

    source: str = Field(description="Id of the article the span is in.")
    start: int = Field(ge=0, description="Offset of the first character of the span.")
    end: int = Field(ge=0, description="Offset one past the last character of the span.")
    text: str = Field(description="The article's characters from start to end.")
    match: MatchKind = Field(
        default="exact",
        description="How the item's words were found: exact (as written), folded (equal once case, typographic "
        "quotes, dashes and spacing are ignored), fuzzy (a near match, see score), or sentence (a claim or event, "
        "whose cited sentence says what it asserts: its names, numbers, dates and negations).",
    )
    score: float | None = Field(
        default=None, ge=0, le=100, description="fuzzy: the alignment score, 0-100. sentence: the percentage of "
        "the statement's content words the sentence has. Otherwise null.",
    )  # fmt: skip


class GroundedClaim(BaseModel):
    """A claim with the span that supports it."""

    statement: str = Field(description="The fact as the model phrased it.")
    topic: str = Field(description="The question the fact answers.")
    evidence: Evidence = Field(description="Where the article says it.")


class GroundedQuote(BaseModel):
    """A quotation found in the article."""

    speaker: str = Field(description="Who said it.")
    text: str = Field(description="The quoted words as the article has them.")
    evidence: Evidence = Field(description="The quotation in the article.")


class GroundedFigure(BaseModel):
    """A number found in the article."""

    value: str = Field(description="The number as written.")
    about: str = Field(description="What it counts or measures.")
    evidence: Evidence = Field(description="The number in the article.")


class GroundedDate(BaseModel):
    """A date expression found in the article, resolved where possible."""

    text: str = Field(description="The date words as written.")
    event: str = Field(description="What happens then.")
    resolved: str | None = Field(default=None, description="ISO date at the words' precision: YYYY[-MM[-DD]].")
    evidence: Evidence = Field(description="The date words in the article.")


class GroundedEntity(BaseModel):
    """A named person, organisation or place found in the article."""

    name: str = Field(description="The canonical name, shared by its spelling variants.")
    kind: str = Field(description="person, organization or place.")
    role: str = Field(default="", description="Role in the event.")
    aliases: list[str] = Field(default_factory=list, description="Other spellings seen for this entity.")
    evidence: Evidence = Field(description="The name in the article.")


class Dropped(BaseModel):
    """An item the model proposed that could not be grounded, and so is not shown as fact."""

    kind: ItemKind = Field(description="What sort of item it was.")
    content: str = Field(description="What the model proposed.")
    reason: str = Field(description="Why it was dropped.")


class MatchCounts(BaseModel):
    """How the spans of the grounded items were found, by kind of match."""

    exact: int = Field(default=0, ge=0, description="Words found as written.")
    folded: int = Field(default=0, ge=0, description="Words found once case, quotes, dashes and spacing are folded.")
    fuzzy: int = Field(default=0, ge=0, description="Words found only as a near match.")
    sentence: int = Field(default=0, ge=0, description="Claims and events grounded on their whole cited sentence.")


class Grounding(BaseModel):
    """How much of what the model proposed could be traced to the article."""

    proposed: int = Field(ge=0, description="Items the model proposed.")
    grounded: int = Field(ge=0, description="Items kept, each with its span.")
    dropped: int = Field(ge=0, description="Items dropped as ungrounded.")
    matches: MatchCounts = Field(default_factory=MatchCounts, description="Grounded items by how they matched.")

    @property
    def rate(self) -> float:
        return self.grounded / self.proposed if self.proposed else 1.0


class Usage(BaseModel):
    """Tokens and calls spent on one article."""

    calls: int = Field(default=0, ge=0, description="Model requests sent, re-asks and retries included.")
    prompt_tokens: int = Field(default=0, ge=0, description="Prompt tokens billed, as the server reported them.")
    completion_tokens: int = Field(default=0, ge=0, description="Completion tokens billed, as reported.")
    unreported_calls: int = Field(
        default=0, ge=0, description="Requests whose tokens are unknown: abandoned by a timeout, a dropped "
        "connection or an error status, or answered without usage. The token counts leave them out.",
    )  # fmt: skip


class SourceInfo(BaseModel):
    """One input article and what is known of it."""

    id: str = Field(description="Short id, unique in the run: the file name without extension (with it when "
                    "two files share a stem), or a page's host and path.")  # fmt: skip
    path: str = Field(description="Path of the file, or the URL, as given.")
    sha256: str = Field(description="Hash of the article text.")
    chars: int = Field(ge=0, description="Length of the article text.")
    title: str | None = Field(default=None, description="Headline, if found.")
    outlet: str | None = Field(default=None, description="Publisher: from a sources list, the page or the text.")
    author: str | None = Field(default=None, description="Author: from a sources list, the page or the text.")
    published: str | None = Field(default=None, description="Publication date as ISO, if found.")
    url: str | None = Field(default=None, description="Where it was published or fetched from, if known.")
    language: str | None = Field(default=None, description="Language of the text (ISO 639-1), as detected.")
    text: str | None = Field(default=None, description="The text itself, for a fetched page (no file to re-read).")
    warnings: list[str] = Field(default_factory=list, description="What was noticed reading it: bytes replaced, …")


class ArticleReport(BaseModel):
    """The grounded extraction of one article."""

    source: SourceInfo = Field(description="Which article this is.")
    event: GroundedClaim | None = Field(default=None, description="What happened, per this article.")
    entities: list[GroundedEntity] = Field(default_factory=list, description="Who and where.")
    claims: list[GroundedClaim] = Field(default_factory=list, description="Key facts.")
    quotes: list[GroundedQuote] = Field(default_factory=list, description="Quotations.")
    numbers: list[GroundedFigure] = Field(default_factory=list, description="Numbers.")
    dates: list[GroundedDate] = Field(default_factory=list, description="Dates.")
    dropped: list[Dropped] = Field(default_factory=list, description="Ungrounded proposals, not shown as fact.")
    grounding: Grounding = Field(description="Items proposed, grounded and dropped.")
    usage: Usage = Field(default_factory=Usage, description="Model calls and tokens.")
    cached: bool = Field(default=False, description="From the cache: no model call in this run; usage as made.")


class Statement(BaseModel):
    """One source's words for an answer: a claim, a quotation or a date mention, with its span."""

    text: str = Field(description="The claim as its source's extraction states it, the quote, or the date words.")
    evidence: Evidence = Field(description="Where the source says it.")


class Answer(BaseModel):
    """One answer to a question, and every source that gives it (each counted once)."""

    answer: str = Field(description="The answer as one of its sources states it.")
    sources: list[str] = Field(description="Ids of the sources giving this answer, each once.")
    statements: list[Statement] = Field(description="Every statement of this answer; a source may have several.")


QuestionStatus = Literal["consensus", "partial", "disagreement"]
DisagreementKind = Literal["contradiction", "quote_wording", "numeric", "date"]


class Question(BaseModel):
    """A question the sources answer, with every answer they give.

    *consensus*: one answer is given by at least half of the sources (two or more) and no answer
    conflicts with another; *disagreement*: two answers cannot both be true; *partial*: the rest.
    """

    question: str = Field(description="What is being asked, as one source's claim frames it.")
    status: QuestionStatus = Field(description="consensus, partial or disagreement (see the model's description).")
    kind: DisagreementKind | None = Field(
        default=None, description="For a disagreement: contradiction, quote_wording (one speaker), numeric or date."
    )
    answers: list[Answer] = Field(min_length=1, description="The answers, the most reported first.")
    conflicts: list[tuple[int, int]] = Field(
        default_factory=list, description="Pairs of answers (indices into answers) that cannot both be true."
    )
    decided_by: Literal["rules", "judge"] = Field(default="rules", description="Who split the answers: judge or rules.")


class BriefSentence(BaseModel):
    """A sentence of the brief and the answers it rests on."""

    text: str = Field(description="The sentence.")
    cites: list[tuple[int, int]] = Field(description="The answers it rests on: (question, answer) indices.")
    disputed: bool = Field(default=False, description="It states a disagreement: it cites sides of one.")


class Brief(BaseModel):
    """A short account of the event, each sentence citing the answers it rests on."""

    by: Literal["model", "rules"] = Field(description="Written by the model, or assembled from the answers.")
    sentences: list[BriefSentence] = Field(description="The brief, sentence by sentence.")


class Problem(BaseModel):
    """A file or article that did not make it into the report, and why."""

    path: str = Field(description="The file concerned.")
    reason: str = Field(description="One line on what went wrong.")


class RunInfo(BaseModel):
    """What produced the report."""

    backend: str = Field(description="embedded, openai, compatible or replay.")
    model: str = Field(description="Model name or GGUF file.")
    mode: str = Field(description="instructor mode used.")
    base_url: str | None = Field(default=None, description="Server the requests went to, if any.")
    prompt_version: str = Field(description="Hash of the prompt files.")
    schema_version: str = Field(description="Version of these models.")
    tool_version: str = Field(description="Version of summarizer.")
    embedder: str = Field(default="", description="The embedding model that compared the claims by meaning.")


class EventReport(BaseModel):
    """One event as told by several sources: what they agree on and where they differ."""

    model_config = ConfigDict(title="EventReport")

    event: str = Field(description="The event in one sentence, from the sources' own descriptions.")
    brief: Brief | None = Field(default=None, description="A short account of the event, citing its answers.")
    sources: list[ArticleReport] = Field(description="Per-article grounded extractions.")
    questions: list[Question] = Field(description="What the sources answer: disagreements, consensus, then partial.")
    failed: list[Problem] = Field(default_factory=list, description="Articles the model could not process.")
    skipped: list[Problem] = Field(default_factory=list, description="Files not read, with the reason.")
    notes: list[str] = Field(default_factory=list, description="Other problems met, e.g. a group not judged.")
    judge_usage: Usage = Field(default_factory=Usage, description="Calls and tokens spent judging (and on the brief).")
    run: RunInfo = Field(description="Backend, model and versions.")

    @property
    def disagreements(self) -> list[Question]:
        return [q for q in self.questions if q.status == "disagreement"]

    @property
    def consensus(self) -> list[Question]:
        return [q for q in self.questions if q.status == "consensus"]

    @property
    def partial(self) -> list[Question]:
        return [q for q in self.questions if q.status == "partial"]


# --------------------------------------------------------------------------------------------------
# Export
# --------------------------------------------------------------------------------------------------

EXPORTED: dict[str, type[BaseModel]] = {
    "article_summary.json": ArticleSummary,
    "brief.json": BriefDraft,
    "event_report.json": EventReport,
    "verdict.json": Verdict,
}


def json_schemas() -> dict[str, str]:
    """The committed schema files, by name, as text."""
    return {n: json.dumps(m.model_json_schema(), indent=2, ensure_ascii=False) + "\n" for n, m in EXPORTED.items()}


def export(directory: Path) -> list[Path]:
    """Write every exported schema into ``directory``; returns the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in json_schemas().items():
        (directory / name).write_text(text, encoding="utf-8")
    return [directory / name for name in EXPORTED]


if __name__ == "__main__":  # python -m summarizer.schemas [DIR]
    import sys

    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "schemas"
    for path in export(target):
        print(path)
