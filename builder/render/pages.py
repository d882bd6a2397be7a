"""The generated pages. Templates write Markdown; every value is escaped unless Safe."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..analysis import outlets as outlet_names
from ..analysis.stories import Stories, Story
from ..cache import NO_CACHE, Memo, key
from ..model import Article, Corpus, EntityIndex, Paragraph
from .entities import ENTITY_PAGES, link_spans, linked_paragraphs, render_entities, with_pages
from .environment import markdown_environment, markdown_link
from .escape import Safe, escape

REMOVED_TEXT_CHARS = 300


@dataclass(frozen=True, slots=True)
class SkippedRow:
    name: str
    reason: str


def _shorten(text: str) -> str:
    return text if len(text) <= REMOVED_TEXT_CHARS else text[:REMOVED_TEXT_CHARS].rsplit(" ", 1)[0] + " …"


_ENV = markdown_environment()


def article_path(article: Article) -> str:
    return f"articles/{article.slug}.md"


# In an article's story line, where the claims it shares go once the story's analyses
# are done (build.py). A comment no article text can make: text is escaped.
STORY_CLAIMS = "<!-- briefing:story-claims -->"


# How many of the entities an article shares with its story its page names.
STORY_ENTITIES = 5


def shared_entities(entities: EntityIndex, of: Mapping[str, Story]) -> dict[str, list[str]]:
    """Per article in a story: the entities of the index it names that another article
    of its story names too, those named in the most of the story's articles first."""
    ranked: dict[str, list[tuple[int, str]]] = {}
    for e in entities.entities:
        by_story: dict[str, list[str]] = {}
        for slug in e.articles:
            if (story := of.get(slug)) is not None:
                by_story.setdefault(story.slug, []).append(slug)
        for slugs_of in by_story.values():
            if len(slugs_of) > 1:
                for slug in slugs_of:
                    ranked.setdefault(slug, []).append((-len(slugs_of), e.name))
    return {slug: [name for _, name in sorted(names)[:STORY_ENTITIES]] for slug, names in ranked.items()}


def story_line(article: Article, story: Story | None, stories: Stories, names: Sequence[str] = ()) -> Safe:
    """Which story an article belongs to and why (issue 21): the entities it shares
    with the story's other articles (`names`, from the entity index), the rare words and
    names detection grouped it by, and (filled in later) the claims."""
    page = article_path(article)
    if story is None:
        return Safe(f"**Story:** none of the {len(stories.stories)} stories: it shares too little with any "
                    f"(see {markdown_link('the stories', 'index.md', page)}).")
    others = len(story.articles) - 1
    line = (f"**Story:** {markdown_link(story.title, f'stories/{story.slug}/index.md', page)}, "
            f"with {others} other article{'s' if others != 1 else ''}")
    shared = story.shared.get(article.slug, ())
    if shared == ("pinned by the editor (stories.yml)",):
        line += "; pinned to it by the editor (stories.yml)"
    elif shared:
        line += f"; grouped by the terms it shares: {escape(', '.join(shared))}"
    if names:
        line += f"; entities it names with them: {escape(', '.join(names))}"
    line += "."
    return Safe(f"{line} {STORY_CLAIMS}")


def render_article(article: Article, paragraphs: Mapping[str, Safe] | None = None, story: Safe | None = None) -> str:
    """`paragraphs`: anchor -> the paragraph already written as Markdown (entity
    links); the others are escaped from their text. `story`: its story line, when the
    folder holds several stories."""
    m = article.metadata
    parts = [
        f"**{escape(m.outlet.value)}**" if m.outlet else "outlet unknown",
        f"by {escape(m.author.value)}" if m.author else "author unknown",
        escape(m.date.value.isoformat()) if m.date else "date unknown",
    ]
    if m.dateline:
        parts.append(f"dateline {escape(m.dateline.value)}")
    parts.append(f"{article.words} words")
    parts.append(f"source file {escape(article.name)}")
    if m.title_derived:
        parts.append("no headline: the title is made from the first sentence")
    if not article.encoding.startswith("utf-8"):
        parts.append(f"encoding assumed: {escape(article.encoding)}")
    found = (("Title", m.title), ("Outlet", m.outlet), ("Author", m.author), ("Date", m.date),
             ("Dateline", m.dateline), ("URL", m.url), ("Description", m.description))
    provenance = [(name, field.value.isoformat() if isinstance(field.value, dt.date) else field.value, field.origin)
                  for name, field in found if field is not None]
    provenance += [("Format", article.format, "file suffix"), ("Encoding", article.encoding, "decoder")]
    if m.tags:
        provenance.append(("Tags", ", ".join(m.tags), "front matter"))
    if m.categories:
        provenance.append(("Categories", ", ".join(m.categories), "front matter"))
    provenance.extend((f"Other key: {k}", v, "front matter (kept, not used)") for k, v in article.extra)
    # The fields the file did not give share one row (a row each made every page of a
    # corpus of plain-text files carry six rows of "unknown").
    missing = [name for name, field in found if field is None]
    if missing:
        provenance.append((", ".join(missing), "unknown", "not found in the file"))
    # The body as runs: a heading, a table or code alone, or the paragraphs up to the next
    # of those (one block the plugin's fast path renders, builder/mkdocs/fastpath.py).
    runs: list[tuple[str, list[Paragraph]]] = []
    for p in article.paragraphs:
        if p.kind == "paragraph" and runs and runs[-1][0] == "paragraphs":
            runs[-1][1].append(p)
        else:
            runs.append(("paragraphs" if p.kind == "paragraph" else p.kind, [p]))
    return _ENV.get_template("article.md.j2").render(
        a=article, runs=runs, meta_line=Safe(" · ".join(parts)), provenance=provenance, shorten=_shorten, paragraphs=paragraphs or {},
        story=story or "",
    )


