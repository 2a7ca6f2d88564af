"""Import of a call log: preview of the first rows, every problem found, then the import.

Choosing a file shows its first rows at once and checks the whole file (a dry run:
the same code as the import, rolled back) with a progress bar; the Import button then
writes it, all or nothing unless "Skip bad rows" is ticked.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import SiagaError
from ...services.importer import ImportProgress, ImportService, ImportSummary, Preview
from ..error_texts import error_text
from ..jobs import BackgroundJob
from ..session import AppSession
from ..theme import set_tone

PREVIEW_ROWS = 20


def problem_text(template: str, params: dict[str, Any]) -> str:
    """A problem of a row in the user's language (templates are in context Errors)."""
    return error_text(SiagaError(template, **params))


class PathRow(QWidget):
    """A file name field with a Choose… button."""

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(placeholderText=placeholder)
        self.edit.setObjectName("path")
        self.button = QPushButton(self.tr("Choose…"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)

    @property
    def path(self) -> Path | None:
        text = self.edit.text().strip()
        return Path(text) if text else None


class ImportCallsDialog(QDialog):
    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_calls_dialog")
        self.setWindowTitle(self.tr("Import call log"))
        self.resize(1100, 680)
        self.session = session
        assert session.services is not None
        self.service = ImportService(session.services.ctx)
        self.job: BackgroundJob | None = None
        self.checked: ImportSummary | None = None

        intro = QLabel(
            self.tr(
                "A CSV or XLSX file with one call a row and the columns of the call-log "
                "format (external_id, received_at, outcome, …). Times without an offset are WIB."
            )
        )
        intro.setWordWrap(True)
        self.file = PathRow(self.tr("File to import (.csv or .xlsx)"))
        self.file.button.clicked.connect(self.choose)
        self.file.edit.returnPressed.connect(self.load)
        self.info = QLabel(objectName="file_info")

        self.preview = QTableWidget(objectName="preview")
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.preview.setAlternatingRowColors(True)
        self.problems = QTableWidget(0, 3, objectName="problems")
        self.problems.setHorizontalHeaderLabels(
            [self.tr("Line"), self.tr("Column"), self.tr("Problem")]
        )
        self.problems.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.problems.verticalHeader().setVisible(False)
        header = self.problems.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        split = QSplitter(Qt.Orientation.Vertical)
        for title, table in (
            (self.tr("First rows of the file"), self.preview),
            (self.tr("Problems found"), self.problems),
        ):
            box = QWidget()
            lay = QVBoxLayout(box)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.addWidget(QLabel(f"<b>{title}</b>"))
            lay.addWidget(table)
            split.addWidget(box)

        self.summary = QLabel(objectName="summary")
        self.summary.setWordWrap(True)
        self.skip_bad = QCheckBox(self.tr("Skip bad rows (import only the good ones)"))
        self.skip_bad.setObjectName("skip_bad")
        self.skip_bad.toggled.connect(self._update_buttons)
        self.progress = QProgressBar(objectName="progress")
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("%p%"))
        self.buttons = QDialogButtonBox()
        self.btn_import = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.btn_import.setObjectName("btn_import")
        self.btn_cancel = self.buttons.addButton(
            self.tr("Stop"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.btn_close = self.buttons.addButton(
            self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.btn_import.clicked.connect(self.run_import)
        self.btn_cancel.clicked.connect(self.cancel)
        self.btn_close.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.file)
        layout.addWidget(self.info)
        layout.addWidget(split, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.skip_bad)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self._update_buttons()

    # -- choosing and checking ------------------------------------------------------------
    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import call log"), "", self.tr("Call logs (*.csv *.xlsx);;All files (*)")
        )
        if path:
            self.set_file(Path(path))

    def set_file(self, path: Path) -> None:
        self.file.edit.setText(str(path))
        self.load()

    def load(self) -> None:
        path = self.file.path
        if path is None or self.busy:
            return
        self.checked = None
        self.preview.clear()
        self.problems.setRowCount(0)
        self.summary.clear()
        self.info.setText(self.tr("Reading…"))
        self._start(
            lambda report, cancelled: self.service.preview(path, PREVIEW_ROWS),
            self._on_preview,
        )

    def _on_preview(self, preview: Preview) -> None:
        kind = preview.kind.upper()
        self.info.setText(
            self.tr("{file}: {kind}, {encoding}, {columns} columns").format(
                file=preview.file,
                kind=kind,
                encoding=preview.encoding,
                columns=len(preview.columns),
            )
        )
        self.preview.setColumnCount(len(preview.columns))
        self.preview.setRowCount(len(preview.rows))
        self.preview.setHorizontalHeaderLabels(list(preview.columns))
        self.preview.setVerticalHeaderLabels([str(line) for line, _ in preview.rows])
        for r, (_, cells) in enumerate(preview.rows):
            for c, text in enumerate(cells):
                self.preview.setItem(r, c, QTableWidgetItem(text))
        self.preview.resizeColumnsToContents()
        self.check()

    def check(self) -> None:
        path = self.file.path
        actor = self.session.actor
        if path is None or actor is None:
            return
        self.summary.setText(self.tr("Checking every row…"))
        self._start(
            lambda report, cancelled: self.service.import_file(
                actor,
                path,
                dry_run=True,
                progress=lambda p: report(p.rows, _fraction(p)),
                cancel=cancelled,
            ),
            self._on_checked,
        )

    def _on_checked(self, summary: ImportSummary) -> None:
        self.checked = summary
        self._show_problems(summary)
        if summary.bad_rows:
            text = self.tr(
                "{rows} rows checked: {bad} bad rows (see the problems). The good rows hold "
                "{calls} calls and {incidents} incidents; {present} rows are already in the "
                "database."
            )
        else:
            text = self.tr(
                "{rows} rows checked, no problems: {calls} calls and {incidents} incidents to "
                "import; {present} rows are already in the database."
            )
        self.summary.setText(
            text.format(
                rows=summary.rows,
                bad=summary.bad_rows,
                calls=summary.calls,
                incidents=summary.incidents,
                present=summary.already_present,
            )
        )
        self._update_buttons()

    def _show_problems(self, summary: ImportSummary) -> None:
        self.problems.setRowCount(len(summary.problems))
        for r, p in enumerate(summary.problems):
            line = QTableWidgetItem(str(p.line) if p.line else "")
            line.setData(Qt.ItemDataRole.UserRole, p.line)
            self.problems.setItem(r, 0, line)
            self.problems.setItem(r, 1, QTableWidgetItem(p.column or ""))
            self.problems.setItem(r, 2, QTableWidgetItem(problem_text(p.template, p.params)))
        self.problems.resizeColumnToContents(0)
        self.problems.resizeColumnToContents(1)

    # -- importing ------------------------------------------------------------------------
    def run_import(self) -> None:
        path = self.file.path
        actor = self.session.actor
        if path is None or actor is None or self.busy:
            return
        skip = self.skip_bad.isChecked()
        self.summary.setText(self.tr("Importing…"))
        self._start(
            lambda report, cancelled: self.service.import_file(
                actor,
                path,
                skip_bad=skip,
                progress=lambda p: report(p.rows, _fraction(p)),
                cancel=cancelled,
            ),
            self._on_imported,
        )

    def _on_imported(self, summary: ImportSummary) -> None:
        self._show_problems(summary)
        self.checked = None
        if summary.committed:
            self.summary.setText(
                self.tr(
                    "Imported: {calls} calls and {incidents} incidents from {rows} rows; "
                    "{present} rows were already there, {bad} bad rows skipped."
                ).format(
                    calls=summary.calls,
                    incidents=summary.incidents,
                    rows=summary.rows,
                    present=summary.already_present,
                    bad=summary.bad_rows,
                )
            )
            set_tone(self.summary, "ok", bold=True)
        else:
            self.summary.setText(
                self.tr("Nothing was imported: {bad} bad rows.").format(bad=summary.bad_rows)
            )
        self._update_buttons()

    # -- plumbing -------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self.job is not None and self.job.running

    def _start(self, fn: Any, on_done: Any) -> None:
        self.job = BackgroundJob(fn, self)
        self.job.sig_progress.connect(self._on_progress)
        self.job.sig_done.connect(on_done)
        self.job.sig_done.connect(lambda _r: self._update_buttons())
        self.job.sig_failed.connect(self._on_failed)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.summary.setStyleSheet("")
        self.job.start()
        self._update_buttons()

    def _on_progress(self, rows: int, fraction: float) -> None:
        if fraction < 0:
            self.progress.setRange(0, 0)  # busy indicator: the size is not known
        else:
            self.progress.setRange(0, 100)
            self.progress.setValue(round(fraction * 100))
        self.progress.setFormat(self.tr("{rows} rows").format(rows=f"{rows:,}") + " · %p%")

    def _on_failed(self, exc: BaseException) -> None:
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.info.setText("")
        self.summary.setText(error_text(exc))
        set_tone(self.summary, "error")
        self._update_buttons()

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _update_buttons(self) -> None:
        busy = self.busy
        c = self.checked
        ready = c is not None and (c.bad_rows == 0 or self.skip_bad.isChecked())
        self.btn_import.setEnabled(not busy and ready and bool(c and c.calls))
        self.btn_cancel.setEnabled(busy)
        self.btn_close.setEnabled(not busy)
        self.file.setEnabled(not busy)

    def reject(self) -> None:
        if self.busy:
            return  # Stop first: the import is one transaction
        super().reject()


def _fraction(p: ImportProgress) -> float:
    return -1.0 if p.fraction is None else p.fraction
