"""Figures: numbers with what they count, grouped across outlets by what they measure,
and the values the outlets disagree on.

A figure is "169 seats", "about $47 million", "seven votes to two": a value (numbers.py),
the unit it counts (the noun after it, or the currency / percent), and its hedges:
"about" makes it approximate, "more than" a bound, and a trailing "three short of the
172 needed" is kept as its qualifier. Two figures measure the same thing only when they
count the same thing (issue 20): the same unit ("$70 a share" is not "$63.20"), no
different subject ("the Liberals" 169 seats is not "the Conservatives" 144), place
("170,000 dead in Aceh" is not "230,000 across Asia"), model ("the 13-inch" is not "the
15-inch"), kind of sum ("$60 in cash" is not "$10 in stock"), fate (killed, injured,
critical, taken to hospital), or time (a year or month long before publication, "four
months ago", "previous", "remain", what something "was cut to"); when no sentence that
gives one also gives the other ("55 km from Bireun and 10 km deep"); and when their
sentences say much the same (TF-IDF cosine), except for counts of people of one fate,
which are the story's count however worded. One article's two values of a measure are
two measures (its price list), unless a live page updates a toll.

A group whose readings cannot all be true, given by different outlets, is disputed
(issue 4: 169 seats / about 168 seats; $48 million / about $47 million); a round value
near a precise one is its rounding, not a dispute. A toll reported as it changed ("1,
3, 5, 11 and 24 dead") is evolving: its readings in the order they were first reported,
not a dispute.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import repeat
from operator import mul, truediv
from typing import NamedTuple

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
# Added when both give the same value: joining them shows agreement, never a dispute.
# "The Liberals had 169 confirmed seats with two races left to call" and "The Liberals
# are projected to have won 169 seats" (seeds) share only their subject.
SAME_VALUE = 0.1
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
# How near a round value must be to another to be its rounding (5 and 5.1 million: 2%).
ROUNDING = 0.03
# Articles published this many days apart report different times: "38 at the
# shooting" and "39 at the trial a year later" are two ages, not a disputed one.
DAYS_APART = 7
# Years before publication at which a year a sentence names puts it in the past.
HISTORY_YEARS = 1
# Months before publication at which a month a sentence names puts it in the past.
PAST_MONTHS = 2
# A sentence this short ("Twelve people and 70 wounded.") is read with the year of the one before.
FRAGMENT = 8
# Fates whose counts grow as a story goes on: readings that differ are a sequence when
# the text says so (`_changed`).
TOLLS = frozenset({"death", "injury", "hospital", "missing", "arrest", "rescue", "market"})
# Fates whose count in one story's coverage is one count, told apart by place and time.
COUNTS = TOLLS | {"critical"}
_MONTHS = {m: n for n, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
_MONTH_NAMES = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_DIGIT = re.compile(r"\d")
_MONTH_YEAR = re.compile(rf"\b{_MONTH_NAMES}\.?\s+(?:\d{{1,2}},?\s+)?(?P<year>(?:1[89]|20)\d\d)\b")
_MONTH_DAY = re.compile(rf"\b{_MONTH_NAMES.replace('|May', '')}\.?\s+\d{{1,2}}\b(?!,?\s+(?:1[89]|20)\d\d)")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_CHANGE = re.compile(
    r"\b(?:rose|risen|rising|climbed|grew|grown|increased|jumped|mounted|updated|revised|so far|preliminary|"
    r"now stands|has reached)\b",
    re.I,
)
_PEOPLE = frozenset({"people", "person", "victim", "casualty", "dead", "killed", "injured", "wounded", "missing",
                     "hurt", "hospitalised", "hospitalized", "arrested", "evacuated", "displaced", "rescued"})
# Content words on each side of a figure that say what it measures; the nearest
# NEAR of them weigh double.
WINDOW = 6
NEAR = 3
# How far before a figure (in words) its subject may be.
SUBJECT_WINDOW = 8

_FOLLOWING = re.compile(
    r"(?P<of>\s+of\s+(?:the|its|his|her|their|those|these|our|all)\b)?(?P<words>(?:\s+[a-z][a-z\-’']*){1,2})"
)
_PLURAL_AFTER = re.compile(r"(?:\s+(?:and|[a-z]+)){1,2}?\s+(?P<word>[a-z]{3,}s)\b(?=[\s,.;:]|$)")
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
_NAME_RUN = re.compile(r"\b[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}")
_PRONOUN = re.compile(r"\b(?:they|it|he|she)\b", re.I)
_PLACE = re.compile(
    r"(?:\s*\([^()]*\))?(?:\s+[a-z][\w’'-]*){0,10}?\s+(?:in|into|across|throughout|at|near|off|from|outside|(?:north|south|east|west)\w*\s+of)\s+(?:(?:the|a|an)\s+)?"
    r"(?P<name>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})"
)
_PLACE_BEFORE = re.compile(
    r"\b(?:in|across|throughout|near|off|outside)\s+(?:(?:the|a|an)\s+)?(?:(?:north|south|east|west)\w*\s+)?"
    r"(?P<name>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})"
)
_MODEL = re.compile(r"\b\d+(?:\.\d+)?[- ]inch\b|\b(?=[A-Za-z]*\d)(?=\d*[A-Za-z])[A-Za-z]+\d+[A-Za-z\d]*\b")
# Words of a name that say what kind of thing it is, not which one.
_GENERIC_NAMES = frozenset("party house inc corp co ltd plc group company government".split())
_RELATIVE = re.compile(r",\s*(?:which|who|whose|where)\b[^,]*,")
_SAYS = re.compile(r"\b(?:said|says|say|saying|told|tells|reported|reports|according|announced|confirmed|stated)\b",
                   re.I)
_PER = re.compile(r"\s+(?:per|a|an|each)\s+(?P<word>share|hour|day|week|month|year|barrel|ounce|ton|tonne|"
                  r"head|person|household|unit|gallon|litre|liter|kilo|kg|pound|night|seat|ticket)s?\b", re.I)
_CURRENCIES = ("$", "£", "€", "¥", "US$", "C$", "A$", "yuan", "rupee")
# Length units, and what a length measures: "reached an altitude of 770 km" is not
# "travelled 3,700 km" nor "landed 1,180 km east of Cape Erimo" (news clusters).
_LENGTHS = frozenset("km kilometer kilometre mile meter metre foot feet ft yard".split())
_ASPECTS = (
    ("height", ("altitude", "height", "high", "tall", "elevation", "apogee")),
    ("depth", ("deep", "depth", "underground", "below")),
    ("position", ("from", "away", "off", "east", "west", "north", "south", "coast", "northwest", "northeast",
                  "southwest", "southeast", "offshore", "inland")),
    ("distance", ("travel", "flew", "fly", "flight", "distance", "range", "cover", "drove", "driving", "careered")),
)
# Words just before a figure that put it at an earlier time: "an initial $103 billion
# offer", "up from a previous offer of $70" are not the offer now (news clusters).
_EARLIER = frozenset("initial previous previously earlier original originally former formerly prior first".split())
_CHANGE_VERBS = ("cut", "reduc", "brought", "bring", "rose", "risen", "rais", "fell", "fall", "dropp", "increas",
                 "lower", "extend", "narrow", "widen", "grew", "grow", "jump", "climb", "boost", "slash", "revis")
# Words just before a figure that make it a guess or a condition, not a fact reported.
_IF = frozenset("could might may if threatened threatens threaten planned plans plan proposed wants".split())
_GUESS = re.compile(r"\b(?:estimat|predict|forecast|guess|project)\w*", re.I)
_AGO = re.compile(r"\b(?:\w+|a) (?:years?|months?|weeks?|decades?) ago\b|\b(?:last|previous) (?:year|month)\b", re.I)
_STILL = frozenset("still remain remains remained remaining".split())
_PART = re.compile(r"^\S+(?:\s\S+)?\s+of\s+(?:the|those|them|these|its|their|his|her|our)\b", re.I)
_LONG_AGO = frozenset("previously formerly originally initially".split())
# A market quote moves all day: "shares fell 4.3 percent to $63.20", later "1.5 percent to $65.09".
_MARKET = re.compile(r"\b(?:shares?|stocks?|index|bitcoin|futures|price)\b.{0,60}\b(?:rose|fell|gained|dropped|climbed|"
                     r"slipped|jumped|tumbled|surged|plunged|edged|sank|soared|trading at|traded at|closed at)\b",
                     re.I)
_HYPHENATED = re.compile(r"\d-[A-Za-z]")
# Units of measure: what they measure has no fate.
_MEASURES = frozenset("percent percentage point ton tonne kg kilogram lb pound mph km kilometer kilometre mile meter "
                      "metre foot feet ft inch year-old degree".split())
# Spans of time: many in a story, few the same; two values join only on strong evidence.
_SPANS = frozenset("year month week day hour minute second decade century".split())
# Units written several ways.
_UNIT_NAMES = {"tonne": "ton", "kilometre": "km", "kilometer": "km", "metre": "meter", "kilogram": "kg",
               "kilo": "kg", "ft": "foot", "feet": "foot"}
AGE = "year-old"
_AGE = re.compile(r"-years?-old\b", re.I)
_AGED = re.compile(r"\baged\s+$", re.I)
_WEIGHT_WORDS = re.compile(r"\b(?:weigh\w*|heav\w*|light(?:er|est)?|lbs?|ounces?|oz|kg|kilo\w*|stone|pounds? of)\b", re.I)
_MONEY_WORDS = re.compile(
    r"£|\b(?:costs?|price[ds]?|paid|pay|pays|worth|fined?|sold|sells?|spen[dt]|budget|salary|wages?|fund\w*|"
    r"profits?|revenue|tax|bills?|sterling|bonus|deal|offer|loan|debt|charge[ds]?)\b",
    re.I,
)
_NUMBER_WORD = re.compile(r"^(?:\d[\d,.]*|" + numbers._WORD_NUMBER + r")$", re.I)

# Words after a number that are not what it counts ("three short of", "two more").
_NOT_UNITS = frozenset(
    """short shy more less fewer times per out apiece each others other among including previous
    away ago later earlier behind ahead up down higher lower above below past so or and to in on
    at a an the were was is are be been have has had will would could should who which that than
    for from with by as if it its into over under this these those then when while where percent
    straight consecutive year-on-year across throughout near off outside inside around worldwide
    nationwide""".split()
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
    # "18 in a critical condition" are some of the injured, not all: a count of its own.
    "critical": frozenset("critical critically serious seriously".split()),
    # Taken to hospital is not injured: "at least 40 injured", "over 50 taken to hospital".
    "hospital": frozenset("hospital hospitals hospitalis hospitaliz treat".split()),
    "injury": frozenset("injur injury injuries wound hurt".split()),
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
    subject: str  # the name nearest before it ("Liberals"), folded words; "" when none
    place: str = ""  # where it happened, named right after it ("in Aceh"), folded words
    model: str = ""  # which model or version it is about ("13-inch", "S9"), folded
    noun: str = ""  # what an amount of money is: "$47 billion bid", "$1.9 billion in earnings"
    era: str = ""  # the years its sentence names ("2004"), or, for a fragment, the sentence before


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
    disputed: bool  # two outlets give readings that cannot both be true
    # A toll that changed as the story went on ("1, 3, 5, 11 and 24 dead"): readings in
    # the order they were published (`reported`), not a dispute.
    evolving: bool = False
    reported: tuple[str, ...] = ()  # per reading: the first publication date giving it, ISO, or ""

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


def in_sentence(sentence: Span, previous: str = "", same_paragraph: bool = False) -> list[Figure]:
    """The figures of one sentence; `previous` is the sentence before it in its article,
    where a figure whose clause says only "they" finds its subject ("The Liberal Party
    ... While they fell short of a majority, winning approximately 168 seats": seeds)."""
    text = sentence.text
    out: list[Figure] = []
    amounts = numbers.find(text)
    if not amounts:
        return out  # most sentences
    era = _era(text)
    if not era and (same_paragraph or len(text.split()) < FRAGMENT):
        # A sentence that names no time goes on in the time of the one before it in
        # its paragraph: "... the sixth game of the 2003 National League Championship
        # Series. Up 3-0, the Cubs were five defensive outs away" (news clusters);
        # "Twelve people and 70 wounded.", after "in Aurora in July 2012".
        era = _era(previous)
    for amount in amounts:
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
            subject=_subject(text, amount.start, end, previous),
            place=_where(text, amount.start, end),
            model=_model(text, amount.start, end),
            noun=_noun(text, end) if unit.startswith(_CURRENCIES) else "",
            era=era,
        ))
    return out


