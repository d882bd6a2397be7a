"""Dates in sentences, made calendar dates against the article's publication date.

Finding them is done by explicit rules: dateparser's `search_dates` on the fixture
and cluster sentences read "$48" as the year 2048, "18 months" as October 2023 and
the verb "may" as May, and found nothing in "Monday's vote" or "last spring".
Reading an absolute expression once found ("Sept. 3", "28th of April") is left to
dateparser.parse, which knows month abbreviations and ordinals; its own guesses for
what is missing (the year from today, the day from today in "June") are not used.

A date without a year, or a weekday, takes the tense of its own clause, not of the
sentence's ("Sunday's incident comes after ... said the airline will ..." is a past
Sunday). A date that names a thing ("the tsunami of 2004") beside the sentence's own
date is background: kept as a mention, no timeline event (issue 20).

Every resolved date says how it was derived ("the Tuesday on or before 2025-04-29,
the publication date"). A relative date in an article with no date stays unresolved
rather than guessed, and so does a relative date inside a quote: "yesterday" there is
relative to when it was said, not to when it was published (issue 4: "He called me up
yesterday").
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from ..model import Article, Corpus
from .quotes import marked
from .sentences import Sentence, by_article
from .spans import Span

Precision = Literal["day", "week", "month", "season", "year"]

_MONTH_NAMES = (
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?"
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_WEEKDAY_BEFORE = rf"(?:(?P<wdp>{'|'.join(_WEEKDAYS)}),?\s+(?:the\s+)?)?"

# Order matters: the first pattern to claim characters keeps them.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
    # A weekday written beside the date is part of it: "on Monday, 1 May" is 1 May,
    # not the Monday before the publication date (issue 20: a speech on 5 May dated 2 May).
    ("month-day", re.compile(
        rf"\b{_WEEKDAY_BEFORE}(?P<text>(?:{_MONTH_NAMES})\s+\d{{1,2}}(?:st|nd|rd|th)?)(?![\d:])"
        rf"(?:,?\s+(?P<y>\d{{4}})\b|\s+(?P<yrel>last|this|next) year\b)?")),
    ("day-month", re.compile(
        rf"\b{_WEEKDAY_BEFORE}(?P<text>\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH_NAMES}))"
        rf"(?:,?\s+(?P<y>\d{{4}})\b|\s+(?P<yrel>last|this|next) year\b)?")),
    ("month-year", re.compile(rf"\b(?P<text>(?:{_MONTH_NAMES}))\s+(?P<y>\d{{4}})\b")),
    ("relative-month", re.compile(rf"\b(?P<rel>last|next|this)\s+(?P<text>{_MONTH_NAMES})\b")),
    ("month", re.compile(
        rf"\b(?:in|since|by|until|from|of|during|before|after|through|early|late|mid|end)\s+"
        rf"(?:mid-)?(?P<text>{_MONTH_NAMES})(?!\s+\d)\b")),
    ("year", re.compile(
        r"\b(?:in|since|by|until|from|of|during|before|after|through|early|late|mid|end)\s+"
        r"(?:mid-)?(?P<y>1[89]\d\d|20\d\d)\b(?![-–]\d|,\d)")),
    ("weekday", re.compile(
        rf"\b(?:(?:early|late)\s+)?(?:(?P<rel>last|next|this|on)\s+)?(?P<wd>{'|'.join(_WEEKDAYS)})(?:['’]s)?{_PART}\b")),
    # Lower case, or opening the sentence: "Florida Today" is a newspaper (news clusters).
    ("named-day", re.compile(
        r"(?:\b|^)(?P<word>yesterday|today|tonight|tomorrow|last night|this (?:morning|afternoon|evening)|"
        r"^(?:Yesterday|Today|Tonight|Tomorrow|Last night|This (?:morning|afternoon|evening)))\b")),
    ("relative-period", re.compile(
        r"\b(?:[Ee]arlier |[Ll]ater )?(?P<rel>[Ll]ast|[Nn]ext|[Tt]his)\s+(?P<unit>week|month|year)\b")),
    ("ago", re.compile(
        r"\b(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
        r"(?P<unit>day|week|month|year)s?\s+ago\b", re.I)),
    ("season", re.compile(r"\b(?P<rel>last|next|this)\s+(?P<season>spring|summer|autumn|fall|winter)\b", re.I)),
)
_MONTH_HINTS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Text each pattern cannot match without: a substring test is much cheaper than a search.
_HINTS: dict[str, tuple[str, ...]] = {
    "iso": ("-0", "-1"), "month-day": _MONTH_HINTS, "day-month": _MONTH_HINTS, "month-year": _MONTH_HINTS,
    "relative-month": _MONTH_HINTS, "month": _MONTH_HINTS, "year": ("18", "19", "20"), "weekday": ("day",),
    "named-day": ("day", "night", "morrow", "this", "This"), "relative-period": ("week", "month", "year"),
    "ago": (" ago",), "season": ("spring", "summer", "autumn", "fall", "winter"),
}
_KINDS_OF_HINT: dict[str, frozenset[str]] = {
    h: frozenset(kind for kind, hints in _HINTS.items() if h in hints) for hints in _HINTS.values() for h in hints
}
_HINT = re.compile("|".join(sorted({h for hints in _HINTS.values() for h in hints}, key=len, reverse=True)))
_WEEKDAY_RANGE = re.compile(
    rf"(?:{'|'.join(_WEEKDAYS)})s?\s*(?:through|to|until|till|and|or|-|–)\s*(?:{'|'.join(_WEEKDAYS)})s?\b"
)
# Where a clause starts, for its tense: a semicolon or dash, a subordinating word.
_CLAUSE = re.compile(
    r";|\b(?:that|after|before|when|which|who|while|because|although|though|but|whereas|where|"
    r"since|until|so)\b(?!['’])", re.I)
_PREPOSITION_OR_CONJUNCTION = re.compile(r"after|before|since|until", re.I)
_FINITE = re.compile(r"\b(?:[a-z]{3,}ed|is|was|are|were|has|had|have|said|says|told|tells|will|would|did|does|do|"
                     r"began|begins|went|goes|came|comes|took|takes|made|makes|left|met|won|lost)\b")
# "must be filed", "is expected": a participle after these is no past tense.
_PASSIVE_BEFORE = re.compile(r"\b(?:be|been|being|is|are|am|get|gets|to|has|have)\s+$", re.I)
# A verb in the past: a regular one, or a common irregular one.
_PAST = re.compile(
    r"\b(?:[a-z]{2,}(?<!e)ed|did|said|told|made|took|came|went|fell|left|met|won|lost|began|gave|got|saw|became|"
    r"brought|thought|found|held|kept|ran|sent|spent|built|paid|stood|wrote|spoke|broke|chose|drove|knew|grew|"
    r"threw|flew|drew|rose|struck|sold|bought|caught|fought|sought|led|fled|hid|bit|lit|shot)\b")
_TO_BE = re.compile(r"\b(?:to be|to go)\s+\w+(?:ed|en)\b|\bto be held\b|\bupcoming\b", re.I)
_PERFECT = re.compile(r"\bhad\b|\bwas\b|\bwere\b", re.I)
# A date naming a thing: "the tsunami of 2004", "the April 2007 shooting", "its 2015 vote".
_NOUN_BEFORE = re.compile(r"\b(?:the|a|an|its|his|her|their)\s+(?:[\w-]+\s+){0,2}[a-z][\w-]*\s*$", re.I)
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|his|her|their|this|that)\s+$", re.I)
_NOUN_AFTER = re.compile(r"^\s+(?!and\b|or\b|to\b|in\b|on\b|at\b|by\b|from\b|until\b|through\b)[a-z][\w-]+")
_FUTURE = re.compile(
    r"\b(?:will|would|shall|is due|are due|is expected|are expected|is scheduled|are scheduled|"
    r"plans? to|planned|is set to|are set to|to begin|to start|to open|next|"
    # what must still be done looks ahead: "also needs to prepare for the G7 summit in June" (seed 004)
    r"needs? to|has to|have to|must)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class DateMention:
    span: Span  # the expression as written: "on Tuesday", "April 28", "last month"
    sentence: Span
    date: dt.date | None  # the first day it covers; None when unresolved
    precision: Precision
    derivation: str  # how the date was reached, or why it was not
    relative: bool  # needed the publication date
    # A date naming a thing ("the tsunami of 2004") in a sentence that has a date of its
    # own for what it reports: a mention, no timeline event.
    background: bool = False

    @property
    def resolved(self) -> bool:
        return self.date is not None

    def shown(self) -> str:
        """The date at its precision: 2025-04-29, 2025-04, 2025, "week of 2025-04-21"."""
        if self.date is None:
            return "unresolved"
        if self.precision == "day":
            return self.date.isoformat()
        if self.precision == "week":
            return f"week of {self.date.isoformat()}"
        if self.precision in ("month", "season"):
            return self.date.strftime("%Y-%m")
        return str(self.date.year)


def in_sentence(sentence: Span, published: dt.date | None, quoted: tuple[tuple[int, int], ...] = ()) -> list[DateMention]:
    """Every date expression of a sentence. `quoted` are spans (paragraph offsets)
    inside quotation marks, where relative dates are not resolved."""
    text = sentence.text
    # Every pattern needs one of its hints: most sentences stop here.
    present = set(_HINT.findall(text))
    if not present:
        return []
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    reporters: str | None = None  # the text with quotations blanked, made when first needed
    wanted = set().union(*[_KINDS_OF_HINT[h] for h in present])
    for kind, pattern in _PATTERNS:
        if kind not in wanted:
            continue
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            if kind == "weekday" and _WEEKDAY_RANGE.search(text, max(0, m.start() - 16), min(len(text), m.end() + 16)):
                continue  # "delivered Monday through Friday": every week, not a day (news clusters)
            if reporters is None:
                reporters = _unquoted(text, sentence.start, quoted)
            result = _resolve(kind, m, published, _future(reporters, m.start(), m.end()))
            if result is None:
                continue
            date, precision, derivation, relative = result
            at = sentence.start + m.start()
            if relative and any(s <= at < e for s, e in quoted):
                date, derivation = None, "inside a quote: relative to when it was said, not to the publication date"
            taken.append((m.start(), m.end()))
            out.append(DateMention(sentence.within(m.start(), m.end()), sentence, date, precision, derivation, relative))
    out.sort(key=lambda d: d.span.start)
    return _mark_stamps(_mark_background(out, text), text)


# What may stand beside a date in a page's time stamp: times, zones, weekdays, "Updated
# at", "This article was amended on", punctuation.
_STAMP_FILLER = re.compile(
    rf"^(?:\s|[|•·,:;.()\[\]/–—-]|\d{{1,2}}[:.]\d{{2}}|\d{{1,2}}\s*[ap]\.?m\.?|a\.m\.|p\.m\.|"
    rf"(?:{'|'.join(_WEEKDAYS)})\b|\b(?:ET|EST|EDT|GMT|BST|UTC|PT|PST|PDT|CT|local time)\b|"
    r"\b(?:updated?|published|posted|amended|modified|corrected|last|at|on|this article was)\b)*$",
    re.I,
)


def _mark_stamps(mentions: list[DateMention], text: str) -> list[DateMention]:
    """A sentence that is only a page's time stamp ("Updated at 9:50 p.m. ET Thursday",
    "12:47 a.m. Nov. 3, 2016.", "This article was amended on 4 November 2016", news
    clusters) dates the page, not an event: its date is no timeline event (issue 20)."""
    if not mentions or len(text.split()) > 12:
        return mentions
    offset = mentions[0].sentence.start
    rest = text
    for m in mentions:
        s, e = m.span.start - offset, m.span.end - offset
        rest = rest[:s] + " " * (e - s) + rest[e:]
    if not _STAMP_FILLER.match(rest):
        return mentions
    return [replace(m, background=True, derivation=f"{m.derivation}; a time stamp of the page, not an event")
            for m in mentions]


def _unquoted(text: str, offset: int, quoted: tuple[tuple[int, int], ...]) -> str:
    """The sentence with its quotations blanked: the reporter's words. The tense is the
    reporter's, not the speaker's: "'Every one of our workers will be paid,' Becker told
    staff at a meeting on Monday" is a past Monday (fixture story)."""
    for s, e in quoted:
        s, e = max(s - offset, 0), min(e - offset, len(text))
        if s < e:
            text = text[:s] + " " * (e - s) + text[e:]
    return text


