"""Key points: the story's claims ranked as an editor would, central facts first.

A key point is a claim (claims.py: sentences from different articles that report one
fact), shown by its clearest sentence. The ranking, after ICSI-style concept coverage
(Gillick & Favre 2009):

1. Corroborated details. A concept is a pair of adjacent words (not two stop words),
   weighted by the number of independent voices that use it: an outlet is one voice,
   and an article that shares most of its claims with an earlier one (a wire copy)
   speaks with that one's voice. Pairs fewer than `MIN_VOICES` voices use weigh
   nothing (half the voices in a small story). A claim is worth the weight of the
   concepts its sentence adds to the points already chosen, per word: dense,
   corroborated facts first, and each point must bring something new.
2. That worth is multiplied by a prior: lead sentences count more (a first sentence 5x,
   a second 2.3x: 1 + 4 / (1 + 2 * position)), claims more voices carry count more
   (1 + 0.5 ln voices), specific ones (figures, names) a little more, and the whole by
   the sentence's cosine to the story's centroid (on topic), raised by its cosine to the
   articles' own headlines (1 + 2 cos; a title made from the first sentence does not
   count). The headline weight was read off the 70 news clusters, which have no human
   summaries: with it, the first point's words cover the cluster's human label (its
   folder name) 0.573 (ROUGE-1 recall) against 0.484 without, and reading the 14 first
   points it changed, 9 said the story's event where the old one had a detail, 3 were
   as good and 2 worse (a tabloid's opening, a bystander's quote). Sentences mostly in
   quotation marks (a quote the sentence split cut counts, and so does a tweet's text
   pasted with its signature, and so does a claim most outlets quote when the wording
   shown bares the words without naming whose they are), questions, sentences that
   open with a pronoun or a connective (they lean on the one before), over-long ones
   and lines without a full stop (captions, standfirsts, lines cut short) are
   demoted; very short ones (fewer than `MIN_WORDS` words) nearly dropped.
3. Greedy selection (lazy: a claim's worth only falls as points are chosen) of the
   first `SELECT` points; a claim whose content words repeat a chosen point's (cosine
   `SAME_FACT`), or whose wording the claims' own rule would join with a chosen one's
   (`sameclaim.judge`: blocking may never have set the two side by side), is that fact
   again and is left out.
4. Boilerplate (credits, copyright, calls to subscribe, photo captions and credits,
   a paragraph closed by a picture's credit, an embedded tweet's last line, the same
   words closing three articles in their second half) and background (a sentence about
   years well before the story's, the story's year from the articles' dates) are never
   key points.

Measured on DUC 2004 task 2 (50 clusters of 10 newswire articles, 4 human summaries
each; the parameters were chosen on its first 25 clusters, see benchmarks/keypoints.py
and benchmarks/README.md): the first 250 words of the points beat the articles' lead
sentences and a centroid ranking on ROUGE-1 and ROUGE-2 recall.

Work is linear in the sentences: concepts are counted once, the selection pops a heap.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import filterfalse, groupby, repeat

from ..model import Corpus
from . import outlets, sameclaim, words
from .attribution import REPORTED
from .claims import Claim, Claims, sentence_key
from .sentences import Sentence

# Points chosen by the greedy step; a briefing shows fewer.
SELECT = 20
# Content-word cosine (the story's IDF) at which two points are one fact.
SAME_FACT = 0.4
MIN_VOICES = 3
MIN_WORDS = 8
MAX_WORDS = 60
POSITION_WEIGHT = 4.0  # x (1 + POSITION_WEIGHT / (1 + 2 * position))
SUPPORT_WEIGHT = 0.5  # x (1 + SUPPORT_WEIGHT * ln voices)
SPECIFICITY_WEIGHT = 0.25  # x (1 + w * min(1, (numbers + names) / 3))
TITLE_WEIGHT = 2  # x (1 + w * cosine of the sentence's words to the articles' headlines')
QUOTE_PENALTY = 0.5
LEAN_PENALTY = 0.8
QUESTION_PENALTY = 0.5
LONG_PENALTY = 0.5
SHORT_PENALTY = 0.1
UNFINISHED_PENALTY = 0.7
# An article sharing this share of its claims with an earlier one, and that one as
# much with it, is a copy of it; a claim in more articles than `COPY_EVIDENCE` says
# nothing about which two copy each other.
COPY_SHARE = 0.6
COPY_EVIDENCE = 20
RIVAL_BLOCK = 50

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_CAPITALISED = re.compile(r"(?<=\s)[A-Z]")  # words after the first that open with a capital
# Quoted passages: newswire's ``...'', curly and straight double quotes, and single
# quotes as British tabloids use them ('...,' he said), a quote closing before a space.
_QUOTE_SPANS = re.compile(r"``.*?''|“.*?”|\"[^\"]*\"|‘.*?’(?=\W|$)|(?:^|(?<=\s))'(?=\S).+?\S'(?=\s|$)")
_LEAN = re.compile(
    r"(?:``|[\"“'‘(])?\s*(?:he|she|it|they|this|that|these|those|his|her|its|their|"
    r"but|and|or|so|also|however|meanwhile|still|yet|then|there|here|such|both|another|"
    r"the (?:two|three|four|five|latter|former|move|decision|incident|same)|"
    r"in addition|as a result|at the same time|instead|otherwise|earlier|later)\b"
)
_BOILERPLATE = re.compile(
    r"contributed (?:reporting )?to this (?:report|story|article)|all rights reserved|\bcopyright\b|©|"
    r"\b(?:click|tap) here\b|\bsign up (?:for|to)\b|\bsubscribe (?:now|today|to (?:our|the))\b|"
    r"\bour (?:daily |weekly |morning |evening )?newsletter|\bfollow (?:us|@\w+) on\b|https?://|\bwww\.\w|"
    r"\b(?:photo|image|picture) (?:credit|caption)\b|\bgetty images\b|\bread (?:more|the full story)\b|"
    r"\b(?:is|are) (?:pictured|seen) (?:in|here|on|at|during|with)\b|\bhandout (?:photo|picture|image)\b|"
    r"\b(?:photo|picture|image)s? (?:provided|released|taken) by\b|"
    r"this (?:story|article) (?:has been|was) (?:updated|amended|corrected)|"
    r"^\s*(?:advertisement|related:|more:|see also)\b|\b(?:reporting|editing|writing) by [a-z]|"
    r"support (?:it|us|our journalism)\b|readers like you|\bstay up to date (?:on|with) (?:the latest|our)\b|"
    # What a pasted page brings of its pictures and embeds (news clusters): an agency
    # photo's caption ("FILE - In this Sept. 30, 2016, file photo, Singer Rihanna poses
    # ...", "This Dec. 28, 2017 photo made available by SpaceX shows ...") and credit
    # ("(AP Photo/Richard Drew, File)"), a caption opening "Pictured", and the last line
    # of an embedded tweet ("... pic.twitter.com/m0Tq — NWS Gray (@NWSGray) December 27,
    # 2017").
    r"^\W*file\s*[-–—]|\bfile (?:photo|picture|image)\b|\((?:ap |reuters |afp )?photo\b|^\W*pictured\b|"
    r"^\W*(?:in )?this\b[^!?]{0,45}?\b(?:photo|image|picture)s?\b[^!?]{0,80}?"
    r"\b(?:shows?|released|provided|made available|taken|distributed)\b|"
    r"\bpic\.twitter\.com/|[—–]\s*[^—–()]{1,60}\(@\w{1,15}\)"
)
# Content words that boilerplate needs one of before its expression is tried, and
# number words; rooted, as the words are ("dozens" -> "dozen").
_CUES = frozenset(map(words.root, """contributed reserved copyright click tap sign subscribe newsletter
    follow http https www credit caption getty read updated amended corrected advertisement related more see
    reporting editing writing support readers pictured seen handout provided released taken file photo picture
    image pic date""".split()))
_NUMBER_WORDS = frozenset("two three four five six seven eight nine ten dozen hundred thousand million billion".split())
_PAST = re.compile(r"\b(?:in|since|until|by|during|from|of)\s+(?:early |late |mid-)?(1[89]\d\d|20\d\d)\b|\b(1[89]\d\d|20\d\d)s\b")


@dataclass(frozen=True, slots=True)
class KeyPoints:
    """The ranked claims, each shown by its clearest wording (`Claim.span`)."""

    points: tuple[Claim, ...]


class _Read:
    """A sentence as the ranking counts it: its words, its concepts and their weight.
    What it looks like (`shape`) is read only for the claims the selection reaches."""

    __slots__ = ("bag", "captioned", "concepts", "sentence", "shaped", "tweeted", "value", "words")

    def __init__(self, sentence: Sentence, same: _Read | None = None) -> None:
        """`same`: a sentence of the same text read before (boilerplate, a wire copy: a
        fifth of the sentences at 10,000 synthetic articles), whose words are taken."""
        self.sentence = sentence
        self.tweeted = False  # the text of a tweet pasted with its signature (`_tweets`)
        self.captioned = False  # a picture's caption, pasted with its credit (`_captions`)
        self.value = 0.0
        self.shaped: _Shape | None = None
        if same is not None:
            self.words, self.bag, self.concepts = same.words, same.bag, same.concepts
            return
        self.words = sentence.span.text.count(" ") + 1
        toks = words.tokens(sentence.span.text)
        self.bag = words.content_of(toks)
        roots = list(map(_ROOT_OR_STOP.__getitem__, toks))
        # "a b" strings, not pairs: a string keeps its hash, and every concept is hashed
        # again in each set it enters (a third of the ranking's time at 10,000 articles).
        # The stop pairs are left out as the pairs are made, not by a set difference after.
        self.concepts: frozenset[str] = frozenset(
            filterfalse(_STOP_PAIRS.__contains__, map(" ".join, zip(roots, roots[1:]))))

    @property
    def text(self) -> str:
        return self.sentence.span.text

    def shape(self) -> _Shape:
        if self.shaped is None:
            self.shaped = _Shape(self.sentence.span.text, self.bag, self.words, self.tweeted)
        return self.shaped


class _RootOrStop(dict[str, str]):
    """A token's root, or the stop word itself."""

    def __missing__(self, token: str) -> str:
        kept = self[token] = token if token in words.STOPWORDS else words.root(token)
        return kept


