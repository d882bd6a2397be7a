"""From a seeds folder to a Corpus: discover, read, clean, resolve metadata."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import NamedTuple

from ..cache import NO_CACHE, Cache, Memo, key
from ..errors import SourceError
from ..model import Article, Cleaned, Corpus, Paragraph, RawDocument, Skipped
from ..progress import Progress, no_progress
from . import anchors, metadata, slugs, sources_file
from .cleaning import clean
from .copies import drop_copies, fingerprint
from .decoding import MAX_BYTES
from .discover import discover
from .readers import read

log = logging.getLogger(__name__)


class Read(NamedTuple):
    """A file as read, cleaned and its paragraphs anchored: what the "read" memo keeps."""

    raw: RawDocument
    cleaned: Cleaned
    paragraphs: tuple[Paragraph, ...]
    fingerprint: str  # a digest of the body's words, what copies of it share (copies.py)


def load_corpus(seeds: Path, build_date: dt.date, progress: Progress | None = None, cache: Cache = NO_CACHE) -> Corpus:
    """Read every article under `seeds`. Bad files become `Skipped`, never exceptions,
    and so do copies of another file (copies.py); a broken sources.yml raises
    ConfigError (it concerns every file). With a `cache`
    folder, a file read and cleaned before, byte for byte the same, is not read again."""
    editor = sources_file.load(seeds)
    paths, skipped = discover(seeds)
    drafts: list[tuple[Read, dict[str, object]]] = []
    memo: Memo[Read] = cache.memo("read")
    for path in (progress or no_progress)(paths, "Reading articles"):
        name = path.relative_to(seeds).as_posix()
        try:
            done = _read_and_clean(path, name, memo)
            if not any(p.kind == "paragraph" for p in done.paragraphs):
                raise SourceError(path, "nothing left after cleaning (is it an article?)")
            drafts.append((done, editor.get(name, {})))
        except SourceError as exc:
            skipped.append(Skipped(path, exc.reason))
        except Exception as exc:  # noqa: BLE001 - one hostile file must not stop the build
            log.debug("unexpected error reading %s", path, exc_info=True)
            skipped.append(Skipped(path, f"unexpected {type(exc).__name__}: {str(exc)[:200]} (please report this file)"))
    memo.save()
    drafts, copies = drop_copies(drafts, [(done.raw, done.cleaned, editor_entry, done.fingerprint)
                                          for done, editor_entry in drafts])
    skipped.extend(copies)
    wanted = [slugs.make(str(done.raw.fields["slug"].value) if "slug" in done.raw.fields else done.raw.path.stem)
              for done, _ in drafts]
    articles = tuple(_article(done, editor_entry, slug)
                     for (done, editor_entry), slug in zip(drafts, slugs.unique(wanted), strict=True))
    return Corpus(articles=articles, skipped=tuple(sorted(skipped, key=lambda s: str(s.path))), build_date=build_date)


def _read_and_clean(path: Path, name: str, memo: Memo[Read]) -> Read:
    if memo.path is None or path.stat().st_size > MAX_BYTES:
        return _fresh(read(path, name))  # the reader refuses what is too big, with its reason
    k = key(str(path), name, path.read_bytes())
    if (kept := memo.get(k)) is not None:
        return kept
    return memo.put(k, _fresh(read(path, name)))


def _fresh(raw: RawDocument) -> Read:
    """The file cleaned and its paragraphs anchored. Anchors are kept with the rest: a
    hash of each paragraph's folded text, they cost more than all else a rebuild does
    for an unchanged file (BBC: 0.4 s of 0.8); so is the digest copies are found by
    (BBC: 0.2 s)."""
    cleaned = clean(raw)
    return Read(raw, cleaned, anchors.number(cleaned.blocks), fingerprint(cleaned))


def _article(done: Read, editor: dict[str, object], slug: str) -> Article:
    """The article; its metadata resolved on every build, since it depends on the
    editor's sources.yml and on today (relative dates: "yesterday")."""
    raw, cleaned, paragraphs, _ = done
    return Article(
        slug=slug,
        source=raw.path,
        name=raw.name,
        format=raw.format,
        encoding=raw.encoding,
        metadata=metadata.resolve(raw, cleaned, editor),
        paragraphs=paragraphs,
        removed=cleaned.removed,
        extra=raw.extra,
    )
