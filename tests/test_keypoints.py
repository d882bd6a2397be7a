"""Key points (issue 18): the story's central facts first, never empty, each in its
clearest wording, boilerplate and background never."""

from __future__ import annotations

from test_analysis_claims import corpus_of

from builder.analysis import analyse

FIRE = "A fire destroyed the Corran Textiles warehouse in Harwick on Sunday night, forcing 300 residents from their homes."
# Sentences after the ones a test is about, so that those are not an article's closing lines.
TAIL = ("The mayor praised the firefighters who worked through the night in freezing rain.",
        "Residents were taken to the Harwick leisure centre, where volunteers served hot meals.",
        "Mill Street will stay closed until engineers have checked the walls that still stand.")
FIRE_AGAIN = "Fire destroyed the Corran Textiles warehouse in Harwick on Sunday night and forced 300 residents from their homes."


def _points(*items):  # type: ignore[no-untyped-def]
    return [c.text for c in analyse(corpus_of(*items)).points.points]


def test_the_fact_the_outlets_share_comes_first_and_background_never() -> None:
    points = _points(
        ("a", "Gazette", "2025-03-10", [
            FIRE,
            "The mayor praised the firefighters who worked through the night in freezing rain.",
            "Residents were taken to the Harwick leisure centre, where volunteers served hot meals.",
            "Mill Street will stay closed until engineers have checked the walls that still stand.",
            "The warehouse was built in 1921 by the Corran family and employed 400 people in 1960.",
            "Copyright 2025 Gazette Media Group, all rights reserved, reproduction of this article prohibited.",
        ]),
        ("b", "Wire", "2025-03-10", [
            FIRE_AGAIN,
            "Investigators have not yet said what caused the blaze at the Harwick warehouse.",
        ]),
        ("c", "Times", "2025-03-10", [
            "Investigators are still looking for the cause of the blaze, which began in a storeroom.",
            "A fire destroyed the Corran Textiles warehouse in Harwick on Sunday night, forcing 300 residents "
            "from their homes and closing Mill Street.",
        ]),
    )
    assert "Corran Textiles warehouse in Harwick on Sunday night" in points[0]
    assert not any("1921" in p or "Copyright" in p for p in points)
    # One fact, one point: its other wordings are not points of their own.
    assert sum("Corran Textiles warehouse in Harwick on Sunday night" in p for p in points) == 1


def test_a_story_no_two_outlets_share_still_has_key_points() -> None:
    points = _points(("a", "Gazette", "2025-03-10", [
        "The council voted on Tuesday to spend $48 million repairing the Mill Street bridge.",
        "Work will start in May and take two years, the council's engineer said.",
    ]))
    assert points and points[0].startswith("The council voted on Tuesday")


def test_a_point_is_shown_in_words_of_its_own_rather_than_a_quotation() -> None:
    said = "“The council voted on Tuesday to spend $48 million repairing the Mill Street bridge,” the mayor said."
    plain = "The council voted on Tuesday to spend $48 million repairing the Mill Street bridge, the mayor said."
    points = _points(("a", "Gazette", "2025-03-10", [said]), ("b", "Wire", "2025-03-10", [plain]))
    assert points[0] == plain


def test_the_version_more_outlets_carry_is_the_point() -> None:
    points = _points(
        ("a", "Gazette", "2025-03-10", [FIRE]),
        ("b", "Wire", "2025-03-10", [FIRE_AGAIN]),
        ("c", "Times", "2025-03-10", ["Fire destroyed the Corran Textiles warehouse in Harwick on Sunday night, "
                                      "forcing 250 residents from their homes."]),
    )
    assert "300 residents" in points[0]


def test_photo_captions_credits_and_embedded_tweets_are_never_key_points() -> None:
    caption = ("FILE - In this Sept. 30, 2016, file photo, the mayor of Harwick poses for photographers as she "
               "arrives at the Corran Textiles warehouse.")
    tweet = ("The warehouse is gone, and 300 of our neighbours are homeless tonight pic.twitter.com/m0TQqDzHgb "
             "— Harwick Fire (@HarwickFire) March 9, 2025")
    credit = "Firefighters at the Corran Textiles warehouse in Harwick on Sunday night (AP Photo/Jo Bloggs, File)"
    released = ("This March 9, 2025 photo made available by the county fire brigade shows smoke rising over the "
                "valley road north of the old mill town.")
    points = _points(
        ("a", "Gazette", "2025-03-10", [released, caption, FIRE, tweet, credit]),
        ("b", "Wire", "2025-03-10", [released, caption, FIRE_AGAIN, tweet, credit]),
        ("c", "Times", "2025-03-10", [released, caption, tweet, credit,
                                      "Investigators are still looking for the cause of the blaze in Harwick."]),
    )
    assert points and "Corran Textiles warehouse in Harwick on Sunday night" in points[0]
    assert not any(p in (released, caption, tweet, credit) for p in points), points


