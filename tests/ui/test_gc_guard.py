"""The GUI-thread collector: nothing collected while starting, start-up frozen, then short
collections of what is new."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from siaga_console.ui.gc_guard import GuiThreadGc


class Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the cyclic collector frees it


def garbage(n: int) -> list[weakref.ref[Node]]:
    """``n`` unreachable cycles; a weak reference to each says when it is freed."""
    return [weakref.ref(Node()) for _ in range(n)]


@pytest.fixture
def guard(qapp) -> Iterator[GuiThreadGc]:  # type: ignore[no-untyped-def]
    g = GuiThreadGc(interval_ms=20)
    yield g
    g.stop()
    gc.disable()  # as the test session has it
    gc.unfreeze()  # what the test froze goes back to the collector


def test_nothing_is_collected_until_start_up_is_over(qtbot, guard: GuiThreadGc) -> None:  # type: ignore[no-untyped-def]
    assert not gc.isenabled() and not guard.timer.isActive()
    refs = garbage(3 * gc.get_threshold()[0])  # well over the young threshold
    qtbot.wait(150)
    assert all(r() is not None for r in refs)  # still there: nobody collected

    frozen = gc.get_freeze_count()
    guard.settle()
    assert guard.timer.isActive() and not gc.isenabled()
    assert gc.get_freeze_count() > frozen  # start-up's objects are out of the collector's way
    assert all(r() is not None for r in refs)  # the start-up garbage was frozen with them

    fresh = garbage(3 * gc.get_threshold()[0])
    qtbot.waitUntil(lambda: all(r() is None for r in fresh), timeout=3000)
    assert all(r() is not None for r in refs)  # frozen objects are never walked


def test_the_deadline_settles_a_start_that_never_says_so(qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    g = GuiThreadGc(interval_ms=20)
    try:
        g._deadline.setInterval(50)
        g._deadline.start()
        qtbot.waitUntil(lambda: g.settled and g.timer.isActive(), timeout=3000)
        fresh = garbage(3 * gc.get_threshold()[0])
        qtbot.waitUntil(lambda: all(r() is None for r in fresh), timeout=3000)
    finally:
        g.stop()
        gc.disable()
        gc.unfreeze()
