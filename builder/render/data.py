"""Articles as plain data: the per-article part of the build's structured output."""

from __future__ import annotations

from ..model import Article, Sourced


def _field(value: Sourced[object] | None) -> dict[str, str] | None:
    if value is None:
        return None
    shown = value.value.isoformat() if hasattr(value.value, "isoformat") else str(value.value)
    return {"value": shown, "from": value.origin}


def article_record(article: Article) -> dict[str, object]:
    m = article.metadata
    return {
        "slug": article.slug,
        "source": article.name,
        "format": article.format,
        "encoding": article.encoding,
        "title": _field(m.title),
        "outlet": _field(m.outlet),
        "author": _field(m.author),
        "date": _field(m.date),
        "dateline": _field(m.dateline),
        "url": _field(m.url),
        "description": _field(m.description),
        "tags": list(m.tags),
        "categories": list(m.categories),
        "words": article.words,
        "paragraphs": [
            {"anchor": p.anchor, "kind": p.kind, "number": p.number, "text": p.text} for p in article.paragraphs
        ],
        "removed": [{"line": r.line, "rule": r.rule, "reason": r.reason, "text": r.text} for r in article.removed],
        "extra": dict(article.extra),
    }
