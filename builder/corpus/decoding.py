"""Bytes to text: a BOM or UTF-8 first, then the legacy encoding whose text reads best, said aloud.

A file that is not UTF-8 is decoded with each candidate legacy encoding below, and every
candidate's text is scored by how plausible its non-ASCII characters are where they stand:

* typographic punctuation in the place it belongs earns a point: 0x92 between two letters
  read as the apostrophe in don’t, 0x93/0x94 around a word as “ ”, 0xA3 before a digit as £;
* characters that no real text has cost points: C1 controls and unassigned code points,
  box drawing and math symbols in prose, a symbol inside a word (c½ur, mo¿e), an upper-case
  letter after a lower-case one in one word (donÕt, бЯЕ), a Cyrillic or Greek letter glued to
  a Latin word (cafй), accented letters that no single language's alphabet holds together
  (Czech read as cp1252: ø è ì ù next to š ž ý), and CJK characters that are rare in the
  language the text is in (by the national standards' own frequency levels);
* the highest score wins; on a tie the encoding earlier in CANDIDATES wins, so Windows-1252,
  by far the commonest legacy encoding of English text (WHATWG decodes even ISO-8859-1
  labels as windows-1252), is the default.

The guess is *confident* when every candidate whose text differs from the winner's scores at
least MARGIN points lower, and the winner itself reads plausibly (no impossible character, not
far below zero). Otherwise Decoded.confident is False, Decoded.alternative names the runner-up,
and the page and build summary say the encoding is uncertain. Candidates that decode to the
same text as the winner (Latin-1 and cp1252 on a file without 0x80-0x9F bytes) agree with it.

When none of our candidates reads plausibly (POOR: another script, say Hebrew, Arabic, Thai),
charset-normalizer's guess is scored alongside them and must win by MARGIN points.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from charset_normalizer import from_bytes

from ..errors import SourceError

# A seed is an article, not a book: anything larger is a mistake or an attack.
# 20 MB is ~3 million words, far above any news article (issue 6: a 50 MB file is skipped).
MAX_BYTES = 20 * 1024 * 1024
# Share of control characters (other than tab/newline) above which a file is binary.
MAX_CONTROL_SHARE = 0.01

_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # what the page reports: "utf-8", "utf-8 (BOM)", "cp1252 (detected)",
    # "cp1252 (detected, uncertain: cp1250 reads about as well)"
    confident: bool = True  # False: another encoding reads about as well (the page says so)
    alternative: str | None = None  # when not confident: the runner-up encoding, e.g. "cp1250"


def read_text(path: Path) -> Decoded:
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise SourceError(path, f"file is {size / 1e6:.0f} MB, over the {MAX_BYTES // 10**6} MB limit for one article")
    return decode(path.read_bytes(), path)


def decode(data: bytes, path: Path) -> Decoded:
    if not data.strip():
        raise SourceError(path, "file is empty or only whitespace")
    guess = _guess(data)
    if guess is None:
        if b"\x00" in data[:8192]:
            raise SourceError(path, "file looks binary (NUL bytes), not an article")
        raise SourceError(path, "cannot tell the text encoding (save the file as UTF-8)")
    text, encoding, confident, alternative = guess
    if b"\x00" in data[:8192] and not encoding.startswith(("utf-16", "utf-32")):
        raise SourceError(path, "file looks binary (NUL bytes), not an article")
    text = normalise_newlines(text)
    controls = len(_CONTROLS.findall(text))
    if controls > MAX_CONTROL_SHARE * len(text):
        raise SourceError(path, "file looks binary (control characters), not an article")
    # Stray control characters carry no text, and \x02/\x03 are Python-Markdown's own
    # placeholder markers: drop them here so no later stage has to think about them.
    text = _CONTROLS.sub("", text)
    if not text.strip():
        raise SourceError(path, "file is empty or only whitespace")
    return Decoded(text=text, encoding=encoding, confident=confident, alternative=alternative)


def decode_bytes(data: bytes) -> tuple[str, str, bool]:
    """(text, encoding name, confident) for any bytes; raises ValueError when nothing fits."""
    guess = _guess(data)
    if guess is None:
        raise ValueError("cannot tell the text encoding")
    text, encoding, confident, _ = guess
    return text, encoding.split(" (")[0], confident


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# ---------------------------------------------------------------------------------------------
# Which encoding

_BOMS = [  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32 (BOM)"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32 (BOM)"),
    (codecs.BOM_UTF8, "utf-8", "utf-8 (BOM)"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16 (BOM)"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16 (BOM)"),
]

# Legacy encodings tried, in order of preference on a tie. A superset codec follows its base
# (cp932 after shift_jis, ...) and is used only for bytes the base cannot decode.
CANDIDATES = [
    "cp1252", "iso8859_15", "cp1250", "iso8859_2", "mac_roman", "cp1254",
    "cp1251", "koi8_r", "koi8_u", "cp866", "iso8859_7", "cp1253",
    "shift_jis", "cp932", "euc_jp", "gbk", "gb18030", "big5", "cp950", "euc_kr", "cp949",
]
_SUPERSET_OF = {"cp932": "shift_jis", "gb18030": "gbk", "cp950": "big5", "cp949": "euc_kr"}
_NAMES = {"iso8859_15": "iso-8859-15", "iso8859_2": "iso-8859-2", "iso8859_7": "iso-8859-7",
          "koi8_r": "koi8-r", "koi8_u": "koi8-u", "euc_jp": "euc-jp", "euc_kr": "euc-kr",
          "shift_jis": "shift_jis", "mac_roman": "mac-roman"}

MARGIN = 2  # points between the winner and the best candidate with different text
POOR = -0.1  # points per non-ASCII character below which no candidate of ours reads like text
MAX_SCORED = 5_000  # non-ASCII characters scored per candidate: evidence enough, and fast
QUICK_LOOK, DROP = 300, 40  # a first look at 300 characters drops candidates 40 points behind


@dataclass
class _Candidate:
    codec: str
    text: str
    score: float
    impossible: int  # characters no text has (C1 controls, unassigned, U+FFFD)
    chars: int  # non-ASCII characters scored


def _guess(data: bytes) -> tuple[str, str, bool, str | None] | None:
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec), name, True, None
            except UnicodeDecodeError:
                break  # a BOM followed by something else: let the scoring decide
    try:
        return data.decode("utf-8"), "utf-8", True, None
    except UnicodeDecodeError:
        pass
    cands = _ranked(data)
    if not cands:
        return None
    best = cands[0]
    rival = next((c for c in cands[1:] if c.text != best.text), None)
    confident = (not best.impossible and best.score >= -0.25 * best.chars - 2
                 and (rival is None or best.score - rival.score >= MARGIN))
    name = _NAMES.get(best.codec, best.codec.replace("_", "-"))
    alt = None if confident or rival is None else _NAMES.get(rival.codec, rival.codec.replace("_", "-"))
    if confident:
        return best.text, f"{name} (detected)", True, None
    said = f"{name} (detected, uncertain" + (f": {alt} reads about as well)" if alt else ")")
    return best.text, said, False, alt


def _ranked(data: bytes) -> list[_Candidate]:
    """The candidates that decode the bytes, best first."""
    cache: dict[str, Score] = {}
    cands = _candidates(data, CANDIDATES, cache)
    if not cands or cands[0].impossible or cands[0].score < POOR * cands[0].chars:
        # None of ours reads like text: charset-normalizer's guess joins them. It knows encodings
        # we do not list (Hebrew, Arabic, Thai, ...); our score decides, and an encoding from
        # outside our list must win by MARGIN points.
        extra = _detector_guess(data)
        if extra and extra not in CANDIDATES:
            cands = _candidates(data, CANDIDATES + [extra], cache)
    return cands


def _candidates(data: bytes, names: list[str], cache: dict[str, "Score"]) -> list[_Candidate]:
    decoded: dict[str, str] = {}
    for codec in names:
        if _SUPERSET_OF.get(codec) in decoded or codec in decoded:
            continue
        try:
            decoded[codec] = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
    # A first look at the first QUICK_LOOK non-ASCII characters drops the readings far behind
    # (random ideographs, box drawing); the rest are scored on up to MAX_SCORED characters.
    prior = {codec: 0 if codec in CANDIDATES else -MARGIN for codec in decoded}
    quick = {codec: score(text, limit=QUICK_LOOK).points + prior[codec] for codec, text in decoded.items()}
    top = max(quick.values(), default=0)
    out = []
    for rank, (codec, text) in enumerate(decoded.items()):
        if quick[codec] < top - DROP:
            out.append((float("inf"), rank, _Candidate(codec, text, float("-inf"), 0, 0)))
            continue
        if text not in cache:
            cache[text] = score(text)
        s = cache[text]
        points = s.points + prior[codec]
        out.append((-points, rank, _Candidate(codec, text, points, s.impossible, s.chars)))
    return [c for _, _, c in sorted(out, key=lambda t: (t[0], t[1]))]


def _detector_guess(data: bytes) -> str | None:
    matches = list(from_bytes(data))
    best = max(matches, key=lambda m: m.coherence - m.chaos, default=None)
    return best.encoding if best else None


# ---------------------------------------------------------------------------------------------
# How plausible a text is

# The non-ASCII letters each language writes (lower case): its common letters | its rare ones |
# the ones it meets only in loanwords and names. Letters from no single alphabet (Czech read as
# cp1252: ø è ì ù beside š ž ý) mean the code page is wrong.
ALPHABETS = {
    "fr": "àâçéèêîôùû|ëïüœ|æÿñäö", "de": "äöüß||éèàáçñ", "es": "áéíñóú|ü|ç", "pt": "áâãàçéêíóôõú|ü|",
    "it": "àèéìòù|íîóú|", "nl": "éëï|èöüáó|", "ca": "àèéíòóúç|ïü|", "da": "æøå|éó|", "sv": "åäö|é|ü",
    "fi": "äö|åšž|", "is": "áðéíóúýþæö||", "et": "õäöü|šž|", "pl": "ąćęłńóśż|ź|", "cs": "áčéěířšůúýž|ďňťó|",
    "sk": "áčéíľšťúýžô|äďĺňóŕ|", "hu": "áéíóöőúüű||", "hr": "čćšž|đ|", "sl": "čšž||ćđ", "ro": "ăâîşţșț||",
    "tr": "çğıöşü|âî|", "lt": "ąčęėįšųūž||", "lv": "āčēģīķļņšūž||",
}
_ALPHA_TIERS = [tuple(frozenset(t) for t in v.split("|")) for v in ALPHABETS.values()]

_OPEN_QUOTES, _CLOSE_QUOTES = "“„", "”"
_DASHES = "–—‒―‐"
_CURRENCY = "£€¥¢"
# Marks that do stand between two letters: apostrophes (and the ´ and ¿ that broken
# pipelines put in their place), hyphens and dashes, the Catalan middle dot, a soft hyphen.
_INSIDE_WORD_OK = "’'´¿–—‐\u00ad"
# ... right after a word (players’, “quoted”, m², 5°, nº, ™) and right before one (“, ¿, £, µm, ©Name)
_AFTER_WORD_OK = "’'´”»›…)]},.;:!?²³¹°%‰′″–—‐\u00ad™®©ºª"
_BEFORE_WORD_OK = "“‘„«‹¿¡([{£€$¥#@•–—‐©®´’µ"
# symbols real prose does not have: they come from reading bytes with the wrong table
# (arrows, math, box drawing, shapes, bopomofo, vertical and small forms of CJK punctuation)
_ODD_BLOCKS = ((0x2190, 0x22FF), (0x2300, 0x23FF), (0x2500, 0x25FF), (0x3100, 0x312F), (0xF8FF, 0xF8FF),
               (0xFE10, 0xFE1F), (0xFE30, 0xFE6F))
_ODD = set("¤¦¬¶ƒ‡")
_CONTRACTION = re.compile(r"(?:s|t|d|m|ll|re|ve)(?![^\W\d_])", re.IGNORECASE)  # English ’s ’t ’ll ...
_ONE_LETTER_WORDS = "àèéáíőÀÈÉÁÍŐ"  # French/Italian/Portuguese/Icelandic/Hungarian words
_TONOS = frozenset("άέήίόύώΆΈΉΊΌΎΏ")
_VOWELS = frozenset("аеёиоуыэюяіїєαεηιουωάέήίόύώϊϋΐΰ")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ASCII_LETTERS = bytes(range(65, 91)) + bytes(range(97, 123))
_CASED = ("LATIN", "CYRILLIC", "GREEK")
_CJK = ("HAN", "HIRAGANA", "KATAKANA", "HANGUL")


@lru_cache(maxsize=65536)
def _kind(ch: str) -> tuple[str, str]:
    """(class, script): class is upper/lower/letter/mark/digit/space/punct/symbol/odd/bad."""
    cat = unicodedata.category(ch)
    if cat in ("Cc", "Cs", "Co", "Cn") or ch == "\ufffd":
        return "bad", ""
    cp = ord(ch)
    if ch in _ODD or (cat == "Sk" and ch != "´") or 0x02B0 <= cp <= 0x02FF:
        return "odd", ""  # lone accents (¨ ˆ ˇ ΅), ¤ ¦ ¬ ...: what bytes read with the wrong table give
    if 0xFF61 <= cp <= 0xFF9F:
        return "odd", "KATAKANA"  # half-width katakana: what stray single Shift-JIS bytes make
    if cat[0] == "L":
        if ch in "ªºµ":
            return "symbol", ""  # ordinal indicators and the micro sign: letters in name only
        name = unicodedata.name(ch, "")
        script = name.split(" ")[0]
        if 0x3400 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF or cp >= 0x20000:
            script = "HAN"
        if 0x3130 <= cp <= 0x318F:
            return "odd", "HANGUL"  # a lone jamo: Korean text writes whole syllables
        if cat in ("Lu", "Lt"):
            return "upper", script
        return ("lower" if cat == "Ll" else "letter"), script
    if cat[0] == "M":
        return "mark", ""
    if cat == "Nd":
        return "digit", ""
    if cat[0] == "Z" or cat == "Cf":
        return "space", ""
    if any(lo <= cp <= hi for lo, hi in _ODD_BLOCKS):
        return "odd", ""
    return ("punct" if cat[0] == "P" else "symbol"), ""  # symbol: S*, No (¹ ½ ...)


@lru_cache(maxsize=65536)
def _in_word(ch: str) -> bool:
    """A letter of a script that spaces its words (the word rules do not apply to CJK)."""
    return ch.isalpha() and (ch < "\u3000" or ch > "\ud7ff")


def _run(text: str, i: int, step: int) -> int:
    """How many letters stand next to position i in direction step (at most 3 counted)."""
    k = 0
    j = i + step
    while 0 <= j < len(text) and k < 3 and _in_word(text[j]):
        k += 1
        j += step
    return k


@dataclass
class Score:
    points: float = 0.0
    impossible: int = 0  # characters no text has
    chars: int = 0  # non-ASCII characters scored


def score(text: str, explain: list | None = None, limit: int = MAX_SCORED) -> Score:
    """Points for the non-ASCII characters of `text`: + where they fit, - where no text has them."""
    sc = Score()
    # score the text up to its limit-th non-ASCII character
    cut = None
    for k, m in enumerate(_NON_ASCII.finditer(text)):
        if k == limit:
            cut = m.start()
            break
    if cut is not None:
        text = text[:cut]
    n = len(text)

    def add(delta: float, why: str, i: int) -> None:
        sc.points += delta
        if explain is not None and delta:
            explain.append((delta, why, text[max(0, i - 8):i + 8]))

    guillemets = "«" in text and "»" in text
    lone: list[tuple[int, str]] = []  # one-letter words
    upper = lower = 0
    vowels = [0, 0]  # Cyrillic and Greek: vowels, letters
    tonos = [0, 0]  # Greek: accented letters, letters
    ascii_part = text.encode("ascii", "ignore")
    ascii_letters = len(ascii_part) - len(ascii_part.translate(None, _ASCII_LETTERS))
    scripts = {"LATIN": ascii_letters, "CYRILLIC": 0, "GREEK": 0}
    latin: dict[str, int] = {}
    han_pos: list[int] = []
    kana = hangul = 0
    for m in _NON_ASCII.finditer(text):
        i = m.start()
        ch = text[i]
        sc.chars += 1
        cls, script = _kind(ch)
        left = text[i - 1] if i > 0 else "\n"
        right = text[i + 1] if i + 1 < n else "\n"
        lw, rw = _in_word(left), _in_word(right)
        if cls == "bad":
            sc.impossible += 1
            add(-10, "control/unassigned", i)
        elif cls == "odd":
            add(-5 if lw and rw else -2, "odd symbol", i)
        elif cls in ("upper", "lower", "letter"):
            if script in _CASED:
                if cls == "upper" and lw and left.islower():
                    add(-3, "upper after lower", i)  # donÕt, бЯ
                if cls == "lower" and rw and right.isupper():
                    add(-3, "lower before upper", i)  # ìHello, бЯ
                if script != "LATIN":  # Cyrillic, Greek: every letter is non-ASCII, so count them
                    vowels[0] += ch.lower() in _VOWELS
                    vowels[1] += 1
                    upper += cls == "upper"
                    lower += cls == "lower"
                    if script == "GREEK":
                        tonos[0] += ch in _TONOS
                        tonos[1] += 1
                    if ch == "ς" and rw:
                        add(-3, "final sigma inside word", i)  # Russian т read as Greek
                    if (lw and left < "\x80") or (rw and right < "\x80"):
                        add(-3, "script mix", i)  # cafй: a Cyrillic/Greek letter inside a Latin word
                if not lw and not rw:
                    if left.isdigit() or right.isdigit():
                        add(-2, "lone letter at number", i)  # Ł200, 1990ñ2000
                    else:
                        lone.append((i, script))
                elif cls == "upper" and rw and right.isupper() and i + 2 < n and text[i + 2].islower():
                    add(-2, "two capitals, then lower case", i)  # ŠPhilippe, ÒHello
                elif (cls == "upper" and lw and left.isupper() and rw and right.islower()
                      and not (i >= 2 and _in_word(text[i - 2]))):
                    add(-2, "two capitals, then lower case", i)  # CÙte
                scripts[script] = scripts.get(script, 0) + 1
                if script == "LATIN":
                    low = ch.lower()
                    latin[low] = latin.get(low, 0) + 1
            elif script in _CJK:
                if script == "HAN":
                    han_pos.append(i)
                elif script == "HANGUL":
                    hangul += 1
                    if not _in_ksx1001(ch):
                        add(-2, "rare hangul", i)
                else:
                    kana += 1
                if (_kind(left)[1] not in _CJK and _kind(right)[1] not in _CJK
                        and ((lw and left < "\x80") or (rw and right < "\x80"))):
                    add(-3, "lone CJK in Latin word", i)  # Trump抯
        elif cls in ("punct", "symbol"):
            if ch == "’":
                if _CONTRACTION.match(text, i + 1) and lw:
                    add(2, "contraction", i)  # don’t, Egypt’s, we’ve
                else:
                    add(1 if (lw or left.isdigit()) and not (rw and right.isupper()) else 0, "apostrophe", i)
            elif ch == "‘":
                add(1 if not lw and (rw or right.isdigit()) else 0, "open single quote", i)
            elif ch in _OPEN_QUOTES:
                add(1 if not lw else -3, "open quote", i)
            elif ch in _CLOSE_QUOTES:
                add(1 if not rw else -3, "close quote", i)
            elif ch in "«»":
                add(-5 if lw and rw else 1 if guillemets else 0, "guillemet", i)
            elif ch in _DASHES:
                if lw and rw and min(_run(text, i, -1), _run(text, i, 1)) < 2:
                    add(-2, "dash leaving a one-letter piece", i)  # generaci—n: mac_roman ó read as cp1252
                else:
                    add(1, "dash", i)  # Paris — , 1990–2000, plan—which
            elif ch == "…":
                add(1 if not rw else 0, "ellipsis", i)
            elif ch in _CURRENCY:
                near = text[max(0, i - 2):i + 3]
                add(-5 if lw and rw else 1 if any(c.isdigit() for c in near) else -1, "currency", i)
            elif ch == "°":
                add(1 if left.isdigit() else -5 if lw and rw else -1, "degree", i)
            elif ch in "©®" and not lw:
                add(1, "copyright", i)  # © 2018, ©Reuters
            elif ch in "•·" and left in " \n" and right in " \u00a0":
                add(1, "bullet", i)  # Reddit · Link
            elif ch == "·" and lw and rw:
                add(0 if left in "lL" and right in "lL" else -5, "middle dot inside word", i)  # Catalan l·l only
            elif ch in "´¿" and lw and rw:
                pass  # Tamimi´s, Iceland¿s: an apostrophe lost in some pipeline
            elif ch == "´":
                add(-2, "odd symbol", i)
            elif lw and rw and ch not in _INSIDE_WORD_OK:
                add(-5, "symbol inside word", i)  # c½ur, mo¿e, wordÑword
            else:
                if lw and ch not in _AFTER_WORD_OK:
                    add(-2, "symbol glued after a word", i)  # Spa§
                if rw and ch not in _BEFORE_WORD_OK:
                    add(-2, "symbol glued before a word", i)  # ½uvre
                if ch in "¹²³" and lw and i >= 3 and text[i - 3].isalpha():
                    add(-2, "superscript after a word", i)  # istnia³ (m², km³ are fine)
                if ch in "¿¡" and not lw and rw:
                    add(1, "inverted mark", i)
        # spaces, digits, marks: neutral

    # Words need vowels: about 42% of Russian, Ukrainian, Bulgarian letters and 52% of Greek ones
    # are; Hebrew or Arabic bytes read as Cyrillic give about 20%
    if vowels[1] >= 20 and vowels[0] < 0.36 * vowels[1]:
        add(-3 * (0.36 * vowels[1] - vowels[0]), "too few vowels", 0)

    # Greek puts an accent on nearly every word (11% of letters); Hebrew read as Greek has none
    if tonos[1] >= 30 and tonos[0] < 0.03 * tonos[1]:
        add(-3 * (0.03 * tonos[1] - tonos[0]), "Greek without accents", 0)

    # Cyrillic and Greek text is mostly lower case (KOI8-R read as cp1251 swaps the cases)
    if upper > lower:
        add(-0.5 * (upper - lower), "more capitals than small letters", 0)

    # A one-letter word: in the text's main script only the common ones (à, é, è, ...)
    main_script = max(scripts, key=scripts.get)
    for i, script in lone:
        if script != main_script:
            add(-2, "lone letter of another script", i)  # Skip Ad Ч The
        elif script == "LATIN" and not (text[i] in _ONE_LETTER_WORDS and (
                text[i].islower() or text[:i].rstrip()[-1:] in ("", ".", "!", "?", "\n", "\r"))):
            add(-1, "unusual one-letter word", i)  # BERLIN ó A, Esta È uma

    # One alphabet: accented Latin letters should be one language's (-0.5 for a rare letter of that
    # language, -1 for a loanword letter, -2 for one it does not have), whichever fits best
    if latin:
        best = max(sum(c * (0 if ch in common else -0.5 if ch in rare else -1 if ch in loan else -2)
                       for ch, c in latin.items()) for common, rare, loan in _ALPHA_TIERS)
        add(best, "letters of no one alphabet", 0)

    # CJK: ideographs rare in the language the text is in, and spaces between ideographs
    if han_pos:
        han = len(han_pos)
        lang = "ja" if kana * 20 >= han else "ko" if hangul * 20 >= han else "zh"
        for i in han_pos:
            add(-_han_rarity(text[i], lang), f"rare ideograph ({lang})", i)
            if i + 2 < n and text[i + 1] == " " and _kind(text[i + 2])[1] == "HAN":
                add(-1, "space between ideographs", i)  # Chinese and Japanese do not space words
    return sc


@lru_cache(maxsize=65536)
def _in_ksx1001(ch: str) -> bool:
    """One of the 2,350 syllables of KS X 1001 (Python's euc_kr spells the rest in 8 bytes)."""
    try:
        return len(ch.encode("euc_kr")) == 2
    except UnicodeEncodeError:
        return False


@lru_cache(maxsize=65536)
def _han_rarity(ch: str, lang: str) -> int:
    """0 for an ideograph in the most-used level of the language's national standard, 1 for the
    second level, 2 for one outside it (GBK/CJK extensions: where random bytes land)."""
    def lead(codec: str) -> int | None:
        try:
            b = ch.encode(codec)
        except UnicodeEncodeError:
            return None
        return b[0] if len(b) == 2 else None
    if lang == "ja":
        b = lead("euc_jp")
        return 2 if b is None else 0 if 0xB0 <= b <= 0xCF else 1
    if lang == "ko":
        return 1 if lead("euc_kr") is not None else 2
    gb, big5 = lead("gb2312"), lead("big5")
    if (gb is not None and 0xB0 <= gb <= 0xD7) or (big5 is not None and 0xA4 <= big5 <= 0xC6):
        return 0
    return 1 if (gb is not None or big5 is not None) else 2
