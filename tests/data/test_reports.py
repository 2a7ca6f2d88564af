"""Supervisor reports, handover notes and the CSV/XLSX exports, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
from datetime import UTC, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
import sqlalchemy as sa

from siaga_console.data.models import Call, ChangeFeed, Incident
from siaga_console.domain.enums import Role
from siaga_console.domain.errors import PermissionDenied, ValidationError
from siaga_console.domain.permissions import Actor
from siaga_console.domain.phone import mask_number
from siaga_console.services.container import Services
from siaga_console.services.demo import DemoGenerator
from siaga_console.services.report_files import measure_rows, write_csv, write_xlsx
from siaga_console.services.reports import ReportService, kpi_status, status_at
from siaga_console.services.stats import Period, shift_period

from ..conftest import FAST_HASHER, make_actor


def reports_of(services: Services) -> ReportService:
    return ReportService(services.ctx, services.stats, services.reference)


@pytest.fixture
def history(services: Services) -> Services:
    end = datetime(2026, 11, 29, 3, 0, tzinfo=UTC)  # 10:00 WIB
    DemoGenerator(services.ctx, seed=21, hasher=FAST_HASHER).generate(
        3, calls_per_day=150, end=end, open_incidents=6
    )
    return services


def _period(services: Services, key: str) -> Period:
    return shift_period(services.reference.schedule().parse(key))


def test_report_of_a_shift(history: Services, supervisor: Actor) -> None:
    rs = reports_of(history)
    period = _period(history, "2026-11-28/siang")
    rep = rs.build(supervisor, period)
    assert rep.snapshot.measures == history.stats.measures(period.start, period.end)
    assert len(rep.calls) == rep.snapshot.measures["calls_total"] > 0
    assert not rep.numbers_masked and rep.is_demo
    assert rep.trend is not None and rep.trend.periods[-1].shift_key == "2026-11-28/siang"
    # the calls are the period's, full numbers for a supervisor
    with history.ctx.read() as s:
        numbers = sorted(
            s.scalars(
                sa.select(Call.caller_number).where(
                    Call.received_at >= period.start, Call.received_at < period.end
                )
            )
        )
    assert sorted(c.caller_number for c in rep.calls) == numbers
    # open incidents at the end of the shift, with their status then
    with history.ctx.read() as s:
        incs = list(s.scalars(sa.select(Incident)))
    want = {}
    for i in incs:
        done = i.resolved_at or i.cancelled_at or i.closed_at
        if i.first_received_at < period.end and (done is None or done >= period.end):
            want[i.number] = status_at(i, period.end)
    assert {o.number: o.status_at_end for o in rep.open_incidents} == want
    assert len(rep.open_incidents) == rep.snapshot.breakdown.open_at_end
    prios = [o.priority for o in rep.open_incidents]
    assert prios == sorted(prios)


def test_status_at_follows_the_timestamps(history: Services) -> None:
    with history.ctx.read() as s:
        inc = s.scalars(sa.select(Incident).where(Incident.on_scene_at.is_not(None)).limit(1)).one()
    assert inc.dispatched_at and inc.on_scene_at
    assert status_at(inc, inc.first_received_at) == "new"
    assert status_at(inc, inc.on_scene_at) == "dispatched"  # at that very moment: not yet
    assert status_at(inc, inc.on_scene_at + timedelta(seconds=1)) == "on_scene"


def test_numbers_masked_unless_allowed(history: Services, supervisor: Actor) -> None:
    rs = reports_of(history)
    period = _period(history, "2026-11-28/pagi")
    full = rs.build(supervisor, period, with_trend=False)
    masked = rs.build(supervisor, period, with_trend=False, reveal_numbers=False)
    assert masked.numbers_masked
    assert [c.caller_number for c in masked.calls] == [
        mask_number(c.caller_number) for c in full.calls
    ]
    assert any("*" in c.caller_number for c in masked.calls)


def test_sensitive_addresses_hidden_on_request(history: Services, supervisor: Actor) -> None:
    with history.ctx.transaction() as s:
        s.execute(sa.update(Incident).values(sensitive=True))
    rs = reports_of(history)
    end = datetime(2026, 11, 29, 3, 0, tzinfo=UTC)
    shown = rs.open_incidents(end, show_sensitive=True)
    hidden = rs.open_incidents(end, show_sensitive=False)
    assert shown and all(o.address for o in shown)
    assert all(o.address is None for o in hidden)


def test_reports_need_the_right(history: Services, operator: Actor) -> None:
    rs = reports_of(history)
    with pytest.raises(PermissionDenied):
        rs.build(operator, _period(history, "2026-11-28/pagi"))
    # the dashboard's snapshot is for everyone
    snap = rs.snapshot(_period(history, "2026-11-28/pagi"))
    assert snap.measures["calls_total"] > 0


def test_empty_period_report(services: Services, supervisor: Actor, tmp_path: Path) -> None:
    rs = reports_of(services)
    rep = rs.build(supervisor, _period(services, "2020-01-01/malam"))
    assert rep.snapshot.is_empty and rep.calls == () and rep.open_incidents == ()
    assert all(r.value in (0, None) for r in measure_rows(rep.snapshot))
    assert {r.status for r in measure_rows(rep.snapshot)} == {"none"}
    write_csv(rep, tmp_path / "e.csv", {})
    write_xlsx(rep, tmp_path / "e.xlsx", {})
    assert (tmp_path / "e.csv").stat().st_size > 0


def test_handover_notes(services: Services, supervisor: Actor, operator: Actor) -> None:
    rs = reports_of(services)
    a = rs.add_note(supervisor, "2026-11-29/PAGI ", "Truk Damkar-02 masih di bengkel.")
    services.ctx.clock.advance(minutes=5)  # type: ignore[attr-defined]
    rs.add_note(supervisor, "2026-11-29/pagi", "  KDRT di Kasemen: tindak lanjut PPA besok. ")
    rs.add_note(supervisor, "2026-11-29/siang", "lain shift")
    notes = rs.notes(supervisor, "2026-11-29/pagi")
    assert [n.text for n in notes] == [
        "Truk Damkar-02 masih di bengkel.",
        "KDRT di Kasemen: tindak lanjut PPA besok.",
    ]
    assert a.shift_key == "2026-11-29/pagi" and notes[0].author == supervisor.username.title()
    with services.ctx.read() as s:
        kinds = list(s.scalars(sa.select(ChangeFeed.kind)))
    assert kinds.count("handover.added") == 3
    with pytest.raises(PermissionDenied):
        rs.add_note(operator, "2026-11-29/pagi", "x")
    with pytest.raises(PermissionDenied):
        rs.notes(operator, "2026-11-29/pagi")
    for key, text in (
        ("2026-11-29/subuh", "x"),
        ("29-11-2026/pagi", "x"),
        ("2026-11-29/pagi", "   "),
        ("2026-11-29/pagi", "x" * 4001),
    ):
        with pytest.raises(ValidationError):
            rs.add_note(supervisor, key, text)
    rep = rs.build(supervisor, _period(services, "2026-11-29/pagi"), with_trend=False)
    assert [n.text for n in rep.notes] == [n.text for n in notes]


def _csv_sections(path: Path) -> dict[str, list[list[str]]]:
    out: dict[str, list[list[str]]] = {}
    current = None
    with path.open(encoding="utf-8-sig", newline="") as f:
        for row in csv.reader(f):
            if row and row[0].startswith("# ") and len(row) == 1:
                current = row[0][2:]
                out[current] = []
            elif row and current is not None:
                out[current].append(row)
    return out


def test_csv_and_xlsx_exports(history: Services, supervisor: Actor, tmp_path: Path) -> None:
    rs = reports_of(history)
    rs.add_note(supervisor, "2026-11-28/siang", "Serah terima: aman.")
    rep = rs.build(supervisor, _period(history, "2026-11-28/siang"), reveal_numbers=False)
    texts = {"s.measures": "Ukuran", "s.calls": "Panggilan", "m.calls_total": "Jumlah panggilan"}
    sec = _csv_sections(write_csv(rep, tmp_path / "r.csv", texts))
    measures = {r[0]: r for r in sec["Ukuran"][1:]}
    assert measures["calls_total"][1] == "Jumlah panggilan"
    assert int(measures["calls_total"][2]) == rep.snapshot.measures["calls_total"]
    p90 = rep.snapshot.measures["answer_s_p90"]
    assert float(measures["answer_s_p90"][2]) == pytest.approx(p90, abs=0.01)
    assert measures["answered_within_15s_pct"][4] == "≥ 90"
    calls = sec["Panggilan"][1:]
    assert len(calls) == rep.snapshot.measures["calls_total"]
    assert all(c[2] == "hidden" or "*" in c[2] for c in calls)  # masked
    assert calls[0][0].startswith("2026-11-28 15:")  # WIB
    assert [r[2] for r in sec["s.notes"][1:]] == ["Serah terima: aman."]

    wb = openpyxl.load_workbook(write_xlsx(rep, tmp_path / "r.xlsx", texts), read_only=True)
    assert "Ukuran" in wb.sheetnames and "Panggilan" in wb.sheetnames
    rows = list(wb["Panggilan"].iter_rows(values_only=True))
    assert len(rows) - 1 == rep.snapshot.measures["calls_total"]
    assert isinstance(rows[1][0], datetime) and rows[1][0].hour == 15
    m = {r[0]: r for r in wb["Ukuran"].iter_rows(values_only=True)}
    assert m["calls_total"][2] == rep.snapshot.measures["calls_total"]
    wb.close()


def test_kpi_status() -> None:
    assert kpi_status(92, 90, margin=10) == "good"
    assert kpi_status(85, 90, margin=10) == "warn"
    assert kpi_status(70, 90, margin=10) == "bad"
    assert kpi_status(12, 15, higher_is_better=False, margin=5) == "good"
    assert kpi_status(19, 15, higher_is_better=False, margin=5) == "warn"
    assert kpi_status(25, 15, higher_is_better=False, margin=5) == "bad"
    assert kpi_status(None, 90, margin=10) == "none"


def test_admin_sees_reports_too(services: Services) -> None:
    admin = make_actor(services, Role.ADMIN)
    rep = reports_of(services).build(admin, _period(services, "2026-11-29/pagi"))
    assert not rep.numbers_masked
