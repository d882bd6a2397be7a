"""The spaCy stage: the pipeline it loads, long paragraphs, the paragraph cache."""

from __future__ import annotations

import pytest

from builder.entities import nlp
from builder.errors import ConfigError


def test_the_pipeline_runs_only_what_ner_needs() -> None:
    name = nlp.choose("")
    assert name in nlp.DEFAULT_MODELS
    assert nlp.load(name).pipe_names == ["senter", "ner"]
    assert nlp.describe(name).startswith(f"{name} 3.8")


def test_an_unknown_model_is_a_clear_error() -> None:
    assert nlp.choose("no_such_pipeline") == "no_such_pipeline"
    with pytest.raises(ConfigError, match="'no_such_pipeline' cannot be loaded.*plugin option 'model'"):
        nlp.load("no_such_pipeline")


def test_a_long_paragraph_is_searched_in_pieces_up_to_a_limit() -> None:
    sentence = "Mark Carney met Pierre Poilievre in Ottawa on Monday. "
    text = sentence * (nlp.MAX_PARAGRAPH_CHARS // len(sentence) + 200)
    (parsed,) = nlp.parse(nlp.choose(""), [text])
    assert parsed.searched == nlp.MAX_PARAGRAPH_CHARS < len(text)
    names = {text[s.start:s.end] for s in parsed.entities}
    assert {"Mark Carney", "Pierre Poilievre", "Ottawa"} <= names
    assert all(s.end <= nlp.MAX_PARAGRAPH_CHARS for s in parsed.entities)
    assert all(text[a:b].strip() for a, b in parsed.sentences)


def test_paragraphs_seen_before_come_from_the_cache(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from builder.cache import Cache

    name = nlp.choose("")
    texts = ["Jagmeet Singh spoke in Vancouver.", "Nobody is named here."]
    first = list(nlp.parse(name, texts, Cache(tmp_path)))

    def no_model(name: str) -> None:
        raise AssertionError("the model was loaded")

    monkeypatch.setattr(nlp, "load", no_model)
    again = list(nlp.parse(name, [texts[1], texts[0], texts[0]], Cache(tmp_path)))
    assert again == [first[1], first[0], first[0]]
