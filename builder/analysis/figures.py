"""Figures: numbers with what they count, grouped across outlets by what they measure,
and the values the outlets disagree on.

A figure is "169 seats", "about $47 million", "seven votes to two": a value (numbers.py),
the unit it counts (the noun after it, or the currency / percent), and its hedges:
"about" makes it approximate, "more than" a bound, and a trailing "three short of the
172 needed" is kept as its qualifier. Two figures measure the same thing when they
count the same unit, name no different subject ("the Liberals" 169 seats is not "the
Conservatives" 144), and sit in sentences that say much the same (TF-IDF cosine). A
group whose readings cannot all be true is disputed (issue 4: 169 seats / about 168
seats; $48 million / about $47 million).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import repeat
from operator import mul, truediv

from ..model import Corpus
from . import numbers, outlets, words
from .grouping import group, max_df, stable_ids
from .sentences import Sentence
from .spans import Span

# Cosine between the contexts of two same-unit figures (numbers left out, nearest words
# weighing double) at which they measure the same thing. On the fixture story the
# reworded firefighter, resident and damage figures score 0.42-0.67; "firefighters
# fought the blaze" against "firefighters were treated in hospital" scores 0.
SIMILARITY = 0.35
# Added when both figures have the same subject ("Liberals"): a strong sign.
SAME_SUBJECT = 0.2
# Context words two figures must share besides the unit: one word ("wounded", "killed")
# joined different attacks' death tolls on the news clusters.
MIN_SHARED = 2
# Two readings this many times apart are more often two measures than one disputed:
# "32 people" killed in Brussels and "130 people" in Paris (news clusters). They join
# only on strong evidence; 77 and 84 dead in Nice, or 42 and 18 "in a critical
# condition", still join on the usual.
MAX_RATIO = 3.0
FAR_APART_SIMILARITY = 0.6
BLOCK_KEYS = 4
# Content words on each side of a figure that say what it measures; the nearest
# NEAR of them weigh double.
WINDOW = 6
NEAR = 3
# How far before a figure (in words) its subject may be.
SUBJECT_WINDOW = 8

_FOLLOWING = re.compile(
    r"(?P<of>\s+of\s+(?:the|its|his|her|their|those|these|our|all)\b)?(?P<words>(?:\s+[a-z][a-z\-’']*){1,2})"
)
_HYPHEN_UNIT = re.compile(r"-(?P<word>[a-z]+)")
_CONVERSION = re.compile(r"\s*[(\[]\s*(?:about|around|roughly|some|or)?\s*")
# "169 seats, three short of the 172 needed", "up from 160", "out of 343": what the text
# adds to a figure. Only right after it, and only these: "killed 58 people and injured
# more than 500 others" is another figure, not a qualifier (news clusters).
_QUALIFIER = re.compile(
    rf"^,?\s*(?P<q>(?:(?:{numbers._NUMBER})\s+)?(?:short of|shy of|up from|down from|out of|"
    rf"compared with|compared to|ahead of)\b[^,;.]*)",
    re.I,
)
_CAPITALISED = re.compile(r"\b[A-Z][\w’'-]*")
_NAME_AFTER = re.compile(r"(?:-old)?\s+(?:[A-Z][\w’'-]*\s+)*([A-Z][\w’'-]*)")
_NUMBER_WORD = re.compile(r"^(?:\d[\d,.]*|" + numbers._WORD_NUMBER + r")$", re.I)

# Words after a number that are not what it counts ("three short of", "two more").
_NOT_UNITS = frozenset(
    """short shy more less fewer times per out apiece each others other among including previous
    away ago later earlier behind ahead up down higher lower above below past so or and to in on
    at a an the were was is are be been have has had will would could should who which that than
    for from with by as if it its into over under this these those then when while where percent
    straight consecutive year-on-year""".split()
)
# Irregular past forms news writes next to figures, and what they compare as.
_IRREGULAR_VERBS = {
    "died": "die", "dead": "die", "hurt": "injur", "shot": "shoot", "hit": "hit", "lost": "lose",
    "won": "win", "took": "take", "left": "leave", "fled": "flee", "sold": "sell", "paid": "pay",
    "spent": "spend", "fought": "fight", "held": "hold", "rose": "rise", "fell": "fall",
}
# What happens to the people a figure counts: figures with different fates count
# different people. Words rooted (words.root).
_FATES: dict[str, frozenset[str]] = {
    "death": frozenset("kill die dead death fatality fatalities toll".split()),
    "injury": frozenset("injur injury injuries wound hurt critical hospital hospitalis hospitaliz treat".split()),
    "arrest": frozenset("arrest detain custody charg".split()),
    "missing": frozenset("miss missing unaccounted".split()),
    "rescue": frozenset("rescu evacuat displac flee fled".split()),
}
# Participles that name people counted ("12 injured", "two dead").
_STATES = frozenset(
    "injured wounded killed dead missing hurt hospitalised hospitalized arrested evacuated displaced rescued".split()
)
_NOT_SUBJECTS = frozenset(
    """the a an but and in on at it its he she they we this that these those when while after
    before monday tuesday wednesday thursday friday saturday sunday mr mrs ms dr""".split()
) | numbers.MONTHS


# What a figure with a unit is about: its nearest context words, the further ones, and
# what happened to what it counts (`_context`, `_fate`).
Context = tuple[tuple[str, ...], tuple[str, ...], str]


@dataclass(frozen=True, slots=True)
class Figure:
    span: Span  # as written, hedge and unit included: "about $47 million", "169 seats"
    sentence: Span
    values: tuple[float, ...]  # one; two for a tally (for, against) or a range
    kind: str  # "amount", "tally", "range"
    unit: str  # what it counts, singular: "seat", "$", "percent"; "" when not found
    approximate: bool
    bound: str  # ">", ">=", "<", "<=" or ""
    qualifier: str  # what the text adds: "three short of the 172 needed for a majority"
    subject: str  # the name nearest before it ("Liberals"), folded; "" when none


@dataclass(frozen=True, slots=True)
class Reading:
    """One value of a figure group, and everyone who gives it."""

    values: tuple[float, ...]
    bound: str
    approximate: bool  # some outlet hedges it ("about")
    figures: tuple[Figure, ...]
    outlets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FigureGroup:
    id: str
    unit: str
    figures: tuple[Figure, ...]  # corpus order
    readings: tuple[Reading, ...]  # most outlets first
    outlets: tuple[str, ...]
    disputed: bool  # two readings cannot both be true

    @property
    def support(self) -> int:
        return len(self.outlets)

    @property
    def figure(self) -> Figure:
        """The figure most outlets give, as first written."""
        return self.readings[0].figures[0]


@dataclass(frozen=True, slots=True)
class Figures:
    figures: tuple[Figure, ...]  # every figure, corpus order, with or without unit
    groups: tuple[FigureGroup, ...]  # figures with a unit, grouped; disputed first, then most outlets

    def disputed(self) -> tuple[FigureGroup, ...]:
        return tuple(g for g in self.groups if g.disputed)


def in_sentence(sentence: Span) -> list[Figure]:
    text = sentence.text
    out: list[Figure] = []
    for amount in numbers.find(text):
        if out and _CONVERSION.fullmatch(text, out[-1].span.end - sentence.start, amount.start):
            continue  # "1,180 km (735 miles)": the same figure in other units (news clusters)
        unit, end = _unit(text, amount)
        q = _QUALIFIER.match(text[end:])
        out.append(Figure(
            span=sentence.within(amount.start, end),
            sentence=sentence,
            values=amount.values,
            kind=amount.kind,
            unit=unit,
            approximate=amount.approximate,
            bound=amount.bound,
            qualifier=q["q"].strip() if q else "",
            subject=_subject(text, amount.start, end),
        ))
    return out


def _unit(text: str, amount: numbers.Amount) -> tuple[str, int]:
    """What the amount counts, and where the figure's text ends."""
    if amount.kind == "tally":
        window = text[max(0, amount.start - 24) : amount.end + 12].casefold()
        return ("vote tally" if "vot" in window else "tally"), amount.end
    if amount.currency:
        return amount.currency, amount.end
    if amount.percent:
        return amount.percent, amount.end
    if amount.hyphenated:
        m = _HYPHEN_UNIT.match(text, amount.end)
        if m:
            return words.stem(m["word"]), m.end()
    m = _FOLLOWING.match(text, amount.end)
    if not m:
        return "", amount.end
    found = [(w.group(0), m.start("words") + w.start(), m.start("words") + w.end())
             for w in re.finditer(r"\S+", m["words"])]
    first = found[0][0].casefold()
    if first in _STATES:
        return first, found[0][2]  # "12 injured"
    if first in _NOT_UNITS or first in words.STOPWORDS or _verb_like(first):
        return "", amount.end
    chosen = found[0]
    if len(found) > 1:
        second = found[1][0].casefold()
        if second.endswith("s") and not first.endswith("s") and second not in _NOT_UNITS \
                and second not in words.STOPWORDS and not _verb_like(second):
            chosen = found[1]  # "four of its steel supports"
    unit = words.stem(chosen[0].casefold())
    return numbers.CURRENCY_WORDS.get(unit, unit), chosen[2]


