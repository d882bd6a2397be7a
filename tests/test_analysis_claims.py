"""Sentences, claims, the grouping under them, and how outlets are counted.

`corpus_of` builds a corpus from short strings; the other analysis tests import it.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from builder.analysis import analyse
from builder.analysis.claims import find_claims
from builder.analysis.grouping import group, stable_ids
from builder.analysis.outlets import independent, key, label
from builder.analysis.sentences import find_sentences
from builder.corpus.anchors import number
from builder.corpus.sentences import split
from builder.model import Article, Block, Corpus, Metadata, Sourced

Item = tuple[str, str | None, str | None, list[str]]  # slug, outlet, ISO date, paragraphs


def corpus_of(*items: Item) -> Corpus:
    """Articles from (slug, outlet or None, "YYYY-MM-DD" or None, paragraphs)."""
    articles = []
    for slug, outlet, date, paragraphs in items:
        blocks = tuple(Block(text=t, line=i + 1) for i, t in enumerate(paragraphs))
        metadata = Metadata(
            title=Sourced(f"Title of {slug}", "test"),
            outlet=Sourced(outlet, "test") if outlet else None,
            author=None,
            date=Sourced(dt.date.fromisoformat(date), "test") if date else None,
            dateline=None, url=None, description=None, tags=(), categories=(),
        )
        articles.append(Article(slug=slug, source=Path(f"{slug}.txt"), name=f"{slug}.txt", format="test",
                                encoding="utf-8", metadata=metadata, paragraphs=number(blocks), removed=(), extra=()))
    return Corpus(articles=tuple(articles), skipped=(), build_date=dt.date(2025, 6, 1))


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split(text)]


# Sentences -------------------------------------------------------------------------


def test_the_abbreviations_are_spacys() -> None:
    """corpus/sentences.py copies spaCy's list rather than importing spaCy to read it."""
    from spacy.lang.en import English

    from builder.corpus.sentences import _INITIALS, SPACY_ABBREVIATIONS

    theirs = {k for k in English.Defaults.tokenizer_exceptions
              if k.endswith(".") and " " not in k and not _INITIALS.fullmatch(k)}
    assert theirs == SPACY_ABBREVIATIONS


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    text = "Mr. Paddock lived in Mesquite, Nev. He was 64. J. K. Rowling met U.S. officials at 10 p.m. Tuesday."
    assert _sentences(text) == [
        "Mr. Paddock lived in Mesquite, Nev. He was 64.",  # "Nev." is an abbreviation spaCy knows
        "J. K. Rowling met U.S. officials at 10 p.m. Tuesday.",
    ]


def test_an_opening_quote_mark_starts_the_next_sentence() -> None:
    assert _sentences('"We were lucky," he said. "Very lucky." Then he left.') == [
        '"We were lucky," he said.', '"Very lucky."', "Then he left.",
    ]
    assert _sentences("He said. “Very lucky.” Then") == ["He said.", "“Very lucky.”", "Then"]


def test_an_outburst_inside_a_quotation_the_sentence_goes_on_after_ends_nothing() -> None:
    bellow = ("The Democrats did not hesitate to bellow ``You resign! You resign!'' at Speaker-elect Robert "
              "Livingston when he called for the president to quit.")  # DUC 2004
    asked = ("“Where the hell did he get automatic weapons? He has no military background or anything like "
             "that,” the brother said.")  # news clusters
    shouted = 'An officer kept shouting "Go quickly! Go that way!" in French, Phillips said.'
    placards = 'Women hold up placards that read "Where are you? What are you saying? This worries us!" in Cologne.'
    for text in (bellow, asked, shouted, placards):
        assert _sentences(text + " Then he left.") == [text, "Then he left."]
    # A quotation that closes on its outburst, or goes on in a new sentence, or a full
    # stop inside one: sentences end there as before.
    assert _sentences('He won! Then "Yes! We did it!" She cried.') == ["He won!", 'Then "Yes!', 'We did it!"',
                                                                      "She cried."]
    assert _sentences("“We were lucky. Very lucky,” he said.") == ["“We were lucky.", "Very lucky,” he said."]
    assert _sentences("“Stop!” He ran.") == ["“Stop!”", "He ran."]


def test_a_sentence_glued_to_the_full_stop_before_it_is_a_sentence() -> None:
    """Pasted text that lost a space (news clusters: "...for tests.The ability to ...")."""
    assert _sentences("Samples went back to Earth for tests.The ability to identify microbes is new.") == [
        "Samples went back to Earth for tests.", "The ability to identify microbes is new."]
    # Addresses, abbreviations and initials are not.
    for text in ("He runs the fansite Halo.Bungie.Org, said Smith.", "The firm Agency.Com said so.",
                 "Mr.Smith went home.", "Shares of Yahoo!Japan rose.", "Variants such as Bagle.AT spread."):
        assert _sentences(text) == [text]


