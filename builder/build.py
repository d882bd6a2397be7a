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
import pickle
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any

from .analysis import Compared, KnownNames, Timer, compare, compare_stories, finish
from .analysis.stories import Stories, Story
from .analysis.storyedits import Edit, edits_for, sort_into_stories
from .cache import NO_CACHE, Cache, Memo
from .cache import build as last_build
from .cache import key as memo_key
from .cache.memo import dumps
from .corpus.load import load_corpus
from .entities import index_entities
from .forked import InChild
from .memory import collector_paused
from .model import Corpus, Entity, EntityIndex
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
    # A stories.yml that cannot be understood stops the build now, not after the entity index.
    edits = edits_for(settings.seeds, settings.stories) if corpus.articles else ()
    # The stories are sorted, and most analyses made, beside the entity index, in a
    # second process (builder.forked): they need nothing of it. The child tells the
    # stories as soon as it has found them, then makes the analyses: the one briefing's,
    # or those of each story with nothing kept (issue 21). Who said each quote, the
    # quotes' groups and the disagreements need what the index knows of names, and the
    # briefing's pages its who's who: they come after it.
    start = time.perf_counter()
    with InChild(partial(_sorted_and_analysed, corpus, settings, edits, cache), partial(_made, corpus, cache),
                 tells=True) as child:
        entities = index_entities(corpus, settings.seeds, settings.model, cache, progress or no_progress)
        indexed = time.perf_counter() - start
        found, sorting = child.told()  # type: ignore[misc]
        timings += [("stories (in parallel)" if child.forked else "stories", sorting), ("entities", indexed)]
        if not found.single:
            return _run_stories(settings, corpus, found, cache, key, timings, write, child, entities)
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


def _sorted_and_analysed(corpus: Corpus, settings: Settings, edits: tuple[Edit, ...], cache: Cache,
                         tell: Callable[[tuple[Stories, float]], None]) -> tuple[Stories, object]:
    """The child's first part: the stories sorted, told to the parent with the seconds
    it took, then the analyses that need nothing of the entity index: the one
    briefing's, or those of the stories with nothing kept under their read key."""
    start = time.perf_counter()
    with collector_paused():  # the terms' vectors and the pairs' similarities: no cycles among them
        found = sort_into_stories(corpus, settings.seeds, settings.stories, cache, edits)
    tell((found, time.perf_counter() - start))
    if found.single:
        return found, _analysed(corpus, cache)
    kept: Memo[Any] = cache.memo("stories")  # read here, saved by the parent
    unknown = [i for i, k in enumerate(_read_keys(corpus, found)) if kept.get(k) is None]
    return found, _stories_analysed(corpus, found, unknown, cache)


