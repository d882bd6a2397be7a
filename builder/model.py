"""The values passed between stages. All immutable; later stages derive new values.

discover -> read -> RawDocument -> clean -> Cleaned -> metadata -> Article -> Corpus
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, Literal, TypeVar

T = TypeVar("T")

BlockKind = Literal["paragraph", "heading"]


@dataclass(frozen=True, slots=True)
class Sourced(Generic[T]):
    """A value together with where it came from ("front matter `date`", "sign-off", ...)."""

    value: T
    origin: str


@dataclass(frozen=True, slots=True)
class Block:
    """A unit of text as a reader found it: a paragraph or a heading, with its source line."""

    text: str
    line: int
    kind: BlockKind = "paragraph"


@dataclass(frozen=True, slots=True)
class RawDocument:
    """What a reader makes of one file, before cleaning.

    `fields` holds the metadata the format itself carries (front matter, HTML meta
    tags), each with its origin; `extra` keeps unknown front-matter keys as text,
    shown but never trusted.
    """

    path: Path
    name: str
    format: str
    encoding: str
    blocks: tuple[Block, ...]
    fields: dict[str, Sourced[object]] = field(default_factory=dict, hash=False)
    extra: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Removal:
    """A piece of text cleaning took out, with the rule that did it and why."""

    text: str
    rule: str
    reason: str
    line: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A kept block of an article, with the anchor id other pages cite it by."""

    anchor: str
    text: str
    kind: BlockKind
    number: int  # 1-based position among the article's paragraphs (headings excluded: 0)


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The body after cleaning, and what cleaning learnt on the way (dateline, sign-off...)."""

    blocks: tuple[Block, ...]
    removed: tuple[Removal, ...]
    found: dict[str, Sourced[object]] = field(default_factory=dict, hash=False)


@dataclass(frozen=True, slots=True)
class Metadata:
    """An article's metadata. `None` means unknown, and the page says so."""

    title: Sourced[str]
    outlet: Sourced[str] | None
    author: Sourced[str] | None
    date: Sourced[dt.date] | None
    dateline: Sourced[str] | None
    url: Sourced[str] | None
    description: Sourced[str] | None
    tags: tuple[str, ...]
    categories: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Article:
    slug: str
    source: Path
    name: str  # file name relative to the seeds folder, as shown to people
    format: str
    encoding: str
    metadata: Metadata
    paragraphs: tuple[Paragraph, ...]
    removed: tuple[Removal, ...]
    extra: tuple[tuple[str, str], ...]

    @property
    def words(self) -> int:
        return sum(len(p.text.split()) for p in self.paragraphs if p.kind == "paragraph")

    @property
    def body(self) -> tuple[Paragraph, ...]:
        return tuple(p for p in self.paragraphs if p.kind == "paragraph")


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file that did not become an article, and the one-line reason."""

    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Corpus:
    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]
    build_date: dt.date
