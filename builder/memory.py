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
Freezing is left alone when objects are frozen already: by an outer block, which
unfreezes them at its end, or by the process itself (a server may freeze its objects
to share memory with its workers): unfreezing would undo that.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """The collector off for the block, and afterwards as it was before, whatever the
    block did to it."""
    was = gc.isenabled()
    ours = gc.get_freeze_count() == 0
    gc.disable()
    if ours:
        gc.freeze()
    try:
        yield
    finally:
        if ours:
            gc.freeze()
            gc.unfreeze()
        if was:
            gc.enable()
        else:
            gc.disable()
