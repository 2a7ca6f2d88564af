"""Call intake and the incident queue: the dispatcher's main screen (issue 3)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMessageBox, QSplitter

from ...domain.permissions import Action
from ...resources import gazetteer
from ...services.feed import FeedEntry
from ...services.views import IncidentRow
from ..error_texts import error_text
from ..main_window import MainWindow
from ..session import AppSession
from .detail import IncidentDetailPanel
from .dispatch_dialog import DispatchDialog
from .help import HelpOverlay
from .incident_form import IncidentForm
from .intake import IntakePanel
from .model import QueueModel
from .prank_list import PrankListDialog
from .table import QueuePanel
from .units import UnitsPanel


class QueueFeature(QObject):
    """Builds and wires the intake panel, the queue, the detail and the unit board."""

    def __init__(self, window: MainWindow, session: AppSession) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        ref = session.reference
        assert ref is not None and session.services is not None and session.bus is not None
        labels = {
            c.code: (c.label_id if session.language == "id" else c.label_en) for c in ref.categories
        }
        self.category_label = lambda code: labels.get(code, code)
        self.model = QueueModel(
            self.category_label,
            alert_after_s=float(ref.settings.get("p1_dispatch_alert_s", 120)),
            clock=session.services.ctx.clock,
        )
        session.extra["settings"] = ref.settings
        self.form = IncidentForm(
            ref.categories,
            ref.kecamatan,
            ref.kelurahan,
            gazetteer(),
            session.language,
            ref.agencies,
        )
        self.intake = IntakePanel(session, self.form)
        self.queue = QueuePanel(self.model, ref.categories, ref.kecamatan, session.language)
        self.detail = IncidentDetailPanel(session, self.category_label)
        self.units = UnitsPanel(session)

        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.queue)
        right.addWidget(self.detail)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        central = QSplitter(Qt.Orientation.Horizontal)
        central.setObjectName("central_splitter")
        central.addWidget(self.intake)
        central.addWidget(right)
        central.setStretchFactor(1, 1)
        central.setSizes([380, 1000])
        self.intake.setMinimumWidth(330)
        window.set_panel("queue", central)
        window.set_panel("units", self.units)
        self._actions()
        self._wire()
        self.reload()

    # -- menus and keys -----------------------------------------------------------------
    def _actions(self) -> None:
        w = self.window
        for act in self.intake.outcome_actions:
            w.addAction(act)
        act_help = QAction(self.tr("Keyboard shortcuts"), w)
        act_help.setShortcut(QKeySequence("F1"))
        act_help.triggered.connect(lambda: HelpOverlay(w).exec())
        w.m_help.insertAction(w.m_help.actions()[0] if w.m_help.actions() else None, act_help)
        actor = self.session.actor
        if actor is not None and actor.can(Action.PRANK_LIST):
            act_pranks = QAction(self.tr("Repeat prank callers…"), w)
            act_pranks.setObjectName("act_prank_list")
            act_pranks.triggered.connect(self.show_prank_list)
            w.m_calls.addAction(act_pranks)

    def _wire(self) -> None:
        bus = self.session.bus
        assert bus is not None
        self.window.sig_new_call_requested.connect(self.intake.start_call)
        self.queue.sig_selected.connect(self.detail.show_incident)
        self.queue.sig_selected.connect(bus.sig_incident_selected)
        self.queue.sig_activated.connect(self.detail.show_incident)
        bus.sig_incident_activated.connect(self.activate)
        self.intake.sig_incident_created.connect(self._on_created)
        self.detail.sig_changed.connect(lambda row: self.model.upsert([row]))
        self.detail.sig_dispatch_requested.connect(self.open_dispatch)
        self.detail.sig_merge_requested.connect(self.merge)
        self.units.sig_unit_changed.connect(lambda _u: self.detail.reload())
        self.form.sig_pick_on_map.connect(lambda: bus.sig_pick_location_requested.emit(True))
        bus.sig_location_picked.connect(self._on_location)
        bus.sig_changes.connect(self.on_changes)

    def reload(self) -> None:
        services = self.session.services
        assert services is not None
        model = self.model
        self.session.worker.submit(
            lambda: model.prepare(services.incidents.queue(self.session.actor)),
            model.set_entries,
            self._show_error,
        )
        self.units.reload()

    # -- reactions ----------------------------------------------------------------------
    def activate(self, incident_id: int) -> None:
        if not self.queue.select_incident(incident_id):
            self.detail.show_incident(incident_id)

    def _on_created(self, row: IncidentRow) -> None:
        self.model.upsert([row])
        self.queue.select_incident(row.id)

    def _on_location(self, lat: float, lon: float) -> None:
        if not self.intake.form_box.isVisible():
            self.intake.open_form()
        problem = self.form.set_location(lat, lon)
        if problem:
            self.window.statusBar().showMessage(problem, 8000)

    def on_changes(self, entries: list[FeedEntry]) -> None:
        """Changes committed anywhere: re-read those rows and apply them in place."""
        services = self.session.services
        if services is None:
            return
        incident_ids = sorted(
            {e.entity_id for e in entries if e.entity == "incident" and e.entity_id is not None}
            | {
                int(e.data["incident"])
                for e in entries
                if e.entity == "unit" and e.data and e.data.get("incident")
            }
        )
        unit_ids = sorted(
            {e.entity_id for e in entries if e.entity == "unit" and e.entity_id is not None}
        )
        if incident_ids:
            self.session.worker.submit(
                lambda: services.incidents.rows(incident_ids, self.session.actor),
                self.model.upsert,
                self._show_error,
            )
            if self.detail.incident_id in incident_ids:
                self.detail.reload()
        if unit_ids:
            self.units.refresh_units(unit_ids)
        if any(e.kind == "call.logged" for e in entries):
            self.intake.lookup_history()

    def open_dispatch(self, incident_id: int) -> None:
        services = self.session.services
        assert services is not None
        self.session.worker.submit(
            lambda: (services.dispatch.recommend(incident_id, limit=12), services.dispatch.units()),
            lambda res: self._show_dispatch(incident_id, *res),
            self._show_error,
        )

    def _show_dispatch(self, incident_id: int, suggestions: list, units: list) -> None:  # type: ignore[type-arg]
        row = self.model.get(incident_id)
        number = row.number if row else str(incident_id)
        dlg = DispatchDialog(number, suggestions, units, self.window)
        if dlg.exec() != DispatchDialog.DialogCode.Accepted or not dlg.chosen():
            return
        services, actor = self.session.services, self.session.actor
        assert services is not None and actor is not None
        chosen = dlg.chosen()
        version = row.version if row else None
        self.session.worker.submit(
            lambda: services.dispatch.dispatch(actor, incident_id, chosen, version),
            self._after_dispatch,
            self._dispatch_error,
        )

    def _after_dispatch(self, row: IncidentRow) -> None:
        self.model.upsert([row])
        self.detail.reload()
        self.units.reload()

    def _dispatch_error(self, exc: BaseException) -> None:
        self.detail.lbl_error.setText(error_text(exc))
        self.units.reload()

    def merge(self, incident_id: int) -> None:
        services, actor = self.session.services, self.session.actor
        assert services is not None and actor is not None
        number, ok = QInputDialog.getText(
            self.window,
            self.tr("Merge incident"),
            self.tr("Merge this incident into incident number:"),
        )
        if not ok or not number.strip():
            return

        def run() -> IncidentRow:
            target = services.incidents.by_number(number)
            return services.incidents.merge(actor, incident_id, target.id)

        self.session.worker.submit(run, self._after_merge, self._show_error)

    def _after_merge(self, row: IncidentRow) -> None:
        self.reload()
        self.queue.select_incident(row.id)

    def show_prank_list(self) -> None:
        services, actor = self.session.services, self.session.actor
        assert services is not None and actor is not None
        thresholds = (services.intake.daily_threshold, services.intake.total_threshold)
        self.session.worker.submit(
            lambda: services.intake.prank_offenders(actor),
            lambda rows: PrankListDialog(rows, thresholds, self.window).exec(),
            self._show_error,
        )

    def _show_error(self, exc: BaseException) -> None:
        QMessageBox.warning(self.window, self.tr("Siaga Console"), error_text(exc))


def install(window: MainWindow, session: AppSession) -> None:
    session.extra["queue"] = QueueFeature(window, session)
