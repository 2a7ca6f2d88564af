"""Delivery state of the field notifications of one incident (for the incident detail view).

Reads through the shared database worker; follows the change feed, so a message that a
sender on any workstation delivers shows up here within a poll.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.timeutil import to_wib
from ...services.feed import FeedEntry
from ...services.notifications import NotificationService, NotificationView
from ..error_texts import error_text
from ..session import AppSession
from ..theme import set_tone

STATUS_TEXT = {
    "pending": QT_TRANSLATE_NOOP("DeliveryState", "Queued"),
    "sending": QT_TRANSLATE_NOOP("DeliveryState", "Sending…"),
    "retrying": QT_TRANSLATE_NOOP("DeliveryState", "Retrying at {time}"),
    "sent": QT_TRANSLATE_NOOP("DeliveryState", "Delivered"),
    "failed": QT_TRANSLATE_NOOP("DeliveryState", "Failed: call the unit"),
    "no_channel": QT_TRANSLATE_NOOP("DeliveryState", "No channel: call the unit"),
}
STATUS_COLOUR = {
    "pending": "#6d6d6d",
    "sending": "#1565c0",
    "retrying": "#ef6c00",
    "sent": "#2e7d32",
    "failed": "#c62828",
    "no_channel": "#c62828",
}
RESENDABLE = ("failed", "no_channel")


def status_text(n: NotificationView) -> str:
    text = QCoreApplication.translate("DeliveryState", STATUS_TEXT.get(n.status, n.status))
    time = f"{to_wib(n.next_attempt_at):%H:%M:%S}" if n.next_attempt_at else "—"
    text = text.format(time=time)
    if n.maybe_duplicate:
        text += " " + QCoreApplication.translate("DeliveryState", "(may arrive twice)")
    return text


class DeliveryStateWidget(QWidget):
    """One row per agency notified about the incident: status, attempts, last error."""

    def __init__(
        self, session: AppSession, incident_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("delivery_state")
        self.session = session
        assert session.services is not None
        self.service = NotificationService(session.services.ctx)
        self.incident_id = incident_id
        self.rows: list[NotificationView] = []
        self._loading = self._again = False
        self.title = QLabel(f"<b>{self.tr('Field notifications')}</b>")
        self.table = QTableWidget(0, 5, objectName="delivery_table")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Agency"),
                self.tr("State"),
                self.tr("Attempts"),
                self.tr("Sent"),
                self.tr("Detail"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_button)
        self.empty = QLabel(self.tr("No message was sent for this incident."))
        self.empty.setObjectName("delivery_empty")
        self.resend = QPushButton(self.tr("Send again"), objectName="delivery_resend")
        self.resend.setToolTip(self.tr("Queue the message again once the channel is fixed"))
        self.resend.clicked.connect(self.resend_selected)
        self.error = QLabel(objectName="delivery_error")
        set_tone(self.error, "error")
        bar = QHBoxLayout()
        bar.addWidget(self.title)
        bar.addStretch(1)
        bar.addWidget(self.resend)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        layout.addWidget(self.error)
        if session.bus is not None:
            session.bus.sig_changes.connect(self._on_changes)
        self._update_button()
        self.refresh()

    def set_incident(self, incident_id: int | None) -> None:
        self.incident_id = incident_id
        self.refresh()

    def refresh(self) -> None:
        if self.incident_id is None:
            self._show([])
            return
        if self._loading:
            self._again = True  # read again when the current read is back
            return
        self._loading, self._again = True, False
        incident = self.incident_id
        self.session.worker.submit(
            lambda: self.service.for_incident(incident),
            lambda rows: self._on_rows(incident, rows),
            self._on_error,
        )

    def _on_changes(self, entries: list[FeedEntry]) -> None:
        if any(e.entity == "incident" and e.entity_id == self.incident_id for e in entries):
            self.refresh()

    def _on_rows(self, incident: int, rows: list[NotificationView]) -> None:
        self._loading = False
        if self._again or incident != self.incident_id:
            self.refresh()
            return
        self._show(rows)

    def _on_error(self, exc: BaseException) -> None:
        self._loading = self._again = False
        self.error.setText(error_text(exc))

    def _show(self, rows: list[NotificationView]) -> None:
        self.rows = rows
        self.error.clear()
        self.table.setRowCount(len(rows))
        for r, n in enumerate(rows):
            state = QTableWidgetItem(status_text(n))
            state.setForeground(QBrush(QColor(STATUS_COLOUR.get(n.status, "#000000"))))
            state.setData(Qt.ItemDataRole.UserRole, n.status)
            sent = f"{to_wib(n.sent_at):%H:%M:%S}" if n.sent_at else ""
            cells = [QTableWidgetItem(n.agency), state, QTableWidgetItem(str(n.attempts))]
            cells += [QTableWidgetItem(sent), QTableWidgetItem(n.last_error or "")]
            cells[4].setToolTip(n.last_error or "")
            for c, item in enumerate(cells):
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        self._update_button()

    def _selected(self) -> NotificationView | None:
        rows = {i.row() for i in self.table.selectedItems()}
        return self.rows[min(rows)] if rows else None

    def _update_button(self) -> None:
        n = self._selected()
        self.resend.setEnabled(n is not None and n.status in RESENDABLE)

    def resend_selected(self) -> None:
        n, actor = self._selected(), self.session.actor
        if n is None or actor is None:
            return
        self.session.worker.submit(
            lambda: self.service.retry(actor, n.id), lambda _v: self._resent(), self._on_error
        )

    def _resent(self) -> None:
        notifier = self.session.extra.get("notifier")
        wake = getattr(notifier, "wake", None)
        if callable(wake):
            wake()
        self.refresh()
