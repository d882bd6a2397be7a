"""Scale check for alias merging (issue 7), the entity stage after the model.

The model's time is the NER floor, measured on BBC. Here the generator stands in for
it: it writes the paragraphs and knows the names it put in them, with their labels
(some wrong, as a model's are), and hands them to the entity stage in the model's
place (`extract.find(..., parse=...)`). The rest is the builder's own code,
timed in two parts:

- reading: `extract.find`, names trimmed and roles read, article by article;
- merging: alias merging across the corpus (`aliases.merge`), the corrections
  (none) and the index (`index.build`): the corpus-wide part.

The names are made the way real ones are hard: a few people, organisations and
places in thousands of articles (blocks of many names share a token), common first
names and surnames shared by different people, "Mr Surname" and the surname alone,
possessives, middle initials, misspellings a letter off, acronyms after their
expansion, countries under several names, parties and their members.

    .venv/bin/python -m benchmarks.entity_scale 10000 50000

The last lines of output are one JSON object per size (articles, mentions,
reading_seconds, merging_seconds, entities) for benchmarks/run.py.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
import time
from dataclasses import dataclass, field

from benchmarks.analysis_scale import _article
from builder.entities import extract, index_found, nlp
from builder.model import Corpus

SEED = 20261121
MODEL = "synthetic"  # a name for the model's results; nothing is loaded
ARTICLES_PER_STORY = 12
FIRST_NAMES = 400
SURNAMES = 6_000
FAMOUS = (2_000, 500, 300)  # people, organisations, places named across stories
ORG_KINDS = ("Council", "Bank", "Agency", "Group", "Commission", "Union", "Ministry", "Authority", "Institute")
COUNTRIES = (("United States", "US", "America", "U.S."), ("United Kingdom", "UK", "Britain"))
ROLES = ("chief executive", "spokeswoman", "minister", "chairman", "director", "leader")
HONORIFICS = ("Mr", "Mrs", "Ms", "Dr")


@dataclass(frozen=True, slots=True)
class Person:
    first: str
    last: str
    middle: str  # an initial, or ""
    honorific: str


@dataclass(frozen=True, slots=True)
class Org:
    name: str
    acronym: str  # "" for a one-word name


@dataclass
class Text:
    """A paragraph being written, with the spans the stand-in model reports."""

    parts: list[str] = field(default_factory=list)
    spans: list[tuple[int, int, str]] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    length: int = 0
    sentence_start: int = 0

    def add(self, text: str, label: str = "") -> None:
        if label:
            self.spans.append((self.length, self.length + len(text), label))
        self.parts.append(text)
        self.length += len(text)

    def end_sentence(self) -> None:
        last = self.parts[-1].rstrip()
        self.length -= len(self.parts[-1]) - len(last)
        self.parts[-1] = last
        self.add(". ")
        self.sentences.append((self.sentence_start, self.length - 1))
        self.sentence_start = self.length

    def parsed(self) -> tuple[str, nlp.Parsed]:
        text = "".join(self.parts).rstrip()
        return text, nlp.Parsed(tuple(nlp.Span(*s) for s in self.spans), tuple(self.sentences), len(text))


class Generator:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self._cumulative: dict[tuple[int, int], list[float]] = {}
        syllables = [c + v for c in "bcdfghklmnprstvwz" for v in ("a", "e", "i", "o", "u", "ai", "ou")]
        words = sorted({"".join(self.rng.choice(syllables) for _ in range(self.rng.randint(2, 4)))
                        for _ in range(40_000)})
        self.rng.shuffle(words)
        self.lower = words[:8_000]  # the articles' ordinary words
        self.firsts = [w.title() for w in words[8_000:8_000 + FIRST_NAMES]]
        self.lasts = [w.title() for w in words[9_000:9_000 + SURNAMES]]
        self.proper = [w.title() for w in words[16_000:]]
        self.famous_people = [self.person() for _ in range(FAMOUS[0])]
        self.famous_orgs = [self.org() for _ in range(FAMOUS[1])]
        self.famous_places = [self.place() for _ in range(FAMOUS[2])]
        self.parties = [(f"{w} Democratic Party", f"{w} Democrats") for w in self.proper[:12]]

    def zipf(self, items: list, head: int = 10) -> object:  # type: ignore[type-arg]
        """One of `items`, the first ones most often: weight 1 / (rank + head). A larger
        head flattens the top: the commonest of 6,000 surnames is then 1.6% of them."""
        key = (id(items), head)
        if key not in self._cumulative:
            total, cumulative = 0.0, []
            for rank in range(len(items)):
                total += 1 / (rank + head)
                cumulative.append(total)
            self._cumulative[key] = cumulative
        return self.rng.choices(items, cum_weights=self._cumulative[key], k=1)[0]

    def person(self) -> Person:
        middle = self.rng.choice("ABCDEFGHJKLMNPRSTW") if self.rng.random() < 0.1 else ""
        return Person(str(self.zipf(self.firsts)), str(self.zipf(self.lasts)), middle, self.rng.choice(HONORIFICS))

    def org(self) -> Org:
        words = [self.rng.choice(self.proper) for _ in range(self.rng.randint(1, 3))]
        name = " ".join([*words, self.rng.choice(ORG_KINDS)])
        return Org(name, "".join(w[0] for w in name.split()) if len(name.split()) > 2 else "")

    def place(self) -> str:
        return self.rng.choice(self.proper) + (f" {self.rng.choice(self.proper)}" if self.rng.random() < 0.2 else "")

    def filler(self, low: int, high: int) -> str:
        return " ".join(self.rng.choice(self.lower) for _ in range(self.rng.randint(low, high)))

    def mention_person(self, t: Text, p: Person, introduced: bool) -> None:
        roll = self.rng.random()
        if not introduced or roll < 0.25:
            name = f"{p.first} {p.middle}. {p.last}" if p.middle and self.rng.random() < 0.5 else f"{p.first} {p.last}"
            if self.rng.random() < 0.02:  # a misspelling a letter off
                name = name[:-1] + name[-1] * 2
            t.add(name, "PERSON")
            if self.rng.random() < 0.3:
                t.add(f", the {self.rng.choice(ROLES)},")
        elif roll < 0.6:
            t.add(f"{p.honorific} ")
            t.add(p.last, "PERSON")
        elif roll < 0.8:
            t.add(p.last, "ORG" if self.rng.random() < 0.1 else "PERSON")
        else:
            t.add(f"{p.last}'s", "PERSON")

    def mention_org(self, t: Text, o: Org, introduced: bool) -> None:
        if introduced and o.acronym and self.rng.random() < 0.5:
            t.add(o.acronym, "ORG")
        else:
            t.add("the ")
            t.add(o.name, "ORG" if self.rng.random() < 0.95 else "GPE")
            if o.acronym and not introduced:
                t.add(" (")
                t.add(o.acronym, "ORG")
                t.add(")")

    def article(self, story: dict[str, list]) -> tuple[str, nlp.Parsed, list[tuple[str, nlp.Parsed]]]:  # type: ignore[type-arg]
        introduced: set[object] = set()
        paragraphs = []
        for _ in range(self.rng.randint(6, 12)):
            t = Text()
            for _ in range(self.rng.randint(2, 3)):
                t.add(self.filler(3, 8).capitalize() + " ")
                for _ in range(self.rng.randint(1, 2)):
                    kind = self.rng.choices(("person", "org", "place", "country", "party"), (6, 3, 2, 1, 0.5))[0]
                    if kind == "person":
                        p = self.rng.choice(story["people"])
                        self.mention_person(t, p, p in introduced)
                        introduced.add(p)
                    elif kind == "org":
                        o = self.rng.choice(story["orgs"])
                        self.mention_org(t, o, o in introduced)
                        introduced.add(o)
                    elif kind == "place":
                        t.add("in ")
                        t.add(self.rng.choice(story["places"]), "GPE")
                    elif kind == "country":
                        t.add(self.rng.choice(self.rng.choice(COUNTRIES)), "GPE")
                    else:
                        party, members = self.rng.choice(self.parties)
                        t.add(party if self.rng.random() < 0.6 else members, "ORG" if self.rng.random() < 0.7 else "NORP")
                    t.add(f" {self.filler(2, 6)} ")
                t.end_sentence()
            paragraphs.append(t.parsed())
        lead = story["people"][0]
        title = Text()
        title.add(self.filler(2, 4).capitalize() + " ")
        title.add(f"{lead.first} {lead.last}", "PERSON")
        text, parsed = title.parsed()
        return text, parsed, paragraphs

    def story(self) -> dict[str, list]:  # type: ignore[type-arg]
        return {
            "people": [self.person() for _ in range(3)] + [self.zipf(self.famous_people, 3) for _ in range(2)],
            "orgs": [self.org() for _ in range(2)] + [self.zipf(self.famous_orgs, 3)],
            "places": [self.place()] + [self.zipf(self.famous_places, 3)],
        }


@dataclass(frozen=True, slots=True)
class Made:
    """The synthetic articles, and what the stand-in model finds in each text."""

    corpus: Corpus
    results: dict[str, nlp.Parsed]

    def parse(self, name: str, texts: list[str], *_: object) -> list[nlp.Parsed]:
        """`nlp.parse`'s stand-in: what the generator put in the texts."""
        return [self.results[t] for t in texts]


