"""Opening the database at start: a shared database whose password the keyring does not
have (or has an old one): the console asks for it, says when the server refused it, and
keeps it only once it worked; a server that is down: the operator may retry.

A real PostgreSQL role with scram-sha-256, the real worker thread, the real dialog typed into.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import keyring
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from siaga_console.domain.errors import AuthenticationError, UnreachableError
from siaga_console.services.container import Services, open_services
from siaga_console.sync.credentials import SERVICE, credential_key, with_stored_password
from siaga_console.ui.opening import DatabaseOpener
from siaga_console.ui.sync.password import PasswordDialog
from siaga_console.ui.worker import DbWorker

from ..keyrings import MemoryKeyring
from ..pg import PgServer, own_server, password_role

pytestmark = pytest.mark.pg
PASSWORD = "s3cr3t-112"


@pytest.fixture
def ring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(before)


@pytest.fixture
def role_url(
    pg_server: PgServer, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", "/nonexistent")  # no ~/.pgpass to fall back on
    user = f"ani_{request.node.name[5:20].lower()}"
    with password_role(pg_server, user, PASSWORD) as url:
        yield url


class Operator:
    """Answers the password dialogs as they come up, by typing: a password, or None (Cancel)."""

    def __init__(self, qtbot: QtBot, answers: list[tuple[str | None, bool]]) -> None:
        self.qtbot = qtbot
        self.answers = answers
        self.reasons: list[str] = []  # the message above the field of each dialog
        self.timer = QTimer(interval=50)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    def _poll(self) -> None:
        dlg = QApplication.activeModalWidget()
        if not isinstance(dlg, PasswordDialog) or not self.answers:
            return
        password, remember = self.answers.pop(0)
        self.reasons.append("" if dlg.reason.isHidden() else dlg.reason.text())
        if password is None:
            dlg.reject()
            return
        dlg.remember.setChecked(remember)
        self.qtbot.keyClicks(dlg.password, password)
        self.qtbot.keyClick(dlg.password, Qt.Key.Key_Return)


class Outcome:
    def __init__(self) -> None:
        self.opened: tuple[Services, str] | None = None
        self.failed: BaseException | None = None

    def done(self) -> bool:
        return self.opened is not None or self.failed is not None


def open_with(worker: DbWorker, url: str) -> Outcome:
    outcome = Outcome()

    def opened(services: Services, url: str) -> None:
        outcome.opened = (services, url)

    def failed(exc: BaseException) -> None:
        outcome.failed = exc

    DatabaseOpener(worker.submit, open_services, opened, failed).start(url)
    return outcome


def test_asked_then_refused_then_opened_and_kept_once_it_worked(
    qtbot: QtBot, worker: DbWorker, role_url: str, ring: MemoryKeyring
) -> None:
    op = Operator(qtbot, [("wrong-112", True), (PASSWORD, True)])
    outcome = open_with(worker, role_url)
    qtbot.waitUntil(outcome.done, timeout=30_000)
    assert outcome.failed is None and outcome.opened is not None
    services, url = outcome.opened
    try:
        assert services.incidents.count() == 0  # migrated and usable
        assert url == role_url.replace("@", f":{PASSWORD}@", 1)
    finally:
        services.close()
    # The first dialog just asks; the second says why it asks again (and not the password).
    assert op.reasons[0] == ""
    assert "refused the password" in op.reasons[1] and "wrong-112" not in op.reasons[1]
    # Only the password that worked is kept, and the console finds it there next time.
    assert ring.items == {(SERVICE, credential_key(role_url)): PASSWORD}
    assert with_stored_password(role_url) == url


def test_an_old_password_in_the_keyring_is_replaced(
    qtbot: QtBot, worker: DbWorker, role_url: str, ring: MemoryKeyring
) -> None:
    key = (SERVICE, credential_key(role_url))
    ring.items[key] = "changed-since"
    op = Operator(qtbot, [(PASSWORD, True)])
    outcome = open_with(worker, with_stored_password(role_url))
    qtbot.waitUntil(outcome.done, timeout=30_000)
    assert outcome.opened is not None, outcome.failed
    outcome.opened[0].close()
    assert "refused the password" in op.reasons[0]
    assert ring.items == {key: PASSWORD}


def test_not_remembered_and_cancelled(
    qtbot: QtBot, worker: DbWorker, role_url: str, ring: MemoryKeyring
) -> None:
    op = Operator(qtbot, [(PASSWORD, False)])  # kept: its timer answers the dialog
    outcome = open_with(worker, role_url)
    qtbot.waitUntil(outcome.done, timeout=30_000)
    assert outcome.opened is not None, outcome.failed
    outcome.opened[0].close()
    assert ring.items == {} and op.answers == []  # not asked to keep it
    # Cancel: the opening fails with the server's refusal, nothing is kept.
    op = Operator(qtbot, [(None, False)])
    outcome = open_with(worker, role_url)
    qtbot.waitUntil(outcome.done, timeout=30_000)
    assert isinstance(outcome.failed, AuthenticationError) and op.answers == []
    assert ring.items == {}


def test_server_down_at_start_retry_once_it_is_back(
    qtbot: QtBot, worker: DbWorker, ring: MemoryKeyring
) -> None:
    """The workstation starts while the database server is down: the operator is told (no
    password question), and Retry (once the server is back) opens the console; Close gives
    up."""
    op = Operator(qtbot, [(PASSWORD, True)])  # would answer a password question: none comes
    with own_server() as server:
        url = server.url("postgres")
        server.stop("immediate")
        seen: list[str] = []

        def answer(button: QMessageBox.StandardButton) -> Callable[[], None]:
            def poll() -> None:
                box = QApplication.activeModalWidget()
                if isinstance(box, QMessageBox) and box.objectName() == "db_error_box":
                    seen.append(box.text())
                    timer.stop()
                    if button is QMessageBox.StandardButton.Retry:
                        server.start()  # the server is back before the operator retries
                    qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)

            return poll

        timer = QTimer(interval=50)
        timer.timeout.connect(answer(QMessageBox.StandardButton.Close))
        timer.start()
        outcome = open_with(worker, url)
        qtbot.waitUntil(outcome.done, timeout=30_000)
        assert isinstance(outcome.failed, UnreachableError) and len(seen) == 1
        assert "Cannot open the database" in seen[0]

        timer = QTimer(interval=50)
        timer.timeout.connect(answer(QMessageBox.StandardButton.Retry))
        timer.start()
        outcome = open_with(worker, url)
        qtbot.waitUntil(outcome.done, timeout=60_000)
        assert outcome.opened is not None, outcome.failed
        assert len(seen) == 2
        outcome.opened[0].close()
        assert op.reasons == [] and ring.items == {}
