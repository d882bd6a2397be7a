"""Rendering: a Corpus into {path under docs/: Markdown text}. Pure: no disk access."""

from __future__ import annotations

from .pages import render_site

# What a build writes at the top of docs/: these files, and everything in these folders.
GENERATED = ("index.md", "briefing.json", "articles", "entities", "briefing", "sources")

__all__ = ["GENERATED", "render_site"]