def _unit(text: str, amount: numbers.Amount) -> tuple[str, int]:
    """What the amount counts, and where the figure's text ends."""
    if amount.kind == "tally":
        window = text[max(0, amount.start - 24) : amount.end + 12].casefold()
        return ("vote tally" if "vot" in window else "tally"), amount.end
    if amount.currency:
        m = _PER.match(text, amount.end)
        if m:
            return f"{amount.currency} per {words.stem(m['word'].casefold())}", m.end()  # "$70 a share"
        return amount.currency, amount.end
    if amount.percent:
        return amount.percent, amount.end
    if amount.hyphenated:
        m = _AGE.match(text, amount.end)
        if m:
            return AGE, m.end()  # "a 38-year-old suspect": an age, not a span of years
        m = _HYPHEN_UNIT.match(text, amount.end)
        if m:
            return words.stem(m["word"]), m.end()
    if _AGED.search(text, max(0, amount.start - 8), amount.start):
        return AGE, amount.end  # "a suspect aged 38"
    m = _FOLLOWING.match(text, amount.end)
    if not m:
        return _toll(text, amount), amount.end
    found = [(w.group(0), m.start("words") + w.start(), m.start("words") + w.end())
             for w in re.finditer(r"\S+", m["words"])]
    first = found[0][0].casefold()
    if first in _STATES:
        return first, found[0][2]  # "12 injured"
    chosen = found[0]
    if first in _NOT_UNITS or first in words.STOPWORDS or _verb_like(first):
        second = found[1][0].casefold() if len(found) > 1 else ""
        if not (_verb_like(first) and first.endswith("ed") and _plural_noun(second)):
            return _toll(text, amount), amount.end
        chosen = found[1]  # "169 confirmed seats" (seeds)
    elif len(found) > 1:
        second = found[1][0].casefold()
        if not first.endswith("s") and _plural_noun(second):
            chosen = found[1]  # "four of its steel supports"
        elif not first.endswith("s"):
            plural = _PLURAL_AFTER.match(text, found[0][2])
            between = text[found[0][2] : plural.start("word")].split() if plural else []
            if plural and _plural_noun(plural["word"].casefold()) and not any(
                    w != "and" and (w in words.STOPWORDS or _verb_like(w)) for w in between):
                return words.stem(plural["word"].casefold()), plural.end()  # "four fire and rescue crews"
    unit = words.stem(chosen[0].casefold())
    if unit == "pound" and not _money(text, amount):
        return "lb", chosen[2]  # "weighs 4.5 pounds": a weight, not money
    return numbers.CURRENCY_WORDS.get(unit, unit), chosen[2]


