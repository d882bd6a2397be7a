"""Alias merging over the whole corpus: which mentions name the same thing.

Mentions with the same `key` form a group ("U.S." and "US"; "Yves-François" and
"Yves-Francois"). Groups are then joined, each rule looking only inside a block of
names that share a token, an acronym or a stem, so the work grows with the number of
names, not its square (corpora run to thousands of articles):

1. country names that no string rule relates (America, U.S., United States);
2. acronyms to their one expansion, named in an article with them (NDP, New
   Democratic Party);
3. an organisation qualified by a place ("U.S. Securities and Exchange Commission");
4. people with the same first and last name (middle names, initials), and spellings
   a letter or two apart (rapidfuzz: "Energia", "Energiya", news cluster 32);
5. a party's members to the party ("New Democrats", "Conservatives");
6. a surname alone to the full name: first the one in the same article, else the
   one in the corpus, and only when there is exactly one ("Fox", "John Fox", news
   cluster 43); likewise a company's first word and a team's last (surnames.py);
   then, where no article says, a short form takes the full name it joined wherever
   one did (most of its mentions), and a first name alone the one person of that
   first name its article names (surnames.settled, surnames.first_names).

Rules 5 and 6 join a mention because of its name, not its label: such a mention takes
the type of what it joined and does not vote (the model tags "Fox" ORG twelve times
in news cluster 43; the name says person).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace

from rapidfuzz import fuzz, process

from . import labels, surnames
from .extract import Found, tally
from .names import (
    acronyms,
    fold,
    generation,
    is_acronym,
    key,
    member_stem,
    most_common,
    party_stem,
    tokens,
)

# America is the United States, Britain the United Kingdom: conventions of English
# news that no string rule derives. Keys (names.key) to the canonical key.
COUNTRY_NAMES = {
    "america": "united states", "us": "united states", "usa": "united states",
    "united states of america": "united states",
    "britain": "united kingdom", "great britain": "united kingdom", "uk": "united kingdom",
}
# Two spellings of one name: rapidfuzz ratio at or over this (0-100). 90 joins
# "energia"/"energiya" (93) and keeps "colombia"/"columbia" (87.5) and
# "austria"/"australia" (87.5) apart.
FUZZY_MIN_RATIO = 90
FUZZY_MIN_LENGTH = 6  # shorter words differ by one letter too easily (Iran, Iraq)
TOKEN_MIN_RATIO = 80  # one differing token of a longer name: "sing"/"singh" is 89
# A block larger than this is a common token ("new"), not a name: skip fuzzy there.
MAX_BLOCK = 300


@dataclass(frozen=True, slots=True)
class Cluster:
    """Mentions of one entity. `voters` are those whose model label counts in the
    type vote; `ambiguous` names full names a short form could have meant."""

    found: tuple[Found, ...]
    voters: frozenset[int]  # Found.order
    ambiguous: tuple[str, ...] = ()

    @property
    def voting(self) -> tuple[Found, ...]:
        """The mentions that vote; all of them when none does."""
        if len(self.voters) == len(self.found):  # (voters are some of found: all of them, then)
            return self.found
        return tuple(f for f in self.found if f.order in self.voters) or self.found


class _Union:
    def __init__(self, items: Iterable[str]) -> None:
        self.parent = {item: item for item in items}

    def find(self, item: str) -> str:
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def merge(found: list[Found], common_words: frozenset[str],
          titles: Mapping[str, frozenset[str]] | None = None) -> list[Cluster]:
    """Clusters of mentions. `common_words`: words the corpus writes in lower case,
    which make "Apple Store" a thing of Apple rather than Apple's full name; `titles`:
    article slug -> keys of the names its title gives, for rule 6."""
    found = _unjoined(found)
    groups: dict[str, list[Found]] = defaultdict(list)
    for f in found:
        groups[f.key].append(f)
    votes = {k: tally(fs) for k, fs in groups.items()}  # label -> weighted count
    kind = {k: labels.vote(v.items())[0] for k, v in votes.items()}
    shown = {k: fs[0].name if len(fs) == 1 else most_common(f.name for f in fs) for k, fs in groups.items()}
    union = _Union(groups)

    _countries(groups, union)
    _acronyms(groups, shown, kind, union)
    _qualified(groups, kind, union)
    _with_state(groups, shown, kind, union)
    _fuzzy(groups, kind, union)

    members: dict[str, list[str]] = defaultdict(list)
    for k in groups:
        members[union.find(k)].append(k)
    root_kind = {r: kind[ks[0]] if len(ks) == 1 else labels.vote(item for k in ks for item in votes[k].items())[0]
                 for r, ks in members.items()}

    attached: dict[int, str] = {}  # Found.order -> root it joined by rule 5 or 6
    local: set[int] = set()  # those that joined a full name named in their own article
    _parties(groups, members, root_kind, union, attached)
    ambiguous = surnames.resolve(groups, members, votes, kind, root_kind, union.find, attached, common_words,
                                 titles or {}, local)
    surnames.settled(groups, attached, local)
    surnames.first_names(groups, members, root_kind, union.find, attached)

    root_of = {k: union.find(k) for k in groups}
    by_root: dict[str, list[Found]] = defaultdict(list)
    voters: dict[str, set[int]] = defaultdict(set)
    for f in found:
        root = attached.get(f.order) or root_of[f.key]
        by_root[root].append(f)
        if f.order not in attached:
            voters[root].add(f.order)
    return [
        Cluster(tuple(fs), frozenset(voters[root]), tuple(sorted(ambiguous.get(root, ()))))
        for root, fs in sorted(by_root.items(), key=lambda item: item[1][0].order)
    ]


def _unjoined(found: list[Found]) -> list[Found]:
    """Two places the model read as one name: "make Canada America's cherished 51st
    state" (seed 004) gave "Canada America". A place name of two words, each a place the
    corpus names on its own, is those two places. (Mentions are numbered afresh when one
    is split: `order` tells them apart.)"""
    places = {f.key for f in found if f.mention.label in ("GPE", "LOC") and " " not in f.key}
    places |= {k for k in COUNTRY_NAMES if " " not in k}
    split = [f for f in found if f.mention.label in ("GPE", "LOC") and f.name.count(" ") == 1
             and f.mention.text == f.name and all(key(w) in places for w in f.name.split(" "))]
    if not split:
        return found
    out: list[Found] = []
    parted = {id(f) for f in split}  # by identity: comparing every mention with each was seconds on BBC
    for f in found:
        if id(f) in parted:
            first = f.name.split(" ")[0]
            out += [_part(f, 0, len(first)), _part(f, len(first) + 1, len(f.name))]
        else:
            out.append(f)
    return [replace(f, order=i) for i, f in enumerate(out)]


def _part(f: Found, start: int, end: int) -> Found:
    """A part of a mention's name as a mention of its own."""
    m = f.mention
    text = m.text[start:end]
    return replace(f, mention=replace(m, start=m.start + start, end=m.start + end, text=text, role=""),
                   name=text, seen=text, key=key(text))


