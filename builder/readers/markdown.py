"""Markdown posts with YAML (`---`) or TOML (`+++`) front matter: Jekyll and Hugo shapes."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import markdown as md
import yaml
from frontmatter.default_handlers import BaseHandler, YAMLHandler

from ..blocks import chunks, html_blocks
from ..decoding import read_text
from .. import yamlsafe
from ..errors import SourceError
from ..model import Block, RawDocument
from .fields import canonical

class SafeYAMLHandler(YAMLHandler):
    def load(self, fm: str, **kwargs: object) -> object:
        return yamlsafe.load(fm)


class TOMLHandler(BaseHandler):
    """Hugo's `+++` front matter, parsed by the standard library's tomllib."""

    def __init__(self) -> None:
        super().__init__(re.compile(r"^\+{3}\s*$", re.MULTILINE), "+++", "+++")

    def load(self, fm: str, **kwargs: object) -> object:
        if len(fm) > yamlsafe.MAX_YAML_CHARS:
            raise ValueError(f"front matter is {len(fm)} characters, over the {yamlsafe.MAX_YAML_CHARS} limit")
        return tomllib.loads(fm)

    def export(self, metadata: dict[str, object], **kwargs: object) -> str:  # pragma: no cover
        raise NotImplementedError("the builder never writes front matter back")


_HANDLERS = (SafeYAMLHandler(), TOMLHandler())


def read(path: Path, name: str) -> RawDocument:
    decoded = read_text(path)
    text = decoded.text
    meta: dict[str, object] = {}
    body, body_line = text, 1
    handler = next((h for h in _HANDLERS if h.detect(text)), None)
    if handler is not None:
        try:
            fm_text, body = handler.split(text)
            loaded = handler.load(fm_text)
        except (yaml.YAMLError, tomllib.TOMLDecodeError, ValueError) as exc:
            reason = _reason(exc)
            raise SourceError(path, f"front matter cannot be read: {reason} (fix or remove it)") from exc
        if loaded is not None and not isinstance(loaded, dict):
            raise SourceError(path, "front matter is not a mapping of keys to values")
        meta = loaded or {}
        body_line = text[: len(text) - len(body)].count("\n") + 1
    fields, extra = canonical(meta, "front matter")
    blocks = _markdown_blocks(body, body_line)
    if not blocks:
        raise SourceError(path, "no body text after the front matter")
    return RawDocument(
        path=path, name=name, format="markdown", encoding=decoded.encoding,
        blocks=blocks, fields=fields, extra=extra,
    )


def _reason(exc: Exception) -> str:
    """One short line: YAML's own messages run over several lines with carets."""
    if isinstance(exc, yaml.MarkedYAMLError) and exc.problem:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        # the front matter starts on the file's line 2
        return f"{exc.problem}" + (f" (file line {line + 1})" if line else "")
    return " ".join(str(exc).split())[:200]


def _markdown_blocks(body: str, first_line: int) -> tuple[Block, ...]:
    """Render each Markdown block to HTML and keep its text, so `**bold**` and link
    syntax never reach the article page; headings stay headings. Line numbers are kept
    for the cleaning report."""
    out: list[Block] = []
    for line, chunk in chunks(body, first_line):
        out.extend(html_blocks(md.markdown(chunk), line))
    return tuple(out)