# The home page lists at most this many articles; the article list has them all (a
# table of thousands of rows made a home page nobody reads, and a second copy of the list).
HOME_ARTICLES = 100


def render_index(corpus: Corpus, title: str, seeds: Path, has_entities: bool = False) -> str:
    articles = sorted(
        corpus.articles,
        key=lambda a: (a.metadata.date.value.isoformat() if a.metadata.date else "9999", a.metadata.title.value),
    )
    dates = sorted(a.metadata.date.value for a in articles if a.metadata.date)
    summary = outlet_names.count(articles)
    if dates:
        span = dates[0].isoformat() if dates[0] == dates[-1] else f"{dates[0].isoformat()} to {dates[-1].isoformat()}"
        summary += f", dated {span}"
    summary += "."
    skipped = [SkippedRow(_display_name(s.path, seeds), s.reason) for s in corpus.skipped]
    return _ENV.get_template("index.md.j2").render(
        title=title, summary=Safe(escape(summary)), articles=articles, shown=articles[:HOME_ARTICLES], skipped=skipped,
        has_entities=has_entities,
    )


def _display_name(path: Path, seeds: Path) -> str:
    try:
        return path.relative_to(seeds).as_posix()
    except ValueError:
        return path.name


def render_article_list(corpus: Corpus) -> str:
    """`/articles/`: every article, newest first. The navigation falls back to this
    page alone when there are too many articles to list (see the plugin's on_nav)."""
    return _ENV.get_template("articles.md.j2").render(articles=_by_date(corpus), link=_link_from("articles/index.md"))


def _by_date(corpus: Corpus) -> list[Article]:
    return sorted(
        corpus.articles,
        key=lambda a: (a.metadata.date.value.isoformat() if a.metadata.date else "0000", a.metadata.title.value),
        reverse=True,
    )


def _link_from(page: str):  # type: ignore[no-untyped-def]
    return lambda text, target: markdown_link(text, target, page)


def render_site(corpus: Corpus, title: str, seeds: Path, entities: EntityIndex | None = None,
                entity_pages: int = ENTITY_PAGES, memo: Memo[str] | None = None,
                stories: Stories | None = None) -> dict[str, str]:
    """Every page but the briefing's. `memo`: pages made by an earlier build, under a
    digest of what they show; a page whose inputs did not change is not made again.
    `stories`: when the folder holds several (issue 21), each article says which story
    it belongs to, each entity which stories name it, and `/` lists the stories."""
    memo = memo or NO_CACHE.memo("pages")
    paged = with_pages(entities, entity_pages) if entities is not None else frozenset()
    spans = link_spans(corpus, entities, paged) if entities is not None else {}
    several = stories is not None and not stories.single
    of = stories.by_article() if several and stories is not None else {}
    named = shared_entities(entities, of) if of and entities is not None else {}
    pages = {}
    for a in corpus.articles:
        found = spans.get(a.slug, {})
        line = story_line(a, of.get(a.slug), stories, named.get(a.slug, ())) \
            if several and stories is not None else None
        k = key("article", a, found, line)
        pages[article_path(a)] = memo.get(k) or memo.put(k, render_article(a, linked_paragraphs(a, found), line))
    has_entities = bool(entities and entities.entities)
    if several and stories is not None:
        pages["index.md"] = render_stories_index(corpus, title, seeds, stories, has_entities)
    else:
        pages["index.md"] = render_index(corpus, title, seeds, has_entities=has_entities)
    pages["articles/index.md"] = render_article_list(corpus)
    if entities is not None:
        pages.update(render_entities(corpus, entities, paged, memo, of))
    return pages


@dataclass(frozen=True, slots=True)
class StoryRow:
    slug: str
    title: str
    dates: str
    articles: int
    outlets: str


def _story_rows(corpus: Corpus, stories: Stories) -> list[StoryRow]:
    by_slug = {a.slug: a for a in corpus.articles}
    rows = []
    for s in stories.stories:
        articles = [by_slug[x] for x in s.articles]
        dates = sorted(a.metadata.date.value for a in articles if a.metadata.date)
        shown = "undated" if not dates else dates[0].isoformat() if dates[0] == dates[-1] else \
            f"{dates[0].isoformat()} – {dates[-1].isoformat()}"
        named = {outlet_names.key(a) for a in articles if a.metadata.outlet}
        rows.append(StoryRow(s.slug, s.title, shown, len(articles), str(len(named)) if named else "none named"))
    return rows


def render_stories_index(corpus: Corpus, title: str, seeds: Path, stories: Stories, has_entities: bool) -> str:
    """`/` when the folder holds several stories: the stories, largest first, then the
    articles that fit none."""
    by_slug = {a.slug: a for a in corpus.articles}
    skipped = [SkippedRow(_display_name(s.path, seeds), s.reason) for s in corpus.skipped]
    summary = f"{outlet_names.count(corpus.articles)}, sorted into {len(stories.stories)} stories"
    if stories.other:
        summary += f"; {len(stories.other)} fit none"
    return _ENV.get_template("stories.md.j2").render(
        title=title, summary=summary + ".", stories=_story_rows(corpus, stories),
        other=[by_slug[x] for x in stories.other], notes=stories.notes, skipped=skipped, has_entities=has_entities,
        page="index.md",
    )


def story_pages(corpus: Corpus, stories: Stories) -> dict[str, str]:
    """`/stories/`: the stories' list, for the navigation (each story's own pages are
    its briefing and its comparison, build.py)."""
    return {"stories/index.md": _ENV.get_template("stories-list.md.j2").render(
        stories=_story_rows(corpus, stories), page="stories/index.md")}
