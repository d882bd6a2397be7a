"""The cleaning rules. Each is `(blocks, raw) -> Step`; see `RULES` for their order."""

from __future__ import annotations

import re
from collections import Counter

from ...model import Block, RawDocument, Removal, Sourced
from ..blocks import text_key
from ..sentences import split
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


def _prose(block: Block) -> bool:
    """Paragraphs and headings; tables and code are the article's as they stand, and no
    rule made for pasted prose applies to them."""
    return block.kind in ("paragraph", "heading")


def _drop(block: Block, rule: str, reason: str) -> Removal:
    return Removal(text=block.text, rule=rule, reason=reason, line=block.line)


def preamble(blocks: tuple[Block, ...], raw: RawDocument, found: Found) -> Step:
    """Metadata lines before the text: ` date 2025-03-28` (seed 003), `By Jane Doe`,
    a date line ("Tuesday, July 2, 2013", "3 July 2013 Last updated at 13:38 GMT").
    One headline may stand among them ("Headline / By Jane Doe / text"); it stays.
    A date key may share its line with the first sentence (seed 003: ` date 2025-03-28
    The U.S. president, in his post, said...`) or follow the headline on its line
    ("... sparks outrage Updated: 2016-05-30 09:53 (Agencies)", news clusters): the
    date goes to the metadata and the rest of the line stays."""
    learnt: dict[str, Sourced[object]] = {}
    removed: list[Removal] = []
    kept: list[Block] = []
    index = 0
    while index < min(len(blocks), _PREAMBLE_WINDOW):
        block = blocks[index]
        if not _prose(block):
            break
        text = block.text.strip()
        where = f"preamble line {block.line}"
        byline = pat.BYLINE.match(text)
        match = pat.PREAMBLE.match(text) if _words(text) <= 12 else None
        if match and not match["sep"] and not (match["key"].lower() in _DATE_KEYS and any(c.isdigit() for c in match["value"])):
            match = None
        inline = pat.INLINE_DATE.search(text) if not (byline or match) else None
        date_only = date_line(text) or (keyed_date(text) if inline is None else None)
        dashed = pat.TITLE_DASH_DATE.match(text) if not (byline or match or date_only or inline) else None
        if kept and text_key(text) == text_key(kept[0].text):
            kept.append(block)  # the headline again (news clusters): the title and duplicate rules see to it
        elif byline:
            learnt.setdefault("author", Sourced(byline["name"], where))
            removed.append(_drop(block, "preamble", "byline: the author, moved to the metadata"))
        elif date_only:
            learnt.setdefault("date", Sourced(date_only, f"date line (line {block.line})"))
            removed.append(_drop(block, "preamble", "date line: the publication date, moved to the metadata"))
        elif match and match["key"].lower() != "by":
            key = match["key"].lower()
            field = {"published": "date", "posted": "date", "updated": "date", "last updated": "date",
                     "filed": "date", "author": "author", "source": "outlet"}.get(key, key)
            learnt.setdefault(field, Sourced(match["value"].strip(), where))
            removed.append(_drop(block, "preamble", f"a '{key}' line before the text: metadata, not body"))
        elif inline and (parts := _inline_date(block, inline, bool(kept), kept[0].text if kept else None)):
            date, rest, headline, part = parts
            learnt.setdefault("date", Sourced(date, f"{inline['key'].strip()} before the text (line {block.line})"))
            removed.append(Removal(part, "preamble", "a date on the line before the text: metadata, not body",
                                   block.line))
            if headline is not None:
                kept.append(headline)
            if rest is not None:
                return Step((*kept, rest, *blocks[index + 1:]), tuple(removed), learnt)
        elif dashed and not kept and _headline_like(dashed["head"]):
            # "News With Ed -- October 2, 2017" (news clusters): a title, then the date
            learnt.setdefault("date", Sourced(dashed["date"], f"date after the title (line {block.line})"))
            removed.append(Removal(text[dashed.end("head"):].strip(), "preamble",
                                   "a date after the title: metadata, not body", block.line))
            kept.append(Block(dashed["head"], block.line, block.kind))
        elif not kept and _headline_like(text):
            kept.append(block)
        else:
            break
        index += 1
    return Step((*kept, *blocks[index:]), tuple(removed), learnt)


