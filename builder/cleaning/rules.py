"""The cleaning rules. Each is `(blocks, raw) -> Step`; see `RULES` for their order."""

from __future__ import annotations

from ..blocks import text_key
from ..model import Block, RawDocument, Removal, Sourced
from . import patterns as pat
from .step import Found, Step

_PREAMBLE_WINDOW = 6  # metadata lines only ever come in the first few blocks
_TRAILER_WINDOW = 8   # credits and sign-offs only in the last few
_DATE_KEYS = {"date", "published", "posted", "updated", "last updated", "filed"}


def _words(text: str) -> int:
    return len(text.split())


def _headline_like(text: str, max_words: int = pat.HEADLINE_MAX_WORDS) -> bool:
    """Short, capitalised, and not ending a sentence. Headlines may ask, exclaim or end
    in a quotation ("Economy 'stronger than forecast'", BBC business/057)."""
    bare = text.rstrip("\"'”’)]» ")
    return (
        0 < _words(text) <= max_words
        and len(text) <= 200
        and not bare.endswith((".", ":", ";", ",", "…"))
        and (text[:1].isupper() or text[:1].isdigit() or text[:1] in "\"'“‘")
    )


def _drop(block: Block, rule: str, reason: str) -> Removal:
    return Removal(text=block.text, rule=rule, reason=reason, line=block.line)


def preamble(blocks: tuple[Block, ...], raw: RawDocument, found: Found) -> Step:
    """Metadata lines before the text: ` date 2025-03-28` (seed 003), `By Jane Doe`.
    One headline may stand among them ("Headline / By Jane Doe / text"); it stays."""
    learnt: dict[str, Sourced[object]] = {}
    removed: list[Removal] = []
    kept: list[Block] = []
    index = 0
    while index < min(len(blocks), _PREAMBLE_WINDOW):
        block = blocks[index]
        text = block.text.strip()
        byline = pat.BYLINE.match(text)
        match = pat.PREAMBLE.match(text) if _words(text) <= 12 else None
        if match and not match["sep"] and not (match["key"].lower() in _DATE_KEYS and any(c.isdigit() for c in match["value"])):
            match = None
        where = f"preamble line {block.line}"
        if byline:
            learnt.setdefault("author", Sourced(byline["name"], where))
            removed.append(_drop(block, "preamble", "byline: the author, moved to the metadata"))
        elif match and match["key"].lower() != "by":
            key = match["key"].lower()
            field = {"published": "date", "posted": "date", "updated": "date", "last updated": "date",
                     "filed": "date", "author": "author", "source": "outlet"}.get(key, key)
            learnt.setdefault(field, Sourced(match["value"].strip(), where))
            removed.append(_drop(block, "preamble", f"a '{key}' line before the text: metadata, not body"))
        elif not kept and _headline_like(text):
            kept.append(block)
        else:
            break
        index += 1
    return Step((*kept, *blocks[index:]), tuple(removed), learnt)


def title(blocks: tuple[Block, ...], raw: RawDocument, found: Found) -> Step:
    """The first line is the headline when it looks like one (plain text), or repeats
    the title the format already gave (front matter, HTML)."""
    if len(blocks) < 2:
        return Step(blocks)
    first = blocks[0]
    known = raw.fields.get("title")
    if known is not None and text_key(first.text) == text_key(str(known.value)):
        return Step(blocks[1:], (_drop(first, "title", "repeats the title"),))
    if known is None and _headline_like(first.text):
        return Step(
            blocks[1:],
            (_drop(first, "title", "headline: used as the title"),),
            {"title": Sourced(first.text, f"first line (line {first.line})")},
        )
    return Step(blocks)


def duplicates(blocks: tuple[Block, ...], raw: RawDocument, found: Found) -> Step:
    """A block repeated within an article appears once (seed 002 is pasted twice)."""
    seen: dict[str, int] = {}
    known = raw.fields.get("title") or found.get("title")
    title_key = text_key(str(known.value)) if known else None
    kept: list[Block] = []
    removed: list[Removal] = []
    for block in blocks:
        key = text_key(block.text)
        if key and key == title_key:
            removed.append(_drop(block, "duplicate", "repeats the title"))
        elif key and key in seen:
            removed.append(_drop(block, "duplicate", f"repeats the block at line {seen[key]}"))
        else:
            if key:
                seen[key] = block.line
            kept.append(block)
    return Step(tuple(kept), tuple(removed))


