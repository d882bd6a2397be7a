"""Each reader on small files, one case per test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from builder.decoding import decode
from builder.errors import SourceError
from builder.metadata import parse_date
from builder.readers import READERS, read
from conftest import write


def test_registry_covers_every_documented_format() -> None:
    assert {".txt", ".md", ".markdown", ".html", ".htm", ".json"} <= set(READERS)


def test_unknown_suffix_is_a_source_error_naming_the_file(tmp_path: Path) -> None:
    path = write(tmp_path / "notes.docx", "x")
    with pytest.raises(SourceError, match=r"notes\.docx: no reader for '\.docx'"):
        read(path, "notes.docx")


def test_text_blank_line_paragraphs_and_hard_wrapped_lines(tmp_path: Path) -> None:
    text = (
        "Headline here\n\n"
        "This paragraph was wrapped by the site that published it so that\n"
        "it arrives over several lines of roughly equal length and no stop\n"
        "until the end.\n\n"
        "Second paragraph.\n"
    )
    raw = read(write(tmp_path / "a.txt", text), "a.txt")
    assert [b.text for b in raw.blocks] == [
        "Headline here",
        "This paragraph was wrapped by the site that published it so that it arrives over "
        "several lines of roughly equal length and no stop until the end.",
        "Second paragraph.",
    ]
    assert [b.line for b in raw.blocks] == [1, 3, 7]


def test_text_one_paragraph_per_line(tmp_path: Path) -> None:
    # news-clusters shape: a title, a blank line, then one paragraph per line.
    text = "Title\n\nFirst paragraph is a full sentence.\nSecond paragraph is another one.\nShort\n"
    raw = read(write(tmp_path / "a.txt", text), "a.txt")
    assert [b.text for b in raw.blocks] == ["Title", "First paragraph is a full sentence.", "Second paragraph is another one.", "Short"]


def test_yaml_front_matter_jekyll_shape(tmp_path: Path) -> None:
    text = (
        "---\ntitle: \"A: title\"\ndate: 2025-04-29 09:30:00 -0400\nauthor: badely\n"
        "categories: [news, local]\ntags: bridge, council\nexcerpt: Short.\nimage: /img/x.jpg\nmood: happy\n---\n\n"
        "Body with **bold** and a [link](https://example.org).\n"
    )
    raw = read(write(tmp_path / "post.md", text), "post.md")
    assert raw.fields["title"].value == "A: title"
    assert raw.fields["title"].origin == "front matter `title`"
    assert parse_date(raw.fields["date"].value) == dt.date(2025, 4, 29)  # YAML keeps Jekyll's form as text
    assert raw.fields["author"].value == "badely"
    assert raw.fields["categories"].value == ("news", "local")
    assert raw.fields["tags"].value == ("bridge", "council")
    assert raw.fields["description"].value == "Short."
    assert raw.fields["image"].value == "/img/x.jpg"
    assert raw.extra == (("mood", "happy"),)
    assert [b.text for b in raw.blocks] == ["Body with bold and a link."]
    assert raw.blocks[0].line == 12


def test_toml_front_matter_hugo_shape(tmp_path: Path) -> None:
    text = '+++\ntitle = "Hugo"\ndate = 2025-04-30T08:00:00Z\nauthors = ["A B", "C D"]\ntags = ["x"]\n+++\n\n## Sub\n\nText.\n'
    raw = read(write(tmp_path / "post.md", text), "post.md")
    assert raw.fields["author"].value == "A B, C D"
    assert raw.fields["tags"].value == ("x",)
    assert [(b.kind, b.text) for b in raw.blocks] == [("heading", "Sub"), ("paragraph", "Text.")]


def test_jekyll_author_mapping_and_string_date(tmp_path: Path) -> None:
    text = "---\ntitle: T\ndate: 'April 29, 2025'\nauthor:\n  name: Jane Doe\n  url: https://x\n---\nBody.\n"
    raw = read(write(tmp_path / "p.markdown", text), "p.markdown")
    assert raw.fields["author"].value == "Jane Doe"
    assert raw.fields["date"].value == "April 29, 2025"


@pytest.mark.parametrize(
    ("front", "message"),
    [
        ("---\n!!python/object/apply:os.system ['echo hi']\n---\nBody\n", "front matter cannot be read"),
        ("---\na: &x [1]\nb: *x\n---\nBody\n", "aliases"),
        ("---\ntitle: [unclosed\n---\nBody\n", "front matter cannot be read"),
        ("---\n- a\n- b\n---\nBody\n", "not a mapping"),
        ("---\ntitle: no end\nBody\n", "front matter cannot be read"),
        ("---\nk: " + "x" * 70_000 + "\n---\nBody\n", "limit"),
    ],
    ids=["python-object", "alias", "broken", "list", "unterminated", "huge"],
)
def test_bad_front_matter_is_a_clear_error_for_that_file(tmp_path: Path, front: str, message: str) -> None:
    path = write(tmp_path / "bad.md", front)
    with pytest.raises(SourceError, match=message) as info:
        read(path, "bad.md")
    assert info.value.path == path


def test_html_main_text_and_metadata_through_trafilatura(tmp_path: Path) -> None:
    html = (
        "<html><head><title>T | Site</title><meta property='og:title' content='Headline'>"
        "<meta property='og:site_name' content='Daily'><meta name='author' content='Jane Doe'>"
        "<meta property='article:published_time' content='2025-05-02T07:00:00Z'></head><body>"
        "<nav>Home News Sport</nav><article><h1>Headline</h1>"
        "<p>The first paragraph of the story has enough words to count as the main text of the page.</p>"
        "<h2>Sub heading</h2><p>A second paragraph follows the heading with more words in it, as they do.</p>"
        "<script>alert(1)</script></article><footer>Subscribe now</footer></body></html>"
    )
    raw = read(write(tmp_path / "page.html", html), "page.html")
    assert raw.fields["title"].value == "Headline"
    assert raw.fields["outlet"].value == "Daily"
    assert raw.fields["author"].value == "Jane Doe"
    assert raw.fields["date"].value == "2025-05-02"
    texts = [b.text for b in raw.blocks]
    assert "Sub heading" in texts and "alert(1)" not in " ".join(texts) and "Home News Sport" not in texts
    assert ("heading", "Sub heading") in [(b.kind, b.text) for b in raw.blocks]


def test_newsplease_json_record(tmp_path: Path) -> None:
    record = '{"title": "T", "text": "One.\\nTwo.", "date_publish": "2017-12-30 00:00:00", "authors": ["A"], "source_domain": "www.dw.com", "url": "http://www.dw.com/x"}'
    raw = read(write(tmp_path / "r.json", record), "r.json")
    assert [b.text for b in raw.blocks] == ["One.", "Two."]
    assert raw.fields["outlet"].value == "dw.com"
    assert raw.fields["date"].value == "2017-12-30 00:00:00"


def test_json_that_is_not_an_article_record(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="not a news-please article record"):
        read(write(tmp_path / "r.json", '{"a": 1}'), "r.json")


class TestDecoding:
    def test_utf8_bom_and_crlf(self) -> None:
        decoded = decode(b"\xef\xbb\xbfOne\r\nTwo\rThree", Path("x.txt"))
        assert decoded.text == "One\nTwo\nThree"
        assert decoded.encoding == "utf-8 (BOM)"

    def test_windows_1252_is_detected_and_named(self) -> None:
        data = "Owners of cafés say the closures could cost them £200 a day, “we rely on trade”.".encode("cp1252")
        decoded = decode(data * 3, Path("x.txt"))
        assert "£200" in decoded.text and "cafés" in decoded.text and "“we rely" in decoded.text
        assert decoded.encoding == "cp1252 (detected)"

    @pytest.mark.parametrize("data", [b"", b"  \n\t\r\n", b"\x00\x01\x02binary\x00"], ids=["empty", "whitespace", "binary"])
    def test_unusable_bytes_are_a_source_error(self, data: bytes) -> None:
        with pytest.raises(SourceError):
            decode(data, Path("x.txt"))

    def test_stray_control_characters_are_dropped(self) -> None:
        assert decode(b"a\x02b" + b" and more text" * 20, Path("x.txt")).text == "ab" + " and more text" * 20