_ROOT_OR_STOP = _RootOrStop()
_WORDS_KEPT = 1 << 18  # distinct tokens; numbers make them many on a long-lived server
# A concept is two words in a row, not two stop words.
_STOP_PAIRS = frozenset(f"{a} {b}" for a in words.STOPWORDS for b in words.STOPWORDS)


class _Shape:
    """What a sentence looks like: quoted, a question, leaning on the one before,
    boilerplate, specific (figures, names)."""

    __slots__ = ("boilerplate", "quality", "quoted", "specific")

    def __init__(self, text: str, bag: tuple[str, ...], n_words: int, tweeted: bool = False) -> None:
        lower = text.lower()
        self.boilerplate = ("©" in text or "(@" in text or not _CUES.isdisjoint(bag)) and _BOILERPLATE.search(
            lower) is not None
        numbers = sum(1 for t in bag if t[0].isdigit() or t in _NUMBER_WORDS)
        names = len(_CAPITALISED.findall(text))
        self.specific = min(1.0, (numbers + names) / 3)
        quality = 1.0
        self.quoted = tweeted or _quoted_share(text) > 0.5
        if _LEAN.match(lower) is not None:
            quality *= LEAN_PENALTY
        if text.rstrip("'\"”’ ").endswith("?"):
            quality *= QUESTION_PENALTY
        if n_words > MAX_WORDS:
            quality *= LONG_PENALTY
        if not text.rstrip("'\"”’) ").endswith((".", "!", "?", "…")):
            # No full stop: a caption, a standfirst or a line cut short ("Chicago Cubs fans
            # celebrate in front of Wrigley Field ...", "A team of rescuers and diggers
            # have worked": news clusters), seldom the clearest telling.
            quality *= UNFINISHED_PENALTY
        self.quality = quality * QUOTE_PENALTY if self.quoted else quality


