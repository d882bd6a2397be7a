"""Paragraph anchors that stay put: derived from the paragraph's own text.

Position-based ids (p1, p2, ...) would move every citation when a cleaning rule
changes or an editor trims the top of an article; a short hash of the text does not.
"""

from __future__ import annotations

import hashlib

from ..model import Block, Paragraph
from .blocks import text_key

_PREFIX = {"paragraph": "p", "heading": "h", "table": "t", "code": "c"}


def number(blocks: tuple[Block, ...]) -> tuple[Paragraph, ...]:
    taken: set[str] = set()
    out: list[Paragraph] = []
    count = 0
    for block in blocks:
        prefix = _PREFIX[block.kind]
        # code is keyed on its exact text: text_key would make `a = b` and `a + b` alike
        keyed = block.text if block.kind == "code" else text_key(block.text)
        base = f"{prefix}-{hashlib.sha1(keyed.encode()).hexdigest()[:6]}"
        anchor, n = base, 1
        while anchor in taken:
            n += 1
            anchor = f"{base}-{n}"
        taken.add(anchor)
        if block.kind == "paragraph":
            count += 1
        out.append(Paragraph(anchor=anchor, text=block.text, kind=block.kind,
                             number=count if block.kind == "paragraph" else 0, rows=block.rows))
    return tuple(out)
