"""The dispatcher's main screen, driven through its real widgets (pytest-qt, offscreen)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from siaga_console.data.models import Call, ChangeFeed, Incident, IncidentEvent, Unit
from siaga_console.domain.enums import Role
from siaga_console.services.container import Services
from siaga_console.services.inputs import CallInput, IncidentInput
from siaga_console.ui.queue import QueueFeature
from siaga_console.ui.queue.dispatch_dialog import DispatchDialog

from ..conftest import Clock, make_actor
from .console import open_console
from .console import sqlite_services as make_sqlite_services


def table_counts(services: Services) -> dict[str, int]:
    with services.ctx.read() as s:
        return {
            m.__tablename__: int(s.scalar(sa.select(sa.func.count()).select_from(m)) or 0)
            for m in (Call, Incident, IncidentEvent, ChangeFeed)
        }


def feature(session: object) -> QueueFeature:
    f = session.extra["queue"]  # type: ignore[attr-defined]
    assert isinstance(f, QueueFeature)
    return f


@pytest.fixture
def sqlite_services(sqlite_template: Path, tmp_path: Path, clock: Clock) -> Iterator[Services]:
    """The widget tests drive SQLite; the services below them are tested on both databases."""
    services = make_sqlite_services(sqlite_template, tmp_path, clock)
    yield services
    services.close()


def test_one_key_logs_a_prank_call(qtbot, sqlite_services: Services, tmp_path: Path) -> None:
    services = sqlite_services
    actor = make_actor(services, Role.OPERATOR)
    with open_console(qtbot, services, actor, tmp_path) as (window, session):
        f = feature(session)
        qtbot.keyClick(window, Qt.Key.Key_F2)
        qtbot.keyClicks(f.intake.number, "0812-3456-7890")
        before = table_counts(services)["calls"]
        qtbot.keyClick(f.intake.number, Qt.Key.Key_F5)  # one keystroke
        qtbot.waitUntil(lambda: table_counts(services)["calls"] == before + 1, timeout=10000)
        with services.ctx.read() as s:
            call = s.scalars(sa.select(Call).order_by(Call.id.desc())).first()
        assert call is not None
        assert (call.outcome, call.caller_number, call.operator_id) == (
            "prank",
            "+6281234567890",
            actor.user_id,
        )
        qtbot.waitUntil(lambda: f.intake.number.text() == "", timeout=3000)  # panel cleared
        assert f.intake.lbl_result.text() == "Tercatat: Iseng · 0812-3456-7890"
        # Without F2 first: a silent call from a hidden number, still one key.
        qtbot.keyClick(window, Qt.Key.Key_F6)
        qtbot.waitUntil(lambda: table_counts(services)["calls"] == before + 2, timeout=10000)


def test_bad_number_keeps_what_was_typed(qtbot, sqlite_services: Services, tmp_path: Path) -> None:
    services = sqlite_services
    with open_console(qtbot, services, make_actor(services), tmp_path) as (_window, session):
        f = feature(session)
        qtbot.keyClicks(f.intake.number, "12ab")
        before = table_counts(services)
        qtbot.keyClick(f.intake.number, Qt.Key.Key_F5)
        qtbot.waitUntil(lambda: f.intake.lbl_number_error.text() != "", timeout=10000)
        assert (
            "Bukan nomor telepon" in f.intake.lbl_number_error.text()
            or "phone number" in f.intake.lbl_number_error.text()
        )
        assert f.intake.number.text() == "12ab"
        assert table_counts(services) == before


def fill_fire_form(qtbot, f: QueueFeature) -> None:
    form = f.form
    form.category.setCurrentIndex(form.category.findData("fire"))
    form.latitude.setText("-6.12")
    form.longitude.setText("106.15")
    qtbot.keyClicks(form.address, "Jl. Ahmad Yani No. 5")
    form.description.setPlainText("Asap tebal dari rumah warga")


def test_create_a_valid_incident_through_the_form(
    qtbot, sqlite_services: Services, tmp_path: Path
) -> None:
    services = sqlite_services
    with open_console(qtbot, services, make_actor(services), tmp_path) as (window, session):
        f = feature(session)
        qtbot.keyClick(window, Qt.Key.Key_F2)
        qtbot.keyClicks(f.intake.number, "081234567890")
        qtbot.keyClick(window, Qt.Key.Key_F3)
        assert f.intake.form_box.isVisible()
        # An empty category is refused, nothing typed is lost, nothing written.
        qtbot.keyClicks(f.form.address, "Jl. Veteran")
        before = table_counts(services)
        f.form.btn_save.click()
        qtbot.waitUntil(lambda: f.form.error_labels["category_code"].isVisible(), timeout=10000)
        assert f.form.address.text() == "Jl. Veteran"
        assert table_counts(services) == before
        f.form.address.clear()
        fill_fire_form(qtbot, f)
        assert f.form.priority.currentData() == 1  # the category's default priority
        qtbot.keyClick(f.form.address, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(
            lambda: table_counts(services)["incidents"] == before["incidents"] + 1, timeout=10000
        )
        row = services.incidents.queue()[0]
        assert (row.kecamatan, row.kelurahan, row.priority) == ("Serang", "Serang", 1)
        qtbot.waitUntil(lambda: f.model.position_of(row.id) is not None, timeout=3000)
        qtbot.waitUntil(
            lambda: f.detail.detail is not None and f.detail.detail.row.id == row.id, timeout=3000
        )


def test_coordinates_outside_the_city_are_refused(
    qtbot, sqlite_services: Services, tmp_path: Path
) -> None:
    services = sqlite_services
    with open_console(qtbot, services, make_actor(services), tmp_path) as (window, session):
        f = feature(session)
        qtbot.keyClick(window, Qt.Key.Key_F3)
        f.form.category.setCurrentIndex(f.form.category.findData("fire"))
        f.form.latitude.setText("-6.2")
        f.form.longitude.setText("106.8")  # Jakarta
        before = table_counts(services)
        f.form.btn_save.click()
        qtbot.waitUntil(lambda: f.form.error_labels["latitude"].isVisible(), timeout=10000)
        assert (
            "luar Kota Serang" in f.form.error_labels["latitude"].text()
            or "outside Kota Serang" in f.form.error_labels["latitude"].text()
        )
        assert f.form.latitude.text() == "-6.2"
        assert table_counts(services) == before


def test_duplicate_is_proposed_and_linked(
    qtbot, sqlite_services: Services, tmp_path: Path, clock: Clock
) -> None:
    services = sqlite_services
    actor = make_actor(services)
    first = services.incidents.create_from_call(
        actor,
        CallInput("081200000001"),
        IncidentInput(category_code="fire", latitude=-6.12, longitude=106.15),
    )
    clock.advance(minutes=4)
    with open_console(qtbot, services, actor, tmp_path) as (window, session):
        f = feature(session)
        qtbot.keyClick(window, Qt.Key.Key_F2)
        qtbot.keyClicks(f.intake.number, "081200000002")
        qtbot.keyClick(window, Qt.Key.Key_F3)
        f.form.category.setCurrentIndex(f.form.category.findData("fire"))
        f.form.latitude.setText("-6.1203")
        f.form.longitude.setText("106.1504")
        qtbot.waitUntil(lambda: f.form.dup_box.isVisible(), timeout=10000)
        assert f.form.dup_list.count() == 1 and first.number in f.form.dup_list.item(0).text()
        before = table_counts(services)
        qtbot.keyClick(f.form.latitude, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(
            lambda: table_counts(services)["calls"] == before["calls"] + 1, timeout=10000
        )
        assert table_counts(services)["incidents"] == before["incidents"]
        with services.ctx.read() as s:
            call = s.scalars(sa.select(Call).order_by(Call.id.desc())).first()
        assert call is not None and (call.outcome, call.incident_id) == ("duplicate", first.id)


def test_dispatch_changes_queue_and_unit_board(
    qtbot, sqlite_services: Services, tmp_path: Path, monkeypatch
) -> None:
    services = sqlite_services
    actor = make_actor(services)
    row = services.incidents.create_from_call(
        actor, CallInput(""), IncidentInput(category_code="fire", latitude=-6.12, longitude=106.15)
    )
    with services.ctx.transaction() as s:
        s.add(
            Unit(
                call_sign="DAMKAR-01",
                agency_code="damkar",
                unit_type="Mobil pemadam",
                base_lat=-6.118,
                base_lon=106.152,
                status="available",
                status_changed_at=services.ctx.clock(),
                active=True,
            )
        )
    with open_console(qtbot, services, actor, tmp_path) as (window, session):
        f = feature(session)
        qtbot.waitUntil(lambda: f.model.position_of(row.id) is not None, timeout=10000)
        qtbot.waitUntil(lambda: len(f.units.model.rows) == 1, timeout=10000)
        assert f.queue.select_incident(row.id)
        qtbot.waitUntil(lambda: f.detail.detail is not None, timeout=10000)

        def accept_recommended(dlg: DispatchDialog) -> int:
            assert dlg.chosen() == [f.units.model.rows[0].id]  # recommended and ticked
            return DispatchDialog.DialogCode.Accepted

        monkeypatch.setattr(DispatchDialog, "exec", accept_recommended)
        qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: f.model.get(row.id).status == "dispatched", timeout=10000)
        qtbot.waitUntil(lambda: f.units.model.rows[0].status == "dispatched", timeout=10000)
        assert f.model.get(row.id).units == ("DAMKAR-01",)
        pos = f.model.position_of(row.id)
        assert pos is not None and f.model.data(f.model.index(pos, 3)) == "Dikirim"
        # The unit board: on scene with a key; the incident follows.
        f.units.table.selectRow(0)
        f.units.table.setFocus()
        qtbot.keyClick(f.units.table, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: f.units.model.rows[0].status == "on_scene", timeout=10000)
        qtbot.waitUntil(
            lambda: services.incidents.rows([row.id])[0].status == "on_scene", timeout=10000
        )


def test_only_valid_transitions_are_offered_and_refusal_changes_nothing(
    qtbot, sqlite_services: Services, tmp_path: Path
) -> None:
    services = sqlite_services
    actor = make_actor(services)
    row = services.incidents.create_from_call(
        actor, CallInput(""), IncidentInput(category_code="fire", latitude=-6.12, longitude=106.15)
    )
    with open_console(qtbot, services, actor, tmp_path) as (_window, session):
        f = feature(session)
        qtbot.waitUntil(lambda: f.model.position_of(row.id) is not None, timeout=10000)
        f.queue.select_incident(row.id)
        qtbot.waitUntil(lambda: len(f.detail.status_buttons) > 0, timeout=10000)
        offered = {
            b.objectName()
            for b in f.detail.findChildren(QPushButton)
            if b.objectName().startswith("status_")
        }
        assert offered == {"status_verified", "status_cancelled"}
        # Another console closes the path meanwhile: the stale command is refused.
        services.incidents.change_status(actor, row.id, "verified")
        before = table_counts(services)
        f.detail.change_status("verified")
        qtbot.waitUntil(lambda: f.detail.lbl_error.text() != "", timeout=10000)
        assert table_counts(services) == before
        assert services.incidents.rows([row.id])[0].status == "verified"
        # the detail is reloaded to show the incident as it now is; the reason stays
        qtbot.waitUntil(
            lambda: f.detail.detail is not None and f.detail.detail.row.status == "verified",
            timeout=10000,
        )
        f.detail.detail = None
        f.detail.reload()  # as the feed does when the incident changes again
        qtbot.waitUntil(lambda: f.detail.detail is not None, timeout=10000)
        assert f.detail.lbl_error.text() != ""  # still there for the operator to read
        other = services.incidents.create_from_call(
            actor, CallInput(""), IncidentInput(category_code="medical", kecamatan_code="36.73.02")
        )
        f.detail.show_incident(other.id)  # another incident: the old reason is gone
        assert f.detail.lbl_error.text() == ""


def test_changes_from_another_workstation_update_in_place(
    qtbot, sqlite_services: Services, tmp_path: Path
) -> None:
    services = sqlite_services
    actor = make_actor(services)
    a = services.incidents.create_from_call(
        actor, CallInput(""), IncidentInput(category_code="fire", latitude=-6.12, longitude=106.15)
    )
    with open_console(qtbot, services, actor, tmp_path) as (_window, session):
        f = feature(session)
        qtbot.waitUntil(lambda: f.model.position_of(a.id) is not None, timeout=10000)
        f.queue.select_incident(a.id)
        other = make_actor(services, Role.OPERATOR, "remote")
        b = services.incidents.create_from_call(
            other, CallInput(""), IncidentInput(category_code="medical", kecamatan_code="36.73.02")
        )
        services.incidents.change_status(other, a.id, "verified")
        qtbot.waitUntil(lambda: f.model.position_of(b.id) is not None, timeout=10000)
        qtbot.waitUntil(lambda: f.model.get(a.id).status == "verified", timeout=10000)
        selected = f.queue.table.currentIndex()
        assert f.model.data(selected, Qt.ItemDataRole.UserRole) == a.id  # selection kept


def test_help_overlay_lists_the_keys(
    qtbot, sqlite_services: Services, tmp_path: Path, monkeypatch
) -> None:
    from siaga_console.ui.queue.help import SHORTCUTS, HelpOverlay

    shown = []
    monkeypatch.setattr(HelpOverlay, "exec", lambda self: shown.append(self) or 0)
    services = sqlite_services
    with open_console(qtbot, services, make_actor(services), tmp_path) as (window, _session):
        qtbot.keyClick(window, Qt.Key.Key_F1)
        assert shown and shown[0].findChild(type(shown[0].children()[0])) is not None
        keys = {k for k, _ in SHORTCUTS}
        assert {"F2", "F3", "F5", "Ctrl+D"} <= keys
    QApplication.processEvents()
