"""Changes made during an outage that the database refused on replay: a person decides."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.timeutil import to_wib
from ...sync.commands import CHANGE_STATUS, UNIT_STATUS
from ...sync.gateway import CommandGateway
from ...sync.outbox import StoredCommand
from ...sync.replay import current_version
from ..labels import OUTCOMES, STATUSES, UNIT_STATUSES, label
from ..session import AppSession

VERSIONED = (CHANGE_STATUS, UNIT_STATUS)  # checked against the version the operator saw
KIND_TEXTS = {
    "log_call": QT_TRANSLATE_NOOP("ParkedCommandsDialog", "Call logged"),
    "link_duplicate": QT_TRANSLATE_NOOP("ParkedCommandsDialog", "Call linked"),
    "create_incident": QT_TRANSLATE_NOOP("ParkedCommandsDialog", "Incident opened"),
    "change_status": QT_TRANSLATE_NOOP("ParkedCommandsDialog", "Status change"),
    "add_note": QT_TRANSLATE_NOOP("ParkedCommandsDialog", "Note"),
    "unit_status": QT_TRANSLATE_NOOP("ParkedCommandsDialog", "Unit status"),
}


def describe(stored: StoredCommand) -> str:
    cmd = stored.command
    kind = KIND_TEXTS.get(cmd.kind)
    text = QCoreApplication.translate("ParkedCommandsDialog", kind) if kind else cmd.kind
    p = cmd.payload
    if cmd.kind == "change_status":
        text += f": → {label(STATUSES, p.get('target'))}"
    elif cmd.kind == "log_call":
        text += f": {label(OUTCOMES, p.get('outcome'))}"
    elif cmd.kind == "add_note":
        text += f": {p.get('text', '')[:60]}"
    elif cmd.kind == "unit_status":
        text += f": {p.get('call_sign', '')} → {label(UNIT_STATUSES, p.get('target'))}"
    elif cmd.kind == "create_incident" and cmd.provisional:
        text += f": {cmd.provisional}"
    return text


class ParkedCommandsDialog(QDialog):
    sig_resolved = Signal()

    def __init__(
        self, session: AppSession, gateway: CommandGateway, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("parked_dialog")
        self.setWindowTitle(self.tr("Changes not sent"))
        self.session = session
        self.gateway = gateway
        intro = QLabel(
            self.tr(
                "These changes were made while the database could not be reached. When they "
                "were sent, the database refused them, usually because another workstation "
                "had changed the same incident. Check the incident, then send again or drop."
            )
        )
        intro.setWordWrap(True)
        self.table = QTreeWidget(objectName="parked_table")
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels(
            [self.tr("Made at"), self.tr("Change"), self.tr("By"), self.tr("Why it was refused")]
        )
        self.btn_retry = QPushButton(self.tr("Send again"), objectName="parked_retry")
        self.btn_drop = QPushButton(self.tr("Drop"), objectName="parked_drop")
        self.btn_retry.clicked.connect(lambda: self._decide("retry"))
        self.btn_drop.clicked.connect(lambda: self._decide("discard"))
        row = QHBoxLayout()
        row.addWidget(self.btn_retry)
        row.addWidget(self.btn_drop)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(760, 360)
        self.items: list[StoredCommand] = []
        self.reload()

    def reload(self) -> None:
        self.items = self.gateway.outbox.parked()
        self.table.clear()
        for stored in self.items:
            err = stored.error or {}
            reason = _error_message(err)
            item = QTreeWidgetItem(
                [
                    to_wib(stored.command.created_at).strftime("%d/%m %H:%M:%S"),
                    describe(stored),
                    f"{stored.command.actor.username} · {stored.command.actor.workstation}",
                    reason,
                ]
            )
            item.setToolTip(3, reason)
            self.table.addTopLevelItem(item)
        for col in range(3):
            self.table.resizeColumnToContents(col)
        if self.items:
            self.table.setCurrentItem(self.table.topLevelItem(0))
        for b in (self.btn_retry, self.btn_drop):
            b.setEnabled(bool(self.items))

    def _decide(self, action: str) -> None:
        item = self.table.currentItem()
        if item is None:
            return
        stored = self.items[self.table.indexOfTopLevelItem(item)]
        if action == "retry" and stored.command.kind in VERSIONED:
            # "send again" means: on top of what is in the database now
            services = self.session.services
            assert services is not None
            self.session.worker.submit(
                lambda: current_version(services, stored.command),
                lambda v: self._resolve(stored.seq, action, v),
                lambda _e: self._resolve(stored.seq, action, None),
            )
            return
        self._resolve(stored.seq, action, None)

    def _resolve(self, seq: int, action: str, version: int | None) -> None:
        self.gateway.outbox.resolve(seq, action, version)
        self.reload()
        self.sig_resolved.emit()


def _error_message(err: dict[str, object]) -> str:
    template = err.get("template")
    params = err.get("params")
    if isinstance(template, str) and isinstance(params, dict):
        try:
            return QCoreApplication.translate("Errors", template).format(**params)
        except (KeyError, IndexError, ValueError):
            pass
    return str(err.get("message") or "")
