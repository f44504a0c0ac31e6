"""One rooted error hierarchy.

Everything the library raises on purpose is a :class:`SummarizerError`. The CLI turns it into a
one-line message and an exit code; a pipeline can catch the branch it cares about.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class SummarizerError(Exception):
    """Root of every error this package raises deliberately."""

    exit_code = 1


class ConfigError(SummarizerError):
    """The backend, model, options or environment are not usable as given."""

    exit_code = 2


class InputError(SummarizerError):
    """The articles cannot be read: missing folder, nothing readable in it, …"""

    exit_code = 3


class OutputError(SummarizerError):
    """The report could not be written where it was asked for: a full disk, a closed output, …"""

    exit_code = 6


@dataclass
class ModelError(SummarizerError):
    """The model could not produce a usable answer after bounded retries.

    Carries what a user needs to see why: how many attempts were made, the last raw response
    (truncated) and the tokens spent.
    """

    message: str
    attempts: int = 0
    last_response: str | None = None
    usage: dict[str, int] = field(default_factory=dict)

    exit_code = 4

    def __post_init__(self) -> None:
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message


class ReplayMissError(ModelError):
    """Replay mode met a request that has no recording."""
