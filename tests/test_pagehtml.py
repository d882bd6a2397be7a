"""The builder's pages in `mkdocs build`: HTML kept between builds and made beside
(builder/pagehtml.py), and what search leaves out kept from its parser
(builder/searchcut.py). Whichever way a page's HTML is made, the site is the one MkDocs
makes on its own, and it warns alike."""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from builder import pagehtml, rawhtml, searchcut
from builder.render.environment import HTML_START
from builder.render.environment import RAW_LINK as RAW
from builder.build import Settings, run
from conftest import BUILD_DATE, FIXTURES, make_project, write

SEEDS = FIXTURES / "briefing" / "articles"


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project whose docs/ the builder has written (once: the tests build its pages)."""
    project = make_project(tmp_path_factory.mktemp("pagehtml"), SEEDS)
    run(Settings(seeds=project / "seeds", docs=project / "docs", build_date=BUILD_DATE))
    return project


@pytest.fixture
def project(written: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "project"
    shutil.copytree(written, copy)
    return copy


def _build(project: Path, mkdocs_alone: bool = False, **options: object) -> dict[str, int]:
    """`mkdocs build` of the pages already written, in this process; what the page HTML
    came from. `mkdocs_alone`: the plugin leaves MkDocs every page."""
    settings = "".join(f"\n      {name}: {_yaml(value)}" for name, value in options.items())
    config_text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config_text = config_text.replace("  - briefing:\n", f"  - briefing:\n      enabled: false\n      pdf: false{settings}\n", 1)
    (project / "mkdocs-pages.yml").write_text(config_text, encoding="utf-8")
    counts: dict[str, int] = {}
    original = pagehtml.PageHtml.finish

    def finish(self: pagehtml.PageHtml) -> None:
        original(self)
        counts.update(self.counts)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pagehtml.PageHtml, "finish", finish)
        if mkdocs_alone:
            patch.setattr(pagehtml.PageHtml, "attach", lambda self, files, config: None)
        patch.setenv("SOURCE_DATE_EPOCH", "1748736000")
        build(load_config(str(project / "mkdocs-pages.yml")))
    return counts


def _yaml(value: object) -> str:
    return str(value).lower() if isinstance(value, bool) else repr(value)


def _hook(project: Path, code: str) -> None:
    """Add an MkDocs hooks file to the project's builds."""
    write(project / "hooks.py", code)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nhooks:\n  - hooks.py\n", encoding="utf-8")


def _site(project: Path) -> dict[str, bytes]:
    site = project / "site"
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file() and p.suffix in (".html", ".json")}


def _builder_pages(project: Path) -> int:
    return sum(1 for p in (project / "docs").rglob("*.md") if p.name != "about.md")


