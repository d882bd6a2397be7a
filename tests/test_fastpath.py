"""The plugin's fast path (builder/mkdocs/fastpath.py) makes the HTML Python-Markdown
makes of the builder's blocks, byte for byte; a site built with it is the site built
without it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import markdown
import pytest
from conftest import FIXTURES, SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.commands.build import build
from mkdocs.config import load_config
from sites import make_project

from builder.mkdocs import fastpath
from builder.mkdocs.fastpath import to_html
from builder.model import Mention
from builder.render.entities import _context, _linked
from builder.render.escape import escape

EXTENSIONS = ["attr_list", "tables", "toc", "admonition", "pymdownx.details"]


def _markdown(block: str) -> str:
    return markdown.Markdown(extensions=EXTENSIONS).convert(block)


def _same(lines: list[str]) -> None:
    made = to_html(lines, lambda target: target)
    assert made is not None, lines
    assert made == _markdown("\n".join(lines))


@settings(max_examples=300, deadline=None)
@given(before=st.text(max_size=60), name=st.text(min_size=1, max_size=20), after=st.text(max_size=60))
def test_a_paragraph_with_an_entity_link(before: str, name: str, after: str) -> None:
    text = " ".join(f"{before} {name} {after}".split())
    name = " ".join(name.split())
    if not name or name not in text:
        return
    start = text.index(name)
    line = _linked(text, [(start, start + len(name), "entities/x.md")], "articles/a.md")
    if not line:
        return
    lines = [str(line), '{ #p-abc .briefing-para data-para="3" }']
    made = to_html(lines, lambda target: target)
    if made is not None:  # a block of another shape is left to Python-Markdown
        assert made == _markdown("\n".join(lines))


@settings(max_examples=300, deadline=None)
@given(before=st.text(max_size=60), name=st.text(min_size=1, max_size=20).filter(lambda n: n.strip() == n and any(
    c.isalnum() for c in n)), after=st.text(max_size=60), title=st.text(min_size=1, max_size=40))
def test_a_mention_list(before: str, name: str, after: str, title: str) -> None:
    text = f"{before} {name} {after}"
    mention = Mention("a", "p-1", len(before) + 1, len(before) + 1 + len(name), name, "PERSON", (0, len(text)))
    if not escape(title):
        return
    lines = [f"**[{escape(title)}](../articles/a.md)** · ABC · 2025-01-01", "",
             f"- [¶1](../articles/a.md#p-1) — {_context(text, mention)}",
             f"- [¶2](../articles/a.md#p-2) — {_context(text, mention)}"]
    made = to_html(lines, lambda target: target)
    if made is not None:
        assert made == _markdown("\n".join(lines))


def test_the_usual_shapes_take_the_fast_path() -> None:
    _same(['Mr Trump said &#34;yes&#34; &#58; [Mark Carney](../entities/mark-carney.md) left.',
           '{ #p-1 .briefing-para data-para="1" }', "", "Second &#42; paragraph.",
           '{ #p-2 .briefing-para data-para="2" }'])
    _same(["**[A title](../articles/a.md)** · ABC · 2025-01-01", "", "- [¶1](../articles/a.md#p-1) — x **Y** z"])


@pytest.mark.parametrize("line", [
    "A *star* is Markdown",  # not the builder's escaping
    "# a heading",
    "Wow![Name](../entities/x.md)",  # an image
    "**unclosed bold",
])
def test_other_shapes_are_left_to_python_markdown(line: str) -> None:
    assert to_html([line], lambda target: target) is None


def test_a_link_mkdocs_cannot_resolve_is_left_to_it() -> None:
    assert to_html(["See [x](../entities/gone.md)."], lambda target: None) is None


def _project(tmp_path: Path, seeds: Path) -> Path:
    """The builder's pages in docs/; mkdocs.yml with the plugin switched off (its fast
    path stays on), mkdocs.base.yml the project's own."""
    project = make_project(tmp_path, seeds, enabled=False, pdf=False)
    subprocess.run([sys.executable, "-m", "builder.cli", "build", "--seeds", "seeds", "--docs", "docs",
                    "--build-date", "2025-06-01", "--no-cache"], cwd=project, check=True, capture_output=True)
    return project


def _pages(site: Path) -> dict[str, str]:
    """Each page's article: what its Markdown made (the navigation differs, the plugin
    keeping long sections out of it), and the search index."""
    out = {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}
    out = {k: v.split("<article", 1)[-1].split("</article>", 1)[0] for k, v in out.items() if "<article" in v}
    out["search/search_index.json"] = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    return out


@pytest.mark.slow
@pytest.mark.parametrize("seeds", [FIXTURES / "briefing" / "articles", SEEDS], ids=["fixture story", "seeds"])
def test_a_site_built_with_the_fast_path_is_the_site_built_without(tmp_path: Path, seeds: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    project = _project(tmp_path, seeds)
    fast_blocks: list[str] = []

    def counted(lines: list[str], resolve):  # type: ignore[no-untyped-def]
        made = to_html(lines, resolve)
        if made is not None:
            fast_blocks.append(made)
        return made

    monkeypatch.setattr(fastpath, "to_html", counted)
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site-fast")))
    monkeypatch.undo()
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    pages_with_blocks = sum(1 for text in (project / "docs").rglob("*.md") if "briefing:fast -->" in text.read_text())
    assert len(fast_blocks) >= pages_with_blocks > 10  # every block took the fast path
    build(load_config(str(project / "mkdocs.base.yml"), plugins=["search"], site_dir=str(project / "site-plain")))
    fast, plain = _pages(project / "site-fast"), _pages(project / "site-plain")
    assert fast.keys() == plain.keys() and len(fast) > 20
    assert [page for page in fast if fast[page] != plain[page]] == []
