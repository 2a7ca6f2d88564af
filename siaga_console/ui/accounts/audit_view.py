"""Supervisor: search the audit trail by incident, user and time; verify the chain."""

from __future__ import annotations

import json

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.permissions import Actor
from ...domain.timeutil import WIB, as_utc, to_wib
from ...services.audit import AuditRow, VerifyResult
from ...services.container import Services
from ..error_texts import error_text
from ..theme import set_tone
from ..worker import DbWorker


class AuditDialog(QDialog):
    def __init__(
        self, services: Services, worker: DbWorker, actor: Actor, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("audit_dialog")
        self.services, self.worker, self.actor = services, worker, actor
        self.setWindowTitle(self.tr("Audit trail"))
        self.resize(1000, 560)
        self.incident = QLineEdit(objectName="audit_incident")
        self.incident.setPlaceholderText(self.tr("Incident number"))
        self.user = QLineEdit(objectName="audit_user")
        self.user.setPlaceholderText(self.tr("User name"))
        self.use_time = QCheckBox(self.tr("From"))
        self.start = QDateTimeEdit(QDateTime.currentDateTime().addDays(-1))
        self.start.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.end = QDateTimeEdit(QDateTime.currentDateTime().addSecs(3600))
        self.end.setDisplayFormat("dd/MM/yyyy HH:mm")
        search = QPushButton(self.tr("Search"), objectName="audit_search")
        search.clicked.connect(self.search)
        verify = QPushButton(self.tr("Verify the chain"), objectName="audit_verify")
        verify.clicked.connect(self.verify)
        row = QHBoxLayout()
        for w in (
            self.incident,
            self.user,
            self.use_time,
            self.start,
            QLabel(self.tr("to")),
            self.end,
            search,
            verify,
        ):
            row.addWidget(w)
        self.table = QTableWidget(0, 6, objectName="audit_table")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Time"),
                self.tr("User"),
                self.tr("Workstation"),
                self.tr("Action"),
                self.tr("Object"),
                self.tr("Before → after"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for c, w in enumerate((130, 100, 100, 170, 110)):
            self.table.setColumnWidth(c, w)
        self.message = QLabel(objectName="audit_message")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.search()

    def search(self) -> None:
        services, actor = self.services, self.actor
        number, user = self.incident.text().strip(), self.user.text().strip()
        start = end = None
        if self.use_time.isChecked():
            start = as_utc(self.start.dateTime().toPython().replace(tzinfo=WIB))
            end = as_utc(self.end.dateTime().toPython().replace(tzinfo=WIB))

        def run() -> list[AuditRow]:
            entity_id = services.incidents.by_number(number).id if number else None
            return services.audit.search(
                actor, entity_id=entity_id, username=user or None, start=start, end=end
            )

        self.worker.submit(run, self._show, self._error)

    def _show(self, rows: list[AuditRow]) -> None:
        self.message.clear()
        self.table.setRowCount(len(rows))
        for r, e in enumerate(rows):
            change = ""
            if e.before or e.after:
                change = (
                    f"{json.dumps(e.before, ensure_ascii=False) if e.before else '—'} → "
                    f"{json.dumps(e.after, ensure_ascii=False) if e.after else '—'}"
                )
            cells = (
                to_wib(e.at).strftime("%d/%m %H:%M:%S"),
                e.username or "",
                e.workstation or "",
                e.action,
                f"{e.entity or ''} {e.entity_id or ''}",
                change,
            )
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))

    def verify(self) -> None:
        self.worker.submit(self.services.audit.verify, self._verified, self._error)

    def _verified(self, result: VerifyResult) -> None:
        if result.ok:
            set_tone(self.message, "ok", bold=True)
            self.message.setText(
                self.tr("Audit trail intact: {count} entries verified.").format(
                    count=result.checked
                )
            )
        else:
            set_tone(self.message, "error", bold=True)
            self.message.setText(
                self.tr(
                    "Audit trail BROKEN at entry {id}: it was changed or removed after it was "
                    "written."
                ).format(id=result.first_broken_id)
            )

    def _error(self, exc: BaseException) -> None:
        set_tone(self.message, "error")
        self.message.setText(error_text(exc))
