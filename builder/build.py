"""The pipeline: seeds -> Corpus -> entities and analyses -> pages -> docs/. The CLI
and the MkDocs plugin both call `run`.

    load_corpus (corpus/)        read, clean, metadata
    index_entities (entities/)   spaCy, aliases merged       } side by side, in two
    analyse (analysis/)          claims, quotes, figures...  } processes where sound
    render (render/)             Markdown pages, briefing.json
    write_pages (render/writer)  docs/, only what changed
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from .analysis import Compared, KnownNames, Timer, compare, finish
from .cache import NO_CACHE, Cache, Memo
from .cache import build as last_build
from .corpus.load import load_corpus
from .entities import index_entities
from .forked import InChild
from .memory import collector_paused
from .model import Corpus, EntityIndex
from .progress import Progress, no_progress
from .render import render_site
from .render.briefing import PAGE as BRIEFING_PAGE
from .render.briefing import render_briefing
from .render.context import Context
from .render.entities import ENTITY_PAGES, with_pages
from .render.record import Briefing, WhoEntry, as_json, briefing_record
from .render.sources import PAGE as SOURCES_PAGE
from .render.sources import render_sources
from .render.writer import WriteReport, load_manifest, pages_intact, write_pages

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
    pages: dict[str, str]  # path under docs/ -> its content
    written: WriteReport | None  # None for a check, which writes nothing
    timings: tuple[tuple[str, float], ...]
    entities: EntityIndex = EntityIndex()
    briefing: Briefing | None = None  # None for a check

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
    cache = Cache(settings.cache) if not check else NO_CACHE
    key = _fingerprint(settings) if write and not check and settings.cache is not None else None
    if key is not None:
        reused = last_build.load(cache, key, lambda: pages_intact(settings.docs))
        if isinstance(reused, BuildResult):
            unchanged = tuple(sorted(load_manifest(settings.docs)))
            return replace(reused, written=WriteReport(unchanged=unchanged),
                           timings=(("nothing changed since the last build", time.perf_counter() - start),))
        timings.append(("change check", time.perf_counter() - start))
        start = time.perf_counter()
    corpus = load_corpus(settings.seeds, settings.resolved_build_date(), progress, cache)
    timings.append(("read and clean", time.perf_counter() - start))
    if check:
        return BuildResult(corpus=corpus, pages={}, written=None, timings=tuple(timings))
    # Most analyses need nothing of the entity index: they run beside it, in a second
    # process (builder.forked); who said each quote, the quotes' groups and the
    # disagreements need what it knows of names, and the briefing's pages its who's
    # who: they come after it.
    start = time.perf_counter()
    with InChild(partial(_analysed, corpus, cache), partial(_briefing, corpus)) as child:
        entities = index_entities(corpus, settings.seeds, settings.model, cache, progress or no_progress)
        timings.append(("entities", time.perf_counter() - start))
        child.send((whos_who(entities, with_pages(entities, settings.entity_pages)), KnownNames.of(entities, corpus)))
        start = time.perf_counter()
        memo: Memo[str] = cache.memo("pages")
        # Pages are strings: nothing for the collector to find, and much to walk.
        with collector_paused():
            pages = render_site(corpus, settings.title, settings.seeds, entities, settings.entity_pages, memo)
            memo.save()
            briefing = child.result()
    pages.update(briefing.pages)
    # Here rather than in the child: the parent has the time while the briefing's pages
    # are made. Compact: with an indent, json uses its pure-Python encoder (BBC: 2 s for 22 MB).
    pages["briefing.json"] = json.dumps(as_json(briefing.record), ensure_ascii=False, separators=(",", ":")) + "\n"
    timings.append(("analysis (in parallel)" if child.forked else "analysis", briefing.analysis_seconds))
    timings.append(("render", time.perf_counter() - start))
    report = None
    if write:
        start = time.perf_counter()
        report = write_pages(settings.docs, pages)
        timings.append(("write", time.perf_counter() - start))
    result = BuildResult(corpus=corpus, pages=pages, written=report, timings=tuple(timings), entities=entities,
                         briefing=briefing.record)
    if key is not None:
        start = time.perf_counter()
        if report is not None and report.refused:
            last_build.forget(cache)  # the last good build no longer stands
        else:
            # The pages are on disk; kept is what the plugin and the PDF need.
            with collector_paused():
                last_build.save(cache, key, replace(result, pages={}, written=None))
        result = replace(result, timings=(*result.timings, ("kept for the next build", time.perf_counter() - start)))
    return result


def _fingerprint(settings: Settings) -> str:
    return last_build.fingerprint(settings.seeds, (settings.title, settings.resolved_build_date(), settings.model,
                                                   settings.entity_pages))


@dataclass(frozen=True, slots=True)
class _Briefing:
    """What the analyses give a build: the briefing's and the sources' pages, and the
    briefing's record (briefing.json, the PDF)."""

    pages: dict[str, str]
    record: Briefing
    analysis_seconds: float  # the analyses' own time, without the pages


def _analysed(corpus: Corpus, cache: Cache) -> tuple[Compared, float]:
    start = time.perf_counter()
    return compare(corpus, Timer(), cache), time.perf_counter() - start


def _briefing(corpus: Corpus, analysed: tuple[Compared, float], sent: tuple[list[WhoEntry], KnownNames]) -> _Briefing:
    compared, seconds = analysed
    whos, known = sent
    start = time.perf_counter()
    analysis = finish(compared, known)
    seconds += time.perf_counter() - start
    with collector_paused():
        ctx = Context(corpus, analysis)
        pages = {BRIEFING_PAGE: render_briefing(ctx, whos), SOURCES_PAGE: render_sources(ctx)}
        return _Briefing(pages, briefing_record(ctx, whos), seconds)


def whos_who(entities: EntityIndex, paged: frozenset[str]) -> list[WhoEntry]:
    """The people most named in two or more articles, then the organisations: who acts
    in the story. Places and nationalities are not "who" (seeds: United States, Canada
    and Canadian topped the list)."""
    named = [e for e in entities.entities if len(e.articles) > 1 and e.type in ("person", "organisation")]
    ranked = sorted(named, key=lambda e: (e.type != "person", -len(e.mentions), e.name))
    return [WhoEntry(e.name, e.roles[0].text if e.roles else "", f"entities/{e.slug}.md" if e.slug in paged else "")
            for e in ranked[:WHOS_WHO]]
