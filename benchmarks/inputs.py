"""Real-world input read right (issue 19). Not tests: it prints the figures
`benchmarks/README.md` reports, from material kept outside the project (BRIEFING_DATA,
default ../data; never copy it into the repository):

- ../data/posts: 48 Jekyll, Hugo and WordPress-export files from public repositories,
  with hand-written expectations (expected.json): title, date and author right on the
  posts and pages, listing pages skipped, no template syntax or front matter in a body;
- ../data/extraction: the scrapinghub article-extraction benchmark (shingle F1) and the
  English part of trafilatura's own evaluation (must-have snippets found, must-not kept
  out), scored by ../eval/extraction_eval.py (BRIEFING_EVAL) on the HTML reader's text
  (its blocks joined by newlines) and on the article as cleaning leaves it.

    python -m benchmarks.inputs [--show] [--posts-only]

Each part is skipped with a message when its material is absent.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("BRIEFING_DATA", ROOT.parent / "data"))
EVAL = Path(os.environ.get("BRIEFING_EVAL", ROOT.parent / "eval" / "extraction_eval.py"))
READER = "builder.corpus.readers.html.page:extract_text"
ARTICLE = "benchmarks.inputs:article_text"
# What a reader should never see in a post's text (code blocks may show it as code).
TEMPLATE = re.compile(r"\{%.*?%\}|\{\{.*?\}\}", re.DOTALL)
FRONT_MATTER = re.compile(r"^(?:---|\+\+\+)\s*$|^(?:layout|title|date|author|tags|categories)\s*[:=]", re.MULTILINE)


@dataclass
class Tally:
    right: int = 0
    total: int = 0
    wrong: list[str] = field(default_factory=list)

    def add(self, ok: bool, why: str = "") -> None:
        self.total += 1
        self.right += ok
        if not ok:
            self.wrong.append(why)

    def __str__(self) -> str:
        return f"{self.right}/{self.total}"


def posts(folder: Path, show: bool) -> dict[str, list[int]]:
    from builder.corpus.load import load_corpus
    from builder.model import Article

    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        seeds = Path(tmp) / "seeds"
        for entry in expected:
            (seeds / entry["file"]).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(folder / entry["file"], seeds / entry["file"])
        corpus = load_corpus(seeds, dt.date(2026, 12, 3))
        skipped = {s.path.relative_to(seeds).as_posix(): s.reason for s in corpus.skipped}
    articles: dict[str, Article] = {a.name: a for a in corpus.articles}
    read, titles, dates, authors, listings, clean = Tally(), Tally(), Tally(), Tally(), Tally(), Tally()
    for entry in expected:
        name, article = entry["file"], articles.get(entry["file"])
        if entry["kind"] == "listing":
            listings.add(article is None, f"{name}: read as an article")
            continue
        if entry["kind"] == "template":
            print(f"  (template page {name}: {'read' if article else 'skipped: ' + skipped.get(name, '?')})")
            continue
        read.add(article is not None, f"{name}: skipped: {skipped.get(name)}")
        if article is None:
            continue
        m = article.metadata
        title = None if m.title_derived else m.title.value
        titles.add(title == entry["title"], f"{name}: {title!r}, expected {entry['title']!r}")
        date = m.date.value.isoformat() if m.date else None
        dates.add(date == entry["date"], f"{name}: {date}, expected {entry['date']}")
        author = m.author.value if m.author else None
        authors.add(author == entry["author"], f"{name}: {author!r}, expected {entry['author']!r}")
        leftovers = [p.text[:60] for p in article.paragraphs
                     if p.kind != "code" and (TEMPLATE.search(p.text) or FRONT_MATTER.search(p.text))]
        clean.add(not leftovers, f"{name}: {leftovers[:2]}")
    figures = {"posts read": read, "titles right": titles, "dates right": dates, "authors right": authors,
               "listing pages skipped": listings, "bodies without template syntax or front matter": clean}
    for label, tally in figures.items():
        print(f"  {label}: {tally}")
        if show:
            for why in tally.wrong:
                print(f"    - {why}")
    return {label: [t.right, t.total] for label, t in figures.items()}


def article_text(html: str) -> str:
    """For extraction_eval.py: the page as its article page shows it (read and cleaned)."""
    from builder.corpus.cleaning import clean
    from builder.corpus.decoding import Decoded
    from builder.corpus.readers import html as reader
    from builder.errors import SourceError

    try:
        raw = reader.read(Path("page.html"), "page.html", Decoded(html, "utf-8"))
    except SourceError:
        return ""
    return "\n".join(b.text for b in clean(raw).blocks)


def extraction(extractor: str) -> dict[str, dict[str, float]]:
    """Both benchmarks through ../eval/extraction_eval.py, its summary JSON."""
    out: dict[str, dict[str, float]] = {}
    for dataset in ("scrapinghub", "trafilatura-eval"):
        data = DATA / "extraction" / dataset
        if not data.is_dir():
            print(f"  {dataset}: {data} absent, skipped")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            summary = Path(tmp) / "summary.json"
            subprocess.run([sys.executable, str(EVAL), "--dataset", dataset, "--data", str(data), "--extractor", extractor,
                            "--path", str(ROOT), "--seed", "1", "--json", str(summary)],
                           check=True, stdout=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": str(ROOT)})
            out[dataset] = json.loads(summary.read_text(encoding="utf-8"))
        print(f"  {dataset}: {_brief(dataset, out[dataset])}")
    return out


def _brief(dataset: str, m: dict[str, float]) -> str:
    if dataset == "scrapinghub":
        return f"F1 {m['f1']:.3f} ± {m['f1_std']:.3f}, precision {m['precision']:.3f}, recall {m['recall']:.3f}"
    return (f"must-have found {m['tp']:.0f}/{m['tp'] + m['fn']:.0f} = {m['must_have_found']:.3f}, "
            f"must-not kept out {m['tn']:.0f}/{m['tn'] + m['fp']:.0f} = {m['must_not_kept_out']:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", action="store_true", help="list what is wrong")
    parser.add_argument("--posts-only", action="store_true")
    args = parser.parse_args()
    results: dict[str, object] = {}
    folder = DATA / "posts"
    print(f"posts ({folder}):")
    if (folder / "expected.json").is_file():
        results["posts"] = posts(folder, args.show)
    else:
        print("  absent, skipped")
    if not args.posts_only:
        if not EVAL.is_file():
            print(f"extraction: the scorer {EVAL} is absent, skipped")
        else:
            for label, extractor in (("HTML reader (its blocks)", READER), ("article as cleaned", ARTICLE)):
                print(f"extraction, {label}:")
                results[label] = extraction(extractor)
    print(json.dumps(results))


if __name__ == "__main__":
    main()
