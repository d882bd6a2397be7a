"""The entity index (issue 3): who and what the articles name, and where.

    find (spaCy NER per paragraph, names trimmed, roles read; kept per article)
      -> merge (aliases across the corpus)
      -> correct (seeds/entities.yml)
      -> index (types by vote, slugs, companions)
"""

from __future__ import annotations

from pathlib import Path

from ..cache import NO_CACHE, Cache
from ..memory import collector_paused
from ..model import Corpus, EntityIndex
from ..progress import Progress, no_progress
from . import aliases, extract, index, nlp, overrides


def index_entities(corpus: Corpus, seeds: Path, model: str = "", cache: Cache = NO_CACHE,
                   progress: Progress = no_progress) -> EntityIndex:
    """Every entity the corpus names. Raises ConfigError for a bad seeds/entities.yml or
    a model that cannot be loaded: both concern every page."""
    corrections = overrides.load(seeds)  # before the model runs: a bad file fails fast
    name = nlp.choose(model)
    if not corpus.articles:
        return EntityIndex(model=name)
    with collector_paused():
        return index_found(extract.find(corpus, name, cache, progress), corrections, nlp.describe(name))


def index_found(found: extract.Extraction, corrections: tuple[overrides.Correction, ...], model: str) -> EntityIndex:
    """The corpus-wide part, after the model: aliases merged, the corrections applied,
    the index built."""
    clusters = aliases.merge(found.found, found.common_words, found.titles)
    items, notes = overrides.apply(clusters, corrections)
    return index.build(items, model, found.notes + notes)
