"""YAML for untrusted and hand-edited files: safe types only, no aliases, a size cap."""

from __future__ import annotations

from pathlib import Path

import yaml

from ..errors import ConfigError

# Front matter and editor files are a handful of keys; 64 KB is generous and keeps a
# huge block from stalling the build (issue 6).
MAX_YAML_CHARS = 64 * 1024


class NoAliasSafeLoader(yaml.SafeLoader):
    """SafeLoader that refuses aliases: an alias bomb expands to gigabytes."""

    def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "YAML aliases (*name) are not allowed", event.start_mark
            )
        return super().compose_node(parent, index)


def load(text: str) -> object:
    """Parse YAML safely. Raises ValueError or yaml.YAMLError with a readable message."""
    if len(text) > MAX_YAML_CHARS:
        raise ValueError(f"YAML is {len(text)} characters, over the {MAX_YAML_CHARS} limit")
    return yaml.load(text, Loader=NoAliasSafeLoader)  # noqa: S506 - a SafeLoader subclass


def editor_file(path: Path, expected: str) -> dict[object, object]:
    """An editor's YAML file in seeds/ (sources.yml, entities.yml, stories.yml): its
    top-level mapping, empty when the file is absent or empty. A file that cannot be
    read or is not a mapping is a ConfigError naming it; `expected` says what it holds."""
    if not path.is_file():
        return {}
    try:
        data = load(path.read_text(encoding="utf-8-sig"))
    except (yaml.YAMLError, ValueError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read: {' '.join(str(exc).split())[:200]}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected {expected}")
    return data


def editor_entry(where: str, settings: object, keys: tuple[str, ...], expected: str) -> dict[object, object]:
    """One entry of an editor file: a mapping with only `keys` in it, else a
    ConfigError saying `where` ("<file>: '<name>'") and that it `should map to ...`."""
    if not isinstance(settings, dict):
        raise ConfigError(f"{where} should map to {expected}")
    unknown = sorted(set(map(str, settings)) - set(keys))
    if unknown:
        raise ConfigError(f"{where} has unknown keys {unknown} (known: {', '.join(keys)})")
    return settings
