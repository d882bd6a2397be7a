"""Front matter and HTML meta keys mapped onto the metadata the builder knows.

Jekyll and Hugo spell the same thing several ways; values arrive as strings, lists,
dates or mappings. Everything is turned into plain text or tuples of text here, so no
later stage ever sees a front-matter object.
"""

from __future__ import annotations

import datetime as dt
import html

from ...model import Sourced
from ..blocks import collapse

# canonical field -> keys that carry it, in order of preference. The `post_` keys are
# WordPress's, as its exports to Jekyll write them (WordPress GitHub Sync: `post_title`,
# `post_date`; ../data/posts/blog-backup). A `permalink` is a URL only when absolute.
ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "post_title"),
    "date": ("date", "published", "publishdate", "pubdate", "date_publish", "post_date"),
    "author": ("author", "authors", "byline", "post_author"),
    "outlet": ("outlet", "publisher", "source", "site_name", "sitename"),
    "url": ("url", "canonical_url", "canonicalurl", "link", "original_url", "guid", "wordpress_url", "permalink"),
    "description": ("excerpt", "description", "summary", "subtitle", "post_excerpt"),
    "tags": ("tags", "keywords"),
    "categories": ("categories", "category"),
    "image": ("image", "featured_image", "cover"),
    "slug": ("slug", "post_name"),
}
_LIST_FIELDS = {"tags", "categories"}
_KNOWN = {key for keys in ALIASES.values() for key in keys} | {"layout", "draft"}
# Longest text we keep from a single field; front matter is not a place for essays.
MAX_FIELD_CHARS = 2_000


def canonical(meta: dict[str, object], where: str) -> tuple[dict[str, Sourced[object]], tuple[tuple[str, str], ...]]:
    """Split raw key/values into (known fields with origins, unknown keys as text)."""
    lowered = {str(k).strip().lower(): v for k, v in meta.items()}
    fields: dict[str, Sourced[object]] = {}
    for name, keys in ALIASES.items():
        for key in keys:
            if key not in lowered or lowered[key] in (None, "", [], {}):
                continue
            value = _as_list(lowered[key]) if name in _LIST_FIELDS else _as_scalar(name, lowered[key])
            if value:
                fields[name] = Sourced(value, f"{where} `{key}`")
                break
    extra = tuple(
        sorted((key, _text(value)[:200]) for key, value in lowered.items() if key not in _KNOWN)
    )
    return fields, extra


def _as_scalar(name: str, value: object) -> object:
    if name == "date" and isinstance(value, (dt.date, dt.datetime)):
        return value
    if isinstance(value, bool):
        return ""  # `published: true` (Jekyll, WordPress) says whether, not when
    if name == "author":
        return ", ".join(_as_list(value))
    if isinstance(value, (list, tuple)):
        value = value[0] if value else ""
    return _text(value)


def _as_list(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        parts = value.split(",") if "," in value else value.split(";") if ";" in value else [value]
    elif isinstance(value, (list, tuple, set)):
        parts = [_name(v) for v in value]
    else:
        parts = [_name(value)]
    seen: dict[str, None] = {}
    for part in parts:
        text = collapse(html.unescape(str(part)))[:MAX_FIELD_CHARS]
        if text:
            seen.setdefault(text, None)
    return tuple(seen)


def _name(value: object) -> str:
    # Jekyll authors may be mappings: {name: ..., url: ...}
    if isinstance(value, dict):
        for key in ("name", "display_name", "title"):
            if key in value:
                return _text(value[key])
        return ""
    return _text(value)


def _text(value: object) -> str:
    """One line of text. HTML character references are read as the characters they
    stand for: WordPress exports write titles with them ("Installing Rust on Windows,
    macOS &#038; Linux", "Code Convening&#58; Write The Docs")."""
    if isinstance(value, dict):
        return _name(value)
    return collapse(html.unescape(str(value)))[:MAX_FIELD_CHARS]
