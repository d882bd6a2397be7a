"""What the analyses read in one article on its own, before comparing articles.

Each analysis has up to two parts: reading articles one at a time (the sentences,
their words, the date mentions, the quotes and their speakers, the figures and what
they measure, who did what to whom), then comparing across the corpus (claims, quote
and figure groups, the timeline, disagreements, similarity). The first part is a
pure function of one article, so a rebuild keeps it for every article that did not
change (the build's "findings" memo) and redoes only the comparisons: a newsroom
rebuilds as articles arrive, and reading is most of the work.

`Findings` holds the first part for one article or, joined in corpus order, for a
whole corpus: every field is a tuple in reading order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from itertools import chain

from ..model import Article
from . import claims, dates, figures, quotes, relations, sentences, words
from .claims import Candidate
from .dates import DateMention
from .figures import Context, Figure
from .quotes import Quote
from .relations import Relation
from .sentences import Sentence
from .timing import Timer


@dataclass(frozen=True, slots=True)
class Findings:
    sentences: tuple[Sentence, ...]
    claimable: tuple[Candidate, ...]  # the sentences that may be claims, with their words
    dates: tuple[DateMention, ...]
    dated_words: tuple[tuple[str, ...], ...]  # the content words of each date's sentence (timeline)
    quotes: tuple[Quote, ...]  # the words that attribute each (speakers.settle resolves them)
    figures: tuple[Figure, ...]
    contexts: tuple[Context, ...]  # what each figure with a unit is about
    relations: tuple[Relation, ...]


def find(article: Article, timer: Timer | None = None) -> Findings:
    """Read one article. `timer`, when given, adds up seconds per analysis."""
    timer = timer or Timer()
    with timer("sentences"):
        found_sentences = sentences.in_article(article)
    with timer("claims"):
        claimable = claims.candidates(found_sentences)
    with timer("dates"):
        found_dates = dates.in_article(article, found_sentences)
    with timer("timeline"):
        dated_words = tuple(words.content(m.sentence.text) for m in found_dates)
    with timer("quotes"):
        found_quotes = quotes.in_article(article, found_sentences)
    with timer("figures"):
        found_figures = figures.in_sentences(found_sentences)
        contexts = figures.contexts(found_figures)
    with timer("relations"):
        found_relations = relations.find_relations(found_sentences)
    return Findings(found_sentences, claimable, found_dates, dated_words, found_quotes, found_figures, contexts,
                    found_relations)


def join(found: Sequence[Findings]) -> Findings:
    """Articles' findings as one, in the order given (corpus order)."""
    return Findings(*(tuple(chain.from_iterable(getattr(f, field.name) for f in found)) for field in fields(Findings)))
