"""The briefing and sources pages and briefing.json: cited, escaped, linked."""

from __future__ import annotations

import json
import re

import markdown
import pytest
from test_analysis_claims import corpus_of

from builder.analysis import analyse
from builder.model import Corpus
from builder.render import (
    BRIEFING_PAGE,
    SOURCES_PAGE,
    WhoEntry,
    briefing_json,
    render_analysis_pages,
)
from builder.render.record import SCHEMA_VERSION

HOSTILE = (
    "The council <script>alert(1)</script> voted [here](javascript:alert(1)) to spend {{ config }} "
    "and $48 million on the bridge."
)
_LINK = re.compile(r"\]\(([^)\s]+)")


def _story() -> Corpus:
    return corpus_of(
        ("a", "Harbour <b>Herald</b>", "2025-04-30", [
            HOSTILE, "--8<-- \"/etc/passwd\" was printed, Mayor Dana Whitlock said on Tuesday.",
            "“We <i>will</i> rebuild the bridge for every commuter,” said Mayor Dana Whitlock.",
        ]),
        ("b", "Wire", "2025-04-30", [
            HOSTILE, "“We <i>will</i> rebuild the bridge for every commuter,” Whitlock told reporters.",
        ]),
        ("c", None, None, ["The council <script>alert(1)</script> voted to spend $50 million on the bridge."]),
    )


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    corpus = _story()
    return render_analysis_pages(corpus, analyse(corpus))


def _html(page: str) -> str:
    return markdown.markdown(page, extensions=["attr_list", "tables", "toc", "admonition", "pymdownx.details"])


def test_both_pages_and_nothing_else(pages: dict[str, str]) -> None:
    assert set(pages) == {BRIEFING_PAGE, SOURCES_PAGE}
    assert pages[BRIEFING_PAGE].startswith("---\ntitle: Briefing\n---\n")
    assert pages[SOURCES_PAGE].startswith("---\ntitle: Sources\nhide:\n  - toc\n---\n")


def test_article_text_never_becomes_markup(pages: dict[str, str]) -> None:
    for page in pages.values():
        html = _html(page.split("---\n", 2)[2])
        assert "<script" not in html and "<b>" not in html and "<i>" not in html
        assert "javascript:" not in " ".join(_LINK.findall(page))
        assert "{{" not in page and "--8<--" not in page
    # ...and still reads as what the article says.
    assert "alert(1)" in _html(pages[BRIEFING_PAGE]).replace("&lt;", "<")


def test_every_link_is_a_relative_link_to_an_article_paragraph_or_this_page(pages: dict[str, str]) -> None:
    corpus = _story()
    anchors = {(a.slug, p.anchor) for a in corpus.articles for p in a.paragraphs}
    for page in pages.values():
        links = [link for link in _LINK.findall(page)]
        assert links
        for link in links:
            if link.startswith("#"):
                assert link == "#where-the-sources-disagree"
                continue
            match = re.fullmatch(r"\.\./articles/([a-z0-9-]+)\.md(?:#(p-[0-9a-f]+(?:-\d+)?))?", link)
            assert match, link
            if match.group(2):
                assert (match.group(1), match.group(2)) in anchors
    assert "briefing.pdf" not in pages[BRIEFING_PAGE]


def test_the_briefing_cites_disagreements_and_unattributed_or_unresolved_things_say_so(pages: dict[str, str]) -> None:
    briefing = pages[BRIEFING_PAGE]
    assert "## Where the sources disagree" in briefing and "**Figures differ**" in briefing
    assert "— Mayor Dana Whitlock" in briefing
    assert "(the outlets differ on this" in briefing
    assert "Who's who" not in briefing  # no rows given: no section
    html = _html(briefing.split("---\n", 2)[2])
    assert html.count("<table>") == 2  # timeline, key figures
    assert "| --- |" not in html


def test_whos_who_rows_link_to_entity_pages_and_refuse_other_links() -> None:
    corpus = _story()
    page = render_analysis_pages(corpus, analyse(corpus), [
        WhoEntry("Dana Whitlock", "Mayor of Port Elling", "entities/dana-whitlock.md"),
        WhoEntry("Evil <b>", "javascript:", "javascript:alert(1)"),
        WhoEntry("Ravi Menon", "councillor"),
    ])[BRIEFING_PAGE]
    assert "| [Dana Whitlock](../entities/dana-whitlock.md) | Mayor of Port Elling |" in page
    assert "](javascript" not in page and "<b>" not in _html(page)
    assert "| Ravi Menon | councillor |" in page


def test_the_sources_page_has_a_row_per_article_and_the_comparisons(pages: dict[str, str]) -> None:
    sources = pages[SOURCES_PAGE]
    rows = [line for line in sources.splitlines() if line.startswith("| ") and "](../articles/" in line
            and line.count("|") == 12]
    assert len(rows) == 3
    assert "## Coverage of the main claims" in sources and "[≠](" in sources
    assert "## Disputed figures by outlet" in sources
    assert "## How similar the articles are" in sources
    assert "article c, outlet unknown" in sources
    # Articles, coverage, one per disputed figure, one per shared quote, similarity: tables all.
    html = _html(sources.split("---\n", 2)[2])
    assert html.count("<table>") == 5
    assert "| :---: |" not in html and "| --- |" not in html