@pytest.fixture
def shared(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fixture story is small: share its pages with a child all the same."""
    monkeypatch.setattr(pagehtml, "MIN_SHARED", 1)
    assert pagehtml.can_fork(), "these tests fork, as `mkdocs build` does on Linux"


def test_pages_made_beside_or_kept_are_the_pages_mkdocs_makes(
        project: Path, shared: None, monkeypatch: pytest.MonkeyPatch) -> None:
    alone = _build(project, mkdocs_alone=True, parallel=False, cache="")
    reference = _site(project)
    assert not any(alone.values())  # MkDocs on its own, search reading every page whole

    cut = []
    monkeypatch.setattr(searchcut, "cut", lambda html, cut_=searchcut.cut: cut.append(cut_(html)) or cut[-1])
    first = _build(project)
    assert first["made beside"] > 0 and first["made here"] > 0 and first["reused"] == 0
    # Search was spared the entity pages' mentions and the articles' reports.
    assert sum(len(parts) for _, parts in cut) >= _builder_pages(project) // 2
    assert first["made beside"] + first["made here"] == _builder_pages(project)
    assert _site(project) == reference

    again = _build(project)
    assert again == {"reused": _builder_pages(project), "made here": 0, "made beside": 0}
    assert _site(project) == reference


def test_a_kept_page_warns_again(project: Path, shared: None, caplog: pytest.LogCaptureFixture) -> None:
    """A link to a page that is gone warns on every build, from the cache too, so that
    `mkdocs build --strict` keeps failing."""
    (project / "docs" / "sources" / "index.md").unlink()
    warnings = []
    for _ in range(2):
        caplog.clear()
        with caplog.at_level(logging.INFO):
            counts = _build(project)
        warnings.append(sorted(r.getMessage() for r in caplog.records
                               if r.levelno >= logging.WARNING and "sources/index.md" in r.getMessage()))
    assert warnings[0], "the briefing and the home page link to the sources page"
    assert warnings[1] == warnings[0]
    assert counts["reused"] == _builder_pages(project)


def test_a_new_target_page_changes_the_pages_linking_to_it(project: Path) -> None:
    """Whether a link's target exists is part of a page's key: a page kept while its
    link was broken is made again once the target is back."""
    target = project / "docs" / "sources" / "index.md"
    text = target.read_bytes()
    target.unlink()
    _build(project)
    broken = (project / "site" / "index.html").read_text(encoding="utf-8")
    target.write_bytes(text)
    counts = _build(project)
    assert counts["made here"] + counts["made beside"] > 1  # sources again, and the pages linking to it
    fixed = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="sources/index.md"' in broken and 'href="sources/"' in fixed


def test_a_page_edited_by_hand_is_mkdocs_own(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _build(project)
    page = next((project / "docs" / "articles").glob("*.md"))
    write(page, page.read_text(encoding="utf-8") + "\nAn editor's note added by hand.\n")
    cut: list[str] = []
    monkeypatch.setattr(searchcut, "cut", lambda html, cut_=searchcut.cut: cut.append(html) or cut_(html))
    counts = _build(project)
    assert len(cut) == _builder_pages(project) - 1  # search reads the edited page whole
    assert counts == {"reused": _builder_pages(project) - 1, "made here": 0, "made beside": 0}
    html = (project / "site" / "articles" / page.stem / "index.html").read_text(encoding="utf-8")
    assert "An editor&rsquo;s note added by hand." in html or "An editor's note added by hand." in html


def test_markdown_another_plugin_changed_is_rendered_afresh(project: Path) -> None:
    _build(project)
    _hook(project, "def on_page_markdown(markdown, **kwargs):\n"
                   "    return markdown + '\\n\\nChanged by a hook.\\n'\n")
    counts = _build(project)
    assert counts == {"reused": 0, "made here": 0, "made beside": 0}  # made by MkDocs, not kept
    html = (project / "site" / "briefing" / "index.html").read_text(encoding="utf-8")
    assert "Changed by a hook." in html


def test_a_child_that_dies_leaves_its_pages_here(project: Path, shared: None, monkeypatch: pytest.MonkeyPatch) -> None:
    _build(project, parallel=False, cache="")
    reference = _site(project)
    monkeypatch.setattr(pagehtml, "_render_all", lambda *args: os._exit(3))
    counts = _build(project)
    assert counts == {"reused": 0, "made here": _builder_pages(project), "made beside": 0}
    assert _site(project) == reference


def test_a_page_the_child_fails_on_is_made_here(project: Path, shared: None, monkeypatch: pytest.MonkeyPatch) -> None:
    parent = os.getpid()
    made = pagehtml.Html.made

    def fails_in_the_child(page, config, files, as_written=False):  # type: ignore[no-untyped-def]
        if os.getpid() != parent:
            raise RuntimeError("no HTML here")
        return made(page, config, files, as_written)

    _build(project, parallel=False, cache="")
    reference = _site(project)
    monkeypatch.setattr(pagehtml.Html, "made", staticmethod(fails_in_the_child))
    counts = _build(project)
    assert counts["made beside"] == 0 and counts["made here"] == _builder_pages(project)
    assert _site(project) == reference


def test_the_childs_pages_wait_for_the_page_loop(project: Path, shared: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """The child goes on making its pages while MkDocs' page loop builds the first ones
    here: each is waited for when the loop first reads its HTML, and the site is the
    one MkDocs makes on its own."""
    _build(project, mkdocs_alone=True, parallel=False, cache="")
    reference = _site(project)
    settled: list[tuple[str, bool]] = []
    settle = pagehtml.BuilderPage._settle

    def counted(page: pagehtml.BuilderPage) -> None:
        settled.append((page.file.src_uri, page._html.loop_started))
        settle(page)

    monkeypatch.setattr(pagehtml.BuilderPage, "_settle", counted)
    counts = _build(project)
    assert counts["made beside"] > 0
    assert len(settled) == counts["made beside"] and all(in_loop for _, in_loop in settled)
    assert _site(project) == reference


@pytest.mark.parametrize("hook", [
    # reads every page's HTML when the loop starts: the child's pages are waited for then
    ("def on_env(env, config, files):\n"
     "    for f in files.documentation_pages():\n"
     "        assert 'being made beside' not in f.page.content, f.src_uri\n"
     "        f.page.content += '<p>Seen by a hook.</p>'\n"
     "    return env\n"),
    # changes every page's HTML as it is made: no page waits, each is taken at once
    ("def on_page_content(html, page, **kwargs):\n"
     "    assert 'being made beside' not in html, page.file.src_uri\n"
     "    return html + '<p>Seen by a hook.</p>'\n"),
], ids=["on_env", "on_page_content"])
def test_plugins_reading_the_html_before_the_loop_get_it(project: Path, shared: None, hook: str) -> None:
    _hook(project, hook)
    counts = _build(project)
    assert counts["made beside"] > 0
    for page in (project / "docs").rglob("*.md"):
        folder = page.relative_to(project / "docs").with_suffix("")
        html = project / "site" / (folder.parent if folder.name == "index" else folder) / "index.html"
        assert "Seen by a hook." in html.read_text(encoding="utf-8"), html


def _warnings(caplog: pytest.LogCaptureFixture, project: Path, **options: object) -> list[str]:
    caplog.clear()
    with caplog.at_level(logging.INFO):
        _build(project, **options)  # type: ignore[arg-type]
    return sorted(r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING)


def test_raw_html_links_resolve_and_warn_as_markdown_links_do(
        project: Path, shared: None, caplog: pytest.LogCaptureFixture) -> None:
    """The entity pages' mentions are raw HTML (builder/rawhtml.py): their links get the
    URL, the warning for a missing page and the anchor check a Markdown link gets, from
    the plugin whether MkDocs rendered the page or the plugin did."""
    docs = project / "docs"
    gone = docs / "articles" / "courier-fire.md"
    gone.unlink()
    edited = docs / "articles" / "northern-wire-fire.md"
    text = edited.read_text(encoding="utf-8")
    anchor = "p-c21115"
    assert f'<p id="{anchor}" ' in text and f'href="../articles/northern-wire-fire.md#{anchor}"' in \
        (docs / "entities" / "corran-textiles.md").read_text(encoding="utf-8")
    write(edited, text.replace(f'<p id="{anchor}" ', '<p id="p-renamed" ', 1))
    naming = next(p.relative_to(docs).as_posix() for p in sorted((docs / "entities").glob("*.md"))
                  if 'data-briefing-link href="../articles/courier-fire.md' in p.read_text(encoding="utf-8"))
    alone = _warnings(caplog, project, mkdocs_alone=True, parallel=False, cache="")
    reference = _site(project)
    assert any(naming in w and "'articles/courier-fire.md' is not found" in w for w in alone)
    assert any(f"does not contain an anchor '#{anchor}'" in w and "entities/corran-textiles.md" in w for w in alone)
    assert not any(RAW in html for html in (v.decode("utf-8") for v in reference.values()))
    page = reference["entities/corran-textiles/index.html"].decode("utf-8")
    assert f'href="../../articles/northern-wire-fire/#{anchor}"' in page

    assert _warnings(caplog, project) == alone  # made beside and here
    assert _site(project) == reference
    assert _warnings(caplog, project) == alone  # kept
    assert _site(project) == reference


def test_raw_html_blocks_are_spliced_not_parsed(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The entity pages' mentions and the articles' paragraphs and reports skip
    Python-Markdown, and the site is the same."""
    _build(project, mkdocs_alone=True, parallel=False, cache="")
    reference = _site(project)
    spliced = []
    monkeypatch.setattr(rawhtml, "splice", lambda html, blocks, s=rawhtml.splice: spliced.append(s(html, blocks)) or spliced[-1])
    _build(project, parallel=False, cache="")
    with_blocks = [p for p in (project / "docs").rglob("*.md") if HTML_START in p.read_text(encoding="utf-8")]
    assert len(with_blocks) >= 15, sorted(p.name for p in with_blocks)  # 9 entity pages and 6 articles
    assert sum(html is not None for html in spliced) == len(with_blocks)
    assert _site(project) == reference
