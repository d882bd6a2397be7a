"""The end-of-build summary: what was built, what was skipped and why."""

from __future__ import annotations

from .build import BuildResult


def lines(result: BuildResult) -> list[str]:
    corpus = result.corpus
    out = [f"{len(corpus.articles)} article(s) built, {len(corpus.skipped)} file(s) skipped"]
    if result.written is not None:
        w = result.written
        out.append(f"pages: {len(w.written)} written, {len(w.unchanged)} unchanged, {len(w.removed)} removed, {len(w.refused)} refused")
    for problem in result.problems:
        out.append(f"skipped: {problem}")
    for article in corpus.articles:
        if "uncertain" in article.encoding:  # decoding.py says so in the encoding's name
            out.append(f"encoding uncertain: {article.name} read as {article.encoding}; check its text "
                       "(or save it as UTF-8)")
    out.append("timings: " + ", ".join(f"{name} {seconds:.2f}s" for name, seconds in result.timings))
    return out
