"""Evidence spans in an article's HTML: every distinct (source, start, end) cited anywhere in a report
gets one id, and the article's text is cut at every span boundary into marked segments.

Evidence spans may overlap or nest. Each article's text is cut at every span boundary into
non-overlapping segments; a segment covered by any span becomes ``<mark data-ev="ID ID …">`` listing
the spans that cover it, so a span is the run of marks carrying its id, and its text is theirs joined.
Every span id is also an element ``id`` (on the span's first mark, or an empty anchor just before it
when several spans start at the same character), so ``#ID`` links work without JavaScript.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape

from markupsafe import Markup

from summarizer.schemas import EventReport, Evidence


@dataclass
class Span:
    id: str
    start: int
    end: int
    labels: list[str] = field(default_factory=list)


class Spans:
    def __init__(self, report: EventReport, texts: dict[str, str]) -> None:
        self.texts = texts
        self.index = {s.source.id: i for i, s in enumerate(report.sources)}
        self.by_source: dict[str, dict[tuple[int, int], Span]] = {}

    def register(self, evidence: Evidence, label: str) -> Span | None:
        """The span for ``evidence``, or None when the article text does not have it at those offsets."""
        text = self.texts.get(evidence.source)
        if (
            text is None
            or evidence.source not in self.index
            or not 0 <= evidence.start < evidence.end <= len(text)
            or text[evidence.start : evidence.end] != evidence.text
        ):
            return None
        spans = self.by_source.setdefault(evidence.source, {})
        key = (evidence.start, evidence.end)
        if key not in spans:
            spans[key] = Span(f"ev-{self.index[evidence.source]}-{evidence.start}-{evidence.end}", *key)
        span = spans[key]
        if label not in span.labels:
            span.labels.append(label)
        return span


def marked(text: str, spans: Iterable[Span]) -> Markup:
    """``text`` escaped, cut into segments at every span boundary, covered segments wrapped in <mark>.

    The one piece of HTML made in Python: the cutting has to be done here anyway, and writing the
    segments out through a template loop took 2.5 times as long (12 ms against 5 for the five seeds).
    Every piece of text is escaped here, so the result is marked safe.
    """
    spans = sorted(spans, key=lambda s: (s.start, -s.end))
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out = []
    for a, b in itertools.pairwise(cuts):
        covering = [s for s in spans if s.start <= a and b <= s.end]
        chunk = escape(text[a:b])
        if not covering:
            out.append(chunk)
            continue
        starting = [s for s in covering if s.start == a]  # outermost first
        anchors = "".join(f'<span class="anchor" id="{s.id}"></span>' for s in starting[1:])
        ident = f' id="{starting[0].id}"' if starting else ""
        labels = [label for s in covering for label in s.labels]
        tip = "\n".join(labels[:6]) + (f"\n… and {len(labels) - 6} more" if len(labels) > 6 else "")
        depth = min(len(covering), 3)
        out.append(
            f'{anchors}<mark{ident} class="d{depth}" data-ev="{" ".join(s.id for s in covering)}" '
            f'title="{escape(tip)}">{chunk}</mark>'
        )
    return Markup("".join(out))