def _era(text: str) -> str:
    """The times a sentence names: years ("2012"), months of a year ("2016-03"), months
    by day ("m11" for "Nov. 13"), space-separated."""
    if not _DIGIT.search(text):
        return ""
    out = set(_YEAR.findall(text))
    for m in _MONTH_YEAR.finditer(text):
        out.add(f"{m['year']}-{_MONTHS[m['month'][:3].casefold()]:02d}")
    for m in _MONTH_DAY.finditer(text):
        out.add(f"m{_MONTHS[m['month'][:3].casefold()]}")
    return " ".join(sorted(out))


def _plural_noun(word: str) -> bool:
    return word.endswith("s") and word not in _NOT_UNITS and word not in words.STOPWORDS and not _verb_like(word)


def _toll(text: str, amount: numbers.Amount) -> str:
    """ "The death toll rose to 11": a count of people with no noun after it."""
    before = words.tokens(text[max(0, amount.start - 60) : amount.start])[-8:]
    return "people" if "toll" in before else ""


def _money(text: str, amount: numbers.Amount) -> bool:
    """Whether "pounds" after this amount is money: a weight word near it says not,
    a money word in the sentence or a scale ("4 million pounds") says so."""
    near = text[max(0, amount.start - 40) : amount.end + 30]
    if _WEIGHT_WORDS.search(near):
        return False
    return bool(_MONEY_WORDS.search(text)) or amount.values[0] >= 1000


