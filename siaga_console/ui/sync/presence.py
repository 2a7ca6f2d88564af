"""For the supervisor: which workstations are connected, who works there, since when."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.timeutil import format_duration, to_wib
from ...services.feed import FeedEntry
from ...services.presence import OFFLINE, ONLINE, SIGNED_OFF, PresenceService, PresenceView
from ..error_texts import error_text
from ..session import AppSession
from ..theme import set_tone

STATE_TEXTS = {
    ONLINE: QT_TRANSLATE_NOOP("PresencePanel", "Online"),
    OFFLINE: QT_TRANSLATE_NOOP("PresencePanel", "No signal"),
    SIGNED_OFF: QT_TRANSLATE_NOOP("PresencePanel", "Closed"),
}
STATE_COLOURS = {ONLINE: "#c8e6c9", OFFLINE: "#ffcdd2", SIGNED_OFF: "#eeeeee"}


class PresencePanel(QWidget):
    def __init__(
        self,
        session: AppSession,
        presence: PresenceService | None = None,
        *,
        refresh_ms: int = 5000,
    ) -> None:
        super().__init__()
        self.setObjectName("presence_panel")
        self.session = session
        assert session.services is not None
        self.presence = presence or PresenceService(session.services.ctx)
        self.rows: list[PresenceView] = []
        self.summary = QLabel(objectName="presence_summary")
        self.error = QLabel(objectName="presence_error")
        set_tone(self.error, "error")
        self.table = QTreeWidget(objectName="presence_table")
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels(
            [
                self.tr("Workstation"),
                self.tr("State"),
                self.tr("Operator"),
                self.tr("Last signal"),
                self.tr("Started"),
                self.tr("Version"),
            ]
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        self._timer = QTimer(self, interval=refresh_ms)
        self._timer.timeout.connect(self.reload)
        self._timer.start()
        if session.bus is not None:
            session.bus.sig_changes.connect(self._on_changes)
        self.reload()

    def reload(self) -> None:
        self.session.worker.submit(self.presence.list, self.set_rows, self._on_error)

    def _on_changes(self, entries: list[FeedEntry]) -> None:
        if any(e.entity == "workstation" for e in entries):
            self.reload()

    def _on_error(self, exc: BaseException) -> None:
        self.error.setText(error_text(exc))  # the last known list stays

    def set_rows(self, rows: list[PresenceView]) -> None:
        self.error.clear()
        self.rows = rows
        self.table.clear()
        here = self.session.config.effective_workstation
        for p in rows:
            name = p.name + ("  " + self.tr("(this one)") if p.name == here else "")
            ago = self.tr("{duration} ago").format(duration=format_duration(p.seconds_since))
            item = QTreeWidgetItem(
                [
                    name,
                    QCoreApplication.translate("PresencePanel", STATE_TEXTS[p.state]),
                    p.username or "—",
                    ago,
                    to_wib(p.started_at).strftime("%d/%m %H:%M"),
                    p.app_version or "",
                ]
            )
            item.setBackground(1, QBrush(QColor(STATE_COLOURS[p.state])))
            self.table.addTopLevelItem(item)
        for col in range(self.table.columnCount()):
            self.table.resizeColumnToContents(col)
        online = sum(1 for p in rows if p.state == ONLINE)
        lost = sum(1 for p in rows if p.state == OFFLINE)
        text = self.tr("{online} workstations online").format(online=online)
        if lost:
            text += " · " + self.tr("{count} without signal").format(count=lost)
        self.summary.setText(text)


class PresenceDialog(QDialog):
    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("presence_dialog")
        self.setWindowTitle(self.tr("Workstations"))
        self.panel = PresencePanel(session)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        layout.addWidget(buttons)
        self.resize(720, 340)
