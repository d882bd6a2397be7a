"""Plain-text articles pasted from news sites (`.txt`)."""

from __future__ import annotations

from pathlib import Path

from ...errors import SourceError
from ...model import Block, RawDocument
from ..blocks import split_text
from ..decoding import Decoded


def read(path: Path, name: str, decoded: Decoded) -> RawDocument:
    blocks = split_text(decoded.text)
    if not blocks:
        raise SourceError(path, "no text in the file")
    return RawDocument(path=path, name=name, format="text", encoding=decoded.encoding, blocks=blocks)


def body_blocks(body: str, first_line: int) -> tuple[Block, ...]:
    """The body of a text file that opens with front matter."""
    return split_text(body, first_line)
