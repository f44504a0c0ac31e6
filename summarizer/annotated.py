"""Hand-annotated extractions (``fixtures/annotated/*.json``) as the model would have answered them.

An annotation cites evidence as verbatim text; here it becomes an :class:`ArticleSummary` citing the
sentence ids the pipeline shows the model, so hand-written answers can be served through the same
client, instructor parsing, grounding and merge as a real model's. They are labelled hand-annotated
wherever they are used, never as recordings of a model.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from summarizer.ground import Document, locate
from summarizer.load import load_folder
from summarizer.schemas import ArticleReport, ArticleSummary


def annotated_reports(folder: Path, annotations: Path) -> list[ArticleReport]:
    """Article reports for the articles in ``folder`` from their hand annotations (no model)."""
    from summarizer.extract import report_for

    reports = []
    for article in load_folder(folder).articles:
        summary = to_summary(load_annotation(annotations / f"{article.id}.json"), article.document)
        reports.append(report_for(article, summary))
    return reports


def load_annotation(path: Path) -> dict[str, Any]:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def sentence_of(doc: Document, evidence: str) -> int:
    """The id of the sentence where ``evidence`` starts; ValueError if it is not in the article."""
    span = locate(doc.text, evidence)
    if span is None:
        raise ValueError(f"{doc.id}: evidence not in the article: {evidence[:60]!r}")
    sentence = doc.sentence_at(span[0])
    if sentence is None:
        raise ValueError(f"{doc.id}: evidence is in page furniture, not a sentence: {evidence[:60]!r}")
    return sentence.id


def to_summary(annotation: dict[str, Any], doc: Document) -> ArticleSummary:
    """The annotation as an extraction answer, with sentence ids for this document."""

    def cite(item: dict[str, Any], *fields: str) -> dict[str, Any]:
        return {f: item[f] for f in fields} | {"sentence": sentence_of(doc, item["evidence"])}

    event = annotation["event"]
    return ArticleSummary(
        event=event["statement"],
        event_sentence=sentence_of(doc, event["evidence"]),
        entities=[cite(e, "name", "kind", "role") for e in annotation["entities"]],
        claims=[cite(c, "statement", "topic") for c in annotation["claims"]],
        quotes=[cite(q, "speaker", "text") for q in annotation["quotes"]],
        numbers=[cite(n, "value", "about") for n in annotation["numbers"]],
        dates=[cite(d, "text", "event") for d in annotation["dates"]],
    )
