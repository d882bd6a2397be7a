"""The entity pages (`entities/index.md`, `entities/<slug>.md`) and the entity links
inside article paragraphs.

Names, sentences and roles are article text: hostile (DESIGN: untrusted input). Every
piece of it goes through `escape`; only the link and emphasis syntax around the
pieces is ours, and is marked Safe.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from ..analysis import outlets as outlet_names
from ..analysis.stories import Story
from ..cache import NO_CACHE, Memo, key
from ..entities.labels import PLURAL, TYPES
from ..model import Article, Corpus, Entity, EntityIndex, Mention, Paragraph
from .environment import markdown_environment, markdown_link
from .escape import Safe, escape, escape_piece

INDEX_PATH = "entities/index.md"
# A page lists at most this many mentions in context; Donald Trump in a corpus of
# thousands of articles would otherwise make a page of megabytes.
MAX_MENTIONS_SHOWN = 300
# Context around a mention when its sentence is longer than this (characters): a
# concordance line, about 80 characters either side of the name. The full sentence is
# one click away (each line links to its paragraph), and much-named entities list
# hundreds of lines (BBC: 29,640 over 1,000 pages; whole sentences of up to 360
# characters made those pages 6 s of the site's `mkdocs build`).
MAX_CONTEXT = 160
# At most this many entity pages by default. A story's few hundred entities all get
# one; a corpus of thousands of articles names tens of thousands, most of them once,
# and MkDocs spends milliseconds on every page (issue 7: the BBC corpus named 12,478
# entities, 8,035 of them in one article, and its site took 169 s to build). Past the
# limit, the entities named in the most articles get pages; the others keep their row
# in the index, linked to the paragraph that first names them.
ENTITY_PAGES = 1000


def entity_path(entity: Entity) -> str:
    return f"entities/{entity.slug}.md"


def _article_path(slug: str) -> str:
    return f"articles/{slug}.md"


_ENV = markdown_environment()


def with_pages(index: EntityIndex, limit: int = ENTITY_PAGES) -> frozenset[str]:
    """The slugs of the entities that get a page: all of them up to `limit`, else the
    `limit` named in the most articles (then the most mentioned, then by name)."""
    if len(index.entities) <= limit:
        return frozenset(e.slug for e in index.entities)
    ranked = sorted(index.entities, key=lambda e: (-len(e.articles), -len(e.mentions), e.name, e.slug))
    return frozenset(e.slug for e in ranked[:max(limit, 0)])


Spans = dict[str, list[tuple[int, int, str]]]  # paragraph anchor -> (start, end, entity page), in order


def link_spans(corpus: Corpus, index: EntityIndex, paged: frozenset[str] | None = None) -> dict[str, Spans]:
    """article slug -> where its paragraphs name entities that have pages (all entities
    when `paged` is None)."""
    spans: dict[str, Spans] = defaultdict(lambda: defaultdict(list))
    for entity in index.entities:
        if paged is not None and entity.slug not in paged:
            continue
        for m in entity.mentions:
            spans[m.article][m.anchor].append((m.start, m.end, entity_path(entity)))
    return {slug: {anchor: sorted(found) for anchor, found in by_anchor.items()} for slug, by_anchor in spans.items()}


def linked_paragraphs(article: Article, spans: Spans) -> dict[str, Safe]:
    """paragraph anchor -> the paragraph as Markdown, each entity's first mention in it
    linked to the entity's
    page. Paragraphs without linked entities are absent."""
    page = _article_path(article.slug)
    return {p.anchor: _linked(p.text, found, page) for p in article.body if (found := spans.get(p.anchor))}


def paragraph_links(corpus: Corpus, index: EntityIndex, paged: frozenset[str] | None = None) -> dict[str, dict[str, Safe]]:
    """article slug -> `linked_paragraphs` of the article."""
    spans = link_spans(corpus, index, paged)
    out = {a.slug: linked_paragraphs(a, spans[a.slug]) for a in corpus.articles if a.slug in spans}
    return {slug: links for slug, links in out.items() if links}


def _linked(text: str, spans: list[tuple[int, int, str]], page: str) -> Safe:
    parts: list[str] = []
    pos = 0
    linked: set[str] = set()
    for start, end, target in spans:
        if target in linked or start < pos:
            continue  # first mention per paragraph only; overlapping spans never
        linked.add(target)
        parts.append(escape_piece(text[pos:start]))
        parts.append(markdown_link(text[start:end], target, page))
        pos = end
    parts.append(escape_piece(text[pos:]))
    return Safe("".join(parts).strip())


@dataclass(frozen=True, slots=True)
class _Row:
    link: Safe
    role: str
    mentions: int
    sources: int
    first_seen: str


def render_entities(corpus: Corpus, index: EntityIndex, paged: frozenset[str] | None = None,
                    memo: Memo[str] | None = None, stories: Mapping[str, Story] | None = None) -> dict[str, str]:
    """The index and a page per entity in `paged` (default: every entity); `memo`
    as in render_site. `stories`: article slug -> its story, when the folder holds
    several (issue 21): each entity page lists the stories that name it."""
    stories = stories or {}
    paged = frozenset(e.slug for e in index.entities) if paged is None else paged
    memo = memo or NO_CACHE.memo("pages")
    articles = {a.slug: a for a in corpus.articles}
    by_slug = {e.slug: e for e in index.entities if e.slug in paged}
    paragraphs = {(a.slug, p.anchor): p for a in corpus.articles for p in a.body}
    pages = {INDEX_PATH: _render_index(index, articles, paged)}
    for entity in by_slug.values():
        named_in = _stories_of(entity, stories)
        k = _page_key(entity, articles, paragraphs, by_slug) + (key("stories", named_in) if named_in else b"")
        pages[entity_path(entity)] = memo.get(k) or memo.put(k, _render_entity(entity, articles, paragraphs, by_slug,
                                                                                 named_in))
    return pages


def _stories_of(entity: Entity, stories: Mapping[str, Story]) -> list[tuple[str, str, int]]:
    """The stories that name an entity: (slug, title, articles of it that do), most first."""
    if not stories:
        return []
    count: dict[str, int] = defaultdict(int)
    titles = {}
    for slug in entity.articles:
        if (story := stories.get(slug)) is not None:
            count[story.slug] += 1
            titles[story.slug] = story.title
    return sorted(((s, titles[s], n) for s, n in count.items()), key=lambda t: (-t[2], t[0]))


def _page_key(entity: Entity, articles: Mapping[str, Article], paragraphs: Mapping[tuple[str, str], Paragraph],
              by_slug: Mapping[str, Entity]) -> bytes:
    """Everything an entity's page shows: the entity, what it shows of its articles and
    of the paragraphs that name it, and its companions that have pages."""
    shown = {(m.article, m.anchor) for m in entity.mentions[:MAX_MENTIONS_SHOWN]}
    return key(
        "entity", entity,
        [(s, a.metadata.title.value, _outlet(a), a.metadata.date) for s in entity.articles if (a := articles.get(s))],
        [(p.number, p.text) for k in sorted(shown) if (p := paragraphs.get(k))],
        [(s, by_slug[s].name, by_slug[s].type) for s, _ in entity.related if s in by_slug],
    )


def _index_link(entity: Entity, paged: frozenset[str]) -> Safe:
    """The entity's page; without one, the paragraph that first names it."""
    if entity.slug in paged or not entity.mentions:
        return markdown_link(entity.name, entity_path(entity), INDEX_PATH)
    first = entity.mentions[0]
    return markdown_link(entity.name, f"{_article_path(first.article)}#{first.anchor}", INDEX_PATH)


