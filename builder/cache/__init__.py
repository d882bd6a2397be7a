"""What a build keeps in its cache folder for the next one: one `Memo` per stage
(memo.py: the articles as read, the model's raw results, each article's entities and
findings, the pages), and the whole last build (build.py). Every file is keyed on the
builder's code and its libraries' versions; deleting the folder is always safe."""

from .memo import NO_CACHE, Cache, Memo, key

__all__ = ["NO_CACHE", "Cache", "Memo", "key"]
