"""Work done in a forked child process, on the machine's other core, beside the build.

Issue 7: a rebuild with one article changed. The entity index and the analyses do
not need each other (BBC: about 2.5 s each); run side by side, a rebuild takes one of
them rather than both. The PDF, likewise, is printed beside MkDocs' page loop.

`InChild(first, then)` forks a child that runs `first()` at once. It sees everything
this process holds (the corpus), so nothing has to be sent to it. The parent goes on
with its own work, `send`s the child one value when it has it, and the child returns
`then(first's result, value)`, which the parent takes with `result()`. Only that value
and that result cross between the processes, pickled: `first`'s result, however big,
stays in the child.

`first` may also tell the parent one value on its way (`tells=True`: it is called with a
function `tell`), which the parent takes with `told()` while the child goes on: the
stories found, before the child compares them (build.py).

Where forking is not possible or not safe, the same calls run both functions in this
process, one after the other, when the value is sent or what `first` tells is asked
for (`first`) and when the result is asked for (`then`). Forking is safe when the
platform forks (not Windows), does so dependably (not macOS, whose system libraries
may have threads of their own: Python spawns there), and this process runs no other
thread: a fork copies only the thread that forks, so a lock another thread held
(logging's, say) stays held in the child for ever. `mkdocs serve` builds from such a
thread.

What the child logs is handled here, as if logged here; what it raises is raised here,
the same exception (`mkdocs build --strict`, the CLI and the tests see what a build in
one process gives them). A child that ends without a word (killed) is an error here,
never a wait; leaving the `with` block early stops the child.
"""

from __future__ import annotations

import logging
import multiprocessing
import pickle
import sys
import threading
import traceback
from collections.abc import Callable
from logging.handlers import QueueHandler
from multiprocessing.connection import Connection
from queue import Empty, SimpleQueue
from types import TracebackType
from typing import Generic, TypeVar

log = logging.getLogger(__name__)
S = TypeVar("S")
V = TypeVar("V")
T = TypeVar("T")


def can_fork() -> bool:
    """Whether a child forked now would be sound (see the module docstring)."""
    return ("fork" in multiprocessing.get_all_start_methods() and sys.platform != "darwin"
            and threading.active_count() == 1)


