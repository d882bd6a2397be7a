"""Direct quotes, their speakers, and the same quote as each outlet gives it.

A quote is the text between quotation marks, verbatim (`span.text` is a substring of
the cleaned paragraph). The words that attribute it come from the cues around it
(attribution.py); who they name is settled once the entity index is made
(speakers.py), and the page says how. Quotes are grouped across articles by fuzzy match (rapidfuzz), so
"He called me up yesterday — he said, let's make a deal" and "He called me
yesterday and said, 'Let's make a deal'" are one quote with two wordings (issue 4).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from ..corpus.blocks import text_key
from ..model import Article, Corpus
from . import attribution, outlets, words
from .grouping import group, max_df, stable_ids
from .sentences import Sentence, by_article
from .spans import Span

if TYPE_CHECKING:
    from .speakers import KnownNames

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
    # Two apostrophes close a double quotation (AP: 'a "travel advisory'' in October'):
    # read as one mark, or the quote ran to the paragraph's end (issue 20).
    scanned = text.replace("''", '" ') if '"' in text and "''" in text else text
    for m in _MARKS.finditer(scanned):
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


def find_in_article(article: Article, sentences: Sequence[Sentence]) -> list[Quote]:
    """Every quote of an article with the words that attribute it, in reading order. A
    pronoun ("he said") is kept as written, `how="pronoun"`, and a quote with no cue that
    goes on from the quote before it (in its paragraph, or at the start of a paragraph
    after one whose quote runs to its end, or that ends with a colon) is
    `how="continues"`: speakers.settle resolves both once the entities are known."""
    spans_of: dict[str, list[Span]] = defaultdict(list)
    for s in sentences:
        spans_of[s.span.anchor].append(s.span)
    out: list[Quote] = []
    open_before = False  # the paragraph before ends inside a quote, or with a colon
    said_before = False  # the paragraph before has a quote with a cue
    for paragraph in article.body:
        text = paragraph.text
        found_here = [(s, e) for s, e in marked(text) if _worth_keeping(text[s:e])]
        if not found_here:
            open_before = text.rstrip().endswith(":")
            said_before = False
            continue
        # The sentence spans themselves, not copies: a quote's sentence is one of them.
        spans = spans_of.get(paragraph.anchor) or [Span.of(article.slug, paragraph, 0, len(text))]
        firsts = [span.start for span in spans]
        previous: Quote | None = None
        for start, end in found_here:
            sentence = spans[max(0, bisect.bisect_right(firsts, start) - 1)]
            found = attribution.attribute(text, start, end, (sentence.start, sentence.end))
            speaker, how = found.speaker, found.how
            if speaker is None and (previous is not None or (open_before and start <= 1)):
                how = "continues"
            elif speaker is None and said_before and start <= 1 and end >= len(text.rstrip()) - 2:
                # A paragraph that is one quote, after a paragraph whose quote has a cue:
                # the same speaker goes on (news style; news clusters: "'It was a pretty
                # scary experience,' Anooshe Mushtaq said. / 'I was on the beach ...'").
                how = "continues"
            quote = Quote(
                span=Span.of(article.slug, paragraph, start, end),
                sentence=sentence,
                speaker=speaker,
                cue=found.cue,
                how=how,
            )
            out.append(quote)
            previous = quote
        said_before = previous is not None and (previous.speaker is not None or previous.how == "continues")
        last_start, last_end = found_here[-1]
        open_before = last_end >= len(text.rstrip()) and not text.rstrip().endswith(tuple("”\"»")) \
            or text.rstrip().endswith(":")
    return out


def in_article(article: Article, sentences: Sequence[Sentence]) -> tuple[Quote, ...]:
    return tuple(find_in_article(article, sentences))


# What grouping compares of a quote: its text as a comparison key (blocks.text_key),
# its content words, and its speaker's key (attribution.speaker_key; None without a
# speaker). Read with the quote's article (findings.py).
Wording = tuple[str, tuple[str, ...], str | None]


def wordings(quotes: Sequence[Quote]) -> tuple[Wording, ...]:
    return tuple(
        (text_key(q.span.text), words.content(q.span.text), attribution.speaker_key(q.speaker) if q.speaker else None)
        for q in quotes
    )


def find_quotes(corpus: Corpus, sentences: Sequence[Sentence], known: KnownNames | None = None) -> Quotes:
    """Every quote of a corpus, its speaker settled with `known` (speakers.py), grouped;
    `sentences` in corpus order."""
    from .speakers import KnownNames, settle  # (speakers.py reads this module's Quote)

    found = [q for a, mine in by_article(corpus, sentences) for q in find_in_article(a, mine)]
    said = settle(corpus, found, known or KnownNames(), sentences)
    return group_quotes(corpus, said, wordings(said))


def group_quotes(corpus: Corpus, found: Sequence[Quote], worded: Sequence[Wording]) -> Quotes:
    """The quotes of every article (corpus order) grouped across articles; `worded`
    are their `wordings`, in the same order."""
    outlet_of = {a.slug: outlets.key(a) for a in corpus.articles}
    keys_text = [w[0] for w in worded]
    bags = [w[1] for w in worded]
    df = words.document_frequency(bags)
    keys = words.rare_keys(bags, df, BLOCK_KEYS, max_df(len(bags)))
    sizes = [len(k.split()) for k in keys_text]
    padded = [f" {k} " for k in keys_text]
    sets = [frozenset(bag) for bag in bags]
    ratio, token_set_ratio = fuzz.ratio, fuzz.token_set_ratio

    def score(i: int, j: int) -> float:
        # A score under SIMILARITY decides nothing (grouping.group), so rapidfuzz may
        # stop early there and say 0.
        a, b = keys_text[i], keys_text[j]
        fewest = min(sizes[i], sizes[j])
        if fewest >= EXCERPT_WORDS and (padded[i] in padded[j] if len(a) <= len(b) else padded[j] in padded[i]):
            return 100.0  # an excerpt: "not let those workers down" (fixture story)
        if fewest < SHORT_WORDS or len(sets[i] & sets[j]) < 3:
            return ratio(a, b, score_cutoff=SIMILARITY)
        return token_set_ratio(a, b, score_cutoff=SIMILARITY)

    groups = group(keys_text, keys, score, SIMILARITY)
    speaker_keys = [w[2] for w in worded]
    parts = [_group(members, found, keys_text, speaker_keys, outlet_of) for members in groups]
    # The id comes from the wording most outlets use, the first variant.
    ids = stable_ids("q", [keys_text[variants[0]] for variants, _ in parts])
    made: list[tuple[tuple[object, ...], QuoteGroup]] = []
    for (variants, (quotes, speaker, speakers, voices)), gid in zip(parts, ids, strict=True):
        g = QuoteGroup(gid, found[variants[0]], quotes, speaker, speakers, voices, tuple(found[v] for v in variants))
        made.append((_order(g), g))
    made.sort(key=lambda m: m[0])
    return Quotes(tuple(g for _, g in made))


def _order(g: QuoteGroup) -> tuple[object, ...]:
    """Most outlets first, then most occurrences, then where the first one is (a
    `Span`'s order, field by field)."""
    first = g.quotes[0].span
    return (-len(g.outlets), -len(g.quotes), first.article, first.anchor, first.start, first.end, first.text)


_Parts = tuple[tuple[Quote, ...], str | None, tuple[str, ...], tuple[str, ...]]


def _group(
    members: list[int], found: Sequence[Quote], keys: list[str], speaker_keys: list[str | None],
    outlet_of: dict[str, str],
) -> tuple[list[int], _Parts]:
    """A group's variants (one occurrence per distinct wording, most outlets first, as
    indices into `found`), and its quotes, speaker, speakers and outlets."""
    if len(members) == 1:  # most quotes: said in one article only
        q = found[members[0]]
        spoken = (q.speaker,) if q.speaker else ()
        return members, ((q,), q.speaker or None, spoken, (outlet_of[q.span.article],))
    voices: dict[str, set[str]] = defaultdict(set)
    first: dict[str, int] = {}
    for i in members:
        voices[keys[i]].add(outlet_of[found[i].span.article])
        first.setdefault(keys[i], i)
    order = sorted(first, key=lambda k: (-len(voices[k]), -len(k), k))
    # Cues in the sentence say more than "he said" read back: count those when there are any.
    explicit = [i for i in members if found[i].speaker and found[i].how in EXPLICIT]
    named: Counter[str] = Counter()
    forms: dict[str, str] = {}
    for i in explicit or members:
        speaker = found[i].speaker
        k = speaker_keys[i]
        if speaker and k is not None:
            named[k] += 1
            if len(speaker) > len(forms.get(k, "")):
                forms[k] = speaker
    ranked = sorted(named, key=lambda k: (-named[k], k))
    quotes = tuple(found[i] for i in members)
    return [first[k] for k in order], (
        quotes,
        forms[ranked[0]] if ranked else None,
        tuple(forms[k] for k in ranked),
        outlets.independent(outlet_of[q.span.article] for q in quotes),
    )
