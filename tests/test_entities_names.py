"""Entity names on short strings: trimming, keys, acronyms, roles, the type vote."""

from __future__ import annotations

import pytest

from builder.entities import labels, roles
from builder.entities.names import (
    acronyms,
    fold,
    is_acronym,
    key,
    member_stem,
    party_stem,
    split_possessive,
    trim,
)


@pytest.mark.parametrize(("span", "label", "name", "seen", "title"), [
    ("Pierre Poilievre's", "PERSON", "Pierre Poilievre", "Pierre Poilievre", ""),
    ("Pierre Poilievre\u2019s", "PERSON", "Pierre Poilievre", "Pierre Poilievre", ""),
    ("Vladimir Putin 's", "PERSON", "Vladimir Putin", "Vladimir Putin", ""),
    ("Bears'", "ORG", "Bears", "Bears", ""),
    ("the White House", "FAC", "White House", "White House", ""),
    ("The New York Times's", "ORG", "New York Times", "New York Times", ""),
    ("Mr Carney", "PERSON", "Carney", "Mr Carney", ""),
    ("Mr. Blankfein", "ORG", "Blankfein", "Mr. Blankfein", ""),
    ("Prime Minister Mark Carney", "PERSON", "Mark Carney", "Prime Minister Mark Carney", "Prime Minister"),
    ("GM Ryan Pace", "PERSON", "Ryan Pace", "GM Ryan Pace", "GM"),
    ("President Trump", "PERSON", "Trump", "President Trump", "President"),
    ("\u201cCarney", "PERSON", "Carney", "Carney", ""),
    ("Goldman (GS", "ORG", "Goldman", "Goldman", ""),
    ("Keefe, Bruyette & Woods.", "ORG", "Keefe, Bruyette & Woods", "Keefe, Bruyette & Woods", ""),
    ("U.S.", "GPE", "U.S.", "U.S.", ""),
    ("Yves\u2013François Blanchet", "PERSON", "Yves-François Blanchet", "Yves-François Blanchet", ""),
    ("ex-Yukos", "PERSON", "Yukos", "Yukos", ""),
    ("the pro-Kremlin", "ORG", "Kremlin", "Kremlin", ""),
    ("Anti-Slavery International", "ORG", "Anti-Slavery International", "Anti-Slavery International", ""),
])
def test_trim_finds_the_name(span: str, label: str, name: str, seen: str, title: str) -> None:
    trimmed = trim(span, label)
    assert trimmed is not None
    assert (trimmed.name, trimmed.seen, trimmed.title) == (name, seen, title)
    # The offsets point at the name inside the span (quotes and dashes normalised).
    assert span[trimmed.start:trimmed.end].replace("\u2013", "-") == name


def test_titles_are_names_outside_person_spans() -> None:
    assert trim("General Motors", "ORG").name == "General Motors"  # type: ignore[union-attr]
    assert trim("General Motors", "PERSON").name == "Motors"  # type: ignore[union-attr]
    assert trim("King Charles", "PERSON").name == "King Charles"  # type: ignore[union-attr]


def test_possessive_is_flagged() -> None:
    assert trim("Angola's", "ORG").possessive  # type: ignore[union-attr]
    assert not trim("Angola", "GPE").possessive  # type: ignore[union-attr]


@pytest.mark.parametrize("span", ["the universal bank", "T-21st", "AP Photo/Richard Drew", "'s", "http://x.example", "1990s", "the"])
def test_not_names(span: str) -> None:
    assert trim(span, "ORG") is None


def test_split_possessive() -> None:
    assert split_possessive("Bloomberg\u2019s Christine Harper") == ("Bloomberg", 12)
    assert split_possessive("Canada's") is None
    assert split_possessive("McDonald's restaurant") is None


@pytest.mark.parametrize(("a", "b"), [
    ("Yves-François Blanchet", "Yves-Francois Blanchet"),
    ("Bloc Québécois", "bloc quebecois"),
    ("U.S.", "US"),
    ("Goldman Sachs Group Inc.", "Goldman Sachs"),
    ("Credit Suisse Group AG", "Credit Suisse"),
    ("Keefe, Bruyette & Woods", "Keefe Bruyette & Woods"),
    ("Kim Jong-un", "Kim Jong Un"),
    ("NEW YORK", "New York"),
])
def test_same_key(a: str, b: str) -> None:
    assert key(a) == key(b)


@pytest.mark.parametrize(("a", "b"), [("Group", "Grouping"), ("Donald Trump", "Donald Trump Jr."), ("Kim Jong Un", "Kim Jong Il")])
def test_different_key(a: str, b: str) -> None:
    assert key(a) != key(b)


def test_key_keeps_a_lone_designator() -> None:
    assert key("Group") == "group"


def test_fold() -> None:
    assert fold("Yves-François") == "yves francois"
    assert fold("O'Neil") == "oneil"


