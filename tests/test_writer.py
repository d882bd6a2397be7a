"""The writer never harms a file it did not write, and writes only what changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.errors import OutputError
from builder.render.writer import MANIFEST, safe_target, write_pages


def test_writes_then_leaves_unchanged_files_alone(tmp_path: Path) -> None:
    first = write_pages(tmp_path, {"articles/a.md": "A\n", "index.md": "I\n"})
    assert first.written == ("articles/a.md", "index.md")
    stamp = (tmp_path / "articles/a.md").stat().st_mtime_ns
    second = write_pages(tmp_path, {"articles/a.md": "A\n", "index.md": "I2\n"})
    assert second.unchanged == ("articles/a.md",) and second.written == ("index.md",)
    assert (tmp_path / "articles/a.md").stat().st_mtime_ns == stamp
    assert (tmp_path / "index.md").read_text() == "I2\n"


def test_never_overwrites_a_hand_written_page(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    mine = tmp_path / "articles" / "a.md"
    mine.write_text("my own page\n")
    report = write_pages(tmp_path, {"articles/a.md": "generated\n"})
    assert mine.read_text() == "my own page\n"
    assert len(report.refused) == 1 and "did not write" in str(report.refused[0])


def test_a_generated_page_edited_by_hand_is_kept(tmp_path: Path) -> None:
    write_pages(tmp_path, {"articles/a.md": "generated\n"})
    (tmp_path / "articles/a.md").write_text("edited\n")
    report = write_pages(tmp_path, {"articles/a.md": "generated again\n"})
    assert (tmp_path / "articles/a.md").read_text() == "edited\n"
    assert "edited by hand" in str(report.refused[0])
    report = write_pages(tmp_path, {})
    assert (tmp_path / "articles/a.md").read_text() == "edited\n" and report.removed == ()


def test_removes_only_its_own_stale_files(tmp_path: Path) -> None:
    write_pages(tmp_path, {"articles/a.md": "A\n", "articles/b.md": "B\n"})
    hand = tmp_path / "articles" / "notes.md"
    hand.write_text("hand-written, in a folder the builder owns\n")
    report = write_pages(tmp_path, {"articles/a.md": "A\n"})
    assert report.removed == ("articles/b.md",)
    assert not (tmp_path / "articles/b.md").exists()
    assert hand.exists()
    write_pages(tmp_path, {})
    assert hand.exists() and not (tmp_path / "articles/a.md").exists()


def test_empty_owned_folders_are_pruned(tmp_path: Path) -> None:
    write_pages(tmp_path, {"articles/a.md": "A\n"})
    write_pages(tmp_path, {})
    assert not (tmp_path / "articles").exists()
    assert (tmp_path / MANIFEST).exists()


@pytest.mark.parametrize("path", ["../evil.md", "/etc/evil.md", "articles/../../evil.md", "", "a//b.md", "./a.md"])
def test_paths_outside_the_docs_folder_are_refused(tmp_path: Path, path: str) -> None:
    docs = tmp_path / "docs"
    report = write_pages(docs, {path: "x"})
    assert report.written == () and len(report.refused) == 1
    assert not (tmp_path / "evil.md").exists()


def test_symlink_escape_is_refused(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    outside = tmp_path / "outside"
    outside.mkdir()
    docs.mkdir()
    (docs / "articles").symlink_to(outside)
    with pytest.raises(OutputError):
        safe_target(docs, "articles/a.md")
    report = write_pages(docs, {"articles/a.md": "x"})
    assert report.refused and not (outside / "a.md").exists()


def test_no_temporary_files_are_left(tmp_path: Path) -> None:
    write_pages(tmp_path, {"articles/a.md": "A\n"})
    assert sorted(p.name for p in (tmp_path / "articles").iterdir()) == ["a.md"]


def test_a_page_that_is_a_link_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    outside = tmp_path / "outside.md"
    outside.write_text("not the builder's\n")
    write_pages(docs, {"articles/a.md": "A\n", "articles/b.md": "B\n"})
    (docs / "articles" / "a.md").unlink()
    (docs / "articles" / "a.md").symlink_to(outside)
    report = write_pages(docs, {"articles/a.md": "A again\n", "articles/b.md": "B\n"})
    assert [str(e) for e in report.refused] == ["articles/a.md: output path leads outside the docs folder"]
    assert report.unchanged == ("articles/b.md",)
    assert outside.read_text() == "not the builder's\n"
