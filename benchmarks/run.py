"""`make bench`: time and measure the build, write benchmarks/results.json and the table
in benchmarks/README.md. Benchmarks, not tests: nothing here fails on a number.

Each measurement runs in a child process; its wall time and peak memory (ru_maxrss of
that child alone, from os.wait4) are recorded. Corpora come from ../shared/corpora
(skipped with a note when absent) and from the seeded synthetic generator.

    python -m benchmarks.run [--quick]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from builder.render import GENERATED
from builder.render.writer import MANIFEST

ROOT = Path(__file__).resolve().parent.parent
BBC = ROOT.parent / "shared" / "corpora" / "bbc-news-2225"
RESULTS = ROOT / "benchmarks" / "results.json"
README = ROOT / "benchmarks" / "README.md"
QUALITY = ("claims", "keypoints", "labelled", "inputs", "stories")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1748736000"}

NER_FLOOR = """
import sys, time
from pathlib import Path
import spacy
from builder.entities import nlp as ours
from builder.corpus.load import load_corpus
import datetime as dt
corpus = load_corpus(Path(sys.argv[1]), dt.date(2025, 1, 1))
texts = [p.text for a in corpus.articles for p in a.body]
model = spacy.load(ours.choose(""), exclude=list(ours.NOT_NEEDED))
if "tok2vec" in model.pipe_names:
    model.remove_pipe("tok2vec")
start = time.perf_counter()
for _ in model.pipe(texts, batch_size=ours.BATCH_SIZE):
    pass
print(time.perf_counter() - start, sum(len(t.split()) for t in texts))
"""


def measure(label: str, command: list[str], cwd: Path) -> dict[str, object]:
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = process.stdout.read().decode("utf-8", "replace") if process.stdout else ""
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    lines = output.strip().splitlines()
    result = {"label": label, "seconds": round(seconds, 2), "peak_mb": round(usage.ru_maxrss / 1024),
              "ok": os.waitstatus_to_exitcode(status) == 0, "tail": lines[-3:],
              # A run may report its own numbers as JSON lines (analysis_scale.py does).
              "data": [json.loads(line) for line in lines if line.startswith("{") and line.endswith("}")]}
    print(f"{label}: {seconds:.1f} s, {result['peak_mb']} MB{'' if result['ok'] else ' (FAILED)'}", flush=True)
    return result


def project(folder: Path, seeds: Path) -> Path:
    folder.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", folder / "docs", ignore=shutil.ignore_patterns(*GENERATED, MANIFEST))
    if not (folder / "seeds").exists():
        shutil.copytree(seeds, folder / "seeds")
    return folder


def briefing(*args: str) -> list[str]:
    return [sys.executable, "-m", "builder.cli", *args]


def mkdocs_without_plugin(folder: Path) -> list[str]:
    """`mkdocs build` of the pages in docs/, the builder switched off: MkDocs' own part,
    as any renderer of the Markdown would do it (a child config: the project's, with
    the plugin's `enabled: false`)."""
    (folder / "mkdocs-pages-only.yml").write_text(
        "INHERIT: mkdocs.yml\nplugins:\n  search: {}\n  briefing:\n    enabled: false\n", encoding="utf-8")
    return [sys.executable, "-m", "mkdocs", "build", "-q", "-f", "mkdocs-pages-only.yml"]


def run_all(quick: bool) -> dict[str, object]:
    results: dict[str, object] = {"machine": f"{platform.machine()}, {os.cpu_count()} cores", "python": platform.python_version(),
                                  "runs": []}
    runs: list[dict[str, object]] = results["runs"]  # type: ignore[assignment]
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        fixtures = project(base / "story", ROOT / "tests" / "fixtures" / "briefing" / "articles")
        runs.append(measure("story (6 articles): builder", briefing("build", "--seeds", "seeds", "--docs", "docs"), fixtures))
        runs.append(measure("story: mkdocs build", mkdocs_without_plugin(fixtures), fixtures))
        runs.append(measure("story: PDF", briefing("pdf", "--seeds", "seeds", "--docs", "docs", "--out", "site/briefing.pdf"), fixtures))
        if BBC.is_dir() and not quick:
            bbc = project(base / "bbc", BBC)
            runs.append(measure("BBC 2,225: NER floor (one process)", [sys.executable, "-c", NER_FLOOR, "seeds"], bbc))
            runs.append(measure("BBC: builder cold", briefing("build", "--seeds", "seeds", "--docs", "docs"), bbc))
            runs.append(measure("BBC: builder warm (nothing changed)", briefing("build", "--seeds", "seeds", "--docs", "docs"), bbc))
            changed = bbc / "seeds" / "politics" / "001.txt"
            changed.write_text(changed.read_text(encoding="utf-8") + "\nOne more paragraph, added by the benchmark.\n", encoding="utf-8")
            runs.append(measure("BBC: builder, one article changed", briefing("build", "--seeds", "seeds", "--docs", "docs"), bbc))
            runs.append(measure("BBC: briefing pdf (build from the caches, then print)",
                                briefing("pdf", "--seeds", "seeds", "--docs", "docs", "--out", "site/briefing.pdf"), bbc))
            runs.append(measure("BBC: mkdocs build", mkdocs_without_plugin(bbc), bbc))
            changed = bbc / "seeds" / "business" / "001.txt"
            changed.write_text(changed.read_text(encoding="utf-8") + "\nAnother paragraph, added by the benchmark.\n", encoding="utf-8")
            runs.append(measure("BBC: builder, another article changed", briefing("build", "--seeds", "seeds", "--docs", "docs"), bbc))
            runs.append(measure("BBC: mkdocs build after it", mkdocs_without_plugin(bbc), bbc))
            # As `make site` runs it: the builder (nothing changed since), the pages, the PDF.
            runs.append(measure("BBC: mkdocs build with the plugin (builder kept, PDF beside)",
                                [sys.executable, "-m", "mkdocs", "build"], bbc))
        elif not BBC.is_dir():
            results["note"] = f"{BBC} is absent: the BBC runs were skipped"
        # Quality against public benchmarks and hand-made labels kept outside the project
        # (each says so and measures nothing when its material is absent).
        for module in QUALITY:
            runs.append(measure(f"quality: {module}", [sys.executable, "-m", f"benchmarks.{module}"], ROOT))
        for count in ((1_000,) if quick else (10_000, 50_000)):
            runs.append(measure(f"synthetic {count:,}: corpus-wide analyses",
                                [sys.executable, "-m", "benchmarks.analysis_scale", str(count)], ROOT))
            runs.append(measure(f"synthetic {count:,}: entities after the model (reading, alias merging)",
                                [sys.executable, "-m", "benchmarks.entity_scale", str(count)], ROOT))
    return results


def table(results: dict[str, object]) -> str:
    rows = ["| run | seconds | peak memory (MB) |", "| --- | ---: | ---: |"]
    for run in results["runs"]:  # type: ignore[union-attr]
        rows.append(f"| {run['label']}{'' if run['ok'] else ' (failed)'} | {run['seconds']} | {run['peak_mb']} |")
    measured = [(str(run["label"])[len("quality: "):], d) for run in results["runs"]  # type: ignore[union-attr]
                if str(run["label"]).startswith("quality: ") for d in run.get("data", [])]
    if measured:
        rows += ["", "| quality | measure | figures |", "| --- | --- | --- |"]
        for module, data in measured:
            for name, value in data.items():
                rows.append(f"| {module} | {name} | {_flat(value)} |")
    derived = ratios(results["runs"])  # type: ignore[arg-type]
    if derived:
        rows += ["", "| against the targets | measured |", "| --- | --- |"]
        rows += [f"| {name} | {value} |" for name, value in derived]
    return "\n".join(rows)


def _flat(value: object) -> str:
    """A benchmark's figures on one line: {"acc": 0.75} -> "acc 0.75", [3, 4] -> "3/4"."""
    if isinstance(value, dict):
        return "; ".join(f"{k} {_flat(v)}" for k, v in value.items())
    if isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) for v in value):
        return f"{value[0]}/{value[1]}"
    return str(value)