def test_acronyms() -> None:
    assert "NDP" in acronyms("New Democratic Party")
    assert "US" in acronyms("United States")
    assert "SEC" in acronyms("Securities and Exchange Commission")
    assert "NYSE" in acronyms("New York Stock Exchange")
    assert acronyms("Goldman") == set()
    assert is_acronym("NDP") and is_acronym("U.S.") and is_acronym("NORAD")
    assert not is_acronym("Nasa") and not is_acronym("G7") and not is_acronym("A")


def test_party_stems() -> None:
    assert party_stem("new democratic party") == member_stem("new democrats") == "new democrat"
    assert party_stem("conservative party of canada") == member_stem("conservatives") == "conservative"
    assert party_stem("liberal party") == member_stem("liberals") == "liberal"
    assert party_stem("republican party") == member_stem("republicans")
    assert party_stem("party") is None and party_stem("new democrats") is None


@pytest.mark.parametrize(("text", "name", "role"), [
    ("Prime Minister Mark Carney and others met.", "Mark Carney", "Prime Minister"),
    ("They met Conservative leader Pierre Poilievre on Monday.", "Pierre Poilievre", "Conservative leader"),
    ("said the Conservative leader Pierre Poilievre.", "Pierre Poilievre", "Conservative leader"),
    ("Dominic LeBlanc, Canada's minister of international trade, said so.", "Dominic LeBlanc", "Canada's minister of international trade"),
    ("Pete Hoekstra, the U.S. ambassador to Canada, said talks would go on.", "Pete Hoekstra", "U.S. ambassador to Canada"),
    ("U.S. Commerce Secretary Howard Lutnick spoke.", "Howard Lutnick", "U.S. Commerce Secretary"),
    ("Asked, President Vladimir Putin 's spokesman Dmitry Peskov said no.", "Dmitry Peskov", "President Vladimir Putin's spokesman"),
    ("Mark Carney, who leads the Liberals, said so.", "Mark Carney", ""),
    ("Mark Carney, 60, a former central banker, said so.", "Mark Carney", "former central banker"),
    ("Mark Carney said on Tuesday, in Ottawa, that he would.", "Mark Carney", ""),
    ("On Monday Mark Carney spoke.", "Mark Carney", ""),
    ("The Bears announced later Monday general manager Ryan Pace's contract.", "Ryan Pace", "general manager"),
    ("To help build the franchise quarterback Chicago has missed.", "Chicago", "quarterback"),
    # Seed 004: a quantifier opening the sentence is no part of the role.
    ("Both Conservative leader Pierre Poilievre and others lost.", "Pierre Poilievre", "Conservative leader"),
    ("with deputy press secretary Anna Kelly saying so.", "Anna Kelly", "deputy press secretary"),
    # Seed 002: what a person did is no role.
    ("Today, the Prime Minister, Mark Carney, spoke with the President of the United States.", "Mark Carney", ""),
])
def test_roles(text: str, name: str, role: str) -> None:
    start = text.index(name)
    assert roles.find(text, start, start + len(name), (0, len(text))) == role


def test_vote_is_over_all_mentions_with_weights() -> None:
    assert labels.vote(["ORG", "PERSON", "PERSON"])[0] == "person"  # not the first mention's
    assert labels.vote([("ORG", 0.5), ("ORG", 0.5), ("ORG", 0.5), ("GPE", 1.0), ("GPE", 1.0)])[0] == "place"
    assert labels.vote(["ORG", "PERSON"])[0] == "person"  # a tie goes to person
    assert labels.vote(["GPE", "LOC", "FAC", "NORP"])[0] == "place"
    assert labels.vote(["DATE"])[0] == "organisation"  # nothing to count: the commonest kind


@pytest.mark.parametrize("span, label", [
    ("Politics, Business", "ORG"),  # seed 003: two words of a quoted post
    ("Barkley, Beattie, Christophers", "ORG"),  # BBC: a team sheet
    ("U.S.-Canada", "GPE"),  # seed 001: "U.S.-Canada cooperation"
    ("Canada-U.S.", "GPE"),
])
def test_two_names_read_as_one_are_none(span: str, label: str) -> None:
    assert trim(span, label) is None


@pytest.mark.parametrize("span, label", [
    ("Washington, D.C.", "GPE"), ("Keefe, Bruyette & Woods", "ORG"), ("Yves-Francois Blanchet", "PERSON"),
    ("Coca-Cola", "ORG"),
])
def test_commas_and_hyphens_that_belong_to_a_name_stay(span: str, label: str) -> None:
    assert trim(span, label) is not None


@pytest.mark.parametrize("kind, name, settled", [
    ("place", "Bloc Québécois", "organisation"),  # seed 004: read as a place
    ("place", "Bloc", "place"),  # one word says too little
    ("place", "G7", "organisation"),  # seed 004: read as a place
    ("person", "Liberal Party", "organisation"),
    ("place", "Quebec City", "place"),
    ("person", "Mark Carney", "person"),
])
def test_a_name_settles_its_type(kind: str, name: str, settled: str) -> None:
    assert labels.by_name(kind, name) == settled  # type: ignore[arg-type]
