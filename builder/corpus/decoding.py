"""Bytes to text: UTF-8 (with or without BOM) first, then a detected encoding, said aloud."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from ..errors import SourceError

# A seed is an article, not a book: anything larger is a mistake or an attack.
# 20 MB is ~3 million words, far above any news article (issue 6: a 50 MB file is skipped).
MAX_BYTES = 20 * 1024 * 1024
# Share of control characters (other than tab/newline) above which a file is binary.
MAX_CONTROL_SHARE = 0.01


_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # what the page reports, e.g. "utf-8", "utf-8 (BOM)", "cp1252 (detected)"


def read_text(path: Path) -> Decoded:
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise SourceError(path, f"file is {size / 1e6:.0f} MB, over the {MAX_BYTES // 10**6} MB limit for one article")
    return decode(path.read_bytes(), path)


def decode(data: bytes, path: Path) -> Decoded:
    if not data.strip():
        raise SourceError(path, "file is empty or only whitespace")
    if b"\x00" in data[:8192]:
        raise SourceError(path, "file looks binary (NUL bytes), not an article")
    if data.startswith(codecs.BOM_UTF8):
        text, encoding = data[len(codecs.BOM_UTF8):].decode("utf-8", errors="strict"), "utf-8 (BOM)"
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, encoding = _detect(data, path)
    text = normalise_newlines(text)
    controls = len(_CONTROLS.findall(text))
    if controls > MAX_CONTROL_SHARE * len(text):
        raise SourceError(path, "file looks binary (control characters), not an article")
    # Stray control characters carry no text, and \x02/\x03 are Python-Markdown's own
    # placeholder markers: drop them here so no later stage has to think about them.
    text = _CONTROLS.sub("", text)
    if not text.strip():
        raise SourceError(path, "file is empty or only whitespace")
    return Decoded(text=text, encoding=encoding)


def _detect(data: bytes, path: Path) -> tuple[str, str]:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16 (BOM)"
    # charset-normalizer's own best() ranks by "chaos" alone, and for a mostly-ASCII
    # article with one stray byte every candidate is equally clean: it picked cp932
    # (Japanese) for BBC sport/199.txt, whose 0xA3 is a Windows-1252 pound sign.
    # Ranking by how much the decoded text reads like a language settles it.
    matches = list(from_bytes(data))
    best = max(matches, key=lambda m: m.coherence - m.chaos, default=None)
    if best is None:
        raise SourceError(path, "cannot tell the text encoding (save the file as UTF-8)")
    return str(best), f"{best.encoding} (detected)"


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