def _future(text: str, start: int, end: int) -> bool:
    """Whether the clause holding the date (text[start:end]) is in the future tense. The
    clause's, not the sentence's (issue 20): in "Sunday's incident comes after the CEO
    told employees last month that the airline will implement training" the Sunday is
    past; in "said on Monday evening that it would" the Monday is. A subordinate clause
    with no past verb of its own takes the main clause's tense ("audiences will be happy
    when the film reaches theaters May 4"). A deadline ("by Friday") and a passive to
    come ("to be voted on Thursday") look ahead, unless the clause is in the past ("fell
    by Tuesday night")."""
    found = list(_CLAUSE.finditer(text))
    # "after", "before", "since", "until" open a clause only when a verb follows before
    # the next cut: "comes after the CEO told staff" does, "will begin immediately after
    # the election on April 28" (seed 003) does not.
    words = [m.start() for k, m in enumerate(found)
             if not _PREPOSITION_OR_CONJUNCTION.fullmatch(m.group(0))
             or _FINITE.search(text, m.end(), found[k + 1].start() if k + 1 < len(found) else len(text))]
    cuts = [0, *words, len(text)]
    # A word that governs the date itself ("until Friday", "after Friday's vote") is a
    # preposition there, not a clause's start.
    left = max(c for c in cuts if c <= start and (c == 0 or len(text[c:start].split()) > 3))
    right = min(c for c in cuts if c >= end)
    clause = text[left:right]
    if _FUTURE.search(clause) or _TO_BE.search(clause):
        return True
    past = _PERFECT.search(clause) or any(not _PASSIVE_BEFORE.search(clause, 0, m.start()) for m in _PAST.finditer(clause))
    before = text[max(left, start - 4):start]
    if before.rstrip().casefold().endswith("by") and not past:
        return True
    if left > 0 and not past and words:
        main = text[: words[0]]
        return bool(_FUTURE.search(main) or _TO_BE.search(main))
    return False


