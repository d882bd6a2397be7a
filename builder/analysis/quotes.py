"""Direct quotes, their speakers, and the same quote as each outlet gives it.

A quote is the text between quotation marks, verbatim (`span.text` is a substring of
the cleaned paragraph). Its speaker comes from the cues around it (attribution.py);
"he said" is read as the last speaker the article named before it, and the page
says so. Quotes are grouped across articles by fuzzy match (rapidfuzz), so
"He called me up yesterday — he said, let's make a deal" and "He called me
yesterday and said, 'Let's make a deal'" are one quote with two wordings (issue 4).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from ..blocks import text_key
from ..model import Article, Corpus, Paragraph
from . import attribution, outlets, words
from .grouping import group, max_df, stable_ids
from .sentences import Sentence
from .spans import Span

# Fewer words than this between marks is a scare quote or a name ("the "deal"").
MIN_WORDS = 2
# Wordings at or above this rapidfuzz score are one quote. The example pair
# ("He called me up yesterday — he said, let's make a deal" / "He called me yesterday
# and said, 'Let's make a deal'") scores 95 (token_set_ratio). Sampled on 45 news
# clusters: different sentences of one interview scored 70-80; one quote worded
# differently 84-99 ("The government of Costa Rica profoundly regrets..." / "...deeply
# regrets...": 84, just missed).
SIMILARITY = 85.0
# Below this many words a quote is compared whole (ratio), not as a bag of words
# (token_set_ratio), which calls any short quote "the same" as a long one containing it.
SHORT_WORDS = 6
# A quote of at least this many words found word for word inside a longer one is an
# excerpt of it ("not let those workers down" / "This town will not let those workers down").
EXCERPT_WORDS = 4
BLOCK_KEYS = 4
# How a speaker found in the quote's own sentence was found (attribution.py); the rest
# ("he" read back, a quote going on) are inferences.
EXPLICIT = frozenset({"named after the quote", "named before the quote", "according to", "subject of the sentence"})

_MARKS = re.compile(r"[“”\"«»]")
_OPENS = {"“": "”\"", '"': "\"”", "«": "»"}
_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))‘(?=\S)")
_SMALL_WORDS = frozenset("a an and at by for in of on or the to with".split())


@dataclass(frozen=True, slots=True)
class Quote:
    span: Span  # the quoted words, verbatim, without the marks
    sentence: Span  # the sentence the quote opens in
    speaker: str | None  # None: no speaker found; the page says "unattributed"
    cue: str  # the attributing words as written ("Carney told supporters"), or ""
    how: str  # how the speaker was found


@dataclass(frozen=True, slots=True)
class QuoteGroup:
    id: str
    quote: Quote  # the wording most outlets use
    quotes: tuple[Quote, ...]  # every occurrence, corpus order
    speaker: str | None  # the speaker most occurrences name, as most fully written
    speakers: tuple[str, ...]  # every distinct speaker named (two: a disagreement)
    outlets: tuple[str, ...]
    variants: tuple[Quote, ...]  # one occurrence per distinct wording, most outlets first

    @property
    def text(self) -> str:
        return self.quote.span.text

    @property
    def support(self) -> int:
        return len(self.outlets)


@dataclass(frozen=True, slots=True)
class Quotes:
    groups: tuple[QuoteGroup, ...]  # most outlets first

    def all(self) -> Iterator[Quote]:
        for g in self.groups:
            yield from g.quotes


@functools.lru_cache(maxsize=1 << 17)  # read by the quotes and by the dates
def marked(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of the words inside each pair of quotation marks, marks excluded.

    Double marks pair up in order; an opening mark with no closing one runs to the end
    of the paragraph (news style for a quote that goes on in the next paragraph).
    Single curly marks count only outside double ones, for outlets that quote with
    them; a ’ with a letter after it is an apostrophe."""
    out: list[tuple[int, int]] = []
    opening: tuple[int, str] | None = None
    for m in _MARKS.finditer(text):
        c, pos = m.group(), m.start()
        if opening is None:
            if c in _OPENS:
                opening = (pos, c)
        elif c in _OPENS[opening[1]]:
            out.append((opening[0] + 1, pos))
            opening = None
        elif c in _OPENS:
            opening = (pos, c)  # two openings in a row: the first was a stray mark
    if opening is not None:
        out.append((opening[0] + 1, len(text)))
    out.extend(_single(text, out))
    return tuple(sorted(_trim(text, s, e) for s, e in out))


def _single(text: str, doubles: list[tuple[int, int]]) -> list[tuple[int, int]]:
    if "‘" not in text:
        return []
    found = []
    for m in _SINGLE_OPEN.finditer(text):
        start = m.end()
        if any(s - 1 <= m.start() < e + 1 for s, e in doubles):
            continue
        for close in re.finditer("’", text[start:]):
            at = start + close.start()
            after = text[at + 1 : at + 2]
            if not (after.isalnum()) and not text[at - 1].isspace():
                found.append((start, at))
                break
    return found


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _worth_keeping(quoted: str) -> bool:
    found = quoted.split()
    if len(found) < MIN_WORDS:
        return False
    # "Operation Harbour Light", "The Last of Us": titles and names, not speech.
    return not (len(found) <= 8 and all(w[:1].isupper() or w.casefold() in _SMALL_WORDS for w in found if w[:1].isalpha()))


