"""Issue 6: propagation latency between two consoles (LISTEN/NOTIFY versus polling every
second), and the outbox's durable enqueue and replay throughput.

Console A is a separate process with its own engine; console B is a real ``AppBus``
(follower + listener + DB worker) in this process's Qt event loop, as in the product.
Latency is from A's COMMIT returning (SQLAlchemy ``after_commit``, on the system-wide
monotonic clock) to B's ``sig_changes`` carrying the row (the follower callback) or to the
row being in B's queue model.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from .harness import BenchEnv, Figure, Report

DB = "bench_sync"


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def _fresh_db(env: BenchEnv) -> str:
    import sqlalchemy as sa

    from siaga_console.data.engine import make_engine
    from siaga_console.services.container import prepare_database

    admin = sa.create_engine(env.pg.url("postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.exec_driver_sql(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")
        c.exec_driver_sql(f"CREATE DATABASE {DB}")
    admin.dispose()
    url = str(env.pg.url(DB))
    engine = make_engine(url)
    prepare_database(engine)
    engine.dispose()
    return url


def _actor(services: Any, name: str, ws: str) -> Any:
    from siaga_console.data.models import User
    from siaga_console.domain.enums import Role
    from siaga_console.domain.permissions import Actor

    with services.ctx.transaction() as s:
        u = User(
            username=name,
            display_name=name,
            role="operator",
            active=True,
            failed_logins=0,
            created_at=services.ctx.clock(),
        )
        s.add(u)
        s.flush()
        return Actor(u.id, name, Role.OPERATOR, ws)


def run(env: BenchEnv, report: Report) -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    url = _fresh_db(env)
    sec = report.section("Propagation between two consoles (PostgreSQL, loopback)")
    listen = _propagation(app, url, listen=True, n=1000, spacing_s=0.0)
    median_l, p95_l = statistics.median(listen), _pct(listen, 0.95)
    poll = _propagation(app, url, listen=False, n=40, spacing_s=0.35)
    median_p, p95_p = statistics.median(poll), _pct(poll, 0.95)
    report.add(
        sec,
        Figure(
            "commit on A -> B's follower callback, median (LISTEN/NOTIFY, 1,000 changes)",
            median_l,
            "ms",
            baseline=median_p,
            baseline_name="polling every 1 s",
        ),
    )
    report.add(
        sec,
        Figure(
            "commit on A -> B's follower callback, p95 (LISTEN/NOTIFY)",
            p95_l,
            "ms",
            baseline=p95_p,
            baseline_name="polling every 1 s",
            target="< 50 ms",
            ok=p95_l < 50,
        ),
    )
    report.add(sec, Figure("same, max (LISTEN/NOTIFY)", max(listen), "ms"))
    model = _to_queue_model(app, url, n=200)
    report.add(
        sec,
        Figure(
            "new incident on A -> row in B's queue model, median (200 incidents)",
            statistics.median(model),
            "ms",
        ),
    )
    report.add(
        sec,
        Figure(
            "new incident on A -> row in B's queue model, p95",
            _pct(model, 0.95),
            "ms",
            target="< 50 ms",
            ok=_pct(model, 0.95) < 50,
        ),
    )
    sec.notes.append(
        "Polling baseline: 40 changes written at random phases against B polling every 1 s "
        f"(median {median_p:.0f} ms, p95 {p95_p:.0f} ms). Console A runs in a process of its "
        "own. The floor measured in FIELD_NOTES for a bare NOTIFY through a QSocketNotifier "
        "is 0.68 ms; B's path adds the feed read (on the listener thread) and the signal hop "
        "to the GUI thread; the queue-model figure adds re-reading the incident rows on B's "
        f"DB worker. Machine load average during the run: {os.getloadavg()[0]:.1f}."
    )
    _outbox(report, url)


WRITER = """
import sys, time
sys.path.insert(0, {root!r})
from sqlalchemy import event
from siaga_console.data.engine import make_engine
from siaga_console.domain.enums import Role
from siaga_console.domain.permissions import Actor
from siaga_console.services.container import build_services
from siaga_console.services.inputs import CallInput, IncidentInput