def _quoted_share(text: str) -> float:
    """The share of a sentence inside quotation marks. A quote the sentence split cut
    counts too: a closing mark with no opening one counts the text before it, and a
    sentence that opens a quote and never closes it, or ends one it never opened
    ("I'll miss coming out of the locker room ... it still gets me.'": news clusters),
    is all quotation."""
    if not any(mark in text for mark in _MARKS):
        return 0.0
    if _CUT_QUOTE.search(text) is not None:
        return 1.0
    opened = _unclosed(text)  # said: "The release of the girls ... (closes in a later sentence)
    if opened is not None:
        before = sum(len(m.group(0)) for m in _QUOTE_SPANS.finditer(text, 0, opened))
        return (before + len(text) - opened) / len(text)
    closing = text.find("”")
    if closing > 0 and "“" not in text[:closing]:
        return closing / len(text)
    return sum(len(m.group(0)) for m in _QUOTE_SPANS.finditer(text)) / max(1, len(text))


# A sentence that is the start of a single-quoted quote going on past it (double quotes
# opened and not closed are `_unclosed`'s), or the end of a quote (a closing mark after
# its last word, no opening one). A single quote opens only before a letter and closes
# only after punctuation, so an apostrophe ("Y’know", "the Texans' coach") is neither.
_CUT_QUOTE = re.compile(
    r"^\s*(?:‘[^’]*|'(?=[A-Za-z])[^']*)$"
    r"|^[^“‘\"`]*(?:[^“”]”|[.,!?]’|[.,!?]'|[^\"]\"|[^'']'')\s*$"
)


