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

from ..model import Block, Cleaned, Metadata, RawDocument, Sourced
from .blocks import collapse
from .cleaning.patterns import FULL_DATE
from .sentences import split

# A derived title is cut where a phrase ends, between these lengths: headlines run to
# about 100 characters; seed 003's first sentence, 285 characters, is cut at 105.
TITLE_MAX_CHARS = 110
TITLE_MIN_CHARS = 40
_FUNCTION_WORDS = frozenset(
    """a an the of in on at to for with from by about after before as into over under during against
    between through amid despite and or but that which who whom whose while when where because since if
    than""".split()
)
# Where a phrase ends: after a comma, colon, semicolon or dash, or before a function word
# (the match starts at the space the title is cut at).
_PHRASE_END = re.compile(
    r"(?<=[,;:])\s|\s(?=[—–-]\s)|\s(?=(?:" + "|".join(sorted(_FUNCTION_WORDS - {"a", "an", "the"})) + r")\s)"
)
_SPACE = re.compile(r"\s")
_DOTTED = re.compile(r"^\d{4}[./]\d{2}[./]\d{2}")
# A date with day, month and year inside a longer line, as date lines write it.
_FULL_DATE = re.compile(FULL_DATE, re.IGNORECASE)
_DATEPARSER_MAX_CHARS = 40
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_DATE_SETTINGS = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past",
                  "DATE_ORDER": "YMD", "RETURN_AS_TIMEZONE_AWARE": False}


def resolve(raw: RawDocument, cleaned: Cleaned, editor: dict[str, object]) -> Metadata:
    def pick(name: str) -> Sourced[object] | None:
        if name in editor:
            return Sourced(editor[name], f"sources.yml `{name}`")
        return raw.fields.get(name) or cleaned.found.get(name)

    title = pick("title")
    title_value = collapse(str(title.value))[:TITLE_MAX_CHARS * 3] if title else ""
    derived = not title_value
    if derived:
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
        title_derived=derived,
    )


def _title_from_text(blocks: tuple[Block, ...]) -> Sourced[object] | None:
    """A title made from the first sentence when the article has no headline: the
    page says it was derived, and shortened when it was."""
    first = next((b for b in blocks if b.kind == "paragraph"), None)
    if first is None:
        return None
    title, shortened = derived_title(first.text)
    how = "derived from the first sentence" + (", shortened" if shortened else "")
    return Sourced(title, f"{how} (line {first.line})")


def derived_title(text: str) -> tuple[str, bool]:
    """The first sentence of `text`, cut when longer than TITLE_MAX_CHARS where a phrase
    ends: after a comma, colon, semicolon or dash, or before a function word ("in the
    hope of", "after", "which"), never inside a word or right after "the". Returns the
    title and whether it was cut. Seed 000's first sentence has 224 characters."""

    spans = split(text)
    sentence = text[spans[0][0]:spans[0][1]] if spans else text
    if len(sentence) <= TITLE_MAX_CHARS:
        return sentence, False
    cuts = [c for m in _PHRASE_END.finditer(sentence) if TITLE_MIN_CHARS <= (c := m.start()) <= TITLE_MAX_CHARS]
    if not cuts:
        cuts = [c for m in _SPACE.finditer(sentence) if TITLE_MIN_CHARS // 2 <= (c := m.start()) <= TITLE_MAX_CHARS]
        cuts = [c for c in cuts if sentence[:c].rsplit(" ", 1)[-1].casefold() not in _FUNCTION_WORDS] or cuts
    cut = max(cuts, default=TITLE_MAX_CHARS)
    return sentence[:cut].rstrip(" ,;:—–-") + "…", True


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
    found = _FULL_DATE.search(text)
    if found and found.group(0) != text:
        return parse_date(found.group(0))  # "POSTED: 1052 GMT (1852 HKT), April 10, 2007": the date alone
    try:
        return dt.date.fromisoformat(text[:10].replace(".", "-").replace("/", "-") if _DOTTED.match(text) else text[:10])
    except ValueError:
        pass
    if len(text) > _DATEPARSER_MAX_CHARS:
        return None  # dateparser spends seconds failing on a long line (issue 20: 2.3 s on the one above)
    parsed = dateparser.parse(text, settings=_DATE_SETTINGS, languages=["en"])
    if parsed is None and _YEAR.search(text):
        # Other languages ("28 mars 2025") only with a year: without one every language
        # fails, and trying them all takes dateparser two seconds ("28 March").
        parsed = dateparser.parse(text, settings=_DATE_SETTINGS)
    return parsed.date() if parsed else None


def _date(value: Sourced[object] | None) -> Sourced[dt.date] | None:
    if value is None:
        return None
    parsed = parse_date(value.value)
    return Sourced(parsed, value.origin) if parsed else None
