"""How far a long stage is. A stage wraps the items it goes through in a `Progress`
with a label ("Reading articles"); the CLI draws a progress bar on a terminal, and the
plugin and the tests pass none."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol, TypeVar

T = TypeVar("T")


class Progress(Protocol):
    def __call__(self, items: Sequence[T], label: str) -> Iterable[T]: ...


def no_progress(items: Sequence[T], label: str) -> Iterable[T]:
    return items