def date_line(text: str) -> str | None:
    """The date of a line that says only when the article appeared ("Tuesday, July 2,
    2013", "POSTED: 1052 GMT (1852 HKT), April 10, 2007"), else None."""
    if _words(text) > pat.DATE_LINE_MAX_WORDS:
        return None
    m = pat.DATE.search(text)
    if m is None or not pat.DATE_LINE_FILLER.match(text[: m.start()] + " " + text[m.end():]):
        return None
    return m.group(0)


def keyed_date(text: str) -> str | None:
    """The date of a short line that says it was published or updated, whatever else it
    holds ("60 Published By - Google News - Entertainment - 2017.12.30. 18:26", news
    clusters), else None."""
    if _words(text) > pat.DATE_LINE_MAX_WORDS or not pat.DATE_KEY.search(text):
        return None
    m = pat.DATE.search(text)
    return m.group(0) if m else None


def _inline_date(block: Block, m: re.Match[str], after_headline: bool, kept_head: str | None = None
                 ) -> tuple[str, Block | None, Block | None, str] | None:
    """A date key and date inside a line: (the date, the text after it as the first
    paragraph, the text before it as the headline, the part removed). None when the
    line is not of that shape."""
    text = block.text.strip()
    head = text[: m.start()].strip(" |•·-–—")
    tail = text[m.end():].strip()
    removed = text[m.start(): m.end()]
    if tail[:3].casefold() == "by " and _words(tail) <= 6:
        removed, tail = f"{removed} {tail}", ""  # "Updated: 2016-07-15 13:14 By Agencies(China Daily USA)"
    rest = Block(tail, block.line, block.kind) if tail else None
    if rest is not None and not (tail[:1].isupper() or tail[:1] in "\"'“‘") or (rest and _words(tail) < 3):
        return None
    if head:
        if rest is None and _agency(head):
            return (m["date"], None, None, text)  # "Xinhua | Updated: ...": the outlet's name, not a headline
        if after_headline and rest is None and kept_head is not None and text_key(head) == text_key(kept_head):
            return (m["date"], None, None, text)  # the headline repeated with its date (news clusters)
        if after_headline or rest is not None or not _headline_like(head):
            return None
        return (m["date"], None, Block(head, block.line, block.kind), removed)
    return (m["date"], rest, None, removed)


def title(blocks: tuple[Block, ...], raw: RawDocument, found: Found) -> Step:
    """The first line is the headline when it looks like one (plain text), or repeats
    the title the format already gave (front matter, HTML)."""
    if not blocks or not _prose(blocks[0]):
        return Step(blocks)
    first = blocks[0]
    known = raw.fields.get("title")
    if len(blocks) == 1:
        # A headline and nothing after it (news clusters: a page saved before its text
        # loaded) is no article; a one-line file that reads as text is one.
        if known is None and _headline_like(first.text):
            return Step((), (_drop(first, "title", "headline, and no text after it"),),
                        {"title": Sourced(first.text, f"first line (line {first.line})")})
        return Step(blocks)
    if known is not None and text_key(first.text) == text_key(str(known.value)):
        return Step(blocks[1:], (_drop(first, "title", "repeats the title"),))
    if known is None and _headline_like(first.text):
        return Step(
            blocks[1:],
            (_drop(first, "title", "headline: used as the title"),),
            {"title": Sourced(first.text, f"first line (line {first.line})")},
        )
    if known is None and (split := _headline_and_standfirst(blocks)) is not None:
        headline, standfirst = split
        learnt: dict[str, Sourced[object]] = {"title": Sourced(headline, f"first line (line {first.line}), before the dateline")}
        if standfirst:
            learnt["description"] = Sourced(standfirst, f"standfirst (line {first.line}), after the headline")
        return Step(blocks[1:], (_drop(first, "title", "headline and standfirst before the dateline: used as "
                                                         "the title and the description"),), learnt)
    return Step(blocks)


