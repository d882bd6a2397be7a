"""`seeds/sources.yml`: an editor sets the outlet, URL, date, author or title of any file.

    000-abc.txt:
      outlet: ABC News
      url: https://www.abc.net.au/news/...
    003-ap.txt:
      date: 2025-03-28
"""

from __future__ import annotations

from pathlib import Path

import yaml

from ..errors import ConfigError
from . import yamlsafe

FILENAME = "sources.yml"
KEYS = ("title", "outlet", "author", "date", "url")


def load(seeds: Path) -> dict[str, dict[str, object]]:
    path = seeds / FILENAME
    if not path.is_file():
        return {}
    try:
        data = yamlsafe.load(path.read_text(encoding="utf-8-sig"))
    except (yaml.YAMLError, ValueError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read: {' '.join(str(exc).split())[:200]}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping of file names to settings")
    out: dict[str, dict[str, object]] = {}
    for name, settings in data.items():
        if not isinstance(settings, dict):
            raise ConfigError(f"{path}: '{name}' should map to settings such as outlet: or date:")
        unknown = sorted(set(map(str, settings)) - set(KEYS))
        if unknown:
            raise ConfigError(f"{path}: '{name}' has unknown keys {unknown} (known: {', '.join(KEYS)})")
        out[str(name)] = {str(k): v for k, v in settings.items() if v not in (None, "")}
    return out
