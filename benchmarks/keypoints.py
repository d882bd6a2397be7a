"""Key points against human summaries of multi-document news (issue 18). Not a test:
it prints the figures benchmarks/README.md reports, and `benchmarks.run` records them.

DUC 2004 task 2: 50 clusters of 10 newswire articles (AP, NYT, 1998-2000), each with
four human reference summaries. The articles are AP and NYT copyright, distributed by
NIST under agreement, so they live outside the project (BRIEFING_DATA, default
../data: mds/duc2004/<cluster>/docs/<n>.txt and refs/<n>.txt; /work/data/README.md
says where the copy came from).

Each cluster is read as a user would drop it (one .txt file per article, in the
corpus's order) and analysed; the key points, in rank order, are cut at `WORDS` words
and scored with ROUGE-1 and ROUGE-2 recall (rouge-score, stemming), averaged over the
references, then over the clusters. Against two baselines on the same sentences:
the articles' first sentences round-robin (lead), and every sentence ranked by the
TF-IDF cosine of its words to the cluster's (centroid). The key points' parameters
were chosen on the first 25 clusters (sorted ids); both halves are reported.

    python -m benchmarks.keypoints [--words 250] [--show CLUSTER]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import shutil
import tempfile
from collections import Counter
from pathlib import Path

from builder.analysis import analyse
from builder.corpus.load import load_corpus

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("BRIEFING_DATA", ROOT.parent / "data")) / "mds" / "duc2004"
WORDS = 250
TUNED_ON = 25  # the first clusters, sorted by id


def cut(sentences: list[str], words: int) -> str:
    out: list[str] = []
    for s in sentences:
        out.extend(s.split())
        if len(out) >= words:
            break
    return " ".join(out[:words])


def cluster(folder: Path) -> tuple[list[list[str]], list[str], list[str]]:
    """(sentences per article, key points in rank order, references)."""
    with tempfile.TemporaryDirectory() as tmp:
        docs = sorted((folder / "docs").glob("*.txt"), key=lambda p: int(p.stem))
        for doc in docs:
            shutil.copy(doc, Path(tmp) / f"{int(doc.stem):03d}.txt")
        corpus = load_corpus(Path(tmp), dt.date(2026, 1, 1))
        analysis = analyse(corpus)
    per_article: dict[str, list[str]] = {a.slug: [] for a in corpus.articles}
    for s in analysis.sentences:
        per_article[s.span.article].append(s.span.text)
    refs = [p.read_text(encoding="utf-8") for p in sorted((folder / "refs").glob("*.txt"))]
    return list(per_article.values()), [c.text for c in analysis.points.points], refs


def lead(articles: list[list[str]]) -> list[str]:
    return [a[k] for k in range(max(map(len, articles), default=0)) for a in articles if k < len(a)]


def centroid(articles: list[list[str]], idf: dict[str, float]) -> list[str]:
    from builder.analysis import words

    sentences = [s for a in articles for s in a]
    bags = [words.content(s) for s in sentences]
    middle: Counter[str] = Counter()
    for bag in bags:
        middle.update(bag)
    centre = {w: n * idf.get(w, 1.0) for w, n in middle.items()}
    norm = math.sqrt(sum(v * v for v in centre.values())) or 1.0

    def cosine(bag: tuple[str, ...]) -> float:
        vec = Counter(bag)
        own = math.sqrt(sum((n * idf.get(w, 1.0)) ** 2 for w, n in vec.items())) or 1.0
        return sum(n * idf.get(w, 1.0) * centre[w] for w, n in vec.items()) / (own * norm)

    order = sorted(range(len(sentences)), key=lambda i: -cosine(bags[i]))
    return [sentences[i] for i in order]


def measure(words: int = WORDS) -> dict[str, object]:
    from rouge_score import rouge_scorer  # the bench extra: pip install -e ".[bench]"

    from builder.analysis import words as w

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    ids = sorted(p.name for p in DATA.iterdir() if (p / "docs").is_dir())
    read = {cid: cluster(DATA / cid) for cid in ids}
    df: Counter[str] = Counter()
    n = 0
    for articles, _, _ in read.values():
        for a in articles:
            df.update(set(t for s in a for t in w.content(s)))
            n += 1
    idf = {t: math.log(n / c) for t, c in df.items()}
    systems = {
        "key points": lambda arts, points: points,
        "lead sentences": lambda arts, points: lead(arts),
        "centroid": lambda arts, points: centroid(arts, idf),
    }
    out: dict[str, object] = {"data": f"DUC 2004 task 2: {len(ids)} clusters, {words} words, ROUGE recall"}
    for name, system in systems.items():
        per: dict[str, tuple[float, float]] = {}
        for cid, (articles, points, refs) in read.items():
            summary = cut(system(articles, points), words)
            got = [scorer.score(ref, summary) for ref in refs]
            per[cid] = (sum(g["rouge1"].recall for g in got) / len(got), sum(g["rouge2"].recall for g in got) / len(got))
        row = {}
        for part, chosen in (("all", ids), ("tuned on", ids[:TUNED_ON]), ("held out", ids[TUNED_ON:])):
            row[part] = {"R1": round(sum(per[c][0] for c in chosen) / len(chosen), 3),
                         "R2": round(sum(per[c][1] for c in chosen) / len(chosen), 3)}
        out[name] = row
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=WORDS)
    parser.add_argument("--show", metavar="CLUSTER", help="print a cluster's top five key points and a reference")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"skipped: {DATA} is absent (DUC 2004 is kept outside the project)")
        return 0
    if args.show:
        _, points, refs = cluster(DATA / args.show)
        for k, p in enumerate(points[:5], 1):
            print(f"{k}. {p}")
        print("\nreference:", refs[0])
        return 0
    print(json.dumps(measure(args.words)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
