"""Posts from static-site generators (Jekyll, Hugo, WordPress exports), one case per test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import write

from builder.corpus.metadata import parse_date
from builder.corpus.readers import read
from builder.errors import SourceError

BODY = "The ferry timetable changes on Monday, the operator said in a notice to passengers.\n"


def test_wordpress_export_keys_and_character_references(tmp_path: Path) -> None:
    text = ("---\nID: 41\npost_title: 'Buses &#038; ferries: one ticket'\npost_author: Mara Quinn\n"
            "post_excerpt: \"Fares &#8211; and passes &#8211; merge\"\npost_date: 2025-05-09 10:12:44\n"
            "published: true\n---\n" + BODY)
    raw = read(write(tmp_path / "buses.md", text), "buses.md")
    assert raw.fields["title"].value == "Buses & ferries: one ticket"
    assert raw.fields["title"].origin == "front matter `post_title`"
    assert raw.fields["author"].value == "Mara Quinn"
    assert raw.fields["description"].value == "Fares – and passes – merge"
    assert parse_date(raw.fields["date"].value) == dt.date(2025, 5, 9)


def test_published_true_is_not_a_date(tmp_path: Path) -> None:
    raw = read(write(tmp_path / "a.md", "---\ntitle: T\npublished: true\n---\n" + BODY), "a.md")
    assert "date" not in raw.fields


def test_a_character_reference_in_any_value(tmp_path: Path) -> None:
    raw = read(write(tmp_path / "a.md", "---\ntitle: \"Code Convening&#58; Write The Docs\"\n---\n" + BODY), "a.md")
    assert raw.fields["title"].value == "Code Convening: Write The Docs"


def test_jekyll_date_from_the_file_name(tmp_path: Path) -> None:
    raw = read(write(tmp_path / "2012-06-25-ferry.md", "---\ntitle: T\n---\n" + BODY), "2012-06-25-ferry.md")
    assert raw.fields["date"].value == dt.date(2012, 6, 25)
    assert raw.fields["date"].origin == "file name"


def test_the_front_matter_date_wins_over_the_file_name(tmp_path: Path) -> None:
    raw = read(write(tmp_path / "2015-02-24-guide.md", "---\ntitle: T\ndate: 2015-03-03\n---\n" + BODY),
               "2015-02-24-guide.md")
    assert raw.fields["date"].value == dt.date(2015, 3, 3)


def test_no_date_from_a_name_that_is_not_a_date(tmp_path: Path) -> None:
    raw = read(write(tmp_path / "2012-13-40-x.md", "---\ntitle: T\n---\n" + BODY), "2012-13-40-x.md")
    assert "date" not in raw.fields


def test_liquid_is_taken_out_and_listed(tmp_path: Path) -> None:
    text = ("---\ntitle: T\n---\n\nMaps are at {{ site.baseurl }}/maps for every route.\n\n"
            "{% include figure.html src=\"/a.png\" %}\n\n{{ \"ana\" | team_link }} drew them.\n")
    raw = read(write(tmp_path / "a.md", text), "a.md")
    assert [b.text for b in raw.blocks] == ["Maps are at /maps for every route.", "drew them."]
    template = [(r.line, r.text) for r in raw.removed if r.rule == "template"]
    assert template == [(5, "{{ site.baseurl }}"), (7, '{% include figure.html src="/a.png" %}'),
                        (9, '{{ "ana" | team_link }}')]


def test_hugo_shortcodes_are_taken_out(tmp_path: Path) -> None:
    text = ('+++\ntitle = "T"\n+++\n\nThe launch, on video:\n\n{{< youtube abc123 >}}\n\n'
            '{{% notice %}}Fares are frozen.{{% /notice %}}\n')
    raw = read(write(tmp_path / "a.md", text), "a.md")
    assert [b.text for b in raw.blocks] == ["The launch, on video:", "Fares are frozen."]
    assert {r.text for r in raw.removed if r.rule == "template"} == {
        "{{< youtube abc123 >}}", "{{% notice %}}", "{{% /notice %}}"}


def test_highlight_blocks_become_code(tmp_path: Path) -> None:
    text = ("---\ntitle: T\n---\n\nIn Python:\n\n{% highlight python %}\nfare = 4.5\n\nprint(fare)\n"
            "{% endhighlight %}\n\nIn Hugo:\n\n{{< highlight go >}}\nfmt.Println(fare)\n{{< /highlight >}}\n")
    raw = read(write(tmp_path / "a.md", text), "a.md")
    assert [(b.kind, b.text) for b in raw.blocks] == [
        ("paragraph", "In Python:"), ("code", "fare = 4.5\n\nprint(fare)"),
        ("paragraph", "In Hugo:"), ("code", "fmt.Println(fare)")]


def test_raw_keeps_its_content_and_code_fences_keep_theirs(tmp_path: Path) -> None:
    text = ("---\ntitle: T\n---\n\n{% raw %}Write {{ page.title }} in a layout.{% endraw %}\n\n"
            "```liquid\n{% for post in site.posts %}\n\n{{ post.title }}\n{% endfor %}\n```\n")
    raw = read(write(tmp_path / "a.md", text), "a.md")
    assert [(b.kind, b.text) for b in raw.blocks] == [
        ("paragraph", "Write {{ page.title }} in a layout."),
        ("code", "{% for post in site.posts %}\n\n{{ post.title }}\n{% endfor %}")]


def test_a_fence_with_blank_lines_is_one_code_block(tmp_path: Path) -> None:
    text = "---\ntitle: T\n---\n\nThe front matter:\n\n```yaml\n---\nlayout: post\n\ntitle: x\n---\n```\n\nAfter.\n"
    raw = read(write(tmp_path / "a.md", text), "a.md")
    assert [(b.kind, b.text, b.line) for b in raw.blocks] == [
        ("paragraph", "The front matter:", 5), ("code", "---\nlayout: post\n\ntitle: x\n---", 7),
        ("paragraph", "After.", 15)]


def test_an_indented_code_block_with_a_blank_line_is_one_block(tmp_path: Path) -> None:
    raw = read(write(tmp_path / "a.md", "---\ntitle: T\n---\n\nRun:\n\n    make site\n\n    make test\n\nDone.\n"), "a.md")
    assert [(b.kind, b.text) for b in raw.blocks] == [("paragraph", "Run:"), ("code", "make site\n\nmake test"),
                                                      ("paragraph", "Done.")]


def test_a_markdown_table(tmp_path: Path) -> None:
    raw = read(write(tmp_path / "a.md", "---\ntitle: T\n---\n\n| Route | Fare |\n| --- | --- |\n| Quay | 4.50 |\n"), "a.md")
    assert [(b.kind, b.rows) for b in raw.blocks] == [("table", (("Route", "Fare"), ("Quay", "4.50")))]


@pytest.mark.parametrize(("name", "text", "reason"), [
    ("index.html", "---\nlayout: default\n---\n{% for post in paginator.posts %}\n{% include post.html %}\n{% endfor %}\n",
     "loops over paginator.posts"),
    ("index.md", "---\ntitle: Home\n---\n\n<h2>All stories</h2>\n\n{% for post in site.posts %}{{ post.title }}{% endfor %}\n",
     "loops over site.posts"),
    ("blog.html", "---\ntitle: Blog\n---\n{%\n  include previews.html\n  posts=paginator.posts\n%}\n<p>Page {{ paginator.page }}</p>\n",
     "pages through posts"),
    ("_index.md", '+++\ntitle = "Posts"\n+++\n\nEverything we wrote.\n', "Hugo section list page"),
    ("archives.md", "---\ndate: 2019-05-28\nlayout: archives\n---\n", "layout: archives"),
])
def test_a_listing_page_is_skipped_with_its_reason(tmp_path: Path, name: str, text: str, reason: str) -> None:
    with pytest.raises(SourceError, match=reason) as info:
        read(write(tmp_path / name, text), name)
    assert "not a post" in info.value.reason and "\n" not in info.value.reason


def test_a_post_that_loops_over_its_own_data_is_a_post(tmp_path: Path) -> None:
    text = "---\ntitle: T\n---\n\n" + BODY + "\n{% for stop in page.stops %}{{ stop }}{% endfor %}\n"
    raw = read(write(tmp_path / "a.md", text), "a.md")
    assert [b.text for b in raw.blocks] == [BODY.strip()]


def test_front_matter_after_an_html_comment(tmp_path: Path) -> None:
    text = "<!-- posts go in _posts -->\n---\ntitle: Sentence case\nauthors:\n- ana\n---\n" + BODY
    raw = read(write(tmp_path / "a.md", text), "a.md")
    assert raw.fields["title"].value == "Sentence case" and raw.fields["author"].value == "ana"
    assert [b.text for b in raw.blocks] == [BODY.strip()]
    assert "after an HTML comment" in raw.removed[0].reason


def test_an_html_post_keeps_its_code_whole_and_its_lines(tmp_path: Path) -> None:
    text = ("---\ntitle: T\n---\n<p>Nested transactions:</p>\n<pre><code>User.transaction do\n\n  raise Rollback\n"
            "end</code></pre>\n<p>That is all.</p>\n")
    raw = read(write(tmp_path / "a.html", text), "a.html")
    assert [(b.kind, b.text, b.line) for b in raw.blocks] == [
        ("paragraph", "Nested transactions:", 4), ("code", "User.transaction do\n\n  raise Rollback\nend", 5),
        ("paragraph", "That is all.", 9)]


@pytest.mark.parametrize(("text", "words"), [
    ("The ferry sails at seven.", 5),
    ("今天微信又刷爆了我的朋友圈。", 13),  # each Han character is a word; 。 is none
    ("Web 在继续离我们远去", 9),
    ("如何评价 MIUI 6？", 6),
    ("フェリーは七時に出ます", 11),
])
def test_words_are_counted_in_scripts_without_spaces(text: str, words: int) -> None:
    from builder.model import count_words

    assert count_words(text) == words


def test_a_chinese_post_has_as_many_words_as_characters(tmp_path: Path) -> None:
    from builder.corpus.load import load_corpus

    body = "我们说说 Web，the Web。\n\n我们常说的 Web，其实是 World Wide Web 的简称。\n"
    write(tmp_path / "seeds" / "2016-09-22-web.md", "---\ntitle: Web 在继续离我们远去\n---\n\n" + body)
    article, = load_corpus(tmp_path / "seeds", dt.date(2025, 6, 1)).articles
    assert article.words == (4 + 3) + (5 + 1 + 3 + 3 + 3)  # 我们说说 Web the Web; 我们常说的 Web 其实是 World Wide Web 的简称
