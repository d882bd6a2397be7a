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
from collections.abc import Callable, Hashable, Sequence

# A key that already points to this many groups is a common word in disguise; comparing
# with all of them would be the quadratic cost blocking exists to avoid. 8 found the
# same claims, quotes and figures on the 70 news clusters as 24 did.
MAX_PER_KEY = 8
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
) -> list[list[int]]:
    """Groups of item indices, each group in item order, groups in order of first item.
    An item is scored only against items sharing `min_shared` of its keys (all of them
    when it has fewer)."""
    # An item joins a group or starts one; groups never merge, so a group is named by
    # its first item for good.
    group_of = list(range(len(identities)))
    first_of: dict[Hashable, int] = {}
    blocks: dict[Hashable, list[int]] = {}
    groups_in: dict[Hashable, set[int]] = {}
    for i, identity in enumerate(identities):
        same = first_of.get(identity)
        if same is not None:
            group_of[i] = group_of[same]
            continue
        first_of[identity] = i
        mine_keys = keys[i]
        if not mine_keys:
            continue  # nothing to be compared with, nowhere to be found
        shared: dict[int, int] = {}
        for k in mine_keys:
            block = blocks.get(k)
            if block:
                for j in block:
                    shared[j] = shared.get(j, 0) + 1
        enough = min(min_shared, len(mine_keys))
        best, best_score = -1, threshold
        for j, count in shared.items():
            if count < enough:
                continue
            s = score(i, j)
            if s >= best_score and (best < 0 or s > best_score or group_of[j] < group_of[best]):
                best, best_score = j, s
        if best >= 0:
            group_of[i] = group_of[best]
        mine = group_of[i]
        for k in mine_keys:
            present = groups_in.get(k)
            if present is None:
                groups_in[k] = {mine}
                blocks[k] = [i]
            elif mine not in present and len(present) < max_per_key:
                present.add(mine)
                blocks[k].append(i)
    out: dict[int, list[int]] = {}
    for i, g in enumerate(group_of):
        out.setdefault(g, []).append(i)
    return sorted(out.values(), key=lambda members: members[0])


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
