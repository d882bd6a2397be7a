"""One article saved twice is one article (builder/corpus/copies.py)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from builder.corpus.load import load_corpus

BODY = ["A tourist ship struck a highway bridge on the Rhine river in western Germany on Tuesday evening.",
        "The Swiss Crystal, which had 129 people on board, hit a pillar of the bridge near Duisburg.",
        "Four people were taken to hospital with serious injuries while 20 others were slightly hurt."]


def _text(path: Path, title: str, body: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(title + "\n\n" + "\n\n".join(body) + "\n", encoding="utf-8")


def _record(path: Path, title: str, body: list[str], url: str, domain: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"title": title, "text": "\n".join(body), "url": url, "source_domain": domain,
                                "date_publish": "2017-12-27 00:00:00", "authors": ["Jane Doe"]}), encoding="utf-8")


def _load(seeds: Path):  # type: ignore[no-untyped-def]
    return load_corpus(seeds, dt.date(2026, 1, 1))


def test_a_record_and_the_text_it_was_made_from_are_one_article(tmp_path: Path) -> None:
    """News clusters: every article as a news-please record and as text, side by side."""
    _text(tmp_path / "a1.txt", "Ship hits bridge", BODY)
    _record(tmp_path / "a1.json", "Ship hits bridge", BODY, "http://www.dw.com/ship", "www.dw.com")
    corpus = _load(tmp_path)
    assert [a.name for a in corpus.articles] == ["a1.json"]  # the one with the metadata
    [copy] = corpus.skipped
    assert copy.path.name == "a1.txt"
    assert copy.reason == "a copy of a1.json (the same text), which is kept: it has more metadata"


def test_the_same_file_under_two_names_is_one_article(tmp_path: Path) -> None:
    """BBC corpus: 138 of its 2,225 files repeat another's text (35 under another
    headline); the first is kept. Case, punctuation and spacing do not make a copy
    another article."""
    _text(tmp_path / "business" / "007.txt", "Ship hits bridge", BODY)
    _text(tmp_path / "business" / "253.txt", "Ship hits", [b.replace(",", "").upper() for b in BODY])
    _text(tmp_path / "business" / "300.txt", "Another story", [b.replace("Tuesday", "Monday") for b in BODY])
    corpus = _load(tmp_path)
    assert [a.name for a in corpus.articles] == ["business/007.txt", "business/300.txt"]
    assert [(s.path.name, s.reason) for s in corpus.skipped] == [
        ("253.txt", "a copy of business/007.txt (the same text), which is kept: it comes first")]


def test_a_page_saved_twice_with_a_line_more_is_one_article(tmp_path: Path) -> None:
    """The same name but for the extension, and nearly the same text (a caption more)."""
    _text(tmp_path / "x.txt", "Ship hits bridge", [*BODY, "More than 100 passengers were on the cruise from Basel."])
    _record(tmp_path / "x.json", "Ship hits bridge", BODY, "http://www.dw.com/ship", "www.dw.com")
    corpus = _load(tmp_path)
    assert [a.name for a in corpus.articles] == ["x.json"]
    assert "the same name and nearly the same text" in corpus.skipped[0].reason
    # Two different articles under one name stay two.
    _text(tmp_path / "two" / "y.txt", "Ship hits bridge", BODY)
    _text(tmp_path / "two" / "y.md", "Other", ["The council met on Monday and voted to close the old bridge over the river for repairs.",
                                       "Work will start in the spring and take about a year, the mayor said on Monday."])
    assert [a.name for a in _load(tmp_path / "two").articles] == ["y.md", "y.txt"]


def test_an_agency_story_two_outlets_printed_is_two_articles(tmp_path: Path) -> None:
    """The same AP text at two addresses is two outlets reporting it; the text beside
    one of them (no address) is still that one's copy."""
    _record(tmp_path / "nyt.json", "Ship hits bridge", BODY, "https://www.nytimes.com/aponline/ship", "www.nytimes.com")
    _record(tmp_path / "dm.json", "Ship hits bridge", BODY, "http://www.dailymail.co.uk/wires/ap/ship", "www.dailymail.co.uk")
    _text(tmp_path / "dm.txt", "Ship hits bridge", BODY)
    corpus = _load(tmp_path)
    assert sorted(a.name for a in corpus.articles) == ["dm.json", "nyt.json"]
    assert [s.path.name for s in corpus.skipped] == ["dm.txt"]
    # Without addresses, two outlets named in the text are two articles too.
    for name, agency in (("p.txt", "AP"), ("q.txt", "Reuters")):
        _text(tmp_path / "other" / name, "Ship hits bridge", [f"DUISBURG, Germany ({agency}) — {BODY[0]}", *BODY[1:]])
    assert [a.name for a in _load(tmp_path / "other").articles] == ["p.txt", "q.txt"]


def test_many_copies_of_one_text_stay_linear(tmp_path: Path) -> None:
    """Hostile: 300 files of one text at 300 addresses are 300 articles, and 300 files of
    one text without any are one (each tried against a few sets, not all)."""
    for k in range(300):
        _record(tmp_path / "urls" / f"{k:03d}.json", "Ship", BODY, f"http://example.com/{k}", "example.com")
        _text(tmp_path / "plain" / f"{k:03d}.txt", "Ship", BODY)
    assert len(_load(tmp_path / "urls").articles) == 300
    plain = _load(tmp_path / "plain")
    assert [a.name for a in plain.articles] == ["000.txt"] and len(plain.skipped) == 299