def test_a_quote_the_sentence_split_cut_counts_as_quotation() -> None:
    # The quote opens in one sentence and closes in the next: the first is all quotation
    # though it has no closing mark, and must not lead over the reported fact.
    cut = "“We will pay every one of our weavers and dyers in full until the looms are running again."
    rest = "Nobody will lose a week of pay,” the owner said."
    points = _points(
        ("a", "Gazette", "2025-03-10", [cut, FIRE, rest, *TAIL]),
        ("b", "Wire", "2025-03-10", [cut, FIRE_AGAIN, rest, *TAIL]),
        ("c", "Times", "2025-03-10", [cut, FIRE, rest, *TAIL]),
    )
    assert "Corran Textiles warehouse in Harwick on Sunday night" in points[0], points


def test_a_fact_second_in_short_articles_is_not_taken_for_a_sign_off() -> None:
    # The same words near the end of three articles are a sign-off only in the closing
    # half: in three-sentence wire copies the second sentence is the story.
    leads = ("The Harwick fire brigade was called out at eight on Sunday evening.",
             "Smoke could be seen across the valley from early evening on Sunday.",
             "Harwick woke on Monday to a street of blackened brick and shattered glass.")
    points = _points(*[(slug, outlet, "2025-03-10", [lead, FIRE, f"More on this story from the {outlet}."])
                       for slug, outlet, lead in zip("abc", ("Gazette", "Wire", "Times"), leads, strict=True)])
    assert any("Corran Textiles warehouse in Harwick on Sunday night" in p for p in points), points


def test_a_quote_left_open_and_a_line_without_a_full_stop_give_way_to_a_finished_report() -> None:
    # "said: "... opens a quote the next sentence closes; a caption has no full stop.
    opened = "The owner, Mary Corran, said in a statement: “We will pay every one of our weavers and dyers in full."
    caption = "Firefighters spray water on the smouldering roof of the old dye house beside the canal at dawn"
    points = _points(
        ("a", "Gazette", "2025-03-10", [opened, FIRE, *TAIL]),
        ("b", "Wire", "2025-03-10", [caption, FIRE_AGAIN, *TAIL]),
        ("c", "Times", "2025-03-10", [opened, caption, FIRE, *TAIL]),
    )
    assert "Corran Textiles warehouse in Harwick on Sunday night" in points[0], points


def test_the_fact_the_headlines_give_leads_and_a_title_made_from_the_text_does_not_count() -> None:
    from dataclasses import replace

    from builder.model import Sourced

    budget = "The council approved a new budget for the town's libraries and swimming pools on Monday."
    mayor = "The mayor of Harwick resigned on Monday after twelve years in office, the council said."

    def analysed(derived: bool) -> list[str]:
        corpus = corpus_of(("a", "Gazette", "2025-03-10", [budget, mayor, *TAIL]),
                           ("b", "Wire", "2025-03-10", [budget, mayor, *TAIL]),
                           ("c", "Times", "2025-03-10", [budget, mayor, *TAIL]))
        titled = tuple(replace(a, metadata=replace(a.metadata, title=Sourced(t, "test"), title_derived=derived))
                       for a, t in zip(corpus.articles, ("Harwick mayor resigns after twelve years",
                                                         "Mayor of Harwick quits", "Harwick's mayor resigns"),
                                       strict=True))
        return [c.text for c in analyse(replace(corpus, articles=titled)).points.points]

    assert analysed(derived=False)[0] == mayor
    assert analysed(derived=True)[0] == budget  # the ranking without headlines


def test_words_most_outlets_quote_are_someones_words_when_shown_bare() -> None:
    # A tweet pasted bare by one outlet and quoted by two (news clusters: "Will have
    # double thrust of next largest rocket."): someone's words, whatever the wording
    # shown.
    words = "Caught red handed, the owners of the Corran Textiles warehouse ignored every warning the brigade gave them"
    points = _points(
        ("a", "Gazette", "2025-03-10", [f"{words}.", FIRE, *TAIL]),
        ("b", "Wire", "2025-03-10", [f"“{words},” the fire chief wrote on Twitter.", FIRE_AGAIN, *TAIL]),
        ("c", "Times", "2025-03-10", [f"The fire chief wrote: “{words}.”", FIRE, *TAIL]),
    )
    assert "Corran Textiles warehouse in Harwick on Sunday night" in points[0], points


def test_straight_quotes_that_close_after_a_comma_are_a_quotation() -> None:
    from builder.analysis.keypoints import _quoted_share

    said = '"Caught red handed, the owners ignored every warning we gave them," the fire chief wrote.'
    assert _quoted_share(said) > 0.7
    assert _quoted_share('The chief wrote, "Caught red handed, the owners ignored every warning') > 0.7


