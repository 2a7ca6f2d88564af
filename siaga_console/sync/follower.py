"""Following the change feed: the feed id is the truth, notifications only say "look now".

A follower remembers the highest feed id it has delivered (``high``) and the ids below it
that it has not seen yet (``gaps``). On PostgreSQL ids come from a sequence, so two
transactions can commit out of order: id 11 may be visible before id 10 is. A follower that
only asked ``id > high`` would skip 10 for ever. This one keeps 10 as a gap and asks for it
again on every read until it arrives or is older than ``gap_grace_s`` (a rolled-back
transaction leaves a gap that never fills). On SQLite writes are serialised and no gap
appears. Missed or early notifications are therefore harmless: every read converges.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence

from sqlalchemy import func, or_, select

from ..data.models import ChangeFeed
from ..services.context import ServiceContext
from ..services.feed import FeedEntry

PAGE = 1000
MAX_GAPS = 5000


class FeedReader:
    """Reads feed rows after ``high`` plus the listed gap ids, in id order (Core, no ORM:
    this runs on every notification)."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.engine = ctx.sessions.kw["bind"]
        self.table = ChangeFeed.__table__

    def __call__(self, high: int, gaps: Sequence[int], limit: int) -> list[FeedEntry]:
        t = self.table.c
        cond = t.id > high
        if gaps:
            cond = or_(cond, t.id.in_(list(gaps)))
        query = select(
            t.id, t.kind, t.entity, t.entity_id, t.workstation, t.user_id, t.at, t.data
        ).where(cond)
        with self.engine.connect() as conn:
            rows = conn.execute(query.order_by(t.id).limit(limit)).all()
        return [FeedEntry(*r) for r in rows]

    def last_id(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.max(self.table.c.id))).scalar() or 0)


Reader = Callable[[int, Sequence[int], int], list[FeedEntry]]


class FeedFollower:
    """Thread-safe: ``fetch()`` may run on any thread (one at a time is enforced)."""

    def __init__(
        self,
        reader: Reader,
        last_id: int = 0,
        *,
        gap_grace_s: float = 30.0,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.reader = reader
        self.high = last_id
        self.gaps: dict[int, float] = {}  # missing id -> when first noticed
        self.gap_grace_s = gap_grace_s
        self.monotonic = monotonic
        self._lock = threading.Lock()
        self.reads = 0

    def reset(self, last_id: int) -> None:
        with self._lock:
            self.high = last_id
            self.gaps.clear()

    def fetch(self) -> list[FeedEntry]:
        """Everything committed since the last fetch that this follower has not delivered."""
        with self._lock:
            out: list[FeedEntry] = []
            while True:
                self._expire_gaps()
                rows = self.reader(self.high, sorted(self.gaps), PAGE)
                self.reads += 1
                fresh = self._absorb(rows)
                out += fresh
                if len(rows) < PAGE or not fresh:
                    break
            out.sort(key=lambda e: e.id)
            return out

    def _absorb(self, rows: list[FeedEntry]) -> list[FeedEntry]:
        fresh: list[FeedEntry] = []
        now = self.monotonic()
        for r in rows:
            if r.id in self.gaps:
                del self.gaps[r.id]
                fresh.append(r)
            elif r.id > self.high:
                for missing in range(self.high + 1, r.id):
                    self.gaps[missing] = now
                self.high = r.id
                fresh.append(r)
        if len(self.gaps) > MAX_GAPS:  # a huge jump (restored database): give the oldest up
            for k in sorted(self.gaps)[: len(self.gaps) - MAX_GAPS]:
                del self.gaps[k]
        return fresh

    def _expire_gaps(self) -> None:
        if not self.gaps:
            return
        limit = self.monotonic() - self.gap_grace_s
        for k in [k for k, t in self.gaps.items() if t < limit]:
            del self.gaps[k]
