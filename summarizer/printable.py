"""Text fit to show and to store, whatever an article, a file name or a model put in it.

* **Control characters** (C0 but tab and line feed, DEL, C1): a terminal obeys them — ``ESC ] 0 ;``
  retitles the window, ``ESC [ 2 J`` clears the screen — so nothing rendered for a terminal or a text
  file keeps them. JSON escapes them, so the data itself keeps its characters.
* **Lone surrogates** (``"\\ud800"`` in a model's JSON, a file name that is not UTF-8) cannot be
  written as UTF-8 at all; they become U+FFFD wherever text enters a report.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel

Model = TypeVar("Model", bound=BaseModel)

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def paired(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD: encodable as UTF-8."""
    return _SURROGATE.sub("\ufffd", text)


def printable(text: str) -> str:
    """``text`` without control characters (tab and line feed kept) and lone surrogates."""
    return _CONTROL.sub("", paired(text))


def cleaned(model: Model, clean: Callable[[str], str] = paired) -> Model:
    """A copy of ``model`` with ``clean`` applied to every string in it (``paired`` by default); ``model``
    itself when ``clean`` is ``paired`` and it has no lone surrogate."""
    data = model.model_dump()
    # one search over the whole model (its JSON, written as it is: keys included, nothing escaped)
    # instead of a walk of every string: most models have nothing to clean
    if clean is paired and not _SURROGATE.search(json.dumps(data, ensure_ascii=False, default=str)):
        return model
    return type(model).model_validate(each_string(data, clean))


def each_string(value: Any, clean: Callable[[str], str]) -> Any:
    """``value`` (JSON-like data) with ``clean`` applied to every string in it, keys included."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return {each_string(k, clean): each_string(v, clean) for k, v in value.items()}
    if isinstance(value, list):
        return [each_string(v, clean) for v in value]
    return value
