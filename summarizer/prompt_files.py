"""Prompt templates: plain files in ``prompts/``, shipped in the wheel as ``summarizer.prompts``.

Each template is a :class:`string.Template`; loading checks that it uses exactly the placeholders the
code fills, so an edited prompt fails at load time rather than at a model call. The prompt version —
a hash of every template — goes into cache keys and the report.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from string import Template

from summarizer.errors import ConfigError

# template name → the placeholders it must use, no more and no fewer
PLACEHOLDERS: dict[str, frozenset[str]] = {
    "system": frozenset(),
    "extract": frozenset({"article_id", "title_line", "sentences", "last_sentence"}),
    "judge": frozenset({"claims", "last_claim"}),
    "reask": frozenset({"problems"}),
    "brief": frozenset({"answers"}),
    "fix": frozenset({"problems"}),
}


@dataclass(frozen=True)
class Prompts:
    templates: dict[str, Template]
    version: str

    def render(self, name: str, **values: object) -> str:
        return self.templates[name].substitute(values)


@cache
def load_prompts() -> Prompts:
    """Read and validate every template."""
    root = files("summarizer.prompts")
    templates: dict[str, Template] = {}
    digest = hashlib.sha256()
    for name, expected in PLACEHOLDERS.items():
        resource = root / f"{name}.md"
        if not resource.is_file():
            raise ConfigError(f"prompt file missing: prompts/{name}.md")
        text = resource.read_text(encoding="utf-8").strip() + "\n"
        template = Template(text)
        if not template.is_valid():
            raise ConfigError(f"prompts/{name}.md: invalid placeholder syntax (write $$ for a dollar sign)")
        used = set(template.get_identifiers())
        if used != expected:
            raise ConfigError(f"prompts/{name}.md: placeholders {sorted(used)} but the code fills {sorted(expected)}")
        templates[name] = template
        digest.update(name.encode() + b"\0" + text.encode())
    return Prompts(templates, digest.hexdigest()[:12])
