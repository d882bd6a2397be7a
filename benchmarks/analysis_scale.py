"""Scale check for the corpus analyses of issue 4 (not a timed test).

Generates synthetic corpora of 1,000 and 10,000 articles (seeded: the same corpus on
every run) and times each analysis of builder.analysis, then the briefing and sources
pages and briefing.json. The corpora are built the way real ones are hard:

- stories told by many outlets, each retelling the story's sentences with words
  swapped, figures changed and relative dates ("on Tuesday", "yesterday");
- quotes, attributed ("..., Mayor X said") and not, re-worded between outlets;
- near-duplicate articles (wire copy republished with a few edits);
- the same boilerplate paragraphs in many articles;
- a Zipf-distributed vocabulary, so blocking meets common words as well as rare ones.

    .venv/bin/python benchmarks/analysis_scale.py            # 1,000 and 10,000
    .venv/bin/python benchmarks/analysis_scale.py 2000 4000  # other sizes

Target (issue 4): under 30 s for 10,000 articles, growing near-linearly. The last
lines of output are one JSON object per size (articles, stages_seconds, pages_seconds,
generate_seconds) for benchmarks/run.py.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
import time
from dataclasses import dataclass, fields
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from builder.analysis import Timer, analyse
from builder.corpus.anchors import number
from builder.model import Article, Block, Corpus, Metadata, Sourced
from builder.render import briefing_json, render_analysis_pages

SEED = 20250429
ARTICLES_PER_STORY = 12
PARAGRAPHS = (10, 18)
VOCABULARY = 40_000
BOILERPLATE = (
    "Sign up for our morning newsletter to get the day's top stories in your inbox.",
    "This article was amended to correct the spelling of a name.",
    "Our journalism relies on readers like you: support it from one pound a month.",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
UNITS = ("people", "residents", "workers", "homes", "seats", "votes", "vehicles", "firefighters")
VERBS = ("said", "told reporters", "added", "wrote")


@dataclass(frozen=True, slots=True)
class Story:
    sentences: tuple[tuple[str, str, object, str | None], ...]  # (kind, words, value, unit)
    date: dt.date


class Generator:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        syllables = [c + v for c in "bcdfghklmnprstvwz" for v in ("a", "e", "i", "o", "u", "ai", "ou")]
        self.words = sorted({
            "".join(self.rng.choice(syllables) for _ in range(self.rng.randint(2, 4)))
            for _ in range(VOCABULARY * 2)
        })[:VOCABULARY]
        self.rng.shuffle(self.words)
        # Zipf weights: a few words are everywhere, most are rare.
        self.weights = [1 / (rank + 1) for rank in range(len(self.words))]
        self.cumulative: list[float] = []
        total = 0.0
        for w in self.weights:
            total += w
            self.cumulative.append(total)

    def word(self) -> str:
        return self.rng.choices(self.words, cum_weights=self.cumulative, k=1)[0]

    def name(self) -> str:
        return f"{self.word().title()} {self.word().title()}"

    def clause(self, n: int) -> str:
        return " ".join(self.word() for _ in range(n))

    def story(self) -> Story:
        people = [self.name() for _ in range(4)]
        sentences: list[tuple[str, str, object, str | None]] = []
        for _ in range(self.rng.randint(14, 22)):
            kind = self.rng.random()
            if kind < 0.2:
                sentences.append(("figure", self.clause(6), self.rng.randint(5, 5000), self.rng.choice(UNITS)))
            elif kind < 0.4:
                sentences.append(("dated", self.clause(8), self.rng.choice(WEEKDAYS), None))
            elif kind < 0.6:
                sentences.append(("quote", self.clause(self.rng.randint(6, 14)), self.rng.choice(people), None))
            else:
                sentences.append(("plain", self.clause(self.rng.randint(10, 24)), None, None))
        return Story(tuple(sentences), dt.date(2025, 1, 1) + dt.timedelta(days=self.rng.randint(0, 300)))

    def tell(self, story: Story) -> list[str]:
        """One outlet's article on a story: a subset of its sentences, retold."""
        sentences = [s for s in story.sentences if self.rng.random() < 0.7]
        out = []
        for kind, text, value, unit in sentences:
            text = self.retell(text)
            if kind == "figure":
                assert isinstance(value, int)
                value = value if self.rng.random() < 0.8 else int(value * self.rng.uniform(0.8, 1.2))
                hedge = "about " if self.rng.random() < 0.3 else ""
                out.append(f"The {text.split()[0]} said {hedge}{value} {unit} were {text}.")
            elif kind == "dated":
                out.append(f"On {value} the {text} was announced by {self.name()}.")
            elif kind == "quote":
                out.append(f"“{text.capitalize()},” {value} {self.rng.choice(VERBS)}.")
            else:
                out.append(f"{text.capitalize()}.")
        for _ in range(self.rng.randint(2, 6)):
            out.append(f"{self.clause(self.rng.randint(12, 30)).capitalize()}.")
        self.rng.shuffle(out)
        paragraphs = []
        while out:
            take = self.rng.randint(1, 3)
            paragraphs.append(" ".join(out[:take]))
            out = out[take:]
        if self.rng.random() < 0.5:
            paragraphs.append(self.rng.choice(BOILERPLATE))
        return paragraphs[: self.rng.randint(*PARAGRAPHS)]

    def retell(self, text: str) -> str:
        words = text.split()
        for _ in range(self.rng.randint(0, 2)):
            words[self.rng.randrange(len(words))] = self.word()
        return " ".join(words)


