"""A saved HTML page's main text, metadata and what was left out, in one pass.

    extract(html) -> Extracted(pieces, metadata, dropped, how)

In order: parse once (trafilatura's loader, so the tree is the one trafilatura sees);
metadata from that tree (pagemeta.py); the tree made ready and its visible text cut
into segments with their lines (segments.py); trafilatura's quick pass, the full
cascade where that looks wrong, and its XML read completely (xmltext.py); what is not
the article taken out (tidy.py); and every piece of visible text left out, with a reason
(leftout.py).

Measured with /work/eval/extraction_eval.py (benchmarks/inputs.py): scrapinghub F1
0.977 (trafilatura's own `extract()` 0.953, the reader before this one 0.954);
trafilatura-eval must-have snippets found 0.958 (= trafilatura's), must-not kept out
0.924 (trafilatura 0.882).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .leftout import left_out
from .pagemeta import page_metadata
from .segments import Drop, SourceIndex, prepare
from .tidy import tidy
from .xmltext import Piece, main_pieces


@dataclass(frozen=True, slots=True)
class Extracted:
    pieces: tuple[Piece, ...]
    metadata: dict[str, Any] = field(default_factory=dict, hash=False)  # pagemeta.FIELDS
    dropped: tuple[Drop, ...] = ()  # by source line; unknown lines last
    how: str = ""  # which extraction passes made the pieces ("quick", "full", "quick + full")

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.pieces)


def extract(html: str, report: bool = True) -> Extracted:
    """The page's main text in pieces, its metadata, and (with `report`) what was left
    out and why. A page that is not HTML at all gives no pieces."""
    from trafilatura.utils import load_html  # see xmltext._run

    tree = load_html(html)
    if tree is None:
        return Extracted((), {}, (Drop("(whole page)", "extraction", "not readable as HTML", None),))
    md = page_metadata(tree, html)
    segs, dropped = prepare(tree)
    index = SourceIndex(segs)
    page_len = sum(len(s.text) for s in segs)
    pieces, how = main_pieces(tree, index, page_len)
    pieces = tidy(pieces, tree, md, dropped)
    if report:
        body = tree.find("body")
        dropped.extend(left_out(segs, pieces, dropped, body if body is not None else tree))
        dropped.sort(key=lambda d: (d.line is None, d.line or 0))
    return Extracted(tuple(pieces), md, tuple(dropped), how)


def extract_text(html: str) -> str:
    """For /work/eval/extraction_eval.py: the pieces joined by newlines."""
    return extract(html, report=False).text