class InChild(Generic[S, V, T]):
    """`first()`, then `then(its result, the value sent)`: in a child if it can be
    forked, else here. Use it as a context manager, so that a parent that fails
    itself does not leave the child running."""

    def __init__(self, first: Callable[..., S], then: Callable[[S, V], T], tells: bool = False) -> None:
        self._first = first
        self._then = then
        self._tells = tells  # `first(tell)`, which calls `tell` once: `told` gives the parent the value
        self._heard = False
        self._ran = False
        self._state: S | None = None
        self._value: V | None = None
        self._told: object = None
        self._kept = False  # in one process: `first` told its value
        self._process: multiprocessing.process.BaseProcess | None = None
        if can_fork():
            self._fork()

    def _fork(self) -> None:
        context = multiprocessing.get_context("fork")
        self._channel, theirs = context.Pipe()
        process = context.Process(target=_child, args=(theirs, self._first, self._then, self._tells),
                                  name="briefing-beside")
        try:
            process.start()
        except OSError as error:  # no memory or no process left for a child: one process it is
            log.debug("no process beside the build (%s); running in this one", error)
            self._channel.close()
        else:
            self._process = process
        finally:
            theirs.close()  # the child's end: once the child is gone, reading here ends too

    @property
    def forked(self) -> bool:
        return self._process is not None

    def told(self) -> object:
        """What `first` told (`tells`); what it raised before is raised here. In one
        process, `first` runs now."""
        if self._heard:
            return self._told
        self._heard = True
        if self._process is None:
            self._run_first()
        else:
            self._told = self._message(last=False)
        return self._told

    def send(self, value: V) -> None:
        """Give `then` its value. In one process, `first` runs now (if `told` did not run it)."""
        if self._process is None:
            self._value = value
            self._run_first()
            return
        try:
            self._channel.send(value)
        except OSError:
            pass  # the child already ended, having failed: `result` says how

    def result(self) -> T:
        """`then`'s result; what `first` or `then` raised is raised here."""
        if self._tells:
            self.told()  # the first message
        if self._process is None:
            return self._then(self._state, self._value)  # type: ignore[arg-type]
        return self._message(last=True)  # type: ignore[no-any-return]

    def _run_first(self) -> None:
        if not self._ran:
            self._ran = True
            self._state = self._first(self._keep) if self._tells else self._first()
            if self._tells and not self._kept:
                raise RuntimeError("the process beside the build told the parent nothing")

    def _keep(self, value: object) -> None:
        self._told, self._kept = value, True

    def _message(self, last: bool) -> object:
        """The child's next message: what `first` told, or (`last`) the result; the
        child's log records handled here, its exception raised here."""
        assert self._process is not None
        try:
            failed, outcome, records = pickle.loads(self._channel.recv_bytes())  # noqa: S301 - our own child's
        except (EOFError, OSError):  # OSError: it died with the value unread (connection reset)
            self._channel.close()
            self._process.join()
            raise RuntimeError(f"the process beside the build ended without a result "
                               f"(exit code {self._process.exitcode})") from None
        if last or failed:
            self._channel.close()
            self._process.join()
        for record in records:
            logging.getLogger(record.name).handle(record)
        if failed:
            raise _unpickled(outcome)
        return outcome

    def __enter__(self) -> InChild[S, V, T]:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Stop the child if the parent leaves without its result (it failed itself)."""
        if self._process is None:
            return
        if self._process.is_alive():
            self._process.kill()
            self._process.join()
        self._channel.close()


def _child(channel: Connection, first: Callable[..., S], then: Callable[[S, V], T], tells: bool) -> None:
    """The child's life: `first`, the parent's value, `then`. The outcome and the log
    records made on the way go back in one message, pickled here so that a result that
    does not pickle is reported like any failure; what `first` tells, and the records
    made until then, in one message before it."""
    records: SimpleQueue[logging.LogRecord] = SimpleQueue()
    # What reaches the root logger is kept for the parent's handlers, not handled here
    # (this process ends after: its handlers are its own to replace).
    logging.getLogger().handlers = [QueueHandler(records)]
    told = []

    def tell(value: object) -> None:
        if told:
            raise RuntimeError("the process beside the build told the parent twice")
        told.append(True)
        channel.send_bytes(pickle.dumps((False, value, _drained(records)), protocol=pickle.HIGHEST_PROTOCOL))

    try:
        state = first(tell) if tells else first()
        if tells and not told:
            raise RuntimeError("the process beside the build told the parent nothing")
        result = then(state, channel.recv())
        message = pickle.dumps((False, result, _drained(records)), protocol=pickle.HIGHEST_PROTOCOL)
    except BaseException as error:  # noqa: BLE001 - every failure goes to the parent, raised there
        message = pickle.dumps((True, _pickled(error), _drained(records)), protocol=pickle.HIGHEST_PROTOCOL)
    channel.send_bytes(message)


def _drained(records: SimpleQueue[logging.LogRecord]) -> list[logging.LogRecord]:
    out = []
    while True:
        try:
            out.append(records.get_nowait())
        except Empty:
            return out


def _pickled(error: BaseException) -> bytes:
    """The exception, pickled so that it unpickles as itself, with its traceback in the
    child as a note. Rebuilt without calling its class (`_unpickled`): an exception whose `__init__`
    takes other arguments than its `args` (SourceError(path, reason)) does not unpickle
    otherwise. One that does not pickle at all becomes a RuntimeError naming it."""
    note = "in the process beside the build:\n" + "".join(traceback.format_exception(error)).rstrip()
    try:
        return pickle.dumps((type(error), error.args, dict(vars(error)), note))
    except Exception:  # noqa: BLE001 - whatever stops it pickling, the parent still learns of it
        return pickle.dumps((RuntimeError, (f"{type(error).__name__}: {error}",), {}, note))


def _unpickled(data: bytes) -> BaseException:
    kind, args, state, note = pickle.loads(data)  # noqa: S301 - from the child this process forked
    error: BaseException = kind.__new__(kind, *args)
    error.args = args
    vars(error).update(state)
    error.add_note(note)
    return error