def _outlet(article: Article) -> str:
    return outlet_names.label(article)


def _first_seen(entity: Entity, articles: Mapping[str, Article]) -> dt.date | None:
    dates = [d.value for s in entity.articles if s in articles and (d := articles[s].metadata.date) is not None]
    return min(dates) if dates else None


@dataclass(frozen=True, slots=True)
class _Tail:
    """An entity without a page, in the index's short list: a table row each for tens of
    thousands of names took Markdown seconds (4 s for BBC's 12,478) and made a page of a
    megabyte."""

    link: Safe
    mentions: int


def _render_index(index: EntityIndex, articles: Mapping[str, Article], paged: frozenset[str]) -> str:
    sections = []
    for kind in TYPES:
        of_kind = [e for e in index.entities if e.type == kind]
        rows = [
            _Row(
                link=_index_link(e, paged),
                role=e.roles[0].text if e.roles else "",
                mentions=len(e.mentions),
                sources=len({_outlet(articles[s]) for s in e.articles if s in articles}),
                first_seen=(d.isoformat() if (d := _first_seen(e, articles)) else "unknown"),
            )
            for e in of_kind if e.slug in paged
        ]
        tail = [_Tail(_index_link(e, paged), len(e.mentions)) for e in of_kind if e.slug not in paged]
        if rows or tail:
            rows.sort(key=lambda r: -r.mentions)  # entities come sorted by name within a count
            tail.sort(key=lambda r: -r.mentions)
            sections.append((PLURAL[kind], rows, tail))
    named = len({m.article for e in index.entities for m in e.mentions})
    return _ENV.get_template("entity-index.md.j2").render(
        sections=sections, total=len(index.entities), articles=named, model=index.model, notes=index.notes,
        unpaged=len(index.entities) - len(paged),
    )


