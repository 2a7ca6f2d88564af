"""Administrator: accounts (add, role, disable/enable, reset password)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import Role
from ...domain.permissions import Actor
from ...services.accounts import UserView
from ...services.container import Services
from ..error_texts import error_text
from ..labels import ROLES, label
from ..theme import set_tone
from ..worker import DbWorker


class UsersDialog(QDialog):
    def __init__(
        self, services: Services, worker: DbWorker, actor: Actor, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("users_dialog")
        self.services, self.worker, self.actor = services, worker, actor
        self.users: list[UserView] = []
        self.setWindowTitle(self.tr("Accounts"))
        self.resize(760, 460)
        self.table = QTableWidget(0, 4, objectName="users_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("User name"), self.tr("Name"), self.tr("Role"), self.tr("State")]
        )
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setColumnWidth(1, 220)
        self.username = QLineEdit(objectName="new_username", maxLength=32)
        self.name = QLineEdit(objectName="new_name", maxLength=128)
        self.role = QComboBox(objectName="new_role")
        for r in Role:
            self.role.addItem(label(ROLES, r.value), r.value)
        self.password = QLineEdit(objectName="new_password", maxLength=256)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        add = QPushButton(self.tr("Add account"), objectName="add_user")
        add.clicked.connect(self.add_user)
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Password"), self.password)
        form.addRow("", add)
        self.btn_toggle = QPushButton(self.tr("Disable / enable"), objectName="toggle_user")
        self.btn_toggle.clicked.connect(self.toggle)
        self.btn_reset = QPushButton(self.tr("Set a new password…"), objectName="reset_password")
        self.btn_reset.clicked.connect(self.reset_password)
        self.btn_role = QPushButton(self.tr("Change role…"), objectName="change_role")
        self.btn_role.clicked.connect(self.change_role)
        row = QHBoxLayout()
        for b in (self.btn_toggle, self.btn_reset, self.btn_role):
            row.addWidget(b)
        row.addStretch(1)
        self.message = QLabel(objectName="users_message")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        self.worker.submit(
            lambda: self.services.accounts.list_users(self.actor), self._show, self._error
        )

    def _show(self, users: list[UserView]) -> None:
        self.users = users
        self.table.setRowCount(len(users))
        for r, u in enumerate(users):
            state = self.tr("active") if u.active else self.tr("disabled")
            if u.locked_until is not None:
                state += " · " + self.tr("locked")
            for c, text in enumerate((u.username, u.display_name, label(ROLES, u.role), state)):
                self.table.setItem(r, c, QTableWidgetItem(text))

    def _selected(self) -> UserView | None:
        row = self.table.currentRow()
        return self.users[row] if 0 <= row < len(self.users) else None

    def _run(self, fn: object, done_text: str) -> None:
        def ok(_r: object) -> None:
            set_tone(self.message, "ok")
            self.message.setText(done_text)
            self.reload()

        self.worker.submit(fn, ok, self._error)  # type: ignore[arg-type]

    def _error(self, exc: BaseException) -> None:
        set_tone(self.message, "error")
        self.message.setText(error_text(exc))

    def add_user(self) -> None:
        username, name, role = self.username.text(), self.name.text(), self.role.currentData()
        password = self.password.text()
        self.password.clear()
        self._run(
            lambda: self.services.accounts.create_user(
                self.actor, username, name or username, role, password
            ),
            self.tr("Account {username} created").format(username=username),
        )

    def toggle(self) -> None:
        u = self._selected()
        if u is not None:
            self._run(
                lambda: self.services.accounts.set_active(self.actor, u.username, not u.active),
                self.tr("Account {username} changed").format(username=u.username),
            )

    def reset_password(self) -> None:
        u = self._selected()
        if u is None:
            return
        pw, ok = QInputDialog.getText(
            self,
            self.tr("New password"),
            self.tr("New password for {username}:").format(username=u.username),
            QLineEdit.EchoMode.Password,
        )
        if ok:
            self._run(
                lambda: self.services.accounts.set_password(self.actor, u.username, pw),
                self.tr("Password of {username} changed").format(username=u.username),
            )

    def change_role(self) -> None:
        u = self._selected()
        if u is None:
            return
        names = [label(ROLES, r.value) for r in Role]
        choice, ok = QInputDialog.getItem(
            self, self.tr("Role"), u.username, names, names.index(label(ROLES, u.role)), False
        )
        if ok:
            role = list(Role)[names.index(choice)]
            self._run(
                lambda: self.services.accounts.set_role(self.actor, u.username, role),
                self.tr("Account {username} changed").format(username=u.username),
            )
