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
    """The outlet as people read it; the article's slug when the outlet is unknown."""
    outlet = article.metadata.outlet
    if outlet is None or not outlet.value.strip():
        return f"unknown outlet ({article.slug})"
    return _SPACE.sub(" ", outlet.value.strip())


def independent(keys: Iterable[str]) -> tuple[str, ...]:
    """Distinct outlet keys, sorted: the independent voices among them."""
    return tuple(sorted(set(keys)))