def _with_state(groups: dict[str, list[Found]], shown: dict[str, str], kind: Mapping[str, str], union: _Union) -> None:
    """A place with its state or district after it is the place: "Washington DC" and
    "Washington, D.C." are Washington (seed 000, seed 001)."""
    for k in groups:
        words = k.split()
        if kind[k] != "place" or len(words) < 2:
            continue
        last = shown[k].replace(",", " ").split()[-1]
        rest = " ".join(words[:-1])
        if is_acronym(last) and len(last.replace(".", "")) <= 3 and kind.get(rest) == "place":
            union.join(k, rest)


def _countries(groups: dict[str, list[Found]], union: _Union) -> None:
    present: dict[str, list[str]] = defaultdict(list)
    for k in groups:
        if k in COUNTRY_NAMES:
            present[COUNTRY_NAMES[k]].append(k)
        elif k in COUNTRY_NAMES.values():
            present[k].append(k)
    for names in present.values():
        for other in names[1:]:
            union.join(names[0], other)


def _acronyms(groups: dict[str, list[Found]], shown: dict[str, str], kind: Mapping[str, str], union: _Union) -> None:
    expansions: dict[str, set[str]] = defaultdict(set)
    for k in groups:
        if len(k.split()) >= 2:
            for acronym in acronyms(shown[k]):
                expansions[acronym].add(k)
    for k, named in groups.items():
        # A country's short name is settled (rule 1): "USA" is the United States, not
        # the University of St Andrews whose initials it also is (BBC).
        if kind[k] == "person" or not is_acronym(shown[k]) or k in COUNTRY_NAMES:
            continue
        found = expansions.get(k.replace(" ", "").upper(), ())
        roots = {union.find(e) for e in found}
        if len(roots) != 1 or union.find(k) in roots:  # two expansions: ambiguous, left apart
            continue
        # News spells a name out where it first gives its initials: an expansion named
        # in no article that names the acronym is another name with the same letters
        # (BBC: a team sheet's "Barkley, Beattie, Christophers", tagged ORG in one
        # article, took the BBC's 304 mentions in 186 others).
        where = {f.mention.article for f in named}
        if any(not where.isdisjoint(f.mention.article for f in groups[e]) for e in found):
            union.join(k, roots.pop())


