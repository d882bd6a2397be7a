"""What the sources disagree on, who did what to whom, and how alike articles are."""

from __future__ import annotations

from conftest import known_names
from test_analysis_claims import corpus_of

from builder.analysis import analyse
from builder.analysis.attribution import speaker_key
from builder.analysis.relations import in_sentence
from builder.analysis.spans import Span


def _relations(text: str) -> list[tuple[str, str, str]]:
    return [r.key for r in in_sentence(Span("a", "p", 0, len(text), text))]


def test_who_did_what_to_whom() -> None:
    assert _relations("Owner Tom Becker called Mayor Lina Ferris on Monday.") == [("becker", "call", "ferris")]
    assert _relations("Mr Trump said Carney called him.") == [("carney", "call", "trump")]
    assert _relations("The Harwick Fire Service said Becker was cooperating.") == []


def test_a_swapped_subject_and_object_is_a_contradiction() -> None:
    corpus = corpus_of(
        ("a", "A", None, ["Owner Tom Becker called Mayor Lina Ferris on Monday morning to apologise."]),
        ("b", "B", None, ["Mayor Lina Ferris called Tom Becker on Monday morning to demand answers."]),
        ("c", "C", None, ["Becker called Ferris, and Ferris called Becker back."]),  # both ways: no side
    )
    (contradiction,) = [d for d in analyse(corpus).disagreements if d.kind == "contradiction"]
    assert [[s.article for s in side.spans] for side in contradiction.sides] == [["a"], ["b"]]
    assert [side.text for side in contradiction.sides] == [
        "Owner Tom Becker called Mayor Lina Ferris", "Mayor Lina Ferris called Tom Becker",
    ]


def test_quotes_worded_differently_and_put_in_different_mouths() -> None:
    corpus = corpus_of(
        ("a", "A", None, ["“We were lucky the wind dropped around midnight, otherwise we would have lost the street,” said Fire Chief Maria Okonjo."]),
        ("b", "B", None, ["“We were lucky the wind dropped, or we would have lost the street,” Okonjo told reporters."]),
        ("c", "C", None, ["“We were lucky the wind dropped around midnight, otherwise we would have lost the street,” said Deputy Chief Ian Marsh."]),
    )
    kinds = {d.kind: d for d in analyse(corpus).disagreements}
    speakers = [(s.text, [x.article for x in s.spans]) for s in kinds["quote speaker"].sides]
    assert speakers == [("Fire Chief Maria Okonjo", ["a", "b"]), ("Deputy Chief Ian Marsh", ["c"])]
    wordings = [[x.article for x in s.spans] for s in kinds["quote wording"].sides]
    assert sorted(wordings) == [["a", "c"], ["b"]]


def test_he_read_back_does_not_put_a_quote_in_another_mouth() -> None:
    corpus = corpus_of(
        ("a", "A", None, ["“We will make utmost efforts to protect the lives of the people,” Prime Minister Shinzo Abe said."]),
        ("b", "B", None, ["Donald Trump said he had spoken to Abe by phone.",
                          "“We will make utmost efforts to protect the lives of the people,” he said."]),
    )
    result = analyse(corpus, known=known_names(corpus))
    (group,) = result.quotes.groups
    assert {q.span.article: speaker_key(q.speaker or "") for q in group.quotes} == {"a": "abe", "b": "trump"}
    assert speaker_key(group.speaker or "") == "abe"
    assert [d.kind for d in result.disagreements] == []


def test_an_excerpt_is_not_another_wording() -> None:
    corpus = corpus_of(
        ("a", "A", None, ["“This town will not let those workers down,” Ferris said after the vote."]),
        ("b", "B", None, ["Mayor Lina Ferris said the town would “not let those workers down”."]),
    )
    assert [d.kind for d in analyse(corpus).disagreements] == []


def test_figures_that_cannot_both_be_true() -> None:
    corpus = corpus_of(
        ("a", "A", None, ["Two firefighters were treated in hospital for smoke inhalation on the night."]),
        ("b", "B", None, ["Three firefighters were treated in hospital for smoke inhalation on the night."]),
    )
    (figure,) = analyse(corpus).disagreements
    assert figure.kind == "figure"
    assert [(s.text, s.outlets) for s in figure.sides] == [("Two firefighters", ("a",)), ("Three firefighters", ("b",))]


def test_similar_articles_pair_up_and_a_copy_reads_as_a_near_duplicate() -> None:
    story = [
        "The council voted on Tuesday to spend $48 million repairing the harbour bridge.",
        "Engineers found corrosion in four of the bridge's steel supports last spring.",
        "Work is due to begin in June and to take eighteen months, the council said.",
    ]
    corpus = corpus_of(("a", "A", None, story), ("b", "B", None, story),
                       ("c", "C", None, [story[0], "Ferry operators expect record passenger numbers this summer."]))
    pairs = analyse(corpus).similarity
    assert [(p.a, p.b, p.shared, p.reading) for p in pairs] == [
        ("a", "b", 3, "near-duplicate"), ("a", "c", 1, "overlap"), ("b", "c", 1, "overlap"),
    ]
