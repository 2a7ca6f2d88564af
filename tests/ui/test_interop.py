"""The Data menu's dialogs and the delivery-state widget, with real services on SQLite."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QMenu, QMessageBox

from siaga_console.config import Config
from siaga_console.data.engine import make_engine
from siaga_console.data.models import Agency, Call, Incident, Unit
from siaga_console.domain.enums import Role
from siaga_console.domain.permissions import Actor
from siaga_console.resources import gazetteer
from siaga_console.services.calllog import COLUMNS
from siaga_console.services.container import Services, build_services
from siaga_console.services.inputs import CallInput, IncidentInput
from siaga_console.ui.interop import DeliveryStateWidget, InteropFeature
from siaga_console.ui.interop.eido_import import EidoImportDialog
from siaga_console.ui.interop.export_dialog import EidoExportDialog, ExportDialog
from siaga_console.ui.interop.import_dialog import ImportCallsDialog
from siaga_console.ui.main_window import MainWindow
from siaga_console.ui.session import AppSession
from siaga_console.ui.worker import DbWorker

from ..conftest import Clock, make_actor

SAMPLE = Path(__file__).parents[1] / "data" / "eido" / "Samples" / "Sample call transfer EIDO.json"


@pytest.fixture
def svc(sqlite_template: Path, tmp_path: Path) -> Iterator[Services]:
    path = tmp_path / "ui.db"
    shutil.copy(sqlite_template, path)
    clock = Clock(datetime(2026, 11, 29, 3, 0, tzinfo=UTC))
    services = build_services(make_engine(f"sqlite:///{path}"), gazetteer(), clock)
    yield services
    services.close()


@pytest.fixture
def session(svc: Services, qtbot: Any) -> Iterator[AppSession]:
    worker = DbWorker()
    chief = make_actor(svc, Role.SUPERVISOR, "kepala")
    s = AppSession(Config(), "sqlite:///ui.db", worker, language="en", services=svc, actor=chief)
    yield s
    worker.stop()


def write_log(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(COLUMNS)
        for row in rows:
            w.writerow([row.get(c, "") for c in COLUMNS])
    return path


def prank(i: int) -> dict[str, str]:
    return {
        "external_id": f"P-{i}",
        "received_at": f"2026-11-01 {8 + i // 3600 % 12:02d}:{i // 60 % 60:02d}:{i % 60:02d}",
        "caller_number": f"0812{10000000 + i}",
        "outcome": "prank",
    }


def counts(svc: Services) -> tuple[int, int]:
    with svc.ctx.read() as s:
        calls = int(s.scalar(sa.select(sa.func.count(Call.id))) or 0)
        incidents = int(s.scalar(sa.select(sa.func.count(Incident.id))) or 0)
    return calls, incidents


def test_preview_problems_then_skip_bad_import(
    session: AppSession, svc: Services, qtbot: Any, tmp_path: Path
) -> None:
    rows = [prank(i) for i in range(30)]
    rows[4]["received_at"] = "29/11/2026 10:00"  # line 6
    rows[9]["kecamatan"] = "x"  # ignored: not a valid call
    rows.append(
        {
            "external_id": "V-1",
            "received_at": "2026-11-01 10:00:00",
            "outcome": "valid",
            "category": "fire",
            "kecamatan": "Atlantis",
        }
    )
    dlg = ImportCallsDialog(session)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.set_file(write_log(tmp_path / "log.csv", rows))
    qtbot.waitUntil(lambda: dlg.problems.rowCount() == 2, timeout=15_000)
    assert dlg.preview.rowCount() == 20 and dlg.preview.columnCount() == len(COLUMNS)
    assert dlg.preview.verticalHeaderItem(0).text() == "2"  # line numbers of the file
    assert [dlg.problems.item(r, 0).text() for r in range(2)] == ["6", "32"]
    assert "29/11/2026 10:00" in dlg.problems.item(0, 2).text()
    assert dlg.problems.item(1, 2).text() == "Unknown kecamatan Atlantis"
    assert "2 bad rows" in dlg.summary.text()
    assert not dlg.btn_import.isEnabled()  # all or nothing by default
    assert counts(svc) == (0, 0)  # the check wrote nothing
    dlg.skip_bad.setChecked(True)
    assert dlg.btn_import.isEnabled()
    dlg.btn_import.click()
    qtbot.waitUntil(lambda: dlg.summary.text().startswith("Imported"), timeout=15_000)
    assert counts(svc) == (29, 0)
    assert dlg.progress.value() == 100


def test_a_big_import_keeps_the_gui_responsive(
    session: AppSession, svc: Services, qtbot: Any, tmp_path: Path
) -> None:
    path = write_log(tmp_path / "big.csv", [prank(i) for i in range(12_000)])
    dlg = ImportCallsDialog(session)
    qtbot.addWidget(dlg)
    ticks: list[int] = []
    progress: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    dlg.progress.valueChanged.connect(progress.append)
    dlg.set_file(path)
    qtbot.waitUntil(lambda: dlg.btn_import.isEnabled(), timeout=60_000)
    ticks_during_check = len(ticks)
    dlg.btn_import.click()
    qtbot.waitUntil(lambda: dlg.summary.text().startswith("Imported"), timeout=60_000)
    timer.stop()
    assert counts(svc) == (12_000, 0)
    # The event loop kept running (the timer fired) while the rows were read and written,
    # and the progress bar moved through intermediate values.
    assert ticks_during_check >= 3 and len(ticks) > ticks_during_check
    assert any(0 < v < 100 for v in progress) and progress[-1] == 100


def test_a_wrong_file_says_why(session: AppSession, qtbot: Any, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("id;when;what\n1;2;3\n", encoding="utf-8")
    dlg = ImportCallsDialog(session)
    qtbot.addWidget(dlg)
    dlg.set_file(bad)
    qtbot.waitUntil(lambda: "Unknown column names" in dlg.summary.text(), timeout=10_000)
    assert "id, when, what" in dlg.summary.text()
    assert not dlg.btn_import.isEnabled() and dlg.file.isEnabled()


def test_export_dialog_writes_a_reimportable_file(
    session: AppSession, svc: Services, qtbot: Any, tmp_path: Path
) -> None:
    op = make_actor(svc, Role.OPERATOR)
    svc.incidents.create_from_call(
        op,
        CallInput("081234567890"),
        IncidentInput(category_code="fire", latitude=-6.12, longitude=106.15),
    )
    dlg = ExportDialog(session)
    qtbot.addWidget(dlg)
    dlg.xlsx.setChecked(True)
    dlg.file.edit.setText(str(tmp_path / "out"))
    dlg.run()
    qtbot.waitUntil(lambda: dlg.status.text().startswith("Written"), timeout=15_000)
    assert dlg.status.text() == "Written: out.xlsx (1 calls, 1 incidents)."
    assert (tmp_path / "out.xlsx").exists()


def test_eido_dialogs(session: AppSession, svc: Services, qtbot: Any, tmp_path: Path) -> None:
    dlg = EidoImportDialog(session)
    qtbot.addWidget(dlg)
    dlg.set_file(SAMPLE)
    qtbot.waitUntil(lambda: dlg.btn_import.isEnabled(), timeout=15_000)
    assert dlg.status.text().startswith("Valid EIDO document: one incident with 1 calls")
    assert dlg.details.count() == 1 and "additionalDataComponent" in dlg.details.item(0).text()
    assert counts(svc) == (0, 0)
    dlg.btn_import.click()
    qtbot.waitUntil(lambda: dlg.status.text().startswith("Imported as incident"), timeout=15_000)
    assert counts(svc) == (1, 1)
    number = dlg.status.text().split()[-1].rstrip(".")

    out = tmp_path / "one.json"
    exp = EidoExportDialog(session, number=number)
    qtbot.addWidget(exp)
    exp.target.edit.setText(str(out))
    exp.run()
    qtbot.waitUntil(lambda: exp.status.text().startswith("EIDO of"), timeout=15_000)
    assert out.read_text(encoding="utf-8").lstrip().startswith("{")
    exp.number.setText("SRG-19990101-0001")
    exp.run()
    qtbot.waitUntil(lambda: "does not exist" in exp.status.text(), timeout=15_000)


def test_delivery_state_widget(
    session: AppSession, svc: Services, qtbot: Any, tmp_path: Path
) -> None:
    with svc.ctx.transaction() as s:
        agency = s.get(Agency, "damkar")
        assert agency is not None
        agency.channel_kind, agency.channel_target = "telegram", "-1001"
        ids = []
        for sign, ag in (("DAMKAR-01", "damkar"), ("PSC-01", "psc119")):
            u = Unit(
                call_sign=sign,
                agency_code=ag,
                unit_type="x",
                status="available",
                status_changed_at=svc.ctx.clock(),
                active=True,
            )
            s.add(u)
            s.flush()
            ids.append(u.id)
    op = make_actor(svc, Role.OPERATOR)
    inc = svc.incidents.create_from_call(
        op,
        CallInput("081234567890"),
        IncidentInput(category_code="medical", latitude=-6.12, longitude=106.15),
    )
    w = DeliveryStateWidget(session, None)
    qtbot.addWidget(w)
    w.show()
    assert w.empty.isVisible() and not w.table.isVisible()
    w.set_incident(inc.id)
    svc.dispatch.dispatch(op, inc.id, ids)
    w.refresh()
    qtbot.waitUntil(lambda: w.table.rowCount() == 2, timeout=10_000)
    cells = [(w.table.item(r, 0).text(), w.table.item(r, 1).text()) for r in range(2)]
    assert cells == [("Damkar", "Queued"), ("PSC 119", "No channel: call the unit")]
    w.table.selectRow(0)
    assert not w.resend.isEnabled()  # queued: nothing to resend
    w.table.selectRow(1)
    assert w.resend.isEnabled()


def test_install_adds_the_data_menu(
    session: AppSession, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(session, QSettings(str(tmp_path / "l.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    feature = InteropFeature(window, session, notifier=False)
    menus = {m.objectName(): m for m in window.menuBar().findChildren(QMenu)}
    names = [a.objectName() for a in menus["menu_data"].actions() if a.objectName()]
    assert names == ["act_import_calls", "act_export", "act_export_eido", "act_import_eido"]
    dlg = feature.import_calls()
    assert isinstance(dlg, ImportCallsDialog)
    qtbot.addWidget(dlg)
    # an operator may not import or export: told so, no dialog
    session.actor = Actor(None, "op", Role.OPERATOR, "WS")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    assert feature.export() is None
    assert shown == ["op (Operator) may not import_export"]
