"""What Material's search leaves out, kept from its parser (issue 7: `mkdocs build` of
the BBC site).

The builder marks what search should not index with `data-search-exclude`, as
Material documents: an entity page's mentions (the articles' own sentences, which
the articles' pages already give search), an article page's removed-text and
provenance tables. Material's parser still reads all of it, tag by tag, and drops
it only at the end: on BBC, 7.4 of the 11.9 s its parser took went on the entity
pages, most of them on the sections it then dropped.

So, for the builder's pages as it wrote them, the plugin hands search the page
without those parts and puts them back before the template renders it (two
`on_page_context` handlers, an early one at priority 100 and a late one at -100). Each
part leaves a comment in its place, which the parser passes over. What search indexes
is the same either way: `tests/test_searchcut.py` compares what the parser finds, page
by page; `tests/test_pagehtml.py` the whole site, its search index included.

What is cut, as Material's parser reads it:

- a heading with an id and the attribute: its section, up to the next heading with
  an id (a heading without one does not start a section), or to the end. That is the
  parser's section when the headings are at the top level of the page, as in every
  page the builder writes (a heading inside another element, as a hand-written page
  may have, ends its section with that element: such pages are not given here);
- any other element with the attribute: the element, up to its own end tag.

Where the parser would index part of what the attribute marks (a section heading
inside a marked element, a marked element holding one of its own kind, a marked
heading first on the page), nothing is cut and the parser reads it all as before.

Article text never holds a `<` here (the builder escapes it), so tags are found by
their `<`; a page with scripts, styles, or comments holding a `<` or `>`, where a `<`
may not start a tag, is left whole (comments without, such as the markers around the
builder's raw HTML blocks, `builder/rawhtml.py`, hide no tag). A start tag's
attributes are read whole, so the attribute's name inside an attribute's value (an
`id`, a `title`) is not taken for the attribute.
"""

from __future__ import annotations

import re

ATTRIBUTE = "data-search-exclude"
_MARK = "<!--briefing-search-cut-{}-->"
_START_TAG = re.compile(
    r"<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s\"'>/=]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*)\s*/?>")
_ATTR_NAME = re.compile(r"\s+([^\s\"'>/=]+)(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?")
_HEADING = re.compile(r"<h[1-6][\s>]", re.IGNORECASE)
# Where a `<` does not start a tag for the parser, or text holds no tags.
_NOT_TAGS = re.compile(r"<(?:script|style|textarea|!\[CDATA\[)|<!--(?!(?:(?!-->)[^<>])*-->)", re.IGNORECASE)


def cut(html: str) -> tuple[str, list[str]]:
    """`html` without the parts search leaves out, each replaced by a comment, and
    the parts, in order. Nothing found: `html` itself and no parts."""
    parts: list[str] = []
    if ATTRIBUTE not in html or _NOT_TAGS.search(html):
        return html, parts
    out: list[str] = []
    done = 0  # html[:done] is in out, or cut
    look = 0  # where to look for the attribute next
    while (at := html.find(ATTRIBUTE, look)) != -1:
        look = at + len(ATTRIBUTE)
        start = html.rfind("<", done, at)
        tag = _START_TAG.match(html, start) if start != -1 else None
        if tag is None or tag.end() <= at or ATTRIBUTE not in _names(tag.group(2)):
            continue  # text, or inside another attribute's value
        if _starts_section(tag):
            # First on the page, the section also decides whether the parser makes
            # a section of its own before it: left for the parser.
            end = _section_end(html, tag.end()) if start > 0 else None
        else:
            end = _element_end(html, tag)
            if end is not None and _section_end(html, tag.end(), end) != end:
                end = None  # a section starts inside it: the parser indexes that one
        if end is None:
            continue
        out.append(html[done:start])
        out.append(_MARK.format(len(parts)))
        parts.append(html[start:end])
        done = look = end
    if not parts:
        return html, parts
    out.append(html[done:])
    return "".join(out), parts


def restore(html: str, parts: list[str]) -> str:
    """Put the parts `cut` took back in their places."""
    for number, part in enumerate(parts):
        html = html.replace(_MARK.format(number), part, 1)
    return html


def _names(attributes: str) -> set[str]:
    return {name.lower() for name in _ATTR_NAME.findall(attributes)}


def _starts_section(tag: re.Match[str]) -> bool:
    return re.fullmatch(r"h[1-6]", tag.group(1), re.IGNORECASE) is not None and "id" in _names(tag.group(2))


def _section_end(html: str, after: int, end: int | None = None) -> int:
    """Where the next heading with an id starts, looking from `after` to `end`; `end`
    (the page's end by default) if none does."""
    end = len(html) if end is None else end
    for heading in _HEADING.finditer(html, after, end):
        tag = _START_TAG.match(html, heading.start())
        if tag is not None and _starts_section(tag):
            return heading.start()
    return end


def _element_end(html: str, tag: re.Match[str]) -> int | None:
    """Where the element ends, after its end tag. None when it is not closed, or holds
    an element of its own kind: the parser takes the first end tag of that kind for
    the end of what it leaves out (it keeps elements by their tag name), and indexes
    what follows."""
    if tag.group(0).endswith("/>"):
        return None
    same = re.compile(rf"<(/?){re.escape(tag.group(1))}[\s>/]", re.IGNORECASE).search(html, tag.end())
    if same is None or not same.group(1):
        return None
    close = html.find(">", same.start())
    return None if close == -1 else close + 1
