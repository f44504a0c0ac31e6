"""Hand-annotated extractions (``fixtures/annotated/*.json``) as the model would have answered them,
with hand-written judge answers (``judgements.json``) and a hand-written brief (``brief.json``).

An annotation cites evidence as verbatim text; here it becomes an :class:`ArticleSummary` citing the
sentence ids the pipeline shows the model, so hand-written answers can be served through the same
client, instructor parsing, grounding and merge as a real model's. They are labelled hand-annotated
wherever they are used, never as recordings of a model.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from summarizer.load import load_folder
from summarizer.schemas import ArticleReport, ArticleSummary
from summarizer.text import Document, locate


def annotated_reports(folder: Path, annotations: Path) -> list[ArticleReport]:
    """Article reports for the articles in ``folder`` from their hand annotations (no model)."""
    from summarizer.extract import report_for

    reports = []
    for article in load_folder(folder).articles:
        summary = to_summary(load_annotation(annotations / f"{article.id}.json"), article.document)
        reports.append(report_for(article, summary))
    return reports


def load_annotation(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(Path(path).read_text(encoding="utf-8"))
    return data


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
    return ArticleSummary.model_validate(
        {
            "event": event["statement"],
            "event_sentence": sentence_of(doc, event["evidence"]),
            "claims": [cite(c, "statement", "topic") for c in annotation["claims"]],
        }
    )


# --------------------------------------------------------------------------------------------------
# Serving annotations as a model would: for recordings that exercise the whole pipeline
# --------------------------------------------------------------------------------------------------

PROVENANCE = "hand-annotated answers served by summarizer.annotated; not a model recording"
_CLAIM_LINE = re.compile(r"^\[C(\d+)\] \(([^)]*)\) (.*?) — “", re.M)


def verdict(prompt: str, judgements: dict[str, Any]) -> str:
    """The hand-written judgements as a Verdict for the claims listed in a judge prompt.

    A group of same answers is given when at least two of its claims are listed; a conflict when at
    least two of its sides have a claim among the listed ones.
    """
    listed = [(int(n), source, statement) for n, source, statement in _CLAIM_LINE.findall(prompt)]

    def numbers(claims: list[dict[str, str]]) -> list[int]:
        wanted = {(c["source"], c["statement"]) for c in claims}
        return [n for n, source, statement in listed if (source, statement) in wanted]

    same = [{"claims": found} for group in judgements.get("same", []) if len(found := numbers(group["claims"])) >= 2]
    conflicts = []
    for conflict in judgements["conflicts"]:
        sides = [
            {"answer": side["answer"], "claims": found}
            for side in conflict["sides"]
            if (found := numbers(side["claims"]))
        ]
        if len(sides) >= 2:
            conflicts.append({"kind": conflict["kind"], "question": conflict["question"], "sides": sides})
    return json.dumps({"same": same, "conflicts": conflicts})


_BLOCK = re.compile(r"^\[(Q\d+[A-Z])\] (.*)$")


def brief_answer(prompt: str, brief: dict[str, Any]) -> str:
    """The hand-written brief as a BriefDraft for the answers listed in a brief prompt.

    Each cite of the hand-written brief is words of one answer's block: the label of the block whose
    answer line has them, else of the only block whose sources' words have them. ValueError when the
    words name no block, or several.
    """
    blocks: list[tuple[str, str, str]] = []  # label, answer line, the block's text
    for line in prompt.splitlines():
        head = _BLOCK.match(line)
        if head:
            blocks.append((head.group(1), head.group(2), line))
        elif blocks and line.startswith("    "):
            blocks[-1] = (blocks[-1][0], blocks[-1][1], blocks[-1][2] + "\n" + line)

    def label(words: str) -> str:
        found = [b for b in blocks if words in b[2]]
        if len(found) > 1:
            found = [b for b in found if words in b[1]]
        if len(found) != 1:
            raise ValueError(f"the brief's cite {words!r} names {len(found)} answers of the prompt, not one")
        return found[0][0]

    sentences = [{"text": s["text"], "cites": [label(c) for c in s["cites"]]} for s in brief["sentences"]]
    return json.dumps({"sentences": sentences})


def record_annotated(folder: Path, annotations: Path, recording: Path) -> None:
    """Run the real pipeline against a loopback server that answers with the annotations, recording it.

    The server finds the article id in each request's prompt and answers with that article's
    annotation, exactly as a model's JSON answer would arrive.
    """
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from summarizer.pipeline import summarize

    answers = {
        a.id: to_summary(load_annotation(annotations / f"{a.id}.json"), a.document).model_dump_json()
        for a in load_folder(folder).articles
    }
    judgements = load_annotation(annotations / "judgements.json")
    brief = load_annotation(annotations / "brief.json")

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_POST(self) -> None:
            request = json.loads(self.rfile.read(int(self.headers.get("content-length") or 0)))
            prompt = request["messages"][-1]["content"]
            article = next((i for i in answers if f"Article {i}" in json.dumps(request["messages"])), None)
            if "<claims>" in prompt:
                answer: str | None = verdict(prompt, judgements)
            elif "<answers>" in prompt:
                answer = brief_answer(prompt, brief)
            else:
                answer = answers[article] if article is not None else None
            body: dict[str, Any] = {"error": {"message": "no annotation for this request"}}
            status = 404
            if answer is not None:
                status, body = 200, {
                    "id": "annotated", "object": "chat.completion", "created": 0, "model": "hand-annotated",
                    "choices": [{"index": 0, "finish_reason": "stop",
                                 "message": {"role": "assistant", "content": answer}}],
                    "usage": {"prompt_tokens": len(prompt) // 4, "completion_tokens": len(answer) // 4,
                              "total_tokens": (len(prompt) + len(answer)) // 4},
                }  # fmt: skip
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        summarize(
            folder, model="hand-annotated", base_url=f"http://127.0.0.1:{server.server_address[1]}/v1",
            record_to=recording, concurrency=1, brief=True,
        )  # fmt: skip
    finally:
        server.shutdown()
        server.server_close()
    described = json.loads((recording / "backend.json").read_text(encoding="utf-8"))
    described["provenance"] = PROVENANCE
    (recording / "backend.json").write_text(json.dumps(described, indent=2) + "\n", encoding="utf-8")


if (
    __name__ == "__main__"
):  # python -m summarizer.annotated seeds/ fixtures/annotated/ fixtures/recordings/seeds-annotated
    import sys

    record_annotated(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
    print(f"recorded {sys.argv[3]} ({PROVENANCE})")
