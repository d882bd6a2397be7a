"""Stories (issue 21): the news clusters mixed into one folder, sorted back into stories
and scored by B-cubed against the gold events; the BBC corpus's stories described. Not
tests: it prints the figures `benchmarks/README.md` reports.

    python -m benchmarks.stories [--show] [--threshold T]

../shared/corpora/news-clusters holds 70 events, a folder each (`<id>_<slug>/`, its
news-please records `<doc>.json`); the gold story of an article is its folder. The
threshold (builder.analysis.stories.THRESHOLD) was chosen on the even-numbered events
mixed together; the odd-numbered ones, mixed together, are held out, and all 70 mixed
together are the issue's figure. An article left in "other" counts as a story of its
own. Skipped with a message when the corpus is absent (BRIEFING_CORPORA: the corpora's
folder, ../shared/corpora by default).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import tempfile
import time
from collections import Counter
from pathlib import Path

from builder.analysis import stories
from builder.corpus.load import load_corpus
from builder.model import Corpus

ROOT = Path(__file__).resolve().parent.parent
CORPORA = Path(os.environ.get("BRIEFING_CORPORA", ROOT.parent / "shared" / "corpora"))
CLUSTERS = CORPORA / "news-clusters"
BBC = CORPORA / "bbc-news-2225"


def mixed(tmp: Path) -> tuple[Corpus, dict[str, str]]:
    """Every cluster's JSON records in one folder, and each article's gold event."""
    seeds = tmp / "mixed"
    seeds.mkdir()
    for folder in sorted(p for p in CLUSTERS.iterdir() if p.is_dir()):
        event = folder.name.split("_", 1)[0]
        for record in sorted(folder.glob("*.json")):
            shutil.copy(record, seeds / f"{event}-{record.stem[:16]}.json")
    corpus = load_corpus(seeds, dt.date(2025, 6, 1))
    return corpus, {a.slug: a.name.split("-", 1)[0] for a in corpus.articles}


def score(corpus: Corpus, gold: dict[str, str], keep, threshold: float) -> dict[str, object]:
    part = Corpus(tuple(a for a in corpus.articles if keep(gold[a.slug])), (), corpus.build_date)
    found = stories.detect(part, threshold)
    p, r, f = stories.bcubed(stories.assignment(found), gold)
    events = len({gold[a.slug] for a in part.articles})
    return {"P": round(p, 3), "R": round(r, 3), "F1": round(f, 3), "events": events, "stories": len(found.stories),
            "other": len(found.other)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", action="store_true", help="list the stories that mix events and the split events")
    parser.add_argument("--threshold", type=float, default=stories.THRESHOLD)
    args = parser.parse_args()
    if not CLUSTERS.is_dir():
        print(f"corpus ({CLUSTERS}) absent: nothing to measure")
        return
    with tempfile.TemporaryDirectory() as tmp:
        corpus, gold = mixed(Path(tmp))
    start = time.perf_counter()
    figures = {"tuned (even events)": score(corpus, gold, lambda e: int(e) % 2 == 0, args.threshold),
               "held out (odd events)": score(corpus, gold, lambda e: int(e) % 2 == 1, args.threshold),
               "all 70 events": score(corpus, gold, lambda e: True, args.threshold)}
    seconds = time.perf_counter() - start
    if BBC.is_dir():
        bbc = load_corpus(BBC, dt.date(2025, 6, 1))
        start = time.perf_counter()
        found = stories.detect(bbc, args.threshold)
        figures["BBC 2,225"] = {"stories": len(found.stories), "largest": len(found.stories[0].articles),
                                "other": len(found.other), "seconds": round(time.perf_counter() - start, 1)}
    print(json.dumps(figures))
    for name, values in figures.items():
        print(f"{name}: {values}")
    print(f"news clusters: {len(corpus.articles)} articles, the three detections in {seconds:.1f} s")
    if BBC.is_dir():
        print("BBC, ten stories (every tenth by size):")
        for story in found.stories[::10][:10]:
            print(f"  {len(story.articles):3d}  {story.title}  [{', '.join(story.shared[story.articles[0]])}]")
    if args.show:
        found = stories.detect(corpus, args.threshold)
        for story in found.stories:
            events = Counter(gold[a] for a in story.articles)
            if len(events) > 1:
                print(f"mixes events {dict(events)}: {story.title}")
        split: dict[str, set[str]] = {}
        for slug, story in stories.assignment(found).items():
            split.setdefault(gold[slug], set()).add(story)
        for event, where in sorted(split.items()):
            if len(where) > 1:
                print(f"event {event} split into {len(where)}: {sorted(where)}")


if __name__ == "__main__":
    main()
