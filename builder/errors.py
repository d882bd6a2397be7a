"""The errors the library raises. Only the CLI and the plugin turn them into messages."""

from __future__ import annotations

from pathlib import Path


class BriefingError(Exception):
    """Base class of every error this package raises on purpose."""


class SourceError(BriefingError):
    """One input file cannot be used; the rest of the corpus still builds.

    The message reads `<path>: what went wrong (how to fix it)`.
    """

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class OutputError(BriefingError):
    """A generated page cannot be written without harming a file the builder does not own."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class ConfigError(BriefingError):
    """A settings file (sources.yml) or option is unusable."""
