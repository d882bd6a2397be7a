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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from .analysis import Compared, KnownNames, Timer, compare, compare_stories, finish
from .analysis.stories import Stories, Story
from .analysis.storyedits import sort_into_stories
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
from .render.escape import front_matter
from .render.pages import STORY_CLAIMS, story_pages
from .render.record import Briefing, Headline, WhoEntry, as_json, briefing_record
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
    stories: str = "auto"  # "one": one briefing of everything, as before stories (issue 21)

    def resolved_build_date(self) -> dt.date:
        """The one date a build may stamp: configured, else SOURCE_DATE_EPOCH, else today."""
        if self.build_date is not None:
            return self.build_date
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        if epoch and epoch.strip().isdigit():
            return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date()
        return dt.datetime.now(tz=dt.timezone.utc).date()


@dataclass(frozen=True, slots=True)
class StoryBriefing:
    """A story's briefing when a folder holds several (issue 21)."""

    story: Story
    record: Briefing


@dataclass(frozen=True, slots=True)
class BuildResult:
    corpus: Corpus
    pages: dict[str, str]  # path under docs/ -> its content
    written: WriteReport | None  # None for a check, which writes nothing
    timings: tuple[tuple[str, float], ...]
    entities: EntityIndex = EntityIndex()
    briefing: Briefing | None = None  # None for a check, and with several stories
    stories: Stories = Stories(())  # the stories found (issue 21); one or none: the site is one briefing
    story_briefings: tuple[StoryBriefing, ...] = ()  # with several stories: each one's record, largest first

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
    start = time.perf_counter()
    found = sort_into_stories(corpus, settings.seeds, settings.stories, cache)
    timings.append(("stories", time.perf_counter() - start))
    if not found.single:
        return _run_stories(settings, corpus, found, cache, key, timings, progress, write)
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
    return _written_and_kept(settings, cache, key, timings, write,
                             BuildResult(corpus=corpus, pages=pages, written=None, timings=(), entities=entities,
                                         briefing=briefing.record))


def _written_and_kept(settings: Settings, cache: Cache, key: str | None, timings: list[tuple[str, float]],
                      write: bool, result: BuildResult) -> BuildResult:
    """A made build's pages written to docs/ (when `write`) and the build kept for the
    next one (when it has a key), with their timings."""
    report = None
    if write:
        start = time.perf_counter()
        report = write_pages(settings.docs, result.pages)
        timings.append(("write", time.perf_counter() - start))
    result = replace(result, written=report, timings=tuple(timings))
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
                                                   settings.entity_pages, settings.stories))


def _run_stories(settings: Settings, corpus: Corpus, found: Stories, cache: Cache, key: str | None,
                 timings: list[tuple[str, float]], progress: Progress | None, write: bool) -> BuildResult:
    """`run` for a folder of several stories (issue 21): a briefing and a source
    comparison per story, made in the second process as the one briefing is; the landing
    page lists the stories; articles and entities say which story they belong to."""
    start = time.perf_counter()
    with InChild(partial(_stories_analysed, corpus, found, cache), partial(_stories_briefings, corpus, found)) as child:
        entities = index_entities(corpus, settings.seeds, settings.model, cache, progress or no_progress)
        timings.append(("entities", time.perf_counter() - start))
        paged = with_pages(entities, settings.entity_pages)
        whos = whos_who_by_story(entities, paged, found.stories)
        child.send((whos, KnownNames.of(entities, corpus)))
        start = time.perf_counter()
        memo: Memo[str] = cache.memo("pages")
        with collector_paused():
            pages = render_site(corpus, settings.title, settings.seeds, entities, settings.entity_pages, memo,
                                stories=found)
            memo.save()
            made = child.result()
    pages.update(made.pages)
    pages.update(story_pages(corpus, found))
    # What each article shares with its story: the claims, known only now.
    for slug, line in made.claims.items():
        path = f"articles/{slug}.md"
        if path in pages:
            pages[path] = pages[path].replace(STORY_CLAIMS, line, 1)
    for path, page in pages.items():
        if path.startswith("articles/") and STORY_CLAIMS in page:
            pages[path] = page.replace(STORY_CLAIMS, "No sentence of it is a claim another of them carries.", 1)
    briefings = tuple(StoryBriefing(story, record) for story, record in zip(found.stories, made.records, strict=True))
    pages["briefing.json"] = json.dumps({
        "stories": [{"slug": b.story.slug, "title": b.story.title, "articles": list(b.story.articles),
                     "origin": b.story.origin, "briefing": as_json(b.record)} for b in briefings],
        "other": list(found.other),
    }, ensure_ascii=False, separators=(",", ":")) + "\n"
    timings.append(("analysis (in parallel)" if child.forked else "analysis", made.analysis_seconds))
    timings.append(("render", time.perf_counter() - start))
    return _written_and_kept(settings, cache, key, timings, write,
                             BuildResult(corpus=corpus, pages=pages, written=None, timings=(), entities=entities,
                                         stories=found, story_briefings=briefings))


