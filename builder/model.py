"""The values passed between stages. All immutable; later stages derive new values.

discover -> read -> RawDocument -> clean -> Cleaned -> metadata -> Article -> Corpus
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, Literal, TypeVar

T = TypeVar("T")

# Tables and code come from saved pages and posts (issue 19); they are shown, never
# analysed: an article's body (`Article.body`) is its paragraphs.
BlockKind = Literal["paragraph", "heading", "table", "code"]


@dataclass(frozen=True, slots=True)
class Sourced(Generic[T]):
    """A value together with where it came from ("front matter `date`", "sign-off", ...)."""

    value: T
    origin: str


@dataclass(frozen=True, slots=True)
class Block:
    """A unit of text as a reader found it, with its source line: a paragraph, a
    heading, a table (`rows` of cells, the first row the header; `text` the rows on
    lines, cells joined by " | ") or code (`text` verbatim, line breaks and all)."""

    text: str
    line: int
    kind: BlockKind = "paragraph"
    rows: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True, slots=True)
class RawDocument:
    """What a reader makes of one file, before cleaning.

    `fields` holds the metadata the format itself carries (front matter, HTML meta
    tags), each with its origin; `extra` keeps unknown front-matter keys as text,
    shown but never trusted; `removed` is what the reader did not make blocks of,
    for the cleaning report.
    """

    path: Path
    name: str
    format: str
    encoding: str
    blocks: tuple[Block, ...]
    fields: dict[str, Sourced[object]] = field(default_factory=dict, hash=False)
    extra: tuple[tuple[str, str], ...] = ()
    removed: tuple[Removal, ...] = ()  # what the reader left out of the blocks (front matter)


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
    number: int  # 1-based position among the article's paragraphs (headings, tables, code: 0)
    rows: tuple[tuple[str, ...], ...] = ()  # a table's cells


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
    title_derived: bool = False  # no headline: the title is made from the first sentence


# Scripts written without spaces between words (Han, kana, Thai, Lao, Myanmar, Khmer),
# where each character counts as a word: a Chinese post of about 430 characters
# (../data/posts/huxpro.github.io) was "5 words" counted by spaces. Korean spaces its words.
_UNSPACED = re.compile("[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf"
                       "\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
# ... and the punctuation written with them (、。「」, full-width ，！？), which is no word.
_UNSPACED_PUNCTUATION = re.compile("[\u3000-\u303f\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]")


def count_words(text: str) -> int:
    """Words separated by spaces, and each character of a script that has no spaces."""
    unspaced = len(_UNSPACED.findall(text))
    if not unspaced:
        return len(text.split())
    return unspaced + len(_UNSPACED_PUNCTUATION.sub(" ", _UNSPACED.sub(" ", text)).split())


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
        return sum(count_words(p.text) for p in self.paragraphs if p.kind == "paragraph")

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


# The entity index (issue 3). Built from a Corpus by builder.entities.index_entities.

EntityType = Literal["person", "organisation", "place", "group", "event", "product", "work", "law"]


@dataclass(frozen=True, slots=True)
class Mention:
    """One place an entity is named: article, paragraph and the characters of the name.

    `start`/`end` index the paragraph's text and cover the name only (no "the", no
    "'s", no title); `sentence` is the span of the sentence around it, for context.
    """

    article: str  # article slug
    anchor: str  # paragraph anchor
    start: int
    end: int
    text: str  # the name as written there
    label: str  # the model's label for this span (PERSON, ORG, GPE, ...)
    sentence: tuple[int, int]
    role: str = ""  # what the text calls it there ("Conservative leader"); "" when nothing


@dataclass(frozen=True, slots=True)
class Role:
    """A role an entity is given, how often, and by whom ("article text" or the editor)."""

    text: str
    count: int
    origin: str


@dataclass(frozen=True, slots=True)
class Entity:
    slug: str
    name: str
    type: EntityType
    type_origin: str  # "vote over N mentions" or "entities.yml"
    aliases: tuple[str, ...]  # other names it was seen under, most frequent first
    roles: tuple[Role, ...]  # most frequent first; the editor's first of all
    mentions: tuple[Mention, ...]  # in corpus order
    labels: tuple[tuple[str, int], ...]  # the model's labels over its mentions, the vote's input
    related: tuple[tuple[str, int], ...] = ()  # (slug, paragraphs shared), most first

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.article for m in self.mentions))


@dataclass(frozen=True, slots=True)
class EntityIndex:
    """Every entity of a corpus. `notes` are things an editor should know (unused
    corrections, names left ambiguous), shown on the index page."""

    entities: tuple[Entity, ...] = ()
    model: str = ""  # the spaCy pipeline used, "name version"
    notes: tuple[str, ...] = ()
