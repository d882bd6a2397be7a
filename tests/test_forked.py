"""Work in a second process beside the build (builder.forked): in a forked child where that is sound, else
in this process; the same results, the same exceptions and log records either way, and
never a wait on a child that is gone."""

from __future__ import annotations

import logging
import os
import shutil
import threading
import time
from pathlib import Path

import pytest
from conftest import BUILD_DATE, FIXTURES

from builder import build
from builder import forked as forked_module
from builder.build import Settings, run
from builder.errors import SourceError
from builder.forked import InChild, can_fork

STORY = FIXTURES / "briefing" / "articles"
forking = pytest.mark.skipif(not can_fork(), reason="this platform or process does not fork safely")


@pytest.fixture(params=[True, False], ids=["forked", "one process"])
def forked(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> bool:
    """Both ways of running: forked where it can be, and in this process."""
    if request.param and not can_fork():
        pytest.skip("this platform or process does not fork safely")
    if not request.param:
        monkeypatch.setattr(forked_module, "can_fork", lambda: False)
    return bool(request.param)


def _run(first, then, value):  # type: ignore[no-untyped-def]
    with InChild(first, then) as side:
        side.send(value)
        return side.result(), side.forked


def test_then_gets_firsts_result_and_the_value(forked: bool) -> None:
    result, was_forked = _run(lambda: [1, 2], lambda state, value: (*state, value, os.getpid()), 3)
    assert was_forked == forked
    assert result[:3] == (1, 2, 3)
    assert (result[3] != os.getpid()) == forked  # forked: it ran in another process


def test_in_one_process_first_runs_when_the_value_is_sent(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forked_module, "can_fork", lambda: False)
    ran: list[str] = []
    with InChild(lambda: ran.append("first"), lambda state, value: ran.append("then")) as side:
        assert ran == []
        side.send(None)
        assert ran == ["first"]
        side.result()
    assert ran == ["first", "then"]


@pytest.mark.parametrize("where", ["first", "then"])
def test_an_exception_is_raised_as_itself(forked: bool, where: str) -> None:
    def fail(*args: object) -> None:
        raise SourceError(Path("seeds/a.txt"), "broken on purpose")

    first, then = (fail, lambda s, v: None) if where == "first" else (lambda: None, fail)
    with pytest.raises(SourceError) as caught:
        _run(first, then, None)
    # SourceError(path, reason) does not unpickle the usual way: rebuilt, it is the same.
    assert str(caught.value) == f"{Path('seeds/a.txt')}: broken on purpose"
    assert caught.value.path == Path("seeds/a.txt") and caught.value.reason == "broken on purpose"
    if forked:
        assert any("broken on purpose" in note for note in caught.value.__notes__)  # the child's traceback


@forking
def test_an_exception_that_does_not_pickle_is_still_reported() -> None:
    class Local(Exception):  # a local class pickles by name: it cannot
        pass

    def fail() -> None:
        raise Local("made up")

    with pytest.raises(RuntimeError, match="Local: made up"):
        _run(fail, lambda s, v: None, None)


@forking
def test_a_result_that_does_not_pickle_is_an_error_not_a_wait() -> None:
    with pytest.raises(Exception, match="pickle"):
        _run(lambda: None, lambda s, v: lambda: "a function made here", None)


@forking
def test_a_child_that_dies_is_an_error_not_a_wait() -> None:
    with pytest.raises(RuntimeError, match="exit code 3"):
        _run(lambda: os._exit(3), lambda s, v: None, None)


@forking
def test_leaving_early_stops_the_child() -> None:
    start = time.perf_counter()
    with pytest.raises(KeyError), InChild(lambda: time.sleep(60), lambda s, v: None) as side:
        raise KeyError("the parent failed")
    assert side._process is not None and not side._process.is_alive()
    assert time.perf_counter() - start < 30


def test_log_records_of_the_child_are_handled_here(forked: bool, caplog: pytest.LogCaptureFixture) -> None:
    def first() -> None:
        logging.getLogger("builder.analysis.cache").warning("cache %s is unreadable", "x.pickle")

    with caplog.at_level(logging.WARNING):
        _run(first, lambda s, v: None, None)
    assert [(r.name, r.levelno, r.getMessage()) for r in caplog.records] == [
        ("builder.analysis.cache", logging.WARNING, "cache x.pickle is unreadable")]


def test_with_another_thread_running_nothing_is_forked() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not can_fork()
        result, was_forked = _run(lambda: os.getpid(), lambda state, value: state, None)
        assert not was_forked and result == os.getpid()
    finally:
        stop.set()
        thread.join()


# The build ------------------------------------------------------------------------


def _copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(STORY, tmp_path / "seeds"))