def _headline_and_standfirst(blocks: tuple[Block, ...]) -> tuple[str, str] | None:
    """A first block that stands before the paragraph with the dateline is no part of
    the story's text: a datelined paragraph opens the story. Its first sentence is the
    headline and the rest the standfirst (seed 001: "U.S. President Trump says he
    expects a “great relationship” with ... despite campaign tensions. Key issues ahead
    include trade, ..." before "WASHINGTON, D.C. — Just days after...")."""

    first, second = blocks[0], blocks[1]
    if first.kind != "paragraph" or second.kind != "paragraph" or _words(first.text) > pat.STANDFIRST_MAX_WORDS:
        return None
    if not pat.DATELINE.match(second.text) or pat.DATELINE.match(first.text):
        return None
    spans = split(first.text)
    if not spans:
        return None
    start, end = spans[0]
    headline = first.text[start:end]
    if _words(headline) > pat.HEADLINE_MAX_WORDS:
        return None
    return headline, first.text[end:].strip()


def duplicates(blocks: tuple[Block, ...], raw: RawDocument, found: Found) -> Step:
    """What a double paste repeats appears once (seed 002 is pasted twice): a long
    paragraph seen before, or a run of blocks that repeats an earlier run in order.
    Short lines and code that come back are the text's own: a tutorial's "Output"
    headings and its repeated `npm install`, the "Links: GitHub | MarketPlace" under
    each theme of a list (../data/posts/blog-backup). So is anything that comes three
    times or more: a paste comes twice, a formula more often (a meal plan's "Pre-Workout
    Meal / Eat 60-90 minutes before your workout" day after day, an interview's
    question put to 22 chefs, both on saved pages of the extraction benchmarks)."""
    known = raw.fields.get("title") or found.get("title")
    title_key = text_key(str(known.value)) if known else None
    keys = [text_key(b.text) for b in blocks]
    seen = Counter(keys)
    keys = [k if seen[k] == 2 else "" for k in keys]  # only what comes exactly twice can be a paste
    where: dict[str, list[int]] = {}
    repeats: dict[int, int] = {}  # a repeated block -> the block it repeats
    index = 0
    while index < len(blocks):
        key = keys[index]
        earlier = where.get(key, []) if key else []
        run, source = max(((_run_length(keys, i, index), i) for i in earlier), default=(0, -1))
        if run >= pat.PASTE_RUN_BLOCKS and sum(_words(b.text) for b in blocks[index:index + run]) >= pat.PASTE_RUN_WORDS:
            repeats.update((index + t, source + t) for t in range(run))
            index += run
            continue
        if earlier and blocks[index].kind == "paragraph" and _words(blocks[index].text) >= pat.LONG_PARAGRAPH_WORDS:
            repeats[index] = earlier[0]
        if key:
            where.setdefault(key, []).append(index)
        index += 1
    kept: list[Block] = []
    removed: list[Removal] = []
    for i, block in enumerate(blocks):
        if title_key and text_key(block.text) == title_key and _prose(block):
            removed.append(_drop(block, "duplicate", "repeats the title"))
        elif i in repeats:
            removed.append(_drop(block, "duplicate", f"repeats the block at line {blocks[repeats[i]].line}"))
        else:
            kept.append(block)
    return Step(tuple(kept), tuple(removed))


def _run_length(keys: list[str], first: int, second: int) -> int:
    """How many blocks from `second` on repeat those from `first` on, in order (the run
    stops where the first copy would reach the second)."""
    n = 0
    while second + n < len(keys) and first + n < second and keys[first + n] and keys[first + n] == keys[second + n]:
        n += 1
    return n


