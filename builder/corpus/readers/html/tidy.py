"""What the extraction kept that is not the article: a heading repeating the title,
promotions, related-link sections, end matter, script text. Each drop carries the name
of the cleaning rule that does the same to pasted text (builder/corpus/cleaning), so
the article page's report reads alike for every format.

These run inside the reader, not as cleaning rules, because the extraction benchmarks
measure the reader: they took F1 on scrapinghub from 0.965 to 0.977. The patterns were
fitted on the benchmarks' pages (there is no held-out set); each says what made it.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from ...blocks import text_key
from .segments import Drop, scriptish
from .xmltext import Piece

_I = re.IGNORECASE
# Short blocks that advertise something else, anywhere in the text.
PROMO = re.compile(
    r"^\W*(?:"
    r"(?:read|see|watch|listen|click)(?: (?:more|also|next|here|this))\b.{0,6}[:\-–—|]"
    r"|related(?: (?:stories|story|articles?|coverage|content|links|reading|news|posts?|video))?\s*:"
    r"|also (?:on|read|see)\b.{0,40}"
    r"|more (?:on|from|news|stories)\b.{0,3}[:\-–—]"
    r"|(?:get|download) .{0,40}\bon the go\b"
    r"|like this (?:story|article)\b"
    r"|(?:share|follow) (?:this|us)\b"
    r"|click here to (?:subscribe|sign up|register|follow)\b"
    r"|sign up (?:for|to) (?:our|the|a free)\b.{0,60}\b(?:newsletter|email|alerts?|briefing)"
    r"|subscribe (?:to (?:our|the)|now|here)\b"
    r"|advertisement\W*$|sponsored\W*$|continue reading\W*$|story continues below\b"
    r")", _I)
PROMO_MAX_CHARS = 250
# An inline link to another story: "Headline words ... [INSIGHT]" (Express).
BRACKET_TAG = re.compile(r"\w+\W+\w+\W+\w+\W+\w+.*\[(?:[A-Z]{3,}(?: [A-Z]+)?)\]\s*\|?\s*$")
# Section titles after which a page lists other things: in the last 40 % of the text,
# everything after one goes.
SECTION = re.compile(
    r"^\W*(?:you (?:may|might) (?:also )?like|(?:more|other|top|latest|related|trending|popular|recommended|"
    r"similar|recent|featured)(?: \w+)? (?:stories|articles|news|posts|reads|videos|links|content|coverage)|"
    r"related|recommended(?: for you)?|read next|up next|most (?:read|popular|viewed|shared)|partner news|"
    r"more from [\w .'-]+|(?:leave a |post a |\d+ )?comments?|(?:tell|let) us what you think.*|"
    r"join the (?:conversation|discussion)|what (?:do )?you think\??|newsletter|sign up for .*|tags?|"
    r"share this(?: \w+)?|further reading)\W*$", _I)
SECTION_FROM = 0.6
# Lines that end an article: credits, contacts, copyright, tags, comment rules, company boilerplate.
TRAILER = re.compile(
    r"(?:^\W*\(?(?:reporting|additional reporting|editing|writing|compiled|research) by\b"
    r"|contributed (?:to )?this report|^\W*write to .{2,60} at\b|^\W*have a (?:news )?tip\b"
    r"|^\W*contact (?:the )?(?:author|reporter|writer)"
    r"|©|\bcopyright\b|all rights reserved|^\W*citation\s*:"
    r"|^\W*(?:tags?|tagged|filed under|categories|topics)\s*[:\-]"
    r"|^\W*follow (?:us|@|\w+ \w+ on)\b|\bon (?:twitter|facebook|instagram)\b.{0,40}$"
    r"|^\W*(?:share|like) this\b|^\W*(?:atenção|attention|note)\s*:.*coment|comment policy"
    r"|comments? (?:are|is) (?:closed|moderated)"
    r"|this (?:copy|article|material) is for your personal,? non-commercial use"
    r"|may (?:get|earn|receive) (?:a )?(?:share|commission)|affiliate (?:links?|commission)"
    r"|\bis (?:a|an|the) (?:global|leading|world|largest|premier)\b.{0,200}\b"
    r"(?:provider|company|group|firm|maker|manufacturer|leader)\b"
    r"|\bemail\b.{0,40}@|\S+@\S+\.\w{2,}\s*\.?\s*$)", _I)
# Newsletter and subscription pitches: only short blocks.
TRAILER_SHORT = re.compile(r"\bnewsletters?\b|\bsubscribe\b|\bsign up\b|\bsubscription\b|\bunsubscribe\b|\binbox\b", _I)
# A dateline standing alone: "KOBE –", "WASHINGTON (Reuters) -", "PORT ELLING, N.S. —".
DATELINE_ALONE = re.compile(r"^[A-Z][A-Z.'’ -]{1,40}(?:, [A-Z][\w.'’ ]{1,30})?(?: \([A-Za-z .]{2,20}\))?\s*[–—-]+\s*$")


def tidy(pieces: list[Piece], tree: Any, md: dict[str, Any], dropped: list[Drop]) -> list[Piece]:
    """The pieces without what is not the article's text; what went is added to `dropped`."""
    pieces = _without_title(pieces, tree, md, dropped)
    out: list[Piece] = []
    total = sum(len(p.text) for p in pieces) or 1
    seen = 0
    cut: str | None = None
    for i, p in enumerate(pieces):
        text = p.text.strip()
        seen_before, seen = seen, seen + len(p.text)
        if cut:
            dropped.append(Drop(p.text, "link-list", cut, p.line))
            continue
        if p.kind in ("table", "code"):
            out.append(p)
            continue
        if scriptish(text):
            dropped.append(Drop(p.text, "script", "program code outside a code block (script text)", p.line))
            continue
        if len(text) <= PROMO_MAX_CHARS and i > 0 and (
                PROMO.search(text) or (text.endswith(("]", "|")) and BRACKET_TAG.search(text))):
            dropped.append(Drop(p.text, "promo", "promotion or link to another story", p.line))
            continue
        if i > 0 and p.kind == "paragraph" and _allcaps_link(text):
            dropped.append(Drop(p.text, "promo", "link to another story (all capitals)", p.line))
            continue
        if (len(text) <= 60 and seen_before > SECTION_FROM * total and SECTION.search(text)
                and (p.kind == "heading" or not re.search(r"[.!?]$", text))
                and not any(x.kind in ("code", "table") for x in pieces[i + 1:])):
            cut = f"after “{text}” (related links, comments or sign-up)"
            dropped.append(Drop(p.text, "link-list", cut, p.line))
            continue
        out.append(p)
    while len(out) > 1:  # end matter
        p = out[-1]
        text = p.text.strip()
        if p.kind in ("table", "code") or len(text) > 400:
            break
        if not (TRAILER.search(text) or (len(text) <= 200 and TRAILER_SHORT.search(text))):
            break
        dropped.append(Drop(p.text, "trailer", "end matter: credit, contact, copyright, tags or newsletter", p.line))
        out.pop()
    return _datelines_joined(out)


