"""Grouping items that say the same thing, without comparing every pair.

Claims, quotes and figures are grouped the same way: items with the same identity
(the same normalised text) join at once; the rest are compared only with items that
share a blocking key (a rare word, or unit and rare word), and join the most similar
group found there when it scores at least `threshold`.

Each key keeps at most one item per group, and at most `max_per_key` items, so an item
is compared with at most `len(keys) * max_per_key` others whatever the corpus size:
the work grows with the number of items, not its square. An item shares a key with a
group through any member, not only its first one, so a chain of rewrites still ends up
together. The order of items decides ties: corpus order, which is stable.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Collection, Hashable, Sequence
from itertools import chain, islice

# A key that already points to this many groups is a common word in disguise; comparing
# with all of them would be the quadratic cost blocking exists to avoid. 8 found the
# same claims, quotes and figures on the 70 news clusters as 24 did.
MAX_PER_KEY = 8
# Members of a group an item is checked against when `apart` is given: its first ones.
MAX_MEMBERS = 24
# A word in more sentences than this does not block at all: at 10,000 synthetic
# articles, blocking on words in thousands of sentences was most of the claims' time,
# and a story's own words (names, places, numbers) stay far below it.
MAX_DF = 200


def max_df(items: int) -> int:
    """Words in more than this many of `items` make no blocking key."""
    return max(50, min(items // 20, MAX_DF))


def group(
    identities: Sequence[Hashable],
    keys: Sequence[Sequence[Hashable]],
    score: Callable[[int, int], float],
    threshold: float,
    max_per_key: int = MAX_PER_KEY,
    min_shared: int = 1,
    apart: Callable[[int, int], bool] | None = None,
) -> list[list[int]]:
    """Groups of item indices, each group in item order, groups in order of first item.
    An item is scored only against items sharing `min_shared` of its keys (all of them
    when it has fewer), and joins the group of the best score at least `threshold`
    (between equal scores, the earliest group): the order candidates are met in does
    not matter, which lets them be counted in bulk. `apart(i, k)`, when given, says two
    items may never share a group: an item does not join a group holding one, and a
    group is scored by its best member (groups are small where this is asked: figures)."""
    # An item joins a group or starts one; groups never merge, so a group is named by
    # its first item for good.
    group_of = list(range(len(identities)))
    first_of: dict[Hashable, int] = {}
    blocks: dict[Hashable, list[int]] = {}
    groups_in: dict[Hashable, set[int]] = {}
    block_of = blocks.get
    members: dict[int, list[int]] = {}  # kept only when `apart` is given
    for i, identity in enumerate(identities):
        same = first_of.setdefault(identity, i)
        if same != i:
            group_of[i] = group_of[same]
            continue
        mine_keys = keys[i]
        if not mine_keys:
            continue  # nothing to be compared with, nowhere to be found
        met = [block for k in mine_keys if (block := block_of(k))]
        enough = min(min_shared, len(mine_keys))
        if met and len(met) >= enough:
            best, best_score = -1, threshold
            seen: set[int] = set()
            for j in _candidates(met, enough):
                if apart is not None:
                    # The group is scored by its best member and joined only when no
                    # member is apart: a key names a group by one member only.
                    if group_of[j] in seen:
                        continue
                    seen.add(group_of[j])
                    others = members.get(group_of[j], (j,))
                    if any(apart(i, k) for k in others):
                        continue
                    j, s = max(((k, score(i, k)) for k in others), key=lambda ks: ks[1])
                else:
                    s = score(i, j)
                if s >= best_score and (best < 0 or s > best_score or group_of[j] < group_of[best]):
                    best, best_score = j, s
            if best >= 0:
                group_of[i] = group_of[best]
        mine = group_of[i]
        if apart is not None:
            kept = members.setdefault(mine, [])
            if len(kept) < MAX_MEMBERS:  # a bound on the work per item, whatever the group's size
                kept.append(i)
        for k in mine_keys:
            present = groups_in.get(k)
            if present is None:
                groups_in[k] = {mine}
                blocks[k] = [i]
            elif len(present) < max_per_key and mine not in present:
                present.add(mine)
                blocks[k].append(i)
    out: dict[int, list[int]] = {}
    for i, g in enumerate(group_of):
        out.setdefault(g, []).append(i)
    return list(out.values())  # a group is first met at its first item: in order already


def _candidates(blocks: list[list[int]], enough: int) -> Collection[int]:
    """The items in at least `enough` of the blocks (a block holds an item once), found
    by set operations: most items meet none twice."""
    if len(blocks) == 1:
        return blocks[0]
    if enough <= 1:
        return set(chain.from_iterable(blocks))
    if enough == 2:
        seen, twice = set(blocks[0]), set()
        for block in islice(blocks, 1, None):
            twice.update(seen.intersection(block))
            seen.update(block)
        return twice
    return [j for j, n in Counter(chain.from_iterable(blocks)).items() if n >= enough]


def stable_ids(prefix: str, texts: Sequence[str]) -> list[str]:
    """An id per group from its central text: stable across builds while the text stays,
    unlike a position. Eight hex digits collide now and then among hundreds of thousands
    of groups; the second gets "-2"."""
    seen: dict[str, int] = {}
    out = []
    for text in texts:
        base = f"{prefix}-{hashlib.sha1(text.encode()).hexdigest()[:8]}"
        n = seen.get(base, 0) + 1
        seen[base] = n
        out.append(base if n == 1 else f"{base}-{n}")
    return out
