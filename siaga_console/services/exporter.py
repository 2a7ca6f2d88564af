"""Export of the calls and incidents of a period, in the call-log format (CSV or XLSX).

The columns are the import format's, so an export re-imports into an empty database with
the same measures (tests/data/test_export.py checks it with StatsService.measures). One row
a call; the incident's columns are on its first valid call. What the format cannot carry:

- links of ``duplicate`` calls to their incident (the calls keep their outcome);
- a second ``valid`` call of one incident (after a merge) is written as ``duplicate``;
- a cancelled incident is written with ``closed_at`` = its cancellation time;
- units, notes and the timeline (EIDO carries those: services/eido/).

Rows are streamed from the database (``yield_per``) straight into the file.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from ..data.models import Call, Incident
from ..domain.enums import CallOutcome, IncidentStatus
from ..domain.errors import SiagaError, ValidationError
from ..domain.permissions import Action, Actor
from ..domain.phone import mask_number
from ..domain.timeutil import to_wib
from .calllog import COLUMNS
from .context import ServiceContext
from .incidents import can_see_details
from .readers import NameCache

TIME_FORMAT_XLSX = "yyyy-mm-dd hh:mm:ss"
INCIDENT_TIME_COLUMNS = ("dispatched_at", "en_route_at", "on_scene_at", "resolved_at")
INCIDENT_FIELDS = (
    "id",
    "status",
    "category_code",
    "priority",
    "kecamatan_code",
    "kelurahan_code",
    "address",
    "latitude",
    "longitude",
    "description",
    *INCIDENT_TIME_COLUMNS,
    "closed_at",
    "cancelled_at",
    "sensitive",
    "handler_id",
    "created_by_id",
)


@dataclass(frozen=True, slots=True)
class ExportSummary:
    file: str
    kind: str
    calls: int
    incidents: int
    relabelled: int  # extra valid calls of one incident written as duplicate
    seconds: float


class ExportCancelled(SiagaError):
    code = "cancelled"


def export_kind(path: Path, kind: str | None = None) -> str:
    kind = (kind or path.suffix.lstrip(".")).lower()
    if kind not in ("csv", "xlsx"):
        raise ValidationError(
            "Export to CSV or XLSX: {name} has neither extension", field="path", name=path.name
        )
    return kind


class ExportService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def export_calls(
        self,
        actor: Actor,
        start: datetime,
        end: datetime,
        path: Path | str,
        *,
        kind: str | None = None,
        progress: Callable[[int, int], None] | None = None,
        cancel: Callable[[], bool] | None = None,
    ) -> ExportSummary:
        """Write the calls received in [start, end) to ``path`` (written atomically)."""
        actor.require(Action.IMPORT_EXPORT)
        if end <= start:
            raise ValidationError("The end of the period is not after its start", field="to")
        started = time.perf_counter()
        path = Path(path)
        kind = export_kind(path, kind)
        tmp = path.with_name(f".{path.name}.part")
        counts = {"calls": 0, "incidents": 0, "relabelled": 0}
        with self.ctx.read() as s:
            total = int(
                s.scalar(
                    select(func.count(Call.id)).where(
                        Call.received_at >= start, Call.received_at < end
                    )
                )
                or 0
            )
            names = NameCache(s)
            rows = self._rows(s, actor, start, end, names, counts)

            def counted() -> Iterator[list[Any]]:
                for n, row in enumerate(rows, start=1):
                    yield row
                    if n % 2000 == 0:
                        if progress:
                            progress(n, total)
                        if cancel and cancel():
                            raise ExportCancelled("The export was cancelled")

            try:
                if kind == "csv":
                    _write_csv(tmp, counted())
                else:
                    _write_xlsx(tmp, counted())
            except BaseException:
                tmp.unlink(missing_ok=True)
                raise
        try:
            tmp.replace(path)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise ValidationError(
                "Cannot write {path}: {reason}", field="path", path=str(path), reason=str(exc)
            ) from exc
        if progress:
            progress(counts["calls"], total)
        return ExportSummary(
            path.name,
            kind,
            counts["calls"],
            counts["incidents"],
            counts["relabelled"],
            time.perf_counter() - started,
        )

    def _rows(
        self,
        s: Any,
        actor: Actor,
        start: datetime,
        end: datetime,
        names: NameCache,
        counts: dict[str, int],
    ) -> Iterator[list[Any]]:
        see_numbers = actor.can(Action.SEE_CALLER_NUMBERS)
        call_cols = [Call.external_id, Call.uuid, Call.received_at, Call.answered_at]
        call_cols += [Call.caller_number, Call.outcome, Call.note]
        q = (
            select(*call_cols, *(getattr(Incident, c).label(f"i_{c}") for c in INCIDENT_FIELDS))
            .outerjoin(Incident, Incident.id == Call.incident_id)
            .where(Call.received_at >= start, Call.received_at < end)
            .order_by(Call.received_at, Call.id)
            .execution_options(yield_per=2000)
        )
        done: set[int] = set()  # incidents whose row is written (a few per thousand calls)
        for r in s.execute(q):
            counts["calls"] += 1
            row: dict[str, Any] = dict.fromkeys(COLUMNS)
            row["external_id"] = r.external_id or r.uuid
            row["received_at"] = r.received_at
            row["answered_at"] = r.answered_at
            row["caller_number"] = r.caller_number if see_numbers else mask_number(r.caller_number)
            row["outcome"] = r.outcome
            row["description"] = r.note
            if r.outcome == CallOutcome.VALID.value and r.i_id is not None:
                if r.i_id in done or r.i_status == IncidentStatus.MERGED.value:
                    row["outcome"] = CallOutcome.DUPLICATE.value
                    counts["relabelled"] += 1
                else:
                    done.add(r.i_id)
                    counts["incidents"] += 1
                    inc = {c: getattr(r, f"i_{c}") for c in INCIDENT_FIELDS}
                    self._incident_cells(row, inc, names, _visible(actor, inc))
            yield [row[c] for c in COLUMNS]

    @staticmethod
    def _incident_cells(
        row: dict[str, Any], inc: dict[str, Any], names: NameCache, full: bool
    ) -> None:
        row["category"] = inc["category_code"]
        row["priority"] = inc["priority"]
        row["kecamatan"] = names.kecamatan.get(inc["kecamatan_code"] or "")
        row["kelurahan"] = names.kelurahan.get(inc["kelurahan_code"] or "")
        row["address"] = inc["address"] if full else None
        row["latitude"] = inc["latitude"]
        row["longitude"] = inc["longitude"]
        row["description"] = inc["description"] if full else None
        for col in INCIDENT_TIME_COLUMNS:
            row[col] = inc[col]
        row["closed_at"] = inc["closed_at"] or (
            inc["cancelled_at"] if inc["status"] == IncidentStatus.CANCELLED.value else None
        )


def _visible(actor: Actor, inc: dict[str, Any]) -> bool:
    """``incidents.can_see_details`` on a row (sensitive details for those allowed)."""
    return can_see_details(
        actor,
        Incident(
            sensitive=inc["sensitive"],
            handler_id=inc["handler_id"],
            created_by_id=inc["created_by_id"],
        ),
    )


def _csv_cell(value: Any) -> Any:
    if isinstance(value, datetime):
        return to_wib(value).isoformat()
    if isinstance(value, float):
        return repr(value)
    return "" if value is None else value


def _write_csv(path: Path, rows: Iterator[list[Any]]) -> None:
    # UTF-8 with a BOM: Excel then opens Indonesian text correctly; the importer accepts it.
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(COLUMNS)
        for row in rows:
            w.writerow([_csv_cell(v) for v in row])


def _write_xlsx(path: Path, rows: Iterator[list[Any]]) -> None:
    import openpyxl
    from openpyxl.cell import WriteOnlyCell

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("calls")
    ws.append(list(COLUMNS))
    for row in rows:
        cells: list[Any] = []
        for value in row:
            if isinstance(value, datetime):
                # Excel has no time zones: naive WIB (the import format's rule), millisecond
                # precision (what openpyxl reads back).
                cell = WriteOnlyCell(ws, value=to_wib(value).replace(tzinfo=None))
                cell.number_format = TIME_FORMAT_XLSX
                cells.append(cell)
            else:
                cells.append(value)
        ws.append(cells)
    wb.save(path)
