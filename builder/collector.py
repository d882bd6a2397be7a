"""Python's cycle collector, off while a stage runs (the entity index, the analyses).

Those stages make hundreds of thousands of small objects that hold no reference
cycles (mentions, spans, their tuples, clusters, entities, findings). The collector
counts each, and every so often walks every object the process holds, the corpus and
the spaCy pipeline included: on the 2,225-article BBC corpus that was about a second
of the entity stage and half the analyses when one article changed. Off, it has nothing to find afterwards but what spaCy leaves (measured: some
hundred objects per thousand paragraphs), and it runs as usual once the stage is over.

Switching it off is not enough: spaCy's loader (srsly) switches it on around each file
it reads, and each time the collector walks whatever was made since it last ran. So
what exists is also frozen (out of the collector's sight, gc.freeze) while the stage
runs, and on the way out what the stage made joins the oldest generation unwalked
(freeze, then unfreeze: else the first allocation after would walk it all as new).
Freezing is left alone when the process froze objects of its own (a server may, to
share memory with its workers): unfreezing would undo that.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

_open = 0  # blocks of `off` open; while one is, the frozen objects are this module's


@contextlib.contextmanager
def off() -> Iterator[None]:
    """The collector off for the block, and afterwards as it was before, whatever the
    block did to it."""
    global _open
    was = gc.isenabled()
    ours = _open > 0 or gc.get_freeze_count() == 0
    gc.disable()
    if ours:
        gc.freeze()
    _open += 1
    try:
        yield
    finally:
        _open -= 1
        if ours and _open == 0:
            gc.freeze()
            gc.unfreeze()
        if was:
            gc.enable()
        else:
            gc.disable()
