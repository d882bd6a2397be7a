"""Raw HTML blocks kept from Python-Markdown (builder/rawhtml.py): taken out of a page's
Markdown and put back into its HTML, the page is what Python-Markdown makes of it whole,
whatever article text the block holds. The site built both ways, links and warnings
included, is compared in tests/test_pagehtml.py."""

from __future__ import annotations

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from builder import rawhtml
from builder.render.environment import HTML_END, HTML_START, html_link
from builder.render.escape import html_line, html_piece

# The site's extensions (mkdocs.yml).
EXTENSIONS = ["attr_list", "tables", "toc", "admonition", "pymdownx.details"]


def _block(*lines: str) -> str:
    return "\n".join((HTML_START, *lines, HTML_END))


def _page(*blocks: str) -> str:
    parts = ["# Title", "A paragraph { #p-1 }"]
    for block in blocks:
        parts += ["## Section { data-search-exclude }", block]
    return "\n\n".join([*parts, "The end."]) + "\n"


def _whole_and_cut(page: str) -> tuple[str, str | None, int]:
    whole = markdown.markdown(page, extensions=EXTENSIONS)
    without, blocks = rawhtml.cut(page)
    return whole, rawhtml.splice(markdown.markdown(without, extensions=EXTENSIONS), blocks), len(blocks)


@settings(max_examples=200, deadline=None)
@given(texts=st.lists(st.text(max_size=80), min_size=1, max_size=4), title=st.text(max_size=30))
def test_a_block_put_back_is_what_python_markdown_makes_of_it(texts: list[str], title: str) -> None:
    lines = [f"<p><strong>{html_link(title or 'x', 'articles/a.md', 'entities/e.md')}</strong> · {html_piece(title)}</p>",
             f'<p id="p-1" class="briefing-para" data-para="1">{html_line(title)}</p>', "<ul>"]
    lines += [f"<li>{html_link('¶1', 'articles/a.md#p-1', 'entities/e.md')} — {html_piece(t)}</li>" for t in texts]
    lines.append("</ul>")
    whole, spliced, cut = _whole_and_cut(_page(_block(*lines), _block("<p>Second block.</p>")))
    assert cut == 2
    assert spliced == whole


def test_ids_in_a_block_are_listed_as_mkdocs_lists_them() -> None:
    block = _block('<p id="p-1" class="briefing-para">One, with id="p-2" as text.</p>', '<p id="a&amp;b">Two.</p>')
    assert rawhtml.cut(_page(block))[1] == [block]
    assert rawhtml.ids([block]) == {"p-1", "a&b"}


def test_blocks_python_markdown_might_change_are_left_to_it() -> None:
    with_name = _block('<p><a name="here">An anchor MkDocs lists.</a></p>')
    with_other_ids = [_block("<p id='here'>x</p>"), _block('<p ID="here">x</p>'), _block("<p id=here>x</p>")]
    with_blank = _block("<p>One.</p>", "", "<p>Two.</p>")
    for block in (with_name, *with_other_ids, with_blank):
        assert rawhtml.cut(_page(block))[1] == [], block
    glued = f"Text right above.\n{_block('<p>x</p>')}\n\nAfter.\n"
    assert rawhtml.cut(glued)[1] == []
    indented = f"- a list item\n\n    {HTML_START}\n    <p>x</p>\n    {HTML_END}\n"
    assert rawhtml.cut(indented)[1] == []
    assert rawhtml.block_lines(_page(with_name, _block("<p>x</p>"))) == 3


def test_a_comment_dropped_or_copied_is_no_splice() -> None:
    page = _page(_block("<p>x</p>"), _block("<p>y</p>"))
    without, blocks = rawhtml.cut(page)
    html = markdown.markdown(without, extensions=EXTENSIONS)
    assert rawhtml.splice(html, blocks) is not None
    kept = "<!-- briefing:html 1 -->"
    assert kept in html
    assert rawhtml.splice(html.replace(kept, ""), blocks) is None
    assert rawhtml.splice(html + kept, blocks) is None


def test_marked_link_targets_are_read_back() -> None:
    link = html_link("A & B", "articles/a&b.md#p-1", "entities/e.md")
    assert link == '<a data-briefing-link href="../articles/a&amp;b.md#p-1">A &amp; B</a>'
    assert rawhtml.link_targets(f"text {link} more") == ["../articles/a&b.md#p-1"]