def test_a_tweet_pasted_with_its_signature_is_someones_words() -> None:
    # Its text and its signature are one paragraph that the sentence split cuts in two:
    # "a flying first for me: 4 hours into an 11 hour flight ... — christine teigen
    # (@chrissyteigen) December 27, 2017" (news clusters).
    pasted = ("Our crews fought the Corran Textiles warehouse blaze in Harwick for nine hours through freezing rain. "
              "Thank you all. — Harwick Fire (@HarwickFire) March 9, 2025")
    leads = ("The Harwick fire brigade was called out at eight on Sunday evening.",
             "Smoke could be seen across the valley from early evening on Sunday.",
             "Harwick woke on Monday to a street of blackened brick and shattered glass.")
    points = _points(*[(slug, outlet, "2025-03-10", [lead, pasted, FIRE, *TAIL])
                       for slug, outlet, lead in zip("abc", ("Gazette", "Wire", "Times"), leads, strict=True)])
    crews = next(i for i, p in enumerate(points) if p.startswith("Our crews"))
    assert points.index(FIRE) < crews, points


def test_a_caption_pasted_with_its_credit_is_never_a_key_point() -> None:
    # A picture's caption and its credit are one paragraph: "A body lies on the ground on
    # Friday in Nice after a truck ran into a crowd ... Photo: Reuters", "Erie, Pa.,
    # residents ... dig out on Tuesday ... (Greg Wohlford/Erie Times-News via AP)" (news
    # clusters). What the caption repeats of the story is shown in the story's words.
    pictured = "A firefighter stands before the burnt shell of the Corran Textiles warehouse in Harwick on Monday."
    captions = (f"{pictured} [Photo/Agencies]",
                f"{pictured} (Jo Bloggs/Harwick Gazette via AP)",
                f"{FIRE_AGAIN} (Photo by Jo Bloggs/Getty Images)")
    points = _points(
        ("a", "Gazette", "2025-03-10", [captions[0], FIRE, *TAIL]),
        ("b", "Wire", "2025-03-10", [captions[1], "Firefighters from three towns fought the blaze.", *TAIL]),
        ("c", "Times", "2025-03-10", [captions[2], "Investigators are looking for the cause of the Harwick blaze.",
                                      *TAIL]),
    )
    assert points[0] == FIRE, points
    assert not any(p.startswith(pictured) or p.startswith(FIRE_AGAIN) for p in points), points
    alone = _points(("a", "Gazette", "2025-03-10", [FIRE, f"{pictured} Photo: Reuters", *TAIL]))
    assert not any(p.startswith(pictured) for p in alone), alone


def test_a_call_to_follow_the_outlet_is_boilerplate() -> None:
    promo = "Add Weather as an interest to stay up to date on the latest Weather news, video, and analysis from ABC News."
    # ABC News pages carry it inside the text: one outlet's line, not a closing one.
    points = _points(("a", "ABC News", "2025-03-10", [FIRE, promo, *TAIL]),
                     ("b", "Wire", "2025-03-10", [FIRE_AGAIN, *TAIL]))
    assert points and promo not in points, points


def test_a_claim_the_claims_rule_would_join_with_a_chosen_point_repeats_it() -> None:
    # Blocking compares only sentences that share rare words, so two wordings of one fact
    # can stay two claims ("By one vote ... lost a confidence vote Friday" / "By only one
    # vote ... lost a confidence vote in Parliament Friday and was toppled", DUC 2004).
    # Their content words may differ too much for the cosine, but not for the rule.
    from types import SimpleNamespace

    from builder.analysis.keypoints import _repeats
    from builder.analysis.words import content

    def point(text: str) -> SimpleNamespace:
        return SimpleNamespace(shown=SimpleNamespace(text=text, bag=content(text)))

    chosen = [point("By two votes, a rebel from its own ranks, Mayor Lina Ferris's coalition lost a confidence vote "
                    "on Friday in the Harwick council chamber.")]
    same = point("By only two votes, the mayor of Harwick, Lina Ferris, lost a confidence vote in the council on "
                 "Friday and was toppled from power.")
    other = point("Council officers will now arrange a new vote in the Harwick council chamber next month.")
    other_figure = point("By 12 votes, a rebel from its own ranks, Mayor Lina Ferris's coalition lost a confidence vote "
                  "on Friday in the Harwick council chamber.")  # another figure: a disagreement, shown
    far = [{}]  # content words too far apart for the cosine
    assert _repeats(same, {}, chosen, far)
    assert not _repeats(other, {}, chosen, far)
    assert not _repeats(other_figure, {}, chosen, far)
