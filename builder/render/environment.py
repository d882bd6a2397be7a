"""The one Jinja environment for Markdown pages: templates write Markdown, and every
`{{ value }}` is escaped for Markdown by `finalize` unless it is `Safe`."""

from __future__ import annotations

import functools
import posixpath

from jinja2 import Environment, PackageLoader, StrictUndefined

from .escape import Safe, escape, finalize, front_matter


def relative(target: str, page: str) -> str:
    """The relative URL of `target` seen from `page` (both paths under docs/)."""
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


def markdown_link(text: str, target: str, page: str = "index.md") -> Safe:
    """A Markdown link from `page` to `target`, its label escaped. MkDocs checks it."""
    return Safe(f"[{escape(text)}]({relative(target, page)})")


@functools.lru_cache(maxsize=1)
def markdown_environment() -> Environment:
    env = Environment(
        loader=PackageLoader("builder", "render/templates"),
        autoescape=False,  # the output is Markdown; `finalize` escapes for Markdown instead
        finalize=finalize,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.globals.update(safe=Safe, front_matter=front_matter, link=markdown_link)
    return env
