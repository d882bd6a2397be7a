"""Stories (issue 21): detection, B-cubed, blocking, the editor's stories.yml."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from builder.analysis import stories
from builder.corpus.load import load_corpus
from builder.model import Corpus

FIXTURES = Path(__file__).parent / "fixtures" / "stories"
SEEDS = Path(__file__).parent.parent / "seeds"


def _corpus(folder: Path) -> Corpus:
    return load_corpus(folder, dt.date(2025, 6, 1))


def test_two_stories_and_an_article_that_fits_none():
    found = stories.detect(_corpus(FIXTURES))
    groups = sorted(sorted(s.articles) for s in found.stories)
    assert groups == [["ferry-1", "ferry-2", "ferry-3"], ["volcano-1", "volcano-2", "volcano-3"]]
    assert found.other == ("other",)
    assert not found.single
    # Named by one of its own headlines; the slug is made from it.
    ferry = found.of("ferry-2")
    assert ferry is not None and ferry.title in {"Rhine cruise ship hits bridge pylon near Duisburg",
                                                   "Dozens hurt as Swiss Crystal cruise boat rams Duisburg bridge",
                                                   "Scylla says Swiss Crystal captain was experienced"}
    assert ferry.slug == stories.slugs.make(stories.fold(ferry.title))
    # Why: the names and words it shares with the others, as the text writes them.
    assert "Duisburg" in ferry.shared["ferry-1"]
    assert "Grindavik" in found.of("volcano-1").shared["volcano-1"]


def test_detection_is_deterministic_and_order_free_of_hashing():
    a = stories.detect(_corpus(FIXTURES))
    b = stories.detect(_corpus(FIXTURES))
    assert a == b and [s.slug for s in a.stories] == [s.slug for s in b.stories]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seeds are absent")
def test_the_seeds_are_one_story():
    found = stories.detect(_corpus(SEEDS))
    assert found.single and len(found.stories) == 1 and not found.other


def test_an_article_about_nothing_shared_is_other(tmp_path):
    for name in ("ferry-1.txt", "other.txt", "volcano-1.txt"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    found = stories.detect(_corpus(tmp_path))
    assert found.stories == () and len(found.other) == 3 and found.single


def test_far_apart_dates_keep_same_topic_events_apart():
    assert stories._gap_factor(100, 105) == 1.0
    assert stories._gap_factor(100, 100 + stories.SAME_WEEKS + stories.HALF_LIFE) == pytest.approx(0.5)
    assert stories._gap_factor(None, 500) == 1.0


def test_average_linkage_merges_by_mean_similarity():
    # 0-1 alike, 2 like 1 only: the mean of 2 with {0, 1} is 0.3, under 0.4, so 2 stays alone.
    sims = {(0, 1): 0.9, (1, 2): 0.6}
    assert stories.average_linkage(3, sims, 0.4) == [[0, 1], [2]]
    assert stories.average_linkage(3, sims, 0.25) == [[0, 1, 2]]
    assert stories.average_linkage(3, {}, 0.1) == [[0], [1], [2]]


def test_blocking_pairs_only_articles_sharing_a_rare_term():
    vectors = [{"w:a": 1.0}, {"w:a": 0.5, "w:b": 0.5}, {"w:c": 1.0}, {"w:b": 1.0}]
    df = stories.Counter({"w:a": 2, "w:b": 2, "w:c": 1})
    assert stories.candidate_pairs(vectors, df) == {(0, 1), (1, 3)}


def test_a_term_in_too_many_articles_blocks_nothing():
    n = 400
    vectors = [{"w:common": 1.0} for _ in range(n)]
    df = stories.Counter({"w:common": n})
    assert stories.candidate_pairs(vectors, df) == set()


def test_bcubed():
    gold = {"a": "1", "b": "1", "c": "2", "d": "2"}
    assert stories.bcubed(gold, gold) == (1.0, 1.0, 1.0)
    p, r, f = stories.bcubed({"a": "x", "b": "x", "c": "x", "d": "x"}, gold)
    assert (p, r) == (0.5, 1.0) and f == pytest.approx(2 / 3)
    p, r, _ = stories.bcubed({"a": "1", "b": "2", "c": "3", "d": "4"}, gold)
    assert (p, r) == (1.0, 0.5)


def test_names_lose_titles_and_possessives_and_common_words_are_no_names():
    assert stories._clean_name("Mr Carney's") == "Carney"
    assert stories._clean_name("The European Union") == "European Union"
    assert stories._clean_name("Thursday") == ""
    assert stories._clean_name("At the Rhine") == "Rhine"


# --- seeds/stories.yml and the `stories` option --------------------------------------

def _edited(tmp_path: Path, yml: str) -> stories.Stories:
    from builder.analysis import storyedits

    for f in FIXTURES.glob("*.txt"):
        shutil.copy(f, tmp_path / f.name)
    (tmp_path / "stories.yml").write_text(yml, encoding="utf-8")
    return storyedits.sort_into_stories(_corpus(tmp_path), tmp_path)


def test_stories_yml_is_not_an_article(tmp_path):
    found = _edited(tmp_path, "")
    assert len(found.stories) == 2 and found.other == ("other",)


def test_pin_an_article_and_rename(tmp_path):
    found = _edited(tmp_path, "Grindavik:\n  articles: [volcano-1.txt]\n  title: Lava in Grindavik\n"
                              "new library:\n  articles: [other.txt]\n")
    # No story is called "Grindavik": a new one, split off with the article pinned to it.
    titles = {s.title: sorted(s.articles) for s in found.stories}
    assert titles["Lava in Grindavik"] == ["volcano-1"]
    assert titles["new library"] == ["other"] and found.other == ()
    # What was left of the volcano story (two articles) stays a story.
    assert sorted(found.of("volcano-2").articles) == ["volcano-2", "volcano-3"]
    assert found.of("volcano-1").shared["volcano-1"] == ("pinned by the editor (stories.yml)",)
    assert found.of("volcano-1").slug == "lava-in-grindavik"


def test_merge_two_stories_by_slug_and_name(tmp_path):
    plain = stories.detect(_corpus(FIXTURES))
    ferry, volcano = plain.of("ferry-1"), plain.of("volcano-1")
    found = _edited(tmp_path, f"{ferry.slug}:\n  merge: [{json.dumps(volcano.title)}, no such story]\n  title: Two disasters\n")
    assert len(found.stories) == 1 and found.single
    assert found.stories[0].title == "Two disasters" and len(found.stories[0].articles) == 6
    assert found.notes == ("stories.yml: '" + ferry.slug + "' merges 'no such story', which names no story",)


def test_a_story_emptied_by_pins_is_dropped(tmp_path):
    found = _edited(tmp_path, "All at sea:\n  articles: [ferry-1.txt, ferry-2.txt, ferry-3.txt, gone.txt]\n")
    assert [s.title for s in found.stories].count("All at sea") == 1
    assert sorted(found.of("ferry-1").articles) == ["ferry-1", "ferry-2", "ferry-3"]
    assert len(found.stories) == 2
    assert any("'gone.txt', which is no article" in n for n in found.notes)


def test_a_broken_stories_yml_names_the_file(tmp_path):
    from builder.errors import ConfigError

    with pytest.raises(ConfigError, match="stories.yml: 'x' has unknown keys"):
        _edited(tmp_path, "x:\n  colour: red\n")
    with pytest.raises(ConfigError, match="'merge' should be a name or a list"):
        _edited(tmp_path, "x:\n  merge: {a: 1}\n")


def test_option_one_keeps_a_single_briefing(tmp_path):
    from builder.analysis import storyedits

    found = storyedits.sort_into_stories(_corpus(FIXTURES), FIXTURES, "one")
    assert found.single and len(found.stories[0].articles) == 7
    with pytest.raises(Exception, match="use one of auto, one"):
        storyedits.sort_into_stories(_corpus(FIXTURES), FIXTURES, "many")


def test_a_group_too_large_is_split_again_with_a_stricter_threshold(monkeypatch):
    monkeypatch.setattr(stories, "LARGE", 3)
    # Two tight pairs loosely joined: one group of four at 0.1, two pairs at 0.2.
    sims = {(0, 1): 0.9, (2, 3): 0.9, (0, 2): 0.15, (1, 3): 0.15, (0, 3): 0.15, (1, 2): 0.15}
    assert stories.average_linkage(4, sims, 0.1) == [[0, 1, 2, 3]]
    assert stories._split_large([[0, 1, 2, 3]], sims, 0.1) == [[0, 1], [2, 3]]
    monkeypatch.setattr(stories, "LARGE", 4)  # not too large: kept
    assert stories._split_large([[0, 1, 2, 3]], sims, 0.1) == [[0, 1, 2, 3]]
    monkeypatch.setattr(stories, "LARGE", 3)
    monkeypatch.setattr(stories, "STRICTEST", 0.15)  # no stricter threshold allowed: kept
    assert stories._split_large([[0, 1, 2, 3]], sims, 0.1) == [[0, 1, 2, 3]]


def test_kept_terms_give_the_same_stories_and_a_rebuild_reads_only_what_changed(tmp_path, monkeypatch):
    """The "story terms" memo: each article's terms kept between builds (detection's
    slowest part); the stories and what each article shares are a fresh detection's."""
    from builder.cache import Cache

    seeds = tmp_path / "seeds"
    shutil.copytree(FIXTURES, seeds)
    read = []
    bag = stories._bag
    monkeypatch.setattr(stories, "_bag", lambda article, terms: read.append(article.slug) or bag(article, terms))

    def shown(found):
        return [(s.slug, s.title, s.articles, s.shared, s.headline) for s in found.stories], found.other

    first = stories.detect(_corpus(seeds), cache=Cache(tmp_path / "cache"))
    assert len(read) == 7
    read.clear()
    assert shown(stories.detect(_corpus(seeds), cache=Cache(tmp_path / "cache"))) == shown(first)
    assert read == []
    with (seeds / "volcano-2.txt").open("a", encoding="utf-8") as out:
        out.write("\nSvartsengi power plant workers were evacuated; barriers around Svartsengi held, officials said.\n")
    changed = stories.detect(_corpus(seeds), cache=Cache(tmp_path / "cache"))
    assert read == ["volcano-2"]
    read.clear()
    assert shown(changed) == shown(stories.detect(_corpus(seeds))) != shown(first)


def test_a_broken_stories_yml_stops_a_build_before_the_entity_index(tmp_path, monkeypatch):
    """The stories are sorted beside the entity index (build.py); the editor's file is
    read before it, so that a mistake in it does not wait for spaCy."""
    from builder import build
    from builder.errors import ConfigError

    def index(*args, **kwargs):
        raise AssertionError("the entity index was started")

    monkeypatch.setattr(build, "index_entities", index)
    for f in FIXTURES.glob("*.txt"):
        shutil.copy(f, tmp_path / f.name)
    (tmp_path / "stories.yml").write_text("x:\n  colour: red\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="stories.yml: 'x' has unknown keys"):
        build.run(build.Settings(seeds=tmp_path, docs=tmp_path.parent / "docs", cache=None))
