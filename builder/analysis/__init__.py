"""Corpus analyses for the briefing and the source comparison (issue 4).

Everything is extractive and cited: every finding carries `Span`s (article slug,
paragraph anchor, characters), and every text shown is a substring of a cleaned
paragraph. The analyses first read each article on its own (findings.py: sentences,
their words, dates, quotes, figures, relations), then compare across the corpus.
Each comparison is a pure function of the corpus, of the articles' findings joined
(`found`) and of the results of the analyses before it in `ANALYSES`; `analyse`
runs them in that order:

    sentences -> dates, claims, quotes, figures, relations
              -> timeline (dates + claims), disagreements (all), similarity (claims)

Adding one is a module, a line in `ANALYSES` (and in `findings.READING` for what it
reads in one article) and a field in `Analysis`.

With a cache folder, the findings of articles read before are kept (cache.py): a
rebuild with one article changed reads that article only.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, fields
from pathlib import Path

from .. import collector
from ..model import Corpus
from . import cache as findings_cache
from .claims import Claims, group_claims
from .dates import DateMention
from .disagreements import Disagreement, find_disagreements
from .figures import Figures, group_figures
from .findings import Findings, Step, check, find, join
from .quotes import Quotes, group_quotes
from .relations import Relation
from .sentences import Sentence
from .similarity import Pair, find_pairs
from .timeline import Timeline, find_timeline

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Analysis:
    sentences: tuple[Sentence, ...]
    dates: tuple[DateMention, ...]
    claims: Claims
    quotes: Quotes
    figures: Figures
    relations: tuple[Relation, ...]
    timeline: Timeline
    disagreements: tuple[Disagreement, ...]
    similarity: tuple[Pair, ...]


ANALYSES: tuple[Step, ...] = (
    Step("sentences", lambda found: found.sentences),
    Step("dates", lambda found: found.dates),
    Step("claims", lambda corpus, found: group_claims(corpus, found.claimable)),
    Step("quotes", lambda corpus, found: group_quotes(corpus, found.quotes, found.quote_wordings)),
    Step("figures", lambda corpus, found: group_figures(corpus, found.figures, found.contexts)),
    Step("relations", lambda found: found.relations),
    Step("timeline", lambda corpus, found, dates, claims: find_timeline(corpus, dates, claims, found.dated_words)),
    Step("disagreements", find_disagreements),
    Step("similarity", find_pairs),
)

check(ANALYSES, {"corpus", "found"}, {f.name for f in fields(Analysis)})


def analyse(
    corpus: Corpus, timings: list[tuple[str, float]] | None = None, cache: Path | None = None
) -> Analysis:
    """Run every analysis in order. `timings`, when given, receives (name, seconds);
    `cache`, when given, is a folder where the articles' findings are kept between
    runs (cache.py)."""
    with collector.off():  # half the time of a rebuild from the cache on BBC
        return _analyse(corpus, timings, cache)


def _analyse(corpus: Corpus, timings: list[tuple[str, float]] | None, cache: Path | None) -> Analysis:
    spent: dict[str, float] = {}
    start = time.perf_counter()
    if cache is None:
        found = join([find(article, spent) for article in corpus.articles])
    else:
        found = findings_cache.find_all(corpus.articles, cache, spent)
    # Joining the findings and, with a cache, reading and writing it.
    overhead = "join" if cache is None else "cache"
    spent[overhead] = time.perf_counter() - start - sum(spent.values())
    results: dict[str, object] = {"corpus": corpus, "found": found}
    for step in ANALYSES:
        start = time.perf_counter()
        results[step.name] = step.run(**{name: results[name] for name in step.needs})
        spent[step.name] = spent.get(step.name, 0.0) + time.perf_counter() - start
        log.debug("analysis %s: %.2f s", step.name, spent[step.name])
    if timings is not None:
        timings.extend((name, spent.get(name, 0.0)) for name in (overhead, *(s.name for s in ANALYSES)))
    del results["corpus"], results["found"]
    return Analysis(**results)  # type: ignore[arg-type]


__all__ = ["ANALYSES", "Analysis", "Findings", "Step", "analyse"]