def _mark_background(mentions: list[DateMention], text: str) -> list[DateMention]:
    """A date that names a thing ("the tsunami of 2004", "the April 2007 shooting", "the
    2015 election") is background when the sentence has a date of its own for what it
    reports (issue 20: "...on Tuesday ... the tsunami of 2004" was dated 2004; a 2008
    verdict on "the April 2007 shooting" 2007-04). It stays a mention, with its date, but
    is no timeline event."""
    if len(mentions) < 2:
        return mentions
    offset = mentions[0].sentence.start
    attributive = [_names_a_thing(text, m.span.start - offset, m.span.end - offset, m) for m in mentions]
    if all(attributive):
        return mentions
    return [replace(m, background=True,
                    derivation=f"{m.derivation}; names a thing, not when what the sentence reports happened")
            if a else m for m, a in zip(mentions, attributive, strict=True)]


def _names_a_thing(text: str, start: int, end: int, mention: DateMention) -> bool:
    if mention.relative or mention.precision == "day":
        return False
    written = text[start:end]
    after = text[end:end + 30]
    if written.startswith("of ") and _NOUN_BEFORE.search(text[:start]):
        return True  # "the tsunami of 2004"
    return bool(_DETERMINER_BEFORE.search(text[:start]) and _NOUN_AFTER.match(after))  # "the April 2007 shooting"