def link_lists(blocks: tuple[Block, ...], raw: RawDocument, found: Found) -> Step:
    """Lists of other stories: a "You may also like" heading and the headline-like
    lines after it (seed 002), or a run of three or more headline-like lines that ends
    the article with no text after them."""
    kept: list[Block] = []
    removed: list[Removal] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if pat.LINK_LIST_HEADING.match(block.text.strip()):
            removed.append(_drop(block, "link-list", "introduces a list of other stories"))
            index += 1
            while index < len(blocks) and _headline_like(blocks[index].text, 30):
                removed.append(_drop(blocks[index], "link-list", f"listed under “{block.text.strip()}”"))
                index += 1
            continue
        kept.append(block)
        index += 1
    run = 0
    while run < len(kept) and kept[-1 - run].kind == "paragraph" and _headline_like(kept[-1 - run].text, 30):
        run += 1
    body, tail = kept[: len(kept) - run], kept[len(kept) - run:]
    if run >= 3 and body:
        # Without a heading, only a list of *unrelated* headlines goes: an FA Cup draw
        # ending a sport report (BBC sport/192) is a list too, but of what the text is about.
        vocabulary = {w for b in body for w in _content_words(b.text)}
        # Headlines read as phrases ("Local bakery wins national award"); rows of
        # names or fixtures (BBC sport/476's seedings: "4 Maria Sharapova (Russia)") do not.
        unrelated = [b for b in tail if _overlap(b.text, vocabulary) < 0.5 and _phrase_like(b.text)]
        if len(unrelated) * 2 > len(tail):
            removed.extend(_drop(b, "link-list", "trailing list of unrelated headlines") for b in tail)
            kept = body
    return Step(tuple(kept), tuple(removed))


def _phrase_like(text: str) -> bool:
    return sum(1 for w in text.split() if w.isalpha() and w.islower() and len(w) >= 3) >= 2


def _content_words(text: str) -> set[str]:
    return {w for w in text_key(text).split() if len(w) > 3}


def _overlap(text: str, vocabulary: set[str]) -> float:
    words = _content_words(text)
    return sum(w in vocabulary for w in words) / len(words) if words else 0.0


def promo_lines(blocks: tuple[Block, ...], raw: RawDocument, found: Found) -> Step:
    """Promo and navigation lines: "Read more: ...", "Subscribe ...", "Follow us ...",
    photo credits. Only short lines, or lines where the phrase ends in a colon."""
    kept: list[Block] = []
    removed: list[Removal] = []
    for block in blocks:
        text = block.text.strip().lstrip("»>›•*-–— ").strip()
        strong = pat.STRONG_PROMO.match(text)
        if strong:
            removed.append(_drop(block, "promo", f"promotional or navigation block (“{strong.group(0)}”)"))
            continue
        match = pat.PROMO.match(text)
        if match:
            rest = text[match.end():]
            colon = rest[:2].lstrip().startswith((":", "|", "»", ">", "›"))
            short = _words(text) <= pat.PROMO_MAX_WORDS and not rest.strip().endswith(".")
            if colon or short or not rest.strip():
                removed.append(_drop(block, "promo", f"promotional or navigation line (“{match.group(0)}”)"))
                continue
        kept.append(block)
    return Step(tuple(kept), tuple(removed))


def captions(blocks: tuple[Block, ...], raw: RawDocument, found: Found) -> Step:
    """Photo captions pasted with the text: "FILE - In this ... file photo, ...",
    "... (AP Photo/Jae C. Hong)", "... Dado Ruvic/Reuters" (news-clusters)."""
    kept = tuple(b for b in blocks if not (_words(b.text) <= 80 and pat.CAPTION.search(b.text.strip())))
    removed = tuple(_drop(b, "caption", "photo caption or picture credit") for b in blocks
                    if _words(b.text) <= 80 and pat.CAPTION.search(b.text.strip()))
    return Step(kept, removed)


