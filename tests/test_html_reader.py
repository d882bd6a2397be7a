"""The HTML reader (builder/corpus/readers/html/) on small made-up pages, one case each."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import write

from builder.corpus.readers import read
from builder.corpus.readers.html import extract
from builder.corpus.readers.html.pagemeta import page_metadata

LEAD = ("Ferry crews in Port Elling walked out on Monday after talks over night shifts broke down, "
        "leaving hundreds of commuters to find another way across the harbour. ")
MORE = "The operator said it would run a reduced timetable and publish it online by the evening. " * 2


def page(body: str, title: str = "Ferry crews walk out over night shifts", head: str = "") -> str:
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<title>{title} - Harbour Gazette</title>
<meta property="og:site_name" content="Harbour Gazette">
<meta name="author" content="Tomas Reyes">
<meta property="article:published_time" content="2024-11-04T08:30:00Z">
<meta name="description" content="Commuters face delays as the ferry strike begins.">
{head}
</head>
<body>
<header><nav><ul><li><a href="/">Front page</a></li><li><a href="/local">Local</a></li><li><a href="/weather">Weather</a></li></ul></nav></header>
<main>
<article>
<h1>{title}</h1>
{body}
</article>
</main>
<footer><p>Harbour Gazette, 12 Quay Street. All rights reserved.</p></footer>
</body>
</html>
"""


def kinds(html: str) -> list[tuple[str, str]]:
    return [(p.kind, p.text) for p in extract(html).pieces]


def test_text_after_a_heading_is_a_paragraph_of_its_own() -> None:
    html = page(f"<p>{LEAD}</p>\n<h2>What changes for commuters</h2>\nThe early sailing at 5.40 is "
                f"cancelled until further notice, the operator confirmed.\n<p>{MORE}</p>")
    assert ("paragraph", "The early sailing at 5.40 is cancelled until further notice, the operator confirmed.") \
        in kinds(html)


def test_line_breaks_separate_words() -> None:
    html = page(f"<p>{LEAD}</p><p>Harbour Office<br>Quay Street, Port Elling<br>Open daily from eight</p><p>{MORE}</p>")
    texts = [t for _, t in kinds(html)]
    assert "Harbour Office\nQuay Street, Port Elling\nOpen daily from eight" in texts


def test_a_data_table_is_rows_of_cells() -> None:
    html = page(f"<p>{LEAD}</p><table><tr><th>Route</th><th>Sailings</th></tr><tr><td>Quay to Point</td>"
                f"<td>6</td></tr><tr><td>Point to Isle</td><td>2</td></tr></table><p>{MORE}</p>")
    table = next(p for p in extract(html).pieces if p.kind == "table")
    assert table.rows == (("Route", "Sailings"), ("Quay to Point", "6"), ("Point to Isle", "2"))


def test_a_layout_table_is_text() -> None:
    html = page(f"<table><tr><td><p>{LEAD}</p><p>{MORE}</p></td></tr></table>")
    assert not any(p.kind == "table" for p in extract(html).pieces)
    assert any(LEAD.strip() in t for _, t in kinds(html))


def test_code_is_kept_verbatim() -> None:
    code = "for route in routes:\n    if route.cancelled:\n        notify(route)"
    html = page(f"<p>{LEAD}</p><pre><code>{code}</code></pre><p>{MORE}</p>")
    assert ("code", code) in kinds(html)


def test_list_items() -> None:
    html = page(f"<p>{LEAD}</p><ul><li>Buses replace the 5.40 sailing.</li><li>Season tickets are valid on buses.</li>"
                f"</ul><p>{MORE}</p>")
    assert [t for k, t in kinds(html) if k == "item"] == ["Buses replace the 5.40 sailing.",
                                                          "Season tickets are valid on buses."]


def test_a_dateline_in_its_own_paragraph_joins_its_sentence() -> None:
    html = page(f"<p><b>PORT ELLING –</b></p><p>{LEAD}</p><p>{MORE}</p>")
    assert kinds(html)[0] == ("paragraph", f"PORT ELLING – {LEAD.strip()}")


def test_the_headline_repeated_in_the_text_is_left_out_and_said_so() -> None:
    result = extract(page(f"<p>{LEAD}</p><p>{MORE}</p>"))
    assert "Ferry crews walk out" not in result.text
    assert ("title", "Ferry crews walk out over night shifts") in [(d.rule, d.text) for d in result.dropped]


def test_metadata() -> None:
    md = extract(page(f"<p>{LEAD}</p>")).metadata
    assert (md["title"], md["author"], md["date"], md["sitename"]) == (
        "Ferry crews walk out over night shifts", "Tomas Reyes", "2024-11-04", "Harbour Gazette")


