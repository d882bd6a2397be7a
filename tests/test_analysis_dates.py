"""Dates against the publication date, and the timeline they make."""

from __future__ import annotations

import datetime as dt

import pytest
from test_analysis_claims import corpus_of

from builder.analysis import analyse
from builder.analysis.dates import in_sentence
from builder.analysis.spans import Span

TUESDAY = dt.date(2025, 4, 29)


def _dates(text: str, published: dt.date | None = TUESDAY) -> list[tuple[str, str]]:
    return [(m.span.text, m.shown()) for m in in_sentence(Span("a", "p", 0, len(text), text), published)]


@pytest.mark.parametrize(("text", "expected"), [
    ("The council voted on Tuesday.", [("on Tuesday", "2025-04-29")]),
    ("Monday's vote was close.", [("Monday's", "2025-04-28")]),
    ("He resigned yesterday.", [("yesterday", "2025-04-28")]),
    ("The talks will resume next Tuesday.", [("next Tuesday", "2025-05-06")]),
    ("The vote will be held on Friday.", [("on Friday", "2025-05-02")]),  # future tense: ahead
    ("Prices rose last month.", [("last month", "2025-03")]),
    ("It happened two weeks ago.", [("two weeks ago", "week of 2025-04-14")]),
    ("Corrosion was found last spring.", [("last spring", "2024-03")]),
    ("The inspection on 14 April found nothing; the next is on Sept. 3, 2025.",
     [("14 April", "2025-04-14"), ("Sept. 3, 2025", "2025-09-03")]),
    ("The deal, signed December 20, holds.", [("December 20", "2024-12-20")]),  # past: the last one
    ("Work is due to begin in June.", [("in June", "2025-06")]),  # future: the next one
    ("A gunman killed 49 people on June 12 last year.", [("June 12 last year", "2024-06-12")]),
    ("The bridge opened in 1962.", [("in 1962", "1962")]),
])
def test_dates_resolved_against_the_publication_date(text: str, expected: list[tuple[str, str]]) -> None:
    assert _dates(text) == expected


def test_each_date_says_how_it_was_derived() -> None:
    (mention,) = in_sentence(Span("a", "p", 0, 28, "The council voted on Tuesday."), TUESDAY)
    assert mention.relative
    assert mention.derivation == "the Tuesday on or before 2025-04-29, the publication date"


def test_without_a_publication_date_relative_dates_stay_unresolved() -> None:
    assert _dates("The council voted on Tuesday, after talks in March 2025.", None) == [
        ("on Tuesday", "unresolved"), ("March 2025", "2025-03"),
    ]
    (mention,) = in_sentence(Span("a", "p", 0, 20, "He left yesterday."), None)
    assert mention.date is None and "no publication date" in mention.derivation


def test_relative_dates_inside_quotes_are_not_the_reporters() -> None:
    text = "“He called me up yesterday,” Mr Trump said on Tuesday."
    quoted = ((1, 26),)
    mentions = in_sentence(Span("a", "p", 0, len(text), text), TUESDAY, quoted)
    assert [(m.span.text, m.shown()) for m in mentions] == [("yesterday", "unresolved"), ("on Tuesday", "2025-04-29")]
    assert "when it was said" in mentions[0].derivation


def test_the_reporters_tense_not_the_speakers() -> None:
    text = "“Every worker will be paid,” Becker told staff at a meeting on Monday."
    mentions = in_sentence(Span("a", "p", 0, len(text), text), TUESDAY, ((1, 26),))
    assert [m.shown() for m in mentions] == ["2025-04-28"]


@pytest.mark.parametrize("text", [
    "Delivered to your inbox Monday through Friday.",
    "He told Florida Today about it.",
    "It may rain.",
])
def test_what_is_not_a_date(text: str) -> None:
    assert _dates(text) == []


