"""Who reports what: outlets, counted independently.

Two articles from one outlet are one voice: a claim carried by both counts once.
An article whose outlet is unknown counts as a voice of its own, since nothing says
it repeats another (issue 4: "unknown outlet counts per article").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import Article

_SPACE = re.compile(r"\s+")
_LEADING_NUMBER = re.compile(r"^(\d{1,6})(?:[-_]|$)")
_SHORT_SLUG = 24
_DOMAIN = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)+")
_SECOND_LEVEL = frozenset("co com org net gov ac edu ne or go".split())


def key(article: Article) -> str:
    """The outlet's identity: case ignored, and a web domain's subdomains ("www.",
    "edition.cnn.com", "usa.chinadaily.com.cn": one newspaper's editions on the news
    clusters); unknown -> one per article."""
    outlet = article.metadata.outlet
    if outlet is None or not outlet.value.strip():
        return f"?{article.slug}"
    name = _SPACE.sub(" ", outlet.value.strip().casefold())
    if _DOMAIN.fullmatch(name):
        labels = name.split(".")
        # "co.uk", "com.cn", "org.au": the registrable name is one label longer.
        keep = 3 if len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL and len(labels) > 2 else 2
        return ".".join(labels[-keep:])
    return name


def label(article: Article) -> str:
    """The outlet as people read it; "article 002, outlet unknown" when it is unknown
    (seeds 001, 002 and 004 name none)."""
    outlet = article.metadata.outlet
    if outlet is None or not outlet.value.strip():
        return f"article {short_name(article.slug)}, outlet unknown"
    return _SPACE.sub(" ", outlet.value.strip())


def short_name(slug: str) -> str:
    """How an editor refers to an article with no outlet: the number its file name
    opens with ("002-0eb20352f73ab953" -> "002"), else its slug, at most a few words."""
    number = _LEADING_NUMBER.match(slug)
    if number:
        return number.group(1)
    if len(slug) <= _SHORT_SLUG:
        return slug
    return slug[:_SHORT_SLUG].rsplit("-", 1)[0] + "…"


def count(articles: Iterable[Article]) -> str:
    """"5 articles from 2 named outlets (3 name none)": outlets counted by name only,
    since an article that names none is not evidence of another outlet."""
    articles = list(articles)
    n = len(articles)
    named = {key(a) for a in articles if a.metadata.outlet and a.metadata.outlet.value.strip()}
    unnamed = sum(1 for a in articles if not (a.metadata.outlet and a.metadata.outlet.value.strip()))
    text = f"{n} article{'s' if n != 1 else ''}"
    if not named:
        return text + (" (no outlet named)" if n else "")
    text += f" from {len(named)}{' named' if unnamed else ''} outlet{'s' if len(named) != 1 else ''}"
    if unnamed:
        text += f" ({unnamed} name{'s' if unnamed == 1 else ''} none)"
    return text


def independent(keys: Iterable[str]) -> tuple[str, ...]:
    """Distinct outlet keys, sorted: the independent voices among them."""
    return tuple(sorted(set(keys)))
