"""Plain-text articles pasted from news sites (`.txt`)."""

from __future__ import annotations

from pathlib import Path

from ..blocks import split_text
from ..decoding import read_text
from ..errors import SourceError
from ..model import RawDocument


def read(path: Path, name: str) -> RawDocument:
    decoded = read_text(path)
    blocks = split_text(decoded.text)
    if not blocks:
        raise SourceError(path, "no text in the file")
    return RawDocument(path=path, name=name, format="text", encoding=decoded.encoding, blocks=blocks)
