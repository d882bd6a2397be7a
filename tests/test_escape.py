"""Article text written into Markdown must come back as the same text, never markup."""

from __future__ import annotations

import html
import re
from pathlib import Path

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.utils.yaml import yaml_load

from builder.corpus.blocks import collapse
from builder.render.escape import code_block, escape, markdown_table

ROOT = Path(__file__).resolve().parent.parent


def _site_extensions() -> tuple[list[object], dict[str, dict[str, object]]]:
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as handle:
        config = yaml_load(handle)  # MkDocs' own loader: it knows !ENV
    names: list[object] = []
    options: dict[str, dict[str, object]] = {}
    for item in config["markdown_extensions"]:
        if isinstance(item, dict):
            (name, opts), = item.items()
            names.append(name)
            options[name] = opts or {}
        else:
            names.append(item)
    return names, options


# The site's extensions plus the ones a user is most likely to add: escaping must
# hold for them too (snippets would include files; emoji, magiclink, critic... add syntax).
_NAMES, _OPTIONS = _site_extensions()
EXTRA = ["pymdownx.snippets", "pymdownx.emoji", "pymdownx.magiclink", "pymdownx.tilde", "pymdownx.caret",
         "pymdownx.mark", "pymdownx.keys", "pymdownx.critic", "pymdownx.inlinehilite", "abbr", "def_list",
         "footnotes", "pymdownx.tasklist", "pymdownx.arithmatex"]
SITE = markdown.Markdown(extensions=_NAMES, extension_configs=_OPTIONS)
EVERYTHING = markdown.Markdown(extensions=[*_NAMES, *EXTRA], extension_configs=_OPTIONS)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _roundtrip(md: markdown.Markdown, text: str) -> str:
    md.reset()
    out = md.convert(escape(text))
    assert out.startswith("<p>") and out.endswith("</p>"), out
    inner = out[3:-4]
    assert "<" not in inner, f"markup in output: {out!r}"
    return html.unescape(inner)


HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "<svg onload=alert(1)>",
    "[click](javascript:alert(1))",
    "javascript:alert(1)",
    "![x](https://evil.example/x.png)",
    '--8<-- "/etc/passwd"',
    ";--8<-- \"README.md\"",
    "{{ config.site_name }} {% include 'x' %} {# c #}",
    "# not a heading",
    "> not a quote",
    "1. not a list",
    "- not a list",
    "!!! note \"not an admonition\"",
    "??? not details",
    "| a | b |",
    "**bold** _it_ `code` ~~del~~ ==mark== ^^ins^^ ++ctrl+alt++",
    ":smile: :fontawesome-brands-github:",
    "{: #id .class onclick=alert(1) }",
    "<!-- comment -->",
    "&amp; &lt;script&gt; &#60;",
    "*[HTML]: Hyper Text",
    "[^1]: footnote",
    "$x^2$ and \\(x\\)",
    "{++added++} {--gone--} {~~a~>b~~}",
    "https://example.org and www.example.org @user #123",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_shown_as_text(text: str) -> None:
    assert _roundtrip(SITE, text) == collapse(text)
    assert _roundtrip(EVERYTHING, text) == collapse(text)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_any_text_round_trips_through_the_site_markdown(text: str) -> None:
    expected = collapse(_CONTROL.sub("", text))
    if not expected:
        return
    assert _roundtrip(SITE, text) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="<>&*_`[]{}()!#-+=~^|:@$\\%/?.'\" \tab1\n", max_size=80))
def test_markdown_punctuation_soup_round_trips_with_every_extension(text: str) -> None:
    expected = collapse(text)
    if not expected:
        return
    assert _roundtrip(EVERYTHING, text) == expected


# Code from saved pages and posts: a raw HTML block whose text comes back exactly.
CODE = [
    "def fares(route):\n    return {'adult': 4.5}\n\n\nprint(fares('quay'))",
    '--8<-- "mkdocs.yml"\n    --8<-- "README.md"',
    "<script>alert(1)</script>\n</code></pre><p>escaped?</p>",
    "{{ config.site_name }}\n{% include 'mkdocs.yml' %}",
    "<!-- briefing:fast -->\n<!-- /briefing:fast -->",
    "\tindented\n    more\n# not a heading\n- not a list",
    "a &amp; b &lt; c",
]


def _code_roundtrip(md: markdown.Markdown, text: str) -> str:
    md.reset()
    out = md.convert(f"Before.\n\n{code_block(text)}\n\nAfter.")
    m = re.fullmatch(r'<p>Before\.</p>\n<pre class="briefing-code"><code>(.*)</code></pre>\n+<p>After\.</p>', out, re.DOTALL)
    assert m is not None, out
    assert "<" not in m.group(1), out
    return html.unescape(m.group(1))


@pytest.mark.parametrize("text", CODE)
def test_code_is_shown_as_written(text: str) -> None:
    assert _code_roundtrip(SITE, text) == text
    assert _code_roundtrip(EVERYTHING, text) == text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=200))
def test_any_code_round_trips(text: str) -> None:
    expected = _CONTROL.sub("", text).replace("\r\n", "\n").replace("\r", "\n")  # as the readers' decoder does
    assert _code_roundtrip(EVERYTHING, text) == expected


def _cells(md: markdown.Markdown, rows: tuple[tuple[str, ...], ...]) -> list[str]:
    md.reset()
    out = md.convert(markdown_table(rows))
    assert out.startswith("<table>"), out
    cells = re.findall(r"<t[hd]>(.*?)</t[hd]>", out, re.DOTALL)
    assert all("<" not in c for c in cells), out
    if len(rows) == 1:  # Python-Markdown adds an empty row under a lone header
        cells = cells[: len(cells) // 2]
    return [html.unescape(c) for c in cells]


@pytest.mark.parametrize("rows", [
    (("Route", "Fare | return"), ("Quay to Point", "£4.50")),
    (("- not a list", "# not a heading"), ("**bold**", "{{ x }}"), ("--8<-- \"mkdocs.yml\"", "<b>x</b>")),
    (("One", "Two", "Three"), ("short row",)),
])
def test_table_cells_are_shown_as_written(rows: tuple[tuple[str, ...], ...]) -> None:
    width = max(len(r) for r in rows)
    expected = [collapse(c) for r in rows for c in (*r, *[""] * (width - len(r)))]
    assert _cells(SITE, rows) == expected
    assert _cells(EVERYTHING, rows) == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30), min_size=2,
                         max_size=3), min_size=1, max_size=4))
def test_any_table_round_trips(rows: list[list[str]]) -> None:
    table = tuple(tuple(r) for r in rows)
    width = max(len(r) for r in table)
    expected = [collapse(_CONTROL.sub("", c)) for r in table for c in (*r, *[""] * (width - len(r)))]
    assert _cells(SITE, table) == expected
