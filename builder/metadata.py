"""Metadata: each value chosen from the places it can come from, with its origin kept.

Order of trust, highest first: the editor's sources.yml; the file's own metadata
(front matter, HTML meta); what cleaning found in the text (preamble, byline,
sign-off, credit line, dateline); the URL's domain. Nothing is invented: a value
found nowhere is unknown.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

import dateparser

from .blocks import collapse
from .model import Block, Cleaned, Metadata, RawDocument, Sourced

TITLE_MAX_CHARS = 120
_SENTENCE = re.compile(r"^(.+?[.!?])(?=\s+[A-Z“\"‘']|\s*$)")
_DATE_SETTINGS = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past",
                  "DATE_ORDER": "YMD", "RETURN_AS_TIMEZONE_AWARE": False}


def resolve(raw: RawDocument, cleaned: Cleaned, editor: dict[str, object]) -> Metadata:
    def pick(name: str) -> Sourced[object] | None:
        if name in editor:
            return Sourced(editor[name], f"sources.yml `{name}`")
        return raw.fields.get(name) or cleaned.found.get(name)

    title = pick("title")
    title_value = collapse(str(title.value))[:TITLE_MAX_CHARS * 3] if title else ""
    if not title_value:
        title = _title_from_text(cleaned.blocks) or Sourced(raw.path.stem, "file name")
        title_value = str(title.value)

    url = pick("url")
    url_value = str(url.value) if url else None
    if url_value is not None and urlsplit(url_value).scheme not in ("http", "https"):
        url, url_value = None, None  # javascript:, data:, file: ... are never links

    outlet = pick("outlet")
    if outlet is None and url_value:
        host = (urlsplit(url_value).hostname or "").removeprefix("www.")
        outlet = Sourced(host, f"URL domain ({url.origin})") if host and url else None

    return Metadata(
        title=Sourced(title_value, title.origin),
        outlet=_text(outlet),
        author=_text(pick("author")),
        date=_date(pick("date")),
        dateline=_text(cleaned.found.get("dateline")),
        url=Sourced(url_value, url.origin) if url and url_value else None,
        description=_text(pick("description")),
        tags=_tuple(raw.fields.get("tags")),
        categories=_tuple(raw.fields.get("categories")),
    )


def _title_from_text(blocks: tuple[Block, ...]) -> Sourced[object] | None:
    first = next((b for b in blocks if b.kind == "paragraph"), None)
    if first is None:
        return None
    match = _SENTENCE.match(first.text)
    sentence = match.group(1) if match else first.text
    if len(sentence) > TITLE_MAX_CHARS:
        sentence = sentence[:TITLE_MAX_CHARS].rsplit(" ", 1)[0] + "…"
    return Sourced(sentence, f"first sentence (line {first.line}), shortened" if sentence.endswith("…") else f"first sentence (line {first.line})")


def _text(value: Sourced[object] | None) -> Sourced[str] | None:
    if value is None:
        return None
    text = collapse(str(value.value))
    return Sourced(text, value.origin) if text else None


def _tuple(value: Sourced[object] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    return tuple(value.value) if isinstance(value.value, tuple) else (str(value.value),)


def parse_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = collapse(str(value))
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    parsed = dateparser.parse(text, settings=_DATE_SETTINGS)
    return parsed.date() if parsed else None


def _date(value: Sourced[object] | None) -> Sourced[dt.date] | None:
    if value is None:
        return None
    parsed = parse_date(value.value)
    return Sourced(parsed, value.origin) if parsed else None
