"""Entity links in article paragraphs and the entity pages, with hostile names and text.

The property: a paragraph written with entity links renders, with the site's own
Markdown extensions, to exactly the paragraph's text, and each link's label is the
name as written there.
"""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
from conftest import write
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.corpus.load import load_corpus
from builder.model import Entity, EntityIndex, Mention
from builder.render.entities import paragraph_links, render_entities
from builder.render.escape import escape_piece
from builder.render.pages import render_article, render_site

EXTENSIONS = ["attr_list", "tables", "toc", "admonition", "pymdownx.details"]


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        self._label: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "a":
            self._href, self._label = dict(attrs).get("href") or "", []

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            self.links.append(("".join(self._label), self._href))
            self._href = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._href is not None:
            self._label.append(data)


def _html(md: str) -> _Text:
    parser = _Text()
    parser.feed(markdown.markdown(md, extensions=EXTENSIONS))
    return parser


def _mention(article: str, anchor: str, text: str, name: str, occurrence: int = 0) -> Mention:
    start = [m.start() for m in re.finditer(re.escape(name), text)][occurrence]
    return Mention(article, anchor, start, start + len(name), name, "PERSON", (0, len(text)))


def _entity(slug: str, name: str, mentions: tuple[Mention, ...], kind: str = "person") -> Entity:
    return Entity(slug=slug, name=name, type=kind, type_origin="test", aliases=(), roles=(),  # type: ignore[arg-type]
                  mentions=mentions, labels=(("PERSON", len(mentions)),))


def test_escape_piece_keeps_the_spaces_between_pieces() -> None:
    assert escape_piece(" said ") == " said "
    assert escape_piece("said:") == "said&#58;"
    assert escape_piece("") == ""
    assert escape_piece(" ") == " "
    assert escape_piece("*bold* ") == "&#42;bold&#42; "


HOSTILE = ("Reporters asked <b>Maria</b> [x](javascript:alert(1)) *Maria Lopez* about {{ config }}; "
           "Maria Lopez said: --8<-- \"x\" | Maria Lopez | ok")


