"""Article text into Markdown that renders as exactly that text, never as markup.

Article text is hostile (DESIGN: untrusted input). Python-Markdown and the
pymdownx extensions give meaning to many characters, and a user may enable more
extensions than we do, where a backslash escape would not be understood. A numeric
character reference (`&#42;`) is understood by every Markdown processor and every
browser, so characters with a meaning anywhere are written that way; characters
that only mean something at the start of a line are escaped only there. Each
paragraph is one line, so "start of a line" is the start of the text.

The property tests render `escape(text)` with the site's own extension set and
check the visible text comes back unchanged.

The pages' raw HTML blocks (the cleaning report, the provenance table: text only, no
links, so any renderer shows them alike) need only HTML's own escaping (`html_text`):
Python-Markdown passes them through untouched.
"""

from __future__ import annotations

import html
import json
import re

from ..corpus.blocks import collapse

# Meaningful anywhere: HTML (< > &), emphasis, code, links, attribute lists and
# Jinja-style templates ({ }), tables (|), pymdownx tilde/caret/mark/keys/critic
# (~ ^ = +), magiclink mentions (@), arithmatex ($), escapes (\).
_ANYWHERE = set("<>&*_`[]{}|~^=+@$\\")
# Meaningful at the start of a line: headings, quotes, lists, admonitions (!!!),
# details (???), blocks (///), definition lists (:), rules (---).
_LINE_START = set("#>-+*=|:!?/%.")
_ORDERED = re.compile(r"^(\d+)([.)])")
# Colons open emoji (:smile:) and URL schemes (javascript:, https:) when a
# non-space character follows; "said: " needs no escaping.
_COLON = re.compile(r":(?=\S)")
# magiclink turns bare "www.example.org" into a link.
_WWW = re.compile(r"(?i)\b(www)\.")
# Control characters carry no text; \x02 and \x03 are Python-Markdown's placeholders.
_BACKTICKED = re.compile(r"`([^`]+)`")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _ref(char: str) -> str:
    return f"&#{ord(char)};"


_REFS = str.maketrans({c: _ref(c) for c in _ANYWHERE})
_BRACE_REFS = str.maketrans({c: _ref(c) for c in "{}"})


def escape(text: str) -> str:
    """Inline Markdown for `text` (collapsed to one line)."""
    text = collapse(_CONTROL.sub("", text))
    out = text.translate(_REFS)
    out = _COLON.sub("&#58;", out)
    out = _WWW.sub(lambda m: m.group(1) + "&#46;", out)
    if out[:1] in _LINE_START:
        out = _ref(out[0]) + out[1:]
    out = _ORDERED.sub(lambda m: m.group(1) + _ref(m.group(2)), out)
    return out


def escape_piece(text: str) -> str:
    """`escape` for a piece of a line that other Markdown will be joined to (a link, a
    highlight): one space at either end is kept (escape strips them), and a colon at
    its end is escaped, since what follows may be a link (`said:[Name](...)` must not
    read as a URL scheme)."""
    text = _CONTROL.sub("", text)
    core = escape(text)
    if not core:
        return " " if text[:1].isspace() else ""
    if core.endswith(":"):
        core = core[:-1] + "&#58;"
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() else ""
    return f"{lead}{core}{trail}"


class Safe(str):
    """Markdown the builder wrote itself (links, tables); templates do not escape it."""

    __slots__ = ()


def finalize(value: object) -> str:
    """Jinja `finalize`: every `{{ value }}` is escaped unless it is `Safe`."""
    if isinstance(value, Safe):
        return value
    if value is None:
        return ""
    return escape(str(value))


def html_text(value: object) -> Safe:
    """Text for a raw HTML block (which Markdown passes through untouched): HTML-escaped,
    control characters (and with them Python-Markdown's placeholders) dropped, and
    braces as references: the cleaning report lists the template syntax taken out of
    posts (`{{ site.baseurl }}`), which a template plugin would otherwise run."""
    return Safe(html.escape(_CONTROL.sub("", str(value)), quote=True).translate(_BRACE_REFS))


def html_code(value: object) -> Safe:
    """`html_text`, with `backticked` parts (field names in an origin) set as code."""
    return Safe(_BACKTICKED.sub(r"<code>\1</code>", html_text(value)))


def markdown_table(rows: tuple[tuple[str, ...], ...]) -> Safe:
    """A table of article text as a Markdown table (the `tables` extension): the first
    row is its header, short rows are padded, every cell `escape`d (a `|` in a cell is
    a numeric reference, which no table parser splits on)."""
    width = max((len(r) for r in rows), default=0)
    if not width:
        return Safe("")
    lines = [[escape(cell) for cell in row] + [""] * (width - len(row)) for row in rows]
    lines.insert(1, ["---"] * width)
    return Safe("\n".join("| " + " | ".join(cells) + " |" for cells in lines))


# Meaningful inside raw HTML to what runs before Markdown (mkdocs-macros' Jinja, should
# a user add it); HTML escaping sees to < > & (and with them snippets' `--8<--`). Tabs:
# Python-Markdown turns them into spaces everywhere, raw HTML included.
_CODE_REFS = str.maketrans({c: _ref(c) for c in "{}%\t"})


def code_block(text: str) -> Safe:
    """Code from an article as a raw HTML `<pre><code>` block, HTML-escaped. Not an
    indented or fenced Markdown block: preprocessors read inside those (pymdownx.snippets
    includes a file named on a `--8<--` line, even in a code block), and the text could
    only be escaped there by changing it. Python-Markdown passes raw HTML through whole,
    blank lines and all."""
    body = html.escape(_CONTROL.sub("", text), quote=False).translate(_CODE_REFS)
    return Safe(f'<pre class="briefing-code"><code>{body}</code></pre>')


def front_matter(title: str) -> Safe:
    """The page's YAML front matter, setting its title.

    MkDocs takes a page's title from its first heading as rendered HTML, and Material
    writes it into <title> through Jinja's `striptags`, which *unescapes* entities
    after stripping tags: an article titled `</title><script>...` became live markup
    there. A `title` in the front matter is used instead, and as-is, in <title>, the
    navigation and the search index; so it is given HTML-escaped (as JSON, which is
    valid YAML and cannot break out of its quotes).
    """
    return Safe(f"---\ntitle: {json.dumps(html.escape(collapse(_CONTROL.sub('', title))), ensure_ascii=False)}\n---\n\n")
