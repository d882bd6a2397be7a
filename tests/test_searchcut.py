"""What search leaves out, kept from Material's parser (builder/searchcut.py): the parser
finds the same sections in the page cut as in the page whole, and the page put back
is the page it was."""

from __future__ import annotations

import pytest
from material.plugins.search.plugin import Parser

from builder import searchcut

HEAD = '<h1 id="title">Title</h1>\n<p>Lead paragraph.</p>\n'
ENTITY_PAGE = HEAD + (
    '<p><strong>Role:</strong> minister</p>\n'
    '<h2 data-search-exclude="" id="mentions">Mentions<a class="headerlink" href="#mentions">¶</a></h2>\n'
    '<!-- briefing:html -->\n<p><strong><a href="../../articles/a/">An article</a></strong> · outlet</p>\n'
    '<ul>\n<li><a href="../../articles/a/#p-1">¶1</a> — said <strong>Carney</strong>.</li>\n</ul>\n'
    '<!-- /briefing:html -->\n'
    '<h2 data-search-exclude="" id="sources">Sources</h2>\n<table><tr><td>BBC</td></tr></table>\n')
ARTICLE_PAGE = HEAD + (
    '<!-- briefing:html -->\n<p id="p-2" class="briefing-para">Second paragraph.</p>\n<!-- /briefing:html -->\n'
    '<!-- briefing:html -->\n<details class="removed" data-search-exclude>\n<summary>What cleaning removed (1)</summary>\n'
    '<table><tbody><tr><td>1</td><td>You may also like</td></tr></tbody></table>\n</details>\n'
    '<details class="provenance" data-search-exclude>\n<summary>Where</summary>\n<p>first line</p>\n</details>\n'
    '<h2 id="more">More</h2>\n<p>After the reports.</p>\n')


def _sections(html: str) -> list[tuple[str | None, str, str]]:
    """What Material's search indexes of a page: each section kept, its id, title and text."""
    parser = Parser()
    parser.feed(html)
    parser.close()
    return [(s.id, "".join(s.title).strip(), "".join(s.text).strip()) for s in parser.data if not s.is_excluded()]


@pytest.mark.parametrize("page", [ENTITY_PAGE, ARTICLE_PAGE], ids=["entity", "article"])
def test_the_builders_pages_lose_what_search_leaves_out_and_get_it_back(page: str) -> None:
    cut, parts = searchcut.cut(page)
    assert len(parts) == 2
    assert "Carney" not in cut and "You may also like" not in cut and "first line" not in cut
    assert _sections(cut) == _sections(page)
    assert searchcut.restore(cut, parts) == page


def test_a_section_left_out_runs_to_the_next_heading_with_an_id() -> None:
    page = HEAD + ('<h2 data-search-exclude="" id="left">Left</h2>\n<p>left out</p>\n'
                   '<h3>No id: still in the section left out</h3>\n<p>left out too</p>\n'
                   '<h3 id="kept">Kept</h3>\n<p>indexed</p>\n')
    cut, parts = searchcut.cut(page)
    assert parts == [page[page.index("<h2"):page.index('<h3 id="kept"')]]
    assert _sections(cut) == _sections(page)
    assert [s[0] for s in _sections(cut)] == [None, "kept"]


@pytest.mark.parametrize("page", [
    # the attribute's name as text, and inside another attribute's value
    HEAD + '<p>data-search-exclude is what &lt;h2 data-search-exclude&gt; says</p>\n'
           '<p title="a data-search-exclude b"><a href="data-search-exclude">x</a></p>\n',
    # a marked element holding one of its own kind: the parser indexes what follows the inner one
    HEAD + '<div data-search-exclude><div>inner</div><p>indexed by the parser</p></div>\n',
    # a section starting inside a marked element is indexed (with the page's title)
    HEAD + '<div data-search-exclude><h2 id="inside">Inside</h2><p>x</p></div>\n<p>after</p>\n',
    # a marked heading first on the page: the parser makes a section before it
    '<h1 data-search-exclude="" id="first">First</h1>\n<p>left out</p>\n<h2 id="next">Next</h2>\n<p>kept</p>\n',
    # a script, where "<h2 id" is no tag
    HEAD + '<h2 data-search-exclude="" id="a">A</h2>\n<script>var s = "<h2 id=x>";</script>\n<p>t</p>\n',
    # a comment holding a tag, which is no tag
    HEAD + '<h2 data-search-exclude="" id="a">A</h2>\n<!-- <h2 id="b"> -->\n<p>t</p>\n',
    # not closed
    HEAD + '<section data-search-exclude><p>never closed</p>\n',
], ids=["named-in-text-and-values", "nested-same-kind", "section-inside", "first-on-page", "script",
        "comment-with-a-tag", "not-closed"])
def test_what_the_parser_would_read_otherwise_is_left_whole(page: str) -> None:
    assert searchcut.cut(page) == (page, [])


def test_a_page_with_nothing_left_out_is_itself() -> None:
    assert searchcut.cut(HEAD) == (HEAD, [])
    assert searchcut.restore(HEAD, []) == HEAD
