"""Figures: numbers, what they count, how they are hedged, and who gives which value."""

from __future__ import annotations

import pytest
from test_analysis_claims import corpus_of

from builder.analysis import numbers
from builder.analysis.figures import Reading, conflict, find_figures, in_sentence
from builder.analysis.sentences import find_sentences
from builder.analysis.spans import Span


def _figures(text: str) -> list[tuple[str, tuple[float, ...], str, bool, str]]:
    return [(f.span.text, f.values, f.unit, f.approximate, f.bound)
            for f in in_sentence(Span("a", "p-1", 0, len(text), text))]


def test_money_with_scale_and_hedge() -> None:
    assert _figures("It will cost about $47 million, or C$65m, and 12% more.") == [
        ("about $47 million", (47e6,), "$", True, ""),
        ("C$65m", (65e6,), "C$", False, ""),
        ("12%", (12.0,), "percent", False, ""),
    ]


def test_what_a_number_counts_is_the_noun_after_it() -> None:
    assert _figures("Engineers found corrosion in four of its steel supports and 61,000 vehicles a day.") == [
        ("four of its steel supports", (4.0,), "support", False, ""),
        ("61,000 vehicles", (61000.0,), "vehicle", False, ""),
    ]
    assert _figures("Twelve injured were treated.") == [("Twelve injured", (12.0,), "injured", False, "")]


def test_bounds_and_approximations_are_told_apart() -> None:
    assert _figures("More than 300 residents left; nearly 40 stayed; at least 12 people died.") == [
        ("More than 300 residents", (300.0,), "resident", False, ">"),
        ("nearly 40", (40.0,), "", True, ""),
        ("at least 12 people", (12.0,), "people", False, ">="),
    ]


def test_the_qualifier_after_a_figure_is_kept() -> None:
    (seats, *_) = in_sentence(Span("a", "p", 0, 80, "The Liberals won 169 seats, three short of the 172 needed for a majority."))
    assert seats.unit == "seat" and seats.qualifier == "three short of the 172 needed for a majority"
    assert seats.subject == "liberal"


def test_a_conversion_in_brackets_is_the_same_figure() -> None:
    assert _figures("The missile fell 1,180 km (735 miles) east of Cape Erimo.") == [
        ("1,180 km", (1180.0,), "km", False, ""),
    ]


def test_tallies_and_ranges() -> None:
    assert _figures("Councillors voted 7-2; the motion passed by seven votes to two.") == [
        ("7-2", (7.0, 2.0), "vote tally", False, ""),
        ("seven votes to two", (7.0, 2.0), "vote tally", False, ""),
    ]
    assert _figures("Between 40 and 50 people attended.")[0][:3] == ("Between 40 and 50 people", (40.0, 50.0), "people")


@pytest.mark.parametrize("text", [
    "The bridge opened in 1962.",
    "The vote is on April 28.",
    "It starts at 9:30 and ends at 10 a.m.",
    "Buses on route 12 divert.",
    "A Boeing 737 crashed.",
    "No one was hurt, one of them said.",
    "He came 1st.",
])
def test_what_is_not_an_amount(text: str) -> None:
    assert numbers.find(text) == []


def test_conflicts_respect_hedges_and_bounds() -> None:
    def reading(value: float, bound: str = "", approximate: bool = False) -> Reading:
        return Reading((value,), bound, approximate, (), ())

    assert conflict(reading(169), reading(168, approximate=True))  # issue 4: 169 seats / about 168
    assert not conflict(reading(300, ">"), reading(320))
    assert conflict(reading(300, ">"), reading(280))
    assert not conflict(reading(300, ">"), reading(250, ">="))


def test_one_measure_across_outlets_and_its_disputed_values() -> None:
    corpus = corpus_of(
        ("cbc", "CBC", None, ["Carney's Liberals won 169 seats, three short of the 172 needed for a majority."]),
        ("ctv", "CTV", None, ["The Liberals won about 168 seats, short of the 172 needed for a majority."]),
        ("globe", "Globe", None, ["The Conservatives won 144 seats in the election, their best result."]),
        ("post", "Post", None, ["The council will spend $48 million on the bridge repairs, officials said."]),
        ("star", "Star", None, ["The council will spend about $47 million on the bridge repairs, officials said."]),
    )
    figures = find_figures(corpus, find_sentences(corpus))
    seats = next(g for g in figures.groups if g.unit == "seat" and "cbc" in {f.span.article for f in g.figures})
    assert {f.span.article for f in seats.figures} == {"cbc", "ctv"}  # not the Conservatives' 144
    assert seats.disputed
    assert [r.figures[0].span.text for r in seats.readings] == ["169 seats", "about 168 seats"]
    money = next(g for g in figures.groups if g.unit == "$")
    assert money.disputed and {r.values for r in money.readings} == {(48e6,), (47e6,)}
    assert figures.disputed()[0].disputed


