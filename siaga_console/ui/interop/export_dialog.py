"""Export of a period's calls and incidents (call-log CSV/XLSX) and of EIDO documents."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, QTimeZone
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.timeutil import WIB, to_wib
from ...services.eido import EidoService
from ...services.exporter import ExportService, ExportSummary
from ..error_texts import error_text
from ..jobs import BackgroundJob
from ..session import AppSession
from ..theme import set_tone
from .import_dialog import PathRow

_WIB = QTimeZone(b"Asia/Jakarta")


class PeriodRow(QWidget):
    """From / to (WIB, the end exclusive), by default the last seven days."""

    def __init__(self, now: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        local = to_wib(now).replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=1)
        self.start = self._edit(local - timedelta(days=7), "period_from")
        self.end = self._edit(local, "period_to")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.start)
        layout.addWidget(QLabel("–"))
        layout.addWidget(self.end)
        layout.addWidget(QLabel(self.tr("WIB (the end is not included)")))
        layout.addStretch(1)

    @staticmethod
    def _edit(value: datetime, name: str) -> QDateTimeEdit:
        edit = QDateTimeEdit(objectName=name)
        edit.setCalendarPopup(True)
        edit.setTimeZone(_WIB)
        edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(value.timestamp()), _WIB))
        return edit

    def period(self) -> tuple[datetime, datetime]:
        def of(edit: QDateTimeEdit) -> datetime:
            return datetime.fromtimestamp(edit.dateTime().toSecsSinceEpoch(), WIB)

        return of(self.start), of(self.end)

    def set_period(self, start: datetime, end: datetime) -> None:
        for edit, value in ((self.start, start), (self.end, end)):
            edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(value.timestamp()), _WIB))


class _JobDialog(QDialog):
    """Shared plumbing: a status line, a progress bar, Run / Close buttons."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.job: BackgroundJob | None = None
        self.status = QLabel(objectName="status")
        self.status.setWordWrap(True)
        self.progress = QProgressBar(objectName="progress")
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.buttons = QDialogButtonBox()
        # Texts of this base class have their own context: tr() would look them up under
        # the subclass's name at run time.
        self.btn_run = self.buttons.addButton(
            QCoreApplication.translate("InteropDialogs", "Export"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.btn_run.setObjectName("btn_run")
        self.btn_close = self.buttons.addButton(
            QCoreApplication.translate("InteropDialogs", "Close"),
            QDialogButtonBox.ButtonRole.RejectRole,
        )
        self.btn_run.clicked.connect(self.run)
        self.btn_close.clicked.connect(self.reject)

    def finish_layout(self, form: QFormLayout) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)

    def run(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def start(self, fn: Any, on_done: Any) -> None:
        self.job = BackgroundJob(fn, self)
        self.job.sig_progress.connect(self._on_progress)
        self.job.sig_done.connect(on_done)
        self.job.sig_failed.connect(self._on_failed)
        self.job.sig_done.connect(lambda _r: self._idle(True))
        self.job.sig_failed.connect(lambda _e: self._idle(True))
        self.status.setStyleSheet("")
        self.status.setText(QCoreApplication.translate("InteropDialogs", "Working…"))
        self.progress.setRange(0, 0)
        self._idle(False)
        self.job.start()

    def _idle(self, idle: bool) -> None:
        self.btn_run.setEnabled(idle)
        self.btn_close.setEnabled(idle)
        if idle:
            self.progress.setRange(0, 100)

    def _on_progress(self, done: int, fraction: float) -> None:
        if fraction >= 0:
            self.progress.setRange(0, 100)
            self.progress.setValue(round(fraction * 100))

    def _on_failed(self, exc: BaseException) -> None:
        self.progress.setValue(0)
        self.status.setText(error_text(exc))
        set_tone(self.status, "error")

    def done_text(self, text: str) -> None:
        self.progress.setValue(100)
        self.status.setText(text)
        set_tone(self.status, "ok", bold=True)

    def reject(self) -> None:
        if self.job is not None and self.job.running:
            return
        super().reject()


class ExportDialog(_JobDialog):
    """Calls and incidents of a period, in the call-log format (re-importable)."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setWindowTitle(self.tr("Export calls and incidents"))
        self.setObjectName("export_dialog")
        self.resize(720, 260)
        assert session.services is not None
        self.service = ExportService(session.services.ctx)
        self.period = PeriodRow(session.services.ctx.clock())
        self.csv = QRadioButton(self.tr("CSV (UTF-8, opens in Excel)"), objectName="fmt_csv")
        self.xlsx = QRadioButton(self.tr("XLSX (Excel workbook)"), objectName="fmt_xlsx")
        self.csv.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.csv)
        group.addButton(self.xlsx)
        group.buttonToggled.connect(lambda *_: self._fix_suffix())
        formats = QWidget()
        row = QHBoxLayout(formats)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.csv)
        row.addWidget(self.xlsx)
        row.addStretch(1)
        self.file = PathRow(self.tr("File to write"))
        self.file.button.clicked.connect(self.choose)
        note = QLabel(
            self.tr(
                "The file has the columns of the call-log import, so it can be imported into "
                "another console. It contains caller numbers and addresses: personal data."
            )
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Period"), self.period)
        form.addRow(self.tr("Format"), formats)
        form.addRow(self.tr("File"), self.file)
        form.addRow(note)
        self.finish_layout(form)

    @property
    def kind(self) -> str:
        return "xlsx" if self.xlsx.isChecked() else "csv"

    def _fix_suffix(self) -> None:
        path = self.file.path
        if path is not None:
            self.file.edit.setText(str(path.with_suffix("." + self.kind)))

    def choose(self) -> None:
        start, _ = self.period.period()
        suggested = f"panggilan-{start:%Y%m%d}.{self.kind}"
        path, _ = QFileDialog.getSaveFileName(
            self, self.windowTitle(), suggested, f"{self.kind.upper()} (*.{self.kind})"
        )
        if path:
            self.file.edit.setText(path)

    def run(self) -> None:
        path, actor = self.file.path, self.session.actor
        if path is None or actor is None:
            self.status.setText(self.tr("Choose a file first."))
            return
        if path.suffix.lower() not in (".csv", ".xlsx"):
            path = path.with_suffix("." + self.kind)
        start, end = self.period.period()
        kind = self.kind
        self.start(
            lambda report, cancelled: self.service.export_calls(
                actor,
                start,
                end,
                path,
                kind=kind,
                progress=lambda done, total: report(done, done / total if total else -1.0),
                cancel=cancelled,
            ),
            self._on_done,
        )

    def _on_done(self, s: ExportSummary) -> None:
        self.done_text(
            self.tr("Written: {file} ({calls} calls, {incidents} incidents).").format(
                file=s.file, calls=s.calls, incidents=s.incidents
            )
        )


class EidoExportDialog(_JobDialog):
    """One incident to a JSON file, or every incident of a period to a folder."""

    def __init__(
        self, session: AppSession, parent: QWidget | None = None, number: str = ""
    ) -> None:
        super().__init__(session, parent)
        self.setWindowTitle(self.tr("Export EIDO"))
        self.setObjectName("eido_export_dialog")
        self.resize(720, 280)
        assert session.services is not None
        self.service = EidoService(session.services.ctx)
        self.one = QRadioButton(self.tr("One incident"), objectName="eido_one")
        self.many = QRadioButton(self.tr("Every incident of a period"), objectName="eido_period")
        self.one.setChecked(True)
        self.number = QLineEdit(number, objectName="eido_number")
        self.number.setPlaceholderText("SRG-20261129-0001")
        self.period = PeriodRow(session.services.ctx.clock())
        self.target = PathRow(self.tr("File (one incident) or folder (a period)"))
        self.target.button.clicked.connect(self.choose)
        self.one.toggled.connect(self._mode)
        note = QLabel(
            self.tr(
                "NENA Emergency Incident Data Object (NENA-STA-021), JSON. Every document is "
                "checked against the EIDO schema before it is written."
            )
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.one, self.number)
        form.addRow(self.many, self.period)
        form.addRow(self.tr("Save to"), self.target)
        form.addRow(note)
        self.finish_layout(form)
        self._mode()

    def _mode(self) -> None:
        self.number.setEnabled(self.one.isChecked())
        self.period.setEnabled(not self.one.isChecked())

    def choose(self) -> None:
        if self.one.isChecked():
            name = f"{self.number.text().strip() or 'incident'}.eido.json"
            path, _ = QFileDialog.getSaveFileName(self, self.windowTitle(), name, "JSON (*.json)")
        else:
            path = QFileDialog.getExistingDirectory(self, self.windowTitle())
        if path:
            self.target.edit.setText(path)

    def run(self) -> None:
        target, actor = self.target.path, self.session.actor
        if target is None or actor is None:
            self.status.setText(self.tr("Choose where to save first."))
            return
        if self.one.isChecked():
            number = self.number.text().strip()

            def one(report: Any, cancelled: Any) -> int:
                doc = self.service.export_incident(actor, number)
                _write(target, doc)
                return 1

            self.start(one, lambda _n: self._on_one(number))
            return
        start, end = self.period.period()

        def many(report: Any, cancelled: Any) -> int:
            docs = self.service.export_period(actor, start, end)
            target.mkdir(parents=True, exist_ok=True)
            for i, (num, doc) in enumerate(docs, start=1):
                _write(target / f"{num}.eido.json", doc)
                report(i, i / len(docs))
            return len(docs)

        self.start(many, self._on_done)

    def _on_one(self, number: str) -> None:
        self.done_text(
            self.tr("EIDO of {number} written to {path}.").format(
                number=number, path=self.target.path
            )
        )

    def _on_done(self, count: int) -> None:
        self.done_text(
            self.tr("{count} EIDO documents written to {path}.").format(
                count=count, path=self.target.path
            )
        )


def _write(path: Path, doc: dict[str, Any]) -> None:
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
