"""Talking to the outside (issue 9): call-log import/export, EIDO, field notifications.

``install(window, session)`` adds the Data menu (import a call log, export, export and
import EIDO), and starts this workstation's notification sender: a Qt-free thread
(``siaga_console.integrations.notify``) that delivers the outbox the dispatches fill. It
is woken by the change feed after each dispatch and stopped when the application quits.
``DeliveryStateWidget`` shows an incident's delivery states (for the incident detail).
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox

from ...domain.errors import PermissionDenied
from ...domain.permissions import Action
from ...integrations.notify import NotificationSender
from ...integrations.tokens import default_tokens
from ...services.feed import FeedEntry
from ...services.notifications import NotificationService
from ..error_texts import error_text
from ..main_window import MainWindow
from ..session import AppSession
from .delivery import DeliveryStateWidget
from .eido_import import EidoImportDialog
from .export_dialog import EidoExportDialog, ExportDialog
from .import_dialog import ImportCallsDialog

__all__ = ["DeliveryStateWidget", "InteropFeature", "install"]

WAKE_KINDS = ("unit.status", "notification.status")


class InteropFeature(QObject):
    def __init__(self, window: MainWindow, session: AppSession, *, notifier: bool = True) -> None:
        super().__init__(window)
        self.window, self.session = window, session
        menu = window.menuBar().addMenu(self.tr("&Data"))
        menu.setObjectName("menu_data")
        self.actions: dict[str, QAction] = {}
        for name, text, slot in (
            ("import_calls", self.tr("Import call log…"), self.import_calls),
            ("export", self.tr("Export…"), self.export),
            ("export_eido", self.tr("Export EIDO…"), self.export_eido),
            ("import_eido", self.tr("Import EIDO…"), self.import_eido),
        ):
            act = QAction(text, window)
            act.setObjectName(f"act_{name}")
            act.triggered.connect(slot)
            menu.addAction(act)
            self.actions[name] = act
            if name == "export":
                menu.addSeparator()
        self.notifier: NotificationSender | None = None
        if notifier and session.services is not None:
            self.notifier = NotificationSender(
                NotificationService(session.services.ctx),
                default_tokens(),
                workstation=session.config.effective_workstation,
            )
            self.notifier.start()
            session.extra["notifier"] = self.notifier
            # Plain callables: the thread must stop even after this QObject is gone.
            running = self.notifier
            app = QApplication.instance()
            if app is not None:
                app.aboutToQuit.connect(lambda: running.stop())
            window.destroyed.connect(lambda: running.stop())
        if session.bus is not None:
            session.bus.sig_changes.connect(self._on_changes)

    def stop(self) -> None:
        if self.notifier is not None:
            self.notifier.stop()
            self.notifier = None

    def _on_changes(self, entries: list[FeedEntry]) -> None:
        if self.notifier is not None and any(e.kind in WAKE_KINDS for e in entries):
            self.notifier.wake()

    def _allowed(self) -> bool:
        actor = self.session.actor
        if actor is not None and actor.can(Action.IMPORT_EXPORT):
            return True
        exc = PermissionDenied(
            "{user} ({role}) may not {action}",
            user=actor.username if actor else "—",
            role=actor.role.value if actor else "—",
            action=Action.IMPORT_EXPORT.value,
        )
        QMessageBox.warning(self.window, self.tr("Not allowed"), error_text(exc))
        return False

    def import_calls(self) -> ImportCallsDialog | None:
        if not self._allowed():
            return None
        dlg = ImportCallsDialog(self.session, self.window)
        dlg.show()
        return dlg

    def export(self) -> ExportDialog | None:
        if not self._allowed():
            return None
        dlg = ExportDialog(self.session, self.window)
        dlg.show()
        return dlg

    def export_eido(self) -> EidoExportDialog | None:
        if not self._allowed():
            return None
        dlg = EidoExportDialog(self.session, self.window)
        dlg.show()
        return dlg

    def import_eido(self) -> EidoImportDialog | None:
        if not self._allowed():
            return None
        dlg = EidoImportDialog(self.session, self.window)
        dlg.show()
        return dlg


def install(window: MainWindow, session: AppSession) -> None:
    session.extra["interop"] = InteropFeature(window, session)
