"""The analyses on real news clusters (../shared/corpora/news-clusters): citations
verbatim, links to real anchors, the same pages on every build. Skipped where the
corpora are absent."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import CORPORA

from builder.analysis import analyse
from builder.corpus.load import load_corpus
from builder.corpus.sentences import split
from builder.render import briefing_json, render_analysis_pages

CLUSTERS = CORPORA / "news-clusters"
needs_clusters = pytest.mark.skipif(not CLUSTERS.is_dir(), reason="../shared/corpora/news-clusters is not here")
pytestmark = pytest.mark.slow  # every test here reads a real corpus
# Three outlets or more, different kinds of story: a shooting, a data breach, an attack.
SAMPLE = ("64_las_vegas_shooting", "72_hack_equifax_breach", "68_truck_attack_in_nice")
_LINK = re.compile(r"\]\(\.\./articles/([a-z0-9-]+)\.md#([a-z0-9-]+)")


def _seeds(tmp_path: Path, cluster: str) -> Path:
    seeds = tmp_path / cluster
    seeds.mkdir()
    for record in (CLUSTERS / cluster).glob("*.json"):
        shutil.copy(record, seeds / record.name)  # a temporary copy, never in the project
    return seeds


@needs_clusters
@pytest.mark.parametrize("cluster", SAMPLE)
def test_cluster_citations_are_verbatim_and_links_land_on_paragraphs(tmp_path: Path, cluster: str) -> None:
    corpus = load_corpus(_seeds(tmp_path, cluster), dt.date(2025, 1, 1))
    analysis = analyse(corpus)
    texts = {(a.slug, p.anchor): p.text for a in corpus.articles for p in a.paragraphs}
    spans = [s.span for s in analysis.sentences]
    spans += [q.span for q in analysis.quotes.all()]
    spans += [f.span for f in analysis.figures.figures]
    spans += [m.span for m in analysis.dates]
    spans += [s for d in analysis.disagreements for side in d.sides for s in side.spans]
    assert len(spans) > 300
    for span in spans:
        assert texts[(span.article, span.anchor)][span.start:span.end] == span.text
    pages = render_analysis_pages(corpus, analysis)
    for page in pages.values():
        links = _LINK.findall(page)
        assert links
        assert set(links) <= set(texts)
    assert render_analysis_pages(corpus, analyse(corpus)) == pages  # the same on every build
    json.dumps(briefing_json(corpus, analysis))


@needs_clusters
def test_sentences_split_as_spacys_sentencizer_does() -> None:
    """The splitter applies the sentencizer's rule without its tokenizer (sentences.py).
    Where an opening quotation mark goes is the one difference made on purpose."""
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    paragraphs: list[str] = []
    for record in sorted(CLUSTERS.glob("*/*.json")):
        text = json.loads(record.read_text(encoding="utf-8")).get("text") or ""
        paragraphs.extend(p.strip() for p in text.split("\n") if p.strip())

    def norm(sentences: list[str]) -> list[str]:
        return [re.sub(r"^[\s\"“‘'(]+|[\s\"“‘'(]+$", "", s) for s in sentences if s.strip()]

    same = sum(
        norm([text[s:e] for s, e in split(text)]) == norm([s.text for s in doc.sents])
        for text, doc in zip(paragraphs, nlp.pipe(paragraphs), strict=True)
    )
    assert same / len(paragraphs) > 0.97
