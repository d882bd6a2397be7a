"""Provenance: where in which article a finding was read.

Every claim, quote, figure and date the analyses report carries `Span`s, so every
line of the briefing can cite its source and link to the paragraph
(`articles/<slug>.md#<anchor>`). `text` is always `paragraph.text[start:end]`:
verbatim, never rewritten.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Paragraph


@dataclass(frozen=True, slots=True, order=True)
class Span:
    article: str  # article slug
    anchor: str  # paragraph anchor
    start: int  # character offsets into the paragraph's cleaned text
    end: int
    text: str

    @classmethod
    def of(cls, article: str, paragraph: Paragraph, start: int, end: int) -> Span:
        return cls(article, paragraph.anchor, start, end, paragraph.text[start:end])

    def within(self, start: int, end: int) -> Span:
        """A part of this span, offsets relative to the span's own text."""
        return Span(self.article, self.anchor, self.start + start, self.start + end, self.text[start:end])

    def contains(self, other: Span) -> bool:
        return (self.article, self.anchor) == (other.article, other.anchor) and (
            self.start <= other.start and other.end <= self.end
        )