def trailer(blocks: tuple[Block, ...], raw: RawDocument, found: Found) -> Step:
    """Credits, sign-offs and copyright lines at the end: `ABC/wires` (seed 000),
    `Associated Press writer ... contributed to this report.` (seed 003)."""
    kept = list(blocks)
    removed: list[Removal] = []
    learnt: dict[str, Sourced[object]] = {}
    checked = 0
    while kept and checked < _TRAILER_WINDOW and len(kept) > 1:
        block = kept[-1]
        text = block.text.strip()
        credit = pat.CREDIT.match(text) if _words(text) <= 40 else None
        sign_off = pat.SIGN_OFF.match(text) if _words(text) <= 6 else None
        if credit:
            agency = _agency(credit.group("agency"))
            if agency:
                learnt.setdefault("outlet", Sourced(agency, f"credit line (line {block.line})"))
            removed.append(_drop(block, "credit", "credit line: who contributed, not body text"))
        elif sign_off and (agency := _agency(sign_off.group("first") or sign_off.group("dash"))):
            learnt.setdefault("outlet", Sourced(agency, f"sign-off “{text}” (line {block.line})"))
            removed.append(_drop(block, "sign-off", "sign-off naming the outlet, moved to the metadata"))
        elif sign_off and "/" in text and _words(text) <= 3:
            first = (sign_off.group("first") or "").strip()
            learnt.setdefault("outlet", Sourced(first, f"sign-off “{text}” (line {block.line})"))
            removed.append(_drop(block, "sign-off", "sign-off naming the outlet, moved to the metadata"))
        elif pat.COPYRIGHT.match(text) and _words(text) <= 25:
            removed.append(_drop(block, "sign-off", "copyright notice"))
        elif pat.SEPARATOR.match(text):
            removed.append(_drop(block, "separator", "separator line before the credits"))
        else:
            break
        kept.pop()
        checked += 1
    return Step(tuple(kept), tuple(reversed(removed)), learnt)


def _agency(name: str | None) -> str | None:
    if not name:
        return None
    return pat.AGENCIES.get(" ".join(name.strip(" .()").split()).lower())


def separators(blocks: tuple[Block, ...], raw: RawDocument, found: Found) -> Step:
    kept = tuple(b for b in blocks if not pat.SEPARATOR.match(b.text.strip()))
    removed = tuple(_drop(b, "separator", "separator line") for b in blocks if pat.SEPARATOR.match(b.text.strip()))
    return Step(kept, removed)


def no_words(blocks: tuple[Block, ...], raw: RawDocument, found: Found) -> Step:
    kept = tuple(b for b in blocks if any(c.isalnum() for c in b.text))
    removed = tuple(_drop(b, "no-words", "no words in it") for b in blocks if not any(c.isalnum() for c in b.text))
    return Step(kept, removed)


def dateline(blocks: tuple[Block, ...], raw: RawDocument, found: Found) -> Step:
    """`WASHINGTON, D.C. — The president...` (seed 001): the place is metadata."""
    first_index = next((i for i, b in enumerate(blocks) if b.kind == "paragraph"), None)
    if first_index is None:
        return Step(blocks)
    block = blocks[first_index]
    match = pat.DATELINE.match(block.text)
    if not match:
        return Step(blocks)
    place = (match.group("place") or match.group("place2") or "").strip(" ,")
    agency_name = match.group("agency") or match.group("agency2")
    rest = block.text[match.end():]
    if _words(rest) < 3 or _words(place) > 6:
        return Step(blocks)
    learnt: dict[str, Sourced[object]] = {"dateline": Sourced(place, f"dateline (line {block.line})")}
    agency = _agency(agency_name)
    if agency:
        learnt["outlet"] = Sourced(agency, f"dateline “{match.group(0).strip()}” (line {block.line})")
    new = Block(rest, block.line, block.kind)
    removal = Removal(match.group(0).strip(), "dateline", "dateline: the place, moved to the metadata", block.line)
    return Step(blocks[:first_index] + (new,) + blocks[first_index + 1:], (removal,), learnt)


def subheadings(blocks: tuple[Block, ...], raw: RawDocument, found: Found) -> Step:
    """Short stand-alone lines without final punctuation, followed by text, are
    section headings (seed 001)."""
    out = list(blocks)
    for i, block in enumerate(blocks[:-1]):
        following = blocks[i + 1]
        if (
            block.kind == "paragraph"
            and i > 0
            and _headline_like(block.text, pat.SUBHEADING_MAX_WORDS)
            and following.kind == "paragraph"
            and _words(following.text) > pat.SUBHEADING_MAX_WORDS
        ):
            out[i] = Block(block.text, block.line, "heading")
    return Step(tuple(out))