def _qualified(groups: dict[str, list[Found]], kind: Mapping[str, str], union: _Union) -> None:
    for k in groups:
        words = k.split()
        if kind[k] != "organisation" or len(words) < 3:
            continue
        for cut in (1, 2):
            place, rest = " ".join(words[:cut]), " ".join(words[cut:])
            if kind.get(place) == "place" and kind.get(rest) == "organisation" and len(words) - cut >= 2:
                union.join(k, rest)
                break


@dataclass(frozen=True, slots=True)
class _Name:
    """A key with what `_same_name` compares, worked out once per key rather than per pair."""

    key: str
    tokens: tuple[str, ...]
    generation: frozenset[str]


def _fuzzy(groups: dict[str, list[Found]], kind: Mapping[str, str], union: _Union) -> None:
    blocks: dict[tuple[str, ...], list[_Name]] = defaultdict(list)
    for k in groups:
        words = tokens(k)
        if not words:
            continue
        name = _Name(k, tuple(words), generation(k))
        if len(words) == 1:
            if len(words[0]) >= FUZZY_MIN_LENGTH:
                blocks[("one", kind[k], words[0][:3])].append(name)
            continue
        blocks[("first", kind[k], words[0])].append(name)
        if kind[k] == "person":
            blocks[("last", kind[k], words[-1])].append(name)
    for (shape, block_kind, _), block in blocks.items():
        if len(block) < 2 or len(block) > MAX_BLOCK:
            continue
        # Only people's names of different lengths can be the same name (a middle name
        # more); the rest are compared within one length: the same pairs, fewer tried.
        for names in ([block] if block_kind == "person" else _by_length(block)):
            for a, b in _near(names, shape):
                if _same_name(a, b, block_kind):  # (joins are the same in any order)
                    union.join(a.key, b.key)


def _near(names: list[_Name], shape: str) -> Iterator[tuple[_Name, _Name]]:
    """The pairs of a block worth comparing. The names of a block share their first word
    (or their last); `_same_name` joins two only when the other end is the same word or
    a letter or two apart (a one-word name: the whole word), so rapidfuzz passes over the
    rest, one call per name rather than one per pair (a block of Johns has thousands).
    Its cut-off is below the rules' own, so no pair a rule would join is passed over."""
    if shape == "one":
        words, cutoff = [n.key for n in names], FUZZY_MIN_RATIO - 5
    else:
        at = -1 if shape == "first" else 0
        words, cutoff = [n.tokens[at] for n in names], TOKEN_MIN_RATIO - 5
    for i, a in enumerate(names[:-1]):
        for _, _, j in process.extract_iter(words[i], words[i + 1:], scorer=fuzz.ratio, score_cutoff=cutoff):
            yield a, names[i + 1 + j]


