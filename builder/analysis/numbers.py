"""Numbers as news prose writes them: "$48 million", "about 61,000", "seven votes to
two", "12%", "three", "a 7-2 vote", "between 40 and 50".

Written by hand: number parsers (word2number, dateparser's numerals) read a number
you hand them, not the numbers inside a sentence, and none knows that "route 12", "in
1962" or "April 28" are not amounts. Each rule below names the case that asked for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "dozen": 12, "a dozen": 12,
}
_TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_SCALES = {
    "hundred": 1e2, "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12,
}
CURRENCY_WORDS = {"dollar": "$", "pound": "£", "euro": "€", "yen": "¥", "yuan": "yuan", "rupee": "rupee"}
MONTHS = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)

_WORD_NUMBER = (
    r"(?:(?:" + "|".join(_TENS_WORDS) + r")(?:[- ](?:one|two|three|four|five|six|seven|eight|nine)\b)?"
    r"|a dozen|" + "|".join(sorted(_UNITS_WORDS, key=len, reverse=True)) + r")"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_NUMBER = rf"(?:{_DIGITS}|{_WORD_NUMBER})"
_CURRENCY = r"(?:US|U\.S\.|C|CA|CAD|A|AU|NZ|HK|S)?\$|£|€|¥"
_SCALE = r"hundred|thousand|million|billion|trillion|mn|mln|bn|tn|k|m|b"
_PERCENT = r"%|\s?percent\b|\s?per cent\b|\s?percentage points?\b"

# Every amount has a digit or a number word: most sentences are skipped at once.
_DIGIT = re.compile(r"\d")
_LETTERS = re.compile(r"[a-z]+")
_NUMBER_WORDS = frozenset(_UNITS_WORDS) | frozenset(_TENS_WORDS)
AMOUNT = re.compile(
    rf"(?<![\w.,:$£€¥/-])(?:(?P<cur>{_CURRENCY})\s?)?(?P<num>{_NUMBER})"
    rf"(?:(?:\s|-)?(?P<scale>{_SCALE})\b)?(?P<pct>{_PERCENT})?(?![\w$£€¥]|[.,]\d|:\d)",
    re.I,
)
# "voted 7-2", "a 9–2 vote", "by seven votes to two".
TALLY = re.compile(r"(?<![\w.,-])(?P<a>\d+)\s?[-–—]\s?(?P<b>\d+)(?![\w-])")
TALLY_WORDS = re.compile(rf"\b(?P<wa>{_NUMBER}) votes? to (?P<wb>{_NUMBER})\b", re.I)
RANGE = re.compile(rf"\bbetween (?P<a>{_NUMBER}) and (?P<b>{_NUMBER})\b", re.I)
# "eight to ten seconds", "two or three years", "20 to 30 people": a range, when a noun follows and no "from"
# or verb of change makes it a change ("rose from 5 to 10").
RANGE_TO = re.compile(rf"(?<!from )(?<![\w.,$£€¥-])(?P<a>{_NUMBER}) (?:to|or) (?P<b>{_NUMBER})(?= [a-z]{{3,}})", re.I)
_TIME = re.compile(r"^\s?(?:a\.?m\b|p\.?m\b|o['’]clock)", re.I)
_TALLY_CONTEXT = re.compile(r"\b(?:vote[sd]?|voting|margin|ballot|approved|passed|rejected|defeated|won|lost|beat|score)\b", re.I)

APPROXIMATE = (
    "about", "around", "roughly", "approximately", "nearly", "almost", "some", "an estimated",
    "estimated", "close to", "just over", "just under", "upwards of", "or so",
)
BOUNDS = {
    "more than": ">", "over": ">", "above": ">", "in excess of": ">", "at least": ">=",
    "fewer than": "<", "less than": "<", "under": "<", "below": "<", "up to": "<=",
    "as many as": "<=", "as much as": "<=", "at most": "<=",
}
_BEFORE = re.compile(
    r"\b(?P<q>" + "|".join(sorted([*APPROXIMATE, *BOUNDS], key=len, reverse=True)) + r")\s+$", re.I
)


@dataclass(frozen=True, slots=True)
class Amount:
    """A number found in a text: where, its value(s), and how it was hedged."""

    start: int  # the qualifier's start when there is one ("about $47 million")
    end: int
    values: tuple[float, ...]  # one value; two for a tally (for, against) or a range
    kind: str  # "amount", "tally", "range"
    currency: str  # "$", "£", ... or ""
    percent: str  # "percent", "percentage point" or ""
    approximate: bool  # "about", "nearly", "some", ...
    bound: str  # ">", ">=", "<", "<=" for "more than", "at least", ...; "" for none
    hyphenated: bool  # "a two-year dispute": the unit follows the hyphen


def word_value(text: str) -> float:
    text = text.casefold().strip()
    if re.fullmatch(r"[\d,.]+", text):
        return float(text.replace(",", ""))
    parts = re.split(r"[- ]", text)
    if text == "a dozen":
        return 12.0
    total = 0.0
    for part in parts:
        total += _TENS_WORDS.get(part, 0) + _UNITS_WORDS.get(part, 0)
    return total


def find(text: str) -> list[Amount]:
    """Every amount, tally and range in a text, left to right, without overlaps."""
    if not _DIGIT.search(text) and _NUMBER_WORDS.isdisjoint(_LETTERS.findall(text.casefold())):
        return []
    taken: list[tuple[int, int]] = []
    out: list[Amount] = []
    for m in RANGE.finditer(text) if "etween" in text else ():
        out.append(_hedged(text, m.start(), m.end(), (word_value(m["a"]), word_value(m["b"])), "range"))
        taken.append((m.start(), m.end()))
    for m in RANGE_TO.finditer(text) if " to " in text or " or " in text else ():
        a, b = word_value(m["a"]), word_value(m["b"])
        if _overlaps(m.start(), m.end(), taken) or not 0 < a < b or "vote" in text[m.end() : m.end() + 8]:
            continue
        out.append(_hedged(text, m.start(), m.end(), (a, b), "range"))
        taken.append((m.start(), m.end()))
    tallies = list(TALLY.finditer(text))
    if " to " in text and "vote" in text:
        tallies += TALLY_WORDS.finditer(text)
    for m in tallies:
        if _overlaps(m.start(), m.end(), taken):
            continue
        if m.re is TALLY:
            # "7-2" is a vote or a score only in their company; else a range ("40-50 people").
            window = text[max(0, m.start() - 40) : m.end() + 20]
            kind = "tally" if _TALLY_CONTEXT.search(window) else "range"
            values = (float(m["a"]), float(m["b"]))
        else:
            kind, values = "tally", (word_value(m["wa"]), word_value(m["wb"]))
        out.append(_hedged(text, m.start(), m.end(), values, kind))
        taken.append((m.start(), m.end()))
    for m in AMOUNT.finditer(text):
        if _overlaps(m.start(), m.end(), taken) or _not_an_amount(text, m):
            continue
        value = word_value(m["num"])
        scale = (m["scale"] or "").casefold()
        if scale in ("m", "b", "k") and not m["cur"]:
            continue  # "48m" is money only with a currency; "5m" alone may be metres
        value *= _SCALES.get(scale, 1.0)
        pct = (m["pct"] or "").strip().casefold()
        percent = "percentage point" if pct.startswith("percentage") else ("percent" if pct else "")
        currency = _currency(m["cur"] or "")
        hyphen = text[m.end() : m.end() + 1] == "-" and text[m.end() + 1 : m.end() + 2].isalpha()
        amount = _hedged(text, m.start(), m.end(), (value,), "amount")
        out.append(Amount(amount.start, amount.end, amount.values, "amount", currency, percent,
                          amount.approximate, amount.bound, hyphen))
    return sorted(out, key=lambda a: a.start)


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in taken)


def _currency(symbol: str) -> str:
    symbol = symbol.replace("U.S.", "US")
    return {"$": "$", "US$": "US$", "C$": "C$", "CA$": "C$", "CAD$": "C$", "A$": "A$", "AU$": "A$"}.get(
        symbol, symbol
    )


def _hedged(text: str, start: int, end: int, values: tuple[float, ...], kind: str) -> Amount:
    base = max(0, start - 24)
    m = _BEFORE.search(text[base:start])
    approximate, bound = False, ""
    if m:
        q = m["q"].casefold()
        approximate = q in APPROXIMATE
        bound = BOUNDS.get(q, "")
        start = base + m.start()
    return Amount(start, end, values, kind, "", "", approximate, bound, False)


def _not_an_amount(text: str, m: re.Match[str]) -> bool:
    num = m["num"]
    before = text[: m.start()].rstrip()
    previous = before.rsplit(None, 1)[-1].strip("(\"“'").casefold() if before else ""
    after = text[m.end() :]
    following = after.lstrip(" ").split(" ", 1)[0].strip(",.;:)\"”").casefold()
    if m["cur"] or m["pct"] or m["scale"]:
        return False
    # "April 28", "28 April": dates are the timeline's (dates.py).
    if previous.rstrip(".") in MONTHS or following.rstrip(".") in MONTHS:
        return True
    # "10 a.m.", "9:30".
    if _TIME.match(after):
        return True
    if num[:1].isdigit() and "," not in num and "." not in num and 1800 <= float(num) <= 2100:
        return True  # a year: "in 1962", "since 2023" ("2,000 people" has its comma)
    # "route 12", "Flight 370", "Boeing 737 crashed": a name, not an amount.
    if previous.rstrip(".") in _IDENTIFIER_NOUNS:
        return True
    raw_previous = before.rsplit(None, 1)[-1] if before else ""
    if raw_previous[:1].isupper() and raw_previous not in ("A", "An", "The") and not before.endswith((".", ":", "\"", "“")) and num[:1].isdigit() \
            and not (following.isalpha() and following.islower() and not following.endswith("ed")):
        return True
    # "one of the", "no one": "one" counts something only before a noun.
    return num.casefold() == "one" and (
        following in ("of", "another", "") or previous in ("no", "any", "every", "each", "the", "this", "that")
    )


_IDENTIFIER_NOUNS = frozenset(
    """route highway flight number no bus line chapter section article page room gate
    platform level phase stage version model channel district ward row interstate exit pier
    terminal category size grade class game round episode season volume vol item clause
    paragraph amendment resolution act bill unit building floor block lot apartment suite
    box code step figure table appendix part""".split()
)
