"""Issue 9: call-log import (rows/s, memory flat in the file size), export, notification queue.

- Import of a realistic call log (5 % valid calls with incidents and their timeline, the
  rest nuisance calls; unique mobile numbers: the worst case for number checking) into
  a fresh database: 25,000 and 100,000 rows on SQLite, 100,000 on PostgreSQL, 100,000 from
  XLSX. Time is measured without tracemalloc; the Python heap peak in a second run.
- Export of the 100,000 rows back to CSV.
- Notification outbox: messages delivered per second by one sender (4 HTTP workers) to a
  Bot-API-like server on loopback.
"""

from __future__ import annotations

import csv
import json
import random
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from .harness import BenchEnv, Figure, Report, peak_mib

ROWS_SMALL, ROWS_BIG = 25_000, 100_000
TARGET_RPS = 5_000


def write_log(path: Path, n: int, seed: int = 1) -> Path:
    """A call log in the import format: 5 % valid (with times and places), unique numbers."""
    from siaga_console.resources import gazetteer
    from siaga_console.services.calllog import COLUMNS

    rng = random.Random(seed)
    places = gazetteer().places
    t = datetime(2025, 1, 1)
    nuisance = ["prank"] * 36 + ["silent"] * 28 + ["dropped"] * 12 + ["wrong_number"] * 6
    nuisance += ["info"] * 9 + ["test"]
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(COLUMNS)
        for i in range(n):
            t += timedelta(seconds=rng.uniform(1, 600))
            outcome = "valid" if rng.random() < 0.05 else rng.choice(nuisance)
            row = dict.fromkeys(COLUMNS, "")
            row.update(
                external_id=f"BENCH-{seed}-{i}",
                received_at=t.isoformat(" ", "seconds"),
                answered_at=""
                if outcome == "dropped"
                else (t + timedelta(seconds=rng.uniform(2, 20))).isoformat(" ", "seconds"),
                caller_number=f"08{rng.choice('12357')}{rng.randrange(10**8, 10**9)}",
                outcome=outcome,
            )
            if outcome == "valid":
                p = rng.choice(places)
                a = t + timedelta(seconds=30)
                row.update(
                    category=rng.choice(["fire", "medical", "Kebakaran", "electrical"]),
                    kecamatan=p.kecamatan,
                    kelurahan=p.kelurahan,
                    address=f"Jl. Contoh No. {i % 250}",
                    dispatched_at=(a + timedelta(seconds=60)).isoformat(" ", "seconds"),
                    on_scene_at=(a + timedelta(seconds=600)).isoformat(" ", "seconds"),
                    resolved_at=(a + timedelta(seconds=3600)).isoformat(" ", "seconds"),
                )
            w.writerow([row[c] for c in COLUMNS])
    return path


def _load() -> float | None:
    import os

    try:
        return os.getloadavg()[0]
    except OSError:
        return None


def _cores() -> int:
    import os

    return os.cpu_count() or 1


def csv_to_xlsx(src: Path, dest: Path) -> Path:
    import openpyxl

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("calls")
    with src.open(encoding="utf-8") as fh:
        for row in csv.reader(fh):
            ws.append(row)
    wb.save(dest)
    return dest