def test_one_event_from_several_outlets_and_the_undated_one_joins_it() -> None:
    corpus = corpus_of(
        ("a", "A", "2025-03-11", ["A fire destroyed the Corran Textiles warehouse on Mill Street on Sunday night."]),
        ("b", "B", "2025-03-12", ["A fire destroyed the Corran Textiles warehouse on Mill Street late on Sunday."]),
        ("c", "C", None, ["A fire destroyed the Corran Textiles warehouse on Mill Street on Sunday night."]),
        ("d", "D", "2025-03-13", ["A fire destroyed the Corran Textiles warehouse on Mill Street on Saturday night."]),
    )
    result = analyse(corpus)
    sunday = next(e for e in result.timeline.events if e.date == dt.date(2025, 3, 9))
    assert {m.span.article for m in sunday.mentions} == {"a", "b", "c"}
    assert [m.resolved for m in sunday.mentions if m.span.article == "c"] == [False]
    assert sunday.support == 3
    (dated_differently,) = [d for d in result.disagreements if d.kind == "date"]
    sides = [(s.text, [x.article for x in s.spans]) for s in dated_differently.sides]
    # The undated article has no side: its "Sunday" could be any Sunday.
    assert sides == [("on Saturday night (2025-03-08)", ["d"]), ("on Sunday night (2025-03-09)", ["a", "b"])]


def test_the_timeline_is_in_date_order_with_undated_events_last() -> None:
    corpus = corpus_of(
        ("a", "A", "2025-03-11", ["Demolition is due to begin in April.", "The fire broke out on Sunday night."]),
        ("b", "B", None, ["Officials met the owner on Monday morning to discuss the damage."]),
    )
    events = analyse(corpus).timeline.events
    assert [e.shown() for e in events] == ["2025-03-09", "2025-04", "unresolved"]


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 20: the tense of the clause holding the date, not of the whole sentence.
    ("Sunday's incident comes after the chief executive told staff last month that the airline will "
     "implement training.", [("Sunday's", "2025-04-27"), ("last month", "2025-03")]),
    ("The ministry said on Monday evening that it would cut rates.", [("on Monday evening", "2025-04-28")]),
    ("The council, which will meet on Friday, voted on Tuesday.", [("on Friday", "2025-05-02"), ("on Tuesday", "2025-04-29")]),
    # A passive to come and a deadline look ahead ...
    ("The bill is to be voted on Thursday.", [("on Thursday", "2025-05-01")]),
    ("The report must be filed by Friday.", [("Friday", "2025-05-02")]),
    # What must still be done looks ahead (seed 004: "needs to prepare for the G7 summit in June").
    ("The minister needs to prepare for the summit in June, which the city is hosting.", [("in June", "2025-06")]),
    ("The summit in March was a success.", [("in March", "2025-03")]),
    # ... unless the clause is told in the past.
    ("By Friday, the toll had risen to 84.", [("Friday", "2025-04-25")]),
])
def test_the_tense_of_the_dates_own_clause(text: str, expected: list[tuple[str, str]]) -> None:
    assert _dates(text) == expected


def test_a_date_naming_a_thing_is_background_beside_the_sentences_own_date() -> None:
    """Issue 20: "...on Tuesday ... the tsunami of 2004" was dated 2004, a verdict on "the
    April 2007 shooting" 2007-04: those dates name a thing; the sentence reports Tuesday."""
    for text, thing in (("Aid workers arrived on Tuesday in the areas hit by the tsunami of 2004.", "of 2004"),
                        ("A jury on Tuesday convicted the man of murder in the April 2007 shooting.", "April 2007")):
        mentions = in_sentence(Span("a", "p", 0, len(text), text), TUESDAY)
        assert [(m.span.text, m.background) for m in mentions] == [("on Tuesday", False), (thing, True)]
        assert "names a thing" in mentions[1].derivation and mentions[1].date is not None
    # Alone, the date is what the sentence reports.
    (alone,) = in_sentence(Span("a", "p", 0, 42, "The tsunami of 2004 killed 230,000 people."), TUESDAY)
    assert not alone.background and alone.shown() == "2004"


def test_the_timeline_dates_the_event_by_what_the_sentence_reports() -> None:
    corpus = corpus_of(
        ("a", "A", "2025-03-11", ["Aid workers arrived on Sunday in the towns hit by the tsunami of 2004."]),
    )
    events = analyse(corpus).timeline.events
    assert [e.shown() for e in events] == ["2025-03-09"]
    assert "on or before 2025-03-11" in events[0].mentions[0].derivation