def in_article(article: Article, sentences: Sequence[Sentence]) -> tuple[DateMention, ...]:
    """Every date expression of an article's sentences, in order."""
    published = article.metadata.date.value if article.metadata.date else None
    texts = {p.anchor: p.text for p in article.body}
    quoted: dict[str, tuple[tuple[int, int], ...]] = {}
    out: list[DateMention] = []
    for s in sentences:
        anchor = s.span.anchor
        if anchor not in quoted:
            quoted[anchor] = marked(texts[anchor])
        out.extend(in_sentence(s.span, published, quoted[anchor]))
    return tuple(out)


def find_dates(corpus: Corpus, sentences: Sequence[Sentence]) -> tuple[DateMention, ...]:
    """Every date expression of a corpus, `sentences` in corpus order."""
    return tuple(m for a, mine in by_article(corpus, sentences) for m in in_article(a, mine))


_Resolved = tuple[dt.date | None, Precision, str, bool]


def _resolve(kind: str, m: re.Match[str], published: dt.date | None, future: bool) -> _Resolved | None:
    pub = f"{published.isoformat()}, the publication date" if published else ""
    unknown = "the article has no publication date"
    if kind == "iso":
        date = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
        return None if date is None else (date, "day", "as written", False)
    if kind in ("month-day", "day-month", "month-year", "month", "relative-month"):
        parsed = _read(m["text"], with_day=kind in ("month-day", "day-month"))
        if parsed is None:
            return None
        month, day = parsed
        precision: Precision = "day" if day else "month"
        if kind == "relative-month":
            if published is None:
                return (None, precision, f"unresolved: “{m.group(0)}” and {unknown}", True)
            year = {"last": published.year - (month >= published.month),
                    "next": published.year + (month <= published.month),
                    "this": published.year}[m["rel"].casefold()]
            return (dt.date(year, month, 1), "month", f"{m.group(0)} relative to {pub}", True)
        if m.groupdict().get("y"):
            date = _safe_date(int(m["y"]), month, day or 1)
            return None if date is None else (date, precision, "as written", False)
        if published is None:
            return (None, precision, f"unresolved: no year given and {unknown}", True)
        yrel = (m.groupdict().get("yrel") or "").casefold()
        if yrel:
            # "on June 12 last year" (news clusters): the year says it, not the tense.
            year = published.year + {"last": -1, "this": 0, "next": 1}[yrel]
            date = _safe_date(year, month, day or 1)
            return None if date is None else (date, precision, f"“{yrel} year” relative to {pub}", True)
        weekday = m.groupdict().get("wdp")
        if weekday and day and (matching := _year_of_weekday(published, month, day, _WEEKDAYS.index(weekday), future)):
            # "said Monday, August 3" (news clusters, published in 2018): the year in
            # which August 3 was a Monday, 2015, not the last August 3.
            return (matching, precision, f"the year in which {m['text']} falls on a {weekday}, "
                                         f"{'from' if future else 'up to'} {pub}", True)
        date = _year_by_tense(published, month, day or 1, future)
        if date is None:
            return None
        side = "the first such date from then on (future tense)" if future else "the last such date up to then"
        return (date, precision, f"year from {pub}: {side}", True)
    if kind == "year":
        return (dt.date(int(m["y"]), 1, 1), "year", "as written", False)
    if published is None:
        return (None, _precision_of(kind, m), f"unresolved: relative (“{m.group(0)}”) and {unknown}", True)
    if kind == "weekday":
        return _weekday(m, published, future, pub)
    if kind == "named-day":
        word = m["word"].casefold()
        offset = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(word, 0)
        return (published + dt.timedelta(days=offset), "day", f"“{m['word']}” relative to {pub}", True)
    if kind == "relative-period":
        return _period(m["rel"].casefold(), m["unit"].casefold(), 1, published, pub, m.group(0))
    if kind == "ago":
        n = int(m["n"]) if m["n"].isdigit() else _NUMBER_WORDS[m["n"].casefold()]
        return _period("ago", m["unit"].casefold(), n, published, pub, m.group(0))
    if kind == "season":
        return _season(m["rel"].casefold(), m["season"].casefold(), published, pub, m.group(0))
    return None


