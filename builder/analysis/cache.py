"""The articles' findings (findings.py) kept between builds, so that a rebuild reads
only the articles that changed: a newsroom rebuilds the site as articles arrive.

One file in the cache folder, `analysis-<code>.pickle`. <code> is a digest of what
the findings depend on besides the article: the analyses' source (builder/analysis/
*.py; builder/model.py and builder/blocks.py, which they read; builder/memo.py, which
pickles them), the versions of the libraries whose data they use (spaCy's
abbreviations, dateparser, rapidfuzz) and of Python, so a change of any starts a
fresh file and the older ones are removed. In
it, each article's findings under a digest of the article itself: its pickle, every
field included, the slug too, since findings cite articles by slug. Each article's
findings are pickled on their own, so a rebuild pickles only the articles it read;
only the articles of the last build are kept.

The abbreviations spaCy knows are kept too: reading one changed article needs them,
and importing spaCy for them takes a second, more than the rest of such a rebuild.

A file that cannot be read is a warning and a rebuild from scratch, never an error.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import pickle
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from ..memo import UNREADABLE, dumps, key, write_file
from ..model import Article
from . import sentences
from .findings import Findings, find, join

log = logging.getLogger(__name__)

PATTERN = "analysis-*.pickle"
_PACKAGE = Path(__file__).resolve().parent
# Outside the package, what the findings read: the model, and the comparison key of quotes.
# memo.py pickles them (`dumps`).
_ALSO = ("model.py", "blocks.py", "memo.py")
_LIBRARIES = ("spacy", "dateparser", "rapidfuzz")


@dataclass(frozen=True, slots=True)
class Stored:
    entries: dict[str, bytes] = field(default_factory=dict)  # article digest -> its pickled Findings
    abbreviations: frozenset[str] | None = None


@functools.cache
def code_digest() -> str:
    """What the findings depend on besides the article, as this process runs it."""
    digest = hashlib.sha256(f"python {sys.version_info[:2]}".encode())
    for path in (*sorted(_PACKAGE.glob("*.py")), *(_PACKAGE.parent / name for name in _ALSO)):
        digest.update(f"\0{path.name}\0".encode() + path.read_bytes())
    for library in _LIBRARIES:
        try:
            version = metadata.version(library)
        except metadata.PackageNotFoundError:
            version = "absent"
        digest.update(f"\0{library} {version}".encode())
    return digest.hexdigest()[:16]


def path(folder: Path) -> Path:
    return folder / f"analysis-{code_digest()}.pickle"


def article_digest(article: Article) -> str:
    """`memo.key`: the same digest for an article read afresh or from the cache."""
    return key(article).hex()


def load(folder: Path) -> Stored:
    """The cache file of this code, or nothing: missing, or unreadable (a warning)."""
    file = path(folder)
    if not file.is_file():
        return Stored()
    try:
        with file.open("rb") as handle:
            data = pickle.load(handle)  # noqa: S301 - the build's own cache file
    except UNREADABLE as error:
        return _unreadable(file, str(error))
    if not (
        isinstance(data, dict) and data.get("code") == code_digest()
        and isinstance(data.get("entries"), dict) and isinstance(data.get("abbreviations"), frozenset | None)
    ):
        return _unreadable(file, "not an analysis cache of this code")
    return Stored(data["entries"], data["abbreviations"])


def _unreadable(file: Path, why: str) -> Stored:
    log.warning("analysis cache %s is unreadable (%s); reading every article again", file, why)
    return Stored()


def save(folder: Path, stored: Stored) -> None:
    """Write the cache file of this code through a temporary file, then remove the
    files older code left. A cache that cannot be written is a warning: the analyses
    are done all the same."""
    data = {"code": code_digest(), "entries": stored.entries, "abbreviations": stored.abbreviations}
    write_file(path(folder), pickle.dumps(data, protocol=5), PATTERN)


def _thaw(data: bytes) -> Findings | None:
    try:
        found = pickle.loads(data)  # noqa: S301 - the build's own cache file
    except UNREADABLE:
        return None
    return found if isinstance(found, Findings) else None


def find_all(articles: Sequence[Article], folder: Path, spent: dict[str, float]) -> Findings:
    """Every article's findings, joined in corpus order: from the cache in `folder`
    for the articles it has, read for the others. The cache is then left holding
    exactly these articles' findings."""
    stored = load(folder)
    if stored.abbreviations is not None:
        sentences.remember_abbreviations(stored.abbreviations)
    found: list[Findings] = []
    entries: dict[str, bytes] = {}
    read = 0
    for article in articles:
        digest = article_digest(article)
        data = stored.entries.get(digest)
        mine = _thaw(data) if isinstance(data, bytes) else None
        if mine is None:
            if data is not None:
                log.warning("analysis cache: the entry of %s is unreadable; reading it again", article.name)
            mine = find(article, spent)
            data = dumps(mine)
            read += 1
        found.append(mine)
        entries[digest] = data
    if read or entries.keys() != stored.entries.keys() or not path(folder).is_file():
        known = sentences.abbreviations() if read else stored.abbreviations
        save(folder, Stored(entries, known))
    return join(found)
