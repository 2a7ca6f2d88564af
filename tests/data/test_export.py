"""Export of a period and re-import into an empty database: the same measures.

The history is the demo generator's (realistic outcomes, incidents with their whole
timeline, cancelled ones, duplicate calls), on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import csv
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import sqlalchemy as sa

from siaga_console.data.models import Call, Incident
from siaga_console.domain.enums import Role
from siaga_console.domain.errors import PermissionDenied, ValidationError
from siaga_console.domain.permissions import Actor
from siaga_console.services.calllog import COLUMNS
from siaga_console.services.container import Services
from siaga_console.services.demo import DemoGenerator
from siaga_console.services.exporter import ExportService
from siaga_console.services.importer import ImportService
from siaga_console.services.inputs import CallInput, IncidentInput

from ..conftest import FAST_HASHER, Clock, make_actor

END = datetime(2026, 11, 29, 3, 0, tzinfo=UTC)
START = END - timedelta(days=6)


@pytest.fixture
def empty_services(second_services: Services) -> Services:
    """A second fresh database on the same backend as ``services``."""
    return second_services


@pytest.fixture
def history(services: Services) -> Services:
    DemoGenerator(services.ctx, seed=9, hasher=FAST_HASHER).generate(
        5, calls_per_day=120, valid_share=0.12, end=END - timedelta(days=1)
    )
    return services


@pytest.fixture
def chief(services: Services) -> Actor:
    return make_actor(services, Role.SUPERVISOR)


def measures_equal(a: dict[str, Any], b: dict[str, Any], tol: float = 0.0) -> None:
    assert a.keys() == b.keys()
    for key in a:
        if isinstance(a[key], float) and b[key] is not None and tol:
            assert b[key] == pytest.approx(a[key], abs=tol), key
        else:
            assert a[key] == b[key], key


def test_csv_export_reimports_with_the_same_measures(
    history: Services, empty_services: Services, chief: Actor, tmp_path: Path
) -> None:
    out = tmp_path / "calls.csv"
    summary = ExportService(history.ctx).export_calls(chief, START, END, out)
    original = history.stats.measures(START, END)
    assert summary.calls == original["calls_total"] > 400
    assert summary.incidents == original["incidents_total"] > 20
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8 right
    with out.open(encoding="utf-8-sig") as fh:
        header = next(csv.reader(fh))
    assert tuple(header) == COLUMNS
    boss = make_actor(empty_services, Role.SUPERVISOR)
    r = ImportService(empty_services.ctx).import_file(boss, out)
    assert r.committed and r.bad_rows == 0, r.problems[:3]
    measures_equal(original, empty_services.stats.measures(START, END))
    # and a second import of the same export adds nothing
    again = ImportService(empty_services.ctx).import_file(boss, out)
    assert (again.calls, again.already_present) == (0, summary.calls)


def test_xlsx_export_reimports_with_the_same_measures(
    history: Services, empty_services: Services, chief: Actor, tmp_path: Path
) -> None:
    out = tmp_path / "calls.xlsx"
    summary = ExportService(history.ctx).export_calls(chief, START, END, out)
    wb = openpyxl.load_workbook(out, read_only=True)
    first = next(wb.active.iter_rows(min_row=2, max_row=2, values_only=True))
    wb.close()
    assert isinstance(first[COLUMNS.index("received_at")], datetime)  # real Excel dates
    assert isinstance(first[COLUMNS.index("caller_number")], str)  # +62... stays text
    boss = make_actor(empty_services, Role.SUPERVISOR)
    r = ImportService(empty_services.ctx).import_file(boss, out)
    assert r.committed and r.calls == summary.calls and r.bad_rows == 0
    # Excel keeps milliseconds: intervals agree to the millisecond.
    measures_equal(
        history.stats.measures(START, END), empty_services.stats.measures(START, END), 0.002
    )


def test_an_export_reimported_into_the_same_database_adds_nothing(
    history: Services, chief: Actor, tmp_path: Path
) -> None:
    out = ExportService(history.ctx).export_calls(chief, START, END, tmp_path / "a.csv")
    with history.ctx.read() as s:
        before = s.scalar(sa.select(sa.func.count(Call.id)))
    r = ImportService(history.ctx).import_file(chief, tmp_path / "a.csv")
    assert (r.calls, r.already_present) == (0, out.calls)
    with history.ctx.read() as s:
        assert s.scalar(sa.select(sa.func.count(Call.id))) == before


def test_merged_and_cancelled_incidents(
    services: Services,
    empty_services: Services,
    chief: Actor,
    operator: Actor,
    clock: Clock,
    tmp_path: Path,
) -> None:
    fire = IncidentInput(category_code="fire", latitude=-6.12, longitude=106.15, address="Jl. A")
    a = services.incidents.create_from_call(operator, CallInput("081234567890"), fire)
    clock.advance(minutes=2)
    b = services.incidents.create_from_call(operator, CallInput("081234567891"), fire)
    clock.advance(minutes=1)
    services.incidents.merge(chief, b.id, a.id)
    clock.advance(minutes=1)
    c = services.incidents.create_from_call(operator, CallInput("081234567892"), fire)
    clock.advance(minutes=5)
    services.incidents.change_status(operator, c.id, "cancelled")
    out = tmp_path / "m.csv"
    start, end = clock.now - timedelta(hours=1), clock.now + timedelta(hours=1)
    summary = ExportService(services.ctx).export_calls(chief, start, end, out)
    assert (summary.calls, summary.incidents, summary.relabelled) == (3, 2, 1)
    with out.open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["outcome"] for r in rows] == ["valid", "duplicate", "valid"]
    assert rows[2]["closed_at"] != ""  # the cancellation time
    ImportService(empty_services.ctx).import_file(make_actor(empty_services, Role.SUPERVISOR), out)
    with empty_services.ctx.read() as s:
        statuses = sorted(s.scalars(sa.select(Incident.status)))
    assert statuses == ["closed", "new"]
    original = services.stats.measures(start, end)
    copy = empty_services.stats.measures(start, end)
    assert copy["incidents_total"] == original["incidents_total"] == 2
    assert copy["calls_total"] == original["calls_total"] == 3


def test_bad_requests(services: Services, chief: Actor, operator: Actor, tmp_path: Path) -> None:
    exporter = ExportService(services.ctx)
    with pytest.raises(ValidationError, match="Export to CSV or XLSX"):
        exporter.export_calls(chief, START, END, tmp_path / "a.pdf")
    with pytest.raises(ValidationError, match="not after its start"):
        exporter.export_calls(chief, END, START, tmp_path / "a.csv")
    with pytest.raises(PermissionDenied):
        exporter.export_calls(operator, START, END, tmp_path / "a.csv")
    assert not (tmp_path / "a.csv").exists()