@forking
def test_a_build_gives_the_same_either_way(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seeds = _copy(tmp_path)
    settings = Settings(seeds=seeds, docs=tmp_path / "docs", cache=None, build_date=BUILD_DATE)
    parallel = run(settings, write=False)
    monkeypatch.setattr(forked_module, "can_fork", lambda: False)
    sequential = run(settings, write=False)
    assert parallel.pages == sequential.pages and parallel.briefing == sequential.briefing
    assert parallel.entities == sequential.entities
    assert [n for n, _ in parallel.timings] == ["read and clean", "stories (in parallel)", "entities", "analysis (in parallel)",
                                                "render"]
    assert [n for n, _ in sequential.timings] == ["read and clean", "stories", "entities", "analysis", "render"]


def test_a_failing_analysis_fails_the_build_as_it_would_in_one_process(tmp_path: Path, forked: bool,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(corpus, timer=None, cache=None):  # type: ignore[no-untyped-def]
        raise ValueError("an analysis broke")

    monkeypatch.setattr(build, "compare", broken)
    with pytest.raises(ValueError, match="an analysis broke"):
        run(Settings(seeds=_copy(tmp_path), docs=tmp_path / "docs", cache=None, build_date=BUILD_DATE))
    assert not (tmp_path / "docs").exists()  # nothing written


def test_the_analyses_warnings_reach_the_build(tmp_path: Path, forked: bool, caplog: pytest.LogCaptureFixture) -> None:
    settings = Settings(seeds=_copy(tmp_path), docs=tmp_path / "docs", cache=tmp_path / "cache", build_date=BUILD_DATE)
    run(settings, write=False)
    (store,) = (tmp_path / "cache").glob("findings-*.pickle")
    store.write_bytes(b"not a pickle")
    with caplog.at_level(logging.WARNING):
        run(settings, write=False)
    assert any(r.name == "builder.cache.memo" and "findings" in r.getMessage() and "unreadable" in r.getMessage()
               for r in caplog.records)


@forking
def test_when_no_child_can_be_started_it_runs_here(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_fork() -> int:
        raise BlockingIOError("Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_fork)
    result, was_forked = _run(lambda: os.getpid(), lambda state, value: (state, value), "v")
    assert not was_forked and result == (os.getpid(), "v")


def test_first_tells_a_value_on_its_way(forked: bool) -> None:
    """`tells`: the parent has what `first` told while the child goes on, then the result."""
    def first(tell):  # type: ignore[no-untyped-def]
        tell(("found", os.getpid()))
        logging.getLogger("builder.analysis").warning("after telling")
        return "state"

    with InChild(first, lambda state, value: (state, value), tells=True) as side:
        said, pid = side.told()  # type: ignore[misc]
        assert said == "found" and (pid != os.getpid()) == forked
        assert side.told() == (said, pid)  # asked again: the same, nothing more read
        side.send("v")
        assert side.result() == ("state", "v")


@pytest.mark.parametrize("when", ["before telling", "after telling", "never telling"])
def test_what_first_raises_around_telling_is_raised_here(forked: bool, when: str) -> None:
    def first(tell):  # type: ignore[no-untyped-def]
        if when == "before telling":
            raise KeyError("before")
        if when == "after telling":
            tell("told")
            raise KeyError("after")

    with InChild(first, lambda state, value: None, tells=True) as side:
        if when == "after telling" and forked:  # told at once; the failure with the result
            assert side.told() == "told"
            side.send(None)
            with pytest.raises(KeyError, match="after"):
                side.result()
        elif when == "never telling":
            with pytest.raises(RuntimeError, match="told the parent nothing"):
                side.told()
        else:  # in one process, `first` runs whole when its value is asked for
            with pytest.raises(KeyError, match=when.split()[0]):
                side.told()