def _without_title(pieces: list[Piece], tree: Any, md: dict[str, Any], dropped: list[Drop]) -> list[Piece]:
    """A leading heading (or first block) repeating the title or, as a heading, the
    description: both are shown from the metadata."""
    titles = _title_keys(tree, md)
    desc = text_key(md.get("description") or "")
    kept: list[Piece] = []
    for i, p in enumerate(pieces):
        if i < 3 and (p.kind == "heading" or i == 0) and p.kind != "table":
            k = text_key(p.text)
            if k in titles:
                dropped.append(Drop(p.text, "title", "repeats the page title (kept as metadata)", p.line))
                continue
            if p.kind == "heading" and i < 2 and desc and k == desc:
                dropped.append(Drop(p.text, "title", "repeats the page description (kept as metadata)", p.line))
                continue
        kept.append(p)
    return kept


def _datelines_joined(pieces: list[Piece]) -> list[Piece]:
    """A dateline standing alone ("KOBE –" in its own <p><b>) joined to the sentence it starts."""
    joined: list[Piece] = []
    i = 0
    while i < len(pieces):
        p = pieces[i]
        if (p.kind in ("paragraph", "heading") and i + 1 < len(pieces) and pieces[i + 1].kind == "paragraph"
                and DATELINE_ALONE.match(p.text.strip())):
            nxt = pieces[i + 1]
            joined.append(dataclasses.replace(p, kind="paragraph", text=f"{p.text.strip()} {nxt.text.lstrip()}"))
            i += 2
            continue
        joined.append(p)
        i += 1
    return joined


def _allcaps_link(text: str) -> bool:
    """A story link in capitals ("TRUMP SAYS ... IN NEW INTERVIEW"), at least six words;
    scripts without case have no capitals and never match."""
    if len(text) > 160 or text.upper() != text or len(text.split()) < 6:
        return False
    capitals = sum(c.isupper() for c in text)
    return capitals >= 15 and not re.search(r"[.!?:–—-]\W*$", text)


def _title_keys(tree: Any, md: dict[str, Any]) -> set[str]:
    keys = set()
    if md.get("title"):
        keys.add(text_key(md["title"]))
    for h1 in tree.iter("h1"):
        keys.add(text_key(h1.text_content()))
    og = tree.find('.//head/meta[@property="og:title"]')
    if og is not None and og.get("content"):
        keys.add(text_key(og.get("content")))
    title = tree.find(".//head/title")
    if title is not None and title.text:
        keys.add(text_key(title.text))
        for part in re.split(r"\s+[|\-–—:»·]\s+", title.text):
            if len(part) > 15:
                keys.add(text_key(part))
    keys.discard("")
    return keys
