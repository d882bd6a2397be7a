"""Each cleaning rule on short strings. The seeds' quirks are cited by seed number."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.corpus.cleaning import RULES, clean
from builder.corpus.cleaning.rules import date_line
from builder.model import Block, Cleaned, RawDocument, Sourced


def _raw(*texts: str, fields: dict[str, Sourced[object]] | None = None) -> RawDocument:
    blocks = tuple(Block(t, i + 1) for i, t in enumerate(texts))
    return RawDocument(Path("a.txt"), "a.txt", "text", "utf-8", blocks, fields or {})


def _clean(*texts: str, **kw: object) -> Cleaned:
    return clean(_raw(*texts, **kw))  # type: ignore[arg-type]


def _kept(cleaned: Cleaned) -> list[str]:
    return [b.text for b in cleaned.blocks]


BODY = [
    "The council voted on Tuesday to repair the harbour bridge at a cost of $48 million.",
    "Mayor Dana Whitlock said the vote was the end of a long wait for commuters.",
]


def test_rules_are_an_ordered_registry() -> None:
    names = [name for name, _ in RULES]
    assert names.index("title") < names.index("duplicate") < names.index("link-list") < names.index("dateline")


def test_nothing_is_dropped_without_a_removal() -> None:
    texts = ["Headline", " date 2025-03-28", *BODY, *BODY, "You may also like", "Other story one", "Read more", "ABC/wires"]
    cleaned = _clean(*texts)
    assert len(cleaned.blocks) + len(cleaned.removed) == len(texts)
    assert all(r.reason and r.rule for r in cleaned.removed)


def test_headline_first_line_becomes_the_title() -> None:
    cleaned = _clean("Bridge repairs approved", *BODY)
    assert cleaned.found["title"].value == "Bridge repairs approved"
    assert _kept(cleaned) == BODY


def test_headline_ending_in_a_quotation_is_still_a_headline() -> None:
    cleaned = _clean("Economy 'stronger than forecast'", *BODY)
    assert cleaned.found["title"].value == "Economy 'stronger than forecast'"


def test_a_sentence_first_line_is_not_a_title() -> None:
    cleaned = _clean(*BODY)
    assert "title" not in cleaned.found and _kept(cleaned) == BODY


def test_preamble_date_line_seed_003() -> None:
    cleaned = _clean(" date 2025-03-28".strip(), "Headline", *BODY)
    assert cleaned.found["date"].value == "2025-03-28"
    assert cleaned.found["date"].origin == "date line (line 1)"
    assert _kept(cleaned) == BODY


def test_a_date_key_sharing_its_line_with_the_first_sentence() -> None:
    """Seed 003: ` date 2025-03-28 The U.S. president, in his post, said ...`."""
    first = "date 2025-03-28 The mayor, in her post, said the two sides would meet soon."
    cleaned = _clean(first, *BODY)
    assert cleaned.found["date"].value == "2025-03-28"
    assert _kept(cleaned) == ["The mayor, in her post, said the two sides would meet soon.", *BODY]
    assert [(r.rule, r.text) for r in cleaned.removed] == [("preamble", "date 2025-03-28")]


def test_a_date_after_the_headline_on_its_line() -> None:
    """News clusters: "Killing of gorilla ... sparks outrage Updated: 2016-05-30 09:53 (Agencies)"."""
    cleaned = _clean("Harbour bridge to close for repairs Updated: 2025-05-30 09:53 (Agencies)", *BODY)
    assert cleaned.found["date"].value == "2025-05-30 09:53"
    assert cleaned.found["title"].value == "Harbour bridge to close for repairs"
    assert _kept(cleaned) == BODY


@pytest.mark.parametrize("line, date", [
    ("Tuesday, July 2, 2013", "July 2, 2013"),
    ("3 July 2013 Last updated at 13:38 GMT", "3 July 2013"),
    ("POSTED: 1052 GMT (1852 HKT), April 10, 2007", "April 10, 2007"),
    ("Published 10:05 a.m. ET Jan. 2, 2018", "Jan. 2, 2018"),
    ("2025-03-28", "2025-03-28"),
])
def test_date_lines_before_the_text_are_the_publication_date(line: str, date: str) -> None:
    cleaned = _clean("Harbour bridge to close", line, *BODY)
    assert cleaned.found["date"].value == date
    assert _kept(cleaned) == BODY


def test_the_headline_repeated_with_its_update_stamp() -> None:
    """News clusters: the title line, then the title again with "Updated: <date> (Agency)"."""
    cleaned = _clean("Harbour bridge to close", "Harbour bridge to close Updated: 2016-05-30 09:53 (Agencies)", *BODY)
    assert cleaned.found["date"].value == "2016-05-30 09:53"
    assert _kept(cleaned) == BODY


def test_an_agency_and_update_stamp_after_the_repeated_headline() -> None:
    cleaned = _clean("Harbour bridge to close", "Harbour bridge to close", "Xinhua | Updated: 2017-09-15 17:52", *BODY)
    assert cleaned.found["date"].value == "2017-09-15 17:52"
    assert _kept(cleaned) == BODY


def test_a_title_with_a_dashed_date() -> None:
    cleaned = _clean("News With Ed -- October 2, 2017", *BODY)
    assert cleaned.found["date"].value == "October 2, 2017" and cleaned.found["title"].value == "News With Ed"


def test_an_aggregators_published_line() -> None:
    cleaned = _clean("Harbour bridge to close", "60 Published By - Google News - Local - 2017.12.30. 18:26", *BODY)
    assert cleaned.found["date"].value == "2017.12.30"


def test_a_print_edition_line_at_the_end() -> None:
    """China Daily ends articles with "(China Daily 10/03/2017 page4)": month first."""
    cleaned = _clean(*BODY, "(China Daily 10/03/2017 page4)")
    assert cleaned.found["date"].value == "2017-10-03" and cleaned.found["outlet"].value == "China Daily"
    assert _kept(cleaned) == BODY


def test_a_sentence_with_a_date_is_no_date_line() -> None:
    text = "On March 2, 2025 the council voted to repair the bridge."
    assert date_line(text) is None
    assert "date" not in _clean(text, *BODY).found


def test_headline_and_standfirst_before_the_dateline() -> None:
    """Seed 001: a headline sentence and a standfirst on the first line, then the datelined lead."""
    first = "U.S. officials say the harbour bridge will reopen in June. Key issues include cost and traffic."
    cleaned = _clean(first, "PORT ELLING, N.S. — The council voted on Tuesday to repair the bridge.", BODY[1])
    assert cleaned.found["title"].value == "U.S. officials say the harbour bridge will reopen in June."
    assert cleaned.found["description"].value == "Key issues include cost and traffic."
    assert cleaned.found["dateline"].value == "PORT ELLING, N.S."
    assert _kept(cleaned) == ["The council voted on Tuesday to repair the bridge.", BODY[1]]


def test_a_lead_paragraph_before_an_ordinary_paragraph_stays_text() -> None:
    first = "The council voted on Tuesday to repair the bridge. It will cost $48 million."
    cleaned = _clean(first, *BODY)
    assert "title" not in cleaned.found and _kept(cleaned)[0] == first


def test_byline_in_the_preamble() -> None:
    for texts in (("Headline", "By Jane Doe and John Roe"), ("By Jane Doe and John Roe", "Headline")):
        cleaned = _clean(*texts, *BODY)
        assert cleaned.found["author"].value == "Jane Doe and John Roe"
        assert cleaned.found["title"].value == "Headline"
        assert _kept(cleaned) == BODY


def test_article_pasted_twice_appears_once_seed_002() -> None:
    cleaned = _clean("Headline", *BODY, "Headline", *BODY)
    assert _kept(cleaned) == BODY
    reasons = [r.reason for r in cleaned.removed if r.rule == "duplicate"]
    assert reasons == ["repeats the title", "repeats the block at line 2", "repeats the block at line 3"]


def test_you_may_also_like_list_seed_002() -> None:
    cleaned = _clean("Headline", *BODY, "You may also like", "Ten things to do this weekend", "Ferry timetable changes announced")
    assert _kept(cleaned) == BODY
    assert {r.rule for r in cleaned.removed} == {"title", "link-list"}


def test_other_link_list_headings() -> None:
    for heading in ("Related stories", "More from BBC News", "Most read", "Recommended for you", "What to read next"):
        cleaned = _clean("Headline", *BODY, heading, "Storm warning issued for the coast")
        assert _kept(cleaned) == BODY, heading


def test_trailing_unrelated_headlines_without_a_heading() -> None:
    tail = ["Local bakery wins a national award", "Storm warning issued for the whole coast", "School league results are announced today"]
    cleaned = _clean("Headline", *BODY, *tail)
    assert _kept(cleaned) == BODY


def test_trailing_list_about_the_story_is_kept() -> None:
    # BBC sport/192 ends with the FA Cup draw; BBC sport/476 with the seedings.
    body = ["The draw for the fifth round paired Bolton with Arsenal and Everton with Chelsea at home."]
    rows = ["Bolton v Arsenal", "Everton v Chelsea", "Charlton v Yeovil"]
    assert _kept(_clean("Headline", *body, *rows)) == body + rows
    seeds = ["1 Roger Federer (Switzerland)", "3 Lleyton Hewitt (Australia)", "4 Maria Sharapova (Russia)"]
    assert _kept(_clean("Headline", *body, *seeds)) == body + seeds


def test_promo_lines_anywhere() -> None:
    promos = ["Read more: How the bridge was built", "Also read: Ferry fares rise", "Subscribe to our newsletter",
              "Follow us on Twitter", "Advertisement", "Related: Bridge history", "Follow James Dean on Twitter: @jd"]
    cleaned = _clean("Headline", BODY[0], *promos, BODY[1])
    assert _kept(cleaned) == BODY
    assert {r.rule for r in cleaned.removed} == {"title", "promo"}


def test_promo_words_inside_real_sentences_are_kept() -> None:
    body = ["Related issues were raised by the council's auditors in a long report published last year.",
            "Read more carefully, the report shows the cost had doubled since the first estimate was made."]
    assert _kept(_clean("Headline", *body)) == body


def test_wires_sign_off_gives_the_outlet_seed_000() -> None:
    cleaned = _clean("Headline", *BODY, "ABC/wires")
    assert _kept(cleaned) == BODY
    assert cleaned.found["outlet"].value == "ABC"
    assert "ABC/wires" in cleaned.found["outlet"].origin


def test_separator_and_contributor_line_seed_003() -> None:
    credit = "Associated Press writer Jordan Pike in Halifax contributed to this report."
    cleaned = _clean("Headline", *BODY, "___", credit)
    assert _kept(cleaned) == BODY
    assert cleaned.found["outlet"].value == "Associated Press"
    assert [r.rule for r in cleaned.removed] == ["title", "separator", "credit"]


def test_copyright_trailer() -> None:
    cleaned = _clean("Headline", *BODY, "Copyright 2017 The Associated Press. All rights reserved.")
    assert _kept(cleaned) == BODY


def test_dateline_is_stripped_from_the_first_paragraph_seed_001() -> None:
    cleaned = _clean("Headline", "WASHINGTON, D.C. — The president spoke to reporters on the lawn on Friday.", BODY[1])
    assert _kept(cleaned)[0] == "The president spoke to reporters on the lawn on Friday."
    assert cleaned.found["dateline"].value == "WASHINGTON, D.C."
    removal = next(r for r in cleaned.removed if r.rule == "dateline")
    assert removal.text == "WASHINGTON, D.C. —"


def test_dateline_with_agency_gives_the_outlet() -> None:
    cleaned = _clean("Headline", "OTTAWA (Reuters) - Canada's prime minister said on Monday that talks would resume.")
    assert cleaned.found["dateline"].value == "OTTAWA"
    assert cleaned.found["outlet"].value == "Reuters"


@pytest.mark.parametrize(("text", "place", "outlet"), [
    ("(CNN) Uma Thurman is ready to share her story about the film producer.", None, "CNN"),
    ("(Reuters) - A Tokyo-bound jet returned to Los Angeles on Tuesday.", None, "Reuters"),
    ("TOKYO/SEOUL (Reuters) - North Korea fired a ballistic missile over Japan on Tuesday.", "TOKYO/SEOUL", "Reuters"),
])
def test_datelines_of_the_news_clusters(text: str, place: str | None, outlet: str) -> None:
    """An agency alone, or two places, open the lead (news clusters)."""
    cleaned = _clean("Headline", text, BODY[1])
    assert _kept(cleaned)[0] == text.split(") ", 1)[1].removeprefix("- ")
    assert cleaned.found["outlet"].value == outlet
    assert (cleaned.found["dateline"].value if "dateline" in cleaned.found else None) == place


def test_cnn_story_highlights_lose_their_label_and_the_lead_after_them_its_dateline() -> None:
    cleaned = _clean("Headline", "Story highlights Heavy winds earlier forced the plane to change course",
                     "The plane was a single-engine turboprop operated by a local airline",
                     "(CNN) A small plane crash on Sunday killed 12 people, officials said.", BODY[1])
    assert _kept(cleaned) == ["Heavy winds earlier forced the plane to change course",
                              "The plane was a single-engine turboprop operated by a local airline",
                              "A small plane crash on Sunday killed 12 people, officials said.", BODY[1]]
    assert cleaned.found["outlet"].value == "CNN"
    assert {r.text for r in cleaned.removed} >= {"Story highlights", "(CNN)"}


def test_a_pages_script_pasted_as_text_is_removed() -> None:
    code = ["window._taboola = window._taboola || []; _taboola.push({ mode: 'thumbnails-c', placement: 'gallery' });",
            "googletag.cmd.push(function() { googletag.display('div-gpt-ad-1'); });",
            "var pageType = 'article';"]
    cleaned = _clean("Headline", BODY[0], *code, BODY[1])
    assert _kept(cleaned) == BODY
    assert [r.rule for r in cleaned.removed].count("script") == 3
    prose = ["Windows 11 is the last version, the company said on Tuesday.",
             "Let the record show = nothing was agreed; the talks broke up at dawn."]
    assert _kept(_clean("Headline", BODY[0], *prose, BODY[1])) == [BODY[0], *prose, BODY[1]]


def test_a_headline_and_nothing_after_it_leaves_no_article() -> None:
    cleaned = _clean("Sun, fun, flowers as 129th Rose Parade rolls in California")
    assert _kept(cleaned) == [] and cleaned.found["title"].value.startswith("Sun, fun")
    # One line that reads as text is an article of one paragraph.
    assert _kept(_clean("The council voted on Tuesday to close the bridge.")) == ["The council voted on Tuesday to close the bridge."]


def test_not_a_dateline() -> None:
    for text in ("NATO leaders met on Tuesday - a day earlier than planned - in Brussels.", "UK inflation - the figures in full, released on Wednesday by the statistics office.",
                 "(Updated) The council voted on Tuesday to close the bridge for repairs.",
                 "(Photo) A crowd gathers outside the court as the verdict is read."):
        cleaned = _clean("Headline", text)
        assert "dateline" not in cleaned.found, text
        assert _kept(cleaned) == [text]


def test_short_standalone_lines_are_subheadings_seed_001() -> None:
    cleaned = _clean("Headline", BODY[0], "What the plan covers", BODY[1], "Short closing line.")
    kinds = [(b.kind, b.text) for b in cleaned.blocks]
    assert ("heading", "What the plan covers") in kinds
    assert ("paragraph", BODY[0]) in kinds and ("paragraph", "Short closing line.") in kinds


def test_front_matter_title_repeated_as_first_line_is_removed() -> None:
    cleaned = _clean("Bridge: what it means", *BODY, fields={"title": Sourced("Bridge: what it means", "front matter `title`")})
    assert _kept(cleaned) == BODY
    assert cleaned.removed[0].reason == "repeats the title"


def test_blocks_without_words() -> None:
    assert _kept(_clean("Headline", BODY[0], "* * *", "...", BODY[1])) == BODY


def test_sentences_starting_with_a_preamble_word_are_text() -> None:
    body = ["Updated figures show the cost has doubled.", "Source material was lost in the fire."]
    assert _kept(_clean(*body, *BODY)) == body + BODY


def test_photo_captions_and_credits() -> None:
    captions = [
        "FILE - In this Dec. 13, 2016, file photo, the logo for the company appears above a trading post.",
        "Timberlake performs during the halftime show. (Patrick Smith/Getty Images)",
        "The app was removed from the store after the company found inappropriate content Dado Ruvic/Reuters",
        "The Cubs had not won the World Series since 1908 (Getty)",
        "Kids using smartphones. (Photo: Getty Images)",
        "David Becker/Getty Images",
    ]
    cleaned = _clean("Headline", BODY[0], *captions, BODY[1])
    assert _kept(cleaned) == BODY
    assert {r.rule for r in cleaned.removed} == {"title", "caption"}


def test_a_photo_gallery_run_into_one_block_goes_whatever_its_length() -> None:
    gallery = " ".join(f"A view of the harbour, picture {k}, taken from the old lighthouse on the hill above the town. "
                       f"Hide Caption {k} of 30 Photos: The harbour after the storm" for k in range(1, 31))
    cleaned = _clean("Headline", BODY[0], gallery, BODY[1])
    assert _kept(cleaned) == BODY
    assert cleaned.removed[-1].rule == "caption"
    # A sentence that only mentions captions is text.
    text = "The museum will hide captions in 3 of its rooms so visitors look at the paintings first."
    assert _kept(_clean("Headline", BODY[0], text, BODY[1])) == [BODY[0], text, BODY[1]]


def test_video_players_and_expandable_panels() -> None:
    """What a pasted page brings of its video players and panels (news clusters)."""
    widgets = [
        "CLOSE Sheila E. says the singer reached out to her after she tweeted about the show. (Feb. 4) AP",
        "Ripple's XRP just soared more than 30% 11:03 AM ET Fri, 29 Dec 2017 | 00:40",
        "Q&A What is bitcoin and is it a bad investment? Show Hide Bitcoin is the first, and the biggest, "
        "cryptocurrency. " + "Whether it is a bad investment is the big question for many of its buyers. " * 12,
    ]
    cleaned = _clean("Headline", widgets[0], BODY[0], widgets[1], widgets[2], BODY[1])
    assert _kept(cleaned) == BODY
    reasons = [r.reason for r in cleaned.removed if r.rule == "caption"]
    assert reasons == ["a video player's caption or teaser"] * 2 + ["an expandable panel of the page (“Show Hide”)"]
    # Text that only looks alike stays.
    text = ["CLOSE to 100 people were evacuated from the building on Tuesday night.",
            "The score was 3 | 2 at the break, and the second half ended 10:30 later than planned."]
    assert _kept(_clean("Headline", BODY[0], *text, BODY[1])) == [BODY[0], *text, BODY[1]]


def test_a_gallery_whose_captions_open_with_its_title_is_removed() -> None:
    """DW: "Port of Duisburg turns 300 Trading place of global significance What started ..."."""
    slides = [f"Port of Duisburg turns 300 {title} The port handled {k} million tons of cargo that year, the operator said."
              for k, title in enumerate(("Trading place", "Expansion drive", "The olden days", "London parallels"), 1)]
    cleaned = _clean("Headline", BODY[0], *slides, BODY[1])
    assert _kept(cleaned) == BODY
    assert {r.reason for r in cleaned.removed if r.rule == "caption"} == {
        "a photo gallery: each caption opens with the gallery's title"}
    # Paragraphs that open alike and go on in lower case are text (a speech), and so are three.
    speech = [f"I have a dream that one day {k} this nation will rise up and live out the true meaning of its creed."
              for k in ("soon", "again", "at last", "for all")]
    assert _kept(_clean("Headline", BODY[0], *speech, BODY[1])) == [BODY[0], *speech, BODY[1]]
    assert _kept(_clean("Headline", BODY[0], *slides[:3], BODY[1])) == [BODY[0], *slides[:3], BODY[1]]


def test_long_boilerplate_blocks() -> None:
    blocks = ["Newsletter Sign Up Continue reading the main story Please verify you're not a robot by clicking the box. "
              "Invalid email address. Please re-enter. You must select a newsletter to subscribe to.",
              "Image copyright Getty Images Image caption The tram derailed near an underpass"]
    assert _kept(_clean("Headline", BODY[0], *blocks, BODY[1])) == BODY


def test_dateline_after_a_caption_is_still_the_first_paragraph() -> None:
    cleaned = _clean("Headline", "FILE - In this 2016 file photo, the logo appears on a screen.",
                     "NEW YORK — Goldman Sachs expects to take a hit to profits this quarter.")
    assert cleaned.found["dateline"].value == "NEW YORK"
    assert _kept(cleaned) == ["Goldman Sachs expects to take a hit to profits this quarter."]


def test_sentences_mentioning_photos_or_agencies_are_kept() -> None:
    body = ["The photo was taken by a Reuters photographer on Tuesday, the agency said in a statement.",
            "Officials at AP said the company would not comment on the report."]
    assert _kept(_clean("Headline", *body)) == body


def _clean_blocks(*blocks: Block) -> Cleaned:
    return clean(RawDocument(Path("a.md"), "a.md", "markdown", "utf-8", blocks, {}))


def test_repeated_code_and_short_headings_are_the_texts_own() -> None:
    # A tutorial: an "Output" heading and the same command after each step.
    blocks = (Block("Install the tool, then run it on the sample file to see what it prints.", 1),
              Block("Output", 2, "heading"), Block("npm install", 3, "code"),
              Block("Now change the sample and run it again to see the difference.", 4),
              Block("Output", 5, "heading"), Block("npm install", 6, "code"))
    cleaned = _clean_blocks(*blocks)
    assert [b.text for b in cleaned.blocks] == [b.text for b in blocks]
    assert cleaned.removed == ()


def test_many_repeated_short_lines_are_kept() -> None:
    # A saved meal plan: the same short lines day after day.
    days = []
    for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Monday again"):
        days += [f"{day}", "Breakfast: oats with berries", "Lunch: lentil soup", "Dinner: baked fish", "Snack: an apple"]
    cleaned = _clean("Headline", BODY[0], *days, BODY[1])
    assert sum(t.startswith("Lunch") for t in _kept(cleaned)) == 8
    assert not [r for r in cleaned.removed if r.rule == "duplicate"]


def test_a_run_pasted_twice_goes_even_when_its_lines_are_short() -> None:
    run = ["Ferry fares rise in May for the first time in six years", "Bus lanes open on Quay Street next week",
           "Night sailings are cut from June as crews stay out", "Council agrees a new budget for the harbour"]
    cleaned = _clean("Headline", *BODY, *run, *run)
    assert _kept(cleaned)[:2] == BODY and _kept(cleaned).count("Ferry fares rise in May") <= 1
    assert [r.text for r in cleaned.removed if r.rule == "duplicate"] == run


def test_a_short_line_seen_once_before_is_not_a_double_paste() -> None:
    cleaned = _clean("Headline", BODY[0], "Links: GitHub | MarketPlace", BODY[1], "Links: GitHub | MarketPlace")
    assert _kept(cleaned).count("Links: GitHub | MarketPlace") == 2


def test_follow_on_twitter_in_prose_is_kept() -> None:
    lines = ["Follow her on Twitter at @harbourfan", "Follow Walker on Twitter at @walker for news from the quay.",
             "Follow @harbourherald on Twitter for the ferry times every morning"]
    cleaned = _clean("Headline", *BODY, *lines)
    assert _kept(cleaned) == [*BODY, *lines]


def test_follow_lines_that_are_navigation_go() -> None:
    for line in ("Follow us on Twitter", "Follow James Dean on Twitter: @jd", "Follow Harbour Herald on Facebook"):
        assert _kept(_clean("Headline", *BODY, line)) == BODY, line


def test_an_articles_own_closing_list_is_kept() -> None:
    body = ["The operator's guide to the strike timetable ends with what passengers can do instead:"]
    items = ["Take the number 12 bus over Mill Street", "Walk the harbour path in good weather",
             "Cycle over the old bridge from the station"]
    assert _kept(_clean("Headline", *body, *items)) == body + items
    heading = (Block("What passengers can do", 2, "heading"),)
    blocks = (Block(BODY[0], 1), *heading, *(Block(t, 3 + i) for i, t in enumerate(items)))
    assert [b.text for b in _clean_blocks(*blocks).blocks] == [BODY[0], "What passengers can do", *items]


def test_rules_for_prose_leave_tables_and_code_alone() -> None:
    blocks = (Block("---", 1, "code"), Block(BODY[0], 2), Block("Read more: | (AP Photo/x)", 3, "table",
                                                                (("Read more:", "(AP Photo/x)"),)),
              Block(BODY[1], 4), Block("}", 5, "code"))
    cleaned = _clean_blocks(*blocks)
    assert [b.kind for b in cleaned.blocks] == ["code", "paragraph", "table", "paragraph", "code"]


def test_a_date_line_is_no_title_and_no_body() -> None:
    """Issue 20: a date line before the headline was shown as the article's title on
    /sources/ and as a timeline row; it is the publication date only."""
    cleaned = _clean("Tuesday, July 2, 2013", "Harbour bridge to close", *BODY)
    assert cleaned.found["date"].value == "July 2, 2013"
    assert cleaned.found["title"].value == "Harbour bridge to close"
    assert _kept(cleaned) == BODY


def test_a_gallery_pictures_place_date_and_photographer_is_a_caption() -> None:
    """News clusters: an Independent gallery's "... (Kabul, March 1, 2002) Paula
    Bronstein" made sixteen timeline events from 2001 to 2015."""
    gallery = "2/16 2002 Mahbooba stands against a bullet-ridden wall. (Kabul, March 1, 2002) All photos Paula Bronstein"
    cleaned = _clean(BODY[0], gallery, BODY[1])
    assert _kept(cleaned) == BODY
    assert _kept(_clean(BODY[0], "The council met (Kabul, March 1, 2002).", BODY[1]))[1].startswith("The council met")