def _unclosed(text: str) -> int | None:
    """Where a quote opens that does not close in the sentence (“ with no ” after it,
    `` with no '', or the last straight double quote), at its start or after a space,
    a colon, a comma or a bracket; the first such place. Found with `rfind`, not a
    regular expression: one that tried every opening mark was quadratic in the length
    of a hostile sentence of marks."""
    found = []
    for opener, closer in (("“", "”"), ("``", "''"), ('"', '"')):
        last = text.rfind(closer)
        if closer == opener:
            if text.count(opener) % 2 == 0:
                continue  # paired: '"Caught RED HANDED ...," Trump tweeted.' closes after a comma
            start = last  # the last mark, if any, is the one that does not close
        else:
            start = last + len(closer) if last >= 0 else 0
        while start >= 0:
            at = text.find(opener, start)
            if at < 0:
                break
            if at == 0 or text[at - 1].isspace() or text[at - 1] in ":(,":
                found.append(at)
                break
            if closer == opener:
                break
            start = at + 1
    return min(found, default=None)


_MARKS = ('"', "``", "“", "”", "‘", "'")


def rank(corpus: Corpus, sentences: Sequence[Sentence], claims: Claims, limit: int = SELECT) -> KeyPoints:
    """At most `limit` key points, most important first. Never empty while a claim
    is left that is neither boilerplate nor background."""
    if not claims.claims:
        return KeyPoints(())
    if len(_ROOT_OR_STOP) > _WORDS_KEPT:
        _ROOT_OR_STOP.clear()
    read = _read(sentences)
    _tweets(read.values())
    _captions(read.values())
    voice = _voices(corpus, claims)
    weight = _weigh_concepts(read, voice)
    df = words.document_frequency(r.bag for r in read.values())
    n = len(read)
    idf = {w: math.log((1 + n) / (1 + c)) + 1.0 for w, c in df.items()}
    centroid = {w: c * idf[w] for w, c in df.items()}
    story = _Story(idf, centroid, _story_year(corpus, read.values()), Counter(s.span.article for s in sentences),
                   _headlines(corpus, idf))
    candidates = []
    for claim in claims.claims:
        members = [r for s in claim.spans if (r := read.get(sentence_key(s))) is not None]
        if members:
            candidates.append(_Candidate(claim, members, len({voice[s.article] for s in claim.cited}), story))
    chosen = _select(candidates, weight, idf, limit)
    return KeyPoints(tuple(replace(c.claim, span=c.shown.sentence.span) for c in chosen))


