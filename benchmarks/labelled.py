"""Speakers, publication dates, event dates and disputed figures against hand-made labels
(issue 20). Not tests: it prints the figures `benchmarks/README.md` reports.

The labels were made by reading ten clusters of ../shared/corpora/news-clusters without
running the builder (quotes and their speakers, the date line of each article, the date
of dated sentences, the figures outlets dispute); they are kept outside the project, in
../data/labels (BRIEFING_LABELS), with the corpus they label in ../shared/corpora.

    python -m benchmarks.labelled [--show]

Figures are scored on the clusters whose label has `cluster.disputes` (a cluster labelled
for speakers and dates only is left out): `[{"about", "values": {outlet: value}}]`, the
values as written ("$146 billion", "25-tonne"), and `cluster.evolving_figures`, counts
reported as they changed (`values` may list several per outlet: "77, 80, at least 84").
The corpus is found at ../shared/corpora/news-clusters or BRIEFING_CLUSTERS.

Each cluster is read as a user would drop it: the news-please JSON records (their
`date_publish` is the publication date when the text has no date line), and, for the
date lines, the plain texts (`<doc>.txt`: title, blank line, text).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from builder.analysis import Analysis, KnownNames, analyse, numbers
from builder.analysis.attribution import speaker_key
from builder.corpus.load import load_corpus
from builder.entities import index_entities
from builder.model import Corpus, EntityIndex

ROOT = Path(__file__).resolve().parent.parent
LABELS = Path(os.environ.get("BRIEFING_LABELS", ROOT.parent / "data" / "labels"))
CLUSTERS = Path(os.environ.get("BRIEFING_CLUSTERS", ROOT.parent / "shared" / "corpora" / "news-clusters"))


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
        return f"{self.right}/{self.total} ({self.right / max(1, self.total):.0%})"


def _load(folder: Path, suffix: str, tmp: Path) -> Corpus:
    seeds = tmp / f"{folder.name}-{suffix}"
    seeds.mkdir(parents=True)
    for f in folder.glob(f"*.{suffix}"):
        shutil.copy(f, seeds / f.name)
    return load_corpus(seeds, dt.date(2025, 6, 1))


def _keys(name: str | None) -> set[str]:
    if not name:
        return set()
    return {speaker_key(name), speaker_key(name).split()[-1]}


def speakers(corpus: Corpus, analysis: Analysis, labels: dict, tally: Tally, kinds: Counter[str],
             shown: Tally, grouped: Tally | None = None) -> None:
    """`tally`: every labelled quote the tool finds, right when its speaker is the
    labelled one (or none for none); `shown`: the quotes the tool gives a speaker,
    right when it is the labelled one (a wrong speaker misleads; "not named" does not)."""
    by_file = {a.name.rsplit(".", 1)[0]: a.slug for a in corpus.articles}
    quotes = list(analysis.quotes.all())
    group_of = {id(q): g for g in analysis.quotes.groups for q in g.quotes}
    for art in labels["articles"]:
        slug = by_file.get(art["file"].rsplit(".", 1)[0])
        for q in art.get("quotes", []):
            if slug is None or q.get("kind") == "term":
                continue
            found = [x for x in quotes if x.span.article == slug and (q["text"][:25] in x.span.text
                                                                       or x.span.text[:25] in q["text"])]
            if not found:
                continue  # a quote the tool does not take for one (short, nested): not about speakers
            got = found[0].speaker
            wanted = {k for name in [q.get("speaker"), *q.get("speaker_alt", [])] for k in _keys(name)}
            if q.get("speaker") is None:
                ok = got is None
            else:
                ok = got is not None and bool(_keys(got) & wanted)
            kinds[found[0].how.split(",")[0] if got else "none"] += 1
            if got is not None:
                shown.add(ok, f"{art['file'][:8]} “{q['text'][:40]}”: labelled {q.get('speaker')!r}, shown {got!r}")
            group = group_of.get(id(found[0]))
            if grouped is not None and group is not None and group.speaker is not None:
                # The briefing shows a quote once for all outlets, under its group's speaker.
                grouped.add(bool(_keys(group.speaker) & wanted) if q.get("speaker") else False,
                            f"{art['file'][:8]} “{q['text'][:40]}”: labelled {q.get('speaker')!r}, "
                            f"its group shown under {group.speaker!r}")
            tally.add(ok, f"{art['file'][:8]} “{q['text'][:40]}”: labelled {q.get('speaker')!r}, "
                          f"shown {got!r} ({found[0].how})")


def event_dates(corpus: Corpus, analysis: Analysis, labels: dict, tally: Tally, rows: Tally | None = None) -> None:
    """`tally`: each labelled date expression, right when the tool dates it so; `rows`:
    the timeline rows those expressions stand in, right when the row's date is the
    labelled one (a row merges outlets: its date is its first dated mention's)."""
    by_file = {a.name.rsplit(".", 1)[0]: a.slug for a in corpus.articles}
    row_of = {id(m): e for e in analysis.timeline.events for m in e.mentions}
    for art in labels["articles"]:
        slug = by_file.get(art["file"].rsplit(".", 1)[0])
        for e in art.get("event_dates", []):
            if slug is None or not e.get("date"):
                continue
            mine = [m for m in analysis.dates if m.span.article == slug and _bare(m.span.text) == _bare(e["expression"])]
            found = [m for m in mine if e["sentence"][:20] in m.sentence.text] or mine
            if not found:
                tally.add(False, f"{art['file'][:8]} “{e['expression']}” not read as a date")
                continue
            m = found[0]
            row = row_of.get(id(m))
            if rows is not None and row is not None and row.date is not None:
                rows.add(row.date.isoformat()[: len(e["date"])] == e["date"],
                         f"{art['file'][:8]} row {row.shown()} for “{e['expression']}” in “{e['sentence'][:40]}”: "
                         f"labelled {e['date']}")
            shown = m.date.isoformat()[: len(e["date"])] if m.date else None
            tally.add(shown == e["date"], f"{art['file'][:8]} “{e['expression']}” in “{e['sentence'][:40]}”: "
                                           f"labelled {e['date']}, dated {m.shown()} ({m.derivation})")


def _bare(expression: str) -> str:
    """An expression without the words a pattern may or may not take in with it: "on
    Monday", "late on Thursday" and "Monday" are one label."""
    words = expression.casefold().replace("’", "'").split()
    while len(words) > 1 and words[0] in ("on", "late", "early", "earlier", "later"):
        words = words[1:]
    return " ".join(words)


def disputes(corpus: Corpus, analysis: Analysis, labels: dict, flags: Tally, found: Tally,
             evolving: Tally) -> None:
    """`flags`: each group the tool flags as disputed is right when its values are the
    values of a labelled dispute (labelled "not disputes" and anything else count as
    false); `found`: each labelled dispute is found when some flag is right about it;
    `evolving`: each labelled figure that changed as the story went on is shown as one
    sequence when some group the tool shows as evolving holds two of its values."""
    if "disputes" not in labels["cluster"]:
        return  # a cluster labelled for speakers and dates only
    name = labels["cluster_dir"][:24]
    wanted = [(d.get("about", ""), _values(d)) for d in labels["cluster"].get("disputes", [])]
    hit: set[int] = set()
    for g in analysis.figures.disputed():
        values = {v for r in g.readings for v in r.values}
        matched = [i for i, (_, w) in enumerate(wanted) if len(values & w) >= 2]
        hit.update(matched)
        flags.add(bool(matched), f"{name}: {[r.figures[0].span.text for r in g.readings]} "
                                 f"in “{g.figure.sentence.text[:60]}”")
    for i, (about, w) in enumerate(wanted):
        found.add(i in hit, f"{name}: {about} {sorted(w)} not flagged")
    sequences = [{v for r in g.readings for v in r.values} for g in analysis.figures.groups
                 if getattr(g, "evolving", False)]
    for d in labels["cluster"].get("evolving_figures", []):
        w = _values(d)
        evolving.add(any(len(s & w) >= 2 for s in sequences),
                     f"{name}: {d.get('about', '')} {sorted(w)} not shown as a sequence")


def _values(label: dict) -> set[float]:
    """The values a label gives, read as the builder reads amounts ("$146 billion" is
    146e9), or as bare numbers where it sees none ("Lap 14")."""
    out: set[float] = set()
    for text in label["values"].values():
        for part in text.split(", "):  # "77, 80, at least 84": a sequence
            found = numbers.find(part)
            out |= {v for a in found for v in a.values} or {float(x.replace(",", "")) for x in _numbers(part)}
    return out


def _numbers(text: str) -> list[str]:
    import re

    return re.findall(r"\d[\d,]*(?:\.\d+)?", text)


def date_lines(tmp: Path, tally: Tally) -> None:
    path = LABELS / "corpus_date_lines.json"
    if not path.exists():
        return  # no date lines labelled yet
    found = json.loads(path.read_text(encoding="utf-8"))
    for line in found["date_lines"]:
        corpus = _load(CLUSTERS / line["cluster_dir"], "txt", tmp / line["file"][:12])
        article = next((a for a in corpus.articles if a.name == line["file"]), None)
        got = article.metadata.date.value.isoformat() if article and article.metadata.date else None
        tally.add(got == line["pub_date"], f"{line['file'][:8]} “{line['pub_date_line']}”: labelled "
                                           f"{line['pub_date']}, read {got}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", action="store_true", help="list every miss")
    args = parser.parse_args()
    if not LABELS.is_dir() or not CLUSTERS.is_dir():
        print(f"labels ({LABELS}) or corpus ({CLUSTERS}) absent: nothing to measure")
        return
    said, named, dated, flagged, lines = Tally(), Tally(), Tally(), Tally(), Tally()
    disputes_found, sequences = Tally(), Tally()
    held_said, held_named, held_dated = Tally(), Tally(), Tally()  # clusters kept out of tuning
    rows, held_rows = Tally(), Tally()
    grouped, held_grouped = Tally(), Tally()
    how: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        for file in sorted(LABELS.glob("[0-9]*.json")):
            labels = json.loads(file.read_text(encoding="utf-8"))
            corpus = _load(CLUSTERS / labels["cluster_dir"], "json", Path(tmp))
            entities: EntityIndex = index_entities(corpus, CLUSTERS / labels["cluster_dir"])
            analysis = analyse(corpus, known=KnownNames.of(entities, corpus))
            held = labels.get("held_out", False)
            speakers(corpus, analysis, labels, held_said if held else said, how, held_named if held else named,
                     held_grouped if held else grouped)
            event_dates(corpus, analysis, labels, held_dated if held else dated, held_rows if held else rows)
            disputes(corpus, analysis, labels, flagged, disputes_found, sequences)
        date_lines(Path(tmp), lines)
    print(json.dumps({"speakers": [said.right, said.total], "speakers_shown": [named.right, named.total], "event_dates": [dated.right, dated.total],
                      "disputed_flags": [flagged.right, flagged.total],
                      "disputes_found": [disputes_found.right, disputes_found.total],
                      "evolving_shown": [sequences.right, sequences.total], "date_lines": [lines.right, lines.total],
                      "held_out_speakers": [held_said.right, held_said.total],
                      "held_out_event_dates": [held_dated.right, held_dated.total],
                      "timeline_rows": [rows.right, rows.total], "held_out_timeline_rows": [held_rows.right, held_rows.total],
                      "held_out_speakers_shown": [held_named.right, held_named.total],
                      "grouped_speakers_shown": [grouped.right, grouped.total],
                      "held_out_grouped_speakers_shown": [held_grouped.right, held_grouped.total]}))
    print(f"speakers right: {said}; of the quotes given a speaker, right: {named}; how: {dict(how)}")
    print(f"quotes as the briefing groups them, given a speaker, right: {grouped} (held out: {held_grouped})")
    print(f"event dates right: {dated}; timeline rows they stand in, dated right: {rows}")
    print(f"held-out clusters: speakers right: {held_said}; given a speaker, right: {held_named}; "
          f"event dates right: {held_dated}; timeline rows right: {held_rows}")
    print(f"disputed flags that are real disputes (precision): {flagged}")
    print(f"labelled disputes flagged (recall): {disputes_found}")
    print(f"labelled evolving figures shown as a sequence: {sequences}")
    print(f"publication date lines read: {lines}")
    if args.show:
        for name, tally in (("speakers given and wrong", named), ("speakers", said), ("event dates", dated),
                            ("timeline rows", rows), ("held out: timeline rows", held_rows),
                            ("grouped quotes' speakers", grouped), ("held out: grouped quotes' speakers", held_grouped),
                            ("held out: speakers", held_said), ("held out: event dates", held_dated),
                            ("disputed", flagged), ("disputes missed", disputes_found), ("evolving", sequences),
                            ("date lines", lines)):
            print(f"\n{name}:")
            for why in tally.wrong:
                print("  -", why)


def _takes_entities() -> bool:
    import inspect

    return "entities" in inspect.signature(analyse).parameters


if __name__ == "__main__":
    main()