def link_lists(blocks: tuple[Block, ...], raw: RawDocument, found: Found) -> Step:
    """Lists of other stories: a "You may also like" heading and the headline-like
    lines after it (seed 002), or a run of three or more unrelated headline-like lines
    that ends the article with no text after them and nothing introducing them."""
    kept: list[Block] = []
    removed: list[Removal] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if pat.LINK_LIST_HEADING.match(block.text.strip()):
            removed.append(_drop(block, "link-list", "introduces a list of other stories"))
            index += 1
            while index < len(blocks) and _prose(blocks[index]) and _headline_like(blocks[index].text, 30):
                removed.append(_drop(blocks[index], "link-list", f"listed under “{block.text.strip()}”"))
                index += 1
            continue
        kept.append(block)
        index += 1
    run = 0
    while run < len(kept) and kept[-1 - run].kind == "paragraph" and _headline_like(kept[-1 - run].text, 30):
        run += 1
    body, tail = kept[: len(kept) - run], kept[len(kept) - run:]
    if run >= 3 and body and not _introduces(body[-1]):
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


def _introduces(block: Block) -> bool:
    """A block that opens the list after it, which is then the article's own: a sentence
    ending in a colon ("You will need:", then the parts), or a heading its reader found
    (a Markdown `## Sources`, an HTML <h2>). Lists of other stories come under their own
    headings ("You may also like"), which this rule has taken out already."""
    return block.text.rstrip().endswith(":") or block.kind == "heading"


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
        if not _prose(block):
            kept.append(block)
            continue
        follow = pat.FOLLOW.match(text)
        if follow:
            if pat.FOLLOW_REST.fullmatch(follow["rest"]):
                removed.append(_drop(block, "promo", "promotional or navigation line (“follow ... on ...”)"))
            else:
                kept.append(block)
            continue
        label = pat.LABEL.match(block.text)
        if label:
            removed.append(Removal(label.group(0).strip(), "promo", "the page's label for the lines after it", block.line))
            block = Block(block.text[label.end():], block.line, block.kind)
            text = block.text.strip()
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


GALLERY_RUN = 4  # captions in a row
GALLERY_TITLE_WORDS = 3


def _titled_gallery(blocks: tuple[Block, ...]) -> list[int]:
    """A photo gallery pasted caption by caption, each opening with the gallery's title
    and then the picture's own ("Port of Duisburg turns 300 Trading place of global
    significance What started out ...", eleven in a row: news clusters): at least
    `GALLERY_RUN` blocks in a row share their first `GALLERY_TITLE_WORDS` words or more,
    and the word after them is capitalised in every one (a speech's "I have a dream
    that ..." goes on in lower case)."""
    out: list[int] = []
    words = [b.text.split() if _prose(b) else [] for b in blocks]
    i = 0
    while i < len(blocks):
        j, shared = i + 1, len(words[i])
        while j < len(blocks):
            n = _shared_start(words[i], words[j])
            if n < GALLERY_TITLE_WORDS:
                break
            shared, j = min(shared, n), j + 1
        run = range(i, j)
        if len(run) >= GALLERY_RUN and all(len(words[k]) > shared and words[k][shared][:1].isupper() for k in run):
            out.extend(run)
        i = j
    return out


def _shared_start(a: list[str], b: list[str]) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def scripts(blocks: tuple[Block, ...], raw: RawDocument, found: Found) -> Step:
    """A page's script pasted as text: "window._taboola = window._taboola || [];
    _taboola.push({ mode: ... })" (news clusters)."""
    def script(b: Block) -> bool:
        return _prose(b) and pat.SCRIPT.match(b.text) is not None

    return Step(tuple(b for b in blocks if not script(b)),
                tuple(_drop(b, "script", "the page's script code") for b in blocks if script(b)))


