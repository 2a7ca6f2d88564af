"""Operators, roles and the audit trail in the GUI (issue 7): login, idle lock, switch, admin."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import ValidationError
from ...domain.permissions import Action, Actor
from ..error_texts import error_text
from ..main_window import MainWindow
from ..session import AppSession
from ..theme import set_tone
from .admin_reference import AdminDialog
from .admin_users import UsersDialog
from .audit_view import AuditDialog
from .idle import IdleWatcher
from .login import LoginDialog, Mode


class PasswordDialog(QDialog):
    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("password_dialog")
        self.session = session
        self.setWindowTitle(self.tr("Change password"))
        self.old = QLineEdit(objectName="old_password", maxLength=256)
        self.new = QLineEdit(objectName="new_password", maxLength=256)
        self.new2 = QLineEdit(objectName="new_password2", maxLength=256)
        for e in (self.old, self.new, self.new2):
            e.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel(objectName="password_error")
        set_tone(self.error, "error")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Current password"), self.old)
        form.addRow(self.tr("New password"), self.new)
        form.addRow(self.tr("New password again"), self.new2)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def submit(self) -> None:
        services, actor = self.session.services, self.session.actor
        if services is None or actor is None:
            return
        if self.new.text() != self.new2.text():
            self.error.setText(error_text(ValidationError("The two passwords differ")))
            return
        old, new = self.old.text(), self.new.text()
        for e in (self.old, self.new, self.new2):
            e.clear()
        self.session.worker.submit(
            lambda: services.accounts.change_password(actor, old, new),
            lambda _r: self.accept(),
            lambda exc: self.error.setText(error_text(exc)),
        )


class AccountsFeature(QObject):
    def __init__(self, window: MainWindow, session: AppSession) -> None:
        super().__init__(window)
        self.window, self.session = window, session
        menu = window.menuBar().addMenu(self.tr("&Account"))
        menu.setObjectName("menu_account")
        self.act_switch = QAction(self.tr("Switch operator…"), window)
        self.act_switch.triggered.connect(self.switch_operator)
        self.act_lock = QAction(self.tr("Lock the console"), window)
        self.act_lock.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.act_lock.triggered.connect(self.lock)
        self.act_password = QAction(self.tr("Change password…"), window)
        self.act_password.triggered.connect(lambda: PasswordDialog(session, window).exec())
        self.act_users = QAction(self.tr("Accounts…"), window)
        self.act_users.setObjectName("act_users")
        self.act_users.triggered.connect(self.show_users)
        self.act_admin = QAction(self.tr("Administration…"), window)
        self.act_admin.setObjectName("act_admin")
        self.act_admin.triggered.connect(lambda: AdminDialog(session, window).show())
        self.act_audit = QAction(self.tr("Audit trail…"), window)
        self.act_audit.setObjectName("act_audit")
        self.act_audit.triggered.connect(self.show_audit)
        for a in (self.act_switch, self.act_lock, self.act_password):
            menu.addAction(a)
        menu.addSeparator()
        menu.addAction(self.act_users)
        menu.addAction(self.act_admin)
        menu.addAction(self.act_audit)
        window.addAction(self.act_lock)
        minutes = 10.0
        if session.reference is not None:
            minutes = float(session.reference.settings.get("idle_lock_min", 10))
        self.idle = IdleWatcher(minutes * 60, self.lock, parent=self)
        # Input reaches the top-level window's QWindow before any child widget: watching it
        # sees all activity in the console. (An application-wide Python event filter also
        # receives QtWebEngine's internal events and crashed the map page.)
        window.winId()  # make sure the native window (and so its QWindow) exists
        handle = window.windowHandle()
        if handle is not None:
            handle.installEventFilter(self.idle)
        window.sig_closing.connect(self.idle.stop)
        self.idle.start()
        self.apply_role()

    def apply_role(self) -> None:
        actor = self.session.actor
        self.act_users.setVisible(actor is not None and actor.can(Action.ADMIN_USERS))
        self.act_admin.setVisible(actor is not None and actor.can(Action.ADMIN_REFERENCE))
        self.act_audit.setVisible(actor is not None and actor.can(Action.AUDIT))

    def _login(self, mode: Mode) -> Actor | None:
        services = self.session.services
        if services is None:
            return None
        dlg = LoginDialog(
            services,
            self.session.worker,
            self.session.config.effective_workstation,
            mode,
            current=self.session.actor,
            parent=self.window,
        )
        if dlg.exec() == QDialog.DialogCode.Accepted and dlg.actor is not None:
            return dlg.actor
        return None

    def _become(self, actor: Actor) -> None:
        self.session.actor = actor
        self.window.refresh_status()
        self.apply_role()
        self.window.take_keyboard()
        if self.session.bus is not None:
            self.session.bus.sig_actor_changed.emit(actor)

    def switch_operator(self) -> None:
        actor = self._login(Mode.SWITCH)
        if actor is not None:
            self._become(actor)

    def lock(self) -> None:
        """Cover the work with the unlock dialog; the same or another operator continues."""
        self.idle.locked = True
        actor = None
        while actor is None:
            actor = self._login(Mode.UNLOCK)
        self._become(actor)
        self.idle.reset()

    def show_users(self) -> None:
        if self.session.services and self.session.actor:
            UsersDialog(
                self.session.services, self.session.worker, self.session.actor, self.window
            ).exec()

    def show_audit(self) -> None:
        if self.session.services and self.session.actor:
            AuditDialog(
                self.session.services, self.session.worker, self.session.actor, self.window
            ).exec()


def install(window: MainWindow, session: AppSession) -> None:
    session.extra["accounts"] = AccountsFeature(window, session)
