"""Sentences of every article, with their spans: the unit claims, figures and dates
are read in.

spaCy's rule-based `sentencizer` was the first choice (issue 4) and is the reference:
a sentence ends after a sentence-final token. But its cost is spaCy's tokenizer, which
it needs only to know which full stops end a word like "Mr." or "Nev.": 130,000 words
a second on the news clusters, so some 20 s of the 30 s budget for 10,000 articles
(2.8 million words, benchmarks/analysis_scale.py); pysbd was ten times slower still. So the rule is applied here with a regular expression over the
abbreviations spaCy's English tokenizer knows (its `tokenizer_exceptions`), plus
initials and dotted acronyms ("J.", "U.S.", "F.B.I."). Two differences from the
sentencizer, both on purpose: the next sentence must open with a capital, a digit or
a quotation mark ("p.m. on Tuesday" never splits), and an opening quotation mark after
a full stop opens the next sentence (the sentencizer left `he said. "` behind, news
clusters). On the 7,464 paragraphs of the news clusters the two split 91% of paragraphs
alike, 97.6% once the sentencizer's stray opening quotation marks are set right; the
rest is mostly tweet embeds and "..." (tests/test_analysis_corpora.py compares them).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Article, Corpus
from .spans import Span

# Abbreviations spaCy's exceptions lack that news writes before a capital or a number.
EXTRA_ABBREVIATIONS = frozenset(
    "No. Nos. Ft. Lt. Col. Capt. Sgt. Supt. Insp. Det. Cpl. Pvt. Sr. Fig. Vol. Art. Sec. approx. cf.".split()
)
_END = re.compile(r"(?:\.\.\.|[.!?…])+[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]*[A-Z0-9])")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+")  # "J.", "U.S.", "p.m."


@dataclass(frozen=True, slots=True)
class Sentence:
    span: Span
    position: int  # 0-based among its article's sentences: lead sentences come first


# Read from spaCy once a process, or handed over by the analysis cache (cache.py):
# importing spaCy takes a second, more than a rebuild with one article changed may.
_known: frozenset[str] | None = None


def abbreviations() -> frozenset[str]:
    global _known
    if _known is None:
        _known = spacy_abbreviations() | EXTRA_ABBREVIATIONS
    return _known


def spacy_abbreviations() -> frozenset[str]:
    from spacy.lang.en import English  # the data only; no pipeline is built

    return frozenset(k for k in English.Defaults.tokenizer_exceptions if k.endswith(".") and " " not in k)


def remember_abbreviations(known: frozenset[str]) -> None:
    """Use `known` (an earlier `abbreviations()` under the same spaCy version) instead
    of reading spaCy again."""
    global _known
    _known = known


def split(text: str) -> tuple[tuple[int, int], ...]:
    """Sentence spans (start, end) of a text, whitespace trimmed."""
    known = abbreviations()
    spans = []
    start = 0
    for m in _END.finditer(text):
        if text[m.start()] == "." and m.group(0)[:3] != "...":
            word_start = max(text.rfind(" ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
            word = text[word_start : m.start() + 1].lstrip("(\"'“‘«[")
            if word in known or _INITIALS.fullmatch(word):
                continue
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    return _trim(text, spans)


def _trim(text: str, spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    out = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append((start, end))
    return tuple(out)


def in_article(article: Article) -> tuple[Sentence, ...]:
    """Every sentence of an article's body (headings left out: scraped subheads are
    often navigation), in order."""
    out: list[Sentence] = []
    for paragraph in article.body:
        for start, end in split(paragraph.text):
            out.append(Sentence(Span.of(article.slug, paragraph, start, end), len(out)))
    return tuple(out)


def find_sentences(corpus: Corpus) -> tuple[Sentence, ...]:
    """Every sentence of every article, in corpus order."""
    return tuple(s for article in corpus.articles for s in in_article(article))


def by_article(corpus: Corpus, sentences: Iterable[Sentence]) -> list[tuple[Article, list[Sentence]]]:
    """Each article of the corpus with its sentences among `sentences`: for the
    analyses read article by article, given a corpus's sentences."""
    mine: dict[str, list[Sentence]] = {a.slug: [] for a in corpus.articles}
    for s in sentences:
        mine[s.span.article].append(s)
    return [(a, mine[a.slug]) for a in corpus.articles]
