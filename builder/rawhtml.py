"""Raw HTML in the builder's pages: its links resolved as MkDocs resolves Markdown
links, and its blocks kept from Python-Markdown, which would only pass them through.

The builder writes long machine-made lists as raw HTML, the HTML their Markdown made:
an entity page's mentions are hundreds of short lines, each a link, a name in bold and
escaped article text, and Python-Markdown's inline patterns, tried one by one on every
piece of every line, cost more there than on all the rest of the page.

- **Links.** Python-Markdown passes raw HTML through untouched, so MkDocs never sees
  its links. The builder marks its own (`<a data-briefing-link href="../articles/a.md#p-1">`,
  `render.environment.html_link`); `resolve` gives each the URL MkDocs' own code gives
  a Markdown link, with the same warning for a missing page, registers its anchor for
  MkDocs' check at the end of the build, and drops the mark. The plugin runs it on
  every page (`on_page_content`), and `pagehtml` on the pages it renders itself.
- **Blocks.** Passed through or not, raw HTML is read tag by tag, in pure Python,
  twice: by Python-Markdown, to find where each block ends, and by MkDocs, for anchor
  ids. A block the builder wrote between `HTML_START` and `HTML_END` lines, with no
  blank line inside and every line a whole element or inside one, comes out of
  Python-Markdown exactly as it went in. For a page as the builder wrote it, `cut`
  takes such blocks out before the page renders, leaving a comment in each one's
  place, and `splice` puts them back: the HTML is the same, byte for byte
  (tests/test_pagehtml.py builds the site both ways). The ids in a block (an article
  paragraph's anchor) are listed as MkDocs lists them, for its anchor check (`ids`); a
  block with an id written otherwise than `id="..."`, or an `<a name>`, is left to MkDocs.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page, _RelativePathTreeprocessor

from .render.environment import HTML_END, HTML_START, RAW_LINK

_LINK = re.compile(rf'<a {RAW_LINK} href="([^"]*)"')
# A block: its first and last lines the markers, no blank line between, a blank line
# (or the page's start or end) either side.
_BLOCK = re.compile(rf"(?:(?<=\n\n)|\A){re.escape(HTML_START)}\n(?:[^\n]+\n)*?{re.escape(HTML_END)}(?=\n\n|\n?\Z)")
# Article text in a block is escaped: a "<" starts one of the builder's tags.
_TAG_ID = re.compile(r'<[^<>]*?\sid="([^"]*)"')
_TAG_ANCHOR = re.compile(r"(?i)<[^<>]*\s(?:id|name)\s*=")
_KEPT = "<!-- briefing:html {} -->"
_KEPT_AGAIN = re.compile(r"<!-- briefing:html (\d+) -->")


def link_targets(text: str) -> list[str]:
    """The targets of the marked links in `text` (Markdown or HTML)."""
    return [html.unescape(target) for target in _LINK.findall(text)]


def resolve(text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """`text` (the page's HTML) with the marked links resolved from `page`; what MkDocs
    would log for a Markdown link is logged, and anchors are added to the page's links
    to check."""
    if RAW_LINK not in text:
        return text
    links = _RelativePathTreeprocessor(page.file, files, config)
    text = _LINK.sub(lambda m: f'<a href="{html.escape(links.path_to_url(html.unescape(m[1])))}"', text)
    if page.links_to_anchors is not None:  # None: MkDocs logs at DEBUG and checks no anchors
        for target, anchors in links.links_to_anchors.items():
            known = page.links_to_anchors.setdefault(target, {})
            for anchor, url in anchors.items():
                known.setdefault(anchor, url)
    return text


def _plain_ids(block: str) -> bool:
    """Whether every id in the block is written `id="..."`, and it has no `name`."""
    return len(_TAG_ANCHOR.findall(block)) == len(_TAG_ID.findall(block))


def ids(blocks: Sequence[str]) -> set[str]:
    """The ids in the blocks, as MkDocs reads them from raw HTML: anchors of the page."""
    return {html.unescape(found) for block in blocks for found in _TAG_ID.findall(block)}


def block_lines(markdown: str) -> int:
    """How many of the Markdown's lines are in blocks `cut` would take out."""
    if HTML_START not in markdown:
        return 0
    return sum(m[0].count("\n") + 1 for m in _BLOCK.finditer(markdown) if _plain_ids(m[0]))


def cut(markdown: str) -> tuple[str, list[str]]:
    """The Markdown with each block replaced by a comment, and the blocks."""
    blocks: list[str] = []

    def keep(match: re.Match[str]) -> str:
        if not _plain_ids(match[0]):
            return match[0]
        blocks.append(match[0])
        return _KEPT.format(len(blocks) - 1)

    if HTML_START not in markdown:
        return markdown, blocks
    return _BLOCK.sub(keep, markdown), blocks


def splice(content: str, blocks: Sequence[str]) -> str | None:
    """The HTML with the blocks back in place of their comments; None where a comment
    is not there exactly once (an extension dropped or copied it)."""
    kept = _KEPT_AGAIN.findall(content)
    if sorted(kept) != sorted(str(n) for n in range(len(blocks))):
        return None
    return _KEPT_AGAIN.sub(lambda m: blocks[int(m[1])], content)