class _Fresh:
    """Fresh, migrated databases: copies of one SQLite template, new PostgreSQL databases."""

    def __init__(self, env: BenchEnv, tmp: Path) -> None:
        from siaga_console.data.engine import make_engine
        from siaga_console.services.container import prepare_database

        self.env, self.tmp, self.n = env, tmp, 0
        self.template = tmp / "template.db"
        engine = make_engine(f"sqlite:///{self.template}")
        prepare_database(engine)
        engine.dispose()

    def sqlite(self) -> str:
        self.n += 1
        path = self.tmp / f"db{self.n}.db"
        shutil.copy(self.template, path)
        return f"sqlite:///{path}"

    def pg(self) -> str:
        import sqlalchemy as sa

        self.n += 1
        name = f"bench_import_{self.n}"
        admin = sa.create_engine(self.env.pg.url("postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as c:
            c.exec_driver_sql(f"DROP DATABASE IF EXISTS {name}")
            c.exec_driver_sql(f"CREATE DATABASE {name}")
        admin.dispose()
        return str(self.env.pg.url(name))


@dataclass
class Run:
    summary: Any
    seconds: float  # wall clock
    cpu: float  # CPU seconds of this process
    peak: float  # Python heap peak in MiB (0 unless measured)

    def __iter__(self) -> Any:  # summary, seconds, peak
        return iter((self.summary, self.seconds, self.peak))


def _import(url: str, path: Path, *, memory: bool = False) -> Run:
    """Import ``path`` into the database ``url`` (a fresh one)."""
    from siaga_console.domain.enums import Role
    from siaga_console.domain.permissions import Actor
    from siaga_console.services.container import open_services
    from siaga_console.services.importer import ImportService

    services = open_services(url)
    actor = Actor(None, "bench", Role.SUPERVISOR, "bench")
    try:
        importer = ImportService(services.ctx)
        started, cpu = time.perf_counter(), time.process_time()
        if memory:
            summary, peak = peak_mib(lambda: importer.import_file(actor, path))
        else:
            summary, peak = importer.import_file(actor, path), 0.0
        seconds = time.perf_counter() - started
        cpu = time.process_time() - cpu
    finally:
        services.close()
    assert summary.committed and summary.bad_rows == 0, summary.problems[:3]
    return Run(summary, seconds, cpu, peak)


def run(env: BenchEnv, report: Report) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="bench-import-"))
    try:
        _run(env, report, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _run(env: BenchEnv, report: Report, tmp: Path) -> None:
    fresh = _Fresh(env, tmp)
    small = write_log(tmp / "small.csv", ROWS_SMALL, seed=1)
    big = write_log(tmp / "big.csv", ROWS_BIG, seed=2)
    sec = report.section("Call-log import (issue 9)")
    sec.notes.append(
        f"Realistic log: 5 % valid calls (incident, timeline, place by name), unique numbers; "
        f"{big.stat().st_size / 2**20:.1f} MB CSV for {ROWS_BIG:,} rows. Fresh database each time."
    )
    load = _load()
    if load is not None:
        sec.notes.append(f"Load average when this section started: {load:.1f} ({_cores()} cores).")
    for label, url_of, path in (
        (f"SQLite, {ROWS_SMALL:,} rows CSV", fresh.sqlite, small),
        (f"SQLite, {ROWS_BIG:,} rows CSV", fresh.sqlite, big),
    ):
        run_ = _import(url_of(), path)
        summary, seconds = run_.summary, run_.seconds
        rps = summary.rows / seconds
        report.add(
            sec,
            Figure(
                f"{label}: rows/s",
                rps,
                "rows/s",
                target=f"> {TARGET_RPS:,}",
                ok=rps > TARGET_RPS,
                note=f"{seconds:.1f} s, {summary.incidents} incidents",
            ),
        )
        report.add(
            sec,
            Figure(
                f"{label}: rows per CPU second",
                summary.rows / run_.cpu,
                "rows/s",
                note="process CPU time: what an idle machine gives (SQLite runs in-process)",
            ),
        )
    peaks = {}
    for n, path in ((ROWS_SMALL, small), (ROWS_BIG, big)):
        _, _, peaks[n] = _import(fresh.sqlite(), path, memory=True)
    report.add(sec, Figure(f"Python heap peak, {ROWS_SMALL:,} rows", peaks[ROWS_SMALL], "MiB"))
    report.add(
        sec,
        Figure(
            f"Python heap peak, {ROWS_BIG:,} rows",
            peaks[ROWS_BIG],
            "MiB",
            baseline=peaks[ROWS_SMALL],
            baseline_name=f"{ROWS_SMALL:,} rows",
            target="flat: < 1.5x the 25k peak",
            ok=peaks[ROWS_BIG] < 1.5 * peaks[ROWS_SMALL],
        ),
    )
    xlsx = csv_to_xlsx(big, tmp / "big.xlsx")
    summary, seconds, _ = _import(fresh.sqlite(), xlsx)
    report.add(
        sec,
        Figure(
            f"SQLite, {ROWS_BIG:,} rows XLSX: rows/s",
            summary.rows / seconds,
            "rows/s",
            note=f"{seconds:.1f} s (openpyxl read-only streaming)",
        ),
    )
    try:
        pg_url = fresh.pg()
    except Exception as exc:  # no PostgreSQL here: say so and go on
        sec.notes.append(f"PostgreSQL not measured: {exc}")
    else:
        summary, seconds, _ = _import(pg_url, big)
        rps = summary.rows / seconds
        report.add(
            sec,
            Figure(
                f"PostgreSQL, {ROWS_BIG:,} rows CSV: rows/s",
                rps,
                "rows/s",
                target=f"> {TARGET_RPS:,}",
                ok=rps > TARGET_RPS,
                note=f"{seconds:.1f} s",
            ),
        )
    _export(report, fresh, big, tmp)
    _notifications(report, fresh)


def _export(report: Report, fresh: _Fresh, big: Path, tmp: Path) -> None:
    from siaga_console.domain.enums import Role
    from siaga_console.domain.permissions import Actor
    from siaga_console.services.container import open_services
    from siaga_console.services.exporter import ExportService

    url = fresh.sqlite()
    _import(url, big)
    services = open_services(url)
    try:
        actor = Actor(None, "bench", Role.SUPERVISOR, "bench")
        start, end = datetime(2024, 12, 31, tzinfo=UTC), datetime(2030, 1, 1, tzinfo=UTC)
        t = time.perf_counter()
        out = ExportService(services.ctx).export_calls(actor, start, end, tmp / "out.csv")
        seconds = time.perf_counter() - t
    finally:
        services.close()
    sec = report.section("Call-log export (issue 9)")
    report.add(
        sec,
        Figure(
            f"SQLite, {out.calls:,} calls to CSV: rows/s",
            out.calls / seconds,
            "rows/s",
            note=f"{seconds:.1f} s",
        ),
    )


class _BotServer:
    """A Bot-API-like endpoint on loopback that answers every sendMessage with ok."""

    def __init__(self) -> None:
        self.count = 0
        lock = threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                with lock:
                    outer.count += 1
                    n = outer.count
                body = json.dumps({"ok": True, "result": {"message_id": n}}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def _notifications(report: Report, fresh: _Fresh, messages: int = 600) -> None:
    from siaga_console.data.models import Agency, Incident
    from siaga_console.domain.enums import Role
    from siaga_console.domain.permissions import Actor
    from siaga_console.integrations.notify import NotificationSender
    from siaga_console.integrations.tokens import EnvTokens
    from siaga_console.services.container import open_services
    from siaga_console.services.inputs import CallInput, IncidentInput
    from siaga_console.services.notifications import (
        NotificationService,
        enqueue_dispatch_notifications,
    )

    server = _BotServer()
    services = open_services(fresh.sqlite())
    try:
        actor = Actor(None, "bench", Role.SUPERVISOR, "bench")
        with services.ctx.transaction() as s:
            a = s.get(Agency, "damkar")
            assert a is not None
            a.channel_kind, a.channel_url, a.channel_target = "telegram", server.url, "-1"
        inc = services.incidents.create_from_call(
            actor,
            CallInput("081234567890"),
            IncidentInput(category_code="fire", latitude=-6.12, longitude=106.15),
        )
        from siaga_console.data.models import Unit

        with services.ctx.transaction() as s:
            unit = Unit(
                call_sign="BENCH-1",
                agency_code="damkar",
                unit_type="x",
                status="available",
                status_changed_at=services.ctx.clock(),
                active=True,
            )
            s.add(unit)
            s.flush()
            incident = s.get(Incident, inc.id)
            assert incident is not None
            for _ in range(messages):
                enqueue_dispatch_notifications(s, incident, [unit], actor, services.ctx.clock())
        sender = NotificationSender(
            NotificationService(services.ctx),
            EnvTokens({"SIAGA_NOTIFY_TOKEN_DAMKAR": "1:bench"}),
            batch=50,
            workers=4,
        )
        t = time.perf_counter()
        while sender.run_once():
            pass
        seconds = time.perf_counter() - t
        sender.stop()
        counts = NotificationService(services.ctx).counts()
    finally:
        services.close()
        server.stop()
    sec = report.section("Field notifications (issue 9)")
    sec.notes.append(
        "One sender, 4 HTTP workers, batches of 50, SQLite outbox; every delivery also writes "
        "its state and a change-feed row. Telegram itself allows about 30 messages/s per bot."
    )
    report.add(
        sec,
        Figure(
            f"{messages} messages delivered: messages/s",
            counts.get("sent", 0) / seconds,
            "msg/s",
            ok=counts.get("sent", 0) == messages == server.count,
            note=f"{seconds:.1f} s; server received {server.count}",
        ),
    )