def test_lower_case_after_a_full_stop_is_not_a_new_sentence() -> None:
    assert _sentences("The vote was 7-2 vs. the plan. it passed") == ["The vote was 7-2 vs. the plan. it passed"]


def test_sentence_spans_are_verbatim_and_positions_count_per_article() -> None:
    corpus = corpus_of(("a", "X", None, ["One sentence here. Two sentences here.", "Three."]),
                       ("b", "Y", None, ["Only one."]))
    found = find_sentences(corpus)
    texts = {(a.slug, p.anchor): p.text for a in corpus.articles for p in a.paragraphs}
    assert [s.span.text for s in found] == ["One sentence here.", "Two sentences here.", "Three.", "Only one."]
    assert all(texts[(s.span.article, s.span.anchor)][s.span.start:s.span.end] == s.span.text for s in found)
    assert [s.position for s in found] == [0, 1, 2, 0]


# Outlets ---------------------------------------------------------------------------


def test_outlets_count_once_and_unknown_outlets_count_per_article() -> None:
    corpus = corpus_of(("a", "www.Example.com", None, ["x"]), ("b", "example.com", None, ["x"]),
                       ("c", None, None, ["x"]), ("d", None, None, ["x"]))
    keys = [key(a) for a in corpus.articles]
    assert keys[0] == keys[1] == "example.com"
    assert keys[2] != keys[3]
    assert len(independent(keys)) == 3
    assert label(corpus.articles[2]) == "article c, outlet unknown"


def test_a_sites_editions_are_one_outlet() -> None:
    corpus = corpus_of(("a", "usa.chinadaily.com.cn", None, ["x"]), ("b", "europe.chinadaily.com.cn", None, ["x"]),
                       ("c", "edition.cnn.com", None, ["x"]), ("d", "www.thesun.co.uk", None, ["x"]),
                       ("e", "The Sun", None, ["x"]))
    assert [key(a) for a in corpus.articles] == [
        "chinadaily.com.cn", "chinadaily.com.cn", "cnn.com", "thesun.co.uk", "the sun",
    ]


# Claims ----------------------------------------------------------------------------

REWRITES = (
    ("gazette", "Gazette", "2025-04-30", ["The council voted on Tuesday to spend $48 million repairing the harbour bridge."]),
    ("gazette-2", "Gazette", "2025-05-01", ["The council voted on Tuesday to spend $48 million repairing the harbour bridge."]),
    ("wire", "Wire", "2025-04-30", ["On Tuesday the council voted to spend $48 million on repairing the harbour bridge."]),
    ("blog", None, None, ["Ferry operators expect record passenger numbers this summer season."]),
)


def test_rewrites_of_one_sentence_are_one_claim_counted_by_independent_outlets() -> None:
    corpus = corpus_of(*REWRITES)
    claims = find_claims(corpus, find_sentences(corpus))
    top = claims.claims[0]
    assert set(top.articles) == {"gazette", "gazette-2", "wire"}
    assert top.support == 2  # the Gazette twice counts once
    assert claims.shared() == (top,)
    assert claims.by_id[top.id] is top
    assert all(claims.of_sentence[(s.article, s.anchor, s.start)] == top.id for s in top.spans)
    assert top.text in {s.text for s in top.spans}


def test_different_sentences_about_the_same_people_stay_apart() -> None:
    corpus = corpus_of(
        ("a", "A", None, ["Mayor Dana Whitlock opened the new harbour bridge on Tuesday morning."]),
        ("b", "B", None, ["Mayor Dana Whitlock criticised the province over ferry subsidies again."]),
    )
    claims = find_claims(corpus, find_sentences(corpus))
    assert len(claims.claims) == 2
    assert claims.shared() == ()


def test_short_sentences_and_datelines_are_not_claims() -> None:
    corpus = corpus_of(("a", "A", None, ["He declined to comment.", "Xinhua | Updated: 2017-09-15 17:52"]),
                       ("b", "B", None, ["He declined to comment.", "Xinhua | Updated: 2017-09-15 17:52"]))
    assert find_claims(corpus, find_sentences(corpus)).claims == ()


def test_claim_ids_are_stable_across_builds() -> None:
    first = find_claims(corpus_of(*REWRITES), find_sentences(corpus_of(*REWRITES)))
    again = find_claims(corpus_of(*reversed(REWRITES)), find_sentences(corpus_of(*reversed(REWRITES))))
    assert {c.id for c in first.claims} == {c.id for c in again.claims}