def _read(sentences: Sequence[Sentence]) -> dict[tuple[str, str, int], _Read]:
    """Every sentence read, by its key; a text met again is not read again."""
    read: dict[tuple[str, str, int], _Read] = {}
    first: dict[str, _Read] = {}
    for s in sentences:
        r = read[sentence_key(s.span)] = _Read(s, first.get(s.span.text))
        first.setdefault(s.span.text, r)
    return read


# An embedded tweet's signature: "— christine teigen (@chrissyteigen) December 27, 2017".
_TWEET_SIGNATURE = re.compile(r"[—–]\s*[^—–()]{1,60}\(@\w{1,15}\)")


def _tweets(read: Iterable[_Read]) -> None:
    """Mark the sentences of a paragraph that come before a tweet's signature in it: a
    tweet pasted with the page ("a flying first for me: 4 hours into an 11 hour flight
    ... — christine teigen (@chrissyteigen) December 27, 2017", news clusters), someone's
    words without quotation marks."""
    for paragraph in _paragraphs(read):
        before = 0
        for k, r in enumerate(paragraph):
            if "(@" in r.text and _TWEET_SIGNATURE.search(r.text):
                for signed in paragraph[before : k + 1]:
                    signed.tweeted = True
                before = k + 1


def _paragraphs(read: Iterable[_Read]) -> Iterator[list[_Read]]:
    """The sentences read, a paragraph at a time, in order."""
    for _, paragraph in groupby(read, key=lambda r: (r.sentence.span.article, r.sentence.span.anchor)):
        yield list(paragraph)


# A picture's credit closing a paragraph: "Photo: Reuters", "Photograph: Charlie
# Riedel/AP", "(Greg Wohlford/Erie Times-News via AP)", "(Photo by Alex Wong/Getty
# Images)", "(Rick Loomis / Los Angeles Times)", "[Photo/Agencies]". After a sentence's
# end or alone.
_CREDIT = re.compile(
    r"(?:^|(?<=[.!?\"”’)])\s+)(?:(?:Photo(?:graph)?|Picture|Image|Pic|Credit)s?\s*:\s*[^.:!?()]{2,60}"
    r"|\((?:Photo by )?[A-Z][^()/]{0,50}/\s?[A-Z][^()]{1,60}\)|\[(?:Photo|Image|Picture)s?/[^\[\]]{1,40}\])\s*$")


def _captions(read: Iterable[_Read]) -> None:
    """Mark the sentences of a paragraph that ends in a picture's credit: a caption
    pasted with the page ("A body lies on the ground on Friday in Nice after a truck ran
    into a crowd ... Photo: Reuters"; "Erie, Pa., residents on East 24th Street dig out
    on Tuesday ... (Greg Wohlford/Erie Times-News via AP)", news clusters). A caption
    describes a picture, in the present tense; what it repeats of the story, the story
    tells in its own sentences."""
    for paragraph in _paragraphs(read):
        last = paragraph[-1].text.rstrip()
        if (last.endswith((")", "]")) or ":" in last) and _CREDIT.search(last):
            for member in paragraph:
                member.captioned = True