def _render_entity(entity: Entity, articles: Mapping[str, Article], paragraphs: Mapping[tuple[str, str], Paragraph],
                   by_slug: Mapping[str, Entity], named_in: list[tuple[str, str, int]] | None = None) -> str:
    page = entity_path(entity)
    in_stories = Safe("; ".join(f"{markdown_link(title, f'stories/{slug}/index.md', page)} ({n} article{'s' if n != 1 else ''})"
                                for slug, title, n in named_in or ()))
    shown = entity.mentions[:MAX_MENTIONS_SHOWN]
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in shown:
        groups[m.article].append(m)
    mention_groups = []
    def when(slug: str) -> str:  # oldest first, undated last: the story as it unfolded
        date = articles[slug].metadata.date
        return date.value.isoformat() if date else "9999"

    for slug, mentions in sorted(groups.items(), key=lambda item: when(item[0])):
        article = articles[slug]
        meta = article.metadata
        about = " · ".join((
            meta.outlet.value if meta.outlet else "outlet unknown",
            meta.date.value.isoformat() if meta.date else "date unknown",
        ))
        items = [
            (markdown_link(f"¶{paragraphs[(slug, x.anchor)].number}", f"{_article_path(slug)}#{x.anchor}", page),
             _context(paragraphs[(slug, x.anchor)].text, x))
            for x in mentions
        ]
        mention_groups.append((markdown_link(meta.title.value, _article_path(slug), page), about, items))
    outlet_rows, sources = _outlet_rows(entity, articles)
    related = [(markdown_link(by_slug[s].name, entity_path(by_slug[s]), page), by_slug[s].type, n)
               for s, n in entity.related if s in by_slug]
    first = _first_seen(entity, articles)
    n_articles = len(entity.articles)
    summary = (f"{entity.type} · {len(entity.mentions)} mention{'s' if len(entity.mentions) != 1 else ''} "
               f"in {n_articles} article{'s' if n_articles != 1 else ''} from {sources} "
               f"source{'s' if sources != 1 else ''} · first seen {first.isoformat() if first else 'unknown'}")
    labels = ", ".join(f"{label} {count}" for label, count in entity.labels)
    return _ENV.get_template("entity.md.j2").render(
        e=entity, summary=summary, labels=labels, mention_groups=mention_groups,
        hidden=len(entity.mentions) - len(shown), outlets=outlet_rows, related=related,
        joined=len(entity.mentions) - sum(count for _, count in entity.labels), in_stories=in_stories,
    )


def _outlet_rows(entity: Entity, articles: Mapping[str, Article]) -> tuple[list[tuple[str, int, int]], int]:
    """The Sources table (outlet, articles, mentions), most mentions first, and the
    number of sources. An article with no outlet named counts as a source of its own
    (as in the briefing), but they share one row: on a corpus without outlets (BBC) a
    row each gave much-named entities tables of hundreds of rows that said nothing."""
    known: dict[str, tuple[set[str], int]] = {}
    unknown: tuple[set[str], int] = (set(), 0)
    for x in entity.mentions:
        outlet = articles[x.article].metadata.outlet
        seen, count = known.get(outlet.value, (set(), 0)) if outlet else unknown
        if outlet:
            known[outlet.value] = (seen | {x.article}, count + 1)
        else:
            unknown = (seen | {x.article}, count + 1)
    rows = sorted(((n, len(s), c) for n, (s, c) in known.items()), key=lambda r: (-r[2], r[0]))
    if unknown[0]:
        n = len(unknown[0])
        label = "outlet unknown" if n == 1 else f"outlet unknown ({n} articles, each a source of its own)"
        rows.append((label, n, unknown[1]))
    return rows, len(known) + len(unknown[0])


def _context(text: str, m: Mention) -> Safe:
    """The mention's sentence, the name in bold; cut around the name when long."""
    start, end = m.sentence
    start, end = min(start, m.start), max(end, m.end)
    before, after = text[start:m.start], text[m.end:end]
    lead = trail = ""
    if len(before) > MAX_CONTEXT // 2:
        before, lead = before[-(MAX_CONTEXT // 2):].split(" ", 1)[-1], "… "
    if len(after) > MAX_CONTEXT // 2:
        after, trail = after[: MAX_CONTEXT // 2].rsplit(" ", 1)[0], " …"
    return Safe(f"{lead}{escape_piece(before)}**{escape(text[m.start:m.end])}**{escape_piece(after)}{trail}".strip())