# Grouping --------------------------------------------------------------------------


def test_grouping_joins_identities_and_the_best_match_in_a_block_only() -> None:
    values = [10.0, 10.0, 11.0, 50.0, 10.5]
    keys = [["k"], ["k"], ["k"], ["k"], []]

    def score(i: int, j: int) -> float:
        return 1 - abs(values[i] - values[j]) / 10

    groups = group([str(v) for v in values], keys, score, threshold=0.85)
    # 10.5 has no key: nothing is compared with it, whatever its value.
    assert groups == [[0, 1, 2], [3], [4]]


def test_grouping_compares_with_few_items_per_key() -> None:
    calls = []

    def score(i: int, j: int) -> float:
        calls.append((i, j))
        return 0.0

    group(list(range(200)), [["common"]] * 200, score, threshold=0.5, max_per_key=8)
    assert len(calls) <= 200 * 8


def test_stable_ids_are_unique_even_when_hashes_collide() -> None:
    assert stable_ids("c", ["same", "same", "other"]) == [
        stable_ids("c", ["same"])[0], stable_ids("c", ["same"])[0] + "-2", stable_ids("c", ["other"])[0],
    ]


def test_analyse_runs_every_analysis_on_an_empty_corpus() -> None:
    result = analyse(corpus_of())
    assert result.claims.claims == () and result.timeline.events == () and result.disagreements == ()


# The fast paths of words.py and grouping.py against their plain versions ------------


def test_tokens_split_as_the_regular_expression_does() -> None:
    import random

    from builder.analysis import words

    texts = ["It's the dogs' 'tis a''b rock'n'roll 1,200 U.S._x", "Zürich’s “naïve” café", "''", "a'", "'a"]
    rng = random.Random(1)
    texts += ["".join(rng.choice("ab9Z_'’ -.,\"\té") for _ in range(rng.randint(0, 12))) for _ in range(5000)]
    for text in texts:
        folded = words.fold(text)
        assert words._split(folded) == words._TOKEN.findall(folded), text


def test_rare_keys_are_the_rare_words_of_each_bag() -> None:
    import random

    from builder.analysis import words

    rng = random.Random(2)
    vocabulary = [f"w{n}" for n in range(60)]
    bags = [tuple(rng.choice(vocabulary) for _ in range(rng.randint(0, 9))) for _ in range(300)]
    df = words.document_frequency(bags)
    for k, limit in ((3, 20), (5, 50), (2, 4)):
        assert words.rare_keys(bags, df, k, limit) == [words.rare(bag, df, k, limit) for bag in bags]


def test_grouping_needs_the_shared_keys_it_is_asked_for() -> None:
    keys = [["a", "b", "c"], ["a", "x", "y"], ["a", "b", "z"], ["c", "y", "q"]]
    compared: list[tuple[int, int]] = []

    def score(i: int, j: int) -> float:
        compared.append((i, j))
        return 1.0

    assert group(["0", "1", "2", "3"], keys, score, threshold=0.5, min_shared=2) == [[0, 2], [1], [3]]
    assert compared == [(2, 0)]  # 3 meets 0 on "c" and 1 on "y": one key each, not compared


_HASH_SEED_PROBE = """
import random
from builder.analysis import words
rng = random.Random(7)
vocab = [f"w{i}" for i in range(60)]
weights = {w: rng.uniform(0.01, 9.0) * 10 ** rng.randint(-3, 3) for w in vocab}
a = words.vector(rng.sample(vocab, 40), weights)
b = words.vector(rng.sample(vocab, 40), weights)
print(repr(words.cosine(a, b)), *(repr(a[w]) for w in sorted(a)))
"""


def outputs_by_hash_seed(code: str, seeds: range = range(8)) -> set[str]:
    """What `code` prints in a Python process per hash seed (a set's order changes with
    it): one output when the code does not depend on that order."""
    outputs = set()
    for seed in seeds:
        env = {**os.environ, "PYTHONHASHSEED": str(seed)}
        run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True,
                             cwd=Path(__file__).resolve().parent.parent)
        outputs.add(run.stdout)
    return outputs


def test_cosines_do_not_depend_on_the_hash_seed() -> None:
    """Sets iterate in an order the hash seed sets, and a float sum in another order can
    differ in the last bit, enough to flip a threshold. The vectors and their cosine are
    the same in every process."""
    assert len(outputs_by_hash_seed(_HASH_SEED_PROBE)) == 1
