"""Who did what to whom, in the simplest sentences: "<Name> <verb> <Name>".

Enough to catch the contradiction issue 4 asks for: one article says A called B,
another that B called A. Also "A said B called him" (B called A). Names compare by
surname (attribution.speaker_key), so "Mayor Lina Ferris" and "Ferris" are one.
A dependency parse would read more sentences, but needs the full spaCy model on every
sentence; the pattern reads the sentences where such a swap is unambiguous.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .attribution import PROPER_NAME, clean_name, speaker_key
from .sentences import Sentence
from .spans import Span

# Verbs that do not relate two people the way "called" does.
_NOT_ACTIONS = frozenset("said says told and or but was were is are has had have announced added".split())
_IRREGULAR = "met|rang|hit|beat|sent|paid|shot|struck|sued|fired|hired"
_DIRECT = re.compile(
    rf"(?P<a>{PROPER_NAME})\s+(?:(?:had|has)\s+)?(?P<verb>[a-z]{{2,}}ed|{_IRREGULAR})\s+(?:up\s+)?(?P<b>{PROPER_NAME})"
)
_REPORTED = re.compile(
    rf"(?P<b>{PROPER_NAME})\s+(?:said|says|told \w+|claimed)\s+(?:that\s+)?(?P<a>{PROPER_NAME})\s+(?:had\s+)?"
    rf"(?P<verb>[a-z]{{2,}}ed|{_IRREGULAR})\s+(?:up\s+)?(?:him|her)\b"
)


# Both patterns have a past-tense verb before a capitalised word or "him"/"her".
_HINT = re.compile(rf"\b(?:[a-z]{{2,}}ed|{_IRREGULAR})\s+(?:up\s+)?(?:[A-Z]|him\b|her\b)")


@dataclass(frozen=True, slots=True)
class Relation:
    sentence: Span
    subject: str  # as written
    verb: str
    object: str
    key: tuple[str, str, str]  # (subject key, verb, object key)


def in_sentence(sentence: Span) -> list[Relation]:
    if not _HINT.search(sentence.text):
        return []
    out = []
    for pattern in (_REPORTED, _DIRECT):
        for m in pattern.finditer(sentence.text):
            a, b = clean_name(m["a"]), clean_name(m["b"])
            verb = m["verb"]
            if not a or not b or verb in _NOT_ACTIONS:
                continue
            ka, kb = speaker_key(a), speaker_key(b)
            if ka == kb:
                continue
            out.append(Relation(sentence, a, verb, b, (ka, verb.removesuffix("ed"), kb)))
        if out:
            break  # "Ferris said Becker called her" is not also "Becker called ..."
    return out


def find_relations(sentences: Sequence[Sentence]) -> tuple[Relation, ...]:
    """The relations of sentences, in order: of one article or of a whole corpus."""
    return tuple(r for s in sentences for r in in_sentence(s.span))
