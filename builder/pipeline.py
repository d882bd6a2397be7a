"""From a seeds folder to a Corpus: discover, read, clean, resolve metadata."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from pathlib import Path

from . import anchors, metadata, slugs, sources_file
from .cleaning import clean
from .discover import discover
from .errors import SourceError
from .model import Article, Cleaned, Corpus, RawDocument, Skipped
from .readers import read

log = logging.getLogger(__name__)

Progress = Callable[[Iterable[Path]], Iterable[Path]]


def load_corpus(seeds: Path, build_date: dt.date, progress: Progress | None = None) -> Corpus:
    """Read every article under `seeds`. Bad files become `Skipped`, never exceptions;
    a broken sources.yml raises ConfigError (it concerns every file)."""
    editor = sources_file.load(seeds)
    paths, skipped = discover(seeds)
    drafts: list[tuple[RawDocument, Cleaned, dict[str, object]]] = []
    for path in (progress or (lambda x: x))(paths):
        name = path.relative_to(seeds).as_posix()
        try:
            raw = read(path, name)
            cleaned = clean(raw)
            if not any(b.kind == "paragraph" for b in cleaned.blocks):
                raise SourceError(path, "nothing left after cleaning (is it an article?)")
            drafts.append((raw, cleaned, editor.get(name, {})))
        except SourceError as exc:
            skipped.append(Skipped(path, exc.reason))
        except Exception as exc:  # noqa: BLE001 - one hostile file must not stop the build
            log.debug("unexpected error reading %s", path, exc_info=True)
            skipped.append(Skipped(path, f"unexpected {type(exc).__name__}: {str(exc)[:200]} (please report this file)"))
    wanted = [slugs.make(str(raw.fields["slug"].value) if "slug" in raw.fields else raw.path.stem) for raw, _, _ in drafts]
    articles = tuple(
        _article(raw, cleaned, editor_entry, slug)
        for (raw, cleaned, editor_entry), slug in zip(drafts, slugs.unique(wanted), strict=True)
    )
    return Corpus(articles=articles, skipped=tuple(sorted(skipped, key=lambda s: str(s.path))), build_date=build_date)


def _article(raw: RawDocument, cleaned: Cleaned, editor: dict[str, object], slug: str) -> Article:
    return Article(
        slug=slug,
        source=raw.path,
        name=raw.name,
        format=raw.format,
        encoding=raw.encoding,
        metadata=metadata.resolve(raw, cleaned, editor),
        paragraphs=anchors.number(cleaned.blocks),
        removed=cleaned.removed,
        extra=raw.extra,
    )
