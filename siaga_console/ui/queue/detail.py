"""Incident detail: header, status changes (valid ones only), timeline, calls, units, notes."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import IncidentStatus
from ...domain.errors import ConflictError
from ...domain.permissions import Action
from ...domain.phone import display_number
from ...domain.timeutil import to_wib
from ...services.views import IncidentDetail, IncidentRow
from ...sync.connection import is_connection_error
from ..error_texts import error_text
from ..interop.delivery import DeliveryStateWidget
from ..labels import OUTCOMES, PRIORITIES, STATUSES, UNIT_STATUSES, label
from ..session import AppSession
from ..sync.conflict import resolve_conflict
from ..sync.lock import LockBanner
from ..theme import PRIORITY_COLOURS, set_tone

EVENT_TEXTS = {
    "created": QT_TRANSLATE_NOOP("IncidentDetailPanel", "Incident opened"),
    "status": QT_TRANSLATE_NOOP("IncidentDetailPanel", "Status"),
    "dispatched": QT_TRANSLATE_NOOP("IncidentDetailPanel", "Unit dispatched"),
    "unit_status": QT_TRANSLATE_NOOP("IncidentDetailPanel", "Unit status"),
    "note": QT_TRANSLATE_NOOP("IncidentDetailPanel", "Note"),
    "updated": QT_TRANSLATE_NOOP("IncidentDetailPanel", "Details changed"),
    "call_linked": QT_TRANSLATE_NOOP("IncidentDetailPanel", "Call linked"),
    "merged": QT_TRANSLATE_NOOP("IncidentDetailPanel", "Merged into another incident"),
    "merged_in": QT_TRANSLATE_NOOP("IncidentDetailPanel", "Incident merged in"),
}


class IncidentDetailPanel(QWidget):
    sig_changed = Signal(object)  # IncidentRow after a command
    sig_dispatch_requested = Signal(int)
    sig_merge_requested = Signal(int)

    def __init__(self, session: AppSession, category_label: object) -> None:
        super().__init__()
        self.setObjectName("incident_detail")
        self.session = session
        self.category_label = category_label
        self.detail: IncidentDetail | None = None
        self.incident_id: int | None = None
        self._last_command: tuple[str, IncidentRow] | None = None  # for a conflict
        # Why a command was refused stays shown until the operator acts again or opens
        # another incident: reloads (the one after the refusal, the feed's) keep it.
        self._command_error = False

        self.header = QLabel(self.tr("Select an incident in the queue"), objectName="detail_header")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.status_bar = QHBoxLayout()
        self.status_buttons: list[QPushButton] = []
        self.btn_dispatch = QPushButton(self.tr("Dispatch units (Ctrl+D)"), objectName="dispatch")
        self.btn_dispatch.setStyleSheet("font-weight: bold;")
        self.btn_dispatch.clicked.connect(self._request_dispatch)
        self.btn_merge = QPushButton(self.tr("Merge into…"), objectName="merge")
        self.btn_merge.clicked.connect(
            lambda: self.incident_id and self.sig_merge_requested.emit(self.incident_id)
        )
        self.lock_banner = LockBanner(session)  # "Sedang diedit oleh X di WS-2"
        self.lbl_error = QLabel(objectName="detail_error")
        set_tone(self.lbl_error, "error")
        self.lbl_error.setWordWrap(True)

        self.tabs = QTabWidget()
        self.timeline = QTreeWidget(objectName="timeline")
        self.timeline.setHeaderLabels([self.tr("Time"), self.tr("Event"), self.tr("By")])
        self.timeline.setRootIsDecorated(False)
        self.timeline.setColumnWidth(0, 120)
        self.timeline.setColumnWidth(1, 380)
        self.calls = QTreeWidget(objectName="linked_calls")
        self.calls.setHeaderLabels(
            [self.tr("Received"), self.tr("Number"), self.tr("Outcome"), self.tr("Operator")]
        )
        self.calls.setRootIsDecorated(False)
        self.units = QTreeWidget(objectName="dispatched_units")
        self.units.setHeaderLabels(
            [
                self.tr("Unit"),
                self.tr("Dispatched"),
                self.tr("En route"),
                self.tr("On scene"),
                self.tr("Cleared"),
            ]
        )
        self.units.setRootIsDecorated(False)
        self.info = QLabel(objectName="detail_info")
        self.info.setWordWrap(True)
        self.info.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.info.setTextFormat(Qt.TextFormat.RichText)
        self.tabs.addTab(self.info, self.tr("Details"))
        self.tabs.addTab(self.timeline, self.tr("Timeline"))
        self.tabs.addTab(self.calls, self.tr("Calls"))
        self.tabs.addTab(self.units, self.tr("Units"))
        self.delivery = DeliveryStateWidget(session) if session.services is not None else None
        if self.delivery is not None:
            self.tabs.addTab(self.delivery, self.tr("Field notifications"))

        self.note = QLineEdit(objectName="note_input")
        self.note.setPlaceholderText(self.tr("Add a note (Ctrl+N, Enter to save)"))
        self.note.returnPressed.connect(self._add_note)
        self.note.textEdited.connect(lambda _t: self.lock_banner.touch())
        for key, slot in (
            ("Ctrl+D", self._request_dispatch),
            ("Ctrl+N", lambda: self.note.setFocus()),
        ):
            act = QAction(self)
            act.setShortcut(QKeySequence(key))
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            act.triggered.connect(slot)
            self.addAction(act)

        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.btn_dispatch)
        top.addWidget(self.btn_merge)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.lock_banner)
        self.status_bar.addStretch(1)
        layout.addLayout(self.status_bar)
        layout.addWidget(self.lbl_error)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.note)
        self._set_enabled(False)

    def _set_enabled(self, on: bool) -> None:
        for w in (self.btn_dispatch, self.btn_merge, self.note):
            w.setEnabled(on)
        actor = self.session.actor
        self.btn_merge.setVisible(actor is not None and actor.can(Action.MERGE))

    # -- loading --------------------------------------------------------------------------
    def show_incident(self, incident_id: int) -> None:
        services, actor = self.session.services, self.session.actor
        if services is None or actor is None:
            return
        if incident_id != self.incident_id:
            self._start_command()  # another incident: the last refusal was about the other
        self.incident_id = incident_id
        self.lock_banner.set_incident(incident_id)
        if incident_id < 0:  # opened offline: still in this console's outbox
            self.detail = None
            self.header.setText(
                self.tr("Saved on this computer; it will be sent when the database is back")
            )
            self._set_enabled(False)
            return
        if self.delivery is not None:
            self.delivery.set_incident(incident_id)
        self.session.worker.submit(
            lambda: services.incidents.detail(actor, incident_id),
            self._on_detail,
            self._on_load_error,
        )

    def reload(self) -> None:
        if self.incident_id is not None:
            self.show_incident(self.incident_id)

    def _on_detail(self, d: IncidentDetail) -> None:
        if d.row.id != self.incident_id:
            return
        self.detail = d
        if not self._command_error:
            self.lbl_error.clear()  # a load error ("last known state") is over
        r = d.row
        colour = PRIORITY_COLOURS.get(r.priority, "#607d8b")
        cat = self.category_label(r.category_code)  # type: ignore[operator]
        place = " / ".join(x for x in (r.kecamatan, r.kelurahan) if x)
        badge = f"<span style='background:{colour};color:white'>&nbsp;P{r.priority}&nbsp;</span>"
        sensitive = self.tr("sensitive")
        self.header.setText(
            f"<span style='font-size:15px'><b>{r.number}</b></span> {badge} "
            f"<b>{label(STATUSES, r.status)}</b> · {cat} · {place}"
            + (f" · 🔒 {sensitive}" if r.sensitive else "")
        )
        rows = [
            (self.tr("Priority"), label(PRIORITIES, r.priority)),
            (self.tr("Received"), to_wib(r.first_received_at).strftime("%d/%m/%Y %H:%M:%S")),
            (self.tr("Address"), r.address or "—"),
            (self.tr("Landmark"), d.landmark or "—"),
            (
                self.tr("Coordinates"),
                f"{r.latitude:.5f}, {r.longitude:.5f}"
                if r.latitude is not None and r.longitude is not None
                else "—",
            ),
            (self.tr("Caller name"), d.caller_name or "—"),
            (self.tr("Description"), d.description or "—"),
        ]
        if d.merged_into:
            rows.append((self.tr("Merged into"), d.merged_into))
        html = "".join(f"<tr><td><b>{k}</b></td><td>{_esc(v)}</td></tr>" for k, v in rows)
        if d.details_hidden:
            html += (
                "<tr><td colspan=2><i>"
                + self.tr(
                    "Personal details are visible only to the supervisor and the handling operator."
                )
                + "</i></td></tr>"
            )
        self.info.setText(f"<table cellspacing=4>{html}</table>")
        self.timeline.clear()
        for e in d.timeline:
            what = self.tr(EVENT_TEXTS.get(e.kind, e.kind))
            if e.kind == "status" or e.kind == "merged":
                what += f": {label(STATUSES, e.from_status)} → {label(STATUSES, e.to_status)}"
            if e.kind == "unit_status":
                what += f": {e.unit} {label(UNIT_STATUSES, e.to_status)}"
            elif e.unit:
                what += f": {e.unit}"
            if e.text:
                what += f" — {e.text}"
            by = " · ".join(x for x in (e.user, e.workstation) if x)
            self.timeline.addTopLevelItem(
                QTreeWidgetItem([to_wib(e.at).strftime("%d/%m %H:%M:%S"), what, by])
            )
        self.calls.clear()
        for c in d.calls:
            number = (
                c.caller_number
                if c.caller_number in ("hidden", "•••")
                else display_number(c.caller_number)
            )
            self.calls.addTopLevelItem(
                QTreeWidgetItem(
                    [
                        to_wib(c.received_at).strftime("%d/%m %H:%M:%S"),
                        number,
                        label(OUTCOMES, c.outcome),
                        c.operator or "",
                    ]
                )
            )
        self.units.clear()
        for u in d.dispatches:

            def t(x: object) -> str:
                return to_wib(x).strftime("%H:%M:%S") if x else "—"  # type: ignore[arg-type]

            self.units.addTopLevelItem(
                QTreeWidgetItem(
                    [
                        u.call_sign,
                        t(u.dispatched_at),
                        t(u.en_route_at),
                        t(u.on_scene_at),
                        t(u.cleared_at),
                    ]
                )
            )
        self._build_status_buttons(d)
        self._set_enabled(IncidentStatus(r.status).is_open)

    def _build_status_buttons(self, d: IncidentDetail) -> None:
        for b in self.status_buttons:
            self.status_bar.removeWidget(b)
            b.deleteLater()
        self.status_buttons = []
        for target in d.allowed_statuses:
            btn = QPushButton(
                self.tr("→ {status}").format(status=label(STATUSES, target)),
                objectName=f"status_{target}",
            )
            btn.clicked.connect(lambda _c=False, t=target: self.change_status(t))
            self.status_bar.insertWidget(len(self.status_buttons), btn)
            self.status_buttons.append(btn)

    # -- commands -------------------------------------------------------------------------
    def change_status(self, target: str) -> None:
        services, actor, d = self.session.services, self.session.actor, self.detail
        if services is None or actor is None or d is None:
            return
        if (
            target == "cancelled"
            and QMessageBox.question(
                self,
                self.tr("Cancel incident"),
                self.tr("Cancel incident {number}?").format(number=d.row.number),
            )
            != QMessageBox.StandardButton.Yes
        ):
            return
        self._start_command()
        version = d.row.version
        self._last_command = (target, d.row)
        gateway = self.session.extra.get("gateway")
        if gateway is not None:  # offline: queued, and a provisional row comes back

            def run() -> IncidentRow:
                return gateway.change_status(actor, d.row.id, target, version, known=d.row)  # type: ignore[no-any-return,attr-defined]
        else:

            def run() -> IncidentRow:
                return services.incidents.change_status(actor, d.row.id, target, version)

        self.session.worker.submit(run, self._on_command_done, self._on_error)

    def _add_note(self) -> None:
        services, actor, d = self.session.services, self.session.actor, self.detail
        text = self.note.text()
        if services is None or actor is None or d is None or not text.strip():
            return
        target = self.session.extra.get("gateway") or services.incidents
        self._start_command()
        self.session.worker.submit(
            lambda: target.add_note(actor, d.row.id, text),  # type: ignore[attr-defined]
            lambda _r: (self.note.clear(), self.reload()),
            self._on_error,
        )

    def _request_dispatch(self) -> None:
        if self.incident_id is not None and self.btn_dispatch.isEnabled():
            self.lock_banner.touch()
            self.sig_dispatch_requested.emit(self.incident_id)

    def _on_command_done(self, row: IncidentRow) -> None:
        self.sig_changed.emit(row)
        self.reload()

    def _on_error(self, exc: BaseException) -> None:
        """A command was refused: say why and show the incident as it now is. Changed on
        another console meanwhile: show what changed and offer to apply this change again."""
        last, self._last_command = self._last_command, None
        self._say_refused(exc)
        if isinstance(exc, ConflictError) and last is not None:
            target, seen = last
            resolve_conflict(
                self,
                self.session,
                seen,
                self.tr("→ {status}").format(status=label(STATUSES, target)),
                lambda version: self._retry_status(target, seen, version),
                category_label=self.category_label,  # type: ignore[arg-type]
                on_error=self._say_refused,
            )
        self.reload()

    def _say_refused(self, exc: BaseException) -> None:
        self.lbl_error.setText(error_text(exc))
        self._command_error = True

    def _start_command(self) -> None:
        self.lbl_error.clear()
        self._command_error = False

    def _retry_status(self, target: str, seen: IncidentRow, version: int) -> None:
        services, actor = self.session.services, self.session.actor
        if services is None or actor is None:
            return
        self._start_command()
        self._last_command = (target, seen)
        self.session.worker.submit(
            lambda: services.incidents.change_status(actor, seen.id, target, version),
            self._on_command_done,
            self._on_error,
        )

    def _on_load_error(self, exc: BaseException) -> None:
        if is_connection_error(exc):  # an outage: keep what is shown, say it is not fresh
            self.lbl_error.setText(
                self.tr("The database cannot be reached: this is the last known state.")
            )
            return
        self.lbl_error.setText(error_text(exc))


def _esc(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")
    )