def find_in_article(article: Article, sentences: list[Sentence]) -> list[Quote]:
    """Every quote of an article, speakers resolved in reading order."""
    bounds_of: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for s in sentences:
        bounds_of[s.span.anchor].append((s.span.start, s.span.end))
    body = article.body
    out: list[Quote] = []
    last: tuple[int, int, str] | None = None  # where the last named speaker's quote opens, and who
    for index, paragraph in enumerate(body):
        text = paragraph.text
        found_here = [(s, e) for s, e in marked(text) if _worth_keeping(text[s:e])]
        if not found_here:
            continue
        bounds = bounds_of.get(paragraph.anchor) or [(0, len(text))]
        firsts = [b[0] for b in bounds]
        previous: Quote | None = None
        for start, end in found_here:
            sentence = bounds[max(0, bisect.bisect_right(firsts, start) - 1)]
            found = attribution.attribute(text, start, end, sentence)
            speaker, how = found.speaker, found.how
            if speaker is not None and attribution.is_pronoun(speaker):
                named = _last_named(body, index, start, last)
                if named is not None:
                    how, speaker = f"“{speaker}” read as {named}, the last speaker named before it", named
                else:
                    how, speaker = f"“{speaker}”, with no speaker named before it", None
            elif speaker is None and previous is not None and previous.speaker is not None:
                speaker, how = previous.speaker, "goes on from the quote before it"
            if speaker is not None and found.how != "pronoun" and attribution.is_person_like(speaker):
                last = (index, start, speaker)
            quote = Quote(
                span=Span.of(article.slug, paragraph, start, end),
                sentence=Span.of(article.slug, paragraph, *sentence),
                speaker=speaker,
                cue=found.cue,
                how=how,
            )
            out.append(quote)
            previous = quote
    return out


def _last_named(body: tuple[Paragraph, ...], index: int, position: int, last: tuple[int, int, str] | None) -> str | None:
    """The person an article last named as speaking before `position` of paragraph
    `index`: in a "<Name> said" anywhere (quoted or not: "Becker said the plant would
    reopen. ... 'We will rebuild,' he said"), or as a quote's speaker (`last`). Read
    backwards, and only as far as `last`: most paragraphs never need it."""
    for i in range(index, -1, -1):
        if last is not None and i < last[0]:
            break
        floor = last[1] if last is not None and i == last[0] else -1
        cues = [
            name for at, name in attribution.named(body[i].text)
            if floor < at and (i < index or at < position) and attribution.is_person_like(name)
        ]
        if cues:
            return cues[-1]
    return last[2] if last is not None else None


def find_quotes(corpus: Corpus, sentences: tuple[Sentence, ...]) -> Quotes:
    by_article: dict[str, list[Sentence]] = defaultdict(list)
    for s in sentences:
        by_article[s.span.article].append(s)
    found = [q for a in corpus.articles for q in find_in_article(a, by_article[a.slug])]
    outlet_of = {a.slug: outlets.key(a) for a in corpus.articles}
    keys_text = [text_key(q.span.text) for q in found]
    bags = [words.content(q.span.text) for q in found]
    df = words.document_frequency(bags)
    keys = [words.rare(bag, df, BLOCK_KEYS, max_df(len(bags))) for bag in bags]
    sizes = [len(k.split()) for k in keys_text]

    def score(i: int, j: int) -> float:
        short, long = sorted((keys_text[i], keys_text[j]), key=len)
        if min(sizes[i], sizes[j]) >= EXCERPT_WORDS and f" {short} " in f" {long} ":
            return 100.0  # an excerpt: "not let those workers down" (fixture story)
        if min(sizes[i], sizes[j]) < SHORT_WORDS or len(set(bags[i]) & set(bags[j])) < 3:
            return fuzz.ratio(keys_text[i], keys_text[j])
        return fuzz.token_set_ratio(keys_text[i], keys_text[j])

    groups = group(keys_text, keys, score, SIMILARITY)
    made = [_group([found[i] for i in members], [keys_text[i] for i in members], outlet_of) for members in groups]
    made = [replace(g, id=i) for g, i in zip(made, stable_ids("q", [text_key(g.text) for g in made]), strict=True)]
    made.sort(key=lambda g: (-g.support, -len(g.quotes), g.quotes[0].span))
    return Quotes(tuple(made))


def _group(quotes: list[Quote], keys: list[str], outlet_of: dict[str, str]) -> QuoteGroup:
    voices: dict[str, set[str]] = defaultdict(set)
    first: dict[str, Quote] = {}
    for q, k in zip(quotes, keys, strict=True):
        voices[k].add(outlet_of[q.span.article])
        first.setdefault(k, q)
    order = sorted(first, key=lambda k: (-len(voices[k]), -len(k), k))
    # Cues in the sentence say more than "he said" read back: count those when there are any.
    explicit = [q for q in quotes if q.speaker and q.how in EXPLICIT]
    named = Counter(attribution.speaker_key(q.speaker) for q in (explicit or quotes) if q.speaker)
    forms: dict[str, str] = {}
    for q in explicit or quotes:
        if q.speaker:
            k = attribution.speaker_key(q.speaker)
            if len(q.speaker) > len(forms.get(k, "")):
                forms[k] = q.speaker
    ranked = sorted(named, key=lambda k: (-named[k], k))
    return QuoteGroup(
        id="",  # set from the central wording once every group is made
        quote=first[order[0]],
        quotes=tuple(quotes),
        speaker=forms[ranked[0]] if ranked else None,
        speakers=tuple(forms[k] for k in ranked),
        outlets=outlets.independent(outlet_of[q.span.article] for q in quotes),
        variants=tuple(first[k] for k in order),
    )