def test_a_weekday_written_beside_a_date_is_that_date() -> None:
    """Issue 20: a speech "on Monday, 1 May" was dated by the weekday alone, to the
    Monday before the publication date."""
    monday = dt.date(2017, 5, 8)
    assert _dates("On Monday, 1 May, she said it.", monday) == [("Monday, 1 May", "2017-05-01")]
    assert _dates("The vote on Tuesday, Sept. 3, 2025 passed.", monday) == [("Tuesday, Sept. 3, 2025", "2025-09-03")]
    assert _dates("They met on Monday and again on May 1.", monday) == [("on Monday", "2017-05-08"), ("May 1", "2017-05-01")]


@pytest.mark.parametrize("text", [
    "Updated at 9:50 p.m. ET Thursday",
    "12:47 a.m. Nov. 3, 2016.",
    "• This article was amended on 4 November 2016.",
    "Saturday, September 16",
])
def test_a_pages_time_stamp_is_no_event(text: str) -> None:
    """News clusters (issue 20: date lines are metadata, never timeline events): a
    stamp left in the text keeps its date as a mention, with why it is no event."""
    (mention,) = in_sentence(Span("a", "p", 0, len(text), text), TUESDAY)
    assert mention.background and "time stamp" in mention.derivation
    # With words of its own, a sentence that opens with an update's date reports something.
    (update,) = in_sentence(Span("a", "p", 0, 62, "Update, Nov. 15, 4pm: Equifax sent Gizmodo the following statement:"),
                            TUESDAY)
    assert not update.background


@pytest.mark.parametrize(("text", "expected"), [
    ("The road will stay closed until Friday.", [("Friday", "2025-05-02")]),
    ("The council will decide after Friday's hearing.", [("Friday's", "2025-05-02")]),
    ("The road was closed until Friday.", [("Friday", "2025-04-25")]),
])
def test_a_word_that_governs_the_date_starts_no_clause(text: str, expected: list[tuple[str, str]]) -> None:
    assert _dates(text) == expected


def test_a_clause_without_a_past_verb_takes_the_main_clauses_tense() -> None:
    """News clusters: "Disney hopes audiences will be equally happy when 'Avengers:
    Infinity War' reaches theaters May 4" (published in February) is the May to come;
    "Another 24.5 inches fell by Tuesday night" is a past Tuesday; the dashes of "when it
    departs on its first test flight — as early as Tuesday — the Heavy will be" cut nothing."""
    february = dt.date(2018, 2, 5)
    assert _dates("Disney hopes audiences will be happy when the film reaches theaters May 4.", february) == [
        ("May 4", "2018-05-04")]
    assert _dates("Another 24.5 inches fell by Tuesday night, bringing the total to 62.9 inches.") == [
        ("Tuesday night", "2025-04-29")]
    assert _dates("But when it departs on its first flight — as early as Tuesday — the rocket will be the most "
                  "powerful.", dt.date(2018, 2, 1)) == [("Tuesday", "2018-02-06")]


def test_a_sentence_opening_with_the_word_before_its_date() -> None:
    assert _dates("Since Monday the road has been closed.") == [("Monday", "2025-04-28")]


def test_after_a_noun_opens_no_clause_seed_003() -> None:
    """Seed 003, published 2025-03-28: "... will begin comprehensive negotiations ...
    immediately after the Canadian election on April 28" is the April to come."""
    text = ("Carney's office said in a statement they will begin comprehensive negotiations immediately "
            "after the Canadian election on April 28.")
    assert _dates(text, dt.date(2025, 3, 28)) == [("April 28", "2025-04-28")]


def test_a_weekday_beside_a_date_without_a_year_picks_the_year() -> None:
    """News clusters: "Gavin Rossdale said Monday, August 3" in a 2018 gallery is 2015,
    the year in which August 3 was a Monday."""
    (mention,) = in_sentence(Span("a", "p", 0, 40, "Gavin Rossdale said Monday, August 3."), dt.date(2018, 2, 12))
    assert mention.shown() == "2015-08-03" and "falls on a Monday" in mention.derivation
    assert _dates("On Monday, 1 May, she said it.", dt.date(2017, 5, 8)) == [("Monday, 1 May", "2017-05-01")]