def ratios(runs: list[dict[str, object]]) -> list[tuple[str, str]]:
    """The issue's targets as ratios of the runs above (only those that ran)."""
    seconds = {str(r["label"]): float(r["seconds"]) for r in runs if r["ok"]}  # type: ignore[arg-type]
    out: list[tuple[str, str]] = []
    floor, cold = seconds.get("BBC 2,225: NER floor (one process)"), seconds.get("BBC: builder cold")
    if floor and cold:
        out.append(("BBC cold build / NER floor (target at most 1.2)", f"{cold / floor:.2f}"))
    for label, name, target in (("BBC: builder warm (nothing changed)", "warm, nothing changed", 5),
                                ("BBC: builder, one article changed", "one article changed", 10)):
        if cold and label in seconds:
            out.append((f"BBC {name} / cold (target under {target}%)", f"{100 * seconds[label] / cold:.1f}%"))
    peaks = [int(r["peak_mb"]) for r in runs if str(r["label"]).startswith("BBC") and r["ok"]]  # type: ignore[call-overload]
    if peaks:
        out.append(("BBC peak memory, largest run (target under 1,536 MB)", f"{max(peaks)} MB"))
    if "BBC: mkdocs build" in seconds:
        out.append(("BBC `mkdocs build` of the pages (target under 30 s)", f"{seconds['BBC: mkdocs build']:.1f} s"))
    stages = {d["articles"]: d for r in runs for d in r.get("data", []) if isinstance(d, dict) and "stages_seconds" in d}  # type: ignore[union-attr]
    for size, d in sorted(stages.items()):
        out.append((f"synthetic {size:,}: corpus-wide stages alone" + (" (target under 30 s)" if size == 10_000 else ""),
                    f"{d['stages_seconds']:.1f} s"))
    if 10_000 in stages and 50_000 in stages:
        out.append(("growth from 10,000 to 50,000 articles (linear: 5.0x)",
                    f"{stages[50_000]['stages_seconds'] / stages[10_000]['stages_seconds']:.1f}x"))
    merging = {d["articles"]: d for r in runs for d in r.get("data", []) if isinstance(d, dict) and "merging_seconds" in d}  # type: ignore[union-attr]
    for size, d in sorted(merging.items()):
        out.append((f"synthetic {size:,}: alias merging and the index alone ({d['mentions']:,} mentions; "
                    f"reading them per article: {d['reading_seconds']:.1f} s)", f"{d['merging_seconds']:.1f} s"))
    if 10_000 in merging and 50_000 in merging:
        out.append(("growth of alias merging from 10,000 to 50,000 articles (linear: 5.0x)",
                    f"{merging[50_000]['merging_seconds'] / merging[10_000]['merging_seconds']:.1f}x"))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="the small runs only")
    args = parser.parse_args()
    results = run_all(args.quick)
    RESULTS.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    text = README.read_text(encoding="utf-8") if README.exists() else "# Benchmarks\n"
    start, end = "<!-- results -->", "<!-- /results -->"
    block = f"{start}\n{table(results)}\n{end}"
    text = text[: text.index(start)] + block + text[text.index(end) + len(end):] if start in text else text + "\n" + block + "\n"
    README.write_text(text, encoding="utf-8")
    print(table(results))


if __name__ == "__main__":
    main()