class _Story:
    """What the ranking knows of the whole story."""

    def __init__(self, idf: dict[str, float], centroid: dict[str, float], year: int | None,
                 sizes: Counter[str], headlines: dict[str, float]) -> None:
        self.year, self.sizes = year, sizes
        self.norm = math.sqrt(math.fsum(v * v for v in centroid.values())) or 1.0
        self.square = {w: v * v for w, v in idf.items()}
        self.toward = {w: v * centroid[w] for w, v in idf.items()}
        self.idf, self.headlines = idf, headlines

    def placed(self, bag: Sequence[str]) -> float:
        """The cosine of a sentence's words (IDF-weighted) to the story's, raised by
        their cosine to the headlines'."""
        distinct = set(bag)
        norm = math.sqrt(math.fsum(map(self.square.__getitem__, distinct))) or 1.0
        central = math.fsum(map(self.toward.__getitem__, distinct)) / (norm * self.norm)
        if not self.headlines:
            return central
        headlined = math.fsum(self.headlines.get(w, 0.0) * self.idf[w] for w in distinct) / norm
        return central * (1 + TITLE_WEIGHT * headlined)


class _Candidate:
    """A claim as the selection weighs it: at first by a bound of its worth (its
    densest wording, every penalty left out, the largest specificity bonus), then,
    once the selection reaches it, exactly (`finish`)."""

    __slots__ = ("background", "claim", "finished", "members", "prior", "shown", "story", "voices")

    def __init__(self, claim: Claim, members: list[_Read], voices: int, story: _Story) -> None:
        self.claim, self.members, self.voices, self.story = claim, members, voices, story
        self.shown = max(members, key=lambda m: m.value / max(1, m.words))
        self.prior = self._placed() * (1 + SPECIFICITY_WEIGHT) * story.placed(self.shown.bag)
        self.background = False
        self.finished = False

    def _placed(self) -> float:
        return (1 + POSITION_WEIGHT / (1 + 2 * self.claim.position)) * (1 + SUPPORT_WEIGHT * math.log(self.voices))

    def finish(self) -> None:
        """The clearest wording, the exact prior, and whether it is background."""
        if self.finished:
            return
        self.finished = True
        members = self.members
        told = [m for m in members if not m.captioned] or members  # a caption only when nothing else
        usable = [m for m in told if m.words >= MIN_WORDS] or told
        shown = self.shown = max(
            usable, key=lambda m: (m.value / max(1, m.words) * m.shape().quality, -m.sentence.position))
        shape = shown.shape()
        prior = self._placed() * (1 + SPECIFICITY_WEIGHT * shape.specific) * shape.quality
        if not shape.quoted and REPORTED.search(shown.text) is None \
                and 2 * sum(m.shape().quoted for m in members) > len(members):
            # Someone's words shown bare: most outlets quote them, and the wording shown
            # names no source (a tweet pasted as text: "Will have double thrust of next
            # largest rocket."). "Carney's office confirmed that ..." reports them.
            prior *= QUOTE_PENALTY
        prior *= self.story.placed(shown.bag)
        if shown.words < MIN_WORDS:
            prior *= SHORT_PENALTY
        self.prior = prior
        sizes = self.story.sizes
        # The same words closing three articles or more and opening none: a sign-off.
        # Closing means among the last three sentences and in the second half: in a
        # short article, the last three are most of it.
        tail = len(members) >= 3 and len({m.bag for m in members}) == 1 and all(
            0 < m.sentence.position >= sizes[m.sentence.span.article] - 3
            and 2 * m.sentence.position >= sizes[m.sentence.span.article] for m in members
        )
        self.background = (tail or shape.boilerplate or all(m.shape().boilerplate for m in members)
                           or shown.captioned or _past(shown, self.story.year))

    def gain(self, covered: set[str], weight: dict[str, float]) -> float:
        s = self.shown
        new = s.value - sum(weight[c] for c in s.concepts if c in covered) if covered else s.value
        return new / max(1, s.words) * self.prior


