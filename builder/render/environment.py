"""The one Jinja environment for Markdown pages: templates write Markdown, and every
`{{ value }}` is escaped for Markdown by `finalize` unless it is `Safe`."""

from __future__ import annotations

import functools
import html
import posixpath

from jinja2 import Environment, PackageLoader, StrictUndefined

from .escape import Safe, escape, finalize, front_matter, html_code, html_line, html_piece, html_text


def relative(target: str, page: str) -> str:
    """The relative URL of `target` seen from `page` (both paths under docs/)."""
    folder, name = posixpath.split(target)
    up = _relative_folder(folder or ".", posixpath.dirname(page) or ".")
    return name if up == "." else f"{up}/{name}" if name else up


@functools.lru_cache(maxsize=1024)
def _relative_folder(folder: str, start: str) -> str:
    # A site has a handful of folders; posixpath.relpath (which calls os.getcwd) once each.
    return posixpath.relpath(folder, start)


def markdown_link(text: str, target: str, page: str = "index.md") -> Safe:
    """A Markdown link from `page` to `target`, its label escaped. MkDocs checks it."""
    return Safe(f"[{escape(text)}]({relative(target, page)})")


# Raw HTML in the builder's pages (`builder/rawhtml.py`): a link MkDocs is to resolve
# carries RAW_LINK; a block of lines between HTML_START and HTML_END, none blank, each
# a whole element or inside one, is passed through as it is.
RAW_LINK = "data-briefing-link"
HTML_START = "<!-- briefing:html -->"
HTML_END = "<!-- /briefing:html -->"


def html_link(text: str, target: str, page: str = "index.md") -> Safe:
    """A link from `page` to `target` in raw HTML, its label escaped. The plugin
    resolves and checks it as MkDocs does a Markdown link."""
    return Safe(f'<a {RAW_LINK} href="{html.escape(relative(target, page))}">{html_piece(text.strip())}</a>')


@functools.lru_cache(maxsize=1)
def markdown_environment() -> Environment:
    env = Environment(
        loader=PackageLoader("builder", "render/templates"),
        autoescape=False,  # the output is Markdown; `finalize` escapes for Markdown instead
        finalize=finalize,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.globals.update(safe=Safe, front_matter=front_matter, link=markdown_link, html_start=Safe(HTML_START),
                       html_end=Safe(HTML_END))
    env.filters.update(html=html_text, html_code=html_code, html_line=html_line)
    return env