@pytest.mark.parametrize("head", [
    "",
    '<link rel="canonical" href="https://gazette.example/local/ferry-strike">',
    ('<script type="application/ld+json">{"@type": "NewsArticle", "author": {"@type": "Person", '
     '"name": "Ana Lima"}, "datePublished": "2024-11-03"}</script>'),
])
def test_metadata_is_trafilaturas(head: str) -> None:
    """pagemeta.py is trafilatura's extract_metadata made fast; it must say the same.
    (It calls trafilatura's helpers by name: pyproject.toml pins trafilatura 2.3.)"""
    from trafilatura.metadata import extract_metadata
    from trafilatura.utils import load_html

    html = page(f'<p>{LEAD}</p><p class="byline">By <a href="/author/ana">Ana Lima</a></p>'
                f'<p>Filed under <a href="/category/transport/">Transport</a>, <a href="/tag/strikes/">strikes</a></p>',
                head=head)
    theirs = extract_metadata(load_html(html)).as_dict()
    ours = page_metadata(load_html(html), html)
    for field in ("title", "author", "date", "sitename", "url", "hostname", "description", "categories", "tags"):
        assert (ours.get(field) or None) == (theirs.get(field) or None), field


def test_every_piece_has_the_line_its_text_starts_on() -> None:
    html = page(f"<p>{LEAD}</p>\n<h2>Talks to resume</h2>\n<p>{MORE}</p>\n<table><tr><td>“</td><td>We are ready "
                f"to talk tonight,” the union said.</td></tr><tr><td>“</td><td>We are not,” the operator said.</td></tr>"
                f"</table>")
    lines = html.split("\n")
    pieces = extract(html).pieces
    assert pieces and all(p.line is not None for p in pieces)
    for p in pieces:
        first = (p.rows[0][1] if p.kind == "table" else p.text).split()[0].strip("“")
        assert first in lines[p.line - 1], (p.text, p.line)  # type: ignore[operator]


def test_what_is_left_out_is_reported_with_a_reason() -> None:
    result = extract(page(f"<p>{LEAD}</p><p>{MORE}</p>"))
    reasons = {d.reason for d in result.dropped}
    assert "navigation" in reasons
    nav = next(d for d in result.dropped if d.reason == "navigation")
    assert nav.count == 3 and nav.text == "Front page · Local · Weather" and nav.line is not None
    assert any("All rights reserved" in d.text for d in result.dropped)


def test_loose_text_between_blocks_is_kept() -> None:
    html = page(f"<div class='story'><div class='gallery'><img src='f.jpg'><p class='credit'>Photo: Gazette</p></div>\n"
                f"Night crews say the new rota leaves them with three hours' sleep between shifts.<br><br>\n"
                f"A spokesperson for the <em>operator</em> declined to comment.<br><br>{LEAD}{MORE}</div>")
    text = extract(html).text
    assert "Night crews say the new rota" in text
    assert "A spokesperson for the operator declined to comment." in text


def test_a_hover_card_is_not_glued_into_the_sentence() -> None:
    html = page(f"<p>The strike was called by <span class='person-link'><a href='/p/ng'>Grace Ng</a>"
                f"<span class='hover-card'><a href='/x'>Grace Ng: ten stories about the port</a></span></span>"
                f", the union's secretary, on Sunday. {LEAD}{MORE}</p>")
    result = extract(html)
    assert "ten stories" not in result.text and "called by Grace Ng, the union's secretary" in result.text
    assert any(d.rule == "hover-card" for d in result.dropped)


def test_a_page_without_text_is_a_source_error(tmp_path: Path) -> None:
    from builder.errors import SourceError

    with pytest.raises(SourceError, match="no article text"):
        read(write(tmp_path / "empty.html", "<html><head><title>Nothing</title></head><body><script>x()</script>"
                                             "</body></html>"), "empty.html")


def test_the_reader_gives_blocks_with_lines_and_the_report(tmp_path: Path) -> None:
    html = page(f"<p>{LEAD}</p>\n<ul><li>Buses replace the early sailing.</li></ul>\n"
                "<table><tr><th>Route</th><th>Sailings</th></tr><tr><td>Quay | Point</td><td>6</td></tr></table>\n"
                f"<pre><code>status = 'cancelled'</code></pre>\n<p>{MORE}</p>")
    raw = read(write(tmp_path / "p.html", html), "p.html")
    assert [b.kind for b in raw.blocks] == ["paragraph", "paragraph", "table", "code", "paragraph"]
    assert raw.blocks[2].rows == (("Route", "Sailings"), ("Quay | Point", "6"))
    assert all(b.line > 0 for b in raw.blocks)
    assert raw.fields["outlet"].value == "Harbour Gazette" and raw.fields["author"].value == "Tomas Reyes"
    rules = {r.rule for r in raw.removed}
    assert {"extraction", "title"} <= rules
    assert all(r.reason for r in raw.removed)