def _verb_like(word: str) -> bool:
    return (word.endswith("ed") and len(word) > 4) or (word.endswith("ing") and len(word) > 5) or word.endswith("ly")


def _subject(text: str, start: int, end: int, previous: str = "") -> str:
    """Who or what the figure is about: a name right after it ("62-year-old Marilou
    Danley", news clusters), else the capitalised name nearest before it in its clause
    ("The Conservative Party ... 144 seats": "conservative"), else, when the clause says
    only "they" or "it", the first name of the sentence before. Folded words, sorted,
    generic ones ("party") left out."""
    after = _NAME_AFTER.match(text, end)
    if after:
        return words.stem(words.fold(after.group(1)))
    before = re.split(r"[;:—]|, (?:and|but|while|whereas)\b", text[:start])[-1]
    before = _RELATIVE.sub(" ", before)  # "Goldman Sachs, which gets ... outside the U.S., had $31.2 billion"
    runs = list(_NAME_RUN.finditer(before))
    for m in reversed(runs):
        between = before[m.end() :]
        if len(between.split()) > SUBJECT_WINDOW or _SAYS.search(between):
            break  # "Interior Minister Bernard Cazeneuve said 80 people were killed": who says, not who
        name = _name_words(m.group(0))
        if name:
            return name
    if previous and _PRONOUN.search(before):
        for m in _NAME_RUN.finditer(previous):
            name = _name_words(m.group(0))
            if name:
                return name
    return ""


def _name_words(run: str) -> str:
    out = set()
    for word in run.split():
        word = re.sub(r"[’']s$", "", word)
        w = words.stem(words.fold(word))
        if _NUMBER_WORD.match(w):
            continue  # "Fifty-eight people were killed"
        if w not in _NOT_SUBJECTS and w not in words.STOPWORDS and w not in _GENERIC_NAMES:
            out.add(w)
    return " ".join(sorted(out))


def _where(text: str, start: int, end: int) -> str:
    """Where the figure is: a place named after it in its clause ("170,000 dead in
    Aceh", "230,000 across Asia": two tolls, not one disputed), else before it ("a plane
    crash in northwest Costa Rica killed 12 people")."""
    m = _PLACE.match(text, end)
    if m:
        return _name_words(m["name"])
    before = re.split(r"[;:—]|, (?:and|but|while|whereas)\b", text[:start])[-1]
    found = [m for m in _PLACE_BEFORE.finditer(before) if len(before[m.end() :].split()) <= SUBJECT_WINDOW]
    return _name_words(found[-1]["name"]) if found else ""


def _model(text: str, start: int, end: int) -> str:
    """Which model the figure is about: "the 13-inch MacBook Pro costs $1,299" is not
    "the 15-inch model costs $2,399"."""
    before = " ".join(text[:start].split()[-SUBJECT_WINDOW:])
    found = _MODEL.findall(before) or _MODEL.findall(text[end : end + 30])
    return words.fold(found[-1]) if found else ""


def _noun(text: str, end: int) -> str:
    """What a sum is: the noun right after it ("a $47 billion bid") or after "in"/"of"
    ("$1.9 billion in earnings", "$31.2 billion in earnings reinvested abroad", "$60 in
    cash"); "" when none."""
    following = re.findall(r"[a-z][a-z-]*", re.split(r"[,;.:()]", text[end : end + 60] + ".", maxsplit=1)[0])

    def noun(word: str) -> bool:
        return word not in _NOT_UNITS and word not in words.STOPWORDS and not _verb_like(word)

    if not following:
        return ""
    if following[0] in ("in", "of"):
        candidates = [w for w in following[1:4] if noun(w)]
        plural = [w for w in candidates if w.endswith("s")]
        chosen = (plural or candidates or [""])[0]
    else:
        chosen = following[0] if noun(following[0]) else ""
    return words.stem(chosen) if chosen else ""


