"""Each reader on small files, one case per test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import write

from builder.corpus.decoding import decode
from builder.corpus.metadata import derived_title, parse_date
from builder.corpus.readers import READERS, read
from builder.errors import SourceError


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


FRONT = '---\ntitle: "Bridge to reopen"\ndate: 2025-04-29T22:05:32\nauthor: "badely"\nlayout: post\n---\n\n'


def test_a_text_file_that_opens_with_front_matter_is_read_as_a_post(tmp_path: Path) -> None:
    """Seed 004 is a `.txt` file with Jekyll front matter: recognised by content, not suffix."""
    raw = read(write(tmp_path / "a.txt", FRONT + "First paragraph.\n\nSecond paragraph.\n"), "a.txt")
    assert raw.fields["title"].value == "Bridge to reopen"
    assert raw.fields["author"].value == "badely"
    assert [b.text for b in raw.blocks] == ["First paragraph.", "Second paragraph."]
    assert [b.line for b in raw.blocks] == [8, 10]
    assert raw.format == "text with front matter"
    assert [(r.rule, r.line) for r in raw.removed] == [("front-matter", 1)]


def test_an_html_post_that_opens_with_front_matter(tmp_path: Path) -> None:
    raw = read(write(tmp_path / "a.html", FRONT + "<p>First paragraph.</p>\n\n<h2>Sub</h2>\n<p>Second.</p>\n"), "a.html")
    assert raw.fields["title"].value == "Bridge to reopen"
    assert [(b.kind, b.text) for b in raw.blocks] == [("paragraph", "First paragraph."), ("heading", "Sub"),
                                                       ("paragraph", "Second.")]


def test_a_dashed_line_that_is_not_front_matter_stays_text(tmp_path: Path) -> None:
    raw = read(write(tmp_path / "a.txt", "---\nJust a separator someone pasted, then text.\n---\nMore text.\n"), "a.txt")
    assert raw.fields == {} and raw.format == "text"
    assert "More text." in [b.text for b in raw.blocks]


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


@pytest.mark.parametrize("text, title, cut", [
    ("The council voted to repair the bridge. It will cost $48 million.", "The council voted to repair the bridge.", False),
    # Seed 000: 224 characters; cut where a phrase ends, not mid-phrase ("...in the…").
    ("Canadian Prime Minister Mark Carney is set to visit the White House in the hope of securing a fresh trade "
     "deal with the United States in the wake of his Liberal Party's election victory, according to President "
     "Donald Trump.",
     "Canadian Prime Minister Mark Carney is set to visit the White House in the hope of securing a fresh trade deal…",
     True),
    ("Amid tussle between the two countries, US President Donald Trump on Tuesday congratulated Mark Carney on "
     "victory in the Canadian national elections.",
     "Amid tussle between the two countries, US President Donald Trump on Tuesday congratulated Mark Carney…", True),
])
def test_a_title_made_from_the_first_sentence(text: str, title: str, cut: bool) -> None:
    assert derived_title(text) == (title, cut)


def test_an_article_without_a_headline_says_its_title_was_derived(tmp_path: Path) -> None:
    from builder.corpus.load import load_corpus

    write(tmp_path / "seeds" / "a.txt", "The council voted on Tuesday to repair the harbour bridge at a cost of $48 million.\n"
          "The mayor said the vote ended a long wait.\n")
    article = load_corpus(tmp_path / "seeds", dt.date(2025, 6, 1)).articles[0]
    assert article.metadata.title_derived
    assert article.metadata.title.origin.startswith("derived from the first sentence")


def test_a_headline_over_its_lead_is_no_wrapped_paragraph(tmp_path: Path) -> None:
    """News clusters: the title repeated, then the lead on the next line."""
    head = "Deadliest US shooting: 58 killed, and 527 injured at Las Vegas music fest"
    lead = ("At least 59 people were killed, and 527 were injured in a mass shooting during an open-air music "
            "festival in Las Vegas, near the Mandalay Bay Resort and Casino on Sunday night.")
    raw = read(write(tmp_path / "a.txt", f"{head}\n\n{head}\n{lead}\n"), "a.txt")
    assert [b.text for b in raw.blocks] == [head, head, lead]


def test_a_short_line_over_a_long_one_is_no_wrapped_paragraph(tmp_path: Path) -> None:
    """News clusters: an aggregator's "Published" line, then the page's run-on text on
    the next line: two blocks, so the date line can be read as one (issue 20)."""
    long_line = "IndieWire The director and stars reveal a ton of details about the episode " * 4
    text = "Headline here\n\n60 Published By - Google News - Entertainment - 2017.12.30. 18:26\n" + long_line + "\n"
    raw = read(write(tmp_path / "a.txt", text), "a.txt")
    assert [b.text for b in raw.blocks][1] == "60 Published By - Google News - Entertainment - 2017.12.30. 18:26"


@pytest.mark.parametrize("value, date", [
    ("POSTED: 1052 GMT (1852 HKT), April 10, 2007", dt.date(2007, 4, 10)),
    ("3 July 2013 Last updated at 13:38 GMT", dt.date(2013, 7, 3)),
    ("Tuesday, July 2, 2013", dt.date(2013, 7, 2)),
    ("2017.12.30. 18:26", dt.date(2017, 12, 30)),
    ("2017/12/30", dt.date(2017, 12, 30)),
    ("28 mars 2025", dt.date(2025, 3, 28)),
])
def test_parse_date_reads_the_date_inside_a_date_line(value: str, date: dt.date) -> None:
    """Issue 20: dateparser, handed the whole "POSTED: ..." line, spent 2.3 s and failed;
    the date in it is read on its own."""
    assert parse_date(value) == date


def test_parse_date_gives_up_on_a_day_without_a_year() -> None:
    assert parse_date("28 March") is None and parse_date("1052 GMT (1852 HKT)") is None
