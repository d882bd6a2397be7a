"""Must-appear and must-not-appear lists per fixture article (tests/fixtures/expectations.yml)."""

from __future__ import annotations

import pytest
import yaml
from conftest import FIXTURES

from builder.model import Corpus

EXPECTED = yaml.safe_load((FIXTURES / "expectations.yml").read_text(encoding="utf-8"))


def test_every_fixture_has_expectations(fixture_corpus: Corpus) -> None:
    assert sorted(EXPECTED) == sorted({a.name for a in fixture_corpus.articles})


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_expectations(name: str, fixture_corpus: Corpus) -> None:
    article, expected = next(a for a in fixture_corpus.articles if a.name == name), EXPECTED[name]
    m = article.metadata
    body = "\n".join(p.text for p in article.paragraphs)
    assert m.title.value == expected["title"]
    for key in ("outlet", "author", "dateline"):
        if key in expected:
            value = getattr(m, key)
            assert value is not None and value.value == expected[key], key
    if "date" in expected:
        assert m.date is not None and m.date.value.isoformat() == expected["date"]
    if "date_origin" in expected:
        assert m.date is not None and m.date.origin == expected["date_origin"]
    if "description" in expected:
        assert m.description is not None and m.description.value == expected["description"]
    tables = [[list(row) for row in p.rows] for p in article.paragraphs if p.kind == "table"]
    assert tables == expected.get("tables", [])
    assert [p.text for p in article.paragraphs if p.kind == "code"] == expected.get("code", [])
    if "encoding" in expected:
        assert article.encoding == expected["encoding"]
    for heading in expected.get("headings", []):
        assert ("heading", heading) in [(p.kind, p.text) for p in article.paragraphs]
    for text in expected.get("must_appear", []):
        assert text in body, text
    for text in expected.get("must_appear_once", []):
        assert body.count(text) == 1, text
    for text in expected.get("must_not_appear", []):
        assert text not in body, text
