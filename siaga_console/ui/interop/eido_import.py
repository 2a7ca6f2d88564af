"""Import of an EIDO document: checked against the schema first, then stored."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from ...services.eido import EidoImportResult, EidoService
from ..error_texts import error_text
from ..jobs import BackgroundJob
from ..session import AppSession
from ..theme import set_tone
from .import_dialog import PathRow


class EidoImportDialog(QDialog):
    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eido_import_dialog")
        self.setWindowTitle(self.tr("Import EIDO"))
        self.resize(760, 420)
        self.session = session
        assert session.services is not None
        self.service = EidoService(session.services.ctx)
        self.job: BackgroundJob | None = None
        self.file = PathRow(self.tr("EIDO document (.json)"))
        self.file.button.clicked.connect(self.choose)
        self.file.edit.returnPressed.connect(self.check)
        self.status = QLabel(objectName="status")
        self.status.setWordWrap(True)
        self.details = QListWidget(objectName="details")
        self.buttons = QDialogButtonBox()
        self.btn_import = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.btn_import.setObjectName("btn_import")
        self.btn_close = self.buttons.addButton(
            self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.btn_import.clicked.connect(self.run_import)
        self.btn_close.clicked.connect(self.reject)
        self.btn_import.setEnabled(False)
        intro = QLabel(
            self.tr(
                "An incident from another center or system as a NENA EIDO document. It is "
                "checked against the EIDO schema; an incident already here is not changed."
            )
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.file)
        layout.addWidget(self.status)
        layout.addWidget(self.details, 1)
        layout.addStretch(0)
        layout.addWidget(self.buttons)
        self.details.setVisible(False)

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.windowTitle(), "", self.tr("EIDO documents (*.json);;All files (*)")
        )
        if path:
            self.set_file(Path(path))

    def set_file(self, path: Path) -> None:
        self.file.edit.setText(str(path))
        self.check()

    def check(self) -> None:
        path, actor = self.file.path, self.session.actor
        if path is None or actor is None:
            return
        self.btn_import.setEnabled(False)
        self.details.clear()
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Checking against the EIDO schema…"))
        self._run(
            lambda report, cancelled: self.service.import_document(actor, path, dry_run=True),
            self._on_checked,
        )

    def _on_checked(self, r: EidoImportResult) -> None:
        if not r.created:
            self.status.setText(
                self.tr("This incident is already here as {number}: nothing to import.").format(
                    number=r.number
                )
            )
            return
        self.status.setText(
            self.tr(
                "Valid EIDO document: one incident with {calls} calls and {units} units ({id})."
            ).format(calls=r.calls, units=r.units, id=r.tracking_id)
        )
        self._warnings(r)
        self.btn_import.setEnabled(True)

    def run_import(self) -> None:
        path, actor = self.file.path, self.session.actor
        if path is None or actor is None:
            return
        self.btn_import.setEnabled(False)
        self._run(
            lambda report, cancelled: self.service.import_document(actor, path), self._on_imported
        )

    def _on_imported(self, r: EidoImportResult) -> None:
        self.status.setText(
            self.tr("Imported as incident {number}.").format(number=r.number)
            if r.created
            else self.tr("This incident is already here as {number}: nothing to import.").format(
                number=r.number
            )
        )
        set_tone(self.status, "ok", bold=True)
        self._warnings(r)

    def _warnings(self, r: EidoImportResult) -> None:
        self.details.clear()
        for w in r.warnings:
            self.details.addItem(self.tr("Note: {text}").format(text=w))
        self.details.setVisible(bool(r.warnings))

    def _run(self, fn: Any, on_done: Any) -> None:
        self.job = BackgroundJob(fn, self)
        self.job.sig_done.connect(on_done)
        self.job.sig_failed.connect(self._on_failed)
        self.job.start()

    def _on_failed(self, exc: BaseException) -> None:
        self.status.setText(error_text(exc))
        set_tone(self.status, "error")
        self.btn_import.setEnabled(False)
