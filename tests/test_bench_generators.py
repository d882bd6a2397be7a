"""The synthetic corpora of `make bench` (benchmarks/): what they are made to test is
in them, and the builder's code reads them as it reads real ones."""

from __future__ import annotations

from benchmarks import entity_scale
from builder.entities import extract, index_found


def test_the_entity_corpus_goes_through_extraction_and_merges_its_aliases() -> None:
    made = entity_scale.corpus(120)
    found = extract.find(made.corpus, entity_scale.MODEL, parse=made.parse)  # no model is loaded
    assert len(found.found) > 20 * len(made.corpus.articles)
    entities = {e.name: e for e in index_found(found, (), entity_scale.MODEL).entities}
    assert {"US", "America", "U.S."} <= set(entities["United States"].aliases)
    people = [e for e in entities.values() if e.type == "person" and len(e.mentions) >= 10]
    assert people, "no person is named ten times"
    # "Mr Kobe" and "Kobe" join "Ana Kobe": the busiest people carry their short forms.
    assert sum(any(a.split()[-1] == e.name.split()[-1] and a != e.name for a in e.aliases) for e in people) > len(people) / 2
    acronyms = [e for e in entities.values() if e.type == "organisation" and any(a.isupper() for a in e.aliases)]
    assert acronyms, "no organisation was joined to its acronym"
