"""Login, first administrator, idle unlock and operator switch: one dialog, several modes.

The password check runs on the database worker (argon2 is deliberately slow); the dialog
stays responsive and shows the answer in the user's language.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt, Signal
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
from ...domain.permissions import Actor
from ...services.container import Services
from ..error_texts import error_text
from ..theme import set_tone
from ..worker import DbWorker


class Mode(Enum):
    LOGIN = "login"
    CREATE_ADMIN = "create_admin"
    UNLOCK = "unlock"
    SWITCH = "switch"


class LoginDialog(QDialog):
    sig_logged_in = Signal(object)  # Actor

    def __init__(
        self,
        services: Services,
        worker: DbWorker,
        workstation: str,
        mode: Mode,
        current: Actor | None = None,
        parent: QWidget | None = None,
        demo: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("login_dialog")
        self.services = services
        self.worker = worker
        self.workstation = workstation
        self.mode = mode
        self.current = current
        self.actor: Actor | None = None
        self.setModal(True)
        titles = {
            Mode.LOGIN: self.tr("Siaga Console — log in"),
            Mode.CREATE_ADMIN: self.tr("Siaga Console — create the administrator"),
            Mode.UNLOCK: self.tr("Console locked"),
            Mode.SWITCH: self.tr("Switch operator"),
        }
        self.setWindowTitle(titles[mode])
        self.intro = QLabel(objectName="login_intro")
        self.intro.setWordWrap(True)
        intros = {
            Mode.LOGIN: self.tr("Log in with your operator account."),
            Mode.CREATE_ADMIN: self.tr(
                "This database has no accounts yet. Create the administrator: keep the password "
                "safe, there is no default password."
            ),
            Mode.UNLOCK: self.tr(
                "The console locked itself after a period without activity. Your work is still "
                "open: enter your password to continue, or log in as another operator."
            ),
            Mode.SWITCH: self.tr("Shift change: the next operator logs in; the work stays open."),
        }
        text = intros[mode]
        if demo and mode is Mode.LOGIN:
            text += (
                "<br><i>"
                + self.tr(
                    "Demo database: accounts operator1 / operator-demo-112, supervisor / "
                    "super-demo-112, admin / admin-demo-112."
                )
                + "</i>"
            )
        self.intro.setText(text)
        self.username = QLineEdit(objectName="username", maxLength=64)
        self.display_name = QLineEdit(objectName="display_name", maxLength=128)
        self.password = QLineEdit(objectName="password", maxLength=256)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2 = QLineEdit(objectName="password2", maxLength=256)
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel(objectName="login_error")
        set_tone(self.error, "error")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        if mode is Mode.CREATE_ADMIN:
            form.addRow(self.tr("Full name"), self.display_name)
        form.addRow(self.tr("Password"), self.password)
        if mode is Mode.CREATE_ADMIN:
            form.addRow(self.tr("Password again"), self.password2)
        if mode is Mode.UNLOCK and current is not None:
            self.username.setText(current.username)
            self.password.setFocus()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Create") if mode is Mode.CREATE_ADMIN else self.tr("Log in"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(
            self.tr("Quit") if mode in (Mode.LOGIN, Mode.CREATE_ADMIN) else self.tr("Cancel")
        )
        if mode is Mode.UNLOCK:
            cancel.hide()
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def keyPressEvent(self, event: object) -> None:  # type: ignore[override]
        from PySide6.QtGui import QKeyEvent

        if (
            self.mode is Mode.UNLOCK
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            return  # the lock cannot be dismissed without a password
        super().keyPressEvent(event)  # type: ignore[arg-type]

    def submit(self) -> None:
        username, password = self.username.text(), self.password.text()
        self.error.clear()
        self.buttons.setEnabled(False)
        accounts, ws = self.services.accounts, self.workstation
        if self.mode is Mode.CREATE_ADMIN:
            if password != self.password2.text():
                self._failed(ValidationError("The two passwords differ", field="password"))
                return
            display = self.display_name.text() or username

            def create() -> Actor:
                accounts.create_first_admin(username, display, password)
                return accounts.authenticate(username, password, ws)

            self.worker.submit(create, self._succeeded, self._failed)
            return
        self.worker.submit(
            lambda: accounts.authenticate(username, password, ws), self._succeeded, self._failed
        )

    def _succeeded(self, actor: Actor) -> None:
        self.buttons.setEnabled(True)
        self.password.clear()
        self.password2.clear()
        self.actor = actor
        self.sig_logged_in.emit(actor)
        parent = self.parentWidget()
        if parent is not None:
            # Hand the keyboard to the console while this dialog still holds it: without a
            # window manager, nobody else gives it back once the dialog is gone.
            parent.window().activateWindow()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.password.clear()
        self.password2.clear()
        self.error.setText(error_text(exc))
        self.password.setFocus()