def _precision_of(kind: str, m: re.Match[str]) -> Precision:
    if kind in ("relative-period", "ago"):
        return {"day": "day", "week": "week", "month": "month", "year": "year"}[m["unit"].casefold()]  # type: ignore[return-value]
    return "season" if kind == "season" else "day"


@functools.lru_cache(maxsize=4096)
def _read(expression: str, with_day: bool) -> tuple[int, int] | None:
    """(month, day) of an absolute expression, day 0 when it names a month only."""
    import dateparser  # slow to import; only needed when an article has dates

    # 2000 is a leap year: "February 29" without a year still reads.
    base = dt.datetime(2000, 1, 1)
    parts = ["day", "month"] if with_day else ["month"]
    parsed = dateparser.parse(
        expression, languages=["en"],
        settings={"RELATIVE_BASE": base, "REQUIRE_PARTS": parts, "PREFER_DAY_OF_MONTH": "first"},
    )
    if parsed is None:
        return None
    return parsed.month, (parsed.day if with_day else 0)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _year_by_tense(published: dt.date, month: int, day: int, future: bool) -> dt.date | None:
    """A month without a year: in a sentence in the future tense ("due to begin in June")
    the first one from the publication's month on, else the last one up to it. Not the
    nearest: "in a state of emergency since the November Paris attacks", published in
    July 2016, is November 2015, not the nearer November 2016 (news clusters)."""
    candidates = [d for y in (published.year - 1, published.year, published.year + 1)
                  if (d := _safe_date(y, month, day)) is not None]
    month_of = (published.year, published.month)
    if future:
        return min((d for d in candidates if (d.year, d.month) >= month_of), default=None)
    return max((d for d in candidates if (d.year, d.month) <= month_of), default=None)