def _verb_like(word: str) -> bool:
    return (word.endswith("ed") and len(word) > 4) or (word.endswith("ing") and len(word) > 5) or word.endswith("ly")


def _subject(text: str, start: int, end: int) -> str:
    """Who or what the figure is about: a name right after it ("62-year-old Marilou
    Danley", news clusters), else the capitalised word nearest before it in its clause."""
    after = _NAME_AFTER.match(text, end)
    if after:
        return words.stem(words.fold(after.group(1)))
    before = re.split(r"[;:—]|, (?:and|but|while|whereas)\b", text[:start])[-1]
    for m in reversed(list(_CAPITALISED.finditer(before))):
        if len(before[m.end() :].split()) > SUBJECT_WINDOW:
            break
        word = words.stem(words.fold(m.group(0)))
        if word not in _NOT_SUBJECTS and word not in words.STOPWORDS:
            return word
    return ""


def conflict(a: Reading, b: Reading) -> bool:
    """Whether two readings of one measure cannot both be true."""
    if a.bound and b.bound:
        return False  # "more than 300" and "at least 280" can both hold
    if a.bound or b.bound:
        bounded, plain = (a, b) if a.bound else (b, a)
        limit, value = bounded.values[0], plain.values[-1] if len(plain.values) == 1 else None
        if value is None:
            return False
        return not {">": value > limit, ">=": value >= limit, "<": value < limit, "<=": value <= limit}[bounded.bound]
    return a.values != b.values


