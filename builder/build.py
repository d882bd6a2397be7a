"""One build: seeds -> Corpus -> pages -> docs/. The CLI and the plugin both call `run`."""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from . import buildcache, collector
from .analysis import Analysis, analyse
from .beside import Beside
from .entities import index_entities
from .memo import Memo
from .model import Corpus, EntityIndex
from .pipeline import load_corpus
from .progress import Progress, no_progress
from .render import render_site
from .render.entities import ENTITY_PAGES, with_pages
from .render.briefing import WhoRow, briefing_json, render_analysis_pages
from .writer import WriteReport, write_pages

# What a generated page depends on besides its inputs (builder.memo).
PAGES_CODE = ("render", "model.py", "blocks.py", "entities/labels.py", "analysis/outlets.py")
# The briefing's "who's who": the people and organisations named in two or more articles.
WHOS_WHO = 12


@dataclass(frozen=True, slots=True)
class Settings:
    seeds: Path
    docs: Path
    title: str = "Briefing"
    build_date: dt.date | None = None
    model: str = ""  # spaCy pipeline for the entity index; "" = builder.entities.nlp.DEFAULT_MODELS
    cache: Path | None = None  # a folder the build owns for results kept between builds
    entity_pages: int = ENTITY_PAGES  # most entity pages; past it, the most named entities get them

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
    briefing: dict[str, object] | None = None  # briefing.json's content

    @property
    def problems(self) -> list[str]:
        """One line per thing that went wrong: skipped files, pages not written."""
        lines = [str(s) for s in self.corpus.skipped]
        if self.written is not None:
            lines.extend(str(r) for r in self.written.refused)
        return lines


def run(settings: Settings, *, write: bool = True, check: bool = False, progress: Progress | None = None) -> BuildResult:
    """Build the site's pages (and write them unless `write` is false). A `check` reads
    and cleans every file and stops there: it is about the files, not the story."""
    timings: list[tuple[str, float]] = []
    start = time.perf_counter()
    key = buildcache.fingerprint(settings) if write and not check and settings.cache is not None else None
    if key is not None and (reused := buildcache.load(settings, key)) is not None:
        return replace(reused, timings=(("nothing changed since the last build", time.perf_counter() - start),))
    if key is not None:
        timings.append(("change check", time.perf_counter() - start))
        start = time.perf_counter()
    corpus = load_corpus(settings.seeds, settings.resolved_build_date(), progress, None if check else settings.cache)
    timings.append(("read and clean", time.perf_counter() - start))
    if check:
        return BuildResult(corpus=corpus, pages={}, written=None, timings=tuple(timings))
    # The analyses need nothing of the entity index: they run beside it (builder.beside),
    # and the briefing's pages, which need its who's who, after it.
    start = time.perf_counter()
    with Beside(partial(_analysed, corpus, settings.cache), partial(_briefing, corpus)) as side:
        entities = index_entities(corpus, settings.seeds, settings.model, settings.cache, progress or no_progress)
        timings.append(("entities", time.perf_counter() - start))
        side.send(whos_who(entities, with_pages(entities, settings.entity_pages)))
        start = time.perf_counter()
        memo: Memo[str] = Memo(settings.cache, "pages", PAGES_CODE)
        # Pages are strings, briefing.json's data many small dicts and lists: nothing
        # for the collector to find, and much to walk (unpickling the data: 0.6 s).
        with collector.off():
            pages = render_site(corpus, settings.title, settings.seeds, entities, settings.entity_pages, memo)
            memo.save()
            briefing = side.result()
    pages.update(briefing.pages)
    # Here rather than beside: the parent has the time while the briefing's pages are made.
    # Compact: with an indent, json uses its pure-Python encoder (BBC: 2 s for 22 MB).
    pages["briefing.json"] = json.dumps(briefing.data, ensure_ascii=False, separators=(",", ":")) + "\n"
    timings.append(("analysis (in parallel)" if side.forked else "analysis", briefing.analysis_seconds))
    timings.append(("render", time.perf_counter() - start))
    report = None
    if write:
        start = time.perf_counter()
        report = write_pages(settings.docs, pages)
        timings.append(("write", time.perf_counter() - start))
    result = BuildResult(corpus=corpus, pages=pages, written=report, timings=tuple(timings), entities=entities,
                         briefing=briefing.data)
    if key is not None:
        start = time.perf_counter()
        with collector.off():
            buildcache.save(settings, key, result)
        result = replace(result, timings=(*result.timings, ("kept for the next build", time.perf_counter() - start)))
    return result


@dataclass(frozen=True, slots=True)
class _Briefing:
    """What the analyses give a build: the briefing's and the sources' pages, and
    briefing.json's data."""

    pages: dict[str, str]
    data: dict[str, object]
    analysis_seconds: float  # the analyses' own time, without the pages


def _analysed(corpus: Corpus, cache: Path | None) -> tuple[Analysis, float]:
    start = time.perf_counter()
    return analyse(corpus, cache=cache), time.perf_counter() - start


def _briefing(corpus: Corpus, analysed: tuple[Analysis, float], whos: list[WhoRow]) -> _Briefing:
    analysis, seconds = analysed
    with collector.off():
        return _Briefing(render_analysis_pages(corpus, analysis, whos), briefing_json(corpus, analysis, whos), seconds)


def whos_who(entities: EntityIndex, paged: frozenset[str]) -> list[WhoRow]:
    """The people most named in two or more articles, then the organisations: who acts
    in the story. Places and nationalities are not "who" (seeds: United States, Canada
    and Canadian topped the list)."""
    named = [e for e in entities.entities if len(e.articles) > 1 and e.type in ("person", "organisation")]
    ranked = sorted(named, key=lambda e: (e.type != "person", -len(e.mentions), e.name))
    return [WhoRow(e.name, e.roles[0].text if e.roles else "", f"entities/{e.slug}.md" if e.slug in paged else "")
            for e in ranked[:WHOS_WHO]]