def _seeds(tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    write(seeds / "press.txt", f"Press room notes\n\n{HOSTILE}\n\nNobody is named here.\n")
    return seeds


def test_first_mention_per_paragraph_is_linked_and_the_text_stays_text(tmp_path: Path) -> None:
    corpus = load_corpus(_seeds(tmp_path), dt.date(2025, 6, 1))
    article = corpus.articles[0]
    paragraph = article.body[0]
    assert paragraph.text == HOSTILE
    mentions = tuple(_mention(article.slug, paragraph.anchor, HOSTILE, "Maria Lopez", i) for i in range(3))
    index = EntityIndex((_entity("maria-lopez", "Maria Lopez", mentions),))
    links = paragraph_links(corpus, index)
    assert set(links[article.slug]) == {paragraph.anchor}  # the other paragraph names nobody
    rendered = _html(links[article.slug][paragraph.anchor])
    assert "".join(rendered.text) == HOSTILE
    assert rendered.links == [("Maria Lopez", "../entities/maria-lopez.md")]
    assert set(rendered.tags) == {"p", "a"}
    page = render_article(article, links[article.slug])
    assert "[Maria Lopez](../entities/maria-lopez.md)" in page
    assert page.count("](../entities/") == 1


def test_render_article_without_entities_is_unchanged(tmp_path: Path) -> None:
    corpus = load_corpus(_seeds(tmp_path), dt.date(2025, 6, 1))
    article = corpus.articles[0]
    assert render_article(article) == render_article(article, {})
    assert render_site(corpus, "T", tmp_path)[f"articles/{article.slug}.md"] == render_article(article)
    assert not any(path.startswith("entities/") for path in render_site(corpus, "T", tmp_path))


def test_entity_pages_escape_names_and_context(tmp_path: Path) -> None:
    corpus = load_corpus(_seeds(tmp_path), dt.date(2025, 6, 1))
    article = corpus.articles[0]
    paragraph = article.body[0]
    hostile_name = "<b>Maria</b>"
    mentions = (_mention(article.slug, paragraph.anchor, HOSTILE, hostile_name),)
    index = EntityIndex((_entity("b-maria-b", hostile_name, mentions),), model="test", notes=("a note with *stars*",))
    pages = render_entities(corpus, index)
    assert set(pages) == {"entities/index.md", "entities/b-maria-b.md"}
    page = pages["entities/b-maria-b.md"]
    assert page.startswith('---\ntitle: "&lt;b&gt;Maria&lt;/b&gt;"\n---\n')  # no </title> breakout
    body = _html(page.split("---\n", 2)[2])
    assert "b" not in body.tags and "script" not in body.tags
    text = "".join(body.text)
    assert "<b>Maria</b>" in text
    assert "[x](javascript:alert(1))" in text
    assert ("¶1", f"../articles/{article.slug}.md#{paragraph.anchor}") in body.links
    index_page = _html(pages["entities/index.md"])
    assert ("<b>Maria</b>", "b-maria-b.md") in index_page.links
    assert "a note with *stars*" in "".join(index_page.text)


def test_long_sentences_are_cut_around_the_name(tmp_path: Path) -> None:
    long_text = " ".join(["word"] * 200) + " Maria Lopez " + " ".join(["more"] * 200) + "."
    seeds = tmp_path / "seeds"
    write(seeds / "long.txt", f"Long\n\n{long_text}\n")
    corpus = load_corpus(seeds, dt.date(2025, 6, 1))
    article = corpus.articles[0]
    mention = _mention(article.slug, article.body[0].anchor, article.body[0].text, "Maria Lopez")
    page = render_entities(corpus, EntityIndex((_entity("maria-lopez", "Maria Lopez", (mention,)),)))["entities/maria-lopez.md"]
    line = next(x for x in page.splitlines() if "**Maria Lopez**" in x)
    assert len(line) < 500 and "— … word" in line and line.endswith("more …")


@settings(max_examples=200, deadline=None)
@given(before=st.text(max_size=60), name=st.text(min_size=1, max_size=20).filter(lambda n: n.strip() == n and any(c.isalnum() for c in n)),
       after=st.text(max_size=60))
def test_mention_lines_render_to_their_own_text(before: str, name: str, after: str) -> None:
    """A mention line is a list item: whatever the sentence holds (tags, blank lines,
    Python-Markdown's placeholders), the page shows it as text, the name in bold."""
    from builder.render.entities import _context

    text = f"{before} {name} {after}"
    mention = Mention("a", "p-1", len(before) + 1, len(before) + 1 + len(name), name, "PERSON", (0, len(text)))
    md = f"## Mentions\n\n- {_context(text, mention)}\n\nAfter.\n"
    rendered = _html(md)
    visible = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", "", text)
    assert re.sub(r"\s+", " ", "".join(rendered.text[1:-1])).strip() == re.sub(r"\s+", " ", visible).strip()
    assert rendered.tags == ["h2", "ul", "li", "strong", "p"]


@settings(max_examples=200, deadline=None)
@given(before=st.text(max_size=40), name=st.text(min_size=1, max_size=20), after=st.text(max_size=40))
def test_linked_paragraphs_render_to_their_own_text(before: str, name: str, after: str) -> None:
    from builder.corpus.blocks import collapse
    from builder.render.entities import _linked

    text = collapse(f"{before} {name} {after}")
    name = collapse(name)
    if not name or name not in text:
        return
    start = text.index(name)
    md = _linked(text, [(start, start + len(name), "entities/x.md")], "articles/a.md")
    rendered = _html(md)
    assert collapse("".join(rendered.text)) == collapse(re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", "", text))
    assert [href for _, href in rendered.links] == ["../entities/x.md"]


def test_articles_with_no_outlet_share_one_sources_row(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    for name, verb in (("a", "left"), ("b", "stayed")):  # two texts: the same one twice is one article (copies.py)
        write(seeds / f"{name}.txt", f"Story {name}\n\nMaria Lopez spoke. Maria Lopez {verb}.\n")
    write(seeds / "c.md", "---\ntitle: Story c\noutlet: Harbour Herald\n---\n\nMaria Lopez arrived.\n")
    corpus = load_corpus(seeds, dt.date(2025, 6, 1))
    mentions = tuple(_mention(a.slug, a.body[0].anchor, a.body[0].text, "Maria Lopez", i)
                     for a in corpus.articles for i in range(a.body[0].text.count("Maria Lopez")))
    page = render_entities(corpus, EntityIndex((_entity("maria-lopez", "Maria Lopez", mentions),)))["entities/maria-lopez.md"]
    table = page.split("## Sources", 1)[1].split("\n\n")[1].splitlines()[2:]
    assert table == ["| Harbour Herald | 1 | 1 |", "| outlet unknown (2 articles, each a source of its own) | 2 | 4 |"]
    assert "5 mentions in 3 articles from 3 sources" in page


def test_the_home_page_lists_the_first_articles_and_links_to_them_all(tmp_path: Path) -> None:
    from builder.render.pages import HOME_ARTICLES

    seeds = tmp_path / "seeds"
    for n in range(HOME_ARTICLES + 5):
        write(seeds / f"{n:03d}.md", f"---\ntitle: Story {n:03d}\ndate: 2025-01-01\n---\n\nText {n}.\n")
    pages = render_site(load_corpus(seeds, dt.date(2025, 6, 1)), "T", seeds)
    home = pages["index.md"]
    rows = [line for line in home.splitlines() if "](articles/" in line and line.startswith("| ")]
    assert len(rows) == HOME_ARTICLES
    assert "Story 000" in rows[0] and f"Story {HOME_ARTICLES - 1:03d}" in rows[-1]  # oldest first, then by title
    assert f"The first {HOME_ARTICLES} of the {HOME_ARTICLES + 5} articles" in home
    listed = [line for line in pages["articles/index.md"].splitlines() if "](" in line and line.startswith("| ")]
    assert len(listed) == HOME_ARTICLES + 5