def test_different_fates_are_different_counts() -> None:
    corpus = corpus_of(
        ("a", "A", None, ["Interior Minister Bernard Cazeneuve said 80 people were killed in the attack."]),
        ("b", "B", None, ["Interior Minister Bernard Cazeneuve said 18 people were in a critical condition after the attack."]),
    )
    assert find_figures(corpus, find_sentences(corpus)).disputed() == ()


def test_far_apart_values_need_strong_evidence_to_be_one_measure() -> None:
    corpus = corpus_of(
        ("a", "A", None, ["Four months ago, attackers linked to Paris killed 32 people at the Brussels airport."]),
        ("b", "B", None, ["Eight months ago, gunmen killed 130 people in Paris at several entertainment spots."]),
    )
    assert find_figures(corpus, find_sentences(corpus)).disputed() == ()


# Issue 20: a figure is the same quantity only when it counts the same thing -------------


def _groups(*items: tuple[str, str, str | None, list[str]]):
    corpus = corpus_of(*items)
    return find_figures(corpus, find_sentences(corpus))


def test_tolls_of_different_places_are_two_figures() -> None:
    figures = _groups(
        ("a", "A", None, ["The tsunami killed 170,000 people in Aceh, officials said."]),
        ("b", "B", None, ["The tsunami killed 230,000 people across Asia, officials said."]),
    )
    assert figures.disputed() == ()
    (aceh,) = [g for g in figures.groups if (170000.0,) in {r.values for r in g.readings}]
    assert [f.span.article for f in aceh.figures] == ["a"]


def test_two_figures_of_one_sentence_are_two_measures_wherever_it_is_repeated() -> None:
    figures = _groups(
        ("a", "A", None, ["The earthquake struck 55 km from Bireun and was 10 km deep, the agency said."]),
        ("b", "B", None, ["The earthquake struck 55 km from Bireun and was 10 km deep, the agency said."]),
        ("c", "C", None, ["The quake was 10 km deep and struck 55 km from Bireun."]),
    )
    assert figures.disputed() == ()
    for g in figures.groups:
        assert len({r.values for r in g.readings}) == 1, [r.figures[0].span.text for r in g.readings]


def test_an_age_a_year_later_is_no_dispute() -> None:
    figures = _groups(
        ("a", "A", "2007-04-20", ["Police arrested a 38-year-old suspect after the shooting at the school."]),
        ("b", "B", "2008-05-02", ["The 39-year-old suspect went on trial on Monday for the shooting at the school."]),
    )
    assert figures.disputed() == ()


def test_prices_of_different_models_and_one_articles_price_list_are_no_dispute() -> None:
    figures = _groups(
        ("a", "A", None, ["The 13-inch MacBook Pro starts at $1,299, Apple said on Monday.",
                          "The 15-inch MacBook Pro starts at $2,399, Apple said on Monday."]),
        ("b", "B", None, ["The 15-inch MacBook Pro starts at $2,399 in the United States, Apple said."]),
        ("c", "C", None, ["The entry model of the new laptop costs $999 in the Apple store.",
                          "The top model of the new laptop costs $1,499 in the Apple store."]),
    )
    assert figures.disputed() == ()
    (big,) = [g for g in figures.groups if (2399.0,) in {r.values for r in g.readings}]
    assert {f.span.article for f in big.figures} == {"a", "b"} and not big.disputed


def test_pounds_of_weight_are_not_money() -> None:
    assert _figures("The laptop weighs 4.5 pounds and is thinner than before.")[0][2] == "lb"
    assert _figures("He was fined 300 pounds for the offence.")[0][2] == "£"


def test_one_base_price_given_two_ways_is_disputed_and_says_who_says_which() -> None:
    figures = _groups(
        ("a", "Verge", None, ["The Surface Laptop starts at $1,099 for the base model with a Core i5."]),
        ("b", "Engadget", None, ["Microsoft's Surface Laptop starts at $1,199 for the base model."]),
    )
    (price,) = figures.disputed()
    assert {r.values: r.outlets for r in price.readings} == {(1099.0,): ("verge",), (1199.0,): ("engadget",)}


