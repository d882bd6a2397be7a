"""Sentences of every article, with their spans: the unit claims, figures and dates
are read in. Where a sentence ends is the corpus stage's rule (corpus/sentences.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..corpus.sentences import split
from ..model import Article, Corpus
from .spans import Span


@dataclass(frozen=True, slots=True)
class Sentence:
    span: Span
    position: int  # 0-based among its article's sentences: lead sentences come first


def in_article(article: Article) -> tuple[Sentence, ...]:
    """Every sentence of an article's body (headings left out: scraped subheads are
    often navigation), in order."""
    out: list[Sentence] = []
    for paragraph in article.body:
        for start, end in split(paragraph.text):
            out.append(Sentence(Span.of(article.slug, paragraph, start, end), len(out)))
    return tuple(out)


def find_sentences(corpus: Corpus) -> tuple[Sentence, ...]:
    """Every sentence of every article, in corpus order."""
    return tuple(s for article in corpus.articles for s in in_article(article))


def by_article(corpus: Corpus, sentences: Iterable[Sentence]) -> list[tuple[Article, list[Sentence]]]:
    """Each article of the corpus with its sentences among `sentences`: for the
    analyses read article by article, given a corpus's sentences."""
    mine: dict[str, list[Sentence]] = {a.slug: [] for a in corpus.articles}
    for s in sentences:
        mine[s.span.article].append(s)
    return [(a, mine[a.slug]) for a in corpus.articles]
