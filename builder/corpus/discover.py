"""Finding the articles in the seeds folder."""

from __future__ import annotations

from pathlib import Path

from ..model import Skipped

# Files in seeds/ that configure the build rather than being articles.
EDITOR_FILES = {"sources.yml", "entities.yml", "stories.yml"}
IGNORED_NAMES = {"readme", "readme.md", "readme.txt", "license", "license.txt"}


def discover(seeds: Path) -> tuple[list[Path], list[Skipped]]:
    """Every candidate article under `seeds`, sorted; and what was passed over with why.

    Hidden files and folders, editor files and READMEs are not articles and are not
    reported. A symbolic link that leads out of the folder is refused.
    """
    root = seeds.resolve()
    found: list[Path] = []
    skipped: list[Skipped] = []
    for path in sorted(seeds.rglob("*"), key=lambda p: p.relative_to(seeds).as_posix()):
        relative = path.relative_to(seeds)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_dir():
            continue
        if relative.name.lower() in EDITOR_FILES | IGNORED_NAMES or relative.name.endswith("~"):
            continue
        if not path.resolve().is_relative_to(root):
            skipped.append(Skipped(path, "symbolic link to a file outside the seeds folder"))
            continue
        if not path.is_file():
            skipped.append(Skipped(path, "not a regular file"))
            continue
        found.append(path)
    return found, skipped