def corpus(size: int, seed: int = SEED) -> Made:
    gen = Generator(seed)
    stories = [gen.story() for _ in range(max(1, size // ARTICLES_PER_STORY))]
    articles = []
    results: dict[str, nlp.Parsed] = {}
    for n in range(size):
        title, title_parsed, paragraphs = gen.article(stories[n % len(stories)])
        results[title] = title_parsed
        results.update(paragraphs)
        articles.append(_article(n, title, [text for text, _ in paragraphs], "Synthetic News", None))
    return Made(Corpus(articles=tuple(articles), skipped=(), build_date=dt.date(2026, 1, 1)), results)


@dataclass(frozen=True, slots=True)
class Run:
    articles: int
    mentions: int
    reading_seconds: float  # extract.find: names trimmed and roles read, per article
    merging_seconds: float  # aliases.merge, overrides.apply, index.build: across the corpus
    entities: int
    generate_seconds: float


def run(size: int) -> Run:
    start = time.perf_counter()
    made = corpus(size)
    generated = time.perf_counter() - start
    start = time.perf_counter()
    found = extract.find(made.corpus, MODEL, parse=made.parse)
    reading = time.perf_counter() - start
    start = time.perf_counter()
    built = index_found(found, (), MODEL)
    merging = time.perf_counter() - start
    print(f"{size:,} articles, {len(found.found):,} mentions (generated in {generated:.1f} s): "
          f"reading {reading:.2f} s, merging {merging:.2f} s, {len(built.entities):,} entities", flush=True)
    return Run(size, len(found.found), round(reading, 2), round(merging, 2), len(built.entities), round(generated, 2))


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [1_000, 10_000]
    results = [run(size) for size in sizes]
    if len(results) > 1:
        a, b = results[0], results[-1]
        print(f"{b.articles / a.articles:.0f}x the articles took {b.merging_seconds / a.merging_seconds:.1f}x "
              "the time to merge")
    for r in results:
        print(json.dumps({f: getattr(r, f) for f in Run.__dataclass_fields__}))


if __name__ == "__main__":
    main(sys.argv[1:])
