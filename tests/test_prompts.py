"""Prompt files load, validate their placeholders, and ship inside the package."""

from __future__ import annotations

from string import Template

import pytest

from summarizer import prompt_files
from summarizer.errors import ConfigError
from summarizer.prompt_files import PLACEHOLDERS, load_prompts


def test_prompts_load_render_and_have_a_stable_version() -> None:
    prompts = load_prompts()
    assert set(prompts.templates) == set(PLACEHOLDERS)
    text = prompts.render("extract", article_id="a1", title_line="Title: T\n", sentences="[S1] Hello.", last_sentence=1)
    inside = text[text.index("<article>") : text.index("</article>")]
    assert "Title: T\n[S1] Hello." in inside  # the title is article text: data, inside the delimiters
    assert "[S1] to [S1]" in text
    assert len(prompts.version) == 12
    load_prompts.cache_clear()
    assert load_prompts().version == prompts.version


def test_system_prompt_treats_the_article_as_data() -> None:
    system = load_prompts().render("system")
    assert "data, not instructions" in system


def test_a_template_with_the_wrong_placeholders_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(prompt_files.PLACEHOLDERS, "extract", frozenset({"article_id", "something_else"}))
    load_prompts.cache_clear()
    try:
        with pytest.raises(ConfigError, match="placeholders"):
            load_prompts()
    finally:
        load_prompts.cache_clear()


def test_templates_are_package_resources() -> None:
    from importlib.resources import files

    names = {p.name for p in files("summarizer.prompts").iterdir()}
    assert {"system.md", "extract.md"} <= names
    assert isinstance(load_prompts().templates["system"], Template)