def _made(corpus: Corpus, cache: Cache, state: tuple[Stories, Any], sent: Any) -> _Briefing | _StoriesMade:
    """The child's second part, with what the parent sent once it had the entity index."""
    found, analysed = state
    if found.single:
        return _briefing(corpus, analysed, sent)
    return _stories_briefings(corpus, found, cache, analysed, sent)


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
                 timings: list[tuple[str, float]], write: bool, child: InChild[Any, Any, Any],
                 entities: EntityIndex) -> BuildResult:
    """`run` for a folder of several stories (issue 21), from the entity index on: a
    briefing and a source comparison per story, made in the second process as the one
    briefing is; the landing page lists the stories; articles and entities say which
    story they belong to.

    Each story's share is kept between builds (the "stories" memo, `_StoryMade`): a
    rebuild with one article changed makes that article's story again, not all of them
    (BBC: 302). Its key is made in two steps, as what it depends on is known: first
    what the analyses read before the entity index (`_read_keys`: the child compares at
    once the stories that have no value kept under it), then, once the index is made,
    what comes of the index: the story's who's who and the answers to the questions its
    speakers asked of the index last time (`KnownNames.watched`)."""
    memo: Memo[Any] = cache.memo("stories")  # read key -> the questions; made key -> _StoryMade
    read_keys = _read_keys(corpus, found)
    asked: list[tuple[tuple[str, object], ...] | None] = [memo.get(k) for k in read_keys]
    paged = with_pages(entities, settings.entity_pages)
    whos = whos_who_by_story(entities, paged, found.stories)
    known = KnownNames.of(entities, corpus)
    start = time.perf_counter()
    publications = tuple(sorted(known.publications))

    def made_key(i: int, questions: tuple[tuple[str, object], ...]) -> bytes:
        """The story's read key, the story as named (not what its articles share:
        that line is on the article pages), its who's who, and the index's answers to
        its questions. Not the number of stories, which its page says: filled in below
        (a change that adds or removes a story elsewhere does not make every one again)."""
        story = found.stories[i]
        return memo_key(read_keys[i], story.slug, story.title, story.articles, story.origin, story.headline,
                        whos.get(story.slug, ()), publications, known.known, questions, known.answers(questions))

    made: dict[int, _StoryMade] = {}
    with collector_paused():
        for i, questions in enumerate(asked):
            if questions is not None and (kept := memo.get(made_key(i, questions))) is not None:
                made[i] = kept
    child.send((whos, known, [i for i in range(len(found.stories)) if i not in made]))
    memo_pages: Memo[str] = cache.memo("pages")
    with collector_paused():
        pages = render_site(corpus, settings.title, settings.seeds, entities, settings.entity_pages, memo_pages,
                            stories=found)
        memo_pages.save()
        fresh = child.result()
        for i, (questions, data) in fresh.made.items():
            memo.put(read_keys[i], questions)
            memo.put_pickled(made_key(i, questions), data)
            made[i] = pickle.loads(data)  # noqa: S301 - our own child's
        memo.save()
    ordered = [made[i] for i in range(len(found.stories))]
    for one in ordered:
        pages.update((path, page.replace(STORY_COUNT, str(len(found.stories)), 1)) for path, page in one.pages.items())
    pages.update(story_pages(corpus, found))
    # What each article shares with its story: the claims, known only now.
    for one in ordered:
        for slug, line in one.claims.items():
            path = f"articles/{slug}.md"
            if path in pages:
                pages[path] = pages[path].replace(STORY_CLAIMS, line, 1)
    for path, page in pages.items():
        if path.startswith("articles/") and STORY_CLAIMS in page:
            pages[path] = page.replace(STORY_CLAIMS, "No sentence of it is a claim another of them carries.", 1)
    briefings = tuple(StoryBriefing(story, one.record) for story, one in zip(found.stories, ordered, strict=True))
    # The records as plain data are some hundred thousand dicts, which the collector
    # would count and walk with all the build holds (BBC, as_json: 0.4-0.5 s; paused, 0.17 s).
    with collector_paused():
        pages["briefing.json"] = json.dumps({
            "stories": [{"slug": b.story.slug, "title": b.story.title, "articles": list(b.story.articles),
                         "origin": b.story.origin, "briefing": as_json(b.record)} for b in briefings],
            "other": list(found.other),
        }, ensure_ascii=False, separators=(",", ":")) + "\n"
    timings.append(("analysis (in parallel)" if child.forked else "analysis", fresh.analysis_seconds))
    timings.append(("render", time.perf_counter() - start))
    return _written_and_kept(settings, cache, key, timings, write,
                             BuildResult(corpus=corpus, pages=pages, written=None, timings=(), entities=entities,
                                         stories=found, story_briefings=briefings))


@dataclass(frozen=True, slots=True)
class _StoryMade:
    """A story's share of a build, made in the child and kept per story: its briefing's
    and its comparison's pages (the number of stories left to fill in, `STORY_COUNT`),
    its record, and per article of it the line on the claims it shares. (Not its entry of briefing.json as JSON text, which would save half a
    second of a BBC rebuild for 21 MB more in the cache: the records pickle to 8.)"""

    pages: dict[str, str]
    record: Briefing
    claims: dict[str, str]


@dataclass(frozen=True, slots=True)
class _StoriesMade:
    made: dict[int, tuple[tuple[tuple[str, object], ...], bytes]]  # story -> (what it asked of the index, _StoryMade pickled)
    analysis_seconds: float


def _read_keys(corpus: Corpus, found: Stories) -> list[bytes]:
    """Per story, what its analyses read before the entity index: its articles (every
    field) and the build date."""
    by_slug = {a.slug: a for a in corpus.articles}
    return [memo_key("story's articles", corpus.build_date, tuple(by_slug[s] for s in story.articles))
            for story in found.stories]


def _stories_analysed(corpus: Corpus, found: Stories, stories: Sequence[int], cache: Cache) -> tuple[dict[int, Compared], float]:
    """The comparisons of `stories` (by their place in `found`): those with nothing kept."""
    start = time.perf_counter()
    compared = compare_stories(corpus, [found.stories[i].articles for i in stories], Timer(), cache)
    return dict(zip(stories, compared, strict=True)), time.perf_counter() - start