def in_sentences(sentences: Sequence[Sentence]) -> tuple[Figure, ...]:
    """The figures of sentences, in order: of one article or of a whole corpus."""
    return tuple(f for s in sentences for f in in_sentence(s.span))


def contexts(figures: Sequence[Figure]) -> tuple[Context, ...]:
    """What each figure with a unit is about, read from its own sentence: a pure
    function of the figure, kept with the article's other findings (findings.py)."""
    out = []
    for f in figures:
        if f.unit:
            near, further = _context(f)
            out.append((near, further, _fate(f, near)))
    return tuple(out)


def find_figures(corpus: Corpus, sentences: Sequence[Sentence]) -> Figures:
    found = in_sentences(sentences)
    return group_figures(corpus, found, contexts(found))


def group_figures(corpus: Corpus, found: Sequence[Figure], contexts: Sequence[Context]) -> Figures:
    """Figures of every article (corpus order), those with a unit grouped by what they
    measure. `contexts` are the figures' with a unit (`contexts`), in the same order."""
    outlet_of = {a.slug: outlets.key(a) for a in corpus.articles}
    united = [f for f in found if f.unit]
    bags = [near + further for near, further, _ in contexts]
    df = words.document_frequency(bags)
    weights = words.idf(df, len(bags))
    keys = [
        [(f.unit, w) for w in rare] + ([(f.unit, "@" + f.subject)] if f.subject else [])
        for f, rare in zip(united, words.rare_keys(bags, df, BLOCK_KEYS, max_df(len(bags))), strict=True)
    ]
    fates = [fate for _, _, fate in contexts]
    sets = [set(bag) for bag in bags]
    # Where each figure's sentence is: cheaper to compare than the sentences.
    places = [(s.article, s.anchor, s.start) for s in (f.sentence for f in united)]
    vectors: list[dict[str, float] | None] = [None] * len(united)  # made when first compared

    def vector(i: int) -> dict[str, float]:
        vec = vectors[i]
        if vec is None:
            near, further, _ = contexts[i]
            vec = vectors[i] = _vector(near, further, weights)
        return vec

    def score(i: int, j: int) -> float:
        a, b = united[i], united[j]
        if a.unit != b.unit or (places[i] == places[j] and a.sentence == b.sentence):
            return 0.0
        if a.subject and b.subject and a.subject != b.subject:
            return 0.0
        # "killed 80 people" and "18 people in a critical condition" count different
        # people (news clusters); "won 169 seats" and "took about 168 seats" the same seats.
        if fates[i] != fates[j]:
            return 0.0
        if len(sets[i] & sets[j]) < MIN_SHARED:
            return 0.0
        bonus = SAME_SUBJECT if a.subject and a.subject == b.subject else 0.0
        similarity = words.cosine(vector(i), vector(j)) + bonus
        if _ratio(a, b) > MAX_RATIO and similarity < FAR_APART_SIMILARITY:
            return 0.0
        return similarity

    identities = range(len(united))  # no two figures are the same by identity alone
    parts = [_group([united[i] for i in members], outlet_of) for members in group(identities, keys, score, SIMILARITY)]
    # The id comes from the unit and the sentence of the figure most outlets give.
    ids = stable_ids("f", [f"{figures[0].unit} {readings[0].figures[0].sentence.text}" for figures, readings, _, _ in parts])
    made: list[tuple[tuple[object, ...], FigureGroup]] = []
    for (figures, readings, voices, disputed), gid in zip(parts, ids, strict=True):
        g = FigureGroup(gid, figures[0].unit, figures, readings, voices, disputed)
        made.append(((not disputed, -len(voices), *_place(figures[0].span)), g))
    made.sort(key=lambda m: m[0])  # disputed first, then most outlets, then where the first is
    return Figures(tuple(found), tuple(g for _, g in made))


