"""Corpus analyses for the briefing and the source comparison (issue 4).

Everything is extractive and cited: every finding carries `Span`s (article slug,
paragraph anchor, characters), and every text shown is a substring of a cleaned
paragraph. Each analysis is a pure function of the corpus and of the results of the
analyses before it in `ANALYSES`; `analyse` runs them in that order:

    sentences -> dates, claims, quotes, figures, relations
              -> timeline (dates + claims), disagreements (all), similarity (claims)

Adding one is a module, a line in `ANALYSES` and a field in `Analysis`.
"""

from __future__ import annotations

import inspect
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, fields

from ..model import Corpus
from .claims import Claims, find_claims
from .dates import DateMention, find_dates
from .disagreements import Disagreement, find_disagreements
from .figures import Figures, find_figures
from .quotes import Quotes, find_quotes
from .relations import Relation, find_relations
from .sentences import Sentence, find_sentences
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


@dataclass(frozen=True, slots=True)
class Step:
    """One analysis: its result's name in `Analysis`, and the function that makes it.
    The function's parameters name what it needs: `corpus` or earlier results."""

    name: str
    run: Callable[..., object]

    @property
    def needs(self) -> tuple[str, ...]:
        return tuple(inspect.signature(self.run).parameters)


ANALYSES: tuple[Step, ...] = (
    Step("sentences", find_sentences),
    Step("dates", find_dates),
    Step("claims", find_claims),
    Step("quotes", find_quotes),
    Step("figures", find_figures),
    Step("relations", find_relations),
    Step("timeline", find_timeline),
    Step("disagreements", find_disagreements),
    Step("similarity", find_pairs),
)


def _check(steps: tuple[Step, ...]) -> None:
    """Each step needs only the corpus and steps before it; every field has a step."""
    done = {"corpus"}
    for step in steps:
        missing = set(step.needs) - done
        if missing:
            raise RuntimeError(f"analysis {step.name!r} needs {sorted(missing)} before it")
        done.add(step.name)
    names = {f.name for f in fields(Analysis)}
    if names != done - {"corpus"}:
        raise RuntimeError(f"ANALYSES and Analysis differ: {sorted(names ^ (done - {'corpus'}))}")


_check(ANALYSES)


def analyse(corpus: Corpus, timings: list[tuple[str, float]] | None = None) -> Analysis:
    """Run every analysis in order. `timings`, when given, receives (name, seconds)."""
    results: dict[str, object] = {"corpus": corpus}
    for step in ANALYSES:
        start = time.perf_counter()
        results[step.name] = step.run(**{name: results[name] for name in step.needs})
        if timings is not None:
            timings.append((step.name, time.perf_counter() - start))
        log.debug("analysis %s: %.2f s", step.name, time.perf_counter() - start)
    del results["corpus"]
    return Analysis(**results)  # type: ignore[arg-type]


__all__ = ["ANALYSES", "Analysis", "Step", "analyse"]