a = build_services(make_engine({url!r}))
actor = Actor({user_id!r}, "bench-a", Role.OPERATOR, "WS-A")
stamp = {{}}
event.listen(a.ctx.sessions, "after_commit", lambda _s: stamp.__setitem__("t", time.monotonic()))
form = IncidentInput(category_code="fire", latitude=-6.12, longitude=106.15)
print("ready", flush=True)
for line in sys.stdin:
    if line.startswith("call"):
        ident = a.intake.log_call(actor, CallInput("081234567890"), "prank").id
    elif line.startswith("incident"):
        ident = a.incidents.create_from_call(actor, CallInput("081234567890"), form).id
    else:
        break
    print(ident, stamp["t"], flush=True)
"""


class _ConsoleA:
    """Console A in a process of its own (its own interpreter, engine and CPU time)."""

    def __init__(self, url: str, user_id: int | None) -> None:
        import subprocess

        from .harness import ROOT

        code = WRITER.format(root=str(ROOT), url=url, user_id=user_id)
        self.proc = subprocess.Popen(
            [sys.executable, "-c", code],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        assert self.proc.stdout is not None and self.proc.stdin is not None
        assert self.proc.stdout.readline().strip() == "ready"

    def send(self, what: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(what + "\n")
        self.proc.stdin.flush()

    def answer(self, app: Any, timeout: float = 10) -> tuple[int, float] | None:
        """(id, commit time on the monotonic clock), processing B's events meanwhile."""
        import select

        assert self.proc.stdout is not None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            app.processEvents()
            ready, _, _ = select.select([self.proc.stdout], [], [], 0.0002)
            if ready:
                ident, at = self.proc.stdout.readline().split()
                return int(ident), float(at)
        return None

    def close(self) -> None:
        self.send("quit")
        self.proc.wait(10)


def _wait(app: Any, cond: Any, timeout: float = 5) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        app.processEvents()
        if cond():
            return True
        time.sleep(0.0002)
    return False


def _propagation(app: Any, url: str, *, listen: bool, n: int, spacing_s: float) -> list[float]:
    """Commit on A (another process) -> B's ``sig_changes`` carrying the row."""
    from siaga_console.data.engine import make_engine
    from siaga_console.services.container import build_services
    from siaga_console.ui.bus import MODE_LISTEN, AppBus
    from siaga_console.ui.worker import DbWorker

    b = build_services(make_engine(url))
    actor = _actor(b, f"bench-a-{int(listen)}-{time.time_ns()}", "WS-A")
    console_a = _ConsoleA(url, actor.user_id)
    worker = DbWorker()
    bus = AppBus(b, worker, interval_ms=1000, listen=listen, safety_interval_ms=10_000)
    arrived: dict[int, float] = {}  # call id -> when B's follower delivered it

    def on_changes(rows: list[Any]) -> None:
        now = time.monotonic()
        for r in rows:
            if r.entity == "call" and r.entity_id is not None:
                arrived.setdefault(r.entity_id, now)

    bus.sig_changes.connect(on_changes)
    bus.start(b.feed.last_id())
    if listen:
        _wait(app, lambda: bus.mode == MODE_LISTEN, 10)
    rng = random.Random(6)
    out: list[float] = []
    for _ in range(n):
        if spacing_s:  # a random phase against B's poll timer
            end = time.monotonic() + rng.uniform(0, 2 * spacing_s)
            _wait(app, lambda end=end: time.monotonic() >= end, 5)
        console_a.send("call")
        got = console_a.answer(app)
        if got is None:
            continue
        ident, committed = got
        if _wait(app, lambda i=ident: i in arrived, 5):
            # may be a hair below 0: B can hear the NOTIFY before A's driver returns
            out.append((arrived[ident] - committed) * 1000)
    console_a.close()
    bus.stop()
    worker.stop()
    b.close()
    return out