def captions(blocks: tuple[Block, ...], raw: RawDocument, found: Found) -> Step:
    """Photo captions pasted with the text: "FILE - In this ... file photo, ...",
    "... (AP Photo/Jae C. Hong)", "... Dado Ruvic/Reuters", and a gallery's captions
    run together ("Hide Caption 3 of 25 Photos: ...", whatever its length); a video
    player's caption or teaser ("CLOSE Sheila E. says ...", "... 29 Dec 2017 | 00:40")
    and an expandable panel ("Q&A What is bitcoin ...? Show Hide Bitcoin is ...") (news-clusters)."""
    def caption(b: Block) -> str | None:
        if not _prose(b):
            return None
        if pat.GALLERY.search(b.text) is not None:
            return "photo caption or picture credit"
        if pat.PANEL.search(b.text) is not None:
            return "an expandable panel of the page (“Show Hide”)"
        if _words(b.text) > 80:
            return None
        if pat.VIDEO.search(b.text.strip()) is not None:
            return "a video player's caption or teaser"
        return "photo caption or picture credit" if pat.CAPTION.search(b.text.strip()) is not None else None

    why = [caption(b) for b in blocks]
    for i in _titled_gallery(blocks):
        why[i] = why[i] or "a photo gallery: each caption opens with the gallery's title"
    kept = tuple(b for b, reason in zip(blocks, why, strict=True) if reason is None)
    removed = tuple(_drop(b, "caption", reason) for b, reason in zip(blocks, why, strict=True) if reason is not None)
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
        if not _prose(block):
            break
        text = block.text.strip()
        credit = pat.CREDIT.match(text) if _words(text) <= 40 else None
        sign_off = pat.SIGN_OFF.match(text) if _words(text) <= 6 else None
        printed = pat.PRINT_LINE.match(text)
        if printed:
            y, m, d = int(printed["y"]), int(printed["m"]), int(printed["d"])
            if 1 <= m <= 12 and 1 <= d <= 31:
                learnt.setdefault("date", Sourced(f"{y:04d}-{m:02d}-{d:02d}", f"print-edition line (line {block.line})"))
            learnt.setdefault("outlet", Sourced(_agency(printed["outlet"]) or printed["outlet"].strip(),
                                                f"print-edition line (line {block.line})"))
            removed.append(_drop(block, "credit", "print-edition line: the paper and its date, moved to the metadata"))
        elif credit:
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
    def separator(b: Block) -> bool:
        return _prose(b) and pat.SEPARATOR.match(b.text.strip()) is not None

    return Step(tuple(b for b in blocks if not separator(b)),
                tuple(_drop(b, "separator", "separator line") for b in blocks if separator(b)))


def no_words(blocks: tuple[Block, ...], raw: RawDocument, found: Found) -> Step:
    def empty(b: Block) -> bool:
        return _prose(b) and not any(c.isalnum() for c in b.text)

    return Step(tuple(b for b in blocks if not empty(b)),
                tuple(_drop(b, "no-words", "no words in it") for b in blocks if empty(b)))


_DATELINE_WITHIN = 3  # paragraphs


def dateline(blocks: tuple[Block, ...], raw: RawDocument, found: Found) -> Step:
    """`WASHINGTON, D.C. — The president...` (seed 001): the place is metadata, and so
    is the agency (`(CNN) Uma Thurman is ...`: an agency alone is taken only when known).
    The lead is one of the first three paragraphs: CNN's story highlights come before it."""
    leads = [i for i, b in enumerate(blocks) if b.kind == "paragraph"][:_DATELINE_WITHIN]
    found_at = next(((i, m) for i in leads if (m := pat.DATELINE.match(blocks[i].text))), None)
    if found_at is None:
        return Step(blocks)
    first_index, match = found_at
    block = blocks[first_index]
    place = (match.group("place") or match.group("place2") or "").strip(" ,")
    agency = _agency(match.group("agency") or match.group("agency2") or match.group("agency3"))
    rest = block.text[match.end():]
    if _words(rest) < 3 or _words(place) > 6 or (match.group("agency3") and not agency):
        return Step(blocks)
    learnt: dict[str, Sourced[object]] = {}
    if place:
        learnt["dateline"] = Sourced(place, f"dateline (line {block.line})")
    if agency:
        learnt["outlet"] = Sourced(agency, f"dateline “{match.group(0).strip()}” (line {block.line})")
    new = Block(rest, block.line, block.kind)
    what = "the place" if not agency else "the agency" if not place else "the place and the agency"
    removal = Removal(match.group(0).strip(), "dateline", f"dateline: {what}, moved to the metadata", block.line)
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
