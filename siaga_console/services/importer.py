"""Import of historic call logs (CSV or XLSX, DOMAIN.md's format) into the console.

One transaction for the whole file: nothing is written unless every row is good, or the
user asked to skip the bad rows. Idempotent: a row whose ``external_id`` (or the call uuid
that an export wrote there) is already in the database is skipped; a row without one gets
a key derived from its cells. Rows are read, checked and inserted in chunks (bulk inserts),
so memory stays flat in the file size; the change feed gets one summary row.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from ..data.models import Call, Incident, IncidentEvent
from ..domain.enums import IncidentStatus
from ..domain.errors import FormErrors, SiagaError, ValidationError
from ..domain.permissions import Action, Actor
from .calllog import (
    ImportError_,
    ImportProgress,
    ImportSummary,
    Preview,
    Problem,
    RawRow,
    open_call_log,
)
from .context import ServiceContext, record_change
from .import_bulk import incident_numbers, new_uuid, write_rows
from .import_rows import Lookups, ParsedRow, RowParser

__all__ = [
    "ImportCancelled",
    "ImportProgress",
    "ImportService",
    "ImportSummary",
    "Preview",
    "Problem",
]

CHUNK = 1000
# Incident status reached by the last timestamp given, and the timeline path to it.
STATUS_PATH: tuple[tuple[str, IncidentStatus], ...] = (
    ("dispatched_at", IncidentStatus.DISPATCHED),
    ("on_scene_at", IncidentStatus.ON_SCENE),
    ("resolved_at", IncidentStatus.RESOLVED),
    ("closed_at", IncidentStatus.CLOSED),
)


class ImportCancelled(SiagaError):
    code = "cancelled"


class _Rollback(Exception):
    def __init__(self, summary: ImportSummary) -> None:
        super().__init__("rollback")
        self.summary = summary


@dataclass
class _Tally:
    rows: int = 0
    calls: int = 0
    incidents: int = 0
    already: int = 0
    bad_count: int = 0
    problems: list[Problem] = field(default_factory=list)
    ignored: int = 0
    open_incidents: int = 0
    max_problems: int = 1000

    # key -> line of its first row in the current chunk (positive) or of a bad row (negative:
    # bad rows are not in the database, so their keys are kept for the rest of the file).
    lines: dict[str, int] = field(default_factory=dict)

    def remember(self, key: str, line: int, *, bad: bool) -> None:
        self.lines[key] = -line if bad else line

    def bad(self, line: int, errors: Sequence[ValidationError]) -> None:
        self.bad_count += 1
        for e in errors:
            if len(self.problems) < self.max_problems:
                self.problems.append(Problem.of(line, e))


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class ImportService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def preview(
        self,
        path: Path | str,
        limit: int = 20,
        encoding: str | None = None,
        sheet: str | None = None,
    ) -> Preview:
        """The header and first rows as text (no database): for the import dialog."""
        path = Path(path)
        rows: list[tuple[int, tuple[str, ...]]] = []
        with open_call_log(path, encoding=encoding, sheet=sheet) as reader:
            for raw in reader.rows():
                rows.append((raw.line, tuple(_cell_text(raw.values[c]) for c in reader.columns)))
                if len(rows) >= limit:
                    break
            return Preview(path.name, reader.kind, reader.encoding, reader.columns, tuple(rows))

    def import_file(
        self,
        actor: Actor,
        path: Path | str,
        *,
        dry_run: bool = False,
        skip_bad: bool = False,
        encoding: str | None = None,
        sheet: str | None = None,
        progress: Callable[[ImportProgress], None] | None = None,
        cancel: Callable[[], bool] | None = None,
        chunk_size: int = CHUNK,
        max_problems: int = 1000,
    ) -> ImportSummary:
        """Check and import a call log; see the module docstring for the rules."""
        actor.require(Action.IMPORT_EXPORT)
        started = time.perf_counter()
        path = Path(path)
        tally = _Tally(max_problems=max_problems)
        now = self.ctx.clock()
        try:
            with (
                open_call_log(path, encoding=encoding, sheet=sheet) as reader,
                self.ctx.transaction() as s,
            ):
                parser = RowParser(Lookups(s), self.ctx.gazetteer, self.ctx.clock)
                max_id = int(s.scalar(select(func.max(Call.id))) or 0)
                batch: list[RawRow] = []
                for raw in reader.rows():
                    batch.append(raw)
                    if len(batch) >= chunk_size:
                        self._chunk(s, batch, parser, max_id, actor, now, path.name, tally)
                        batch = []
                        if progress:
                            progress(ImportProgress(tally.rows, reader.fraction()))
                        if cancel and cancel():
                            raise ImportCancelled("The import was cancelled; nothing was imported")
                if batch:
                    self._chunk(s, batch, parser, max_id, actor, now, path.name, tally)
                if progress:
                    progress(ImportProgress(tally.rows, 1.0))
                commit = not dry_run and (skip_bad or tally.bad_count == 0)
                summary = ImportSummary(
                    file=path.name,
                    kind=reader.kind,
                    encoding=reader.encoding,
                    rows=tally.rows,
                    calls=tally.calls,
                    incidents=tally.incidents,
                    already_present=tally.already,
                    bad_rows=tally.bad_count,
                    problems=tuple(tally.problems),
                    committed=commit,
                    dry_run=dry_run,
                    ignored_incident_columns=tally.ignored,
                    open_incidents=tally.open_incidents,
                    seconds=time.perf_counter() - started,
                )
                if not commit:
                    raise _Rollback(summary)
                if tally.calls:
                    record_change(
                        s,
                        actor,
                        "calls.imported",
                        "import",
                        None,
                        now,
                        {
                            "file": path.name,
                            "calls": tally.calls,
                            "incidents": tally.incidents,
                            "skipped_bad": tally.bad_count,
                            "already_present": tally.already,
                        },
                    )
        except _Rollback as rb:
            return rb.summary
        return summary

    # -- one chunk of rows ---------------------------------------------------------------
    def _chunk(
        self,
        s: Session,
        batch: list[RawRow],
        parser: RowParser,
        max_id: int,
        actor: Actor,
        now: datetime,
        file: str,
        tally: _Tally,
    ) -> None:
        tally.rows += len(batch)
        results: list[tuple[RawRow, str | None, ParsedRow | None, list[ValidationError]]] = []
        for raw in batch:
            ext = str(raw.values.get("external_id") or "").strip() or None
            try:
                row = parser.parse(raw)
                results.append((raw, row.key, row, []))
            except FormErrors as exc:
                results.append((raw, ext, None, list(exc.errors)))
            except ValidationError as exc:
                results.append((raw, ext, None, [exc]))
        keys = list({key for _, key, _, _ in results if key})
        known: dict[str, int] = {}
        if keys:
            for ext_id, call_id in s.execute(
                select(Call.external_id, Call.id).where(Call.external_id.in_(keys))
            ):
                known[str(ext_id)] = int(call_id)
            for uid, call_id in s.execute(select(Call.uuid, Call.id).where(Call.uuid.in_(keys))):
                known[str(uid)] = int(call_id)
        good: list[ParsedRow] = []
        for raw, key, p, errors in results:
            if key:
                existing = known.get(key)
                first = tally.lines.get(key)
                if existing is not None and existing <= max_id:
                    if not errors:
                        tally.already += 1
                        continue
                elif existing is not None or first is not None:
                    errors.append(self._duplicate(key, first))
                else:
                    tally.remember(key, raw.line, bad=bool(errors))
            if errors or p is None:
                tally.bad(raw.line, errors)
            else:
                good.append(p)
        tally.lines = {k: v for k, v in tally.lines.items() if v < 0}  # keep bad rows' keys only
        self._insert(s, good, actor, now, file, tally)

    @staticmethod
    def _duplicate(key: str, first: int | None) -> ImportError_:
        if key.startswith("auto-"):
            if first is None:
                return ImportError_(
                    "This row repeats an earlier row of the file", field="external_id"
                )
            return ImportError_(
                "This row repeats line {first} of the file", field="external_id", first=abs(first)
            )
        if first is None:
            return ImportError_(
                "external_id {value} appears more than once in the file",
                field="external_id",
                value=key,
            )
        return ImportError_(
            "external_id {value} appears more than once in the file (first on line {first})",
            field="external_id",
            value=key,
            first=abs(first),
        )

    def _insert(
        self,
        s: Session,
        rows: list[ParsedRow],
        actor: Actor,
        now: datetime,
        file: str,
        tally: _Tally,
    ) -> None:
        def call_row(p: ParsedRow, incident_id: int | None = None) -> dict[str, Any]:
            return {
                "uuid": new_uuid(),
                "external_id": p.key,
                "received_at": p.received_at,
                "answered_at": p.answered_at,
                "caller_number": p.caller_number,
                "outcome": p.outcome,
                "incident_id": incident_id,
                "operator_id": None,
                "workstation": actor.workstation,
                "note": p.note,
                "created_at": now,
            }

        plain = [call_row(p) for p in rows if p.incident is None]
        tally.ignored += sum(1 for p in rows if p.ignored)
        conn = s.connection()  # Core executemany: the ORM bulk path splits batches by NULLs
        call_table = cast(Table, Call.__table__)
        write_rows(conn, call_table, plain)
        valid = [p for p in rows if p.incident is not None]
        tally.calls += len(rows)
        if not valid:
            return
        numbers = incident_numbers(s, [p.received_at for p in valid])
        incidents = [
            self._incident_row(p, number, actor, now)
            for p, number in zip(valid, numbers, strict=True)
        ]
        tally.incidents += len(valid)
        tally.open_incidents += sum(1 for r in incidents if IncidentStatus(r["status"]).is_open)
        inc_table = cast(Table, Incident.__table__)
        inc_ids = list(
            conn.execute(
                insert(inc_table).returning(inc_table.c.id, sort_by_parameter_order=True),
                incidents,
            ).scalars()
        )
        call_ids = list(
            conn.execute(
                insert(call_table).returning(call_table.c.id, sort_by_parameter_order=True),
                [call_row(p, i) for p, i in zip(valid, inc_ids, strict=True)],
            ).scalars()
        )
        events: list[dict[str, Any]] = []
        for p, inc_id, call_id in zip(valid, inc_ids, call_ids, strict=True):
            events.extend(self._events(p, inc_id, call_id, actor, file))
        event_table = cast(Table, IncidentEvent.__table__)
        write_rows(conn, event_table, events)

    @staticmethod
    def _status(p: ParsedRow) -> IncidentStatus:
        status = IncidentStatus.NEW
        if "en_route_at" in p.times:
            status = IncidentStatus.DISPATCHED
        for col, st in STATUS_PATH:
            if col in p.times:
                status = st
        return status

    def _incident_row(
        self, p: ParsedRow, number: str, actor: Actor, now: datetime
    ) -> dict[str, Any]:
        f = p.incident
        assert f is not None and f.priority is not None
        t = p.times
        return {
            "uuid": new_uuid(),
            "number": number,
            "category_code": f.category_code,
            "priority": f.priority,
            "status": self._status(p).value,
            "kecamatan_code": f.kecamatan_code,
            "kelurahan_code": f.kelurahan_code,
            "address": f.address,
            "landmark": None,
            "latitude": f.latitude,
            "longitude": f.longitude,
            "caller_name": None,
            "description": f.description,
            "sensitive": bool(f.sensitive),
            "first_received_at": p.received_at,
            "first_answered_at": p.answered_at,
            "verified_at": None,
            "dispatched_at": t.get("dispatched_at"),
            "en_route_at": t.get("en_route_at"),
            "on_scene_at": t.get("on_scene_at"),
            "resolved_at": t.get("resolved_at"),
            "closed_at": t.get("closed_at"),
            "cancelled_at": None,
            "merged_into_id": None,
            "created_by_id": actor.user_id,
            "handler_id": None,
            "workstation": actor.workstation,
            "created_at": now,
            "updated_at": max([p.received_at, *t.values()]),
            "version": 1,
        }

    @staticmethod
    def _events(
        p: ParsedRow, inc_id: int, call_id: int, actor: Actor, file: str
    ) -> list[dict[str, Any]]:
        def event(
            at: datetime, kind: str, frm: str | None, to: str | None, text: str | None = None
        ) -> dict[str, Any]:
            return {
                "incident_id": inc_id,
                "at": at,
                "kind": kind,
                "from_status": frm,
                "to_status": to,
                "unit_id": None,
                "call_id": call_id if kind == "created" else None,
                "user_id": actor.user_id,
                "workstation": actor.workstation,
                "text": text,
            }

        out = [
            event(
                p.answered_at or p.received_at,
                "created",
                None,
                IncidentStatus.NEW.value,
                f"import {file}:{p.line}",
            )
        ]
        current = IncidentStatus.NEW.value
        for col, st in STATUS_PATH:
            at = p.times.get(col)
            if at is not None:
                out.append(event(at, "status", current, st.value))
                current = st.value
        return out
