"""Login, lockout message, idle lock and the admin screens, through the real widgets."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from siaga_console.domain.enums import Role
from siaga_console.services.container import Services
from siaga_console.ui.accounts import AccountsFeature
from siaga_console.ui.accounts.admin_users import UsersDialog
from siaga_console.ui.accounts.idle import IdleWatcher
from siaga_console.ui.accounts.login import LoginDialog, Mode
from siaga_console.ui.i18n import install_translators
from siaga_console.ui.worker import DbWorker

from ..conftest import FAST_HASHER, Clock
from .console import open_console
from .console import sqlite_services as make_sqlite_services

PW = "kuat-sekali-112"


@pytest.fixture
def sqlite_services(sqlite_template: Path, tmp_path: Path, clock: Clock) -> Iterator[Services]:
    services = make_sqlite_services(sqlite_template, tmp_path, clock)
    services.accounts.hasher = FAST_HASHER
    yield services
    services.close()


def test_first_run_creates_the_administrator(
    qtbot, sqlite_services: Services, worker: DbWorker
) -> None:
    dlg = LoginDialog(sqlite_services, worker, "WS-1", Mode.CREATE_ADMIN)
    qtbot.addWidget(dlg)
    dlg.username.setText("kepala")
    dlg.display_name.setText("Kepala Pusat")
    dlg.password.setText(PW)
    dlg.password2.setText("berbeda-sekali-112")
    dlg.submit()
    assert dlg.error.text() != "" and not sqlite_services.accounts.has_users()
    dlg.password.setText(PW)
    dlg.password2.setText(PW)
    with qtbot.waitSignal(dlg.sig_logged_in, timeout=10000) as blocker:
        dlg.submit()
    assert blocker.args[0].role is Role.ADMIN and sqlite_services.accounts.has_users()


def test_wrong_password_message_and_lockout(
    qtbot, qapp, sqlite_services: Services, worker: DbWorker
) -> None:
    translators = install_translators(qapp, "id")
    try:
        sqlite_services.accounts.create_first_admin("kepala", "Kepala", PW)
        dlg = LoginDialog(sqlite_services, worker, "WS-1", Mode.LOGIN)
        qtbot.addWidget(dlg)
        for _ in range(5):
            dlg.username.setText("kepala")
            dlg.password.setText("salah-password")
            dlg.submit()
            qtbot.waitUntil(lambda: dlg.buttons.isEnabled(), timeout=10000)
        assert dlg.password.text() == ""  # never kept
        dlg.password.setText(PW)
        dlg.submit()
        qtbot.waitUntil(lambda: dlg.buttons.isEnabled(), timeout=10000)
        assert "dikunci" in dlg.error.text()
        assert dlg.actor is None
    finally:
        for t in translators:
            qapp.removeTranslator(t)


def test_idle_watcher_locks_after_the_timeout(qtbot) -> None:
    now = [0.0]
    fired: list[bool] = []
    w = IdleWatcher(600, lambda: fired.append(True), clock=lambda: now[0])
    now[0] = 599
    w.check()
    assert fired == []
    now[0] = 600
    w.check()
    w.check()
    assert fired == [True]  # once, until reset
    w.reset()
    now[0] = 1199
    w.check()
    assert fired == [True]


def test_idle_lock_keeps_the_work_and_unlocks(
    qtbot, sqlite_services: Services, tmp_path: Path, monkeypatch
) -> None:
    sqlite_services.accounts.create_first_admin("kepala", "Kepala", PW)
    sqlite_services.accounts.create_user(
        sqlite_services.accounts.authenticate("kepala", PW, "WS"),
        "operator5",
        "Op",
        Role.OPERATOR,
        PW,
    )
    actor = sqlite_services.accounts.authenticate("operator5", PW, "WS-TEST")
    with open_console(qtbot, sqlite_services, actor, tmp_path) as (_window, session):
        feature = session.extra["accounts"]
        assert isinstance(feature, AccountsFeature)
        queue = session.extra["queue"]
        queue.intake.number.setText("0812345")  # work in progress
        attempts = []

        def fake_exec(dlg: LoginDialog) -> int:
            assert dlg.mode is Mode.UNLOCK and dlg.username.text() == "operator5"
            attempts.append(dlg)
            if len(attempts) == 1:
                return QDialog.DialogCode.Rejected  # cannot get past the lock
            dlg.actor = actor
            return QDialog.DialogCode.Accepted

        monkeypatch.setattr(LoginDialog, "exec", fake_exec)
        feature.idle.timeout_s = 0.01
        feature.idle.last_input = 0
        feature.idle.check()
        assert len(attempts) == 2
        assert queue.intake.number.text() == "0812345"
        assert not feature.idle.locked


def test_menus_follow_the_role(qtbot, sqlite_services: Services, tmp_path: Path) -> None:
    sqlite_services.accounts.create_first_admin("kepala", "Kepala", PW)
    admin = sqlite_services.accounts.authenticate("kepala", PW, "WS")
    sqlite_services.accounts.create_user(admin, "operator4", "Op", Role.OPERATOR, PW)
    op = sqlite_services.accounts.authenticate("operator4", PW, "WS")
    with open_console(qtbot, sqlite_services, op, tmp_path) as (_window, session):
        f = session.extra["accounts"]
        assert not f.act_users.isVisible() and not f.act_audit.isVisible()
        f._become(admin)
        assert f.act_users.isVisible() and f.act_audit.isVisible()


def test_users_dialog_adds_an_account(qtbot, sqlite_services: Services, worker: DbWorker) -> None:
    sqlite_services.accounts.create_first_admin("kepala", "Kepala", PW)
    admin = sqlite_services.accounts.authenticate("kepala", PW, "WS")
    dlg = UsersDialog(sqlite_services, worker, admin)
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.table.rowCount() == 1, timeout=10000)
    dlg.username.setText("operator3")
    dlg.name.setText("Operator Tiga")
    dlg.password.setText("pendek")
    dlg.add_user()
    qtbot.waitUntil(lambda: dlg.message.text() != "", timeout=10000)
    assert dlg.table.rowCount() == 1  # refused: password too short
    dlg.password.setText(PW)
    dlg.add_user()
    qtbot.waitUntil(lambda: dlg.table.rowCount() == 2, timeout=10000)
    assert sqlite_services.accounts.authenticate("operator3", PW, "WS").role is Role.OPERATOR


def test_input_anywhere_in_the_window_counts_as_activity(
    qtbot, sqlite_services: Services, tmp_path: Path
) -> None:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    sqlite_services.accounts.create_first_admin("kepala", "Kepala", PW)
    admin = sqlite_services.accounts.authenticate("kepala", PW, "WS")
    with open_console(qtbot, sqlite_services, admin, tmp_path) as (window, session):
        idle = session.extra["accounts"].idle
        idle.last_input = -1.0
        QTest.keyClick(window.windowHandle(), Qt.Key.Key_A)
        assert idle.last_input > 0
        idle.last_input = -1.0
        QTest.mouseClick(
            window.windowHandle(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            QPoint(400, 300),
        )
        assert idle.last_input > 0
