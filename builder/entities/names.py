"""Names as the model finds them, made comparable.

spaCy's span for a name often carries what is not the name: a possessive
("Pierre Poilievre's", "Vladimir Putin 's"), a leading article ("the White House"),
a title ("GM Ryan Pace", "President Trump"), quotes, a bracket ("Goldman (GS").
`trim` finds the name inside the span and keeps its offsets, so a mention still
points at the exact characters of the paragraph. `key` is what two spellings of
one name share: case, accents, dots, hyphens and company suffixes ignored.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

# One character for one, so offsets into the paragraph stay valid.
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00a0": " ",
                         "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-",
                         "\u2014": "-", "\u2015": "-", "\u2212": "-"})

# Stripped and kept as the mention's role: the text gives them, a reader wants them.
TITLES = (
    "prime minister", "deputy prime minister", "vice president", "vice-president",
    "president-elect", "president", "premier", "chancellor", "minister", "secretary",
    "senator", "sen", "representative", "rep", "congressman", "congresswoman",
    "governor", "gov", "mayor", "ambassador", "commissioner", "attorney general",
    "judge", "justice", "general", "gen", "colonel", "col", "captain", "capt",
    "lieutenant", "lt", "sergeant", "sgt", "officer", "detective", "chief",
    "leader", "speaker", "chairman", "chairwoman", "chair", "director", "ceo", "cfo",
    "gm", "coach", "head coach", "spokesman", "spokeswoman", "spokesperson",
    "archbishop", "bishop", "rabbi", "imam", "sheikh", "ayatollah", "reverend", "rev",
    # What celebrity news puts before a name ("Model Chrissy Teigen", news clusters).
    "model", "actress", "actor", "singer", "rapper", "comedian", "star", "astronaut",
)
# Stripped and dropped: courtesy, not a role ("Mr Carney" is Carney).
HONORIFICS = ("mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "prof", "professor")
# Not stripped: "King Charles", "Pope Francis" are how people are named.

_TITLE_RE = re.compile(
    r"^(?:(?P<honorific>" + "|".join(HONORIFICS) + r")\.?|(?P<title>"
    + "|".join(sorted((re.escape(t) for t in TITLES), key=len, reverse=True))
    + r")\.?)\s+(?=(?-i:[A-Z]))",
    re.IGNORECASE,
)
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
# "ex-Yukos", "pro-Kremlin", "anti-Blair": a lower-case prefix on a name is no part of
# it (BBC: "ex-Yukos", read as a person four times, took Yukos' 175 mentions).
_PREFIX = re.compile(r"^(?:ex|pro|anti|non)-(?=[A-Z])")
_POSSESSIVE = re.compile(r"(?:\s*'s|(?<=s)')$", re.IGNORECASE)
_EDGE_PUNCT = "\"'`,;:!?()[]{}<>*#|-/\\ "
_ORDINAL = re.compile(r"^[a-z]?-?\d+(st|nd|rd|th)$", re.IGNORECASE)
# Company designators: "Goldman Sachs Group Inc." is Goldman Sachs.
CORPORATE = {"inc", "incorporated", "corp", "corporation", "co", "ltd", "limited", "llc", "llp",
             "plc", "ag", "sa", "nv", "gmbh", "group", "holdings"}
GENERATIONAL = {"jr", "sr", "ii", "iii", "iv"}
# Small words an acronym skips: "Securities and Exchange Commission" is SEC.
ACRONYM_SKIP = {"of", "and", "the", "for", "de", "du", "la", "le", "&", "on", "in", "to"}
MAX_NAME_CHARS = 80


@dataclass(frozen=True, slots=True)
class Trimmed:
    """The name inside a span: offsets relative to the span, and what was cut off."""

    start: int
    end: int
    name: str  # normalised quotes and dashes, single spaces
    seen: str  # as seen with its honorific or title ("Mr Carney"), for the aliases
    title: str  # a stripped title that is a role ("President"), else ""
    possessive: bool  # "Angola's": the model's label on such a span is weaker evidence


def normalise(text: str) -> str:
    """Straight quotes, plain hyphens, single spaces; same length as `text` before collapsing."""
    return " ".join(text.translate(_QUOTES).split())


def trim(span: str, label: str = "PERSON") -> Trimmed | None:
    """The name inside a model's span, or None when nothing name-like is left.

    Titles are stripped from PERSON spans only: "General Motors" and "Leader Price"
    are names. Honorifics go from any span ("Mr Carney" tagged ORG is still Carney).
    """
    flat = span.translate(_QUOTES)
    start, end = 0, len(flat)
    # A bracket or slash inside a span is a ticker or a photo credit ("Goldman (GS",
    # "AP Photo/Richard Drew", news cluster 24): keep what comes before a bracket; drop credits.
    if "/" in flat:
        return None
    cut = flat.find("(")
    if cut > 0:
        end = cut
    honorific_title = ""
    title = ""
    possessive = False
    changed = True
    while changed:
        changed = False
        start, end = _strip_edges(flat, start, end)
        m = _POSSESSIVE.search(flat[start:end])
        if m and end - start - len(m.group(0)) > 0:
            end -= len(m.group(0))
            possessive = changed = True
        m = _ARTICLE.match(flat[start:end]) or _PREFIX.match(flat[start:end])
        if m and end - start - m.end() > 0:
            start += m.end()
            changed = True
        m = _TITLE_RE.match(flat[start:end])
        if m and (m.group("honorific") or label == "PERSON") and _looks_like_name(flat[start + m.end():end]):
            cut_text = flat[start:start + m.end()].strip()
            honorific_title = f"{honorific_title} {cut_text}".strip()
            if m.group("title"):
                title = f"{title} {cut_text}".strip()
            start += m.end()
            changed = True
    name = normalise(flat[start:end])
    if not _looks_like_name(name) or _not_one_name(name):
        return None
    seen = normalise(f"{honorific_title} {name}") if honorific_title else name
    return Trimmed(start=start, end=end, name=name, seen=seen, title=title.rstrip("."), possessive=possessive)


_MIDDLE_POSSESSIVE = re.compile(r"['\u2019]s\s+(?=[A-Z])")


def split_possessive(span: str) -> tuple[str, int] | None:
    """"Bloomberg's Christine Harper" -> ("Bloomberg", 12): one span the model read as one
    name is two, owner and owned (news cluster 24). Returns the owner and where the owned starts."""
    m = _MIDDLE_POSSESSIVE.search(span)
    if not m or m.start() == 0:
        return None
    return span[: m.start()], m.end()


def _strip_edges(flat: str, start: int, end: int) -> tuple[int, int]:
    while start < end and flat[start] in _EDGE_PUNCT + ".":
        start += 1
    while end > start and flat[end - 1] in _EDGE_PUNCT:
        end -= 1
    # A full stop ends a sentence, not a name, unless it ends an abbreviation
    # ("U.S.", "Inc.", "Jr."): "Keefe, Bruyette & Woods." (news cluster 24) loses it.
    if end > start and flat[end - 1] == ".":
        last = flat[start:end - 1].rsplit(" ", 1)[-1]
        if len(last) >= 4 and "." not in last and any(c.islower() for c in last):
            end -= 1
    return start, end


def _looks_like_name(text: str) -> bool:
    """Something a reader would call a name: a capital letter, not a number or a sentence."""
    text = text.strip()
    if not text or len(text) > MAX_NAME_CHARS or "\n" in text:
        return False
    if not any(c.isupper() for c in text):
        return False  # "the universal bank" (news cluster 24)
    if not any(c.isalpha() for c in text) or _ORDINAL.match(text):
        return False  # "T-21st" (news cluster 43)
    return not ("http" in text.lower() or "@" in text or "www." in text.lower())


# "Washington, D.C.", "Halifax, N.S.": a place and its state; any other comma inside a
# span joins two names or words ("Politics, Business", seed 003's quote of a post).
_STATE_AFTER_COMMA = re.compile(r",\s*(?:[A-Z]\.?){1,3}\.?$|,\s*[A-Z][a-z]{1,4}\.$")
_PARTNERS = re.compile(r"&|\band\b")
# "U.S.-Canada cooperation", "Canada-U.S. relations": two names made one adjective.
_HYPHENATED = re.compile(r"^([^\s-]+)-([^\s-]+)$")


def _not_one_name(name: str) -> bool:
    """Two names the model read as one: joined by a comma ("Politics, Business", seed
    003; BBC's team sheet "Barkley, Beattie, Christophers") or a hyphen where one side
    is an acronym ("U.S.-Canada", seed 001). A firm's partners keep theirs: "Keefe,
    Bruyette & Woods" (news cluster 24)."""
    if "," in name and not _STATE_AFTER_COMMA.search(name) and not _PARTNERS.search(name):
        return True
    m = _HYPHENATED.match(name)
    return bool(m and (is_acronym(m.group(1)) or is_acronym(m.group(2))) and m.group(2)[:1].isupper())


_NOT_WORD = re.compile(r"[^\w&]+|_")


def fold(text: str) -> str:
    """Case, accents, dots and punctuation ignored: "Yves-François" == "yves francois"."""
    text = normalise(text)
    if not text.isascii():  # ASCII has no accents to take off, and most names are ASCII
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold().replace(".", "").replace("'", "")
    return " ".join(_NOT_WORD.sub(" ", text).split())


@functools.lru_cache(maxsize=1 << 16)
def key(text: str) -> str:
    """What two spellings of one name share: `fold`, less company designators."""
    tokens = fold(text).split()
    while len(tokens) > 1 and tokens[-1] in CORPORATE:
        tokens.pop()
    return " ".join(tokens)


def most_common(names: Iterable[str]) -> str:
    """The most frequent name, the first seen among equals (Counter.most_common's
    choice, without building a Counter per group)."""
    counts: dict[str, int] = {}
    for name in names:
        counts[name] = counts.get(name, 0) + 1
    return max(counts, key=counts.__getitem__)


@functools.lru_cache(maxsize=1 << 16)
def tokens(name_key: str) -> tuple[str, ...]:
    """The tokens of a key that tell people apart; "jr" and "ii" are kept apart elsewhere.
    (Cached: merging asks for a name's tokens rule after rule.)"""
    return tuple(t for t in name_key.split() if t not in GENERATIONAL)


def generation(name_key: str) -> frozenset[str]:
    return frozenset(t for t in name_key.split() if t in GENERATIONAL)


def is_acronym(name: str) -> bool:
    """"NDP", "U.S.", "NORAD": two to six capitals, dots allowed, nothing else."""
    letters = name.replace(".", "").replace(" ", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


_ACRONYM_SPLIT = re.compile(r"[\s-]+")


def acronyms(name: str) -> set[str]:
    """The acronyms a multi-word name can go by: initials, with and without small words."""
    words = [w for w in _ACRONYM_SPLIT.split(normalise(name)) if w]
    if len(words) < 2:
        return set()
    capitals = [w for w in words if w[:1].isupper()]
    out = set()
    if len(capitals) >= 2:
        out.add("".join(w[0] for w in capitals).upper())
    all_words = [w for w in words if w.lower() not in ("&",)]
    if len(all_words) >= 2 and len(all_words) <= 6:
        out.add("".join(w[0] for w in all_words).upper())
    if words[-1].replace(".", "").lower() in CORPORATE and len(capitals) >= 3:
        out.add("".join(w[0] for w in capitals[:-1]).upper())
    return {a for a in out if 2 <= len(a) <= 6}


_STEM_SUFFIXES = ("ians", "ian", "ans", "an", "ists", "ist", "ics", "ic", "s")


@functools.lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude English stem for party names: "Democratic", "Democrats" -> "democrat"."""
    for suffix in _STEM_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def party_stem(name_key: str) -> str | None:
    """"new democratic party" -> "new democrat", "liberal party of canada" -> "liberal";
    None when the name is not a party's."""
    words = name_key.split()
    if "party" not in words[1:]:
        return None
    return " ".join(stem(w) for w in words[: words.index("party", 1)])


def member_stem(name_key: str) -> str:
    """"new democrats" -> "new democrat": what a party's members are called, stemmed."""
    return " ".join(stem(w) for w in name_key.split())