def _stories_briefings(corpus: Corpus, found: Stories, cache: Cache, analysed: tuple[dict[int, Compared], float],
                       sent: tuple[dict[str, list[WhoEntry]], KnownNames, list[int]]) -> _StoriesMade:
    """The stories the parent asks for, made: compared now if they were not at first
    (what was kept of them does not answer to this entity index), finished with the
    index and rendered; each with the questions its speakers asked of the index."""
    compared, seconds = analysed
    whos, known, wanted = sent
    start = time.perf_counter()
    later = [i for i in wanted if i not in compared]
    compared.update(_stories_analysed(corpus, found, later, cache)[0])
    made = {}
    for i in wanted:
        story, part = found.stories[i], compared.pop(i)
        asked: dict[tuple[str, object], None] = {}
        analysis = finish(part, known.watched(asked))
        seconds += time.perf_counter() - start
        with collector_paused():
            one = _story_made(story, Context(part.corpus, analysis), whos.get(story.slug, ()))
            made[i] = (tuple(asked), dumps(one))
        start = time.perf_counter()
    return _StoriesMade(made, seconds)


# In a story's page, where the number of stories goes (filled in by the parent: it is
# not kept with the page). A comment no article text can make: text is escaped.
STORY_COUNT = "<!-- briefing:story-count -->"


def _story_made(story: Story, ctx: Context, whos: Sequence[WhoEntry]) -> _StoryMade:
    """A story's pages, record and claims lines, from its analyses."""
    ctx.named_by = story.headline
    base = f"stories/{story.slug}"
    ctx.root = "../.."
    renamed = "" if story.headline else story.title
    page = render_briefing(ctx, whos, page=f"{base}/index.md", title=renamed)
    # The way to the story's comparison and back to the others, under its headline.
    if page.startswith("---\ntitle: Briefing\n---\n"):  # named in the navigation and <title> by its story
        page = front_matter(story.title) + page[len("---\ntitle: Briefing\n---\n"):]
    pages = {f"{base}/index.md": page.replace(
        "{ .briefing-meta }\n", "{ .briefing-meta }\n\n[Source comparison](sources/index.md) · "
        f"[All {STORY_COUNT} stories](../index.md)\n", 1)}
    record = briefing_record(ctx, whos)
    if renamed and record.headline is not None:
        record = replace(record, headline=Headline(renamed, record.headline.article))
    ctx.root = "../../.."
    pages[f"{base}/sources/index.md"] = render_sources(ctx)
    return _StoryMade(pages, record, _shared_claims(ctx.analysis.claims.claims, story))


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
    """`whos_who` of each story, each entity looked at once, for the stories it is named
    in (read per story, the BBC corpus's 302 stories took 13 s of a rebuild; each
    entity for every story, 0.35 s)."""
    story_of = {a: s.slug for s in stories for a in s.articles}
    named: dict[str, list[Entity]] = {s.slug: [] for s in stories}  # in the index's order, as whos_who keeps them
    for e in entities.entities:
        if e.type not in ("person", "organisation") or len(e.mentions) < 2:
            continue
        for slug, n in Counter(story_of[a] for a in frozenset(e.articles) if a in story_of).items():
            if n > 1:
                named[slug].append(e)
    out = {}
    for s in stories:
        articles = frozenset(s.articles)
        ranked = sorted(named[s.slug], key=lambda e: (e.type != "person", -sum(m.article in articles for m in e.mentions),
                                                       e.name))
        out[s.slug] = _who_entries(ranked, paged)
    return out


def whos_who(entities: EntityIndex, paged: frozenset[str]) -> list[WhoEntry]:
    """The people most named in two or more articles, then the organisations: who acts
    in the story. Places and nationalities are not "who" (seeds: United States, Canada
    and Canadian topped the list). With several stories, each has its own
    (`whos_who_by_story`)."""
    named = [e for e in entities.entities if len(e.articles) > 1 and e.type in ("person", "organisation")]
    return _who_entries(sorted(named, key=lambda e: (e.type != "person", -len(e.mentions), e.name)), paged)


def _who_entries(ranked: Sequence[Entity], paged: frozenset[str]) -> list[WhoEntry]:
    return [WhoEntry(e.name, e.roles[0].text if e.roles else "", f"entities/{e.slug}.md" if e.slug in paged else "")
            for e in ranked[:WHOS_WHO]]
