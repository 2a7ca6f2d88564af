"""The handover notes of a shift: read them (reports right), write one (supervisors)."""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...domain.permissions import Action, Actor
from ...domain.shifts import ShiftSchedule
from ...services.report_files import wib_text
from ...services.reports import HandoverNoteView, ReportService
from ..error_texts import error_text
from ..worker import DbWorker


class HandoverDialog(QDialog):
    def __init__(
        self,
        reports: ReportService,
        worker: DbWorker,
        actor: Actor,
        schedule: ShiftSchedule,
        shift_key: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("handover_dialog")
        self.setWindowTitle(self.tr("Handover notes"))
        self.resize(620, 520)
        self.reports, self.worker, self.actor, self.schedule = reports, worker, actor, schedule
        day, name = shift_key.split("/")
        self.date = QDateEdit(QDate.fromString(day, "yyyy-MM-dd"))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd-MM-yyyy")
        self.cmb_shift = QComboBox()
        for d in schedule.shifts:
            self.cmb_shift.addItem(d.label, d.name)
        self.cmb_shift.setCurrentIndex(max(self.cmb_shift.findData(name), 0))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Shift:")))
        top.addWidget(self.date)
        top.addWidget(self.cmb_shift)
        top.addStretch(1)
        self.notes = QTextBrowser()
        self.notes.setObjectName("handover_notes")
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("handover_editor")
        self.editor.setPlaceholderText(
            self.tr("What the next shift must know: open incidents, units out of service, …")
        )
        self.editor.setMaximumHeight(120)
        self.btn_add = QPushButton(self.tr("Add note"))
        self.btn_add.setObjectName("handover_add")
        self.status = QLabel("")
        self.status.setObjectName("handover_status")
        self.status.setWordWrap(True)
        can_write = actor.can(Action.HANDOVER)
        for w in (self.editor, self.btn_add):
            w.setVisible(can_write)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.notes, 1)
        lay.addWidget(self.editor)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.btn_add)
        lay.addLayout(row)
        lay.addWidget(buttons)
        self.date.dateChanged.connect(self.load)
        self.cmb_shift.currentIndexChanged.connect(self.load)
        self.btn_add.clicked.connect(self.add)
        self.loaded: tuple[HandoverNoteView, ...] = ()
        self.load()

    def shift_key(self) -> str:
        d = self.date.date()
        return f"{date(d.year(), d.month(), d.day()).isoformat()}/{self.cmb_shift.currentData()}"

    def load(self) -> None:
        key = self.shift_key()
        self.worker.submit(lambda: self.reports.notes(self.actor, key), self._show, self._fail)

    def _show(self, notes: tuple[HandoverNoteView, ...]) -> None:
        self.loaded = notes
        if not notes:
            self.notes.setHtml(f"<p><i>{html.escape(self.tr('No notes for this shift.'))}</i></p>")
            return
        parts = [
            f"<p><b>{html.escape(wib_text(n.created_at))} WIB — {html.escape(n.author or '')}</b>"
            f"<br>{html.escape(n.text).replace(chr(10), '<br>')}</p>"
            for n in notes
        ]
        self.notes.setHtml("".join(parts))

    def add(self) -> None:
        text = self.editor.toPlainText()
        key = self.shift_key()
        self.btn_add.setEnabled(False)
        self.worker.submit(
            lambda: self.reports.add_note(self.actor, key, text), self._added, self._fail
        )

    def _added(self, note: HandoverNoteView) -> None:
        self.btn_add.setEnabled(True)
        self.editor.clear()
        self.status.setText(self.tr("Note saved."))
        self.load()

    def _fail(self, exc: BaseException) -> None:
        self.btn_add.setEnabled(True)
        self.status.setText(error_text(exc))
