"""The committed JSON Schemas match the models, and the extraction schema bounds a small model."""

from __future__ import annotations

import json

from helpers import ROOT

from summarizer.schemas import EXPORTED, ArticleSummary, json_schemas


def test_committed_schemas_match_the_models() -> None:
    for name, text in json_schemas().items():
        committed = ROOT / "schemas" / name
        assert committed.is_file(), f"schemas/{name} missing: run python -m summarizer.schemas"
        assert committed.read_text(encoding="utf-8") == text, (
            f"schemas/{name} drifted from the models: run python -m summarizer.schemas"
        )


def test_every_field_is_described() -> None:
    """Descriptions are part of the prompt and the docs: no field goes without one."""
    for model in EXPORTED.values():
        schema = model.model_json_schema()
        for definition in [schema, *schema.get("$defs", {}).values()]:
            for name, prop in definition.get("properties", {}).items():
                assert prop.get("description"), f"{definition.get('title')}.{name} has no description"


def test_extraction_schema_bounds_every_string_and_list() -> None:
    """Without maxLength/maxItems a small model can loop until max_tokens."""
    schema = ArticleSummary.model_json_schema()

    def walk(node: object, path: str) -> None:
        if isinstance(node, dict):
            if node.get("type") == "string" and "enum" not in node and "const" not in node:
                assert "maxLength" in node, f"{path} is an unbounded string"
            if node.get("type") == "array":
                assert "maxItems" in node, f"{path} is an unbounded list"
            for key, value in node.items():
                walk(value, f"{path}.{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{path}[{i}]")

    walk(schema, "ArticleSummary")
    assert json.dumps(schema)  # serializable as sent in response_format
