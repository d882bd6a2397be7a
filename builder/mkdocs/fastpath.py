"""A Python-Markdown extension the plugin adds for speed: the long machine-made blocks of
the builder's pages rendered to HTML directly, and handed to Python-Markdown through its
HTML stash, the way it passes raw HTML through.

The blocks are an article's runs of paragraphs and an entity page's mention lists:
plain Markdown, which any renderer builds right (issue 17), between two comment lines,
`FAST_START` and `FAST_END`, that any renderer hides. Their Markdown is the builder's
own and of a few shapes only: paragraphs of escaped text (render/escape.py: no
character with a meaning but numeric references) with links and bold, closed by an
attribute list (`{ #p-abc .briefing-para data-para="3" }`), and lists of such lines.
Python-Markdown tries each of its inline patterns on every piece of every line; on BBC
that was most of `mkdocs build`'s time. Here a block is read once with one regular
expression, and becomes the HTML Python-Markdown would make of it, byte for byte
(tests/test_fastpath.py builds the seeds, the fixtures and a news cluster both ways).

Links are resolved as MkDocs resolves a Markdown link (`File.url_relative_to`, its
public API), and the blocks' ids join the page's `present_anchor_ids`, which MkDocs
checks links to anchors against (the plugin's `on_page_content`). A block that holds anything else, or a link to a page MkDocs does not
have, is left to Python-Markdown whole: MkDocs then warns about it as usual.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from ..render.environment import FAST_END, FAST_START

# A link, or the bold marker; everything else in a line is text.
_INLINE = re.compile(r"\[([^\[\]]*)\]\(([^()\s]+)\)|\*\*")
# What escaped text never holds (escape.py writes each as a numeric reference): a
# character that could mean something to Python-Markdown, here or at a line's start.
_NOT_PLAIN = re.compile(r"[<>*_`\[\]{}\\|~^=+@$]|&(?!#\d+;)|\s{2}")
_LINE_START = re.compile(r"^(?:\*(?!\*\S)|[#>+=|:!?/%.-]|\d+[.)])")
_ID = re.compile(r' id="([^"]+)"')
_ATTRIBUTES = re.compile(r'^\{ #([\w-]+) \.([\w-]+) data-para="(\d+)" \}$')

# A target (`../articles/a.md#p-1`, relative to the page's Markdown file) -> its URL
# from the page, or None when MkDocs has no such page.
Resolve = Callable[[str], str | None]


class FastBlocks(Extension):
    """The extension; the plugin sets `resolve` for the page about to be rendered."""

    def __init__(self) -> None:
        super().__init__()
        self.resolve: Resolve | None = None
        self.ids: set[str] = set()  # the anchors of the blocks rendered for the page

    def start_page(self, resolve: Resolve) -> None:
        self.resolve = resolve
        self.ids = set()

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        # After whitespace is normalised (30), before raw HTML blocks are stashed (20).
        md.preprocessors.register(_Blocks(md, self), "briefing_fast", 25)


class _Blocks(Preprocessor):
    def __init__(self, md: Markdown, extension: FastBlocks) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        if FAST_START not in lines:
            return lines
        out: list[str] = []
        index = 0
        while index < len(lines):
            if lines[index] != FAST_START or FAST_END not in lines[index:]:
                out.append(lines[index])
                index += 1
                continue
            end = lines.index(FAST_END, index)
            block = lines[index + 1 : end]
            made = to_html(block, self.extension.resolve) if self.extension.resolve else None
            if made is not None:
                self.extension.ids.update(_ID.findall(made))
            out.extend([FAST_START, "", self.md.htmlStash.store(made), "", FAST_END] if made is not None
                       else [FAST_START, *block, FAST_END])
            index = end + 1
        return out


def to_html(lines: list[str], resolve: Resolve) -> str | None:
    """The HTML Python-Markdown makes of a block of the builder's, or None when the block
    is not of the shapes this reads."""
    parts: list[str] = []
    chunks: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            chunks[-1].append(line)
        elif chunks[-1]:
            chunks.append([])
    for chunk in (c for c in chunks if c):
        if all(line.startswith("- ") for line in chunk):
            items = [_inline(line[2:], resolve) for line in chunk]
            if any(item is None for item in items):
                return None
            parts.append("<ul>\n" + "".join(f"<li>{item}</li>\n" for item in items) + "</ul>")
        elif len(chunk) == 2 and (attributes := _ATTRIBUTES.match(chunk[1])):
            text = _inline(chunk[0], resolve)
            if text is None:
                return None
            anchor, kind, number = attributes.groups()
            parts.append(f'<p class="{kind}" data-para="{number}" id="{anchor}">{text}</p>')
        elif len(chunk) == 1:
            text = _inline(chunk[0], resolve)
            if text is None:
                return None
            parts.append(f"<p>{text}</p>")
        else:
            return None
    return "\n".join(parts)


def _inline(line: str, resolve: Resolve) -> str | None:
    if _LINE_START.match(line) or line != line.strip():
        return None
    out: list[str] = []
    pos = 0
    bold = False
    for m in _INLINE.finditer(line):
        text = line[pos : m.start()]
        if _NOT_PLAIN.search(text) or (text.endswith("!") and m.group(0) != "**"):
            return None  # ("![...](...)" is an image)
        out.append(text)
        if m.group(0) == "**":
            out.append("</strong>" if bold else "<strong>")
            bold = not bold
        else:
            label, target = m.group(1), m.group(2)
            url = resolve(target)
            if url is None or _NOT_PLAIN.search(label) or not label:
                return None
            out.append(f'<a href="{html.escape(url)}">{label}</a>')
        pos = m.end()
    if bold or _NOT_PLAIN.search(line[pos:]):
        return None
    out.append(line[pos:])
    return "".join(out)


def resolver(page_path: str, url_of: Callable[[str], str | None]) -> Resolve:
    """Targets relative to `page_path` (a page's Markdown file under docs/), resolved by
    `url_of` (a file's path under docs/ -> its URL from the page, or None)."""
    folder = posixpath.dirname(page_path)

    def resolve(target: str) -> str | None:
        path, _, anchor = target.partition("#")
        if not path.endswith(".md") or "://" in path or path.startswith("/"):
            return None
        url = url_of(posixpath.normpath(posixpath.join(folder, path)))
        if url is None:
            return None
        return f"{url}#{anchor}" if anchor else url

    return resolve