def test_a_toll_reported_as_it_rose_is_one_evolving_figure() -> None:
    figures = _groups(
        ("a", "A", "2016-12-07", ["The earthquake in Aceh killed one person, officials said."]),
        ("b", "B", "2016-12-07", ["The earthquake in Aceh killed three people, the disaster agency said."]),
        ("c", "C", "2016-12-07", ["The death toll from the Aceh earthquake rose to five on Wednesday."]),
        ("d", "D", "2016-12-07", ["The death toll from the Aceh earthquake has risen to 11, the agency said."]),
        ("e", "E", "2016-12-08", ["The earthquake in Aceh killed 24 people, the disaster agency said."]),
    )
    assert figures.disputed() == ()
    (toll,) = [g for g in figures.groups if len(g.readings) > 1]
    assert toll.evolving and not toll.disputed
    assert [r.values[0] for r in toll.readings] == [1.0, 3.0, 5.0, 11.0, 24.0]
    assert toll.reported == ("2016-12-07",) * 4 + ("2016-12-08",)


def test_seats_of_each_party_are_one_figure_each_with_who_says_which() -> None:
    figures = _groups(
        # The seeds' sentences: "they" is the Liberal Party of the sentence before.
        ("a", None, None, ["The Liberal Party secured a fourth term. While they fell short of a majority, "
                           "winning approximately 168 seats in the expanded 343-seat House of Commons, it was "
                           "a clear mandate.",
                           "The Conservatives finished second with around 143 seats, while the Bloc fell to about 23."]),
        ("b", None, None, ["The Liberals are projected to have won 169 seats, three short of the 172 needed for a "
                           "majority in Canada's House of Commons.",
                           "The Conservative Party came in second, on track to win 144 seats."]),
    )
    disputed = {frozenset(r.values[0] for r in g.readings): g for g in figures.disputed()}
    assert set(disputed) == {frozenset({168.0, 169.0}), frozenset({143.0, 144.0})}
    liberal = disputed[frozenset({168.0, 169.0})]
    assert {r.values[0]: r.figures[0].span.article for r in liberal.readings} == {168.0: "a", 169.0: "b"}


def test_a_round_value_is_the_rounding_of_a_precise_one() -> None:
    def reading(value: float) -> Reading:
        return Reading((value,), "", False, (), ())

    assert not conflict(reading(230), reading(229))  # "230 feet" / "229 feet" tall
    assert not conflict(reading(5e6), reading(5.1e6))  # pounds of thrust
    assert conflict(reading(58), reading(59))  # people killed
    assert conflict(reading(1099), reading(1199))
    assert conflict(reading(100), reading(70))  # too far apart to be a rounding


def test_a_guess_is_not_the_figure_reported() -> None:
    figures = _groups(
        ("a", "A", None, ["Goldman Sachs expects to take a $5 billion charge from the tax law, the bank said."]),
        ("b", "B", None, ["An analyst said he had estimated the Goldman Sachs charge from the tax law would be "
                          "$3.2 billion."]),
    )
    assert figures.disputed() == ()


def test_parts_of_a_toll_and_other_measures_of_the_injured_are_no_dispute() -> None:
    figures = _groups(
        ("a", "A", None, ["A family said five of the dead were relatives on vacation, officials said.",
                          "At least 40 people were injured after the tram overturned, the fire brigade said."]),
        ("b", "B", None, ["The families accounted for nine of the dead, officials said.",
                          "Over 50 people were taken to hospital after the tram overturned."]),
    )
    assert figures.disputed() == ()


def test_a_sentence_goes_on_in_the_time_of_the_one_before_it() -> None:
    figures = _groups(
        ("a", "A", "2016-11-03", ["Then there was the sixth game of the 2003 series. Up 3-0, the Cubs were five "
                                  "defensive outs away from the World Series."]),
        ("b", "B", "2016-11-03", ["The Cubs were within four defensive outs of the World Series in the eighth."]),
    )
    assert figures.disputed() == ()


def test_ranges_and_threats_are_not_values_to_dispute() -> None:
    assert _figures("The tram slid for eight to ten seconds.")[0][:3] == ("eight to ten seconds", (8.0, 10.0), "second")
    assert _figures("It affected me for the next two or three years.")[0][1] == (2.0, 3.0)
    figures = _groups(
        ("a", "A", None, ["The North fired three ballistic missiles into the sea near Guam last week."]),
        ("b", "B", None, ["The North threatened to fire four ballistic missiles into the sea near Guam."]),
    )
    assert figures.disputed() == ()


def test_market_quotes_through_the_day_are_a_sequence() -> None:
    figures = _groups(
        ("a", "A", "2018-02-05", ["Qualcomm shares fell 1.5 percent to $65.09 in early trading on Monday."]),
        ("b", "B", "2018-02-06", ["Qualcomm shares fell 4.3 percent to $63.20 in trading on the deal's doubts."]),
    )
    assert figures.disputed() == ()
    assert any(g.evolving for g in figures.groups)
