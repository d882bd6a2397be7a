"""Every name the model finds in the articles' paragraphs, trimmed, with its role.

Headings are left out: scraped subheads are often navigation ("Related", "Read
more") and a link in a heading would land in the table of contents.

What an article gives depends on that article alone (its text, the model, this code),
so it is worked out per article, a Piece, and kept between builds in the build's cache
(the "entities" memo): a newsroom rebuilds as articles arrive, and a build in which
one article changed reads the model's results, and loads the model, for that article
only. Merging aliases and making the index look at the whole corpus: they are made
afresh each time.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from sys import intern

from ..cache import NO_CACHE, Cache, Memo
from ..cache import key as memo_key
from ..model import Article, Corpus, Mention, Paragraph
from ..progress import Progress, no_progress
from . import nlp, roles
from .names import CORPORATE, HONORIFICS, key, split_possessive, trim

# The model's labels that name things a reader looks up. The rest (DATE, MONEY,
# CARDINAL, ...) are quantities. PRODUCT, EVENT, WORK_OF_ART and LAW stay in the
# vote, and in the index only when they earn a place (builder/entities/index.py).
LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})


# A name inside a title: "United States Secretary of Commerce, Howard Lutnick" (seed 003)
# makes "Commerce" no entity of its own; the person's role holds it.
_TITLE_OF_BEFORE = re.compile(
    r"\b(?:[Ss]ecretary|[Mm]inisters?|[Cc]ommissioner|[Uu]ndersecretary|[Ss]ecretary-[Gg]eneral|[Cc]zar|[Tt]sar)"
    r"\s+(?:of|for)\s+(?:the\s+)?$"
)
_POLL_AFTER = re.compile(r"\s+(?:polls?|surveys?|study|studies|report|index|data|research)\b")
_DEMONYM = re.compile(r"(?:an|ans|ese|ish|i|is|ic|ics|ist|ists|ch|ss)$")
# An honorific just before the model's span: it left "Mr" out of "Mr Carney".
_HONORIFIC_BEFORE = re.compile(r"\b(?:" + "|".join(HONORIFICS) + r")\.?\s$", re.IGNORECASE)
_LOWER_WORD = re.compile(r"(?<![\w'])[a-z][a-z'-]*")


@dataclass(frozen=True, slots=True)
class Found:
    """A mention before alias merging: the Mention, and what merging compares."""

    mention: Mention
    name: str  # trimmed name ("Pierre Poilievre")
    seen: str  # with its honorific or title ("Mr Carney"), for the aliases
    key: str  # names.key(name)
    order: int  # position in the corpus: article, paragraph, offset
    weight: float = 1.0  # of its label in the type vote

    @property
    def ballots(self) -> tuple[tuple[str, float], ...]:
        """What this mention puts in the type vote: its label, and PERSON when the text
        gives it a role ("Dominic LeBlanc, Canada's minister of ...", tagged ORG)."""
        label = (self.mention.label, self.weight)
        if self.mention.role and self.mention.label != "PERSON":
            return (label, ("PERSON", 1.0))
        return (label,)


def tally(found: Iterable[Found]) -> dict[str, float]:
    """The ballots of these mentions added up by label: what a vote counts. Summed here
    rather than passed one by one: there are votes per name and per entity, and tens
    of thousands of mentions. (Weights are halves and quarters: sums are exact in any order.)"""
    votes: dict[str, float] = {}
    for f in found:
        for label, weight in f.ballots:
            votes[label] = votes.get(label, 0) + weight
    return votes


# One mention as a Piece keeps it; the article's slug and the mention's place in the
# corpus are added when the corpus is put together (`_found`).
Row = tuple[str, int, int, str, str, tuple[int, int], str, str, str, str, float]
# (anchor, start, end, text, label, sentence, role, name, seen, key, weight)


@dataclass(frozen=True, slots=True)
class Piece:
    """What one article gives the index, whatever the rest of the corpus says: kept
    between builds. Its rows are plain tuples rather than Mentions because tuples
    unpickle many times faster (the whole corpus's pieces are read on each build)."""

    rows: tuple[Row, ...]
    titles: frozenset[str]  # keys of the full names in its title
    notes: tuple[str, ...]  # paragraphs too long to search whole
    # The words it writes in lower case, space-separated: a string loads at once, a set word by word.
    words: str


@dataclass(frozen=True, slots=True)
class Extraction:
    found: list[Found]
    titles: dict[str, frozenset[str]]  # article slug -> keys of the full names in its title
    notes: list[str]  # paragraphs too long to search whole
    # Words the corpus writes in lower case: "store" in "Apple Store" is one (aliases.merge).
    common_words: frozenset[str] = frozenset()


# What runs the model: nlp.parse, or a stand-in for it (benchmarks/entity_scale.py).
Parser = Callable[[str, list[str], Cache, list[str], Progress], Iterable[nlp.Parsed]]


def find(corpus: Corpus, model: str, cache: Cache = NO_CACHE, progress: Progress = no_progress,
         parse: Parser = nlp.parse) -> Extraction:
    """The mentions in the paragraphs; the names in the titles (context, not mentions:
    a title has no anchor to link to). Articles whose result a build kept in `cache` are
    not read again: neither their cached model results nor the model are needed."""
    articles = corpus.articles
    memo: Memo[Piece] = cache.memo("entities")
    # Everything about the article, and the model: its name, version and settings (a
    # new one, a new piece).
    settings = nlp.settings(model)
    keys = [memo_key(a, settings) for a in articles]
    kept = [memo.get(k) for k in keys]
    todo = [a for a, piece in zip(articles, kept, strict=True) if piece is None]
    # (The model's cache file keeps the paragraphs of the articles taken as they were.)
    fresh = iter(_read(todo, model, cache, _texts(articles, kept), progress, parse) if todo else [])
    pieces = [piece if piece is not None else memo.put(k, next(fresh)) for k, piece in zip(keys, kept, strict=True)]
    memo.save()
    return _assemble(articles, pieces)


def _texts(articles: tuple[Article, ...], kept: list[Piece | None]) -> list[str]:
    """The titles and paragraphs of the articles whose pieces were kept."""
    return [text for a, piece in zip(articles, kept, strict=True) if piece is not None
            for text in (a.metadata.title.value, *(p.text for p in a.body))]


def _read(articles: list[Article], model: str, cache: Cache, keep: list[str],
          progress: Progress, parse: Parser) -> list[Piece]:
    """The pieces of articles read afresh. One pass over titles and paragraphs together:
    one batch for the model, one cache file."""
    titles = [a.metadata.title.value for a in articles]
    everything = list(parse(model, [*titles, *(p.text for a in articles for p in a.body)], cache, keep, progress))
    parsed = iter(everything[len(articles):])
    return [_piece(a, title, [next(parsed) for _ in a.body])
            for a, title in zip(articles, everything[:len(articles)], strict=True)]


def _piece(article: Article, title: nlp.Parsed, parsed: list[nlp.Parsed]) -> Piece:
    text = article.metadata.title.value
    names = (trim(text[s.start:s.end], s.label) for s in title.entities if s.label in LABELS)
    titles = frozenset(key(t.name) for t in names if t is not None and " " in t.name)
    rows: list[Row] = []
    notes: list[str] = []
    for paragraph, result in zip(article.body, parsed, strict=True):
        if result.searched < len(paragraph.text):
            notes.append(f"{article.name} ¶{paragraph.number}: {len(paragraph.text):,} characters long; "
                         f"only the first {result.searched:,} were searched for names")
        rows.extend(_rows(paragraph, result))
    words = " ".join(sorted({w for p in article.body for w in _LOWER_WORD.findall(p.text)}))
    return Piece(tuple(rows), titles, tuple(notes), words)


def _rows(paragraph: Paragraph, result: nlp.Parsed) -> Iterator[Row]:
    """The mentions of one paragraph."""
    text = paragraph.text
    for span in (s for entity in result.entities for s in _parts(text, entity)):
        if span.label not in LABELS:
            continue
        label = span.label
        if label == "NORP" and _POLL_AFTER.match(text, span.end) and not _DEMONYM.search(text[span.start:span.end]):
            label = "ORG"  # "an Ipsos poll for Global News" (seed 001): a pollster, not a people
        trimmed = trim(text[span.start:span.end], span.label)
        if trimmed is None or (span.label != "PERSON" and _TITLE_OF_BEFORE.search(text, max(0, span.start - 30), span.start)):
            continue
        start, end = span.start + trimmed.start, span.start + trimmed.end
        sentence = next(((s, e) for s, e in result.sentences if s <= start < e), (0, len(text)))
        role = roles.find(text, span.start, span.end, sentence)
        if trimmed.title and not role:
            role = trimmed.title
        weight = (0.5 if trimmed.possessive else 1.0) * span.weight
        seen = trimmed.seen
        honorific = _HONORIFIC_BEFORE.search(text, max(0, span.start - 12), span.start)
        if honorific and seen == trimmed.name and honorific.group(0)[:1].isupper():
            seen = f"{honorific.group(0).strip()} {trimmed.name}"
        # Interned: a name recurs through the corpus, and the cache file then keeps it once.
        yield (intern(paragraph.anchor), start, end, intern(text[start:end]), intern(label), sentence,
               intern(role), intern(trimmed.name), intern(seen), intern(key(trimmed.name)), weight)


def _assemble(articles: tuple[Article, ...], pieces: list[Piece]) -> Extraction:
    """The corpus's mentions in order (article, paragraph, offset), from its articles' pieces."""
    found: list[Found] = []
    titles: dict[str, frozenset[str]] = {}
    notes: list[str] = []
    for article, piece in zip(articles, pieces, strict=True):
        titles[article.slug] = piece.titles
        notes.extend(piece.notes)
        found.extend(_found(article.slug, piece.rows, len(found)))
    return Extraction(found, titles, notes, frozenset(w for piece in pieces for w in piece.words.split()))


def _found(slug: str, rows: tuple[Row, ...], first: int) -> list[Found]:
    return [
        Found(Mention(article=slug, anchor=anchor, start=start, end=end, text=text, label=label, sentence=sentence,
                      role=role), name, seen, name_key, first + i, weight)
        for i, (anchor, start, end, text, label, sentence, role, name, seen, name_key, weight) in enumerate(rows)
    ]


@dataclass(frozen=True, slots=True)
class _Part:
    start: int
    end: int
    label: str
    weight: float


def _parts(text: str, span: nlp.Span) -> list[_Part]:
    """A span, or its owner and owned when the model read "Bloomberg's Christine Harper"
    as one organisation (news cluster 24). The owned is a person when it looks like a
    person's name; the model did not say so, so its label weighs half."""
    whole = _Part(span.start, span.end, span.label, 1.0)
    if span.label not in ("ORG", "GPE", "NORP"):
        return [whole]  # "Macy's Thanksgiving Day Parade" is one name
    split = split_possessive(text[span.start:span.end])
    if split is None:
        return [whole]
    owner, owned_at = split
    parts = [_Part(span.start, span.start + len(owner), span.label, 1.0)]
    words = text[span.start + owned_at:span.end].split()
    if 2 <= len(words) <= 3 and all(w[:1].isupper() and w.lower().strip(".") not in CORPORATE for w in words):
        parts.append(_Part(span.start + owned_at, span.end, "PERSON", 0.5))
    return parts