@dataclass(frozen=True, slots=True)
class _StoryPages:
    pages: dict[str, str]
    records: tuple[Briefing, ...]
    claims: dict[str, str]  # article slug -> what its page says of the claims it shares with its story
    analysis_seconds: float


def _stories_analysed(corpus: Corpus, found: Stories, cache: Cache) -> tuple[list[Compared], float]:
    start = time.perf_counter()
    return compare_stories(corpus, [s.articles for s in found.stories], Timer(), cache), time.perf_counter() - start


def _stories_briefings(corpus: Corpus, found: Stories, analysed: tuple[list[Compared], float],
                       sent: tuple[dict[str, list[WhoEntry]], KnownNames]) -> _StoryPages:
    compared, seconds = analysed
    whos, known = sent
    pages: dict[str, str] = {}
    records = []
    claims: dict[str, str] = {}
    for story, part in zip(found.stories, compared, strict=True):
        start = time.perf_counter()
        analysis = finish(part, known)
        seconds += time.perf_counter() - start
        with collector_paused():
            ctx = Context(part.corpus, analysis)
            ctx.named_by = story.headline
            base = f"stories/{story.slug}"
            ctx.root = "../.."
            renamed = "" if story.headline else story.title
            page = render_briefing(ctx, whos.get(story.slug, ()), page=f"{base}/index.md", title=renamed)
            # The way to the story's comparison and back to the others, under its headline.
            if page.startswith("---\ntitle: Briefing\n---\n"):  # named in the navigation and <title> by its story
                page = front_matter(story.title) + page[len("---\ntitle: Briefing\n---\n"):]
            pages[f"{base}/index.md"] = page.replace(
                "{ .briefing-meta }\n", "{ .briefing-meta }\n\n[Source comparison](sources/index.md) · "
                f"[All {len(found.stories)} stories](../index.md)\n", 1)
            record = briefing_record(ctx, whos.get(story.slug, ()))
            if renamed and record.headline is not None:
                record = replace(record, headline=Headline(renamed, record.headline.article))
            records.append(record)
            ctx.root = "../../.."
            pages[f"{base}/sources/index.md"] = render_sources(ctx)
            claims.update(_shared_claims(analysis.claims.claims, story))
    return _StoryPages(pages, tuple(records), claims, seconds)


def _shared_claims(claims, story: Story) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Per article of the story: the number of claims it shares with another of the
    story's articles, and the one most outlets carry (escaped: the page's Markdown)."""
    from .render.escape import escape

    count: dict[str, int] = {}
    first: dict[str, str] = {}
    for c in claims:  # most outlets first
        carried = set(c.articles)
        if len(carried) < 2:
            continue
        for slug in carried:
            count[slug] = count.get(slug, 0) + 1
            first.setdefault(slug, c.text)
    return {slug: f"It shares {n} claim{'s' if n != 1 else ''} with the story's other articles, the most reported: "
                  f"“{escape(first[slug])}”" for slug, n in count.items()}


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


def whos_who_by_story(entities: EntityIndex, paged: frozenset[str], stories: Sequence[Story]) -> dict[str, list[WhoEntry]]:
    """`whos_who` of each story, each entity's articles read once (read per story, the
    BBC corpus's 302 stories took 13 s of a rebuild)."""
    who = [e for e in entities.entities if e.type in ("person", "organisation") and len(e.mentions) > 1]
    articles_of = {e.slug: frozenset(e.articles) for e in who}
    kept = EntityIndex(tuple(e for e in who if len(articles_of[e.slug]) > 1), entities.model)
    return {s.slug: whos_who(kept, paged, frozenset(s.articles), articles_of) for s in stories}


def whos_who(entities: EntityIndex, paged: frozenset[str], articles: frozenset[str] | None = None,
             articles_of: Mapping[str, frozenset[str]] | None = None) -> list[WhoEntry]:
    """The people most named in two or more articles, then the organisations: who acts
    in the story. Places and nationalities are not "who" (seeds: United States, Canada
    and Canadian topped the list). `articles`: a story's, when the folder holds several."""
    def mentions(e):  # type: ignore[no-untyped-def]
        return e.mentions if articles is None else [m for m in e.mentions if m.article in articles]

    def named_in(e):  # type: ignore[no-untyped-def]
        if articles is None:
            return len(e.articles)
        return len((articles_of[e.slug] if articles_of else frozenset(e.articles)) & articles)

    named = [e for e in entities.entities if named_in(e) > 1 and e.type in ("person", "organisation")]
    ranked = sorted(named, key=lambda e: (e.type != "person", -len(mentions(e)), e.name))
    return [WhoEntry(e.name, e.roles[0].text if e.roles else "", f"entities/{e.slug}.md" if e.slug in paged else "")
            for e in ranked[:WHOS_WHO]]
