"""The page's visible text, piece by piece with its source line, and the tree made ready
for trafilatura.

Two things are found in one walk over the parsed page: the *segments* (its visible text
cut at block elements and double `<br>`s, each with the line it starts on), which say
where each extracted block came from and what the extraction left out; and what to fix
before extracting:

- hover cards (a person's or a story's pop-up inside a link): The Hill glued whole
  headline lists into its sentences ("sponsored by Rep. Ilhan Omar Hillicon Valley: ...");
  removed and reported;
- loose text in a container that also holds blocks or `<br><br>`: trafilatura drops
  the tail of a child block (a KBS story lost its first paragraph) and glues words at
  inline tags between `<br>`s ("AppleInsiderstaff"), so such text is wrapped in its own
  `<div>` first.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from ...blocks import text_key

# Elements whose text a reader never sees.
INVISIBLE = frozenset(("script", "style", "template", "svg", "math", "iframe", "object", "embed", "select",
                       "option", "textarea", "canvas", "video", "audio", "map", "head", "title", "meta", "link",
                       "input"))
# Removed before extraction. Scripts are emptied instead, all but JSON ones; <noscript> is
# what a reader without JavaScript sees, and one Blogger page keeps its whole post there.
_STRIP = ("style", "template", "svg")
BLOCK_TAGS = frozenset((
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "td", "th",
    "thead", "tbody", "tfoot", "caption", "blockquote", "pre", "figure", "figcaption", "section", "article", "aside",
    "header", "footer", "nav", "main", "form", "fieldset", "legend", "address", "hr", "details", "summary", "center",
    "body", "html", "hgroup", "menu", "dialog", "output", "picture"))
_SEPARATORS = BLOCK_TAGS | INVISIBLE
_LOOSE_CONTAINERS = frozenset(("div", "span", "td", "section", "article", "main", "font", "center", "blockquote",
                               "li", "dd"))
_SMALL_CONTAINERS = frozenset(("li", "dd", "blockquote", "td"))
# Characters of loose text before a container is rewritten.
MIN_LOOSE = 40
# Loose text is wrapped in this element: a <p> changed which container trafilatura
# picked on one page (a recipe lost its ingredients); a <div> keeps its choices.
WRAP_TAG = "div"
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_HOVER_CLASS = re.compile(r"rollover-[\w-]*block|hover-?card|tooltip-content|popover-content")
_CODE_CHARS = re.compile(r"[{};=<>()\[\]\\]")
_CODE_WORDS = re.compile(r"function\s*\(|\bvar\s|\blet\s|\bconst\s|=>|\);|\bdocument\.|\bwindow\.")


def scriptish(text: str) -> bool:
    """Text that reads as program code: script source leaking out of broken markup."""
    t = text.strip()
    if not t or ("{" not in t and ";" not in t):
        return False
    return len(_CODE_CHARS.findall(t)) > 0.04 * len(t) and _CODE_WORDS.search(t) is not None


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of the page's visible text, in the nearest block element holding it."""

    text: str
    key: str  # blocks.text_key of the text
    el: Any  # the block-level element
    line: int | None  # the source line its text starts on
    order: int  # its position among the page's segments


@dataclass(frozen=True, slots=True)
class Drop:
    """Page text the reader left out: the rule that did it (as the cleaning report names
    rules), why, and how many pieces of the page in a row it stands for (a menu of 60
    links is one Drop)."""

    text: str
    rule: str
    reason: str
    line: int | None
    count: int = 1


def prepare(tree: Any) -> tuple[list[Segment], list[Drop]]:
    """Clean the parsed page in place (scripts emptied, styles dropped, hover cards
    removed, loose text wrapped) and return its segments and the hover cards."""
    for el in tree.iter("script"):
        if "json" not in (el.get("type") or ""):
            el.text = None  # keep the element (and its tail), lose the code
    etree.strip_elements(tree, *_STRIP, with_tail=False)
    segs, hover, loose = _walk(tree)
    cards: list[Drop] = []
    for el in hover:
        text = " ".join(" ".join(el.itertext()).split())
        if text:
            cards.append(Drop(text, "hover-card", "hover card: a pop-up inside a link, glued into the text",
                              el.sourceline))
        el.drop_tree()
    gone = set(hover)
    for el in loose:
        if not gone or not any(a in gone for a in el.iterancestors()):
            _rewrite(el, list(el))
    return segs, cards


def _line_of_tail(child: Any) -> int | None:
    nxt = child.getnext()
    if nxt is not None and nxt.sourceline is not None:
        return int(nxt.sourceline - (child.tail or "").count("\n"))
    return child.sourceline  # type: ignore[no-any-return]


def _loose_container(el: Any, loose: int, tags: list[str]) -> bool:
    """Does this container hold loose text worth its own paragraph(s)?"""
    if loose < MIN_LOOSE:
        return False
    if el.tag in _SMALL_CONTAINERS and not any(t in BLOCK_TAGS for t in tags):
        return False
    return any(t in _SEPARATORS for t in tags) or sum(1 for t in tags if t == "br") >= 2


