"""Several workstations on one database (issue 6): the outage outbox and its replay, the
sync status in the status bar, presence of workstations for the supervisor, and the
pieces the incident detail embeds (``LockBanner``, ``resolve_conflict``).

``install(window, session)`` puts into ``session.extra``: ``gateway`` (a
``CommandGateway``: call it instead of the services for log_call / link_duplicate /
create_from_call / change_status / add_note, on the worker), ``locks``, ``presence`` and
``sync`` (this feature).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QAction

from ...config import data_dir
from ...domain.permissions import Action
from ...services.locks import LockService
from ...services.presence import HEARTBEAT_S, PresenceService
from ...sync.gateway import CommandGateway, OfflineReference
from ...sync.outbox import Outbox, outbox_path
from ...sync.replay import ReplayReport
from ...version import app_version
from ..main_window import MainWindow
from ..session import AppSession
from .conflict import ConflictDialog, resolve_conflict
from .lock import LockBanner
from .parked import ParkedCommandsDialog
from .presence import PresenceDialog, PresencePanel
from .status import SyncStatusLabel

log = logging.getLogger(__name__)

__all__ = [
    "ConflictDialog",
    "LockBanner",
    "PresenceDialog",
    "PresencePanel",
    "SyncFeature",
    "install",
    "resolve_conflict",
]


class SyncFeature(QObject):
    sig_replayed = Signal(object)  # ReplayReport, after queued commands were sent
    _sig_report = Signal(object)  # from the worker thread

    def __init__(
        self,
        window: MainWindow,
        session: AppSession,
        *,
        outbox_dir: Path | None = None,
        heartbeat_s: float = HEARTBEAT_S,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        services, bus = session.services, session.bus
        assert services is not None and bus is not None
        self.outbox = Outbox(outbox_path(outbox_dir or data_dir(), session.db_url), session.db_url)
        reference = OfflineReference.from_bundle(session.reference) if session.reference else None
        self._sig_report.connect(self._on_replayed)
        self.gateway = CommandGateway(
            services, self.outbox, reference, on_replayed=self._sig_report.emit
        )
        self.locks = LockService(services.ctx)
        self.presence = PresenceService(services.ctx)
        session.extra.update(
            gateway=self.gateway, locks=self.locks, presence=self.presence, sync=self
        )
        self._replaying = False
        self._dialog: ParkedCommandsDialog | None = None

        self.status = SyncStatusLabel()
        window.statusBar().insertPermanentWidget(0, self.status)
        bus.sig_sync_mode_changed.connect(self.status.set_mode)
        if bus.mode:
            self.status.set_mode(bus.mode)
        bus.sig_connection_changed.connect(self._on_connection)

        self.act_parked = QAction(self.tr("Changes not sent…"), window)
        self.act_parked.setObjectName("act_parked_commands")
        self.act_parked.triggered.connect(self.show_parked)
        window.m_calls.addAction(self.act_parked)
        actor = session.actor
        self.act_presence: QAction | None = None
        if actor is not None and actor.can(Action.VIEW_REPORTS):
            self.act_presence = QAction(self.tr("Workstations…"), window)
            self.act_presence.setObjectName("act_presence")
            self.act_presence.triggered.connect(self.show_presence)
            window.m_view.addAction(self.act_presence)

        self._counts = QTimer(self, interval=2000)
        self._counts.timeout.connect(self.refresh_counts)
        self._counts.start()
        self._heartbeat = QTimer(self, interval=int(heartbeat_s * 1000))
        self._heartbeat.timeout.connect(self.heartbeat)
        self._heartbeat.start()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        if actor is not None:
            self.session.worker.submit(
                lambda: self.presence.sign_on(actor, app_version()), None, self._quiet
            )
        if self.outbox.has_pending():
            QTimer.singleShot(0, self.replay)  # left over from the last run (crash, outage)
        self.refresh_counts()

    # -- the outbox ----------------------------------------------------------------------
    def _on_connection(self, online: bool, _detail: str) -> None:
        self.gateway.set_online(online)
        if online and self.outbox.has_pending():
            self.replay()
        self.refresh_counts()

    def replay(self) -> None:
        if self._replaying:
            return
        self._replaying = True
        self.session.worker.submit(self.gateway.replay, self._replay_done, self._on_replay_error)

    def _replay_done(self, _report: ReplayReport) -> None:
        self._replaying = False
        self.refresh_counts()

    def _on_replayed(self, report: ReplayReport) -> None:
        """Any replay (on reconnecting, at start, or before a command) sent something."""
        self.refresh_counts()
        queue = self.session.extra.get("queue")
        model = getattr(queue, "model", None)
        for o in report.outcomes:  # provisional rows give way to the real ones (feed)
            if o.kind == "create_incident" and model is not None and hasattr(model, "remove"):
                model.remove(-o.seq)
        sent = report.applied + report.already
        if sent:
            self.window.statusBar().showMessage(
                self.tr("{count} changes made offline were sent to the database").format(
                    count=sent
                ),
                10000,
            )
        if report.conflicts:
            self.show_parked()
        self.sig_replayed.emit(report)

    def _on_replay_error(self, exc: BaseException) -> None:
        self._replaying = False
        log.error("outbox replay failed", exc_info=exc)
        self.refresh_counts()

    def refresh_counts(self) -> None:
        self.status.set_counts(self.outbox.count(), self.outbox.count(("conflict", "failed")))

    def show_parked(self) -> None:
        if self._dialog is None:
            self._dialog = ParkedCommandsDialog(self.session, self.gateway, self.window)
            self._dialog.sig_resolved.connect(self._after_decision)
        self._dialog.reload()
        self._dialog.show()
        self._dialog.raise_()

    def _after_decision(self) -> None:
        self.refresh_counts()
        if self.outbox.has_pending() and self.gateway.online:
            self.replay()

    # -- presence ------------------------------------------------------------------------
    def heartbeat(self) -> None:
        actor = self.session.actor
        if actor is not None:
            self.session.worker.submit(
                lambda: self.presence.heartbeat(actor, app_version()), None, self._quiet
            )

    def show_presence(self) -> None:
        PresenceDialog(self.session, self.window).show()

    def shutdown(self) -> None:
        """The console closes: say so to the others (best effort, on the worker)."""
        self._heartbeat.stop()
        self._counts.stop()
        actor = self.session.actor
        if actor is None:
            return

        def bye() -> None:
            self.locks.release_all(actor)
            self.presence.sign_off(actor)

        self.session.worker.submit(bye, None, self._quiet)

    @staticmethod
    def _quiet(exc: BaseException) -> None:
        log.info("sync background job failed: %s", exc)


def install(window: MainWindow, session: AppSession) -> None:
    SyncFeature(window, session)
