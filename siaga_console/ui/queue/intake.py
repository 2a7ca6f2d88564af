"""Call intake: one key per nuisance call, the incident form for a real emergency.

Flow: F2 starts a call (the ring time is captured), the number is typed (its history shows
at once), then one key ends it: F5 prank, F6 silent, F7 dropped, F8 wrong number, F9 info,
F10 test (the call is logged and the panel clears), or F3 valid (the incident form opens).
An outcome key without F2 first logs a call received now, number hidden.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import QUICK_OUTCOMES, CallOutcome
from ...domain.errors import FormErrors, ValidationError
from ...domain.phone import HIDDEN, display_number, normalize_number
from ...domain.timeutil import to_wib
from ...services.inputs import CallInput
from ...services.views import CallerHistory, CallView, IncidentRow
from ..error_texts import error_text
from ..labels import OUTCOMES, label
from ..session import AppSession
from ..theme import set_tone, tone
from .incident_form import IncidentForm


class IntakePanel(QWidget):
    sig_call_logged = Signal(object)  # CallView
    sig_incident_created = Signal(object)  # IncidentRow
    sig_message = Signal(str)

    def __init__(self, session: AppSession, form: IncidentForm) -> None:
        super().__init__()
        self.setObjectName("intake_panel")
        self.session = session
        self.form = form
        self.call_started: datetime | None = None
        self.call_uuid: str | None = None
        self.busy = False

        self.btn_new = QPushButton(self.tr("New call (F2)"), objectName="new_call")
        self.btn_new.setMinimumHeight(40)
        self.btn_new.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.btn_new.clicked.connect(self.start_call)
        self.lbl_call = QLabel(self.tr("No call in progress"), objectName="call_state")
        self.number = QLineEdit(objectName="caller_number", maxLength=32)
        self.number.setPlaceholderText(self.tr("Caller number (empty: hidden)"))
        self.number.textEdited.connect(lambda _t: self._history_timer.start())
        self.lbl_number_error = QLabel(objectName="number_error")
        set_tone(self.lbl_number_error, "error")
        self.lbl_history = QLabel(objectName="caller_history")
        self.lbl_history.setWordWrap(True)
        self.lbl_history.setTextFormat(Qt.TextFormat.RichText)

        outcomes = QGroupBox(self.tr("Outcome: one key logs the call"))
        grid = QGridLayout(outcomes)
        self.outcome_buttons: dict[CallOutcome, QPushButton] = {}
        self.outcome_actions: list[QAction] = []
        for i, (outcome, key) in enumerate(QUICK_OUTCOMES):
            btn = QPushButton(
                f"{label(OUTCOMES, outcome.value)}  [{key}]", objectName=f"outcome_{outcome.value}"
            )
            btn.setToolTip(
                self.tr("Log the call as {outcome} ({key})").format(
                    outcome=label(OUTCOMES, outcome.value), key=key
                )
            )
            btn.clicked.connect(lambda _c=False, o=outcome: self.log_outcome(o))
            grid.addWidget(btn, i // 2, i % 2)
            self.outcome_buttons[outcome] = btn
            act = QAction(self)
            act.setShortcut(QKeySequence(key))
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            act.triggered.connect(lambda _c=False, o=outcome: self.log_outcome(o))
            self.outcome_actions.append(act)
        self.btn_valid = QPushButton(
            self.tr("Emergency: open incident form (F3)"), objectName="outcome_valid"
        )
        self.btn_valid.setStyleSheet("background: #c62828; color: white; font-weight: bold;")
        self.btn_valid.setMinimumHeight(36)
        self.btn_valid.clicked.connect(self.open_form)
        grid.addWidget(self.btn_valid, 3, 0, 1, 2)
        act_valid = QAction(self)
        act_valid.setShortcut(QKeySequence("F3"))
        act_valid.triggered.connect(self.open_form)
        self.outcome_actions.append(act_valid)
        self.act_cancel_form = QAction(self)
        self.act_cancel_form.setShortcut(QKeySequence("Esc"))
        self.act_cancel_form.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.act_cancel_form.triggered.connect(self.close_form)
        self.addAction(self.act_cancel_form)

        self.lbl_result = QLabel(objectName="intake_result")
        self.lbl_result.setWordWrap(True)

        self.form_box = QGroupBox(self.tr("Incident"))
        box_layout = QVBoxLayout(self.form_box)
        box_layout.addWidget(form)
        self.form_box.hide()
        form.sig_save_requested.connect(self.save_incident)
        form.sig_link_requested.connect(self.link_duplicate)
        form.sig_changed.connect(self.look_for_duplicates)

        top = QVBoxLayout()
        top.addWidget(self.btn_new)
        top.addWidget(self.lbl_call)
        num_row = QHBoxLayout()
        num_row.addWidget(QLabel(self.tr("Number")))
        num_row.addWidget(self.number)
        top.addLayout(num_row)
        top.addWidget(self.lbl_number_error)
        top.addWidget(self.lbl_history)
        top.addWidget(outcomes)
        top.addWidget(self.lbl_result)
        top.addWidget(self.form_box)
        top.addStretch(1)
        inner = QWidget()
        inner.setLayout(top)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self._history_timer = QTimer(self, singleShot=True, interval=250)
        self._history_timer.timeout.connect(self.lookup_history)

    # -- the call -----------------------------------------------------------------------
    def start_call(self) -> None:
        if self.call_started is None:
            self.call_started = self.session.services.ctx.clock() if self.session.services else None
            self.call_uuid = str(uuid.uuid4())
        started = to_wib(self.call_started).strftime("%H:%M:%S") if self.call_started else "?"
        self.lbl_call.setText(self.tr("Call in progress since {time}").format(time=started))
        set_tone(self.lbl_call, "ok", bold=True)
        self.number.setFocus()
        self.number.selectAll()

    def _call_input(self) -> CallInput:
        return CallInput(
            caller_number=self.number.text(),
            received_at=self.call_started,
            answered_at=self.call_started,
            uuid=self.call_uuid,
        )

    def _commands(self) -> Any:
        """Where commands go: the outage-safe gateway (issue 6) when it is installed."""
        return self.session.extra.get("gateway")

    def _clear_call(self) -> None:
        self.call_started = None
        self.call_uuid = None
        self.number.clear()
        self.lbl_number_error.clear()
        self.lbl_history.clear()
        self.lbl_call.setText(self.tr("No call in progress"))
        self.lbl_call.setStyleSheet("")
        self.form.reset()
        self.form_box.hide()

    def log_outcome(self, outcome: CallOutcome) -> None:
        """One keystroke: log the call with this outcome and clear the panel."""
        services, actor = self.session.services, self.session.actor
        if services is None or actor is None or self.busy:
            return
        if self.form_box.isVisible():
            return  # a valid call is being written up: Esc closes the form first
        if self.call_uuid is None:
            self.call_uuid = str(uuid.uuid4())
        call = self._call_input()
        self.busy = True
        target = self._commands() or services.intake
        self.session.worker.submit(
            lambda: target.log_call(actor, call, outcome),
            self._on_logged,
            self._on_number_error,
        )

    def _on_logged(self, view: CallView) -> None:
        self.busy = False
        shown = (
            display_number(view.caller_number)
            if view.caller_number != HIDDEN
            else self.tr("hidden number")
        )
        self.lbl_result.setText(
            self.tr("Logged: {outcome} · {number}").format(
                outcome=label(OUTCOMES, view.outcome), number=shown
            )
            + (self._offline_note() if view.id < 0 else "")
        )
        self._clear_call()
        self.sig_call_logged.emit(view)

    def _on_number_error(self, exc: BaseException) -> None:
        self.busy = False
        self.lbl_number_error.setText(error_text(exc))  # the typed number stays
        self.number.setFocus()

    # -- caller history -----------------------------------------------------------------
    def lookup_history(self) -> None:
        services = self.session.services
        try:
            number = normalize_number(self.number.text())
        except ValidationError:
            self.lbl_history.clear()
            return
        if services is None or number == HIDDEN:
            self.lbl_history.clear()
            return
        self.lbl_number_error.clear()
        self.session.worker.submit(
            lambda: services.intake.caller_history(number), self.show_history, lambda _e: None
        )

    def show_history(self, h: CallerHistory) -> None:
        if h.total == 0:
            self.lbl_history.setText(self.tr("First call from this number."))
            return
        parts = [
            self.tr("{total} calls ({today} today), {pranks} prank ({pranks_today} today)").format(
                total=h.total, today=h.today, pranks=h.pranks_total, pranks_today=h.pranks_today
            )
        ]
        if h.flagged:
            flag = self.tr("REPEAT PRANK CALLER")
            parts.insert(0, f"<b style='color:{tone('error')}'>{flag}</b>")
        if h.open_incidents:
            parts.append(
                self.tr("Open incidents: {numbers}").format(numbers=", ".join(h.open_incidents))
            )
        recent = ", ".join(
            f"{to_wib(c.received_at).strftime('%d/%m %H:%M')} {label(OUTCOMES, c.outcome)}"
            for c in h.recent[:5]
        )
        parts.append(self.tr("Recent: {calls}").format(calls=recent))
        self.lbl_history.setText("<br>".join(parts))

    # -- the incident form ------------------------------------------------------------------
    def open_form(self) -> None:
        if self.call_started is None:
            self.start_call()
        self.form_box.show()
        self.form.category.setFocus()

    def close_form(self) -> None:
        self.form_box.hide()
        self.number.setFocus()

    def save_incident(self) -> None:
        services, actor = self.session.services, self.session.actor
        if services is None or actor is None or self.busy:
            return
        try:
            form = self.form.form_input()
        except FormErrors as exc:
            self.form.show_errors(exc)
            return
        call = self._call_input()
        self.busy = True
        target = self._commands() or services.incidents
        self.session.worker.submit(
            lambda: target.create_from_call(actor, call, form),
            self._on_created,
            self._on_form_error,
        )

    def _on_created(self, row: IncidentRow) -> None:
        self.busy = False
        self.lbl_result.setText(
            self.tr("Incident {number} opened").format(number=row.number)
            + (self._offline_note() if row.id < 0 else "")
        )
        self._clear_call()
        self.sig_incident_created.emit(row)

    def _on_form_error(self, exc: BaseException) -> None:
        self.busy = False
        if isinstance(exc, FormErrors):
            self.form.show_errors(exc)
        elif isinstance(exc, ValidationError) and exc.field == "caller_number":
            self.lbl_number_error.setText(error_text(exc))
            self.number.setFocus()
        else:
            self.form.lbl_form_error.setText(error_text(exc))

    def look_for_duplicates(self) -> None:
        services = self.session.services
        if services is None or not self.form_box.isVisible():
            return
        try:
            form = self.form.form_input()
        except FormErrors:
            return
        settings = self.session.extra.get("settings", {})
        radius = (
            float(settings.get("duplicate_radius_m", 500)) if isinstance(settings, dict) else 500
        )
        window = int(settings.get("duplicate_window_min", 30)) if isinstance(settings, dict) else 30
        self.session.worker.submit(
            lambda: services.intake.find_duplicates(form, radius_m=radius, window_min=window),
            self.form.set_duplicates,
            lambda _e: None,
        )

    def link_duplicate(self, incident_id: int) -> None:
        services, actor = self.session.services, self.session.actor
        if services is None or actor is None or self.busy:
            return
        call = self._call_input()
        self.busy = True
        target = self._commands() or services.intake
        self.session.worker.submit(
            lambda: target.link_duplicate(actor, call, incident_id),
            self._on_linked,
            self._on_form_error,
        )

    def _offline_note(self) -> str:
        return " — " + self.tr("saved on this computer, sent when the database is back")

    def _on_linked(self, view: CallView) -> None:
        self.busy = False
        self.lbl_result.setText(
            self.tr("Call linked to {number}").format(number=view.incident_number or "")
        )
        self._clear_call()
        self.sig_call_logged.emit(view)
