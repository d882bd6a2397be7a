"""Template syntax in posts: what Jekyll (Liquid) and Hugo (shortcodes) would have
replaced before anyone read the post, taken out of its body and listed in the cleaning
report, so it is never shown as text; and pages that only list other posts.

- Liquid tags `{% ... %}` and outputs `{{ ... }}` (18F's posts put `{{site.baseurl}}`
  in every image path, and `{{ "moncef" | team_link }} contributed ...` in a sentence);
- Hugo shortcodes `{{< ... >}}` and `{{% ... %}}` (hugoBasicExample's rich-content
  post is mostly `{{< youtube ... >}}`), and the Go template code of an inline
  shortcode (`{{ if .Page.Params.math }}` between `{{< math.inline >}}` and its end);
- `{% highlight lang %}...{% endhighlight %}` and Hugo's `{{< highlight lang >}}`
  become Markdown code fences: their content is a code block;
- `{% raw %}...{% endraw %}` keeps its content as written; `{% comment %}` blocks go whole.

Inside a Markdown code fence nothing is taken out: a post about templates shows its
templates as code (hugoBasicExample's math-typesetting post). Plain `.txt` articles
are not posts and keep such text as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...model import Removal
from ..blocks import collapse

# A fence opening or closing a Markdown code block: up to three spaces, then ``` or ~~~.
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# Longest tag taken out: a stray "{{" in prose must not swallow the post.
_MAX_TAG = 1000
_TAGS = re.compile(
    r"(?P<raw>\{%-?\s*raw\s*-?%\}(?P<literal>.*?)\{%-?\s*endraw\s*-?%\})"
    r"|(?P<comment>\{%-?\s*comment\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\})"
    r"|(?P<highlight>(?:\{%-?\s*highlight\s+(?P<lang>[\w+#.-]+)[^%]*?-?%\}|\{\{<\s*highlight\s+(?P<lang2>[\w+#.-]+)[^>]*?>\}\})"
    r"\n?(?P<code>.*?)\n?(?:\{%-?\s*endhighlight\s*-?%\}|\{\{<\s*/\s*highlight\s*>\}\}))"
    rf"|(?P<shortcode>\{{\{{<.{{0,{_MAX_TAG}}}?>\}}\}}|\{{\{{%.{{0,{_MAX_TAG}}}?%\}}\}})"
    rf"|(?P<tag>\{{%.{{0,{_MAX_TAG}}}?%\}})"
    rf"|(?P<output>\{{\{{.{{0,{_MAX_TAG}}}?\}}\}})",
    re.DOTALL,
)
_RAW_BLOCK = re.compile(r"\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}", re.DOTALL)
_REASONS = {
    "raw": "Liquid raw tags: their content kept as written",
    "comment": "Liquid comment: not shown on the site",
    "highlight": "highlight tag: its content kept as a code block",
    "shortcode": "Hugo shortcode: template syntax, not text",
    "tag": "Liquid tag: template syntax, not text",
    "output": "template output: replaced by the site generator, not text",
}
# A page whose template lists the site's posts: a Liquid loop over a collection of
# posts, tags or categories, or a paginator (Jekyll index pages: mediumish's index.html
# loops over site.posts, 18F's blog/index.html includes paginator.posts).
LISTING = re.compile(
    r"\{%-?\s*for\s+\w+\s+in\s+(?P<over>site\.(?:posts|tags|categories|pages|related_posts)|paginator\.posts)\b"
    r"|\{[{%][^}%]{0,200}?\b(?P<paginator>paginator\.\w+)"
)
# Layouts that list posts rather than hold one (Jekyll themes, Hugo's archives page).
LISTING_LAYOUTS = frozenset({"archive", "archives", "categories", "category", "tags", "tag", "home", "list",
                             "paginate", "taxonomy", "term"})


@dataclass(frozen=True, slots=True)
class Stripped:
    body: str  # the body with the template syntax out, line for line where it could be
    removed: tuple[Removal, ...]


def strip(body: str, first_line: int) -> Stripped:
    """The body without template syntax outside code fences; `first_line` is the file
    line the body starts on, for the report."""
    fences = _fenced(body)
    removed: list[Removal] = []

    def inside(pos: int) -> bool:
        return any(start <= pos < end for start, end in fences)

    def replace(m: re.Match[str]) -> str:
        text = m.group(0)
        line = first_line + body.count("\n", 0, m.start())
        kind = str(m.lastgroup)  # the outermost group: raw, comment, highlight, shortcode, tag or output
        if inside(m.start()):
            if kind != "raw":
                return text
            return m.group("literal")
        inner = "literal" if kind == "raw" else "code" if kind == "highlight" else None
        shown = f"{text[:m.start(inner) - m.start()]} … {text[m.end(inner) - m.start():]}" if inner else text
        removed.append(Removal(_shown(shown), "template", _REASONS[kind], line))
        if kind == "raw":
            return m.group("literal")
        if kind == "highlight":
            lang = m.group("lang") or m.group("lang2") or ""
            fence = "" if m.start() == 0 or body[m.start() - 1] == "\n" else "\n"
            return f"{fence}```{lang}\n{m.group('code')}\n```"
        return "\n" * text.count("\n")

    out = _TAGS.sub(replace, body)
    return Stripped(out, tuple(removed))


def _shown(text: str) -> str:
    text = collapse(text)
    return text if len(text) <= 120 else text[:117] + "…"


def _fenced(body: str) -> list[tuple[int, int]]:
    """Character spans of the body's fenced code blocks (an unclosed fence runs to the end)."""
    spans: list[tuple[int, int]] = []
    pos, start, fence = 0, 0, ""
    for line in body.splitlines(keepends=True):
        m = FENCE.match(line)
        if fence:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) and not line[m.end():].strip():
                spans.append((start, pos + len(line)))
                fence = ""
        elif m:
            start, fence = pos, m.group(1)
        pos += len(line)
    if fence:
        spans.append((start, len(body)))
    return spans


def _outside_fences(body: str) -> str:
    out, pos = [], 0
    for start, end in _fenced(body):
        out.append(body[pos:start])
        pos = end
    return "".join(out) + body[pos:]


def listing(name: str, meta: dict[str, object], body: str) -> str | None:
    """Why the page lists posts instead of being one, or None when it is a post."""
    stem = name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    if stem == "_index":
        return "a Hugo section list page (_index)"
    layout = str(meta.get("layout") or "").strip().lower()
    if layout in LISTING_LAYOUTS:
        return f"a listing page (layout: {layout})"
    m = LISTING.search(_RAW_BLOCK.sub("", _outside_fences(body)))
    if m:
        return f"a listing page: its template loops over {m.group('over')}" if m.group("over") else \
            f"a listing page: its template pages through posts ({m.group('paginator')})"
    return None
