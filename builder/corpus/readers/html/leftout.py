"""Every piece of the page's visible text the article leaves out, with a reason.

trafilatura does not say what it dropped; comparing the page's text with what it kept
is the only way to see it. A reason comes from the element holding the text or its
ancestors (tags, class and id words: navigation, sidebar, share buttons...), else from
where it stands ("before the article text"). Runs of one reason are grouped: a menu of
60 links is one line of the report. The ones marked "inside the article" are the ones
an editor should look at (272 on the benchmarks' 349 pages).
"""

from __future__ import annotations

import re
from typing import Any

from .segments import Drop, Segment
from .xmltext import Piece, keystring

# Longest text a grouped drop keeps (the report shortens it further).
MAX_TEXT = 300
INSIDE = "inside the article, left out by trafilatura (link-heavy, too short or scored as boilerplate)"
_REASON_TAGS = {
    "nav": "navigation", "header": "page header", "footer": "page footer", "aside": "sidebar or box",
    "figcaption": "caption or credit", "figure": "caption or credit", "form": "form or button",
    "button": "form or button", "label": "form or button", "time": "timestamp", "address": "byline or contact",
    "menu": "navigation",
}
# (words found anywhere in class/id, whole words, reason); the first that matches wins.
_REASON_RULES: tuple[tuple[tuple[str, ...], tuple[str, ...], str], ...] = (
    (("comment", "disqus", "respond", "reply"), (), "reader comments (not read)"),
    (("cookie", "consent", "gdpr"), (), "cookie or consent notice"),
    (("share", "social", "sharing", "follow"), (), "share or follow buttons"),
    (("related", "recommend", "more-stories", "morestories", "read-next", "readnext", "also-like", "trending",
      "popular", "most-read", "mostread", "outbrain", "taboola"), (), "related or recommended links"),
    (("newsletter", "subscribe", "signup", "sign-up", "paywall", "regwall", "register"), (),
     "newsletter, subscription or paywall"),
    (("advert", "sponsor", "promo"), ("ad", "ads", "dfp", "gpt"), "advertising or promotion"),
    (("caption", "credit", "photo-by", "getty"), (), "caption or credit"),
    (("byline", "author", "contributor", "writer"), (), "byline"),
    (("date", "timestamp", "published", "updated"), ("time",), "timestamp"),
    (("breadcrumb",), (), "breadcrumb"),
    (("navbar", "masthead"), ("nav", "menu"), "navigation"),
    (("footer", "copyright"), (), "page footer"),
    (("sidebar", "widget"), ("rail",), "sidebar or box"),
    (("categor", "topics"), ("tag", "tags"), "tags or categories"),
    (("tweet", "instagram-media", "embed"), (), "embedded post"),
)
_TOKEN_SPLIT = re.compile(r"[\s_-]+")


def left_out(segs: list[Segment], pieces: list[Piece], dropped: list[Drop], body: Any) -> list[Drop]:
    """Every visible segment that is in neither the pieces nor `dropped`, grouped."""
    kept = keystring(p.text for p in pieces)
    already = keystring(d.text for d in dropped)
    orders = [p.order for p in pieces if p.order >= 0]
    first, last = (min(orders), max(orders)) if orders else (-1, -1)
    seen_keys: set[str] = set()
    cache: dict[Any, str | None] = {}
    groups: list[tuple[str, int | None, list[str], int]] = []  # reason, line, texts, last order
    for s in segs:
        k = s.key
        if not k:
            continue
        repeated = k in seen_keys
        seen_keys.add(k)
        if k in kept or k in already:
            continue
        reason = _context_reason(s.el, body, cache)
        if reason is None:
            if repeated:
                reason = "repeated text"
            elif s.order < first:
                reason = "before the article text"
            elif s.order > last:
                reason = "after the article text"
            else:
                reason = INSIDE
        if groups and groups[-1][0] == reason and groups[-1][3] + 3 >= s.order:
            texts = groups[-1][2]
            texts.append(s.text)
            groups[-1] = (reason, groups[-1][1], texts, s.order)
            continue
        groups.append((reason, s.line, [s.text], s.order))
    return [Drop(_joined(texts), "extraction", reason, line, len(texts)) for reason, line, texts, _ in groups]


def _joined(texts: list[str]) -> str:
    """The texts of a group joined with " · " while under MAX_TEXT, then shortened."""
    text = texts[0]
    for more in texts[1:]:
        if len(text) >= MAX_TEXT:
            break
        text = f"{text} · {more}"
    return text if len(text) <= MAX_TEXT else text[:MAX_TEXT - 3] + "…"


def _attr_reason(attrs: str) -> str | None:
    low = attrs.lower()
    tokens: set[str] | None = None
    for words, whole, reason in _REASON_RULES:
        for w in words:
            if w in low:
                return reason
        if whole:
            if tokens is None:
                tokens = set(_TOKEN_SPLIT.split(low))
            if not tokens.isdisjoint(whole):
                return reason
    return None


def _context_reason(el: Any, stop: Any, cache: dict[Any, str | None]) -> str | None:
    """The reason the element or its ancestors suggest (tags, class and id words)."""
    chain = []
    reason: str | None = None
    while el is not None and el is not stop:
        if el in cache:
            reason = cache[el]
            break
        chain.append(el)
        tag = el.tag
        reason = _REASON_TAGS.get(tag) if isinstance(tag, str) else None
        if reason is None:
            attrs = f"{el.get('class', '')} {el.get('id', '')}".strip()
            if attrs:
                reason = _attr_reason(attrs)
        if reason is not None:
            break
        el = el.getparent()
    for e in chain:
        cache[e] = reason
    return reason