def _place(span: Span) -> tuple[str, str, int, int, str]:
    """A span's fields in the order spans compare."""
    return (span.article, span.anchor, span.start, span.end, span.text)


def _context(figure: Figure) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Content words next to the figure in its sentence, numbers left out: what it is
    about. The nearest (`NEAR` each side) say most: "62 firefighters fought the blaze,
    which lit up the sky over Mill Street" and "About 60 firefighters fought the blaze
    through the night" count the same firefighters, whatever the rest of the sentence
    says (fixture story). Returns (near, further)."""
    sentence = figure.sentence
    start, end = figure.span.start - sentence.start, figure.span.end - sentence.start
    unit = words.root(figure.unit)

    def kept(text: str) -> list[str]:
        return [w for w in words.content(text) if not _NUMBER_WORD.match(w) and w != unit]

    before, after = kept(sentence.text[:start]), kept(sentence.text[end:])
    near = (*before[-NEAR:], *after[:NEAR])
    further = (*before[-WINDOW:-NEAR], *after[NEAR:WINDOW])
    return near, further


def _fate(figure: Figure, near: tuple[str, ...]) -> str:
    """What happened to what the figure counts ("death", "injury", ...), read from the
    verb next to it or the words near it; "" when nothing says."""
    verb = _verb(figure)
    for word in (verb, *near):
        for fate, roots in _FATES.items():
            if word in roots:
                return fate
    return ""


def _ratio(a: Figure, b: Figure) -> float:
    x, y = sum(a.values), sum(b.values)
    if x <= 0 or y <= 0:
        return 1.0 if x == y else float("inf")
    return max(x, y) / min(x, y)


def _verb(figure: Figure) -> str:
    """The verb right before the figure ("killed 58 people") or right after its unit
    ("58 people were killed", "12 injured"), rooted; "" when there is none."""
    sentence = figure.sentence
    start, end = figure.span.start - sentence.start, figure.span.end - sentence.start
    before = words.tokens(sentence.text[:start])[-2:]
    after = words.tokens(sentence.text[end:])[:3]
    if figure.unit in _STATES:
        return figure.unit
    for word in [*reversed(before), *after]:
        if word in _IRREGULAR_VERBS or (_verb_like(word) and not word.endswith("ly")):
            return words.root(_IRREGULAR_VERBS.get(word, word))
    return ""


def _vector(near: tuple[str, ...], further: tuple[str, ...], weights: dict[str, float]) -> dict[str, float]:
    vec: dict[str, float] = {}
    for w in further:
        vec[w] = weights.get(w, 1.0)
    for w in near:
        vec[w] = 2 * weights.get(w, 1.0)
    values = vec.values()
    norm = sum(map(mul, values, values)) ** 0.5 or 1.0
    return dict(zip(vec, map(truediv, values, repeat(norm))))


def _group(
    figures: list[Figure], outlet_of: dict[str, str]
) -> tuple[tuple[Figure, ...], tuple[Reading, ...], tuple[str, ...], bool]:
    """A group's figures, readings (most outlets first), outlets, and whether disputed."""
    if len(figures) == 1:  # most figures: given by one article only
        f = figures[0]
        voices = (outlet_of[f.span.article],)
        return (f,), (Reading(f.values, f.bound, f.approximate, (f,), voices),), voices, False
    by_value: dict[tuple[tuple[float, ...], str], list[Figure]] = defaultdict(list)
    for f in figures:
        by_value[(f.values, f.bound)].append(f)
    readings = sorted(
        (
            Reading(values, bound, any(f.approximate for f in fs), tuple(fs),
                    outlets.independent(outlet_of[f.span.article] for f in fs))
            for (values, bound), fs in by_value.items()
        ),
        key=lambda r: (-len(r.outlets), r.figures[0].span),
    )
    disputed = any(conflict(a, b) for i, a in enumerate(readings) for b in readings[i + 1 :])
    return tuple(figures), tuple(readings), outlets.independent(outlet_of[f.span.article] for f in figures), disputed
