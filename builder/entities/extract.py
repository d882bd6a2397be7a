"""Every name the model finds in the articles' paragraphs, trimmed, with its role.

Headings are left out: scraped subheads are often navigation ("Related", "Read
more") and a link in a heading would land in the table of contents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..model import Corpus, Mention
from . import nlp, roles
from .names import CORPORATE, HONORIFICS, key, split_possessive, trim

# The model's labels that name things a reader looks up. The rest (DATE, MONEY,
# CARDINAL, ...) are quantities. PRODUCT, EVENT, WORK_OF_ART and LAW stay in the
# vote, and in the index only when they earn a place (builder/entities/index.py).
LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})


# An honorific just before the model's span: it left "Mr" out of "Mr Carney".
_HONORIFIC_BEFORE = re.compile(r"\b(?:" + "|".join(HONORIFICS) + r")\.?\s$", re.IGNORECASE)


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


@dataclass(frozen=True, slots=True)
class Extraction:
    found: list[Found]
    titles: dict[str, frozenset[str]]  # article slug -> keys of the full names in its title
    notes: list[str]  # paragraphs too long to search whole


def find(corpus: Corpus, model: str, cache: Path | None = None) -> Extraction:
    """The mentions in the paragraphs; the names in the titles (context, not mentions:
    a title has no anchor to link to)."""
    titles: dict[str, frozenset[str]] = {}
    paragraphs = [(a, p) for a in corpus.articles for p in a.body]
    # One pass over titles and paragraphs together: one batch for the model, one cache file.
    everything = list(nlp.parse(model, [*(a.metadata.title.value for a in corpus.articles),
                                        *(p.text for _, p in paragraphs)], cache))
    parsed_titles, parsed = everything[: len(corpus.articles)], everything[len(corpus.articles):]
    for article, result in zip(corpus.articles, parsed_titles, strict=True):
        text = article.metadata.title.value
        names = (trim(text[s.start:s.end], s.label) for s in result.entities if s.label in LABELS)
        titles[article.slug] = frozenset(key(t.name) for t in names if t is not None and " " in t.name)
    out: list[Found] = []
    notes: list[str] = []
    for (article, paragraph), result in zip(paragraphs, parsed, strict=True):
        slug, text = article.slug, paragraph.text
        if result.searched < len(text):
            notes.append(f"{article.name} ¶{paragraph.number}: {len(text):,} characters long; "
                         f"only the first {result.searched:,} were searched for names")
        for span in (s for entity in result.entities for s in _parts(text, entity)):
            if span.label not in LABELS:
                continue
            trimmed = trim(text[span.start:span.end], span.label)
            if trimmed is None:
                continue
            start, end = span.start + trimmed.start, span.start + trimmed.end
            sentence = next(((s, e) for s, e in result.sentences if s <= start < e), (0, len(text)))
            role = roles.find(text, span.start, span.end, sentence)
            if trimmed.title and not role:
                role = trimmed.title
            mention = Mention(
                article=slug, anchor=paragraph.anchor, start=start, end=end, text=text[start:end],
                label=span.label, sentence=sentence, role=role,
            )
            weight = (0.5 if trimmed.possessive else 1.0) * span.weight
            seen = trimmed.seen
            honorific = _HONORIFIC_BEFORE.search(text, max(0, span.start - 12), span.start)
            if honorific and seen == trimmed.name and honorific.group(0)[:1].isupper():
                seen = f"{honorific.group(0).strip()} {trimmed.name}"
            out.append(Found(mention, trimmed.name, seen, key(trimmed.name), len(out), weight))
    return Extraction(out, titles, notes)


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
