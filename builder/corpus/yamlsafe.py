"""YAML for untrusted and hand-edited files: safe types only, no aliases, a size cap."""

from __future__ import annotations

import yaml

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
