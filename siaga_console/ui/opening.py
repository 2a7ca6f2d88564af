"""Opening the database from the GUI, on the worker thread, with the questions a start may
need: the shared database's password when the server refuses it (the keyring had none, or
it changed), and "try again?" when the server cannot be reached (a command center's
workstation may start before the database server is back).

The password the operator types is kept in the system keyring only if they asked for it
*and* the server took it: a mistyped password is never stored.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ..domain.errors import AuthenticationError, UnreachableError
from ..sync.credentials import split_password, store_password
from .error_texts import error_text
from .sync.password import ask_password

T = TypeVar("T")
Submit = Callable[[Callable[[], Any], Callable[[Any], None], Callable[[BaseException], None]], Any]


class DatabaseOpener(Generic[T]):
    def __init__(
        self,
        submit: Submit,
        open_fn: Callable[[str], T],
        on_opened: Callable[[T, str], None],
        on_failed: Callable[[BaseException], None],
        *,
        parent: QWidget | None = None,
        interactive: bool = True,
    ) -> None:
        """``open_fn(url)`` runs on the worker; ``on_opened(result, url)`` gets the URL that
        worked (with the password typed, if one was asked for). ``on_failed(exc)`` comes
        after the operator was told (``interactive``) or at once (the self-test)."""
        self._submit = submit
        self._open_fn = open_fn
        self._on_opened = on_opened
        self._on_failed = on_failed
        self._parent = parent
        self._interactive = interactive

    def start(self, url: str, remember: bool = False) -> None:
        def work() -> T:
            result = self._open_fn(url)
            if remember:
                bare, password = split_password(url)
                if password:
                    store_password(bare, password)  # the keyring may be slow (D-Bus)
            return result

        self._submit(work, lambda result: self._on_opened(result, url), self._refused(url))

    def _refused(self, url: str) -> Callable[[BaseException], None]:
        def failed(exc: BaseException) -> None:
            if not self._interactive:
                self._on_failed(exc)
                return
            if isinstance(exc, AuthenticationError):
                # No password at all: just ask. A wrong one: say so above the field.
                reason = error_text(exc) if split_password(url)[1] else ""
                answer = ask_password(self._parent, url, reason)
                if answer is not None:
                    self.start(answer.url, answer.remember)
                    return
            elif self._tell(exc, retry=isinstance(exc, UnreachableError)):
                self.start(url)
                return
            self._on_failed(exc)

        return failed

    def _tell(self, exc: BaseException, retry: bool) -> bool:
        """Show the error; True when the operator chose to try again."""
        buttons = QMessageBox.StandardButton.Close
        if retry:
            buttons |= QMessageBox.StandardButton.Retry
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            QCoreApplication.translate("DatabaseOpener", "Cannot open the database"),
            error_text(exc),
            buttons,
            self._parent,
        )
        box.setObjectName("db_error_box")
        if retry:
            box.setInformativeText(
                QCoreApplication.translate(
                    "DatabaseOpener", "Check the network and the database server, then try again."
                )
            )
            box.setDefaultButton(QMessageBox.StandardButton.Retry)
        box.exec()
        return retry and box.clickedButton() is box.button(QMessageBox.StandardButton.Retry)
