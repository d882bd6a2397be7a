"""The briefing PDF: contents with page numbers, page x of y, references, paper sizes,
no requests, article text as text."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import FIXTURES
from pypdf import PdfReader

from builder.build import Settings, run
from builder.errors import BriefingError
from builder.pdf import document, export_build
from builder.pdf.export import _refuse_fetch

STORY = FIXTURES / "briefing" / "articles"


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    tmp = tmp_path_factory.mktemp("pdf")
    return run(Settings(seeds=STORY, docs=tmp / "docs", build_date=dt.date(2025, 6, 1)), write=False)


@pytest.fixture(scope="module")
def pdf(story, tmp_path_factory: pytest.TempPathFactory) -> tuple[PdfReader, int]:  # type: ignore[no-untyped-def]
    out = tmp_path_factory.mktemp("pdf-out") / "briefing.pdf"
    result = export_build(story, out, "Briefing")
    reader = PdfReader(out)
    assert len(reader.pages) == result.pages
    return reader, result.pages


def _text(reader: PdfReader, page: int) -> str:
    return reader.pages[page].extract_text() or ""


@pytest.mark.slow
def test_contents_have_page_numbers(pdf) -> None:  # type: ignore[no-untyped-def]
    reader, pages = pdf
    contents = _text(reader, 1)
    entries = re.findall(r"(Timeline|Key figures|Key quotes|References)\s*\.{3,}\s*(\d+)", contents)
    assert {name for name, _ in entries} == {"Timeline", "Key figures", "Key quotes", "References"}
    for name, number in entries:  # each entry points at the page that starts the section
        assert name in _text(reader, int(number) - 1)


@pytest.mark.slow
def test_every_page_but_the_cover_says_page_x_of_y(pdf) -> None:  # type: ignore[no-untyped-def]
    reader, pages = pdf
    assert "Page 1 of" not in _text(reader, 0)
    for index in range(1, pages):
        assert f"Page {index + 1} of {pages}" in _text(reader, index)


@pytest.mark.slow
def test_cover_and_running_header(pdf, story) -> None:  # type: ignore[no-untyped-def]
    reader, _ = pdf
    cover = _text(reader, 0)
    assert story.briefing.headline.text.split()[0] in cover
    assert "6 articles from 5 outlets" in cover and "2025-03-10 to 2025-03-14" in cover and "2025-06-01" in cover
    assert "Overview and key points" in _text(reader, 2)  # the section name runs in the header


@pytest.mark.slow
def test_citations_are_numbered_references(pdf) -> None:  # type: ignore[no-untyped-def]
    reader, pages = pdf
    everything = "\n".join(_text(reader, i) for i in range(pages))
    cited = {int(n) for group in re.findall(r"\[([\d, ]+)\]", everything) for n in group.split(",")}
    # Only the reference list says "paragraph N"; one entry per number cited.
    assert cited == set(range(1, max(cited) + 1))
    assert max(cited) == len(re.findall(r", paragraph \d+", everything))


@pytest.mark.slow
def test_the_comparison_is_printed_landscape(pdf) -> None:  # type: ignore[no-untyped-def]
    reader, pages = pdf
    shapes = [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]
    assert any(w > h for w, h in shapes) and any(w < h for w, h in shapes)


@pytest.mark.slow
@pytest.mark.parametrize(("paper", "size"), [("a4", (595, 842)), ("letter", (612, 792))])
def test_paper_sizes(story, tmp_path: Path, paper: str, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    export_build(story, tmp_path / "b.pdf", "Briefing", paper=paper)
    first = PdfReader(tmp_path / "b.pdf").pages[0].mediabox
    assert (round(float(first.width)), round(float(first.height))) == size


def test_no_request_leaves_the_renderer() -> None:
    for url in ("https://fonts.googleapis.com/css", "http://127.0.0.1/x.png", "file:///etc/passwd"):
        with pytest.raises(BriefingError):
            _refuse_fetch(url)


@pytest.mark.slow
def test_article_markup_is_printed_as_text(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in ("markup_in_text.txt", "title_breakout.md"):
        (seeds / name).write_bytes((FIXTURES / "hostile" / name).read_bytes())
    result = run(Settings(seeds=seeds, docs=tmp_path / "docs"), write=False)
    export_build(result, tmp_path / "b.pdf", "Briefing", with_articles=True)
    reader = PdfReader(tmp_path / "b.pdf")
    text = "\n".join(p.extract_text() or "" for p in reader.pages)
    assert '<script>alert("body")</script>' in text.replace("\n", " ")


def _everything(path: Path) -> str:
    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(path).pages)


def test_briefing_json_names_what_the_briefing_page_shows(story) -> None:  # type: ignore[no-untyped-def]
    page, data = story.pages["briefing/index.md"], json.loads(story.pages["briefing.json"])
    claims = {c["id"]: c for c in data["claims"]}
    key_points = page.split("## Key points", 1)[1].split("\n## ", 1)[0]
    numbered = re.findall(r"^\d+\. (.+)$", key_points, flags=re.M)
    assert len(numbered) == len(data["page"]["key_points"]) > 0
    for line, claim in zip(numbered, data["page"]["key_points"], strict=True):
        assert line.startswith(" ".join(claims[claim]["text"].split()[:4]))
    timeline = page.split("## Timeline", 1)[1].split("\n## ", 1)[0]
    rows = len(re.findall(r"^\| \d{4}-", timeline, flags=re.M)) + len(re.findall(r"^- ", timeline, flags=re.M))
    assert rows == len(data["page"]["timeline"]) > 0
    for section, entries in (("figures", "figures"), ("quotes", "quotes"), ("disagreements", "disagreements")):
        ids = {e["id"] for e in data[entries]}
        assert set(data["page"][section]) <= ids and data["page"][section]


@pytest.mark.slow
def test_the_pdf_prints_what_the_page_shows_and_counts_the_rest(story, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    briefing = story.briefing
    claims = [c for c in briefing.claims if c.id not in briefing.overview and len(c.outlets) > 1]
    kept, dropped = claims[-1], claims[:-1]
    briefing = replace(briefing, page=replace(briefing.page, key_points=(kept.id,), figures=()))
    export_build(replace(story, briefing=briefing), tmp_path / "b.pdf", "Briefing")
    text = _everything(tmp_path / "b.pdf")
    more = f"{len(dropped)} more statements reported by two or more outlets are in briefing.json"
    key_points = text.split("Key points", 1)[1].split(more, 1)[0]
    assert more in text and kept.text in key_points
    assert not any(c.text in key_points for c in dropped)
    assert "No figure is reported by more than one outlet" in text
    assert f"{len(briefing.figures)} more figures are in briefing.json" in text


@pytest.mark.slow
def test_a_long_comparison_prints_the_articles_that_share_most(story, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(document, "COMPARED", 2)
    export_build(story, tmp_path / "b.pdf", "Briefing")
    text = _everything(tmp_path / "b.pdf")
    comparison = text.split("Source comparison", 2)[2].split("How alike", 1)[0]
    assert "The 2 articles that share the most claims with other articles, most first. All 6 are" in comparison
    ranked = sorted(story.briefing.sources, key=lambda s: -s.claims_shared)
    assert ranked[0].claims_shared > ranked[2].claims_shared  # the cut means something
    assert ranked[0].title in comparison and ranked[-1].title not in comparison


def _seeds(tmp_path: Path, **articles: str) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name, text in articles.items():
        (seeds / name).write_text(text, encoding="utf-8")
    return seeds


_FERRY = "The ferry operator said on Monday that crews would return to work on Thursday after the talks."


@pytest.mark.slow
def test_characters_no_font_has_are_one_warning_naming_the_article(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    from builder.cli import main

    # Linear A: no font on a Debian system has it, so it prints as empty boxes.
    seeds = _seeds(tmp_path, **{"ferry.txt": f"Ferry talks\n\n{_FERRY}\n",
                                "tablet.txt": f"Tablet found at the quay\n\n{_FERRY} The tablet reads 𐘀𐘁𐘂.\n"})
    result = run(Settings(seeds=seeds, docs=tmp_path / "docs"), write=False)
    pdf = export_build(result, tmp_path / "b.pdf", "Briefing", with_articles=True)
    assert pdf.missing == ("𐘀", "𐘁", "𐘂")
    assert "in article tablet.txt" in pdf.warning and "empty boxes" in pdf.warning and "\n" not in pdf.warning
    args = ["pdf", "--seeds", str(seeds), "--docs", str(tmp_path / "docs"), "--no-cache", "--with-articles",
            "--out", str(tmp_path / "c.pdf")]
    assert main(args) == 0
    assert main([*args, "--strict"]) == 1
    err = capsys.readouterr().err
    assert "in article tablet.txt" in err and ".notdef" not in err


@pytest.mark.slow
def test_chinese_prints_with_a_cjk_font_where_the_system_has_one(tmp_path: Path) -> None:
    import subprocess

    fonts = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, check=False).stdout
    if not fonts.strip():
        pytest.skip("no CJK font installed (Debian: fonts-noto-cjk; .ci/run installs it)")
    seeds = _seeds(tmp_path, **{"web.md": "---\ntitle: Web 在继续离我们远去\n---\n\n我们说说 Web，the Web。" + _FERRY + "\n"})
    result = run(Settings(seeds=seeds, docs=tmp_path / "docs"), write=False)
    pdf = export_build(result, tmp_path / "b.pdf", "Briefing", with_articles=True)
    assert pdf.missing == () and pdf.warning == ""
    assert "在继续离我们远去" in _everything(tmp_path / "b.pdf")
