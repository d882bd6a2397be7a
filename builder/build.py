"""One build: seeds -> Corpus -> pages -> docs/. The CLI and the plugin both call `run`."""

from __future__ import annotations

import datetime as dt
import os
import time
from dataclasses import dataclass
from pathlib import Path

from .entities import index_entities
from .model import Corpus, EntityIndex
from .pipeline import Progress, load_corpus
from .render import render_site
from .writer import WriteReport, write_pages


@dataclass(frozen=True, slots=True)
class Settings:
    seeds: Path
    docs: Path
    title: str = "Briefing"
    build_date: dt.date | None = None
    model: str = ""  # spaCy pipeline for the entity index; "" = builder.entities.nlp.DEFAULT_MODELS
    cache: Path | None = None  # a folder the build owns for results kept between builds

    def resolved_build_date(self) -> dt.date:
        """The one date a build may stamp: configured, else SOURCE_DATE_EPOCH, else today."""
        if self.build_date is not None:
            return self.build_date
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        if epoch and epoch.strip().isdigit():
            return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date()
        return dt.datetime.now(tz=dt.timezone.utc).date()


@dataclass(frozen=True, slots=True)
class BuildResult:
    corpus: Corpus
    pages: dict[str, str]
    written: WriteReport | None  # None for a check, which writes nothing
    timings: tuple[tuple[str, float], ...]
    entities: EntityIndex = EntityIndex()

    @property
    def problems(self) -> list[str]:
        """One line per thing that went wrong: skipped files, pages not written."""
        lines = [str(s) for s in self.corpus.skipped]
        if self.written is not None:
            lines.extend(str(r) for r in self.written.refused)
        return lines


def run(settings: Settings, *, write: bool = True, progress: Progress | None = None) -> BuildResult:
    timings: list[tuple[str, float]] = []
    start = time.perf_counter()
    corpus = load_corpus(settings.seeds, settings.resolved_build_date(), progress)
    timings.append(("read and clean", time.perf_counter() - start))
    start = time.perf_counter()
    entities = index_entities(corpus, settings.seeds, settings.model, settings.cache)
    timings.append(("entities", time.perf_counter() - start))
    start = time.perf_counter()
    pages = render_site(corpus, settings.title, settings.seeds, entities)
    timings.append(("render", time.perf_counter() - start))
    report = None
    if write:
        start = time.perf_counter()
        report = write_pages(settings.docs, pages)
        timings.append(("write", time.perf_counter() - start))
    return BuildResult(corpus=corpus, pages=pages, written=report, timings=tuple(timings), entities=entities)
