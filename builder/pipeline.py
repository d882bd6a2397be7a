"""From a seeds folder to a Corpus: discover, read, clean, resolve metadata."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from . import anchors, metadata, slugs, sources_file
from .cleaning import clean
from .decoding import MAX_BYTES
from .discover import discover
from .errors import SourceError
from .memo import Memo, key
from .progress import Progress, no_progress
from .model import Article, Cleaned, Corpus, RawDocument, Skipped
from .readers import read

log = logging.getLogger(__name__)
# What reading and cleaning one file depends on besides its bytes (builder.memo).
READ_CODE = ("readers", "cleaning", "decoding.py", "blocks.py", "model.py", "yamlsafe.py", "errors.py")



def load_corpus(seeds: Path, build_date: dt.date, progress: Progress | None = None, cache: Path | None = None) -> Corpus:
    """Read every article under `seeds`. Bad files become `Skipped`, never exceptions;
    a broken sources.yml raises ConfigError (it concerns every file). With a `cache`
    folder, a file read and cleaned before, byte for byte the same, is not read again."""
    editor = sources_file.load(seeds)
    paths, skipped = discover(seeds)
    drafts: list[tuple[RawDocument, Cleaned, dict[str, object]]] = []
    memo: Memo[tuple[RawDocument, Cleaned]] = Memo(cache, "read", READ_CODE)
    for path in (progress or no_progress)(paths, "Reading articles"):
        name = path.relative_to(seeds).as_posix()
        try:
            raw, cleaned = _read_and_clean(path, name, memo)
            if not any(b.kind == "paragraph" for b in cleaned.blocks):
                raise SourceError(path, "nothing left after cleaning (is it an article?)")
            drafts.append((raw, cleaned, editor.get(name, {})))
        except SourceError as exc:
            skipped.append(Skipped(path, exc.reason))
        except Exception as exc:  # noqa: BLE001 - one hostile file must not stop the build
            log.debug("unexpected error reading %s", path, exc_info=True)
            skipped.append(Skipped(path, f"unexpected {type(exc).__name__}: {str(exc)[:200]} (please report this file)"))
    memo.save()
    wanted = [slugs.make(str(raw.fields["slug"].value) if "slug" in raw.fields else raw.path.stem) for raw, _, _ in drafts]
    articles = tuple(
        _article(raw, cleaned, editor_entry, slug)
        for (raw, cleaned, editor_entry), slug in zip(drafts, slugs.unique(wanted), strict=True)
    )
    return Corpus(articles=articles, skipped=tuple(sorted(skipped, key=lambda s: str(s.path))), build_date=build_date)


def _read_and_clean(path: Path, name: str, memo: Memo[tuple[RawDocument, Cleaned]]) -> tuple[RawDocument, Cleaned]:
    if memo.path is None or path.stat().st_size > MAX_BYTES:
        raw = read(path, name)  # the reader refuses what is too big, with its reason
        return raw, clean(raw)
    k = key(str(path), name, path.read_bytes())
    if (kept := memo.get(k)) is not None:
        return kept
    raw = read(path, name)
    return memo.put(k, (raw, clean(raw)))


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
