"""Asking for the shared database's password when the keyring has none (never saved in a
file; kept in the system keyring only if the operator ticks the box and a keyring exists)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from ...data.engine import safe_url
from ...sync.credentials import split_password
from ..theme import set_tone


class PasswordDialog(QDialog):
    def __init__(self, url: str, parent: QWidget | None = None, reason: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("db_password_dialog")
        self.setWindowTitle(self.tr("Database password"))
        self.url = split_password(url)[0]
        self.password = QLineEdit(objectName="password_input")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Keep it in this computer's keyring"))
        self.remember.setChecked(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Password for {url}").format(url=safe_url(self.url))))
        self.reason = QLabel(reason, objectName="password_reason")
        self.reason.setWordWrap(True)
        set_tone(self.reason, "error")
        self.reason.setVisible(bool(reason))
        form.addRow(self.reason)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.remember)
        form.addRow(buttons)


@dataclass(frozen=True)
class PasswordAnswer:
    url: str  # with the password the operator typed
    remember: bool  # keep it in the keyring once it has worked


def ask_password(parent: QWidget | None, url: str, reason: str = "") -> PasswordAnswer | None:
    """The URL with the password the operator typed, or None when cancelled. Nothing is
    kept here: the caller stores the password (``remember``) once the server took it."""
    from sqlalchemy.engine import make_url

    dlg = PasswordDialog(url, parent, reason)
    if dlg.exec() != QDialog.DialogCode.Accepted or not dlg.password.text():
        return None
    full = make_url(dlg.url).set(password=dlg.password.text())
    return PasswordAnswer(full.render_as_string(hide_password=False), dlg.remember.isChecked())
