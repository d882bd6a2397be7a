"""Rendering: a Corpus into {path under docs/: Markdown text}. Pure: no disk access."""

from __future__ import annotations

from .pages import render_site

__all__ = ["render_site"]