def _by_length(block: list[_Name]) -> list[list[_Name]]:
    lengths: dict[int, list[_Name]] = defaultdict(list)
    for name in block:
        lengths[len(name.tokens)].append(name)
    return [names for names in lengths.values() if len(names) > 1]


def _same_name(name_a: _Name, name_b: _Name, kind: str) -> bool:
    person = kind == "person"
    if name_a.generation != name_b.generation:
        return False  # Donald Trump and Donald Trump Jr.
    a, b, ta, tb = name_a.key, name_b.key, name_a.tokens, name_b.tokens
    if person and len(ta) >= 2 and len(tb) >= 2 and ta[0] == tb[0] and ta[-1] == tb[-1]:
        # Same first and last name; the middle may be a name, an initial or nothing.
        middle_a, middle_b = ta[1:-1], tb[1:-1]
        return not middle_a or not middle_b or _initials_agree(middle_a, middle_b)
    if len(ta) != len(tb):
        return False
    if len(ta) == 1:
        # One word extending the other is another word (Angola, Angolan: news cluster 32;
        # America, Americas), unless a group's plural (Conservative, Conservatives).
        short, long = sorted((a, b), key=len)
        if long.startswith(short) and not (kind == "group" and long == short + "s"):
            return False
        return fuzz.ratio(a, b) >= FUZZY_MIN_RATIO
    differing = [(x, y) for x, y in zip(ta, tb, strict=True) if x != y]
    # Every differing word must be long enough to carry a typo: Kim Jong Un is not Kim Jong Il.
    return len(differing) == 1 and all(
        min(len(x), len(y)) >= 4 and fuzz.ratio(x, y) >= TOKEN_MIN_RATIO for x, y in differing
    )


def _initials_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return len(a) == len(b) and all(x[0] == y[0] for x, y in zip(a, b, strict=True))


def _parties(groups: dict[str, list[Found]], members: dict[str, list[str]], root_kind: Mapping[str, str],
             union: _Union, attached: dict[int, str]) -> None:
    parties: dict[str, set[str]] = defaultdict(set)
    for root, keys in members.items():
        if root_kind[root] != "organisation":
            continue
        for k in keys:
            stem = party_stem(k)
            if stem:
                parties[stem].add(root)
    lengths = {stem.count(" ") for stem in parties}  # (a member's name has as many words as the party's)
    for k, fs in groups.items():
        if k.count(" ") not in lengths:
            continue
        roots = parties.get(member_stem(k), set()) - {union.find(k)}
        if len(roots) == 1 and party_stem(k) is None:
            target = next(iter(roots))
            for f in fs:
                attached[f.order] = target


def name_of(cluster: Cluster) -> str:
    """What to call a cluster: its most frequent full form. Full means not an acronym
    ("New Democratic Party" over "NDP", "United States" over "U.S."), not one word
    when a longer form exists ("Mark Carney" over "Carney"), and not in capitals
    ("New York" over "NEW YORK"). Among equals: accents kept ("Québécois"), no
    initials or company designators ("Lloyd Blankfein", "Citigroup"), fewer words, the first seen."""
    counts: dict[str, int] = {}  # (a dict, not a Counter: one per entity, and most count one name)
    for f in cluster.voting:
        counts[f.name] = counts.get(f.name, 0) + 1
    if len(counts) == 1:
        return next(iter(counts))  # most clusters: nothing to rank
    first_seen = {name: i for i, name in reversed(list(enumerate(counts)))}

    def rank(name: str) -> tuple[int, ...]:
        accents = sum(1 for c in name if not c.isascii())
        folded = fold(name).split()
        extras = len(folded) - len(key(name).split()) + sum(1 for t in folded if len(t) == 1)
        return (not is_acronym(name), len(key(name).split()) > 1, not name.isupper(), counts[name], accents,
                -extras, -len(folded), -first_seen[name])

    return max(counts, key=rank)
