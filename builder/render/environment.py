"""The one Jinja environment for Markdown pages: templates write Markdown, and every
`{{ value }}` is escaped for Markdown by `finalize` unless it is `Safe`."""

from __future__ import annotations

import functools
import posixpath

from jinja2 import Environment, PackageLoader, StrictUndefined

from .escape import (
    Safe,
    code_block,
    escape,
    finalize,
    front_matter,
    html_code,
    html_text,
    markdown_table,
)


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


# Around the long machine-made blocks of the pages: comment lines any renderer hides,
# which the plugin's fast path looks for (builder/mkdocs/fastpath.py).
FAST_START = "<!-- briefing:fast -->"
FAST_END = "<!-- /briefing:fast -->"


@functools.lru_cache(maxsize=1)
def markdown_environment() -> Environment:
    env = Environment(
        loader=PackageLoader("builder", "render/templates"),
        autoescape=False,  # the output is Markdown; `finalize` escapes for Markdown instead
        finalize=finalize,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.globals.update(safe=Safe, front_matter=front_matter, link=markdown_link, fast_start=Safe(FAST_START),
                       fast_end=Safe(FAST_END), markdown_table=markdown_table, code_block=code_block)
    env.filters.update(html=html_text, html_code=html_code)
    return env