def _rewrite(el: Any, children: list[Any]) -> None:
    """Runs of loose text and inline elements inside `el` wrapped in their own element;
    a run of two or more `<br>`s ends one."""
    items: list[Any] = []  # (text, line) or element
    if el.text:
        items.append((el.text, el.sourceline))
    for c in children:
        tail = c.tail
        line = _line_of_tail(c) if tail else None
        c.tail = None
        items.append(c)
        if tail:
            items.append((tail, line))
    el.text = None
    for c in children:
        el.remove(c)
    out: list[Any] = []
    wrap: Any = None

    def new_wrap(line: int | None) -> Any:
        q = lxml_html.Element(WRAP_TAG)
        if line is not None:
            q.sourceline = line
        return q

    def close() -> None:
        nonlocal wrap
        if wrap is not None:
            if (wrap.text or "").strip() or "".join(wrap.itertext()).strip():
                out.append(wrap)
            else:
                out.extend(list(wrap))
        wrap = None

    i, n = 0, len(items)
    while i < n:
        it = items[i]
        if isinstance(it, tuple):
            text, line = it
            if wrap is None:
                if not text.strip():
                    i += 1
                    continue
                wrap = new_wrap(line)
            if len(wrap):
                wrap[-1].tail = (wrap[-1].tail or "") + text
            else:
                wrap.text = (wrap.text or "") + text
            i += 1
            continue
        tag = it.tag if isinstance(it.tag, str) else ""
        if tag == "br":
            j, count = i, 0  # a run of <br>s with only spaces between ends the paragraph
            while j < n:
                x = items[j]
                if isinstance(x, tuple):
                    if x[0].strip():
                        break
                elif x.tag == "br":
                    count += 1
                else:
                    break
                j += 1
            if count >= 2:
                close()
                i = j
                continue
            if wrap is not None:
                wrap.append(it)
            i += 1
            continue
        if tag in _SEPARATORS or not tag:
            close()
            out.append(it)
        else:
            if wrap is None:
                wrap = new_wrap(it.sourceline)
            wrap.append(it)
        i += 1
    close()
    for x in out:
        el.append(x)


def _walk(tree: Any) -> tuple[list[Segment], list[Any], list[Any]]:
    """The visible text cut at block-level elements and double line breaks; also the
    hover cards and the containers with loose text (see `prepare`)."""
    body = tree.find("body")
    root = body if body is not None else tree
    segs: list[Segment] = []
    hover: list[Any] = []
    loose_els: list[Any] = []
    buf: list[str] = []
    cur: list[Any] = [None, root, 0]  # line of the first text, holder element, <br>s in a row

    def flush() -> None:
        if buf:
            text = " ".join("".join(buf).split())
            if text:
                segs.append(Segment(text, text_key(text), cur[1], cur[0], len(segs)))
            buf.clear()
        cur[2] = 0

    def add(raw: str, line: int | None, holder: Any) -> None:  # raw has visible text
        if not buf:
            cur[0] = None if line is None else line + raw.count("\n", 0, len(raw) - len(raw.lstrip()))
            cur[1] = holder
        buf.append(raw)
        cur[2] = 0

    def walk(el: Any, holder: Any) -> None:
        tag = el.tag
        if tag == "br":
            cur[2] += 1
            if cur[2] >= 2:
                flush()
            elif buf:
                buf.append(" ")
            return
        get = el.get
        if get("hidden") is not None or get("aria-hidden") == "true":
            return
        style = get("style")
        if style and _HIDDEN_STYLE.search(style):
            return
        cls = get("class")
        if cls and _HOVER_CLASS.search(cls):
            hover.append(el)
            return
        is_block = tag in BLOCK_TAGS
        if is_block:
            flush()
            holder = el
        check = tag in _LOOSE_CONTAINERS
        loose = 0
        text = el.text
        if text:
            stripped = text.strip()
            if stripped:
                add(text, el.sourceline, holder)
                if check and not scriptish(stripped):
                    loose += len(stripped)
            elif buf:
                buf.append(" ")
        tags: list[str] = []
        for child in el:
            ctag = child.tag
            if isinstance(ctag, str):
                if ctag not in INVISIBLE:
                    walk(child, holder)
            else:
                ctag = ""
            if check:
                tags.append(ctag)
            tail = child.tail
            if tail:
                if ctag in BLOCK_TAGS:
                    flush()
                stripped = tail.strip()
                if stripped:
                    add(tail, _line_of_tail(child), holder)
                    if check and not scriptish(stripped):
                        loose += len(stripped)
                elif buf:
                    buf.append(" ")
        if check and tags and _loose_container(el, loose, tags):
            loose_els.append(el)
        if is_block:
            flush()

    walk(root, root)
    flush()
    return segs, hover, loose_els


class SourceIndex:
    """Finds the page segment a piece of extracted text starts in: a keyed text search
    that moves forward through the page, as the extracted text does."""

    def __init__(self, segs: list[Segment]) -> None:
        self.segs = [s for s in segs if s.key]
        self.starts: list[int] = []
        pos = 0
        for s in self.segs:
            self.starts.append(pos)
            pos += len(s.key) + 1
        self.big = " ".join(s.key for s in self.segs)
        self.cursor = 0

    def find(self, text: str) -> Segment | None:
        k = text_key(text)
        if not k:
            return None
        for probe in (k[:80], k[:30]) if len(k) > 30 else (k,):
            i = self.big.find(probe, self.cursor)
            if i < 0:
                i = self.big.find(probe)
            if i >= 0:
                self.cursor = i + len(probe)
                return self.segs[bisect_right(self.starts, i) - 1]
        return None
