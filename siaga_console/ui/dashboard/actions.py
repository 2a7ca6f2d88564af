"""The Reports menu: export a shift's (or a period's) report, and the handover notes.

Both need a supervisor's rights (reports: VIEW_REPORTS; writing notes: HANDOVER); an
operator does not see the menu. The report is built on the database worker; the file is
written on a thread of its own (a month's workbook or PDF takes seconds, which the other
panels' reads must not wait for). Only a PDF's charts are drawn on the GUI thread (widgets).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QObject, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QMainWindow,
    QMenu,
    QRadioButton,
    QWidget,
)

from ...domain.permissions import Action, Actor
from ...domain.shifts import ShiftSchedule
from ...domain.timeutil import to_wib
from ...services.reports import ReportService, ShiftReport
from ...services.stats import Period, resolve_period, shift_period
from ..error_texts import error_text
from ..jobs import BackgroundJob
from ..session import AppSession
from .export import write_report
from .handover import HandoverDialog
from .panel import DashboardPanel
from .texts import report_texts


def _pydate(d: QDate) -> date:
    return date(d.year(), d.month(), d.day())


class ReportDialog(QDialog):
    """Which period, which format, with or without the calls and full numbers."""

    def __init__(
        self, schedule: ShiftSchedule, actor: Actor, default: Period, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("report_dialog")
        self.setWindowTitle(self.tr("Shift report"))
        self.schedule = schedule
        start = to_wib(default.start).date()
        self.rb_shift = QRadioButton(self.tr("Shift"))
        self.rb_range = QRadioButton(self.tr("Date range"))
        self.rb_shift.setChecked(default.shift_key is not None)
        self.rb_range.setChecked(default.shift_key is None)
        self.shift_day = self._date(start)
        self.cmb_shift = QComboBox()
        for d in schedule.shifts:
            self.cmb_shift.addItem(d.label, d.name)
        if default.shift_key:
            self.cmb_shift.setCurrentIndex(
                max(self.cmb_shift.findData(default.shift_key.split("/")[1]), 0)
            )
        self.first_day = self._date(start)
        self.last_day = self._date(to_wib(default.end - timedelta(seconds=1)).date())
        self.cmb_format = QComboBox()
        self.cmb_format.setObjectName("report_format")
        self.cmb_format.addItem(self.tr("PDF document"), "pdf")
        self.cmb_format.addItem(self.tr("Excel workbook (XLSX)"), "xlsx")
        self.cmb_format.addItem(self.tr("CSV file"), "csv")
        self.chk_calls = QCheckBox(self.tr("Include the list of calls"))
        self.chk_calls.setChecked(True)
        self.chk_numbers = QCheckBox(self.tr("Show full caller numbers"))
        self.chk_numbers.setChecked(True)
        self.chk_numbers.setVisible(actor.can(Action.SEE_CALLER_NUMBERS))
        shift_row = QHBoxLayout()
        shift_row.addWidget(self.shift_day)
        shift_row.addWidget(self.cmb_shift)
        range_row = QHBoxLayout()
        range_row.addWidget(self.first_day)
        range_row.addWidget(self.last_day)
        form = QFormLayout(self)
        form.addRow(self.rb_shift, shift_row)
        form.addRow(self.rb_range, range_row)
        form.addRow(self.tr("Format:"), self.cmb_format)
        form.addRow("", self.chk_calls)
        form.addRow("", self.chk_numbers)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save as…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.cmb_format.currentIndexChanged.connect(self._sync)
        self._sync()

    def _date(self, d: date) -> QDateEdit:
        e = QDateEdit(QDate(d.year, d.month, d.day))
        e.setCalendarPopup(True)
        e.setDisplayFormat("dd-MM-yyyy")
        return e

    def _sync(self) -> None:
        self.chk_calls.setEnabled(self.fmt() != "pdf")

    def fmt(self) -> str:
        return str(self.cmb_format.currentData())

    def period(self) -> Period:
        """The chosen period (raises ValidationError for a bad one)."""
        if self.rb_shift.isChecked():
            key = f"{_pydate(self.shift_day.date()).isoformat()}/{self.cmb_shift.currentData()}"
            return shift_period(self.schedule.parse(key))
        first, last = _pydate(self.first_day.date()), _pydate(self.last_day.date())
        p = resolve_period(
            self.schedule, start=first.isoformat(), end=(last + timedelta(days=1)).isoformat()
        )
        return Period(p.start, p.end, f"{first:%d-%m-%Y} – {last:%d-%m-%Y}")


class ReportActions(QObject):
    sig_done = Signal(str)  # path written
    sig_failed = Signal(str)

    def __init__(
        self,
        window: QMainWindow,
        session: AppSession,
        panel: DashboardPanel,
        reports: ReportService,
    ) -> None:
        super().__init__(window)
        self.window, self.session, self.panel, self.reports = window, session, panel, reports
        self._jobs: set[BackgroundJob] = set()  # files being written
        actor = session.actor
        self.menu = QMenu(self.tr("&Reports"), window)
        self.menu.setObjectName("menu_reports")
        self.act_report = QAction(self.tr("Shift report (PDF, Excel, CSV)…"), window)
        self.act_report.setObjectName("act_shift_report")
        self.act_report.triggered.connect(self.open_report_dialog)
        self.act_handover = QAction(self.tr("Handover notes…"), window)
        self.act_handover.setObjectName("act_handover")
        self.act_handover.triggered.connect(self.open_handover)
        self.menu.addAction(self.act_report)
        self.menu.addAction(self.act_handover)
        bar = window.menuBar()
        help_menu = getattr(window, "m_help", None)
        if help_menu is not None:
            bar.insertMenu(help_menu.menuAction(), self.menu)
        else:
            bar.addMenu(self.menu)
        allowed = actor is not None and actor.can(Action.VIEW_REPORTS)
        self.act_report.setVisible(allowed)
        self.act_handover.setVisible(allowed)
        self.menu.menuAction().setVisible(allowed)
        self.sig_done.connect(self._say_done)
        self.sig_failed.connect(self._say_failed)

    # -- the report -----------------------------------------------------------------------
    def _default_period(self) -> Period | None:
        ref = self.panel.reference
        if ref is None:
            return None
        return self.panel.current_period() or shift_period(ref.schedule.at(self.panel.now()))

    def open_report_dialog(self) -> None:
        default = self._default_period()
        ref = self.panel.reference
        if default is None or ref is None or self.session.actor is None:
            return
        dlg = ReportDialog(ref.schedule, self.session.actor, default, self.window)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            period = dlg.period()
        except Exception as exc:
            self.sig_failed.emit(error_text(exc))
            return
        fmt = dlg.fmt()
        suggested = f"laporan-{period.label.replace('/', '-').replace(' ', '')}.{fmt}"
        filters = {"pdf": "PDF (*.pdf)", "csv": "CSV (*.csv)", "xlsx": "Excel (*.xlsx)"}
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Save the report"), suggested, filters[fmt]
        )
        if not path:
            return
        if not path.lower().endswith(f".{fmt}"):
            path += f".{fmt}"
        self.export(period, fmt, Path(path), dlg.chk_calls.isChecked(), dlg.chk_numbers.isChecked())

    def export(
        self, period: Period, fmt: str, path: Path, with_calls: bool = True, reveal: bool = True
    ) -> None:
        """Build the report on the worker, then write it (emits sig_done or sig_failed)."""
        actor = self.session.actor
        assert actor is not None
        reports = self.reports

        def build() -> ShiftReport:
            return reports.build(
                actor, period, with_calls=with_calls and fmt != "pdf", reveal_numbers=reveal
            )

        self.window.statusBar().showMessage(self.tr("Preparing the report…"))
        self.session.worker.submit(build, lambda rep: self._write(rep, fmt, path), self._fail)

    def _write(self, report: ShiftReport, fmt: str, path: Path) -> None:
        services = self.session.services
        assert services is not None
        names = self.panel.names
        # The labels come from the panel (already read); the texts in the installed language.
        texts = report_texts(self.session.language, [], [])
        texts.update({f"category.{k}": v for k, v in names.categories.items()})
        texts.update({f"kecamatan.{k}": v for k, v in names.kecamatan.items()})
        images = None
        if fmt == "pdf":
            from .pdf_report import chart_images

            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                images = chart_images(report, texts, names)
            except Exception as exc:
                self._fail(exc)
                return
            finally:
                QGuiApplication.restoreOverrideCursor()

        def write(_progress: object, _cancelled: object) -> Path:
            return write_report(report, fmt, path, texts, names, images)

        job = BackgroundJob(write, parent=self)
        self._jobs.add(job)

        def finished(result: object, exc: BaseException | None) -> None:
            self._jobs.discard(job)
            job.deleteLater()
            if exc is not None:
                self._fail(exc)
            else:
                self.sig_done.emit(str(result))

        job.sig_done.connect(lambda p: finished(p, None))
        job.sig_failed.connect(lambda e: finished(None, e))
        job.start()

    def _fail(self, exc: BaseException) -> None:
        self.sig_failed.emit(error_text(exc) if not isinstance(exc, OSError) else str(exc))

    def _say_done(self, path: str) -> None:
        self.window.statusBar().showMessage(
            self.tr("Report saved: {path}").format(path=path), 15000
        )

    def _say_failed(self, text: str) -> None:
        self.window.statusBar().showMessage(
            self.tr("The report was not saved: {error}").format(error=text), 15000
        )

    # -- handover -------------------------------------------------------------------------
    def open_handover(self) -> HandoverDialog | None:
        ref = self.panel.reference
        actor = self.session.actor
        if ref is None or actor is None:
            return None
        key = ref.schedule.at(self.panel.now()).key
        dlg = HandoverDialog(
            self.reports, self.session.worker, actor, ref.schedule, key, self.window
        )
        dlg.open()
        return dlg
