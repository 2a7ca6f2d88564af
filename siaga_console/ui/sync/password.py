"""Asking for the shared database's password when the keyring has none (never saved in a
file; kept in the system keyring only if the operator ticks the box and a keyring exists)."""

from __future__ import annotations

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
from ...sync.credentials import split_password, store_password


class PasswordDialog(QDialog):
    def __init__(self, url: str, parent: QWidget | None = None) -> None:
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
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.remember)
        form.addRow(buttons)


def ask_password(parent: QWidget | None, url: str) -> str | None:
    """The URL with the password the operator typed (kept in the keyring if asked), or
    None when cancelled."""
    from sqlalchemy.engine import make_url

    dlg = PasswordDialog(url, parent)
    if dlg.exec() != QDialog.DialogCode.Accepted or not dlg.password.text():
        return None
    secret = dlg.password.text()
    if dlg.remember.isChecked():
        store_password(dlg.url, secret)
    return make_url(dlg.url).set(password=secret).render_as_string(hide_password=False)
