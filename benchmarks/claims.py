"""`same_claim` on a public paraphrase benchmark (issue 18). Not a test: it prints the
figures benchmarks/README.md reports, and `benchmarks.run` records them.

The Microsoft Research Paraphrase Corpus (Dolan & Brockett 2005): news sentence pairs
from many outlets, each labelled "same meaning" or not. Its licence allows research
use only, so it lives outside the project (BRIEFING_DATA, default ../data: msrp/test.tsv
and msrp/train.tsv, tab-separated, no quoting, a header row: label, id1, id2,
sentence1, sentence2; /work/data/README.md says where the copy came from).

Reported: the product's rule (`same_claim`), the paraphrase score alone at its own
accuracy-maximising cut (`claim_score >= THRESHOLD`, what the benchmark measures), the
rule it replaced (TF-IDF cosine of content words at least 0.5, IDF over the split), and
"always same".

    python -m benchmarks.claims [--split test]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
from pathlib import Path

from builder.analysis import sameclaim, words

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("BRIEFING_DATA", ROOT.parent / "data"))


def load(split: str) -> list[tuple[bool, str, str]]:
    with (DATA / "msrp" / f"{split}.tsv").open(encoding="utf-8-sig", newline="") as fh:
        rows = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(rows)
        return [(row[0] == "1", row[3], row[4]) for row in rows]


def scores(truth: list[bool], said: list[bool]) -> dict[str, float]:
    tp = sum(t and s for t, s in zip(truth, said, strict=True))
    fp = sum(s and not t for t, s in zip(truth, said, strict=True))
    fn = sum(t and not s for t, s in zip(truth, said, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = sum(t == s for t, s in zip(truth, said, strict=True)) / len(truth)
    return {"accuracy": round(accuracy, 3), "f1": round(f1, 3), "precision": round(precision, 3),
            "recall": round(recall, 3)}


def measure(split: str = "test") -> dict[str, object]:
    pairs = load(split)
    truth = [label for label, _, _ in pairs]
    bags = {text: words.content(text) for _, a, b in pairs for text in (a, b)}
    weights = words.idf(words.document_frequency(bags.values()), len(bags))
    old = [words.cosine(words.vector(bags[a], weights), words.vector(bags[b], weights)) >= 0.5 for _, a, b in pairs]
    return {
        "data": f"MSRP {split} ({len(pairs)} pairs, {sum(truth)} same)",
        "same_claim (the rule claims are grouped by)": scores(truth, [sameclaim.same_claim(a, b) for _, a, b in pairs]),
        "claim_score >= THRESHOLD (the score alone)": scores(
            truth, [sameclaim.claim_score(a, b) >= sameclaim.THRESHOLD for _, a, b in pairs]),
        "TF-IDF cosine >= 0.5 (the rule before)": scores(truth, old),
        "always same": scores(truth, [True] * len(pairs)),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="test", choices=["test", "train"])
    args = parser.parse_args(argv)
    if not (DATA / "msrp" / f"{args.split}.tsv").exists():
        print(f"skipped: {DATA / 'msrp'} is absent (the paraphrase corpus is kept outside the project)")
        return 0
    print(json.dumps(measure(args.split)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