def _weigh_concepts(read: dict[tuple[str, str, int], _Read], voice: dict[str, str]) -> dict[str, float]:
    """The weight of each concept (two words in a row, stop words left out) enough
    voices use; each sentence's total weight is set on it (its concepts stay all it
    has: the ones without a weight count nothing, and only weighted ones are ever
    covered)."""
    used: dict[str, set[str]] = {}
    for r in read.values():
        mine = voice[r.sentence.span.article]
        kept = used.get(mine)
        if kept is None:
            kept = used[mine] = set()
        kept.update(r.concepts)
    df: Counter[str] = Counter()
    for concepts in used.values():
        df.update(concepts)
    least = max(1, min(MIN_VOICES, (len(used) + 1) // 2))
    weight = {c: float(n) for c, n in df.items() if n >= least}
    get = weight.get
    for r in read.values():
        r.value = sum(map(get, r.concepts, repeat(0.0)))
    return weight


def _headlines(corpus: Corpus, idf: dict[str, float]) -> dict[str, float]:
    """The headlines' words as a unit vector: each word weighted by its IDF in the
    story and the number of headlines with it. Only the articles' own headlines count
    (a title made from the first sentence would count that sentence twice), and only
    words the story's sentences have."""
    count: Counter[str] = Counter()
    for a in corpus.articles:
        if a.metadata.title is not None and not a.metadata.title_derived:
            count.update(w for w in set(words.content(a.metadata.title.value)) if w in idf)
    values = {w: n * idf[w] for w, n in count.items()}
    norm = math.sqrt(math.fsum(v * v for v in values.values())) or 1.0
    return {w: v / norm for w, v in values.items()}


def _voices(corpus: Corpus, claims: Claims) -> dict[str, str]:
    """Each article's voice: its outlet, unless it shares most of its claims with one
    earlier article (a wire copy, one story filed twice), whose voice it then has."""
    order = {a.slug: i for i, a in enumerate(corpus.articles)}
    voice = {a.slug: outlets.key(a) for a in corpus.articles}
    count: Counter[str] = Counter()
    shared: dict[str, Counter[str]] = {}
    for claim in claims.claims:
        arts = sorted(claim.articles, key=order.__getitem__)
        count.update(arts)
        if 1 < len(arts) <= COPY_EVIDENCE:
            for k, b in enumerate(arts):
                shared.setdefault(b, Counter()).update(arts[:k])
    for a in corpus.articles:
        for earlier, n in shared.get(a.slug, Counter()).most_common(1):
            if n >= COPY_SHARE * count[a.slug] and n >= COPY_SHARE * count[earlier]:
                voice[a.slug] = voice[earlier]
    return voice


def _story_year(corpus: Corpus, read: Iterable[_Read]) -> int | None:
    """The year most articles were published in; without dates, the year the opening
    sentences name most, else any sentence."""
    published = Counter(a.metadata.date.value.year for a in corpus.articles if a.metadata.date)
    if published:
        return max(published, key=lambda y: (published[y], y))
    reads = list(read)
    for pool in ([r for r in reads if r.sentence.position < 3], reads):
        years = Counter(int(y) for r in pool for y in set(_YEAR.findall(r.text)))
        if years:
            return max(years, key=lambda y: (years[y], y))
    return None


def _past(r: _Read, year: int | None) -> bool:
    """A sentence past the lead about years well before the story's: background."""
    if year is None or r.sentence.position <= 2:
        return False
    past = [int(a or b) for a, b in _PAST.findall(r.text.lower())]
    return bool(past) and max(past) < year - 1


def _select(candidates: list[_Candidate], weight: dict[str, float], idf: dict[str, float],
            limit: int) -> list[_Candidate]:
    """Lazy greedy on the concept gain: a claim's gain only falls as points are chosen,
    and its bound only falls once it is finished, so a popped claim whose fresh gain
    still tops the heap is the best. A claim repeating a chosen point is skipped; when
    the gains run out first, the rest follow by their own worth."""
    corroborated: dict[str, list[int]] = {}  # content word -> claims more than one outlet carries
    for k, c in enumerate(candidates):
        if c.claim.support > 1:
            for w in set(c.shown.bag):
                corroborated.setdefault(w, []).append(k)
    # A word in many of them finds nothing the story's rarer words do not (the same fact
    # shares those), at a cost that grows with the corpus.
    corroborated = {w: ks for w, ks in corroborated.items() if len(ks) <= RIVAL_BLOCK}
    heap = [(-g, k) for k, c in enumerate(candidates) if (g := c.gain(set(), weight)) > 0]
    heapq.heapify(heap)
    covered: set[str] = set()
    chosen: list[_Candidate] = []
    vectors: list[dict[str, float]] = []
    seen: set[int] = set()
    while heap and len(chosen) < limit:
        _, k = heapq.heappop(heap)
        c = candidates[k]
        c.finish()
        if c.background:
            seen.add(k)
            continue
        g = c.gain(covered, weight)
        if heap and g < -heap[0][0] - 1e-12:  # stale: back with its current gain
            heapq.heappush(heap, (-g, k))
            continue
        if g <= 0:
            break
        seen.add(k)
        v = words.vector(c.shown.bag, idf)
        if _repeats(c, v, chosen, vectors):
            continue
        rival = _rival(k, v, candidates, corroborated, seen, idf)
        if rival is not None:  # the same fact as more outlets tell it ("$48 million" against "$50 million")
            seen.add(rival)
            c, v = candidates[rival], words.vector(candidates[rival].shown.bag, idf)
        chosen.append(c)
        vectors.append(v)
        covered.update(w for w in c.shown.concepts if w in weight)
    if len(chosen) < limit:
        rest = sorted((k for k in range(len(candidates)) if k not in seen),
                      key=lambda k: (-candidates[k].gain(set(), weight), -candidates[k].prior, k))
        for k in rest:
            if len(chosen) >= limit:
                break
            c = candidates[k]
            c.finish()
            v = words.vector(c.shown.bag, idf)
            if not c.background and not _repeats(c, v, chosen, vectors):
                chosen.append(c)
                vectors.append(v)
    return chosen


def _repeats(c: _Candidate, v: dict[str, float], chosen: list[_Candidate], vectors: list[dict[str, float]]) -> bool:
    """Whether a claim tells a chosen point's fact again: their content words are alike
    (cosine `SAME_FACT`), or the claims' own rule would join the two wordings
    (`sameclaim.judge`) though blocking never set them side by side."""
    if any(words.cosine(v, u) >= SAME_FACT for u in vectors):
        return True
    mine = c.shown
    for d in chosen:
        match, conflicts = sameclaim.judge(mine.text, d.shown.text, mine.bag, d.shown.bag)
        if match >= sameclaim.SCORE and not conflicts:
            return True
    return False


def _rival(k: int, v: dict[str, float], candidates: list[_Candidate], corroborated: dict[str, list[int]],
           seen: set[int], idf: dict[str, float]) -> int | None:
    """A claim that tells the same fact as claim `k` (cosine `SAME_FACT`) and more
    outlets carry: the one most carry (then the earliest), if any."""
    mine = candidates[k].claim.support
    near = {j for w in set(candidates[k].shown.bag) for j in corroborated.get(w, ())}
    best, most = None, mine
    for j in sorted(near):
        c = candidates[j]
        if j in seen or c.claim.support <= most:
            continue
        c.finish()
        if not c.background and words.cosine(v, words.vector(c.shown.bag, idf)) >= SAME_FACT:
            best, most = j, c.claim.support
    return best
