"""The unit status board, by agency: status changes with a key, times feeding the measures."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QVBoxLayout, QWidget

from ...domain.enums import UnitStatus
from ...domain.timeutil import format_duration, utcnow
from ...services.views import UnitRow
from ..error_texts import error_text
from ..labels import UNIT_STATUSES, label
from ..session import AppSession
from ..theme import set_tone

Index = QModelIndex | QPersistentModelIndex
UNIT_COLUMNS = (
    QT_TRANSLATE_NOOP("UnitsModel", "Unit"),
    QT_TRANSLATE_NOOP("UnitsModel", "Agency"),
    QT_TRANSLATE_NOOP("UnitsModel", "Type"),
    QT_TRANSLATE_NOOP("UnitsModel", "Status"),
    QT_TRANSLATE_NOOP("UnitsModel", "Since"),
    QT_TRANSLATE_NOOP("UnitsModel", "Incident"),
    QT_TRANSLATE_NOOP("UnitsModel", "Base"),
)
STATUS_COLOURS = {
    "available": "#c8e6c9",
    "dispatched": "#fff9c4",
    "en_route": "#ffe0b2",
    "on_scene": "#ffcdd2",
    "returning": "#bbdefb",
    "out_of_service": "#e0e0e0",
}
STATUS_KEYS = (
    (UnitStatus.EN_ROUTE, "Ctrl+1"),
    (UnitStatus.ON_SCENE, "Ctrl+2"),
    (UnitStatus.RETURNING, "Ctrl+3"),
    (UnitStatus.AVAILABLE, "Ctrl+4"),
    (UnitStatus.OUT_OF_SERVICE, "Ctrl+5"),
)


class UnitsModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[UnitRow] = []
        self.now = utcnow

    def set_rows(self, rows: list[UnitRow]) -> None:
        self.beginResetModel()
        self.rows = sorted(rows, key=lambda u: (u.agency, u.call_sign))
        self.endResetModel()

    def upsert(self, rows: list[UnitRow]) -> None:
        pos = {u.id: i for i, u in enumerate(self.rows)}
        for u in rows:
            i = pos.get(u.id)
            if i is None:
                self.set_rows([*self.rows, u])
                pos = {x.id: n for n, x in enumerate(self.rows)}
            else:
                self.rows[i] = u
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(UNIT_COLUMNS) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(UNIT_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("UnitsModel", UNIT_COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        u = self.rows[index.row()]
        c = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            since: datetime = u.status_changed_at
            return (
                u.call_sign,
                u.agency,
                u.unit_type,
                label(UNIT_STATUSES, u.status),
                format_duration((self.now() - since).total_seconds()),
                u.incident_number or "",
                u.base_label or "",
            )[c]
        if role == Qt.ItemDataRole.BackgroundRole and c == 3:
            return QBrush(QColor(STATUS_COLOURS.get(u.status, "#ffffff")))
        if role == Qt.ItemDataRole.ForegroundRole and c == 3:
            return QBrush(QColor("#212121"))
        if role == Qt.ItemDataRole.UserRole:
            return u.id
        return None


class UnitsPanel(QWidget):
    sig_unit_changed = Signal(object)  # UnitRow

    def __init__(self, session: AppSession) -> None:
        super().__init__()
        self.setObjectName("units_panel")
        self.session = session
        self.model = UnitsModel()
        self.table = QTableView(objectName="units_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.horizontalHeader().setStretchLastSection(True)
        for col, w in enumerate((110, 90, 120, 110, 70, 150)):
            self.table.setColumnWidth(col, w)
        self.hint = QLabel(
            self.tr(
                "Selected unit: Ctrl+1 en route · Ctrl+2 on scene · Ctrl+3 returning · "
                "Ctrl+4 available · Ctrl+5 out of service"
            )
        )
        self.error = QLabel(objectName="units_error")
        set_tone(self.error, "error")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        for status, key in STATUS_KEYS:
            act = QAction(label(UNIT_STATUSES, status.value), self)
            act.setShortcut(QKeySequence(key))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(lambda _c=False, s=status: self.set_status(s))
            self.table.addAction(act)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def reload(self) -> None:
        services = self.session.services
        if services is not None:
            self.session.worker.submit(services.dispatch.units, self.model.set_rows, self._error)

    def refresh_units(self, ids: list[int]) -> None:
        services = self.session.services
        if services is not None and ids:
            self.session.worker.submit(
                lambda: services.dispatch.units(ids), self.model.upsert, self._error
            )

    def selected_unit(self) -> UnitRow | None:
        idx = self.table.currentIndex()
        return self.model.rows[idx.row()] if idx.isValid() else None

    def set_status(self, status: UnitStatus) -> None:
        services, actor, unit = self.session.services, self.session.actor, self.selected_unit()
        if services is None or actor is None or unit is None:
            return
        version = unit.version
        gateway = self.session.extra.get("gateway")
        if gateway is not None:  # offline: queued, and the board shows it at once

            def run() -> UnitRow:
                return gateway.set_unit_status(actor, unit.id, status, version, known=unit)  # type: ignore[no-any-return,attr-defined]
        else:

            def run() -> UnitRow:
                return services.dispatch.set_unit_status(actor, unit.id, status, version)

        self.session.worker.submit(run, self._done, self._error)

    def _done(self, unit: UnitRow) -> None:
        self.error.clear()
        self.model.upsert([unit])
        self.sig_unit_changed.emit(unit)

    def _error(self, exc: BaseException) -> None:
        self.error.setText(error_text(exc))
