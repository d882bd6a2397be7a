"""`seeds/stories.yml`: the editor's say over the stories found (issue 21).

    Rhine cruise ship hits bridge pylon near Duisburg:  # a story, by its slug or its name
      title: Cruise ship hits a Rhine bridge              # rename it
      merge: [scylla-says-swiss-crystal-captain-was-experienced]  # other stories that are this one
      articles: [ferry-4.txt]                             # pin articles to it (file names in seeds/)
    Grindavik homes:                                      # a name no story has: a new story,
      articles: [volcano-2.txt, volcano-3.txt]            # split off with the articles pinned to it

A story named in `merge` or an article in `articles` that matches nothing is noted on
the landing page, not an error: articles come and go, corrections stay. A file that
cannot be read, or a key that cannot be understood, is an error naming the file and
the key.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..cache import NO_CACHE, Cache
from ..corpus import slugs, yamlsafe
from ..errors import ConfigError
from ..model import Corpus
from .stories import Stories, Story, detect, named
from .words import fold

FILENAME = "stories.yml"
KEYS = ("title", "merge", "articles")
PINNED = ("pinned by the editor (stories.yml)",)


@dataclass(frozen=True, slots=True)
class Edit:
    target: str
    title: str = ""
    merge: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()


def load(seeds: Path) -> tuple[Edit, ...]:
    path = seeds / FILENAME
    data = yamlsafe.editor_file(path, "a mapping of story names to title:, merge: or articles: (see README)")
    return tuple(_edit(path, str(target), settings) for target, settings in data.items())


def _edit(path: Path, target: str, settings: object) -> Edit:
    where = f"{path}: '{target}'"
    if not target.strip():
        raise ConfigError(f"{path}: an entry has an empty name")
    settings = yamlsafe.editor_entry(where, settings, KEYS, "title:, merge: or articles:")
    title = settings.get("title")
    if title is not None and (not isinstance(title, str) or not title.strip()):
        raise ConfigError(f"{where}: 'title' should be a non-empty text")
    return Edit(target.strip(), (title or "").strip(), _names(where, settings, "merge"), _names(where, settings, "articles"))


def _names(where: str, settings: dict[object, object], field: str) -> tuple[str, ...]:
    value = settings.get(field)
    if value is None:
        return ()
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
        raise ConfigError(f"{where}: '{field}' should be a name or a list of names")
    return tuple(n.strip() for n in names)


def apply(found: Stories, corpus: Corpus, edits: tuple[Edit, ...]) -> Stories:
    """The stories with the editor's edits applied in the file's order: merges, then
    pinned articles (taken from wherever they were), then names. A story left with no
    article is dropped; one the editor made or named is kept whatever its size."""
    if not edits:
        return found
    groups: list[dict[str, object]] = [
        {"title": s.title, "articles": list(s.articles), "shared": dict(s.shared), "origin": s.origin, "keys": _keys(s),
         "headline": s.headline}
        for s in found.stories]
    other = list(found.other)
    notes: list[str] = list(found.notes)
    by_name = {}
    for a in corpus.articles:
        by_name[a.name] = a.slug
        by_name.setdefault(a.slug, a.slug)

    def find(name: str) -> dict[str, object] | None:
        k = fold(name).strip()
        return next((g for g in groups if k in g["keys"]), None)  # type: ignore[operator]

    for edit in edits:
        group = find(edit.target)
        if group is None:
            group = {"title": edit.target, "articles": [], "shared": {}, "origin": "stories.yml", "headline": "",
                     "keys": {fold(edit.target), slugs.make(fold(edit.target), "story")}}
            groups.append(group)
        for name in edit.merge:
            source = find(name)
            if source is None:
                notes.append(f"stories.yml: '{edit.target}' merges '{name}', which names no story")
            elif source is not group:
                group["articles"] += source["articles"]  # type: ignore[operator]
                group["shared"].update(source["shared"])  # type: ignore[union-attr]
                group["keys"] |= source["keys"]  # type: ignore[operator]
                groups.remove(source)
        for name in edit.articles:
            slug = by_name.get(name)
            if slug is None:
                notes.append(f"stories.yml: '{edit.target}' pins '{name}', which is no article")
                continue
            for g in groups:
                if slug in g["articles"]:  # type: ignore[operator]
                    g["articles"].remove(slug)  # type: ignore[union-attr]
            if slug in other:
                other.remove(slug)
            group["articles"].append(slug)  # type: ignore[union-attr]
            group["shared"][slug] = PINNED  # type: ignore[index]
        if edit.title:
            group["title"] = edit.title
            group["headline"] = ""
        group["origin"] = "stories.yml"
    order = {a.slug: i for i, a in enumerate(corpus.articles)}
    stories = []
    for g in groups:
        articles = sorted(dict.fromkeys(g["articles"]), key=order.__getitem__)  # type: ignore[call-overload]
        if not articles:
            continue
        if len(articles) == 1 and g["origin"] != "stories.yml":
            other.append(articles[0])
            continue
        headline = str(g["headline"]) if g["headline"] in articles else ""
        stories.append(Story("", str(g["title"]), tuple(articles),
                             {a: s for a, s in g["shared"].items() if a in articles},  # type: ignore[union-attr]
                             str(g["origin"]), headline))
    return Stories(named(stories), tuple(sorted(other, key=order.__getitem__)), tuple(notes))


def _keys(story: Story) -> set[str]:
    return {story.slug, fold(story.title).strip()}


MODES = ("auto", "one")


def edits_for(seeds: Path, mode: str = "auto") -> tuple[Edit, ...]:
    """The edits `sort_into_stories` applies with `mode` (none for "one"), read on their
    own: a build reads them before its long stages, as it sorts the stories beside the
    entity index, so that a file it cannot understand stops it at once."""
    _check(mode)
    return load(seeds) if mode == "auto" else ()


def sort_into_stories(corpus: Corpus, seeds: Path, mode: str = "auto", cache: Cache = NO_CACHE,
                      edits: tuple[Edit, ...] | None = None) -> Stories:
    """The corpus's stories as the site shows them: found, then edited by stories.yml
    (`edits`, read from it unless given). `mode` "one" keeps one briefing of everything
    (no detection, stories.yml unread). `cache` keeps each article's terms for
    detection between builds."""
    _check(mode)
    if mode == "one" or not corpus.articles:
        return Stories((Story("", "", tuple(a.slug for a in corpus.articles)),) if corpus.articles else ())
    return apply(detect(corpus, cache=cache), corpus, load(seeds) if edits is None else edits)


def _check(mode: str) -> None:
    if mode not in MODES:
        raise ConfigError(f"stories: {mode!r}; use one of {', '.join(MODES)}")