def same_names(a: str, b: str) -> bool:
    """Whether two subjects (or places) may name the same thing: either unknown, or a
    word in common ("conservative party" / "conservative")."""
    return not a or not b or not set(a.split()).isdisjoint(b.split())


def conflict(a: Reading, b: Reading) -> bool:
    """Whether two readings of one measure cannot both be true."""
    if a.bound and b.bound:
        return False  # "more than 300" and "at least 280" can both hold
    if a.bound or b.bound:
        bounded, plain = (a, b) if a.bound else (b, a)
        limit, value = bounded.values[0], plain.values[-1] if len(plain.values) == 1 else None
        if value is None or value == limit:
            return False  # "more than $121 billion" and "$121 billion": one rounded
        return not {">": value > limit, ">=": value >= limit, "<": value < limit, "<=": value <= limit}[bounded.bound]
    if len(a.values) == 1 and len(b.values) == 1 and _rounded(a.values[0], b.values[0]):
        return False
    return a.values != b.values


def _rounded(x: float, y: float) -> bool:
    """Whether one value is the other rounded: "230 feet" and "229 feet", "5 million
    pounds" and "5.1 million pounds", "140,000 pounds" and "140,660 pounds" (news
    clusters). The round one must be a multiple of ten at least, and near the other."""
    if x == y or x <= 0 or y <= 0 or abs(x - y) > ROUNDING * max(x, y):
        return False
    for whole, other in ((x, y), (y, x)):
        step = 1.0
        while whole % (step * 10) == 0 and step < whole:
            step *= 10
        if step >= 10 and whole in (other // step * step, round(other / step) * step):
            return True
    return False


def in_sentences(sentences: Sequence[Sentence]) -> tuple[Figure, ...]:
    """The figures of sentences, in order: of one article or of a whole corpus."""
    out: list[Figure] = []
    previous = ""
    for i, s in enumerate(sentences):
        if i and sentences[i - 1].span.article != s.span.article:
            previous = ""
        same = bool(i) and sentences[i - 1].span.article == s.span.article \
            and sentences[i - 1].span.anchor == s.span.anchor
        out.extend(in_sentence(s.span, previous, same))
        previous = s.span.text
    return tuple(out)


def contexts(figures: Sequence[Figure]) -> tuple[Context, ...]:
    """What each figure with a unit is about, read from its own sentence: a pure
    function of the figure, kept with the article's other findings (findings.py)."""
    out = []
    for f in figures:
        if f.unit:
            near, further = _context(f)
            out.append((near, further, _fate(f, near + further)))
    return tuple(out)


def find_figures(corpus: Corpus, sentences: Sequence[Sentence]) -> Figures:
    found = in_sentences(sentences)
    return group_figures(corpus, found, contexts(found))


def group_figures(corpus: Corpus, found: Sequence[Figure], contexts: Sequence[Context]) -> Figures:
    """Figures of every article (corpus order), those with a unit grouped by what they
    measure. `contexts` are the figures' with a unit (`contexts`), in the same order.

    Two figures count the same thing only when nothing tells them apart: the unit (the
    people a toll counts are one unit, whatever the word), the subject, the place, the
    model, the fate, the time (the years their sentences name, the days their articles
    were published), and their sentence: when one sentence gives both values ("55 km
    from Bireun, 10 km deep"), they are two measures wherever it is repeated."""
    outlet_of = {a.slug: outlets.key(a) for a in corpus.articles}
    published = {a.slug: a.metadata.date.value for a in corpus.articles if a.metadata.date}
    united = [f for f in found if f.unit]
    units = [_unit_key(f.unit) for f in united]
    bags = [near + further for near, further, _ in contexts]
    df = words.document_frequency(bags)
    weights = words.idf(df, len(bags))
    fates = [fate for _, _, fate in contexts]
    tolls = [u == "people" and fate.split(":")[0] in COUNTS and ":part" not in fate
             for u, fate in zip(units, fates, strict=True)]
    keys = [
        [(u, w) for w in rare] + [(u, "@" + w) for w in f.subject.split()] + ([(u, "#" + fate)] if toll else [])
        for f, u, rare, fate, toll in zip(united, units, words.rare_keys(bags, df, BLOCK_KEYS, max_df(len(bags))),
                                          fates, tolls, strict=True)
    ]
    sets = [set(bag) for bag in bags]
    # Where each figure's sentence is: cheaper to compare than the sentences.
    places = [(s.article, s.anchor, s.start) for s in (f.sentence for f in united)]
    # The values each sentence gives, per unit: a sentence that gives both of two values
    # tells that they measure different things.
    given: dict[tuple[str, str, int], set[tuple[float, ...]]] = defaultdict(set)
    per_unit: dict[tuple[tuple[str, str, int], str], set[tuple[float, ...]]] = defaultdict(set)
    for place, u, f in zip(places, units, united, strict=True):
        given[place].add(f.values)
        per_unit[place, u].add(f.values)
    changed = [_changed_to(f) for f in united]
    # The years a sentence is about: those it names, else the year it was published.
    latest = max(published.values(), default=None)
    # When each sentence is: now, or a past it names ("in 1998", "between March 2015 and
    # March 2016" in a November 2016 article, "the Nov. 13 Paris attacks" in July).
    eras: dict[tuple[str, str, int], tuple[str, frozenset[str]]] = {}
    for place, f in zip(places, united, strict=True):
        if place not in eras:
            eras[place] = _when(f.era, published.get(f.span.article, latest))
    vectors: list[dict[str, float] | None] = [None] * len(united)  # made when first compared

    def vector(i: int) -> dict[str, float]:
        vec = vectors[i]
        if vec is None:
            near, further, _ = contexts[i]
            vec = vectors[i] = _vector(near, further, weights)
        return vec

    def apart_in_time(i: int, j: int) -> bool:
        (ka, ya), (kb, yb) = eras[places[i]], eras[places[j]]
        if ka != kb or (ka == "past" and ya.isdisjoint(yb)):
            return True  # "killed 13 people in November 2009" is not this week's toll
        da, db = published.get(united[i].span.article), published.get(united[j].span.article)
        return da is not None and db is not None and abs((da - db).days) > DAYS_APART

    def score(i: int, j: int) -> float:
        a, b = united[i], united[j]
        if units[i] != units[j] or places[i] == places[j]:
            return 0.0
        # "killed 80 people" and "18 people in a critical condition" count different
        # people (news clusters); "won 169 seats" and "took about 168 seats" the same seats.
        if distinct(i, j):
            return 0.0
        if a.values != b.values and (b.values in given[places[i]] or a.values in given[places[j]]):
            return 0.0  # "55 km from Bireun" and "10 km deep": both in one sentence
        # The same name, or the same kind of sum ("$32.6 billion in undistributed foreign
        # earnings", "$31.2 billion in earnings reinvested abroad"), says much.
        named = bool(a.subject and b.subject and same_names(a.subject, b.subject)) or bool(a.noun and a.noun == b.noun)
        # A toll of one fate, place and time in a story's coverage is that story's toll,
        # however the sentences around it are worded: "Hollande saying 77 people died",
        # "Cazeneuve said 80 people were killed" (news clusters).
        toll = tolls[i] and tolls[j]
        if len(sets[i] & sets[j]) < MIN_SHARED - named and not toll:
            return 0.0
        bonus = (SAME_SUBJECT if named else 0.0) + (SAME_VALUE if a.values == b.values else 0.0)
        similarity = words.cosine(vector(i), vector(j)) + bonus
        if toll:
            similarity = max(similarity, SIMILARITY)
        if _ratio(a, b) > MAX_RATIO and similarity < FAR_APART_SIMILARITY:
            return 0.0
        if units[i] in _SPANS and a.values != b.values and similarity < FAR_APART_SIMILARITY:
            return 0.0  # "a 108-year curse", "waited 71 years", "a fan for 55 years" (news clusters)
        return similarity

    def distinct(i: int, j: int) -> bool:
        """What tells two figures apart: subject, place, model, what a sum is, fate,
        time."""
        a, b = united[i], united[j]
        if not same_names(a.subject, b.subject) or not same_names(a.place, b.place):
            return True
        if (a.model and b.model and a.model != b.model) or (a.noun and b.noun and a.noun != b.noun):
            return True
        if fates[i] != fates[j] or apart_in_time(i, j):
            return True
        if a.values == b.values:
            return False
        if ":part" in fates[i]:
            return True  # "five of the dead", "nine of the dead": two parts, no dispute
        if tolls[i]:
            return False
        if changed[i] != changed[j]:
            return True  # "the gap was cut to 12 points" is not the 19 points it was
        # Sentences that give other values of the unit, none shared, tell of other events:
        # "travelled 3,700 km and reached 770 km" is not "travelled 2,700 km and reached 550 km".
        others_a = per_unit[places[i], units[i]] - {a.values}
        others_b = per_unit[places[j], units[j]] - {b.values}
        return bool(others_a and others_b and others_a.isdisjoint(others_b))

    def apart(i: int, j: int) -> bool:
        """Two figures that may never share a group, whatever joins them: what tells
        them apart (`distinct`), or one article giving two values of one measure, which
        means two measures (a price list: "$999 ... $1,299") unless it is a toll being
        updated (a live page)."""
        a, b = united[i], united[j]
        if a.span.article == b.span.article and a.values != b.values and fates[i].split(":")[0] not in TOLLS:
            return True
        return units[i] != units[j] or distinct(i, j)

    identities = range(len(united))  # no two figures are the same by identity alone
    groups = _rejoin(group(identities, keys, score, SIMILARITY, apart=apart), united, keys, score, apart)
    index = {id(f): n for n, f in enumerate(united)}

    def strength(a: Figure, b: Figure) -> float:
        return score(index[id(a)], index[id(b)])

    parts = [_group([united[i] for i in members], outlet_of, published, fates[members[0]], strength)
             for members in groups]
    # The id comes from the unit and the sentence of the figure most outlets give.
    ids = stable_ids("f", [f"{p.figures[0].unit} {p.readings[0].figures[0].sentence.text}" for p in parts])
    made: list[tuple[tuple[object, ...], FigureGroup]] = []
    for p, gid in zip(parts, ids, strict=True):
        g = FigureGroup(gid, p.figures[0].unit, p.figures, p.readings, p.outlets, p.disputed, p.evolving, p.reported)
        made.append(((not p.disputed, not p.evolving, -len(p.outlets), *_place(p.figures[0].span)), g))
    made.sort(key=lambda m: m[0])  # disputed first, then evolving, then most outlets, then where the first is
    return Figures(tuple(found), tuple(g for _, g in made))


def _rejoin(groups: list[list[int]], united: Sequence[Figure], keys: Sequence[Sequence[object]],
            score: Callable[[int, int], float], apart: Callable[[int, int], bool]) -> list[list[int]]:
    """A figure left alone that gives the value of a group member with the same name
    joins that group: grouping joins an item to the best item it meets, and "169
    confirmed seats" met "169 seats" only after that had joined "about 168 seats"
    (seeds). The same value adds a voice, never a dispute."""
    by_key: dict[object, list[int]] = defaultdict(list)
    for n, members in enumerate(groups):
        if len(members) > 1:
            for i in members:
                for k in keys[i]:
                    by_key[k].append(n)
    for n, members in enumerate(groups):
        if len(members) != 1:
            continue
        i = members[0]
        for m in dict.fromkeys(g for k in keys[i] for g in by_key.get(k, ())):
            others = groups[m]
            if any(united[j].values == united[i].values and score(i, j) >= SIMILARITY for j in others) \
                    and not any(apart(i, j) for j in others):
                others.append(i)
                members.clear()
                break
    return [sorted(members) for members in groups if members]


def _when(era: str, published: dt.date | None) -> tuple[str, frozenset[str]]:
    """("now", {}) for a sentence about the time of its article, ("past", what it
    names) for one about a time long before it."""
    named = era.split()
    if not named or published is None:
        return "now", frozenset()
    months = [n for n in named if "-" in n]
    years = [int(n) for n in named if n.isdigit()]
    by_day = [int(n[1:]) for n in named if n.startswith("m")]
    now = published.year * 12 + published.month
    if months:
        past = all(now - (int(n[:4]) * 12 + int(n[5:])) >= PAST_MONTHS for n in months)
    elif years:
        past = max(years) <= published.year - HISTORY_YEARS
    else:  # months by day only: the article's month or the one before is now
        past = all((published.month - m) % 12 >= PAST_MONTHS for m in by_day)
    return ("past", frozenset(named)) if past else ("now", frozenset())


def _changed_to(figure: Figure) -> bool:
    """Whether the figure is what something changed to: "the gap was cut to just 12
    points", "raised its bid ... to $121 billion"."""
    before = words.tokens(re.split(r"[,;:]", figure.sentence.text[: figure.span.start - figure.sentence.start])[-1])
    if "to" not in before[-2:]:
        return False
    return any(w.startswith(_CHANGE_VERBS) for w in before[-12:])


def _unit_key(unit: str) -> str:
    """Units compared as one: "58 killed", "59 dead" and "58 people" count people."""
    return "people" if unit in _PEOPLE else _UNIT_NAMES.get(unit, unit)


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
    sides = _sides(figure)
    far = _around(sides, 10, 0)
    earlier = ":earlier" if _EARLIER.intersection(far[:4]) or _LONG_AGO.intersection(far) else ""
    if _AGO.search(figure.sentence.text):
        earlier = ":earlier"  # "Four months ago, ... killed 32 people at the Brussels airport"
    if _STILL.intersection(_around(sides, 3, 3)):
        earlier += ":later"  # "Two people remain trapped" is not the five trapped at first
    if _PART.match(figure.span.text):
        earlier += ":part"  # "five of the dead", "20 of those injured": part of a count
    if _IF.intersection(far[:4]) or ("would" in far[:4] and _GUESS.search(figure.sentence.text)):
        earlier += ":if"  # "he'd estimated the charge would be $3.2 billion": a guess, not the charge
    if _MARKET.search(figure.sentence.text):
        return "market" + earlier
    if _UNIT_NAMES.get(figure.unit, figure.unit) in _LENGTHS | {"km", "meter", "foot"}:
        for word in _around(sides, 4, 3):
            for aspect, starts in _ASPECTS:
                if word.startswith(starts):
                    return aspect + earlier
        return earlier
    if figure.unit.startswith(_CURRENCIES) or figure.unit in _MEASURES or _HYPHENATED.search(figure.span.text):
        return earlier  # "the 25-ton truck" of a sentence about the killed is no toll
    verb = _verb(figure)
    if _FATES["critical"].intersection(near[:4]) or _FATES["critical"].intersection(_around(sides, 2, 3)):
        return "critical" + earlier
    for word in (verb, *near):
        for fate, roots in _FATES.items():
            if word in roots:
                return fate + earlier
    return earlier


def _sides(figure: Figure) -> tuple[list[str], list[str]]:
    """The words of a figure's sentence before it, nearest first, and after it up to the
    clause's end: read once for every window `_around` takes of them."""
    sentence = figure.sentence
    start, end = figure.span.start - sentence.start, figure.span.end - sentence.start
    before = re.findall(r"[a-z]+", sentence.text[:start].casefold())
    before.reverse()
    return before, re.findall(r"[a-z]+", re.split(r"[,;.]", sentence.text[end:] + ".", maxsplit=1)[0].casefold())


def _around(sides: tuple[list[str], list[str]], before: int, after: int) -> list[str]:
    """The words next to a figure in its sentence (`_sides`), nearest first, alternating
    after and before."""
    left, right = sides[0][:before], sides[1][:after]
    out = []
    for n in range(max(len(left), len(right))):
        out += right[n : n + 1] + left[n : n + 1]
    return out


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
        return words.root(_IRREGULAR_VERBS.get(figure.unit, figure.unit))  # "527 injured": "injur"
    # A state right after the figure says first: "more than 20 people were killed and
    # about 100 people injured" (news clusters) counts the injured.
    for word in [*after[:1], *reversed(before), *after[1:]]:
        if word in _STATES:
            return words.root(_IRREGULAR_VERBS.get(word, word))
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


class _Part(NamedTuple):
    figures: tuple[Figure, ...]
    readings: tuple[Reading, ...]
    outlets: tuple[str, ...]
    disputed: bool
    evolving: bool
    reported: tuple[str, ...]


def _group(figures: list[Figure], outlet_of: dict[str, str], published: dict[str, dt.date], fate: str,
           strength: Callable[[Figure, Figure], float]) -> _Part:
    """A group's figures, readings (most outlets first; in the order they were
    published for a toll that changed), outlets, whether disputed, whether evolving."""
    def first_reported(fs: Sequence[Figure]) -> str:
        dates = sorted(published[f.span.article] for f in fs if f.span.article in published)
        return dates[0].isoformat() if dates else ""

    if len(figures) == 1:  # most figures: given by one article only
        f = figures[0]
        voices = (outlet_of[f.span.article],)
        return _Part((f,), (Reading(f.values, f.bound, f.approximate, (f,), voices),), voices, False, False,
                     (first_reported([f]),))
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
    voices = outlets.independent(outlet_of[f.span.article] for f in figures)
    clashes = [(a, b) for i, a in enumerate(readings) for b in readings[i + 1 :] if conflict(a, b)]
    evolving = bool(clashes) and fate.split(":")[0] in TOLLS and ":part" not in fate \
        and (fate == "market" or _changed(readings) or all(_grew(a, b) for a, b in clashes))
    if evolving:
        readings.sort(key=lambda r: (first_reported(r.figures) or "9999", r.values, r.figures[0].span))
    # A dispute is between outlets: two readings that cannot both hold, given by
    # figures of different outlets that measure one thing.
    disputed = not evolving and any(_evidence(a, b, outlet_of, strength) >= SIMILARITY for a, b in clashes)
    return _Part(tuple(figures), tuple(readings), voices, disputed, evolving,
                 tuple(first_reported(r.figures) for r in readings))


def _evidence(a: Reading, b: Reading, outlet_of: dict[str, str], strength: Callable[[Figure, Figure], float]) -> float:
    """How sure it is that two readings, given by different outlets, measure one thing:
    the best score of a pair of their figures."""
    return max((strength(x, y) for x in a.figures for y in b.figures
                if outlet_of[x.span.article] != outlet_of[y.span.article]), default=0.0)


def _grew(a: Reading, b: Reading) -> bool:
    """Whether two readings of a toll clash only as a count and a later "more than" one
    would: "injuring 40" and "more than 50 people were injured" (news clusters)."""
    bounded, plain = (a, b) if a.bound else (b, a)
    return bounded.bound in (">", ">=") and not plain.bound and plain.values[-1] < bounded.values[0]


def _changed(readings: Sequence[Reading]) -> bool:
    """Whether a toll's readings are its count as the story went on rather than two
    accounts of it: three values or more (1, 3, 5, 11 and 24 dead), an article giving
    two, or a sentence that says it changed ("the death toll rose to 11")."""
    plain = [r for r in readings if not r.bound]
    if len({r.values for r in plain}) >= 3:
        return True
    articles = [f.span.article for r in plain for f in r.figures]
    if len(set(articles)) < len(articles) and len({r.values for r in plain}) > 1:
        for art in set(articles):
            if len({r.values for r in plain if any(f.span.article == art for f in r.figures)}) > 1:
                return True
    return any(_CHANGE.search(f.sentence.text) for r in plain for f in r.figures)