def corpus(size: int, seed: int = SEED) -> Corpus:
    gen = Generator(seed)
    outlets = [f"{gen.word().title()} {gen.rng.choice(('Times', 'Post', 'Herald', 'News', 'Wire'))}" for _ in range(300)]
    articles: list[Article] = []
    stories = [gen.story() for _ in range(max(1, size // ARTICLES_PER_STORY))]
    while len(articles) < size:
        n = len(articles)
        if articles and gen.rng.random() < 0.1:
            # A near duplicate: an earlier article republished with a paragraph changed.
            source = gen.rng.choice(articles)
            texts = [p.text for p in source.paragraphs]
            texts[gen.rng.randrange(len(texts))] = f"{gen.clause(20).capitalize()}."
            title = source.metadata.title.value
            date = source.metadata.date.value + dt.timedelta(days=1) if source.metadata.date else None
        else:
            story = stories[n % len(stories)]
            texts = gen.tell(story)
            title = f"{gen.clause(6).capitalize()}"
            date = story.date + dt.timedelta(days=gen.rng.randint(0, 3)) if gen.rng.random() > 0.05 else None
        articles.append(_article(n, title, texts, gen.rng.choice(outlets), date))
    return Corpus(articles=tuple(articles), skipped=(), build_date=dt.date(2025, 12, 31))


def _article(n: int, title: str, texts: list[str], outlet: str, date: dt.date | None) -> Article:
    blocks = tuple(Block(text=t, line=i + 1) for i, t in enumerate(texts))
    metadata = Metadata(
        title=Sourced(title, "synthetic"), outlet=Sourced(outlet, "synthetic"), author=None,
        date=Sourced(date, "synthetic") if date else None, dateline=None, url=None, description=None,
        tags=(), categories=(),
    )
    return Article(slug=f"a{n:05d}", source=Path(f"a{n:05d}.txt"), name=f"a{n:05d}.txt", format="synthetic",
                   encoding="utf-8", metadata=metadata, paragraphs=number(blocks), removed=(), extra=())


@dataclass(frozen=True, slots=True)
class Run:
    articles: int
    stages_seconds: float  # analyse(), every stage
    pages_seconds: float  # the briefing and sources pages, and briefing.json
    generate_seconds: float  # making the synthetic corpus, not the builder's work


def run(size: int) -> Run:
    start = time.perf_counter()
    made = corpus(size)
    generated = time.perf_counter() - start
    words = sum(a.words for a in made.articles)
    print(f"\n{size:,} articles, {words:,} words (generated in {generated:.1f} s)")
    timer = Timer()
    start, cpu = time.perf_counter(), time.process_time()
    result = analyse(made, timer)
    total = time.perf_counter() - start
    for name, seconds in timer.spent.items():
        print(f"  {name:<14} {seconds:7.2f} s")
    start = time.perf_counter()
    render_analysis_pages(made, result)
    briefing_json(made, result)
    pages = time.perf_counter() - start
    cpu = time.process_time() - cpu
    print(f"  {'pages + json':<14} {pages:7.2f} s")
    # Wall time counts other processes on a shared machine; CPU time does not.
    print(f"  {'total':<14} {total + pages:7.2f} s wall, {cpu:.2f} s CPU   ({len(result.claims.claims):,} claims, "
          f"{len(result.quotes.groups):,} quote groups, {len(result.figures.groups):,} figure groups, "
          f"{len(result.timeline.events):,} events, {len(result.disagreements):,} disagreements)")
    return Run(size, round(total, 2), round(pages, 2), round(generated, 2))


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [1_000, 10_000]
    # Load spaCy once before timing: a build pays it once whatever the corpus size.
    analyse(corpus(10, seed=1))
    results = [run(size) for size in sizes]
    if len(results) > 1:
        a, b = results[0], results[-1]
        growth = (b.stages_seconds + b.pages_seconds) / (a.stages_seconds + a.pages_seconds)
        print(f"\n{b.articles / a.articles:.0f}x the articles took {growth:.1f}x the time")
    # Last, one JSON object a line, one per size: benchmarks/run.py reads them.
    for r in results:
        print(json.dumps({f.name: getattr(r, f.name) for f in fields(Run)}))


if __name__ == "__main__":
    main(sys.argv[1:])
