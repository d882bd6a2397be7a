"""`seeds/sources.yml`: an editor sets the outlet, URL, date, author or title of any file.

    000-abc.txt:
      outlet: ABC News
      url: https://www.abc.net.au/news/...
    003-ap.txt:
      date: 2025-03-28
"""

from __future__ import annotations

from pathlib import Path

from . import yamlsafe

FILENAME = "sources.yml"
KEYS = ("title", "outlet", "author", "date", "url")


def load(seeds: Path) -> dict[str, dict[str, object]]:
    path = seeds / FILENAME
    data = yamlsafe.editor_file(path, "a mapping of file names to settings")
    out: dict[str, dict[str, object]] = {}
    for name, settings in data.items():
        settings = yamlsafe.editor_entry(f"{path}: '{name}'", settings, KEYS, "settings such as outlet: or date:")
        out[str(name)] = {str(k): v for k, v in settings.items() if v not in (None, "")}
    return out
