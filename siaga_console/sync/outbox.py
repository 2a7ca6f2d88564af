"""The durable local outbox: commands written while the shared database is unreachable.

An SQLite file in the user's data directory (``outbox_path``), one per database URL.
``enqueue`` commits with ``synchronous=FULL`` before it returns, so what the console
confirmed survives a crash or a power cut. Commands replay in the order they were made
(``seq``), each at most once with effect (see ``commands.py``); a command the database
refuses (a conflict, a status no longer allowed, a form no longer valid) is parked for a
person (``conflict`` / ``failed``) and the others go on.

States: ``pending`` -> ``sending`` -> ``done`` | ``conflict`` | ``failed``; a person turns a
parked command into ``pending`` again (retry, possibly with a new expected version) or
``discarded``.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..data.engine import safe_url
from ..domain.permissions import Actor
from ..domain.timeutil import to_wib
from .commands import Command, actor_from_json, actor_to_json, parse_dt

if TYPE_CHECKING:
    from ..services.container import Services
    from .replay import ReplayReport

TODO = ("pending", "sending")
PARKED = ("conflict", "failed")

SCHEMA = """
CREATE TABLE IF NOT EXISTS commands (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    actor TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL,
    provisional TEXT,
    state TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    attempt_at TEXT,
    result TEXT,
    error TEXT,
    done_at TEXT
);
CREATE INDEX IF NOT EXISTS ix_commands_state ON commands (state, seq);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
"""


def outbox_path(data_dir: Path, db_url: str) -> Path:
    """One outbox per database (the password is not part of the key)."""
    key = hashlib.sha256(safe_url(db_url).encode()).hexdigest()[:16]
    return data_dir / "outbox" / f"outbox-{key}.sqlite"


@dataclass(frozen=True, slots=True)
class StoredCommand:
    command: Command
    state: str
    attempts: int
    attempt_at: datetime | None
    result: dict[str, Any] | None
    error: dict[str, Any] | None

    @property
    def seq(self) -> int:
        return self.command.seq


class Outbox:
    """Thread-safe (one connection behind a lock): the GUI reads counts, the worker writes."""

    def __init__(self, path: Path | str, db_url: str | None = None) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._db = sqlite3.connect(str(self.path), check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._sync_mode = "FULL"
        self._db.execute("PRAGMA busy_timeout=10000")
        self._db.executescript(SCHEMA)
        if db_url is not None:
            with self._tx() as db:
                db.execute(
                    "INSERT OR IGNORE INTO meta (key, value) VALUES ('database', ?)",
                    (safe_url(db_url),),
                )

    def close(self) -> None:
        with self._lock:
            self._db.close()

    @contextmanager
    def _tx(self, durable: bool = True) -> Iterator[sqlite3.Connection]:
        """A write transaction. ``durable``: fsync'd at commit (what the operator was told
        is saved); the replay's own bookkeeping skips the fsync (WAL still survives a
        crash of the program; after a power cut a command is at worst replayed again,
        which is idempotent: it is still marked "sending")."""
        with self._lock:
            mode = "FULL" if durable else "NORMAL"
            if self._sync_mode != mode:
                self._db.execute(f"PRAGMA synchronous={mode}")
                self._sync_mode = mode
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    # -- writing -------------------------------------------------------------------------
    def enqueue(self, command: Command) -> Command:
        """Store durably; returns the command with its ``seq``. Idempotent on ``uuid``."""
        with self._tx() as db:
            row = db.execute("SELECT seq FROM commands WHERE uuid = ?", (command.uuid,)).fetchone()
            if row is None:
                cur = db.execute(
                    "INSERT INTO commands (uuid, kind, actor, payload, created_at, provisional)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        command.uuid,
                        command.kind,
                        json.dumps(actor_to_json(command.actor)),
                        json.dumps(command.payload, ensure_ascii=False),
                        command.created_at.isoformat(),
                        command.provisional,
                    ),
                )
                seq = int(cur.lastrowid or 0)
            else:
                seq = int(row[0])
        return _with_seq(command, seq)

    def mark_sending(self, seq: int, at: datetime) -> None:
        # durable: after a crash, "sending" is what makes the replay check before resending
        with self._tx() as db:
            db.execute(
                "UPDATE commands SET state='sending', attempts=attempts+1, attempt_at=? "
                "WHERE seq=?",
                (at.isoformat(), seq),
            )

    def mark(
        self,
        seq: int,
        state: str,
        at: datetime,
        result: dict[str, Any] | None = None,
        error: dict[str, Any] | None = None,
    ) -> None:
        with self._tx(durable=False) as db:
            db.execute(
                "UPDATE commands SET state=?, done_at=?, result=?, error=? WHERE seq=?",
                (
                    state,
                    at.isoformat(),
                    json.dumps(result) if result is not None else None,
                    json.dumps(error, ensure_ascii=False, default=str) if error else None,
                    seq,
                ),
            )

    def resolve(self, seq: int, action: str, expected_version: int | None = None) -> None:
        """A person's decision on a parked command: ``retry`` (optionally against the
        version now in the database) or ``discard``."""
        if action not in ("retry", "discard"):
            raise ValueError(action)
        with self._tx() as db:
            row = db.execute("SELECT payload, state FROM commands WHERE seq=?", (seq,)).fetchone()
            if row is None or row[1] not in PARKED:
                return
            if action == "discard":
                db.execute("UPDATE commands SET state='discarded' WHERE seq=?", (seq,))
                return
            payload = json.loads(row[0])
            if expected_version is not None and "expected_version" in payload:
                payload["expected_version"] = expected_version
                # on top of what the database has now, not of an earlier queued change
                payload.pop("after", None)
            db.execute(
                "UPDATE commands SET state='pending', payload=?, error=NULL WHERE seq=?",
                (json.dumps(payload, ensure_ascii=False), seq),
            )

    # -- reading -------------------------------------------------------------------------
    def _select(self, where: str, args: tuple[Any, ...] = ()) -> list[StoredCommand]:
        with self._lock:
            rows = self._db.execute(
                "SELECT seq, uuid, kind, actor, payload, created_at, provisional, state, "
                f"attempts, attempt_at, result, error FROM commands WHERE {where} ORDER BY seq",
                args,
            ).fetchall()
        return [_stored(r) for r in rows]

    def pending(self) -> list[StoredCommand]:
        """Commands still to replay, in order."""
        return self._select("state IN ('pending', 'sending')")

    def parked(self) -> list[StoredCommand]:
        """Commands the database refused, waiting for a person."""
        return self._select("state IN ('conflict', 'failed')")

    def get(self, seq: int) -> StoredCommand | None:
        found = self._select("seq = ?", (seq,))
        return found[0] if found else None

    def by_uuid(self, uuid: str) -> StoredCommand | None:
        found = self._select("uuid = ?", (uuid,))
        return found[0] if found else None

    def all(self) -> list[StoredCommand]:
        return self._select("1=1")

    def count(self, states: tuple[str, ...] = TODO) -> int:
        marks = ",".join("?" * len(states))
        with self._lock:
            return int(
                self._db.execute(
                    f"SELECT count(*) FROM commands WHERE state IN ({marks})", states
                ).fetchone()[0]
            )

    def has_pending(self) -> bool:
        return self.count(TODO) > 0

    def next_provisional_seq(self, workstation_day: str) -> int:
        """How many incidents this outbox has numbered on a WIB day (for provisional numbers)."""
        with self._lock:
            n = self._db.execute(
                "SELECT count(*) FROM commands WHERE kind='create_incident' AND provisional LIKE ?",
                (f"{workstation_day}%",),
            ).fetchone()[0]
        return int(n) + 1

    # -- replaying -----------------------------------------------------------------------
    def replay(
        self,
        services: Services,
        actor_resolver: Callable[[Actor], Actor] | None = None,
        *,
        limit: int | None = None,
    ) -> ReplayReport:
        from .replay import replay

        return replay(self, services, actor_resolver, limit=limit)


def provisional_number(outbox: Outbox, workstation: str, at: datetime) -> str:
    """``SRG-YYYYMMDD-L-<WS>-NNNN``: L for local, the workstation, a per-outbox sequence.

    Never confused with a real number (``SRG-YYYYMMDD-NNNN``); the real one replaces it
    when the outbox replays.
    """
    ws = "".join(ch for ch in workstation.upper() if ch.isalnum())[:10] or "WS"
    prefix = f"SRG-{to_wib(at):%Y%m%d}-L-{ws}-"
    return f"{prefix}{outbox.next_provisional_seq(prefix):04d}"


def _with_seq(command: Command, seq: int) -> Command:
    return Command(
        command.kind,
        command.actor,
        command.payload,
        command.created_at,
        command.uuid,
        command.provisional,
        seq,
    )


def _stored(r: tuple[Any, ...]) -> StoredCommand:
    seq, uuid, kind, actor, payload, created_at, provisional, state, attempts, att, res, err = r
    created = parse_dt(created_at)
    assert created is not None
    cmd = Command(
        kind,
        actor_from_json(json.loads(actor)),
        json.loads(payload),
        created,
        uuid,
        provisional,
        seq,
    )
    return StoredCommand(
        cmd,
        state,
        int(attempts),
        parse_dt(att),
        json.loads(res) if res else None,
        json.loads(err) if err else None,
    )