def _year_of_weekday(published: dt.date, month: int, day: int, weekday: int, future: bool) -> dt.date | None:
    """The date `month`-`day` falling on `weekday` nearest the publication date, within
    seven years: before it in the past tense, after it in the future, give or take a
    week (a photo "on Friday, July 15" in an article dated the 14th, news clusters)."""
    slack = dt.timedelta(days=7)
    found = [d for y in range(published.year - 7, published.year + 8)
             if (d := _safe_date(y, month, day)) is not None and d.weekday() == weekday
             and (d >= published - slack if future else d <= published + slack)]
    return min(found, key=lambda d: abs((d - published).days), default=None)


def _weekday(m: re.Match[str], published: dt.date, future: bool, pub: str) -> _Resolved:
    target = _WEEKDAYS.index(m["wd"])
    rel = (m["rel"] or "").casefold()
    back = (published.weekday() - target) % 7
    ahead = (target - published.weekday()) % 7
    if rel == "last":
        date, how = published - dt.timedelta(days=back or 7), "before"
    elif rel == "next":
        date, how = published + dt.timedelta(days=ahead or 7), "after"
    elif future:
        date, how = published + dt.timedelta(days=ahead), "on or after"
    else:
        date, how = published - dt.timedelta(days=back), "on or before"
    note = " (future tense)" if future and rel not in ("last", "next") else ""
    return (date, "day", f"the {m['wd']} {how} {pub}{note}", True)


def _period(rel: str, unit: str, n: int, published: dt.date, pub: str, written: str) -> _Resolved:
    sign = {"last": -1, "next": 1, "this": 0, "ago": -1}[rel]
    how = f"“{written}” relative to {pub}"
    if unit == "day":
        return (published + dt.timedelta(days=sign * n), "day", how, True)
    if unit == "week":
        monday = published - dt.timedelta(days=published.weekday())
        return (monday + dt.timedelta(weeks=sign * n), "week", how, True)
    if unit == "month":
        index = published.year * 12 + published.month - 1 + sign * n
        return (dt.date(index // 12, index % 12 + 1, 1), "month", how, True)
    return (dt.date(published.year + sign * n, 1, 1), "year", how, True)


def _season(rel: str, season: str, published: dt.date, pub: str, written: str) -> _Resolved:
    start = _SEASONS[season]
    starts = [dt.date(y, start, 1) for y in (published.year - 2, published.year - 1, published.year, published.year + 1)]

    def end(d: dt.date) -> dt.date:
        index = d.year * 12 + d.month - 1 + 3
        return dt.date(index // 12, index % 12 + 1, 1)

    if rel == "last":
        date = max(d for d in starts if end(d) <= published)
    elif rel == "next":
        date = min(d for d in starts if d > published)
    else:
        date = min(starts, key=lambda d: abs((d - published).days))
    return (date, "season", f"“{written}” relative to {pub} (northern-hemisphere seasons)", True)

