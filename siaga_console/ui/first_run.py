"""First start after install: where this workstation keeps its data, and the first administrator.

``FirstRunDialog`` asks for "this workstation only" (the embedded SQLite file in the user's
data directory) or "shared database" (a PostgreSQL URL), tests the choice on the database
worker (``probe_database``: connect, schema state, is there an administrator?), and, when
the database is new or has no administrator, collects the administrator's username,
display name and password. It then calls the injected
``create_admin(db_url, username, display_name, password)`` on the worker (in the app:
open the services on ``db_url``, which migrates, and call
``accounts.create_first_admin``) and saves the
per-user configuration (``config.save_config``, mode 600). With ``create_admin=None`` the
dialog only chooses the database (the login dialog's "create the administrator" mode can
then do that part). Nothing touches the database on the GUI thread.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from ..config import CONFIG_FILE, DEFAULT_DB_FILE, Config, config_dir, data_dir, save_config
from ..data.engine import check_connection, make_engine, safe_url, sqlite_url_for
from ..data.migrate import SchemaState, schema_state
from ..domain.errors import DatabaseError
from ..resources import resource
from ..services.accounts import MIN_PASSWORD, USERNAME_RE
from .error_texts import error_text
from .theme import set_tone

# DbWorker.submit(fn, on_done, on_error)
Submit = Callable[
    [Callable[[], Any], Callable[[Any], None], Callable[[BaseException], None]], object
]
# create_admin(db_url, username, display_name, password): runs on the database worker.
CreateAdmin = Callable[[str, str, str, str], None]


@dataclass(frozen=True)
class DatabaseProbe:
    url: str
    state: SchemaState
    needs_admin: bool


def probe_database(url: str) -> DatabaseProbe:
    """Connect, read the schema state and whether the database has no account yet.

    Runs on the database worker. Raises DatabaseError (clear, translatable) for an
    unreachable, unwritable, foreign or newer database.
    """
    engine = make_engine(url)
    try:
        check_connection(engine)
        state = schema_state(engine)
        if state is SchemaState.NEWER:
            raise DatabaseError(
                "This database was written by a newer version of Siaga Console; "
                "update the console before opening it"
            )
        if state is SchemaState.FOREIGN:
            raise DatabaseError("This database has tables that are not Siaga Console's")
        needs_admin = state is SchemaState.EMPTY or _user_count(engine) == 0
        return DatabaseProbe(url, state, needs_admin)
    finally:
        engine.dispose()


def _user_count(engine: Any) -> int:
    """Accounts in the database (the first administrator is only created when there are none)."""
    try:
        with engine.connect() as conn:
            return int(conn.execute(text("SELECT count(*) FROM users")).scalar() or 0)
    except SQLAlchemyError:  # an old schema without accounts: the first one comes after migrating
        return 0


def writable_dir_problem(path: Path) -> str | None:
    """Why the embedded database cannot live under ``path`` (None when it can)."""
    probe = path
    while not probe.exists() and probe.parent != probe:
        probe = probe.parent
    if not os.access(probe, os.W_OK | os.X_OK):
        return str(probe)
    return None


class FirstRunDialog(QDialog):
    """Choose the database and create the administrator; saves the config when accepted."""

    def __init__(
        self,
        config: Config,
        submit: Submit,
        create_admin: CreateAdmin | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.config = config
        self.submit = submit
        self.create_admin = create_admin
        self.local_path = data_dir() / DEFAULT_DB_FILE
        self.probe: DatabaseProbe | None = None
        self.busy = False
        self.setObjectName("first_run_dialog")
        self.setWindowTitle(self.tr("Siaga Console: first start"))
        self.setWindowIcon(QIcon(str(resource("icons", "siaga-console.svg"))))
        self.setMinimumWidth(620)
        self.btn_back = QPushButton(self.tr("Back"), objectName="btn_back")
        self.btn_cancel = QPushButton(self.tr("Quit"), objectName="btn_cancel")
        self.btn_next = QPushButton(self.tr("Continue"), objectName="btn_next")
        self.btn_next.setDefault(True)
        self.status = QLabel(objectName="first_run_status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._database_page())
        self.pages.addWidget(self._admin_page())
        self.btn_back.clicked.connect(self._on_back)
        self.btn_cancel.clicked.connect(self.reject)
        self.btn_next.clicked.connect(self._on_next)
        buttons = QHBoxLayout()
        buttons.addWidget(self.btn_back)
        buttons.addStretch(1)
        buttons.addWidget(self.btn_cancel)
        buttons.addWidget(self.btn_next)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self._sync_buttons()

    # -- pages ----------------------------------------------------------------------------
    def _database_page(self) -> QWidget:
        page = QWidget(objectName="page_database")
        intro = QLabel(
            self.tr(
                "<b>Welcome to Siaga Console.</b><br>Choose where this workstation keeps "
                "its data. You can change it later in the configuration file."
            )
        )
        intro.setWordWrap(True)
        self.rb_local = QRadioButton(self.tr("This workstation only"), objectName="rb_local")
        local_note = QLabel(
            self.tr("An embedded database file on this computer:\n{path}").format(
                path=str(self.local_path)
            )
        )
        self.rb_shared = QRadioButton(
            self.tr("Shared database (PostgreSQL)"), objectName="rb_shared"
        )
        shared_note = QLabel(
            self.tr(
                "All workstations of the command center work on one PostgreSQL server. "
                "Ask the administrator of the center for the address."
            )
        )
        for note in (local_note, shared_note):
            note.setWordWrap(True)
            note.setIndent(24)
            note.setObjectName("note")
        self.ed_url = QLineEdit(objectName="ed_url")
        self.ed_url.setPlaceholderText("postgresql+psycopg://user:password@server:5432/siaga")
        self.btn_test = QPushButton(self.tr("Test connection"), objectName="btn_test")
        self.btn_test.clicked.connect(self._on_test)
        url_row = QHBoxLayout()
        url_row.setContentsMargins(24, 0, 0, 0)
        url_row.addWidget(self.ed_url, 1)
        url_row.addWidget(self.btn_test)
        self.choice = QButtonGroup(self)
        self.choice.addButton(self.rb_local)
        self.choice.addButton(self.rb_shared)
        shared = bool(self.config.db_url and self.config.db_url.startswith("postgresql"))
        (self.rb_shared if shared else self.rb_local).setChecked(True)
        if shared:
            self.ed_url.setText(self.config.db_url or "")
        self.rb_local.toggled.connect(self._on_choice_changed)
        self.ed_url.textChanged.connect(self._on_choice_changed)
        self.ed_workstation = QLineEdit(
            self.config.effective_workstation, objectName="ed_workstation"
        )
        form = QFormLayout()
        form.addRow(self.tr("Name of this workstation:"), self.ed_workstation)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addWidget(self.rb_local)
        layout.addWidget(local_note)
        layout.addSpacing(8)
        layout.addWidget(self.rb_shared)
        layout.addWidget(shared_note)
        layout.addLayout(url_row)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addStretch(1)
        self._on_choice_changed()
        return page

    def _admin_page(self) -> QWidget:
        page = QWidget(objectName="page_admin")
        intro = QLabel(
            self.tr(
                "<b>Create the administrator.</b><br>This database has no administrator "
                "yet. The administrator manages the accounts of the operators and "
                "supervisors. Keep the password safe: there is no default password."
            )
        )
        intro.setWordWrap(True)
        self.ed_username = QLineEdit(objectName="ed_username")
        self.ed_username.setPlaceholderText("admin")
        self.ed_display = QLineEdit(objectName="ed_display_name")
        self.ed_password = QLineEdit(objectName="ed_password")
        self.ed_confirm = QLineEdit(objectName="ed_confirm")
        for ed in (self.ed_password, self.ed_confirm):
            ed.setEchoMode(QLineEdit.EchoMode.Password)
        hint = QLabel(
            self.tr("At least {n} characters.").format(n=MIN_PASSWORD),
            objectName="note",
        )
        form = QFormLayout()
        form.addRow(self.tr("Username:"), self.ed_username)
        form.addRow(self.tr("Display name:"), self.ed_display)
        form.addRow(self.tr("Password:"), self.ed_password)
        form.addRow("", hint)
        form.addRow(self.tr("Repeat the password:"), self.ed_confirm)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addStretch(1)
        return page

    # -- state ----------------------------------------------------------------------------
    @property
    def chosen_url(self) -> str:
        if self.rb_shared.isChecked():
            return self.ed_url.text().strip()
        return sqlite_url_for(self.local_path)

    @property
    def on_admin_page(self) -> bool:
        return self.pages.currentIndex() == 1

    def _on_choice_changed(self, *_: object) -> None:
        self.ed_url.setEnabled(self.rb_shared.isChecked())
        self.probe = None
        self._sync_buttons()

    def _sync_buttons(self) -> None:
        self.btn_back.setVisible(self.on_admin_page)
        self.btn_next.setText(
            self.tr("Create and start") if self.on_admin_page else self.tr("Continue")
        )
        url_missing = self.rb_shared.isChecked() and not self.ed_url.text().strip()
        self.btn_next.setEnabled(not self.busy and not url_missing)
        self.btn_back.setEnabled(not self.busy)
        self.btn_test.setEnabled(self.rb_shared.isChecked() and not url_missing and not self.busy)

    def _set_busy(self, busy: bool, message: str = "") -> None:
        self.busy = busy
        if message:
            self._show(message)
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)
        self._sync_buttons()

    def _show(self, message: str, error: bool = False) -> None:
        self.status.setProperty("error", error)
        set_tone(self.status, "error" if error else None)
        self.status.setText(message)

    def _describe(self, probe: DatabaseProbe) -> str:
        where = safe_url(probe.url)
        if probe.state is SchemaState.EMPTY:
            return self.tr("Connected to {url}: a new, empty database.").format(url=where)
        if probe.state is SchemaState.BEHIND:
            return self.tr(
                "Connected to {url}: a Siaga Console database of an older version; it is "
                "upgraded when the console starts."
            ).format(url=where)
        return self.tr("Connected to {url}: a Siaga Console database.").format(url=where)

    # -- actions --------------------------------------------------------------------------
    def _check(self, then_continue: bool) -> None:
        url = self.chosen_url
        if self.rb_local.isChecked():
            blocked = writable_dir_problem(self.local_path.parent)
            if blocked is not None:
                self._show(
                    self.tr(
                        "No write access to {path}: the embedded database cannot be created "
                        "there. Ask the administrator of this computer, or choose a shared "
                        "database."
                    ).format(path=blocked),
                    error=True,
                )
                return
        self._set_busy(True, self.tr("Connecting to the database…"))

        def done(probe: DatabaseProbe) -> None:
            self._set_busy(False)
            if url != self.chosen_url:  # changed while we were connecting
                return
            self.probe = probe
            self._show(self._describe(probe))
            if then_continue:
                self._advance()

        def failed(exc: BaseException) -> None:
            self._set_busy(False)
            self._show(error_text(exc), error=True)

        self.submit(lambda: probe_database(url), done, failed)

    def _on_test(self) -> None:
        self._check(then_continue=False)

    def _on_next(self) -> None:
        if self.busy:
            return
        if self.on_admin_page:
            self._create_admin()
        elif self.probe is not None and self.probe.url == self.chosen_url:
            self._advance()
        else:
            self._check(then_continue=True)

    def _on_back(self) -> None:
        self.pages.setCurrentIndex(0)
        self._sync_buttons()

    def _advance(self) -> None:
        assert self.probe is not None
        if self.probe.needs_admin and self.create_admin is not None:
            self.pages.setCurrentIndex(1)
            self.ed_username.setFocus()
            self._sync_buttons()
        else:
            self._finish()

    def admin_problems(self) -> list[str]:
        """What is wrong with the administrator form (translated; empty when it is fine)."""
        problems = []
        username = self.ed_username.text().strip().lower()
        if not USERNAME_RE.match(username):
            problems.append(
                self.tr(
                    "The username needs 3 to 32 characters: lowercase letters, digits, "
                    "dot, dash or underscore, starting with a letter or digit."
                )
            )
        if not self.ed_display.text().strip():
            problems.append(self.tr("Give a display name (the name shown to colleagues)."))
        password = self.ed_password.text()
        if len(password) < MIN_PASSWORD:
            problems.append(
                self.tr("The password needs at least {n} characters.").format(n=MIN_PASSWORD)
            )
        elif username and username in password.lower():
            problems.append(self.tr("The password must not contain the username."))
        elif password != self.ed_confirm.text():
            problems.append(self.tr("The two passwords are not the same."))
        return problems

    def _create_admin(self) -> None:
        problems = self.admin_problems()
        if problems:
            self._show("\n".join(problems), error=True)
            return
        assert self.probe is not None
        url = self.probe.url
        username = self.ed_username.text().strip().lower()
        display = self.ed_display.text().strip()
        password = self.ed_password.text()
        create = self.create_admin
        assert create is not None
        self._set_busy(True, self.tr("Creating the administrator…"))

        def done(_result: object) -> None:
            self._set_busy(False)
            self.ed_password.clear()
            self.ed_confirm.clear()
            self._finish()

        def failed(exc: BaseException) -> None:
            self._set_busy(False)
            self._show(error_text(exc), error=True)

        self.submit(lambda: create(url, username, display, password), done, failed)

    def _finish(self) -> None:
        """Save the choice (an empty URL means the embedded database) and close."""
        assert self.probe is not None
        self.config.db_url = self.probe.url if self.rb_shared.isChecked() else None
        self.config.workstation = self.ed_workstation.text().strip()
        try:
            save_config(self.config)
        except OSError as exc:
            self._show(
                self.tr("Cannot save the configuration {path}: {reason}").format(
                    path=str(self.config.path or config_dir() / CONFIG_FILE),
                    reason=exc.strerror or str(exc),
                ),
                error=True,
            )
            return
        self.accept()
