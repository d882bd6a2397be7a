"""`same_claim`, the rule claims are grouped by (issue 18), and what the grouping keeps
of the pairs it refuses. Pairs are from the news clusters and the seeds."""

from __future__ import annotations

import pytest
from test_analysis_claims import corpus_of

from builder.analysis import analyse
from builder.analysis.claims import find_claims
from builder.analysis.sameclaim import claim_score, conflicts, same_claim
from builder.analysis.sentences import find_sentences


def test_a_fact_retold_with_its_words_is_one_claim() -> None:
    assert same_claim(
        "Chief executive Doug Parker told employees last month that American Airlines will implement "
        "implicit-bias training.",
        "Sunday's incident comes after American CEO Doug Parker told employees last month that American "
        "Airlines will implement so-called implicit-bias training.",
    )
    assert same_claim(
        "He called me up yesterday — he said, let's make a deal.",
        "He called me yesterday and said, 'Let's make a deal'.",
    )


def test_different_facts_about_the_same_people_are_not() -> None:
    assert not same_claim(
        "The scene after a tram overturned in Croydon, south London, trapping five people and injuring another 40.",
        "At least five people are dead after a tram overturned in Croydon, south London.",
    )
    assert not same_claim(
        "One law enforcement source told CNN the two brothers have very similar names.",
        "Two brothers were both going to Tokyo but were booked on separate flights, two law enforcement sources "
        "told CNN.",
    )
    # Another year is another fact, however alike the rest.
    assert not same_claim(
        "Harambe was born at the Gladys Porter Zoo in Brownsville, Texas, and was transported to the Cincinnati "
        "Zoo in 2014.",
        "Harambe came to Cincinnati in 2015 from the Gladys Porter Zoo in Brownsville, Texas.",
    )


def test_another_figure_of_the_same_unit_is_a_conflict_whatever_the_wording() -> None:
    a = "The Liberals are projected to have won 169 seats in the House of Commons."
    b = "The Liberals are projected to have won 168 seats in the House of Commons."
    assert claim_score(a, b) > 0.9 and conflicts(a, b) == ("numbers",) and not same_claim(a, b)
    # A rounded figure is the precise one; a figure one side lacks is an omission.
    assert "numbers" not in conflicts("Prices rose 0.7% in May.", "Prices rose 0.66% in May.")
    assert "numbers" not in conflicts("They fell short of the 172 needed.",
                                      "They won 169 seats, three short of the 172 needed.")
    assert conflicts("A four-year-old boy fell into the moat.", "A three-year-old boy fell into the moat.")


def test_a_figure_written_with_its_scale_any_way_is_the_same_figure() -> None:
    """MSRP: "$85.6 million" / "$85.6-million", "$275m" / "$275 million"; a number
    word without its noun ("the two") names no figure."""
    for a, b in (("The film grossed $85.6 million in its opening weekend.", "The film grossed $85.6-million in its opening weekend."),
                 ("Net profit was $275m for the quarter.", "Net profit was $275 million for the quarter."),
                 ("Malvo, 18, and Muhammad are not related.", "The two are not related.")):
        assert "numbers" not in conflicts(a, b), (a, b)
    assert "numbers" in conflicts("Net profit was $275m for the quarter.", "Net profit was $280 million for the quarter.")
    assert "numbers" in conflicts("The wall is 5m high.", "The wall is 6m high.")


@pytest.mark.parametrize(("no", "in_other_words"), [
    ("The judge declared a mistrial because the jury could not reach a verdict.",
     "The judge declared a mistrial after the jury was unable to reach a verdict."),
    ("A spokesman said a search is ongoing but would not comment on its status.",
     "A spokesman said a search is ongoing but declined comment on its status."),
    ("The House has passed the bill twice, but the Senate has not.",
     "The House has passed the bill twice, but the Senate has failed to do so."),
    ("Larger publishers decided not to pursue the books group.", "Larger publishers decided against pursuing the books group."),
])
def test_saying_no_in_other_words_is_no_conflict(no: str, in_other_words: str) -> None:
    assert "negation" not in conflicts(no, in_other_words)


def test_without_negates_a_detail_not_the_statement() -> None:
    assert conflicts("His car was found abandoned in Virginia Beach on June 25.",
                     "His car was found abandoned without its plates in Virginia Beach on June 25.") == ()
    # "did not rule out" is the opposite of "ruled out", whatever the words share.
    assert "negation" in conflicts("The chairman did not rule out a higher offer for the rival.",
                                   "The chairman ruled out a higher offer for the rival.")


def test_negation_is_a_conflict() -> None:
    a = "The minister said the talks would resume next week."
    b = "The minister said the talks would not resume next week."
    assert "negation" in conflicts(a, b) and not same_claim(a, b)


@pytest.mark.parametrize("negated", [
    "The talks would never resume.", "The talks didn't resume.", "The talks didn’t resume.", "The talks dont resume.",
    "The talks cannot resume.", "No_one expects the talks to resume.", "Nó, the talks resume.",
])
def test_every_way_of_saying_no_is_read(negated: str) -> None:
    # Read from the tokens, or, for a sentence with no negation word at all, from its
    # text alone (the quick path of the claims' near-copies): the two must agree.
    assert conflicts(negated, "The talks resume.") == ("negation",)


@pytest.mark.parametrize("plain", [
    "Notably, the economy knows bounds now.", "Nobody's fool, the minister knows the talks resume.",
    "The nonstop talks resume at noon.",
])
def test_words_that_only_contain_a_negation_are_not_one(plain: str) -> None:
    assert conflicts(plain, "The talks resume.") == ()


def test_the_grouping_applies_the_rule_and_keeps_variants_for_the_disagreements() -> None:
    corpus = corpus_of(
        ("a", "Gazette", "2025-03-10", ["A fire destroyed the Corran Textiles warehouse on Mill Street in Harwick "
                                        "on Sunday night, forcing 300 residents from their homes."]),
        ("b", "Wire", "2025-03-10", ["A fire destroyed the Corran Textiles warehouse on Mill Street in Harwick "
                                     "on Saturday night, forcing about 250 residents from their homes."]),
        ("c", "Times", "2025-03-10", ["Fire gutted the Corran Textiles warehouse on Mill Street in Harwick "
                                      "on Sunday night, forcing 300 residents from their homes."]),
    )
    claims = find_claims(corpus, find_sentences(corpus))
    by_article = {c.articles: c for c in claims.claims}
    assert set(by_article) == {("a", "c"), ("b",)}  # 300 and 250 residents are never one claim
    assert claims.variants == (tuple(sorted((by_article[("a", "c")].id, by_article[("b",)].id))),)
    kinds = {d.kind for d in analyse(corpus).disagreements}
    assert "date" in kinds  # Sunday or Saturday night: shown as a disagreement