def _to_queue_model(app: Any, url: str, n: int) -> list[float]:
    """Commit of a new incident on A (another process) -> its row in B's queue model,
    through what ``QueueFeature.on_changes`` does (re-read the rows on B's DB worker)."""
    from siaga_console.data.engine import make_engine
    from siaga_console.services.container import build_services
    from siaga_console.ui.bus import MODE_LISTEN, AppBus
    from siaga_console.ui.queue.model import QueueModel
    from siaga_console.ui.worker import DbWorker

    b = build_services(make_engine(url))
    actor = _actor(b, f"bench-q-{time.time_ns()}", "WS-A")
    console_a = _ConsoleA(url, actor.user_id)
    worker = DbWorker()
    bus = AppBus(b, worker)
    model = QueueModel(lambda c: c)
    seen: dict[int, float] = {}

    def upsert(rows: list[Any]) -> None:
        model.upsert(rows)
        now = time.monotonic()
        for r in rows:
            seen.setdefault(r.id, now)

    def on_changes(rows: list[Any]) -> None:
        ids = sorted({r.entity_id for r in rows if r.entity == "incident" and r.entity_id})
        if ids:
            worker.submit(lambda: b.incidents.rows(ids), upsert)

    bus.sig_changes.connect(on_changes)
    bus.start(b.feed.last_id())
    _wait(app, lambda: bus.mode == MODE_LISTEN, 10)
    out = []
    for _ in range(n):
        console_a.send("incident")
        got = console_a.answer(app)
        if got is None:
            continue
        ident, committed = got
        if _wait(app, lambda i=ident: i in seen, 5):
            out.append((seen[ident] - committed) * 1000)
    console_a.close()
    bus.stop()
    worker.stop()
    b.close()
    return out


def _outbox(report: Report, url: str) -> None:
    from siaga_console.data.engine import make_engine
    from siaga_console.services.container import build_services
    from siaga_console.services.inputs import CallInput
    from siaga_console.sync.gateway import CommandGateway
    from siaga_console.sync.outbox import Outbox

    services = build_services(make_engine(url))
    actor = _actor(services, f"bench-o-{time.time_ns()}", "WS-O")
    sec = report.section("Outage outbox (SQLite file, synchronous=FULL; replay into PostgreSQL)")
    tmp = Path(tempfile.mkdtemp())
    box = Outbox(tmp / "outbox.sqlite")
    gateway = CommandGateway(services, box)
    gateway.set_online(False)
    n = 10_000
    t = time.perf_counter()
    for i in range(n):
        gateway.log_call(actor, CallInput(f"0812{i:08d}"), "prank")
    enqueue_s = time.perf_counter() - t
    report.add(
        sec,
        Figure(
            "durable enqueue (validate + fsync) per command",
            enqueue_s / n * 1000,
            "ms",
            note=f"{n / enqueue_s:.0f} commands/s",
        ),
    )
    t = time.perf_counter()
    result = gateway.replay()
    replay_s = time.perf_counter() - t
    assert result.applied == n and result.remaining == 0, result
    report.add(sec, Figure("replay of 10,000 queued calls", n / replay_s, "commands/s"))
    t = time.perf_counter()
    with box._tx() as db:  # a crash after every commit: all 10,000 replayed again, no-ops
        db.execute("UPDATE commands SET state='sending'")
    again = gateway.replay()
    report.add(
        sec,
        Figure(
            "replaying the same 10,000 again (idempotent no-ops)",
            n / (time.perf_counter() - t),
            "commands/s",
            note=f"{again.applied} re-sent, database unchanged",
        ),
    )
    sec.notes.append(
        f"enqueue {enqueue_s:.1f} s, replay {replay_s:.1f} s for {n:,} commands; each replayed "
        "command is one service transaction (call row, change feed, audit chain, NOTIFY)."
    )
    box.close()
    services.close()
