"""What the analyses read in one article on its own, before comparing articles.

Each analysis has up to two parts: reading articles one at a time (the sentences,
their words, the date mentions, the quotes and their speakers, the figures and what
they measure, who did what to whom), then comparing across the corpus (claims, quote
and figure groups, the timeline, disagreements, similarity). The first part is a
pure function of one article, so a rebuild keeps it for every article that did not
change (cache.py) and redoes only the comparisons: a newsroom rebuilds as articles
arrive, and reading is most of the work.

`Findings` holds the first part for one article or, joined in corpus order, for a
whole corpus: every field is a tuple in reading order.
"""

from __future__ import annotations

import inspect
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from itertools import chain

from ..model import Article
from . import claims, dates, figures, quotes, relations, sentences, words
from .claims import Candidate
from .dates import DateMention
from .figures import Context, Figure
from .quotes import Quote, Wording
from .relations import Relation
from .sentences import Sentence


@dataclass(frozen=True, slots=True)
class Step:
    """One analysis, or one analysis's reading of an article: the name of its result,
    and the function that makes it. The function's parameters name what it needs:
    `article` (reading) or `corpus` and `found` (comparing), or earlier results.
    `part_of` names the analysis a reading serves, for timings."""

    name: str
    run: Callable[..., object]
    part_of: str = ""

    @property
    def needs(self) -> tuple[str, ...]:
        return tuple(inspect.signature(self.run).parameters)

    @property
    def analysis(self) -> str:
        return self.part_of or self.name


@dataclass(frozen=True, slots=True)
class Findings:
    sentences: tuple[Sentence, ...]
    claimable: tuple[Candidate, ...]  # the sentences that may be claims, with their words
    dates: tuple[DateMention, ...]
    dated_words: tuple[tuple[str, ...], ...]  # the content words of each date's sentence (timeline)
    quotes: tuple[Quote, ...]  # speakers resolved within the article
    quote_wordings: tuple[Wording, ...]  # what grouping compares of each quote
    figures: tuple[Figure, ...]
    contexts: tuple[Context, ...]  # what each figure with a unit is about
    relations: tuple[Relation, ...]


def date_words(dates: Sequence[DateMention]) -> tuple[tuple[str, ...], ...]:
    return tuple(words.content(m.sentence.text) for m in dates)


READING: tuple[Step, ...] = (
    Step("sentences", sentences.in_article),
    Step("claimable", claims.candidates, part_of="claims"),
    Step("dates", dates.in_article),
    Step("dated_words", date_words, part_of="timeline"),
    Step("quotes", quotes.in_article),
    Step("quote_wordings", quotes.wordings, part_of="quotes"),
    Step("figures", figures.in_sentences),
    Step("contexts", figures.contexts, part_of="figures"),
    Step("relations", relations.find_relations),
)


def check(steps: tuple[Step, ...], given: set[str], made: set[str]) -> None:
    """Each step needs only what is `given` and steps before it; the steps make
    exactly the names in `made`."""
    done = set(given)
    for step in steps:
        missing = set(step.needs) - done
        if missing:
            raise RuntimeError(f"analysis {step.name!r} needs {sorted(missing)} before it")
        done.add(step.name)
    if made != done - given:
        raise RuntimeError(f"steps and results differ: {sorted(made ^ (done - given))}")


check(READING, {"article"}, {f.name for f in fields(Findings)})


# What each step needs, looked up once: `inspect.signature` costs more than most
# steps do on one article.
_PLAN = tuple((step, step.needs) for step in READING)


def find(article: Article, spent: dict[str, float] | None = None) -> Findings:
    """Read one article. `spent`, when given, adds up seconds per analysis."""
    results: dict[str, object] = {"article": article}
    for step, needs in _PLAN:
        start = time.perf_counter()
        results[step.name] = step.run(**{name: results[name] for name in needs})
        if spent is not None:
            spent[step.analysis] = spent.get(step.analysis, 0.0) + time.perf_counter() - start
    del results["article"]
    return Findings(**results)  # type: ignore[arg-type]


def join(found: Sequence[Findings]) -> Findings:
    """Articles' findings as one, in the order given (corpus order)."""
    return Findings(*(tuple(chain.from_iterable(getattr(f, field.name) for f in found)) for field in fields(Findings)))