def test_briefing_json_is_versioned_and_every_citation_is_verbatim() -> None:
    corpus = _story()
    data = briefing_json(corpus, analyse(corpus))
    assert data["schema"] == "briefing-builder/briefing" and data["version"] == SCHEMA_VERSION
    assert set(data) >= {"headline", "overview", "sources", "claims", "quotes", "figures", "timeline",
                         "disagreements", "similarity", "whos_who"}
    json.dumps(data)  # plain data only
    texts = {(a.slug, p.anchor): p.text for a in corpus.articles for p in a.paragraphs}
    cites = []

    def collect(value: object) -> None:
        if isinstance(value, dict):
            if set(value) == {"article", "anchor", "start", "end", "text"}:
                cites.append(value)
            for v in value.values():
                collect(v)
        elif isinstance(value, list):
            for v in value:
                collect(v)

    collect(data)
    assert len(cites) > 10
    for c in cites:
        assert texts[(c["article"], c["anchor"])][c["start"]:c["end"]] == c["text"]
    sources = data["sources"]
    assert isinstance(sources, list)
    assert [s["outlet"] for s in sources] == ["Harbour <b>Herald</b>", "Wire", "article c, outlet unknown"]


def test_an_empty_corpus_still_renders() -> None:
    corpus = corpus_of()
    pages = render_analysis_pages(corpus, analyse(corpus))
    assert "No articles yet" in pages[BRIEFING_PAGE] and "No articles yet" in pages[SOURCES_PAGE]
    assert briefing_json(corpus, analyse(corpus))["headline"] is None


def test_a_toll_that_changed_is_shown_as_a_sequence_with_its_dates() -> None:
    corpus = corpus_of(
        ("a", "Alpha", "2016-12-07", ["The earthquake in Aceh killed three people, the disaster agency said."]),
        ("b", "Beta", "2016-12-07", ["The death toll from the Aceh earthquake has risen to 11, the agency said."]),
        ("c", "Gamma", "2016-12-08", ["The earthquake in Aceh killed 24 people, the disaster agency said."]),
    )
    analysis = analyse(corpus)
    page = render_analysis_pages(corpus, analysis)[BRIEFING_PAGE]
    rows = [line for line in page.splitlines() if "(reported 2016-12-0" in line]
    assert len(rows) == 3 and rows[0].startswith("| changed over time | three people (reported 2016-12-07)")
    assert "24 people (reported 2016-12-08)" in rows[2] and "**disputed**" not in page.split("## Key figures")[1]
    record = briefing_json(corpus, analysis)
    (toll,) = [f for f in record["figures"] if f["evolving"]]
    assert not toll["disputed"]
    assert [(r["values"], r["reported"]) for r in toll["readings"]] == [
        ([3.0], "2016-12-07"), ([11.0], "2016-12-07"), ([24.0], "2016-12-08")]


def test_every_timeline_row_says_how_it_was_dated() -> None:
    """A date written in full says so; a relative one says what it was counted from."""
    corpus = corpus_of(
        ("a", "Daily One", "2025-04-30", ["The council approved the bridge budget on April 2, 2025, after a long debate.",
                                          "Work on the bridge began on Monday, the council said."]),
        ("b", "Daily Two", "2025-04-30", ["The council approved the bridge budget on April 2, 2025, after a long debate.",
                                          "Work on the bridge began on Monday, officials said."]),
    )
    briefing = render_analysis_pages(corpus, analyse(corpus))[BRIEFING_PAGE]
    rows = [line for line in briefing.splitlines() if line.startswith("| 2025-")]
    assert len(rows) == 2, briefing
    assert "“April 2, 2025”: as written" in rows[0]
    assert "“on Monday”: the Monday on or before 2025-04-30, the publication date" in rows[1]


def test_the_overview_gives_the_main_figure_though_it_ranks_below_the_first_points() -> None:
    told = ["The Harwick council voted on Tuesday to rebuild the Mill Street bridge after the floods.",
            "Engineers praised the decision and the designs drawn up by students at the technical college.",
            "Local shops said the works would bring customers back to the high street within the year.",
            "The new bridge will cost $48 million, the council said."]
    corpus = corpus_of(*[(slug, outlet, "2025-04-30", [*told, *(f"{outlet} reader letter {k} about parking fees "
                                                                f"near the {outlet} office." for k in range(3))])
                         for slug, outlet in (("a", "Alpha"), ("b", "Beta"), ("c", "Gamma"))])
    page = render_analysis_pages(corpus, analyse(corpus))[BRIEFING_PAGE]
    overview = page.split("## Overview")[1].split("## Key points")[0]
    assert "48 million" in overview and "voted on Tuesday" in overview
    assert overview.count("\n\n") >= 3 and "customers back" not in overview  # three sentences, the figure's in
